"""Analysis throughput: ~600-word articles analysed per second on all cores, and peak memory.

    .venv/bin/python benchmarks/bench_analyze.py [--articles 200] [--workers 2] [--rounds 2]

Articles are the bundled demo articles (written for newsweave), joined two at a time to about
600 words. Each worker process loads the spaCy model once and runs `analyze_many` (sentences,
entities, roles, quotes, numbers, dates) on its share.

The machine is shared, so every round also times spaCy alone on the same texts: the stock model
package (`spacy.load` defaults, no newsweave changes), `nlp.pipe` over the whole article texts,
in fresh worker processes. The ratio of the two is what to compare across runs; rounds alternate
the two so that a change in the machine's load touches both. "wall" rates are by the clock on the
wall; "cpu" rates by the CPU time the workers used, as if each had a core to itself (a loaded
machine does not give that). Peak memory is the largest resident set of an analysis worker.
"""

from __future__ import annotations

import os

# As the batch runner's workers do: numpy's BLAS on one thread per worker process, set before
# numpy is first imported (OpenBLAS reads it once).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import argparse
import json
import resource
import statistics
import time
from collections.abc import Callable
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


def _analyse(articles: list) -> tuple[int, int, int]:
    """newsweave's analysis of a share: wall and CPU nanoseconds, peak RSS in KiB."""
    from newsweave.analyze import analyze_many

    list(analyze_many(articles[:2]))  # load the model before the clock starts
    wall, cpu = time.perf_counter_ns(), time.process_time_ns()
    for _ in analyze_many(articles):
        pass
    return _since(wall, cpu)


def _spacy_alone(texts: list[str]) -> tuple[int, int, int]:
    """The stock small English model on a share of whole texts: wall and CPU ns, peak RSS."""
    import importlib

    from newsweave.analyze.nlp import FALLBACKS

    for name in FALLBACKS:
        try:
            nlp = importlib.import_module(name).load()
            break
        except ImportError:
            continue
    list(nlp.pipe(texts[:2]))
    wall, cpu = time.perf_counter_ns(), time.process_time_ns()
    for _ in nlp.pipe(texts):
        pass
    return _since(wall, cpu)


def _since(wall: int, cpu: int) -> tuple[int, int, int]:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return time.perf_counter_ns() - wall, time.process_time_ns() - cpu, peak


def _run(work: Callable[[list], tuple[int, int, int]], shares: list[list]) -> tuple[float, ...]:
    """Wall and CPU seconds of the slowest worker, and the largest peak RSS (KiB)."""
    with ProcessPoolExecutor(len(shares)) as pool:
        results = list(pool.map(work, shares))
    return tuple(max(r[i] for r in results) / (1e9 if i < 2 else 1) for i in range(3))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    articles = _articles(args.articles)
    words = sum(len(a.text.split()) for a in articles)
    shares = [articles[i :: args.workers] for i in range(args.workers)]
    texts = [[a.text for a in share] for share in shares]
    rates: dict[str, list[float]] = {"wall": [], "cpu": [], "wall_alone": [], "cpu_alone": []}
    rss = 0.0
    load = os.getloadavg()[0]
    started = time.perf_counter()
    for _ in range(args.rounds):
        wall, cpu, _ = _run(_spacy_alone, texts)
        rates["wall_alone"].append(words / wall)
        rates["cpu_alone"].append(words / cpu)
        wall, cpu, peak = _run(_analyse, shares)
        rates["wall"].append(words / wall)
        rates["cpu"].append(words / cpu)
        rss = max(rss, peak)
    mean_words = words / len(articles)

    def summary(clock: str) -> dict[str, float]:
        ours = statistics.median(rates[clock])
        alone = statistics.median(rates[f"{clock}_alone"])
        return {
            "articles_per_second": round(ours / mean_words, 1),
            "words_per_second": round(ours),
            "spacy_alone_words_per_second": round(alone),
            "ratio_to_spacy_alone": round(ours / alone, 2),
        }

    print(
        json.dumps(
            {
                "articles": len(articles),
                "mean_words": round(mean_words),
                "workers": args.workers,
                "rounds": args.rounds,
                # Throughput by the clock on the wall, on this machine as loaded now.
                "wall": summary("wall"),
                # As if each worker had a core to itself: by the CPU time the workers used.
                "cpu": summary("cpu"),
                "peak_rss_mb_per_worker": round(rss / 1024),
                "load_average_before_after": [round(load, 1), round(os.getloadavg()[0], 1)],
                "seconds": round(time.perf_counter() - started, 1),
            }
        )
    )


if __name__ == "__main__":
    main()
