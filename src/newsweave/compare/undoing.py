"""Acts and the acts that undo them: "closed its restaurants on Wednesday" and "will reopen
them on Monday", "was detained overnight" and "was released on Sunday".

MiniLM reads such sentences alike (0.70-0.90: the same doer, the same thing, the same place),
but no one fact is told both ways; an act and its undoing are two happenings, which the
timeline orders. Unlike "rose" and "fell" (one figure told two ways may be a conflict), one
report's "closed" never contradicts another's "reopened".
"""

from __future__ import annotations

import re
from collections.abc import Sequence, Set

import numpy as np

from newsweave.compare.occasions import since
from newsweave.models import DateMention

# Verb lemmas (as `DateMention.verb` gives them) of an act, and of the acts that undo it. Only
# undoing the act on the same thing: a verb pair that may tell one happening from its two
# sides is left out, as a review found ("the union suspended its strike" and "train services
# resumed", "a ceasefire began" and "fighting ended", "introduced a fee for bags" and "scrapped
# free bags"), and so are converse pairs ("won" and "lost"). "open" is out too: "opened fire".
UNDOINGS: tuple[tuple[frozenset[str], frozenset[str]], ...] = (
    (frozenset({"close", "shut", "close down", "shut down"}), frozenset({"reopen"})),
    (
        frozenset({"arrest", "detain", "jail", "imprison", "kidnap", "abduct"}),
        frozenset({"release", "free"}),
    ),
    (frozenset({"impose", "ban", "lock down"}), frozenset({"lift"})),
)

# "release" frees someone when told in the passive ("was released on bail"); in the active it
# as often publishes ("police released a statement", "the court released its verdict").
_RELEASED = re.compile(r"\b(?:was|were|be|been|being)\s+(?:\w+\s+)?released\b", re.IGNORECASE)
# "set" frees someone only as "set free" ("was set free on Sunday", "set the hostages free").
_SET_FREE = re.compile(r"\bset\s+(?:\w+\s+){0,3}?free\b", re.IGNORECASE)


def acts(dates: Sequence[DateMention], text: str) -> set[str]:
    """The acts a sentence's date phrases date (`DateMention.verb`): not a state a phrase
    dates from ("Orsk, detained since March, returned home"; "which had been shut since
    Friday"), nor "release" in the active. "Set free" is freeing."""
    found = set()
    for d in dates:
        if not d.verb or since(d):
            continue
        if d.verb == "release" and not _RELEASED.search(text):
            continue
        found.add("free" if d.verb == "set" and _SET_FREE.search(text) else d.verb)
    return found


def undone(told: Sequence[Set[str]]) -> np.ndarray:
    """Which pairs of sentences, by the acts each dates (`told[i]` for sentence i, `acts`),
    tell an act and its undoing: one tells only the act, the other only its undoing. A sentence
    telling both ("closed on Wednesday and will reopen on Monday") stands on neither side."""
    apart = np.zeros((len(told), len(told)), dtype=bool)
    for act, undoing in UNDOINGS:
        does = np.array([bool(a & act) for a in told])
        undoes = np.array([bool(a & undoing) for a in told])
        only_does, only_undoes = does & ~undoes, undoes & ~does
        apart |= np.outer(only_does, only_undoes)
    return apart | apart.T
