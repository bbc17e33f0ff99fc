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
    """Evaluation task name → its entry function `(path, limit=None) -> metrics`."""
    from newsweave.evaluate.alignment import evaluate_align
    from newsweave.evaluate.clustering import evaluate_cluster
    from newsweave.evaluate.extraction import evaluate_extract
    from newsweave.evaluate.quotes import evaluate_quotes

    return {
        "extract": evaluate_extract,
        "cluster": evaluate_cluster,
        "align": evaluate_align,
        "quotes": evaluate_quotes,
    }


def evaluate(
    task: str,
    path: str | Path,
    limit: int | None = None,
    split: str | None = None,
    settings: Settings | None = None,
) -> Metrics:
    """Run one evaluation task on a file (on one of its splits, for tasks that read splits);
    `settings` reach the tasks that run settings-driven stages (cluster, align)."""
    known = tasks()
    if task not in known:
        raise InputError(f"no evaluation task {task!r}; known: {', '.join(sorted(known))}")
    options: dict[str, Any] = {"limit": limit}
    if settings is not None and task in SETTINGS_TASKS:
        options["settings"] = settings
    if split is None:
        return known[task](path, **options)
    if task not in SPLIT_TASKS:
        raise InputError(f"eval {task} scores the whole file; --split works for: quotes")
    return known[task](path, split=split, **options)


# Tasks whose entry function takes `split=` (records carry a `split` field).
SPLIT_TASKS = frozenset({"quotes"})
# Tasks whose entry function takes `settings=`: `newsweave --settings FILE eval cluster …` runs
# another clusterer (cluster.v2, say) to reproduce its published score.
SETTINGS_TASKS = frozenset({"cluster", "align"})
