"""Conflicts against a corpus's answer key: do we find where outlets disagree, and only there?

A fact key (`facts.json`, `evaluate.facts`) may list its story's conflicts:

    "conflicts": [{"what": "vehicles that fell into the river",
                   "sides": [[{"article": 2, "value": "seven"}, {"article": 4, "value": "seven"}],
                             [{"article": 5, "value": "nine"}]]}]

A side holds values that can all be right together; `value` is words of the article that gives it
(a figure, a date or a time as written, a place, the name of whom a quote is given to). A conflict
of `compare` finds the key's when two of its values on different sides stand for values on
different sides of the key's: of the same article, the words of the one within the other's.
Recall: the key's conflicts found. Precision: `compare`'s conflicts that find one of the key's; any
other is a false alarm. A key conflict marked `"either": true` (one a careful reader may raise or
let pass) counts neither way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsweave.errors import InputError
from newsweave.models import Conflict, ConflictValue

Value = tuple[int, str]  # (article line, the value's words, lower-cased and spaced)


@dataclass(frozen=True)
class KeyConflict:
    what: str
    sides: tuple[frozenset[Value], ...]
    either: bool = False


@dataclass(frozen=True)
class Tally:
    """How a corpus's conflicts score against its key."""

    true: int  # conflicts of `compare` that find a key's
    raised: int  # conflicts of `compare`, less those that find only `either` ones
    found: int  # the key's conflicts found, `either` ones aside
    known: int  # the key's conflicts, `either` ones aside

    def __add__(self, other: Tally) -> Tally:
        return Tally(
            self.true + other.true,
            self.raised + other.raised,
            self.found + other.found,
            self.known + other.known,
        )


def read_conflicts(
    key: Mapping[str, Any], texts: Mapping[int, str], where: Path
) -> list[KeyConflict]:
    """The key's conflicts, each value checked against the text of the article it names (a
    line of articles.jsonl → its text)."""
    conflicts = []
    for entry in key.get("conflicts", []):
        what = entry.get("what", "?")
        sides = entry.get("sides", [])
        if len(sides) < 2:
            raise InputError(f"{where}: conflict {what!r} has fewer than two sides")
        read = []
        for side in sides:
            values = set()
            for ref in side:
                text = texts.get(ref["article"])
                if text is None:
                    raise InputError(
                        f"{where}: conflict {what!r} names no article {ref['article']}"
                    )
                if not ref["value"].strip() or _words(ref["value"]) not in _words(text):
                    raise InputError(
                        f"{where}: conflict {what!r}: {ref['value']!r} is not in article "
                        f"{ref['article']}"
                    )
                values.add((ref["article"], _words(ref["value"])))
            read.append(frozenset(values))
        conflicts.append(KeyConflict(what, tuple(read), bool(entry.get("either"))))
    return conflicts


def tally(
    known: list[KeyConflict], raised: Iterable[Conflict], line_of: Mapping[str, int]
) -> Tally:
    """Score `compare`'s conflicts (`raised`) against the key's (`known`); `line_of` maps an
    article id to its line of articles.jsonl."""
    raised = list(raised)
    hits = [[k for k in known if _finds(c, k, line_of)] for c in raised]
    true = sum(1 for found in hits if any(not k.either for k in found))
    counted = sum(1 for found in hits if not found or any(not k.either for k in found))
    found = sum(1 for k in known if not k.either and any(k in found for found in hits))
    return Tally(true, counted, found, sum(1 for k in known if not k.either))


def _finds(conflict: Conflict, key: KeyConflict, line_of: Mapping[str, int]) -> bool:
    """Whether two values of `conflict` on different sides stand for values on different sides
    of `key`."""
    sides_of = [
        (value.side, {i for i, side in enumerate(key.sides) if _stands_for(value, side, line_of)})
        for value in conflict.values
    ]
    return any(
        side != other and any(i != j for i in mine for j in theirs)
        for side, mine in sides_of
        for other, theirs in sides_of
    )


def _stands_for(value: ConflictValue, side: frozenset[Value], line_of: Mapping[str, int]) -> bool:
    line, words = line_of.get(value.article), _words(value.value)
    return any(line == article and (words in given or given in words) for article, given in side)


def _words(text: str) -> str:
    """Lower-cased words between spaces, so that containment is of whole words: " 7 " is not
    in " 17 "."""
    return " " + " ".join(re.findall(r"\w+", text.lower())) + " "
