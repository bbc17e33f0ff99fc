"""The batch edge: the per-article stages mapped over partitions, their results kept as Parquet.

    files ─► ingest ─► sort by (file, position) ─► N partitions ─► extract, analyze, vectors
          ─► DIR/articles/part-*.parquet, DIR/rejected/part-*.parquet, DIR/manifest.json
          ─► import: Pipeline.add_analysed (dedupe, cluster, compare, brief) part by part

Extraction, analysis and sentence vectors look at one article at a time, so any number of
workers can run them: a local process pool (`engine="local"`) or Spark (`engine="spark"`,
`mapPartitionsWithIndex`, the models loaded once per worker process). Deduplication, clustering
and the comparison depend on the articles seen before, so the import runs them in the store, in
input order: the result equals `newsweave add` of the same files. docs/batch.md says what runs
where and how the joins are blocked past one machine.

Partitions are ranges of the input order (part i holds documents before those of part i+1,
sorted), so the import reads one part at a time and never the whole output at once.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import datetime
from multiprocessing import get_context
from pathlib import Path
from typing import Any, Literal

import numpy as np

from newsweave.analyze import analyze_many
from newsweave.embed import MODEL, sentence_vectors
from newsweave.errors import InputError, SettingsError
from newsweave.export import pyarrow
from newsweave.extract import extract
from newsweave.ingest import Source, ingest
from newsweave.models import Analysis, Article, RawDoc, Rejected
from newsweave.pipeline import AddReport, Pipeline, Progress
from newsweave.settings import ExtractSettings, Settings
from newsweave.sources import folder_files, is_url, read_paths, unsupported

Engine = Literal["local", "spark"]
ENGINES = ("local", "spark")

Item = tuple[tuple[int, int], RawDoc | Rejected]
"""A document keyed by its place in the input: (file number, position in the file)."""

# Documents analysed (and written as one Parquet row group) at a time inside a partition: bounds
# a worker's memory, and is large enough for spaCy's and MiniLM's batching to pay off.
CHUNK = 256

MANIFEST = "manifest.json"


@dataclass
class BatchReport:
    """What one batch run wrote: where, by which engine, and what each partition held."""

    out: str
    engine: str
    inputs: list[str]
    parts: list[dict[str, int]] = field(default_factory=list)
    seconds: float = 0.0
    vector_model: str | None = None
    skipped: list[str] = field(default_factory=list)
    """Files in the input folders of no kind newsweave reads (rejected, as `add` does)."""

    @property
    def articles(self) -> int:
        """Articles written (before deduplication, which the import does)."""
        return sum(p["articles"] for p in self.parts)

    @property
    def rejected(self) -> int:
        """Documents refused by ingest or extract, and files skipped."""
        return sum(p["rejected"] for p in self.parts) + len(self.skipped)


# ── the inputs ─────────────────────────────────────────────────────────────────────────────


def input_files(targets: list[str]) -> tuple[list[str], list[str]]:
    """The files to read, in the order `newsweave add` reads them (folders recursively, sorted),
    and the files of the folders that are of no kind newsweave reads."""
    files: list[str] = []
    skipped: list[str] = []
    for target in targets:
        if is_url(target) or target == "-":
            raise InputError(
                f"{target}: batch reads files and folders; fetch URLs and feeds with "
                "`newsweave add` or `newsweave watch`"
            )
        path = Path(target)
        if path.is_dir():
            found, others = folder_files(path)
            files += [str(p) for p in found]
            skipped += [str(p) for p in others]
        elif path.is_file():
            files.append(str(path))
        else:
            raise InputError(f"{target}: no such file or folder")
    return files, skipped


def read_file(
    number: int,
    path: str,
    outlet: str | None = None,
    published: datetime | None = None,
    settings: ExtractSettings | None = None,
) -> list[Item]:
    """Read and ingest one file; its documents keyed by (file number, position)."""
    sources = read_paths([path], outlet, published)
    docs = [
        doc
        for source in sources
        for doc in (ingest(source, settings) if isinstance(source, Source) else [source])
    ]
    return [((number, position), doc) for position, doc in enumerate(docs)]


# ── one partition: the pure part every engine maps ─────────────────────────────────────────


def process(items: Iterable[Item], settings: Settings) -> Iterator[list[dict[str, Any]]]:
    """Extract, analyse and embed documents; rows (articles and rejections) a chunk at a time."""
    chunk: list[Item] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == CHUNK:
            yield _process_chunk(chunk, settings)
            chunk = []
    if chunk:
        yield _process_chunk(chunk, settings)


def _process_chunk(chunk: list[Item], settings: Settings) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    articles: list[tuple[tuple[int, int], Article]] = []
    for key, doc in chunk:
        result = doc if isinstance(doc, Rejected) else extract(doc, settings.extract)
        if isinstance(result, Rejected):
            rows.append(_key(key) | result.model_dump())
        else:
            articles.append((key, result))
    analyses = list(analyze_many([a for _, a in articles], settings.analyze))
    vectors = sentence_vectors(analyses)
    for (key, article), analysis in zip(articles, analyses, strict=True):
        rows.append(_key(key) | _article_row(article, analysis, vectors.get(article.id)))
    return rows


def _key(key: tuple[int, int]) -> dict[str, int]:
    return {"file": key[0], "position": key[1]}


def _article_row(
    article: Article, analysis: Analysis, vectors: np.ndarray | None
) -> dict[str, Any]:
    matrix = None if vectors is None else np.ascontiguousarray(vectors, dtype="<f4")
    return {
        "id": article.id,
        "source": article.source,
        "outlet": article.outlet,
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "article": article.model_dump_json(),
        "analysis": analysis.model_dump_json(),
        "vector_model": None if matrix is None else MODEL,
        "dim": None if matrix is None else int(matrix.shape[1]),
        # float32, little-endian, one row per sentence.
        "vectors": None if matrix is None else matrix.tobytes(),
    }


def run_partition(
    index: int, items: Iterable[Item], out: str, settings: Settings
) -> dict[str, int]:
    """Process one partition and write its two Parquet parts; how many rows each got."""
    pa, pq = pyarrow()
    article_schema, rejected_schema = _schemas()
    name = f"part-{index:05d}.parquet"
    counts = {"partition": index, "articles": 0, "rejected": 0}
    with (
        pq.ParquetWriter(str(Path(out, "articles", name)), article_schema) as articles,
        pq.ParquetWriter(str(Path(out, "rejected", name)), rejected_schema) as rejected,
    ):
        for rows in process(items, settings):
            kept = [r for r in rows if "id" in r]
            refused = [r for r in rows if "id" not in r]
            articles.write_table(pa.Table.from_pylist(kept, schema=article_schema))
            rejected.write_table(pa.Table.from_pylist(refused, schema=rejected_schema))
            counts["articles"] += len(kept)
            counts["rejected"] += len(refused)
    return counts


def _schemas() -> tuple[Any, Any]:
    pa, _ = pyarrow()
    key = [pa.field("file", pa.int32()), pa.field("position", pa.int32())]
    strings = ("id", "source", "outlet", "title", "published", "article", "analysis")
    article = pa.schema(
        [
            *key,
            *[pa.field(name, pa.string()) for name in strings],
            pa.field("vector_model", pa.string()),
            pa.field("dim", pa.int32()),
            pa.field("vectors", pa.binary()),
        ]
    )
    rejected = pa.schema(
        [*key, *[pa.field(n, pa.string()) for n in ("source", "stage", "reason", "detail")]]
    )
    return article, rejected


# ── the engines ────────────────────────────────────────────────────────────────────────────


def run(
    targets: list[str],
    out: str | Path,
    settings: Settings | None = None,
    engine: str = "local",
    partitions: int | None = None,
    outlet: str | None = None,
    published: datetime | None = None,
    master: str = "local[2]",
    workers: int | None = None,
) -> BatchReport:
    """Run the per-article stages over the inputs with an engine and write DIR (see the module)."""
    settings = settings or Settings()
    if engine not in ENGINES:
        raise InputError(f"--engine must be local or spark, not {engine!r}")
    for name, value in (("partitions", partitions), ("workers", workers)):
        if value is not None and value < 1:
            raise InputError(f"--{name} must be 1 or more, not {value}")
    files, skipped = input_files(targets)
    pyarrow()  # fail before any work when Parquet cannot be written
    out = Path(out)
    _prepare(out)
    report = BatchReport(out=str(out), engine=engine, inputs=files, skipped=skipped)
    started = time.perf_counter()
    n = partitions or os.cpu_count() or 1
    if engine == "spark":
        report.parts = run_spark(files, out, settings, n, outlet, published, master)
    else:
        report.parts = run_local(files, out, settings, n, outlet, published, workers)
    report.seconds = round(time.perf_counter() - started, 3)
    report.vector_model = MODEL if _has_vectors(out) else None
    (out / MANIFEST).write_text(json.dumps(asdict(report), indent=2) + "\n", encoding="utf-8")
    return report


def _prepare(out: Path) -> None:
    """Make DIR's folders and drop the parts of an earlier run (a run may have fewer parts)."""
    try:
        (out / MANIFEST).unlink(missing_ok=True)
        for sub in ("articles", "rejected"):
            (out / sub).mkdir(parents=True, exist_ok=True)
            for old in (out / sub).glob("part-*.parquet"):
                old.unlink()
    except OSError as exc:
        raise InputError(f"{out}: cannot write batch output there ({exc.strerror})") from None


def _has_vectors(out: Path) -> bool:
    _, pq = pyarrow()
    column = pq.read_table(str(out / "articles"), columns=["vector_model"]).column(0)
    return column.null_count < len(column)


def run_local(
    files: list[str],
    out: Path,
    settings: Settings,
    partitions: int,
    outlet: str | None = None,
    published: datetime | None = None,
    workers: int | None = None,
) -> list[dict[str, int]]:
    """The local engine: ingest here, then the partitions in a pool of `workers` processes
    (default: one per partition, at most one per core); with one worker, in this process."""
    items = [
        item
        for number, path in enumerate(files)
        for item in read_file(number, path, outlet, published, settings.extract)
    ]
    chunks = split(items, partitions)
    workers = min(len(chunks), workers or os.cpu_count() or 1)
    if workers == 1:
        return [run_partition(i, chunk, str(out), settings) for i, chunk in enumerate(chunks)]
    # spawn, not fork: a forked copy of a process that has loaded torch can deadlock. Each
    # worker loads the models once and keeps them for every partition it is given.
    # One BLAS thread per worker, read when its numpy loads: with the workers on every core,
    # OpenBLAS's own threads made the analysis slower (docs/quality.md, "Analysis speed").
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    with ProcessPoolExecutor(workers, mp_context=get_context("spawn")) as pool:
        jobs = [
            pool.submit(run_partition, i, chunk, str(out), settings)
            for i, chunk in enumerate(chunks)
        ]
        return [job.result() for job in jobs]


def split(items: list[Item], partitions: int) -> list[list[Item]]:
    """At most `partitions` contiguous ranges of near-equal length (one, empty, for no items)."""
    n = max(1, min(partitions, len(items)))
    size, extra = divmod(len(items), n)
    chunks, start = [], 0
    for i in range(n):
        end = start + size + (i < extra)
        chunks.append(items[start:end])
        start = end
    return chunks


def run_spark(
    files: list[str],
    out: Path,
    settings: Settings,
    partitions: int,
    outlet: str | None = None,
    published: datetime | None = None,
    master: str = "local[2]",
) -> list[dict[str, int]]:
    """The Spark engine: files read and ingested on the executors, range-partitioned by input
    order (`sortByKey`), each partition processed and written by `run_partition`."""
    context, ours = spark_context(master)
    target = str(out.resolve())
    try:
        docs = (
            context.parallelize(list(enumerate(files)), max(1, min(len(files), partitions)))
            .flatMap(lambda f: read_file(f[0], f[1], outlet, published, settings.extract))
            .persist()  # sortByKey samples the keys first; do not read the files twice
        )
        parts = (
            docs.sortByKey(numPartitions=partitions)
            .mapPartitionsWithIndex(lambda i, it: [run_partition(i, it, target, settings)])
            .collect()
        )
        docs.unpersist()
    finally:
        if ours:
            context.stop()
    # A range partitioner may make fewer partitions than asked; an empty input makes none.
    return parts or [run_partition(0, [], target, settings)]


def spark_context(master: str) -> tuple[Any, bool]:
    """A SparkContext (the active one, else a new one on `master`) and whether we made it."""
    try:
        from pyspark import SparkConf, SparkContext
    except ImportError:
        raise SettingsError(
            "--engine spark needs pyspark, which is not installed: pip install 'newsweave[spark]'"
        ) from None
    if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
        raise SettingsError("--engine spark needs Java 17 or newer; java is not on PATH")
    # The workers must run this interpreter, which has newsweave and its models installed.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    if master.startswith("local"):
        # All of a local run stays on this machine: bind to loopback, not a public interface.
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    active = SparkContext._active_spark_context
    if active is not None:
        return active, False
    conf = (
        SparkConf()
        .setMaster(master)
        .setAppName("newsweave batch")
        .set("spark.ui.enabled", "false")
        .set("spark.ui.showConsoleProgress", "false")
    )
    context = SparkContext(conf=conf)
    context.setLogLevel("ERROR")
    return context, True


# ── the import ─────────────────────────────────────────────────────────────────────────────


def manifest(out: str | Path) -> BatchReport:
    """The manifest of a finished batch output (an unfinished one has none)."""
    path = Path(out, MANIFEST)
    try:
        return BatchReport(**json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        raise InputError(
            f"{out} is not a finished batch output (no {MANIFEST}); run `newsweave batch` again"
        ) from None
    except (ValueError, TypeError) as exc:
        raise InputError(f"{path} is not a batch manifest this version can read: {exc}") from None


def rejected_rows(out: str | Path) -> list[Rejected]:
    """Every rejection of a batch output, in input order."""
    _, pq = pyarrow()
    rows = pq.read_table(str(Path(out, "rejected"))).to_pylist()
    rows.sort(key=lambda r: (r["file"], r["position"]))
    return [Rejected(**{k: r[k] for k in ("source", "stage", "reason", "detail")}) for r in rows]


def article_parts(
    out: str | Path,
) -> Iterator[tuple[list[tuple[Article, Analysis]], dict[str, np.ndarray]]]:
    """The articles of a batch output with their analyses and sentence vectors, part by part,
    in input order."""
    _, pq = pyarrow()
    for part in sorted(Path(out, "articles").glob("part-*.parquet")):
        rows = pq.read_table(str(part)).to_pylist()
        rows.sort(key=lambda r: (r["file"], r["position"]))
        items, vectors = [], {}
        for r in rows:
            items.append(
                (
                    Article.model_validate_json(r["article"]),
                    Analysis.model_validate_json(r["analysis"]),
                )
            )
            if r["vectors"] is not None and r["vector_model"] == MODEL:
                matrix = np.frombuffer(r["vectors"], dtype="<f4").reshape(-1, r["dim"])
                vectors[r["id"]] = matrix
        yield items, vectors


def import_output(
    pipeline: Pipeline, out: str | Path, progress: Progress | None = None
) -> AddReport:
    """Store a batch output: its rejections, then its articles through the order-dependent
    stages (dedupe, cluster, compare, brief), part by part in input order."""
    done = manifest(out)
    report = AddReport()
    rejected = [unsupported(path) for path in done.skipped] + rejected_rows(out)
    with pipeline.store.transaction():
        for r in rejected:
            pipeline.store.add_rejected(r)
    report.rejected += rejected
    tick = _renamed(progress, "import", done.articles)
    for items, vectors in article_parts(out):
        fresh = _unseen(pipeline, items, report)
        part = pipeline.add_analysed(fresh, tick, vectors=vectors)
        report.added += part.added
        report.already_stored += part.already_stored
        report.stories += part.stories
    # A story touched by one part may have been folded into another by a later one.
    alive = {s.id for s in pipeline.store.stories()}
    report.stories = sorted(set(report.stories) & alive)
    return report


def _unseen(
    pipeline: Pipeline, items: list[tuple[Article, Analysis]], report: AddReport
) -> list[tuple[Article, Analysis]]:
    """Drop articles stored already or earlier in the same part (same id, content or URL)."""
    fresh: list[tuple[Article, Analysis]] = []
    seen: set[str | None] = set()
    for article, analysis in items:
        keys = {article.id, article.content_hash, article.canonical_url} - {None}
        if keys & seen or pipeline.store.existing_article(article):
            report.already_stored.append(article.source)
            continue
        seen |= keys
        fresh.append((article, analysis))
    return fresh


def _renamed(progress: Progress | None, stage: str, total: int) -> Progress | None:
    """Progress of the whole import: each stored article ticks `stage` out of `total`."""
    if progress is None:
        return None

    def tick(inner: str, _: int) -> None:
        if inner == "analyze":
            progress(stage, total)

    return tick
