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

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from itertools import combinations

from newsweave.analyze.fates import TOLLS
from newsweave.analyze.numbers import amount
from newsweave.compare.conflicts import (
    CHANGE,
    UPDATE_AFTER,
    Figure,
    disagree,
    figure_values,
    gap,
    given_by,
    sided,
)
from newsweave.compare.happenings import RECENT
from newsweave.compare.occasions import Span, meet, spans
from newsweave.compare.places import Located, happening_place, places_apart
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
    dated: dict[str, dict[int, list[Span]]] = {}
    placed: dict[tuple[str, int], Located | None] = {}
    for article, analysis in analyses.items():
        fated = [
            ((n.fate, _who(n.counts)), n)
            for n in analysis.numbers
            if n.fate in TOLLS and n.counts and not n.provisional
        ]
        if not fated:
            continue  # most articles count no one: their dates and quotes are not read
        mine: dict[tuple[str, str], list[NumberMention]] = defaultdict(list)
        when = published.get(article)
        dated[article] = spans(analysis)
        quoted = [(q.start, q.end) for q in analysis.quotes if q.kind == "direct"]
        for key, n in fated:
            text = analysis.sentences[n.sentence].text
            if _recalled(text, dated[article].get(n.sentence, ()), when):
                continue
            if any(start <= n.start < end for start, end in quoted):
                continue  # a speaker's count is often a plan or a guess ("we may need to ...")
            mine[key].append(n)
        for key, figures in mine.items():
            # Two values of one count in one report count two things ("12 killed in the town
            # and 5 in the villages") or a toll over time: which one another report gives is
            # unknown.
            if len({amount(n) for n in figures}) == 1:
                first = figures[0]
                counted[key].append((article, analysis.sentences[first.sentence].text, first))
    given = given_by(known)
    conflicts = []
    for (fate, who), found in counted.items():
        if given(found):
            continue  # a claim's conflict gives every one of them already
        # Each article gives one figure of a count, so every pair is two articles'; figures
        # of one value never disagree.
        pairs = [
            (x, y)
            for x, y in combinations(found, 2)
            if amount(x[2]) != amount(y[2]) and _apart(x, y, analyses, dated, placed, published)
        ]
        sides = [f for f in found if any(f in pair for pair in pairs)]
        if not sides or given(sides):
            continue
        conflicts.append(sided(f"{who} {fate}", figure_values(sides)))
    return conflicts


def _recalled(text: str, dated: Sequence[Span], when: datetime | None) -> bool:
    """Whether a sentence dated `dated` tells of an earlier occasion: each of its dates ends
    more than `RECENT` before its report ("since March, when about 120 people were evacuated
    after a blaze at a paint and solvent warehouse in Wolverhampton"), it names a year other
    than its report's ("In 2015, about 220 people were evacuated"), or it says "then"."""
    if when is None:
        return False
    if dated and all(end < when.date() - RECENT for _, end in dated):
        return True
    return any(int(y) != when.year for y in _YEAR.findall(text)) or bool(_THEN.search(text))


_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
_THEN = re.compile(r"\bthen\b", re.IGNORECASE)


def _who(counts: str) -> str:
    """Whom a count counts: "people" for people at large (`PEOPLE`), else its noun."""
    return "people" if counts.split()[-1] in PEOPLE else counts


def _apart(
    x: Figure,
    y: Figure,
    analyses: Mapping[str, Analysis],
    dated: Mapping[str, Mapping[int, list[Span]]],
    placed: dict[tuple[str, int], Located | None],
    published: Mapping[str, datetime | None],
) -> bool:
    """Whether two articles' counts of one fate cannot both be right of one happening: their
    values disagree, the later count does not update the earlier (`_updated`), and their
    sentences are not dated to days that do not meet nor put in two places."""
    (a, _, m), (b, _, n) = x, y
    if not disagree([m, n]) or _updated(x, y, analyses, published):
        return False
    first, second = dated[a].get(m.sentence, ()), dated[b].get(n.sentence, ())
    if first and second and not meet(first, second):
        return False  # two days: two evacuations, one on Tuesday and one on Wednesday
    for article, sentence in ((a, m.sentence), (b, n.sentence)):
        if (article, sentence) not in placed:  # read once for all the pairs it stands in
            placed[article, sentence] = happening_place(analyses[article], sentence)
    here, there = placed[a, m.sentence], placed[b, n.sentence]
    return not (here and there and places_apart((a, here), (b, there), analyses))


def _updated(
    x: Figure,
    y: Figure,
    analyses: Mapping[str, Analysis],
    published: Mapping[str, datetime | None],
) -> bool:
    """Whether the later of two reports updates the other's count: a larger one that it gives
    anywhere in words of change ("The death toll rose to 14 on Monday afternoon. The quake
    killed 14 people"), or, `UPDATE_AFTER` or more later, a larger one (more dead found, more
    homes cleared) or any other count of the missing (people are found). Reports of unknown
    time may be days apart too."""
    apart = gap(x[0], y[0], published)
    if apart is None:
        return True
    earlier, later = (x, y) if apart > timedelta(0) else (y, x)
    grown = later[2].value > earlier[2].value
    if grown and _told_as_change(analyses[later[0]], later[2].value):
        return True
    if abs(apart) < UPDATE_AFTER:
        return False
    return grown or later[2].fate == "missing"


def _told_as_change(analysis: Analysis, value: float) -> bool:
    """Whether an article gives `value` in a sentence with words of change ("rose to 14")."""
    return any(
        n.value == value and CHANGE.search(analysis.sentences[n.sentence].text)
        for n in analysis.numbers
    )
