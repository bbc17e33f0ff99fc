"""Extraction throughput: pages per second for 50-100 KB news pages, on all cores.

    .venv/bin/python benchmarks/bench_extract.py [--pages 200] [--workers 2]

Pages come from ../shared/eval/aeb-dev.jsonl (real news pages), restricted to 50-100 KB and
repeated to reach --pages. Each worker process runs `newsweave.extract` (trafilatura, htmldate,
courlan, captions, lineage markers) on its share; the report is pages per second of wall time.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "eval" / "aeb-dev.jsonl"


def _work(pages: list[tuple[str, str]]) -> int:
    from newsweave.extract import extract
    from newsweave.models import Article, RawDoc

    done = 0
    for url, html in pages:
        result = extract(RawDoc(source=url, kind="html", body=html, url=url))
        done += isinstance(result, Article)
    return done


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    if not CORPUS.exists():
        raise SystemExit(f"{CORPUS} is absent: the benchmark reads real pages from ../shared/eval")
    sized = []
    for line in CORPUS.open(encoding="utf-8"):
        record = json.loads(line)
        if 50_000 <= len(record["html"].encode()) <= 100_000:
            sized.append((record["url"], record["html"]))
    pages = (sized * (args.pages // max(len(sized), 1) + 1))[: args.pages]
    shares = [pages[i :: args.workers] for i in range(args.workers)]
    with ProcessPoolExecutor(args.workers) as pool:
        list(pool.map(_work, [s[:2] for s in shares]))  # warm up imports in every worker
        started = time.perf_counter()
        extracted = sum(pool.map(_work, shares))
        elapsed = time.perf_counter() - started
    print(
        json.dumps(
            {
                "pages": len(pages),
                "distinct_pages": len(sized),
                "workers": args.workers,
                "extracted": extracted,
                "seconds": round(elapsed, 2),
                "pages_per_second": round(len(pages) / elapsed, 1),
                "mean_kb": round(sum(len(h.encode()) for _, h in pages) / len(pages) / 1000, 1),
            }
        )
    )


if __name__ == "__main__":
    main()
