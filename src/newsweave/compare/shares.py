"""Conflicts over a share whose clause names what it is of: "Final turnout was 61.4%" in one
report, "Turnout was 58%" in another.

A share has no noun after it to find it by across the story, and the sentences that give one
often stand in no claim together (the wire tells the turnout with a record, a later report with
the last election's), so the claims never compared them. When the analysis read what a share
is of (`NumberMention.share_of`), each article that gives that share once, with one value,
takes a side, and two values that disagree (`conflicts.disagree`) are a conflict when their
sentences are of one occasion, unless the later report tells a larger share in words of change
(`conflicts.grew`), as a claim's conflicts are read.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from datetime import datetime
from itertools import combinations

from newsweave.analyze.numbers import amount
from newsweave.compare.conflicts import Figure, disagree, figure_values, grew, sided
from newsweave.compare.occasions import Span, may_differ, span_of
from newsweave.models import Analysis, Conflict, DateMention, NumberMention

__all__ = ["share_conflicts"]


def share_conflicts(
    analyses: Mapping[str, Analysis], published: Mapping[str, datetime | None]
) -> list[Conflict]:
    """Conflicts over shares of a named thing, each article giving it once (values in the order
    of `analyses`)."""
    given: dict[str, list[Figure]] = defaultdict(list)
    for article, analysis in analyses.items():
        values: dict[str, set[str]] = defaultdict(set)
        first: dict[str, NumberMention] = {}
        for n in analysis.numbers:
            if n.share_of and not n.provisional:
                values[n.share_of].add(amount(n))
                first.setdefault(n.share_of, n)
        for thing, n in first.items():
            if len(values[thing]) == 1:
                given[thing].append((article, analysis.sentences[n.sentence].text, n))
    conflicts = []
    for thing, found in given.items():
        when = {a: _occasion(analyses[a], n, published.get(a)) for a, _, n in found}
        if any(
            disagree([m, n])
            and not grew((a, t, m), (b, u, n), published)
            and not may_differ(when[a], when[b])
            for (a, t, m), (b, u, n) in combinations(found, 2)
        ):
            conflicts.append(sided(thing, figure_values(found)))
    return conflicts


# Between another figure and a date phrase that is that figure's time: "up from 53% in 2022".
_RIGHT_AFTER = re.compile(r"\s*(?:in|of|for|during)?\s*$", re.IGNORECASE)


def _occasion(analysis: Analysis, share: NumberMention, published: datetime | None) -> list[Span]:
    """The days the share's sentence gives it, else its report's day. Not a phrase right after
    another figure ("Turnout was 58%, up from 53% in 2022": 2022 is the 53%'s year), nor one
    "since" a time, against which the share is measured ("the highest since 2010")."""
    sentence = analysis.sentences[share.sentence]
    others = [n for n in analysis.numbers if n.sentence == share.sentence and n is not share]

    def anothers(d: DateMention) -> bool:
        return any(
            n.end <= d.start
            and _RIGHT_AFTER.fullmatch(
                sentence.text[n.end - sentence.start : d.start - sentence.start]
            )
            for n in others
        )

    days = [
        span
        for d in analysis.dates
        if d.sentence == share.sentence
        and not anothers(d)
        and not _SINCE.match(d.text)
        and (span := span_of(d)) is not None
    ]
    if not days and published is not None:
        days = [(published.date(), published.date())]
    return days


_SINCE = re.compile(r"since\b", re.IGNORECASE)
