"""Claims against a fact-level answer key: do we group the sentences that state one fact, and only
those?

ECB+ (`eval align`) aligns two sentences when they mention one happening, whatever they say of
it, so it cannot tell a claim that joins a report's "the kitchen is in Stenfield" to another's
"a woman has died" from one that joins two statements of the same death. A corpus with a
`facts.json` beside its `articles.jsonl` holds that second, stricter key:

    {"stories": [[1, 2, 3], [4]],
     "facts": [{"what": "the chain closes its restaurants",
                "sentences": [{"article": 1, "quote": "close its 11 restaurants"},
                              {"article": 3, "quote": "closed all 11 of its"}]}]}

`article` is a line of articles.jsonl (from 1; `"articles": PATH` names another file); `quote`
is words of one of its sentences, as the product splits them. Gold: two sentences of different
articles listed in one fact. A fact marked `"either": true` lists pairs a careful reader may
group or keep apart (a plan and its outcome: "will close from Wednesday", "closed on
Wednesday"), and they count neither way. Predicted: two sentences of different articles in one
claim of `compare`, run on each story of the key (not the product's clustering, which `eval
cluster` measures). Scored by pairwise precision, recall and F1 over every sentence: the key
lists every pair of one fact, so any other pair grouped is wrong. A key may list its story's
conflicts too; `evaluate.conflicts` scores the conflicts `compare` raises against them.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from newsweave.analyze import analyze_many
from newsweave.compare import compare
from newsweave.errors import InputError
from newsweave.evaluate import Metrics
from newsweave.evaluate.alignment import cross_pairs, pairwise
from newsweave.evaluate.conflicts import Tally, read_conflicts, tally
from newsweave.extract import extract
from newsweave.ingest import Source, ingest
from newsweave.models import Analysis, Article, Conflict, Rejected, Story
from newsweave.settings import Settings

KEY = "facts.json"

Key = tuple[int, int]  # (article line, sentence index)
Pair = tuple[Key, Key]


def evaluate_facts(
    path: str | Path, limit: int | None = None, settings: Settings | None = None
) -> Metrics:
    """Claim grouping scored against the fact keys of one corpus directory, or of each corpus
    directory under `path` (the first `limit` of them)."""
    settings = settings or Settings()
    started = time.perf_counter()
    corpora = corpus_dirs(path)[:limit]
    per_corpus: dict[str, Metrics] = {}
    hits = predicted_total = gold_total = 0
    conflicts = Tally(0, 0, 0, 0)
    for corpus in corpora:
        gold, predicted, tallied = _scored(corpus, settings)
        found = len(gold & predicted)
        per_corpus[corpus.name] = pairwise(found, len(predicted), len(gold))
        if tallied is not None:
            per_corpus[corpus.name]["conflicts"] = _conflict_metrics(tallied)
            conflicts += tallied
        hits, predicted_total, gold_total = (
            hits + found,
            predicted_total + len(predicted),
            gold_total + len(gold),
        )
    return {
        **pairwise(hits, predicted_total, gold_total),
        "conflicts": _conflict_metrics(conflicts),
        "corpora": per_corpus,
        "threshold": settings.compare.claim_similarity,
        "seconds": round(time.perf_counter() - started, 1),
    }


def corpus_dirs(path: str | Path) -> list[Path]:
    """`path` if it holds a fact key, else its subdirectories that do, by name."""
    path = Path(path)
    if not path.is_dir():
        raise InputError(f"{path}: eval facts reads a corpus directory (articles.jsonl, {KEY})")
    if (path / KEY).is_file():
        return [path]
    found = sorted(p for p in path.iterdir() if (p / KEY).is_file())
    if not found:
        raise InputError(f"{path}: no {KEY} in it or in its subdirectories")
    return found


def _conflict_metrics(tallied: Tally) -> Metrics:
    """Precision and recall of the conflicts raised against a key's (`evaluate.conflicts`)."""
    precision = round(tallied.true / tallied.raised, 4) if tallied.raised else 0.0
    recall = round(tallied.found / tallied.known, 4) if tallied.known else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": round(f1, 4),
        "raised": tallied.raised,
        "known": tallied.known,
    }


def _scored(corpus: Path, settings: Settings) -> tuple[set[Pair], set[Pair], Tally | None]:
    """The gold and predicted sentence pairs of one corpus, and how its conflicts score
    against the key's (None when the key lists no conflicts)."""
    key = _read_key(corpus / KEY)
    # A key may read articles kept elsewhere (the demo's, in the package).
    articles_path = corpus / key.get("articles", "articles.jsonl")
    if not articles_path.is_file():
        raise InputError(f"{corpus / KEY}: its articles, {articles_path}, are missing")
    docs = ingest(Source(name=articles_path.name, data=articles_path.read_bytes()))
    articles = [d if isinstance(d, Rejected) else extract(d, settings.extract) for d in docs]
    rejected = [
        f"line {n}: {a.reason}" for n, a in enumerate(articles, start=1) if isinstance(a, Rejected)
    ]
    if rejected:
        raise InputError(f"{articles_path}: {rejected[0]} was rejected, so its lines are off")
    kept = [a for a in articles if isinstance(a, Article)]
    analyses = list(analyze_many(kept, settings.analyze))
    line_of = {a.id: n for n, a in enumerate(kept, start=1)}
    by_line = {line_of[x.article_id]: x for x in analyses}
    gold: set[Pair] = set()
    either: set[Pair] = set()
    for fact in key["facts"]:
        pairs = cross_pairs(_sentence(by_line, corpus, fact, ref) for ref in fact["sentences"])
        (either if fact.get("either") else gold).update(pairs)
    known = read_conflicts(key, {n: a.text for n, a in enumerate(kept, start=1)}, corpus / KEY)
    raised: list[Conflict] = []
    predicted: set[Pair] = set()
    for number, lines in enumerate(key["stories"]):
        unknown = [n for n in lines if n not in by_line]
        if unknown:
            raise InputError(f"{corpus / KEY}: story {number + 1} names no article {unknown[0]}")
        # In the store's order: by publication, then arrival.
        story = sorted(
            (kept[n - 1] for n in lines),
            key=lambda a: (a.published is None, a.published, line_of[a.id]),
        )
        comparison = compare(
            Story(
                id=f"{corpus.name}-{number}",
                title=story[0].title,
                articles=tuple(a.id for a in story),
            ),
            story,
            {a.id: by_line[line_of[a.id]] for a in story},
            [],
            settings.compare,
        )
        for claim in comparison.claims:
            predicted |= cross_pairs((line_of[s.article], s.sentence) for s in claim.support)
        raised += comparison.conflicts
    tallied = tally(known, raised, line_of) if "conflicts" in key else None
    return gold, predicted - (either - gold), tallied


def _read_key(path: Path) -> dict[str, Any]:
    try:
        key = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError(f"{path} is not JSON: {exc.msg}") from None
    if not isinstance(key, dict) or not {"stories", "facts"} <= key.keys():
        raise InputError(f"{path}: a fact key holds 'stories' and 'facts'")
    return key


def _sentence(by_line: dict[int, Analysis], corpus: Path, fact: dict, ref: dict) -> Key:
    """The one sentence of the referenced article holding the quoted words."""
    analysis = by_line.get(ref["article"])
    if analysis is None:
        raise InputError(f"{corpus / KEY}: {fact['what']!r} names no article {ref['article']}")
    found = [s.index for s in analysis.sentences if ref["quote"] in s.text]
    if len(found) != 1:
        raise InputError(
            f"{corpus / KEY}: {ref['quote']!r} is in {len(found)} sentences of article "
            f"{ref['article']}, not one ({fact['what']!r})"
        )
    return ref["article"], found[0]
