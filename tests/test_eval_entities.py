"""`newsweave eval entities` scores the types of our name mentions against ECB+'s typed mentions."""

import json

from newsweave.evaluate.entities import evaluate_entities


def _record(doc: str, lines: list[str], typed: list[tuple[str, str]]) -> dict:
    """An ECB+-format document whose `typed` (text, tag) mentions are found in its text."""
    text = "\n".join(lines)
    mentions = []
    for words, tag in typed:
        start = text.index(words)
        mentions.append(
            {
                "kind": "participant",
                "tag": tag,
                "text": words,
                "start": start,
                "end": start + len(words),
            }
        )
    return {"id": doc, "topic": "1", "gold_event_id": "1_ecb", "text": text, "mentions": mentions}


def test_types_are_scored_where_our_mentions_meet_the_gold(tmp_path):
    a = _record(
        "a",
        [
            "Floods close the harbour",
            "Mayor Ilse Varga said the harbour of Velmora would reopen on Monday.",
        ],
        [("Ilse Varga", "HUMAN_PART_PER"), ("Velmora", "LOC_GEO"), ("the harbour", "LOC_FAC")],
    )
    b = _record(
        "b",
        ["The Velmora Port Authority said Ilse Varga had ordered the closure."],
        [("Velmora Port Authority", "HUMAN_PART_ORG"), ("Ilse Varga", "HUMAN_PART_PER")],
    )
    path = tmp_path / "ecb.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in (a, b)))
    metrics = evaluate_entities(path)
    # "the harbour" is no name: not counted among the names, and met by no mention of ours.
    assert metrics["names"] == 4
    assert metrics["per_type"]["person"]["mentions"] == 2
    assert metrics["per_type"]["person"]["accuracy"] == 1.0
    assert metrics["found"] == 1.0 and metrics["accuracy"] == 1.0, metrics
