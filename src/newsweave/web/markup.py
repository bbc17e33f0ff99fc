"""Article text cut into marked pieces for the templates: paragraphs → sentences → pieces.

Nothing here builds HTML. A piece is plain text plus what marks it (an entity mention, a quote,
a drifted word); the templates escape every piece and wrap it in the element its marks call for.
That keeps untrusted text out of markup by construction: no `|safe` anywhere.

Offsets come from `Analysis` and point into `Article.text`; out-of-range offsets are clipped, so a
stale analysis shows wrong marks at worst, never an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

from newsweave.models import Analysis, Article, Mention, Quote, Sentence

_WORD = re.compile(r"[\w’']+")  # the word pattern of compare/drift.py, so `differs` lines up
PARAGRAPH_BREAK = "\n\n"


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of text with one set of marks."""

    text: str
    entity: str | None = None
    """Entity id, when the run is a mention of it."""
    entity_type: str | None = None
    quote: str | None = None
    """Inside a quote: its kind (direct, partial or reported speech)."""


@dataclass(frozen=True, slots=True)
class SentenceView:
    """A sentence (or text between sentences, when `index` is None) and its pieces."""

    index: int | None
    pieces: tuple[Piece, ...]
    claim: str | None = None
    """Id of the shared claim the sentence supports, if any."""
    colour: int | None = None
    """Palette slot of that claim: the same claim has the same colour in every column."""


@dataclass(frozen=True, slots=True)
class ClaimMark:
    """How a sentence that supports a shared claim is marked."""

    claim: str
    colour: int


def marked_paragraphs(article: Article, analysis: Analysis | None) -> list[list[SentenceView]]:
    """The article's paragraphs with its entity mentions and quotes marked (the article page)."""
    if analysis is None:
        return paragraphs(article, ())
    types = {e.id: e.type for e in analysis.entities}
    return paragraphs(
        article, analysis.sentences, mentions=analysis.mentions, quotes=analysis.quotes, types=types
    )


def paragraphs(
    article: Article,
    sentences: Sequence[Sentence],
    claims: Mapping[int, ClaimMark] | None = None,
    mentions: Sequence[Mention] = (),
    quotes: Sequence[Quote] = (),
    types: Mapping[str, str] | None = None,
) -> list[list[SentenceView]]:
    """The article's paragraphs, each a list of its sentences cut into marked pieces.

    `claims` maps a sentence index to the shared claim it supports; `mentions` and `quotes`
    become marked pieces, `types` giving each mentioned entity's type.
    """
    text = article.text
    spans = paragraph_spans(article)
    if not sentences:
        return [[SentenceView(None, (Piece(text[a:b]),))] for a, b in spans]
    types = types or {}
    aligned = len(spans) == len(article.paragraphs)
    by_paragraph: dict[int, list[tuple[int, int, int]]] = {}
    for s in sentences:
        by_paragraph.setdefault(s.paragraph if aligned else 0, []).append((s.start, s.end, s.index))
    claims = claims or {}
    result = []
    for number, (p_start, p_end) in enumerate(spans):
        runs: list[SentenceView] = []
        cursor = p_start
        for start, end, index in sorted(by_paragraph.get(number, [])):
            start, end = max(start, cursor), min(end, p_end)
            if start >= end:
                continue
            if start > cursor:
                runs.append(SentenceView(None, (Piece(text[cursor:start]),)))
            mark = claims.get(index)
            runs.append(
                SentenceView(
                    index=index,
                    pieces=pieces(text, start, end, mentions, quotes, types),
                    claim=mark.claim if mark else None,
                    colour=mark.colour if mark else None,
                )
            )
            cursor = end
        if cursor < p_end:
            runs.append(SentenceView(None, (Piece(text[cursor:p_end]),)))
        result.append(runs)
    return result


def paragraph_spans(article: Article) -> list[tuple[int, int]]:
    """Start and end offsets of each of `Article.paragraphs` in `Article.text`.

    The text is the paragraphs joined by blank lines; should a record break that rule, the
    whole text is one paragraph rather than a wrong cut.
    """
    spans, offset = [], 0
    for paragraph in article.paragraphs:
        spans.append((offset, offset + len(paragraph)))
        offset += len(paragraph) + len(PARAGRAPH_BREAK)
    if PARAGRAPH_BREAK.join(article.paragraphs) != article.text:
        return [(0, len(article.text))]
    return spans


def pieces(
    text: str,
    start: int,
    end: int,
    mentions: Iterable[Mention],
    quotes: Iterable[Quote],
    types: Mapping[str, str],
) -> tuple[Piece, ...]:
    """`text[start:end]` cut wherever a mention or a quote begins or ends."""
    inside_m = [m for m in mentions if m.start < end and m.end > start]
    inside_q = [q for q in quotes if q.start < end and q.end > start]
    if not inside_m and not inside_q:
        return (Piece(text[start:end]),)
    cuts = {start, end}
    spans = [(m.start, m.end) for m in inside_m] + [(q.start, q.end) for q in inside_q]
    for edges in spans:
        cuts.update(c for c in edges if start < c < end)
    ordered = sorted(cuts)
    result: list[Piece] = []
    for a, b in pairwise(ordered):
        mention = next((m for m in inside_m if m.start <= a and b <= m.end), None)
        quoted = next((q for q in inside_q if q.start <= a and b <= q.end), None)
        result.append(
            Piece(
                text=text[a:b],
                entity=mention.entity if mention else None,
                entity_type=types.get(mention.entity) if mention else None,
                quote=quoted.kind if quoted else None,
            )
        )
    return tuple(result)


def word_marks(text: str, words: Iterable[str]) -> list[tuple[str, bool]]:
    """`text` as (run, marked) pairs, marking each word found in `words` (case-insensitive).

    Used for quote drift: `Variant.differs` lists the words one wording has and the other lacks.
    """
    wanted = {w.lower() for w in words}
    result: list[tuple[str, bool]] = []
    cursor = 0
    for match in _WORD.finditer(text):
        if match.group().lower() not in wanted:
            continue
        if match.start() > cursor:
            result.append((text[cursor : match.start()], False))
        result.append((match.group(), True))
        cursor = match.end()
    if cursor < len(text):
        result.append((text[cursor:], False))
    return result
