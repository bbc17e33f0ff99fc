"""Records for tests, built by hand: an article as extraction would give it."""

from __future__ import annotations

from typing import Any

from newsweave.models import Article


def article(
    id_: str,
    text: str,
    title: str = "Test",
    paragraphs: tuple[str, ...] | None = None,
    **fields: Any,
) -> Article:
    """An article of `text` (one paragraph unless `paragraphs` says otherwise), outlet "X";
    `fields` set any other field (`published`, `outlet`, ...)."""
    values: dict[str, Any] = {
        "id": id_,
        "source": id_,
        "url": None,
        "canonical_url": None,
        "outlet": "X",
        "title": title,
        "text": text,
        "paragraphs": paragraphs if paragraphs is not None else (text,),
        "content_hash": id_,
    }
    return Article(**(values | fields))
