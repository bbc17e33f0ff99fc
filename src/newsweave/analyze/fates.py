"""Fates: what befell the people a number counts, when news counts people for it ("12 people
were killed", "forcing about 300 people to leave their homes").

Reports of one disaster or attack give the toll, the injured, the evacuated and the missing,
each in its own words: "forced 300 people from their homes" and "250 residents were evacuated"
count one thing. Read from spaCy's parse of the counted noun: the verb it is the object of
("killed 14 people"), the passive subject of ("were evacuated"), the subject of when the verb
befalls its subject ("12 people died", "residents fled"), or a participle after it ("300
people evacuated from the area").

Only whole counts of what did happen: not what may ("could force 2,000 people from their
homes"), was ordered or tried ("ordered 5,000 people to evacuate", "trying to rescue 40"), or
did not; not a part ("seven people from one family", "twelve were seriously injured") nor a
count added to another ("another 150 residents"). Arrests, rescues and the taken to hospital
are read too, to name what a count is of ("people arrested"), but they are no toll (`TOLLS`):
crews, days and hospitals each count their own, and the counts add up rather than compete.
"""

from __future__ import annotations

from typing import Any

Fate = str

# The fates a story's reports count once, of one happening (`compare.counts`).
TOLLS = frozenset({"killed", "injured", "evacuated", "missing"})

# Verbs done to the people they count: they must be the object or the passive subject
# ("Gunmen killed 30" counts the killed, not the gunmen).
_DONE_TO: dict[str, Fate] = {
    "kill": "killed",
    "injure": "injured",
    "hurt": "injured",
    "wound": "injured",
    "evacuate": "evacuated",
    "displace": "evacuated",
    "arrest": "arrested",
    "detain": "arrested",
    "rescue": "rescued",
    "hospitalise": "taken to hospital",
    "hospitalize": "taken to hospital",
}
# Verbs that take people to hospital: "Nine people have been admitted to hospital".
_TO_HOSPITAL = frozenset({"admit", "take", "rush", "fly"})
# Verbs that befall their subject: "12 people died", "250 residents fled", "300 residents
# evacuated overnight" (with no object: "firefighters evacuated the building" is who acted).
_BEFALLS: dict[str, Fate] = {"die": "killed", "perish": "killed", "flee": "evacuated"}
# What people are left or remain: "five people dead", "40 people remain missing".
_STATES: dict[str, Fate] = {"dead": "killed", "injured": "injured", "missing": "missing"}
# Made to leave home: "forced 300 people from their homes", "300 people left their homes".
_HOMES = frozenset({"home", "house", "flat", "apartment"})
_MADE_TO = frozenset({"force", "drive", "cause"})
# A verb in the infinitive under one of these, or with a modal, a negation or an "if", tells
# what did not (or not yet) happen: "may need to evacuate 500 people", "were told not to leave
# their homes", "ordered 5,000 people to evacuate".
_NOT_DONE = frozenset(
    {"try", "seek", "attempt", "plan", "prepare", "threaten", "expect", "order", "tell", "ask"}
    | {"urge", "advise", "want", "need", "hope", "aim"}
)
# Verbs whose clause may not have happened at all: "warned that the fire could force ...",
# "denied that 200 people had been evacuated".
_DOUBTED = frozenset({"warn", "fear", "deny", "predict"})
_MODALS = frozenset({"may", "might", "could", "would", "will", "shall", "should", "must", "can"})
# Words that make a count a part of the whole ("seriously injured") or an addition to it.
_DEGREES = frozenset({"seriously", "critically", "badly", "severely", "gravely", "slightly"})
_ADDED = frozenset({"another", "further", "additional", "extra"})
# A phrase after the noun that says where they were is no part ("30 people in the market"):
# whether two places are one is `compare.places`' to say.
_WHERE = frozenset({"in", "at", "across", "throughout"})


def fate(noun: Any) -> Fate | None:
    """What befell the people `noun` (a spaCy token, the counted noun) stands for: "killed",
    "injured", "evacuated" or "missing" (`TOLLS`), "arrested", "rescued" or "taken to
    hospital", else None."""
    if _part(noun):
        return None
    for child in noun.children:
        # "300 people evacuated from the area spent the night in a school": a participle
        # after the noun tells what befell them, whatever the clause's verb
        if child.dep_ == "acl" and child.tag_ == "VBN" and (found := _done(child, noun)):
            return found
    if noun.head.pos_ not in {"VERB", "AUX"}:
        return None
    if noun.dep_ in {"dobj", "nsubjpass"}:
        return _done(noun.head, noun)
    if noun.dep_ == "nsubj" and _happened(noun.head):
        return _befalling(noun.head)
    return None


def _done(verb: Any, noun: Any) -> Fate | None:
    return _done_to(verb, noun) if _happened(verb) else None


def _done_to(verb: Any, noun: Any) -> Fate | None:
    if found := _DONE_TO.get(verb.lemma_):
        return found
    if verb.lemma_ in _TO_HOSPITAL and any(
        c.dep_ == "prep" and c.lower_ == "to" and any(h.lower_ == "hospital" for h in c.children)
        for c in verb.children
    ):
        return "taken to hospital"
    # The parser hangs a state or a "from" on the verb or on the noun, sentence by sentence.
    for child in [*verb.children, *noun.children]:
        if child.dep_ in {"oprd", "acomp", "xcomp", "amod"} and child.lower_ in _STATES:
            return _STATES[child.lower_]  # "left five people dead", "40 people injured"
    if verb.lemma_ in _MADE_TO or verb.lemma_ == "leave":
        if _from_home(verb) or _from_home(noun):
            return "evacuated"  # "forced 300 people from their homes"
        for child in verb.children:
            # "forcing 300 people to leave their homes"
            if child.dep_ in {"xcomp", "ccomp"} and child.pos_ == "VERB" and _happened(child):
                return _befalling(child, made=True)
    return None


def _befalling(verb: Any, made: bool = False) -> Fate | None:
    lemma = verb.lemma_
    if found := _BEFALLS.get(lemma):
        return found
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if lemma == "evacuate" and (made or not objects):
        return "evacuated"
    if lemma == "leave" and (_from_home(verb) or any(o.lemma_ in _HOMES for o in objects)):
        return "evacuated"  # "300 people left their homes"
    for child in verb.children:
        if child.dep_ in {"acomp", "oprd"} and child.lower_ in _STATES:
            return _STATES[child.lower_]  # "40 people remain missing", "were dead"
    return None


def _happened(verb: Any) -> bool:
    """Whether the verb tells what did happen: neither it nor a verb it hangs from has a
    modal, a negation or an "if"; it is not the infinitive of a verb of trying or ordering
    ("trying to rescue 40 people", "ordered 5,000 people to evacuate") nor what a verb of
    warning or denying says ("warned that ..."), and it tells no part of a whole ("seriously
    injured")."""
    below = verb  # the token on the way up from `verb` that hangs from `token`
    for token in [verb, *verb.ancestors]:
        if token.pos_ in {"VERB", "AUX"}:
            if token is not verb and (
                (below.dep_ == "xcomp" and token.lemma_ in _NOT_DONE) or token.lemma_ in _DOUBTED
            ):
                return False
            for child in token.children:
                if child.dep_ == "neg" or (child.dep_ == "aux" and child.lower_ in _MODALS):
                    return False
                if child.dep_ == "mark" and child.lower_ in {"if", "unless"}:
                    return False
        below = token
    return not any(c.dep_ == "advmod" and c.lower_ in _DEGREES for c in verb.children)


def _part(noun: Any) -> bool:
    """Whether the counted people are a part of those it befell, or added to an earlier count:
    a phrase after the noun ("seven people from one family", "3,000 people near the plant",
    "those who"), "alone" ("in Kochi alone"), or "another", "a further", "150 more"."""
    for child in noun.children:
        if child.dep_ == "relcl" or (
            child.dep_ == "prep"
            and child.lower_ not in _WHERE
            and not _home(child)
            and not _of_them(child)
        ):
            return True
    if any(t.lower_ == "alone" for t in noun.sent):
        return True  # "In Kochi alone, the storm killed eight people"
    return any(
        t.lower_ in _ADDED or (t.lower_ == "more" and t.nbor().lower_ != "than")
        for t in noun.subtree
        if t.i < noun.i
    )


def _of_them(prep: Any) -> bool:
    """Whether a preposition is "of them" ("11 of them were taken to hospital"): all whom a
    fate befell, of people counted before."""
    return prep.lower_ == "of" and any(p.dep_ == "pobj" and p.pos_ == "PRON" for p in prep.children)


def _from_home(token: Any) -> bool:
    """Whether a verb or noun has "from (their) homes" ("forced 300 people from their homes")."""
    return any(child.dep_ == "prep" and _home(child) for child in token.children)


def _home(prep: Any) -> bool:
    """Whether a preposition is "from (their) homes"."""
    return prep.lower_ == "from" and any(
        p.dep_ == "pobj" and p.lemma_ in _HOMES for p in prep.children
    )
