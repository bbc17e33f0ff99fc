"""Claims: sentences of different articles that state the same fact, grouped, with their standing.

Sentences are embedded (MiniLM) and paired across articles when their similarity passes
`compare.claim_similarity`; shared entities and numbers raise the score a little, so two
sentences about the same people and figures align more readily than two that only sound alike.
Pairs are joined greedily, best first, never putting two sentences of one article in one claim
(which keeps a claim from drifting topic by chaining).

Signals the embedding misses tie a pair regardless of wording (`anchor`): one speaker's same
statement quoted in both (`quoted_alike`), words one article puts in quotation marks that the
other uses too ("special relationship"; `borrowed_words`), and a person and a day that only
these two sentences of their articles bring together ("Starmer ... on Friday";
`named_and_dated_alike`).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from newsweave.analyze.dates import day_of
from newsweave.compare.drift import Statement
from newsweave.embed import encode
from newsweave.models import Analysis, Claim, Support

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


def units(analyses: list[Analysis], entity_map: dict[str, str]) -> list[Unit]:
    """The sentences worth aligning: long enough to state a fact."""
    found = []
    for analysis in analyses:
        for sentence in analysis.sentences:
            if len(sentence.text.split()) < MIN_WORDS:
                continue
            entities = frozenset(
                entity_map.get(m.entity, m.entity)
                for m in analysis.mentions
                if m.sentence == sentence.index
            )
            numbers = frozenset(n.value for n in analysis.numbers if n.sentence == sentence.index)
            days = frozenset(
                day
                for d in analysis.dates
                if d.sentence == sentence.index and (day := day_of(d)) is not None
            )
            found.append(
                Unit(analysis.article_id, sentence.index, sentence.text, entities, numbers, days)
            )
    return found


def similarity(items: list[Unit], vectors: Mapping[str, np.ndarray] | None = None) -> np.ndarray:
    """Pairwise similarity of sentences: embedding cosine plus a small bonus for shared names.

    `vectors` holds each article's stored sentence vectors (row = sentence index); sentences of
    articles without them are encoded here.
    """
    vectors = vectors or {}
    missing = [u.text for u in items if u.article not in vectors]
    encoded = iter(encode(missing)) if len(missing) < len(items) else None
    if encoded is None:
        matrix = encode([u.text for u in items])
    else:
        matrix = np.stack(
            [
                vectors[u.article][u.sentence] if u.article in vectors else next(encoded)
                for u in items
            ]
        )
    sim = matrix @ matrix.T
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


SentenceKey = tuple[str, int]
"""(article id, sentence index)."""


# A statement this short ("unacceptable", "a dramatic escalation") may be a stock phrase that two
# speakers' different sentences share; longer ones tie their sentences into one claim.
ANCHOR_WORDS = 5


def quoted_alike(statements: list[Statement]) -> list[tuple[SentenceKey, SentenceKey]]:
    """The sentences of two articles that quote one speaker's same statement of some length."""
    return [
        ((a, qa.sentence), (b, qb.sentence))
        for statement in statements
        if statement.words >= ANCHOR_WORDS
        for (a, qa), (b, qb) in [statement.quotes]
    ]


# Text in quotation marks, straight or curly, within one sentence.
_QUOTED = re.compile(r"[\"“”]([^\"“”]{3,200})[\"“”]")
_WORD = re.compile(r"\w+")


def borrowed_words(items: list[Unit]) -> list[tuple[SentenceKey, SentenceKey]]:
    """Sentences of two articles sharing words that one of them puts in quotation marks.

    Quotation marks say the words are someone's: another article using the same words has
    them from the same place. The phrase must have two words or more, one of them not a stop
    word, and appear in one sentence of each article only (a phrase an article
    repeats ties nothing).
    """
    norm = [" " + " ".join(_WORD.findall(u.text.lower())) + " " for u in items]
    pairs: list[tuple[SentenceKey, SentenceKey]] = []
    for i, u in enumerate(items):
        for quoted in _QUOTED.findall(u.text):
            words = _WORD.findall(quoted.lower())
            if len(words) < 2 or all(w in ENGLISH_STOP_WORDS for w in words):
                continue
            phrase = " " + " ".join(words) + " "
            holders: dict[str, list[int]] = {}
            for j, text in enumerate(norm):
                if phrase in text:
                    holders.setdefault(items[j].article, []).append(j)
            if holders.get(u.article) != [i]:
                continue
            pairs.extend(
                ((u.article, u.sentence), (items[js[0]].article, items[js[0]].sentence))
                for article, js in holders.items()
                if article != u.article and len(js) == 1
            )
    return pairs


def named_and_dated_alike(items: list[Unit]) -> list[tuple[SentenceKey, SentenceKey]]:
    """Sentences of two articles that, alone in their articles, name one person with one day.

    "Sir Keir flies to Washington on Friday" and "Keir Starmer's visit to the White House
    scheduled for Friday" share little wording but the same person on the same day. A name
    counts as a person's when the story tags it a person anywhere (the tagger sometimes types
    a person as an organisation); organisations and places never count: a story's lead names its
    operator or town with its day in many sentences that state different facts.
    """
    people = {_name(e) for u in items for e in u.entities if e.startswith("person:")}
    keys = [
        {(n, day) for n in {_name(e) for e in u.entities} & people for day in u.days} for u in items
    ]
    per_article = Counter((u.article, k) for u, ks in zip(items, keys, strict=True) for k in ks)
    holders: dict[tuple[str, str], list[int]] = {}
    for i, (u, ks) in enumerate(zip(items, keys, strict=True)):
        for k in ks:
            if per_article[(u.article, k)] == 1:
                holders.setdefault(k, []).append(i)
    return [
        ((items[i].article, items[i].sentence), (items[j].article, items[j].sentence))
        for found in holders.values()
        for n, i in enumerate(found)
        for j in found[n + 1 :]
    ]


def _name(entity: str) -> str:
    """An entity id without its type: "person:mira-holt" -> "mira-holt"."""
    return entity.split(":", 1)[-1]


def anchor(
    items: list[Unit],
    sim: np.ndarray,
    pairs: Iterable[tuple[SentenceKey, SentenceKey]],
    score: float = 1.0,
) -> None:
    """Mark as the same claim, in `sim`, each pair of sentences known to state one thing.

    Two outlets quoting one speaker's same statement report the same fact (that it was said),
    however differently the sentences around the quotes read, so such a pair gets the top score.
    Weaker ties take a lower `score`, so that where they compete for a sentence, the stronger
    one is grouped first.
    """
    row = {(u.article, u.sentence): k for k, u in enumerate(items)}
    for a, b in pairs:
        i, j = row.get(a), row.get(b)
        if i is not None and j is not None and items[i].article != items[j].article:
            sim[i, j] = sim[j, i] = max(float(sim[i, j]), score)


def group(items: list[Unit], sim: np.ndarray, threshold: float) -> list[list[int]]:
    """Greedy best-first grouping across articles, at most one sentence per article per group."""
    members: dict[int, list[int]] = {i: [i] for i in range(len(items))}
    owner = list(range(len(items)))
    articles = {i: {u.article} for i, u in enumerate(items)}
    # Sum of similarities between every two groups (a group is named by its first member), kept
    # up to date as groups merge, so an average link costs one lookup.
    linked = np.array(sim, dtype=np.float64)
    article_of = np.array([u.article for u in items])
    above = np.triu(sim >= threshold, k=1) & (article_of[:, None] != article_of[None, :])
    rows, cols = np.nonzero(above)
    # Best first; ties broken by position so the grouping never depends on the sort's whims.
    order = np.lexsort((cols, rows, -sim[rows, cols]))
    for i, j in zip(rows[order].tolist(), cols[order].tolist(), strict=True):
        gi, gj = owner[i], owner[j]
        if gi == gj:
            continue
        if not articles[gi].isdisjoint(articles[gj]):
            continue
        # Average link: the new member must match the group as a whole, not one sentence of it.
        average = linked[gi, gj] / (len(members[gi]) * len(members[gj]))
        if average < threshold * 0.9:
            continue
        for k in members[gj]:
            owner[k] = gi
        members[gi].extend(members.pop(gj))
        articles[gi] |= articles.pop(gj)
        linked[gi, :] += linked[gj, :]
        linked[:, gi] += linked[:, gj]
    return [
        sorted(g, key=lambda k: (items[k].article, items[k].sentence)) for g in members.values()
    ]


def align(
    items: list[Unit],
    threshold: float,
    statements: list[Statement] | None = None,
    vectors: Mapping[str, np.ndarray] | None = None,
) -> list[list[int]]:
    """A story's sentences grouped into claims: embedding similarity, pairs tied by quoting one
    of `statements` (`drift.same_statements`), by borrowed words or by a person and a day, then
    best-first grouping at `threshold`."""
    sim = similarity(items, vectors)
    anchor(items, sim, quoted_alike(statements or []))
    # A shared quoted phrase, or a person and a day, is a lesser sign: it passes the threshold,
    # but any pair that scores better on its own is grouped first.
    anchor(items, sim, borrowed_words(items) + named_and_dated_alike(items), score=threshold)
    return group(items, sim, threshold)


def make_claims(
    story: str,
    items: list[Unit],
    groups: list[list[int]],
    keys: dict[str, str],
    outlets: dict[str, str],
    order: dict[str, int],
    repeated: Mapping[tuple[str, int], str] | None = None,
) -> list[Claim]:
    """Claims from sentence groups; status from independent sources (conflicts set later).

    A supporting sentence counts for its article's source (`keys`), or for the outlet it says
    it repeats ("…, according to the Gazette") when `repeated` names one.
    """
    repeated = repeated or {}
    claims = []
    for members in groups:
        chosen = sorted(members, key=lambda k: (order[items[k].article], items[k].sentence))
        support = tuple(
            Support(article=items[k].article, sentence=items[k].sentence, text=items[k].text)
            for k in chosen
        )
        independent = len(
            {repeated.get((s.article, s.sentence)) or keys[s.article] for s in support}
        )
        digest = hashlib.sha1(
            f"{story}|{[(s.article, s.sentence) for s in support]}".encode()
        ).hexdigest()[:10]
        claims.append(
            Claim(
                id="c" + digest,
                text=support[0].text,
                status="corroborated" if independent >= 2 else "single_source",
                independent_sources=independent,
                support=support,
                outlets=tuple(sorted({outlets[s.article] for s in support})),
            )
        )
    return claims
