"""Dates: explicit dates, weekdays, months, seasons, quarters and relative phrases, resolved
against the publication date.

"on Wednesday" resolves to the nearest Wednesday on the side its verb points to (past tense:
the one before publication; future or present: the one after), and "starting on Thursday" or
"from Monday onwards" to the one after; "this week" to the Monday–Sunday range of publication;
"later today" to the publication day.

A month, season, quarter or half without a year ("in March", "by the end of June", "the
second quarter") is the one of the year its clause names ("Last year, sales fell in March"),
else the one its tense points to: the latest to have begun by publication in a past tense, the
first not yet over in a future one. Its two readings are a year apart, so a tense that does
not plainly say ("the one sign is a report in September"), a sentence of every year, or
another year in the sentence leaves it unresolved unless both readings agree: a wrong date on
a timeline is worse than none. "Last autumn" and "this spring" are read from the publication
date; "early", "mid" and "late" are a month's or a year's thirds.

Without a publication date a relative phrase stays unresolved and is marked `relative=True`
with no anchor. What the tense of a phrase's clause says is read in `tense.py`.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from newsweave.analyze.nlp import doc_text
from newsweave.analyze.numbers import WORDS
from newsweave.analyze.tense import (
    aspect_of,
    is_future,
    is_hypothetical,
    looks_ahead,
    opens_ahead,
    read_as_noun,
)
from newsweave.models import DateMention, Sentence

Span = tuple[date, date]

WEEKDAYS = [d.lower() for d in calendar.day_name]
MONTHS = [m.lower() for m in calendar.month_name if m]
# Meteorological seasons of the northern hemisphere: first and last month; winter runs on into
# the next year.
SEASONS = {
    "spring": (3, 5),
    "summer": (6, 8),
    "autumn": (9, 11),
    "fall": (9, 11),
    "winter": (12, 2),
}
SHIFTS = {"last": -1, "this": 0, "next": 1}
# "a year ago", "five days ago"
COUNTS = {"a": 1} | {word: n for word, n in WORDS.items() if 1 <= n <= 10}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4}

_full_month = "|".join(m.capitalize() for m in MONTHS)
_month = _full_month + "|" + "|".join(m.capitalize() + r"\.?" for m in (x[:3] for x in MONTHS))
_weekday_names = "|".join(d.capitalize() for d in WEEKDAYS)
_year = r"(?:19|20)\d\d"
_count = "|".join(COUNTS) + r"|\d{1,2}"
# A bare month is a date only after one of these ("in May", "by the end of June"): alone, "May"
# may be the verb or a name, "March" the walk.
_lead = r"(?i:in|by|until|till|since|from|before|after|through|throughout|during|between|at)"
_part = r"(?i:the\s+(?:end|start|beginning|middle)\s+of\s+|(?:early|late|mid)[\s-]+|end-)"
# After a bare month: no day or year (other forms read those), no name ("April Ryan"), no
# possessive ("May's government"). A figure after a comma opens the next clause ("closed in late
# October, 88% of those who voted ...").
_month_end = r"(?![\w’']|\s+\d|,\s*(?:19|20)\d\d\b|\s+[A-Z][a-z])"
_season = "|".join(s for s in SEASONS if s != "fall")
# The words before "the fall" that make it a season, a stretch of time ("in the fall", "by the
# fall"); after others it is a falling ("dust from the fall", "after the fall"), unless a noun
# of the season follows ("after the fall elections").
_FALL_LEADS = frozenset({"in", "during", "by", "until", "till", "through", "throughout"})
# What befalls people in a falling, not in a season.
_HURT = frozenset(
    {"kill", "die", "injure", "hurt", "break", "fracture", "wound", "bruise", "crush", "survive"}
)
_FALL_NOUNS = re.compile(
    r"\s+(?:elections?|semester|term|break|season|session|campaign|schedule|classes|sitting)\b",
    re.IGNORECASE,
)
# "Fall" is the season only where it is not the noun or verb of falling ("this fall in prices").
_fall = (
    r"fall(?!\s+(?:in|of|on|from|to|by|at|and|for|back|below|above|is|was|has|had|will|would)\b)"
)

PATTERN = re.compile(
    rf"\b(?:"
    rf"(?P<md>(?P<md_month>{_month})\s+(?P<md_day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<md_year>\d{{4}}))?)"
    rf"|(?P<dm>(?P<dm_day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<dm_month>{_month})(?:,?\s+(?P<dm_year>\d{{4}}))?)"
    rf"|(?P<my>(?P<my_month>{_month})\s+(?P<my_year>\d{{4}}))"
    rf"|(?P<mp>(?P<mp_part>{_part})(?P<mp_month>{_full_month}),?\s+(?P<mp_year>{_year}))"
    rf"|(?P<mo>(?:(?P<mo_lead>{_lead})\s+(?P<mo_part>{_part})?|(?P<mo_part2>{_part}))"
    rf"(?P<mo_month>{_full_month})(?:\s*(?P<mo_sep>and|to|through|until|-|–)\s*(?P<mo_to>{_full_month})"
    rf"(?:,?\s+(?P<mo_year>{_year})\b|{_month_end})|{_month_end}))"
    rf"|(?<!Super\s)(?P<weekday>(?:(?i:last|next|this|on|since|by|until)\s+)?(?P<wd>{_weekday_names})(?:\s+(?P<part>morning|afternoon|evening|night))?(?:\s+(?P<wd_week>last|this|next)\s+week)?)"
    rf"|(?P<season>(?:(?P<s_which>(?i:last|this|next))|(?P<s_lead>{_lead})(?:\s+the)?)\s+(?P<s_name>{_season}|{_fall})(?!\s+(?:of\s+)?\d)"
    rf"|(?:the\s+)?(?P<s_name2>{_season})\s+(?:of\s+)?(?P<s_year>{_year}))"
    rf"|(?P<quarter>(?:{_lead}\s+)?(?i:the)\s+(?:(?P<q_ord>first|second|third|fourth)|(?P<q_final>final|last))\s+quarter"
    rf"(?:\s+of\s+(?:(?P<q_year>{_year})|(?P<q_which>the|this|last|next)\s+year))?(?(q_final)(?<=year|\d\d\d\d))(?![\w-])"
    rf"|Q(?P<q_num>[1-4])\s+(?:of\s+)?(?P<q_year2>{_year}))"
    rf"|(?P<half>(?:{_lead}\s+)?(?i:the)\s+(?P<h_ord>first|second)\s+half\s+of\s+(?:(?P<h_year>{_year})|(?P<h_which>the|this|last|next)\s+year)"
    rf"|H(?P<h_num>[12])\s+(?P<h_year2>{_year}))"
    rf"|(?P<rel>(?:later|earlier)\s+today|today|tonight|yesterday|tomorrow|overnight"
    rf"|(?:(?i:by|before|until|at)\s+)?(?i:the)\s+end\s+of\s+(?:the|this|next|last)\s+(?:week|month|year)"
    rf"|(?i:later|earlier)\s+this\s+(?:week|month|year)"
    # "over the next year", "in the last week": a stretch of time counted from now, no date
    rf"|(?<![Tt]he\s)(?i:this|last|next)\s+(?:week|month|year|weekend)|within\s+(?:days|weeks|months|hours)"
    rf"|(?<!-)(?i:{_count})\s+(?:days?|weeks?|months?|years?)\s+ago)"
    rf"|(?P<yp>(?:{_lead}\s+)?(?P<yp_part>{_part})(?:(?P<yp_year>{_year})|(?P<yp_which>(?i:last|this|next))\s+year))"
    rf"|(?P<decade>(?i:the)\s+(?P<dec>(?:1[89]|20)\d0)s)"
    rf"|(?P<year>(?i:in|since|by|until|from)\s+(?P<yy>(?:19|20)\d{{2}}))"
    rf")\b",
)
# The pattern's groups that hold a year of the phrase's own.
_YEAR_GROUPS = (
    "md_year dm_year my_year yy mp_year mo_year s_year q_year q_year2 h_year h_year2 yp_year"
)

# A sentence of what happens every year ("the first snow usually falls in late October") or of a
# game ("scored in the third quarter") names no one month, season or quarter.
_HABITUAL = re.compile(
    r"\b(?:usually|typically|normally|generally|traditionally|often|always"
    r"|(?:every|each)\s+(?:year|spring|summer|autumn|fall|winter)"
    r"|score[sd]?|scoring|touchdowns?|quarterback|innings|half-?time|overtime|trail(?:ed|ing))\b",
    re.I,
)
# A year standing alone in a sentence ("the 2019 season"), not a figure ("2,000", "$2000").
_BARE_YEAR = re.compile(r"(?<![\d.,$€£])\b(?:19|20)\d\d\b(?![.,]?\d)")
# Years the text does not count: "many years ago", "decades earlier".
_YEARS_AGO = re.compile(r"\b(?:years|decades)\s+(?:ago|earlier|before|later)\b", re.I)
# A month name that is a name or the subject of its own clause ("since May took office").
_NOT_A_MONTH_DEPS = frozenset(["nsubj", "nsubjpass", "compound", "poss", "appos"])


# A phrase that names one day ("on Friday", "August 6", "6 August"), not a stretch ("this week",
# "in August").
_NAMES_A_DAY = re.compile(
    rf"\b(?:{_weekday_names})\b|\b(?:{_full_month})\s+\d{{1,2}}\b|\d(?:st|nd|rd|th)?\s+(?:{_full_month})\b"
)
_ON = re.compile(r"^on\s+")


def day_of(mention: DateMention) -> str | None:
    """The day a date phrase names, as a key two articles can share: the resolved date when
    known, else the phrase ("friday", "august 6"); None for a stretch such as "this week"."""
    if not _NAMES_A_DAY.search(mention.text):
        return None
    if mention.resolved:
        if mention.resolved_end and mention.resolved_end != mention.resolved:
            return None  # "in August 2026" is a stretch, not a day
        return mention.resolved.isoformat()
    return _ON.sub("", mention.text.lower())


@dataclass(frozen=True)
class Clause:
    """What a date phrase's clause says of its place in time.

    `future`: a weekday or a month-day looks ahead (a present tense does: "flies on Friday").
    `ahead`: a month, season or quarter without a year looks ahead (True) or back (False);
    None where the clause does not plainly say (`looks_ahead`). `habitual`: the sentence
    tells of what happens every year. `year`: the year a phrase for a whole year names for
    the same verb ("Last year, sales fell in March"). `years`: every year the sentence names
    in its other date phrases or alone ("the 2019 season"), 0 for one the text does not
    give ("eight years ago"); a month the tense would place in another year is not read.
    """

    future: bool
    ahead: bool | None = None
    nearest: bool = False
    """A month-day that may lie on either side of publication: in a modal perfect ("would have
    been held on 31 October") or set as a plan's day ("pencilled in for 31 October")."""
    habitual: bool = False
    year: int | None = None
    years: frozenset[int] = frozenset()


# How far after publication a month-day told in the past tense may fall and still be this year's.
DAYS_AHEAD_IN_THE_PAST = timedelta(days=10)


def find_dates(
    docs: list[Any], starts: list[int], sentences: list[Sentence], anchor: date | None
) -> list[DateMention]:
    """Every date phrase, resolved against `anchor` (the publication date) when given."""
    sentence_starts = [s.start for s in sentences]
    found: list[DateMention] = []
    for doc, base in zip(docs, starts, strict=True):
        text = doc_text(doc)
        matches = [m for m in PATTERN.finditer(text) if not m.group("mo") or _a_month(doc, m)]
        matches = _without_weekdays_of_dates(text, matches)
        verbs = [_governing_verb(doc, m.start()) for m in matches]
        kept = [k for k, m in enumerate(matches) if not _a_falling(m, verbs[k])]
        matches, verbs = [matches[k] for k in kept], [verbs[k] for k in kept]
        at = [max(bisect_right(sentence_starts, base + m.start()) - 1, 0) for m in matches]
        named = [_years_named(m, anchor) for m in matches]
        for k, (match, sentence_index, verb) in enumerate(zip(matches, at, verbs, strict=True)):
            said = sentences[sentence_index].text if sentences else ""
            # The other date phrases of the sentence: the years they name, the verbs they date.
            beside = [j for j in range(len(matches)) if j != k and at[j] == sentence_index]
            opens = _opens_ahead(doc, match, verb)
            # "a first cut in September", "a projection of 2.7% in June": the noun's time, of
            # which the verb's tense says little (`_of_a_noun`)
            nouns = not opens and _of_a_noun(doc, match, verb)
            clause = Clause(
                future=opens or is_future(verb, match.start()),
                nearest=nouns or is_hypothetical(verb) or _set_for(text, match.start()),
                ahead=True if opens else None if nouns else looks_ahead(verb, match.start()),
                habitual=bool(_HABITUAL.search(said)),
                year=None
                if nouns
                else _year_of(verb, [(verbs[j], matches[j], named[j]) for j in beside]),
                years=_bare_years(said).union(*(named[j] for j in beside)),
            )
            resolved, resolved_end, relative = _resolve(match, anchor, clause)
            found.append(
                DateMention(
                    text=match.group(0),
                    sentence=sentence_index,
                    start=base + match.start(),
                    end=base + match.end(),
                    resolved=resolved,
                    resolved_end=resolved_end,
                    relative=relative,
                    anchor=anchor if relative and anchor else None,
                    aspect=aspect_of(verb),
                    verb=_nominal(doc, match) or _lemma(verb),
                    main=_main_clause(verb),
                    happening=_happening(verb),
                )
            )
    return _ends_after_start(found)


def _main_clause(verb: Any) -> bool:
    """Whether `verb` heads the sentence's own clause (`DateMention.main`): the root, what
    completes it ("is due to visit on Friday"), or the clause a root of saying or foreseeing
    reports (`_REPORTING`: "will travel to Brantholm later on Saturday, his ministry said",
    "expects the Ombra to peak at 6.8 metres on Friday")."""
    if verb is None:
        return False
    while verb.dep_ in {"xcomp", "acomp"} and verb.head.i != verb.i:
        verb = verb.head  # "is due to visit on Friday", "plans to travel on Friday"
    if verb.dep_ == "ROOT":
        return True
    head = verb.head
    return (
        verb.dep_ in {"ccomp", "parataxis"}
        and head.dep_ == "ROOT"
        and head.lemma_.lower() in _REPORTING
    )


def _without_weekdays_of_dates(text: str, matches: list[re.Match[str]]) -> list[re.Match[str]]:
    """A weekday that only names the day of the date right after it ("on the same evening,
    Saturday 30 May") is no date of its own: alone it would be read as the Saturday before
    publication."""
    kept = []
    for match, after in zip(matches, [*matches[1:], None], strict=False):
        weekday_of_date = (
            match.group("weekday")
            and not match.group("wd_week")
            and after is not None
            and (after.group("md") or after.group("dm"))
            and _WEEKDAY_GAP.fullmatch(text, match.end(), after.start())
        )
        if not weekday_of_date:
            kept.append(match)
    return kept


# Between a weekday and its date: "Saturday 30 May", "Saturday, May 30", "Saturday the 30th".
_WEEKDAY_GAP = re.compile(r",?\s+(?:the\s+)?")


# "for" right before a month-day: the day something is set for.
_FOR = re.compile(r"\bfor\s+$")
# "on" right before a month-day: the day something happened on.
_ON_BEFORE = re.compile(r"\bon\s+$", re.IGNORECASE)


def _set_for(text: str, start: int) -> bool:
    return bool(_FOR.search(text, max(start - 8, 0), start))


_UNTIL = re.compile(r"(?:until|till)\s", re.IGNORECASE)


def _ends_after_start(found: list[DateMention]) -> list[DateMention]:
    """Each "until" a weekday moved to the first such day after the day its sentence starts
    from: "the walkout will begin at midnight on Sunday and last five days, until Friday",
    published on a Thursday, ends on the Friday after that Sunday, not the next day."""
    moved = []
    for d in found:
        if _UNTIL.match(d.text) and d.resolved is not None and d.resolved_end is None:
            start = max(
                (
                    o.resolved
                    for o in found
                    if o.sentence == d.sentence and o.start < d.start and o.resolved is not None
                ),
                default=d.resolved,
            )
            if d.resolved < start:
                weeks = (start - d.resolved).days // 7 + 1
                d = d.model_copy(update={"resolved": d.resolved + timedelta(weeks=weeks)})
        moved.append(d)
    return moved


def _a_falling(match: re.Match[str], verb: Any | None) -> bool:
    """Whether a season read as "fall" is the noun of falling: after a word other than
    `_FALL_LEADS` ("dust and fumes from the fall"; not "after the fall elections"), or where
    someone was hurt ("Two miners were killed in the fall"); not "in the fall" or "this
    fall"."""
    if (match.group("s_name") or "").lower() != "fall":
        return False
    lead = match.group("s_lead")
    after_a_lead = (
        lead is not None
        and lead.lower() not in _FALL_LEADS
        and not _FALL_NOUNS.match(match.string, match.end())
    )
    return after_a_lead or (verb is not None and verb.lemma_.lower() in _HURT)


def _years_named(match: re.Match[str], anchor: date | None) -> set[int]:
    """The years a phrase names: its own ("in 2012", "autumn 2025"), the anchor's ("last
    year", "later this year", "two years ago"), 0 for one or more the text does not give
    ("the 1990s"); none for a phrase inside a year it does not name ("in March")."""
    g = match.group
    for name in _YEAR_GROUPS.split():
        if g(name):
            return {int(g(name))}
    if g("decade"):
        return {0}
    which = (g("yp_which") or g("q_which") or g("h_which") or "").lower()
    words = (g("rel") or "").lower().split()
    if words[-1:] == ["ago"] and words[-2].startswith("year") and anchor:  # "two years ago"
        return {anchor.year - _count_of(words[0])}
    if words[-1:] == ["year"]:  # "last year", "earlier this year", "by the end of the year"
        which = next((w for w in words if w in SHIFTS), "this")
    if which in SHIFTS:
        return {anchor.year + SHIFTS[which]} if anchor else {0}
    return set()


def _bare_years(sentence: str) -> frozenset[int]:
    """The years a sentence names outside date phrases too: "played in the 2019 season until
    June" is no June of the publication's year, nor is "decades ago ... in June" (0)."""
    years = frozenset(int(y) for y in _BARE_YEAR.findall(sentence))
    return years | {0} if _YEARS_AGO.search(sentence) else years


def _year_of(
    verb: Any | None, beside: list[tuple[Any | None, re.Match[str], set[int]]]
) -> int | None:
    """The one year that phrases for a whole year ("in 2012", "last year", "two years ago")
    name for `verb`."""
    years = {
        year
        for other, match, named in beside
        if verb is not None and other is not None and other.i == verb.i
        if match.group("year") or match.group("rel")
        for year in named
    }
    return years.pop() if len(years) == 1 and 0 not in years else None


def _a_month(doc: Any, match: re.Match[str]) -> bool:
    """Is this bare month name the month, not a person ("by May and her cabinet") or the
    subject of a clause ("since May took office")?"""
    token = _token_at(doc, match.start("mo_month"))
    lead = _token_at(doc, match.start("mo_lead")) if match.group("mo_lead") else None
    if token is None:
        return True
    return not (
        token.ent_type_ == "PERSON"
        or token.dep_ in _NOT_A_MONTH_DEPS
        or token.tag_ == "MD"
        or (lead is not None and lead.dep_ == "agent")
    )


def _token_at(doc: Any, offset: int) -> Any | None:
    span = doc.char_span(offset, min(offset + 1, len(doc_text(doc))), alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _governing_verb(doc: Any, offset: int) -> Any | None:
    """The verb whose clause the phrase at this offset dates (or the root it climbs to)."""
    token = _token_at(doc, offset)
    if token is None:
        return None
    verb = token.head
    # Compare indices: spaCy hands out a new Token object on every `.head`.
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i and not read_as_noun(verb):
        verb = verb.head
    return verb


def _lemma(verb: Any | None) -> str | None:
    """A verb's lemma with its particle ("break out") or verdict ("find guilty"); None for no
    verb."""
    if verb is None:
        return None
    if read_as_noun(verb):  # "The ferry sails on Friday"
        return str(verb.lemma_.lower())
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    # A verdict: "was found guilty", "found him not guilty".
    for c in verb.children:
        if c.lower_ == "guilty" and c.dep_ in {"oprd", "acomp", "ccomp"}:
            particles += [*(n.lower_ for n in c.children if n.dep_ == "neg"), "guilty"]
    return " ".join([verb.lemma_.lower(), *particles])


# Words that tell a happening as another of its kind: "a second fire broke out on Friday".
_ANOTHER = frozenset(
    {"another", "first", "second", "third", "fourth", "fifth", "final", "new", "fresh"}
    | {"further", "separate", "similar", "earlier", "previous", "last", "latest", "other", "next"}
)


# Nouns of a happening that befalls one person once, and their verbs: a date phrase right after
# one, or a day's possessive before it, dates that happening, whatever verb the parser hangs it
# on ("The crisis followed the resignation late on Monday of the minister": "followed").
_NOMINALS = {
    "resignation": "resign",
    "death": "die",
    "concession": "concede",
    "conviction": "convict",
    "acquittal": "acquit",
}
_NOMINAL_BEFORE = re.compile(
    rf"\b(?P<noun>{'|'.join(_NOMINALS)})(?:\s+(?:late|early))?\s+$", re.IGNORECASE
)
_NOMINAL_AFTER = re.compile(rf"['’]s\s+(?P<noun>{'|'.join(_NOMINALS)})\b", re.IGNORECASE)


def _nominal(doc: Any, match: re.Match[str]) -> str | None:
    """The verb of the happening a noun names that the date phrase dates: "the resignation
    late on Monday", "Monday's resignation"; None for none, or for a noun that another deed is
    done to ("demanded the resignation on Monday", "mourned the death on Friday")."""
    text = doc_text(doc)
    named = _NOMINAL_BEFORE.search(text, max(match.start() - 24, 0), match.start())
    named = named or _NOMINAL_AFTER.match(text, match.end())
    if named is None or (noun := _token_at(doc, named.start("noun"))) is None:
        return None
    return _NOMINALS[named["noun"].lower()] if _its_own(noun) else None


# Verbs of what came after a happening: "The crisis followed the resignation on Monday".
_SEQUELS = frozenset({"follow", "trigger", "prompt", "spark", "precede"})


def _its_own(noun: Any) -> bool:
    """Whether a noun of a happening is told as that happening, not as what another deed is
    done to: the subject ("His resignation on Monday shocked the party"), what a sequel
    follows, or the time of another ("after the resignation on Monday")."""
    if noun.dep_ in {"nsubj", "nsubjpass"}:
        return True
    if noun.dep_ == "dobj":
        return noun.head.lemma_.lower() in _SEQUELS
    return noun.dep_ == "pobj" and noun.head.lower_ in {"after", "before", "following", "since"}


def _happening(verb: Any | None) -> str | None:
    """The lemma, with its compounds, of the singular common noun whose own happening an
    active verb with no object tells ("the fire, which started ...", through the relative
    pronoun to its noun), unless it is told as another of its kind (`_ANOTHER`, "again")."""
    if verb is None or any(c.dep_ in {"dobj", "nsubjpass"} for c in verb.children):
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects or any(c.lower_ == "again" for c in verb.children):
        return None
    noun = subjects[0]
    if noun.tag_ in {"WDT", "WP"} and verb.dep_ == "relcl":
        noun = verb.head
    if noun.tag_ != "NN" or any(c.lower_ in _ANOTHER for c in noun.children):
        return None
    compounds = [c.lemma_.lower() for c in noun.children if c.dep_ == "compound"]
    return " ".join([*compounds, noun.lemma_.lower()])


def _opens_ahead(doc: Any, match: re.Match[str], verb: Any | None) -> bool:
    """Does a weekday, month-day or month phrase open a stretch still to come (`opens_ahead`),
    or name the day a forecast or a plan is for (`_PROSPECTS`)?"""
    g = match.group
    if not (g("weekday") or g("md") or g("dm") or g("mo")):
        return False
    if _DUE.search(doc_text(doc), max(match.start() - 12, 0), match.start()):
        return True
    if not g("mo") and _prospect_for(doc, match.end() - 1) and not _past_of_its_own(verb):
        return True
    return opens_ahead(doc_text(doc), match.start(), match.end(), verb, month=bool(g("mo")))


# Nouns that look ahead to the day they are "for": "said the forecast for Wednesday gave a 70%
# chance" is told in the past of "said", and its Wednesday is still to come. So does "due"
# (`_DUE`): "the next decision, due on 29 October".
_PROSPECTS = frozenset(["forecast", "outlook", "prediction", "deadline", "plan", "schedule"])


_DUE = re.compile(r"\bdue\s+(?:on|in|by)?\s*$", re.IGNORECASE)


def _prospect_for(doc: Any, offset: int) -> bool:
    token = _token_at(doc, offset)
    return (
        token is not None
        and token.dep_ == "pobj"
        and token.head.lower_ == "for"
        and token.head.head.lemma_.lower() in _PROSPECTS
    )


def _past_of_its_own(verb: Any | None) -> bool:
    """Is the clause told in a past of its own ("the forecast for Saturday had been wrong",
    "proved accurate"), not only in the past of a verb that reports it ("said the forecast
    for Wednesday gave a 70% chance")?"""
    if verb is None:
        return False
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    if "had" in auxiliaries:
        return True
    past = verb.tag_ == "VBD" or bool(auxiliaries & {"was", "were", "did"})
    return past and not _reported(verb)


# Verbs that report what another clause says: in "said a first cut in September was now the
# most likely outcome", "was" is said in the past of "said", not of the cut.
_REPORTING = frozenset(["say", "tell", "add", "think", "believe", "expect", "predict", "warn"])


def _reported(verb: Any) -> bool:
    """Is `verb` the verb of a clause another verb reports ("said ... was")?"""
    return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in _REPORTING


def _of_a_noun(doc: Any, match: re.Match[str], verb: Any | None) -> bool:
    """Does a month or month-day phrase give the time of a noun ("a first cut in September",
    "a projection of 2.7% in June") in a clause whose verb does not place it: not a future
    auxiliary ("the election in November will be close"), nor a past tense of its own ("the
    fire in March destroyed 20 homes"), only a past reported ("said ... was") or none? Such a
    phrase is read as its nearest occurrence."""
    g = match.group
    if not (g("mo") or g("md") or g("dm")) or verb is None:
        return False
    token = _token_at(doc, match.end() - 1)
    if token is None or token.dep_ != "pobj" or token.head.dep_ != "prep":
        return False
    if token.head.head.pos_ not in {"NOUN", "PROPN"}:
        return False
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    if auxiliaries & {"will", "'ll", "shall", "wo"}:
        return False
    past = verb.tag_ == "VBD" or bool(auxiliaries & {"had", "was", "were", "did"})
    # A reported "was" may be a present told in the past; "had destroyed" is past all the same.
    return not past or (_reported(verb) and verb.lemma_ == "be" and not auxiliaries)


def _resolve(
    match: re.Match[str], anchor: date | None, clause: Clause
) -> tuple[date | None, date | None, bool]:
    """The first and last day a phrase names (the last None for one day), and whether it is
    relative, as its clause places it (`Clause`)."""
    g = match.group
    if g("md") or g("dm"):
        month = _month_number(g("md_month") or g("dm_month"))
        day = int(g("md_day") or g("dm_day"))
        year_text = g("md_year") or g("dm_year")
        if year_text:
            return _safe(int(year_text), month, day), None, False
        if anchor is None:
            return None, None, True
        guess = _safe(anchor.year, month, day)
        # A month-day after publication in a past-tense clause belongs to the previous year,
        # unless it is only days away: "carried use-by dates as late as 14 March", told on 12
        # March, is this year's (a day last year would be given with its year).
        before = _safe(anchor.year - 1, month, day)
        nearer = clause.nearest and before and guess and guess - anchor < anchor - before
        # ... but not a day something happened on ("the fire broke out on 15 March").
        on_day = bool(_ON_BEFORE.search(match.string, max(match.start() - 8, 0), match.start()))
        soon = guess and guess - anchor <= DAYS_AHEAD_IN_THE_PAST and not on_day
        if guess and guess > anchor and not clause.future and not nearer and not soon:
            guess = before
        return guess, None, True
    if g("my"):
        month, year = _month_number(g("my_month")), int(g("my_year"))
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]), False
    if g("year"):
        year = int(g("yy"))
        return date(year, 1, 1), date(year, 12, 31), False
    if g("mp") or g("mo") or g("season") or g("quarter") or g("half") or g("yp") or g("decade"):
        return _stretch(match, anchor, clause)
    if anchor is None:
        return None, None, True
    if g("weekday"):
        target = WEEKDAYS.index(g("wd").lower())
        if g("wd_week"):  # "on Tuesday last week": that week's Tuesday
            monday = _period("week", SHIFTS[g("wd_week")], anchor)[0]
            return monday + timedelta(days=target), None, True
        return _weekday(g("weekday").lower(), target, anchor, clause.future), None, True
    return (*_relative(g("rel").lower(), anchor, clause.future), True)


def _stretch(
    match: re.Match[str], anchor: date | None, clause: Clause
) -> tuple[date | None, date | None, bool]:
    """A month, season, quarter, half, part of a year or decade. Without a year of its own,
    the one of the year its clause names, else the one its tense points to (`_by_tense`);
    none in a habitual sentence or beside a year that cannot be told."""
    g = match.group
    if g("decade"):
        decade = int(g("dec"))
        return date(decade, 1, 1), date(decade + 9, 12, 31), False
    if g("yp"):
        part = _part_word(g("yp_part"))
        if g("yp_year"):
            return (*_part_of_year(int(g("yp_year")), part), False)
        if anchor is None:
            return None, None, True
        return (*_part_of_year(anchor.year + SHIFTS[g("yp_which").lower()], part), True)
    if g("mp"):
        month, part = _month_number(g("mp_month")), _part_word(g("mp_part"))
        return (*_part_of_month(int(g("mp_year")), month, part), False)
    span, year, which = _span_of(match)
    if year is not None:
        if span is None:
            return None, None, False  # "winter 2025", "in May and July 2025": no one stretch
        return (*span(year), False)
    if span is None:
        return None, None, True
    if which is None and clause.habitual:  # "the first snow usually falls in late October"
        return None, None, True
    if which is None and clause.year:  # "Last year, sales fell in March"
        return (*span(clause.year), True)
    if anchor is None:
        return None, None, True
    if which in SHIFTS:  # of this, last or next year
        return (*span(anchor.year + SHIFTS[which]), True)
    ahead = clause.ahead
    if which == "season":
        return _named_season(span, anchor, g("s_which").lower(), g("s_name") == "winter", ahead)
    if (g("mo_lead") or g("s_lead") or "").lower() == "since":
        ahead = False
    picked = _by_tense(span, anchor, ahead, nearest=clause.nearest)
    if picked and clause.years - {picked[0].year, picked[1].year}:
        picked = None  # "The mill, opened in 2019, will shut in March"
    return (*(picked or (None, None)), True)


def _named_season(
    span: Callable[[int], Span], anchor: date, which: str, winter: bool, ahead: bool | None
) -> tuple[date | None, date | None, bool]:
    """This, last or next spring, summer, autumn or winter. This one is the one under way, else
    this year's, unless that is over and the clause looks ahead ("will open the pool this
    summer" in December); a winter not under way, by the tense. The last is the latest over,
    the next the first to begin, unless that is this one too: "last summer" in October and
    "next summer" in April may mean this year's or the one beyond, so neither is read."""
    this = _containing(span, anchor) or (None if winter else span(anchor.year))
    if which == "this":
        if this is None or (ahead and this[1] < anchor):
            return (*(_by_tense(span, anchor, ahead) or (None, None)), True)
        return (*this, True)
    near = _occurrence(span, anchor, which)
    return (None, None, True) if near == this else (*near, True)


def _by_tense(
    span: Callable[[int], Span], anchor: date, ahead: bool | None, nearest: bool = False
) -> Span | None:
    """The stretch the tense points to (`_occurrence`); where the tense cannot say, the one
    both sides agree on (the month under way), else, when the phrase is read as its
    `nearest` occurrence, the one whose middle lies nearer the anchor, else none."""
    if ahead is not None:
        return _occurrence(span, anchor, "future" if ahead else "past")
    past, future = _occurrence(span, anchor, "past"), _occurrence(span, anchor, "future")
    if past == future or not nearest:
        return past if past == future else None
    return min((past, future), key=lambda s: abs(s[0] + (s[1] - s[0]) / 2 - anchor))


def _span_of(
    match: re.Match[str],
) -> tuple[Callable[[int], Span] | None, int | None, str | None]:
    """The stretch a month, season, quarter or half names, as a function of its year; the year
    when the phrase gives one; and what picks the year when not: "this"/"last"/"next" year,
    "season" (last/this/next autumn), else None (the tense)."""
    g = match.group
    if g("mo"):
        first = _month_number(g("mo_month"))
        part_text = g("mo_part") or g("mo_part2")
        part = _part_word(part_text) if part_text else None
        if g("mo_to"):
            last = _month_number(g("mo_to"))
            whole = _months(first, last)
            year = int(g("mo_year")) if g("mo_year") else None
            two = g("mo_sep") == "and" and (g("mo_lead") or "").lower() != "between"
            if two and last != first % 12 + 1:
                return None, year, None  # "in February and October": two months, no stretch
            return (lambda y: (_part_of_month(y, first, part)[0], whole(y)[1])), year, None
        return (lambda y: _part_of_month(y, first, part)), None, None
    if g("season"):
        name = (g("s_name") or g("s_name2")).lower()
        if g("s_year"):
            return (None if name == "winter" else _months(*SEASONS[name])), int(g("s_year")), None
        return _months(*SEASONS[name]), None, "season" if g("s_which") else None
    if g("quarter"):
        number = int(g("q_num") or ORDINALS[(g("q_ord") or g("q_final")).lower()])
        span = _months(3 * number - 2, 3 * number)
        year_text, which = g("q_year") or g("q_year2"), g("q_which")
    else:
        number = int(g("h_num") or ORDINALS[g("h_ord").lower()])
        span = _months(6 * number - 5, 6 * number)
        year_text, which = g("h_year") or g("h_year2"), g("h_which")
    # "of the year" is no year: the tense picks it, as for "the third quarter".
    return span, int(year_text) if year_text else None, None if which == "the" else which


def _months(first: int, last: int) -> Callable[[int], Span]:
    """The months `first` to `last` of a year, as a function of the year; a stretch from a
    late month to an early one (winter: December to February) ends in the next year."""

    def span(year: int) -> Span:
        end_year = year + (last < first)
        return date(year, first, 1), date(end_year, last, calendar.monthrange(end_year, last)[1])

    return span


def _occurrence(span: Callable[[int], Span], anchor: date, which: str) -> Span:
    """The stretch nearest the anchor on the side `which` says: "past", the latest to have
    begun by the anchor; "future", the first not over by it; "last", the latest over before
    it; "next", the first to begin after it."""
    spans = [span(year) for year in range(anchor.year - 2, anchor.year + 3)]
    if which == "last":
        return [s for s in spans if s[1] < anchor][-1]
    if which == "next":
        return next(s for s in spans if s[0] > anchor)
    if which == "past":
        return [s for s in spans if s[0] <= anchor][-1]
    return next(s for s in spans if s[1] >= anchor)


def _containing(span: Callable[[int], Span], anchor: date) -> Span | None:
    """The stretch that holds the anchor ("this winter" in January), if one does."""
    return next(
        (s for year in (anchor.year - 1, anchor.year) if (s := span(year))[0] <= anchor <= s[1]),
        None,
    )


def _part_word(text: str) -> str:
    """What part of a stretch a phrase names: "early", "mid", "late", "start" or "end"."""
    word = re.search(r"end|start|beginning|middle|mid|early|late", text.lower())
    assert word is not None  # the pattern matched one
    return {"beginning": "start", "middle": "mid"}.get(word.group(0), word.group(0))


def _part_of_month(year: int, month: int, part: str | None) -> Span:
    """A month, or its thirds ("early", "mid", "late": days 1-10, 11-20, 21 to the end), or its
    first or last seven days ("the start of", "the end of", as for "the end of this month")."""
    last = calendar.monthrange(year, month)[1]
    first, final = {
        "early": (1, 10),
        "mid": (11, 20),
        "late": (21, last),
        "start": (1, 7),
        "end": (last - 6, last),
    }.get(part or "", (1, last))
    return date(year, month, first), date(year, month, final)


def _part_of_year(year: int, part: str) -> Span:
    """A year's thirds ("early", "mid", "late": January-April, May-August, September-
    December), or its first or last month ("the start of", "the end of")."""
    first, last = {
        "early": (1, 4),
        "mid": (5, 8),
        "late": (9, 12),
        "start": (1, 1),
        "end": (12, 12),
    }[part]
    return _months(first, last)(year)


def _weekday(phrase: str, target: int, anchor: date, future: bool) -> date:
    if phrase.startswith("last"):
        future = False
    elif phrase.startswith("next"):
        future = True
    delta = (target - anchor.weekday()) % 7
    if future:
        return anchor + timedelta(days=delta)
    return anchor - timedelta(days=(7 - delta) % 7)


def _relative(phrase: str, anchor: date, future: bool) -> tuple[date | None, date | None]:
    if phrase in {"today", "tonight", "later today", "earlier today"}:
        return anchor, None
    if phrase == "yesterday":
        return anchor - timedelta(days=1), None
    if phrase == "tomorrow":
        return anchor + timedelta(days=1), None
    if phrase == "overnight":
        return anchor - timedelta(days=1), anchor
    which, unit = phrase.split()[0], phrase.split()[-1]
    if " end of " in f" {phrase}":
        return _end_of(unit, {"next": 1, "last": -1}.get(phrase.split()[-2], 0), anchor)
    # "later this week", told on a Sunday: the coming one.
    if (
        unit == "week"
        and anchor.weekday() == 6
        and (which == "later" or (which, future) == ("this", True))
    ):
        return _period(unit, 1, anchor)
    if which in SHIFTS:
        shift = SHIFTS[which]
        if unit == "weekend" and which == "this" and anchor.weekday() < 5 and not future:
            shift = -1  # "this weekend, he complained", told on a Wednesday: the one just gone
        if unit == "weekend":
            saturday = anchor - timedelta(days=anchor.weekday()) + timedelta(days=5, weeks=shift)
            return saturday, saturday + timedelta(days=1)
        return _period(unit, shift, anchor)
    if which in {"earlier", "later"}:  # "earlier this month": its days up to publication
        first, last = _period(unit, 0, anchor)
        return (first, anchor) if which == "earlier" else (anchor, last)
    if phrase.endswith("ago"):
        count = _count_of(which)
        unit = phrase.split()[-2].rstrip("s")
        if unit in {"month", "year"}:  # "two months ago": that month, not a day of it
            return _period(unit, -count, anchor)
        return anchor - timedelta(days=count * {"day": 1, "week": 7}[unit]), None
    return None, None  # "within weeks": a span with no edges


def _count_of(word: str) -> int:
    return COUNTS[word] if word in COUNTS else int(word)


def _period(unit: str, shift: int, anchor: date) -> tuple[date, date]:
    """The week (Monday to Sunday), month or year that is `shift` from the anchor's."""
    if unit == "week":
        monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=shift)
        return monday, monday + timedelta(days=6)
    if unit == "month":
        year, month = divmod(anchor.year * 12 + anchor.month - 1 + shift, 12)
        return date(year, month + 1, 1), date(
            year, month + 1, calendar.monthrange(year, month + 1)[1]
        )
    return date(anchor.year + shift, 1, 1), date(anchor.year + shift, 12, 31)


def _end_of(unit: str, shift: int, anchor: date) -> tuple[date, date]:
    """The close of that period (`_period`): Friday to Sunday, a month's last seven days,
    December. "By the end of the year"."""
    end = _period(unit, shift, anchor)[1]
    days = {"week": 2, "month": 6}.get(unit)
    return (end - timedelta(days=days), end) if days else (date(end.year, 12, 1), end)


def _month_number(name: str) -> int:
    return MONTHS.index(next(m for m in MONTHS if m.startswith(name.lower().rstrip(".")[:3]))) + 1


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
