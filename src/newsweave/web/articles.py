"""The article page: clean text with sentence anchors, mentions and quotes marked, and what
extraction set apart (captions, removed boilerplate with reasons, lineage markers)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from newsweave.errors import NotFoundError
from newsweave.models import Analysis, Entity, LineageLink
from newsweave.store import ArticleHead, Store
from newsweave.web.markup import SentenceView, marked_paragraphs
from newsweave.web.schemas import ArticleDetail


@dataclass(frozen=True)
class LinkView:
    """A lineage link seen from this article, with the other article's outlet and title."""

    link: LineageLink
    other: str | None
    """Id of the other article, when it is stored."""
    outlet: str | None
    title: str | None


@dataclass(frozen=True)
class ArticlePage:
    detail: ArticleDetail
    story_title: str | None
    paragraphs: list[list[SentenceView]]
    entities: tuple[tuple[Entity, int], ...]
    """Entities of the article with how often each is mentioned, most first."""
    sources: tuple[LinkView, ...]
    copies: tuple[LinkView, ...]


def article_detail(store: Store, article_id: str) -> ArticleDetail:
    """An article with its analysis, story and lineage (the JSON of `/api/articles/{id}`)."""
    article = store.article(article_id)
    return ArticleDetail(
        article=article,
        analysis=_analysis(store, article.id),
        story=store.story_of(article.id),
        lineage=tuple(store.lineage([article.id])),
        copied_by=tuple(store.copied_by(article.id)),
    )


def article_page(store: Store, article_id: str) -> ArticlePage:
    """Everything the article page shows."""
    detail = article_detail(store, article_id)
    analysis = detail.analysis
    others = [link.source for link in detail.lineage if link.source]
    others += [link.article for link in detail.copied_by]
    heads = store.article_heads(others)
    titles = store.story_titles([detail.story] if detail.story else [])
    counts = Counter(m.entity for m in analysis.mentions) if analysis else Counter()
    entities = sorted(
        ((e, counts[e.id]) for e in (analysis.entities if analysis else ())),
        key=lambda pair: (-pair[1], pair[0].name),
    )
    return ArticlePage(
        detail=detail,
        story_title=titles[detail.story][0] if detail.story in titles else None,
        paragraphs=marked_paragraphs(detail.article, analysis),
        entities=tuple(entities),
        sources=tuple(_link(link, link.source, heads) for link in detail.lineage),
        copies=tuple(_link(link, link.article, heads) for link in detail.copied_by),
    )


def _analysis(store: Store, article_id: str) -> Analysis | None:
    try:
        return store.analysis(article_id)
    except NotFoundError:
        return None


def _link(link: LineageLink, other: str | None, heads: dict[str, ArticleHead]) -> LinkView:
    outlet, title = heads.get(other or "", (None, None))
    return LinkView(link, other if other in heads else None, outlet, title)
