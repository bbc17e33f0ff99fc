import json

import pytest
from typer.testing import CliRunner

from newsweave.cli import app
from newsweave.store import Store

runner = CliRunner()


def run(*args: str, db: str | None = None):
    prefix = ["--db", db] if db else []
    return runner.invoke(app, [*prefix, *args])


def test_help_lists_every_command_with_examples():
    result = run("--help")
    assert result.exit_code == 0
    for command in [
        "add",
        "stories",
        "articles",
        "brief",
        "entities",
        "rejected",
        "search",
        "settings",
        "demo",
    ]:
        assert command in result.output
        sub = run(command, "--help")
        assert sub.exit_code == 0 and "Example" in sub.output, command


def test_a_missing_file_is_one_line_and_exit_2(tmp_path):
    result = run("add", str(tmp_path / "nope.txt"), db=str(tmp_path / "n.db"))
    assert result.exit_code == 2
    assert "no such file or folder" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("date", "message"),
    [
        ("0001-01-01", "year 1 is not a plausible time"),
        ("2026-13-45", "--published must be a date such as"),
    ],
)
def test_a_bad_publication_date_is_one_line_and_exit_2(tmp_path, date, message):
    report = tmp_path / "report.txt"
    report.write_text("The harbour of Velmora reopened on Monday after repairs. " * 8)
    result = run("add", str(report), "--published", date, db=str(tmp_path / "n.db"))
    assert result.exit_code == 2 and message in result.output
    assert "Traceback" not in result.output and "╭" not in result.output


def test_an_unknown_story_is_a_clean_error(tmp_path):
    Store(tmp_path / "n.db").close()
    result = run("brief", "s000", db=str(tmp_path / "n.db"))
    assert result.exit_code == 3 and "no story with id" in result.output


@pytest.mark.parametrize("command", [["stories"], ["articles"], ["brief", "s1"], ["rejected"]])
def test_reading_a_database_that_is_not_there_makes_none(tmp_path, command):
    path = tmp_path / "typo" / "news.db"
    result = run(*command, db=str(path))
    assert result.exit_code == 4 and "no database at" in result.output
    assert not path.parent.exists()


def test_a_bad_format_is_a_clean_error(demo_db):
    result = run("brief", "s", "--format", "pdf", db=demo_db)
    assert result.exit_code == 2 and "--format must be" in result.output


def test_bad_input_is_rejected_and_stored_without_touching_earlier_articles(tmp_path, demo_db):
    db = str(tmp_path / "n.db")
    good = tmp_path / "good.txt"
    good.write_text(
        "Harbour closes\n\n"
        + "Heavy seas closed the harbour at Port Vell on Monday, and the ferries stayed in port. "
        * 4
    )
    assert run("add", str(good), "--outlet", "Port Vell Post", db=db).exit_code == 0
    empty, binary = tmp_path / "empty.txt", tmp_path / "b.txt"
    empty.write_text("")
    binary.write_bytes(b"\x00\x01\x02" * 50)
    result = run("add", str(empty), str(binary), "--json", db=db)
    assert result.exit_code == 0
    report = json.loads(result.output)
    assert sorted(r["reason"] for r in report["rejected"]) == ["binary", "empty"]
    listed = json.loads(run("rejected", "--json", db=db).output)
    assert sorted(r["reason"] for r in listed) == ["binary", "empty"]
    articles = json.loads(run("articles", "--json", db=db).output)
    assert [a["outlet"] for a in articles] == ["Port Vell Post"]
    again = json.loads(run("add", str(good), "--json", db=db).output)
    assert again["added"] == [] and again["already_stored"] == [str(good)]


def test_settings_file_is_used_and_errors_are_clean(tmp_path):
    path = tmp_path / "s.toml"
    path.write_text("[brief]\nsummary_sentences = 3\n")
    result = runner.invoke(app, ["--settings", str(path), "settings", "--json"])
    rows = {r["name"]: r["value"] for r in json.loads(result.output)}
    assert rows["brief.summary_sentences"] == 3
    path.write_text("[brief]\nsumary_sentences = 3\n")
    result = runner.invoke(app, ["--settings", str(path), "settings"])
    assert result.exit_code == 2 and "did you mean" in result.output


def test_listings_take_json(demo_db):
    stories = json.loads(run("stories", "--json", db=demo_db).output)
    assert len(stories) == 3 and all(s["articles"] >= 3 for s in stories)
    entities = json.loads(run("entities", "--json", db=demo_db).output)
    assert any(e["name"] == "Adaeze Okafor" for e in entities)


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_brief_formats(demo_db, fmt):
    story = json.loads(run("stories", "--json", db=demo_db).output)[0]["id"]
    result = run("brief", story, "--format", fmt, db=demo_db)
    assert result.exit_code == 0
    assert ("<!doctype html>" in result.output) == (fmt == "html")


def test_demo_refuses_a_database_with_other_articles(tmp_path):
    db = str(tmp_path / "mine.db")
    good = tmp_path / "good.txt"
    good.write_text(
        "Harbour closes\n\n"
        + "Heavy seas closed the harbour at Port Vell on Monday and ferries stayed in port. " * 4
    )
    run("add", str(good), db=db)
    result = run("demo", "--no-serve", db=db)
    assert result.exit_code == 2 and "not from the demo" in result.output
    assert len(json.loads(run("articles", "--json", db=db).output)) == 1


def test_search_finds_articles_by_their_words(demo_db):
    result = run("search", "ferry pier", "--json", db=demo_db)
    assert result.exit_code == 0, result.output
    hits = json.loads(result.output)
    assert hits and all("Lisbon" in h["title"] or "ferry" in h["title"].lower() for h in hits[:2])
    assert all(h["story"] for h in hits)
    nothing = run("search", 'zzzq AND "(', db=demo_db)
    assert nothing.exit_code == 0 and "No article holds" in nothing.output


def test_eval_measures_under_the_settings_given(tmp_path):
    # Four invented reports of two events in the ECB+ layout: the clustering eval must run with
    # the user's settings, so a threshold nothing reaches leaves every document alone.
    events = {
        "e1": "The Orrin bridge in Velmora reopened to traffic on Monday after repairs.",
        "e2": "A fire destroyed the Kalyra harbour market overnight, the fire service said.",
    }
    lines = []
    for n, (event, text) in enumerate(list(events.items()) * 2):
        record = {"id": f"d{n}", "topic": "1", "gold_event_id": event, "half": "ecb"}
        lines.append(json.dumps({**record, "text": f"{text}\nIt was reported by outlet {n}."}))
    corpus = tmp_path / "tiny.jsonl"
    corpus.write_text("\n".join(lines) + "\n")
    strict = tmp_path / "strict.toml"
    strict.write_text("[cluster]\nthreshold = 1.0\n")
    default = runner.invoke(app, ["eval", "cluster", str(corpus), "--json"])
    changed = runner.invoke(
        app, ["--settings", str(strict), "eval", "cluster", str(corpus), "--json"]
    )
    assert default.exit_code == changed.exit_code == 0, default.output + changed.output
    assert json.loads(default.output)["stories"] == 2
    assert json.loads(changed.output)["stories"] == 4


def test_an_eval_file_of_another_format_is_one_line_and_exit_2(tmp_path):
    pages = tmp_path / "pages.jsonl"
    pages.write_text(json.dumps({"id": "p1", "html": "<p>x</p>", "text": "x"}) + "\n")
    result = run("eval", "cluster", str(pages))
    assert result.exit_code == 2 and "no 'gold_event_id'" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [(["--limit", "0", "ferry"], "--limit must be at least 1"), ([" "], "at least one word")],
)
def test_a_search_that_can_find_nothing_is_refused(demo_db, args, message):
    result = run("search", *args, db=demo_db)
    assert result.exit_code == 2 and message in result.output


def test_a_folder_s_other_files_are_rejections_and_the_rest_is_added(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "report.txt").write_text("The harbour of Velmora reopened on Monday. " * 8)
    (folder / "photo.bin").write_bytes(b"\x89PNG\r\n")
    (folder / ".DS_Store").write_bytes(b"\x00\x01")  # hidden: passed over
    result = run("add", str(folder), "--json", db=str(tmp_path / "n.db"))
    report = json.loads(result.output)
    assert len(report["added"]) == 1
    assert [(r["source"].rsplit("/", 1)[-1], r["reason"]) for r in report["rejected"]] == [
        ("photo.bin", "unsupported_type")
    ]
