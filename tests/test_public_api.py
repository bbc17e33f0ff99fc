import newsweave


def test_all_is_sorted_and_exported():
    assert newsweave.__all__ == sorted(newsweave.__all__)
    for name in newsweave.__all__:
        assert hasattr(newsweave, name), name


def test_stage_functions_are_exposed():
    for stage in ["ingest", "extract", "analyze", "dedupe", "cluster", "compare", "brief"]:
        assert callable(getattr(newsweave, stage))
