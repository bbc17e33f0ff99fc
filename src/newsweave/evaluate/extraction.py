"""Extraction quality on the Article Extraction Benchmark (AEB) format: `{id, url, html, text}`.

The metric is the benchmark's own: the body text and the gold text are cut into word 4-gram
shingles (tokens are `\\w+` runs), matched as multisets per page, each page's counts normalised
so long pages weigh no more than short ones; precision and recall are averaged over pages and F1
is taken from the averages. Plain trafilatura (default options) runs in the same pass as the
baseline, so the two numbers are always comparable.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from pathlib import Path

from newsweave.evaluate import Metrics, read_jsonl
from newsweave.extract import extract
from newsweave.models import Article, RawDoc
from newsweave.settings import Settings

_TOKEN = re.compile(r"\w+")
SHINGLE = 4


def shingles(text: str, n: int = SHINGLE) -> Counter[tuple[str, ...]]:
    """The multiset of word n-grams of a text (a text shorter than n is one shingle)."""
    tokens = _TOKEN.findall(text or "")
    return Counter(
        tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n]
    )


def page_counts(gold: str, predicted: str) -> tuple[float, float, float]:
    """Normalised (true positive, false positive, false negative) shingle counts of one page."""
    want, got = shingles(gold), shingles(predicted)
    tp = sum((want & got).values())
    fp = sum((got - want).values())
    fn = sum((want - got).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def score(counts: list[tuple[float, float, float]]) -> dict[str, float]:
    """Precision and recall averaged over pages; F1 from the averages."""
    precisions = [_ratio(tp, fp, fn, fp) for tp, fp, fn in counts if tp + fp > 0]
    recalls = [_ratio(tp, fp, fn, fn) for tp, fp, fn in counts if tp + fn > 0]
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4)}


def _ratio(tp: float, fp: float, fn: float, miss: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + miss) if tp + miss else 0.0


def evaluate_extract(
    path: str | Path, limit: int | None = None, settings: Settings | None = None
) -> Metrics:
    """Our extraction and plain trafilatura's, scored against the gold article bodies."""
    import trafilatura

    ours: list[tuple[float, float, float]] = []
    plain: list[tuple[float, float, float]] = []
    started = time.perf_counter()
    spent_ours = 0.0
    extract_settings = (settings or Settings()).extract
    for record in read_jsonl(path, limit):
        gold, html = record.get("text") or "", record.get("html") or ""
        tick = time.perf_counter()
        result = extract(
            RawDoc(source=str(record.get("id")), kind="html", body=html, url=record.get("url")),
            extract_settings,
        )
        spent_ours += time.perf_counter() - tick
        ours.append(page_counts(gold, result.text if isinstance(result, Article) else ""))
        plain.append(page_counts(gold, trafilatura.extract(html, url=record.get("url")) or ""))
    metrics: Metrics = score(ours)
    metrics["documents"] = len(ours)
    metrics["baseline"] = {"name": "trafilatura (default options)", **score(plain)}
    metrics["pages_per_second"] = round(len(ours) / spent_ours, 1) if spent_ours else None
    metrics["seconds"] = round(time.perf_counter() - started, 1)
    return metrics
