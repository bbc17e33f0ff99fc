"""`newsweave batch`: the per-article stages over partitions, Parquet, and the import.

The documents are invented: three reports of a bridge closure in a made-up town, one of a
village festival, one line with no text and one text too short to be an article.
"""

import json
import shutil
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsweave.batch import input_files, read_file, split
from newsweave.cli import app
from newsweave.errors import InputError

runner = CliRunner()

VALLEY_POST = """Velmont closes Quarry Road bridge after engineers find a crack

Velmont council closed the Quarry Road bridge over the Tarn river on Tuesday after engineers found a crack in one of its three stone piers, the council said.

City engineer Marta Selby said the crack was about 40 centimetres long and that divers would inspect the pier on Thursday. "We will not reopen the bridge until we know the pier is sound," Selby said.

About 9,000 vehicles cross the bridge each day. Buses will be diverted over the Mill Lane crossing, adding roughly 15 minutes to journeys into the town centre.

The bridge was built in 1911 and was last repaired in 2019.
"""

# Dated, so that only one article of the story is undated: the store orders articles of the same
# date by the second they were stored, which two runs need not share.
TARN_HERALD = """<html><head><meta property="article:published_time" content="2026-09-15">
<meta property="og:site_name" content="Tarn Herald"><title>Quarry Road bridge shut as crack found in pier | Tarn Herald</title></head><body>
<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>Quarry Road bridge shut as crack found in pier</h1>
<p>The Quarry Road bridge in Velmont was closed on Tuesday when engineers discovered a crack in a stone pier, council officials said.</p>
<p>"We will not reopen the bridge until we know the pier is sound," city engineer Marta Selby told reporters, adding that the crack was about 60 centimetres long.</p>
<p>Divers are due to inspect the pier on Thursday. Around 9,000 vehicles use the bridge every day, and buses are being sent over the Mill Lane crossing instead.</p>
<p>Shopkeepers on Quarry Road said they feared losing trade while the bridge stays shut.</p>
</article><footer>Copyright Tarn Herald. All rights reserved.</footer></body></html>
"""

# Dates with a zone, as extract gives the page's: clustering cannot yet compare dates with and
# without one.
WIRE = [
    {
        "url": "https://dunmere-gazette.example/orchard-festival",
        "outlet": "Dunmere Gazette",
        "published": "2026-09-14T09:00:00+00:00",
        "title": "Dunmere orchard festival draws record crowd",
        "text": "The Dunmere orchard festival drew a record crowd of 12,500 visitors on Saturday, organisers said.\n\n"
        'Festival director Ravi Okafor said the apple-pressing tent ran out of fruit by early afternoon. "We have never seen queues like this," Okafor said.\n\n'
        "The festival, now in its 31st year, raised money for the village school and the volunteer fire brigade.",
    },
    {
        "url": "https://ridge-news.example/velmont-bridge",
        "outlet": "Ridge News",
        "published": "2026-09-16T09:00:00+00:00",
        "title": "Velmont bridge closure: divers to check cracked pier",
        "text": "Divers will inspect a cracked pier of Velmont's Quarry Road bridge on Thursday, after the council closed the crossing on Tuesday.\n\n"
        "City engineer Marta Selby said the council would not reopen the bridge until it knew the pier was sound.\n\n"
        "Buses have been diverted over the Mill Lane crossing. The bridge, built in 1911, carries about 9,000 vehicles a day.",
    },
    {"url": "https://ridge-news.example/empty", "outlet": "Ridge News", "text": ""},
]


def write_corpus(folder: Path, short: bool = True) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "valley-post.txt").write_text(VALLEY_POST)
    (folder / "tarn-herald.html").write_text(TARN_HERALD)
    (folder / "wire.jsonl").write_text("\n".join(json.dumps(r) for r in WIRE) + "\n")
    if short:
        (folder / "short.txt").write_text("Too short to be an article.\n")
        (folder / "scan.pdf").write_bytes(b"%PDF-1.4 not a kind newsweave reads")
    return folder


def cli(db: Path, *args: str):
    result = runner.invoke(app, ["--db", str(db), *args])
    assert result.exit_code == 0, result.output
    return result


def state(db: Path) -> dict:
    """What a user sees of a store: stories, every brief, articles and rejections."""
    stories = json.loads(cli(db, "stories", "--json").output)
    return {
        "stories": stories,
        "briefs": [json.loads(cli(db, "brief", s["id"], "-f", "json").output) for s in stories],
        "articles": json.loads(cli(db, "articles", "--json").output),
        "rejected": json.loads(cli(db, "rejected", "--json").output),
    }


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("batch") / "in")


@pytest.fixture(scope="module")
def added(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The store that `newsweave add` of the corpus makes: what batch must reproduce."""
    db = tmp_path_factory.mktemp("add") / "add.db"
    cli(db, "add", str(corpus))
    return state(db)


def test_the_corpus_makes_two_stories_and_three_rejections(added):
    sizes = sorted(s["articles"] for s in added["stories"])
    assert sizes == [1, 3]
    reasons = sorted(r["reason"] for r in added["rejected"])
    assert reasons == ["empty", "too_short", "unsupported_type"]


def test_local_batch_gives_what_add_gives(corpus, added, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet", reason="batch output is Parquet (pyarrow)")
    db, out = tmp_path / "batch.db", tmp_path / "out"
    # Two partitions in this process: the import must restore input order across parts.
    result = cli(
        db, "batch", str(corpus), "--out", str(out), "--partitions", "2", "--workers", "1", "--json"
    )
    report = json.loads(result.output)
    assert (report["engine"], report["partitions"]) == ("local", 2)
    # The PDF is skipped, and stored as a rejection, as `add` does.
    assert (report["articles"], report["rejected"]) == (4, 3)
    assert len(report["imported"]["added"]) == 4
    assert state(db) == added

    rows = pq.read_table(out / "articles").to_pylist()
    assert sorted(r["title"] for r in rows) == sorted(a["title"] for a in added["articles"])
    assert all(json.loads(r["analysis"])["sentences"] for r in rows)
    refused = pq.read_table(out / "rejected").to_pylist()
    assert sorted(r["reason"] for r in refused) == ["empty", "too_short"]


def test_no_import_then_import_only_and_a_second_import_adds_nothing(corpus, added, tmp_path):
    pytest.importorskip("pyarrow", reason="batch output is Parquet (pyarrow)")
    db, out = tmp_path / "batch.db", tmp_path / "out"
    report = json.loads(
        cli(
            db,
            "batch",
            str(corpus),
            "--out",
            str(out),
            "--partitions",
            "1",
            "--no-import",
            "--json",
        ).output
    )
    assert report["imported"] is None and report["articles"] == 4
    assert not db.exists()  # nothing imported: no database made
    cli(db, "batch", "--import-only", "--out", str(out))
    assert state(db) == added
    again = json.loads(cli(db, "batch", "--import-only", "--out", str(out), "--json").output)
    assert again["imported"]["added"] == [] and len(again["imported"]["already_stored"]) == 4
    assert state(db) == added


@pytest.mark.slow
def test_spark_batch_writes_parquet_and_imports(tmp_path, added):
    pytest.importorskip("pyspark", reason="--engine spark needs pyspark (the spark extra)")
    pq = pytest.importorskip("pyarrow.parquet", reason="batch output is Parquet (pyarrow)")
    if not shutil.which("java"):
        pytest.skip("--engine spark needs Java 17 or newer on PATH")
    corpus = write_corpus(tmp_path / "in", short=False)
    db, out = tmp_path / "spark.db", tmp_path / "out"
    result = cli(
        db,
        "batch",
        str(corpus),
        "--engine",
        "spark",
        "--partitions",
        "2",
        "--out",
        str(out),
        "--json",
    )
    report = json.loads(result.output)
    assert report["engine"] == "spark" and (report["articles"], report["rejected"]) == (4, 1)
    assert len(list((out / "articles").glob("part-*.parquet"))) == report["partitions"]
    assert pq.read_table(out / "articles").num_rows == 4
    got = state(db)
    # Every article and brief as `add` made them (the corpus here lacks only the short text).
    assert got["stories"] == added["stories"] and got["briefs"] == added["briefs"]
    assert [r["reason"] for r in got["rejected"]] == ["empty"]


def test_files_are_read_in_the_order_add_reads_them(corpus):
    files, skipped = input_files([str(corpus)])
    names = sorted(p.name for p in corpus.iterdir())
    assert [Path(f).name for f in files] == [n for n in names if n != "scan.pdf"]
    assert [Path(f).name for f in skipped] == ["scan.pdf"]
    items = read_file(3, str(corpus / "wire.jsonl"))
    assert [key for key, _ in items] == [(3, 0), (3, 1), (3, 2)]


def test_split_keeps_input_order_in_near_equal_ranges():
    items = list(range(7))
    assert split(items, 3) == [[0, 1, 2], [3, 4], [5, 6]]  # type: ignore[arg-type]
    assert split(items, 10) == [[i] for i in items]  # type: ignore[arg-type]
    assert split([], 4) == [[]]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["https://news.example/a"], "batch reads files and folders"),
        (["nope/"], "no such file or folder"),
        ([], "give files to process, or --import-only"),
        (["--import-only"], "not a finished batch output"),
        (["{corpus}", "--engine", "dask"], "--engine must be local or spark"),
        (["{corpus}", "--partitions", "0"], "--partitions must be 1 or more"),
    ],
)
def test_bad_arguments_are_clean_errors(corpus, tmp_path, args, message):
    args = [a.format(corpus=corpus) for a in args]
    result = runner.invoke(
        app, ["--db", str(tmp_path / "n.db"), "batch", *args, "--out", str(tmp_path / "out")]
    )
    assert result.exit_code == 2, result.output
    assert message in result.output and "Traceback" not in result.output


def test_batch_without_pyarrow_says_how_to_install_it(corpus, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # makes `import pyarrow` fail
    result = runner.invoke(app, ["--db", str(tmp_path / "n.db"), "batch", str(corpus)])
    assert result.exit_code == 2 and "newsweave[parquet]" in result.output


def test_input_files_refuses_standard_input():
    with pytest.raises(InputError, match="batch reads files"):
        input_files(["-"])
