"""Cleaning of plain text and of text pasted from a web page, by general rules kept as data.

The rules (data/boilerplate.toml) take out navigation and share lines, separate image captions
and photo credits from the body (keeping one copy of a caption pasted twice, even glued to
itself), and flag short Title Case lines inside the body as stray related-article links. The
body text is otherwise kept verbatim, paragraph by paragraph.
"""

from __future__ import annotations

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


@dataclass(frozen=True)
class _Rules:
    navigation: re.Pattern[str]
    credit_end: re.Pattern[str]
    credit_line: re.Pattern[str]
    small_words: frozenset[str]


@cache
def rules() -> _Rules:
    """The packaged cleaning rules, compiled once."""
    raw = tomllib.loads(resources.files("newsweave").joinpath("data/boilerplate.toml").read_text())
    nav = "|".join(f"(?:{p})" for p in raw["navigation"])
    return _Rules(
        navigation=re.compile(rf"^(?:{nav})[.:!]?$", re.IGNORECASE),
        credit_end=re.compile(raw["credit_end"], re.IGNORECASE),
        credit_line=re.compile(rf"^(?:{raw['credit_line']})$", re.IGNORECASE),
        small_words=frozenset(raw["title_case_small_words"]),
    )


def clean_text(text: str, title: str | None = None) -> CleanText:
    """Split text into paragraphs and set apart navigation, captions and stray link lines.

    When `title` is None and the text opens with a short line that does not read as a sentence,
    that line is taken as the title.
    """
    r = rules()
    lines = [
        _normalise(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    ]
    paragraphs: list[str] = []
    captions: list[str] = []
    removed: list[RemovedLine] = []
    seen_captions: set[str] = set()
    for line in lines:
        if not line:
            continue
        if r.navigation.match(line):
            removed.append(RemovedLine(text=line, reason="navigation"))
            continue
        caption = _caption(line, r)
        if caption is not None:
            key = _key(caption)
            if key in seen_captions:
                removed.append(RemovedLine(text=line, reason="duplicate_caption"))
            else:
                seen_captions.add(key)
                captions.append(caption)
                if caption != line:
                    removed.append(RemovedLine(text=line, reason="caption_pasted_twice"))
            continue
        if title is None and not paragraphs and _reads_as_title(line):
            title = line.strip(_QUOTES + " ")
            continue
        if title is not None and not paragraphs and _key(line) == _key(title):
            removed.append(RemovedLine(text=line, reason="repeated_title"))
            continue
        if paragraphs and _is_stray_headline(line, r):
            removed.append(RemovedLine(text=line, reason="suspected_related_link"))
            continue
        paragraphs.append(line)
    return CleanText(title, tuple(paragraphs), tuple(captions), tuple(removed))


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
