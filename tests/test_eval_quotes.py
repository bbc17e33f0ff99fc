"""The quote/attribution evaluation: metric functions on invented spans, and a run on PolNeAR."""

import json
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsweave.cli import app
from newsweave.errors import InputError
from newsweave.evaluate.cues import CueStats, learn, to_toml
from newsweave.evaluate.quotes import (
    Attribution,
    article_of,
    evaluate_quotes,
    is_direct,
    length,
    locate_tag,
    overlap,
    predicted_attributions,
    quoted_regions,
    score_document,
    soft_overlap,
    spans,
    speaker_matches,
)
from newsweave.models import Analysis, Quote

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "eval" / "polnear-dev.jsonl"


def test_spans_are_merged_and_measured_in_characters():
    assert spans([(5, 10), (0, 3), (8, 12), (4, 4)]) == ((0, 3), (5, 12))
    assert length(((0, 3), (5, 12))) == 10
    assert overlap(((0, 3), (5, 12)), ((2, 6),)) == 2


def test_soft_overlap_credits_each_span_by_its_best_partner():
    tally = soft_overlap(predicted=[((0, 10),), ((20, 30),)], gold=[((0, 20),), ((40, 50),)])
    # Precision: 10/10 and 0; recall: 10/20 and 0.
    assert tally.scores() == {"precision": 0.5, "recall": 0.25, "f1": 0.3333}
    # Strict: (0,10) covers half of (0,20) and lies wholly in it, so both count as matched.
    assert tally.strict_scores() == {"precision": 0.5, "recall": 0.5, "f1": 0.5}


def test_gold_content_in_several_spans_is_their_union():
    tally = soft_overlap(predicted=[((0, 15),)], gold=[spans([(0, 5), (10, 15)])])
    assert tally.scores() == {"precision": 0.6667, "recall": 1.0, "f1": 0.8}


def test_strict_needs_half_of_both_spans():
    tally = soft_overlap(predicted=[((0, 4),)], gold=[((0, 10),)])
    assert tally.scores()["precision"] == 1.0
    assert tally.strict_scores() == {"precision": 0.0, "recall": 0.0, "f1": 0.0}


def test_empty_sides_score_zero_not_an_error():
    assert soft_overlap([], [((0, 5),)]).scores() == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert soft_overlap([((0, 5),)], []).scores()["recall"] == 0.0


def test_source_is_scored_against_the_attribution_whose_content_matches():
    gold = [
        Attribution(content=((0, 20),), source=((25, 30),), direct=True, source_text="Ruiz"),
        Attribution(content=((40, 60),), source=((62, 66),), source_text="they"),
    ]
    predicted = [
        Attribution(content=((2, 18),), source=((25, 28),), kind="direct"),
        Attribution(content=((80, 90),), source=((92, 95),), kind="reported"),
    ]
    score = score_document(gold, predicted)
    # Sources: 3/3 and 0 (no content partner) for precision; 3/5 and 0 (no partner) for recall.
    assert score.source.scores() == {"precision": 0.5, "recall": 0.3, "f1": 0.375}
    assert score.content.scores() == {"precision": 0.5, "recall": 0.4, "f1": 0.4444}
    assert (score.direct_quotes, score.direct_found, score.direct_correct) == (1, 1, 1)


def test_speaker_matches_by_span_or_by_resolved_name_but_not_for_pronouns():
    named = Attribution(content=((0, 9),), source=((20, 35),), source_text="Mayor Ana Ruiz")
    pronoun = Attribution(content=((0, 9),), source=((20, 22),), source_text="he")
    ours = Attribution(content=((0, 9),), source=((50, 54),), speaker_names=("Ana Ruiz", "Ruiz"))
    assert speaker_matches(ours, named)
    assert not speaker_matches(ours, pronoun)
    assert speaker_matches(Attribution(content=((0, 9),), source=((20, 22),)), pronoun)
    assert not speaker_matches(Attribution(content=((0, 9),)), named)


def test_direct_quotes_are_enclosed_in_marks_inside_or_just_outside_the_span():
    text = (
        "She said, “The ferry runs late.” Then \"It is fine\" and ''We wait,'' he said. "
        "“First part.\n\n“Second part.” The ferry runs late, she said."
    )

    def span_of(words: str) -> tuple[tuple[int, int], ...]:
        start = text.index(words)
        return ((start, start + len(words)),)

    assert is_direct(text, span_of("“The ferry runs late.”"))
    assert is_direct(text, span_of("The ferry runs late."))
    assert is_direct(text, span_of("It is fine"))
    assert is_direct(text, span_of("We wait,"))
    assert is_direct(text, span_of("First part."))  # continued in the next paragraph
    assert is_direct(text, span_of("“First part.\n\n“Second part.”"))
    assert not is_direct(text, span_of("The ferry runs late, she said"))
    assert not is_direct(text, ())


def test_articles_keep_the_text_or_map_offsets_back_through_paragraphs():
    clean, to_original = article_of({"id": "a", "text": "One line.\n\nTwo line."})
    assert clean.text == "One line.\n\nTwo line."
    assert clean.paragraphs == ("One line.", "Two line.")
    assert to_original(11) == 11

    text = "One line.\n\n\n\nTwo line.\n \nThree."
    article, to_original = article_of({"id": "b", "text": text})
    assert article.paragraphs == ("One line.", "Two line.", "Three.")
    assert article.text == "\n\n".join(article.paragraphs) != text
    for paragraph, start in zip(article.paragraphs, (0, 11, 22), strict=True):
        joined = article.text.index(paragraph)
        assert joined == start
        assert text[to_original(joined) : to_original(joined + len(paragraph))] == paragraph


def test_the_tag_is_found_next_to_its_cue_and_never_inside_quote_marks():
    text = (
        "He said: no. The plan, he said, would fail. “It is bad, he said,” he told us. "
        "''Fine,'' said Ann Lee, a nurse."
    )
    quoted = quoted_regions(text)
    assert [text[s:e] for s, e in quoted] == ["“It is bad, he said,”", "''Fine,''"]

    def find(speaker, cue, words):
        start = text.index(words)
        source, said = locate_tag(text, speaker, cue, (start, start + len(words)), quoted)
        return [text[s:e] for s, e in source + said], source[0][0]

    assert find("he", "told", "It is bad") == (["he", "told"], text.index("he told"))
    assert find("he", "said", "would fail") == (["he", "said"], text.index("he said,"))
    assert find("Ann Lee, a nurse", "said", "Fine")[0] == ["Ann Lee, a nurse", "said"]
    # No speaker: the cue alone is still placed, nearest to the quote.
    assert locate_tag(text, None, "said", (0, 5), quoted) == ((), ((3, 7),))
    assert locate_tag(text, None, None, (0, 5), quoted) == ((), ())


@pytest.mark.slow
def test_an_invented_article_scores_its_quote_and_its_speaker(tmp_path):
    text = (
        "Mayor Ana Ruiz opened the new bridge on Monday.\n\n"
        "“This bridge joins the two halves of our town at last,” Ruiz said.\n\n"
        "The council said the project had cost less than planned."
    )

    def span(words):
        start = text.index(words)
        return {"start": start, "end": start + len(words), "text": words}

    record = {
        "id": "invented-1",
        "text": text,
        "annotations": {
            "x1": [
                {
                    "type": "Attribution",
                    "source": [span("Ruiz said")],
                    "cue": [span("said.")],
                    "content": [span("“This bridge joins the two halves of our town at last,”")],
                },
                {
                    "type": "Attribution",
                    "source": [span("The council")],
                    "cue": [span("said the")],
                    "content": [span("the project had cost less than planned")],
                },
            ]
        },
    }
    path = tmp_path / "mini.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    metrics = evaluate_quotes(path)
    assert metrics["documents"] == 1
    assert metrics["gold_attributions"] == 2
    assert metrics["direct_quotes"] == 1
    assert metrics["speaker_accuracy"] == 1.0
    assert metrics["content"]["recall"] > 0.9
    assert metrics["content"]["precision"] > 0.9


@pytest.mark.slow
def test_polnear_dev_gives_every_documented_metric_in_range():
    if not POLNEAR.exists():
        pytest.skip(f"{POLNEAR} is absent: this test needs ../shared/eval beside the repo")
    metrics = evaluate_quotes(POLNEAR, limit=20)
    assert metrics["documents"] == 20
    for part in ("content", "source", "cue"):
        for scores in (metrics[part], metrics["strict"][part]):
            assert set(scores) == {"precision", "recall", "f1"}
            assert all(0.0 <= value <= 1.0 for value in scores.values())
    for name in ("speaker_accuracy", "speaker_accuracy_found"):
        assert 0.0 <= metrics[name] <= 1.0
    for name in (
        "direct_quotes",
        "direct_quotes_found",
        "gold_attributions",
        "gold_with_source",
        "gold_direct",
        "gold_skipped",
        "predicted_attributions",
        "predicted_with_source",
        "remapped_documents",
    ):
        assert isinstance(metrics[name], int) and metrics[name] >= 0
    assert metrics["gold_attributions"] > 0 and metrics["predicted_attributions"] > 0
    assert metrics["direct_quotes_found"] <= metrics["direct_quotes"] <= metrics["gold_direct"]
    assert json.loads(json.dumps(metrics)) == metrics


def _quote(text: str, words: str, kind: str = "direct", **tag) -> Quote:
    start = text.index(words)
    return Quote(kind=kind, text=words, start=start, end=start + len(words), sentence=0, **tag)


def test_quotes_sharing_a_tag_are_one_attribution_widened_to_their_marks():
    text = "“The tide is high,” Ann Lee said. “We wait.” Then “Go” was heard."
    speaker, cue = text.index("Ann Lee"), text.index("said")
    shared = {
        "speaker_text": "Ann Lee",
        "cue": "said",
        "speaker_start": speaker,
        "speaker_end": speaker + len("Ann Lee"),
        "cue_start": cue,
        "cue_end": cue + len("said"),
    }
    analysis = Analysis(
        article_id="a",
        sentences=(),
        quotes=(
            _quote(text, "The tide is high,", **shared),
            _quote(text, "We wait.", **shared),
            _quote(text, "Go", kind="partial"),
        ),
    )
    _, to_original = article_of({"id": "a", "text": text})
    one, other = predicted_attributions(text, analysis, to_original)
    # The two quotes of one tag are one attribution; marks are counted in, as PolNeAR does.
    assert [text[s:e] for s, e in one.content] == ["“The tide is high,”", "“We wait.”"]
    # The tag's offsets are used as they are, not looked up.
    assert [text[s:e] for s, e in one.source + one.cue] == ["Ann Lee", "said"]
    assert [text[s:e] for s, e in other.content] == ["“Go”"] and other.source == ()


def test_the_cue_lexicon_keeps_pairs_seen_often_and_precise_enough():
    stats = CueStats()
    for credit in (1.0, 1.0, 0.5):
        stats.add("say ccomp", credit)
    for credit in (1.0, 0.0, 0.0, 0.0):
        stats.add("have dobj", credit)
    stats.add("vow xcomp", 1.0)  # precise, but seen once
    assert round(stats.precision("say ccomp"), 3) == 0.833
    assert stats.lexicon(min_count=3, min_precision=0.7) == {"say": ["ccomp"]}
    assert stats.lexicon(min_count=1, min_precision=0.7) == {"say": ["ccomp"], "vow": ["xcomp"]}
    table = tomllib.loads(to_toml({"say": ["ccomp", "parataxis"]}, "train", 3, 0.7))
    assert table["attribution"]["cues"] == {"say": ["ccomp", "parataxis"]}


def test_listed_pairs_whose_sourceless_candidates_failed_need_a_source():
    stats = CueStats()
    for credit in (1.0, 1.0, 1.0):
        stats.add("say ccomp", credit)
        stats.add("support prep:for", credit)
    for credit in (1.0, 0.0, 0.0, 0.5):
        stats.add("say ccomp", credit, sourced=False)  # 0.375 without a source
    for credit in (1.0, 1.0, 0.0):
        stats.add("support prep:for", credit, sourced=False)  # 0.667
    cues = stats.lexicon()
    assert cues == {"say": ["ccomp"], "support": ["prep:for"]}
    assert stats.needs_source(cues) == ["say ccomp"]
    table = tomllib.loads(to_toml(cues, "train", 3, 0.7, stats.needs_source(cues)))
    assert table["attribution"]["needs_source"] == ["say ccomp"]
    assert table["attribution"]["cues"] == cues


def _records(tmp_path):
    lines = []
    for split, name in (("train", "Ana Ruiz"), ("dev", "Dana Cole")):
        text = f"“The ferry runs late again today,” {name} said."
        content = text.index("“"), text.index("”") + 1
        source = text.index(name), text.index(name) + len(name)
        lines.append(
            {
                "id": split,
                "split": split,
                "text": text,
                "annotations": {
                    "a": [
                        {
                            "type": "Attribution",
                            "source": [{"start": source[0], "end": source[1]}],
                            "cue": [],
                            "content": [{"start": content[0], "end": content[1]}],
                        }
                    ]
                },
            }
        )
    path = tmp_path / "split.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


@pytest.mark.slow
def test_split_scores_only_its_records_and_names_the_splits_otherwise(tmp_path):
    path = _records(tmp_path)
    assert evaluate_quotes(path)["documents"] == 2
    dev = evaluate_quotes(path, split="dev")
    assert dev["documents"] == 1 and dev["speaker_accuracy"] == 1.0
    with pytest.raises(InputError, match="splits: dev, train"):
        evaluate_quotes(path, split="test")
    result = CliRunner().invoke(app, ["eval", "quotes", str(path), "--split", "dev", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["documents"] == 1
    refused = CliRunner().invoke(app, ["eval", "extract", str(path), "--split", "dev"])
    assert refused.exit_code != 0


@pytest.mark.slow
def test_the_learner_scores_candidates_of_its_split_only(tmp_path):
    path = _records(tmp_path)
    stats = learn(path, split="train")
    # The direct quote is the quote's, never a candidate; the rest are scored against gold.
    assert all(0.0 <= stats.precision(key) <= 1.0 for key in stats.seen)
    assert learn(path, split="nothing").seen == {}
