"""The JSON shapes of the HTTP API that are not records of `newsweave.models` already.

`/api/stories/{id}` answers with the `Brief` record itself; the rest are defined here, so the
OpenAPI document at `/openapi.json` describes every answer.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from newsweave.models import Analysis, Article, Entity, LineageLink, Moment, Rejected
from newsweave.search import SearchHit


class Schema(BaseModel):
    model_config = ConfigDict(frozen=True)


class ClaimCounts(Schema):
    """A story's claims by status, from its brief.

    `corroborated_share` is corroborated / total: the share of everything the story's articles
    state that at least two independent sources confirm. `shared` counts the claims stated by two
    or more articles, whether independent or copies, for a reader who wants that ratio instead.
    """

    total: int = 0
    corroborated: int = 0
    single_source: int = 0
    conflicting: int = 0
    shared: int = 0

    @property
    def corroborated_share(self) -> float:
        """corroborated / total (0.0 for a story with no claims yet)."""
        return self.corroborated / self.total if self.total else 0.0


class StorySummary(Schema):
    """One row of the story list."""

    id: str
    title: str
    first_seen: datetime | None
    last_seen: datetime | None
    articles: int
    outlets: tuple[str, ...]
    claims: ClaimCounts
    corroborated_share: float = Field(description="claims.corroborated / claims.total")


class StoryList(Schema):
    """A page of the story list, newest first."""

    total: int
    offset: int
    limit: int
    stories: tuple[StorySummary, ...]


class ArticleDetail(Schema):
    """An article, its analysis and where it sits: `/api/articles/{id}`."""

    article: Article
    analysis: Analysis | None
    story: str | None
    lineage: tuple[LineageLink, ...] = ()
    """Links from this article to its sources."""
    copied_by: tuple[LineageLink, ...] = ()
    """Links from other articles to this one."""


class EntityStory(Schema):
    id: str
    title: str
    articles: int


class EntityQuote(Schema):
    text: str
    article: str
    outlet: str
    title: str
    story: str | None
    sentence: int | None = None


class EntityDetail(Schema):
    """An entity, the stories it appears in and what it is quoted saying: `/api/entities/{id}`."""

    entity: Entity
    stories: tuple[EntityStory, ...]
    quotes: tuple[EntityQuote, ...]


class SearchResults(Schema):
    query: str
    hits: tuple[SearchHit, ...]


class AddRequest(Schema):
    """What to add: a URL to fetch, or pasted text; exactly one of the two."""

    url: str | None = None
    text: str | None = None
    outlet: str | None = None
    published: Moment | None = None


class AddedArticle(Schema):
    id: str
    outlet: str
    title: str
    source: str
    story: str | None


class AddResult(Schema):
    """What `POST /api/articles` did (the shape of `newsweave add --json`, plus story ids)."""

    added: tuple[AddedArticle, ...]
    already_stored: tuple[str, ...]
    rejected: tuple[Rejected, ...]
    stories: tuple[str, ...]
