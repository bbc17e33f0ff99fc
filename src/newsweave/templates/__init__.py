"""Jinja2 templates, autoescaped: article text is untrusted and must render as inert text."""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape


@cache
def environment() -> Environment:
    """The template environment (autoescaping on for every template)."""
    return Environment(
        loader=PackageLoader("newsweave", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_page(name: str, **context: Any) -> str:
    """Render a packaged template."""
    return environment().get_template(name).render(**context)
