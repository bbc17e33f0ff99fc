"""What a route receives: the app's configuration and a store opened for the one request.

Reading routes are `async def` and read the store on the event loop: a page is a few
milliseconds of CPU-bound work (SQLite reads, JSON parsing, rendering), and serving those one at
a time in arrival order keeps tail latency low. Run in FastAPI's 40-thread pool instead, 40 of
them at once contend for the GIL, and bench_web measured p99 over 9 s for 200 readers. Work that
may take long (adding an article, entity and search scans) stays on the thread pool.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field

from fastapi import Request

from newsweave.settings import Settings
from newsweave.store import Store
from newsweave.web.adding import FetcherFactory, Writer, default_fetcher


@dataclass
class AppConfig:
    """What `create_app` was given, and the app's writer. Stories live in the database."""

    db_path: str
    settings: Settings
    token: str | None = None
    make_fetcher: FetcherFactory = default_fetcher
    writer: Writer = field(init=False)

    def __post_init__(self) -> None:
        self.writer = Writer(self.db_path, self.settings)


def config(request: Request) -> AppConfig:
    """The app's configuration."""
    found: AppConfig = request.app.state.config
    return found


async def open_store(request: Request) -> AsyncIterator[Store]:
    """A store on the app's database for one request (WAL: a CLI may write meanwhile)."""
    cfg = config(request)
    with Store(cfg.db_path, cfg.settings.store.busy_timeout_ms) as store:
        yield store
