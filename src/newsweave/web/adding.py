"""Adding articles from the web: a URL to fetch or pasted text, run through the pipeline.

A URL must be http(s): `read_targets` would read anything else as a path on the server, which a
web user must never reach. Fetching obeys `fetch.py`'s rules (public addresses only, size and
time limits). One add runs at a time per app; the pipeline's in-memory indexes are rebuilt from
the store for each add, so the app keeps no story state between requests.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

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


def check_request(request: AddRequest) -> None:
    """Refuse a request that names neither or both of url and text, or a URL that is not http(s)."""
    url = (request.url or "").strip()
    text = (request.text or "").strip()
    if bool(url) == bool(text):
        raise InputError("give either a URL or pasted text (one of the two)")
    if url and not is_url(url):
        raise InputError(f"{url!r} is not an http:// or https:// URL")


def add_article(
    db_path: str,
    settings: Settings,
    request: AddRequest,
    lock: threading.Lock,
    make_fetcher: FetcherFactory = default_fetcher,
) -> AddResult:
    """Run the URL or pasted text through every stage into the store at `db_path`."""
    check_request(request)
    outlet = (request.outlet or "").strip() or None
    with lock, Store(db_path, settings.store.busy_timeout_ms) as store:
        pipeline = Pipeline(store, settings)
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
