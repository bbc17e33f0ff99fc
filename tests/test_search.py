"""Full-text search (FTS5): hits, ranking, the triggers that keep it in step, odd input."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

import pytest

from newsweave.models import Article
from newsweave.search import fragments, fts_query, search
from newsweave.store import Store


def make_article(n: int, title: str, text: str) -> Article:
    return Article(
        id=f"a{n:011d}",
        source=f"test{n}.txt",
        url=None,
        canonical_url=None,
        outlet="Test Times",
        title=title,
        published=datetime(2026, 3, n, tzinfo=UTC),
        text=text,
        paragraphs=(text,),
        content_hash=f"hash{n}",
    )


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "s.db") as store:
        with store.transaction():
            store.add_article(
                make_article(1, "Ferry strikes pier", "A commuter ferry struck the pier at dusk.")
            )
            store.add_article(
                make_article(2, "Council approves tram", "The tram line will cross the ferry port.")
            )
            store.add_article(
                make_article(
                    3, "Storm closes schools", "Schools closed as the storm (and floods) hit."
                )
            )
        yield store


def test_finds_words_in_title_and_text_title_first(store: Store) -> None:
    hits = search(store, "ferry")
    assert [h.article for h in hits] == ["a00000000001", "a00000000002"]
    assert hits[0].score >= hits[1].score
    assert any(f.match and f.text.lower() == "ferry" for f in hits[1].snippet)


def test_every_word_is_required(store: Store) -> None:
    assert [h.article for h in search(store, "ferry tram")] == ["a00000000002"]


def test_prefix_search_and_diacritics(store: Store) -> None:
    assert {h.article for h in search(store, "ferr*")} == {"a00000000001", "a00000000002"}
    assert [h.article for h in search(store, "schöols")] == ["a00000000003"]


def test_limit_and_offset(store: Store) -> None:
    assert len(search(store, "ferry", limit=1)) == 1
    assert search(store, "ferry", limit=1, offset=1)[0].article == "a00000000002"


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '"ferry',
        "ferry AND",
        "AND",
        "OR OR",
        "NOT ferry",
        "*",
        "**ferry",
        "ferry*)",
        "(",
        "((storm",
        "storm)",
        "NEAR(ferry pier)",
        "title:ferry",
        "^ferry",
        "-ferry",
        "ferry + pier",
        "'; DROP TABLE articles; --",
        "\x00",
        "ﬀ ﬁ ‽ 🙂",
        "",
        "   ",
        "a" * 5000,
        " ".join(["ferry"] * 100),
    ],
)
def test_odd_input_never_errors(store: Store, query: str) -> None:
    hits = search(store, query)
    assert isinstance(hits, list)
    assert store.count("articles") == 3


def test_operators_are_plain_words(store: Store) -> None:
    assert fts_query('ferry AND "pier" (x') == '"ferry" "AND" "pier" "x"'
    assert fts_query("ferr* *") == '"ferr"*'
    assert search(store, "storm)")[0].article == "a00000000003"
    assert search(store, "(and floods")[0].article == "a00000000003"


def test_the_index_follows_inserts_updates_and_deletes(store: Store) -> None:
    with store.transaction():
        store.add_article(make_article(4, "Volcano wakes", "Ash fell on the harbour town."))
    assert [h.article for h in search(store, "volcano")] == ["a00000000004"]
    updated = make_article(4, "Volcano sleeps", "Quiet again.").model_dump_json()
    store._db.execute(
        "UPDATE articles SET title = 'Volcano sleeps', record = ? WHERE id = ?",
        (updated, "a00000000004"),
    )
    assert search(store, "ash") == []
    assert [h.title for h in search(store, "quiet")] == ["Volcano sleeps"]
    store._db.execute("DELETE FROM articles WHERE id = 'a00000000004'")
    assert search(store, "volcano") == []


def test_the_migration_indexes_articles_stored_before_it(tmp_path) -> None:
    path = tmp_path / "old.db"
    with Store(path) as store, store.transaction():
        store.add_article(make_article(1, "Ferry strikes pier", "A ferry struck the pier."))
    # Undo migration 003 to stand for a database made before search existed.
    with sqlite3.connect(path) as db:
        db.execute("DROP TABLE articles_fts")
        for trigger in ("insert", "delete", "update"):
            db.execute(f"DROP TRIGGER articles_fts_{trigger}")
        db.execute("DELETE FROM schema_migrations WHERE version = 3")
    with Store(path) as store:
        assert [h.article for h in search(store, "pier")] == ["a00000000001"]


def test_snippet_fragments() -> None:
    parts = fragments("a \ue000ferry\ue001 b")
    assert [(p.text, p.match) for p in parts] == [("a ", False), ("ferry", True), (" b", False)]


def test_demo_database_is_searchable(demo_store: Store) -> None:
    hits = search(demo_store, "ferry")
    assert hits and all(h.story for h in hits)
