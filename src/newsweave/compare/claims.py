"""Claims: sentences of different articles that state the same fact, grouped, with their standing.

Sentences are embedded (MiniLM) and paired across articles when their similarity passes
`compare.claim_similarity`; shared entities and numbers raise the score a little, so two
sentences about the same people and figures align more readily than two that only sound alike.
Pairs are joined greedily, best first, never putting two sentences of one article in one claim
(which keeps a claim from drifting topic by chaining).

Signals the embedding misses tie a pair regardless of wording (`anchor`): one speaker's same
statement quoted in both (`quoted_alike`), words one article puts in quotation marks that the
other uses too ("special relationship"; `borrowed_words`), a phrase that only these two
sentences of their articles use ("talks in London"; `worded_alike`), a person and a day
that only these two sentences of their articles bring together ("Starmer ... on Friday";
`named_and_dated_alike`), and one figure of one thing ("45 per cent"; `figured_alike`).

A sentence may state two facts ("he received Blinken for talks in London ahead of the visit"),
so once the claims are grouped, each also takes the sentence of another article that matches
all its sentences even when that sentence already stands in another claim (`extend`).
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence, Set
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from itertools import chain, combinations

import numpy as np
from scipy.cluster.hierarchy import DisjointSet
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from newsweave.analyze.dates import day_of
from newsweave.analyze.numbers import (
    DURATIONS,
    MEASURES,
    SCALES,
    VALUED_BY,
    amount,
    parse_number,
    sized,
)
from newsweave.compare import occasions
from newsweave.compare.conflicts import APART, CHANGE, UPDATE_AFTER
from newsweave.compare.drift import Statement
from newsweave.compare.identity import sentence_source
from newsweave.compare.occasions import Span
from newsweave.compare.passages import covered, passage_text, passages
from newsweave.compare.undoing import acts, undone
from newsweave.embed import encode_kept, rows
from newsweave.models import Analysis, Claim, DateMention, Quote, Sentence, Support

# How many words a sentence needs to state a claim; one with a figure needs one fewer ("One
# man has died.", "Four people are missing.").
MIN_WORDS = 5


@dataclass(frozen=True)
class Unit:
    """One sentence that may state a claim."""

    article: str
    sentence: int
    text: str
    entities: frozenset[str]
    numbers: frozenset[float]
    days: frozenset[str] = field(default=frozenset())
    """Its date phrases that name a day: the resolved date when known, else the phrase
    ("friday", "august 6")."""
    figures: frozenset[str] = field(default=frozenset())
    """Its numbers that count something or carry a unit, as "value|thing" ("45|percent",
    "387|passengers")."""
    rough: frozenset[str] = field(default=frozenset())
    """Those of its `figures` told in words with no number ("hundreds of people", "dozens")."""
    tolls: frozenset[float] = field(default=frozenset())
    """The values of its death tolls (figures of people killed), whatever else it counts of
    people ("The death toll rose to 14, and 23 people are still missing")."""
    said_on: frozenset[str] = field(default=frozenset())
    """"name|day" for each speaker of this sentence and each day that dates their saying, not
    what they said (the date phrase stands outside their words: "Lindqvist told reporters on
    Tuesday")."""
    span: tuple[int, int] | None = None
    """The sentences (first, last) of the quoted passage this sentence lies in
    (`passages.passages`); None when it lies in none."""
    passage: str = ""
    """The text of `span` (empty when it lies in none)."""
    voices: frozenset[str] = field(default=frozenset())
    """The speakers whose direct words make up most of the sentence ("“Nobody in this city
    wins from a week without buses,” she said."): what it states is that they said it."""
    quotes: frozenset[tuple[int, int]] = field(default=frozenset())
    """Where those direct quotes stand in the article (start, end)."""
    speakers: frozenset[str] = field(default=frozenset())
    """The speakers of every quote, direct or reported, that stands in or is tagged in the
    sentence ("she called the decision the most important ... 'in a generation'")."""
    dated: tuple[Span, ...] = ()
    """The first and last day of each of its resolved date phrases (`occasions.spans`)."""
    standing: str = ""
    """"provisional" when each of its measured figures is a count before its end or a bar to
    clear (`NumberMention.provisional`: "With 60% of ballots counted, Castellan had 48.2%"),
    "final" when none is, "" when it has none or both."""
    ahead: frozenset[date] = field(default=frozenset())
    """The days its date phrases resolve to that lie after the day it was told ("Economists
    expect the bank to cut its rate on Thursday", told on Wednesday): what was still to come."""
    past: frozenset[date] = field(default=frozenset())
    """The days its date phrases resolve to that lie on the day it was told or before."""
    planned: frozenset[date] = field(default=frozenset())
    """Those of its `ahead` days that date its own clause (`DateMention.main`): "will travel to
    Brantholm later on Saturday, his ministry said" tells a plan, where "will stay in
    government, ..., a day before the prime minister faces a vote" tells no plan of the vote."""
    acts: frozenset[str] = field(default=frozenset())
    """The acts its date phrases date (`undoing.acts`): what it tells happened when ("close",
    "reopen")."""
    bare: str = ""
    """The text without the descriptions set between commas after a person's name ("Irena
    Sabol, the union's general secretary, came out of the talks" -> "Irena Sabol came out of
    the talks"); empty when it has none."""
    wording: str = ""
    """The text that `worded_alike` reads: descriptions of a person's office ("the chief
    executive of Ribeira Ferries") or beside their name (`_described`), a speaker told in a few
    words ("Lindgate health officials said") and date phrases ("by the end of the year") set
    apart as if by commas, as they say who and when, not what happened. Empty when the text has
    none."""

    @property
    def shown(self) -> str:
        """What a claim on this sentence is shown as: its passage, else the sentence."""
        return self.passage or self.text


def units(
    analyses: list[Analysis],
    entity_map: dict[str, str],
    published: Mapping[str, datetime | None] | None = None,
) -> list[Unit]:
    """The sentences worth aligning: long enough to state a fact. `published` (article id →
    publication time) tells which sentences tell what was still to come (`Unit.ahead`)."""
    day_published = {a: t.date() for a, t in (published or {}).items() if t}
    found = []
    for analysis in analyses:
        # Each sentence's names, figures and days, gathered in one pass over the article.
        entities: dict[int, set[str]] = defaultdict(set)
        numbers: dict[int, set[float]] = defaultdict(set)
        days: dict[int, set[str]] = defaultdict(set)
        apart: dict[int, list[tuple[int, int]]] = defaultdict(list)
        described: dict[int, list[tuple[int, int]]] = defaultdict(list)
        spans = passages(analysis)
        dated = occasions.spans(analysis, open_since=True)
        starts = [sentence.start for sentence in analysis.sentences]
        for m in analysis.mentions:
            entities[m.sentence].add(entity_map.get(m.entity, m.entity))
            if m.kind == "role":
                apart[m.sentence].append((m.start, m.end))
            elif m.entity.startswith("person:"):
                who = _described(analysis.sentences[m.sentence], m.start, m.end)
                apart[m.sentence].extend(who)
                described[m.sentence].extend(who)
        figures: dict[int, set[str]] = defaultdict(set)
        rough: dict[int, set[str]] = defaultdict(set)
        tolls: dict[int, set[float]] = defaultdict(set)
        standings: dict[int, set[bool]] = defaultdict(set)
        for n in analysis.numbers:
            numbers[n.sentence].add(n.value)
            # The level a change came from ("to 3.75% from 4%") is no figure the sentence
            # states: "voted to keep the rate at 4%" tells another fact.
            if n.provisional != "before" and (thing := sized(n)):
                figures[n.sentence].add(f"{amount(n)}|{thing}")
                if n.qualifier == "vague":
                    rough[n.sentence].add(f"{amount(n)}|{thing}")
                if n.fate == "killed" and n.qualifier != "vague":
                    tolls[n.sentence].add(n.value)
                if thing not in DURATIONS:  # "two hours before polling stations closed"
                    standings[n.sentence].add(n.provisional is not None)
        said: dict[int, dict[str, list[tuple[int, int]]]] = defaultdict(lambda: defaultdict(list))
        voices: dict[int, set[str]] = defaultdict(set)
        voiced_by: dict[int, set[tuple[int, int]]] = defaultdict(set)
        for q in analysis.quotes:
            if (speaking := _says_who(q)) is not None:
                # Who speaks, as a description says who ("Lindgate health officials said").
                apart[max(bisect_right(starts, speaking[0]) - 1, 0)].append(speaking)
            if q.speaker:
                speaker = _name(entity_map.get(q.speaker, q.speaker))
                if q.kind == "direct":
                    for at in covered(starts, q.start, q.end):
                        own = analysis.sentences[at]
                        share = min(q.end, own.end) - max(q.start, own.start)
                        if share >= VOICED * (own.end - own.start):
                            voices[own.index].add(speaker)
                            voiced_by[own.index].add((q.start, q.end))
                            apart[own.index] += _frame(own, q)
                # The tag may stand sentences after the quote opens ('"...  We were lucky,"
                # Lindqvist told reporters on Tuesday'): each sentence up to it has the speaker.
                last = max(q.end, q.speaker_end or 0, q.cue_end or 0) - 1
                for at in range(q.sentence, max(bisect_right(starts, last) - 1, q.sentence) + 1):
                    said[at][speaker].append((q.start, q.end))
        said_on: dict[int, set[str]] = defaultdict(set)
        dates_of: dict[int, list[DateMention]] = defaultdict(list)
        for d in analysis.dates:
            dates_of[d.sentence].append(d)
            if (day := day_of(d)) is not None:
                days[d.sentence].add(day)
                for speaker, words in said.get(d.sentence, {}).items():
                    if not any(start <= d.start and d.end <= end for start, end in words):
                        said_on[d.sentence].add(f"{speaker}|{day}")
            apart[d.sentence].append((d.start, d.end))
        for sentence in analysis.sentences:
            if len(sentence.text.split()) < MIN_WORDS - bool(numbers.get(sentence.index)):
                continue
            at = sentence.index
            told = _told(dates_of.get(at, []), day_published.get(analysis.article_id))
            found.append(
                Unit(
                    article=analysis.article_id,
                    sentence=at,
                    text=sentence.text,
                    entities=frozenset(entities.get(at, ())),
                    numbers=frozenset(numbers.get(at, ())),
                    days=frozenset(days.get(at, ())),
                    figures=frozenset(figures.get(at, ())),
                    rough=frozenset(rough.get(at, ())),
                    tolls=frozenset(tolls.get(at, ())),
                    said_on=frozenset(said_on.get(at, ())),
                    span=spans.get(at),
                    voices=frozenset(voices.get(at, ())),
                    quotes=frozenset(voiced_by.get(at, ())),
                    speakers=frozenset(said.get(at, {})),
                    dated=tuple(dated.get(at, ())),
                    standing=_standing(standings.get(at, set())),
                    passage=passage_text(analysis, spans[at]) if at in spans else "",
                    ahead=frozenset(d for d, later, _ in told if later),
                    past=frozenset(d for d, later, _ in told if not later),
                    planned=frozenset(d for d, later, main in told if later and main),
                    acts=frozenset(acts(dates_of.get(at, []), sentence.text)),
                    bare=_set_apart(sentence.text, sentence.start, described.get(at, []), ""),
                    wording=_set_apart(sentence.text, sentence.start, apart.get(at, [])),
                )
            )
    return found


# A quote's frame in this many words or fewer may only say who spoke, when and where.
FRAME_WORDS = 8


def _frame(sentence: Sentence, q: Quote) -> list[tuple[int, int]]:
    """The parts of `sentence` around the direct quote `q` that only say who spoke, when and
    where ('," Governor Ilse Vardane told a news conference.', "he said in a statement"), as
    offsets in the article: a decision "followed by a news conference" is no report of what
    was said at one. Names, words of standing ("chief economist") and of a setting for speech
    (`FRAME_SETTINGS`) only: a frame that tells a happening or a subject ("Lammy said when he
    received Blinken for talks in London:", "said in her resignation letter", "said of the mine
    closure") is part of what the sentence states."""
    found = []
    for start, end in ((sentence.start, q.start), (q.end, sentence.end)):
        words = re.sub(
            r"[^\w\s'’-]", " ", sentence.text[start - sentence.start : end - sentence.start]
        ).split()
        common = {
            w.lower()
            for w in words
            if w[:1].islower() and w not in ENGLISH_STOP_WORDS and w not in SAYING
        }
        if start < end and len(words) <= FRAME_WORDS and common <= FRAME_SETTINGS | STANDINGS:
            found.append((start, end))
    return found


# The common words of a quote's frame that say where or when it was said, not of what.
# fmt: off
FRAME_SETTINGS = frozenset([
    "news", "press", "conference", "briefing", "statement", "reporters", "journalists",
    "interview", "radio", "television", "tv", "broadcast", "podcast", "programme", "program",
    "email", "emailed", "message", "post", "posted", "written", "spokesman", "spokeswoman",
    "spokesperson", "later", "earlier", "today", "tonight", "yesterday", "morning", "afternoon",
    "evening", "night", "week", "day", "asked", "speaking", "replied", "insisted", "wrote",
    "warned", "explained", "noted", "continued",
])
# fmt: on


def _told(dates: list[DateMention], published: date | None) -> list[tuple[date, bool, bool]]:
    """Each day a sentence's date phrases name (one day each, not "in 2022"), whether it is
    still ahead where they are told: after that day, or on it in a clause told as to come
    ("opens the terminal on Wednesday afternoon", told that morning; `occasions.day_told`),
    and whether the phrase dates the sentence's own clause (`DateMention.main`)."""
    return [
        (
            d.resolved,
            d.resolved > told or (d.resolved == told and d.aspect == "prospective"),
            d.main,
        )
        for d in dates
        if d.resolved
        and d.resolved_end in (None, d.resolved)
        and (told := occasions.day_told(d, published))
    ]


def _standing(provisional: set[bool]) -> str:
    """`Unit.standing` from whether each of a sentence's figures is provisional."""
    if provisional == {True}:
        return "provisional"
    return "final" if provisional == {False} else ""


# A description set between commas beside a person's name: "Irena Sabol, the union's general
# secretary, joined the picket line" and "Irena Sabol, the union's general secretary, came out of
# the talks" say who she is in the same words, and what happened in different ones. After the
# name, it may follow an age or a home town ("Colin Featherby, 47, of Bradford, the firm's former
# operations manager,"), and open on a determiner, a possessive name ("Lindgate's director of
# public health") or a word of office or standing before "of", "for" or "at" (`STANDINGS`:
# "leader of the opposition group", "spokeswoman for the ministry"). Before the name, it opens the
# clause in a few words ("The provincial governor, Mirela Dovan, said"). Either way it must read
# as a noun phrase (`_says_who_only`).
# fmt: off
STANDINGS = frozenset([
    "leader", "head", "chair", "chairman", "chairwoman", "member", "spokesman", "spokeswoman",
    "spokesperson", "director", "secretary", "minister", "founder", "owner", "manager", "editor",
    "professor", "president", "chief", "deputy", "governor", "mayor", "captain", "coach",
    "lecturer", "researcher", "analyst", "economist", "lawyer", "partner", "fellow", "adviser",
    "advisor", "officer", "commander", "coordinator", "representative", "executive",
])
# fmt: on
_AFTER_NAME = re.compile(
    r"(?:,\s+\d{1,3})?(?:,\s+(?:of|from)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*)?,\s+"
    r"((?:(?:the|a|an|its|his|her|their|[A-Z][\w-]*['’]s)\s|(?:[a-z]+\s){0,2}(?:"
    + "|".join(sorted(STANDINGS))
    + r")\s(?:of|for|at)\s)[^,;:.!?\"“”()]{1,80}?)"
    # Between commas, or closing the sentence: "said Dorota Vankeld, the federation's general
    # secretary."
    r"(?:,|(?=[.!?]?\s*$))"
)
_BEFORE_NAME = re.compile(
    r"(?:^|[,;:]\s+|\b(?:and|but)\s+)"
    r"((?:[Tt]he|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[A-Z][\w-]*['’]s)(?:\s+[a-z][\w’'-]*){1,4}),\s+$"
)
# Words that make a clause of a description ("the man who shot two officers", "the first to
# reach the wreck", "his brother and a third man"), or of what stands before a name ("His car
# was found abandoned, Ana Lorz said").
_CLAUSE_WORDS = frozenset({"who", "whom", "whose", "which", "that", "to", "and"})


def _described(sentence: Sentence, start: int, end: int) -> list[tuple[int, int]]:
    """Descriptions of the person named at `start`-`end` (offsets in the article) between
    commas beside the name, as offsets in the article: they say who, not what happened."""
    found = []
    after = _AFTER_NAME.match(sentence.text, end - sentence.start)
    if after and _says_who_only(after.group(1)):
        found.append((end, sentence.start + after.end()))
    apposed = sentence.text[end - sentence.start : end - sentence.start + 1] == ","
    before = apposed and _BEFORE_NAME.search(sentence.text[: start - sentence.start])
    if before and _says_who_only(before.group(1)):
        found.append((sentence.start + before.start(1), start))
    return found


def _says_who_only(words: str) -> bool:
    """Whether a description reads as a noun phrase, not a clause: no auxiliary, relative
    pronoun, "to", "and" or verb of saying (`VERB_BRIDGES`, `_CLAUSE_WORDS`, `SAYING`: not
    "Mira Holt, the mayor said on Friday."), and no word in -ed, -ing or -ly
    past its first two ("a retired teacher", "the founding editor"; not "the nurse convicted of
    poisoning four patients", "The car overturned twice")."""
    split = words.replace("’", "'").split()
    for k, word in enumerate(split):
        w = word.lower()
        # "and" inside a name ("Northfold Fire and Rescue Service") joins no second person.
        named = w == "and" and k + 1 < len(split) and split[k + 1][0].isupper()
        if (w in _CLAUSE_WORDS or w in VERB_BRIDGES or w in SAYING) and not named:
            return False
        if k >= 2 and w.endswith(("ed", "ing", "ly")):
            return False
    return True


# A speaker told in this many words or fewer is set apart from a sentence's wordings; a longer one
# ("the site manager at the supermarket that has been damaged by fire") tells more than who,
# unless it names whom the story knows and the title they hold ("Marguerite Quennet, Solenta
# Airways' chief executive"), in up to `TITLED_WORDS` words.
SPEAKER_WORDS = 4
TITLED_WORDS = 8
# Words that open a clause in a speaker's description: "Marta Quennell, who commands the city's
# river patrol" tells what she does.
_DESCRIBING = frozenset({"who", "whose", "which", "that", "where", "when"})


def _says_who(q: Quote) -> tuple[int, int] | None:
    """Where `q` names its speaker, when in a few words before or after a verb of saying
    ("health officials said", "according to the directorate"); None otherwise. Other cues ("the
    update, dubbed MS08-078", "a flaw that could allow", "heavy rain added to") make no speaker
    of their subject, and a pronoun ("the man who they say hit") holds no wording to set
    apart."""
    if q.speaker_start is None or q.speaker_end is None or not q.cue or not q.speaker_text:
        return None
    words = q.speaker_text.lower().split()
    titled = q.speaker is not None and not _DESCRIBING & set(words)
    if q.cue.lower().split()[0] not in SPEAKING or len(words) > (
        TITLED_WORDS if titled else SPEAKER_WORDS
    ):
        return None
    if all(w in ENGLISH_STOP_WORDS for w in words):
        return None
    # A speaker told by what befell them or what they did ("the arrested man", "police raiding
    # the flat") tells more than who; a name ("Ahmed") or a title ("managing director") not.
    if any(
        w.lower().endswith(("ed", "ing")) and not w[:1].isupper() and w not in _TITLE_WORDS
        for w in q.speaker_text.split()
    ):
        return None
    return q.speaker_start, q.speaker_end


# Words of titles that look like what someone did: "managing director", "acting head".
_TITLE_WORDS = frozenset(
    {"managing", "operating", "acting", "presiding", "founding", "outgoing", "incoming", "retired"}
)


def _set_apart(text: str, start: int, spans: list[tuple[int, int]], joint: str = ", ") -> str:
    """`text` (at `start` in its article) with each span replaced by `joint`, or "" if none."""
    if not spans:
        return ""
    parts, at = [], 0
    for begin, end in sorted(spans):
        parts.append(text[at : max(at, begin - start)])
        at = max(at, end - start)
    return joint.join(parts) + joint + text[at:]


def similarity(items: list[Unit], vectors: Mapping[str, np.ndarray] | None = None) -> np.ndarray:
    """Pairwise similarity of sentences: embedding cosine plus a small bonus for shared names.

    `vectors` holds each article's stored sentence vectors (row = sentence index); sentences of
    articles without them are encoded here.
    """
    matrix = rows([(u.article, u.sentence, u.text) for u in items], vectors or {})
    sim = matrix @ matrix.T
    _undescribed(items, sim)
    # Shared names as a fraction of the fewer names either sentence has, computed as one sparse
    # product: a story of 50 articles has over a thousand sentences, a million pairs.
    names = sorted({e for u in items for e in u.entities})
    if names:
        column = {name: k for k, name in enumerate(names)}
        incidence = np.zeros((len(items), len(names)), dtype=np.float32)
        for i, u in enumerate(items):
            incidence[i, [column[e] for e in u.entities]] = 1.0
        shared = incidence @ incidence.T
        counts = incidence.sum(axis=1)
        fewer = np.minimum.outer(counts, counts)
        with np.errstate(divide="ignore", invalid="ignore"):
            fraction = np.where(fewer > 0, shared / fewer, 0.0)
        np.fill_diagonal(fraction, 0.0)
        sim = sim + 0.08 * fraction
    return np.asarray(sim)


# Two sentences that describe a person alike (`Unit.bare`) and score this much or more are
# scored again without the descriptions.
DESCRIBED = 0.6


def _undescribed(items: list[Unit], sim: np.ndarray) -> None:
    """Score again, in `sim`, two sentences that both describe a person between commas, without
    the descriptions, when that scores them lower: "Irena Sabol, the union's general secretary,
    came out of the talks looking tired" and "Irena Sabol, the union's general secretary, joined
    the picket line" score 0.72 in MiniLM for the words they share saying who she is."""
    described = [k for k, u in enumerate(items) if u.bare]
    alike = np.triu(sim[np.ix_(described, described)] >= DESCRIBED, k=1)
    pairs = [
        (i, j)
        for i, j in ((described[a], described[b]) for a, b in zip(*np.nonzero(alike), strict=True))
        if items[i].article != items[j].article
        and items[i].bare != items[j].bare  # the same words score the same again
    ]
    if not pairs:
        return
    # Rewrites of one report share their sentences: each text is encoded once.
    texts = sorted({items[k].bare for pair in pairs for k in pair})
    row = {text: r for r, text in enumerate(texts)}
    bare = encode_kept(texts)
    for i, j in pairs:
        again = float(bare[row[items[i].bare]] @ bare[row[items[j].bare]])
        sim[i, j] = sim[j, i] = min(sim[i, j], again)


SentenceKey = tuple[str, int]
"""(article id, sentence index)."""

Tie = tuple[SentenceKey, ...]
"""Sentences of different articles known to state one thing."""


# A resolved day in `Unit.days` (the others are phrases as written: "friday", "6 august").
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")

# A statement this short ("unacceptable", "a dramatic escalation") may be a stock phrase that two
# speakers' different sentences share; longer ones tie their sentences into one claim.
ANCHOR_WORDS = 5


def quoted_alike(statements: list[Statement]) -> list[Tie]:
    """The sentences of two articles that quote one speaker's same statement of some length."""
    return [
        ((a, sa), (b, sb))
        for statement in statements
        if statement.words >= ANCHOR_WORDS
        for ((a, _), (b, _)), (sa, sb) in [(statement.quotes, statement.sentences)]
    ]


# Text in quotation marks, straight or curly, within one sentence.
_QUOTED = re.compile(r"[\"“”]([^\"“”]{3,200})[\"“”]")
_WORD = re.compile(r"\w+")
# A word with its apostrophes and hyphens ("Ukraine’s", "long-range"), and what follows it up
# to the next word.
_TOKEN = re.compile(r"(\w[\w’'-]*)(\W*)")
# Wordings (`_wordings`): phrases of up to PHRASE_WORDS words, pairs of common words up to
# PAIR_SPAN apart. On ECB+ dev, pairs one apart recall less (R 0.301 against 0.307 at P 0.903).
PHRASE_WORDS = 4
PAIR_SPAN = 2
# Words of saying count as stop words in a wording: "officials said", "the company said",
# "according to the directorate", "the court heard" name who speaks, not what happened, and a
# story's sentences share them across different facts.
SAYING = frozenset(
    {"say", "says", "said", "tell", "tells", "told", "add", "adds", "added", "according", "heard"}
)
# The cues whose subject is a speaker to set apart (`_says_who`). Not "added": it cues a speaker's
# next words ("she added"), but also what adds to something ("heavy rain added to the misery").
SPEAKING = SAYING - {"add", "adds", "added"}
# So do the points of the compass: "the south bank", "the eastern end" say where, as a name does,
# and a story's different facts happen in the same places.
# fmt: off
COMPASS = frozenset([
    "north", "south", "east", "west", "northern", "southern", "eastern", "western",
    "northeast", "northwest", "southeast", "southwest", "north-east", "north-west", "south-east",
    "south-west", "northeastern", "northwestern", "southeastern", "southwestern",
    "north-eastern", "north-western", "south-eastern", "south-western",
])
# fmt: on
# A run of common words that closes on one of these names a body ("the national maritime
# accident office", "the port authority"), as a name does: who acts or speaks. A wording made of
# such a name alone ties nothing; one that runs on into what the body did still does.
# fmt: off
INSTITUTIONS = frozenset([
    "office", "authority", "authorities", "ministry", "department", "agency", "council",
    "committee", "commission", "court", "police", "company", "union", "board", "association",
    "bureau", "institute", "guard", "government", "parliament",
])
# fmt: on
# An auxiliary between two common words makes them a clause's subject and verb ("passengers were
# taken" off a ferry, or to hospital), which sentences about different happenings share.
# fmt: off
VERB_BRIDGES = frozenset([
    "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would",
    "could", "should", "may", "might", "can", "must", "did", "does", "do",
])
# fmt: on


def borrowed_words(items: list[Unit]) -> list[Tie]:
    """Sentences of two articles sharing words that one of them puts in quotation marks.

    Quotation marks say the words are someone's: another article using the same words has
    them from the same place. The phrase must have two words or more, one of them not a stop
    word, and appear in one sentence of each article only (a phrase an article
    repeats ties nothing).
    """
    quoted = [
        (i, words)
        for i, u in enumerate(items)
        for text in _QUOTED.findall(u.text)
        if len(words := _WORD.findall(text.lower())) >= 2
        and not all(w in ENGLISH_STOP_WORDS for w in words)
    ]
    if not quoted:
        return []
    tokens = [_plain_words(u.text) for u in items]
    norm = [" " + " ".join(t) + " " for t in tokens]
    # Which sentences hold each word of the quoted phrases.
    wanted = {w for _, words in quoted for w in words}
    having: dict[str, set[int]] = defaultdict(set)
    for j, sentence in enumerate(tokens):
        for w in wanted.intersection(sentence):
            having[w].add(j)
    pairs: list[Tie] = []
    for i, words in quoted:
        u = items[i]
        phrase = " " + " ".join(words) + " "
        holders: dict[str, list[int]] = {}
        # Only the sentences holding every word of the phrase can hold the phrase.
        for j in sorted(set.intersection(*(having[w] for w in set(words)))):
            if phrase in norm[j]:
                holders.setdefault(items[j].article, []).append(j)
        if holders.get(u.article) != [i]:
            continue
        pairs.extend(
            ((u.article, u.sentence), (items[js[0]].article, items[js[0]].sentence))
            for article, js in holders.items()
            if article != u.article and len(js) == 1
        )
    return pairs


@lru_cache(maxsize=1 << 13)
def _plain_words(text: str) -> tuple[str, ...]:
    # Cached, as `_wordings` is.
    return tuple(_WORD.findall(text.lower()))


def worded_alike(items: list[Unit]) -> list[Tie]:
    """Sentences of two articles or more that, alone in their articles, use one wording.

    "Lammy received Blinken for talks in London ahead of the visit" and "During recent talks in
    London, Blinken and Lammy discussed ..." read apart as wholes, but the phrase says they report
    one meeting; "targeting energy infrastructure, electricity" and "targeting Ukraine's
    electricity infrastructure" share two common words side by side. See `_wordings`.
    """
    keys = [_wordings(u.wording or u.text) for u in items]
    # An article uses a wording twice when another of its sentences opens on it ("Bus and tram
    # drivers ...") or has it in the other number ("buses and trams"): the story's subject,
    # which its different facts share.
    uses = [
        frozenset(map(_fold, k | _wordings(_opened(u.wording or u.text))))
        for k, u in zip(keys, items, strict=True)
    ]
    return _tied_alone(items, keys, uses, _fold)


def _opened(text: str) -> str:
    """`text` with its first letter in lower case, so that a wording may open the sentence."""
    return text[:1].lower() + text[1:]


@lru_cache(maxsize=1 << 16)
def _fold(key: str) -> str:
    """A wording with each word stemmed (`_stem`): "buses and trams" is "bus and tram"."""
    if "|" in key:
        return "|".join(sorted(_stem(w) for w in key.split("|")))
    return " ".join(_stem(w) for w in key.split())


def _stem(word: str) -> str:
    """A word without its plural and final e ("buses", "bus"; "houses", "house": "hous"), so
    that a wording's singular and plural are one."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    return word[:-1] if len(word) > 3 and word.endswith("e") else word


@lru_cache(maxsize=1 << 13)
def _wordings(text: str) -> frozenset[str]:
    """A sentence's phrases, and its pairs of common words at most `PAIR_SPAN` words apart.

    A common word is lower-case, not a stop word, not a word of saying (`SAYING`) or of the
    compass (`COMPASS`), and not a figure. A phrase has two to four words, opens on a common
    word and closes on a word that is not a stop word, holds two such words and no figure,
    never crosses punctuation, and its head is a common word: "talks in London" counts, while
    "eastern Ukraine" is a name, which many sentences stating different facts share, and
    "Valente said" an attribution; "the south bank" says where, as a name does. Before a name,
    common words are its title ("harbour master Ilse Varga") and count for nothing, and the
    name of a body in lower case ("the national maritime accident office") ties nothing alone.
    An auxiliary inside ("passengers were taken") makes a clause, a subject and its verb, which
    names no term: neither a phrase nor a pair holds one.
    Cached: a story's refresh reads the same sentences again.
    """
    split = _TOKEN.findall(text)
    words = [w for w, _ in split]
    lower = [w.lower().replace("’", "'") for w in words]
    # A letter alone is no word: the "s" of "Saturday's final", its day left out of `wording`.
    stop = [
        w in ENGLISH_STOP_WORDS or w in SAYING or w in COMPASS or w.isdigit() or len(w) < 2
        for w in lower
    ]
    common = [w[0].islower() and not s for w, s in zip(words, stop, strict=True)]
    # titled[k]: the words up to k stand right before a name, with only a space between.
    titled = [
        k + 1 < len(words) and words[k + 1][0].isupper() and split[k][1].isspace()
        for k in range(len(words))
    ]
    body = _body_names(lower, split, common)
    found = set()
    for size in range(2, PHRASE_WORDS + 1):
        for start in range(len(words) - size + 1):
            end = start + size
            if not common[start] or stop[end - 1] or titled[end - 1]:
                continue  # it opens on a common word: "Valente said" is an attribution
            if any(not split[k][1].isspace() for k in range(start, end - 1)):
                continue  # a phrase never runs across punctuation ("basin, harbour")
            if size - sum(stop[start:end]) < 2 or any(w.isdigit() for w in lower[start:end]):
                continue
            if all(body[k] or stop[k] for k in range(start, end)):
                continue  # a body's name alone ("national maritime accident office") is who
            if any(lower[k] in VERB_BRIDGES for k in range(start + 1, end - 1)):
                continue  # "passengers were taken": a clause, not a term
            # The head of an English noun phrase is its last word, or the last before a
            # preposition ("talks in London"); a capitalised head makes the phrase a name.
            head = next((k for k in range(start + 1, end) if stop[k]), end) - 1
            if words[head][0].islower():
                found.add(" ".join(lower[start:end]))
    for i in [k for k, c in enumerate(common) if c]:
        for j in range(i + 1, min(i + PAIR_SPAN + 1, len(words))):
            if j == i + 2 and lower[i + 1] in VERB_BRIDGES and split[i][1].isspace():
                continue  # "passengers were taken": a subject and its verb, not a term
            if common[j] and not titled[j] and not (body[i] and body[j]):
                a, b = sorted((lower[i], lower[j]))
                found.add(f"{a}|{b}")
    return frozenset(found)


# How long a date must run to be a year of its own, not a quarter or a season.
YEAR_LONG = timedelta(days=300)


def figured_alike(items: list[Unit]) -> list[Tie]:
    """Sentences of two articles that, alone in their articles, give one figure of one thing.

    "The national government had agreed to pay 45 per cent of the cost" and "The national
    government will pay 45 per cent of the bill" share few words, but the same share. Not when
    the two name different days: "the evacuation of 387 passengers" late on Saturday and "all
    387 passengers left on Sunday afternoon" count the same people in two happenings; nor
    when one tells of another year ("In 2011 a gas explosion killed nine miners" and "Nine
    miners remained underground on Friday"). A quarter's figure told on a day is one fact
    ("Revenue in the first quarter fell 12 per cent", "said on Thursday ... 12 per cent").
    """
    dated = {(u.article, u.sentence): {d for d in u.days if _ISO_DAY.fullmatch(d)} for u in items}
    spans = {(u.article, u.sentence): u.dated for u in items}

    def apart(a: SentenceKey, b: SentenceKey) -> bool:
        return bool(dated[a] and dated[b] and not dated[a] & dated[b]) or occasions.may_differ(
            spans[a], spans[b], YEAR_LONG
        )

    found: list[Tie] = []
    for tie in _tied_alone(items, [u.figures for u in items]):
        if not any(apart(a, b) for a, b in combinations(tie, 2)):
            found.append(tie)
        else:  # of three reports or more, the pairs on one day still tie
            found.extend((a, b) for a, b in combinations(tie, 2) if not apart(a, b))
    return found


def _body_names(lower: list[str], split: list[tuple[str, str]], common: list[bool]) -> list[bool]:
    """Which words name a body in lower case: a run of common words closed by one of
    `INSTITUTIONS` ("the national maritime accident office said", "the port authority")."""
    body = [False] * len(lower)
    for k, word in enumerate(lower):
        closes = not (k + 1 < len(lower) and common[k + 1] and split[k][1].isspace())
        if word in INSTITUTIONS and common[k] and closes:
            j = k
            while j >= 0 and common[j] and (j == k or split[j][1].isspace()):
                body[j] = True
                j -= 1
    return body


def named_and_dated_alike(items: list[Unit]) -> list[Tie]:
    """Sentences of two articles that, alone in their articles, name one person with one day.

    "Sir Keir flies to Washington on Friday" and "Keir Starmer's visit to the White House
    scheduled for Friday" share little wording but the same person on the same day; not a
    speaker with the day they spoke ("Lindqvist told reporters on Tuesday", `Unit.said_on`),
    which another of their statements that day would share. A name
    counts as a person's when the story tags it a person anywhere (the tagger sometimes types
    a person as an organisation); organisations and places never count: a story's lead names its
    operator or town with its day in many sentences that state different facts.
    """
    people = {_name(e) for u in items for e in u.entities if e.startswith("person:")}
    return _tied_alone(
        items,
        [
            {f"{n}|{day}" for n in {_name(e) for e in u.entities} & people for day in u.days}
            - u.said_on
            for u in items
        ],
    )


def _tied_alone(
    items: list[Unit],
    keys: Sequence[Set[str]],
    uses: Sequence[Set[str]] | None = None,
    fold: Callable[[str], str] | None = None,
) -> list[Tie]:
    """Sentences of different articles sharing a key (`keys[i]` for `items[i]`) that no other
    sentence of their article holds: a key an article repeats ties nothing. When given,
    `uses[i]` are the keys `items[i]` counts as holding, and `fold` maps a key to its form in
    `uses`."""
    per_article = Counter(
        (u.article, k) for u, ks in zip(items, uses or keys, strict=True) for k in ks
    )
    holders: dict[str, list[int]] = {}
    for i, (u, ks) in enumerate(zip(items, keys, strict=True)):
        for k in ks:
            if per_article[(u.article, fold(k) if fold else k)] == 1:
                holders.setdefault(k, []).append(i)
    ties = {
        tuple((items[i].article, items[i].sentence) for i in found)
        for found in holders.values()
        if len(found) > 1
    }
    return sorted(ties)


def _name(entity: str) -> str:
    """An entity id without its type: "person:mira-holt" -> "mira-holt"."""
    return entity.split(":", 1)[-1]


# Two claims holding this many sentences in common are one (`merged` gives the ECB+ figures).
MERGE_COMMON = 3
# An article lends a claim its sentence (`extend`) at this much below the grouping threshold:
# the sentence must match every member, a stricter test than grouping's one link. ECB+ dev at
# 0.70: 0.02 below gives P 0.9039, R 0.3291 (at the threshold: 0.9043, 0.3154; 0.03 below:
# 0.9004, 0.3322, too near the floor of 0.90; 0.04 below: 0.8977, 0.3394).
EXTEND_BELOW = 0.02

# A tie of more sentences than this is written to `sim` as one block (speed only).
BLOCK = 8


# A statement and a sentence that neither quotes nor names its speaker tie only when they read
# this much alike on their own (MiniLM cosine).
HEARD_ALIKE = 0.5


def _heard_alike(items: list[Unit], ties: list[Tie], sim: np.ndarray) -> list[Tie]:
    """Wording `ties` without the pairs of a statement and a sentence that neither quotes its
    speaker nor names them, unless they read alike (`HEARD_ALIKE`): "'Families and firms have
    carried high borrowing costs for a long time, and today's move is good news for both,' he
    said" and "the first cut since it began raising borrowing costs" share a wording (0.19), but one
    tells what a minister said of the cut and the other the cut. Blinken's "I think this is a
    critical moment for Ukraine" and "The visit ... is seen as a critical moment for
    reinforcing support for Ukraine" (0.50) say one thing; a minister's "Every boat that could
    float went out last night, and every one of them came back with people on board" and "A
    passenger ferry capsized ... with 268 people on board" (0.42-0.48) do not. A figure of one
    thing ties either way: a fire chief's "We brought 14 people out through the smoke" and
    "Paramedics took 14 people to hospital" count the same people."""
    row = {(u.article, u.sentence): k for k, u in enumerate(items)}

    def heard(a: SentenceKey, b: SentenceKey) -> bool:
        x, y = items[row[a]], items[row[b]]
        if bool(x.voices) == bool(y.voices) or sim[row[a], row[b]] >= HEARD_ALIKE:
            return True
        statement, other = (x, y) if x.voices else (y, x)
        named = {_name(e) for e in other.entities} | other.speakers
        return not named.isdisjoint(statement.voices)

    found: list[Tie] = []
    for tie in ties:
        voiced = {bool(items[row[key]].voices) for key in tie if key in row}
        if len(voiced) < 2:  # no statement, or statements only: every pair is heard alike
            found.append(tie)
            continue
        pairs = [(a, b) for a, b in combinations(tie, 2) if a in row and b in row]
        if all(heard(a, b) for a, b in pairs):
            found.append(tie)
        else:  # of three reports or more, the pairs a statement does not part still tie
            found.extend(pair for pair in pairs if heard(*pair))
    return found


def anchor(items: list[Unit], sim: np.ndarray, ties: Iterable[Tie], score: float = 1.0) -> None:
    """Mark as the same claim, in `sim`, the sentences of each tie.

    Two outlets quoting one speaker's same statement report the same fact (that it was said),
    however differently the sentences around the quotes read, so such a pair gets the top score.
    Weaker ties take a lower `score`, so that where they compete for a sentence, the stronger
    one is grouped first.
    """
    row = {(u.article, u.sentence): k for k, u in enumerate(items)}
    pairs: set[tuple[int, int]] = set()
    for tie in ties:
        # One sentence an article: two of one article are never one claim.
        first = {items[row[key]].article: row[key] for key in reversed(tie) if key in row}
        if len(first) > BLOCK:
            # Many articles using one wording: one block write beats their thousands of pairs.
            block = np.ix_(list(first.values()), list(first.values()))
            sim[block] = np.maximum(sim[block], score)
        else:
            pairs.update(combinations(sorted(first.values()), 2))
    if pairs:
        flat = np.fromiter(chain.from_iterable(pairs), dtype=np.intp, count=2 * len(pairs))
        rows, cols = flat[0::2], flat[1::2]
        value = np.maximum(sim[rows, cols], score)
        sim[rows, cols] = value
        sim[cols, rows] = value


# A direct quote this share of its sentence or more makes the sentence a statement.
VOICED = 0.5


def _voices_apart(items: list[Unit], sim: np.ndarray) -> None:
    """Mark as never one claim, in `sim`, two statements by different speakers: “Nobody in
    this city wins …,” said the mayor, and “Every empty bus stop …,” said the union's leader,
    are alike in MiniLM (0.69) but are two people saying two things."""
    voiced = [k for k, u in enumerate(items) if u.voices]
    if voiced:
        block = np.ix_(voiced, voiced)
        shared = _sharing(voiced, [items[k].voices for k in voiced])
        sim[block] = np.where(shared, sim[block], np.minimum(sim[block], 0.0))


def _statements_apart(items: list[Unit], sim: np.ndarray, statements: list[Statement]) -> None:
    """Mark as not one claim by their reading alone, in `sim`, two statements of one speaker
    that no two articles quote as one (`statements`, `drift.same_statements`, which finds one
    statement in other words too): a union leader's speech at a march ("They told us the
    pension age had to rise because the money had run out") and her word on an inquiry two days
    later ("They came about their pensions") are alike in MiniLM (0.71), but two things she
    said. A wording they share may still tie them ("the worst night this island has lived
    through" and "the worst night our island has seen")."""
    voiced = [k for k, u in enumerate(items) if u.voices]
    if len(voiced) < 2:
        return
    # The quotes two articles render as one statement, as groups of (article, start).
    same = DisjointSet((items[k].article, start) for k in voiced for start, _ in items[k].quotes)
    for statement in statements:
        (a, qa), (b, qb) = statement.quotes
        same.add((a, qa.start))
        same.add((b, qb.start))
        same.merge((a, qa.start), (b, qb.start))
    said = [{same[items[k].article, start] for start, _ in items[k].quotes} for k in voiced]
    one_voice = _sharing(voiced, [items[k].voices for k in voiced])
    _kept_apart(items, sim, voiced, one_voice & ~_sharing(voiced, said))


def _sharing(rows: list[int], keys: Sequence[Set[Hashable]]) -> np.ndarray:
    """Which pairs of `rows` share a key (`keys[i]` for `rows[i]`), as a boolean matrix."""
    columns = {key: c for c, key in enumerate(sorted({k for ks in keys for k in ks}, key=repr))}
    incidence = np.zeros((len(rows), len(columns)), dtype=np.float32)
    for row, ks in enumerate(keys):
        incidence[row, [columns[k] for k in ks]] = 1.0
    return np.asarray(incidence @ incidence.T > 0)


def _times_apart(items: list[Unit], sim: np.ndarray) -> None:
    """Mark as never one claim, in `sim`, two sentences that tell of two occasions, one
    recalling an earlier time than the other (`occasions.recalling`): "the last strike, in
    2019, lasted three days" and "drivers will strike for five days from midnight on Sunday"
    are alike in MiniLM (0.73). Not when they give one figure of one thing other than a span of
    time: "a net loss of $85 million, against a profit of $41 million in the first quarter of
    2025" dates only the comparison, and its loss is the first quarter's."""
    dated = [k for k, u in enumerate(items) if u.dated]
    if not dated:
        return
    recalls = occasions.recalling([items[k].dated for k in dated])
    apart = recalls | recalls.T
    # Only two sentences that both count something can give one figure; the rest, at once.
    counting = np.array([_counted(items[k].figures) for k in dated])
    for a, b in zip(*np.nonzero(apart & counting[:, None] & counting[None, :]), strict=True):
        apart[a, b] = not _counted(items[dated[a]].figures & items[dated[b]].figures)
    _kept_apart(items, sim, dated, apart)


def _kept_apart(items: list[Unit], sim: np.ndarray, rows: list[int], apart: np.ndarray) -> None:
    """Mark as never one claim, in `sim`, the pairs of `items[rows]` that `apart` holds, when
    of different articles (two sentences of one article are never one claim anyway)."""
    article = _article_codes(items)[rows]
    apart = apart & (article[:, None] != article[None, :])
    block = np.ix_(rows, rows)
    sim[block] = np.where(apart, np.minimum(sim[block], 0.0), sim[block])


def _undone_apart(items: list[Unit], sim: np.ndarray) -> None:
    """Mark as never one claim, in `sim`, two sentences of different articles that tell an act
    and its undoing (`undoing.undone`): "Hartwell's closed all 11 of its Lindgate restaurants on
    Wednesday" and "Hartwell's said it would reopen its 11 Lindgate restaurants on Monday" are
    alike in MiniLM (0.79)."""
    acted = [k for k, u in enumerate(items) if u.acts]
    if acted:
        _kept_apart(items, sim, acted, undone([items[k].acts for k in acted]))


def _valuers_apart(items: list[Unit], sim: np.ndarray) -> None:
    """Mark as never one claim, in `sim`, two sentences that give one thing's figure, one only
    as someone's valuation and the other only as what it is (`NumberMention.valued_by`):
    "Harrowmere Mutual valued the stolen pieces at 6.4 million orsins" and "The stolen jewels
    are worth 12 million orsins" are two facts, not two values of one. Two valuers may be one
    named two ways ("Harrowmere Mutual", "the insurer"), so their figures are left to the
    claims."""
    told = [_valuers(u) for u in items]
    valued = {thing for given in told for thing, valuers in given.items() if valuers - {""}}
    rows = [k for k, given in enumerate(told) if given.keys() & valued]
    if rows:
        # Each thing a sentence gives one way: True only as valued, False only as it is
        one_way = [
            {
                t: "" not in v
                for t, v in told[k].items()
                if t in valued and (v == {""} or "" not in v)
            }
            for k in rows
        ]
        apart = [[any(a[t] != b[t] for t in a.keys() & b.keys()) for b in one_way] for a in one_way]
        _kept_apart(items, sim, rows, np.array(apart))


def _valuers(u: Unit) -> dict[str, set[str]]:
    """What a sentence gives figures of, each with who valued them ("" for none)."""
    found: dict[str, set[str]] = defaultdict(set)
    for figure in u.figures:
        thing, _, valuer = figure.rpartition("|")[2].partition(VALUED_BY)
        found[thing].add(valuer)
    return found


def _counts_apart(
    items: list[Unit], sim: np.ndarray, published: Mapping[str, datetime | None]
) -> None:
    """Mark as never one claim, in `sim`, two counts of one thing that a later report, half a
    day or more after the other, gives as grown, where the later says in words of change that
    it grows, or the earlier that its own figure grew to what it gives ("killing at least 9
    people" on Monday, "the death toll ... rose to 17" on Tuesday, "has reached 23" on
    Wednesday). One count on two days is two facts, which the timeline orders; MiniLM scores
    them alike (0.62-0.77). A count given lower, or higher in no words of change, may be a
    conflict and is left to the claims."""
    told: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for k, u in enumerate(items):
        for thing, value in _head_counts(u).items():
            told[thing].append((k, value))
        if len(u.tolls) == 1:  # the dead, though the sentence counts the missing too
            told[_TOLL].append((k, next(iter(u.tolls))))
    when = _published_seconds(items, published)
    for counts in told.values():
        for (i, first), (j, second) in combinations(counts, 2):
            between = when[j] - when[i]  # NaN when either time is unknown
            if not abs(between) >= UPDATE_AFTER.total_seconds() or first == second:
                continue
            earlier, later = (first, second) if between > 0 else (second, first)
            # One report says the count grows: the later one ("has reached 23"), or the earlier
            # of its own figure ("The fire had grown to about 2,600 hectares" on Thursday,
            # "after burning about 3,400 hectares" on Friday; not "Pressure had grown since 31
            # MPs signed"). A lower later count may be one told wrongly.
            told_later, told_earlier = (items[j], items[i]) if between > 0 else (items[i], items[j])
            if later > earlier and (
                CHANGE.search(told_later.text) or _grown_to(told_earlier.text, earlier)
            ):
                sim[i, j] = sim[j, i] = min(sim[i, j], 0.0)


_TOLL = "(killed)"
# A count told as grown to its figure: "had grown to about 2,600", "had spread to 2,600".
_GROWN_TO = re.compile(
    r"\b(?:grown|grew|grows|rose|risen|rises|climbed|increased|jumped|reached|swelled|spread"
    r"|expanded)\s+(?:to\s+)?(?:(?:about|around|some|nearly|almost|more\s+than|over)\s+)?"
    r"(?P<figure>\d[\d,]*(?:\.\d+)?)(?:\s+(?P<scale>thousand|million|billion))?",
    re.IGNORECASE,
)


def _grown_to(text: str, value: float) -> bool:
    """Whether `text` tells its figure of `value` as grown to it (`_GROWN_TO`): "The fire had
    grown to about 2,600 hectares"; not another quantity that rose ("as wind speeds rose to 60
    km/h") or none ("Pressure had grown since ...")."""
    return any(
        (parse_number(m["figure"]) or 0) * SCALES.get((m["scale"] or "").lower(), 1) == value
        for m in _GROWN_TO.finditer(text)
    )


def _head_counts(u: Unit, exact: bool = False) -> dict[str, float]:
    """What the sentence counts, by head noun, with its one value: "400,000 Corrant Mobile
    customers" counts customers, and so does "the number of customers whose details were
    taken", "customers (take)". Not spans of time, ratios, or a thing counted twice ("rose to
    17 from 9"); when `exact`, not a figure in words ("hundreds"), a share or a sum either."""
    values: dict[str, set[float]] = defaultdict(set)
    for figure in u.figures:
        value, _, thing = figure.rpartition("|")
        if thing in DURATIONS or "/" in value:
            continue
        if exact and (figure in u.rough or thing in MEASURES):
            continue
        values[thing.partition(" (")[0].split()[-1]].add(float(value))
    return {thing: found.pop() for thing, found in values.items() if len(found) == 1}


def _counted_apart(a: Mapping[str, float], b: Mapping[str, float]) -> bool:
    """Whether two sentences' exact counts (`_head_counts`) count one thing more than `APART`
    times apart: "has about 4.5 million customers" and "has risen to 1.3 million" customers
    are two quantities, which the conflicts do not read as one told two ways
    (`conflicts.disagree`). Shares and sums are left out: "shares fell 12% on Monday" and
    "shares, down 40% this year, slid on Monday" tell one fall."""
    for thing in a.keys() & b.keys():
        low, high = sorted((a[thing], b[thing]))
        if low > 0 and low * APART < high:
            return True
    return False


def _standings_apart(
    items: list[Unit], sim: np.ndarray, published: Mapping[str, datetime | None]
) -> None:
    """Mark as never one claim, in `sim`, a sentence of counts before their end ("With 60% of
    ballots counted, Castellan had 48.2%", "the 50% needed to avoid a runoff"; `Unit.standing`)
    and a sentence of final figures that a later report gives: two facts, as a count on two
    days is. Reports of unknown time take no part."""
    provisional = [k for k, u in enumerate(items) if u.standing == "provisional"]
    final = [k for k, u in enumerate(items) if u.standing == "final"]
    if not provisional or not final:
        return
    when = _published_seconds(items, published)
    later = when[final][None, :] > when[provisional][:, None]  # NaN compares false
    block = np.ix_(provisional, final)
    sim[block] = np.where(later, np.minimum(sim[block], 0.0), sim[block])
    sim[np.ix_(final, provisional)] = sim[block].T


def _published_seconds(items: list[Unit], published: Mapping[str, datetime | None]) -> np.ndarray:
    """When each unit's report came out, in seconds from the first report (NaN when unknown),
    so that pairs are compared as numbers. Times with a zone and times without cannot be
    compared (`conflicts.gap`): those with one are read if there are any."""
    known = {a: t for a, t in published.items() if t is not None}
    zoned = {a: t for a, t in known.items() if t.tzinfo is not None} or known
    start = min(zoned.values(), default=None)
    return np.array(
        [
            (zoned[u.article] - start).total_seconds()
            if start is not None and u.article in zoned
            else np.nan
            for u in items
        ]
    )


def _article_codes(items: list[Unit]) -> np.ndarray:
    """Each unit's article as a number: comparing numbers for every pair of a big story's
    sentences is several times faster than comparing their ids."""
    return np.unique([u.article for u in items], return_inverse=True)[1]


def _counted(figures: Set[str]) -> bool:
    """Whether `figures` ("value|thing", `Unit.figures`) hold one that is no span of time."""
    return any(f.rpartition("|")[2] not in DURATIONS for f in figures)


def group(items: list[Unit], sim: np.ndarray, threshold: float) -> list[list[int]]:
    """Greedy best-first grouping across articles, at most one sentence per article per group."""
    members: dict[int, list[int]] = {i: [i] for i in range(len(items))}
    owner = list(range(len(items)))
    articles = {i: {u.article} for i, u in enumerate(items)}
    # Each group's summed similarity to every sentence (a group is named by its first member),
    # kept up to date as groups merge, so an average link sums one row over the other's members.
    linked = np.array(sim, dtype=np.float64)
    article_of = _article_codes(items)
    rows, cols = np.nonzero(sim >= threshold)
    across = (rows < cols) & (article_of[rows] != article_of[cols])
    rows, cols = rows[across], cols[across]
    # Best first; ties broken by position so the grouping never depends on the sort's whims.
    order = np.lexsort((cols, rows, -sim[rows, cols]))
    for i, j in zip(rows[order].tolist(), cols[order].tolist(), strict=True):
        gi, gj = owner[i], owner[j]
        if gi == gj:
            continue
        if not articles[gi].isdisjoint(articles[gj]):
            continue
        # Average link: the new member must match the group as a whole, not one sentence of it.
        average = linked[gi, members[gj]].sum() / (len(members[gi]) * len(members[gj]))
        if average < threshold * 0.9:
            continue
        for k in members[gj]:
            owner[k] = gi
        members[gi].extend(members.pop(gj))
        articles[gi] |= articles.pop(gj)
        linked[gi] += linked[gj]
    return [
        sorted(g, key=lambda k: (items[k].article, items[k].sentence)) for g in members.values()
    ]


@dataclass(frozen=True)
class Group:
    """The sentences of one claim, as indices into the story's units."""

    members: tuple[int, ...]
    """Grouped for this claim (by `group`, or by a tie in `tied_apart`); it is named in the
    words of one of them."""
    shared: tuple[int, ...] = ()
    """Of other articles, lent by the claims they stand in (`extend`)."""

    @property
    def sentences(self) -> tuple[int, ...]:
        """Every sentence that supports the claim."""
        return self.members + self.shared

    def union(self, other: Group) -> Group:
        """One claim of this and `other`: a sentence grouped for either is a member."""
        members = tuple(dict.fromkeys(self.members + other.members))
        shared = tuple(k for k in dict.fromkeys(self.shared + other.shared) if k not in members)
        return Group(members, shared)


def extend(
    items: list[Unit], sim: np.ndarray, groups: list[list[int]], threshold: float
) -> list[Group]:
    """Each claim with the sentences of the articles it lacks that match all its members.

    Grouping puts a sentence in one claim, but a sentence may state two facts: "Lammy received
    Blinken for talks in London ahead of the visit" joins the other report's "first joint visit"
    and its "talks in London" too. An article lends a claim its one sentence that scores best
    against the claim's weakest link, when that link passes `threshold`; claims are extended from
    the grouping only, so extensions never chain. A sentence that counts what a member counts,
    more than `APART` times over or under (`_counted_apart`), states another fact: a lead's
    "has risen to 1.3 million" customers lends to no claim on "has about 4.5 million
    customers" (nine keys, P 0.7302 -> 0.7393 at the same recall). A one-sentence claim whose
    sentence now stands in another claim is dropped: what it says is no longer one outlet's
    alone.
    """
    article_of = _article_codes(items)
    counts = [_head_counts(u, exact=True) for u in items]
    extended = []
    for members in groups:
        weakest = sim[members].min(axis=0)
        weakest[np.isin(article_of, article_of[members])] = -np.inf
        # Best first, the earlier sentence on a tie; then one per article.
        passing = np.nonzero(weakest >= threshold)[0]
        best: dict[int, int] = {}
        for k in passing[np.argsort(-weakest[passing], kind="stable")].tolist():
            if any(_counted_apart(counts[m], counts[k]) for m in members):
                continue
            best.setdefault(int(article_of[k]), k)
        shared = tuple(best[a] for a in sorted(best))
        extended.append(Group(tuple(members), shared))
    lent = {k for g in extended for k in g.shared}
    kept, seen = [], set()
    for g in extended:
        # Two claims can end up with the same sentences (each lending to the other): one is kept.
        if (len(g.sentences) == 1 and g.members[0] in lent) or frozenset(g.sentences) in seen:
            continue
        seen.add(frozenset(g.sentences))
        kept.append(g)
    return kept


def align(
    items: list[Unit],
    threshold: float,
    statements: list[Statement] | None = None,
    vectors: Mapping[str, np.ndarray] | None = None,
    published: Mapping[str, datetime | None] | None = None,
) -> list[Group]:
    """A story's sentences grouped into claims: embedding similarity, pairs tied by quoting one
    of `statements` (`drift.same_statements`), by borrowed words, a shared phrase, a person and
    a day, or a figure, then best-first grouping at `threshold` and each claim extended
    (`extend`). `published` (article id → publication time) tells a count on one day from the
    count it has grown to on the next (`_counts_apart`), and a count before its end from the
    final one (`_standings_apart`)."""
    sim = similarity(items, vectors)
    quoting = quoted_alike(statements or [])
    anchor(items, sim, quoting)
    _statements_apart(items, sim, statements or [])
    # A shared quoted phrase or wording, or a person and a day, is a lesser sign: it passes the
    # threshold, but any pair that scores better on its own is grouped first.
    lesser = (
        borrowed_words(items)
        + _heard_alike(items, worded_alike(items), sim)
        + named_and_dated_alike(items)
        + figured_alike(items)
    )
    anchor(items, sim, lesser, score=threshold)
    _voices_apart(items, sim)
    _times_apart(items, sim)
    _undone_apart(items, sim)
    _valuers_apart(items, sim)
    _counts_apart(items, sim, published or {})
    _standings_apart(items, sim, published or {})
    claims = extend(items, sim, group(items, sim, threshold), threshold - EXTEND_BELOW)
    return joined(items, merged(items, claims + tied_apart(items, claims, quoting + lesser, sim)))


def merged(items: list[Unit], groups: list[Group]) -> list[Group]:
    """Claims that hold three sentences in common and no two sentences of one article, as one.

    Grouping, extension and the ties can give one fact as two claims that overlap in most of
    their reports and each add one more. Two claims that differ in an article (one holds its
    sentence on who chairs a committee, the other its sentence on the vote) stay apart. On ECB+
    dev, three sentences in common lift precision and recall (P 0.9036 -> 0.9043, R 0.3113 ->
    0.3154); two in common lift recall more but fall to P 0.894, and in the demo they join
    "the vote showed the city could deliver big projects" to a different statement's claim.
    """
    groups = list(groups)
    while True:
        # Pairs of claims by how many sentences they share, from the claims each sentence is in.
        holders: dict[int, list[int]] = defaultdict(list)
        for c, g in enumerate(groups):
            for k in g.sentences:
                holders[k].append(c)
        common = Counter(pair for held in holders.values() for pair in combinations(held, 2))
        pair = next(
            (
                (i, j)
                for (i, j), n in sorted(common.items())
                if n >= MERGE_COMMON and _one_a_report(items, groups[i], groups[j])
            ),
            None,
        )
        if pair is None:
            return groups
        i, j = pair
        groups[i] = groups[i].union(groups[j])
        del groups[j]


def joined(items: list[Unit], groups: list[Group]) -> list[Group]:
    """Claims on sentences of the same quoted passages, as one.

    A quote over two sentences that two reports give makes two claims, one for each sentence,
    both shown in the words of one passage (`Unit.passage`): "“We are being asked to sign a
    blank cheque. Every tram scheme ... has come in late,” he said." A claim whose passages
    (by article) are among another's joins it, unless all its sentences already stand in it.
    """

    def key(g: Group) -> frozenset[tuple[str, tuple[int, int]]]:
        return frozenset(
            (items[k].article, items[k].span or (items[k].sentence, items[k].sentence))
            for k in g.sentences
        )

    groups = list(groups)
    # A joining claim's passages are among its host's, so each key is made once.
    keys = [key(g) for g in groups]
    # Largest first, so that a claim joins the widest claim on its passages.
    hosts: list[int] = []
    for c in sorted(range(len(groups)), key=lambda c: -len(groups[c].sentences)):
        g = groups[c]
        into = next(
            (
                h
                for h in hosts
                if keys[c] <= keys[h] and not set(g.sentences) <= set(groups[h].sentences)
            ),
            None,
        )
        if into is None:
            hosts.append(c)
            continue
        groups[into] = groups[into].union(g)
    return [groups[c] for c in sorted(hosts)]


def _one_a_report(items: list[Unit], a: Group, b: Group) -> bool:
    """Do two claims together hold at most one sentence of each article?"""
    both = set(a.sentences) | set(b.sentences)
    return len({items[k].article for k in both}) == len(both)


def tied_apart(
    items: list[Unit], groups: list[Group], ties: list[Tie], sim: np.ndarray
) -> list[Group]:
    """Ties whose sentences no claim holds together, each as a claim of its own.

    A sentence stating two facts may be tied to two sentences that grouping put in two other
    claims: 000's "a critical moment for Ukraine" sits with 003's escalation sentence, and
    003's "critical moment" with 000's sentence on the visit. The tie still says the two report
    one thing, unless `sim` sets two of them apart (`_voices_apart`, `_times_apart`).
    """
    row = {(u.article, u.sentence): k for k, u in enumerate(items)}
    # The claims each sentence stands in: a tie is held when its sentences share one.
    claims_of: dict[int, set[int]] = defaultdict(set)
    for c, g in enumerate(groups):
        for k in g.sentences:
            claims_of[k].add(c)
    found: list[Group] = []
    for tie in ties:
        members = sorted({row[key] for key in tie if key in row})
        if len(members) < 2 or set.intersection(*(claims_of[k] for k in members)):
            continue
        if any(sim[i, j] <= 0 for i, j in combinations(members, 2)):
            continue
        for k in members:
            claims_of[k].add(len(groups) + len(found))
        found.append(Group(tuple(members)))
    return found


def _plans(items: list[Unit], members: Sequence[int], chosen: Sequence[int]) -> set[int]:
    """The sentences of a claim that only plan what another of its sentences tells done: a
    plan ("will travel to Brantholm later on Saturday") beside its outcome ("visited Brantholm
    on Saturday") tells no one saw it done, and its outlet confirms nothing. Not one that also
    tells a day the others tell passed ("Storm Ilka, which killed 12 people on Friday, will
    reach the coast on Saturday"), nor every sentence of the claim."""
    told = {k: items[k].past for k in members if not items[k].voices}
    plans = set()
    for k in chosen:
        passed = set().union(*(days for j, days in told.items() if j != k))
        if items[k].planned & passed and not items[k].past & passed:
            plans.add(k)
    return plans if len(plans) < len(chosen) else set()


def make_claims(
    story: str,
    items: list[Unit],
    groups: list[Group],
    keys: dict[str, str],
    outlets: dict[str, str],
    order: dict[str, int],
    repeated: Mapping[tuple[str, int], str] | None = None,
) -> list[Claim]:
    """Claims from sentence groups; status from independent sources (conflicts set later).

    A supporting sentence counts for its article's source (`keys`), or for the outlet it says
    it repeats ("…, according to the Gazette") when `repeated` names one. A sentence may support
    several claims; each claim is named in the words of one of its sentences that no earlier
    claim is named in: a member's first (in story order, a fact told done before one told
    a day still ahead: `Unit.ahead`), else a lent one's.
    """
    repeated = repeated or {}

    def position(k: int) -> tuple[int, int]:
        return order[items[k].article], items[k].sentence

    claims = []
    named: set[str] = set()
    for group in groups:
        chosen = sorted(group.sentences, key=position)
        # A lent sentence heads its own claim: members first, then the lent ones. A member that
        # told a day ahead comes after those telling it passed: "the bank cut its rate on
        # Thursday", not the day before's "expect the bank to cut its rate on Thursday". A
        # statement's day is when it was said ("Velde said outside the court on Friday").
        past = set().union(*(items[k].past for k in group.members if not items[k].voices))
        ahead = {k: bool(items[k].ahead & past) for k in chosen}
        planned = _plans(items, group.members, chosen)
        support = tuple(
            Support(
                article=items[k].article,
                sentence=items[k].sentence,
                text=items[k].shown,
                ahead=ahead[k],
            )
            for k in chosen
        )
        independent = len(
            {
                sentence_source((items[k].article, items[k].sentence), keys, repeated)
                for k in chosen
                if k not in planned
            }
        )
        told = sorted(group.members, key=lambda k: (ahead[k], position(k)))
        heads = [items[k].shown for k in told + chosen]
        text = next((t for t in heads if t not in named), heads[0])
        named.add(text)
        digest = hashlib.sha1(
            f"{story}|{[(s.article, s.sentence) for s in support]}".encode()
        ).hexdigest()[:10]
        claims.append(
            Claim(
                id="c" + digest,
                text=text,
                status="corroborated" if independent >= 2 else "single_source",
                independent_sources=independent,
                support=support,
                outlets=tuple(sorted({outlets[s.article] for s in support})),
            )
        )
    return claims
