"""Claims: sentences of different articles that state the same fact, grouped, with their standing.

Sentences are embedded (MiniLM) and paired across articles when their similarity passes
`compare.claim_similarity`; shared entities and numbers raise the score a little, so two
sentences about the same people and figures align more readily than two that only sound alike.
Pairs are joined greedily, best first, never putting two sentences of one article in one claim
(which keeps a claim from drifting topic by chaining).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np

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
            found.append(
                Unit(analysis.article_id, sentence.index, sentence.text, entities, numbers)
            )
    return found


def similarity(items: list[Unit]) -> np.ndarray:
    """Pairwise similarity of sentences: embedding cosine plus a small bonus for shared names."""
    vectors = encode([u.text for u in items])
    sim = vectors @ vectors.T
    for i, a in enumerate(items):
        for j in range(i + 1, len(items)):
            b = items[j]
            if a.entities and b.entities:
                shared = len(a.entities & b.entities) / min(len(a.entities), len(b.entities))
                bonus = 0.08 * shared
                sim[i, j] += bonus
                sim[j, i] += bonus
    return np.asarray(sim)


def group(items: list[Unit], sim: np.ndarray, threshold: float) -> list[list[int]]:
    """Greedy best-first grouping across articles, at most one sentence per article per group."""
    members: dict[int, list[int]] = {i: [i] for i in range(len(items))}
    owner = list(range(len(items)))
    pairs = [
        (sim[i, j], i, j)
        for i in range(len(items))
        for j in range(i + 1, len(items))
        if items[i].article != items[j].article and sim[i, j] >= threshold
    ]
    for _, i, j in sorted(pairs, reverse=True):
        gi, gj = owner[i], owner[j]
        if gi == gj:
            continue
        articles_i = {items[k].article for k in members[gi]}
        if articles_i & {items[k].article for k in members[gj]}:
            continue
        # Average link: the new member must match the group as a whole, not one sentence of it.
        average = np.mean([sim[a, b] for a in members[gi] for b in members[gj]])
        if average < threshold * 0.9:
            continue
        for k in members[gj]:
            owner[k] = gi
        members[gi].extend(members.pop(gj))
    return [
        sorted(g, key=lambda k: (items[k].article, items[k].sentence)) for g in members.values()
    ]


def make_claims(
    story: str,
    items: list[Unit],
    groups: list[list[int]],
    keys: dict[str, str],
    outlets: dict[str, str],
    order: dict[str, int],
) -> list[Claim]:
    """Claims from sentence groups; status from independent sources (conflicts set later)."""
    claims = []
    for members in groups:
        chosen = sorted(members, key=lambda k: (order[items[k].article], items[k].sentence))
        support = tuple(
            Support(article=items[k].article, sentence=items[k].sentence, text=items[k].text)
            for k in chosen
        )
        independent = len({keys[s.article] for s in support})
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
