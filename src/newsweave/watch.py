"""Watching feeds: poll each with conditional requests, process only items not seen before.

State (validators, seen items, the last error) lives in the store, so a restart picks up where the
last run left off, and a feed that is down or malformed is recorded and skipped, never fatal.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newsweave.errors import FetchError, InputError
from newsweave.feeds import FeedItem, parse_feed
from newsweave.fetch import Fetcher
from newsweave.ingest import Source
from newsweave.models import Rejected
from newsweave.pipeline import AddReport, Pipeline, Progress


@dataclass
class PollReport:
    """What one round of polling did."""

    feeds: int = 0
    unchanged: int = 0
    new_items: int = 0
    failed: dict[str, str] = field(default_factory=dict)
    added: AddReport = field(default_factory=AddReport)


def poll(
    pipeline: Pipeline, fetcher: Fetcher, feed_urls: list[str], progress: Progress | None = None
) -> PollReport:
    """Poll every feed once and run its new items through the pipeline."""
    store = pipeline.store
    report = PollReport()
    docs: list[Source | Rejected] = []
    done: list[tuple[str, FeedItem]] = []
    validators: dict[str, dict[str, str | None]] = {}
    for url in feed_urls:
        report.feeds += 1
        state = store.feed_state(url)
        try:
            fetched = fetcher.fetch(
                url, etag=state.get("etag"), last_modified=state.get("last_modified")
            )
        except FetchError as exc:
            _failed(pipeline, report, url, str(exc))
            continue
        if fetched.status == 304:
            report.unchanged += 1
            with store.transaction():
                store.put_feed_state(url)
            continue
        feed = parse_feed(fetched.data, url)
        if isinstance(feed, Rejected):
            _failed(pipeline, report, url, f"{feed.reason}: {feed.detail}")
            continue
        seen = store.seen_items(url)
        # Oldest first, so stories grow in the order events were reported.
        for item in reversed([i for i in feed.items if i.guid not in seen]):
            report.new_items += 1
            done.append((url, item))
            try:
                page = fetcher.fetch(item.url)
            except FetchError as exc:
                docs.append(
                    Rejected(
                        source=item.url, stage="ingest", reason="fetch_failed", detail=str(exc)
                    )
                )
                continue
            docs.append(page.source(published=item.published))
        validators[url] = {
            "title": feed.title,
            "etag": fetched.etag,
            "last_modified": fetched.last_modified,
        }
    report.added = pipeline.add_sources(docs, progress)
    with store.transaction():
        for url, values in validators.items():
            store.put_feed_state(url, **values)
        for url, item in done:
            store.mark_seen(url, item.guid, item.url)
    return report


def _failed(pipeline: Pipeline, report: PollReport, url: str, error: str) -> None:
    report.failed[url] = error
    with pipeline.store.transaction():
        pipeline.store.put_feed_state(url, error=error)


def parse_interval(text: str) -> float:
    """Seconds in an interval such as `30s`, `5m`, `1h` (a bare number is minutes)."""
    units = {"s": 1, "m": 60, "h": 3600}
    text = text.strip().lower()
    try:
        if text and text[-1] in units:
            seconds = float(text[:-1]) * units[text[-1]]
        else:
            seconds = float(text) * 60
    except ValueError:
        seconds = -1
    if seconds <= 0:
        raise InputError(f"--every must be a positive interval such as 30s, 5m or 1h, not {text!r}")
    return seconds
