"""A story's happenings: one thing's own happening told by several articles, outside claims.

A story tells one fire's start once. The wire's lead ("A fire broke out late on Tuesday at a
chemical warehouse in Rotherham, ... forcing about 300 people to leave their homes") and a
follow-up's clause ("The fire, which started on Monday night, destroyed most of the
warehouse") state different facts besides, so no claim joins them, yet they date and place
one happening. The sentences that date a happening told by its own noun
(`DateMention.happening`, `dating.of_itself`: the fire broke out, the ferry sank) are grouped
by that noun and verb, and two of them conflict as a claim's would, with one more test: the
other of date and place must not differ too. Two reports that differ in both more likely tell
two happenings (two fires, a storm's two landfalls) than one told wrongly twice.

A happening that befalls a person once (`dating.befalls_once`: "the woman died") is grouped the
same way when each report gives the person one age ("an 84-year-old woman"): a story may tell
of many women, but rarely of two of one age, and reports identify the people they do not name
by age.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import NamedTuple

from newsweave.compare.conflicts import once, within
from newsweave.compare.dating import (
    Dated,
    befalls_once,
    by_its_noun,
    dates_apart,
    family,
    happening_date,
    reading,
)
from newsweave.compare.places import Located, happening_place, place_reading, places_apart
from newsweave.models import Analysis, Conflict, Support

# A happening this far from its report is another occasion told in passing ("a fire broke
# out at the same plant on 3 May 2019"), not the story's.
RECENT = timedelta(days=7)


class Told(NamedTuple):
    """A sentence's date of a happening, and its place if it gives one."""

    dated: Dated
    located: Located | None


def happening_conflicts(
    analyses: Mapping[str, Analysis], published: Mapping[str, datetime | None]
) -> list[Conflict]:
    """Date and place conflicts among the sentences that tell one thing's own happening
    (`happenings`), where the other of date and place does not differ too."""
    groups = happenings(analyses, published)
    told = {s: t for group in groups for s, t in group.items()}

    def dates_differ(x: tuple[str, Told], y: tuple[str, Told]) -> bool:
        return same_thing(x, y) and dates_apart((x[0], x[1].dated), (y[0], y[1].dated), published)

    def places_differ(x: tuple[str, Told], y: tuple[str, Told]) -> bool:
        a, b = x[1].located, y[1].located
        return (
            a is not None
            and b is not None
            and same_thing(x, y)
            and places_apart((x[0], a), (y[0], b), analyses)
        )

    def same_aspect(x: tuple[str, Told], y: tuple[str, Told]) -> bool:
        # A group's verbs are of one family already (`happenings`).
        d, e = x[1].dated.mention, y[1].dated.mention
        return (d.aspect == "prospective") == (e.aspect == "prospective")

    dates = within(
        groups,
        "date",
        told.get,
        lambda x, y: dates_differ(x, y) and not places_differ(x, y),
        lambda t: (t.dated.wording, reading(t.dated)),
    )
    places = within(
        groups,
        "place",
        lambda s: t if (t := told[s]).located else None,
        lambda x, y: places_differ(x, y) and same_aspect(x, y) and not dates_differ(x, y),
        _place_reading,
    )
    return once(dates + places)


def _place_reading(t: Told) -> tuple[str, str]:
    assert t.located is not None  # a sentence with no place gives no value
    return place_reading(t.located)


def same_thing(x: tuple[str, Told], y: tuple[str, Told]) -> bool:
    """Whether two sentences' happenings are told of one thing: "fire" and "house fire" may
    be, "house fire" and "forest fire" are not."""
    a, b = (str(t[1].dated.mention.happening) for t in (x, y))
    return a == b or a.endswith(" " + b) or b.endswith(" " + a)


def _age(analysis: Analysis, sentence: int, noun: str) -> str | None:
    """The one age a sentence gives the person it tells of by `noun` ("The 84-year-old woman
    who died ..."), else the one the article gives where it first names them so ("An
    84-year-old woman ... has died. The woman, who had underlying health conditions, died on
    Wednesday"): not an age given to another of that noun later ("A woman died at the scene.
    An 84-year-old woman, the other driver, was taken to hospital")."""
    word = re.compile(rf"\b{re.escape(noun)}\b", re.IGNORECASE)
    first = next((s.text for s in analysis.sentences if word.search(s.text)), "")
    for text in (analysis.sentences[sentence].text, first):
        ages = _ages(text, noun)
        if ages:
            return ages.pop() if len(ages) == 1 else None
    return None


def _ages(text: str, noun: str) -> set[str]:
    """The ages a text gives the people it tells of by `noun`: "an 84-year-old woman", "a
    woman, 84,", "a woman aged 84"."""
    word = re.escape(noun)
    return set(
        re.findall(rf"\b(\d{{1,3}})-year-old\s+(?:[a-z]+\s+)?{word}\b", text)
        + re.findall(rf"\b{word},\s+(\d{{1,3}})(?=[,.;)])", text)
        + re.findall(rf"\b{word},?\s+aged\s+(\d{{1,3}})\b", text)
    )


def happenings(
    analyses: Mapping[str, Analysis], published: Mapping[str, datetime | None]
) -> list[dict[Support, Told]]:
    """The sentences that date a happening told by its own noun ("a fire broke out late on
    Tuesday", "the fire, which started on Monday night"), grouped by that noun and verb (verbs
    of one beginning are one): a group for each happening two articles or more tell, within
    `RECENT` of their publication, each sentence with its date and place."""
    by_happening: dict[tuple[str, str], list[tuple[Support, Dated]]] = {}
    for article, analysis in analyses.items():
        when = published.get(article)
        if when is None:
            continue
        for sentence in sorted({d.sentence for d in analysis.dates if by_its_noun(d)}):
            dated = happening_date(analysis, sentence)
            if dated is None:
                continue
            d = dated.mention
            if not by_its_noun(d) or d.resolved is None or abs(d.resolved - when.date()) > RECENT:
                continue
            noun = str(d.happening).split()[-1]
            if befalls_once(d):
                # "The woman died": many may die in one story, so one woman is one only when
                # each report gives her the same age ("an 84-year-old woman").
                age = _age(analysis, sentence, noun)
                if age is None:
                    continue
                noun = f"{age}-year-old {noun}"
            text = analysis.sentences[sentence].text
            key = (noun, family(str(d.verb)))
            by_happening.setdefault(key, []).append(
                (Support(article=article, sentence=sentence, text=text), dated)
            )
    return [
        {s: Told(dated, happening_place(analyses[s.article], s.sentence)) for s, dated in group}
        for group in by_happening.values()
        if len({s.article for s, _ in group}) > 1
    ]
