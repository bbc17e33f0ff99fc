import sqlite3
from datetime import UTC, datetime

import pytest

from newsweave.errors import NotFoundError, StoreError
from newsweave.models import Article, Rejected, Story
from newsweave.store import Store


def make_article(n: int = 1, text: str | None = None) -> Article:
    body = text or f"Article number {n} has a body that is long enough to be stored. " * 5
    return Article(
        id=f"a{n:011d}",
        source=f"test{n}.txt",
        url=None,
        canonical_url=None,
        outlet="Test Times",
        title=f"Title {n}",
        published=datetime(2026, 3, n, tzinfo=UTC),
        text=body,
        paragraphs=(body,),
        content_hash=f"hash{n}",
    )


def test_opens_in_wal_mode_with_migrations(tmp_path):
    with Store(tmp_path / "n.db") as store:
        assert store.schema_version() >= 1
        mode = store._db.execute("PRAGMA journal_mode").fetchone()[0]
        assert mode == "wal"


def test_same_article_twice_is_stored_once(tmp_path):
    with Store(tmp_path / "n.db") as store, store.transaction():
        assert store.add_article(make_article(1)) is True
        assert store.add_article(make_article(1)) is False
    with Store(tmp_path / "n.db") as store:
        assert store.count("articles") == 1


def test_an_interrupted_transaction_keeps_what_was_committed(tmp_path):
    path = tmp_path / "n.db"
    with Store(path) as store:
        with store.transaction():
            store.add_article(make_article(1))
        with pytest.raises(RuntimeError), store.transaction():
            store.add_article(make_article(2))
            raise RuntimeError("power cut")
    with Store(path) as store:
        assert [a.id for a in store.articles()] == [make_article(1).id]


def test_a_reader_and_a_writer_can_share_the_database(tmp_path):
    path = tmp_path / "n.db"
    writer, reader = Store(path), Store(path)
    with writer.transaction():
        writer.add_article(make_article(1))
        # The reader sees the last committed state while the writer holds its transaction.
        assert reader.count("articles") == 0
    assert reader.count("articles") == 1
    writer.close()
    reader.close()


def test_rejections_are_stored_and_countable(tmp_path):
    with Store(tmp_path / "n.db") as store, store.transaction():
        store.add_rejected(Rejected(source="x.bin", stage="ingest", reason="binary"))
        store.add_rejected(Rejected(source="x.bin", stage="ingest", reason="binary"))
    with Store(tmp_path / "n.db") as store:
        assert [r.reason for r in store.rejected()] == ["binary"]


def test_stories_are_found_by_prefix_and_missing_ones_say_so(tmp_path):
    with Store(tmp_path / "n.db") as store:
        with store.transaction():
            store.add_article(make_article(1))
            store.put_story(Story(id="s123456789", title="T", articles=(make_article(1).id,)))
        assert store.story("s1234").id == "s123456789"
        assert store.story_of(make_article(1).id) == "s123456789"
        with pytest.raises(NotFoundError, match="newsweave stories"):
            store.story("nope")


def test_a_file_that_is_not_a_database_is_a_store_error(tmp_path):
    path = tmp_path / "n.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="cannot open"):
        Store(path)
    assert isinstance(sqlite3.sqlite_version, str)


def test_a_cli_process_writes_while_another_process_reads(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "shared.db"
    article = tmp_path / "a.txt"
    article.write_text(
        "Harbour closes\n\n"
        + "Heavy seas closed the harbour on Monday and ferries stayed in port. " * 4
    )
    reader = Store(path)
    reader._db.execute("BEGIN")  # a long read, as a server answering a request would hold
    assert reader.count("articles") == 0
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "newsweave",
            "--db",
            str(path),
            "add",
            str(article),
            "--outlet",
            "Port Post",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert reader.count("articles") == 0  # its snapshot is stable while it reads
    reader._db.execute("COMMIT")
    assert reader.count("articles") == 1
    reader.close()


def test_sentence_vectors_round_trip_by_model(tmp_path):
    import numpy as np

    vectors = np.random.default_rng(1).normal(size=(3, 8)).astype(np.float32)
    with Store(tmp_path / "n.db") as store:
        store.add_article(make_article(1))
        store.put_vectors("a00000000001", "model-a", vectors)
        got = store.vectors(["a00000000001", "a00000000002"], "model-a")
        assert list(got) == ["a00000000001"]
        assert got["a00000000001"].shape == (3, 8)
        assert np.allclose(got["a00000000001"], vectors, atol=1e-2)  # kept as float16
        assert store.vectors(["a00000000001"], "model-b") == {}
