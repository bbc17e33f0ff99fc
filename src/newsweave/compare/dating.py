"""Dates that conflict: one happening dated to different days by different articles.

"The fire broke out on Tuesday evening" and "the fire, which started on Monday night" state one
fact (a claim holds them together, or `happenings` finds one happening told by its own noun)
with two dates that cannot both be right. Much that looks like it is not a conflict, and is
left alone:
- progress: a plan and its outcome ("talks are scheduled for Thursday", "talks on Friday broke
  down") are ordered on the timeline;
- the day something was said ("police said on Wednesday") against the day it happened;
- a start and an end ("until Friday"), or a span and a day within it ("this week", "on
  Wednesday");
- the hours around one midnight: "late on Tuesday" and "in the early hours of Wednesday".
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime
from functools import cache
from typing import NamedTuple

from newsweave.compare.conflicts import UPDATE_AFTER, readings_disagree, within
from newsweave.compare.occasions import OCCASION, SAYING_VERBS
from newsweave.models import Analysis, Claim, Conflict, DateMention

# A date shorter than a month dates one happening; a month or longer ("in March", "in 2019")
# is the time of another occasion (`occasions.OCCASION`), not a day of this one.
LONGEST = OCCASION

# The verb of saying that a date follows dates the saying: "police said on Wednesday", "she
# told reporters on Wednesday".
_SAYING = re.compile(
    r"\b(?:said|says|told|added|stated|wrote|confirmed|reported)(?:\s+[\w’']+){0,2}\s*$",
    re.IGNORECASE,
)
# Phrases that bound a time rather than date a happening.
_BOUNDING = re.compile(r"(?:since|until|till|by|from|before|after|between|through)\b", re.I)
# The same words before a phrase that leaves them out ("after Friday", "from 4 November").
_BOUNDED = re.compile(
    r"\b(?:since|until|till|by|from|before|after|between|through)\s+$", re.IGNORECASE
)
# Words that put a time late in its day, or early in the next one.
_LATE = re.compile(r"\b(?:late|night|midnight|evening)\b", re.IGNORECASE)
_MIDNIGHT = re.compile(r"\bmidnight\b", re.IGNORECASE)
_EARLY = re.compile(
    r"\b(?:early|overnight|midnight|morning|dawn|hours\s+of)\b", re.IGNORECASE
)  # "the early hours of Wednesday", not "on Wednesday, hours after the delivery"
# Words either side of a date phrase that say when in its day: "late on Tuesday".
_AROUND = 12
# The words right before a date phrase that say when in its day, shown with it.
_WHEN_IN_DAY = re.compile(
    r"\b(?:(?:(?:shortly|just|soon)\s+)?(?:after|before)\s+midnight|late|early)\s+$",
    re.IGNORECASE,
)


def date_conflicts(
    claims: list[Claim],
    analyses: dict[str, Analysis],
    published: Mapping[str, datetime | None] | None = None,
) -> list[Conflict]:
    """The claims whose articles date their one happening to days that do not meet, both
    known when both reports were out (`published`: article id → publication time)."""
    published = published or {}

    @cache  # a sentence may stand in several claims
    def dated(article: str, sentence: int) -> Dated | None:
        return happening_date(analyses[article], sentence)

    return within(
        [c.support for c in claims],
        "date",
        lambda s: dated(s.article, s.sentence),
        lambda x, y: dates_apart(x, y, published),
        lambda d: (d.wording, reading(d)),
        kin=same_happening,
    )


def same_happening(d: Dated, e: Dated) -> bool:
    """Whether two dates are of one happening, both told as done or both as to come."""
    prospective = [x.mention.aspect == "prospective" for x in (d, e)]
    return one_happening(d.mention.verb, e.mention.verb) and len(set(prospective)) == 1


def dates_apart(
    x: tuple[str, Dated], y: tuple[str, Dated], published: Mapping[str, datetime | None]
) -> bool:
    """Whether two articles' dates of one happening cannot both be right, and both reports
    could tell it (`_both_knew`)."""
    return _apart(x[1], y[1]) and _both_knew(x[0], x[1], y[0], y[1], published)


class Dated(NamedTuple):
    """A happening's date as a sentence gives it."""

    mention: DateMention
    around: str
    """The words around the phrase, which tell when in the day ("late on Tuesday")."""
    wording: str
    """The phrase with the words before it that say when in the day: "late on Tuesday",
    "shortly after midnight on Wednesday"."""
    people: frozenset[str] = frozenset()
    """The surnames of the people the sentence names ("Brevic"), read for a happening that
    comes once (`_ONCE`) only."""


def happening_date(analysis: Analysis, sentence: int) -> Dated | None:
    """The one date a sentence gives its happening: resolved, a month or less, not the day of a
    saying nor a bound ("until Friday") nor inside a quote, and of a happening told by its own
    noun (`by_its_noun`) when there are several; None when there is none, or more than one."""
    text = analysis.sentences[sentence].text
    start = analysis.sentences[sentence].start
    # A day inside a quote is the speaker's ("nothing I heard tonight"), told from when they
    # spoke, which the report need not say.
    quoted = [(q.start, q.end) for q in analysis.quotes if q.kind != "reported"]
    found = [
        d
        for d in analysis.dates
        if d.sentence == sentence
        and not any(a <= d.start < b for a, b in quoted)
        and d.resolved is not None
        and (d.resolved_end or d.resolved) - d.resolved < LONGEST
        and not _BOUNDING.match(d.text)
        and not _BOUNDED.search(text[: d.start - start])
        and not _SAYING.search(text[: d.start - start])
    ]
    if len(found) > 1:
        # "A fire broke out late on Tuesday, ... forcing 300 people to leave overnight": the
        # happening told by its own noun is the sentence's.
        found = [d for d in found if by_its_noun(d)]
    if len(found) != 1:
        return None
    d = found[0]
    before = _WHEN_IN_DAY.search(text[: d.start - start])
    return Dated(
        d,
        text[max(d.start - start - _AROUND, 0) : d.end - start + _AROUND],
        (before.group(0) if before else "") + d.text,
        _people_in(analysis, text) if d.verb in _ONCE else frozenset(),
    )


def _people_in(analysis: Analysis, text: str) -> frozenset[str]:
    """The surnames of the article's people that `text` names, by word: the tagger misses a
    surname that opens a sentence ("Brevic, who had refused to concede, ...")."""
    words = set(re.findall(r"[\w’'-]+", text))
    return frozenset(
        e.name.split()[-1]
        for e in analysis.entities
        if e.type == "person" and e.name.split() and e.name.split()[-1] in words
    )


# Verbs whose subject is the happening itself, each of which one thing does once: the fire
# "broke out", the ferry "sank". Not "hit" or "strike": a storm hits one coast, then another;
# nor "end": an index or a session ends every day ("the index ended on Tuesday 2% lower").
_OF_ITSELF = frozenset(
    {"begin", "start", "break out", "erupt", "happen", "occur"}
    | {"collapse", "crash", "sink", "capsize", "explode", "derail"}
)


def of_itself(d: DateMention) -> bool:
    """Whether a date dates a happening told by its own noun: "the fire broke out"."""
    return d.happening is not None and d.verb in _OF_ITSELF


def befalls_once(d: DateMention) -> bool:
    """Whether a date dates a happening that befalls its subject, told by a noun, once: "the
    woman died", "the mayor resigned"."""
    return d.happening is not None and d.verb in _ONCE


def by_its_noun(d: DateMention) -> bool:
    """Whether a date dates a happening told by a noun: its own (`of_itself`) or its subject's,
    which befalls it once (`befalls_once`)."""
    return of_itself(d) or befalls_once(d)


def family(verb: str) -> str:
    """A verb's family: the first verb of its `_SAME_HAPPENING` set ("break out" is "begin"),
    else the verb without its particle."""
    return next((min(same) for same in _SAME_HAPPENING if verb in same), verb.split()[0])


def one_happening(verb: str | None, other: str | None) -> bool:
    """Whether two dated verbs name one happening: the same verb, the same but for a particle
    the parser may not have seen ("walked out on Monday": "walk"), or two of one family."""
    if verb is None or other is None or {verb, other} & _NO_HAPPENING:
        return False
    if verb == other or verb.split()[0] == other or other.split()[0] == verb:
        return True
    return any(verb in same and other in same for same in _SAME_HAPPENING)


def _apart(d: Dated, e: Dated) -> bool:
    """Whether two dates of one happening cannot both be right: they date one verb, both told
    as done or both as to come, on days that do not meet (`conflicts.readings_disagree`)."""
    if not same_happening(d, e) or _two_people(d, e):
        return False
    spans = [(x.mention.resolved, x.mention.resolved_end or x.mention.resolved) for x in (d, e)]
    known = [(first, last) for first, last in spans if first is not None and last is not None]
    if len(known) < 2:
        return False
    (_, first_end), (last, _) = sorted(known)
    if last <= first_end:  # days that meet: no need to read the words
        return False
    return readings_disagree(reading(d), reading(e), "date")


def _two_people(d: Dated, e: Dated) -> bool:
    """Whether two sentences tell what befalls one person once (`_ONCE`) of different people:
    "Oskar Brandvik resigned on Tuesday" and "Lena Sorvik resigned on Wednesday" are two
    resignations, whatever claim holds them. A sentence that names no one ("The minister
    resigned on Wednesday") may tell either."""
    return d.mention.verb in _ONCE and bool(d.people and e.people) and not d.people & e.people


def _both_knew(
    a: str, d: Dated, b: str, e: Dated, published: Mapping[str, datetime | None]
) -> bool:
    """Whether articles `a` and `b` could both tell the happening they date: a happening done
    by the time the earlier of them was out (a later report of "services restored on 4
    November" tells a later restoring than one published on 11 October), a plan in one news
    cycle (a plan may change from one day's reports to the next). Unknown times pass."""
    when = [published.get(a), published.get(b)]
    if any(w is None for w in when) or len({w.tzinfo is None for w in when if w}) > 1:
        return True
    first, last = sorted(w for w in when if w is not None)
    if d.mention.aspect == "prospective":
        return last - first < UPDATE_AFTER
    days = [x.mention.resolved_end or x.mention.resolved for x in (d, e)]
    if (d.mention.verb in _ONCE or e.mention.verb in _ONCE) and d.people & e.people:
        # Only the earlier report need have been out after its day: a later report that dates
        # one person's concession after it denies its day ("refused to concede on election
        # night, conceded on Monday morning"), as a later restoring would not.
        earlier = [day for day, w in zip(days, when, strict=True) if w == first]
        return all(day is not None and day <= first.date() for day in earlier)
    return all(day is not None and day <= first.date() for day in days)


# Happenings that befall one person once, so that two days of one person's cannot both be
# right whenever each report came out: conceding a vote, resigning, dying, a verdict.
_ONCE = frozenset(
    {"concede", "resign", "step down", "die", "convict", "find guilty", "acquit"}
    | {"find not guilty"}
)


# Verbs that name one happening: a fire that "broke out" on Tuesday "started" on Tuesday.
# (MiniLM cannot tell these from other verbs: "start" and "end" score 0.44, "break out" and
# "start" 0.21.)
_SAME_HAPPENING = (
    frozenset({"begin", "start", "break out", "erupt", "kick off", "get under"}),
    frozenset({"end", "finish", "conclude", "wrap up"}),
    # A court's verdict and its sentence, each given once in a case.
    frozenset({"convict", "find guilty"}),
    frozenset({"acquit", "clear", "find not guilty"}),
    frozenset({"sentence", "jail", "imprison"}),
)


# Verbs that date no happening of their own: a state ("were back in their homes on Thursday",
# "were on Wednesday damping down"), a saying, and the report's own time ("Last updated at
# 11:11 GMT", "Published: Dec. 19, 2005").
_NO_HAPPENING = frozenset({"be", "have", "do", "update", "publish", "post"}) | SAYING_VERBS


def reading(d: Dated) -> str:
    """The date as read: an ISO day, or `first/last` for a span, after the time of day its
    words give, if any: "late 2026-09-15", "midnight 2026-09-16" (`conflicts.readings_disagree`
    reads this form)."""
    first, end = d.mention.resolved, d.mention.resolved_end
    assert first is not None
    day = first.isoformat() + (f"/{end.isoformat()}" if end and end != first else "")
    late, early = _LATE.search(d.around), _EARLY.search(d.around)
    when = (
        "midnight"
        if _MIDNIGHT.search(d.around)
        else "overnight"
        if late and early
        else "late"
        if late
        else "early"
        if early
        else ""
    )
    return f"{when} {day}".strip()
