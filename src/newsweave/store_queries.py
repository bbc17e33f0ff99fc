"""The store's read-only queries for the web pages and search, mixed into `Store`.

They live apart from `store.py` only to keep both modules short; use them as `Store` methods.
The JSON columns are read with SQLite's json functions, so a page of the story list or an
entity's page never parses whole briefs or analyses in Python.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from typing import NamedTuple

from pydantic import TypeAdapter

from newsweave.models import Entity, LineageLink, Quote, Sentence

_SENTENCES = TypeAdapter(tuple[Sentence, ...])

# Column weights for bm25: article_id (not indexed), title, text. A word in the title counts five
# times one in the body.
_RANK = "bm25(articles_fts, 0.0, 5.0, 1.0)"


class ClaimTally(NamedTuple):
    """How many claims of a story's brief have each status, and how many two articles state."""

    total: int = 0
    corroborated: int = 0
    single_source: int = 0
    conflicting: int = 0
    shared: int = 0
    """Claims supported by sentences of two or more articles (copies included)."""


class StoryListing(NamedTuple):
    """One story of the story list: its dates, size, outlets and claim tally."""

    id: str
    title: str
    first_seen: str | None
    last_seen: str | None
    articles: int
    outlets: tuple[str, ...]
    """The distinct outlets of its articles, sorted."""
    claims: ClaimTally


class StoryTitle(NamedTuple):
    """A story's title and how many articles it holds."""

    title: str
    articles: int


class ArticleHead(NamedTuple):
    """An article's outlet and title."""

    outlet: str
    title: str


class ArticleMatch(NamedTuple):
    """An article found by full-text search, with a snippet of its text."""

    article: str
    title: str
    outlet: str
    published: str | None
    story: str | None
    snippet: str
    """Up to 24 words of the text around the matches, each match between the given markers."""
    score: float
    """The negated bm25 rank: higher is better."""


def _json(value: str) -> str:
    # As pydantic writes it into the records: UTF-8, not \u escapes.
    return json.dumps(value, ensure_ascii=False)


class ReadQueries:
    """Read-only queries over the store's tables; `Store` provides the connection."""

    _db: sqlite3.Connection

    def _in(self, sql: str, ids: Sequence[str], *more: str) -> list[sqlite3.Row]:
        """The rows of `sql` whose `IN ({marks})` holds `ids` (none for no ids); `more` follows."""
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        return self._db.execute(sql.format(marks=marks), [*ids, *more]).fetchall()

    # ── stories ────────────────────────────────────────────────────────────────────────────

    def story_listing(self, limit: int = 50, offset: int = 0) -> list[StoryListing]:
        """A page of stories, most recently active first, with size, outlets and claim tally."""
        rows = self._db.execute(
            # The page is cut first, so the size subquery runs for its rows only.
            "SELECT s.id, s.title, s.first_seen, s.last_seen, "
            "(SELECT COUNT(*) FROM story_articles m WHERE m.story_id = s.id) AS size "
            "FROM (SELECT * FROM stories ORDER BY last_seen DESC, updated DESC, id "
            "LIMIT ? OFFSET ?) s ORDER BY s.last_seen DESC, s.updated DESC, s.id",
            (limit, offset),
        ).fetchall()
        ids = [r["id"] for r in rows]
        outlets = self._story_outlets(ids)
        claims = self._claim_tallies(ids)
        return [
            StoryListing(
                r["id"],
                r["title"],
                r["first_seen"],
                r["last_seen"],
                r["size"],
                tuple(outlets.get(r["id"], ())),
                claims.get(r["id"], ClaimTally()),
            )
            for r in rows
        ]

    def _story_outlets(self, story_ids: list[str]) -> dict[str, list[str]]:
        rows = self._in(
            "SELECT DISTINCT m.story_id, a.outlet FROM story_articles m "
            "JOIN articles a ON a.id = m.article_id WHERE m.story_id IN ({marks}) "
            "ORDER BY m.story_id, a.outlet",
            story_ids,
        )
        found: dict[str, list[str]] = {}
        for r in rows:
            found.setdefault(r["story_id"], []).append(r["outlet"])
        return found

    def _claim_tallies(self, story_ids: list[str]) -> dict[str, ClaimTally]:
        rows = self._in(
            "SELECT b.story_id, json_extract(c.value, '$.status') AS status, COUNT(*) AS n, "
            "SUM((SELECT COUNT(DISTINCT json_extract(s.value, '$.article')) "
            "     FROM json_each(c.value, '$.support') s) >= 2) AS shared "
            "FROM briefs b, json_each(b.brief, '$.claims') c "
            "WHERE b.story_id IN ({marks}) GROUP BY b.story_id, status",
            story_ids,
        )
        tallies: dict[str, dict[str, int]] = {}
        for r in rows:
            tally = tallies.setdefault(r["story_id"], {"total": 0, "shared": 0})
            tally[r["status"]] = r["n"]
            tally["total"] += r["n"]
            tally["shared"] += r["shared"] or 0
        fields = ClaimTally._fields
        return {
            sid: ClaimTally(**{k: v for k, v in t.items() if k in fields})
            for sid, t in tallies.items()
        }

    def story_titles(self, story_ids: list[str]) -> dict[str, StoryTitle]:
        """Story id → title and number of articles, for the ids that exist, most recent first."""
        rows = self._in(
            "SELECT s.id, s.title, (SELECT COUNT(*) FROM story_articles m "
            "WHERE m.story_id = s.id) AS size "
            "FROM stories s WHERE s.id IN ({marks}) ORDER BY s.last_seen DESC",
            story_ids,
        )
        return {r["id"]: StoryTitle(r["title"], r["size"]) for r in rows}

    def stories_of(self, article_ids: list[str]) -> dict[str, str]:
        """Article id → story id, for the articles that belong to a story."""
        rows = self._in(
            "SELECT article_id, story_id FROM story_articles WHERE article_id IN ({marks})",
            article_ids,
        )
        return {r["article_id"]: r["story_id"] for r in rows}

    # ── articles ───────────────────────────────────────────────────────────────────────────

    def article_heads(self, article_ids: list[str]) -> dict[str, ArticleHead]:
        """Article id → outlet and title, without reading whole records."""
        rows = self._in(
            "SELECT id, outlet, title FROM articles WHERE id IN ({marks})",
            article_ids,
        )
        return {r["id"]: ArticleHead(r["outlet"], r["title"]) for r in rows}

    def article_sentences(self, article_ids: list[str]) -> dict[str, tuple[Sentence, ...]]:
        """Article id → its sentences, for the analysed ones, without parsing the rest."""
        rows = self._in(
            "SELECT article_id, json_extract(record, '$.sentences') AS sentences FROM analyses "
            "WHERE article_id IN ({marks})",
            article_ids,
        )
        return {r["article_id"]: _SENTENCES.validate_json(r["sentences"]) for r in rows}

    def copied_by(self, article_id: str) -> list[LineageLink]:
        """Lineage links that name this article as their source (who copied or cited it)."""
        rows = self._db.execute(
            "SELECT record FROM lineage WHERE source_id = ? ORDER BY rowid", (article_id,)
        )
        return [LineageLink.model_validate_json(r["record"]) for r in rows]

    def search_articles(
        self, match: str, marks: tuple[str, str], limit: int = 20, offset: int = 0
    ) -> list[ArticleMatch]:
        """Articles that an FTS5 `match` query finds in their title or text, best first.

        `match` is FTS5 query syntax: callers build it from what a user typed. A word in the
        title ranks five times one in the body. `marks` open and close each match in a snippet.
        """
        rows = self._db.execute(
            # The columns are the fields of ArticleMatch, in order.
            "SELECT f.article_id, a.title, a.outlet, a.published, s.story_id, "
            "COALESCE(snippet(articles_fts, 2, ?, ?, '…', 24), '') AS snippet, "
            f"-{_RANK} AS score "
            "FROM articles_fts f JOIN articles a ON a.id = f.article_id "
            "LEFT JOIN story_articles s ON s.article_id = f.article_id "
            f"WHERE articles_fts MATCH ? ORDER BY {_RANK} LIMIT ? OFFSET ?",
            (*marks, match, max(0, limit), max(0, offset)),
        )
        return [ArticleMatch(*r) for r in rows]

    # ── entities and quotes ────────────────────────────────────────────────────────────────
    # An entity id appears in two places: in analyses (per article) and in briefs (per story,
    # where a surname-only person is folded into the full name). Both are searched, so an id
    # shown on any page leads somewhere. `instr` skips records that cannot hold the id before
    # json_each parses them.

    def entity_in_stories(self, entity_id: str) -> list[tuple[str, Entity]]:
        """(story id, entity) for each story whose brief lists the entity, by story id."""
        rows = self._items("briefs", "story_id", "brief", "entities", "id", entity_id, "")
        return [(key, Entity.model_validate_json(item)) for key, item in rows]

    def entity_in_articles(self, entity_id: str) -> list[tuple[str, Entity]]:
        """(article id, entity) for each article whose analysis found the entity, by article id."""
        rows = self._items("analyses", "article_id", "record", "entities", "id", entity_id, "")
        return [(key, Entity.model_validate_json(item)) for key, item in rows]

    def quotes_by_speaker(self, entity_id: str) -> list[tuple[str, Quote]]:
        """(article id, quote) for each quote whose speaker is the entity, in reading order."""
        rows = self._items(
            "analyses", "article_id", "record", "quotes", "speaker", entity_id, "start"
        )
        return [(key, Quote.model_validate_json(item)) for key, item in rows]

    def _items(
        self, table: str, key: str, record: str, array: str, field: str, value: str, then: str
    ) -> list[tuple[str, str]]:
        """(row key, item JSON) of the items of a record's array whose `field` is `value`,
        ordered by key, then by the items' `then` field when one is given."""
        order = f"t.{key}" + (f", json_extract(i.value, '$.{then}')" if then else "")
        rows = self._db.execute(
            # Table, column and field names are this module's constants, never user input.
            f"SELECT t.{key}, i.value FROM {table} t, json_each(t.{record}, '$.{array}') i "
            f"WHERE instr(t.{record}, ?) > 0 AND json_extract(i.value, '$.{field}') = ? "
            f"ORDER BY {order}",
            (_json(value), value),
        )
        return [(r[0], r[1]) for r in rows]

    def brief_quotes_by_name(self, story_ids: list[str], name: str) -> list[tuple[str, str]]:
        """(article id, text) of the quotes these stories' briefs attribute to a speaker name."""
        rows = self._in(
            "SELECT json_extract(q.value, '$.article') AS article, "
            "json_extract(q.value, '$.text') AS text "
            "FROM briefs b, json_each(b.brief, '$.quotes') q "
            "WHERE b.story_id IN ({marks}) "
            "AND json_extract(q.value, '$.speaker') = ?",
            story_ids,
            name,
        )
        return [(r["article"], r["text"]) for r in rows]
