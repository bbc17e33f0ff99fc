"""Crowds: the figures that size the crowd at a happening, and whose estimate each is.

A match's crowd is counted at the gate ("in front of a crowd of 48,212", "watched by 41,500
spectators"). A march's is estimated, and news gives each estimate with who made it: "Police
put the crowd at about 18,000, while the organisers said 120,000 people had taken part". Two
outlets that give the police two figures disagree; the police's figure and the organisers'
are two estimates side by side, not a conflict. So an estimated crowd is read only with its
source, and compared only with the same source's.

Read from spaCy's parse of the figure (`numbers._figure_token`: the noun it counts, else the
number).
"""

from __future__ import annotations

from typing import Any

# Nouns of a crowd counted at a happening.
_CROWDS = frozenset({"crowd", "attendance"})
_SPECTATORS = frozenset({"spectator", "fan", "supporter", "people", "crowd", "onlooker"})
# Words of a crowd not at the happening: an audience on a screen, a crowd hoped for, an
# average, a record.
_NOT_AT_IT = frozenset(
    {"screen", "screens", "television", "tv", "online", "broadcast", "viewers"}
    | {"expected", "expects", "expect", "will", "hoped", "hopes", "draw", "average", "record"}
)
# What an estimate puts at a figure: "put the crowd at 18,000", "estimated attendance at".
_PUT = frozenset({"put", "estimate", "number", "place"})
# The people who make up a crowd, and what they did there: "120,000 people had taken part",
# "15,000 protesters marched", "drew about 18,000 people".
_MARCHERS = frozenset({"people", "person", "protester", "marcher", "demonstrator", "supporter"})
_TOOK_PART = frozenset({"march", "join", "attend", "gather", "rally", "protest", "demonstrate"})
# Verbs whose subject gives the figures of their clause: "Police said about 15,000 people took
# part".
_GIVING = frozenset({"say", "estimate", "put", "report", "claim", "count", "tell", "reckon"})
# What names an estimate's source after the figure: "by the police estimate", "by police
# count", "according to the organisers".
_ESTIMATES = frozenset({"estimate", "count", "figure", "tally", "reckoning"})


def read_crowd(token: Any) -> tuple[bool, str | None]:
    """Whether the figure `token` stands for is the crowd that saw a happening
    (`NumberMention.crowd`), and whose estimate it is (`NumberMention.crowd_by`, `source`):
    after "a crowd of" or "an attendance of", or the spectators a happening was "watched by",
    "attended by" or played "in front of"; or a crowd someone estimates. Not "3,000 people
    watched the match on a big screen": people told as doing something may be any crowd; nor
    an audience on a screen ("watched by 2 million people on television"), a crowd hoped for
    ("is expected to draw a crowd of 60,000"), an average or a record."""
    counted, estimated = _counted(token), _estimated(token)
    by = source(token) if counted or estimated else None
    seen = counted or (estimated and by is not None)
    if not seen or any(t.lower_ in _NOT_AT_IT for t in token.sent):
        return False, None
    return True, by


def _counted(token: Any) -> bool:
    head = token.head
    if token.dep_ != "pobj":
        return False
    if head.lower_ == "of" and head.head.lemma_ in _CROWDS:
        return True
    if token.lemma_ not in _SPECTATORS:
        return False
    if head.dep_ == "agent":
        return head.head.lemma_ in {"watch", "attend"}
    # "in front of 60,000 supporters"
    return head.lower_ == "of" and head.head.lower_ == "front" and head.head.head.lower_ == "in"


def _estimated(token: Any) -> bool:
    """Whether the figure sizes a crowd as estimates do: "put the crowd at about 18,000" (and
    the organisers "at 120,000" after it), "120,000 people had taken part", "drew about 18,000
    people" and "... and 120,000" after it. Not a part ("1,400 people from Dunmarrow joined
    the march")."""
    if token.dep_ == "pobj" and token.head.lower_ == "at":
        verb = token.head.head
        return verb.lemma_ in _PUT and any(
            c.dep_ == "dobj" and c.lemma_ in _CROWDS for c in verb.children
        )
    if token.dep_ == "conj" and token.pos_ == "NUM":  # "drew 18,000 people ... and 120,000"
        return any(c.dep_ == "dobj" and _estimated(c) for c in token.head.children)
    if token.lemma_ not in _MARCHERS or any(c.dep_ == "prep" for c in token.children):
        return False
    verb = token.head
    if token.dep_ == "dobj":
        return verb.lemma_ == "draw"
    if token.dep_ != "nsubj":
        return False
    if verb.lemma_ == "take":
        return any(c.dep_ == "dobj" and c.lower_ == "part" for c in verb.children)
    if verb.lemma_ == "turn":
        return any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)
    return verb.lemma_ in _TOOK_PART


def source(token: Any) -> str | None:
    """Whose estimate an estimated crowd figure is (`NumberMention.crowd_by`), as the lower-case
    words of the noun that names them: the one an estimate puts "at" the figure ("Police put
    the crowd at about 18,000 and the organisers at 120,000"), the subject of the verb of
    saying or estimating over it ("the organisers said 120,000 people had taken part"), or a
    phrase after it ("by the police estimate", "according to the organisers")."""
    if token.dep_ == "pobj" and token.head.lower_ == "at":
        at = token.head
        before = [c for c in at.head.children if c.dep_ == "dobj" and c.i < at.i]
        if before and before[-1].lemma_ not in _CROWDS:
            return _name(before[-1])  # "... and the organisers at 120,000"
    after = _named_after(token)
    if after is not None:
        return after
    verb = token.head
    while verb.dep_ != "ROOT" and verb.lemma_ not in _GIVING:
        verb = verb.head
    if verb.lemma_ in _GIVING:
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.pos_ in {"NOUN", "PROPN"}:
            return _name(subject)
    return None


def _named_after(token: Any) -> str | None:
    """The source a phrase right after the figure names, before any other figure: "by the
    police estimate", "by police estimates", "according to the organisers"."""
    for word in token.doc[token.i + 1 : token.sent.end]:
        if word.like_num:
            return None
        if word.lower_ == "by":
            estimate = next((c for c in word.children if c.dep_ == "pobj"), None)
            if estimate is not None and estimate.lemma_ in _ESTIMATES:
                whose = [c for c in estimate.children if c.dep_ in {"compound", "poss"}]
                return _name(whose[-1]) if whose else None
        if word.lower_ == "according" and word.i + 1 < len(word.doc) and word.nbor().lower_ == "to":
            whom = next((c for c in word.nbor().children if c.dep_ == "pobj"), None)
            return _name(whom) if whom is not None else None
    return None


def _name(noun: Any) -> str:
    """A source's name: the noun with its compounds, in lower case ("police", "organisers",
    "fair pensions coalition")."""
    words = [c for c in noun.lefts if c.dep_ == "compound"] + [noun]
    return " ".join(w.lower_ for w in words).removesuffix("'s").strip()
