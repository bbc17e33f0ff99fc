"""The embedded store: one SQLite file in WAL mode, migrated on open.

WAL lets a server process read while a CLI process writes. Every write happens inside a
transaction, so an interrupted run leaves exactly what was committed before it. Inserts are
idempotent: the same article (same id, canonical URL or content) added twice is stored once.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

from newsweave.errors import NotFoundError, StoreError
from newsweave.models import (
    Analysis,
    Article,
    Brief,
    Comparison,
    LineageLink,
    LineageMarker,
    Rejected,
    Story,
)
from newsweave.store_queries import (
    ArticleHead,
    ArticleMatch,
    ClaimTally,
    ReadQueries,
    StoryListing,
    StoryTitle,
)

__all__ = [
    "ArticleHead",
    "ArticleMatch",
    "ClaimTally",
    "IndexEntry",
    "Store",
    "StoryListing",
    "StoryTitle",
    "default_path",
    "dumps",
]

DEFAULT_DB = "newsweave.db"


def default_path() -> str:
    """The database path: $NEWSWEAVE_DB, else newsweave.db in the current folder."""
    return os.environ.get("NEWSWEAVE_DB") or DEFAULT_DB


@cache
def _migrations() -> list[tuple[int, str, str]]:
    folder = resources.files("newsweave").joinpath("migrations")
    found = []
    for entry in folder.iterdir():
        if entry.name.endswith(".sql"):
            number = int(entry.name.split("_", 1)[0])
            found.append((number, entry.name, entry.read_text(encoding="utf-8")))
    return sorted(found)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


class IndexEntry(NamedTuple):
    """What the in-memory indexes keep of one article (migration 005), with its story."""

    article: str
    story: str | None
    published: str | None
    made_by: str | None
    """The code and settings that filled the row; None while it is empty."""
    features: str | None
    shingles: bytes | None
    signature: bytes | None


class Store(ReadQueries):
    """The newsweave database. Use as a context manager, or call `close()`.

    The read-only queries behind the web pages and search (`story_listing`, `story_titles`,
    `article_heads`, `search_articles`, the entity and quote lookups, ...) come from
    `store_queries.ReadQueries`.
    """

    def __init__(self, path: str | Path | None = None, busy_timeout_ms: int = 10_000) -> None:
        self.path = str(path or default_path())
        try:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            # Autocommit mode: transactions are explicit (see `transaction`).
            self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self._db.row_factory = sqlite3.Row
            self._db.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")
            self._db.execute("PRAGMA foreign_keys = ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open the database {self.path}: {exc}") from None
        self._depth = 0

    # ── lifecycle ──────────────────────────────────────────────────────────────────────────

    def close(self) -> None:
        """Close the connection."""
        self._db.close()

    def data_version(self) -> int:
        """A number that changes when another connection commits to the database (not this one)."""
        return int(self._db.execute("PRAGMA data_version").fetchone()[0])

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _migrate(self) -> None:
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations "
            "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied TEXT NOT NULL)"
        )
        done = {row[0] for row in self._db.execute("SELECT version FROM schema_migrations")}
        for version, name, sql in _migrations():
            if version in done:
                continue
            try:
                self._db.execute("BEGIN IMMEDIATE")
                for statement in _statements(sql):
                    self._db.execute(statement)
                self._db.execute(
                    "INSERT INTO schema_migrations VALUES (?, ?, ?)", (version, name, _now())
                )
                self._db.execute("COMMIT")
            except sqlite3.DatabaseError as exc:
                self._db.execute("ROLLBACK")
                raise StoreError(f"migration {name} failed: {exc}") from None

    def schema_version(self) -> int:
        """The number of the newest migration applied."""
        row = self._db.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
        return int(row[0] or 0)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Everything inside commits together or not at all; nested calls join the outer one."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._db.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        else:
            self._db.execute("COMMIT")
        finally:
            self._depth = 0

    def _write(self, sql: str, params: tuple[Any, ...] = ()) -> sqlite3.Cursor:
        try:
            return self._db.execute(sql, params)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot write to {self.path}: {exc}") from None

    # ── articles ───────────────────────────────────────────────────────────────────────────

    def existing_article(self, article: Article) -> str | None:
        """The id of a stored article that is the same as this one (id, URL or content)."""
        row = self._db.execute(
            "SELECT id FROM articles WHERE id = ? OR content_hash = ? "
            "OR (canonical_url IS NOT NULL AND canonical_url = ?)",
            (article.id, article.content_hash, article.canonical_url),
        ).fetchone()
        return row[0] if row else None

    def add_article(self, article: Article) -> bool:
        """Store an article; False (and nothing written) when it is already stored."""
        if self.existing_article(article):
            return False
        self._write(
            "INSERT INTO articles (id, canonical_url, content_hash, outlet, title, published, "
            "added, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article.id,
                article.canonical_url,
                article.content_hash,
                article.outlet,
                article.title,
                _iso(article.published),
                _now(),
                article.model_dump_json(),
            ),
        )
        return True

    def put_markers(self, article_id: str, markers: tuple[LineageMarker, ...]) -> None:
        """Replace an article's lineage markers (found again from its text by newer rules)."""
        article = self.article(article_id).model_copy(update={"markers": markers})
        self._write(
            "UPDATE articles SET record = ? WHERE id = ?", (article.model_dump_json(), article.id)
        )

    def article(self, article_id: str) -> Article:
        """One article by id (a unique prefix of it also works)."""
        row = self._one(
            "SELECT record FROM articles WHERE id = ?",
            "SELECT record FROM articles WHERE id LIKE ?",
            article_id,
            "article",
        )
        return Article.model_validate_json(row["record"])

    def articles(self, story: str | None = None) -> list[Article]:
        """All articles, oldest first by publication date; or those of one story."""
        if story:
            rows = self._db.execute(
                "SELECT a.record FROM articles a JOIN story_articles s ON s.article_id = a.id "
                "WHERE s.story_id = ? ORDER BY a.published, a.rowid",
                (story,),
            )
        else:
            rows = self._db.execute("SELECT record FROM articles ORDER BY published, rowid")
        return [Article.model_validate_json(r["record"]) for r in rows]

    def count(self, table: str) -> int:
        """How many rows a table has (articles, rejected, stories, ...)."""
        if table not in {"articles", "rejected", "stories", "analyses", "lineage", "briefs"}:
            raise ValueError(f"no table {table}")
        return int(self._db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])

    # ── rejected ───────────────────────────────────────────────────────────────────────────

    def add_rejected(self, rejected: Rejected) -> None:
        """Store a rejection; the same source rejected for the same reason is stored once."""
        known = self._db.execute(
            "SELECT 1 FROM rejected WHERE source = ? AND stage = ? AND reason = ?",
            (rejected.source, rejected.stage, rejected.reason),
        ).fetchone()
        if not known:
            self._write(
                "INSERT INTO rejected (source, stage, reason, detail, added) "
                "VALUES (?, ?, ?, ?, ?)",
                (rejected.source, rejected.stage, rejected.reason, rejected.detail, _now()),
            )

    def rejected(self) -> list[Rejected]:
        """Every stored rejection, oldest first."""
        rows = self._db.execute("SELECT source, stage, reason, detail FROM rejected ORDER BY id")
        return [Rejected(**dict(r)) for r in rows]

    # ── analyses and lineage ───────────────────────────────────────────────────────────────

    def put_analysis(self, analysis: Analysis, made_by: str | None = None) -> None:
        """Store (or replace) an article's analysis, with what made it (`versions`).

        Stored sentence vectors are dropped: they belong to the sentences of the analysis replaced.
        """
        self._write(
            "INSERT OR REPLACE INTO analyses (article_id, record, made_by) VALUES (?, ?, ?)",
            (analysis.article_id, analysis.model_dump_json(), made_by),
        )
        self._write("DELETE FROM sentence_vectors WHERE article_id = ?", (analysis.article_id,))

    def stale_analyses(self, made_by: str) -> list[str]:
        """Ids of the articles whose analysis something other than `made_by` made."""
        rows = self._db.execute(
            "SELECT a.article_id FROM analyses a JOIN index_entries e USING (article_id) "
            "WHERE a.made_by IS NOT ? ORDER BY e.seq",
            (made_by,),
        )
        return [r[0] for r in rows]

    def analysis(self, article_id: str) -> Analysis:
        """The analysis of one article."""
        row = self._db.execute(
            "SELECT record FROM analyses WHERE article_id = ?", (article_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError(f"article {article_id} has no analysis")
        return Analysis.model_validate_json(row["record"])

    def analyses(self, article_ids: list[str] | None = None) -> dict[str, Analysis]:
        """Analyses by article id: all, or those asked for."""
        if article_ids is None:
            rows = self._db.execute("SELECT record FROM analyses")
        else:
            marks = ",".join("?" * len(article_ids))
            rows = self._db.execute(
                f"SELECT record FROM analyses WHERE article_id IN ({marks})", article_ids
            )
        found = (Analysis.model_validate_json(r["record"]) for r in rows)
        return {a.article_id: a for a in found}

    def put_vectors(self, article_id: str, model: str, vectors: np.ndarray) -> None:
        """Store an article's sentence vectors (one row per sentence), as float16 to halve them."""
        self._write(
            "INSERT OR REPLACE INTO sentence_vectors (article_id, model, dim, vectors) "
            "VALUES (?, ?, ?, ?)",
            (article_id, model, vectors.shape[1], vectors.astype(np.float16).tobytes()),
        )

    def vectors(self, article_ids: list[str], model: str) -> dict[str, np.ndarray]:
        """Stored sentence vectors by article id, for those articles that have them from `model`."""
        marks = ",".join("?" * len(article_ids))
        rows = self._db.execute(
            f"SELECT article_id, dim, vectors FROM sentence_vectors "
            f"WHERE model = ? AND article_id IN ({marks})",
            [model, *article_ids],
        )
        return {
            r["article_id"]: np.frombuffer(r["vectors"], dtype=np.float16)
            .reshape(-1, r["dim"])
            .astype(np.float32)
            for r in rows
        }

    def add_lineage(self, link: LineageLink) -> None:
        """Store one lineage link."""
        self._write(
            "INSERT INTO lineage (article_id, kind, source_id, source_outlet, record) "
            "VALUES (?, ?, ?, ?, ?)",
            (link.article, link.kind, link.source, link.source_outlet, link.model_dump_json()),
        )

    def lineage(self, article_ids: list[str] | None = None) -> list[LineageLink]:
        """Lineage links of the given articles (all when None)."""
        if article_ids is None:
            rows = self._db.execute("SELECT record FROM lineage ORDER BY rowid")
        else:
            marks = ",".join("?" * len(article_ids))
            rows = self._db.execute(
                f"SELECT record FROM lineage WHERE article_id IN ({marks}) ORDER BY rowid",
                article_ids,
            )
        return [LineageLink.model_validate_json(r["record"]) for r in rows]

    # ── stories ────────────────────────────────────────────────────────────────────────────

    def put_story(self, story: Story) -> None:
        """Store a story and its membership (replacing what was stored for it)."""
        self._write(
            "INSERT INTO stories (id, title, first_seen, last_seen, updated, dirty) "
            "VALUES (?, ?, ?, ?, ?, 1) "
            "ON CONFLICT(id) DO UPDATE SET title = excluded.title, "
            "first_seen = excluded.first_seen, last_seen = excluded.last_seen, "
            "updated = excluded.updated, dirty = 1",
            (story.id, story.title, _iso(story.first_seen), _iso(story.last_seen), _now()),
        )
        for article_id in story.articles:
            self._write(
                "INSERT INTO story_articles (article_id, story_id) VALUES (?, ?) "
                "ON CONFLICT(article_id) DO UPDATE SET story_id = excluded.story_id",
                (article_id, story.id),
            )

    def dirty_stories(self) -> list[str]:
        """Stories whose comparison and brief are older than their membership."""
        return [
            r[0] for r in self._db.execute("SELECT id FROM stories WHERE dirty = 1 ORDER BY id")
        ]

    def delete_story(self, story_id: str) -> None:
        """Remove a story (after it was merged into another); its articles stay."""
        self._write("DELETE FROM stories WHERE id = ?", (story_id,))

    def story(self, story_id: str) -> Story:
        """One story by id (a unique prefix also works)."""
        row = self._one(
            "SELECT * FROM stories WHERE id = ?",
            "SELECT * FROM stories WHERE id LIKE ?",
            story_id,
            "story",
        )
        return self._story(row)

    def stories(self) -> list[Story]:
        """All stories, most recently active first."""
        rows = self._db.execute("SELECT * FROM stories ORDER BY last_seen DESC, updated DESC, id")
        return [self._story(r) for r in rows]

    def story_of(self, article_id: str) -> str | None:
        """The id of the story an article belongs to."""
        row = self._db.execute(
            "SELECT story_id FROM story_articles WHERE article_id = ?", (article_id,)
        ).fetchone()
        return row[0] if row else None

    def _story(self, row: sqlite3.Row) -> Story:
        members = self._db.execute(
            "SELECT s.article_id FROM story_articles s JOIN articles a ON a.id = s.article_id "
            "WHERE s.story_id = ? ORDER BY a.published, a.rowid",
            (row["id"],),
        )
        return Story(
            id=row["id"],
            title=row["title"],
            articles=tuple(r[0] for r in members),
            first_seen=row["first_seen"],
            last_seen=row["last_seen"],
        )

    # ── comparisons and briefs ─────────────────────────────────────────────────────────────

    def put_brief(self, comparison: Comparison, brief: Brief, made_by: str | None = None) -> None:
        """Store a story's comparison and brief (replacing the previous ones), with what made
        them (`versions`)."""
        self._write(
            "INSERT OR REPLACE INTO briefs (story_id, comparison, brief, updated, made_by) "
            "VALUES (?, ?, ?, ?, ?)",
            (
                comparison.story,
                comparison.model_dump_json(),
                brief.model_dump_json(),
                _now(),
                made_by,
            ),
        )
        self._write("UPDATE stories SET dirty = 0 WHERE id = ?", (comparison.story,))

    def stale_briefs(self, made_by: str) -> list[str]:
        """Ids of the stories whose brief is missing, or made by something other than `made_by`."""
        rows = self._db.execute(
            "SELECT s.id FROM stories s LEFT JOIN briefs b ON b.story_id = s.id "
            "WHERE b.made_by IS NOT ? ORDER BY s.id",
            (made_by,),
        )
        return [r[0] for r in rows]

    def brief(self, story_id: str) -> Brief:
        """The stored brief of a story."""
        story = self.story(story_id)
        row = self._db.execute(
            "SELECT brief FROM briefs WHERE story_id = ?", (story.id,)
        ).fetchone()
        if row is None:
            raise NotFoundError(f"story {story.id} has no brief yet; run `newsweave add` again")
        return Brief.model_validate_json(row["brief"])

    def comparison(self, story_id: str) -> Comparison:
        """The stored comparison of a story."""
        row = self._db.execute(
            "SELECT comparison FROM briefs WHERE story_id = ?", (story_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError(f"story {story_id} has no comparison yet")
        return Comparison.model_validate_json(row["comparison"])

    # ── feeds ──────────────────────────────────────────────────────────────────────────────

    def feed_state(self, url: str) -> dict[str, str | None]:
        """The validators and status of a watched feed (empty for a new one)."""
        row = self._db.execute("SELECT * FROM feeds WHERE url = ?", (url,)).fetchone()
        return dict(row) if row else {}

    def put_feed_state(
        self,
        url: str,
        *,
        title: str | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
        error: str | None = None,
    ) -> None:
        """Record a poll: validators for the next conditional request, or the error it met."""
        self._write(
            "INSERT INTO feeds (url, title, etag, last_modified, last_polled, last_error) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET "
            "title = COALESCE(excluded.title, title), etag = COALESCE(excluded.etag, etag), "
            "last_modified = COALESCE(excluded.last_modified, last_modified), "
            "last_polled = excluded.last_polled, last_error = excluded.last_error",
            (url, title, etag, last_modified, _now(), error),
        )

    def seen_items(self, feed_url: str) -> set[str]:
        """The guids of a feed's items already processed."""
        rows = self._db.execute("SELECT guid FROM feed_items WHERE feed_url = ?", (feed_url,))
        return {r[0] for r in rows}

    def mark_seen(self, feed_url: str, guid: str, url: str) -> None:
        """Record that a feed item was processed (whatever became of its page)."""
        self._write(
            "INSERT OR IGNORE INTO feed_items (feed_url, guid, url, seen) VALUES (?, ?, ?, ?)",
            (feed_url, guid, url, _now()),
        )

    # ── index entries ──────────────────────────────────────────────────────────────────────

    def put_index_entry(
        self,
        article_id: str,
        made_by: str,
        features: str | None,
        shingles: bytes,
        signature: bytes,
    ) -> None:
        """Fill an article's index entry (its row exists from the moment the article is stored)."""
        self._write(
            "UPDATE index_entries SET made_by = ?, features = ?, shingles = ?, signature = ? "
            "WHERE article_id = ?",
            (made_by, features, shingles, signature, article_id),
        )

    def stale_index_entries(self, made_by: str) -> list[str]:
        """Articles whose index entry is empty or was made otherwise, in arrival order."""
        rows = self._db.execute(
            "SELECT article_id FROM index_entries WHERE made_by IS NOT ? ORDER BY seq", (made_by,)
        )
        return [r[0] for r in rows]

    def index_entries(self) -> Iterator[IndexEntry]:
        """Every article's index entry and story, in arrival order, read as they are consumed."""
        rows = self._db.execute(
            "SELECT e.article_id, s.story_id, a.published, e.made_by, e.features, e.shingles, "
            "e.signature FROM index_entries e JOIN articles a ON a.id = e.article_id "
            "LEFT JOIN story_articles s ON s.article_id = e.article_id ORDER BY e.seq"
        )
        for row in rows:
            yield IndexEntry(*row)

    # ── helpers ────────────────────────────────────────────────────────────────────────────

    def _one(self, exact: str, prefix: str, key: str, what: str) -> sqlite3.Row:
        row = self._db.execute(exact, (key,)).fetchone()
        if row is not None:
            return row
        rows = self._db.execute(prefix + " LIMIT 2", (key.replace("%", "") + "%",)).fetchall()
        if len(rows) == 1:
            return rows[0]
        if rows:
            raise NotFoundError(f"{what} id {key!r} is ambiguous; give more characters")
        plural = {"story": "stories", "article": "articles"}[what]
        raise NotFoundError(f"no {what} with id {key!r}; list them with `newsweave {plural}`")


def _statements(sql: str) -> list[str]:
    """Split a migration into statements; a trigger body's semicolons stay inside its statement."""
    statements, current = [], ""
    for line in sql.splitlines(keepends=True):
        if not current and (not line.strip() or line.strip().startswith("--")):
            continue
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    return statements


def dumps(value: Any) -> str:
    """JSON for the CLI and API: dates as ISO strings, keys in record order."""
    return json.dumps(value, ensure_ascii=False, indent=2, default=str)
