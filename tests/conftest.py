"""Shared fixtures: the seed articles (read in place from ../shared) and a demo database."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.demo import load_demo
from newsweave.store import Store

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "examples" / "seeds"
SEED_NOISY = SEEDS / "000_134a1c22c0ce041d.txt"
SEED_CLEAN = SEEDS / "003_62b03a6368e8bb03.txt"


@pytest.fixture(scope="session")
def seeds() -> tuple[Path, Path]:
    """The two real reports of one event (noisy page capture, clean text)."""
    if not SEED_NOISY.exists():
        pytest.skip(f"seed articles not found at {SEEDS} (../shared must sit beside the repo)")
    return SEED_NOISY, SEED_CLEAN


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A database holding the processed demo corpus (built once per test session)."""
    path = str(tmp_path_factory.mktemp("demo") / "demo.db")
    load_demo(path)
    return path


@pytest.fixture
def demo_store(demo_db: str):
    with Store(demo_db) as store:
        yield store
