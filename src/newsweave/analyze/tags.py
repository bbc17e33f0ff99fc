"""Quote tags: the speaker and the cue next to a direct quote.

A tag follows its quote (`“…,” Mr X said.`, `“…,” said X, a spokesman.`) or leads into it
(`Mr X added: “…`, `described by X as “…`). The tag's verb is a cue verb (`data/quotes.toml`)
or, when the quote's sentence runs on into the tag (`“…,” Smith shot back.`), any finite verb;
its subject, read off spaCy's parse but never inside the quote, is the speaker. Offsets of the
speaker's words and of the cue are kept, so a reader (or the evaluation) need not search for them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from newsweave.analyze.nlp import doc_text, nearest_subject, table
from newsweave.models import Quote

if TYPE_CHECKING:
    from newsweave.analyze.quotes import Context

# A tag after a quote names its cue within this many tokens ("…,” said Dana Cole, a hydrologist").
MAX_TAG_TOKENS = 12


@dataclass(frozen=True)
class Span:
    """A stretch inside quote marks, as offsets into the article text."""

    start: int
    end: int
    closed: bool


@dataclass(frozen=True)
class Tag:
    """A quote's tag: the speaker's words and the cue, with their offsets in the article."""

    speaker_text: str | None = None
    cue: str | None = None
    speaker_span: tuple[int, int] | None = None
    cue_span: tuple[int, int] | None = None

    @staticmethod
    def of(quote: Quote) -> Tag:
        """The tag a quote was attributed by."""
        return Tag(
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


NO_TAG = Tag()


def _pair(start: int | None, end: int | None) -> tuple[int, int] | None:
    return (start, end) if start is not None and end is not None else None


def tag_after(ctx: Context, paragraph: int, span: Span, cues: set[str]) -> Tag:
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


def _leading_tag(doc: Any, base: int, window: list[Any], cues: set[str] | None) -> Tag:
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
            return Tag(doc_text(doc)[start:stop], verb.text, (base + start, base + stop), cue)
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


def tag_before(ctx: Context, paragraph: int, span: Span, cues: set[str]) -> Tag:
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
            return Tag(
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
            return _cue_in(prev_doc, ctx.starts[previous], 0, len(doc_text(prev_doc)), cues)
        return NO_TAG
    tag = _cue_in(doc, base, begin, head_end, cues)
    if tag.cue is None and window.rstrip().endswith(":"):
        tag = _colon_lead(doc, base, begin, head_end)
    return tag


def _colon_lead(doc: Any, base: int, start: int, end: int) -> Tag:
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
        return Tag(doc_text(doc)[first.idx : last.idx + len(last.text)], ":", speaker, cue)
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
) -> Tag:
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


def _tag_of(doc: Any, base: int, verb: Any, tokens: list[Any], lo: int, hi: int | None) -> Tag:
    """The tag made by `verb`: its subject, found between the offsets `lo` and `hi` (never in
    the quote, which the parse sometimes makes the subject), or after it (`said X`)."""
    cue_span = (base + verb.idx, base + verb.idx + len(verb.text))
    subject = _subject_of(verb, lo, hi) or _inverted_subject(tokens, verb)
    if subject is None:
        return Tag(None, verb.text, None, cue_span)
    left = min(subject.left_edge.i, subject.i)
    if lo:  # a tag after its quote: the subject's words start after the quote
        left = max(left, tokens[0].i)
    words = doc[left : subject.right_edge.i + 1]
    text = words.text.strip(" ,")
    lead = len(words.text) - len(words.text.lstrip(" ,"))
    at = base + words.start_char + lead
    return Tag(text, verb.text, (at, at + len(text)), cue_span)


def _subject_of(token: Any, start: int = 0, end: int | None = None) -> Any:
    """A verb's subject, or its head's across `conj`/`advcl`/`xcomp` (`before saying: "…"`),
    standing between the offsets `start` and `end` of its paragraph."""
    for here in (token, token.head) if token.dep_ in {"conj", "advcl", "xcomp"} else (token,):
        subjects = [
            child
            for child in here.children
            if child.dep_ in {"nsubj", "nsubjpass"}
            and start <= child.idx
            and (end is None or child.idx < end)
        ]
        if subjects:
            return nearest_subject(here, subjects)
    return None


def _inverted_subject(tokens: list[Any], token: Any) -> Any:
    """`said X`: the subject follows the verb, and the parse often makes it a dependent."""
    return next((t for t in tokens if t.i > token.i and t.pos_ in {"PROPN", "PRON"}), None)
