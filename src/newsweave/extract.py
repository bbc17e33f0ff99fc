"""Extract: `RawDoc` → clean `Article` (or `Rejected` with a reason).

HTML goes through trafilatura for the body and metadata, htmldate for the publication date
(published and updated kept apart) and courlan for the canonical URL; captions come from the
page's figure captions. Plain text goes through `textclean`, which sets apart navigation lines,
captions and stray link lines by general rules. Both paths find lineage markers.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

from newsweave import pagerules
from newsweave.htmlbody import body_of, main_text, parse_html
from newsweave.htmlbody import captions as page_captions
from newsweave.markers import find_markers, reporting_outlet
from newsweave.models import UNKNOWN_OUTLET, Article, RawDoc, Rejected, RemovedLine
from newsweave.settings import ExtractSettings
from newsweave.textclean import CleanText, clean_text, is_notice

DATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"
# What trafilatura's byline XPaths (`trafilatura.xpaths.AUTHOR_XPATHS`) look for in these
# attributes, as plain substrings: where none occurs, they match nothing.
_BYLINE_HINT = re.compile(
    "uthor|yline|screenname|writer|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by"
    "|journalist-name|username|byl|BBL"
)
_BYLINE_ATTRIBUTES = ("class", "id", "rel", "itemprop", "data-testid", "data-component")
# The scripts trafilatura reads metadata from (`trafilatura.metadata.extract_meta_json`).
_JSON_LD = './/script[@type="application/ld+json" or @type="application/settings+json"]'
# A page mostly of links is an index only if what trafilatura kept is short too: long articles
# under heavy navigation menus stay articles.
INDEX_PAGE_CHARS = 2000

# Phrases that mark a page as something other than an article (consent walls, error pages).
_NOT_ARTICLE = re.compile(
    r"\b(?:page not found|404 not found|access denied|enable javascript|"
    r"we value your privacy|before you continue|are you a robot|verify you are human)\b",
    re.IGNORECASE,
)


def extract(raw: RawDoc, settings: ExtractSettings | None = None) -> Article | Rejected:
    """Clean one raw document into an article; refuse what is not an article."""
    settings = settings or ExtractSettings()
    if raw.kind == "html":
        parsed = _from_html(raw, settings)
        if isinstance(parsed, Rejected):
            return parsed
        cleaned, meta = parsed
    else:
        cleaned = clean_text(raw.body, title=raw.title)
        meta = {"author": cleaned.byline}
    text = "\n\n".join(cleaned.paragraphs)
    if len(text) < settings.min_chars:
        return _reject(
            raw,
            "too_short",
            f"{len(text)} characters of body (extract.min_chars is {settings.min_chars})",
        )
    if len(text) < 2000 and _NOT_ARTICLE.search(text):
        return _reject(
            raw, "not_article", "the page reads as an error, consent or robot-check page"
        )
    url = raw.url or meta.get("url")
    canonical = canonical_url(meta.get("canonical") or url)
    outlet = (
        raw.outlet or meta.get("sitename") or reporting_outlet(text) or _outlet_from_url(canonical)
    )
    published = raw.published or meta.get("published")
    if published and raw.fetched and published > raw.fetched:
        return _reject(raw, "future_date", f"published {published:%Y-%m-%d} is after the fetch")
    content_hash = hashlib.sha256(_fingerprint(text).encode()).hexdigest()
    return Article(
        id=article_id(canonical, content_hash),
        source=raw.source,
        url=url,
        canonical_url=canonical,
        outlet=outlet or UNKNOWN_OUTLET,
        title=raw.title or cleaned.title or meta.get("title") or _first_words(text),
        byline=meta.get("author"),
        published=published,
        updated=meta.get("updated"),
        language=meta.get("language") or _guess_language(text),
        text=text,
        paragraphs=cleaned.paragraphs,
        captions=cleaned.captions,
        removed=cleaned.removed,
        content_hash=content_hash,
        markers=find_markers(text, outlet),
    )


def article_id(canonical: str | None, content_hash: str) -> str:
    """A stable id: from the canonical URL when there is one, else from the content."""
    key = canonical or content_hash
    return "a" + hashlib.sha1(key.encode()).hexdigest()[:11]


def canonical_url(url: str | None) -> str | None:
    """The URL normalised by courlan (tracking parameters and fragments dropped), or None."""
    if not url:
        return None
    from courlan import normalize_url

    try:
        return str(normalize_url(url, strict=True))
    except (ValueError, TypeError):
        return url


def _from_html(raw: RawDoc, settings: ExtractSettings) -> tuple[CleanText, dict] | Rejected:
    from lxml import etree

    pagerules.install()  # trafilatura's XPath rules as Python tests: the same, faster
    try:
        tree = parse_html(raw.body)
    except (ValueError, etree.ParserError) as exc:
        return _reject(raw, "malformed_html", f"cannot parse the HTML: {exc}")
    latest = (raw.fetched or datetime.now(UTC)).strftime("%Y-%m-%d")
    # Everything read from the whole page comes first: main_text prunes the tree.
    doc = _metadata(tree, raw.url, latest)
    density = _link_density(tree)
    captions = page_captions(tree)
    canonical = _link_canonical(tree)
    published, updated = _dates(tree, doc.date, latest)
    body = main_text(
        raw.body, tree, raw.url, doc.title, captions, settings.mode, settings.readability_rescue
    )
    if body is None:
        return _reject(raw, "no_content", "no extractor found an article body on the page")
    if density > settings.max_link_density and len(body.text) < INDEX_PAGE_CHARS:
        return _reject(
            raw, "index_page", f"{density:.0%} of the page's text is links: an index page"
        )
    if not doc.author:
        # Searched in the pruned page, without navigation, asides and footers: faster, and a
        # commenter's name is no longer taken for the byline.
        doc.author = _byline(tree)
        doc.clean_and_trim()
    kept: list[str] = []
    removed = [RemovedLine(text=line, reason=reason) for line, reason in body.dropped]
    for line in filter(None, (p.strip() for p in body.text.split("\n"))):
        # The outlet's notes (credits, calls for readers' stories) are set apart as in plain text.
        if is_notice(line):
            removed.append(RemovedLine(text=line, reason="notice"))
        else:
            kept.append(line)
    meta = {
        "title": doc.title,
        "author": doc.author,
        "sitename": doc.sitename,
        "url": doc.url,
        "canonical": canonical,
        "language": doc.language,
        "published": published,
        "updated": updated,
    }
    return CleanText(doc.title, tuple(kept), tuple(captions), tuple(removed)), meta


def _metadata(tree: Any, url: str | None, latest: str) -> Any:
    """trafilatura's metadata of the page (a `Document`), the fields newsweave keeps.

    This is `trafilatura.metadata.extract_metadata` without the categories, tags and licence,
    which cost half its time and are not stored, and without the search for a byline in the
    page, which `_from_html` runs on the pruned page when the metadata name no author. htmldate
    gives the publication date, with its time and never after the fetch; its extensive search
    costs more than the extraction.
    """
    from htmldate import find_date
    from trafilatura.metadata import (
        META_URL,
        examine_meta,
        extract_sitename,
        extract_title,
        extract_url,
    )

    doc = examine_meta(tree)
    if doc.author and " " not in doc.author:
        doc.author = None  # a single word is a handle or a site, not a byline
    with contextlib.suppress(Exception):  # trafilatura's JSON-LD reader raises on odd JSON
        doc = _json_ld(tree, doc)
    doc.title = doc.title or extract_title(tree)
    doc.url = doc.url or extract_url(tree, url)
    doc.date = find_date(
        tree,
        url=doc.url,
        original_date=True,
        extensive_search=False,
        max_date=latest,
        outputformat=DATE_FORMAT,
    )
    doc.sitename = doc.sitename or extract_sitename(tree)
    if doc.sitename:
        doc.sitename = doc.sitename.lstrip("@")
        if doc.sitename and "." not in doc.sitename and not doc.sitename[0].isupper():
            doc.sitename = doc.sitename.title()
    elif doc.url and (match := META_URL.match(doc.url)):
        doc.sitename = match[1]
    doc.clean_and_trim()
    return doc


def _json_ld(tree: Any, doc: Any) -> Any:
    """trafilatura's JSON-LD reader (`extract_meta_json`), without its minifier where it can.

    trafilatura first strips the whitespace outside the JSON's strings, with a substitution
    for every token: half the reader's time. `json.loads` ignores that whitespace, so a script
    that parses as it stands is read as it stands; one that does not goes trafilatura's whole
    way (its minifier, then its patterns for broken JSON). The same metadata on all 90 AEB dev
    pages (`tests/test_extract.py`).
    """
    from trafilatura.json_metadata import extract_json, extract_json_parse_error, normalize_json
    from trafilatura.metadata import JSON_MINIFY

    for script in tree.xpath(_JSON_LD):
        if not script.text:
            continue
        try:
            schema = json.loads(normalize_json(script.text), strict=False)
        except json.JSONDecodeError:
            text = normalize_json(JSON_MINIFY.sub(r"\1", script.text))
            try:
                schema = json.loads(text, strict=False)
            except json.JSONDecodeError:
                doc = extract_json_parse_error(text, doc)
                continue
        doc = extract_json(schema, doc)
    return doc


def _byline(tree: Any) -> str | None:
    """trafilatura's byline search (`extract_author`), made cheaper; it finds the same names.

    Its XPaths test attributes with regular expressions, called back into Python for every
    element: about 5 ms a page. A page whose attributes hold none of the words they look for
    is passed by a plain scan (0.4 ms): a quarter of AEB's pages. And trafilatura prunes a
    copy of the page first, where nothing reads the page after the byline, so it is pruned in
    place.
    """
    if next(tree.iter("author", "rel"), None) is None and not any(
        _BYLINE_HINT.search(element.get(name) or "")
        for element in tree.iter()
        if element.attrib
        for name in _BYLINE_ATTRIBUTES
    ):
        return None
    from trafilatura.htmlprocessing import prune_unwanted_nodes
    from trafilatura.json_metadata import normalize_authors
    from trafilatura.metadata import extract_metainfo
    from trafilatura.xpaths import AUTHOR_DISCARD_XPATHS, AUTHOR_XPATHS

    author = extract_metainfo(
        prune_unwanted_nodes(tree, AUTHOR_DISCARD_XPATHS), AUTHOR_XPATHS, len_limit=120
    )
    return normalize_authors(None, author) if author else None


def _link_density(tree: Any) -> float:
    """The share of the page's visible text that sits inside links."""
    body = body_of(tree)
    total = len(" ".join(body.text_content().split()))
    linked = sum(len(" ".join(a.text_content().split())) for a in body.iter("a"))
    return linked / total if total else 0.0


def _link_canonical(tree: Any) -> str | None:
    """The first canonical link or og:url of the page."""
    for node in tree.iter("link", "meta"):
        if node.tag == "link" and node.get("rel") == "canonical":
            href = node.get("href")
        elif node.tag == "meta" and node.get("property") == "og:url":
            href = node.get("content")
        else:
            continue
        if href is not None:
            return str(href).strip()
    return None


def _dates(
    tree: Any, published: str | None, latest: str
) -> tuple[datetime | None, datetime | None]:
    """Publication date (from trafilatura's metadata) and, kept apart, the last update."""
    try:
        updated = _declared_update(tree, latest)
    except (ValueError, TypeError):
        updated = None
    first = _parse_date(published)
    last = _parse_date(updated)
    return first, (last if last and first and last > first else None)


def _declared_update(tree: Any, latest: str) -> str | None:
    """The last update the page declares: htmldate's search for it (`find_date` with
    `original_date=False`) in the canonical URL, the head's meta tags and the JSON-LD.

    htmldate goes on to search the body, where the newest date is a reader comment's or an
    image path's more often than an update: on AEB dev, 3 pages got an update that way, and
    all 3 were such dates. That search was also two thirds of the time htmldate took here.
    """
    from htmldate.core import examine_header
    from htmldate.extractors import extract_url_date, json_search
    from htmldate.utils import Extractor
    from htmldate.validators import get_max_date, get_min_date

    options = Extractor(False, get_max_date(latest), get_min_date(None), False, DATE_FORMAT)
    canonical = tree.find('.//link[@rel="canonical"]')
    url = canonical.get("href") if canonical is not None else None
    return (
        extract_url_date(url, options)
        or examine_header(tree, options)
        or json_search(tree, options)
    )


def _parse_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _outlet_from_url(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def _fingerprint(text: str) -> str:
    # Whitespace and case are layout: the same words pasted twice are the same content.
    return " ".join(text.split()).lower()  # as re.sub(r"\s+", " ", …).strip(), 3x faster


def _first_words(text: str, n: int = 12) -> str:
    words = text.split()
    return " ".join(words[:n]) + ("…" if len(words) > n else "")


_STOP_EN = frozenset(
    [
        "the",
        "and",
        "of",
        "to",
        "in",
        "a",
        "is",
        "that",
        "for",
        "on",
        "was",
        "with",
        "as",
        "by",
        "at",
        "from",
    ]
)


def _guess_language(text: str) -> str | None:
    words = re.findall(r"[a-z]+", text[:5000].lower())
    if not words:
        return None
    share = sum(w in _STOP_EN for w in words) / len(words)
    return "en" if share > 0.12 else None


def _reject(raw: RawDoc, reason: str, detail: str) -> Rejected:
    return Rejected(source=raw.source, stage="extract", reason=reason, detail=detail)
