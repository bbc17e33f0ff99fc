"""The story list: a page of stories, newest first, as the index page and `/api/stories` show it."""

from __future__ import annotations

from newsweave.store import Store
from newsweave.web.schemas import ClaimCounts, StorySummary


def story_summaries(store: Store, limit: int = 50, offset: int = 0) -> list[StorySummary]:
    """A page of stories, newest first, with size, outlets and claim counts."""
    result = []
    for row in store.story_listing(limit, offset):
        counts = ClaimCounts(**row.claims._asdict())
        result.append(
            StorySummary(
                id=row.id,
                title=row.title,
                first_seen=row.first_seen,
                last_seen=row.last_seen,
                articles=row.articles,
                outlets=row.outlets,
                claims=counts,
                corroborated_share=round(counts.corroborated_share, 4),
            )
        )
    return result
