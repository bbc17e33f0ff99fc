"""The `newsweave` command: a thin shell over the library. Each command opens the store, calls one
library function and prints the result as a table, Markdown or JSON (`--json`)."""

from __future__ import annotations

import json
import shutil
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from newsweave import __version__
from newsweave.brief import counted, render
from newsweave.errors import InputError, NewsweaveError, StoreError
from newsweave.fetch import Fetcher
from newsweave.pipeline import AddReport, Pipeline
from newsweave.search import fts_query, search
from newsweave.settings import Settings, markdown, table
from newsweave.sources import plausible, read_targets
from newsweave.store import Store, default_path

app = typer.Typer(
    help="Read the news like an analyst: group articles into stories, line up their claims across "
    "outlets and write cited briefs.\n\nStart with `newsweave demo`.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode="markdown",
)
out = Console()
err = Console(stderr=True)

DEMO_DB = "newsweave-demo.db"


class State:
    db: str | None = None
    settings: Settings = Settings()


state = State()


@contextmanager
def _errors() -> Iterator[None]:
    """Library errors become one line on stderr and a non-zero exit, never a traceback."""
    try:
        yield
    except NewsweaveError as exc:
        err.print(Text.assemble(("error: ", "bold red"), str(exc)), soft_wrap=True, highlight=False)
        raise typer.Exit(exc.exit_code) from None


def _store(path: str | None = None, existing: bool = False) -> Store:
    """The database; with `existing`, for commands that only read it, one that is there: a
    mistyped --db must not quietly make an empty database (and its folders)."""
    path = path or state.db or default_path()
    if existing and path != ":memory:" and not Path(path).exists():
        raise StoreError(
            f"no database at {path}: add articles first (newsweave add), or check --db"
        )
    return Store(path, state.settings.store.busy_timeout_ms)


def _date(text: str | None) -> datetime | None:
    """A --published value: an ISO date, or date and time ("2026-03-04", "2026-03-04T07:30Z")."""
    if text is None:
        return None
    try:
        return plausible(datetime.fromisoformat(text.strip()))
    except ValueError:
        raise InputError(f"--published must be a date such as 2026-03-04, not {text!r}") from None


def _print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def _version(value: bool) -> None:
    if value:
        print(f"newsweave {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    db: Annotated[
        str | None,
        typer.Option(
            help="Database file. Default: $NEWSWEAVE_DB or newsweave.db.", envvar="NEWSWEAVE_DB"
        ),
    ] = None,
    settings: Annotated[
        Path | None,
        typer.Option(
            "--settings", help="TOML file overriding some settings (see `newsweave settings`)."
        ),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")
    ] = False,
) -> None:
    """Global options."""
    state.db = db
    with _errors():
        state.settings = Settings.load(settings)


@app.command()
def add(
    targets: Annotated[
        list[str],
        typer.Argument(
            help="Files, folders (plain text, HTML, JSONL, WARC), URLs of pages or RSS/Atom "
            "feeds; `-` reads standard input.",
            metavar="PATH|URL...",
        ),
    ],
    outlet: Annotated[
        str | None,
        typer.Option(help="Outlet name for these articles (else from the page or the text)."),
    ] = None,
    published: Annotated[
        str | None,
        typer.Option(help="Publication date for these articles, e.g. 2024-09-11.", metavar="DATE"),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Add articles and run them through every stage.

    Example: `newsweave add report.txt --outlet "Harbour Gazette" --published 2026-03-04`
    """
    with _errors(), _store() as store, Fetcher(state.settings.fetch) as fetcher:
        pipeline = Pipeline(store, state.settings)
        sources = list(read_targets(targets, outlet, _date(published), fetcher))
        with _progress(as_json) as tick:
            report = pipeline.add_sources(sources, tick)
    if as_json:
        _print_json(_report_json(report))
        return
    _print_report(report)


@app.command()
def watch(
    feeds: Annotated[
        list[str], typer.Argument(help="URLs of RSS or Atom feeds.", metavar="FEED...")
    ],
    every: Annotated[str, typer.Option(help="How often to poll: 30s, 5m, 1h.")] = "5m",
    once: Annotated[bool, typer.Option("--once", help="Poll once and exit (for cron).")] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print each round's report as JSON.")
    ] = False,
) -> None:
    """Poll feeds and process their new items, until interrupted (Ctrl-C).

    Conditional requests (ETag, Last-Modified) spare unchanged feeds; a feed that is down or
    malformed is reported and retried next round; a restart resumes where the last run stopped.

    Example: `newsweave watch https://news.example/rss.xml --every 10m`
    """
    from newsweave.watch import parse_interval, poll

    with _errors():
        seconds = parse_interval(every)
        with _store() as store, Fetcher(state.settings.fetch) as fetcher:
            pipeline = Pipeline(store, state.settings)
            try:
                while True:
                    report = poll(pipeline, fetcher, feeds)
                    if as_json:
                        print(json.dumps(_poll_json(report), default=str), flush=True)
                    else:
                        _print_poll(report)
                    if once:
                        # For cron: a round in which no feed could be read is a failure.
                        if report.failed and set(report.failed) >= set(feeds):
                            raise typer.Exit(1)
                        return
                    time.sleep(seconds)
            except KeyboardInterrupt:
                err.print("stopped; the next run resumes from here")


def _poll_json(report: Any) -> dict[str, Any]:
    return {
        "feeds": report.feeds,
        "unchanged": report.unchanged,
        "new_items": report.new_items,
        "failed": report.failed,
        **_report_json(report.added),
    }


def _print_poll(report: Any) -> None:
    stamp = datetime.now().strftime("%H:%M:%S")
    out.print(
        f"{stamp} polled {report.feeds} feeds ({report.unchanged} unchanged), "
        f"{report.new_items} new items",
        highlight=False,
    )
    for url, error in report.failed.items():
        out.print(f"  feed {url} failed: {error}", highlight=False)
    _print_report(report.added)


@app.command()
def stories(as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """List the stories, most recently active first.

    Example: `newsweave stories --json`
    """
    with _errors(), _store(existing=True) as store:
        _note_stale(store)
        rows: list[dict[str, Any]] = []
        for story in store.stories():
            articles = store.articles(story=story.id)
            rows.append(
                {
                    "id": story.id,
                    "title": story.title,
                    "articles": len(articles),
                    "outlets": sorted({a.outlet for a in articles}),
                    "first_seen": story.first_seen,
                    "last_seen": story.last_seen,
                }
            )
    if as_json:
        _print_json(rows)
        return
    grid = Table("story", "articles", "outlets", "title", box=None)
    for row in rows:
        grid.add_row(row["id"], str(row["articles"]), ", ".join(row["outlets"]), row["title"])
    out.print(grid if rows else "No stories yet. Add articles with `newsweave add PATH`.")


@app.command()
def refresh(as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Remake what another version of newsweave, or other settings, made: re-analyse those
    articles, then recompute their stories' briefs and every other out-of-date brief.

    Run it after an upgrade; `stories` and `brief` say when it is due. Stories keep their
    articles. Example: `newsweave refresh`
    """
    with _errors(), _store(existing=True) as store, _progress(as_json) as tick:
        done = Pipeline(store, state.settings).remake(tick)
    if as_json:
        _print_json({"analyses": done.analyses, "briefs": done.briefs})
        return
    out.print(
        f"Re-analysed {counted(len(done.analyses), 'article')}; "
        f"remade {counted(len(done.briefs), 'brief')}.",
        highlight=False,
    )


def _note_stale(store: Store) -> None:
    """Tell (on stderr) when stored records are out of date, and what remakes them."""
    stale = Pipeline(store, state.settings).stale()
    if stale.analyses or stale.briefs:
        err.print(
            f"note: {counted(len(stale.analyses), 'analysis', 'analyses')} and "
            f"{counted(len(stale.briefs), 'brief')} were made by another version of newsweave "
            f"or other settings; `{_command_name()} refresh` remakes them.",
            highlight=False,
            soft_wrap=True,
        )


@app.command()
def articles(
    story: Annotated[str | None, typer.Option(help="Only the articles of this story.")] = None,
    as_json: Annotated[
        bool,
        typer.Option(
            "--json", help="Print JSON with the cleaned text, captions and removed lines."
        ),
    ] = False,
) -> None:
    """List the articles with their outlet and story.

    Example: `newsweave articles --story s8ac1e89b1 --json`
    """
    with _errors(), _store(existing=True) as store:
        found = store.articles(story=store.story(story).id if story else None)
        story_of = {a.id: store.story_of(a.id) for a in found}
    if as_json:
        _print_json([a.model_dump(mode="json") | {"story": story_of[a.id]} for a in found])
        return
    grid = Table("article", "story", "outlet", "published", "title", box=None)
    for a in found:
        when = a.published.date().isoformat() if a.published else "-"
        grid.add_row(a.id, story_of[a.id] or "-", a.outlet, when, a.title)
    out.print(grid if found else "No articles yet. Add some with `newsweave add PATH`.")


@app.command()
def brief(
    story: Annotated[str, typer.Argument(help="Story id (or a unique prefix of it).")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="md, json or html.")] = "md",
) -> None:
    """Print a story's cited brief.

    Example: `newsweave brief s8ac1e89b1 --format json`
    """
    with _errors():
        if fmt not in {"md", "json", "html"}:
            raise InputError(f"--format must be md, json or html, not {fmt!r}")
        with _store(existing=True) as store:
            text = render(store.brief(story), fmt)  # type: ignore[arg-type]
            _note_stale(store)
    print(text, end="" if text.endswith("\n") else "\n")


@app.command()
def entities(
    story: Annotated[str | None, typer.Option(help="Only the entities of this story.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List the people, places and organisations found, with their aliases.

    Example: `newsweave entities --story s8ac1e89b1`
    """
    with _errors(), _store(existing=True) as store:
        ids = [store.story(story).id] if story else [s.id for s in store.stories()]
        found: dict[str, dict[str, Any]] = {}
        for sid in ids:
            for e in store.brief(sid).entities:
                row = found.setdefault(
                    e.id,
                    {"id": e.id, "name": e.name, "type": e.type, "aliases": set(), "stories": []},
                )
                row["aliases"] |= set(e.aliases)
                row["stories"].append(sid)
    rows = [
        r | {"aliases": sorted(r["aliases"])}
        for r in sorted(found.values(), key=lambda r: (r["type"], r["name"]))
    ]
    if as_json:
        _print_json(rows)
        return
    grid = Table("entity", "type", "aliases", "stories", box=None)
    for r in rows:
        grid.add_row(r["name"], r["type"], ", ".join(r["aliases"]), str(len(r["stories"])))
    out.print(grid if rows else "No entities yet.")


@app.command("search")
def search_command(
    text: Annotated[
        str, typer.Argument(help="Words to find; all are required; `ferr*` is a prefix.")
    ],
    limit: Annotated[int, typer.Option(help="At most this many articles.")] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Find articles by the words of their title and text, best first.

    Example: `newsweave search "ferry pier" --limit 5`
    """
    with _errors():
        if limit < 1:
            raise InputError(f"--limit must be at least 1, not {limit}")
        if not fts_query(text):
            raise InputError("give at least one word to search for")
        with _store(existing=True) as store:
            hits = search(store, text, limit=limit)
    if as_json:
        _print_json([h.model_dump(mode="json") for h in hits])
        return
    grid = Table("article", "outlet", "title", "story", "snippet", box=None)
    for h in hits:
        snippet = "".join(
            f"[bold]{escape(f.text)}[/]" if f.match else escape(f.text) for f in h.snippet
        )
        grid.add_row(h.article, h.outlet, escape(h.title), h.story or "", snippet)
    out.print(grid if hits else f"No article holds all of: {escape(text)}")


@app.command()
def rejected(as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """List the inputs that were refused, with the stage and the reason.

    Example: `newsweave rejected --json`
    """
    with _errors(), _store(existing=True) as store:
        found = store.rejected()
    if as_json:
        _print_json([r.model_dump() for r in found])
        return
    grid = Table("source", "stage", "reason", "detail", box=None)
    for r in found:
        grid.add_row(r.source, r.stage, r.reason, r.detail)
    out.print(grid if found else "Nothing was rejected.")


@app.command("settings")
def show_settings(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    as_markdown: Annotated[
        bool, typer.Option("--markdown", help="Print the settings reference (docs/settings.md).")
    ] = False,
) -> None:
    """List every setting with its value in force and what it does.

    Example: `newsweave --settings mine.toml settings`
    """
    if as_markdown:
        print(markdown(), end="")
        return
    rows = [
        {
            "name": f"{r.section}.{r.name}",
            "value": getattr(getattr(state.settings, r.section), r.name),
            "default": r.default,
            "help": r.help,
        }
        for r in table()
    ]
    if as_json:
        _print_json(rows)
        return
    grid = Table("setting", "value", "what it does", box=None)
    for r in rows:
        grid.add_row(r["name"], repr(r["value"]), r["help"])
    out.print(grid)


@app.command()
def serve(
    host: Annotated[
        str, typer.Option(help="Address to listen on; beyond localhost a token is required.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(
            envvar="NEWSWEAVE_TOKEN", help="Token that writing (adding articles) requires."
        ),
    ] = None,
    workers: Annotated[int, typer.Option(help="Server processes sharing the port.")] = 1,
) -> None:
    """Serve the web pages and the JSON API (OpenAPI at /openapi.json) until interrupted.

    Example: `newsweave serve --port 8000`, then open http://127.0.0.1:8000
    """
    from newsweave.web.server import serve as run_server

    with _errors():
        if Path(state.db or default_path()).exists():
            with _store() as store:
                _note_stale(store)
        out.print(f"Serving {state.db or default_path()} at http://{host}:{port} (Ctrl-C stops)")
        run_server(state.db or default_path(), state.settings, host, port, token, workers)


@app.command("eval")
def evaluate_command(
    task: Annotated[
        str,
        typer.Argument(
            help="extract (AEB format), cluster, align or entities (ECB+), quotes (PolNeAR), "
            "facts (a directory of corpora with facts.json keys, e.g. tests/corpora)."
        ),
    ],
    path: Annotated[
        Path,
        typer.Argument(
            help="A labelled JSONL file, e.g. ../shared/eval/aeb-dev.jsonl (facts: a directory)."
        ),
    ],
    limit: Annotated[
        int | None, typer.Option(help="Only the first N records (a quick look).")
    ] = None,
    split: Annotated[
        str | None, typer.Option(help="quotes: only the records of this split (train, dev).")
    ] = None,
    shuffles: Annotated[
        int,
        typer.Option(
            min=0,
            help="cluster: also replay N more shuffled orders and report the mean B³-F1 "
            "(one order's score moves with a single early decision).",
        ),
    ] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="Print the metrics as JSON.")] = False,
) -> None:
    """Measure a stage on a labelled corpus, beside a baseline, under the settings in force.

    Example: `newsweave eval extract ../shared/eval/aeb-dev.jsonl --json`; with
    `newsweave --settings mine.toml eval ...` a changed setting is measured.
    """
    from newsweave.evaluate import evaluate

    with _errors():
        metrics = evaluate(task, path, limit, split, state.settings, shuffles)
    if as_json:
        _print_json(metrics)
        return
    baseline = metrics.get("baseline", {})
    grid = Table("metric", "newsweave", baseline.get("name", "baseline"), box=None)
    for key, value in metrics.items():
        if isinstance(value, float | int) and not isinstance(value, bool):
            grid.add_row(key, f"{value:g}", f"{baseline[key]:g}" if key in baseline else "")
    if "shuffles" in metrics:
        grid.add_row("b3 f1, mean of orders", f"{metrics['shuffles']['b3_f1_mean']:g}", "")
    if "conflicts" in metrics:
        grid.add_row("conflicts: P / R / F1", _scores(metrics["conflicts"]), "")
    for corpus, scores in metrics.get("corpora", {}).items():
        grid.add_row(f"{corpus}: P / R / F1", _scores(scores), "")
        if "conflicts" in scores:
            grid.add_row(f"{corpus} conflicts: P / R / F1", _scores(scores["conflicts"]), "")
    out.print(grid)


def _scores(scores: dict[str, float]) -> str:
    return f"{scores['precision']:g} / {scores['recall']:g} / {scores['f1']:g}"


@app.command("export")
def export_command(
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl or parquet.")] = "jsonl",
    what: Annotated[str, typer.Option(help="articles, stories or briefs.")] = "articles",
    out_path: Annotated[
        Path | None,
        typer.Option("--out", help="File to write (JSON Lines goes to stdout without it)."),
    ] = None,
) -> None:
    """Export the articles, stories or briefs as JSON Lines or Parquet, one record a row.

    Example: `newsweave export --format parquet --what articles --out articles.parquet`
    """
    from newsweave.export import export

    with _errors(), _store(existing=True) as store:
        count = export(store, what, fmt, out_path, sys.stdout)
    if out_path is not None:
        err.print(f"Wrote {count} {what} to {out_path}", highlight=False)


@app.command("batch")
def batch_command(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(
            help="Files and folders (plain text, HTML, JSONL, WARC).", metavar="PATH..."
        ),
    ] = None,
    engine: Annotated[
        str, typer.Option(help="local (a pool of processes) or spark (PySpark).")
    ] = "local",
    out_dir: Annotated[Path, typer.Option("--out", help="Folder for the Parquet output.")] = Path(
        "newsweave-batch"
    ),
    partitions: Annotated[
        int | None, typer.Option(help="Partitions to split the documents into. Default: cores.")
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(help="Processes for --engine local. Default: one a partition, up to cores."),
    ] = None,
    master: Annotated[str, typer.Option(help="Spark master URL for --engine spark.")] = "local[2]",
    do_import: Annotated[
        bool,
        typer.Option("--import/--no-import", help="Import the output into the database after."),
    ] = True,
    import_only: Annotated[
        bool,
        typer.Option(
            "--import-only", help="Only import the finished output in --out (made elsewhere)."
        ),
    ] = False,
    outlet: Annotated[
        str | None,
        typer.Option(help="Outlet name for these articles (else from the page or the text)."),
    ] = None,
    published: Annotated[
        str | None,
        typer.Option(help="Publication date for these articles, e.g. 2024-09-11.", metavar="DATE"),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Extract and analyse many files in parallel (local processes or Spark), write Parquet,
    then import it: the store runs dedupe, cluster, compare and brief in input order.

    Example: `newsweave batch crawl/ --engine spark --out crawl-batch`
    """
    from newsweave.batch import import_output, manifest, run

    with _errors():
        if bool(inputs) == import_only:
            raise InputError("give files to process, or --import-only to import --out; not both")
        if import_only:
            done = manifest(out_dir)
        else:
            done = run(
                inputs or [],
                out_dir,
                state.settings,
                engine=engine,
                partitions=partitions,
                outlet=outlet,
                published=_date(published),
                master=master,
                workers=workers,
            )
        report = None
        if do_import:
            with _store() as store, _progress(as_json) as tick:
                report = import_output(Pipeline(store, state.settings), out_dir, tick)
    if as_json:
        _print_json(
            {
                "out": done.out,
                "engine": done.engine,
                "partitions": len(done.parts),
                "articles": done.articles,
                "rejected": done.rejected,
                "seconds": done.seconds,
                "imported": _report_json(report) if report else None,
            }
        )
        return
    if not import_only:
        out.print(
            f"Wrote {counted(done.articles, 'article')} and "
            f"{counted(done.rejected, 'rejection')} to {done.out} "
            f"({done.engine}, {len(done.parts)} partitions, {done.seconds:.1f} s).",
            highlight=False,
        )
    if report:
        _print_report(report)


@app.command()
def demo(
    fresh: Annotated[bool, typer.Option(help="Start from an empty demo database.")] = True,
    serve_after: Annotated[
        bool,
        typer.Option(
            "--serve/--no-serve", help="Serve the demo at http://127.0.0.1:8000 after loading."
        ),
    ] = True,
    port: Annotated[int, typer.Option(help="Port for serving the demo.")] = 8000,
) -> None:
    """Load the bundled demo articles (invented events and outlets), show the stories, serve them.

    Uses newsweave-demo.db unless `--db` is given. Example: `newsweave demo --no-serve`
    """
    from newsweave.demo import load_demo

    path = state.db or DEMO_DB
    with _errors(), _progress(False) as tick:
        report, rows = load_demo(path, state.settings, fresh=fresh, progress=tick)
    _print_report(report)
    grid = Table("story", "articles", "outlets", "title", box=None)
    for row in rows:
        grid.add_row(row["id"], str(row["articles"]), ", ".join(row["outlets"]), row["title"])
    out.print(grid)
    first = rows[0]["id"] if rows else "STORY"
    me = _command_name()
    out.print(
        "\nTry next:\n"
        f"  {me} --db {path} brief {first}\n"
        f"  {me} --db {path} brief {first} --format json\n"
        f"  {me} --db {path} articles\n"
        f"  {me} --db {path} entities",
        highlight=False,
    )
    if serve_after:
        from newsweave.web.server import serve as run_server

        out.print(f"\nServing the demo at http://127.0.0.1:{port} (Ctrl-C stops)", highlight=False)
        with _errors():
            run_server(path, state.settings, "127.0.0.1", port)


def _command_name() -> str:
    """How the user can run this command again: `newsweave` if it is on PATH, else its path."""
    argv0 = Path(sys.argv[0])
    if argv0.name == "newsweave" and shutil.which("newsweave") != str(argv0.resolve()):
        try:
            return str(argv0.resolve().relative_to(Path.cwd()))
        except ValueError:
            return str(argv0)
    return "newsweave"


@contextmanager
def _progress(quiet: bool) -> Iterator[Any]:
    """A rich progress bar per stage; a callback `tick(stage, total)` advances it."""
    if quiet or not err.is_terminal:
        yield lambda stage, total: None
        return
    with Progress(
        TextColumn("{task.description:<10}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    ) as bar:
        tasks: dict[str, Any] = {}

        def tick(stage: str, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.advance(tasks[stage])

        yield tick


def _report_json(report: AddReport) -> dict[str, Any]:
    return {
        "added": [
            {"id": a.id, "outlet": a.outlet, "title": a.title, "source": a.source}
            for a in report.added
        ],
        "already_stored": report.already_stored,
        "rejected": [r.model_dump() for r in report.rejected],
        "stories": report.stories,
    }


def _print_report(report: AddReport) -> None:
    out.print(
        f"Added {counted(len(report.added), 'article')}, "
        f"{len(report.already_stored)} already stored, "
        f"{len(report.rejected)} rejected; {counted(len(report.stories), 'story')} updated.",
        highlight=False,
    )
    for r in report.rejected:
        out.print(f"  rejected {r.source}: {r.reason} ({r.detail})", highlight=False)


def main() -> None:
    """Console entry point."""
    app()
