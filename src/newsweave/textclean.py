"""Cleaning of plain text and of text pasted from a web page, by general rules kept as data.

The rules (data/boilerplate.toml) take out navigation and share lines, separate image captions
and photo credits from the body (keeping one copy of a caption pasted twice, even glued to
itself), set apart the outlet's notes (credits, calls for readers' stories, corrections), and
flag short Title Case lines inside the body as stray related-article links. The
page's header, the lines before the first sentence of prose, gives the title; its byline and
date lines are set apart (the byline kept as metadata), and so are the short lines above the
title: the site's name and its section menu. The body text is otherwise kept verbatim,
paragraph by paragraph.
"""

from __future__ import annotations

import calendar
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

from newsweave.models import RemovedLine

_QUOTES = "\"'“”‘’«»"


@dataclass(frozen=True)
class CleanText:
    """What cleaning gives: a title (when the text opens with one), the body, what was set apart."""

    title: str | None
    paragraphs: tuple[str, ...]
    captions: tuple[str, ...]
    removed: tuple[RemovedLine, ...]
    byline: str | None = None


@dataclass(frozen=True)
class _Rules:
    navigation: re.Pattern[str]
    notice: re.Pattern[str]
    credit_end: re.Pattern[str]
    credit_line: re.Pattern[str]
    small_words: frozenset[str]
    byline: re.Pattern[str]
    dateline: re.Pattern[str]
    year: re.Pattern[str]
    date_words: frozenset[str]
    menu_words: int


_CALENDAR_NAMES = frozenset(
    n.lower()
    for n in (*calendar.month_name, *calendar.month_abbr, *calendar.day_name, *calendar.day_abbr)
    if n
)


@cache
def rules() -> _Rules:
    """The packaged cleaning rules, compiled once."""
    raw = tomllib.loads(resources.files("newsweave").joinpath("data/boilerplate.toml").read_text())
    nav = "|".join(f"(?:{p})" for p in raw["navigation"])
    return _Rules(
        navigation=re.compile(rf"^(?:{nav})[.:!]?$", re.IGNORECASE),
        notice=re.compile("^(?:" + "|".join(f"(?:{p})" for p in raw["notices"]) + ")$", re.I),
        credit_end=re.compile(raw["credit_end"], re.IGNORECASE),
        credit_line=re.compile(rf"^(?:{raw['credit_line']})$", re.IGNORECASE),
        small_words=frozenset(raw["title_case_small_words"]),
        byline=re.compile(rf"^(?:{raw['byline']})$"),
        dateline=re.compile(raw["dateline"], re.IGNORECASE),
        year=re.compile(raw["year"]),
        date_words=frozenset(raw["date_words"]) | _CALENDAR_NAMES,
        menu_words=raw["menu_words"],
    )


def is_notice(line: str) -> bool:
    """Whether a paragraph is the outlet's note, not the report: a reporting credit ("(Reporting
    by ...; Editing by ...)"), a call for readers' stories, a correction."""
    return rules().notice.match(line) is not None


def clean_text(text: str, title: str | None = None) -> CleanText:
    """Split text into paragraphs and set apart navigation, captions, the page's header lines
    and stray link lines.

    When `title` is None, a plain text's first line may be its title, and a pasted page's header
    gives it (see `_header`).
    """
    r = rules()
    lines = [
        _normalise(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    ]
    captions: list[str] = []
    removed: list[RemovedLine] = []
    seen_captions: set[str] = set()
    kept: list[str] = []
    notices: list[RemovedLine] = []
    for line in lines:
        if not line:
            continue
        if is_notice(line):
            notices.append(RemovedLine(text=line, reason="notice"))
            continue
        if r.navigation.match(line):
            removed.append(RemovedLine(text=line, reason="navigation"))
            continue
        caption = _caption(line, r)
        if caption is None:
            kept.append(line)
            continue
        key = _key(caption)
        if key in seen_captions:
            removed.append(RemovedLine(text=line, reason="duplicate_caption"))
        else:
            seen_captions.add(key)
            captions.append(caption)
            if caption != line:
                removed.append(RemovedLine(text=line, reason="caption_pasted_twice"))
    # A text with page navigation (or a caption pasted twice) is a pasted page: its header is
    # the page's furniture. A plain text's first line may be its title.
    pasted = bool(removed)
    if title is None and not pasted and kept and _reads_as_title(kept[0]):
        title = kept.pop(0).strip(_QUOTES + " ")
    header = next((i for i, line in enumerate(kept) if _reads_as_prose(line)), len(kept))
    title, byline, opening = _header(kept[:header], title, pasted, r, removed)
    paragraphs: list[str] = []
    for line in opening + kept[header:]:
        if paragraphs and _is_stray_headline(line, r):
            removed.append(RemovedLine(text=line, reason="suspected_related_link"))
        else:
            paragraphs.append(line)
    # Notices are no sign of a pasted page: a plain text ends with its credits too.
    removed.extend(notices)
    return CleanText(title, tuple(paragraphs), tuple(captions), tuple(removed), byline)


def _header(
    lines: list[str], title: str | None, pasted: bool, r: _Rules, removed: list[RemovedLine]
) -> tuple[str | None, str | None, list[str]]:
    """The title, byline and kept paragraphs of a text's header (the lines before its prose);
    what it sets apart goes to `removed`.

    A byline is set apart in any text. A pasted page's title is its header's first line that
    reads as a title and is longer than a menu entry (else its last short one); the short lines
    above it (the site's name, its section menu) and its date lines are set apart.
    """
    titles = [
        i
        for i, line in enumerate(lines)
        if _reads_as_title(line) and not _byline(line, r) and not (pasted and _dated(line, r))
    ]
    detected = None
    if title is None and pasted and titles:
        # The first line longer than a menu entry; among short lines only, the last: a
        # headline follows the site's name and menu.
        longer = [i for i in titles if len(lines[i].split()) > r.menu_words]
        detected = longer[0] if longer else titles[-1]
        title = lines[detected].strip(_QUOTES + " ")
    key = _key(title) if title else None
    at = next((i for i, line in enumerate(lines) if _key(line) == key), -1)
    byline: str | None = None
    kept: list[str] = []
    for i, line in enumerate(lines):
        if i == detected:
            continue
        if _key(line) == key and (pasted or not kept):
            removed.append(RemovedLine(text=line, reason="repeated_title"))
        elif name := _byline(line, r):
            byline = byline or name
            removed.append(RemovedLine(text=line, reason="byline"))
        elif pasted and _dated(line, r):
            removed.append(RemovedLine(text=line, reason="dateline"))
        elif pasted and i < at and len(line.split()) <= r.menu_words:
            # Above the title, short lines are the site's name and its section menu.
            removed.append(RemovedLine(text=line, reason="navigation"))
        else:
            kept.append(line)
    return title, byline, kept


def _byline(line: str, r: _Rules) -> str | None:
    """The name a byline gives ("By Petra Lindqvist, Islands correspondent"), if the line is one."""
    match = r.byline.match(line)
    if match is None or _names_a_day(match["name"]):
        return None
    return match["name"].strip(" ,")


def _names_a_day(name: str) -> bool:
    """A weekday or a month is no one's name: "By Monday, …" opens a sentence."""
    return name.split()[0].lower() in _CALENDAR_NAMES


def _reads_as_prose(line: str) -> bool:
    """A sentence: several words and a full stop (after any closing quote). A question or an
    exclamation may be a headline ("Will the harbour reopen before the summer?")."""
    return len(line.split()) >= 6 and line.rstrip(_QUOTES + ")").endswith(".")


def _dated(line: str, r: _Rules) -> bool:
    """A dateline: a short line with a date or a time, and at most one word besides the words
    of dates ("Monday 15 June 2026, 08:30"; not "World Cup 2026 final set for Sunday")."""
    if len(line.split()) > 10:
        return False
    words = re.findall(r"[^\W\d_]+", r.year.sub(" ", r.dateline.sub(" ", line)))
    named = any(w.lower() in _CALENDAR_NAMES for w in words)
    if not (r.dateline.search(line) or (named and r.year.search(line))):
        return False
    rest = [
        w
        for w in words
        if w.lower() not in r.date_words and not (w.isupper() and len(w) <= 4)  # a time zone
    ]
    return len(rest) <= 1


def _normalise(line: str) -> str:
    # Indentation and odd spaces are layout, not content; the words themselves stay verbatim.
    line = unicodedata.normalize("NFC", line).replace("\u00a0", " ").replace("\u200b", "")
    return re.sub(r"[ \t]+", " ", line).strip()


def _caption(line: str, r: _Rules) -> str | None:
    """The caption in a line (one copy when pasted twice), or None when it is not a caption."""
    if r.credit_line.match(line):
        return line
    if not r.credit_end.search(line):
        return None
    half = _doubled(line)
    if half is not None:
        return half
    # A caption glued to its own copy with a separator ("... (Credit) · ... (Credit)").
    match = r.credit_end.search(line)
    if match and line.count(match.group(0).strip()) > 1:
        first = line[: line.index(match.group(0).strip()) + len(match.group(0).strip())]
        return first.strip()
    return line


def _doubled(line: str) -> str | None:
    """`X` when the line is `X` written twice, glued or with a space between."""
    for candidate in (line, line.replace("  ", " ")):
        n = len(candidate)
        for cut in {n // 2, (n + 1) // 2}:
            left, right = candidate[:cut].strip(), candidate[cut:].strip()
            if left and left == right:
                return left
    return None


def _reads_as_title(line: str) -> bool:
    words = line.split()
    return 2 <= len(words) <= 30 and not line.rstrip(_QUOTES).endswith((".", ":", ";", ","))


def _is_stray_headline(line: str, r: _Rules) -> bool:
    """A short line whose every content word is capitalised: a related-article link, not prose."""
    words = re.findall(r"[\w’'-]+", line)
    if not 3 <= len(words) <= 14:
        return False
    content = [w for w in words if w.lower() not in r.small_words]
    if len(content) < 3:
        return False
    return all(w[0].isupper() or w[0].isdigit() for w in content)


def _key(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().lower()
