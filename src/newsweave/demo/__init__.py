"""The bundled demo: invented events reported by invented outlets (see CORPUS.md beside this file).

Every article was written for newsweave; none is copied from a real outlet.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from newsweave.errors import InputError
from newsweave.ingest import Source
from newsweave.pipeline import AddReport, Pipeline, Progress
from newsweave.settings import Settings
from newsweave.store import Store

SOURCE = "demo:articles.jsonl"


def demo_source() -> Source:
    """The demo articles as one JSONL source."""
    data = resources.files("newsweave").joinpath("demo/articles.jsonl").read_bytes()
    return Source(name=SOURCE, data=data)


def load_demo(
    path: str,
    settings: Settings | None = None,
    fresh: bool = True,
    progress: Progress | None = None,
) -> tuple[AddReport, list[dict[str, Any]]]:
    """Load the demo into the database at `path` and list its stories.

    With `fresh`, an existing database is emptied first, but only if it holds nothing but demo
    articles: a database with articles of the user's own is never touched.
    """
    settings = settings or Settings()
    if fresh and Path(path).exists():
        with Store(path) as store:
            foreign = [a.source for a in store.articles() if not a.source.startswith("demo:")]
        if foreign:
            raise InputError(
                f"{path} holds {len(foreign)} articles that are not from the demo; "
                "run the demo with another --db"
            )
        for suffix in ("", "-wal", "-shm"):
            Path(path + suffix).unlink(missing_ok=True)
    with Store(path, settings.store.busy_timeout_ms) as store:
        report = Pipeline(store, settings).add_sources([demo_source()], progress)
        rows = []
        for story in store.stories():
            articles = store.articles(story=story.id)
            rows.append(
                {
                    "id": story.id,
                    "title": story.title,
                    "articles": len(articles),
                    "outlets": sorted({a.outlet for a in articles}),
                }
            )
    return report, rows
