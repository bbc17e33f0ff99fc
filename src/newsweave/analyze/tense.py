"""Tense and aspect: what the verb of a date phrase's clause says of its place in time.

`dates.py` finds a date phrase and the verb whose clause it dates; this module reads that verb
(a spaCy token, with its auxiliaries among its children). A weekday or a month-day is read by a
loose tense (`is_future`: a present tense looks ahead, "flies on Friday"); a month, season or
quarter, whose two readings are a year apart, by a plainer one (`looks_ahead`), which may not
say. "Starting on Thursday" and "from Monday onwards" open a stretch still to come
(`opens_ahead`). `aspect_of` says whether the clause tells a happening still to come or one
done, which orders undated reports on the timeline.
"""

from __future__ import annotations

import re
from typing import Any

from newsweave.models import Aspect

FUTURE_AUXILIARIES = frozenset(["will", "'ll", "wo", "would", "shall"])  # "wo" as in "wo n't"
# Verbs whose object is a happening still to come when the verb is said: "have announced a visit".
PROSPECTIVE_VERBS = frozenset(
    ["announce", "plan", "schedule", "expect", "prepare", "promise", "pledge", "intend", "propose"]
)
# Past-tense verbs that tell of a decision about what is to come: "declared three days of
# mourning starting on Thursday" looks ahead; "a strike beginning on Monday shut the port" back.
ANNOUNCING_VERBS = PROSPECTIVE_VERBS | frozenset(
    [
        "say",
        "declare",
        "order",
        "decide",
        "agree",
        "approve",
        "vote",
        "confirm",
        "set",
        "call",
        "impose",
        "introduce",
        "extend",
        "warn",
        "tell",
        "issue",
        "sign",
        "adopt",
        "pass",
        "unveil",
    ]
)
# Past forms of irregular verbs that are no present form of any verb, which the model sometimes
# tags as a present ("church bells rang", tagged VBP): that tag cannot make them look ahead. (A
# participle is no present: "The festival is held in March" may look either way.)
# Not "read", "cut", "put", "set", "lay", "found", "saw" or "fell", present forms too.
# fmt: off
PRETERITES = frozenset([
    "ate", "began", "bit", "blew", "broke", "brought", "built", "bought", "came", "caught",
    "chose", "drew", "drank", "drove", "fled", "flew", "forgot", "froze", "gave", "went", "grew",
    "heard", "hid", "held", "kept", "knew", "led", "left", "lent", "lost", "made", "meant", "met",
    "paid", "rode", "rang", "rose", "ran", "sought", "sold", "sent", "shook", "shone", "shot",
    "shrank", "sang", "sank", "sat", "slept", "slid", "spoke", "spent", "sprang", "stood", "stole",
    "struck", "swore", "swept", "swam", "swung", "took", "taught", "tore", "told", "thought",
    "threw", "understood", "woke", "wore", "won", "wrote",
])
# fmt: on
# Verbs whose infinitive tells what came to pass, in their own tense: "forced Corvane to call
# off Monday's attempt" is past, where "decided to cancel Friday's match" may look ahead.
IMPLICATIVE_VERBS = frozenset(
    ["force", "compel", "oblige", "manage", "prompt", "cause", "lead", "help", "persuade"]
)
# Verbs whose infinitive comes in their own tense, as an implicative's does: a participle
# clause on the infinitive ("began to fall after peaking on Friday") takes that tense.
_TOLD_IN_HEAD = IMPLICATIVE_VERBS | frozenset(["begin", "start", "continue", "cease", "stop"])
# Auxiliaries that look ahead; not "could" or "can" ("could not be reached in March").
MODALS = FUTURE_AUXILIARIES | frozenset(["may", "might", "should", "must"])
PRESENT_BE = frozenset(["is", "are", "am", "'re"])
PERFECT = frozenset(["have", "has", "had", "'ve", "been"])
_FUTURE = re.compile(
    r"\b(?:will|would|shall|to|set to|due to|going to|scheduled|plans? to|expected to)\b", re.I
)
# What in a present-tense sentence, before the date, looks ahead ("is set for after May").
_AHEAD = re.compile(
    r"\b(?:set (?:to|for)|due (?:to|in|by)|going to|scheduled|plans? to|expected to)\b", re.I
)
# Words before or after a date that make it the start of something still to come.
_STARTING = re.compile(
    r"\b(?:starting|beginning|commencing|effective)\s+(?:(?:on|from)\s+)?$", re.I
)
_ONWARDS = re.compile(r"\s+onwards?\b", re.I)


def is_future(verb: Any | None, offset: int) -> bool:
    """Does the clause of `verb` around this offset speak of what is to come? The loose
    reading, for a weekday or a month-day: a present tense does ("flies on Friday")."""
    if verb is None:
        return False
    verb = _clause_verb(verb)
    if _implied(verb, offset):
        return is_future(verb.head, offset)
    auxiliaries = {c.lower_ for c in verb.children}
    # "is expected to be sentenced on Friday": an infinitive, as "to sentence" would be.
    if {"to", "be"} <= {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}:
        return True
    # "will be reopened": a participle after a future auxiliary; not "would have closed".
    if auxiliaries & FUTURE_AUXILIARIES and not auxiliaries & {"have", "'ve"}:
        return True
    # "should be done by Saturday": after an auxiliary that may look ahead, when the date is
    # the verb's own; not "may be charged over the brawl on Saturday night", a noun's day.
    if auxiliaries & MODALS and not auxiliaries & {"have", "'ve"} and _hangs_on(verb, offset):
        return True
    # "is set for after May": a participle in the present passive.
    passive = {c.lower_ for c in verb.children if c.dep_ == "auxpass"}
    if verb.tag_ == "VBN" and passive and passive <= PRESENT_BE and not auxiliaries & PERFECT:
        return True
    if verb.tag_ in {"VBD", "VBN"} or _past_form(verb):
        return False
    if verb.tag_ in {"VBZ", "VBP", "VB"} or read_as_noun(verb):
        return True
    sentence = verb.sent.text
    return bool(_FUTURE.search(sentence[: max(offset - verb.sent.start_char, 0)]))


def _past_form(verb: Any) -> bool:
    """Whether a verb the model tagged otherwise is told in the past: an irregular past form
    ("rang"), or a happening named after "since" ("trapped since a roof collapse late on
    Tuesday", where "collapse" is a noun the model read as a verb)."""
    return (verb.tag_ in {"VBP", "VBZ"} and verb.lower_ in PRETERITES) or (
        verb.dep_ == "pobj" and verb.head.lower_ == "since"
    )


def read_as_noun(token: Any) -> bool:
    """Whether a plural noun is a verb in the present tense that the model read as a noun
    after a noun it took for its modifier: "The new ferry sails on Friday", "The ship docks in
    Lisbon on Friday" ("ferry sails", "ship docks"). Only when nothing it heads is a verb: then
    the clause has no verb of its own, and news tells no verbless happening."""
    if token.pos_ != "NOUN" or token.tag_ != "NNS":
        return False
    # A clause's head, or what "said" says: "said the first ferry sails on Friday".
    if token.dep_ not in {"ROOT", "ccomp", "conj"} and not (
        token.dep_ == "dobj" and token.head.lemma_ == "say"
    ):
        return False
    if any(t.pos_ in {"VERB", "AUX"} for t in token.subtree):
        return False
    before = token.doc[token.i - 1] if token.i else None
    return (
        before is not None
        and before.dep_ == "compound"
        and before.head.i == token.i
        and before.tag_ in {"NN", "NNP"}
    )


def _implied(verb: Any, offset: int) -> bool:
    """Is this verb an infinitive that an implicative verb (`IMPLICATIVE_VERBS`) says came to
    pass, and the date phrase at `offset` its time, so that the phrase takes that verb's tense?
    Not a day it moves something to ("forced organisers to move the final to Sunday", "until
    Monday") nor a noun's day ("forced him to pull out of Sunday's race"), which may be ahead."""
    return (
        verb.dep_ == "xcomp"
        and verb.tag_ == "VB"
        and any(c.lower_ == "to" for c in verb.children if c.dep_ == "aux")
        and verb.head.i != verb.i
        and verb.head.lemma_.lower() in IMPLICATIVE_VERBS
        and _dates(verb, offset)
    )


def _dates(verb: Any, offset: int) -> bool:
    """Does the date phrase at `offset` give the time of `verb` itself: "on Monday", "in
    March", a bare "Monday" hanging on it?"""
    span = verb.doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    token = span[0]
    if token.dep_ not in {"prep", "pobj"}:
        return token.dep_ == "npadvmod" and token.head.i == verb.i
    prep = token if token.dep_ == "prep" else token.head
    return prep.lower_ in {"on", "in", "at"} and prep.head.i == verb.i


# Verbs whose object's bare infinitive happens when they do: "watched the flames cross". Not
# "help", "make" or "let", whose infinitive may come later ("helped clear the way for a vote on
# Friday", "made the council postpone the parade until Sunday").
_SEEING = frozenset({"see", "watch", "hear", "feel", "notice", "observe"})


def _hangs_on(verb: Any, offset: int) -> bool:
    """Does the date phrase at `offset` hang on `verb` itself ("done by Saturday", "reopen
    Monday"), not on a noun ("charged over the brawl on Saturday night")?"""
    span = verb.doc.char_span(offset, offset + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    token = span[0]
    if token.i > 0 and _of_a_cause(token.doc[token.i - 1]):
        return False  # "fined over the overrun on Sunday": the overrun's day, not the fine's
    while token.dep_ in {"compound", "amod", "det", "nummod"} and token.head.i != token.i:
        token = token.head  # "Tuesday" of "Tuesday evening"
    if token.dep_ == "pobj":
        token = token.head
    # "must be cleared by Sunday": the parser reads "by" as the passive's agent
    return token.head.i == verb.i and token.dep_ in {"prep", "agent", "npadvmod", "advmod", "tmod"}


# Prepositions that name what a verb of blame or inquiry is over: "charged over the brawl",
# "questioned about the stabbing", "an inquiry into the derailment". Not "for" or "after",
# which as often name what is to come ("closed for the marathon on Sunday", "allowed home after
# the inspection on Friday").
_CAUSES = frozenset({"over", "about", "into"})


def _of_a_cause(token: Any) -> bool:
    """Whether a noun is the object of a preposition of cause (`_CAUSES`), directly or as the
    last word of its phrase ("over the brawl outside the stadium")."""
    while token.pos_ in {"NOUN", "PROPN"} and token.dep_ == "pobj":
        prep = token.head
        if prep.lower_ in _CAUSES:
            return True
        token = prep.head  # "outside the stadium" of "the brawl outside the stadium"
    return False


def _clause_verb(verb: Any) -> Any:
    """The verb whose tense a participle clause takes: "Speaking to supporters on Sunday, she
    had said" is told in the past of "had said"; "is speaking on Sunday" keeps its own. So does
    a bare infinitive after a verb of seeing: "watched the flames cross the road on Tuesday
    evening" is told in the past of "watched"."""
    if (
        verb.tag_ == "VB"
        and verb.dep_ in {"ccomp", "xcomp"}
        and verb.head.lemma_.lower() in _SEEING
        and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)
    ):
        return verb.head
    while (
        verb.tag_ == "VBG"
        and verb.dep_ in {"advcl", "pcomp"}
        and not any(c.dep_ == "aux" for c in verb.children)
    ):
        head = verb.head
        while head.pos_ == "ADP" and head.head.i != head.i:
            head = head.head  # "Speaking to cheering supporters": through "to"
        if head.pos_ not in {"VERB", "AUX"} or head.i == verb.i:
            break
        verb = head
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _TOLD_IN_HEAD:
            # "began to fall on Saturday after peaking on Friday": in the tense of "began"
            verb = verb.head
    return verb


def is_hypothetical(verb: Any | None) -> bool:
    """A modal perfect: "would have been held on 31 October" tells of a day that did not come
    to pass, which may lie on either side of publication."""
    if verb is None:
        return False
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    return bool(auxiliaries & MODALS) and bool(auxiliaries & {"have", "'ve"})


def looks_ahead(verb: Any | None, offset: int) -> bool | None:
    """Does the clause plainly speak of what is to come (True: "will", "may", "expects", "is
    planned", "to stay", "due to") or of what is done (False: a past tense)? None when it
    cannot say: "the one sign is a report in September" and "demand is growing in March"
    may look either way. A month or a season is a year apart on either side, so it is
    read by a plainer tense than a weekday is (`is_future`)."""
    if verb is None:
        return None
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    if auxiliaries & MODALS:
        return not auxiliaries & {"have", "'ve"}  # "would have closed in March"
    if auxiliaries & {"could", "can", "ca"}:
        return None  # "could not be reached", "could be concluded"
    if verb.tag_ == "VBD" or auxiliaries & {"did", "was", "were"} or _past_form(verb):
        return False
    if verb.tag_ == "VBN" and not (auxiliaries and auxiliaries <= PRESENT_BE):
        return False  # "has been closed", "a report released in March"; not "is set for May"
    if verb.lemma_ in PROSPECTIVE_VERBS and (verb.tag_ in {"VBZ", "VBP"} or auxiliaries):
        return True  # "expects a charge in the second quarter", "is planned for May"
    if _implied(verb, offset):
        return looks_ahead(verb.head, offset)  # "led the firm to cut 300 jobs in March": done
    if verb.tag_ == "VB" and not auxiliaries & {"do", "does"}:
        # "to stay weak through the summer"; but "wanted to leave in March" may be either.
        head = verb.head
        if head.i != verb.i and head.pos_ in {"VERB", "AUX"}:
            return looks_ahead(head, offset) or None  # "expect demand to stay"; "agreed to"
        return None if head.pos_ in {"NOUN", "PROPN"} else True  # "the plan to meet"
    sentence = verb.sent.text
    return bool(_AHEAD.search(sentence[: max(offset - verb.sent.start_char, 0)])) or None


def opens_ahead(text: str, start: int, end: int, verb: Any | None, *, month: bool) -> bool:
    """Does the day or month phrase at `text[start:end]` open a stretch still to come
    ("starting on Thursday", "beginning Monday", "from 1 July onwards")? Not in a sentence that
    tells a past happening ("a strike beginning on Monday shut the port"), only in one that
    tells a decision or is not past; for a `month`, only in one that is not past ("the council
    ordered repairs beginning in June" may be months old)."""
    before = text[max(start - 40, 0) : start]
    if not (_STARTING.search(before) or _ONWARDS.match(text, end)):
        return False
    if verb is None:
        return True
    # The verb of the clause that "starting" hangs from: "declared ... starting on Thursday".
    while (verb.tag_ == "VBG" or verb.pos_ not in {"VERB", "AUX"}) and verb.head.i != verb.i:
        verb = verb.head
    told = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    past = verb.tag_ == "VBD" or (verb.tag_ == "VBN" and not (told and told <= PRESENT_BE))
    return not past or (verb.lemma_ in ANNOUNCING_VERBS and not month)


def aspect_of(verb: Any | None) -> Aspect | None:
    """Prospective when the clause looks ahead: a future auxiliary, or a verb such as "announce"
    whose object is still to come, unless in the simple past ("announced the visit on Monday"
    dates the announcement); completed when in a past tense; else None."""
    if verb is None or verb.pos_ not in {"VERB", "AUX"}:
        return None
    auxiliaries = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    if auxiliaries & FUTURE_AUXILIARIES or (
        verb.lemma_ in PROSPECTIVE_VERBS and verb.tag_ != "VBD"
    ):
        return "prospective"
    if verb.tag_ == "VBD" or (verb.tag_ == "VBN" and auxiliaries & {"have", "has", "had", "'ve"}):
        return "completed"
    return None
