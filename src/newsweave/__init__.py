"""newsweave: reads the news like an analyst.

    import newsweave
    with newsweave.Store("news.db") as store:
        newsweave.Pipeline(store).add_sources(newsweave.read_paths(["article.txt"]))

The stage functions (`ingest`, `extract`, `analyze`, `dedupe`, `cluster`, `compare`, `brief`)
are pure; `Pipeline` runs them in order against a `Store`.
"""

from newsweave.analyze import analyze
from newsweave.brief import brief, render
from newsweave.cluster import ClusterIndex, cluster, make_index
from newsweave.compare import compare
from newsweave.dedupe import CopyIndex, dedupe
from newsweave.errors import (
    FetchError,
    InputError,
    NewsweaveError,
    NotFoundError,
    SettingsError,
    StoreError,
)
from newsweave.extract import extract
from newsweave.fetch import Fetched, Fetcher
from newsweave.ingest import Source, ingest
from newsweave.models import (
    Analysis,
    Article,
    Brief,
    Claim,
    Comparison,
    Conflict,
    DateMention,
    Entity,
    LineageLink,
    Mention,
    NumberMention,
    Quote,
    QuoteDrift,
    RawDoc,
    Rejected,
    Sentence,
    Story,
)
from newsweave.pipeline import AddReport, Pipeline
from newsweave.settings import Settings
from newsweave.sources import read_paths, read_targets
from newsweave.store import Store

__version__ = "0.1.0"

__all__ = [
    "AddReport",
    "Analysis",
    "Article",
    "Brief",
    "Claim",
    "ClusterIndex",
    "Comparison",
    "Conflict",
    "CopyIndex",
    "DateMention",
    "Entity",
    "FetchError",
    "Fetched",
    "Fetcher",
    "InputError",
    "LineageLink",
    "Mention",
    "NewsweaveError",
    "NotFoundError",
    "NumberMention",
    "Pipeline",
    "Quote",
    "QuoteDrift",
    "RawDoc",
    "Rejected",
    "Sentence",
    "Settings",
    "SettingsError",
    "Source",
    "Store",
    "StoreError",
    "Story",
    "analyze",
    "brief",
    "cluster",
    "compare",
    "dedupe",
    "extract",
    "ingest",
    "make_index",
    "read_paths",
    "read_targets",
    "render",
]
