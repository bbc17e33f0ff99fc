"""Comparing and briefing one big story: the full brief of a 50-article story, and its update.

    .venv/bin/python benchmarks/bench_brief.py [--articles 50] [--repeat 5]

Issue 6's targets: the brief of a 50-article story in under 1 s, and the incremental update of a
story when one article joins in under 200 ms.

The story is made from the bundled demo articles of the Lisbon ferry event (written for
newsweave): each of the `--articles` articles is one of them rewritten by another outlet, with
its paragraphs in a different order, a few left out, and some figures changed, so the articles
share most of their claims (the hardest case for alignment: every sentence has partners).
Extraction and analysis are done once, before any clock starts, since they happen when an
article is added, not when its story is compared.

Timed:
- `full_brief`: a store holding the whole story, `Pipeline.refresh` of it: read the articles,
  analyses and sentence vectors, compare, brief, write.
- `update_one_article`: one more article joins the story (`Pipeline.add_analysed`: dedupe,
  clustering, storing) and the story's refresh.
- `vectors_of_the_new_article`: making that article's sentence vectors (MiniLM), which `add` does
  once per article, with its analysis, so that no refresh re-embeds a sentence; and the same per
  article when 50 are embedded in one batch.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import tempfile
import time
from pathlib import Path


def _story(count: int, seed: int) -> list:
    from newsweave.demo import demo_source
    from newsweave.extract import extract
    from newsweave.ingest import ingest
    from newsweave.models import Article

    rng = random.Random(seed)
    base = [
        a
        for a in (extract(d) for d in ingest(demo_source()))
        if isinstance(a, Article) and "Lisbon" in a.title
    ]
    made = []
    for i in range(count):
        source = base[i % len(base)]
        paragraphs = list(source.paragraphs)
        lead, rest = paragraphs[:1], paragraphs[1:]
        rng.shuffle(rest)
        kept = lead + [p for p in rest if rng.random() > 0.15]
        kept = [_figures(p, rng) for p in kept]
        outlet = f"Outlet {i:02d}"
        made.append(
            source.model_copy(
                update={
                    "id": f"bench{i:03d}",
                    "source": f"https://outlet{i:02d}.example/ferry",
                    "url": f"https://outlet{i:02d}.example/ferry",
                    "canonical_url": f"https://outlet{i:02d}.example/ferry",
                    "outlet": outlet,
                    "paragraphs": tuple(kept),
                    "text": "\n\n".join(kept),
                    "content_hash": f"bench{i:03d}",
                    "markers": (),
                }
            )
        )
    return made


def _figures(paragraph: str, rng: random.Random) -> str:
    """Now and then a figure reported differently, as outlets do."""

    def change(match: re.Match[str]) -> str:
        value = int(match.group())
        return str(value + rng.choice((-2, -1, 1, 2))) if rng.random() < 0.1 else match.group()

    return re.sub(r"\b\d{2,3}\b", change, paragraph)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    from newsweave.analyze import analyze_many
    from newsweave.embed import backend, encode, sentence_vectors
    from newsweave.pipeline import Pipeline
    from newsweave.settings import Settings
    from newsweave.store import Store

    articles = _story(args.articles + args.repeat, args.seed)
    analyses = list(analyze_many(articles))
    encode(["warm the model up"])
    # One story whatever the text: this measures comparing, not clustering.
    settings = Settings.from_dict({"cluster": {"threshold": 0.0}})
    sentences = sum(len(a.sentences) for a in analyses[: args.articles])
    started = time.perf_counter()
    sentence_vectors(analyses[: args.articles])
    embedding = (time.perf_counter() - started) / args.articles

    full: list[float] = []
    update: list[float] = []
    embedded: list[float] = []
    for run in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            store = Store(Path(tmp) / "bench.db")
            pipeline = Pipeline(store, settings)
            story = _load(pipeline, articles[: args.articles], analyses[: args.articles])
            started = time.perf_counter()
            pipeline.refresh([story])
            full.append(time.perf_counter() - started)
            extra = args.articles + run
            started = time.perf_counter()
            vectors = sentence_vectors([analyses[extra]])
            embedded.append(time.perf_counter() - started)
            started = time.perf_counter()
            report = pipeline.add_analysed([(articles[extra], analyses[extra])], vectors=vectors)
            update.append(time.perf_counter() - started)
            assert report.stories == [story], report.stories
            store.close()

    def ms(values: list[float]) -> dict[str, float]:
        return {
            "median_ms": round(statistics.median(values) * 1000, 1),
            "max_ms": round(max(values) * 1000, 1),
        }

    print(
        json.dumps(
            {
                "articles": args.articles,
                "sentences": sentences,
                "embeddings": backend(),
                "full_brief": ms(full),
                "update_one_article": ms(update),
                "vectors_of_the_new_article": ms(embedded),
                "vectors_per_article_in_a_batch_ms": round(embedding * 1000, 1),
                "targets_ms": {"full_brief": 1000, "update_one_article": 200},
            },
            indent=2,
        )
    )


def _load(pipeline, articles: list, analyses: list) -> str:  # type: ignore[no-untyped-def]
    report = pipeline.add_analysed(list(zip(articles, analyses, strict=True)))
    (story,) = report.stories
    return story


if __name__ == "__main__":
    main()
