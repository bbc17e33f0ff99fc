from pathlib import Path

import pytest

from newsweave.errors import SettingsError
from newsweave.settings import Settings, markdown, table

ROOT = Path(__file__).resolve().parents[1]


def test_a_user_file_overrides_only_the_keys_it_sets(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text("[cluster]\nthreshold = 0.5\n")
    settings = Settings.load(path)
    assert settings.cluster.threshold == 0.5
    assert settings.cluster.max_gap_days == Settings().cluster.max_gap_days
    assert settings.extract == Settings().extract


def test_unknown_keys_are_errors_with_a_suggestion(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text("[cluster]\nthreshhold = 0.5\n")
    with pytest.raises(SettingsError, match="did you mean 'threshold'"):
        Settings.load(path)


def test_wrong_types_and_bad_toml_are_errors(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text('[extract]\nmin_chars = "many"\n')
    with pytest.raises(SettingsError, match="must be int"):
        Settings.load(path)
    path.write_text("[extract\n")
    with pytest.raises(SettingsError, match="not valid TOML"):
        Settings.load(path)
    with pytest.raises(SettingsError, match="does not exist"):
        Settings.load(tmp_path / "missing.toml")


@pytest.mark.parametrize(
    ("section", "line", "bounds"),
    [
        ("dedupe", "num_perm = 0", "at least 1"),  # datasketch would fail on the first article
        ("compare", "claim_similarity = 7", "from 0 to 1"),  # a similarity is 0-1
        ("cluster", "threshold = -5", "from 0 to 1"),
        ("brief", "summary_sentences = 0", "at least 1"),
    ],
)
def test_a_value_out_of_its_range_is_an_error(tmp_path, section, line, bounds):
    path = tmp_path / "mine.toml"
    path.write_text(f"[{section}]\n{line}\n")
    with pytest.raises(SettingsError, match=f"must be {bounds}"):
        Settings.load(path)


def test_every_setting_has_help():
    for row in table():
        assert len(row.help) > 20, f"{row.section}.{row.name} needs a real help text"


def test_settings_doc_is_current():
    doc = (ROOT / "docs" / "settings.md").read_text()
    assert doc == markdown(), "regenerate with: newsweave settings --markdown > docs/settings.md"
