"""Evaluation on labelled corpora (../shared/eval): one module per task, one entry function each.

    newsweave eval extract aeb-dev.jsonl --json

Every task reads its corpus format, runs the same stage functions the product runs, and returns a
flat dict of metrics; `tests/test_gates.py` holds the floors they must stay above.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from newsweave.errors import InputError
from newsweave.settings import Settings

Metrics = dict[str, Any]


def read_jsonl(path: str | Path, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """The records of an evaluation file, with a clear error for a missing or broken one."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such evaluation file")
    with path.open(encoding="utf-8") as f:
        for number, line in enumerate(f, start=1):
            if limit is not None and number > limit:
                return
            if not line.strip():
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{path}:{number} is not JSON: {exc.msg}") from None


def tasks() -> dict[str, Callable[..., Metrics]]:
    """Evaluation task name → its entry function `(path, limit=None, settings=None) -> metrics`."""
    from newsweave.evaluate.alignment import evaluate_align
    from newsweave.evaluate.clustering import evaluate_cluster
    from newsweave.evaluate.entities import evaluate_entities
    from newsweave.evaluate.extraction import evaluate_extract
    from newsweave.evaluate.facts import evaluate_facts
    from newsweave.evaluate.quotes import evaluate_quotes

    return {
        "extract": evaluate_extract,
        "cluster": evaluate_cluster,
        "align": evaluate_align,
        "quotes": evaluate_quotes,
        "entities": evaluate_entities,
        "facts": evaluate_facts,
    }


def evaluate(
    task: str,
    path: str | Path,
    limit: int | None = None,
    split: str | None = None,
    settings: Settings | None = None,
    shuffles: int = 0,
) -> Metrics:
    """Run one evaluation task on a file (on one of its splits, for tasks that read splits),
    under `settings` (the defaults when None), as the product would run; `cluster` also
    replays `shuffles` more orders of the documents."""
    known = tasks()
    if task not in known:
        raise InputError(f"no evaluation task {task!r}; known: {', '.join(sorted(known))}")
    if task not in DIRECTORY_TASKS:
        _check_format(task, path)
    if shuffles:
        if task != "cluster" or split is not None:
            raise InputError("--shuffles works for eval cluster, which reads no --split")
        return known[task](path, limit=limit, settings=settings, shuffles=shuffles)
    if split is None:
        return known[task](path, limit=limit, settings=settings)
    if task not in SPLIT_TASKS:
        raise InputError(f"eval {task} scores the whole file; --split works for: quotes")
    return known[task](path, limit=limit, split=split, settings=settings)


# Tasks that read a directory of corpora, not one JSONL file.
DIRECTORY_TASKS = frozenset({"facts"})

# Tasks whose entry function takes `split=` (records carry a `split` field).
SPLIT_TASKS = frozenset({"quotes"})

# The fields each task reads from every record (../shared/eval/README.md).
FIELDS = {
    "extract": ("html", "text"),
    "cluster": ("text", "gold_event_id"),
    "align": ("text", "sentences", "mentions"),
    "quotes": ("text", "annotations"),
    "entities": ("text", "mentions", "gold_event_id"),
}


def _check_format(task: str, path: str | Path) -> None:
    """A clear error for a file of another format, read from its first record: scoring it would
    fail far into the run, or print zeros."""
    first = next(read_jsonl(path), None)
    if first is None:
        raise InputError(f"{path} holds no records")
    if not isinstance(first, dict):
        raise InputError(f"{path}: its records are not JSON objects")
    if missing := [f for f in FIELDS.get(task, ()) if f not in first]:
        raise InputError(
            f"{path} is not in the format eval {task} reads: its records have no "
            + ", ".join(repr(f) for f in missing)
        )
