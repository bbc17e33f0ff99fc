"""The HTML pages: each calls the same library function as its JSON twin and renders it."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from newsweave.search import search
from newsweave.store import Store
from newsweave.web.articles import article_page
from newsweave.web.deps import open_store
from newsweave.web.entities import entity_detail
from newsweave.web.listing import story_summaries
from newsweave.web.render import render
from newsweave.web.stories import story_page

router = APIRouter(include_in_schema=False)

StoreDep = Annotated[Store, Depends(open_store)]

PAGE_SIZE = 50


@router.get("/", response_class=HTMLResponse)
async def index(
    request: Request, store: StoreDep, page: Annotated[int, Query(ge=1)] = 1
) -> HTMLResponse:
    """The story list, newest first, and the add form."""
    total = store.count("stories")
    rows = story_summaries(store, PAGE_SIZE, (page - 1) * PAGE_SIZE)
    pages = max(1, -(-total // PAGE_SIZE))
    return render(request, "index.html", stories=rows, total=total, page=page, pages=pages)


@router.get("/add", response_class=HTMLResponse)
async def add_form(request: Request) -> HTMLResponse:
    """The add form on its own."""
    return render(request, "add.html")


@router.get("/stories/{story_id}", response_class=HTMLResponse)
async def story(request: Request, store: StoreDep, story_id: str) -> HTMLResponse:
    """A story: cited summary, articles side by side, coverage, drift, conflicts, timeline."""
    return render(request, "story.html", page=story_page(store, story_id))


@router.get("/articles/{article_id}", response_class=HTMLResponse)
async def article(request: Request, store: StoreDep, article_id: str) -> HTMLResponse:
    """An article's clean text with mentions, quotes and sentence anchors."""
    return render(request, "article.html", page=article_page(store, article_id))


@router.get("/entities/{entity_id:path}", response_class=HTMLResponse)
def entity(request: Request, store: StoreDep, entity_id: str) -> HTMLResponse:
    """An entity's stories and quotes."""
    return render(request, "entity.html", detail=entity_detail(store, entity_id))


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request, store: StoreDep, q: Annotated[str, Query(max_length=500)] = ""
) -> HTMLResponse:
    """Full-text search over titles and texts."""
    return render(request, "search.html", query=q, hits=search(store, q, 50))
