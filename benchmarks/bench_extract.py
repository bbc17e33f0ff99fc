"""Extraction throughput: pages per second for 50-100 KB news pages, on 2 worker processes.

    .venv/bin/python benchmarks/bench_extract.py [--pages 200] [--workers 2] [--mode fast]
    .venv/bin/python benchmarks/bench_extract.py --mode fast --quality [--no-rescue]

Pages come from ../shared/eval/aeb-dev.jsonl (real news pages), restricted to 50-100 KB and
repeated to reach --pages. Each worker process runs `newsweave.extract` with `extract.mode` set
to --mode (trafilatura, htmldate, courlan, captions, lineage markers) on its share; imports are
warmed up first. The report gives pages per second of wall time, and the CPU time the workers
spent per page: on a machine shared with other work, wall time understates the speed, and
`cpu_pages_per_second` (workers x 1000 / CPU ms per page) is what the workers would do with a
core each. --quality also scores the mode on every AEB dev page, as `newsweave eval extract`
does for the default mode.
"""

from __future__ import annotations

import os

# As the batch runner's workers do: numpy's BLAS on one thread per worker process, set before
# numpy is first imported (importing newsweave brings it, through scikit-learn). Otherwise its
# idle threads take CPU from the other worker.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse
import json
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "eval" / "aeb-dev.jsonl"


def _work(pages: list[tuple[str, str]], mode: str, rescue: bool) -> tuple[int, float]:
    """Extract each page; how many became articles, and the CPU seconds it took."""
    from newsweave.extract import extract
    from newsweave.models import Article, RawDoc
    from newsweave.settings import ExtractSettings

    settings = ExtractSettings(mode=mode, readability_rescue=rescue)
    done = 0
    started = time.process_time()
    for url, html in pages:
        result = extract(RawDoc(source=url, kind="html", body=html, url=url), settings)
        done += isinstance(result, Article)
    return done, time.process_time() - started


def _quality(mode: str, rescue: bool) -> dict[str, float]:
    """The mode's AEB dev precision, recall and F1 (the `newsweave eval extract` metric)."""
    from newsweave.evaluate import read_jsonl
    from newsweave.evaluate.extraction import page_counts, score
    from newsweave.extract import extract
    from newsweave.models import Article, RawDoc
    from newsweave.settings import ExtractSettings

    settings = ExtractSettings(mode=mode, readability_rescue=rescue)
    counts = []
    for record in read_jsonl(CORPUS):
        raw = RawDoc(source=str(record["id"]), kind="html", body=record["html"], url=record["url"])
        result = extract(raw, settings)
        text = result.text if isinstance(result, Article) else ""
        counts.append(page_counts(record["text"], text))
    return {**score(counts), "documents": len(counts)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--mode", choices=("accurate", "fast"), default="accurate")
    parser.add_argument("--quality", action="store_true", help="also score the mode on AEB dev")
    parser.add_argument(
        "--no-rescue", action="store_true", help="with extract.readability_rescue = false"
    )
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
    modes, rescue = [args.mode] * args.workers, [not args.no_rescue] * args.workers
    with ProcessPoolExecutor(args.workers) as pool:
        # warm up imports in every worker
        list(pool.map(_work, [s[:2] for s in shares], modes, rescue))
        started = time.perf_counter()
        results = list(pool.map(_work, shares, modes, rescue))
        elapsed = time.perf_counter() - started
    cpu_ms = 1000 * sum(cpu for _, cpu in results) / len(pages)
    kb = sorted(len(h.encode()) / 1000 for _, h in pages)
    report: dict[str, object] = {
        "mode": args.mode,
        "readability_rescue": not args.no_rescue,
        "pages": len(pages),
        "distinct_pages": len(sized),
        "kb_min_mean_max": [round(kb[0], 1), round(sum(kb) / len(kb), 1), round(kb[-1], 1)],
        "workers": args.workers,
        "cpus": os.cpu_count(),
        "extracted": sum(done for done, _ in results),
        "seconds": round(elapsed, 2),
        "pages_per_second": round(len(pages) / elapsed, 1),
        "cpu_ms_per_page": round(cpu_ms, 1),
        "cpu_pages_per_second": round(args.workers * 1000 / cpu_ms, 1),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }
    if args.quality:
        report["aeb_dev"] = _quality(args.mode, not args.no_rescue)
    print(json.dumps(report))


if __name__ == "__main__":
    main()
