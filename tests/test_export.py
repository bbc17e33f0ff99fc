"""`newsweave export`: JSON Lines and Parquet of the articles, stories and briefs."""

import json
import sys

import pytest
from typer.testing import CliRunner

from newsweave.cli import app
from newsweave.store import Store

runner = CliRunner()


def run(db: str, *args: str):
    return runner.invoke(app, ["--db", db, *args])


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def test_jsonl_articles_carry_what_articles_json_carries(demo_db):
    exported = run(demo_db, "export")
    assert exported.exit_code == 0, exported.output
    listed = json.loads(run(demo_db, "articles", "--json").output)
    assert jsonl(exported.output) == listed
    assert {"text", "captions", "removed", "markers", "story"} <= set(listed[0])


def test_parquet_articles_read_back_equal_the_json(demo_db, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet", reason="Parquet needs pyarrow (the parquet extra)")
    path = tmp_path / "articles.parquet"
    result = run(demo_db, "export", "--format", "parquet", "--out", str(path))
    assert result.exit_code == 0, result.output
    table = pq.read_table(path)
    assert table.schema.field("removed").type.value_type.names == ["text", "reason"]
    assert table.to_pylist() == json.loads(run(demo_db, "articles", "--json").output)


def test_parquet_briefs_and_stories_match_the_cli(demo_db, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet", reason="Parquet needs pyarrow (the parquet extra)")
    stories = json.loads(run(demo_db, "stories", "--json").output)
    for what in ("stories", "briefs"):
        path = tmp_path / f"{what}.parquet"
        result = run(demo_db, "export", "-f", "parquet", "--what", what, "--out", str(path))
        assert result.exit_code == 0, result.output
        rows = pq.read_table(path).to_pylist(maps_as_pydicts="strict")
        assert [r["id"] for r in rows] == [s["id"] for s in stories]
    first = stories[0]["id"]
    brief = json.loads(run(demo_db, "brief", first, "--format", "json").output)
    assert rows[0] == brief
    assert rows[0]["claims"] and rows[0]["coverage"]


def test_jsonl_to_a_file_and_of_stories(demo_db, tmp_path):
    path = tmp_path / "stories.jsonl"
    result = run(demo_db, "export", "--what", "stories", "--out", str(path))
    assert result.exit_code == 0
    rows = jsonl(path.read_text())
    stories = json.loads(run(demo_db, "stories", "--json").output)
    assert [r["id"] for r in rows] == [s["id"] for s in stories]
    assert [len(r["articles"]) for r in rows] == [s["articles"] for s in stories]


def test_an_empty_store_exports_nothing_but_a_parquet_file_keeps_its_columns(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet", reason="Parquet needs pyarrow (the parquet extra)")
    db = str(tmp_path / "empty.db")
    Store(db).close()
    assert run(db, "export").output == ""
    path = tmp_path / "a.parquet"
    assert run(db, "export", "-f", "parquet", "--out", str(path)).exit_code == 0
    table = pq.read_table(path)
    assert table.num_rows == 0 and "story" in table.schema.names


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "csv"], "--format must be jsonl or parquet"),
        (["--what", "quotes"], "--what must be one of articles, stories, briefs"),
        (["--format", "parquet"], "give it one with --out PATH"),
    ],
)
def test_bad_arguments_are_clean_errors(demo_db, args, message):
    result = run(demo_db, "export", *args)
    assert result.exit_code == 2 and message in result.output
    assert "Traceback" not in result.output


def test_parquet_without_pyarrow_says_how_to_install_it(demo_db, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # makes `import pyarrow` fail
    result = run(demo_db, "export", "-f", "parquet", "--out", str(tmp_path / "a.parquet"))
    assert result.exit_code == 2
    assert "needs pyarrow" in result.output and "newsweave[parquet]" in result.output
