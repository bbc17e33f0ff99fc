"""Adding articles from the web: a URL to fetch or pasted text, run through the pipeline.

A URL must be http(s): `read_targets` would read anything else as a path on the server, which a
web user must never reach. Fetching obeys `fetch.py`'s rules (public addresses only, size and
time limits). One add runs at a time per app, through the app's `Writer`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from newsweave.errors import InputError
from newsweave.fetch import Fetcher
from newsweave.ingest import Source
from newsweave.pipeline import Pipeline
from newsweave.settings import Settings
from newsweave.sources import is_url, read_targets
from newsweave.store import Store
from newsweave.web.schemas import AddedArticle, AddRequest, AddResult

FetcherFactory = Callable[[Settings], Fetcher]
"""Makes the fetcher for one add; tests swap in one over `httpx.MockTransport`."""

PASTED = "pasted"


def default_fetcher(settings: Settings) -> Fetcher:
    """A fetcher under the fetch settings."""
    return Fetcher(settings.fetch)


class Writer:
    """The app's one writing connection and `Pipeline`, kept from add to add.

    A pipeline builds its indexes by replaying every stored article (about a minute of CPU at
    100,000 articles), so the app builds them once rather than for each add. A CLI may write to
    the same store meanwhile: SQLite's `data_version` changes when another connection commits,
    and the indexes are then rebuilt, so every decision is the one a fresh process would make.
    """

    def __init__(self, db_path: str, settings: Settings) -> None:
        self.db_path = db_path
        self.settings = settings
        self.lock = threading.Lock()
        self.builds = 0  # pipelines built: what tests and the curious check
        self._store: Store | None = None
        self._pipeline: Pipeline | None = None
        self._version: int | None = None

    @contextmanager
    def pipeline(self) -> Iterator[Pipeline]:
        """The pipeline, current with the store, held alone until the block ends."""
        with self.lock:
            if self._store is None:
                self._store = Store(self.db_path, self.settings.store.busy_timeout_ms)
            if self._pipeline is None or self._store.data_version() != self._version:
                self._pipeline = Pipeline(self._store, self.settings)
                self.builds += 1
            try:
                yield self._pipeline
            except BaseException:
                # The indexes may hold an article whose transaction was rolled back.
                self._pipeline = None
                raise
            self._version = self._store.data_version()

    def close(self) -> None:
        """Close the connection (the app's shutdown)."""
        with self.lock:
            if self._store is not None:
                self._store.close()
            self._store = self._pipeline = None


def check_request(request: AddRequest) -> None:
    """Refuse a request that names neither or both of url and text, or a URL that is not http(s)."""
    url = (request.url or "").strip()
    text = (request.text or "").strip()
    if bool(url) == bool(text):
        raise InputError("give either a URL or pasted text (one of the two)")
    if url and not is_url(url):
        raise InputError(f"{url!r} is not an http:// or https:// URL")


def add_article(
    writer: Writer, request: AddRequest, make_fetcher: FetcherFactory = default_fetcher
) -> AddResult:
    """Run the URL or pasted text through every stage into the writer's store."""
    check_request(request)
    outlet = (request.outlet or "").strip() or None
    settings = writer.settings
    with writer.pipeline() as pipeline:
        store = pipeline.store
        if request.url:
            with make_fetcher(settings) as fetcher:
                sources = list(
                    read_targets([request.url.strip()], outlet, request.published, fetcher)
                )
                report = pipeline.add_sources(sources)
        else:
            text = request.text or ""
            pasted = Source(
                name=PASTED, data=text.encode(), outlet=outlet, published=request.published
            )
            report = pipeline.add_sources([pasted])
        stories = {a.id: store.story_of(a.id) for a in report.added}
    return AddResult(
        added=tuple(
            AddedArticle(
                id=a.id, outlet=a.outlet, title=a.title, source=a.source, story=stories[a.id]
            )
            for a in report.added
        ),
        already_stored=tuple(report.already_stored),
        rejected=tuple(report.rejected),
        stories=tuple(report.stories),
    )
