"""Claim alignment on the ECB+ format: do we line up the sentences that report the same happening?

Gold: two annotated sentences in different documents of one event (`gold_event_id`) are aligned
when they share a cross-document event chain (a mention of kind `event` whose `coref` is neither
null nor `INTRA:…`). Predicted: two such sentences fall in one claim of `compare`'s claim grouping
(`claims.align`, as the product runs it), over the documents of that event as one story. Scored
by pairwise precision, recall and F1 over all events, only among annotated sentences (the gold
says nothing of the others).
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable
from itertools import combinations
from pathlib import Path
from typing import Any, TypeVar

from newsweave.analyze import analyze_many
from newsweave.compare.claims import align, units
from newsweave.compare.drift import same_statements
from newsweave.compare.identity import story_entities
from newsweave.evaluate import Metrics, read_jsonl
from newsweave.models import Article
from newsweave.settings import Settings

Key = tuple[str, int]  # (document id, sentence index)
K = TypeVar("K", bound=tuple[Any, int])


def cross_pairs(keys: Iterable[K]) -> set[tuple[K, K]]:
    """Pairs of sentences (document, sentence) of different documents, each pair in one order."""
    return {(a, b) for a, b in combinations(sorted(set(keys)), 2) if a[0] != b[0]}


def pairwise(hits: int, predicted: int, gold: int) -> dict[str, float | int]:
    """Pairwise precision, recall and F1 of `predicted` pairs, `hits` of them among `gold`."""
    precision = hits / predicted if predicted else 0.0
    recall = hits / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "pairs": gold,
        "predicted_pairs": predicted,
    }


def gold_pairs(records: list[dict]) -> set[tuple[Key, Key]]:
    """Pairs of annotated sentences of different documents sharing a cross-document event chain."""
    chains: dict[tuple[str, str], set[Key]] = defaultdict(set)
    for record in records:
        annotated = set(record.get("annotated_sentences") or [])
        for mention in record.get("mentions") or []:
            chain = mention.get("coref")
            if mention.get("kind") != "event" or not chain or str(chain).startswith("INTRA:"):
                continue
            if mention["sent"] in annotated:
                chains[(record["gold_event_id"], chain)].add((record["id"], mention["sent"]))
    return {pair for members in chains.values() for pair in cross_pairs(members)}


def evaluate_align(
    path: str | Path, limit: int | None = None, settings: Settings | None = None
) -> Metrics:
    """Claim grouping per gold event, scored against the cross-document event chains."""
    settings = settings or Settings()
    started = time.perf_counter()
    records = list(read_jsonl(path, limit))
    by_event = by_gold_event(records)
    annotated = {(r["id"], s) for r in records for s in r.get("annotated_sentences") or []}
    predicted: set[tuple[Key, Key]] = set()
    for event_records in by_event.values():
        predicted |= _aligned(event_records, settings)
    gold = gold_pairs(records)
    predicted = {pair for pair in predicted if pair[0] in annotated and pair[1] in annotated}
    return {
        **pairwise(len(predicted & gold), len(predicted), len(gold)),
        "events": len(by_event),
        "documents": len(records),
        "threshold": settings.compare.claim_similarity,
        "seconds": round(time.perf_counter() - started, 1),
    }


def _aligned(records: list[dict], settings: Settings) -> set[tuple[Key, Key]]:
    """Sentence pairs that the claim grouping puts together, one story per gold event."""
    articles = [ecb_article(r) for r in records]
    analyses = list(analyze_many(articles, settings.analyze))
    _, entity_map = story_entities(analyses)
    items = units(analyses, entity_map)
    if not items:
        return set()
    # Our sentences never cross a line, so a sentence maps back to its ECB+ line by paragraph,
    # and a line to ECB+'s sentence number (0-based in the ecb half, 1-based in ecbplus).
    number = {r["id"]: [sid for sid, _, _ in r["sentences"]] for r in records}
    line_of = {
        (a.article_id, s.index): number[a.article_id][s.paragraph]
        for a in analyses
        for s in a.sentences
    }
    pairs: set[tuple[Key, Key]] = set()
    statements = same_statements(analyses, entity_map, settings.compare.drift_similarity)
    for claim in align(items, settings.compare.claim_similarity, statements):
        pairs |= cross_pairs(
            (items[k].article, line_of[(items[k].article, items[k].sentence)])
            for k in claim.sentences
        )
    return pairs


def by_gold_event(records: list[dict]) -> dict[str, list[dict]]:
    """ECB+ records grouped by their gold event, in file order."""
    grouped: dict[str, list[dict]] = defaultdict(list)
    for record in records:
        grouped[record["gold_event_id"]].append(record)
    return grouped


def ecb_article(record: dict) -> Article:
    """An ECB+ record as an article whose paragraphs are its lines, and sentence indices ECB+'s."""
    # Lines kept as paragraphs exactly (no cleaning), so sentence indices stay ECB+'s.
    lines = tuple(record["text"].split("\n"))
    return Article(
        id=record["id"],
        source=record["id"],
        url=None,
        canonical_url=None,
        outlet=record["id"],
        title=lines[0][:200],
        text="\n\n".join(lines),
        paragraphs=lines,
        content_hash=record["id"],
    )
