"""Learning the attribution cue lexicon (`[attribution]` in data/quotes.toml) from annotated text.

    python -m newsweave.evaluate.cues ../shared/eval/polnear-dev.jsonl --split train

Every cue-like word's complements that the parse offers (`newsweave.analyze.attribution`) are
scored against the gold attributions of the records of one split: a candidate's credit is the
share of its content span that lies inside some gold content span (the precision credit of
`eval quotes`). A `lemma relation` pair joins the lexicon when it was seen at least `min_count`
times and its mean credit is at least `min_precision`. Candidates that overlap a direct quote
found by the quote finder are not counted: the product never keeps them either.

Only the split named is read, so the lexicon can be measured on the other (`eval quotes
--split dev`). The printed TOML replaces the `[attribution]` table of data/quotes.toml.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsweave.analyze.attribution import candidates
from newsweave.evaluate import read_jsonl
from newsweave.evaluate.quotes import OffsetMap, article_of, gold_attributions, length, overlap
from newsweave.models import Analysis

# Chosen by two-fold cross-validation on PolNeAR's train split: the highest content F1 whose
# precision stays above 0.87 (the product shows these to readers; the floor is 0.85).
MIN_COUNT = 3
MIN_PRECISION = 0.7


@dataclass
class CueStats:
    """How often each `lemma relation` pair was proposed, and its summed precision credit."""

    seen: dict[str, int] = field(default_factory=dict)
    credit: dict[str, float] = field(default_factory=dict)

    def add(self, key: str, credit: float) -> None:
        """Count one candidate of `key` with its credit."""
        self.seen[key] = self.seen.get(key, 0) + 1
        self.credit[key] = self.credit.get(key, 0.0) + credit

    def precision(self, key: str) -> float:
        """Mean credit of the pair's candidates."""
        return self.credit.get(key, 0.0) / self.seen[key] if self.seen.get(key) else 0.0

    def lexicon(
        self, min_count: int = MIN_COUNT, min_precision: float = MIN_PRECISION
    ) -> dict[str, list[str]]:
        """Lemma → the relations kept for it, both sorted."""
        kept: dict[str, list[str]] = {}
        for key in sorted(self.seen):
            if self.seen[key] >= min_count and self.precision(key) >= min_precision:
                lemma, relation = key.split(" ", 1)
                kept.setdefault(lemma, []).append(relation)
        return kept


def score_candidates(
    record: dict[str, Any],
    analysis: Analysis,
    docs: Sequence[Any],
    starts: Sequence[int],
    to_original: OffsetMap,
    stats: CueStats,
) -> None:
    """Add one record's candidates to `stats` (docs: its parsed paragraphs; starts: their offsets
    in the article text)."""
    gold = [g.content for g in gold_attributions(record)[0]]
    direct = [(q.start, q.end) for q in analysis.quotes if q.kind == "direct"]
    for doc, base in zip(docs, starts, strict=True):
        for c in candidates(doc):
            if c.source is None and not c.passive:
                continue  # the product keeps no sourceless active cue either
            start, end = base + c.content[0], base + c.content[1]
            if any(s < end and start < e for s, e in direct):
                continue
            span = ((to_original(start), to_original(end)),)
            credit = max((overlap(span, g) / length(span) for g in gold), default=0.0)
            stats.add(c.key, credit)


def learn(path: str | Path, split: str = "train", limit: int | None = None) -> CueStats:
    """Candidate statistics over the records of one split of a PolNeAR-format file."""
    # The parse and the analysis come from one pass, as in `analyze_many`.
    from newsweave.analyze import _analyse, _bounded
    from newsweave.analyze.nlp import load
    from newsweave.analyze.sentences import paragraph_starts
    from newsweave.settings import AnalyzeSettings

    settings = AnalyzeSettings()
    nlp = load(settings.spacy_model)
    stats = CueStats()
    records = [r for r in read_jsonl(path, limit) if r.get("split") == split]
    for record in records:
        article, to_original = article_of(record)
        paragraphs = _bounded(article.paragraphs, settings.max_chars)
        docs = list(nlp.pipe(paragraphs))
        analysis = _analyse(article, paragraphs, docs)
        score_candidates(record, analysis, docs, paragraph_starts(paragraphs), to_original, stats)
    return stats


def to_toml(cues: dict[str, list[str]], split: str, min_count: int, min_precision: float) -> str:
    """The `[attribution]` table of data/quotes.toml."""
    lines = [
        "[attribution]",
        f"# Learned by `python -m newsweave.evaluate.cues FILE --split {split}` "
        f"(min_count {min_count}, min_precision {min_precision}):",
        "# cue lemma -> the dependency relations whose subtree is the attribution's content.",
        "[attribution.cues]",
    ]
    lines += [f'"{lemma}" = {_list(relations)}' for lemma, relations in cues.items()]
    return "\n".join(lines) + "\n"


def _list(items: Iterable[str]) -> str:
    return "[" + ", ".join(f'"{item}"' for item in items) + "]"


def main(argv: Sequence[str] | None = None) -> None:
    """Print the learned `[attribution]` table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path")
    parser.add_argument("--split", default="train")
    parser.add_argument("--min-count", type=int, default=MIN_COUNT)
    parser.add_argument("--min-precision", type=float, default=MIN_PRECISION)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args(argv)
    stats = learn(args.path, args.split, args.limit)
    cues = stats.lexicon(args.min_count, args.min_precision)
    print(to_toml(cues, args.split, args.min_count, args.min_precision), end="")


if __name__ == "__main__":
    main()
