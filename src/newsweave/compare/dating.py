"""Dates that conflict: one happening dated to different days by different articles.

"The fire broke out on Tuesday evening" and "the fire, which started on Monday night" state one
fact (a claim holds them together) with two dates that cannot both be right. Much that looks
like it is not a conflict, and is left alone:
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
from datetime import datetime, timedelta

from newsweave.compare.conflicts import UPDATE_AFTER, within_claims
from newsweave.compare.occasions import OCCASION
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
_EARLY = re.compile(r"\b(?:early|overnight|midnight|morning|dawn|hours)\b", re.IGNORECASE)
# Words either side of a date phrase that say when in its day: "late on Tuesday".
_AROUND = 12


def date_conflicts(
    claims: list[Claim],
    analyses: dict[str, Analysis],
    published: Mapping[str, datetime | None] | None = None,
) -> list[Conflict]:
    """The claims whose articles date their one happening to days that do not meet, both
    known when both reports were out (`published`: article id → publication time)."""
    published = published or {}
    return within_claims(
        claims,
        "date",
        lambda s: happening_date(analyses[s.article], s.sentence),
        lambda x, y: _apart(x[1], y[1]) and _both_knew(x[0], x[1], y[0], y[1], published),
        lambda d: (d[0].text, _reading(d[0])),
    )


Dated = tuple[DateMention, str]
"""A happening's date, and the words around it that tell when in the day ("late on Tuesday")."""


def happening_date(analysis: Analysis, sentence: int) -> Dated | None:
    """The one date a sentence gives its happening: resolved, a month or less, not the day of a
    saying nor a bound ("until Friday") nor inside a quote; None when there is none, or more
    than one."""
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
    if len(found) != 1:
        return None
    d = found[0]
    return d, text[max(d.start - start - _AROUND, 0) : d.end - start + _AROUND]


def _apart(d: Dated, e: Dated) -> bool:
    """Whether two dates of one happening cannot both be right: they date one verb, both told
    as done or both as to come, on days that do not meet, and not the two sides of one
    midnight."""
    if not _one_happening(d[0].verb, e[0].verb):
        return False
    if (d[0].aspect == "prospective") != (e[0].aspect == "prospective"):
        return False
    (first, first_words), (last, last_words) = sorted([d, e], key=lambda x: x[0].resolved or 0)
    first_end = first.resolved_end or first.resolved
    if first_end is None or last.resolved is None or last.resolved <= first_end:
        return False
    if last.resolved - first_end > timedelta(days=1):
        return True
    # The next day: "midnight on Sunday" is Monday's start, and "late on Tuesday" may be the
    # same hour as "the early hours of Wednesday".
    return not (
        _MIDNIGHT.search(first_words) or (_LATE.search(first_words) and _EARLY.search(last_words))
    )


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
    if d[0].aspect == "prospective":
        return last - first < UPDATE_AFTER
    days = [x[0].resolved_end or x[0].resolved for x in (d, e)]
    return all(day is not None and day <= first.date() for day in days)


# Verbs that name one happening: a fire that "broke out" on Tuesday "started" on Tuesday.
# (MiniLM cannot tell these from other verbs: "start" and "end" score 0.44, "break out" and
# "start" 0.21.)
_SAME_HAPPENING = (
    frozenset({"begin", "start", "break out", "erupt", "kick off", "get under"}),
    frozenset({"end", "finish", "conclude", "wrap up"}),
)


# Verbs that date no happening of their own: a state ("were back in their homes on Thursday",
# "were on Wednesday damping down"), a saying, which may be told again on another day, and
# the report's own time ("Last updated at 11:11 GMT", "Published: Dec. 19, 2005").
_NO_HAPPENING = frozenset(
    {"be", "have", "do", "update", "publish", "post"}
    | {"say", "tell", "announce", "state", "report", "confirm", "add", "write"}
)


def _one_happening(verb: str | None, other: str | None) -> bool:
    """Whether two dated verbs name one happening: the same verb, the same but for a particle
    the parser may not have seen ("walked out on Monday": "walk"), or two of one family."""
    if verb is None or other is None or {verb, other} & _NO_HAPPENING:
        return False
    if verb == other or verb.split()[0] == other or other.split()[0] == verb:
        return True
    return any(verb in same and other in same for same in _SAME_HAPPENING)


def _reading(d: DateMention) -> str:
    """The date as read: an ISO day, or `first/last` for a span."""
    assert d.resolved is not None
    end = d.resolved_end
    return d.resolved.isoformat() + (f"/{end.isoformat()}" if end and end != d.resolved else "")
