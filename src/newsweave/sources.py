"""The input edge: turn what a user names (files, folders, URLs, feeds, stdin) into `Source`s.

A URL that cannot be fetched becomes a `Rejected` record (the run goes on); a URL that turns out
to be an RSS or Atom feed is followed to the pages it lists.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from newsweave.errors import FetchError, InputError
from newsweave.feeds import looks_like_feed, parse_feed
from newsweave.fetch import Fetcher
from newsweave.ingest import Source
from newsweave.models import Moment, Rejected

# Files taken from a folder; a file named explicitly is read whatever its name.
SUFFIXES = {".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".warc", ".gz"}


def is_url(target: str) -> bool:
    """Does the argument name a URL rather than a path?"""
    return target.startswith(("http://", "https://"))


def read_targets(
    targets: list[str],
    outlet: str | None = None,
    published: datetime | None = None,
    fetcher: Fetcher | None = None,
) -> Iterator[Source | Rejected]:
    """Sources for files, folders (recursively), URLs, feeds and `-` (standard input)."""
    published = plausible(published)
    for target in targets:
        if is_url(target):
            if fetcher is None:
                raise InputError(f"{target}: a URL needs a fetcher")
            yield from read_url(fetcher, target, outlet, published)
        elif target == "-":
            yield Source(
                name="<stdin>", data=sys.stdin.buffer.read(), outlet=outlet, published=published
            )
        else:
            yield from read_paths([target], outlet, published)


def plausible(published: datetime | None) -> datetime | None:
    """A publication time given for many inputs, checked once (as `models.Moment` checks each)."""
    if published is None:
        return None
    try:
        return TypeAdapter(Moment).validate_python(published)
    except ValidationError as exc:
        reason = exc.errors()[0]["msg"].removeprefix("Value error, ")
        raise InputError(f"publication date {published.date().isoformat()}: {reason}") from None


def read_paths(
    targets: list[str], outlet: str | None = None, published: datetime | None = None
) -> Iterator[Source | Rejected]:
    """Sources for files and folders (recursively). In a folder, a file of another kind is a
    rejection that says so; hidden files (".DS_Store") are passed over."""
    for target in targets:
        path = Path(target)
        if path.is_dir():
            files, others = folder_files(path)
            yield from (unsupported(str(other)) for other in others)
        elif path.is_file():
            files = [path]
        else:
            raise InputError(f"{target}: no such file or folder")
        for file in files:
            try:
                data = file.read_bytes()
            except OSError as exc:
                raise InputError(f"{file}: cannot read it ({exc.strerror})") from None
            yield Source(name=str(file), data=data, outlet=outlet, published=published)


def unsupported(path: str) -> Rejected:
    """The rejection of a file in a folder that is of no kind newsweave reads."""
    return Rejected(
        source=path,
        stage="ingest",
        reason="unsupported_type",
        detail="not a .txt, .html, .jsonl or .warc file; name it alone to read it as text",
    )


def folder_files(folder: Path) -> tuple[list[Path], list[Path]]:
    """A folder's files, recursively and sorted: those of the kinds newsweave reads, and the
    others. Hidden files and folders (".git", ".DS_Store") are neither."""
    found = sorted(
        p
        for p in folder.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)
    )
    files = [p for p in found if p.suffix.lower() in SUFFIXES]
    if not files:
        raise InputError(f"{folder}: the folder holds no .txt, .html, .jsonl or .warc files")
    return files, [p for p in found if p.suffix.lower() not in SUFFIXES]


def read_url(
    fetcher: Fetcher, url: str, outlet: str | None = None, published: datetime | None = None
) -> Iterator[Source | Rejected]:
    """A fetched page, or the pages a fetched feed lists; failures become rejections."""
    try:
        fetched = fetcher.fetch(url)
    except FetchError as exc:
        yield Rejected(source=url, stage="ingest", reason="fetch_failed", detail=str(exc))
        return
    if not looks_like_feed(fetched.data, fetched.content_type):
        yield fetched.source(outlet=outlet, published=published)
        return
    feed = parse_feed(fetched.data, fetched.url)
    if isinstance(feed, Rejected):
        yield feed
        return
    for item in feed.items:
        try:
            page = fetcher.fetch(item.url)
        except FetchError as exc:
            yield Rejected(source=item.url, stage="ingest", reason="fetch_failed", detail=str(exc))
            continue
        yield page.source(outlet=outlet, published=published or item.published)
