"""Occasions: whether two sentences, or two figures, may tell of two different times.

"Varnholm's last city-wide strike, in 2019, lasted three days" and "drivers will strike for five
days from midnight on Sunday" read alike, and even count alike, but tell of two strikes: their
resolved dates do not meet, and one of them spans a month or more. Days alone set nothing apart:
the reports of one news cycle date different happenings of the story ("said on Wednesday",
"talks on Thursday") around one fact.

Two tests, for two questions. A conflict needs two figures of one occasion, so any sign of
another occasion keeps a figure out of it (`may_differ`). A claim loses a true report when its
sentences are wrongly set apart, so sentences are set apart only when one clearly recalls an
earlier time (`recalling`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta

import numpy as np

from newsweave.models import Analysis, DateMention

Span = tuple[date, date]
"""A date phrase's first and last day."""

# A date phrase spanning this long or longer ("in May", "in 2019") names another occasion.
OCCASION = timedelta(days=27)
# Verbs of saying, whose day is when a report was given, which may be told again on another
# day, not when its happening came.
SAYING_VERBS = frozenset({"say", "tell", "announce", "state", "report", "confirm", "add", "write"})


def spans(
    analysis: Analysis, *, open_since: bool = False, sayings: bool = True
) -> dict[int, list[Span]]:
    """The resolved dates of each sentence's date phrases, by sentence index. With
    `open_since`, a phrase "since" a time runs on with no end: "has led work on the scheme since
    2019" tells of 2019 up to now. Without `sayings`, not the days of a saying ("police said
    on Sunday", `SAYING_VERBS`)."""
    found: dict[int, list[Span]] = defaultdict(list)
    for d in analysis.dates:
        if not sayings and d.verb and d.verb.split()[0] in SAYING_VERBS:
            continue
        if (span := span_of(d, open_since=open_since)) is not None:
            found[d.sentence].append(span)
    return found


def span_of(d: DateMention, *, open_since: bool = False) -> Span | None:
    """A resolved date phrase's first and last day (`spans`); None when it is unresolved."""
    if d.resolved is None:
        return None
    if open_since and since(d):
        return d.resolved, date.max
    return d.resolved, d.resolved_end or d.resolved


def day_told(d: DateMention, published: date | None) -> date | None:
    """The day a date phrase was told: a relative phrase holds it (`DateMention.anchor`), and
    `published` (its article's day) is it for the others ("on 20 November")."""
    return d.anchor or published


def told_ahead(analysis: Analysis, published: date | None) -> set[int]:
    """The sentences that date a day after the day they were told (`day_told`: "is expected to
    resign on Tuesday", told on Monday)."""
    return {
        d.sentence
        for d in analysis.dates
        if d.resolved and (told := day_told(d, published)) and d.resolved > told
    }


def since(d: DateMention) -> bool:
    """Whether a date phrase runs from a time ("since 2010")."""
    return _SINCE.match(d.text) is not None


_SINCE = re.compile(r"since\b", re.IGNORECASE)


def may_differ(first: Sequence[Span], second: Sequence[Span], span: timedelta = OCCASION) -> bool:
    """Whether sentences dated `first` and `second` may tell of two occasions: both are dated,
    one of their dates runs `span` or longer (a month; a year: "in 2011"), and none of the
    one's dates meets the other's."""
    if not first or not second or not _long((*first, *second), span):
        return False
    return not meet(first, second)


def meet(first: Sequence[Span], second: Sequence[Span]) -> bool:
    """Whether one of the dates `first` meets one of `second`."""
    return any(
        start <= other_end and other_start <= end
        for start, end in first
        for other_start, other_end in second
    )


def recalling(dated: Sequence[Sequence[Span]]) -> np.ndarray:
    """Which of sentences dated `dated` (`spans` with `open_since`, none empty) recall an
    occasion before which: [i, j] when one of i's dates spans a month or more and all end
    before any of j's begins, so none of them meet. A later month is no other occasion but the
    story's plan: "approved on Tuesday, clearing the way for work to begin this summer".
    Compared as each sentence's first and last day, for every pair at once."""
    first = np.array([min(start for start, _ in dates).toordinal() for dates in dated])
    last = np.array([max(end for _, end in dates).toordinal() for dates in dated])
    long = np.array([_long(dates) for dates in dated])
    return np.asarray(long[:, None] & (last[:, None] < first[None, :]))


def _long(dates: Sequence[Span], span: timedelta = OCCASION) -> bool:
    """Whether one of `dates` runs `span` (a month) or longer."""
    return any(end - start >= span for start, end in dates)
