"""Conflicts: one fact, different values (a number, a count) in different articles."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from datetime import datetime, timedelta

from newsweave.analyze.numbers import amount, measured
from newsweave.models import Analysis, Claim, Conflict, ConflictValue, NumberMention


def find_conflicts(
    claims: list[Claim],
    analyses: dict[str, Analysis],
    published: Mapping[str, datetime | None] | None = None,
) -> tuple[list[Claim], list[Conflict]]:
    """Conflicts among each claim's supporting sentences; those claims become `conflicting`.

    `published` (article id → publication time) lets a count that a later report gives as
    grown ("the toll rose to 17") stand as progress, not conflict (`_grew`).
    """
    conflicts: list[Conflict] = []
    updated: list[Claim] = []
    published = published or {}
    for claim in claims:
        found = (
            _in_claim(claim, analyses, published)
            if len({s.article for s in claim.support}) > 1
            else []
        )
        conflicts.extend(found)
        updated.append(claim.model_copy(update={"status": "conflicting"}) if found else claim)
    return updated, conflicts


def _in_claim(
    claim: Claim, analyses: dict[str, Analysis], published: Mapping[str, datetime | None]
) -> list[Conflict]:
    numbers: list[tuple[str, str, NumberMention]] = []
    for support in claim.support:
        for n in analyses[support.article].numbers:
            if n.sentence == support.sentence:
                numbers.append((support.article, support.text, n))
    by_thing: dict[str, list[tuple[str, str, NumberMention]]] = {}
    for article, text, n in numbers:
        thing = measured(n)
        if thing:
            by_thing.setdefault(thing, []).append((article, text, n))
    for thing, figures in by_thing.items():
        # An article that gives two values of one thing ("$1.2 billion, from $1.36 billion a
        # year earlier") is counting two things; which one another article gives is unknown.
        values_of: defaultdict[str, set[str]] = defaultdict(set)
        for a, _, n in figures:
            values_of[a].add(amount(n))
        by_thing[thing] = [f for f in figures if len(values_of[f[0]]) == 1]
    place = {s.article: k for k, s in enumerate(claim.support)}
    conflicts = []
    for thing, found in by_thing.items():
        values = {(a, amount(n)) for a, _, n in found}
        if len({v for _, v in values}) < 2 or len({a for a, _ in values}) < 2:
            continue
        if not any(
            _disagree([m, n]) and not _grew((a, t, m), (b, u, n), published)
            for a, t, m in found
            for b, u, n in found
        ):
            continue
        found = sorted(found + _same_figure_elsewhere(found, numbers), key=lambda f: place[f[0]])
        given = [
            ConflictValue(article=a, value=n.text, text=t, reading=_reading(n)) for a, t, n in found
        ]
        # Articles that agree stand together, in the order their reading first comes.
        first = {v.reading: k for k, v in reversed(list(enumerate(given)))}
        given.sort(key=lambda v: first[v.reading])
        conflicts.append(Conflict(what=thing, values=tuple(given)))
    return conflicts


# Reports this far apart (the next morning's edition) may count a toll, a crowd or a bill that
# has grown since.
UPDATE_AFTER = timedelta(hours=12)


def _grew(
    first: tuple[str, str, NumberMention],
    second: tuple[str, str, NumberMention],
    published: Mapping[str, datetime | None],
) -> bool:
    """Whether the later of two reports (article, sentence, figure), `UPDATE_AFTER` or more
    apart, gives a larger value in words of change ("the toll rose to 17", "has now reached"):
    an update, not a conflict. A count revised down, or a larger one with no such words
    ("1,500 jobs" the next morning against "about 1,200"), stays a conflict."""
    when_a, when_b = published.get(first[0]), published.get(second[0])
    if when_a is None or when_b is None or (when_a.tzinfo is None) != (when_b.tzinfo is None):
        return False
    if abs(when_a - when_b) < UPDATE_AFTER:
        return False
    earlier, later = (first, second) if when_a < when_b else (second, first)
    return later[2].value > earlier[2].value and bool(_CHANGE.search(later[1]))


_CHANGE = re.compile(
    r"\b(?:rose|risen|rising|rises|climbed|climbs|reached|reaches|now|increased|grew|grown|"
    r"jumped|latest|updated|so far)\b",
    re.IGNORECASE,
)


def _same_figure_elsewhere(
    found: list[tuple[str, str, NumberMention]], numbers: list[tuple[str, str, NumberMention]]
) -> list[tuple[str, str, NumberMention]]:
    """The figures of the claim's other articles that give one of `found`'s values, though
    they name what it counts differently ("38 of the council's 46 members" beside "38 of 46
    councillors"): those articles take a side too.

    Only figures that can hardly agree by chance count: a ratio, or a count of 10 or more.
    """
    values = {amount(n) for _, _, n in found}
    giving = {a for a, _, _ in found}
    # A count sides only with a count, a measure only with the same unit: "14 km" is no count
    # of 14 people.
    units = {n.unit for _, _, n in found}
    return [
        (a, t, n)
        for a, t, n in numbers
        if a not in giving
        and amount(n) in values
        and n.unit in units
        and (n.upper is not None or (n.value >= 10 and (n.counts or n.unit)))
    ]


# `_reading`'s form: an optional qualifier, the value (a ratio's whole after "/"), a unit.
_READING = re.compile(
    r"^(?:(?P<qualifier>[a-z][a-z ]*?) )?(?P<value>[\d,.]+)(?:/(?P<upper>[\d,.]+))?"
)


def readings_disagree(a: str, b: str) -> bool:
    """Whether two values of a conflict, by their readings, cannot both be right: "12" and
    "14" disagree, "at least 12" and "14" do not."""
    return _disagree([_mention(a), _mention(b)])


def _mention(reading: str) -> NumberMention:
    match = _READING.match(reading)
    if match is None:
        return NumberMention(text=reading, value=float("nan"), sentence=0, start=0, end=0)
    upper = match["upper"]
    return NumberMention(
        text=reading,
        value=float(match["value"].replace(",", "")),
        upper=float(upper.replace(",", "")) if upper else None,
        qualifier=match["qualifier"],
        sentence=0,
        start=0,
        end=0,
    )


def _reading(n: NumberMention) -> str:
    """The value in digits with its qualifier and unit: "at least 14", "38/46", "2,400,000 EUR"."""
    value = f"{n.value:,.15g}" + (f"/{n.upper:,.15g}" if n.upper is not None else "")
    return " ".join(part for part in (n.qualifier, value, n.unit) if part)


def _disagree(numbers: list[NumberMention]) -> bool:
    """Whether no one value fits every figure: each figure admits a range ("12": 12; "at
    least 12": 12 and up; "about 80": 72 to 88; "nearly 1,200": 1,080 to 1,200), and two
    figures disagree when their ranges do not meet, unless they lie more than `APART` times
    apart. Ratios must be equal; a vague figure ("hundreds", "several hundred") admits
    anything."""
    ratios = {amount(n) for n in numbers if n.upper is not None}
    if len(ratios) >= 2:
        return True
    spans = [span for n in numbers if n.upper is None and (span := _admits(n)) is not None]
    return any(a[1] < b[0] <= a[1] * APART for a in spans for b in spans)


# How far a rounded figure may lie from the value it rounds ("about 80" is 72 to 88).
APPROXIMATE = 0.10
# Reports of one figure differ by a fifth or a half ("12" and "at least 14", "1,200" and
# "1,500"), not by a factor of ten: figures further apart than this, each an article's only one
# of its kind in a claim, are two quantities ("a net loss of $85mn", "revenue of $1.2bn").
APART = 2.0


def _admits(n: NumberMention) -> tuple[float, float] | None:
    """The values a figure admits, by its qualifier; None for a vague one."""
    q, v = n.qualifier, n.value
    if q in (None, "only", "just"):
        return (v, v)
    if q in {"at least", "more than", "over"}:
        return (v, float("inf"))
    if q in {"at most", "less than", "fewer than", "under", "up to", "as many as"}:
        return (0.0, v)
    if q in {"about", "around", "roughly", "approximately", "some", "an estimated"}:
        return (v * (1 - APPROXIMATE), v * (1 + APPROXIMATE))
    if q in {"almost", "nearly"}:
        return (v * (1 - APPROXIMATE), v)
    return None
