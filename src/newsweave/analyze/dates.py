"""Dates: explicit dates, weekdays and relative phrases, resolved against the publication date.

"on Wednesday" resolves to the nearest Wednesday on the side its verb points to (past tense:
the one before publication; future or present: the one after); "this week" to the Monday–Sunday
range of publication; "later today" to the publication day. Without a publication date a
relative phrase stays unresolved and is marked `relative=True` with no anchor.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from datetime import date, timedelta
from typing import Any

from newsweave.analyze.nlp import doc_text
from newsweave.models import Aspect, DateMention, Sentence

WEEKDAYS = [d.lower() for d in calendar.day_name]
MONTHS = [m.lower() for m in calendar.month_name if m]
_month = (
    "|".join(m.capitalize() for m in MONTHS)
    + "|"
    + "|".join(m.capitalize() + r"\.?" for m in (x[:3] for x in MONTHS))
)
_weekday_names = "|".join(d.capitalize() for d in WEEKDAYS)

PATTERN = re.compile(
    rf"\b(?:"
    rf"(?P<md>(?P<md_month>{_month})\s+(?P<md_day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<md_year>\d{{4}}))?)"
    rf"|(?P<dm>(?P<dm_day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<dm_month>{_month})(?:,?\s+(?P<dm_year>\d{{4}}))?)"
    rf"|(?P<my>(?P<my_month>{_month})\s+(?P<my_year>\d{{4}}))"
    rf"|(?P<weekday>(?:(?:last|next|this|on|since|by|until)\s+)?(?P<wd>{_weekday_names})(?:\s+(?P<part>morning|afternoon|evening|night))?)"
    rf"|(?P<rel>(?:later|earlier)\s+today|today|tonight|yesterday|tomorrow|overnight"
    rf"|(?:(?:by|before|until|at)\s+)?the\s+end\s+of\s+(?:the|this|next|last)\s+(?:week|month|year)"
    rf"|(?:this|last|next)\s+(?:week|month|year|weekend)|within\s+(?:days|weeks|months|hours)"
    rf"|(?:a|one|two|three)\s+(?:days?|weeks?|months?|years?)\s+ago)"
    rf"|(?P<year>(?:in|since|by|until|from)\s+(?P<yy>(?:19|20)\d{{2}}))"
    rf")\b",
)

FUTURE_AUXILIARIES = frozenset(["will", "'ll", "wo", "would", "shall"])  # "wo" as in "wo n't"
# Verbs whose object is a happening still to come when the verb is said: "have announced a visit".
PROSPECTIVE_VERBS = frozenset(
    ["announce", "plan", "schedule", "expect", "prepare", "promise", "pledge", "intend", "propose"]
)
_FUTURE = re.compile(
    r"\b(?:will|would|shall|to|set to|due to|going to|scheduled|plans? to|expected to)\b", re.I
)


# A phrase that names one day ("on Friday", "August 6"), not a stretch ("this week").
_NAMES_A_DAY = re.compile(r"\b(?:" + "|".join(n.capitalize() for n in WEEKDAYS + MONTHS) + r")\b")
_ON = re.compile(r"^on\s+")


def day_of(mention: DateMention) -> str | None:
    """The day a date phrase names, as a key two articles can share: the resolved date when
    known, else the phrase ("friday", "august 6"); None for a stretch such as "this week"."""
    if not _NAMES_A_DAY.search(mention.text):
        return None
    if mention.resolved:
        if mention.resolved_end and mention.resolved_end != mention.resolved:
            return None  # "in August 2026" is a stretch, not a day
        return mention.resolved.isoformat()
    return _ON.sub("", mention.text.lower())


def find_dates(
    docs: list[Any], starts: list[int], sentences: list[Sentence], anchor: date | None
) -> list[DateMention]:
    """Every date phrase, resolved against `anchor` (the publication date) when given."""
    sentence_starts = [s.start for s in sentences]
    found: list[DateMention] = []
    for doc, base in zip(docs, starts, strict=True):
        for match in PATTERN.finditer(doc_text(doc)):
            start = base + match.start()
            sentence_index = max(bisect_right(sentence_starts, start) - 1, 0)
            verb = _governing_verb(doc, match.start())
            future = _future(verb, match.start())
            resolved, resolved_end, relative = _resolve(match, anchor, future)
            found.append(
                DateMention(
                    text=match.group(0),
                    sentence=sentence_index,
                    start=start,
                    end=base + match.end(),
                    resolved=resolved,
                    resolved_end=resolved_end,
                    relative=relative,
                    anchor=anchor if relative and anchor else None,
                    aspect=_aspect(verb),
                )
            )
    return found


def _governing_verb(doc: Any, offset: int) -> Any | None:
    """The verb whose clause the phrase at this offset dates (or the root it climbs to)."""
    span = doc.char_span(offset, min(offset + 1, len(doc_text(doc))), alignment_mode="expand")
    if span is None or not len(span):
        return None
    verb = span[0].head
    # Compare indices: spaCy hands out a new Token object on every `.head`.
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    return verb


def _future(verb: Any | None, offset: int) -> bool:
    """Does the clause around this offset speak of what is to come?"""
    if verb is None:
        return False
    if verb.tag_ in {"VBD", "VBN"}:
        return False
    if any(c.lower_ in FUTURE_AUXILIARIES for c in verb.children) or verb.tag_ in {
        "VBZ",
        "VBP",
        "VB",
    }:
        return True
    sentence = verb.sent.text
    return bool(_FUTURE.search(sentence[: max(offset - verb.sent.start_char, 0)]))


def _aspect(verb: Any | None) -> Aspect | None:
    """Prospective when the clause looks ahead: a future auxiliary, or a verb such as "announce"
    whose object is still to come, unless in the simple past ("announced the visit on Monday"
    dates the announcement); completed when in a past tense; else None."""
    if verb is None or verb.pos_ not in {"VERB", "AUX"}:
        return None
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    if auxiliaries & FUTURE_AUXILIARIES or (
        verb.lemma_ in PROSPECTIVE_VERBS and verb.tag_ != "VBD"
    ):
        return "prospective"
    if verb.tag_ == "VBD" or (verb.tag_ == "VBN" and auxiliaries & {"have", "has", "had", "'ve"}):
        return "completed"
    return None


def _resolve(
    match: re.Match[str], anchor: date | None, future: bool
) -> tuple[date | None, date | None, bool]:
    g = match.group
    if g("md") or g("dm"):
        month = _month_number(g("md_month") or g("dm_month"))
        day = int(g("md_day") or g("dm_day"))
        year_text = g("md_year") or g("dm_year")
        if year_text:
            return _safe(int(year_text), month, day), None, False
        if anchor is None:
            return None, None, True
        guess = _safe(anchor.year, month, day)
        # A month-day after publication in a past-tense clause belongs to the previous year.
        if guess and guess > anchor and not future:
            guess = _safe(anchor.year - 1, month, day)
        return guess, None, True
    if g("my"):
        month, year = _month_number(g("my_month")), int(g("my_year"))
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]), False
    if g("year"):
        year = int(g("yy"))
        return date(year, 1, 1), date(year, 12, 31), False
    if anchor is None:
        return None, None, True
    if g("weekday"):
        return (
            _weekday(g("weekday").lower(), WEEKDAYS.index(g("wd").lower()), anchor, future),
            None,
            True,
        )
    return (*_relative(g("rel").lower(), anchor), True)


def _weekday(phrase: str, target: int, anchor: date, future: bool) -> date:
    if phrase.startswith("last"):
        future = False
    elif phrase.startswith("next"):
        future = True
    delta = (target - anchor.weekday()) % 7
    if future:
        return anchor + timedelta(days=delta)
    return anchor - timedelta(days=(7 - delta) % 7)


def _relative(phrase: str, anchor: date) -> tuple[date | None, date | None]:
    if phrase in {"today", "tonight", "later today", "earlier today"}:
        return anchor, None
    if phrase == "yesterday":
        return anchor - timedelta(days=1), None
    if phrase == "tomorrow":
        return anchor + timedelta(days=1), None
    if phrase == "overnight":
        return anchor - timedelta(days=1), anchor
    which, unit = phrase.split()[0], phrase.split()[-1]
    if " end of " in f" {phrase}":
        return _end_of(unit, {"next": 1, "last": -1}.get(phrase.split()[-2], 0), anchor)
    if which in {"this", "last", "next"}:
        shift = {"this": 0, "last": -1, "next": 1}[which]
        if unit == "weekend":
            saturday = anchor - timedelta(days=anchor.weekday()) + timedelta(days=5, weeks=shift)
            return saturday, saturday + timedelta(days=1)
        return _period(unit, shift, anchor)
    if phrase.endswith("ago"):
        count = {"a": 1, "one": 1, "two": 2, "three": 3}[which]
        days = {"day": 1, "week": 7, "month": 30, "year": 365}[unit.rstrip("s")]
        return anchor - timedelta(days=count * days), None
    return None, None  # "within weeks": a span with no edges


def _period(unit: str, shift: int, anchor: date) -> tuple[date, date]:
    """The week (Monday to Sunday), month or year that is `shift` from the anchor's."""
    if unit == "week":
        monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=shift)
        return monday, monday + timedelta(days=6)
    if unit == "month":
        year, month = divmod(anchor.year * 12 + anchor.month - 1 + shift, 12)
        return date(year, month + 1, 1), date(
            year, month + 1, calendar.monthrange(year, month + 1)[1]
        )
    return date(anchor.year + shift, 1, 1), date(anchor.year + shift, 12, 31)


def _end_of(unit: str, shift: int, anchor: date) -> tuple[date, date]:
    """The close of that period (`_period`): Friday to Sunday, a month's last seven days,
    December. "By the end of the year"."""
    end = _period(unit, shift, anchor)[1]
    days = {"week": 2, "month": 6}.get(unit)
    return (end - timedelta(days=days), end) if days else (date(end.year, 12, 1), end)


def _month_number(name: str) -> int:
    return MONTHS.index(next(m for m in MONTHS if m.startswith(name.lower().rstrip(".")[:3]))) + 1


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
