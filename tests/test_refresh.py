"""After an upgrade, the records an older newsweave made are found and remade (`refresh`)."""

from __future__ import annotations

import gc
import json
import sqlite3
from dataclasses import replace

import pytest
from typer.testing import CliRunner

from newsweave.cli import app
from newsweave.pipeline import Pipeline
from newsweave.settings import CompareSettings, Settings
from newsweave.store import Store


@pytest.fixture
def old_db(demo_db: str, tmp_path) -> str:
    """A copy of the demo database as a version before migration 006 left it: nothing says
    what made its analyses and briefs, one analysis lacks what today's rules find, and no
    article has the lineage markers today's rules find in its text."""
    path = str(tmp_path / "old.db")
    with sqlite3.connect(demo_db) as source, sqlite3.connect(path) as copy:
        source.backup(copy)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE analyses SET made_by = NULL")
        db.execute("UPDATE briefs SET made_by = NULL")
        db.execute("UPDATE articles SET record = json_set(record, '$.markers', json('[]'))")
        db.execute(
            "UPDATE analyses SET record = json_set(record, '$.entities', json('[]'), "
            "'$.mentions', json('[]')) WHERE article_id = (SELECT MIN(article_id) FROM analyses)"
        )
    return path


def test_refresh_remakes_what_an_older_version_made(old_db: str, demo_db: str) -> None:
    with Store(demo_db) as store:
        expected = {s.id: store.brief(s.id) for s in store.stories()}
        markers = {a.id: a.markers for a in store.articles()}
    assert any(markers.values()), "the demo credits outlets"
    with Store(old_db) as store:
        pipeline = Pipeline(store)
        stale = pipeline.stale()
        assert len(stale.analyses) == store.count("articles")
        assert sorted(stale.briefs) == sorted(expected)

        done = pipeline.remake()

        assert sorted(done.analyses) == sorted(stale.analyses)
        assert pipeline.stale().analyses == [] and pipeline.stale().briefs == []
        emptied = min(a.id for a in store.articles())
        assert store.analysis(emptied).entities, "the emptied analysis is made anew"
        assert {a.id: a.markers for a in store.articles()} == markers
        for story_id, brief in expected.items():
            assert store.brief(story_id) == brief


def test_other_compare_settings_make_only_the_briefs_stale(demo_db: str, tmp_path) -> None:
    path = str(tmp_path / "copy.db")
    with sqlite3.connect(demo_db) as source, sqlite3.connect(path) as copy:
        source.backup(copy)
    settings = Settings()
    stricter = replace(settings, compare=replace(CompareSettings(), claim_similarity=0.9))
    with Store(path) as store:
        assert Pipeline(store, settings).stale().briefs == []
        stale = Pipeline(store, stricter).stale()
        assert stale.analyses == []
        assert len(stale.briefs) == len(store.stories())


def test_the_cli_says_when_a_refresh_is_due_and_does_it(old_db: str) -> None:
    runner = CliRunner()
    listing = runner.invoke(app, ["--db", old_db, "stories"])
    assert listing.exit_code == 0
    assert "refresh" in listing.stderr and "were made by another version" in listing.stderr

    done = runner.invoke(app, ["--db", old_db, "refresh", "--json"])
    assert done.exit_code == 0, done.output
    report = json.loads(done.stdout)
    assert len(report["analyses"]) == 11 and len(report["briefs"]) == 3

    again = runner.invoke(app, ["--db", old_db, "stories"])
    assert "refresh" not in again.stderr
    assert runner.invoke(app, ["--db", old_db, "refresh"]).stdout.startswith(
        "Re-analysed 0 articles; remade 0 briefs."
    )


@pytest.mark.parametrize("enabled", [True, False])
def test_a_refresh_leaves_the_cycle_collector_as_it_found_it(
    demo_db: str, tmp_path, enabled: bool
) -> None:
    # A refresh holds the collector off while it compares (speed); a process that had it on
    # must get it back on, and one that had turned it off must not find it on.
    path = str(tmp_path / "copy.db")
    with sqlite3.connect(demo_db) as source, sqlite3.connect(path) as copy:
        source.backup(copy)
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        with Store(path) as store:
            Pipeline(store).refresh([s.id for s in store.stories()])
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
