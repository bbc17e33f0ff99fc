"""The input edge: turn what a user names (files, folders, standard input) into `Source`s."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from newsweave.errors import InputError
from newsweave.ingest import Source

# Files taken from a folder; a file named explicitly is read whatever its name.
SUFFIXES = {".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson", ".warc", ".gz"}


def is_url(target: str) -> bool:
    """Does the argument name a URL rather than a path?"""
    return target.startswith(("http://", "https://"))


def read_paths(
    targets: list[str], outlet: str | None = None, published: datetime | None = None
) -> Iterator[Source]:
    """Sources for files, folders (recursively) and `-` (standard input)."""
    for target in targets:
        if is_url(target):
            raise InputError(
                f"{target}: fetching URLs is not supported in this version; "
                "save the page and add the file"
            )
        if target == "-":
            yield Source(
                name="<stdin>", data=sys.stdin.buffer.read(), outlet=outlet, published=published
            )
            continue
        path = Path(target)
        if path.is_dir():
            files = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
            )
            if not files:
                raise InputError(
                    f"{target}: the folder holds no .txt, .html, .jsonl or .warc files"
                )
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
