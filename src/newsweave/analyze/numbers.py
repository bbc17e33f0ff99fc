"""Numbers: value, range or ratio, unit, qualifier and what is counted.

Covers digits ("124", "2.4", "1,200"), words ("three", "Twelve", "hundreds of thousands"),
scales ("€2.4 million"), ratios and ranges ("38 of 46", "10 to 12"), qualifiers ("at least",
"more than", "about") and units ("120 kilometres", "45 per cent", "80 years"). What is counted is
the noun the number modifies ("38 of 46 drones" → drones), read from spaCy's parse.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from typing import Any, Literal

from newsweave.analyze.estimates import read_crowd, stolen_worth, valued_by
from newsweave.analyze.fates import fate
from newsweave.analyze.nlp import common_nouns, doc_text
from newsweave.models import NumberMention, Sentence

WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "dozen": 12,
    "hundred": 100,
    "thousand": 1_000,
}
SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 10**12,
    # Business-news abbreviations: "$1.2bn", "€450mn", "$3tn" (a lone "m" or "k" right after
    # the number is read in `_mention`: "€450m" is millions; "450m" is left out).
    "bn": 1_000_000_000,
    "mn": 1_000_000,
    "mln": 1_000_000,
    "tn": 10**12,
}
VAGUE = {
    "dozens": 24,
    "hundreds": 200,
    "thousands": 2_000,
    "tens of thousands": 20_000,
    "hundreds of thousands": 200_000,
    "millions": 2_000_000,
}
UNITS = {
    "%": "percent",
    "per cent": "percent",
    "percent": "percent",
    "km": "km",
    "kilometres": "km",
    "kilometers": "km",
    "kilometre": "km",
    "kilometer": "km",
    "miles": "mile",
    "mile": "mile",
    "metres": "m",
    "meters": "m",
    "metre": "m",
    "meter": "m",
    "mm": "mm",
    "millimetres": "mm",
    "millimeters": "mm",
    "millimetre": "mm",
    "millimeter": "mm",
    "cm": "cm",
    "centimetres": "cm",
    "centimeters": "cm",
    "centimetre": "cm",
    "centimeter": "cm",
    "feet": "ft",
    "ft": "ft",
    "inches": "inch",
    "inch": "inch",
    "hectares": "ha",
    "hectare": "ha",
    "square kilometres": "km2",
    "square kilometers": "km2",
    "square kilometre": "km2",
    "square kilometer": "km2",
    "sq km": "km2",
    "km2": "km2",
    "km²": "km2",
    "nautical miles": "nmi",
    "nautical mile": "nmi",
    "square miles": "sq mi",
    "square mile": "sq mi",
    "cubic metres per second": "m3/s",
    "cubic meters per second": "m3/s",
    "cubic metres a second": "m3/s",
    "cubic meters a second": "m3/s",
    "m3/s": "m3/s",
    "m³/s": "m3/s",
    "cubic metres": "m3",
    "cubic meters": "m3",
    "cubic metre": "m3",
    "cubic meter": "m3",
    "square metres": "m2",
    "square meters": "m2",
    "square metre": "m2",
    "square meter": "m2",
    "sq m": "m2",
    "m²": "m2",
    "square feet": "sq ft",
    "square foot": "sq ft",
    "sq ft": "sq ft",
    "acres": "acre",
    "acre": "acre",
    "litres": "litre",
    "liters": "litre",
    "litre": "litre",
    "liter": "litre",
    "gallons": "gallon",
    "gallon": "gallon",
    "kg": "kg",
    "kilograms": "kg",
    "tonnes": "tonne",
    "tons": "tonne",
    "tonne": "tonne",
    "ton": "tonne",
    "kilogram": "kg",
    "years": "year",
    "year": "year",
    "months": "month",
    "days": "day",
    "weeks": "week",
    "hours": "hour",
    "minutes": "minute",
    "km/h": "km/h",
    "kmh": "km/h",
    "kph": "km/h",
    "kilometres per hour": "km/h",
    "kilometers per hour": "km/h",
    "kilometres an hour": "km/h",
    "kilometers an hour": "km/h",
    "mph": "mph",
    "miles per hour": "mph",
    "miles an hour": "mph",
    "knots": "knot",
    "magnitude": "magnitude",
    "dollars": "USD",
    "euros": "EUR",
    "usd": "USD",
    "eur": "EUR",
    "gbp": "GBP",
}
CURRENCIES = {"€": "EUR", "$": "USD", "£": "GBP", "¥": "JPY"}
# Units that name what a figure measures whatever noun follows ("a 12% fall", "$1.2bn in sales").
MEASURES = frozenset({"percent", "magnitude", *CURRENCIES.values()})
# Units of speed: a conflict over one is named "speed in km/h".
SPEEDS = frozenset({"km/h", "mph", "knot"})
# Units of time: a span ("three days") that another occasion may last as well.
DURATIONS = frozenset({"year", "month", "week", "day", "hour", "minute"})
QUALIFIERS = [
    "at least",
    "at most",
    "more than",
    "less than",
    "fewer than",
    "over",
    "under",
    "about",
    "around",
    "almost",
    "nearly",
    "roughly",
    "approximately",
    "some",
    "up to",
    "as many as",
    "an estimated",
    "only",
    "just",
    "several",
    "a few",
]

_word = "|".join(sorted((re.escape(w) for w in WORDS), key=len, reverse=True))
_num = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|(?:{_word})(?:[- ](?:{_word}))?)"
_scale = "|".join(sorted(SCALES, key=len, reverse=True))
_unit = "|".join(sorted((re.escape(u) for u in UNITS), key=len, reverse=True))
_qual = "|".join(sorted((re.escape(q) for q in QUALIFIERS), key=len, reverse=True))
# "38 of 46", "four of its six", "Thirty-eight of the council's 46": whose the whole is. A year
# is no whole: "Article 3 of the 1984 Convention", "one of Trump's 2016 rivals".
_ratio = (
    r"(?:out\s+)?of(?:\s+(?:the|its|their|his|her|our|your))?(?:\s+\w+['’]s)?"
    r"(?!\s*(?:19|20)\d\d\b)"
)
_vague = "|".join(sorted((re.escape(v) for v in VAGUE), key=len, reverse=True))
# What each unit of size measures: a conflict over one is named "length in m", "area in
# hectares".
SIZES = {"km": "length", "mile": "length", "nmi": "length", "m": "length", "cm": "length"}
SIZES |= {"mm": "length", "ft": "length", "inch": "length", "kg": "weight", "tonne": "weight"}
SIZES |= {"ha": "area", "km2": "area", "sq mi": "area", "m2": "area", "sq ft": "area"}
SIZES |= {"acre": "area"}
SIZES |= {"m3/s": "flow", "m3": "volume", "litre": "volume", "gallon": "volume"}
# Of those, the units a hyphen joins to the figure before the noun they measure: "the 41-metre
# rocket", "a 150-kg satellite", "a 40-hectare farm", "a 2-litre bottle".
_JOINED_SIZES = frozenset(
    {"km", "mile", "nmi", "m", "cm", "mm", "ft", "inch", "kg", "tonne", "ha", "acre", "litre"}
    | {"gallon", "km2", "sq mi", "m2", "sq ft", "m3"}
)
# "a 10-foot wall"; but "10 foot soldiers" are soldiers, so "foot" is a unit only joined.
_JOINED_ONLY = {"foot": "ft"}
# A unit of several words is joined by hyphens: "a 2,000-square-metre warehouse".
_size = "|".join(
    sorted(
        (
            re.escape(u).replace(r"\ ", "-")
            for u, v in (UNITS | _JOINED_ONLY).items()
            if v in _JOINED_SIZES
        ),
        key=len,
        reverse=True,
    )
)

# An hour of the clock is no figure: "shortly after 4 a.m.", "by 5 pm", "at 7 o'clock" (the
# clock reads times; "4am" is one word already), nor is the first hour of a span of them
# ("between 2 and 4 p.m.", "from 9 to 11.30am").
_hour = r"\s*(?:[ap]\.?m\.?(?!\w)|o['’]clock)"
_hours = rf"{_hour}|\s*(?:and|to|-|–)\s*\d{{1,2}}(?:[:.]\d\d)?{_hour}"

PATTERN = re.compile(
    rf"(?<![\w.,:])(?P<between>(?<=\bbetween ))?(?:(?P<qual>{_qual})\s+)?(?P<cur>[€$£¥])?"
    rf"(?:(?P<vague>{_vague})\b|(?P<num>{_num})(?:[\s-]*(?P<scale>{_scale})|(?P<short>[mk])\b)?"
    rf"(?:\s*(?P<sep>{_ratio}|to|-|–|(?(between)and|(?!)))\s*[€$£¥]?(?P<upper>{_num})"
    rf"(?:\s*(?P<uscale>{_scale}))?)?"
    rf"(?:\s*(?P<unit>{_unit})|-(?P<size>{_size}))?)(?![\w]|[:.]\d|{_hours})",
    re.IGNORECASE,
)


def measured(n: NumberMention) -> str | None:
    """What a figure measures or counts: its unit for money, shares and magnitudes ("a 12%
    fall" and "12 per cent lower" both measure percent), else the noun it counts, else its unit;
    one valuer's valuation measures that valuer's ("EUR valued by harrowmere mutual"); a rate
    measures its thing over its span ("vehicles a day")."""
    thing = n.unit if n.unit in MEASURES else n.counts or n.unit
    if thing and n.per:
        thing = f"{thing} a {n.per}"
    return f"{thing}{VALUED_BY}{n.valued_by}" if thing and n.valued_by else thing


def sized(n: NumberMention) -> str | None:
    """`measured`, save that a size is its unit whatever it is of: "35,000 litres of ammonia"
    and "up to 35,000 litres" both give litres. Two figures alike tie two sentences by it,
    where a conflict keeps "a fall of 40 metres of rock" apart from a depth of 380 metres."""
    return n.unit if n.unit in SIZES and not n.valued_by else measured(n)


# How `measured` names one valuer's figure of a thing.
VALUED_BY = " valued by "


def amount(n: NumberMention) -> str:
    """A number's value as a key: "38", or "38/46" for a ratio ("38 of 46")."""
    return f"{n.value:g}" + (f"/{n.upper:g}" if n.upper is not None else "")


def parse_number(text: str) -> float | None:
    """The value of a number in digits or words ("1,200" → 1200, "thirty-eight" → 38)."""
    text = text.lower().replace(",", "").strip()
    try:
        return float(text)
    except ValueError:
        pass
    total = 0.0
    for part in re.split(r"[- ]", text):
        if part not in WORDS:
            return None
        value = WORDS[part]
        total = total * value if value >= 100 and total else total + value
    return total or None


def find_numbers(
    docs: list[Any], starts: list[int], sentences: list[Sentence], dates: list[tuple[int, int]]
) -> list[NumberMention]:
    """Every number in the parsed paragraphs that is not part of a calendar date."""
    sentence_starts = [s.start for s in sentences]
    found: list[NumberMention] = []
    for doc, base in zip(docs, starts, strict=True):
        for match in PATTERN.finditer(doc_text(doc)):
            start, end = base + match.start(), base + match.end()
            if any(ds <= start < de for ds, de in dates) and not match.group("unit"):
                continue
            sentence = max(bisect_right(sentence_starts, start) - 1, 0)
            mention = _mention(match, doc, sentence, start, end)
            if mention is not None:
                found.append(mention)
    return found


def _mention(
    match: re.Match[str], doc: Any, sentence: int, start: int, end: int
) -> NumberMention | None:
    vague = match.group("vague")
    if vague:
        value: float | None = float(VAGUE[vague.lower()])
    else:
        value = parse_number(match.group("num"))
    if value is None:
        return None
    scale, uscale = match.group("scale"), match.group("uscale")
    unit_text = (match.group("unit") or match.group("size") or "").lower().replace("-", " ")
    if unit_text not in UNITS:
        unit_text = _JOINED_ONLY.get(unit_text, unit_text)  # "10-foot": "ft"
    short = (match.group("short") or "").lower()
    if short == "k":
        scale = "thousand"  # "$85k", "a 5k run"
    elif short == "m" and match.group("cur"):
        scale = "million"  # "€450m": after a currency sign, "m" is millions
    elif short == "m":
        return None  # "2m people" or "a 450m runway": millions or metres, the text can't say
    # "4.6-4.8 billion": a scale after the upper end is the lower end's too.
    if scale or uscale:
        value *= SCALES[(scale or uscale).lower()]
    upper = parse_number(match.group("upper")) if match.group("upper") else None
    if upper is not None and (uscale or scale):
        upper *= SCALES[(uscale or scale).lower()]
    every = bool(_ALL_BEFORE.search(match.string, max(match.start() - 6, 0), match.start()))
    counts, noun = _counted(doc, match.end(), every, UNITS.get(unit_text) in SIZES)
    if counts is None and _OF_THEM.match(match.string, match.end()):
        counts, noun = _of_them(doc, match.start(), match.end())
    if match.group(0).isdigit() and (
        _A_YEAR_AFTER.search(match.string, max(match.start() - 8, 0), match.end())
        or (
            _YEAR.fullmatch(match.group(0))
            and noun is not None
            and noun.tag_ in _ONE
            and not _agrees_as_many(noun)
            and _NAMED_BY_YEAR.search(match.string, max(match.start() - 12, 0), match.start())
        )
    ):
        # "In 2019 MPs rejected the plan": a year, not 2,019 MPs; "the 1997 flood": one flood
        counts, noun = None, None
    size = sized_noun = None
    if match.group("size"):
        # "the 41-metre rocket": the size of a rocket, no count of rockets
        size, sized_noun = _size_and_noun(noun)
        counts, noun = None, None
    if (
        match.group("num")
        and match.group("num").lower() == "one"
        and not (upper or scale or counts)
    ):
        return None  # "one of the largest": a pronoun, not a count
    unit = None
    if match.group("cur"):
        unit = CURRENCIES[match.group("cur")]
    elif unit_text:
        unit = UNITS[unit_text]
    elif _is_magnitude(doc_text(doc), match.start(), match.end()):
        unit = "magnitude"  # "a magnitude 6.1 quake", "a 6.4-magnitude tremor"
    if unit == "magnitude":
        counts = None  # the quake it measures, not a count of quakes
    # The parse's reading of the figure: what kind of value its clause makes it.
    figure = _figure_token(doc, match.start(), match.end())
    toll = False
    if not (counts or unit) and figure is not None:
        counts, noun, toll = _counted_by_subject(figure)
    befell = "killed" if toll else fate(noun) if counts and not unit else None
    if counts is None and _split_vote(match, value, upper):
        counts = "votes"  # "voted seven to two", "was split six to three"
    standing = provisional(figure) if figure is not None else None
    forecast = figure is not None and foreseen(figure)
    if upper is None and _from_level(match.string, match.start()):
        standing = "before"
    whole = share_of(figure) if figure is not None and unit == "percent" and not counts else None
    if unit in SIZES and sized_noun is None and figure is not None:
        size, sized_noun = _size_and_noun(_sized_noun(figure))
        counts = None if size else counts  # "41 metres tall" counts nothing tall
    crowd, crowd_by = read_crowd(figure) if figure is not None and not unit else (False, None)
    money = unit in CURRENCIES.values()
    valuer = valued_by(figure, money) if figure is not None and not crowd else None
    # after "worth", a noun no currency we know is one still: "worth 8.5 million orsins"
    stolen = (
        figure is not None
        and (money or not unit)
        and not valuer
        and stolen_worth(figure, match.start(), match.end())
    )
    qualifier = match.group("qual").lower() if match.group("qual") else None
    per = _per(
        doc_text(doc), noun.idx + len(noun.text) if noun is not None else match.end(), figure
    )
    holder = _held_by(figure) if figure is not None and not befell else None
    if vague:
        qualifier = qualifier or "vague"
    return NumberMention(
        text=match.group(0),
        value=value,
        sentence=sentence,
        start=start,
        end=end,
        upper=upper,
        unit=unit,
        qualifier=qualifier,
        counts=counts,
        fate=befell,
        provisional=standing,
        foreseen=forecast,
        share_of=whole,
        margin=figure is not None and is_margin(figure),
        per=per,
        held_by=holder,
        size_of=size,
        size_noun=sized_noun,
        crowd=crowd,
        crowd_by=crowd_by,
        valued_by=valuer,
        stolen_worth=stolen,
    )


# A rate's span of time, right after its figure or the noun it counts: "31,000 vehicles a
# day", "3 million velts per year", "4 million passengers annually"; not a span that dates
# something ("12 people a day after the storm", "a year ago", "a day or two later").
_PER = re.compile(
    r"\s+(?:(?:a|an|per|each|every)\s+(?P<span>day|night|week|month|year|hour)\b"
    r"(?!\s+(?:ago|after|afterwards|before|beforehand|earlier|later|prior|previously|or|since"
    r"|and\s+a\s+half|to\s+the\s+day)\b)"
    # "a day on repairs" is a rate, "a day on Tuesday" or "a year in 2019" a date
    r"(?!\s+(?:on|in|of|from|into)\s+(?:the\s+)?(?:\d|(?:mon|tues|wednes|thurs|fri|satur|sun)day"
    r"|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|that|this|last|next))"
    r"|(?P<adverb>daily|nightly|weekly|monthly|yearly|annually|hourly)\b)",
    re.IGNORECASE,
)
_ADVERB_SPANS = {"daily": "day", "nightly": "night", "annually": "year"}


def _per(text: str, end: int, figure: Any | None) -> str | None:
    """The span of time a figure is a rate over (`NumberMention.per`): told right after it
    (`_PER`), or by its verb when it is the verb's subject or object: "31,000 vehicles cross
    the bridge every day"."""
    told = _PER.match(text, end)
    if told is None and figure is not None and figure.dep_ in {"nsubj", "dobj", "nsubjpass"}:
        for child in figure.head.children:
            if child.dep_ in {"npadvmod", "advmod"} and child.i > figure.i:
                told = told or _PER.match(text, child.left_edge.idx - 1)
    if told is None:
        return None
    if told.group("span"):
        return told.group("span").lower()
    adverb = told.group("adverb").lower()
    return _ADVERB_SPANS.get(adverb, adverb.removesuffix("ly"))


# Verbs whose subject holds what its object counts: "The airline carried 4.1 million
# passengers", "the plant employs 1,200 people".
_HOLDING = frozenset(
    {"carry", "handle", "have", "employ", "serve", "own", "operate", "hold", "house", "run"}
)
# Kinds of body that hold things, by the nouns that name them. One body goes by many nouns
# ("the council", "the local authority"; "the plane", "the jet"), so only nouns of different
# kinds tell two holders apart: an airline's passengers are not its airport's.
_HOLDER_KINDS = {
    "operator": ("airline", "carrier", "operator", "railway"),
    "site": ("airport", "port", "harbour", "harbor", "station", "hospital", "school", "prison"),
    "government": ("council", "authority", "government", "ministry", "city", "state", "country"),
    "business": ("company", "firm", "group", "business", "bank", "insurer", "retailer", "chain"),
    "union": ("union",),
}
_HOLDER_KIND = {noun: kind for kind, nouns in _HOLDER_KINDS.items() for noun in nouns}


def _held_by(figure: Any) -> str | None:
    """What kind of body holds the things a count counts (`NumberMention.held_by`, by
    `_HOLDER_KINDS`): the noun subject of the verb of holding (`_HOLDING`) it is the object of,
    or the noun a relative clause of it hangs on ("The airport, which handled 6.2 million
    passengers": a site). None for a name or a noun of no kind known ("the plane")."""
    verb = figure.head
    if figure.dep_ != "dobj" or verb.lemma_ not in _HOLDING:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.tag_ in {"WDT", "WP"} and verb.dep_ == "relcl":
        subject = verb.head
    if subject is None or subject.pos_ != "NOUN":
        return None
    return _HOLDER_KIND.get(subject.lemma_.lower())


# Adjectives a length or weight tells the size in: "41 metres tall", "12 tonnes heavy".
_SIZE_WORDS = frozenset({"tall", "long", "high", "wide", "deep", "heavy", "across"})


# A vote split told as a score: "voted seven to two for the cut", "was split six to three".
_VOTING = re.compile(r"\b(?:vot(?:e|ed|es|ing)|split)\b", re.IGNORECASE)


def _split_vote(match: re.Match[str], value: float, upper: float | None) -> bool:
    """Is the figure a vote's split, "N to M" with M the smaller, right after a word of voting?"""
    if upper is None or match.group("sep") != "to" or not upper < value:
        return False
    before = match.string[max(match.start() - 25, 0) : match.start()]
    return _VOTING.search(before) is not None


def _sized_noun(token: Any) -> Any | None:
    """The common noun whose size the length or weight `token` stands for (`_figure_token`):
    the noun the clause tells it of, as subject ("the rocket is 41 metres tall", "the tower,
    which stands 120 metres high") or beside it ("the tower, 120 metres high,"), or, after "At
    N metres,", as what the subject is ("the Selka-4 is the tallest rocket"; not "the air is
    thin")."""
    head = token.head
    if token.dep_ == "npadvmod" and head.lower_ in _SIZE_WORDS and head.dep_ == "amod":
        # "The embankment, 4.5 metres high, was built in 1999"
        return head.head if head.head.pos_ == "NOUN" else None
    if token.dep_ == "npadvmod" and head.lower_ in _SIZE_WORDS and head.dep_ == "acomp":
        verb, said_of = head.head, {"nsubj", "nsubjpass"}
    elif token.dep_ == "pobj" and head.lower_ == "at" and head.dep_ == "prep":
        verb, said_of = head.head, {"attr"}
        if verb.lemma_ != "be":
            return None
    else:
        return None
    for child in verb.children:
        if child.dep_ in said_of:
            if child.tag_ in {"WDT", "WP"} and verb.dep_ == "relcl":
                child = verb.head  # "the tower, which stands ... high"
            return child if child.pos_ == "NOUN" else None
    return None


def _size_and_noun(noun: Any | None) -> tuple[str | None, str | None]:
    """`NumberMention.size_of` and `size_noun` of a size told of `noun`: one known thing's
    (`_the_one`), and any common noun's, whatever its determiner."""
    if noun is None:
        return None, None
    return _the_one(noun), (noun.lemma_.lower() if noun.pos_ == "NOUN" else None)


def _the_one(noun: Any) -> str | None:
    """The lemma of a noun told of as one known thing ("the rocket", "its tower"), else None:
    "a 2-km stretch" is any stretch, and two reports may each tell of one of many."""
    known = any((c.dep_ == "det" and c.lower_ == "the") or c.dep_ == "poss" for c in noun.children)
    return noun.lemma_.lower() if known else None


def share_of(token: Any) -> str | None:
    """What the share `token` stands for (`_figure_token`) is the value of
    (`NumberMention.share_of`): the common noun, with its compounds, that is the subject of
    "be" with the share for attribute, or of a verb of level or change with the share after
    "at" or "to" ("Turnout was 58%", "unemployment stood at 5.2%"). Not a subject narrowed to
    a part ("turnout in the northern districts"), or one that is a person's or a party's
    ("Castellan had 48.2%")."""
    if token.dep_ == "attr" and token.head.lemma_ == "be":
        verb = token.head
    elif token.dep_ == "pobj" and token.head.lower_ in {"at", "to"}:
        verb = token.head.head
        if verb.lemma_ not in _LEVEL_VERBS:
            return None
    else:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or not (subject.pos_ == "NOUN" or _common_at_start(subject)):
        return None
    if subject.lower_ in _VAGUE_WHOLES:
        return None  # "The figure was 5.2%": of what, another sentence says
    if any(
        c.dep_ in {"poss", "relcl", "acl"} or (c.dep_ == "prep" and not _a_date(c))
        for c in subject.children
    ):
        return None  # "turnout in the north", "the party's share": a part, or somebody's
    if not _plainly_so(verb, token) or not _plainly_so(token, token):
        return None
    words = [c for c in subject.lefts if c.dep_ == "compound"] + [subject]
    return " ".join(t.lower_ for t in words)


def is_margin(token: Any) -> bool:
    """Whether the figure `token` stands for is a winning margin (`NumberMention.margin`):
    after "by" under a verb of winning or leading ("beat Brevic by about 12,000 votes", not
    the tally "passed by 230 votes to 180"), before "ahead" or "behind" ("21,000 votes ahead
    of Brevic"), or after "a margin of" or "a lead of"."""
    head = token.head
    if token.dep_ == "npadvmod":
        return head.lower_ in {"ahead", "behind", "clear"}
    if token.dep_ != "pobj":
        return False
    if head.lower_ == "of":
        return head.head.lemma_ in {"margin", "lead", "majority"}
    if head.lower_ == "by" and head.head.lemma_ in _WINNING:
        # "by 230 votes to 180": a tally, not a margin
        return not any(c.dep_ == "prep" and c.lower_ == "to" for c in head.head.children)
    return False


# Verbs whose "by" gives a margin: "won by 12 votes", "leads by five points".
_WINNING = frozenset({"win", "beat", "defeat", "lead", "lose", "trail", "edge", "finish"})


def _figure_token(doc: Any, start_char: int, end_char: int) -> Any | None:
    """The token that stands for the figure at these offsets in the parse: the noun it
    measures ("50" of "50%", "21,000" of "21,000 votes"), else the number."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None or not len(span):
        return None
    token = span.root
    figures = [t for t in span if t.like_num]
    # "An estimated 18,000": the root is a word of its qualifier; "80 km/h." at a sentence's
    # end: the root is its slash
    if figures and (token.i < figures[0].i or token.pos_ in {"PUNCT", "SYM"}):
        token = figures[-1]
    while token.dep_ in {"nummod", "quantmod", "compound"} and token.head.i != token.i:
        token = token.head  # "50" of "50%": the figure is the noun it measures
    return token


def _counted_by_subject(token: Any) -> tuple[str | None, Any, bool]:
    """What a bare number counts when it is the level its subject rose or fell to, its
    noun's token (for its fate: "people killed") and whether it is a death toll: "the death
    toll rose to 17" and "the number of people killed has reached 23" count people killed,
    "the number of people who have fallen ill has risen to 38" people of one kind, "people
    (fall)"."""
    nothing = None, None, False
    subject = _level_of(token)
    if subject is None:
        return nothing
    if subject.lemma_ == "toll":
        # "the (official) death toll (from the quake)"; not a road toll, an "injury toll" or a
        # "death toll of cattle"
        modifiers = {c.lower_ for c in subject.children if c.dep_ in {"compound", "amod"}}
        whose = any(c.dep_ == "prep" and c.lower_ in {"of", "among"} for c in subject.children)
        return ("people", None, True) if "death" in modifiers and not whose else nothing
    if subject.lemma_ not in {"number", "total", "count"}:
        return nothing
    of = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    counted = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
    if counted is None or counted.pos_ != "NOUN":
        return nothing
    # "school children", not the company's name in "Corrant Mobile customers"
    words = [c for c in counted.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"] + [counted]
    named = " ".join(t.lower_ for t in words)
    # The parser may hang the clause on "number", or on a place after the noun ("the number of
    # people in Lindgate who have fallen ill").
    kind = next((t for t in subject.subtree if t.dep_ in {"relcl", "acl"}), None)
    if kind is not None and fate(counted) is None:
        # "the number of people who have fallen ill": people of one kind, "people (fall)",
        # which "Thirty people have recovered" elsewhere does not count
        named = f"{named} ({kind.lemma_})"
    return named, counted, False


def _level_of(token: Any) -> Any | None:
    """The noun whose level the figure `token` stands for: the subject of a verb of change
    ("the death toll rose to 17", "the number of people killed has reached 23"), or the object
    of a verb that brings it there ("bringing the death toll to 17", "raised to 1.3 million
    the number of customers ...", "officials put the death toll at 40"). None when the verb
    is under a modal, a negation or a mark of what may be ("could rise to 50", "if it reaches
    50")."""
    if token.dep_ == "pobj" and token.head.lower_ in {"to", "at"}:
        verb = _beyond_object(token.head.head)
    elif token.dep_ == "dobj":
        verb = token.head
    else:
        return None
    if _may_be(verb):
        return None
    by = token.head.lower_ if token.dep_ == "pobj" else ""
    if verb.lemma_ in _COUNT_CHANGES and by != "at":
        return next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if verb.lemma_ not in _COUNT_SETTERS.get(by, ()):
        return None
    counted = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if counted is None:
        # "raised to 1.3 million the number of customers": the object follows the figure, and
        # the parser misreads the shifted phrase.
        after = token.i + 1
        while after < len(token.doc) and token.doc[after].dep_ == "det":
            after += 1
        counted = token.doc[after] if after < len(token.doc) else None
    return counted if counted is not None and counted.lemma_ in _LEVELS else None


def _beyond_object(word: Any) -> Any:
    """The verb a level's "to" or "at" phrase belongs to, where the parser hung it on the
    object: on its own clause ("raised the number of people killed to 23", "put the number of
    people evacuated at 3,000"), on the object itself ("revised the death toll to 12") or on
    the verb's particle ("revised the toll down to 12")."""
    if word.lower_ in {"up", "down"} and word.dep_ in {"prt", "advmod"}:
        return word.head
    if word.dep_ in {"acl", "relcl"}:
        noun = word.head
        if noun.dep_ == "pobj" and noun.head.lower_ == "of":
            noun = noun.head.head  # "people" of "the number of people evacuated"
        return noun.head if noun.lemma_ in _LEVELS else word
    if word.dep_ == "dobj" and word.lemma_ in _LEVELS:
        return word.head
    return word


def _may_be(verb: Any) -> bool:
    """Whether the clause of `verb` tells what may be, not what is: under a modal, a negation,
    a mark of condition ("if it reaches 50"), or a verb of intent or expectation ("is expected
    to push the toll to 100"), itself or in the clause it hangs on ("could bury more miners,
    bringing the toll to 60"; "will reopen as soon as the number drops to 20"; "expects the
    river to peak at 6.8 metres")."""
    return any(
        verb.lemma_ in _INTENTS
        or any(
            c.dep_ == "neg"
            or (c.dep_ == "mark" and c.lower_ not in _FACT_MARKS)
            or (c.dep_ == "aux" and c.tag_ == "MD")
            for c in verb.children
        )
        for verb in _clauses_up(verb)
    )


def _clauses_up(verb: Any, adverbial: bool = True) -> Iterator[Any]:
    """`verb`, then the verbs its clause hangs on as a complement, an infinitive with its own
    subject ("expects the river to peak") or, when `adverbial`, an adverbial clause ("could
    bury more miners, bringing the toll to 60")."""
    hangs = {"xcomp", "advcl", "advmod"} if adverbial else {"xcomp"}
    while True:
        yield verb
        infinitive = verb.dep_ == "ccomp" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
        )
        if not (verb.dep_ in hangs or infinitive) or verb.head.i == verb.i:
            return
        verb = verb.head


# Verbs whose clause tells a count that is meant or foreseen, not reached.
_INTENTS = frozenset(
    {"expect", "plan", "aim", "intend", "hope", "want", "seek", "try", "threaten", "forecast"}
    | {"predict", "project", "propose", "promise", "pledge", "vow"}
)

# Words opening a clause that still states what it tells: "a day after the company raised to
# 1.3 million the number of customers ..." (not "if", "once", "until": "if it reaches 50").
_FACT_MARKS = frozenset({"after", "as", "because", "since", "while", "though", "although"})

# Nouns of a count's level that a verb raises or puts ("the death toll", "the number of").
_LEVELS = frozenset({"toll", "number", "total", "count"})

# Verbs that bring a count to a level, by the preposition before the level: "bringing the
# death toll to 17", "officials put the number of dead at 40".
_COUNT_SETTERS = {
    "to": frozenset({"bring", "raise", "push", "take", "lift", "drive", "revise", "increase"}),
    "at": frozenset({"put", "place", "estimate", "set"}),
}

# Verbs of a count's change to a new level ("rose to 17", "has reached 23").
_COUNT_CHANGES = frozenset(
    {"rise", "climb", "increase", "jump", "grow", "reach", "hit", "soar", "swell", "top"}
    | {"fall", "drop", "decrease"}
)


def _plainly_so(token: Any, share: Any) -> bool:
    """Whether a share's verb (or the share) states it as it is, for the whole: not as a
    possibility, a condition or a denial ("could rise to 65%", "if turnout is 65%", "was not
    58%"), nor for a part, a place or a time of its own ("was 70% in the capital", "45% among
    women", "38% at 2 p.m."); a day or a source may go with it ("on Saturday", "according to
    the commission")."""
    for child in token.children:
        if child.dep_ in {"neg", "mark"} or (child.dep_ == "aux" and child.tag_ == "MD"):
            return False
        if child.dep_ == "npadvmod" or (
            child.dep_ == "prep"
            and child.lower_ != "according"
            and not child.is_ancestor(share)  # "stood at 5.2%": the share's own
            and not _a_date(child)
        ):
            return False
    return True


def _a_date(phrase: Any) -> bool:
    """Whether a phrase (a token and what hangs on it) gives a day, month or year."""
    return any(t.ent_type_ == "DATE" for t in phrase.subtree)


# Subjects that say nothing of what a share is of.
_VAGUE_WHOLES = frozenset(
    {"figure", "rate", "number", "share", "proportion", "percentage", "level", "total", "result"}
)


def _common_at_start(token: Any) -> bool:
    """Whether a word the model took for a name is a common noun capitalised to open its
    sentence ("Turnout was 61.4%."): WordNet has it, the model types it no organisation or
    group, and the text never writes it capitalised elsewhere ("Bush", "Labour")."""
    return (
        token.is_sent_start
        and not any(c.dep_ in {"compound", "flat"} for c in token.children)
        and token.ent_type_ not in {"ORG", "NORP", "GPE"}
        and token.lower_ in common_nouns()
        and not any(t.text == token.text and not t.is_sent_start for t in token.doc)
    )


# Verbs that give a share's level: "stood at 5.2%", "rose to 3.1%".
# fmt: off
_LEVEL_VERBS = frozenset({
    "stand", "rise", "fall", "climb", "drop", "jump", "increase", "decrease", "ease", "reach",
    "slip", "grow", "sink", "edge", "hit",
})
# fmt: on
# Verbs and adjectives of a bar to clear: "the 50% needed to win", "needs 50% of the vote".
_NEEDED = frozenset({"need", "require", "necessary", "required"})
# A time of day: "by 6 p.m.", "by noon".
_TIME_OF_DAY = re.compile(
    r"^(?:\d{1,2}[:.]\d\d|(?:\d{1,2})?[ap]\.?m\.?|noon|midday|midnight|o'clock)$", re.I
)
# A part of one, "by late morning", of no day named ("by Saturday night", "by last night", "by
# the evening of 12 May"): a report of another day is read against a figure of a day named.
_PART_OF_DAY = re.compile(
    r"^(?:morning|afternoon|evening|night|nightfall|dawn|daybreak|dusk)$", re.I
)
_DAY_NAMED = re.compile(
    r"^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|last|yesterday|tonight|following|next"
    r"|previous|january|february|march|april|may|june|july|august|september|october|november"
    r"|december|\d{1,2})$",
    re.I,
)


# "from" before a figure that is the level a change started at: "to 3.5% from 4%", "from 9 to
# 17", "up from 53%", "down from a peak of 11%".
_FROM = re.compile(r"\bfrom\s+(?:(?:a|an|the|its|their)\s+)?(?:(?:\w+\s+){0,2}of\s+)?$", re.I)
_UP_OR_DOWN = re.compile(r"\b(?:up|down)\s+$", re.I)
_TO_FIGURE = re.compile(r"\bto\s+[€$£¥]?\d", re.I)


def _from_level(text: str, start: int) -> bool:
    """Is the figure at `start` the level a change started at: after "from", with "to" and a
    figure close before or after it, or right after "up from"/"down from"?"""
    before = text[max(start - 40, 0) : start]
    found = _FROM.search(before)
    if found is None:
        return False
    if _UP_OR_DOWN.search(before, 0, found.start()):
        return True
    # "to" and its figure in the same sentence: not "The toll rose from 9 to 17. Flights from 14"
    ahead = re.split(r"[.!?]\s", text[start : start + 40], maxsplit=1)[0]
    behind = re.split(r"[.!?]\s", text[max(start - 60, 0) : start])[-1]
    return _TO_FIGURE.search(behind + ahead) is not None


def provisional(token: Any) -> Literal["needed", "so far", "before", "limit"] | None:
    """Whether the figure `token` stands for (`_figure_token`) is a bar to clear, a limit or a
    count before its end (`NumberMention.provisional`), read from the parse."""
    if _a_limit(token):
        return "limit"
    if any(c.dep_ == "acl" and _by_a_time(c) for c in token.children):
        return "so far"  # "four bodies recovered by 6 a.m."
    while token.dep_ in {"conj", "appos"} and token.head.i != token.i:
        token = token.head  # "had 48.2% and Brevic, ..., 45.1%": the first figure's verb
    if any(c.dep_ in {"acl", "amod"} and c.lemma_ in _NEEDED for c in token.children):
        return "needed"  # "the 50% needed to avoid a runoff"
    verb = _figure_verb(token)
    if token.dep_ in {"dobj", "attr"} and verb.lemma_ in _NEEDED:
        return "needed"  # "a candidate needs 50% of the vote"
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    if verb.dep_ == "advcl" and _opened_by_with(verb):
        return "so far"  # "With 60% of ballots counted": how far the count has come
    if _by_a_time(verb) and not (token.dep_ == "pobj" and token.head.lower_ == "from"):
        # "had reached 47% by 6 p.m."; not where a count came from ("by evening, 4 tonnes of
        # fish had been collected from the 23 kilometres of river")
        return "so far"
    for child in verb.children:
        if child.lower_ == "far" and any(c.lower_ in {"so", "thus"} for c in child.children):
            return "so far"  # "turnout so far is 38%"
        if child.dep_ == "advcl" and _opened_by_with(child):
            return "so far"  # "With 60% of ballots counted, she leads with 48.2%"
    return None


def _by_a_time(verb: Any) -> bool:
    """Whether "by" and a time of day hang on `verb`: "had reached 47% by 6 p.m.", "by late
    morning"; not a part of a day named ("by Saturday night", "by last night", "by the
    evening of 12 May"), nor a doer or a means named for its hour ("killed by a midnight
    blaze", "by the night train")."""
    for by in verb.children:
        if by.dep_ not in {"prep", "agent"} or by.lower_ != "by":
            continue
        for time in (c for c in by.children if c.dep_ == "pobj"):
            said = [time.text] + [c.text for c in time.children if c.dep_ == "advmod"]
            if any(_TIME_OF_DAY.match(w) for w in said):
                return True  # "by 6 p.m.", "by noon", "by 18:00"
            words = [t.text for t in time.subtree]
            if time.lower_ in {"night", "day"} and len(words) == 1:
                continue  # "had travelled by night": how, not until when
            if _PART_OF_DAY.match(time.text) and not any(_DAY_NAMED.match(w) for w in words):
                return True
    return False


def _figure_verb(token: Any) -> Any:
    """The word the figure's phrase hangs on, past its prepositions: "leads" of "leads with
    48.2%", "peak" of "to peak at 6.8 metres"."""
    verb = token.head
    while verb.pos_ == "ADP" and verb.head.i != verb.i:
        verb = verb.head
    return verb


def foreseen(token: Any) -> bool:
    """Whether the figure `token` stands for (`_figure_token`) is told as foreseen or possible:
    in a clause of expecting or forecasting ("expects the Ombra to peak at 6.8 metres"), or a
    change or level under "may", "might" or "could" ("could rise to 50"). Not a plan's figure
    ("will close its 11 restaurants"), which is of what there is, nor what someone could do
    ("could hear 15 people", "could not save 12 homes", "could hold 4 million cubic metres")."""
    verb = _figure_verb(token)
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    chain = list(_clauses_up(verb, adverbial=False))
    return any(v.lemma_ in _FORESEES for v in chain) or any(
        v.lemma_ in _MAY_CHANGE
        and any(c.dep_ == "aux" and c.lower_ in _MAYBE for c in v.children)
        and not any(c.dep_ == "neg" for c in v.children)
        for v in chain
    )


# Verbs of foreseeing; the auxiliaries of what may be; and the verbs of a change or a level
# that they make a forecast of ("could rise to 50", "may reach 7 metres", "might be 300").
_FORESEES = frozenset({"expect", "forecast", "predict", "project", "anticipate"})
_MAYBE = frozenset({"may", "might", "could"})
_MAY_CHANGE = _COUNT_CHANGES | {"peak", "exceed", "total", "cost", "be"}


def _a_limit(token: Any) -> bool:
    """Whether the figure is a limit, not what its thing came to: "the 60 km/h speed limit",
    "a temporary limit of 60 km/h", "the limit is 60 km/h", "the limit was lowered to 40
    tonnes", "capped at 50 people", "may not exceed 110 km/h", "must not go faster than 60
    km/h"."""
    if token.lemma_ in _LIMITS:
        return True
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "of":
        return head.head.lemma_ in _LIMITS
    if token.dep_ == "pobj" and head.lower_ in {"at", "to"}:
        # "limited to 110 km/h", "are capped at 50 people"; not what came of a thing, "the
        # damage was limited to three homes"
        limited = head.head
        changed = _figure_verb(head)  # "from 44 tonnes to 40 tonnes": past "from" to its verb
        if changed.lemma_ in _LIMIT_CHANGES and any(
            c.dep_ in {"nsubj", "nsubjpass"} and c.lemma_ in _LIMITS for c in changed.children
        ):
            return True  # "Its weight limit was lowered from 44 tonnes to 40 tonnes"
        was = any(c.dep_ in {"auxpass", "cop"} and c.tag_ == "VBD" for c in limited.children)
        told_past = was or (limited.head.lemma_ == "be" and limited.head.tag_ == "VBD")
        return limited.lemma_ in _LIMITED and not told_past
    if token.dep_ == "dobj" and head.lemma_ == "exceed":
        return _allowed(head)
    if token.dep_ == "pobj" and head.lower_ == "than" and head.head.tag_ == "RBR":
        return _allowed(head.head.head)
    if token.dep_ == "attr" and head.lemma_ == "be":
        return any(c.dep_ == "nsubj" and c.lemma_ in _LIMITS for c in head.children)
    return False


# Verbs that set a limit to a new level: "the limit was lowered to 40 tonnes"; not "the speed
# limit led to 40 fewer deaths".
# fmt: off
_LIMIT_CHANGES = frozenset({
    "lower", "raise", "cut", "reduce", "increase", "set", "change", "rise", "fall", "drop",
    "lift", "ease", "tighten", "halve", "double", "extend",
})
# fmt: on


def _allowed(verb: Any) -> bool:
    """Whether a verb tells what a rule forbids: "may not exceed", "can't go faster than"; not
    what may have been, or can be ("may have exceeded", "can exceed 300 km/h")."""
    children = list(verb.children)
    return any(c.dep_ == "neg" for c in children) and any(
        c.dep_ == "aux" and c.lemma_ in _MAY for c in children
    )


# Not "maximum" or "minimum": "peaked at a maximum of 6.2 metres" is what a thing came to.
_LIMITS = frozenset({"limit", "cap", "ceiling", "restriction"})
_LIMITED = frozenset({"cap", "limit", "restrict", "capped", "limited", "restricted"})
# What a rule allows, not what was done: "may not exceed", "must not go faster than".
_MAY = frozenset({"may", "must", "can", "cannot", "should", "shall"})


def _opened_by_with(clause: Any) -> bool:
    """Whether a clause opens on "with" ("With 60% of ballots counted"), not one that has a
    "with" after its verb ("after 23 people fell ill with fever")."""
    return any(c.lower_ == "with" and c.i < clause.i for c in clause.children)


_MAGNITUDE_BEFORE = re.compile(r"\bmagnitude[\s-]*$", re.IGNORECASE)
_MAGNITUDE_AFTER = re.compile(r"-magnitude\b", re.IGNORECASE)


def _is_magnitude(text: str, start: int, end: int) -> bool:
    """Is the number at text[start:end] a magnitude ("magnitude 6.1", "6.4-magnitude")?"""
    return bool(
        _MAGNITUDE_BEFORE.search(text, max(0, start - 12), start)
        or _MAGNITUDE_AFTER.match(text, end)
    )


def _whole_of(after: list[Any], k: int, whole: bool) -> bool:
    """Whether word `k` after a number is the determiner of "all 11 of its restaurants"."""
    return whole and k > 0 and after[k - 1].lower_ == "of" and after[k].tag_ in _DETS


# "all 11 of its restaurants": the number before "of" is all there is.
_ALL_BEFORE = re.compile(r"\ball\s+$", re.IGNORECASE)
_OF_THEM = re.compile(r"\s+of\s+(?:them|those|these)\b", re.IGNORECASE)


def _of_them(doc: Any, start_char: int, end_char: int) -> tuple[str | None, Any]:
    """What "11 of them" counts when its clause tells what befell them: the noun of people
    something befell that its sentence counted last before it ("Fourteen people, including
    three children, were injured, and 11 of them were taken to hospital" → "people"), and the
    figure's own token, for its fate. Nothing when no such count comes before, or for a part
    told of no fate ("charged 12 of them"): a part of a count is no count of its own."""
    figure = _figure_token(doc, start_char, end_char)
    if figure is None or fate(figure) is None:
        return None, None
    counted = [
        t
        for t in figure.sent
        if t.i < figure.i
        and t.tag_ == "NNS"
        and any(c.like_num for c in t.children)
        and fate(t) is not None  # those something befell, not "including three children"
    ]
    return (counted[-1].lower_, figure) if counted else (None, None)


# A determiner or possessive after "of" in "all 11 of its restaurants".
_DETS = frozenset({"DT", "PRP$"})


# A figure written as a year after a determiner or a possessive, before a noun that is one
# thing: a year that names it ("the 1997 flood", "its 2023 fine"), where "laid off 2000 staff"
# counts staff.
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_ONE = frozenset({"NN", "NNP"})
_NAMED_BY_YEAR = re.compile(r"\b(?:the|a|an|its|their|his|her|our|this|that|\w+['’]s)\s+$", re.I)


def _agrees_as_many(noun: Any) -> bool:
    """Whether a noun is the subject of a plural verb: "the carrier's 1850 crew were
    evacuated" counts a crew of many."""
    if noun.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    verb = noun.head
    told = [verb, *(c for c in verb.children if c.dep_ in {"aux", "auxpass"})]
    return any(t.tag_ == "VBP" or t.lower_ in {"were", "are", "have"} for t in told)


# A year after a preposition of time, right where a figure ends: "In 2019 MPs", "since 2021".
_A_YEAR_AFTER = re.compile(
    r"\b(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Bb]efore|[Aa]fter|[Ff]rom)\s+(?:19|20)\d\d$"
)


# A plural of initials is a common noun ("31 MPs", "40 NGOs"), where a capitalised word is a name.
_PLURAL_INITIALS = re.compile(r"[A-Z]{2,}s")


def _counted(
    doc: Any, end_char: int, whole: bool = False, size: bool = False
) -> tuple[str | None, Any]:
    """The noun after a number ("38 of 46 drones launched" → "drones"), with the nouns that
    make a compound of it ("an 8% pay rise" → "pay rise"; "400 school children"), and its
    last word's token (None when it counts no noun). After "all", the number is the whole its
    "of" names ("all 11 of its restaurants" → "restaurants"), where "11 of the restaurants"
    is a part of them and counts nothing. A `size` is of the thing its "of" names, with its
    determiner: "40 metres of the tunnel" → "tunnel"."""
    span = doc.char_span(end_char, len(doc_text(doc)), alignment_mode="expand")
    after = list(span[:5]) if span is not None else []
    after = [t for t in after if t.idx >= end_char]
    words: list[Any] = []
    for k, token in enumerate(after):
        if token.pos_ in {"ADJ", "NOUN", "PROPN"} and token.text[:1].isalpha():
            words.append(token)
            if token.pos_ == "NOUN" and not (token.dep_ == "compound" and token.head.i > token.i):
                break
        elif words or not (
            token.text.lower() in {"of", "more"}
            or _whole_of(after, k, whole)
            or (size and token.pos_ == "DET" and k > 0 and after[k - 1].lower_ == "of")
        ):
            break
    if not words or (
        words[-1].text[0].isupper() and not _PLURAL_INITIALS.fullmatch(words[-1].text)
    ):
        return None, None
    if words[-1].pos_ == "ADJ" and (
        words[-1].tag_ in {"JJR", "JJS"} or words[-1].lower_ in _SIZE_WORDS
    ):
        return None, None  # "closed 0.9% lower", "41 metres tall": no thing counted
    if whole and after[0].lower_ == "of" and words[-1].dep_ != "pobj":
        return None, None  # "all 14 of the company's restaurants", "all 5 of the top 10 teams"
    return " ".join(t.text for t in words).lower(), words[-1]
