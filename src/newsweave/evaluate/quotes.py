"""Quote and attribution quality on the PolNeAR format: `{id, text, annotations, ...}` a line.

    newsweave.evaluate.quotes.evaluate_quotes("../shared/eval/polnear-dev.jsonl")

Gold. `annotations` maps annotator ids to lists of attributions `{type, source, cue, content}`,
each part a list of `{start, end, text}` character spans into `text`. Most articles have one
annotator; where there are several, the first one listed in the record is the gold (the layers
are not merged: annotators differ on what to mark, and one consistent layer scores cleaner). An
attribution with no content span cannot be matched and is left out (`gold_skipped`). A part made
of several spans is their union: overlap and length are counted in characters over all of them.
Both PolNeAR types count (`Attribution` and `Attribution-no-source`; the latter has no source).

Predictions. Each article becomes an `Article` whose paragraphs are the text split on blank lines
(a newline, optional spaces/tabs, a newline, and any further blank lines). When the paragraphs
joined by `\n\n` give back the text exactly, `Article.text` *is* the PolNeAR text and offsets
are shared. Otherwise (runs of 3+ newlines, blank lines holding spaces) the article gets the
re-joined text and each predicted offset is mapped back through its paragraph: `original start
of paragraph k + (offset - joined start of paragraph k)`, exact because paragraphs are
substrings of the original (`remapped_documents` counts these). The same `analyze_many` the
product runs finds the quotes. A `Quote` gives:

- content: `[start, end)`; for a direct or partial quote, widened to the quote marks right around
  it (newsweave leaves the marks out of `Quote.text`; PolNeAR's spans keep them, 99% of its
  direct quotes in the train split).
  Quotes of one kind that share a tag (the same `cue_start`/`cue_end`: `“A,” X said. “B.”`, or
  two complements of one cue, `urged Congress | to act`) are one attribution, as in PolNeAR,
  whose content is the union of theirs;
- source and cue: the tag's offsets `speaker_start`/`speaker_end` and `cue_start`/`cue_end`. For
  a record without them (stored before they existed) the spans are looked up: the nearest place
  to the quote where `speaker_text` and `cue` stand together (`X said`, `said X`, `X told
  reporters`), else the nearest `speaker_text` and the `cue` nearest to it; whole words only,
  never inside quote marks. No span when the speaker (or cue) is unknown.

`split` (`eval quotes --split dev`) keeps only the records of that split; the attribution cue
lexicon is learned on `train` (`newsweave.evaluate.cues`), so `dev` is the held-out measure.

Metrics, all micro-averaged over every span of the file (matching only within a document):

- **content** (soft overlap): a predicted span's precision credit is `max_g |p ∩ g| / |p|` over
  the gold content spans g of its document; a gold span's recall credit is `max_p |p ∩ g| / |g|`.
  Precision = sum of credits / number of predicted spans; recall likewise over gold spans;
  F1 = 2PR/(P+R). `strict` counts a span as matched (credit 1, else 0) only when some partner
  overlaps it by at least 50% in both directions (`|p ∩ g| >= |p|/2` and `>= |g|/2`).
- **source** and **cue**: each predicted quote is paired with the gold attribution whose content
  it overlaps most (ties: the shorter gold), each gold attribution with the predicted quote that
  overlaps its content most. A predicted source span's credit is `|p_src ∩ g_src| / |p_src|`
  against its partner's source (0 with no partner or a partner without a source); a gold source
  span's credit is `|p_src ∩ g_src| / |g_src|` against its partner's (0 with no partner or a
  partner without a source). Sums over the predicted / gold spans give P / R, as above; `strict`
  needs 50% both ways. So a source only scores when the quote it belongs to was found.
- **speaker_accuracy**: over gold attributions with a source whose content is a direct quote —
  every content span is enclosed in marks (“…”, "…" or ''…''), the marks inside the span or just
  outside it past spaces and `.,;:!?`; a span that runs to the end of its paragraph may leave the
  closing mark out when the next paragraph opens one (a quote continued over paragraphs) — the
  share for which the predicted quote overlapping the content most has a source span overlapping
  the gold source, or, when the gold source is not a pronoun, a resolved speaker whose entity
  name or an alias contains the gold source text or is contained in it (case-insensitive). A gold
  direct quote we did not find at all counts as wrong; `speaker_accuracy_found` leaves those out.
  `direct_quotes` and `direct_quotes_found` give the denominators.

Counts: `documents`, `gold_attributions` (scored), `gold_with_source`, `gold_direct`,
`gold_skipped`, `predicted_attributions`, `predicted_with_source`, and `predicted_by_kind`
(count and soft content precision of our direct, partial and reported quotes).
"""

from __future__ import annotations

import re
import time
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsweave.analyze import analyze_many
from newsweave.errors import InputError
from newsweave.evaluate import Metrics, read_jsonl
from newsweave.models import Analysis, Article, Quote
from newsweave.settings import Settings

Span = tuple[int, int]
Spans = tuple[Span, ...]
"""A union of character intervals `[start, end)`, sorted and non-overlapping."""

STRICT = 0.5
# Single quotes are left out: ’ is far more often an apostrophe than a closing mark.
OPENING_MARKS = '“"«'
CLOSING_MARKS = '”"»'
DOUBLED_APOSTROPHE = "''"
"""Two apostrophes standing for a double quote mark, as in the New York Times archive text."""
_TRAILING = " \t\n.,;:!?"
# Between a speaker and its cue verb: spaces and commas, and up to three words ("X told reporters").
_GAP = r"[\s,]+(?:[\w’-]+[\s,]+){0,3}?"
_TAG_REACH = 80
"""How far before a speaker to look for its cue (`said` + up to three words + the speaker)."""
_BLANK_LINE = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)*")
PRONOUNS = frozenset(
    {"i", "me", "we", "us", "you", "he", "him", "she", "her", "it", "they", "them", "who"}
)


# ── spans ───────────────────────────────────────────────────────────────────────────────────


def spans(parts: Iterable[Span]) -> Spans:
    """The union of some intervals, sorted and merged; empty intervals are dropped."""
    merged: list[list[int]] = []
    for start, end in sorted(p for p in parts if p[1] > p[0]):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((s, e) for s, e in merged)


def length(a: Spans) -> int:
    """Characters covered."""
    return sum(e - s for s, e in a)


def overlap(a: Spans, b: Spans) -> int:
    """Characters covered by both."""
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


# ── tallies ─────────────────────────────────────────────────────────────────────────────────


@dataclass
class Tally:
    """Summed precision and recall credits (soft and strict) and the span counts they divide by."""

    precision_credit: float = 0.0
    predicted: int = 0
    recall_credit: float = 0.0
    gold: int = 0
    strict_precision_hits: int = 0
    strict_recall_hits: int = 0

    def add(self, other: Tally) -> None:
        """Fold another tally (another document) into this one."""
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def scores(self) -> dict[str, float]:
        """Soft precision, recall and F1."""
        return _prf(
            _div(self.precision_credit, self.predicted), _div(self.recall_credit, self.gold)
        )

    def strict_scores(self) -> dict[str, float]:
        """Precision, recall and F1 counting only spans matched 50% both ways."""
        return _prf(
            _div(self.strict_precision_hits, self.predicted),
            _div(self.strict_recall_hits, self.gold),
        )


def soft_overlap(predicted: Sequence[Spans], gold: Sequence[Spans]) -> Tally:
    """Soft and strict overlap credits of one document's predicted spans against its gold spans."""
    tally = Tally(predicted=len(predicted), gold=len(gold))
    for p in predicted:
        tally.precision_credit += max((overlap(p, g) / length(p) for g in gold), default=0.0)
        tally.strict_precision_hits += any(_strict(p, g) for g in gold)
    for g in gold:
        tally.recall_credit += max((overlap(p, g) / length(g) for p in predicted), default=0.0)
        tally.strict_recall_hits += any(_strict(p, g) for p in predicted)
    return tally


def _strict(p: Spans, g: Spans) -> bool:
    shared = overlap(p, g)
    return shared > 0 and shared >= STRICT * length(p) and shared >= STRICT * length(g)


# ── attributions ────────────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class Attribution:
    """One attribution, gold or predicted, as character spans of the article text."""

    content: Spans
    source: Spans = ()
    cue: Spans = ()
    direct: bool = False
    """Gold: the content is a direct quote. Predicted: the quote's kind is `direct`."""
    source_text: str = ""
    speaker_names: tuple[str, ...] = ()
    """Predicted: the resolved speaker entity's name and aliases."""
    kind: str = ""
    """Gold: the PolNeAR type. Predicted: the quote's kind (direct, partial, reported)."""


@dataclass
class DocumentScore:
    """What one document adds to the file's metrics."""

    content: Tally
    source: Tally
    cue: Tally
    direct_quotes: int = 0
    direct_found: int = 0
    direct_correct: int = 0
    predicted_by_kind: dict[str, Tally] = field(default_factory=dict)


def score_document(gold: Sequence[Attribution], predicted: Sequence[Attribution]) -> DocumentScore:
    """Content, source and cue overlap and direct-quote speaker hits of one document."""
    content = soft_overlap([p.content for p in predicted], [g.content for g in gold])
    by_kind: dict[str, Tally] = {}
    for kind in sorted({p.kind for p in predicted}):
        mine = [p.content for p in predicted if p.kind == kind]
        by_kind[kind] = soft_overlap(mine, [g.content for g in gold])
    partner_of_pred = [_best(p.content, [g.content for g in gold]) for p in predicted]
    partner_of_gold = [_best(g.content, [p.content for p in predicted]) for g in gold]
    result = DocumentScore(
        content=content,
        source=_paired(predicted, gold, partner_of_pred, partner_of_gold, "source"),
        cue=_paired(predicted, gold, partner_of_pred, partner_of_gold, "cue"),
        predicted_by_kind=by_kind,
    )
    for g, partner in zip(gold, partner_of_gold, strict=True):
        if not (g.direct and g.source):
            continue
        result.direct_quotes += 1
        if partner is None:
            continue
        result.direct_found += 1
        result.direct_correct += speaker_matches(predicted[partner], g)
    return result


def speaker_matches(predicted: Attribution, gold: Attribution) -> bool:
    """Our speaker is the gold source: the spans overlap, or a resolved name matches a named one."""
    if overlap(predicted.source, gold.source):
        return True
    said = " ".join(gold.source_text.lower().split()).strip(" ,.:;")
    if not said or said in PRONOUNS:
        return False
    for name in predicted.speaker_names:
        name = " ".join(name.lower().split())
        if name and (name in said or said in name):
            return True
    return False


def _best(target: Spans, candidates: Sequence[Spans]) -> int | None:
    """The index of the candidate overlapping `target` most (ties: the shorter), if any does."""
    best, key = None, (0, 0)
    for i, candidate in enumerate(candidates):
        this = (overlap(target, candidate), -length(candidate))
        if this[0] > 0 and (best is None or this > key):
            best, key = i, this
    return best


def _paired(
    predicted: Sequence[Attribution],
    gold: Sequence[Attribution],
    partner_of_pred: Sequence[int | None],
    partner_of_gold: Sequence[int | None],
    part: str,
) -> Tally:
    """Overlap of one part (source or cue) between each attribution and its content partner."""
    tally = Tally()
    for p, partner in zip(predicted, partner_of_pred, strict=True):
        mine: Spans = getattr(p, part)
        if not mine:
            continue
        theirs: Spans = getattr(gold[partner], part) if partner is not None else ()
        tally.predicted += 1
        tally.precision_credit += overlap(mine, theirs) / length(mine)
        tally.strict_precision_hits += _strict(mine, theirs)
    for g, partner in zip(gold, partner_of_gold, strict=True):
        theirs = getattr(g, part)
        if not theirs:
            continue
        mine = getattr(predicted[partner], part) if partner is not None else ()
        tally.gold += 1
        tally.recall_credit += overlap(mine, theirs) / length(theirs)
        tally.strict_recall_hits += _strict(mine, theirs)
    return tally


# ── reading the gold and the predictions ────────────────────────────────────────────────────


def is_direct(text: str, content: Spans) -> bool:
    """Is every span of this content enclosed in quote marks (see the module docstring)?"""
    return bool(content) and all(_enclosed(text, start, end) for start, end in content)


def _enclosed(text: str, start: int, end: int) -> bool:
    first = start
    while first < end and text[first].isspace():
        first += 1
    before = start
    while before > 0 and text[before - 1] in " \t":
        before -= 1
    opens = _mark_at(text, first, OPENING_MARKS) or _mark_before(text, before, OPENING_MARKS)
    last = end
    while last > first and text[last - 1] in _TRAILING:
        last -= 1
    after = end
    while after < len(text) and text[after] in " \t.,;:!?":
        after += 1
    closes = _mark_before(text, last, CLOSING_MARKS) or _mark_at(text, after, CLOSING_MARKS)
    if not closes:
        # A quote continued over paragraphs: no closing mark, the next paragraph opens one.
        rest = text[after:]
        closes = rest.startswith("\n") and _mark_at(rest.lstrip(), 0, OPENING_MARKS)
    return opens and closes


def _mark_at(text: str, i: int, marks: str) -> bool:
    """Does a quote mark start at `i` (one of `marks`, or the doubled apostrophe `''`)?"""
    return i < len(text) and (text[i] in marks or text.startswith(DOUBLED_APOSTROPHE, i))


def _mark_before(text: str, i: int, marks: str) -> bool:
    """Does a quote mark end just before `i`?"""
    return i > 0 and (text[i - 1] in marks or text.startswith(DOUBLED_APOSTROPHE, i - 2))


def gold_attributions(record: dict[str, Any]) -> tuple[list[Attribution], int]:
    """The first annotator's attributions of a record, and how many had no content to score."""
    text: str = record["text"]
    layers = list((record.get("annotations") or {}).values())
    found: list[Attribution] = []
    skipped = 0
    for item in layers[0] if layers else []:
        content = _gold_spans(item.get("content"))
        if not content:
            skipped += 1
            continue
        source = _gold_spans(item.get("source"))
        found.append(
            Attribution(
                content=content,
                source=source,
                cue=_gold_spans(item.get("cue")),
                direct=is_direct(text, content),
                source_text=" ".join(text[s:e] for s, e in source),
                kind=str(item.get("type", "")),
            )
        )
    return found, skipped


def _gold_spans(parts: list[dict[str, Any]] | None) -> Spans:
    return spans((int(p["start"]), int(p["end"])) for p in parts or [])


@dataclass(frozen=True)
class OffsetMap:
    """Offsets in an `Article.text` built from a record → offsets in the record's own text."""

    joined_starts: tuple[int, ...]
    original_starts: tuple[int, ...]

    def __call__(self, offset: int) -> int:
        """The original offset of a joined-text offset (identity when the text split cleanly)."""
        k = max(bisect_right(self.joined_starts, offset) - 1, 0)
        return self.original_starts[k] + offset - self.joined_starts[k]


def article_of(record: dict[str, Any]) -> tuple[Article, OffsetMap]:
    """The record as a newsweave `Article` (paragraphs split on blank lines) and its offset map."""
    text: str = record["text"]
    paragraphs, original_starts, position = [], [], 0
    for blank in _BLANK_LINE.finditer(text):
        paragraphs.append(text[position : blank.start()])
        original_starts.append(position)
        position = blank.end()
    paragraphs.append(text[position:])
    original_starts.append(position)
    joined = "\n\n".join(paragraphs)
    joined_starts, offset = [], 0
    for paragraph in paragraphs:
        joined_starts.append(offset)
        offset += len(paragraph) + 2
    identifier = str(record.get("id", ""))
    article = Article(
        id=identifier,
        source=f"polnear:{identifier}",
        url=None,
        canonical_url=None,
        outlet=str(record.get("source") or "unknown"),
        title=str(record.get("title") or ""),
        text=joined,
        paragraphs=tuple(paragraphs),
        content_hash=identifier,
    )
    return article, OffsetMap(tuple(joined_starts), tuple(original_starts))


def quoted_regions(text: str) -> Spans:
    """The stretches of a text inside quote marks (“…”, "…", ''…''), marks included.

    A quote left open at the end of a paragraph runs to its end (the next paragraph, by the
    newspaper convention, opens its own mark).
    """
    regions: list[Span] = []
    for paragraph in re.finditer(r"[^\n]+", text):
        opened: int | None = None
        closer = ""
        for mark in re.finditer(r"“|”|\"|''", paragraph.group()):
            at, sign = paragraph.start() + mark.start(), mark.group()
            if opened is None and sign != "”":
                opened, closer = at, "”" if sign == "“" else sign
            elif opened is not None and sign == closer:
                regions.append((opened, at + len(sign)))
                opened = None
        if opened is not None:
            regions.append((opened, paragraph.end()))
    return spans(regions)


def locate(text: str, needle: str | None, near: Span, quoted: Spans = ()) -> Spans:
    """The occurrence of `needle` (whole words) nearest to `near`, never inside `quoted`."""
    pattern = _words(needle)
    if pattern is None:
        return ()
    found = _nearest(re.finditer(pattern, text), near, quoted)
    return ((found.start(), found.end()),) if found else ()


def locate_tag(
    text: str, speaker: str | None, cue: str | None, near: Span, quoted: Spans = ()
) -> tuple[Spans, Spans]:
    """The source and cue spans of a quote's tag: the speaker and the cue next to each other
    (`X said`, `said X`, `X told reporters`: up to three words apart) nearest to the quote, else
    each of them found alone (the speaker nearest to the quote, the cue nearest to the speaker).

    Looking for the pair first finds the right "he" among many, and finds a tag set inside a
    reported clause (`The plan, he said, would fail`). Nothing inside `quoted` (the stretches in
    quote marks) is taken: words quoted are never the tag.
    """
    who, verb = _words(speaker), _words(cue)
    if who is not None and verb is not None:
        after = re.compile(_GAP + f"({verb})")
        before = re.compile(f"({verb})" + _GAP + r"\Z")
        pairs: list[tuple[int, Span, Span]] = []
        for match in re.finditer(who, text):
            if _within(quoted, match.start()):
                continue
            said = after.match(text, match.end()) or before.search(
                text, max(0, match.start() - _TAG_REACH), match.start()
            )
            if said is None:
                continue
            start, end = min(match.start(), said.start(1)), max(match.end(), said.end(1))
            distance = max(near[0] - end, start - near[1], 0)
            pairs.append((distance, (match.start(), match.end()), said.span(1)))
        if pairs:
            _, source_span, cue_span = min(pairs)
            return (source_span,), (cue_span,)
    source = locate(text, speaker, near, quoted)
    return source, locate(text, cue, source[0] if source else near, quoted)


def _words(needle: str | None) -> str | None:
    """A regex for a phrase as whole words, or None for an empty phrase."""
    needle = (needle or "").strip()
    if not needle:
        return None
    return (
        (r"\b" if needle[0].isalnum() else "")
        + re.escape(needle)
        + (r"\b" if needle[-1].isalnum() else "")
    )


def _nearest(matches: Iterable[re.Match[str]], near: Span, quoted: Spans) -> re.Match[str] | None:
    best: tuple[int, re.Match[str]] | None = None
    for match in matches:
        if _within(quoted, match.start()):
            continue
        distance = max(near[0] - match.end(), match.start() - near[1], 0)
        if best is None or distance < best[0]:
            best = (distance, match)
    return best[1] if best else None


def _within(regions: Spans, offset: int) -> bool:
    i = bisect_right(regions, offset, key=lambda region: region[0]) - 1
    return i >= 0 and offset < regions[i][1]


def predicted_attributions(
    text: str, analysis: Analysis, to_original: OffsetMap
) -> list[Attribution]:
    """The quotes newsweave found, as spans of the record's own text; quotes that share one tag
    (the same cue offsets: `“A,” X said. “B.”`) make one attribution, as they do in PolNeAR."""
    names = {e.id: (e.name, *e.aliases) for e in analysis.entities}
    quoted = quoted_regions(text)
    groups: dict[tuple[str, int | None, int | None] | int, list[Quote]] = {}
    for number, quote in enumerate(analysis.quotes):
        tag = (quote.kind, quote.cue_start, quote.cue_end)
        groups.setdefault(tag if None not in tag else number, []).append(quote)
    return [_predicted(text, group, to_original, names, quoted) for group in groups.values()]


def _predicted(
    text: str,
    quotes: list[Quote],
    to_original: OffsetMap,
    names: dict[str, tuple[str, ...]],
    quoted: Spans,
) -> Attribution:
    first = quotes[0]
    content = spans(_marked(text, q, to_original) for q in quotes)
    source = _offsets(first.speaker_start, first.speaker_end, to_original)
    cue = _offsets(first.cue_start, first.cue_end, to_original)
    if not source and not cue:
        # A record from before quotes kept their tag's offsets: look the words up.
        source, cue = locate_tag(text, first.speaker_text, first.cue, content[0], quoted)
    return Attribution(
        content=content,
        source=source,
        cue=cue,
        direct=first.kind == "direct",
        source_text=first.speaker_text or "",
        speaker_names=names.get(first.speaker or "", ()),
        kind=first.kind,
    )


def _marked(text: str, quote: Quote, to_original: OffsetMap) -> Span:
    """A quote's span in the record's text; for a quote in marks, widened to the marks that
    enclose it, which PolNeAR's content spans keep and `Quote` leaves out."""
    start, end = to_original(quote.start), to_original(quote.end)
    if quote.kind in {"direct", "partial"}:
        if _mark_before(text, start, OPENING_MARKS):
            start -= 2 if text.startswith(DOUBLED_APOSTROPHE, start - 2) else 1
        if _mark_at(text, end, CLOSING_MARKS):
            end += 2 if text.startswith(DOUBLED_APOSTROPHE, end) else 1
    return start, end


def _offsets(start: int | None, end: int | None, to_original: OffsetMap) -> Spans:
    if start is None or end is None:
        return ()
    return spans([(to_original(start), to_original(end))])


# ── the task ────────────────────────────────────────────────────────────────────────────────


def evaluate_quotes(
    path: str | Path,
    limit: int | None = None,
    split: str | None = None,
    settings: Settings | None = None,
) -> Metrics:
    """Our quotes and speakers scored against PolNeAR attributions (see the module docstring);
    with `split`, only the records whose `split` field has that value."""
    settings = settings or Settings()
    records = list(read_jsonl(path, limit))
    if split is not None:
        present = sorted({str(r.get("split")) for r in records})
        records = [r for r in records if r.get("split") == split]
        if not records:
            raise InputError(f"{path}: no record of split {split!r}; splits: {', '.join(present)}")
    started = time.perf_counter()
    prepared = [(record, *article_of(record)) for record in records]
    analyses = analyze_many((article for _, article, _ in prepared), settings.analyze)
    content, source, cue = Tally(), Tally(), Tally()
    by_kind: dict[str, Tally] = {}
    direct = found = correct = 0
    counts = dict.fromkeys(
        ("gold_attributions", "gold_with_source", "gold_direct", "gold_skipped"), 0
    )
    predicted_total = predicted_with_source = remapped = 0
    for (record, article, to_original), analysis in zip(prepared, analyses, strict=True):
        text: str = record["text"]
        remapped += article.text != text
        gold, skipped = gold_attributions(record)
        predicted = predicted_attributions(text, analysis, to_original)
        document = score_document(gold, predicted)
        content.add(document.content)
        source.add(document.source)
        cue.add(document.cue)
        for kind, tally in document.predicted_by_kind.items():
            by_kind.setdefault(kind, Tally()).add(tally)
        direct += document.direct_quotes
        found += document.direct_found
        correct += document.direct_correct
        counts["gold_attributions"] += len(gold)
        counts["gold_with_source"] += sum(bool(g.source) for g in gold)
        counts["gold_direct"] += sum(g.direct for g in gold)
        counts["gold_skipped"] += skipped
        predicted_total += len(predicted)
        predicted_with_source += sum(bool(p.source) for p in predicted)
    return {
        "content": content.scores(),
        "source": source.scores(),
        "cue": cue.scores(),
        "strict": {
            "content": content.strict_scores(),
            "source": source.strict_scores(),
            "cue": cue.strict_scores(),
        },
        "speaker_accuracy": round(_div(correct, direct), 4),
        "speaker_accuracy_found": round(_div(correct, found), 4),
        "direct_quotes": direct,
        "direct_quotes_found": found,
        "documents": len(records),
        **counts,
        "predicted_attributions": predicted_total,
        "predicted_with_source": predicted_with_source,
        "predicted_by_kind": {
            kind: {
                "count": t.predicted,
                "precision": round(_div(t.precision_credit, t.predicted), 4),
            }
            for kind, t in sorted(by_kind.items())
        },
        "remapped_documents": remapped,
        "seconds": round(time.perf_counter() - started, 1),
    }


def _div(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0


def _prf(p: float, r: float) -> dict[str, float]:
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4)}
