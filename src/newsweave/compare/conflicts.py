"""Conflicts: one fact, different values (a number, a count) in different articles.

Mostly within a claim (sentences aligned as stating one fact); also across the leads of
reports whose one figure of a thing differs though no claim joins their sentences
("the magnitude 6.1 quake hit at 04:12" against "measured the quake at magnitude 6.4").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime, timedelta
from functools import lru_cache
from itertools import combinations
from typing import TypeVar

import numpy as np

from newsweave.analyze.numbers import (
    CURRENCIES,
    DURATIONS,
    SIZES,
    SPEEDS,
    VALUED_BY,
    amount,
    measured,
)
from newsweave.analyze.sentences import without_dateline
from newsweave.compare.occasions import Span, may_differ, meet, since, spans, told_ahead
from newsweave.embed import rows
from newsweave.models import (
    Analysis,
    Claim,
    Conflict,
    ConflictKind,
    ConflictValue,
    NumberMention,
    Support,
)

V = TypeVar("V")

Figure = tuple[str, str, NumberMention]
"""(article id, the sentence's text, the figure)."""


def find_conflicts(
    claims: list[Claim],
    analyses: dict[str, Analysis],
    published: Mapping[str, datetime | None] | None = None,
    vectors: Mapping[str, np.ndarray] | None = None,
) -> tuple[list[Claim], list[Conflict]]:
    """Conflicts among each claim's supporting sentences; those claims become `conflicting`.
    Then conflicts between the leads of reports (`in_leads`), which no claim holds.

    `published` (article id → publication time) lets a count that a later report gives as
    grown ("the toll rose to 17") stand as progress, not conflict (`updated`). `vectors` are the
    articles' stored sentence vectors; those missing are computed.
    """
    conflicts: list[Conflict] = []
    updated: list[Claim] = []
    published = published or {}
    alone = _alone_in_article(analyses)
    told = _Told(analyses, published)
    for claim in claims:
        found = (
            _in_claim(claim, analyses, published, alone, told)
            if len({s.article for s in claim.support}) > 1
            else []
        )
        conflicts.extend(found)
        updated.append(claim.model_copy(update={"status": "conflicting"}) if found else claim)
    conflicts = once(conflicts)
    known = {c.what for c in conflicts}
    conflicts += [c for c in in_leads(analyses, published, vectors or {}) if c.what not in known]
    return updated, conflicts


def given_by(known: Sequence[Conflict]) -> Callable[[Iterable[Figure]], bool]:
    """Whether the `known` conflicts give every one of some figures, each as (article,
    sentence, figure), to leave out a conflict found another way that they give already."""
    given = {(v.article, v.text, v.value) for c in known for v in c.values}
    return lambda found: all((a, t, n.text) in given for a, t, n in found)


def once(conflicts: list[Conflict]) -> list[Conflict]:
    """Each disagreement once: claims that overlap (one sentence may stand in two) find the
    same conflict, and a conflict over one thing that gives a value from the same sentence as
    an earlier one is folded into it. A sentence dates and places one happening, so two date
    (or place) conflicts that share a sentence's value are one, whatever their names, and so
    are a conflict over its day and one over its time of day that share a sentence ("gave way
    shortly before 11 p.m. on Wednesday" against "early on Thursday" and "at 03:40")."""
    kept: list[Conflict] = []
    for conflict in conflicts:
        given = {(v.article, v.text, v.value) for v in conflict.values}
        into = next(
            (
                k
                for k, c in enumerate(kept)
                if c.kind == conflict.kind
                and (c.what == conflict.what or c.kind in {"date", "place"})
                and (
                    given & {(v.article, v.text, v.value) for v in c.values}
                    or _day_and_time(c, conflict)
                )
            ),
            None,
        )
        if into is None:
            kept.append(conflict)
            continue
        held = kept[into].values
        seen = {(v.article, v.text, v.value) for v in held}
        more = [v for v in conflict.values if (v.article, v.text, v.value) not in seen]
        what = kept[into].what
        if _day_and_time(kept[into], conflict) and not what.startswith(_DAY_AND_TIME):
            what = f"{_DAY_AND_TIME} {what.partition(' ')[2]}"  # "date and time of “…”"
        kept[into] = sided(what, [*held, *more], conflict.kind)
    return kept


_DAY_AND_TIME = "date and time"


def _day_and_time(a: Conflict, b: Conflict) -> bool:
    """Whether one conflict is over a day and the other over a time of day (`_TIMES`), and
    some sentence gives both in one phrase ("shortly before 11 p.m. on Wednesday", "on
    Thursday at 03:40"): one happening's moment; not "sank on Tuesday, hours after it left
    at 9 p.m."."""
    if a.kind != "date" or b.kind != "date":
        return False
    timed = [all(_TIMES.match(v.reading) for v in c.values) for c in (a, b)]
    if timed[0] == timed[1]:
        return False
    times = {(v.article, v.text): v.value for v in (a if timed[0] else b).values}
    return any(
        _one_phrase(v.text, v.value, time)
        for v in (b if timed[0] else a).values
        if (time := times.get((v.article, v.text))) is not None
    )


# What may stand between a day and a time of one phrase: "on Wednesday at 03:40".
_BETWEEN_DAY_AND_TIME = re.compile(r"^[\s,]*(?:at\s+)?$", re.IGNORECASE)


def _one_phrase(text: str, day: str, time: str) -> bool:
    """Whether a sentence gives its day and its time side by side."""
    d, t = text.find(day), text.find(time)
    if d < 0 or t < 0:
        return False
    gap = text[d + len(day) : t] if d < t else text[t + len(time) : d]
    return _BETWEEN_DAY_AND_TIME.match(gap) is not None


class _Told:
    """What the conflicts of a story's claims read of each of its articles, worked out once
    per article and only for the articles a claim's figures come to: a big story's claims
    hold the same articles many times over."""

    def __init__(
        self, analyses: Mapping[str, Analysis], published: Mapping[str, datetime | None]
    ) -> None:
        self.figures: dict[tuple[str, int], list[NumberMention]] = defaultdict(list)
        # The levels figures came from ("up from 12"), which say what a later report updates.
        self.before: dict[tuple[str, int], list[NumberMention]] = defaultdict(list)
        for article, analysis in analyses.items():
            for n in analysis.numbers:
                if not n.provisional:
                    self.figures[article, n.sentence].append(n)
                elif n.provisional == "before":
                    self.before[article, n.sentence].append(n)
        self.dated = _ByArticle(lambda a: spans(analyses[a]))
        self.happened = _ByArticle(lambda a: spans(analyses[a], sayings=False))
        self.measured_from = _ByArticle(lambda a: _measured_from(analyses[a]))
        self.ahead = _ByArticle(lambda a: told_ahead(analyses[a], _day_of(published.get(a))))


class _ByArticle(dict[str, V]):
    """Article id → what `make` reads of it, read when first asked for."""

    def __init__(self, make: Callable[[str], V]) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, article: str) -> V:
        self[article] = value = self.make(article)
        return value


def _in_claim(
    claim: Claim,
    analyses: dict[str, Analysis],
    published: Mapping[str, datetime | None],
    alone: list[Figure],
    told: _Told,
) -> list[Conflict]:
    numbers: list[Figure] = [
        (support.article, support.text, n)
        for support in claim.support
        for n in told.figures.get((support.article, support.sentence), ())
    ]
    # The levels a later report's figures grew from ("31 homes ..., up from 12").
    came_from: list[Figure] = [
        (support.article, support.text, n)
        for support in claim.support
        for n in told.before.get((support.article, support.sentence), ())
        if any(m.value > n.value for m in told.figures.get((support.article, support.sentence), ()))
    ]
    # Sizes of different things are different things: "A 64-metre span of the 420-metre
    # bridge" gives one value of the span's length.
    sized: dict[tuple[str, str | None], list[Figure]] = {}
    for article, text, n in numbers:
        thing = measured(n)
        if thing:
            sized.setdefault((thing, n.size_noun), []).append((article, text, n))
    by_thing = {
        key: found
        for (thing, noun), figures in sized.items()
        for key, found in _by_fate(thing, noun, figures)
    }
    for key, figures in by_thing.items():
        # An article that gives two values of one thing ("$1.2 billion, from $1.36 billion a
        # year earlier") is counting two things; which one another article gives is unknown.
        values_of: defaultdict[str, set[str]] = defaultdict(set)
        for a, _, n in figures:
            values_of[a].add(amount(n))
        by_thing[key] = [f for f in figures if len(values_of[f[0]]) == 1]
    conflicts = []
    for (thing, *_), found in by_thing.items():
        values = {(a, amount(n)) for a, _, n in found}
        if len({v for _, v in values}) < 2 or len({a for a, _ in values}) < 2:
            continue
        if not _clash(found, published, told):
            continue
        found = [
            f
            for f in found
            if (thing not in SIZES or any(_rivals(f, g) for g in found if g[0] != f[0]))
            and not _superseded(f, came_from, published)
        ]
        if not any(disagree([f[2], g[2]]) for f, g in combinations(found, 2)):
            continue
        found = found + _same_figure_elsewhere(found, numbers)
        # The story's other articles that give the sum or the count once, with one of these
        # values, in a sentence no claim joins to these ("defrauding about 230 investors of
        # £4.2 million" in a lead): they take a side too.
        found = found + _same_figure_elsewhere(found, [f for f in alone if measured(f[2]) == thing])
        story = {a: k for k, a in enumerate(analyses)}
        found = sorted(found, key=lambda f: story[f[0]])
        conflicts.append(_conflict(thing, found))
    return conflicts


def _by_fate(
    thing: str, noun: str | None, figures: list[Figure]
) -> list[tuple[tuple[str, str | None, str | None], list[Figure]]]:
    """One thing's figures by what befell those they count: counts of people that different
    things befell are different counts ("Fourteen people were injured, and 11 of them were
    taken to hospital"). A count that says no fate may be of any ("Sixteen people lost their
    lives" against "Fourteen people died"), unless its article gives one of that fate: then
    it counts others ("Seventeen people were taken to hospital" and "168 people on board")."""
    fates = {n.fate for _, _, n in figures if n.fate}
    if not fates:
        return [((thing, noun, None), figures)]
    fated = {(a, n.fate) for a, _, n in figures if n.fate}
    return [
        (
            (thing, noun, fate),
            [
                f
                for f in figures
                if f[2].fate == fate or (not f[2].fate and (f[0], fate) not in fated)
            ],
        )
        for fate in sorted(fates)
    ]


# Units named in words: "length in miles", "weight in tonnes", "area in hectares".
_PLURALS = {"mile": "miles", "tonne": "tonnes", "inch": "inches", "ha": "hectares"}
_PLURALS |= {"litre": "litres", "acre": "acres", "gallon": "gallons"}


def _conflict(thing: str, found: list[Figure]) -> Conflict:
    """The conflict over `thing` among figures in telling order; articles that agree stand
    together, in the order their reading first comes. A share or a sum is named for what it
    is of when the figures that say so agree ("an 8% pay rise", "a 6 per cent pay rise": pay
    rise, not percent), and a count of people for what befell them when they say it alike
    ("people arrested"), and a size for the thing they size alike ("length of the span in
    m"); one valuer's valuations keep the valuer ("sum in EUR valued by insurer")."""
    # Named by its own figures, not those of the same value found elsewhere ("11 arrests")
    own = [n for _, _, n in found if measured(n) == thing]
    valued = own[0].valued_by  # figures of one thing are of one valuer, or of none
    thing = thing.removesuffix(f"{VALUED_BY}{valued}")
    of = {n.counts for n in own if n.counts}
    if len(of) == 1:
        thing = of.pop()
        if len(befell := {n.fate for n in own}) == 1 and (fate := befell.pop()):
            thing = f"{thing} {fate}"
    elif thing in CURRENCIES.values():
        thing = f"sum in {thing}"  # "sum in GBP", not "GBP"
    elif thing in SPEEDS:
        thing = f"speed in {thing}"
    elif thing in SIZES:  # "length in m": "380 metres" below ground against "830 metres"
        nouns = {n.size_noun for n in own}
        sized = f" of the {nouns.pop()}" if len(nouns) == 1 and None not in nouns else ""
        thing = f"{SIZES[thing]}{sized} in {_PLURALS.get(thing, thing)}"  # "length of the span"
    return sided(f"{thing}{VALUED_BY}{valued}" if valued else thing, figure_values(found))


def figure_values(found: list[Figure]) -> list[ConflictValue]:
    """A conflict's values for figures: as written, and read (`_reading`)."""
    return [
        ConflictValue(article=a, value=n.text, text=t, reading=_reading(n)) for a, t, n in found
    ]


def sided(thing: str, given: list[ConflictValue], kind: ConflictKind = "number") -> Conflict:
    """The conflict over `thing` with its values in sides: each reading, in the order it first
    comes, joins the first side it agrees with all of ("late on Tuesday" and "shortly after
    midnight on Wednesday"; "at least 12" and "14"), and values of one reading stand
    together."""
    first = {v.reading: k for k, v in reversed(list(enumerate(given)))}
    sides: list[list[str]] = []
    for reading in sorted(first, key=first.__getitem__):
        side = next(
            (
                side
                for side in sides
                if not any(readings_disagree(reading, other, kind) for other in side)
            ),
            None,
        )
        if side is None:
            sides.append(side := [])
        side.append(reading)
    of = {reading: k for k, side in enumerate(sides) for reading in side}
    values = tuple(
        v.model_copy(update={"side": of[v.reading]})
        for v in sorted(given, key=lambda v: (of[v.reading], first[v.reading]))
    )
    return Conflict(what=thing, kind=kind, values=values)


def _clash(found: list[Figure], published: Mapping[str, datetime | None], told: _Told) -> bool:
    """Whether two of a thing's figures disagree, the one value no update of the other as any
    report gave it (`updated`), the two no different occasions (`may_differ`), measured from
    the same time (`_measured_from`), of one kind (`_alike_kind`: no forecast against what
    came, no sizes of two things), and not spans between two happenings of which one is a plan
    or another day (`_gaps_apart`). Each wording of a value is compared once: a big story gives
    one figure in the same words many times, and two alike never disagree."""
    alike: dict[tuple[float, float | None, str | None, str], list[Figure]] = {}
    for figure in found:
        n = figure[2]
        alike.setdefault((n.value, n.upper, n.qualifier, n.text), []).append(figure)

    def when(figure: Figure) -> Sequence[Span]:
        return told.dated[figure[0]].get(figure[2].sentence, ())

    def happened(figure: Figure) -> Sequence[Span]:
        return told.happened[figure[0]].get(figure[2].sentence, ())

    def start(figure: Figure) -> frozenset[str]:
        return told.measured_from[figure[0]].get(figure[2].sentence, frozenset())

    # A value that updates another as some report first gave it ("Two people are still
    # missing", a day and a half after "Four people are missing") is no rival of a report that
    # repeats the old value in between ("…, which said four people were missing").
    renewed = {
        frozenset((amount(f[2]), amount(g[2])))
        for f, g in combinations(found, 2)
        if updated(f, g, published)
    }
    return any(
        disagree([these[0][2], those[0][2]])
        and frozenset((amount(these[0][2]), amount(those[0][2]))) not in renewed
        and any(
            not may_differ(when(f), when(g))
            and start(f) == start(g)
            and _alike_kind(f, g)
            and not _gaps_apart(f, g, when, told.ahead)
            and not _summed(f, g, happened)
            for f in these
            for g in those
        )
        for these, those in combinations(alike.values(), 2)
    )


# Words that tell a figure as the sum of several: "transferred a total of €2,400 to fraudsters
# in two payments", "12 people in all".
_TOTAL = re.compile(r"\b(?:a\s+total\s+of|in\s+total|in\s+all|altogether|combined)\b", re.I)


def _summed(f: Figure, g: Figure, when: Callable[[Figure], Sequence[Span]]) -> bool:
    """Whether one figure is told as a total (`_TOTAL`) over more days than the other's
    sentence tells, save the days of saying (`when`): "a total of €2,400 ... in two payments,
    on Tuesday evening and on Wednesday afternoon" sums more than "lost €1,900 on Tuesday
    evening" does; "A total of 14 were arrested on Saturday night, police said on Sunday" no
    more than "nine on Saturday night"."""
    return any(
        _told_as_total(total) and (days := _days(when(part))) and days < _days(when(total))
        for total, part in ((f, g), (g, f))
    )


def _told_as_total(figure: Figure) -> bool:
    """Whether words of `_TOTAL` stand right before the figure or among the few words after it
    ("a total of €2,400", "12 people in all"); not elsewhere ("In all likelihood, ...")."""
    _, text, n = figure
    at = text.find(n.text)
    if at < 0:
        return False
    near = text[max(at - 12, 0) : at + len(n.text) + 30]
    return bool(_TOTAL.search(near))


def _days(spans: Sequence[Span]) -> set[date]:
    """The days a sentence's dates cover, of those a week long or shorter."""
    return {
        start + timedelta(days=k)
        for start, end in spans
        if (end - start).days < 7
        for k in range((end - start).days + 1)
    }


def _superseded(
    f: Figure, came_from: list[Figure], published: Mapping[str, datetime | None]
) -> bool:
    """Whether a later report of the claim gives figure `f`'s value as the level its own grew
    from (`came_from`: `NumberMention.provisional` "before"): "destroyed 12 homes" on
    Wednesday, then "31 homes by Thursday evening, up from 12", is progress, no side of the
    conflict between 31 and another report's 37. A toll revised down ("95, down from 120")
    stays a side."""
    return any(
        amount(n) == amount(f[2])
        and (after := gap(f[0], a, published)) is not None
        and after > timedelta(0)
        for a, _, n in came_from
    )


def _rivals(f: Figure, g: Figure) -> bool:
    """Whether two sizes may be values of one thing: they agree (`agree`) or disagree
    (`disagree`). Not two lying further apart than that: "ran 240 metres past the end" and
    "about 700 metres further along the runway" are two lengths, though a claim holds both.
    (A count far from the others is the one a reader wants shown: "Thirty people were killed"
    against 12 and 14.)"""
    m, n = f[2], g[2]
    return disagree([m, n]) or max(m.value, n.value) <= min(m.value, n.value) * APART or agree(m, n)


def agree(m: NumberMention, n: NumberMention) -> bool:
    """Whether two figures admit one value ("at least 12" and "14"; a vague one any; ratios
    only their own)."""
    if _is_ratio(m) or _is_ratio(n):
        return amount(m) == amount(n)
    a, b = _admits(m), _admits(n)
    return a is None or b is None or (a[0] <= b[1] and b[0] <= a[1])


def _alike_kind(f: Figure, g: Figure) -> bool:
    """Whether two figures may be rival values of one thing: both foreseen or neither (a
    forecast, "expects the Ombra to peak at 6.8 metres", is no rival of what came), and the
    sizes of one thing or of none (`size_noun`: "The embankment, 4.5 metres high" is no rival
    of "the river reached a record 7.9 metres", nor "A 90-metre stretch of the bridge" of "the
    bridge, 120 metres long"; "A 64-metre span of the bridge" is of "the 78-metre span"), and
    counts of one holder or of one unknown ("The airline carried 4.1 million passengers" is
    no rival of "The airport, which handled 6.2 million passengers")."""
    held = (f[2].held_by, g[2].held_by)
    return (
        f[2].foreseen == g[2].foreseen
        and f[2].size_noun == g[2].size_noun
        and (None in held or held[0] == held[1])
    )


def _gaps_apart(
    f: Figure,
    g: Figure,
    when: Callable[[Figure], Sequence[Span]],
    ahead: Mapping[str, set[int]],
) -> bool:
    """Whether two figures are spans between happenings (`GAP`: "four days after the
    Auditor-General found") whose sentences tell of two: one a plan, told ahead of its day
    ("is expected to resign on Tuesday, three days after ...", told on Monday), or the two
    dated to days that do not meet ("resigned on Tuesday morning, four days after ..." and
    "won a confidence vote on Thursday, two days after ... resigned"). "Reached the survivors
    12 hours after the trawler sank" against "20 hours after" is one gap told twice."""
    if not all(
        measured(n) in DURATIONS and re.search(re.escape(n.text) + GAP, t) for _, t, n in (f, g)
    ):
        return False
    planned = [n.sentence in ahead[a] for a, _, n in (f, g)]
    return planned[0] != planned[1] or bool(when(f) and when(g) and not meet(when(f), when(g)))


def _day_of(when: datetime | None) -> date | None:
    return when.date() if when else None


# After a span of time, the words that make it the gap between two happenings.
GAP = r",?\s+(?:after|before|later|earlier)\b"


def _measured_from(analysis: Analysis) -> dict[int, frozenset[str]]:
    """The date phrases "since" a time of each sentence (`occasions.since`: "has lost about 4%
    since the start of July"), by sentence index. A figure since one time and one since
    another, or none, measure two stretches ("fell 0.5% within minutes of the announcement");
    "since the outbreak began" is no date phrase, and counts what a count without it does."""
    found: dict[int, set[str]] = defaultdict(set)
    for d in analysis.dates:
        if since(d):
            found[d.sentence].add(d.text.lower())
    return {sentence: frozenset(texts) for sentence, texts in found.items()}


def within(
    groups: Iterable[Iterable[Support]],
    kind: ConflictKind,
    find: Callable[[Support], V | None],
    apart: Callable[[tuple[str, V], tuple[str, V]], bool],
    read: Callable[[V], tuple[str, str]],
    named: str | None = None,
    kin: Callable[[V, V], bool] | None = None,
) -> list[Conflict]:
    """Conflicts of `kind` within groups of sentences told of one fact (a claim's support, one
    happening's sentences): each sentence's one value of it (`find`), and groups where two
    articles' (article id, value) pairs are `apart`. Named for the first sentence that gives
    one ("date of “The fire started on Tuesday night at…”", or `named` for the kind's word);
    `read` gives a value's wording and reading. With `kin`, only the values kin to one of a
    pair apart are shown: a claim's dates of its one happening, not the day a report it names
    was published."""
    conflicts = []
    for group in groups:
        found = [(s, value) for s in group if (value := find(s)) is not None]
        pairs = [
            (v, w)
            for (s, v), (t, w) in combinations(found, 2)
            if s.article != t.article and apart((s.article, v), (t.article, w))
        ]
        if not pairs:
            continue
        if kin is not None:
            found = [(s, v) for s, v in found if any(kin(v, x) for pair in pairs for x in pair)]
        opening = " ".join(without_dateline(found[0][0].text).split()[:8])
        given = [
            ConflictValue(article=s.article, value=wording, text=s.text, reading=reading)
            for s, value in found
            for wording, reading in [read(value)]
        ]
        conflicts.append(sided(f"{named or kind} of “{opening}…”", given, kind))
    return once(conflicts)


def marked(claims: list[Claim], conflicts: list[Conflict]) -> list[Claim]:
    """The claims, with those that hold two sides of a conflict `conflicting`: two of their
    sentences give the conflict values that read apart."""

    def sides(claim: Claim, conflict: Conflict) -> list[str]:
        return [
            v.reading
            for v in conflict.values
            for s in claim.support
            if s.article == v.article and v.text in s.text  # a passage holds it
        ]

    return [
        claim.model_copy(update={"status": "conflicting"})
        if any(
            readings_disagree(a, b, c.kind)
            for c in conflicts
            for a, b in combinations(sides(claim, c), 2)
        )
        else claim
        for claim in claims
    ]


# A report's first sentences tell its main facts (the toll, the magnitude, the sentence handed
# down); figures further down are background, where one thing is often counted for another
# occasion ("the same island was hit by a 6.1 quake in September").
LEAD = 4
# Lead sentences at least this alike (MiniLM cosine) speak of one fact, though less alike
# than a claim's sentences: "the magnitude 6.1 quake hit at 04:12" and "measured the quake at
# magnitude 6.4" score 0.64. Measured on ECB+ dev: at 0.60 four of five flagged pairs are
# true disagreements among outlets (two boats or three; seven life sentences or four).
LEAD_SIMILARITY = 0.60
# What leads count too often for two counts to be one fact: people killed and people hurt, a
# share of one thing and of another, spans of time.
COMMON = frozenset(
    [
        "people",
        "persons",
        "men",
        "women",
        "children",
        "percent",
        "year",
        "years",
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "months",
        "hour",
        "hours",
        "minute",
        "minutes",
        "second",
        "seconds",
        "decade",
        "decades",
        "time",
        "times",
    ]
)


def in_leads(
    analyses: Mapping[str, Analysis],
    published: Mapping[str, datetime | None],
    vectors: Mapping[str, np.ndarray],
) -> list[Conflict]:
    """Conflicts between reports whose leads give different values of one thing that each
    gives once (`LEAD`, `COMMON`), in alike sentences (`LEAD_SIMILARITY`), within one news
    cycle (`UPDATE_AFTER`). Values in the order of `analyses`."""
    leads: dict[str, list[Figure]] = defaultdict(list)
    for article, analysis in analyses.items():
        once = given_once(analysis, _lead_thing)
        for thing, n in once.items():
            if n.sentence < LEAD:
                leads[thing].append((article, analysis.sentences[n.sentence].text, n))
    conflicts = []
    for thing, found in leads.items():
        if len({amount(n) for _, _, n in found}) < 2:
            continue
        sim = _similarity(found, vectors)
        pairs = [
            (i, j)
            for i, (a, _, m) in enumerate(found)
            for j, (b, _, n) in enumerate(found)
            if i < j
            and sim[i, j] >= LEAD_SIMILARITY
            and disagree([m, n])
            and _alike_kind(found[i], found[j])
            and _one_cycle(a, b, published)
        ]
        if pairs:
            joined = {k for pair in pairs for k in pair}
            # The articles that give a side: those in a disagreeing pair, and those whose lead
            # is as alike one of them (a copy of either, a third report).
            sides = [
                f
                for k, f in enumerate(found)
                if k in joined or any(_alike_lead(found, sim, k, i, published) for i in joined)
            ]
            conflicts.append(_conflict(thing, sides))
    return conflicts


def _alike_lead(
    found: list[Figure],
    sim: np.ndarray,
    k: int,
    i: int,
    published: Mapping[str, datetime | None],
) -> bool:
    """Whether lead `k` takes the side of lead `i`: it is as alike, and of the same news cycle
    or of the same value. A report of a later cycle takes a side it agrees with, not one of its
    own: "Nine miners remained underground", two days on, is no third count of those trapped."""
    return bool(sim[k, i] >= LEAD_SIMILARITY) and (
        _one_cycle(found[k][0], found[i][0], published) or agree(found[k][2], found[i][2])
    )


def _one_cycle(a: str, b: str, published: Mapping[str, datetime | None]) -> bool:
    """Whether two articles were published within `UPDATE_AFTER` (or when is unknown)."""
    between = gap(a, b, published)
    return between is None or abs(between) < UPDATE_AFTER


def gap(a: str, b: str, published: Mapping[str, datetime | None]) -> timedelta | None:
    """How long after `a` article `b` was published; None when either time is unknown, or one
    has a time zone and the other not."""
    when_a, when_b = published.get(a), published.get(b)
    if when_a is None or when_b is None or (when_a.tzinfo is None) != (when_b.tzinfo is None):
        return None
    return when_b - when_a


def _similarity(found: list[Figure], vectors: Mapping[str, np.ndarray]) -> np.ndarray:
    """Cosine similarity of the figures' sentences, from stored vectors where there are any."""
    matrix = rows([(a, n.sentence, t) for a, t, n in found], vectors)
    return np.asarray(matrix @ matrix.T)


# Reports this far apart (the next morning's edition) may count a toll, a crowd or a bill that
# has grown since.
UPDATE_AFTER = timedelta(hours=12)


def updated(
    first: Figure,
    second: Figure,
    published: Mapping[str, datetime | None],
) -> bool:
    """Whether the later of two reports (article, sentence, figure), `UPDATE_AFTER` or more
    apart, gives a larger value in words of change ("the toll rose to 17", "has now reached"),
    or a smaller one in words of what is left ("Nine miners remained underground", "three are
    still in hospital"); or, at any time later, a larger one in words that say it went on
    changing since (`FURTHER`: "closed 0.9% lower, having fallen further", "extended its
    slide"): an update, not a conflict. A count revised down, or a larger one with no such
    words ("1,500 jobs" the next morning against "about 1,200"), stays a conflict."""
    between = gap(first[0], second[0], published)
    if between is None or not between:
        return False
    earlier, later = (first, second) if between > timedelta(0) else (second, first)
    if later[2].value == earlier[2].value:
        return False
    if later[2].value < earlier[2].value:
        return abs(between) >= UPDATE_AFTER and _what_is_left(later[1], later[2])
    if abs(between) < UPDATE_AFTER:
        return bool(FURTHER.search(later[1]))
    return bool(CHANGE.search(later[1]) or FURTHER.search(later[1]))


CHANGE = re.compile(
    r"\b(?:rose|risen|rising|rises|climbed|climbs|reached|reaches|now|increased|grew|grown|"
    r"jumped|latest|updated|so far)\b"
    # a toll raised or brought to a figure ("raising the death toll to 19"), not a rate raised
    # or those responsible brought to justice
    r"|\b(?:rais(?:e|es|ed|ing)|bring(?:s|ing)?|brought)\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:[\w'’-]+\s+){0,2}(?:toll|total|tally|number)\b(?:\s+[\w'’-]+){0,3}\s+to\b",
    re.IGNORECASE,
)


# Words of what is left of a count that falls: the missing, the trapped, those in hospital;
# told of the figure, in the words right after it ("Nine miners remained underground", "12
# people are still missing") or right before ("the remaining 12").
LEFT = re.compile(r"\b(?:remain(?:s|ed|ing)?|still)\b", re.IGNORECASE)
LEFT_REACH = 3


def _what_is_left(sentence: str, n: NumberMention) -> bool:
    """Whether the figure `n` of `sentence` is told as what is left of a count: a word of
    `LEFT` among the `LEFT_REACH` words after it, before any punctuation, or "remaining" right
    before it. Not "still" elsewhere ("killed 11 people, and its cause is still unknown")."""
    at = sentence.find(n.text)
    if at < 0:
        return False
    after = re.split(r"[,;:.()\"“”]", sentence[at + len(n.text) :], maxsplit=1)[0].split()
    before = sentence[:at].split()[-1:]
    return any(LEFT.fullmatch(w) for w in after[:LEFT_REACH]) or before == ["remaining"]


# Words that say a figure went on changing after an earlier report of it.
FURTHER = re.compile(
    r"\b(?:further|extended its (?:slide|fall|rise|gains?|losses)|deepen(?:ed|ing|s)|"
    r"widen(?:ed|ing|s))\b",
    re.IGNORECASE,
)


def _lead_thing(n: NumberMention) -> str | None:
    """What a lead's figure measures, unless leads count it too often or it is a ratio."""
    thing = measured(n)
    return None if thing in COMMON or n.upper is not None else thing


def _alone_in_article(analyses: Mapping[str, Analysis]) -> list[Figure]:
    """Each article's figure of each sum of money or count of a thing it gives with one value
    (`given_once`): what the story's conflicts may find stated outside their claims. Not
    shares, which many things have."""
    return [
        (article, analysis.sentences[n.sentence].text, n)
        for article, analysis in analyses.items()
        for n in given_once(analysis, _sum_or_count).values()
    ]


def _sum_or_count(n: NumberMention) -> str | None:
    thing = measured(n)
    return None if thing in {"percent", "magnitude"} else thing


def given_once(
    analysis: Analysis, thing_of: Callable[[NumberMention], str | None]
) -> dict[str, NumberMention]:
    """Each thing an article gives a figure of (`thing_of`; None for no thing) with one value
    only, by its first figure; provisional figures are not read."""
    values_of: defaultdict[str, set[str]] = defaultdict(set)
    first: dict[str, NumberMention] = {}
    for n in analysis.numbers:
        if not n.provisional and (thing := thing_of(n)):
            values_of[thing].add(amount(n))
            first.setdefault(thing, n)
    return {thing: n for thing, n in first.items() if len(values_of[thing]) == 1}


def _same_figure_elsewhere(found: list[Figure], numbers: list[Figure]) -> list[Figure]:
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


# `_reading`'s form: an optional qualifier, the value (a ratio's whole after "/", a range's
# top after "–"), a unit.
_READING = re.compile(
    r"^(?:(?P<qualifier>[a-z][a-z ]*?) )?(?P<value>[\d,.]+)(?:[/–](?P<upper>[\d,.]+))?"
)


@lru_cache(maxsize=4096)  # a summary asks it of the same few readings for each sentence of a claim
def readings_disagree(a: str, b: str, kind: ConflictKind = "number") -> bool:
    """Whether two values of a conflict, by their readings, cannot both be right: "12" and
    "14" disagree, "at least 12" and "14" do not. Dates disagree when their days do not meet
    (`_days_disagree`). Places and speakers are read to one value each, and disagree when their
    readings differ."""
    if kind == "number":
        return disagree([_mention(a), _mention(b)])
    if kind == "date":
        return _days_disagree(a, b)
    return a != b


# `dating.reading`'s form: when in the day, if said, then an ISO day or `first/last`.
_DAYS = re.compile(
    r"^(?:(?P<when>midnight|overnight|late|early) )?"
    r"(?P<first>\d{4}-\d\d-\d\d)(?:/(?P<last>\d{4}-\d\d-\d\d))?$"
)
_LATE_IN_DAY = frozenset({"late", "overnight", "midnight"})
_EARLY_IN_DAY = frozenset({"early", "overnight", "midnight"})


def _days_disagree(a: str, b: str) -> bool:
    """Whether two dates name days that do not meet, and not the two sides of one midnight:
    "midnight on Sunday" is Monday's start, and "late on Tuesday" may be the same hour as "the
    early hours of Wednesday". Two times of day disagree when more than `SLACK` minutes lie
    between them (`compare.clock`: "03:10", "02:00–02:30" for "shortly after 2am"); a time and
    a day never do."""
    times = [m for r in (a, b) if (m := _TIMES.match(r)) is not None]
    if len(times) == 2:
        x, y = (_clock_span(m["first"], m["last"] or m["first"]) for m in times)
        return len({m["zone"] for m in times}) > 1 or minutes_apart(x, y) > SLACK
    read = [m for r in (a, b) if (m := _DAYS.match(r)) is not None]
    if len(times) == 1 and len(read) == 1:
        return False  # a time of day and a day tell different things of one moment
    if len(read) < 2:
        return a != b
    (_, first_end, first_when), (last, _, last_when) = sorted(
        (
            date.fromisoformat(m["first"]),
            date.fromisoformat(m["last"] or m["first"]),
            m["when"] or "",
        )
        for m in read
    )
    if last <= first_end:
        return False
    if last - first_end > timedelta(days=1):
        return True
    return not (
        first_when == "midnight" or (first_when in _LATE_IN_DAY and last_when in _EARLY_IN_DAY)
    )


# `clock._read`'s form: a time of day, or the span a time may lie in, then a zone if not local.
_TIMES = re.compile(r"^(?P<first>\d\d:\d\d)(?:–(?P<last>\d\d:\d\d))?(?P<zone> \S+)?$")
# Minutes two reports of one time may differ by: a rounding of the clock.
SLACK = 1
MINUTES_A_DAY = 24 * 60


def _clock_span(first: str, last: str) -> tuple[int, int]:
    """A time of day read "HH:MM", or a span of them, as (minutes after midnight, how many
    minutes later it may be)."""
    start, end = (int(t[:2]) * 60 + int(t[3:]) for t in (first, last))
    return start, (end - start) % MINUTES_A_DAY


def minutes_apart(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Minutes between two times of day, each (minutes after midnight, how many minutes
    later it may be), either way round midnight: 0 when they may be one time."""
    (a0, a_spread), (b0, b_spread) = a, b
    return min(
        max(0, b0 + shift - (a0 + a_spread), a0 - (b0 + shift + b_spread))
        for shift in (-MINUTES_A_DAY, 0, MINUTES_A_DAY)
    )


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
    """The value in digits with its qualifier and unit: "at least 14", "38/46", "35–40",
    "2,400,000 EUR"."""
    value = f"{n.value:,.15g}"
    if n.upper is not None:
        value += ("/" if _is_ratio(n) else "–") + f"{n.upper:,.15g}"
    return " ".join(part for part in (n.qualifier, value, n.unit) if part)


_OF = re.compile(r"\bof\b|/", re.IGNORECASE)


def _is_ratio(n: NumberMention) -> bool:
    """Whether a figure with an upper value is a ratio ("38 of 46") or a score ("a 20-2 run"),
    not a range ("35 to 40", "$4.6bn-$4.8bn")."""
    return n.upper is not None and (n.upper <= n.value or bool(_OF.search(n.text)))


def disagree(numbers: list[NumberMention]) -> bool:
    """Whether no one value fits every figure: each figure admits a range ("12": 12; "at
    least 12": 12 and up; "about 80": 72 to 88; "nearly 1,200": 1,080 to 1,200), and two
    figures disagree when their ranges do not meet, unless they lie more than `APART` times
    apart and are not one another's digits transposed ("380", "830"). Two rounded figures
    disagree when one is a fifth or more above the other ("about 300", "around 250"): each
    rounds the count its own way, and a count both could round to (272) is no reading of
    either; "about 1,000" and "around 1,150" may round one count. A range admits its stretch
    ("35 to 40"); ratios must be equal; a vague figure ("hundreds", "several hundred") admits
    anything."""
    ratios = {amount(n) for n in numbers if _is_ratio(n)}
    if len(ratios) >= 2:
        return True
    spans = [(n, span) for n in numbers if not _is_ratio(n) and (span := _admits(n)) is not None]
    return any(
        a[1] < b[0] <= a[1] * APART
        or (a[1] < b[0] and _transposed(m, n))
        or (
            0 < m.value < n.value <= a[1] * APART
            and _rounded(m)
            and _rounded(n)
            and round(n.value / m.value, 6) >= 1 + ROUNDED_APART
        )
        for m, a in spans
        for n, b in spans
    )


def _transposed(m: NumberMention, n: NumberMention) -> bool:
    """Whether two whole figures are one another's digits in another order ("380 metres" and
    "830 metres"): a slip of the keys, however far apart that puts them, and no two quantities
    (`APART`)."""
    digits = [f"{x.value:.0f}" for x in (m, n) if x.value == int(x.value) and x.upper is None]
    return len(digits) == 2 and len(digits[0]) > 1 and sorted(digits[0]) == sorted(digits[1])


def _rounded(n: NumberMention) -> bool:
    """Whether a figure is a count rounded with "about", "around" and the like."""
    return n.upper is None and n.qualifier in ROUNDED


# How far a rounded figure may lie from the value it rounds ("about 80" is 72 to 88).
APPROXIMATE = 0.10
# Reports of one figure differ by a fifth or a half ("12" and "at least 14", "1,200" and
# "1,500"), not by a factor of ten: figures further apart than this, each an article's only one
# of its kind in a claim, are two quantities ("a net loss of $85mn", "revenue of $1.2bn").
APART = 2.0


# Two rounded figures this far apart (a share of the smaller) round two different counts.
ROUNDED_APART = 0.2
# Qualifiers of a rounded figure.
ROUNDED = frozenset({"about", "around", "roughly", "approximately", "some", "an estimated"})


def _admits(n: NumberMention) -> tuple[float, float] | None:
    """The values a figure admits, by its qualifier; None for a vague one."""
    q, v = n.qualifier, n.value
    if n.upper is not None:
        return (v, n.upper)  # a range, whatever its qualifier ("as many as 35 to 40")
    if q in (None, "only", "just"):
        return (v, v)
    if q in {"at least", "more than", "over"}:
        return (v, float("inf"))
    if q in {"at most", "less than", "fewer than", "under", "up to", "as many as"}:
        return (0.0, v)
    if q in ROUNDED:
        return (v * (1 - APPROXIMATE), v * (1 + APPROXIMATE))
    if q in {"almost", "nearly"}:
        return (v * (1 - APPROXIMATE), v)
    return None
