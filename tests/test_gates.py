"""The quality gate: each evaluation on ../shared/eval (or on the repository's own corpora, for a
floor that names a `dir`) must stay at or above its pinned floor."""

import tomllib
from pathlib import Path

import pytest

from newsweave.evaluate import evaluate
from newsweave.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
FLOORS = tomllib.loads((ROOT / "tests" / "floors.toml").read_text())


@pytest.mark.parametrize("task", sorted(FLOORS))
def test_quality_stays_above_its_floor(task):
    floors = dict(FLOORS[task])
    corpus = ROOT / floors.pop("dir") if "dir" in floors else EVAL / floors.pop("file")
    if not corpus.exists():
        pytest.skip(f"{corpus} is absent: the gate needs ../shared/eval beside the repo")
    # A gate may hold a task under other settings ("extract_fast": extraction in fast mode).
    settings = Settings.from_dict(floors.pop("settings", {}))
    metrics = evaluate(floors.pop("task", task), corpus, settings=settings)
    for name, floor in floors.items():
        value = metrics
        for part in name.split("."):
            value = value[part]
        assert value >= floor, f"{task} {name} fell to {value:.4f}, below its floor {floor}"
