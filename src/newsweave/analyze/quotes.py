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
from typing import Any

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
    last_speaker: tuple[str | None, str | None] = (None, None)
    for found in _direct_spans(ctx):
        first, last = found.spans[0], found.spans[-1]
        speaker_text, cue = _tag_after(ctx, found.last_paragraph, last, cues)
        if speaker_text is None:
            speaker_text, cue = _tag_before(ctx, found.paragraph, first, cues)
        content = " ".join(ctx.text[s.start : s.end].strip() for s in found.spans)
        content = content.strip(" " + "".join(CLOSING.values()) + OPENING)
        if not content:
            continue
        kind = _kind(ctx, first, content)
        if kind == "partial" and _title(ctx, first, content):
            continue
        speaker = _speaker(ctx, speaker_text, first.start, last_speaker)
        if speaker_text is None and cue is None:
            opens_paragraph = first.start - ctx.starts[found.paragraph] <= 1
            if opens_paragraph and _continues_previous(ctx, quotes, found.paragraph):
                speaker, speaker_text = last_speaker
            elif _after_tag(ctx, quotes, found.paragraph, first):
                # `“A,” X said. “B.”`: B goes on with what X was saying.
                speaker, speaker_text, cue = (
                    quotes[-1].speaker,
                    quotes[-1].speaker_text,
                    quotes[-1].cue,
                )
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
                speaker_text=speaker_text,
                cue=cue,
            )
        )
        if speaker or speaker_text:
            last_speaker = (speaker, speaker_text)
    quotes = _share_tags(ctx, quotes)
    quotes.extend(_reported(ctx, cues, quotes))
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
    # One sentence between them at most (abbreviations like "Mr." are no sentence end).
    if _sentence(ctx.sentences, span.start) - _sentence(ctx.sentences, previous.end) > 1:
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
                update={
                    "speaker": after.speaker,
                    "speaker_text": after.speaker_text,
                    "cue": after.cue,
                }
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
                spans.append(_Span(base + i + 1, base + j, False))
                i = j
            else:
                spans.append(_Span(base + i + 1, base + end, True))
                i = end + 1
        else:
            i += 1
    return [s for s in spans if s.end > s.start]


def _token_window(ctx: Context, offset: int) -> tuple[Any, int]:
    number = max(bisect_right(ctx.starts, offset) - 1, 0)
    return ctx.docs[number], ctx.starts[number]


def _tag_after(
    ctx: Context, paragraph: int, span: _Span, cues: set[str]
) -> tuple[str | None, str | None]:
    """`“…,” Mr X said.` / `“…,” said X.` / `“…”, he added.`"""
    doc, base = ctx.docs[paragraph], ctx.starts[paragraph]
    tail_start = span.end - base + 1
    if not span.closed:
        return None, None  # the quote ran into the next one: no tag can follow it
    if not re.match(r"^\s*[,—–-]?\s*\S", ctx.paragraphs[paragraph][tail_start:]):
        return None, None
    # The tag runs to the sentence's end, read by spaCy tokens so "Lt. Gov. J. R. Moss" holds.
    window = []
    for t in doc:
        if t.idx < tail_start:
            continue
        if t.text in {".", "!", "?"} or t.text[:1] in '“"«' or t.text == "''":
            break
        window.append(t)
    if not window:
        return None, None
    end = window[-1].idx + len(window[-1].text)
    limit = window[:MAX_TAG_TOKENS][-1].idx + 1
    return _cue_in(doc, tail_start, end, cues, limit)


def _tag_before(
    ctx: Context, paragraph: int, span: _Span, cues: set[str]
) -> tuple[str | None, str | None]:
    """`Mr X added: “…` / `X said that “…` / `described by X as “…`."""
    doc, base = ctx.docs[paragraph], ctx.starts[paragraph]
    head_end = span.start - base - 1
    head = ctx.paragraphs[paragraph][:head_end]
    begin = max(head.rfind(". "), head.rfind("”"), head.rfind('"')) + 1
    window = head[begin:]
    for pattern in table("quotes")["lead_patterns"]:
        regex = re.escape(pattern).replace(
            r"\{speaker\}", r"(?P<speaker>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*)"
        )
        match = re.search(regex + r"\s*$", window)
        if match:
            return match.group("speaker"), pattern.split()[0]
    if not window.strip():
        # `Ms X added:` as a paragraph of its own, the quote opening the next one.
        previous = paragraph - 1
        if previous >= 0 and ctx.paragraphs[previous].rstrip().endswith(":"):
            prev_doc = ctx.docs[previous]
            return _cue_in(prev_doc, 0, len(prev_doc.text), cues)
        return None, None
    return _cue_in(doc, begin, head_end, cues)


def _cue_in(
    doc: Any, start: int, end: int, cues: set[str], cue_limit: int | None = None
) -> tuple[str | None, str | None]:
    """The speaker and cue verb of a cue phrase found between two offsets of a parsed paragraph."""
    tokens = [t for t in doc if start <= t.idx < end]
    for token in tokens:
        if cue_limit is not None and token.idx >= cue_limit:
            break
        if token.lemma_.lower() in cues and token.pos_ in {"VERB", "AUX"}:
            subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if not subjects and token.dep_ in {"conj", "advcl", "xcomp"}:
                # `X deflected questions before saying: "…"`, `The email goes on to say: "…"`
                subjects = [c for c in token.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if not subjects:
                # "said X" inverted order: the subject follows, often parsed as a dependent.
                subjects = [t for t in tokens if t.i > token.i and t.pos_ in {"PROPN", "PRON"}][:1]
            if subjects:
                subject = subjects[0]
                left = min(subject.left_edge.i, subject.i)
                span = doc[left : subject.right_edge.i + 1]
                return span.text.strip(" ,"), token.text
            return None, token.text
    return None, None


def _speaker(
    ctx: Context, speaker_text: str | None, offset: int, last: tuple[str | None, str | None]
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
        return before[-1].entity if before else last[0]
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


def _reported(ctx: Context, cues: set[str], direct: list[Quote]) -> list[Quote]:
    """`X said (that) …`: a cue verb with a named or pronoun subject and a clause of content."""
    # A reported clause may hold a partial quote ("called the bill “a disgrace” and …").
    taken = [(q.start, q.end) for q in direct if q.kind == "direct"]
    found: list[Quote] = []
    for doc, base in zip(ctx.docs, ctx.starts, strict=True):
        for token in doc:
            if token.lower_ == "according":
                quote = _according(ctx, doc, base, token, taken)
                if quote is not None:
                    found.append(quote)
                continue
            if token.lemma_.lower() not in cues or token.pos_ != "VERB":
                continue
            subjects = [c for c in token.children if c.dep_ == "nsubj"]
            # "…, saying the state could not afford it": the subject is the head verb's.
            if not subjects and (
                token.dep_ == "conj" or (token.dep_ == "advcl" and token.tag_ == "VBG")
            ):
                subjects = [c for c in token.head.children if c.dep_ == "nsubj"]
            clauses = [c for c in token.children if c.dep_ == "ccomp"]
            # "The bridge, the engineer said, will open in May": the host clause is the content.
            if subjects and not clauses and token.dep_ == "parataxis":
                clauses = [token.head]
            if not subjects or not clauses:
                continue
            clause = clauses[0]
            start = base + doc[clause.left_edge.i].idx
            last = doc[clause.right_edge.i]
            if last.is_punct and clause.right_edge.i > clause.left_edge.i:
                last = doc[clause.right_edge.i - 1]
            end = base + last.idx + len(last.text)
            if any(s <= start < e or s < end <= e or (start <= s and e <= end) for s, e in taken):
                continue
            words = ctx.text[start:end].strip()
            if len(words.split()) < 4:
                continue
            subject = subjects[0]
            speaker_text = doc[subject.left_edge.i : subject.right_edge.i + 1].text
            speaker = _speaker(ctx, speaker_text, start, (None, None))
            found.append(
                Quote(
                    kind="reported",
                    text=words,
                    start=start,
                    end=end,
                    sentence=_sentence(ctx.sentences, start),
                    speaker=speaker,
                    speaker_text=speaker_text,
                    cue=token.text,
                )
            )
    return found


def _according(ctx: Context, doc: Any, base: int, token: Any, taken: list) -> Quote | None:
    """`Y, according to X.` / `According to X, Y.`: X is the source, Y (the clause) the content."""
    to = next((c for c in token.children if c.lower_ == "to"), None)
    source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    head = token.head
    if source is None or head.i == token.i:
        return None
    phrase = (token.i, source.right_edge.i)
    left, right = head.left_edge.i, head.right_edge.i
    if phrase[0] <= left:
        left = phrase[1] + 1
    elif phrase[1] >= right:
        right = phrase[0] - 1
    while left <= right and doc[left].is_punct:
        left += 1
    while right >= left and doc[right].is_punct:
        right -= 1
    if right - left < 3:
        return None
    start = base + doc[left].idx
    end = base + doc[right].idx + len(doc[right].text)
    if any(s <= start < e or s < end <= e or (start <= s and e <= end) for s, e in taken):
        return None
    speaker_text = doc[source.left_edge.i : source.right_edge.i + 1].text
    return Quote(
        kind="reported",
        text=ctx.text[start:end],
        start=start,
        end=end,
        sentence=_sentence(ctx.sentences, start),
        speaker=_speaker(ctx, speaker_text, start, (None, None)),
        speaker_text=speaker_text,
        cue="according to",
    )


def _sentence(sentences: list[Sentence], offset: int) -> int:
    starts = [s.start for s in sentences]
    return max(bisect_right(starts, offset) - 1, 0)
