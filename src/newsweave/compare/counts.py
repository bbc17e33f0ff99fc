"""Counts of people across a story: the toll, the injured, the evacuated, told anywhere.

A story counts what befell people once, and each report tells it in its own words and place:
the wire's lead "... forcing about 300 people to leave their homes overnight", a later report's
"Around 250 residents were evacuated from their homes during the night". The two sentences
state other facts besides and name what they count differently, so neither a claim nor the
leads' figures (`conflicts.in_leads`) join them. `NumberMention.fate` (`analyze.fates`) says
what befell the people counted; counts of one fate, of people named alike, that cannot both
be right are a conflict, unless they may tell two occasions or two places, or the later
report's count has grown.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from itertools import combinations

from newsweave.analyze.numbers import amount
from newsweave.compare.conflicts import UPDATE_AFTER, Figure, disagree, figure_values, gap, sided
from newsweave.compare.happenings import RECENT
from newsweave.compare.occasions import Span, may_differ, spans
from newsweave.compare.places import happening_place, places_apart
from newsweave.models import Analysis, Conflict, NumberMention

# Words for people at large, which count the same people: "about 300 people" and "around 250
# residents" of one town. Others name a part of them ("children", "firefighters").
PEOPLE = frozenset(
    {"people", "persons", "residents", "inhabitants", "individuals", "locals", "villagers"}
)


def count_conflicts(
    analyses: Mapping[str, Analysis],
    published: Mapping[str, datetime | None],
    known: Sequence[Conflict] = (),
) -> list[Conflict]:
    """Conflicts between articles' counts of what befell people (`NumberMention.fate`), each
    the article's only value of that count; those whose every value a `known` conflict
    already gives are left out."""
    counted: dict[tuple[str, str], list[Figure]] = defaultdict(list)
    for article, analysis in analyses.items():
        mine: dict[tuple[str, str], list[NumberMention]] = defaultdict(list)
        dated = spans(analysis)
        when = published.get(article)
        for n in analysis.numbers:
            if n.fate and n.counts and not _recalled(dated.get(n.sentence, ()), when):
                mine[(n.fate, _who(n.counts))].append(n)
        for key, figures in mine.items():
            # Two values of one count in one report count two things ("12 killed in the town
            # and 5 in the villages") or a toll over time: which one another report gives is
            # unknown.
            if len({amount(n) for n in figures}) == 1:
                first = figures[0]
                counted[key].append((article, analysis.sentences[first.sentence].text, first))
    given = {(v.article, v.text, v.value) for c in known for v in c.values}
    conflicts = []
    for (fate, who), found in counted.items():
        # Each article gives one figure of a count, so every pair is two articles'.
        pairs = [(x, y) for x, y in combinations(found, 2) if _apart(x, y, analyses, published)]
        sides = [f for f in found if any(f in pair for pair in pairs)]
        if not sides or all((a, t, n.text) in given for a, t, n in sides):
            continue
        conflicts.append(sided(f"{who} {fate}", figure_values(sides)))
    return conflicts


def _recalled(dated: Sequence[Span], when: datetime | None) -> bool:
    """Whether a sentence dated `dated` tells of an earlier occasion: each of its dates ends
    more than `RECENT` before its report ("since March, when about 120 people were
    evacuated after a blaze at a paint and solvent warehouse in Wolverhampton")."""
    return bool(dated) and when is not None and all(end < when.date() - RECENT for _, end in dated)


def _who(counts: str) -> str:
    """Whom a count counts: "people" for people at large (`PEOPLE`), else its noun."""
    return "people" if counts.split()[-1] in PEOPLE else counts


def _apart(
    x: Figure,
    y: Figure,
    analyses: Mapping[str, Analysis],
    published: Mapping[str, datetime | None],
) -> bool:
    """Whether two articles' counts of one fate cannot both be right of one happening: their
    values disagree, the later count has not grown (a toll rises over the days), their
    sentences do not tell two occasions or put them in two places."""
    (a, _, m), (b, _, n) = x, y
    if not disagree([m, n]) or _grown(x, y, published):
        return False
    if may_differ(spans(analyses[a]).get(m.sentence, ()), spans(analyses[b]).get(n.sentence, ())):
        return False
    here = happening_place(analyses[a], m.sentence)
    there = happening_place(analyses[b], n.sentence)
    return not (here and there and places_apart((a, here), (b, there), analyses))


def _grown(x: Figure, y: Figure, published: Mapping[str, datetime | None]) -> bool:
    """Whether the later of two reports, `UPDATE_AFTER` or more apart, gives the larger count:
    more dead found, more homes cleared. Reports of unknown time may be days apart too."""
    apart = gap(x[0], y[0], published)
    if apart is None:
        return True
    if abs(apart) < UPDATE_AFTER:
        return False
    earlier, later = (x, y) if apart > timedelta(0) else (y, x)
    return later[2].value > earlier[2].value
