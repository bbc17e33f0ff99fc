"""Read queries the web pages need that `Store` does not offer (yet).

They read `store._db` directly and touch no table the store does not own; each is a candidate
for a `Store` method. The JSON columns are read with SQLite's json functions, so a page of the
story list never parses whole briefs in Python.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from pydantic import TypeAdapter

from newsweave.models import Entity, LineageLink, Quote, Sentence
from newsweave.store import Store
from newsweave.web.schemas import ClaimCounts, StorySummary


def story_count(store: Store) -> int:
    """How many stories there are."""
    return store.count("stories")


def story_summaries(store: Store, limit: int = 50, offset: int = 0) -> list[StorySummary]:
    """A page of stories, newest first, with size, outlets and claim counts."""
    rows = store._db.execute(
        # The page is cut first, so the size subquery runs for its rows only.
        "SELECT s.id, s.title, s.first_seen, s.last_seen, "
        "(SELECT COUNT(*) FROM story_articles m WHERE m.story_id = s.id) AS size "
        "FROM (SELECT * FROM stories ORDER BY last_seen DESC, updated DESC, id LIMIT ? OFFSET ?) s "
        "ORDER BY s.last_seen DESC, s.updated DESC, s.id",
        (limit, offset),
    ).fetchall()
    ids = [r["id"] for r in rows]
    outlets = _outlets(store, ids)
    claims = _claim_counts(store, ids)
    result = []
    for r in rows:
        counts = claims.get(r["id"], ClaimCounts())
        result.append(
            StorySummary(
                id=r["id"],
                title=r["title"],
                first_seen=r["first_seen"],
                last_seen=r["last_seen"],
                articles=r["size"],
                outlets=tuple(outlets.get(r["id"], ())),
                claims=counts,
                corroborated_share=round(counts.corroborated_share, 4),
            )
        )
    return result


def _marks(ids: Sequence[str]) -> str:
    return ",".join("?" * len(ids))


def _outlets(store: Store, story_ids: list[str]) -> dict[str, list[str]]:
    if not story_ids:
        return {}
    rows = store._db.execute(
        "SELECT DISTINCT m.story_id, a.outlet FROM story_articles m "
        f"JOIN articles a ON a.id = m.article_id WHERE m.story_id IN ({_marks(story_ids)}) "
        "ORDER BY m.story_id, a.outlet",
        story_ids,
    )
    found: dict[str, list[str]] = {}
    for r in rows:
        found.setdefault(r["story_id"], []).append(r["outlet"])
    return found


def _claim_counts(store: Store, story_ids: list[str]) -> dict[str, ClaimCounts]:
    if not story_ids:
        return {}
    rows = store._db.execute(
        "SELECT b.story_id, json_extract(c.value, '$.status') AS status, COUNT(*) AS n, "
        "SUM((SELECT COUNT(DISTINCT json_extract(s.value, '$.article')) "
        "     FROM json_each(c.value, '$.support') s) >= 2) AS shared "
        "FROM briefs b, json_each(b.brief, '$.claims') c "
        f"WHERE b.story_id IN ({_marks(story_ids)}) GROUP BY b.story_id, status",
        story_ids,
    )
    tallies: dict[str, dict[str, int]] = {}
    for r in rows:
        tally = tallies.setdefault(r["story_id"], {"total": 0, "shared": 0})
        tally[r["status"]] = r["n"]
        tally["total"] += r["n"]
        tally["shared"] += r["shared"] or 0
    return {sid: ClaimCounts.model_validate(t) for sid, t in tallies.items()}


def story_titles(store: Store, story_ids: list[str]) -> dict[str, tuple[str, int]]:
    """Story id → (title, number of articles), for the ids that exist."""
    if not story_ids:
        return {}
    rows = store._db.execute(
        "SELECT s.id, s.title, (SELECT COUNT(*) FROM story_articles m WHERE m.story_id = s.id) "
        f"AS size FROM stories s WHERE s.id IN ({_marks(story_ids)}) ORDER BY s.last_seen DESC",
        story_ids,
    )
    return {r["id"]: (r["title"], r["size"]) for r in rows}


def article_heads(store: Store, article_ids: list[str]) -> dict[str, tuple[str, str]]:
    """Article id → (outlet, title), without reading whole records."""
    if not article_ids:
        return {}
    rows = store._db.execute(
        f"SELECT id, outlet, title FROM articles WHERE id IN ({_marks(article_ids)})",
        article_ids,
    )
    return {r["id"]: (r["outlet"], r["title"]) for r in rows}


_SENTENCES = TypeAdapter(tuple[Sentence, ...])


def sentences(store: Store, article_ids: list[str]) -> dict[str, tuple[Sentence, ...]]:
    """Article id → its sentences, without parsing the rest of each analysis."""
    if not article_ids:
        return {}
    rows = store._db.execute(
        "SELECT article_id, json_extract(record, '$.sentences') AS sentences FROM analyses "
        f"WHERE article_id IN ({_marks(article_ids)})",
        article_ids,
    )
    return {r["article_id"]: _SENTENCES.validate_json(r["sentences"]) for r in rows}


def copied_by(store: Store, article_id: str) -> list[LineageLink]:
    """Lineage links that name this article as their source (who copied or cited it)."""
    rows = store._db.execute(
        "SELECT record FROM lineage WHERE source_id = ? ORDER BY rowid", (article_id,)
    )
    return [LineageLink.model_validate_json(r["record"]) for r in rows]


# ── entities ─────────────────────────────────────────────────────────────────────────────────
# An entity id appears in two places: in analyses (per article) and in briefs (per story, where
# a surname-only person is folded into the full name). Both are searched, so an id shown on any
# page leads somewhere. `instr` skips records that cannot hold the id before json_each parses.


def _json(value: str) -> str:
    # As pydantic writes it into the records: UTF-8, not \u escapes.
    return json.dumps(value, ensure_ascii=False)


def entity_in_briefs(store: Store, entity_id: str) -> list[tuple[str, Entity]]:
    """(story id, entity) for each brief that lists the entity."""
    rows = store._db.execute(
        "SELECT b.story_id, e.value AS entity FROM briefs b, json_each(b.brief, '$.entities') e "
        "WHERE instr(b.brief, ?) > 0 AND json_extract(e.value, '$.id') = ? ORDER BY b.story_id",
        (_json(entity_id), entity_id),
    )
    return [(r["story_id"], Entity.model_validate_json(r["entity"])) for r in rows]


def entity_in_analyses(store: Store, entity_id: str) -> list[tuple[str, Entity]]:
    """(article id, entity) for each article whose analysis found the entity."""
    rows = store._db.execute(
        "SELECT a.article_id, e.value AS entity FROM analyses a, "
        "json_each(a.record, '$.entities') e "
        "WHERE instr(a.record, ?) > 0 AND json_extract(e.value, '$.id') = ? ORDER BY a.article_id",
        (_json(entity_id), entity_id),
    )
    return [(r["article_id"], Entity.model_validate_json(r["entity"])) for r in rows]


def quotes_by_speaker(store: Store, entity_id: str) -> list[tuple[str, Quote]]:
    """(article id, quote) for each quote whose speaker is the entity."""
    rows = store._db.execute(
        "SELECT a.article_id, q.value AS quote FROM analyses a, json_each(a.record, '$.quotes') q "
        "WHERE instr(a.record, ?) > 0 AND json_extract(q.value, '$.speaker') = ? "
        "ORDER BY a.article_id, json_extract(q.value, '$.start')",
        (_json(entity_id), entity_id),
    )
    return [(r["article_id"], Quote.model_validate_json(r["quote"])) for r in rows]


def brief_quotes_by_name(store: Store, story_ids: list[str], name: str) -> list[tuple[str, str]]:
    """(article id, text) of the quotes a story brief attributes to a speaker of that name."""
    if not story_ids:
        return []
    rows = store._db.execute(
        "SELECT json_extract(q.value, '$.article') AS article, json_extract(q.value, '$.text') "
        "AS text FROM briefs b, json_each(b.brief, '$.quotes') q "
        f"WHERE b.story_id IN ({_marks(story_ids)}) AND json_extract(q.value, '$.speaker') = ?",
        [*story_ids, name],
    )
    return [(r["article"], r["text"]) for r in rows]


def stories_of(store: Store, article_ids: list[str]) -> dict[str, str]:
    """Article id → story id, for the articles that belong to a story."""
    if not article_ids:
        return {}
    rows = store._db.execute(
        "SELECT article_id, story_id FROM story_articles "
        f"WHERE article_id IN ({_marks(article_ids)})",
        article_ids,
    )
    return {r["article_id"]: r["story_id"] for r in rows}
