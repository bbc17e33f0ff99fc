"""Estimates: the figures that size the crowd at a happening or value a thing, and whose
estimate each is.

A match's crowd is counted at the gate ("in front of a crowd of 48,212", "watched by 41,500
spectators"). A march's is estimated, and news gives each estimate with who made it: "Police
put the crowd at about 18,000, while the organisers said 120,000 people had taken part". Two
outlets that give the police two figures disagree; the police's figure and the organisers'
are two estimates side by side, not a conflict. So an estimated crowd is read only with its
source, and compared only with the same source's.

A sum is valued the same way: "Harrowmere Mutual, the museum's insurer, valued the stolen
pieces at 6.4 million" is the insurer's figure, not what a report states the pieces are worth,
and the director's "more than 20 million" beside it is another valuer's. What a report states
the stolen goods are worth, with no valuer ("stole 14 pieces of jewellery worth 8.5 million",
"The stolen jewels are worth 12 million"), is the one worth of the one haul.

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
# Verbs that value a thing at a sum: "valued the pieces at", "priced at"; and that estimate
# one ("put the damage at", "estimated the loss at").
_VALUE = frozenset({"value", "price"})
_ESTIMATE = frozenset({"estimate", "put", "assess", "place"})
# Verbs of stealing, and nouns of what was stolen: "stole jewellery worth", "the haul was
# worth"; and the verbs that make stealing no theft ("tried to steal a crown worth").
_STEAL = frozenset({"steal", "loot", "snatch", "pilfer", "embezzle"})
_HAULS = frozenset({"haul", "loot", "booty"})
_NOT_DONE = frozenset({"try", "attempt", "fail", "plan", "seek", "want", "aim", "intend"})
# Getting away with the goods: "made off with jewellery worth", "got away with". Not "escaped
# with" nor "fled with": refugees flee with belongings worth little, a champion escapes with a
# purse.
_GOT_AWAY = frozenset({("make", "off"), ("get", "away")})
# What an estimate sizes, besides a crowd: "estimated the turnout at", "put the number of
# marchers at".
_TURNOUT = frozenset({"turnout"})
_SIZE = frozenset({"number", "size"})
# The people who make up a crowd, and what they did there: "120,000 people had taken part",
# "15,000 protesters marched", "drew about 18,000 people".
_MARCHERS = frozenset({"people", "person", "protester", "marcher", "demonstrator", "supporter"})
_TOOK_PART = frozenset({"march", "join", "attend", "gather", "rally", "protest", "demonstrate"})
# What a crowd joins or attends: "joined the march", not "joined the army".
_GATHERINGS = frozenset(
    {"march", "rally", "protest", "demonstration", "procession", "vigil", "parade", "crowd"}
)
_VOTERS = frozenset({"voter", "vote", "ballot"})
# Verbs whose subject gives the figures of their clause: "Police said about 15,000 people took
# part".
_GIVING = frozenset({"say", "estimate", "put", "report", "claim", "count", "tell", "reckon"})
# What names an estimate's source after the figure: "by the police estimate", "by police
# count", "according to the organisers".
_ESTIMATES = frozenset({"estimate", "count", "figure", "tally", "reckoning"})
# Posts that speak for a body: the estimate of "a police spokeswoman" or "Police spokesman
# Arno Weltz" is the police's, that of "the organisers' spokesman" the organisers'.
_SPEAKS_FOR = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "official", "officer", "chief", "commissioner"}
)


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
    if not seen or any(
        t.lower_ in _NOT_AT_IT and not _of_this_crowd(t, token) for t in _clause_of(token)
    ):
        return False, None
    return True, by


def _of_this_crowd(word: Any, token: Any) -> bool:
    """Whether `word` only says what kind of crowd the figure's own is: "a record 18,000
    people", "a record crowd of 18,000", not "the record of 30,000" nor "the record crowd of
    25,000"; "a record-breaking 40,000" as "a record 40,000"."""
    if word.lower_ != "record":
        return False
    if word.dep_ == "npadvmod" and word.head.dep_ == "amod" and word.i + 2 == word.head.i:
        word = word.head  # "record-breaking", "record-setting"
    if word.dep_ not in {"nmod", "compound", "amod"}:
        return False
    crowd = token.head.head if token.head.lower_ == "of" else token
    # "the record crowd of 25,000", "last year's record 25,000": a record before this one
    known = any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ not in {"a", "an"})
        for c in crowd.children
    )
    return word.head.i in {token.i, crowd.i} and not known


# Clauses of their own, joined to another: "Organisers had hoped for 50,000, but police said
# about 18,000 people took part".
_OWN_CLAUSES = frozenset({"conj", "advcl", "parataxis", "ccomp", "relcl"})
# Of those, the clauses joined beside the figure's; a clausal complement ("said about 18,000
# people took part") is the figure's clause still, up to the verb it completes.
_JOINED = _OWN_CLAUSES - {"ccomp"}


def _clause_of(token: Any) -> list[Any]:
    """The words of the figure's own clause: its phrase ("people on television"), the words it
    hangs on up to a clause joined to another, and the words that hang on those, but not
    their phrases ("below the record of 30,000") nor other clauses."""
    words = list(token.subtree)
    node = token
    while node.head.i != node.i and node.dep_ not in _JOINED:
        node = node.head
        words += [node, *(c for c in node.children if c.dep_ not in _OWN_CLAUSES)]
    return words


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


def _estimated(token: Any, after: bool = True) -> bool:
    """Whether the figure sizes a crowd as estimates do: "put the crowd at about 18,000" (and
    the organisers "at 120,000" after it), "120,000 people had taken part", "drew about 18,000
    people" and "... and 120,000" after it; unless not `after` one, a bare figure after one
    (`_after_a_crowd`). Not a part ("1,400 people from Dunmarrow joined the march")."""
    if token.dep_ == "pobj" and token.head.lower_ == "at":
        verb = token.head.head
        # "put the crowd at", "the crowd was estimated at"; not an election's "turnout at 3.1
        # million voters"
        return (
            verb.lemma_ in _PUT
            and token.lemma_ not in _VOTERS
            and any(
                c.dep_ in {"dobj", "nsubjpass"}
                and (
                    _sizes_crowd(c) or (after and c.lemma_ in _ESTIMATES and _after_a_crowd(token))
                )
                for c in verb.children
            )
        )
    if token.dep_ == "conj" and token.pos_ == "NUM":  # "drew 18,000 people ... and 120,000"
        return any(c.dep_ == "dobj" and _estimated(c) for c in token.head.children)
    if token.dep_ == "dobj" and token.pos_ == "NUM" and token.head.lemma_ in _GIVING:
        # "..., while organisers said 120,000"; the crowd before it is read as no such
        # figure, or a list of them would be read over and over
        return after and _after_a_crowd(token)
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
    if verb.lemma_ in {"join", "attend"}:  # "joined the march", not "joined the army"
        return all(c.lemma_ in _GATHERINGS for c in verb.children if c.dep_ == "dobj")
    return verb.lemma_ in _TOOK_PART


def _after_a_crowd(token: Any) -> bool:
    """Whether an estimated crowd comes before the figure in its sentence, so that a bare
    figure another source gives ("Police put the crowd at about 18,000, while organisers said
    120,000") or "the figure" it puts ("organisers put the figure at 120,000") is the crowd
    too."""
    return any(_estimated(t, after=False) for t in token.sent[: token.i - token.sent.start])


def _sizes_crowd(noun: Any) -> bool:
    """Whether an estimate of `noun` sizes a crowd: "the crowd", "the turnout", "the number
    of marchers"."""
    if noun.lemma_ in _CROWDS | _TURNOUT:
        return True
    of = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"]
    if len(of) < len([c for c in noun.children if c.dep_ == "prep"]):
        return False  # "the number of people without power", the parser hanging "without" here
    return noun.lemma_ in _SIZE and any(
        c.dep_ == "pobj" and c.lemma_ in _MARCHERS | _SPECTATORS and not _told_which(c)
        for o in of
        for c in o.children
    )


def _told_which(noun: Any) -> bool:
    """Whether a noun says which of them it counts: "people without power", "people killed"."""
    return any(c.dep_ in {"prep", "acl", "relcl"} for c in noun.children)


def source(token: Any) -> str | None:
    """Whose estimate an estimated crowd figure is (`NumberMention.crowd_by`), as the lower-case
    words of the noun that names them: the one an estimate puts "at" the figure ("Police put
    the crowd at about 18,000 and the organisers at 120,000", "..., organisers at 120,000"),
    the subject of the verb of saying or estimating over it ("the organisers said 120,000
    people had taken part"), the one it was estimated by, or a phrase beside it ("by the police
    estimate", "according to the organisers")."""
    if token.dep_ == "pobj" and token.head.lower_ == "at":
        at = token.head
        # "... and the organisers at 120,000": a noun between the verb's first "at" and this
        earlier = [c.i for c in at.head.children if c.lower_ == "at" and c.i < at.i]
        between = [
            c
            for c in at.head.children
            if c.dep_ in {"dobj", "npadvmod", "conj"}
            and c.pos_ in {"NOUN", "PROPN"}
            and earlier
            and earlier[0] < c.i < at.i
        ]
        if between:
            return _name(between[-1])
        # "was estimated at 17,000 by police", the parse hanging "by" on the figure
        by = [w for c in token.children if c.lower_ == "by" for w in c.children]
        passive = any(c.dep_ == "auxpass" for c in at.head.children)
        if passive and by and by[0].dep_ == "pobj" and by[0].lemma_ not in _ESTIMATES:
            return _name(by[0])
    beside = _named_beside(token)
    if beside is not None:
        return beside
    verb = token.head
    while verb.dep_ != "ROOT" and verb.lemma_ not in _GIVING:
        verb = verb.head
    subject = _giver(verb) if verb.lemma_ in _GIVING else None
    if subject is not None and subject.i > token.i:
        # "Police said 18,000 people took part; organisers said 120,000": the parser may hang
        # the first clause on the second "said"
        before = [g for t in token.sent[: token.i - token.sent.start] if (g := _giver(t))]
        subject = before[-1] if before else subject
    return _name(subject) if subject is not None else None


def _giver(verb: Any) -> Any | None:
    """The noun that says or estimates, of a verb of saying or estimating: its subject, or who
    it was "estimated at 18,000 by"."""
    if verb.lemma_ not in _GIVING:
        return None
    subjects = _doers(verb)
    return subjects[0] if subjects and subjects[0].pos_ in {"NOUN", "PROPN"} else None


def _doers(verb: Any) -> list[Any]:
    """Who does what a verb tells: its subject, or whom it was done "by"."""
    by = [c for c in verb.children if c.dep_ == "agent"]
    return [c for c in verb.children if c.dep_ == "nsubj"] + [
        p for a in by for p in a.children if p.dep_ == "pobj"
    ]


def valued_by(token: Any, money: bool) -> str | None:
    """Whose valuation the figure `token` stands for is (`NumberMention.valued_by`): the one a
    verb of valuing puts "at" it ("Harrowmere Mutual ... valued the stolen pieces at 6.4
    million"), or, for a sum of `money`, a verb of estimating ("the damage was estimated at €2
    million by the council"). Not a forecast ("put inflation at 2.4%") nor a toll ("officials
    put the death toll at 40")."""
    if token.dep_ != "pobj" or token.head.lower_ != "at":
        return None
    verb = token.head.head
    if verb.dep_ == "dobj":
        verb = verb.head  # "estimated the damage at €2 million", "at" hung on "damage"
    if verb.lemma_ not in _VALUE and not (money and verb.lemma_ in _ESTIMATE):
        return None
    whom = _doers(verb)
    # "They valued ..." is a valuation still, of someone the sentence does not name; "Orvane,
    # which was valued at $2 billion, said" names no one who valued it
    if whom and whom[0].pos_ == "PRON" and whom[0].lower_ not in {"which", "that", "who"}:
        return whom[0].lower_
    return _name(whom[0]) if whom and whom[0].pos_ in {"NOUN", "PROPN"} else None


def stolen_worth(token: Any, start: int, end: int) -> bool:
    """Whether the sum `token` stands for, told in characters `start` to `end`, is what the
    stolen goods are worth (`NumberMention.stolen_worth`): right after "worth", or before
    "worth of", in a clause of stealing ("stole 14 pieces of jewellery worth 8.5 million
    orsins", "Jewellery worth 2 million euros was stolen", "made off with 2 million euros'
    worth of jewellery") or of being, said of what was stolen ("The stolen jewels are worth
    12 million", "the haul was worth about 3 million"). Not what it might be ("they would be
    worth more than 20 million at auction"), what was only tried ("tried to steal a crown
    worth"), one piece's worth ("each worth"), nor a valuer's ("..., the insurer
    estimated")."""
    worth = _worth_beside(token.sent, start, end)
    if worth is None:
        return False
    # "each worth 5,000", "worth 5,000 each": one piece's; "..., the insurer estimated": a
    # valuer's
    if any(t.lower_ == "each" for t in token.sent) or any(
        t.pos_ == "VERB" and t.lemma_ in _VALUE | _ESTIMATE and t.dep_ != "amod" for t in token.sent
    ):
        return False
    # The parse hangs "worth" on the verb, the goods or the sum: the clause is its first verb.
    verb = next((a for a in worth.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    if (
        verb is None
        or any(c.dep_ == "neg" or (c.dep_ == "aux" and c.tag_ == "MD") for c in verb.children)
        or (verb.dep_ == "xcomp" and verb.head.lemma_ in _NOT_DONE)
    ):
        return False
    if verb.lemma_ == "be":
        thing = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        return thing is not None and (
            thing.lemma_ in _HAULS
            or any(c.dep_ in {"amod", "acl"} and c.lemma_ == "steal" for c in thing.children)
        )
    return verb.lemma_ in _STEAL or any(
        c.dep_ in {"prt", "advmod"} and (verb.lemma_, c.lower_) in _GOT_AWAY for c in verb.children
    )


def _worth_beside(sentence: Any, start: int, end: int) -> Any | None:
    """The "worth" right before the sum told from `start` to `end`, or right after it and
    before "of" ("2 million euros' worth of jewellery")."""
    before = [t for t in sentence if t.idx < start]
    if before and before[-1].lower_ == "worth":
        return before[-1]
    after = [t for t in sentence if t.idx >= end and t.tag_ != "POS"]
    if len(after) > 1 and after[0].lower_ == "worth" and after[1].lower_ == "of":
        return after[0]
    return None


def _named_beside(token: Any) -> str | None:
    """The source a phrase right after the figure names, or else right before it, with no
    other figure between: "by the police estimate", "by police estimates", "according to the
    organisers"; "According to police, about 16,000 people marched"."""
    after = token.doc[token.i + 1 : token.sent.end]
    before = reversed(token.doc[token.sent.start : token.left_edge.i])
    for words in (after, before):
        for word in words:
            if word.like_num:
                break
            if (named := _naming(word)) is not None:
                return named or None
    return None


def _naming(word: Any) -> str | None:
    """The source a word opens a phrase naming ("by the police estimate", "according to the
    organisers"), "" for such a phrase that names no one, None for any other word."""
    if word.lower_ == "by":
        estimate = next((c for c in word.children if c.dep_ == "pobj"), None)
        if estimate is not None and estimate.lemma_ in _ESTIMATES:
            whose = [c for c in estimate.children if c.dep_ in {"compound", "poss"}]
            return _name(whose[-1]) if whose else ""
    if word.lower_ == "according" and word.i + 1 < len(word.doc) and word.nbor().lower_ == "to":
        whom = next((c for c in word.nbor().children if c.dep_ == "pobj"), None)
        return _name(whom) if whom is not None else ""
    return None


def _name(noun: Any) -> str:
    """A source's name: the noun with its compounds, in lower case ("police", "organisers",
    "fair pensions coalition"); for one who speaks for a body, the body's ("police" of "Police
    spokesman Arno Weltz", "Jana Ekdal, a police spokeswoman" and "a spokesman for the
    police", "organisers" of "the organisers' spokesman")."""
    post = next((c for c in noun.children if c.dep_ == "appos" and c.lemma_ in _SPEAKS_FOR), None)
    if noun.pos_ == "PROPN" and post is not None:
        return _name(post)  # "Jana Ekdal, a police spokeswoman"
    words = _compounded(noun)
    at = next((k for k, w in enumerate(words) if w.lemma_ in _SPEAKS_FOR), None)
    if at == 0:
        whose = [c for w in words for c in w.children if c.dep_ == "poss"]
        whose += [p for c in noun.children if c.lower_ in {"for", "of"} for p in c.children]
        if whose:
            return _name(whose[0])
    elif at is not None:
        words = words[:at]
    name = " ".join(w.lower_ for w in words).removesuffix("'s").strip()
    return name.replace("organizer", "organiser")  # one source, in either spelling


def _compounded(noun: Any) -> list[Any]:
    """A noun with the compounds before it, and theirs: "Police spokesman Arno Weltz"."""
    return [w for c in noun.lefts if c.dep_ == "compound" for w in _compounded(c)] + [noun]
