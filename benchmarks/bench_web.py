"""Web load: 200 concurrent readers of story pages against `newsweave serve` on loopback.

    .venv/bin/python benchmarks/bench_web.py [--articles 10000] [--clients 200] [--seconds 20]
                                             [--think 1.0] [--db benchmarks/results/web.db]

1. Builds (or reuses) a database of synthetic articles. They are written straight into the
   store (Store.add_article, put_analysis, put_story, put_brief) with small synthetic analyses
   and briefs, four articles a story, instead of running the NLP pipeline: ten thousand real
   articles would take an hour to analyse, and the pages read the same records either way.
   Each story has shared and single-source claims, a summary with citations, a conflict, quote
   drift, a timeline and a lineage link, so a story page renders every section.
2. Serves it with `newsweave.web.serve` (uvicorn; --workers processes, one per CPU by default)
   in a subprocess on 127.0.0.1.
3. Runs --clients concurrent clients (asyncio, one keep-alive connection each) for --seconds.
   Each reads a random story page (`GET /stories/{id}`, full HTML), waits a think time drawn
   uniformly from 0.5–1.5 x --think seconds (a person reading), and reads the next. --think 0
   drives the server flat out.
4. Prints errors and latency percentiles as JSON (and writes benchmarks/results/bench_web.json),
   with the CPU the server and the clients used and the load average before the run: on a
   shared machine other work skews the numbers. Target: 0 errors, p99 < 200 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx

from newsweave.models import (
    Analysis,
    Article,
    Brief,
    BriefArticle,
    BriefQuote,
    Citation,
    Claim,
    Comparison,
    Conflict,
    ConflictValue,
    Entity,
    LineageLink,
    Mention,
    Quote,
    QuoteDrift,
    Sentence,
    Story,
    SummarySentence,
    Support,
    TimelineEntry,
    Variant,
)
from newsweave.store import Store

RESULTS = Path(__file__).resolve().parent / "results"
PER_STORY = 4
PARAGRAPHS = 8
SHARED = 6  # sentences every article of a story states (claims supported by several articles)
OUTLETS = ["Harbour Gazette", "Meridian Wire", "Coastline Daily", "Iberia Observer", "Transit"]
WORDS = (  # noqa: SIM905 - a word list reads best as one string
    "ferry council harbour minister crew passengers pier vote tram budget inquiry storm port "
    "officials said on Tuesday morning after the city its new line would most people at least "
    "report police court hospital bridge station rescue crossing route plan delay cost"
).split()
TARGET_P99_MS = 200.0


# ── the synthetic database ──────────────────────────────────────────────────────────────────


def sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def build_story(
    rng: random.Random, number: int, start: datetime
) -> tuple[list[tuple[Article, Analysis]], Story, Brief]:
    """Four articles sharing some sentences, their analyses, the story and its brief."""
    shared = [sentence(rng, rng.randint(14, 24)) for _ in range(SHARED)]
    speaker = Entity(id=f"person:speaker-{number}", name=f"Ana Speaker {number}", type="person")
    place = Entity(id=f"place:town-{number % 50}", name=f"Town {number % 50}", type="place")
    records = []
    support: dict[int, list[Support]] = {i: [] for i in range(SHARED)}
    single: list[Claim] = []
    for k in range(PER_STORY):
        article_id = f"a{number:06d}{k:05d}"
        texts = list(shared[: SHARED - k % 2]) + [
            sentence(rng, rng.randint(12, 26)) for _ in range(2 * PARAGRAPHS - SHARED)
        ]
        rng.shuffle(texts)
        paragraphs = [" ".join(texts[i : i + 2]) for i in range(0, len(texts), 2)]
        text = "\n\n".join(paragraphs)
        sentences, offset = [], 0
        for p, para in enumerate(paragraphs):
            cursor = 0
            for s in texts[2 * p : 2 * p + 2]:
                begin = para.index(s, cursor)
                sentences.append(
                    Sentence(
                        index=len(sentences),
                        start=offset + begin,
                        end=offset + begin + len(s),
                        paragraph=p,
                        text=s,
                    )
                )
                cursor = begin + len(s)
            offset += len(para) + 2
        for s in sentences:
            if s.text in shared:
                support[shared.index(s.text)].append(
                    Support(article=article_id, sentence=s.index, text=s.text)
                )
            elif len(single) < 30:
                single.append(
                    Claim(
                        id=f"c{number:06d}s{len(single):03d}",
                        text=s.text,
                        status="single_source",
                        independent_sources=1,
                        support=(Support(article=article_id, sentence=s.index, text=s.text),),
                        outlets=(OUTLETS[k],),
                    )
                )
        first = sentences[0]
        article = Article(
            id=article_id,
            source=f"bench:{article_id}",
            url=f"https://news.example/{article_id}",
            canonical_url=f"https://news.example/{article_id}",
            outlet=OUTLETS[k],
            title=sentence(rng, 8).rstrip("."),
            published=start + timedelta(hours=k),
            text=text,
            paragraphs=tuple(paragraphs),
            content_hash=f"bench{article_id}",
        )
        analysis = Analysis(
            article_id=article_id,
            sentences=tuple(sentences),
            entities=(speaker, place),
            mentions=(
                Mention(
                    entity=place.id, sentence=0, start=first.start, end=first.start + 5, text="x"
                ),
            ),
            quotes=(
                Quote(
                    kind="direct",
                    text=first.text,
                    start=first.start,
                    end=first.end,
                    sentence=0,
                    speaker=speaker.id,
                ),
            ),
        )
        records.append((article, analysis))
    ids = [a.id for a, _ in records]
    claims = [
        Claim(
            id=f"c{number:06d}m{i}",
            text=shared[i],
            status="conflicting" if i == SHARED - 1 else "corroborated",
            independent_sources=len(support[i]),
            support=tuple(support[i]),
            outlets=tuple(OUTLETS[ids.index(s.article)] for s in support[i]),
        )
        for i in range(SHARED)
    ] + single
    story = Story(
        id=f"s{number:09d}",
        title=records[0][0].title,
        articles=tuple(ids),
        first_seen=start,
        last_seen=start + timedelta(hours=PER_STORY - 1),
    )
    coverage: dict[str, list[str]] = {}
    for claim in claims:
        for outlet in claim.outlets:
            coverage.setdefault(outlet, []).append(claim.id)
    brief = Brief(
        id=story.id,
        title=story.title,
        articles=tuple(
            BriefArticle(id=a.id, outlet=a.outlet, title=a.title, url=a.url, published=a.published)
            for a, _ in records
        ),
        entities=(speaker, place),
        quotes=tuple(BriefQuote(speaker=speaker.name, text=shared[0], article=i) for i in ids),
        claims=tuple(claims),
        quote_drift=(
            QuoteDrift(
                speaker=speaker.name,
                variants=(
                    Variant(article=ids[0], text=shared[1], differs=tuple(shared[1].split()[:3])),
                    Variant(article=ids[1], text=shared[2], differs=tuple(shared[2].split()[:3])),
                ),
            ),
        ),
        conflicts=(
            Conflict(
                what="people",
                values=tuple(
                    ConflictValue(article=i, value=str(10 + n), text=shared[-1])
                    for n, i in enumerate(ids)
                ),
            ),
        ),
        timeline=tuple(
            TimelineEntry(
                when=(start + timedelta(days=d)).date().isoformat(),
                what=shared[d],
                articles=(ids[d],),
            )
            for d in range(3)
        ),
        lineage=(LineageLink(article=ids[1], kind="duplicate", source=ids[0], evidence="bench"),),
        summary=tuple(
            SummarySentence(
                text=c.text,
                citations=tuple(
                    Citation(article=s.article, sentence=s.sentence) for s in c.support
                ),
            )
            for c in claims[:SHARED]
        ),
        unique_coverage={o: tuple(c.id for c in single if c.outlets == (o,)) for o in coverage},
        coverage={o: tuple(ids_) for o, ids_ in coverage.items()},
    )
    return records, story, brief


def build_database(path: Path, articles: int, seed: int = 7) -> list[str]:
    """Write the synthetic database (reused when it already holds `articles` articles)."""
    with Store(path) as store:
        if store.count("articles") == articles:
            return [s.id for s in store.stories()]
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    rng = random.Random(seed)
    start = datetime(2026, 1, 1, 6, tzinfo=UTC)
    story_ids = []
    with Store(path) as store, store.transaction():
        for number in range(articles // PER_STORY):
            records, story, brief = build_story(rng, number, start + timedelta(hours=3 * number))
            for article, analysis in records:
                store.add_article(article)
                store.put_analysis(analysis)
            store.put_story(story)
            link = brief.lineage[0]
            store.add_lineage(link)
            store.put_brief(Comparison(story=story.id, claims=brief.claims), brief)
            story_ids.append(story.id)
    return story_ids


# ── the server and the load ─────────────────────────────────────────────────────────────────


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: Path, port: int, workers: int, log: Path) -> subprocess.Popen[bytes]:
    """`newsweave.web.serve` in a subprocess, its log in a file (a pipe could fill and stall it)."""
    code = (
        "from newsweave.web import serve; "
        f"serve({str(db)!r}, host='127.0.0.1', port={port}, workers={workers})"
    )
    with log.open("wb") as out:
        proc = subprocess.Popen([sys.executable, "-c", code], stdout=out, stderr=out)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/stories?limit=1").status_code == 200:
                return proc
        except httpx.TransportError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start within 60 s")


class Connection:
    """One keep-alive HTTP/1.1 connection, as a browser tab holds one.

    A minimal client on asyncio streams: the clients measure the server, not a client library
    (httpx.AsyncClient's shared pool with 200 connections added seconds of its own latency).
    """

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> int:
        """GET `path`; the status code (the body is read and dropped)."""
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        request = f"GET {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n\r\n"
        self.writer.write(request.encode())
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        headers = dict(line.lower().split(": ", 1) for line in lines[1:] if ": " in line)
        await self.reader.readexactly(int(headers.get("content-length", "0")))
        if headers.get("connection") == "close":
            await self.close()
        return status

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.reader = self.writer = None


async def load(
    port: int, story_ids: list[str], clients: int, seconds: float, think: float
) -> tuple[list[float], int, dict[str, int]]:
    """Run the clients; (latencies in ms, requests, errors by kind)."""
    latencies: list[float] = []
    errors: dict[str, int] = {}
    warm = Connection("127.0.0.1", port)
    for sid in story_ids[:5]:
        await warm.get(f"/stories/{sid}")
    await warm.close()
    deadline = time.perf_counter() + seconds

    def failed(kind: str) -> None:
        errors[kind] = errors.get(kind, 0) + 1

    async def reader(rng: random.Random) -> None:
        connection = Connection("127.0.0.1", port)
        await asyncio.sleep(rng.uniform(0, think or 0.01))  # do not start in lockstep
        while time.perf_counter() < deadline:
            began = time.perf_counter()
            try:
                status = await asyncio.wait_for(
                    connection.get(f"/stories/{rng.choice(story_ids)}"), 30
                )
                if status != 200:
                    failed(str(status))
            except (OSError, asyncio.IncompleteReadError, TimeoutError, ValueError) as exc:
                failed(type(exc).__name__)
                await connection.close()
            latencies.append((time.perf_counter() - began) * 1000)
            if think:
                await asyncio.sleep(rng.uniform(0.5, 1.5) * think)
        await connection.close()

    await asyncio.gather(*(reader(random.Random(i)) for i in range(clients)))
    return latencies, len(latencies), errors


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) a process and its children have used so far (Linux /proc)."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if stat.parent.name == str(pid) or fields[1] == str(pid):
            total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q / 100 * len(ordered)))] if ordered else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--think", type=float, default=1.0, help="mean seconds between reads")
    parser.add_argument("--db", type=Path, default=RESULTS / "web.db")
    parser.add_argument(
        "--workers", type=int, default=os.cpu_count() or 1, help="server processes (serve)"
    )
    args = parser.parse_args()
    args.db.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.mkdir(exist_ok=True)
    built = time.perf_counter()
    story_ids = build_database(args.db, args.articles)
    build_seconds = time.perf_counter() - built
    port = free_port()
    server = start_server(args.db, port, args.workers, RESULTS / "bench_web_server.log")
    load_before = os.getloadavg()[0]
    server_cpu, client_cpu = cpu_seconds(server.pid), time.process_time()
    try:
        latencies, requests, errors = asyncio.run(
            load(port, story_ids, args.clients, args.seconds, args.think)
        )
        server_cpu = cpu_seconds(server.pid) - server_cpu
        client_cpu = time.process_time() - client_cpu
    finally:
        server.terminate()
        server.wait(timeout=10)
    p99 = percentile(latencies, 99)
    report = {
        "articles": args.articles,
        "stories": len(story_ids),
        "database_seconds": round(build_seconds, 1),
        "clients": args.clients,
        "server_workers": args.workers,
        "think_seconds": args.think,
        "seconds": args.seconds,
        "requests": requests,
        "requests_per_second": round(requests / args.seconds, 1),
        "errors": sum(errors.values()),
        "errors_by_kind": errors,
        "latency_ms": {
            "p50": round(percentile(latencies, 50), 1),
            "p90": round(percentile(latencies, 90), 1),
            "p99": round(p99, 1),
            "max": round(max(latencies, default=0.0), 1),
            "mean": round(statistics.fmean(latencies), 1) if latencies else 0.0,
        },
        "target": {"errors": 0, "p99_ms": TARGET_P99_MS},
        "met": not errors and p99 < TARGET_P99_MS,
        "cpus": os.cpu_count(),
        "load_average_before": round(load_before, 2),
        "server_cpu_ms_per_request": round(1000 * server_cpu / max(requests, 1), 2),
        "server_cpu_busy": round(server_cpu / args.seconds, 2),
        "client_cpu_busy": round(client_cpu / args.seconds, 2),
    }
    (RESULTS / "bench_web.json").write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
