"""Templates for the web pages: Jinja2 with autoescaping on for every template.

Untrusted text (titles, bodies, quotes, URLs) only ever reaches a page through `{{ … }}`, which
escapes it; no template uses `|safe`. Links to outlets go through `web_url`, which drops any URL
that is not http(s) (a `javascript:` URL in a stored record would otherwise be a live link).
"""

from __future__ import annotations

import re
from datetime import datetime
from functools import cache
from typing import Any
from urllib.parse import quote, urlsplit

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, select_autoescape


def web_url(url: str | None) -> str | None:
    """The URL if it is an http(s) URL with a host, else None (rendered as plain text)."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


_PLAIN = re.compile(r"[A-Za-z0-9:@._~-]*")


def path_part(value: str) -> str:
    """A value quoted for one path segment (`person:ines-calado` stays readable)."""
    if _PLAIN.fullmatch(value):  # ids nearly always are; quote() costs a page 0.2 ms
        return value
    return quote(value, safe=":@-._~")


def when(value: datetime | str | None) -> str:
    """A date for display: `2026-03-04 07:30`, or `undated`."""
    if value is None:
        return "undated"
    if isinstance(value, str):
        return value
    return (
        value.strftime("%Y-%m-%d %H:%M") if value.hour or value.minute else value.date().isoformat()
    )


def percent(share: float) -> str:
    """0.125 → `13%`."""
    return f"{share * 100:.0f}%"


def grow(part: int, whole: int) -> int:
    """A bar segment's width class (1–20, in twentieths) for `part` of `whole`; 0 when empty."""
    if not part or not whole:
        return 0
    return max(1, round(20 * part / whole))


@cache
def environment() -> Environment:
    """The template environment (autoescape on for every template, whatever its name)."""
    env = Environment(
        loader=PackageLoader("newsweave.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # packaged templates do not change while the server runs
    )
    env.filters.update(web_url=web_url, path_part=path_part, when=when, percent=percent, grow=grow)
    return env


def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """Render a page template into a response."""
    config = request.app.state.config
    html = (
        environment()
        .get_template(name)
        .render(request=request, token_required=config.token is not None, **context)
    )
    return HTMLResponse(html, status_code=status)
