"""Acts and the acts that undo them: "closed its restaurants on Wednesday" and "will reopen
them on Monday", "was detained overnight" and "was released on Sunday".

MiniLM reads such sentences alike (0.70-0.90: the same doer, the same thing, the same place),
but no one fact is told both ways; an act and its undoing are two happenings, which the
timeline orders. Unlike "rose" and "fell" (one figure told two ways may be a conflict), one
report's "closed" never contradicts another's "reopened".
"""

from __future__ import annotations

from collections.abc import Sequence, Set

import numpy as np

# Verb lemmas (as `DateMention.verb` gives them) of an act, and of the acts that undo it. Only
# undoing over time: converse pairs ("won" and "lost", "bought" and "sold") tell one happening
# from its two sides.
UNDOINGS: tuple[tuple[frozenset[str], frozenset[str]], ...] = (
    (
        frozenset({"close", "shut", "close down", "shut down", "suspend", "halt", "stop"}),
        frozenset({"open", "reopen", "resume", "restart"}),
    ),
    (
        frozenset({"arrest", "detain", "jail", "imprison", "kidnap", "abduct"}),
        frozenset({"release", "free"}),
    ),
    (frozenset({"impose", "introduce", "ban"}), frozenset({"lift", "scrap", "end"})),
    (frozenset({"begin", "start", "launch"}), frozenset({"end", "finish", "call off"})),
)


def undone(acts: Sequence[Set[str]]) -> np.ndarray:
    """Which pairs of sentences, by the acts each dates (`acts[i]` for sentence i), tell an act
    and its undoing: one tells only the act, the other only its undoing. A sentence telling
    both ("closed on Wednesday and will reopen on Monday") stands on neither side."""
    apart = np.zeros((len(acts), len(acts)), dtype=bool)
    for act, undoing in UNDOINGS:
        does = np.array([bool(a & act) for a in acts])
        undoes = np.array([bool(a & undoing) for a in acts])
        only_does, only_undoes = does & ~undoes, undoes & ~does
        apart |= np.outer(only_does, only_undoes)
    return apart | apart.T
