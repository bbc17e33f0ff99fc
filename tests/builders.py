"""Records for tests, built by hand: an article as extraction would give it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from newsweave.analyze import analyze_many
from newsweave.models import Analysis, Article


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


def analysed(articles: list[Article]) -> tuple[dict[str, Analysis], dict[str, datetime | None]]:
    """The analyses of `articles` by id, and when each was published: what the story-wide
    conflict finders read."""
    analyses = {a.article_id: a for a in analyze_many(articles)}
    return analyses, {a.id: a.published for a in articles}
