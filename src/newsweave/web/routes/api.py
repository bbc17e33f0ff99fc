"""The JSON API under /api: one route per page, each a call to one library function."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from newsweave.errors import InputError
from newsweave.models import Brief
from newsweave.search import search
from newsweave.store import Store
from newsweave.web.adding import add_article
from newsweave.web.articles import article_detail
from newsweave.web.deps import config, open_store
from newsweave.web.entities import entity_detail
from newsweave.web.forms import FORM, read_add_form
from newsweave.web.listing import story_summaries
from newsweave.web.render import path_part, render
from newsweave.web.schemas import (
    AddRequest,
    AddResult,
    ArticleDetail,
    EntityDetail,
    SearchResults,
    StoryList,
)
from newsweave.web.security import check_write

router = APIRouter(prefix="/api", tags=["api"])

StoreDep = Annotated[Store, Depends(open_store)]

_ADD_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": AddRequest.model_json_schema()},
            FORM: {
                "schema": {
                    "type": "object",
                    "properties": {
                        name: {"type": "string"}
                        for name in ("url", "text", "outlet", "published", "token")
                    },
                }
            },
        },
    }
}


@router.get("/stories", response_model=StoryList)
async def stories(
    store: StoreDep,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> StoryList:
    """Stories, newest first, with size, outlets and claim counts."""
    return StoryList(
        total=store.count("stories"),
        offset=offset,
        limit=limit,
        stories=tuple(story_summaries(store, limit, offset)),
    )


@router.get("/stories/{story_id}", response_model=Brief)
async def story(store: StoreDep, story_id: str) -> Brief:
    """A story's brief (the JSON of `newsweave brief STORY --format json`)."""
    return store.brief(story_id)


@router.get("/articles/{article_id}", response_model=ArticleDetail)
async def article(store: StoreDep, article_id: str) -> ArticleDetail:
    """An article, its analysis, its story and its lineage."""
    return article_detail(store, article_id)


@router.get("/entities/{entity_id:path}", response_model=EntityDetail)
def entity(store: StoreDep, entity_id: str) -> EntityDetail:
    """An entity, the stories it appears in and its quotes."""
    return entity_detail(store, entity_id)


@router.get("/search", response_model=SearchResults)
def search_articles(
    store: StoreDep,
    q: Annotated[str, Query(max_length=500)] = "",
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
) -> SearchResults:
    """Articles whose title or text holds every word of `q`, best first."""
    return SearchResults(query=q, hits=tuple(search(store, q, limit)))


@router.post(
    "/articles",
    response_model=AddResult,
    openapi_extra=_ADD_BODY,
    responses={303: {"description": "Form posts are redirected to the story page"}},
)
async def add(request: Request) -> Any:
    """Add a URL or pasted text; JSON gets the add report, a form is redirected to the story."""
    cfg = config(request)
    posted = await read_add_form(request, cfg.settings.extract.max_bytes + 10_000)
    try:
        check_write(request, cfg.token, posted.token)
        if posted.request is None:
            raise HTTPException(422, posted.error)
        result = await run_in_threadpool(add_article, cfg.writer, posted.request, cfg.make_fetcher)
    except (HTTPException, InputError) as exc:
        if posted.is_form:
            return _form_error(request, exc, posted.fields)
        raise
    return _form_done(request, result, posted.fields) if posted.is_form else result


def _form_error(
    request: Request, exc: HTTPException | InputError, form: dict[str, str]
) -> Response:
    """The add page again, with what went wrong and the fields as they were."""
    if isinstance(exc, HTTPException):
        return render(request, "add.html", status=exc.status_code, error=exc.detail, form=form)
    return render(request, "add.html", status=422, error=str(exc), form=form)


def _form_done(request: Request, result: AddResult, form: dict[str, str]) -> Response:
    """To the story the article joined; or the add page saying why nothing was added, with the
    fields as they were."""
    story = next((a.story for a in result.added if a.story), None)
    if story:
        return RedirectResponse(f"/stories/{path_part(story)}", status_code=303)
    status = 422 if result.rejected else 200
    return render(request, "add.html", status=status, result=result, form=form)
