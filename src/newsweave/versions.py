"""What made a stored record, so that records made by another newsweave can be found and remade.

An analysis depends on the analysis rules, their data tables and the spaCy model; a comparison
and brief depend on the compare and brief rules and their settings. Each stored record carries a
digest of what made it (migration 006). A digest of the package's own files, rather than a
number someone must remember to raise, changes with every change that could change a record:
after an upgrade, `newsweave refresh` remakes exactly the records that are out of date.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from functools import cache
from importlib import resources
from importlib.util import find_spec

from newsweave.analyze.nlp import candidates
from newsweave.settings import AnalyzeSettings, Settings

# The package's files each kind of record is made from (folders stand for their .py files).
_ANALYSIS_FILES = ("analyze", "data/entities.toml", "data/quotes.toml", "models.py")
_BRIEF_FILES = ("compare", "brief.py", "markers.py", "data/lineage.toml", "embed.py", "models.py")


def analysis_version(settings: AnalyzeSettings) -> str:
    """Names the code, data, model and settings that make analyses."""
    return _digest(_ANALYSIS_FILES, model_version(settings.spacy_model), asdict(settings))


def brief_version(settings: Settings) -> str:
    """Names the code and settings that make comparisons and briefs."""
    return _digest(_BRIEF_FILES, asdict(settings.compare), asdict(settings.brief))


@cache
def model_version(name: str) -> str:
    """The spaCy model package `analyze.nlp.load` would load for `name`, with its version,
    read from its meta.json without importing it ("" when none is installed)."""
    for candidate in candidates(name):
        spec = find_spec(candidate)
        if spec is None or not spec.submodule_search_locations:
            continue
        for folder in spec.submodule_search_locations:
            try:
                with open(f"{folder}/meta.json", encoding="utf-8") as handle:
                    meta = json.load(handle)
            except OSError:
                continue
            return f"{candidate}=={meta.get('version', '?')}"
        return candidate
    return ""


def _digest(files: tuple[str, ...], *parts: object) -> str:
    digest = hashlib.sha256(_files_digest(files).encode())
    for part in parts:
        digest.update(json.dumps(part, sort_keys=True, default=str).encode())
    return digest.hexdigest()[:16]


@cache
def _files_digest(files: tuple[str, ...]) -> str:
    """A digest of the package's files named (a folder: its .py files, sorted by name)."""
    root = resources.files("newsweave")
    digest = hashlib.sha256()
    for name in files:
        entry = root.joinpath(name)
        members = (
            sorted((m for m in entry.iterdir() if m.name.endswith(".py")), key=lambda m: m.name)
            if entry.is_dir()
            else [entry]
        )
        for member in members:
            digest.update(member.name.encode())
            digest.update(member.read_bytes())
    return digest.hexdigest()
