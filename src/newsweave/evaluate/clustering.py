"""Event clustering on the ECB+ format: `{id, text, gold_event_id, ...}`, one document a line.

Documents are fed one at a time in a shuffled order (fixed seed): one pass, no peeking ahead,
through the same extract → analyze → cluster functions the product runs. Scored with B-cubed and
pairwise precision/recall/F1 against `gold_event_id`. The baseline is offline: TF-IDF vectors and
average-link agglomerative clustering, its distance threshold tuned on the same file (so it is an
upper bound for that method, not a fair held-out score).
"""

from __future__ import annotations

import random
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path

from newsweave.analyze import analyze_many
from newsweave.cluster import Features, cluster, features, make_index
from newsweave.evaluate import Metrics, read_jsonl
from newsweave.extract import extract
from newsweave.models import Article, RawDoc
from newsweave.settings import Settings

SEED = 13


def bcubed(predicted: dict[str, str], gold: dict[str, str]) -> dict[str, float]:
    """B-cubed precision, recall and F1 of a clustering (item → cluster) against gold labels."""
    by_pred, by_gold = _groups(predicted), _groups(gold)
    p = r = 0.0
    for item in gold:
        mine, theirs = by_pred[predicted[item]], by_gold[gold[item]]
        shared = len(mine & theirs)
        p += shared / len(mine)
        r += shared / len(theirs)
    return _prf(p / len(gold), r / len(gold))


def pairwise(predicted: dict[str, str], gold: dict[str, str]) -> dict[str, float]:
    """Precision, recall and F1 over the pairs of items put in one cluster."""
    pred_pairs = {
        pair for group in _groups(predicted).values() for pair in combinations(sorted(group), 2)
    }
    gold_pairs = {
        pair for group in _groups(gold).values() for pair in combinations(sorted(group), 2)
    }
    hits = len(pred_pairs & gold_pairs)
    return _prf(
        hits / len(pred_pairs) if pred_pairs else 1.0, hits / len(gold_pairs) if gold_pairs else 1.0
    )


def evaluate_cluster(
    path: str | Path, limit: int | None = None, settings: Settings | None = None, shuffles: int = 0
) -> Metrics:
    """Online clustering of the shuffled documents, and the tuned offline baseline.

    One order (`SEED`) decides the scores, so that the gate is deterministic; a single early
    decision can merge two events, so `shuffles` more orders (seeds 1, 2, ...) are replayed
    and their B-cubed F1 reported with the mean of all orders, to compare clusterers on.
    """
    settings = settings or Settings()
    records = list(read_jsonl(path, limit))
    gold = {r["id"]: r["gold_event_id"] for r in records}
    started = time.perf_counter()
    articles = [_article(r, settings) for r in records]
    found = [
        features(article, analysis)
        for article, analysis in zip(
            articles, analyze_many(articles, settings.analyze), strict=True
        )
    ]
    predicted, latencies = _replay(found, SEED, settings)
    metrics: Metrics = {
        "b3": bcubed(predicted, gold),
        "pairwise": pairwise(predicted, gold),
        "stories": len(set(predicted.values())),
        "documents": len(records),
        "algorithm": settings.cluster.algorithm,
        "gold_events": len(set(gold.values())),
        "assign_ms_p50": round(latencies[len(latencies) // 2] * 1000, 2),
    }
    if shuffles:
        seeds = [SEED, *[s for s in range(1, shuffles + 2) if s != SEED][:shuffles]]
        f1 = [metrics["b3"]["f1"]]
        f1 += [bcubed(_replay(found, seed, settings)[0], gold)["f1"] for seed in seeds[1:]]
        metrics["shuffles"] = {
            "seeds": seeds,
            "b3_f1": f1,
            "b3_f1_mean": round(sum(f1) / len(f1), 4),
        }
    metrics["seconds"] = round(time.perf_counter() - started, 1)
    metrics["baseline"] = _baseline(records, gold)
    return metrics


def _replay(
    found: list[Features], seed: int, settings: Settings
) -> tuple[dict[str, str], list[float]]:
    """Cluster the articles' features one at a time in the order `seed` shuffles them: each
    article's story, and the seconds each decision took, sorted."""
    order = list(found)
    random.Random(seed).shuffle(order)
    index = make_index(settings.cluster)
    latencies = []
    for f in order:
        tick = time.perf_counter()
        index.record(f, cluster(f, index))
        latencies.append(time.perf_counter() - tick)
    latencies.sort()
    return {m: story for story, members in index.stories.items() for m in members}, latencies


def _article(record: dict, settings: Settings) -> Article:
    # One sentence a line; blank lines make each a paragraph, as the product would store it.
    body = "\n\n".join(line for line in record["text"].splitlines() if line.strip())
    result = extract(RawDoc(source=record["id"], kind="text", body=body), settings.extract)
    if isinstance(result, Article):
        return result.model_copy(update={"id": record["id"]})
    # Too short to pass as an article: cluster its raw text all the same.
    return Article(
        id=record["id"],
        source=record["id"],
        url=None,
        canonical_url=None,
        outlet="unknown",
        title=record["text"].splitlines()[0][:200],
        text=body,
        paragraphs=tuple(body.split("\n\n")),
        content_hash=record["id"],
    )


def _baseline(records: list[dict], gold: dict[str, str]) -> dict:
    """TF-IDF + average-link agglomerative clustering, threshold tuned on this file (offline)."""
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    ids = [r["id"] for r in records]
    vectors = (
        TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=1)
        .fit_transform([r["text"] for r in records])
        .toarray()
    )
    best: dict = {"b3": {"f1": -1.0}}
    for step in range(50, 100, 2):
        threshold = step / 100
        labels = AgglomerativeClustering(
            n_clusters=None, metric="cosine", linkage="average", distance_threshold=threshold
        ).fit_predict(vectors)
        predicted = {i: str(label) for i, label in zip(ids, labels, strict=True)}
        scores = bcubed(predicted, gold)
        if scores["f1"] > best["b3"]["f1"]:
            best = {"b3": scores, "pairwise": pairwise(predicted, gold), "threshold": threshold}
    return {"name": "TF-IDF + average-link agglomerative (threshold tuned on this file)", **best}


def _groups(labels: dict[str, str]) -> dict[str, set[str]]:
    groups: dict[str, set[str]] = defaultdict(set)
    for item, label in labels.items():
        groups[label].add(item)
    return groups


def _prf(p: float, r: float) -> dict[str, float]:
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4)}
