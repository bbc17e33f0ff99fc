"""Quotes and attributions: who said what.

Direct quotes are found by their marks (straight or curly), including the newspaper convention of
a quote running over several paragraphs where each continued paragraph opens a mark and only the
last one closes it. The speaker is found from a cue verb next to the quote (before it: `Mr X
added: “…`, after it: `“…,” he said`) through spaCy's dependency parse, or from a lead phrase
(`described by X as "…"`); a pronoun is resolved to the previous speaker or person. Short quotes
inside a sentence are partial; quotes with no cue and no speaker are scare quotes and dropped.
Reported speech (`X said the US would …`) is an attribution whose content is the cue's clause.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from typing import Any

from newsweave.analyze.attribution import attributions, lexicon
from newsweave.analyze.entities import resolve_typo
from newsweave.analyze.nlp import table
from newsweave.models import Entity, Mention, Quote, Sentence

# A tag after a quote names its cue within this many tokens ("…,” said Dana Cole, a hydrologist").
MAX_TAG_TOKENS = 12
OPENING = '“«"'
CLOSING = {"“": "”", "«": "»", '"': '"'}


@dataclass
class _Span:
    start: int
    end: int
    closed: bool


@dataclass
class _Found:
    spans: list[_Span]
    paragraph: int
    last_paragraph: int


@dataclass(frozen=True)
class _Tag:
    """A quote's tag: the speaker's words and the cue, with their offsets in the article."""

    speaker_text: str | None = None
    cue: str | None = None
    speaker_span: tuple[int, int] | None = None
    cue_span: tuple[int, int] | None = None

    @staticmethod
    def of(quote: Quote) -> _Tag:
        """The tag a quote was attributed by."""
        return _Tag(
            quote.speaker_text,
            quote.cue,
            _pair(quote.speaker_start, quote.speaker_end),
            _pair(quote.cue_start, quote.cue_end),
        )

    def fields(self) -> dict[str, Any]:
        """The tag as `Quote` fields."""
        speaker, cue = self.speaker_span or (None, None), self.cue_span or (None, None)
        return {
            "speaker_text": self.speaker_text,
            "cue": self.cue,
            "speaker_start": speaker[0],
            "speaker_end": speaker[1],
            "cue_start": cue[0],
            "cue_end": cue[1],
        }


NO_TAG = _Tag()


def _pair(start: int | None, end: int | None) -> tuple[int, int] | None:
    return (start, end) if start is not None and end is not None else None


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


def find_quotes(ctx: Context) -> list[Quote]:
    """Direct, partial and reported quotes with their speakers, in text order."""
    cues = set(table("quotes")["cue_verbs"])
    ctx = _normalised(ctx)
    quotes: list[Quote] = []
    last_speaker: tuple[str | None, _Tag] = (None, NO_TAG)
    for found in _direct_spans(ctx):
        first, last = found.spans[0], found.spans[-1]
        tag = _tag_after(ctx, found.last_paragraph, last, cues)
        if tag.speaker_text is None:
            tag = _tag_before(ctx, found.paragraph, first, cues)
        content = " ".join(ctx.text[s.start : s.end].strip() for s in found.spans)
        content = content.strip(" " + "".join(CLOSING.values()) + OPENING)
        if not content:
            continue
        kind = _kind(ctx, first, content)
        if kind == "partial" and _title(ctx, first, content):
            continue
        speaker = _speaker(ctx, tag.speaker_text, first.start, last_speaker[0])
        if tag.speaker_text is None and tag.cue is None:
            opens_paragraph = first.start - ctx.starts[found.paragraph] <= 1
            if opens_paragraph and _continues_previous(ctx, quotes, found.paragraph):
                speaker, tag = (
                    last_speaker[0],
                    _Tag(last_speaker[1].speaker_text, None, last_speaker[1].speaker_span),
                )
            elif _after_tag(ctx, quotes, found.paragraph, first):
                # `“A,” X said. “B.”`: B goes on with what X was saying.
                speaker, tag = quotes[-1].speaker, _Tag.of(quotes[-1])
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
    return sorted(quotes, key=lambda q: q.start)


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


def _after_tag(ctx: Context, quotes: list[Quote], paragraph: int, span: _Span) -> bool:
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
            shared[i] = here.model_copy(
                update={"speaker": after.speaker, **_Tag.of(after).fields()}
            )
    return shared


def _direct_spans(ctx: Context) -> list[_Found]:
    """Spans inside quote marks; an unclosed quote continues into a paragraph that opens one."""
    found: list[_Found] = []
    open_quote: _Found | None = None
    for number, (paragraph, base) in enumerate(zip(ctx.paragraphs, ctx.starts, strict=True)):
        spans = _spans_in(paragraph, base)
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


def _spans_in(paragraph: str, base: int) -> list[_Span]:
    spans: list[_Span] = []
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
                spans.append(_Span(base + i + 1, base + j, False))
                i = j
            else:
                spans.append(_Span(base + i + 1, base + end, True))
                i = end + 1
        else:
            i += 1
    return [s for s in spans if s.end > s.start]


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


def _tag_after(ctx: Context, paragraph: int, span: _Span, cues: set[str]) -> _Tag:
    """`“…,” Mr X said.` / `“…,” said X.` / `“…”, he added.`"""
    doc, base = ctx.docs[paragraph], ctx.starts[paragraph]
    tail_start = span.end - base + 1
    if not span.closed:
        return NO_TAG  # the quote ran into the next one: no tag can follow it
    if not re.match(r"^\s*[,—–-]?\s*\S", ctx.paragraphs[paragraph][tail_start:]):
        return NO_TAG
    # The tag runs to the sentence's end, read by spaCy tokens so "Lt. Gov. J. R. Moss" holds.
    window = []
    for t in doc:
        if t.idx < tail_start:
            continue
        if t.text in {".", "!", "?"} or t.text[:1] in '“"«' or t.text == "''":
            break
        window.append(t)
    if not window:
        return NO_TAG
    tag = _leading_tag(doc, base, window, cues)
    if tag.cue is None:
        # `“…,” Smith shot back.`: a quote whose sentence runs on into its tag is said by the
        # subject of the tag's verb, whatever the verb.
        inside = ctx.text[span.start : span.end].rstrip()
        if inside[-1:] in ",?!—-" or window[0].text == ",":
            tag = _leading_tag(doc, base, window, None)
    return tag


def _leading_tag(doc: Any, base: int, window: list[Any], cues: set[str] | None) -> _Tag:
    """A tag that opens `window`: its verb first (`said X`) or right after its subject (`X,
    a spokesman, told reporters`); any finite verb when `cues` is None."""
    words = [t for t in window if not (t.is_punct or t.is_space)]
    if not words:
        return NO_TAG
    first, end = words[0], window[-1].idx + len(window[-1].text)
    for verb in words[:MAX_TAG_TOKENS] if cues is not None else words:
        if verb.pos_ != "VERB":
            continue
        if cues is None and verb.tag_ not in FINITE:
            continue
        if cues is not None and verb.lemma_.lower() not in cues:
            continue
        subject = _subject_of(verb, first.idx)
        if subject is None and verb.i > first.i and _name_before(doc, first, verb):
            # `Ramos, 58, told AFP`, parsed without a subject: the name before the verb is it.
            named = [t for t in doc[first.i : verb.i] if not (t.is_punct or t.is_space)]
            start, stop = named[0].idx, named[-1].idx + len(named[-1].text)
            cue = (base + verb.idx, base + verb.idx + len(verb.text))
            return _Tag(doc.text[start:stop], verb.text, (base + start, base + stop), cue)
        # The tag's clause starts the window (`X, 69, told`, `Trump adviser X conceded`), and
        # is not a clause of its own kind (`, which votes in June`, `, after X expressed`).
        opens = verb.i == first.i or (
            subject is not None
            and subject.i < verb.i
            and verb.left_edge.i <= first.i
            and verb.dep_ in TAG_DEPS
            and not any(c.dep_ == "mark" for c in verb.children)
        )
        if opens:
            tag = _tag_of(doc, base, verb, [t for t in window if t.idx < end], first.idx, None)
            if tag.speaker_text is not None or cues is not None:
                return tag
    return NO_TAG


def _name_before(doc: Any, first: Any, verb: Any) -> bool:
    """Are the words from `first` up to `verb` a name, with perhaps an age (`Ramos, 58,`)?"""
    words = [t for t in doc[first.i : verb.i] if not (t.is_punct or t.is_space)]
    return (
        0 < len(words) <= 5
        and words[0].pos_ == "PROPN"
        and all(t.pos_ in {"PROPN", "NUM"} for t in words)
    )


# Verb forms that make a tag (`Smith shot back`), not a participle (`referring to …`).
FINITE = {"VBD", "VBZ", "VBP"}
# How the parse attaches a tag's verb: `“…,” X said` is the sentence's root.
TAG_DEPS = {"ROOT", "parataxis", "conj", "ccomp"}


def _tag_before(ctx: Context, paragraph: int, span: _Span, cues: set[str]) -> _Tag:
    """`Mr X added: “…` / `X said that “…` / `described by X as “…`."""
    doc, base = ctx.docs[paragraph], ctx.starts[paragraph]
    head_end = span.start - base - 1
    head = ctx.paragraphs[paragraph][:head_end]
    begin = max(head.rfind(". "), head.rfind("”"), head.rfind('"')) + 1
    window = head[begin:]
    for pattern, regex in _lead_patterns():
        match = regex.search(window)
        if match:
            at = base + begin
            return _Tag(
                match.group("speaker"),
                pattern.split()[0],
                (at + match.start("speaker"), at + match.end("speaker")),
                (at + match.start("cue"), at + match.end("cue")),
            )
    if not window.strip():
        # `Ms X added:` as a paragraph of its own, the quote opening the next one.
        previous = paragraph - 1
        if previous >= 0 and ctx.paragraphs[previous].rstrip().endswith(":"):
            prev_doc = ctx.docs[previous]
            return _cue_in(prev_doc, ctx.starts[previous], 0, len(prev_doc.text), cues)
        return NO_TAG
    tag = _cue_in(doc, base, begin, head_end, cues)
    if tag.cue is None and window.rstrip().endswith(":"):
        tag = _colon_lead(doc, base, begin, head_end)
    return tag


def _colon_lead(doc: Any, base: int, start: int, end: int) -> _Tag:
    """`Ms X agreed: “…` / `Carl Bialik: “…`: the clause or name that a colon hands over to the
    quote names its speaker; after a dash (`Pollsters agree - Carl Bialik:`) only what follows."""
    tokens = [t for t in doc if start <= t.idx < end and not t.is_space]
    cut = max((i for i, t in enumerate(tokens) if t.text in {"-", "—", "–"}), default=-1)
    tokens = tokens[cut + 1 :]
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    if not tokens:
        return NO_TAG
    colon = next(
        (t for t in doc if t.idx >= tokens[-1].idx + len(tokens[-1]) and t.text == ":"), None
    )
    if all(t.pos_ == "PROPN" or t.is_punct for t in tokens) and len(tokens) <= 5:
        first, last = tokens[0], tokens[-1]
        speaker = (base + first.idx, base + last.idx + len(last.text))
        cue = (base + colon.idx, base + colon.idx + 1) if colon is not None else None
        return _Tag(doc.text[first.idx : last.idx + len(last.text)], ":", speaker, cue)
    verbs = [t for t in tokens if t.pos_ == "VERB" and _subject_of(t) is not None]
    if not verbs:
        return NO_TAG
    return _tag_of(doc, base, verbs[-1], tokens, 0, end)


@cache
def _lead_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """The lead phrases (`described by {speaker} as`) as regexes ending where a quote opens."""
    compiled = []
    for pattern in table("quotes")["lead_patterns"]:
        cue, _, rest = pattern.partition(" ")
        regex = f"(?P<cue>{re.escape(cue)}) " + re.escape(rest).replace(
            r"\{speaker\}", r"(?P<speaker>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*)"
        )
        compiled.append((pattern, re.compile(regex + r"\s*$")))
    return compiled


def _cue_in(
    doc: Any,
    base: int,
    start: int,
    end: int,
    cues: set[str] | None,
    cue_limit: int | None = None,
) -> _Tag:
    """The speaker and cue verb of a cue phrase found between two offsets of a parsed paragraph
    that starts at `base` in the article; with `cues` None, the first verb with a subject. The
    subject stands before `end` (after it comes the quote)."""
    tokens = [t for t in doc if start <= t.idx < end]
    for token in tokens:
        if cue_limit is not None and token.idx >= cue_limit:
            break
        if cues is not None and (
            token.lemma_.lower() not in cues or token.pos_ not in {"VERB", "AUX"}
        ):
            continue
        tag = _tag_of(doc, base, token, tokens, 0, end)
        if cues is None and (token.pos_ != "VERB" or tag.speaker_text is None):
            continue
        return tag
    return NO_TAG


def _tag_of(doc: Any, base: int, verb: Any, tokens: list[Any], lo: int, hi: int | None) -> _Tag:
    """The tag made by `verb`: its subject, found between the offsets `lo` and `hi` (never in
    the quote, which the parse sometimes makes the subject), or after it (`said X`)."""
    cue_span = (base + verb.idx, base + verb.idx + len(verb.text))
    subject = _subject_of(verb, lo, hi) or _inverted_subject(tokens, verb)
    if subject is None:
        return _Tag(None, verb.text, None, cue_span)
    left = min(subject.left_edge.i, subject.i)
    if lo:  # a tag after its quote: the subject's words start after the quote
        left = max(left, tokens[0].i)
    words = doc[left : subject.right_edge.i + 1]
    text = words.text.strip(" ,")
    lead = len(words.text) - len(words.text.lstrip(" ,"))
    at = base + words.start_char + lead
    return _Tag(text, verb.text, (at, at + len(text)), cue_span)


def _subject_of(token: Any, start: int = 0, end: int | None = None) -> Any:
    """A verb's subject, or its head's across `conj`/`advcl`/`xcomp` (`before saying: "…"`),
    standing between the offsets `start` and `end` of its paragraph."""
    for here in (token, token.head) if token.dep_ in {"conj", "advcl", "xcomp"} else (token,):
        for child in here.children:
            inside = start <= child.idx and (end is None or child.idx < end)
            if child.dep_ in {"nsubj", "nsubjpass"} and inside:
                return child
    return None


def _inverted_subject(tokens: list[Any], token: Any) -> Any:
    """`said X`: the subject follows the verb, and the parse often makes it a dependent."""
    return next((t for t in tokens if t.i > token.i and t.pos_ in {"PROPN", "PRON"}), None)


def _speaker(
    ctx: Context, speaker_text: str | None, offset: int, last: str | None = None
) -> str | None:
    """The entity id a speaker tag refers to: a named mention, a pronoun, or a misspelled name."""
    if not speaker_text:
        return None
    if speaker_text in table("quotes")["pronouns"]:
        # The nearest person named before the quote, outside any quote ("Liz and I" is not it).
        before = [
            m
            for m in ctx.mentions
            if m.start < offset
            and m.entity.startswith("person:")
            and not _inside_quote(ctx, m.start)
        ]
        return before[-1].entity if before else last
    named = [m for m in ctx.mentions if m.text in speaker_text or speaker_text in m.text]
    for prefix in ("person:", "organisation:"):
        for m in sorted(named, key=lambda m: -len(m.text)):
            if m.entity.startswith(prefix):
                return m.entity
    guess = resolve_typo(speaker_text.split()[-1], ctx.entities)
    return guess.id if guess else None


def _inside_quote(ctx: Context, offset: int) -> bool:
    """Is this offset inside quote marks of its paragraph (an unclosed quote counts)?"""
    number = max(bisect_right(ctx.starts, offset) - 1, 0)
    local = offset - ctx.starts[number]
    return any(
        s.start <= offset < s.end for s in _spans_in(ctx.paragraphs[number], ctx.starts[number])
    ) or (ctx.paragraphs[number][:local].count("“") > ctx.paragraphs[number][:local].count("”"))


def _kind(ctx: Context, span: _Span, content: str) -> str:
    """Partial when the quote is a few words set inside a sentence of the writer's own."""
    sentence = ctx.sentences[_sentence(ctx.sentences, span.start)]
    before = ctx.text[sentence.start : span.start - 1].strip()
    inside = bool(before) and not before.endswith((":", ",")) and before[-1:].isalnum()
    if inside and len(content.split()) <= 12:
        return "partial"
    return "direct"


SMALL = {"of", "the", "and", "a", "an", "in", "with", "for", "to", "on", "at", "by", "is", "&"}


def _title(ctx: Context, span: _Span, content: str) -> bool:
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
    for item in attributions(ctx.docs, ctx.starts, lexicon(), taken):
        start, end = item.content
        speaker_text = ctx.text[item.source[0] : item.source[1]] if item.source else None
        found.append(
            Quote(
                kind="reported",
                text=ctx.text[start:end],
                start=start,
                end=end,
                sentence=_sentence(ctx.sentences, start),
                speaker=_speaker(ctx, speaker_text, start),
                **_Tag(speaker_text, item.cue_text, item.source, item.cue).fields(),
            )
        )
    return found


def _sentence(sentences: list[Sentence], offset: int) -> int:
    starts = [s.start for s in sentences]
    return max(bisect_right(starts, offset) - 1, 0)
