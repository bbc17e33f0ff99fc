"""Quotes and attributions: who said what.

Direct quotes are found by their marks (straight or curly), including the newspaper convention of
a quote running over several paragraphs where each continued paragraph opens a mark and only the
last one closes it. The speaker comes from the quote's tag (`tags.py`: `Mr X added: “…`, `“…,” he
said`, `described by X as "…"`), or from the tag of the quote it continues (`“A,” X said. “B.”`);
a pronoun is resolved to a person named before (the subject of the latest sentence naming one,
never a name in the pronoun's own clause, and never for "he" a person the article calls "she":
`genders.py`), reading too the surnames the model left untagged. The speaker is the entity at
the tag's head, not a name that only modifies it ("Spain's industry ministry" is not Spain).
Short quotes inside a sentence are partial; quotes with no cue and no speaker are scare quotes
and dropped. Reported speech and other attributions (`X said the US would …`, `voters want …`)
come from the parse (`attribution.py`): kind `reported`, the content being the cue's complement.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from newsweave.analyze.attribution import attributions, lexicon, needs_source
from newsweave.analyze.entities import resolve_typo
from newsweave.analyze.genders import genders
from newsweave.analyze.nlp import table
from newsweave.analyze.tags import NO_TAG, Span, Tag, tag_after, tag_before
from newsweave.models import Entity, Mention, Quote, Sentence

OPENING = '“«"'
# The pronoun a person called one of these never is (`Context.genders`).
OTHER_SEX = {"he": "she", "she": "he"}
CLOSING = {"“": "”", "«": "»", '"': '"'}


@dataclass
class _Found:
    spans: list[Span]
    paragraph: int
    last_paragraph: int


@dataclass(frozen=True)
class Context:
    """What the quote finder needs to know about one article."""

    text: str
    paragraphs: tuple[str, ...]
    starts: list[int]
    docs: list[Any]
    sentences: list[Sentence]
    entities: list[Entity]
    mentions: list[Mention]
    genders: dict[str, str] = dataclasses.field(default_factory=dict)
    """Person entity id → "he" or "she" (`genders.genders`), filled in by `find_quotes`."""


def find_quotes(ctx: Context) -> list[Quote]:
    """Direct, partial and reported quotes with their speakers, in text order."""
    cues = set(table("quotes")["cue_verbs"])
    ctx = _normalised(ctx)
    quoted = functools.partial(_inside_quote, ctx)
    ctx = dataclasses.replace(ctx, genders=genders(ctx.text, ctx.sentences, ctx.mentions, quoted))
    quotes: list[Quote] = []
    last_speaker: tuple[str | None, Tag] = (None, NO_TAG)
    for found in _direct_spans(ctx):
        first, last = found.spans[0], found.spans[-1]
        tag = tag_after(ctx, found.last_paragraph, last, cues)
        if tag.speaker_text is None:
            tag = tag_before(ctx, found.paragraph, first, cues)
        content = " ".join(ctx.text[s.start : s.end].strip() for s in found.spans)
        content = content.strip(" " + "".join(CLOSING.values()) + OPENING)
        if not content:
            continue
        kind = _kind(ctx, first, content)
        if kind == "partial" and _title(ctx, first, content):
            continue
        speaker = _speaker(ctx, tag.speaker_text, first.start, last_speaker[0], tag.speaker_span)
        if tag.speaker_text is None and tag.cue is None:
            opens_paragraph = first.start - ctx.starts[found.paragraph] <= 1
            if opens_paragraph and _continues_previous(ctx, quotes, found.paragraph):
                speaker, tag = last_speaker
            elif _after_tag(ctx, quotes, found.paragraph, first):
                # `“A,” X said. “B.”`: B goes on with what X was saying.
                speaker, tag = quotes[-1].speaker, Tag.of(quotes[-1])
            elif kind != "direct" or len(content.split()) < 8:
                continue  # scare quotes: "glide bombs"
        quotes.append(
            Quote(
                kind=kind,
                text=content,
                start=first.start,
                end=last.end,
                sentence=_sentence(ctx.sentences, first.start),
                speaker=speaker,
                **tag.fields(),
            )
        )
        if speaker or tag.speaker_text:
            last_speaker = (speaker, tag)
    quotes = _share_tags(ctx, quotes)
    quotes.extend(_reported(ctx, quotes))
    return _background_between(ctx, _told_within(sorted(quotes, key=lambda q: q.start)))


def _told_within(quotes: list[Quote]) -> list[Quote]:
    """A partial quote the tags gave no speaker, inside a reported clause that has one, is
    that speaker's ("Halvring Ferries' chief executive, Corinna Stavenor, said the company
    was “doing everything it can”", where the parse misreads the words before the tag)."""
    reported = [q for q in quotes if q.kind == "reported" and q.speaker]
    return [
        next(
            (
                q.model_copy(update={"speaker": r.speaker, **Tag.of(r).fields()})
                for r in reported
                if r.start <= q.start and q.end <= r.end
            ),
            q,
        )
        if q.kind == "partial" and q.speaker is None
        else q
        for q in quotes
    ]


def _background_between(ctx: Context, quotes: list[Quote]) -> list[Quote]:
    """A quote tagged "he" or "she" goes on with the speaker of the sentence before last when
    the sentence between names only people who say nothing: in "Kalman said the party had
    fallen. Brevic won in 2022 by beating Castellan. “Four years ago …,” he said", he is
    Kalman, not Brevic. News writing puts a line of background between a speaker and their
    quote; `_antecedent` alone takes the person the background is about."""
    resolved = list(quotes)
    for i, quote in enumerate(quotes):
        pronoun = (quote.speaker_text or "").lower()
        if pronoun not in {"he", "she"} or quote.speaker is None:
            continue
        # Earlier quotes as resolved: "“He knew everything …,” she said. She asked not to be
        # named": she is still the unnamed woman.
        if _unnamed_before(ctx, resolved, quote):
            resolved[i] = quote.model_copy(update={"speaker": None})
        elif (
            quote.kind != "reported"
            and (speaker := _speaker_before(ctx, quotes, quote, pronoun)) is not None
        ):
            resolved[i] = quote.model_copy(update={"speaker": speaker})
    return resolved


def _unnamed_before(ctx: Context, quotes: list[Quote], quote: Quote) -> bool:
    """Whether someone unnamed speaks just before `quote`, and no person is named there: in the
    sentence before, in its paragraph ("One of them, who asked not to be named, said production
    had carried on. “Nobody told us …,” she said": she is that worker, nobody named earlier),
    or earlier in its own sentence ("after a man who said he was from the bank talked her into
    moving the money into what he called a safe account")."""
    near = {quote.sentence}
    before = quote.sentence - 1
    paragraph = ctx.sentences[quote.sentence].paragraph
    # A quote opening its paragraph goes on from the paragraph before.
    if before >= 0 and (
        ctx.sentences[before].paragraph == paragraph or _opens_paragraph(ctx, quote)
    ):
        near.add(before)
    pronoun = (quote.speaker_text or "").lower()
    told = [
        q
        for q in quotes
        if q.start < quote.start
        and q.speaker is None
        and near & _sentences_of(ctx, q)
        and (
            (q.speaker_text or "").lower() == pronoun  # the unnamed speaker's own pronoun
            or (
                q.kind == "reported"
                and q.speaker_start is not None
                and q.speaker_end is not None
                and _a_person_unnamed(ctx, q.speaker_start, q.speaker_end, pronoun)
            )
        )
    ]
    # A person named in what the unnamed speaker told, or in the "who" clause that describes
    # them, is no speaker: "A 73-year-old woman told the Mercury she had lost €1,900 after a man
    # from Corrant's fraud team called"; "a man who said he was from Corrant's fraud team".
    where = near.intersection(set().union(*(_sentences_of(ctx, q) for q in told)))
    return bool(told) and not any(
        m.sentence in where
        and m.start < quote.start
        and m.entity.startswith("person:")
        and not any(
            (q.start <= m.start and m.end <= q.end) or _in_who_clause(ctx, q, m.start, m.end)
            for q in told
        )
        for m in ctx.mentions
    )


def _in_who_clause(ctx: Context, q: Quote, start: int, end: int) -> bool:
    """Whether start..end lies in a "who" clause of the words that tell a quote's speaker ("a
    man who said he was from Corrant's fraud team"), not beside them ("a neighbour of Anna
    Berg")."""
    if q.speaker_start is None or q.speaker_end is None:
        return False
    inside = q.speaker_start <= start and end <= q.speaker_end
    return inside and _WHO.search(ctx.text[q.speaker_start : start]) is not None


_WHO = re.compile(r"\bwho\b", re.IGNORECASE)


def _sentences_of(ctx: Context, q: Quote) -> set[int]:
    """The sentences a quote and its tag run over."""
    end = max(q.end, q.speaker_end or 0, q.cue_end or 0)
    return set(range(q.sentence, _sentence(ctx.sentences, end - 1) + 1))


def _opens_paragraph(ctx: Context, quote: Quote) -> bool:
    """Whether `quote` is the first sentence of its paragraph."""
    at = quote.sentence
    return at == 0 or ctx.sentences[at - 1].paragraph != ctx.sentences[at].paragraph


def _a_person_unnamed(ctx: Context, start: int, end: int, pronoun: str = "") -> bool:
    """Whether the words at start..end stand for someone with no name: a phrase with no proper
    noun that a "who" clause describes ("One of them, who asked not to be named"), or whose
    noun is of the pronoun's sex ("A 73-year-old woman in Tarnmouth told the Mercury" before
    "…," she said)."""
    parsed = _parsed(ctx, start, end)
    if parsed is None:
        return False
    head = parsed[0].root
    other = OTHER_SEX.get(pronoun.lower())
    if other and head.lemma_.lower() in table("quotes")["gendered_nouns"][other]:
        return False
    if any(t.pos_ == "PROPN" for t in head.lefts) or head.pos_ == "PROPN":
        return False  # "Carmen Soto, who runs a bakery": a name the model left untagged
    own = pronoun.lower()
    if own in OTHER_SEX and head.lemma_.lower() in table("quotes")["gendered_nouns"][own]:
        return True
    return any(
        clause.dep_ == "relcl" and any(t.lower_ == "who" for t in clause.children)
        for clause in head.children
    )


def _speaker_before(ctx: Context, quotes: list[Quote], quote: Quote, pronoun: str) -> str | None:
    """The person named as the speaker two sentences before `quote`, when the one sentence
    between names people (the quote's present speaker among them) and none of them speaks."""
    between = quote.sentence - 1
    if between < 1 or quote.speaker is None:
        return None
    paragraph = ctx.sentences[quote.sentence].paragraph
    if {ctx.sentences[k].paragraph for k in (between - 1, between)} != {paragraph}:
        return None
    mentions = [
        m
        for m in ctx.mentions
        if m.sentence == between
        and m.entity.startswith("person:")
        and not _inside_quote(ctx, m.start)
    ]
    named = {m.entity for m in mentions}
    if quote.speaker not in named:
        return None
    # The subject of the sentence between may well be who speaks next ("Clinton has been asked
    # to release the transcripts. “Let everybody …,” she told ABC"), unless that sentence is
    # background, told of a past year ("Brevic won his second term in 2022").
    if not _of_a_past_year(ctx, ctx.sentences[between]):
        return None
    other = OTHER_SEX[pronoun]
    speakers = {
        q.speaker
        for q in quotes
        if q.sentence == between - 1
        and q.speaker is not None
        and q.speaker.startswith("person:")
        and q.speaker_text not in table("quotes")["pronouns"]
        and ctx.genders.get(q.speaker) != other
        and not _nested(q, quotes)
    }
    spoke = any(q.sentence == between and q.speaker in named for q in quotes)
    if len(speakers) != 1 or spoke or speakers & named:
        return None
    return speakers.pop()


def _nested(quote: Quote, quotes: list[Quote]) -> bool:
    """Whether a quote's tag stands within another quote ("Trump claimed that Obama wanted …")."""
    at = quote.speaker_start if quote.speaker_start is not None else quote.start
    return any(o.start <= at < o.end for o in quotes if o is not quote)


def _normalised(ctx: Context) -> Context:
    """`''…''` (two apostrophes for a double mark) rewritten, length kept, as ` "…" `."""

    def fix(text: str) -> str:
        def one(m: re.Match) -> str:
            i = m.start()
            before = text[i - 1] if i else " "
            after = text[i + 2] if i + 2 < len(text) else " "
            if (before.isspace() or before in "([—–-") and not after.isspace():
                return ' "'
            return '" '

        return re.sub("''", one, text)

    return dataclasses.replace(
        ctx, text=fix(ctx.text), paragraphs=tuple(fix(p) for p in ctx.paragraphs)
    )


def _after_tag(ctx: Context, quotes: list[Quote], paragraph: int, span: Span) -> bool:
    """`“A,” X said. “B.”`: B opens a sentence right after the tag of A, in the same paragraph."""
    if not quotes:
        return False
    previous = quotes[-1]
    if previous.speaker_text is None or ctx.sentences[previous.sentence].paragraph != paragraph:
        return False
    between = ctx.text[previous.end : span.start - 1].strip(' ”"»')
    if len(between.split()) > 40:
        return False
    # Nothing but A's tag between them: no other sentence starts there (abbreviations like "Mr."
    # are no sentence end; the parse may make `X replied.` after `“A?”` a sentence of its own).
    tag_sentence = _sentence(ctx.sentences, previous.cue_start or previous.end)
    starts = [
        s.index
        for s in ctx.sentences
        if previous.end < s.start < span.start - 1 and s.index != tag_sentence
    ]
    if starts:
        return False
    return between == "" or between.endswith((".", ":", "!", "?"))


def _share_tags(ctx: Context, quotes: list[Quote]) -> list[Quote]:
    """`“A. “B,” X said.`: quotes of one paragraph with one tag share its speaker."""
    shared = list(quotes)
    for i in range(len(shared) - 2, -1, -1):
        here, after = shared[i], shared[i + 1]
        same_paragraph = (
            ctx.sentences[here.sentence].paragraph == ctx.sentences[after.sentence].paragraph
        )
        if here.speaker_text is None and after.speaker_text and same_paragraph:
            shared[i] = here.model_copy(update={"speaker": after.speaker, **Tag.of(after).fields()})
    return shared


def _direct_spans(ctx: Context) -> list[_Found]:
    """Spans inside quote marks; an unclosed quote continues into a paragraph that opens one."""
    found: list[_Found] = []
    open_quote: _Found | None = None
    for number, (paragraph, base) in enumerate(zip(ctx.paragraphs, ctx.starts, strict=True)):
        spans = list(_spans_in(paragraph, base))
        if open_quote is not None:
            if spans and spans[0].start - base <= 1:
                open_quote.spans.append(spans.pop(0))
                open_quote.last_paragraph = number
                if open_quote.spans[-1].closed:
                    open_quote = None
            else:
                open_quote = None
        for i, span in enumerate(spans):
            item = _Found([span], number, number)
            found.append(item)
            if not span.closed and i == len(spans) - 1:
                open_quote = item
    return found


@lru_cache(maxsize=4096)
def _spans_in(paragraph: str, base: int) -> tuple[Span, ...]:
    """The quote spans of one paragraph (cached: speaker resolution asks again and again)."""
    spans: list[Span] = []
    i = 0
    while i < len(paragraph):
        ch = paragraph[i]
        if ch in OPENING and (ch != '"' or i == 0 or not paragraph[i - 1].isalnum()):
            close = CLOSING[ch]
            j = i + 1
            end = None
            while j < len(paragraph):
                if paragraph[j] == close and (
                    close != '"' or j + 1 == len(paragraph) or not paragraph[j + 1].isalnum()
                ):
                    end = j
                    break
                if paragraph[j] == ch and ch != '"':
                    break  # a new opening before any closing: the quote ran on unclosed
                j += 1
            if end is None:
                end = _mixed_close(paragraph, ch, i + 1, j)
            if end is None:
                spans.append(Span(base + i + 1, base + j, False))
                i = j
            else:
                spans.append(Span(base + i + 1, base + end, True))
                i = end + 1
        else:
            i += 1
    return tuple(s for s in spans if s.end > s.start)


# A quote opened in one style and closed in the other (`"…”`, `“…"`), when its own close is
# missing: sloppy copy does this about once in seventy quotes.
MIXED = {'"': "”", "“": '"'}


def _mixed_close(paragraph: str, opening: str, start: int, stop: int) -> int | None:
    """Where the other style's closing mark ends a quote opened at `start` - 1, if it does."""
    close = MIXED.get(opening)
    for j in range(start, stop):
        if paragraph[j] == close and not paragraph[j - 1].isspace():
            after = paragraph[j + 1 : j + 2]
            if not after.isalnum():
                return j
    return None


def _speaker(
    ctx: Context,
    speaker_text: str | None,
    offset: int,
    last: str | None = None,
    span: tuple[int, int] | None = None,
) -> str | None:
    """The entity id a speaker tag (its words at `span`) refers to: a named mention, a pronoun,
    or a misspelled name."""
    if not speaker_text:
        return None
    if speaker_text in table("quotes")["pronouns"]:
        return _antecedent(ctx, offset, last, span, speaker_text.lower())
    heads = _heads(ctx, span) if span else []
    named = sorted(
        (
            m
            for m in ctx.mentions
            if _words_in(m.text, speaker_text) or _words_in(speaker_text, m.text)
        ),
        key=lambda m: -len(m.text),
    )
    # A name the tag holds ("Iran" in "Iran said") before a longer name the tag is part of ("Iran
    # Air"); people, then organisations, then places (a country speaks through its government).
    for within in (True, False):
        for prefix in ("person:", "organisation:", "place:"):
            for m in named:
                if (m.text in speaker_text) != within or not m.entity.startswith(prefix):
                    continue
                if not within and _possessor(speaker_text, m.text):
                    continue  # "the union said" is not "the union's general secretary"
                if within and prefix != "place:" and _possessor(m.text, speaker_text):
                    # "the union's general secretary" is not the union ("Portugal's
                    # government" is Portugal, `_speaks`)
                    continue
                if within and not (
                    (span and _speaks(m, speaker_text, span[0], heads))
                    or (prefix == "person:" and _named_after_title(speaker_text, m.text))
                ):
                    continue
                return m.entity
    # A name misspelled ("Mr Blinked added"): the head, else the tag's last word.
    word = ctx.text[heads[0].word : heads[0].end] if heads else speaker_text.split()[-1]
    guess = resolve_typo(word, ctx.entities) if word[:1].isupper() else None
    return guess.id if guess else None


def _words_in(part: str, whole: str) -> bool:
    """Whether `part` stands in `whole` as whole words: "it" is no speaker named "University of
    Veskaro"."""
    return part in whole and re.search(rf"(?<!\w){re.escape(part)}(?!\w)", whole) is not None


def _possessor(tag: str, name: str) -> bool:
    """Whether `tag` stands in `name` only as its possessor ("the union" in "the union's
    general secretary", "Halvring Ferries'" in "Halvring Ferries' chief executive")."""
    at = name.find(tag)
    if at < 0:
        return False
    if tag.endswith(("'", "’")):
        return bool(name[at + len(tag) :].strip())
    after = name[at + len(tag) :]
    # "Hartwell's said": the name a company goes by, no possessor
    return after[:2] in {"'s", "’s"} and bool(after[2:].strip())


def _named_after_title(tag: str, name: str) -> bool:
    """Whether a tag ends on `name` set after a comma, as the name of the post before it
    ("Halvring Ferries' chief executive, Corinna Stavenor"), whatever the parse reads."""
    return tag.rstrip(" ,").endswith(f", {name}")


@dataclass(frozen=True)
class _Head:
    """A word that a speaker tag is about, by article offsets: the proper name it ends starts
    at `start` ("Norhaven Appliances"), the word itself at `word`."""

    start: int
    word: int
    end: int
    lower: str


def _heads(ctx: Context, span: tuple[int, int]) -> list[_Head]:
    """The words a speaker tag is about: its head, and the heads set beside it as an apposition
    or a conjunct ("the regional governor, Ana Ruiz"; "Ruiz and Cole"). The rest only modifies
    them: a possessor ("Spain's industry ministry", "Smith's lawyer"), a phrase after ("a
    spokesman for Smith", "residents of Kalyra"), a noun before ("the Florida senator"), a
    clause ("Cole, who runs the dam")."""
    parsed = _parsed(ctx, *span)
    if parsed is None:
        return []
    words, base = parsed
    heads, todo = [], [words.root]
    while todo:
        token = todo.pop(0)
        first = token
        while first.pos_ == "PROPN" and first.i > words.start:
            before = first.nbor(-1)
            if before.pos_ != "PROPN" or before.dep_ not in {"compound", "flat"}:
                break
            first = before
        end = base + token.idx + len(token.text)
        heads.append(_Head(base + first.idx, base + token.idx, end, token.lower_))
        todo.extend(
            c
            for c in token.children
            if c.dep_ in {"appos", "conj"} and words.start <= c.i < words.end
        )
    return heads


def _speaks(mention: Mention, tag: str, at: int, heads: list[_Head]) -> bool:
    """Does a name in a speaker tag (whose words start at `at`) say who speaks: it is one of the
    tag's heads or the proper name a head ends; a place only as the head word itself ("the
    Hollin Democrat" is no place), or as the place whose state the head is ("Portugal's
    government", "the government of Portugal"; `quotes.toml` `state_bodies`)."""
    place = mention.entity.startswith("place:")
    for found in re.finditer(rf"(?<!\w){re.escape(mention.text)}(?!\w)", tag):
        lo, hi = at + found.start(), at + found.end()
        if any(lo < h.end and (h.word if place else h.start) < hi for h in heads):
            return True
    bodies = table("quotes")["state_bodies"]
    return place and any(h.lower in bodies for h in heads)


def _antecedent(
    ctx: Context,
    offset: int,
    last: str | None,
    span: tuple[int, int] | None,
    pronoun: str = "they",
) -> str | None:
    """The person a pronoun (at `span`, of a quote at `offset`) stands for: of the people named
    before, outside any quote ("Liz and I" is not it) and outside the pronoun's own clause (in
    "Walking with Governor Dovan, he said", he is not Dovan), those of the latest sentence that
    names one; of them the subject, the main clause's first ("Verin visited Bresk with Dovan. He
    said": Verin), else the last named ("The prize went to Ana Ruiz. She said": Ruiz). `last`
    when no person is named. "He" is never a person the article calls "she" (`Context.genders`),
    nor "she" one it calls "he"."""
    clause = _clause(ctx, span) if span else None
    other = OTHER_SEX.get(pronoun)
    persons = [
        m
        for m in ctx.mentions
        if m.start < offset
        and m.entity.startswith("person:")
        and not (clause and clause[0] <= m.start < clause[1])
        and not _inside_quote(ctx, m.start)
        and (other is None or ctx.genders.get(m.entity) != other)
    ]
    if not persons:
        return last
    latest = [m for m in persons if m.sentence == persons[-1].sentence]
    subjects = [
        (depth, m.start, m) for m in latest if (depth := _subject_depth(ctx, m)) is not None
    ]
    return min(subjects)[2].entity if subjects else latest[-1].entity


def _of_a_past_year(ctx: Context, sentence: Sentence) -> bool:
    """Whether a sentence tells, in the past tense, of a year ("won his second term in 2022")."""
    parsed = _parsed(ctx, sentence.start, sentence.end)
    if parsed is None:
        return False
    words = parsed[0]
    past = words.root.tag_ == "VBD" or any(
        c.dep_ == "aux" and c.tag_ == "VBD" for c in words.root.children
    )
    return past and any(
        YEAR.fullmatch(t.text) and t.ent_type_ == "DATE" and _in_main_clause(t) for t in words
    )


def _in_main_clause(token: Any) -> bool:
    """Whether a word hangs off its sentence's main verb, not a clause or apposition within
    ("Berg, who ran the council from 2010 to 2014, was less sure": not the main clause's)."""
    while token.head.i != token.i:
        if token.dep_ in {"relcl", "appos", "acl", "advcl", "ccomp"}:
            return False
        token = token.head
    return True


YEAR = re.compile(r"(?:19|20)\d\d")


def _clause(ctx: Context, span: tuple[int, int]) -> tuple[int, int] | None:
    """The article offsets of the clause whose subject the words at `span` are."""
    parsed = _parsed(ctx, *span)
    if parsed is None or parsed[0].root.dep_ not in SUBJECT_DEPS:
        return None
    verb, base = parsed[0].root.head, parsed[1]
    right = verb.right_edge
    return base + verb.left_edge.idx, base + right.idx + len(right.text)


SUBJECT_DEPS = {"nsubj", "nsubjpass"}
# How a name hangs off the subject it is part of: "Prime Minister Tomas Verin", "the governor,
# Ana Ruiz", "Ruiz and Cole".
NAME_DEPS = {"compound", "flat", "appos", "conj"}


def _subject_depth(ctx: Context, mention: Mention) -> int | None:
    """How deep below its sentence's root the clause is whose subject a mention is (or is part
    of): 1 for the main clause's, more for a clause within it; None for no subject."""
    parsed = _parsed(ctx, mention.start, mention.end)
    if parsed is None:
        return None
    token = parsed[0].root
    while token.dep_ in NAME_DEPS and token.head.i != token.i:
        token = token.head
    if token.dep_ not in SUBJECT_DEPS:
        return None
    depth = 0
    while token.head.i != token.i:
        token, depth = token.head, depth + 1
    return depth


def _parsed(ctx: Context, start: int, end: int) -> tuple[Any, int] | None:
    """The parsed words at article offsets start..end, with the offset of their paragraph."""
    number = max(bisect_right(ctx.starts, start) - 1, 0)
    base = ctx.starts[number]
    words = ctx.docs[number].char_span(start - base, end - base, alignment_mode="expand")
    return (words, base) if words is not None and len(words) else None


def _inside_quote(ctx: Context, offset: int) -> bool:
    """Is this offset inside quote marks of its paragraph (an unclosed quote counts)?"""
    number = max(bisect_right(ctx.starts, offset) - 1, 0)
    local = offset - ctx.starts[number]
    return any(
        s.start <= offset < s.end for s in _spans_in(ctx.paragraphs[number], ctx.starts[number])
    ) or (ctx.paragraphs[number][:local].count("“") > ctx.paragraphs[number][:local].count("”"))


def _kind(ctx: Context, span: Span, content: str) -> str:
    """Partial when the quote is a few words set inside a sentence of the writer's own."""
    sentence = ctx.sentences[_sentence(ctx.sentences, span.start)]
    before = ctx.text[sentence.start : span.start - 1].strip()
    inside = bool(before) and not before.endswith((":", ",")) and before[-1:].isalnum()
    if inside and len(content.split()) <= 12:
        return "partial"
    return "direct"


SMALL = {"of", "the", "and", "a", "an", "in", "with", "for", "to", "on", "at", "by", "is", "&"}


def _title(ctx: Context, span: Span, content: str) -> bool:
    """`on a channel's "Evening Roundup"`: the name of a show, book or film, not words said."""
    words = [w for w in re.findall(r"[\w’']+", content)]
    if not words or not all(w[0].isupper() or w.lower() in SMALL or w[0].isdigit() for w in words):
        return False
    before = ctx.text[max(0, span.start - 40) : span.start - 1]
    return bool(re.search(r"(’s|'s|\bon|\bof|\btitled|\bcalled|\bshow|\bprogram|\bin)\s*$", before))


def _continues_previous(ctx: Context, quotes: list[Quote], paragraph: int) -> bool:
    if not quotes:
        return False
    previous = quotes[-1]
    return ctx.sentences[previous.sentence].paragraph >= paragraph - 1


def _reported(ctx: Context, direct: list[Quote]) -> list[Quote]:
    """Attributions read off the parse (`X said (that) …`, `according to X, …`, `X wants …`)."""
    # A reported clause may hold a partial quote ("called the bill “a disgrace” and …").
    taken = [(q.start, q.end) for q in direct if q.kind == "direct"]
    found: list[Quote] = []
    for item in attributions(ctx.docs, ctx.starts, lexicon(), taken, needs_source()):
        start, end = item.content
        speaker_text = ctx.text[item.source[0] : item.source[1]] if item.source else None
        found.append(
            Quote(
                kind="reported",
                text=ctx.text[start:end],
                start=start,
                end=end,
                sentence=_sentence(ctx.sentences, start),
                speaker=_speaker(ctx, speaker_text, start, span=item.source),
                **Tag(speaker_text, item.cue_text, item.source, item.cue).fields(),
            )
        )
    return _said_of_themselves(found)


def _said_of_themselves(found: list[Quote]) -> list[Quote]:
    """A pronoun that speaks within what someone is reported saying is that someone: in
    "Okafor said she expected approval by the end of the year", she is Okafor, whoever was
    named last before the sentence; in "Ribeira Ferries said it expected …", it is the company
    (a bare "it" is otherwise never a speaker). Of several, the innermost ("Ruiz said the
    company said it would …" is the company). "It" and "they" are so even when the words that
    hold them name no entity ("Ferry officials said they expected …": the officials, no one
    named before), but not "he" or "she": "the report said he warned …" is no report's."""
    pronouns = {*table("quotes")["pronouns"], "it", "It"}
    bodies = {"it", "they"}
    resolved = []
    for quote in found:
        at, text = quote.speaker_start, quote.speaker_text
        if text is not None and text in pronouns and at is not None:
            holders = [
                o
                for o in found
                if (o.speaker or (o.speaker_text and text.lower() in bodies))
                and o is not quote
                and o.start <= at < o.end
            ]
            if holders:
                outer = max(holders, key=lambda o: o.start)
                quote = quote.model_copy(update={"speaker": outer.speaker})
        resolved.append(quote)
    return resolved


def _sentence(sentences: list[Sentence], offset: int) -> int:
    starts = [s.start for s in sentences]
    return max(bisect_right(starts, offset) - 1, 0)
