"""Conflicts over figures whose clause names what they are: a share's thing ("Final turnout
was 61.4%" in one report, "Turnout was 58%" in another), a winning margin ("finished about
21,000 votes ahead", "beat Brevic by about 12,000 votes") and the size of a thing ("At 41
metres, the Selka-4 is the tallest rocket", "the 44-metre rocket"), and a crowd, by who
estimates it ("Police put the crowd at about 18,000" in one report, "Police said about 15,000
people took part" in another), and what the stolen goods are worth ("stole 14 pieces of
jewellery worth 8.5 million orsins", "The stolen jewels are worth 12 million orsins").

Such a figure has no noun after it to find it by across the story, or one too common to
("votes"), and the sentences that give it often stand in no claim together (the wire tells the
turnout with a record, a later report with the last election's), so the claims never compared
them. When the analysis read what a figure is (`NumberMention.share_of`, `NumberMention.margin`),
each article that gives it once, with one value, takes a side, and two values that disagree
(`conflicts.disagree`) are a conflict when their sentences are of one occasion, unless the later
report tells a larger figure in words of change (`conflicts.updated`), as a claim's conflicts are
read.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import datetime
from itertools import combinations

from newsweave.compare.conflicts import (
    LEAD,
    Figure,
    disagree,
    figure_values,
    given_by,
    given_once,
    sided,
    updated,
)
from newsweave.compare.occasions import Span, may_differ, since, span_of
from newsweave.models import Analysis, Conflict, DateMention, NumberMention

__all__ = ["named_conflicts"]


def named_conflicts(
    analyses: Mapping[str, Analysis],
    published: Mapping[str, datetime | None],
    known: Sequence[Conflict] = (),
) -> list[Conflict]:
    """Conflicts over figures their clauses name, each article giving one once (values in the
    order of `analyses`); those whose every figure a `known` conflict already gives (a claim's
    "sum in EUR") are left out."""
    given: dict[str, list[Figure]] = defaultdict(list)
    for article, analysis in analyses.items():
        for thing, n in given_once(analysis, _named).items():
            if (n.crowd_by or n.stolen_worth) and n.sentence >= LEAD:
                # further down, a crowd may be another gathering's ("a vigil ..."), a theft
                # another's ("the 2019 raid, when thieves stole paintings worth ...")
                continue
            given[thing].append((article, analysis.sentences[n.sentence].text, n))
    # A margin that names no unit ("a margin of more than 21,000") joins the one that does.
    counted = [thing for thing in given if thing.startswith(f"{MARGIN} in ")]
    if MARGIN in given and len(counted) == 1:
        given[counted[0]] += given.pop(MARGIN)
    conflicts = []
    known_given = given_by(known)
    for thing, found in given.items():
        if known_given(found):
            continue
        told = {a: sorted(_days_given(analyses[a], n)) for a, _, n in found}
        when = {a: told[a] or _report_day(published.get(a)) for a in told}
        if any(
            disagree([m, n])
            and (not m.size_of or _near(m, n))
            and (not m.crowd or _one_crowd(m, told[a], n, told[b]))
            and not updated((a, t, m), (b, u, n), published)
            and not may_differ(when[a], when[b])
            for (a, t, m), (b, u, n) in combinations(found, 2)
        ):
            order = {a: k for k, a in enumerate(analyses)}
            found = sorted(found, key=lambda f: order[f[0]])
            conflicts.append(sided(thing, figure_values(found)))
    return conflicts


MARGIN = "margin"
CROWD = "attendance"
CROWD_BY = "crowd by"
STOLEN = "worth of what was stolen"
# How far apart two sizes of one thing may lie and still be one thing told wrongly: 41 and 44
# metres; not a 2,400-metre runway and a 3,200-metre one, or the 100- and 200-metre finals.
SIZE_APART = 1.2


# A round crowd ("a crowd of 48,000") may be an exact one ("48,212") rounded, this far apart.
ROUNDED = 0.05


def _one_crowd(m: NumberMention, m_days: list[Span], n: NumberMention, n_days: list[Span]) -> bool:
    """Whether two crowds may be the one crowd told two ways: their sentences give the same
    days (`_days_given`) or none (the final's crowd is not the semi-final's "on Wednesday", nor
    a rally's on Friday the other's on Saturday), and a round figure is not the other rounded."""
    if m_days != n_days:
        return False
    low, high = sorted((m.value, n.value))
    rounded = any(x.value % 1000 == 0 for x in (m, n))
    return not (rounded and high <= low * (1 + ROUNDED))


def _near(m: NumberMention, n: NumberMention) -> bool:
    low, high = sorted((m.value, n.value))
    return low > 0 and high <= low * SIZE_APART


def _named(n: NumberMention) -> str | None:
    """What a figure's clause names it: the share's thing, a margin in what it counts, the
    size of a thing in its unit ("size of the rocket (m)": a size in feet is not compared), the
    worth of what was stolen, or the attendance."""
    if n.share_of:
        return n.share_of
    if n.margin:
        return f"{MARGIN} in {n.counts}" if n.counts else MARGIN
    if n.size_of:
        return f"size of the {n.size_of} ({n.unit})"
    if n.stolen_worth:
        # a currency no table knows ("orsins") is read as a noun: one story's thefts have one
        return f"{STOLEN} ({n.unit})" if n.unit else STOLEN
    if n.crowd:
        # One source's estimate is held to the same source's only: the police's 18,000 and
        # the organisers' 120,000 are no conflict.
        return f"{CROWD_BY} {n.crowd_by}" if n.crowd_by else CROWD
    return None


# Between another figure and a date phrase that is that figure's time: "up from 53% in 2022".
_RIGHT_AFTER = re.compile(r"\s*(?:in|of|for|during)?\s*$", re.IGNORECASE)


def _report_day(published: datetime | None) -> list[Span]:
    """A report's day, the occasion of a figure whose sentence gives no day of its own."""
    return [(published.date(), published.date())] if published is not None else []


def _days_given(analysis: Analysis, share: NumberMention) -> list[Span]:
    """The days the share's sentence gives it. Not a phrase right after another figure
    ("Turnout was 58%, up from 53% in 2022": 2022 is the 53%'s year), nor one "since" a time,
    against which the share is measured ("the highest since 2010")."""
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
        and not since(d)
        and (span := span_of(d)) is not None
    ]
    return days
