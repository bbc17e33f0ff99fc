"""The FastAPI application: pages, their JSON twins under /api, static files, error pages.

    create_app(db_path, settings, token) → FastAPI

Each request opens its own `Store` on `db_path`, so the app holds no story state and a CLI
process can add articles meanwhile (SQLite WAL). OpenAPI is served at /openapi.json; the
interactive docs pages are off, because they load scripts from a CDN that the
Content-Security-Policy forbids.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from newsweave import __version__
from newsweave.errors import InputError, NotFoundError, StoreError
from newsweave.settings import Settings
from newsweave.store import Store
from newsweave.web.deps import AppConfig
from newsweave.web.render import render
from newsweave.web.routes import api, pages
from newsweave.web.security import SecurityHeaders

STATIC = Path(__file__).parent / "static"


def create_app(db_path: str, settings: Settings | None = None, token: str | None = None) -> FastAPI:
    """The web app over the database at `db_path`; POST needs `token` when one is given."""
    settings = settings or Settings()
    # Opening now applies migrations (the search index) and fails early on a bad path. The
    # connection then stays open, idle, for the app's life: while one is open, closing a
    # request's connection does not checkpoint the WAL and drop its index (0.4 ms a request).
    keeper = Store(db_path, settings.store.busy_timeout_ms)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        app.state.config.writer.close()
        keeper.close()

    app = FastAPI(
        title="newsweave",
        version=__version__,
        description="Stories, cited briefs, articles, entities and search over a newsweave "
        "database. Every page has a JSON twin under /api.",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.config = AppConfig(db_path=db_path, settings=settings, token=token or None)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.add_middleware(SecurityHeaders)
    _errors(app)
    return app


def _errors(app: FastAPI) -> None:
    """Library errors → HTTP statuses; a page path gets an HTML page, an /api path JSON."""

    def answer(request: Request, status: int, message: str) -> Response:
        if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
            return JSONResponse({"detail": message}, status_code=status)
        return render(request, "error.html", status=status, status_code=status, message=message)

    @app.exception_handler(NotFoundError)
    async def not_found(request: Request, exc: NotFoundError) -> Response:
        return answer(request, 404, str(exc))

    @app.exception_handler(InputError)
    async def bad_input(request: Request, exc: InputError) -> Response:
        return answer(request, 422, str(exc))

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> Response:
        return answer(request, 503, str(exc))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        response = answer(request, exc.status_code, _detail(exc.status_code, exc.detail))
        response.headers.update(exc.headers or {})
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": exc.errors()}, status_code=422)
        return answer(request, 422, "; ".join(str(e.get("msg", "")) for e in exc.errors()))


def _detail(status: int, detail: object) -> str:
    if status == 404 and detail == "Not Found":
        return "there is no page at this address"
    return str(detail)
