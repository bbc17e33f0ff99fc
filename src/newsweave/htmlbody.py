"""The main text of an HTML page: trafilatura on a tree parsed once, a line filter, a rescue.

Measured on the AEB dev split (`newsweave eval extract`), each step earns its place:

1. trafilatura in precision mode (tables kept) gives the body; in recall mode (fast) it gives a
   second opinion. Precision mode is better on most pages, but on a few it loses the article
   (far shorter than recall) or its internal fallback grabs the whole page (far longer): then the
   recall text is used. The "fast" mode runs the recall pass alone (no second opinion).
2. Lines that repeat the page's headline or a figure caption are dropped: the body is prose. So
   are teaser cards (a list of linked headlines with their teasers), a style name leaking into
   the text ("landscape-tablet") and a byline-and-tags strip of short dash-separated fields.
3. When the page's paragraphs hold far more text than trafilatura kept, readability-lxml runs
   too; when it keeps nearly all of the chosen text and much more besides, it is taken instead.
   This repairs pages whose body is split in blocks that trafilatura reads as separate.

Speed (profiled on the 50-100 KB AEB pages): trafilatura's time grows with the number of
elements it walks, through a dozen whole-tree XPath passes. So the page is parsed once, with
trafilatura's own parser options but without lxml.html's per-element Python class lookup, and
before trafilatura runs, the tree loses what it deletes anyway (scripts but JSON-LD, styles,
navigation, footers, asides, form widgets, head tags): about half the elements of a news page,
with the text unchanged on all AEB dev pages. The recall pass then reads only the article block,
the smallest element holding nearly all the paragraph text (`article_block`): half the elements
again, and what surrounds the article (teasers, widgets, a table layout) stays out of its text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from copy import deepcopy
from dataclasses import dataclass
from typing import Any

from lxml import etree
from lxml import html as lxml_html

_TOKEN = re.compile(r"\w+")
# A line that is one lower-case hyphenated token with a letter, bulleted or not
# ("- landscape-tablet"): the name of a style or a layout leaking into the text, never prose
# (a phone number such as "02-751-1500" stays).
_SLUG = re.compile(r"(?:- )?(?=[\w-]*[a-z])[a-z0-9]+(?:-[a-z0-9]+)+")
# A byline-and-tags or address strip: FIELDS or more parts of at most FIELD_WORDS words between
# spaced dashes or bullets, one of them a label ("Tags:") or a figure, and no sentence's end.
# Set on the AEB dev pages where fast mode kept such strips; no gold line there matches.
_FIELD_BREAK = re.compile(r"\s[-–•·]\s")
FIELDS, FIELD_WORDS = 4, 6
# Teaser cards come in lists of at least this many ("latest", "related").
CARDS = 3
# The length rule: precision text between these multiples of the recall text's words is trusted.
SHORTER, LONGER = 0.5, 1.5
# trafilatura reads only the smallest element holding this share of the page's paragraph text.
ARTICLE_SHARE = 0.95
# The block is read alone only when the page's paragraphs hold this many characters: a page whose
# article is not set in paragraphs (lines broken by <br>) may have them in a promotion alone.
ARTICLE_MIN_CHARS = 500
# The rescue is tried when the page's paragraphs hold this many times the text trafilatura kept
# (opened on 4 AEB dev pages of 90, and the pages it repairs are among them).
RESCUE_GATE = 2.0
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
# Never body text: removed before trafilatura, which deletes them in its own cleaning (its
# settings.MANUALLY_CLEANED and MANUALLY_STRIPPED). Scripts go too, except JSON-LD: trafilatura
# reads it to tell forum threads and as a last-resort body.
_NEVER_TEXT = (
    "style",
    "noscript",
    "svg",
    "iframe",
    "canvas",
    "video",
    "audio",
    "picture",
    "source",
    "img",
    "meta",
    "link",
    "title",
    "input",
    "select",
    "option",
    "button",
    "textarea",
    "label",
)
_SCRIPTS = etree.XPath("//script[not(@type='application/ld+json')]")
# Page chrome trafilatura deletes too (settings.MANUALLY_CLEANED). Its recall mode undoes the
# deletion when no paragraph would survive, so these go only when a paragraph lies outside them.
_CHROME = ("nav", "footer", "aside", "menu")
_CAPTIONS = etree.XPath("//figcaption | //*[contains(@class, 'caption')]")

# trafilatura's parser options (utils.HTML_PARSER), with lxml's C-level class lookup instead of
# lxml.html's Python one, which costs a Python call for every element touched (~20% of a pass).
_PARSER = etree.HTMLParser(
    collect_ids=False, default_doctype=False, remove_comments=True, remove_pis=True
)
_PARSER.set_element_class_lookup(
    etree.ElementDefaultClassLookup(
        element=lxml_html.HtmlElement,
        comment=lxml_html.HtmlComment,
        pi=lxml_html.HtmlProcessingInstruction,
        entity=lxml_html.HtmlEntity,
    )
)


@dataclass(frozen=True)
class Body:
    """The chosen text (paragraphs one a line), and which path won."""

    text: str
    chosen: str
    dropped: tuple[tuple[str, str], ...] = ()
    """Lines of the chosen text taken out, each with why: "headline", "caption",
    "related_link" (a teaser card), "layout" (a style name) or "fields" (a byline-and-tags
    strip)."""


def words(text: str) -> int:
    """How many word tokens a text has."""
    return len(_TOKEN.findall(text))


def parse_html(html: str) -> Any:
    """The page's lxml tree, parsed as trafilatura parses (its repairs; comments dropped).

    Raises ValueError or lxml's ParserError on input lxml cannot read.
    """
    from trafilatura.utils import repair_faulty_html

    text = repair_faulty_html(html, html[:50].lower())
    try:
        return lxml_html.fromstring(text, parser=_PARSER)
    except ValueError:  # a str that declares its encoding: lxml wants bytes then
        return lxml_html.fromstring(text.encode("utf-8", "surrogatepass"), parser=_PARSER)


def captions(tree: Any) -> list[str]:
    """The page's figure captions, whitespace collapsed, in order, without repeats."""
    found: list[str] = []
    for node in _CAPTIONS(tree):
        text = " ".join(node.text_content().split())
        if text and text not in found and len(text) < 500:
            found.append(text)
    return found


def main_text(
    html: str,
    tree: Any,
    url: str | None,
    title: str | None,
    page_captions: list[str],
    mode: str = "accurate",
    rescue: bool = True,
) -> Body | None:
    """The article body of a page, or None when trafilatura finds nothing at all.

    `tree` is `parse_html(html)`. It is pruned in place (see `prune`): read what else it holds
    first.
    """
    if "html" not in html[:50].lower() and len(tree) < 2:
        return None  # as trafilatura: a fragment without an html tag is not a page
    drop = _lines_to_drop(tree, title, page_captions)
    prune(tree)
    held, paragraph_chars = paragraph_text(tree)
    with narrowed(tree, article_block(held, paragraph_chars)):
        broad = _trafilatura(tree, url, recall=True)
    if mode == "fast":
        if broad is None:
            return None
        text, dropped, chosen = *_filtered(broad, drop), "recall"
    else:
        precise = _trafilatura(tree, url, recall=False)
        if precise is None:
            return None
        text, dropped = _filtered(precise, drop)
        chosen = "precision"
        r_text, r_dropped = _filtered(broad or "", drop)
        if r_text and not SHORTER * words(r_text) <= words(text) <= LONGER * max(1, words(r_text)):
            text, dropped, chosen = r_text, r_dropped, "recall"
    # The page's paragraphs hold far more text than trafilatura kept: it may have read one of
    # several blocks of the article as its whole.
    if rescue and text and paragraph_chars >= RESCUE_GATE * len(text):
        wider, w_dropped = _filtered(_readability(tree), drop)
        if (
            words(wider) >= RESCUE_LENGTH * words(text)
            and _contained(text, wider) >= RESCUE_CONTAINS
        ):
            text, dropped, chosen = wider, w_dropped, "readability"
    if not text.strip():
        return None
    return Body(text=text, chosen=chosen, dropped=tuple(dropped))


def _trafilatura(tree: Any, url: str | None, recall: bool) -> str | None:
    """One trafilatura pass over (a copy of) the tree: its text, or None when it found none.

    Recall mode runs fast (no comparison with its external extractors); precision mode does not.
    """
    from trafilatura import bare_extraction
    from trafilatura.settings import Document

    found = bare_extraction(
        tree,
        url=url,
        fast=recall,
        favor_recall=recall,
        favor_precision=not recall,
        include_comments=False,
        include_tables=True,
    )
    return (found.text or "") if isinstance(found, Document) else None


def prune(tree: Any) -> None:
    """Take out what trafilatura deletes anyway (scripts, styles, navigation, footers, asides).

    Its passes then walk about half the elements of a news page, and give the same text.
    """
    etree.strip_elements(tree, *_NEVER_TEXT, with_tail=False)
    for script in _SCRIPTS(tree):
        script.drop_tree()  # keeps the tail text, as strip_elements(with_tail=False) does
    if any(next(p.iterancestors(*_CHROME), None) is None for p in tree.iter("p")):
        etree.strip_elements(tree, *_CHROME, with_tail=False)


def paragraph_text(tree: Any) -> tuple[dict[Any, int], int]:
    """How much paragraph text (characters in `<p>`) each element of the page's body holds,
    and the body's total."""
    body = body_of(tree)
    held: dict[Any, int] = {}
    total = 0
    for paragraph in body.iter("p"):
        size = len(paragraph.text_content())
        total += size
        for ancestor in paragraph.iterancestors():
            if ancestor is body:
                break
            held[ancestor] = held.get(ancestor, 0) + size
    return held, total


def article_block(held: dict[Any, int], total: int) -> Any | None:
    """The deepest element holding `ARTICLE_SHARE` of the body's paragraph text, if any (and if
    that text is `ARTICLE_MIN_CHARS` long).

    Every element holding more than half the text lies on one line of ancestors (they share a
    paragraph), so the deepest is the one holding least; a wrapper holding exactly its only
    child's text counts as deeper or not, with the same text either way.
    """
    if total < ARTICLE_MIN_CHARS:
        return None
    enough = [(size, element) for element, size in held.items() if size >= ARTICLE_SHARE * total]
    return min(enough, key=lambda pair: pair[0])[1] if enough else None


@contextmanager
def narrowed(tree: Any, block: Any | None) -> Iterator[None]:
    """Within the block, the page's body holds `block` alone; after it, the page is whole again.

    trafilatura's time grows with the elements it walks, and the article is one block of a news
    page: narrowed to it, trafilatura walks about half as many, and the links, teasers and
    widgets around the article cannot leak into its text. Metadata and the byline are read from
    the whole page, outside the block.
    """
    if block is None:
        yield
        return
    body = body_of(tree)
    parent = block.getparent()
    at = parent.index(block)
    kept = list(body)
    for child in kept:
        body.remove(child)
    body.append(block)
    try:
        yield
    finally:
        parent.insert(at, block)
        body.extend(kept)


def body_of(tree: Any) -> Any:
    """The page's `<body>` (the tree itself when it has none)."""
    body = tree.find("body") if tree.tag != "body" else tree
    return tree if body is None else body


Drop = tuple[dict[str, str], list[str]]
"""Normalised lines to take out, with why; and the normalised headlines."""


def _lines_to_drop(tree: Any, title: str | None, page_captions: list[str]) -> Drop:
    """Normalised headlines, captions and teaser cards: lines equal to these (or inside a
    headline) go."""
    titles = {_norm(title or "")}
    for node in tree.iter("h1", "title", "meta"):  # one walk, where an XPath each took four
        if node.tag != "meta":
            titles.add(_norm(node.text_content()))
        elif node.get("property") == "og:title" or node.get("name") == "twitter:title":
            titles.add(_norm(node.get("content") or ""))
    titles = {t for t in titles if len(t.split()) >= 3}
    exact = dict.fromkeys(_teaser_cards(tree, titles), "related_link")
    exact |= dict.fromkeys(titles, "headline")
    exact |= {c: "caption" for c in map(_norm, page_captions) if len(c.split()) >= 3}
    return exact, sorted(titles)


def _teaser_cards(tree: Any, titles: set[str]) -> set[str]:
    """Normalised texts of teaser cards, and of their headlines and teasers.

    A teaser card is a list item holding a linked headline ("<li><h3><a>…</a></h3> teaser</li>"),
    in a list of three or more: they point to other articles ("related", "latest"). A card
    headed by the page's own headline (`titles`, normalised) is the article's own, whose teaser
    may be its lead: it stays.
    """
    cards: dict[Any, set[Any]] = {}
    for heading in tree.iter("h2", "h3", "h4"):
        if heading.find(".//a") is None and next(heading.iterancestors("a"), None) is None:
            continue
        if _norm(" ".join(heading.itertext())) in titles:
            continue
        item = next(heading.iterancestors("li"), None)
        listing = item.getparent() if item is not None else None
        if listing is not None and listing.tag in ("ul", "ol"):
            cards.setdefault(listing, set()).add(item)
    found = set()
    for items in cards.values():
        if len(items) < CARDS:
            continue
        for item in items:
            # The card whole, and its parts, as extractors give it on one line or on several.
            for part in (item, *item.iter("h2", "h3", "h4", "p")):
                text = _norm(" ".join(part.itertext()))
                if len(text.split()) >= 3:
                    found.add(text)
    return found


def _filtered(text: str, drop: Drop) -> tuple[str, list[tuple[str, str]]]:
    """The text without the lines to drop, and the lines taken out with why."""
    exact, titles = drop
    kept, dropped = [], []
    for line in text.splitlines():
        key, line = _norm(line), line.strip()
        if not key:
            continue
        if key in exact:
            dropped.append((line, exact[key]))
        elif len(key.split()) >= 4 and any(key in t for t in titles):
            dropped.append((line, "headline"))
        elif _SLUG.fullmatch(line):
            dropped.append((line, "layout"))
        elif _fields(line):
            dropped.append((line, "fields"))
        else:
            kept.append(line)
    return "\n".join(kept), dropped


def _fields(line: str) -> bool:
    """A page's byline-and-tags or address strip ("05/10/2018 - Publicado por: … - Categoria: …
    - Tags: …"): short fields between spaced dashes, a label or a figure among them, and no
    sentence's end (see `_FIELD_BREAK`)."""
    line = line.strip()
    if line.endswith((".", "!", "?", "”", '"', "’", "'")):
        return False  # a sentence with dashed asides ("Mr Lammy – who met him – said: …")
    parts = [p for p in _FIELD_BREAK.split(line) if p.strip()]
    return (
        len(parts) >= FIELDS
        and all(len(p.split()) <= FIELD_WORDS for p in parts)
        and any(":" in p or any(c.isdigit() for c in p) for p in parts)
    )


def _readability(tree: Any) -> str:
    """readability-lxml's text of the pruned page (a copy: it edits the tree it reads)."""
    from readability import Document as Readable

    try:
        fragment = lxml_html.fromstring(Readable(deepcopy(tree)).summary(html_partial=True))
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
