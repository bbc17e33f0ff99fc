"""Feeds: RSS and Atom documents → the pages they list (pure; `watch.py` does the polling)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import UTC, datetime

from newsweave.models import Rejected


@dataclass(frozen=True)
class FeedItem:
    """One entry of a feed: the page it links to and what the feed says of it."""

    guid: str
    url: str
    title: str | None = None
    published: datetime | None = None


@dataclass(frozen=True)
class Feed:
    url: str
    title: str | None
    items: tuple[FeedItem, ...]


def looks_like_feed(data: bytes, content_type: str | None = None) -> bool:
    """Is this an RSS or Atom document rather than a page?"""
    ctype = (content_type or "").lower()
    if any(kind in ctype for kind in ("rss", "atom", "application/xml", "text/xml")):
        return True
    head = data[:1024].lstrip().lower()
    return head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head or b"<rdf" in head)


def parse_feed(data: bytes, url: str) -> Feed | Rejected:
    """The items of an RSS or Atom feed, newest first as the feed lists them."""
    import feedparser

    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    items = []
    for entry in entries:
        link = entry.get("link")
        if not link:
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = datetime.fromtimestamp(calendar.timegm(stamp), UTC) if stamp else None
        items.append(
            FeedItem(
                guid=entry.get("id") or link,
                url=link,
                title=entry.get("title"),
                published=published,
            )
        )
    if parsed.get("bozo") and not items:
        # feedparser reads what it can of broken XML; with nothing usable it is no feed.
        reason = str(parsed.get("bozo_exception") or "not a feed")
        return Rejected(source=url, stage="ingest", reason="malformed_feed", detail=reason[:200])
    return Feed(url=url, title=parsed.get("feed", {}).get("title"), items=tuple(items))
