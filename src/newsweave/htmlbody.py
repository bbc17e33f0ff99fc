"""The main text of an HTML page: trafilatura twice, a line filter, and a readability rescue.

Measured on the AEB dev split (`newsweave eval extract`), each step earns its place:

1. trafilatura in precision mode (tables kept) gives the body and the metadata; in recall mode
   (fast) it gives a second opinion. Precision mode is better on most pages, but on a few it loses
   the article (far shorter than recall) or its internal fallback grabs the whole page (far
   longer): then the recall text is used.
2. Lines that repeat the page's headline or a figure caption are dropped: the body is prose.
3. When another extractor (resiliparse, fast) sees much more text, readability-lxml runs too;
   when it keeps nearly all of the chosen text and much more besides, it is taken instead. This
   repairs pages whose body is split in blocks that trafilatura reads as separate.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from trafilatura import bare_extraction
from trafilatura.settings import Document

_TOKEN = re.compile(r"\w+")
# The length rule: precision text between these multiples of the recall text's words is trusted.
SHORTER, LONGER = 0.5, 1.5
# The rescue: readability must find this many times the words and contain this share of shingles.
RESCUE_LENGTH, RESCUE_CONTAINS = 1.5, 0.9
_BLOCKS = (
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "tr",
    "div",
    "section",
    "article",
)


@dataclass(frozen=True)
class Body:
    """The chosen text (paragraphs one a line), trafilatura's metadata, and which path won."""

    text: str
    meta: Document
    chosen: str
    dropped: tuple[str, ...] = ()
    """Lines of the chosen text taken out as a headline or a caption."""


def words(text: str) -> int:
    """How many word tokens a text has."""
    return len(_TOKEN.findall(text))


def main_text(
    html: str, tree: Any, url: str | None, date_params: dict[str, Any], rescue: bool
) -> Body | None:
    """The article body of a page, or None when trafilatura finds nothing at all."""
    precise = bare_extraction(
        html,
        url=url,
        favor_precision=True,
        include_comments=False,
        include_tables=True,
        with_metadata=True,
        date_extraction_params=date_params,
    )
    if not isinstance(precise, Document):
        return None
    broad = bare_extraction(
        html, url=url, favor_recall=True, fast=True, include_comments=False, include_tables=True
    )
    drop = _lines_to_drop(tree, precise.title)
    p_text, p_dropped = _filtered(precise.text or "", drop)
    r_text, r_dropped = (
        _filtered(broad.text or "", drop) if isinstance(broad, Document) else ("", [])
    )
    text, dropped, chosen = p_text, p_dropped, "precision"
    if r_text and not SHORTER * words(r_text) <= words(p_text) <= LONGER * max(1, words(r_text)):
        text, dropped, chosen = r_text, r_dropped, "recall"
    if rescue and text and _others_see_more(html, text):
        wider, w_dropped = _filtered(_readability(html, url), drop)
        if (
            words(wider) >= RESCUE_LENGTH * words(text)
            and _contained(text, wider) >= RESCUE_CONTAINS
        ):
            text, dropped, chosen = wider, w_dropped, "readability"
    if not text.strip():
        return None
    return Body(text=text, meta=precise, chosen=chosen, dropped=tuple(dropped))


def _lines_to_drop(tree: Any, title: str | None) -> tuple[set[str], list[str]]:
    """Normalised headlines and captions: lines equal to these (or inside a headline) go."""
    titles = {_norm(title or "")}
    for expr in (
        "//h1",
        "//title",
        "//meta[@property='og:title']/@content",
        "//meta[@name='twitter:title']/@content",
    ):
        for node in tree.xpath(expr):
            titles.add(_norm(node if isinstance(node, str) else node.text_content()))
    titles = {t for t in titles if len(t.split()) >= 3}
    captions = {
        _norm(node.text_content())
        for node in tree.xpath("//figcaption | //*[contains(@class, 'caption')]")
        if len(node.text_content()) < 500
    }
    exact = titles | {c for c in captions if len(c.split()) >= 3}
    return exact, sorted(titles)


def _filtered(text: str, drop: tuple[set[str], list[str]]) -> tuple[str, list[str]]:
    """The text without headline and caption lines, and the lines taken out."""
    exact, titles = drop
    kept, dropped = [], []
    for line in text.splitlines():
        key = _norm(line)
        if not key:
            continue
        if key in exact or (len(key.split()) >= 4 and any(key in t for t in titles)):
            dropped.append(line.strip())
        else:
            kept.append(line.strip())
    return "\n".join(kept), dropped


def _others_see_more(html: str, text: str) -> bool:
    """A cheap gate before readability: does resiliparse's main-content text run much longer?"""
    try:
        from resiliparse.extract.html2text import extract_plain_text
    except ImportError:
        return True
    seen = extract_plain_text(
        html, main_content=True, alt_texts=False, links=False, list_bullets=False
    )
    return words(seen) >= RESCUE_LENGTH * words(text)


def _readability(html: str, url: str | None) -> str:
    from lxml import html as lxml_html
    from readability import Document as Readable

    try:
        fragment = lxml_html.fromstring(Readable(html, url=url).summary(html_partial=True))
    except Exception:  # readability raises bare Exceptions on odd pages
        return ""
    for node in fragment.iter(*_BLOCKS):
        node.tail = "\n" + (node.tail or "")
    return "\n".join(line.strip() for line in fragment.text_content().splitlines() if line.strip())


def _contained(part: str, whole: str) -> float:
    """The share of `part`'s word 4-grams found in `whole`."""
    mine, theirs = _shingles(part), _shingles(whole)
    total = sum(mine.values())
    return sum((mine & theirs).values()) / total if total else 0.0


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text.lower())
    return Counter(tuple(tokens[i : i + 4]) for i in range(max(1, len(tokens) - 3)))


def _norm(text: str) -> str:
    return " ".join(_TOKEN.findall(text.lower()))
