"""The story list: a page of stories, newest first, as the index page and `/api/stories` show it."""

from __future__ import annotations

from newsweave.store import Store
from newsweave.web.schemas import ClaimCounts, StorySummary


def story_summaries(store: Store, limit: int = 50, offset: int = 0) -> list[StorySummary]:
    """A page of stories, newest first, with size, outlets and claim counts."""
    result = []
    for row in store.story_listing(limit, offset):
        counts = ClaimCounts(**row.claims._asdict())
        share = round(counts.corroborated_share, 4)
        summary = {**row._asdict(), "claims": counts, "corroborated_share": share}
        result.append(StorySummary.model_validate(summary))
    return result
