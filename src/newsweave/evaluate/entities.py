"""Entity types on the ECB+ format: is a named person, place or organisation typed as one?

Gold: ECB+'s participant and location mentions with a type we track: `HUMAN_PART_PER` (a person),
`HUMAN_PART_ORG` (an organisation), `HUMAN_PART_GPE`, `LOC_GEO` and `LOC_FAC` (a place; a
government acting is a place's mention in newsweave). ECB+ annotates only the mentions that take
part in its events, and pronouns and descriptions too, so it scores types, not the finding of
names: each of our name mentions that overlaps a gold mention is typed right or wrong, by the
type its story gives it (`compare.identity.story_entities`, over the documents of one gold
event, as the brief shows it). `found` is the share of gold mentions written as names (every
word capitalised) that overlap one of our mentions.
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

from newsweave.analyze import analyze_many
from newsweave.compare.identity import story_entities
from newsweave.evaluate import Metrics, read_jsonl
from newsweave.evaluate.alignment import by_gold_event, ecb_article
from newsweave.settings import Settings

GOLD_TYPES = {
    "HUMAN_PART_PER": "person",
    "HUMAN_PART_ORG": "organisation",
    "HUMAN_PART_GPE": "place",
    "LOC_GEO": "place",
    "LOC_FAC": "place",
}

# Words a name may hold in lower case ("Bank of England", "Prince of Wales").
_JOINERS = frozenset(
    {"of", "the", "and", "de", "da", "das", "do", "dos", "del", "la", "von", "van"}
)


def evaluate_entities(
    path: str | Path, limit: int | None = None, settings: Settings | None = None
) -> Metrics:
    """Type accuracy of our name mentions against ECB+'s typed mentions, per gold event story."""
    settings = settings or Settings()
    started = time.perf_counter()
    records = list(read_jsonl(path, limit))
    by_event = by_gold_event(records)
    confusion: Counter[tuple[str, str]] = Counter()
    names = found = 0
    for event_records in by_event.values():
        analyses = list(analyze_many([ecb_article(r) for r in event_records], settings.analyze))
        entities, entity_map = story_entities(analyses)
        type_of = {e.id: e.type for e in entities}
        for record, analysis in zip(event_records, analyses, strict=True):
            spans = [
                (m.start, m.end, type_of[entity_map[m.entity]])
                for m in analysis.mentions
                if m.kind in ("name", "government")
            ]
            for gold_type, start, end, is_name in _gold(record):
                hits = [t for s, e, t in spans if s < end and start < e]
                names += is_name
                found += is_name and bool(hits)
                if hits:
                    confusion[(gold_type, hits[0])] += 1
    scored = sum(confusion.values())
    right = sum(n for (gold, ours), n in confusion.items() if gold == ours)
    per_type = {}
    for gold_type in sorted(set(GOLD_TYPES.values())):
        row = {ours: n for (g, ours), n in confusion.items() if g == gold_type}
        total = sum(row.values())
        per_type[gold_type] = {
            "mentions": total,
            "accuracy": round(row.get(gold_type, 0) / total, 4) if total else 0.0,
            "typed_as": dict(sorted(row.items())),
        }
    return {
        "accuracy": round(right / scored, 4) if scored else 0.0,
        "mentions": scored,
        "found": round(found / names, 4) if names else 0.0,
        "names": names,
        "per_type": per_type,
        "documents": len(records),
        "seconds": round(time.perf_counter() - started, 1),
    }


def _gold(record: dict) -> list[tuple[str, int, int, bool]]:
    """The record's typed gold mentions as (type, start, end, written as a name), in the
    offsets of `ecb_article`'s text, where each line break is doubled."""
    text: str = record["text"]
    out = []
    for mention in record.get("mentions") or []:
        gold_type = GOLD_TYPES.get(mention.get("tag", ""))
        if gold_type is None:
            continue
        start, end = mention["start"], mention["end"]
        shift = text.count("\n", 0, start)
        words = text[start:end].split()
        is_name = bool(words) and all(w[:1].isupper() or w in _JOINERS for w in words)
        out.append((gold_type, start + shift, end + shift, is_name))
    return out
