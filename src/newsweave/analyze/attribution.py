"""Attributions read off spaCy's dependency parse: a cue word, its source and its content.

`Blinken said the US would act` is a cue verb (`say`) whose subject is the source and whose
clausal complement (`ccomp`) is the content. Many attributions are not speech: `voters want to
change course` (`want` + `xcomp`), `polls show a tight race` (`show` + `ccomp`/`dobj`), `she
called for an inquiry` (`call` + `prep:for`). Which cue lemma takes which complement as its
content is data: the `[attribution]` table of `data/quotes.toml`, learned from the train split of
an annotated corpus by `newsweave.evaluate.cues` (counts and precision per pair).

`candidates` proposes every (cue, relation, content, source) the parse offers; `attributions`
keeps those whose `lemma relation` pair the table lists. The learner scores the unfiltered
candidates, so the product and the learner see exactly the same spans.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from newsweave.analyze.nlp import doc_text, nearest_subject, table

# The complement relations whose subtree can be an attribution's content.
# `nsubjpass`: `X is expected to win` attributes `X … to win`, subject and complement.
CONTENT_DEPS = ("ccomp", "xcomp", "dobj", "oprd", "attr", "acomp", "dative", "acl", "nsubjpass")
# A cue without a subject of its own borrows its head's across these links ("…, saying X",
# "won praise by attacking X": pcomp, then the preposition's own link to the verb).
BORROW_DEPS = ("conj", "advcl", "xcomp", "pcomp", "prep")
# Where a cue hangs off a noun, the noun is the source ("the editorial telling him to leave").
NOUN_HEAD_DEPS = ("acl", "relcl")
# Verbs (`said`), nouns (`his claim that`, `calls for`) and adjectives (`confident that`,
# `critical of`) take content.
CUE_POS = ("VERB", "NOUN", "ADJ")


@dataclass(frozen=True)
class Candidate:
    """One cue and one of its complements, as character offsets into the parsed paragraph."""

    lemma: str
    relation: str
    cue: tuple[int, int]
    content: tuple[int, int]
    source: tuple[int, int] | None
    passive: bool
    cue_i: int
    """The cue's token index in the paragraph's doc."""

    @property
    def key(self) -> str:
        """`lemma relation`, the key of the lexicon (`say ccomp`, `call prep:for`)."""
        return f"{self.lemma} {self.relation}"


@dataclass(frozen=True)
class Found:
    """An attribution kept, as offsets into the article text."""

    content: tuple[int, int]
    source: tuple[int, int] | None
    cue: tuple[int, int]
    cue_text: str
    key: str


@cache
def lexicon() -> frozenset[str]:
    """The `lemma relation` pairs of `data/quotes.toml` whose content is an attribution's."""
    cues = table("quotes")["attribution"]["cues"]
    return frozenset(
        f"{lemma} {relation}" for lemma, relations in cues.items() for relation in relations
    )


@cache
def needs_source() -> frozenset[str]:
    """The lexicon's pairs kept only when the parse gives them a source (`data/quotes.toml`)."""
    return frozenset(table("quotes")["attribution"].get("needs_source", []))


def attributions(
    docs: Sequence[Any],
    starts: Sequence[int],
    keys: frozenset[str],
    taken: Sequence[tuple[int, int]],
    sourced_only: frozenset[str] = frozenset(),
) -> list[Found]:
    """The attributions of an article's parsed paragraphs whose `lemma relation` is in `keys`.

    A content span that overlaps one of `taken` (the direct quotes) is left to the quote; the
    same span reached from two cues is kept once. A cue whose source the parse does not give
    (`support for the ban grew`, `a plan to widen the road`, a headline's lost subject) is kept
    without one, as PolNeAR keeps such contents, unless its pair is in `sourced_only`: pairs
    whose sourceless candidates were more often wrong than right where learned.
    """
    found: list[Found] = []
    seen: set[tuple[int, int]] = set()
    for doc, base in zip(docs, starts, strict=True):
        for token in doc:
            if token.lower_ == "according":
                for item in _according(doc, base, token):
                    if _free(item.content, taken, seen):
                        seen.add(item.content)
                        found.append(item)
        label = _speaker_label(doc, base)
        if label is not None and _free(label.content, taken, seen):
            seen.add(label.content)
            found.append(label)
        kept = [
            c
            for c in candidates(doc)
            if c.key in keys and (c.source is not None or c.passive or c.key not in sourced_only)
        ]
        for c in _joined(doc, kept):
            content = (base + c.content[0], base + c.content[1])
            if not _free(content, taken, seen):
                continue
            seen.add(content)
            source = (base + c.source[0], base + c.source[1]) if c.source else None
            cue = (base + c.cue[0], base + c.cue[1])
            found.append(Found(content, source, cue, doc[c.cue_i].text, c.key))
    return sorted(found, key=lambda f: f.content)


def _joined(doc: Any, kept: list[Candidate]) -> list[Candidate]:
    """One content per cue and side: `urged Congress | to act` and `compared the plan | to a
    tax` are one stretch after the cue, from its first complement to its last. A clause kept
    without the object before it takes the object in (`asked voters | to stay home`), and a
    complement kept runs on over the cue's modifiers after it (`described the plan | as a tax
    on farmers`), whether or not their own pair is listed."""
    joined: list[Candidate] = []
    groups: dict[tuple[int, bool], list[Candidate]] = {}
    for c in kept:
        after = c.content[0] > c.cue[1]
        groups.setdefault((c.cue_i, after), []).append(c)
    for (cue_i, after), group in groups.items():
        start = min(c.content[0] for c in group)
        end = max(c.content[1] for c in group)
        if after:
            for child in doc[cue_i].children:
                if child.dep_ in OBJECT_DEPS and child.i > cue_i and child.idx < start:
                    start = min(start, child.left_edge.idx)
            end = _trailing_end(doc, doc[cue_i], end)
        joined.append(dataclasses.replace(group[0], content=(start, end)))
    return joined


# Objects that come between a cue and its clause and belong to its content (`asked voters to`).
OBJECT_DEPS = {"dobj", "dative"}
# The cue's modifiers that carry on its content after the complement kept: `as a tax`, `to the
# council`, `strongly`, `last week`. PolNeAR counts them in more often than not: where content
# was cut short at its end, 174 of the 941 spans' worth lost were a `prep` of the cue verb
# (train and dev, counted by the boundary's dependency); taking them in lifted content F1 on the
# held-out dev split by 0.005 (eval quotes --split dev). A conjoined verb (`said X and left`)
# stays out: it says something of its own (taking it in: dev F1 +0.001, precision -0.011).
TRAILING_DEPS = {"prep", "dative", "oprd", "advmod", "npadvmod"}


def _trailing_end(doc: Any, cue: Any, end: int) -> int:
    """The end of a content that ends at `end`, taken on over the cue's modifiers after it,
    each without a trailing aside (`…, who …`)."""
    for child in cue.children:
        if child.dep_ in TRAILING_DEPS and child.idx >= end:
            lo = child.left_edge.i
            span = _trimmed(doc, lo, _without_aside(doc, lo, child.right_edge.i))
            if span is not None:
                end = max(end, span[1])
    return end


def _free(
    span: tuple[int, int], taken: Sequence[tuple[int, int]], seen: set[tuple[int, int]]
) -> bool:
    return span not in seen and not any(s < span[1] and span[0] < e for s, e in taken)


def _speaker_label(doc: Any, base: int) -> Found | None:
    """`FALLIN: I think he is …` (a transcript) or `Sanders: Brexit's message could …` (a
    headline): a paragraph that opens with a name and a colon gives the rest to that name."""
    colon = next((t for t in doc[: MAX_LABEL + 1] if t.text == ":"), None)
    if colon is None or colon.i == 0:
        return None
    label = [t for t in doc[: colon.i] if not t.is_space]
    if not all(t.pos_ == "PROPN" or t.text.isupper() or t.text in {".", "'s", "’s"} for t in label):
        return None
    content = _trimmed(doc, colon.i + 1, len(doc) - 1)
    if content is None or len(doc_text(doc)[content[0] : content[1]].split()) < 3:
        return None
    first, last = label[0], label[-1]
    return Found(
        (base + content[0], base + content[1]),
        (base + first.idx, base + last.idx + len(last.text)),
        (base + colon.idx, base + colon.idx + 1),
        ":",
        "label",
    )


# A speaker label is a name of at most this many tokens.
MAX_LABEL = 5


def _according(doc: Any, base: int, token: Any) -> list[Found]:
    """`Y, according to X.` / `According to X, Y.` / `Y, according to X, Z.`: X is the source;
    the clause around the phrase, on either side of it, is the content."""
    to = next((c for c in token.children if c.lower_ == "to"), None)
    source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    head = token.head
    if to is None or source is None or head.i == token.i:
        return []
    said = _trimmed(doc, source.left_edge.i, source.right_edge.i)
    sides = [
        _trimmed(doc, head.left_edge.i, token.i - 1) if token.i > head.left_edge.i else None,
        _trimmed(doc, source.right_edge.i + 1, head.right_edge.i),
    ]
    parts = [span for span in sides if span is not None]
    if sum(len(doc_text(doc)[s:e].split()) for s, e in parts) < 3:
        return []
    found = []
    for span in parts:
        found.append(
            Found(
                (base + span[0], base + span[1]),
                (base + said[0], base + said[1]) if said else None,
                (base + token.idx, base + to.idx + len(to.text)),
                "according to",
                "according to",
            )
        )
    return found


def candidates(doc: Any) -> Iterator[Candidate]:
    """Every cue-like token's complements in a parsed paragraph, with the source they imply."""
    for token in doc:
        if token.pos_ not in CUE_POS or not token.is_alpha:
            continue
        lemma = token.lemma_.lower()
        subject = _subject(token)
        source = _source(token, subject)
        passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in token.children)
        cue = (token.idx, token.idx + len(token.text))
        for relation, lo, hi in _complements(token):
            span = _trimmed(doc, lo, _without_aside(doc, lo, hi))
            if span is None:
                continue
            yield Candidate(lemma, relation, cue, span, source, passive, token.i)


def _complements(token: Any) -> Iterator[tuple[str, int, int]]:
    """(relation, first token, last token) of each complement that could be content."""
    for child in token.children:
        if child.dep_ in CONTENT_DEPS:
            yield child.dep_, child.left_edge.i, child.right_edge.i
            if child.dep_ == "dobj" and child.pos_ == "NOUN":
                # `expressed concern that …`, `voiced support for …`: the noun's own
                # complement, the verb and the noun together making the cue.
                for inner in child.children:
                    if inner.dep_ in {"acl", "ccomp"}:
                        yield "dobj+clause", inner.left_edge.i, inner.right_edge.i
                    elif inner.dep_ == "prep" and inner.i > child.i:
                        for obj in inner.children:
                            if obj.dep_ in {"pobj", "pcomp"}:
                                relation = f"dobj+prep:{inner.lower_}"
                                yield relation, obj.left_edge.i, obj.right_edge.i
        elif child.dep_ == "prep":
            for obj in child.children:
                if obj.dep_ in {"pobj", "pcomp"}:
                    yield f"prep:{child.lower_}", obj.left_edge.i, obj.right_edge.i
    tag_only = not any(c.dep_ in {"ccomp", "xcomp", "dobj"} for c in token.children)
    if token.dep_ == "parataxis" and token.head.i != token.i and tag_only:
        # "The bridge, the engineer said, will open": the host clause is the content.
        head = token.head
        if token.left_edge.i > head.left_edge.i:
            yield "parataxis", head.left_edge.i, token.left_edge.i - 1
        if token.right_edge.i < head.right_edge.i:
            # `The argument, Devine said, would be aided`: both sides of a tag set inside.
            yield "parataxis", token.right_edge.i + 1, head.right_edge.i


def _without_aside(doc: Any, lo: int, hi: int) -> int:
    """The last token of lo..hi before a trailing aside set off by a comma or a dash: a
    non-restrictive clause or apposition (`…, who preaches …`, `…, the city's mayor`), which
    says something of its own rather than what is attributed. An adverbial clause stays
    (`…, leaving the town without water`): PolNeAR counts it in the content more often than not."""
    for token in doc[lo : hi + 1]:
        start = token.left_edge.i
        if (
            token.dep_ in ASIDE_DEPS
            and token.right_edge.i == hi
            and lo < start - 1
            and doc[start - 1].text in SET_OFF
        ):
            return start - 2
    return hi


ASIDE_DEPS = {"relcl", "appos", "acl"}
SET_OFF = {",", "—", "–", "--", "-"}


def _source(token: Any, subject: Any) -> tuple[int, int] | None:
    """The source's span: the cue's subject, an agent ("by X"), a possessor, or a borrowed one."""
    if subject is None:
        return None
    if subject.i == token.head.i and token.dep_ in NOUN_HEAD_DEPS:
        # The noun a clause modifies, without that clause: "the paper's editorial".
        return _trimmed(token.doc, subject.left_edge.i, subject.i)
    return _trimmed(token.doc, subject.left_edge.i, subject.right_edge.i)


def _subject(token: Any) -> Any:
    subjects = [c for c in token.children if c.dep_ in {"nsubj", "csubj"}]
    if subjects:
        return nearest_subject(token, subjects)
    for child in token.children:
        if child.dep_ == "agent":
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    if token.pos_ == "NOUN":
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        return owner if owner is not None else _doer(token)
    if token.pos_ == "ADJ":
        # `Voters are confident that …`: the subject of the copula the adjective completes.
        if token.dep_ in {"acomp", "oprd"}:
            return next((c for c in token.head.children if c.dep_ == "nsubj"), None)
        return None
    if any(c.dep_ == "nsubjpass" for c in token.children):
        return None
    hops, here = 0, token
    while here.dep_ in BORROW_DEPS and here.head.i != here.i and hops < 3:
        here, hops = here.head, hops + 1
        for child in here.children:
            if child.dep_ == "nsubj":
                return child
    if token.dep_ in NOUN_HEAD_DEPS and token.head.pos_ in {"NOUN", "PROPN"}:
        return token.head
    return None


def _doer(noun: Any) -> Any:
    """The subject of the verb a cue noun is the object of (`Ruiz launched an attack on X`,
    `Ruiz acted in response to X`), reached through at most one preposition."""
    here = noun
    if here.dep_ == "pobj" and here.head.dep_ == "prep":
        here = here.head
    if here.dep_ not in {"dobj", "prep"} or here.head.pos_ != "VERB":
        return None
    return next((c for c in here.head.children if c.dep_ == "nsubj"), None)


def _trimmed(doc: Any, lo: int, hi: int) -> tuple[int, int] | None:
    """Character offsets of tokens lo..hi without punctuation or spaces at either edge, except
    the marks of a quote the span holds one side of (`called it “a disgrace.”`)."""
    while lo <= hi and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    while hi >= lo and (doc[hi].is_punct or doc[hi].is_space):
        hi -= 1
    if hi < lo:
        return None
    opened = _open_marks(doc[lo : hi + 1].text)
    if opened > 0:
        # The span runs to the end of a quote whose close the parse left out: take the close.
        after = [t.text for t in doc[hi + 1 : hi + 3]]
        if after[:1] and after[0] in CLOSE_MARKS:
            hi += 1
        elif len(after) == 2 and after[0] in {".", ",", "!", "?"} and after[1] in CLOSE_MARKS:
            hi += 2
    elif opened < 0 and lo > 0 and doc[lo - 1].text in OPEN_MARKS:
        lo -= 1
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)


OPEN_MARKS = {"“", '"', "''", "``"}
CLOSE_MARKS = {"”", '"', "''"}


def _open_marks(text: str) -> int:
    """Opening minus closing double quote marks: > 0 when a quote opens and does not close."""
    curly = text.count("“") - text.count("”")
    straight = (text.count('"') + text.count("''")) % 2
    if curly:
        return curly
    if straight:
        # Which side is open: a straight mark that follows a space (or starts) opens.
        first = re.search(r"\"|''", text)
        return 1 if first and (first.start() == 0 or text[first.start() - 1].isspace()) else -1
    return 0
