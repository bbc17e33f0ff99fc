"""Compare: line a story's articles up against each other.

Claims (what several articles state, and how many independent outlets stand behind each),
conflicts (one fact, different values), quote drift (one statement, different words), the
timeline, and lineage (who copied or cited whom). Pure: the story's records in, a `Comparison` out.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from newsweave.compare.claims import Group, align, make_claims, units
from newsweave.compare.clock import clock_conflicts
from newsweave.compare.conflicts import find_conflicts, marked, once
from newsweave.compare.counts import count_conflicts
from newsweave.compare.dating import date_conflicts
from newsweave.compare.drift import find_drift, same_statements
from newsweave.compare.happenings import happening_conflicts
from newsweave.compare.identity import (
    marker_links,
    sentence_keys,
    source_keys,
    story_entities,
)
from newsweave.compare.named import named_conflicts
from newsweave.compare.places import place_conflicts
from newsweave.compare.speakers import misattributed
from newsweave.compare.timeline import build_timeline
from newsweave.models import Analysis, Article, Comparison, LineageLink, Story
from newsweave.settings import CompareSettings

__all__ = ["compare"]


def compare(
    story: Story,
    articles: list[Article],
    analyses: dict[str, Analysis],
    links: list[LineageLink],
    settings: CompareSettings | None = None,
    vectors: Mapping[str, np.ndarray] | None = None,
) -> Comparison:
    """Align the claims, quotes, numbers and dates of one story's articles.

    `vectors` are the articles' stored sentence vectors (`embed.sentence_vectors`), by article
    id; those missing are computed, so passing them only saves time.
    """
    settings = settings or CompareSettings()
    ids = {a.id for a in articles}
    lineage = [link for link in links if link.article in ids] + marker_links(articles, analyses)
    keys = source_keys(articles, lineage)
    repeated = sentence_keys(lineage, keys)
    ordered = [analyses[a.id] for a in articles if a.id in analyses]
    entities, entity_map = story_entities(ordered)
    published = {a.id: a.published for a in articles}
    items = units(ordered, entity_map, published)
    statements = same_statements(ordered, entity_map, settings.drift_similarity)
    groups: list[Group] = []
    if items:
        groups = align(items, settings.claim_similarity, statements, vectors, published)
    order = {a.id: i for i, a in enumerate(articles)}
    outlets = {a.id: a.outlet for a in articles}
    claims = make_claims(story.id, items, groups, keys, outlets, order, repeated)
    in_order = {a.article_id: a for a in ordered}
    claims, conflicts = find_conflicts(claims, in_order, published, vectors)
    others = date_conflicts(claims, in_order, published) + place_conflicts(claims, in_order)
    others += clock_conflicts(claims, in_order, published)
    others = once(others + happening_conflicts(in_order, published))
    others += count_conflicts(in_order, published, known=conflicts)
    named = {c.what for c in conflicts + others}
    others += [
        c
        for c in named_conflicts(in_order, published, known=conflicts + others)
        if c.what not in named
    ]
    others += misattributed(ordered, entity_map, entities)
    claims = marked(claims, others)
    conflicts += others
    claims.sort(
        key=lambda c: (
            -c.independent_sources,
            -len({s.article for s in c.support}),  # a quote over two sentences is one report
            order[c.support[0].article],
            c.support[0].sentence,
            c.id,  # claims may now share their first sentence
        )
    )
    names = {e.id: e.name for e in entities}
    return Comparison(
        story=story.id,
        claims=tuple(claims),
        quote_drift=tuple(find_drift(statements, names)),
        conflicts=tuple(conflicts),
        timeline=tuple(build_timeline(articles, analyses, claims)),
        lineage=tuple(lineage),
    )
