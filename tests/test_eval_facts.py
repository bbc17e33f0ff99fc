"""`newsweave eval facts` scores the claims against a corpus's fact key (tests/corpora/*/facts.json)."""

import json

import pytest
from typer.testing import CliRunner

from newsweave.cli import app
from newsweave.errors import InputError
from newsweave.evaluate.facts import evaluate_facts

STORM = "The storm flooded the harbour district of Velmora overnight, the city council said."
WALL = "The council of Velmora voted on Tuesday to rebuild the sea wall before next winter."
MARKET = "The weekend market on the quay will not open on Saturday."
FERRY = "Ferries to the islands were cancelled for a second day."


def _corpus(
    tmp_path,
    facts: list[dict],
    name: str = "storm",
    texts: tuple[str, str] = (f"{STORM}\n\n{WALL}\n\n{MARKET}", f"{STORM}\n\n{FERRY}\n\n{WALL}"),
    conflicts: list[dict] | None = None,
):
    corpus = tmp_path / name
    corpus.mkdir()
    articles = [
        {
            "outlet": "Velmora Post",
            "url": "https://post.example/storm",
            "published": "2026-03-03T09:00:00+00:00",
            "title": "Storm floods Velmora harbour",
            "text": texts[0],
        },
        {
            "outlet": "Coast Daily",
            "url": "https://coast.example/velmora",
            "published": "2026-03-03T11:00:00+00:00",
            "title": "Velmora counts the cost of the storm",
            "text": texts[1],
        },
    ]
    key = {"stories": [[1, 2]], "facts": facts}
    if conflicts is not None:
        key["conflicts"] = conflicts
    (corpus / "articles.jsonl").write_text("\n".join(json.dumps(a) for a in articles))
    (corpus / "facts.json").write_text(json.dumps(key))
    return corpus


def _fact(what: str, *refs: tuple[int, str]) -> dict:
    return {"what": what, "sentences": [{"article": a, "quote": q} for a, q in refs]}


def test_a_key_of_every_shared_fact_scores_the_grouping_in_full(tmp_path):
    corpus = _corpus(
        tmp_path,
        [
            _fact("the flood", (1, "flooded the harbour"), (2, "flooded the harbour")),
            _fact("the vote", (1, "voted on Tuesday"), (2, "voted on Tuesday")),
        ],
    )
    metrics = evaluate_facts(corpus)
    assert metrics["pairs"] == 2
    assert (metrics["precision"], metrics["recall"]) == (1.0, 1.0)
    assert metrics["corpora"]["storm"]["pairs"] == 2


def test_a_grouping_the_key_does_not_list_counts_against_precision(tmp_path):
    # The key lists only the flood: the vote's two sentences, grouped, are a wrong pair.
    corpus = _corpus(tmp_path, [_fact("the flood", (1, "flooded the harbour"), (2, "flooded"))])
    metrics = evaluate_facts(tmp_path)  # a directory of corpora works too
    assert metrics["recall"] == 1.0
    assert metrics["precision"] == 0.5
    assert list(metrics["corpora"]) == [corpus.name]


def test_a_quote_in_no_sentence_is_a_clear_error(tmp_path):
    corpus = _corpus(tmp_path, [_fact("the flood", (1, "the river burst"), (2, "flooded"))])
    with pytest.raises(InputError, match="'the river burst' is in 0 sentences of article 1"):
        evaluate_facts(corpus)


def test_the_command_prints_each_corpus_and_refuses_a_directory_without_keys(tmp_path):
    _corpus(tmp_path, [_fact("the flood", (1, "flooded the harbour"), (2, "flooded"))])
    result = CliRunner().invoke(app, ["eval", "facts", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "storm: P / R / F1" in result.output
    empty = tmp_path / "empty"
    empty.mkdir()
    result = CliRunner().invoke(app, ["eval", "facts", str(empty)])
    assert result.exit_code != 0
    assert "no facts.json" in result.output


def test_pairs_a_reader_may_group_either_way_count_for_nothing(tmp_path):
    # The vote's two sentences, marked "either", are neither missed nor wrongly grouped.
    corpus = _corpus(
        tmp_path,
        [
            _fact("the flood", (1, "flooded the harbour"), (2, "flooded")),
            {**_fact("the vote", (1, "voted on Tuesday"), (2, "voted on Tuesday")), "either": True},
        ],
    )
    metrics = evaluate_facts(corpus)
    assert (metrics["precision"], metrics["recall"], metrics["pairs"]) == (1.0, 1.0, 1)


# Two outlets count the storm's dead differently: a conflict a reader must be told of.
KILLED = (
    "The storm killed {} people in the harbour district of Velmora on Monday, the council said."
)
TOLL = (
    f"{KILLED.format(12)}\n\n{WALL}\n\n{MARKET}",
    f"{KILLED.format(15)}\n\n{FERRY}\n\n{WALL}",
)
DEAD = _fact("the dead", (1, "killed 12"), (2, "killed 15"))


def _dead(*sides: tuple[int, str], either: bool = False) -> dict:
    conflict = {"what": "the dead", "sides": [[{"article": a, "value": v}] for a, v in sides]}
    return {**conflict, "either": True} if either else conflict


def test_a_conflict_the_key_lists_is_found_and_scored(tmp_path):
    corpus = _corpus(tmp_path, [DEAD], texts=TOLL, conflicts=[_dead((1, "12"), (2, "15 people"))])
    conflicts = evaluate_facts(corpus)["conflicts"]
    assert (conflicts["precision"], conflicts["recall"]) == (1.0, 1.0)
    assert (conflicts["raised"], conflicts["known"]) == (1, 1)


def test_a_conflict_the_key_does_not_list_is_a_false_alarm(tmp_path):
    # The key says the story has no conflict, or one of other values (of a day, say).
    for name, conflicts in [("none", []), ("other", [_dead((1, "Tuesday"), (2, "Monday"))])]:
        corpus = _corpus(tmp_path, [DEAD], name=name, texts=TOLL, conflicts=conflicts)
        scored = evaluate_facts(corpus)["conflicts"]
        assert (scored["precision"], scored["raised"]) == (0.0, 1), name


def test_a_conflict_a_reader_may_raise_either_way_counts_for_nothing(tmp_path):
    corpus = _corpus(
        tmp_path, [DEAD], texts=TOLL, conflicts=[_dead((1, "12"), (2, "15"), either=True)]
    )
    conflicts = evaluate_facts(corpus)["conflicts"]
    assert (conflicts["raised"], conflicts["known"]) == (0, 0)


def test_a_key_without_conflicts_is_not_scored_on_them(tmp_path):
    corpus = _corpus(tmp_path, [DEAD], texts=TOLL)
    metrics = evaluate_facts(corpus)
    assert "conflicts" not in metrics["corpora"]["storm"]
    assert metrics["conflicts"]["raised"] == 0


def test_a_conflict_value_in_no_article_is_a_clear_error(tmp_path):
    corpus = _corpus(tmp_path, [DEAD], texts=TOLL, conflicts=[_dead((1, "12"), (2, "sixteen"))])
    with pytest.raises(InputError, match="'sixteen' is not in article 2"):
        evaluate_facts(corpus)
