"""Shared fixtures: the seed articles (read in place from ../shared) and a demo database."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from newsweave.analyze import analyze_many
from newsweave.compare import compare
from newsweave.demo import load_demo
from newsweave.extract import extract
from newsweave.models import Article, Claim, RawDoc, Story
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
def aeb_pages() -> list[dict]:
    """The AEB dev pages (real news pages with gold text) from ../shared/eval, or a skip."""
    from newsweave.evaluate import read_jsonl

    corpus = SHARED / "eval" / "aeb-dev.jsonl"
    if not corpus.exists():
        pytest.skip(f"{corpus} is absent")
    return list(read_jsonl(corpus))


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


@pytest.fixture
def report() -> Callable[[str, list[str]], Article]:
    """Makes one outlet's report from its paragraphs, extracted as pasted text is."""

    def make(outlet: str, paragraphs: list[str]) -> Article:
        body = "\n\n".join(paragraphs)
        result = extract(RawDoc(source=f"{outlet}.txt", kind="text", body=body, outlet=outlet))
        assert isinstance(result, Article), result
        return result

    return make


@pytest.fixture
def story_claims() -> Callable[[list[Article]], list[Claim]]:
    """The claims `compare` finds when the given articles make one story."""

    def claims(articles: list[Article]) -> list[Claim]:
        analyses = {a.article_id: a for a in analyze_many(articles)}
        story = Story(id="s1", title="story", articles=tuple(a.id for a in articles))
        return list(compare(story, articles, analyses, []).claims)

    return claims
