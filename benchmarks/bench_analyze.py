"""Analysis throughput: ~600-word articles analysed per second on all cores, and peak memory.

    .venv/bin/python benchmarks/bench_analyze.py [--articles 200] [--workers 2]

Articles are the bundled demo articles (written for newsweave), joined two at a time to about
600 words. Each worker process loads the spaCy model once and runs `analyze_many` (sentences,
entities, quotes, numbers, dates) on its share.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import time
from concurrent.futures import ProcessPoolExecutor


def _articles(count: int) -> list:
    from newsweave.demo import demo_source
    from newsweave.extract import extract
    from newsweave.ingest import ingest
    from newsweave.models import Article

    base = [a for a in (extract(d) for d in ingest(demo_source())) if isinstance(a, Article)]
    made = []
    for i in range(count):
        a, b = base[i % len(base)], base[(i + 1) % len(base)]
        paragraphs = (a.paragraphs + b.paragraphs)[:]
        words = 0
        kept = []
        for p in paragraphs:
            kept.append(p)
            words += len(p.split())
            if words >= 600:
                break
        text = "\n\n".join(kept)
        made.append(a.model_copy(update={"id": f"b{i}", "paragraphs": tuple(kept), "text": text}))
    return made


def _work(articles: list) -> tuple[int, int, int]:
    from newsweave.analyze import analyze_many

    list(analyze_many(articles[:2]))  # load the model before the clock starts
    started = time.perf_counter()
    done = sum(1 for _ in analyze_many(articles))
    elapsed_ns = int((time.perf_counter() - started) * 1e9)
    return done, elapsed_ns, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    articles = _articles(args.articles)
    words = sum(len(a.text.split()) for a in articles)
    shares = [articles[i :: args.workers] for i in range(args.workers)]
    started = time.perf_counter()
    with ProcessPoolExecutor(args.workers) as pool:
        results = list(pool.map(_work, shares))
    wall = time.perf_counter() - started
    busiest = max(ns for _, ns, _ in results) / 1e9
    print(
        json.dumps(
            {
                "articles": len(articles),
                "mean_words": round(words / len(articles)),
                "workers": args.workers,
                "seconds": round(busiest, 2),
                "articles_per_second": round(len(articles) / busiest, 1),
                "words_per_second": round(words / busiest),
                "peak_rss_mb_per_worker": round(max(rss for _, _, rss in results) / 1024),
                "wall_seconds_with_model_loading": round(wall, 1),
            }
        )
    )


if __name__ == "__main__":
    main()
