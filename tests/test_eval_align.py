"""`newsweave eval align` scores the claim grouping against ECB+'s cross-document event chains."""

import json

from newsweave.evaluate.alignment import evaluate_align


def _record(doc: str, lines: list[str], first: int, chains: dict[int, str]) -> dict:
    """An ECB+-format document; `first` is the number of its first sentence (0 or 1 in ECB+)."""
    sentences, offset = [], 0
    for k, line in enumerate(lines):
        sentences.append([first + k, offset, offset + len(line)])
        offset += len(line) + 1
    return {
        "id": doc,
        "topic": "1",
        "gold_event_id": "1_ecbplus",
        "text": "\n".join(lines),
        "sentences": sentences,
        "annotated_sentences": sorted(first + k for k in chains),
        "mentions": [
            {"kind": "event", "sent": first + k, "coref": chain} for k, chain in chains.items()
        ],
    }


def test_sentences_numbered_from_one_are_matched_to_their_own_gold(tmp_path):
    storm = "The storm flooded the harbour district of Velmora overnight, officials said."
    vote = "The council of Velmora voted to rebuild the sea wall before next winter."
    a = _record(
        "a", [storm, "An unrelated line about the weekend market.", vote], 0, {0: "F", 2: "V"}
    )
    b = _record("b", ["Velmora floods", storm, vote], 1, {1: "F", 2: "V"})
    path = tmp_path / "ecb.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in (a, b)))
    metrics = evaluate_align(path)
    assert metrics["pairs"] == 2
    assert metrics["recall"] == 1.0 and metrics["precision"] == 1.0
