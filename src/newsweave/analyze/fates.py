"""Fates: what happened to the people a number counts, when it is one of the things news counts
people for ("12 people were killed", "forcing about 300 people to leave their homes").

Reports of one disaster, attack or raid give the toll, the injured, the evacuated, the missing,
the rescued and the arrested, each in its own words: "forced 300 people from their homes" and
"250 residents were evacuated" count one thing. Read from spaCy's parse of the counted noun:
the verb it is the object of ("killed 14 people"), the passive subject of ("were evacuated"),
the subject of when the verb befalls its subject ("12 people died", "residents fled"), or a
participle after it ("300 people evacuated from the area").
"""

from __future__ import annotations

from typing import Any

Fate = str

# Verbs done to the people they count: they must be the object or the passive subject
# ("Gunmen killed 30" counts the killed, not the gunmen).
_DONE_TO: dict[str, Fate] = {
    "kill": "killed",
    "injure": "injured",
    "hurt": "injured",
    "wound": "injured",
    "evacuate": "evacuated",
    "displace": "evacuated",
    "rehouse": "evacuated",
    "rescue": "rescued",
    "arrest": "arrested",
    "detain": "arrested",
}
# Verbs that befall their subject: "12 people died", "250 residents fled", "300 residents
# evacuated overnight" (with no object: "firefighters evacuated the building" is who acted).
_BEFALLS: dict[str, Fate] = {"die": "killed", "perish": "killed", "flee": "evacuated"}
_OF_ITSELF_TOO = {"evacuate": "evacuated"}
# What people are left, remain or are reported: "left 3,000 people homeless", "five people
# dead", "40 people remain missing".
_STATES: dict[str, Fate] = {
    "dead": "killed",
    "injured": "injured",
    "homeless": "evacuated",
    "missing": "missing",
}
# Made to leave home: "forced 300 people from their homes", "300 people left their homes".
_HOMES = frozenset({"home", "house", "flat", "apartment"})
_MADE_TO = frozenset({"force", "drive", "order", "tell", "cause"})


def fate(noun: Any) -> Fate | None:
    """What happened to the people `noun` (a spaCy token, the counted noun) stands for:
    "killed", "injured", "evacuated", "missing", "rescued" or "arrested", else None."""
    for child in noun.children:
        # "300 people evacuated from the area spent the night in a school": a participle
        # after the noun tells what befell them, whatever the clause's verb
        if child.dep_ == "acl" and child.tag_ == "VBN" and (found := _done_to(child, noun)):
            return found
    if noun.head.pos_ not in {"VERB", "AUX"}:
        return None
    if noun.dep_ in {"dobj", "nsubjpass"}:
        return _done_to(noun.head, noun)
    if noun.dep_ == "nsubj":
        return _befalling(noun.head)
    return None


def _done_to(verb: Any, noun: Any) -> Fate | None:
    if found := _DONE_TO.get(verb.lemma_):
        return found
    # The parser hangs a state or a "from" on the verb or on the noun, sentence by sentence.
    for child in [*verb.children, *noun.children]:
        if child.dep_ in {"oprd", "acomp", "xcomp", "amod"} and child.lower_ in _STATES:
            return _STATES[child.lower_]  # "left 3,000 people homeless", "40 people injured"
    if verb.lemma_ in _MADE_TO or verb.lemma_ == "leave":
        if _from_home(verb) or _from_home(noun):
            return "evacuated"  # "forced 300 people from their homes"
        for child in verb.children:
            # "forcing 300 people to leave their homes", "ordered 300 people to evacuate"
            if child.dep_ in {"xcomp", "ccomp"} and child.pos_ == "VERB":
                return _befalling(child, made=True)
    return None


def _befalling(verb: Any, made: bool = False) -> Fate | None:
    lemma = verb.lemma_
    if found := _BEFALLS.get(lemma):
        return found
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if lemma in _OF_ITSELF_TOO and (made or not objects):
        return _OF_ITSELF_TOO[lemma]
    if lemma == "leave" and (_from_home(verb) or any(o.lemma_ in _HOMES for o in objects)):
        return "evacuated"  # "300 people left their homes"
    for child in verb.children:
        if child.dep_ in {"acomp", "oprd"} and child.lower_ in _STATES:
            return _STATES[child.lower_]  # "40 people remain missing", "were dead"
    return None


def _from_home(token: Any) -> bool:
    """Whether a verb or noun has "from (their) homes" ("forced 300 people from their homes")."""
    return any(
        child.dep_ == "prep"
        and child.lower_ == "from"
        and any(p.dep_ == "pobj" and p.lemma_ in _HOMES for p in child.children)
        for child in token.children
    )
