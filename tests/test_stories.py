"""Dedupe, clustering and comparison on the demo corpus (see src/newsweave/demo/CORPUS.md)."""

import re

import pytest

import builders
from newsweave.brief import render
from newsweave.cluster import cluster, features, make_index, story_title
from newsweave.models import Analysis, Article


def story_urls(store):
    return sorted(
        sorted(a.url.split("/")[2] for a in store.articles(story=s.id)) for s in store.stories()
    )


def test_the_demo_makes_three_stories_and_keeps_the_two_ferry_accidents_apart(demo_store):
    stories = [
        store_articles
        for store_articles in (demo_store.articles(story=s.id) for s in demo_store.stories())
    ]
    assert sorted(len(s) for s in stories) == [3, 4, 4]
    for articles in stories:
        words = " ".join(a.text for a in articles)
        assert not (
            "Kalyra" in words
            and "Lisbon" in words
            and "Cais das Gaivotas" in words
            and len(articles) > 4
        )
    lisbon = next(s for s in stories if any("Lisbon" in a.title for a in s))
    assert all("Kalyra" not in a.text for a in lisbon)


def test_the_wire_copy_is_linked_to_its_source(demo_store):
    links = [link for link in demo_store.lineage() if link.kind == "duplicate"]
    assert len(links) == 1
    copy, source = demo_store.article(links[0].article), demo_store.article(links[0].source)
    assert (copy.outlet, source.outlet) == ("Harbour Gazette", "Meridian Wire")


def test_copies_do_not_count_as_independent_confirmation(demo_store):
    lisbon = next(
        s
        for s in demo_store.stories()
        if "Lisbon" in s.title or "Lisbon" in demo_store.brief(s.id).title
    )
    brief = demo_store.brief(lisbon.id)
    for claim in brief.claims:
        outlets = set(claim.outlets)
        if outlets == {"Meridian Wire", "Harbour Gazette"}:
            assert claim.independent_sources == 1 and claim.status != "corroborated"


def test_what_only_a_source_and_its_copy_report_is_the_sources_alone(demo_store):
    lisbon = next(s for s in demo_store.stories() if "Lisbon" in demo_store.brief(s.id).title)
    brief = demo_store.brief(lisbon.id)
    claims = {c.id: c for c in brief.claims}
    wire = [claims[i] for i in brief.unique_coverage["Meridian Wire"]]
    # The evacuation time is in Meridian Wire and in the Harbour Gazette's copy of it only.
    assert any("about 50 minutes" in c.text for c in wire)
    assert not brief.unique_coverage.get("Harbour Gazette")
    assert all(c.independent_sources == 1 for c in wire)


def test_a_number_that_differs_is_a_conflict(demo_store):
    conflicts = [c for s in demo_store.stories() for c in demo_store.brief(s.id).conflicts]
    injured = [
        c
        for c in conflicts
        if c.what == "people injured" and {"at least 14", "Twelve"} <= {v.value for v in c.values}
    ]
    assert injured, conflicts


def test_the_vote_conflict_sets_the_agreeing_outlets_against_the_other(demo_store):
    # "38 of 46" and "Thirty-eight of the 46" give one count; "40 of 46" another.
    conflicts = [c for s in demo_store.stories() for c in demo_store.brief(s.id).conflicts]
    [vote] = [c for c in conflicts if c.what == "councillors"]
    readings = [v.reading for v in vote.values]
    assert readings == sorted(readings, key=readings.index)  # agreeing values stand together
    assert sorted(set(readings)) == ["38/46", "40/46"]
    # "Thirty-eight of the council's 46 members" gives the same count of the same people.
    outlets = {demo_store.article(v.article).outlet for v in vote.values if v.reading == "38/46"}
    assert outlets == {"The Brackenford Chronicle", "Meridian Wire", "The Evening Lantern"}
    brief = next(demo_store.brief(s.id) for s in demo_store.stories() if "tram" in s.title.lower())
    line = next(x for x in render(brief, "md").splitlines() if x.startswith("- councillors:"))
    # One entry a value, citing every article that gives it: "38 of 46 [1][2][4] vs 40 of 46
    # [3]".
    assert line.count(" vs ") == 1 and line.count("[") == len(vote.values), line


def test_quote_drift_between_outlets(demo_store):
    drift = [d for s in demo_store.stories() for d in demo_store.brief(s.id).quote_drift]
    speakers = {d.speaker for d in drift}
    assert {"Duarte Pimenta", "Adaeze Okafor", "Martin Deverell"} <= speakers, drift
    # "No vessel will return to service" renders "We will not put a single vessel back in the
    # water" in more words; the Harbour Gazette's copy of the first wording is not told again.
    assert sum(d.speaker == "Duarte Pimenta" for d in drift) == 1
    for d in drift:
        assert d.variants[0].text != d.variants[1].text
        assert d.variants[0].differs or d.variants[1].differs


def test_progress_is_ordered_on_the_timeline(demo_store):
    lisbon = next(
        s
        for s in demo_store.stories()
        if any("Lisbon" in a.title for a in demo_store.articles(story=s.id))
    )
    timeline = demo_store.brief(lisbon.id).timeline
    planned = next(t for t in timeline if "would visit the terminal on Thursday" in t.what)
    done = next(t for t in timeline if "visited the Cais das Gaivotas" in t.what)
    assert planned.when == done.when == "2026-03-05"
    assert not any(c.what == "visit" for c in demo_store.brief(lisbon.id).conflicts)


def test_clustering_is_one_pass_and_pure():
    index = make_index()
    a = Article(
        id="a1",
        source="x",
        url=None,
        canonical_url=None,
        outlet="X",
        title="Dam bursts in Valdora",
        text="The Valdora dam burst on Monday, flooding the valley.",
        paragraphs=("p",),
        content_hash="h1",
    )
    f = features(a, Analysis(article_id="a1", sentences=()))
    first = cluster(f, index)
    assert first.new_story and not index.stories  # deciding does not record
    index.record(f, first)
    again = cluster(
        features(a.model_copy(update={"id": "a2"}), Analysis(article_id="a2", sentences=())), index
    )
    assert again.story == first.story and not again.new_story


def make(id_: str, title: str, text: str, published=None) -> tuple:
    made = builders.article(id_, text, title, published=published)
    return features(made, Analysis(article_id=id_, sentences=()))


DAM = "The Valdora dam burst on Monday, flooding the valley below the reservoir and the town of Mirel."
QUAKE = "An earthquake of magnitude six shook the coastal city of Portanza overnight, toppling its old bell tower."


def test_v2_keeps_different_events_apart_and_joins_reports_of_one():
    from datetime import UTC, datetime, timedelta

    index = make_index()
    day = datetime(2026, 5, 4, tzinfo=UTC)
    stream = [
        make("d1", "Valdora dam bursts", DAM, day),
        make("q1", "Portanza earthquake topples bell tower", QUAKE, day),
        make("d2", "Dam failure floods Mirel", DAM.replace("on Monday", "early on Monday"), day),
        make(
            "q2",
            "Bell tower falls in Portanza quake",
            QUAKE.replace("overnight", "during the night"),
            day,
        ),
        # The same words a month later: another event, by the time window.
        make("d3", "Valdora dam bursts", DAM, day + timedelta(days=40)),
    ]
    for f in stream:
        index.record(f, cluster(f, index))
    groups = sorted(sorted(m) for m in index.stories.values())
    assert groups == [["d1", "d2"], ["d3"], ["q1", "q2"]]


def test_the_algorithm_is_chosen_by_versioned_name():
    import pytest

    from newsweave.cluster import MemberIndex, ProfileIndex, ProtagonistIndex
    from newsweave.errors import SettingsError
    from newsweave.settings import ClusterSettings

    assert isinstance(make_index(ClusterSettings()), ProtagonistIndex)
    assert type(make_index(ClusterSettings(algorithm="cluster.v2"))) is MemberIndex
    assert isinstance(
        make_index(ClusterSettings(algorithm="cluster.v1", threshold=0.3)), ProfileIndex
    )
    with pytest.raises(SettingsError, match=r"cluster\.v9"):
        make_index(ClusterSettings(algorithm="cluster.v9"))


def test_sentence_vectors_are_kept_and_give_the_same_claims(demo_store):
    from newsweave.compare import compare
    from newsweave.embed import MODEL, backend

    if backend() != "minilm":
        pytest.skip("only MiniLM vectors are stored; the TF-IDF fallback is fitted per story")
    ids = [a.id for a in demo_store.articles()]
    analyses = demo_store.analyses(ids)
    vectors = demo_store.vectors(ids, MODEL)
    assert set(vectors) == set(ids)
    assert all(len(vectors[i]) == len(analyses[i].sentences) for i in ids)
    story = demo_store.stories()[0]
    articles = demo_store.articles(story=story.id)
    links = demo_store.lineage([a.id for a in articles])
    fresh = compare(story, articles, analyses, links)
    stored = demo_store.comparison(story.id)
    assert [c.id for c in fresh.claims] == [c.id for c in stored.claims]


def test_dates_with_and_without_a_timezone_meet_in_one_story(tmp_path):
    from newsweave.models import RawDoc
    from newsweave.pipeline import Pipeline
    from newsweave.store import Store

    body = (
        "Firefighters in the port town of Ardlow contained a warehouse blaze on Tuesday night "
        "after it burned for six hours, the regional fire service said. No one was hurt. "
    )
    docs = [
        RawDoc(source="a.jsonl#1", kind="text", body=body * 3, published="2026-09-16"),
        RawDoc(
            source="b.jsonl#1",
            kind="text",
            body=body * 2 + "Crews stayed overnight to watch for flare-ups.",
            published="2026-09-16T10:00:00+02:00",
        ),
    ]
    with Store(tmp_path / "n.db") as store:
        report = Pipeline(store).add(docs)
        assert len(report.added) == 2
        assert all(a.published and a.published.tzinfo for a in report.added)


def test_timeline_entries_cite_their_articles_in_the_briefs_order(demo_store):
    for story in demo_store.stories():
        text = render(demo_store.brief(story.id), "md")
        timeline = text.split("## Timeline", 1)[1].split("\n## ", 1)[0]
        for line in timeline.splitlines():
            cited = [int(k) for k in re.findall(r"\[(\d+)\]", line)]
            assert cited == sorted(cited), line


def test_a_summary_sentence_does_not_cite_the_report_of_another_figure(demo_store):
    # The Lisbon lede says "at least 14" injured; the Iberia Observer reports twelve.
    checked = []
    for story in demo_store.stories():
        brief = demo_store.brief(story.id)
        for conflict in brief.conflicts:
            reading = {(v.article, v.text): v.reading for v in conflict.values}
            for line in brief.summary:
                said = {reading.get((c.article, _text(brief, c))) for c in line.citations}
                assert len(said - {None}) <= 1, (line.text, said)
                checked += [line.text] if said - {None} else []
    assert any("at least 14" in text for text in checked), checked


def _text(brief, citation) -> str | None:
    return next(
        (
            s.text
            for c in brief.claims
            for s in c.support
            if (s.article, s.sentence) == (citation.article, citation.sentence)
        ),
        None,
    )


def test_a_story_is_titled_by_the_headline_its_reports_share_most():
    titles = [
        "Castellan edges ahead in Vessenburg count as runoff looms",
        "Castellan wins Vessenburg mayoralty outright, ending People's Union rule",
        "Castellan elected mayor as Vessenburg turns its back on People's Union",
        "Opposition's Castellan takes Vessenburg as People's Union loses its stronghold",
    ]
    assert story_title(titles) == titles[2]
    # With nothing to choose between them, the earliest report's title stands.
    assert story_title(titles[:1]) == titles[0]
    assert story_title(["Ferry sinks off Syros", "Storm closes harbour"]) == "Ferry sinks off Syros"


def test_a_text_encoded_again_is_read_from_the_kept_vectors(monkeypatch):
    """A story's refresh reads the same sentences again: each is encoded once per process."""
    import numpy as np

    from newsweave import embed

    if embed.backend() != "minilm":
        pytest.skip("TF-IDF vectors depend on their batch and are never kept")
    texts = ["The quay reopened on Monday.", "Ships were sent to the southern berths."]
    first = embed.encode_kept(texts)
    assert np.allclose(first, embed.encode(texts), atol=1e-5)
    encoded: list[str] = []
    real = embed.encode
    monkeypatch.setattr(embed, "encode", lambda t: encoded.extend(t) or real(t))
    again = embed.encode_kept([texts[1], "A new sentence.", texts[0]])
    assert encoded == ["A new sentence."]
    assert np.array_equal(again[[0, 2]], first[[1, 0]])
