"""Ingest: bytes from a file, a URL or a paste → `RawDoc`s (or `Rejected`s with a reason).

Pure: the edges (`sources.py`, `fetch.py`) read files and the network and hand over `Source`s.
One source can hold many documents (a JSONL file, a WARC archive).
"""

from __future__ import annotations

import gzip
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from charset_normalizer import from_bytes
from pydantic import ValidationError

from newsweave.errors import invalid_fields
from newsweave.models import RawDoc, Rejected
from newsweave.settings import ExtractSettings

JSONL_FIELDS = {"url", "title", "text", "html", "published", "outlet", "source"}


@dataclass(frozen=True)
class Source:
    """Bytes to ingest, with what the caller knows about them."""

    name: str
    data: bytes
    content_type: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: datetime | None = None
    fetched: datetime | None = None


def ingest(source: Source, settings: ExtractSettings | None = None) -> list[RawDoc | Rejected]:
    """Split a source into raw documents; unusable input becomes `Rejected`, never an exception."""
    settings = settings or ExtractSettings()
    if not source.data.strip():
        return [_reject(source.name, "empty", "the input holds no text")]
    if len(source.data) > settings.max_bytes:
        return [
            _reject(
                source.name,
                "oversized",
                f"{len(source.data):,} bytes is over extract.max_bytes ({settings.max_bytes:,})",
            )
        ]
    kind = sniff(source)
    if kind == "warc":
        return list(_warc(source))
    text = decode(source.data)
    if text is None:
        return [_reject(source.name, "binary", "the input is not text in any known encoding")]
    if kind == "jsonl":
        return list(_jsonl(source, text))
    return [_raw(source, kind, text)]


def sniff(source: Source) -> str:
    """The kind of a source: warc, jsonl, html or text, from its name, type and first bytes."""
    name = source.name.lower()
    head = source.data[:2048]
    if name.endswith((".warc", ".warc.gz")) or head.startswith(b"WARC/"):
        return "warc"
    if head[:2] == b"\x1f\x8b" and b"WARC/" in _gunzip_head(source.data):
        return "warc"
    if name.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    ctype = (source.content_type or "").lower()
    if "html" in ctype or name.endswith((".html", ".htm", ".xhtml")):
        return "html"
    lowered = head.lstrip().lower()
    if lowered.startswith((b"<!doctype html", b"<html")) or b"<body" in lowered:
        return "html"
    return "text"


def decode(data: bytes) -> str | None:
    """Bytes → text: UTF-8 first, else the best guess of charset_normalizer; None for binary."""
    if b"\x00" in data[:8192]:
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    # English pages that are not UTF-8 are nearly always Windows-1252 (a superset of Latin-1);
    # statistical guessing misreads short texts of it as other code pages.
    try:
        text = data.decode("cp1252")
        if not any("\x80" <= ch <= "\x9f" for ch in text):
            return text
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    return str(best) if best is not None else None


def _raw(source: Source, kind: str, text: str) -> RawDoc:
    return RawDoc(
        source=source.name,
        kind="html" if kind == "html" else "text",
        body=text,
        url=source.url,
        outlet=source.outlet,
        published=source.published,
        fetched=source.fetched,
    )


def _jsonl(source: Source, text: str) -> Iterator[RawDoc | Rejected]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source.name}#{number}"
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            yield _reject(where, "malformed_jsonl", f"line {number} is not JSON: {exc.msg}")
            continue
        if not isinstance(item, dict):
            yield _reject(where, "malformed_jsonl", f"line {number} is not a JSON object")
            continue
        body = item.get("html") or item.get("text")
        if body is not None and not isinstance(body, str):
            field = "html" if item.get("html") else "text"
            yield _reject(where, "malformed_jsonl", f"line {number}: '{field}' is not a string")
            continue
        if not isinstance(body, str) or not body.strip():
            yield _reject(where, "empty", f"line {number} has no 'text' or 'html'")
            continue
        url = item.get("url") or None
        if url is not None and not (
            isinstance(url, str) and url.startswith(("http://", "https://"))
        ):
            yield _reject(where, "malformed_jsonl", f"line {number}: url is no http(s) address")
            continue
        try:
            yield RawDoc(
                source=where,
                kind="html" if item.get("html") else "text",
                body=body,
                url=url,
                outlet=source.outlet or item.get("outlet") or None,
                title=item.get("title") or None,
                published=source.published or item.get("published") or None,
                fetched=source.fetched,
            )
        except ValidationError as exc:
            yield _reject(where, "malformed_jsonl", f"line {number}: {invalid_fields(exc)}")


def _warc(source: Source) -> Iterator[RawDoc | Rejected]:
    found = 0
    try:
        for index, url, body, fetched in _html_responses(source.data):
            where = f"{source.name}#{index}"
            found += 1
            if body is None or not body.strip():
                yield _reject(where, "empty", f"WARC record for {url} has no readable body")
                continue
            try:
                yield RawDoc(
                    source=where,
                    kind="html",
                    body=body,
                    url=url,
                    outlet=source.outlet,
                    published=source.published,
                    fetched=fetched,
                )
            except ValidationError as exc:
                yield _reject(
                    where, "malformed_warc", f"WARC record for {url}: {invalid_fields(exc)}"
                )
    except _Unreadable as exc:
        yield _reject(source.name, "malformed_warc", str(exc))
        return
    if not found:
        yield _reject(source.name, "no_html", "the WARC archive holds no HTML response records")


class _Unreadable(Exception):
    """warcio could not read the archive (its message says how)."""


def _html_responses(data: bytes) -> Iterator[tuple[int, str | None, str | None, datetime | None]]:
    """(record number, target URL, decoded body, WARC date) of each HTML response record.

    Only warcio's reading is guarded: it fails on a damaged archive in many ways (a record cut
    short surfaces as an AttributeError on a header it lacks), and each refuses the file.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    records = enumerate(ArchiveIterator(io.BytesIO(data)))
    while True:
        try:
            item = next(records, None)
            if item is None:
                return
            index, record = item
            if record.rec_type != "response" or record.http_headers is None:
                continue
            if "html" not in (record.http_headers.get_header("Content-Type") or "").lower():
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            content = record.content_stream().read()
        except ArchiveLoadFailed:
            raise _Unreadable("not a WARC archive: it opens on no WARC header") from None
        except (ValueError, OSError, EOFError, AttributeError, KeyError, TypeError):
            raise _Unreadable("the WARC archive is damaged or cut short") from None
        yield index, url, decode(content), _warc_date(record)


def _warc_date(record: object) -> datetime | None:
    value = record.rec_headers.get_header("WARC-Date")  # type: ignore[attr-defined]
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")) if value else None
    except ValueError:
        return None


def _gunzip_head(data: bytes) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as f:
            return f.read(64)
    except (OSError, EOFError):
        return b""


def _reject(source: str, reason: str, detail: str) -> Rejected:
    return Rejected(source=source, stage="ingest", reason=reason, detail=detail)
