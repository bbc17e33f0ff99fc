"""The story page: a brief laid out for reading, with its articles side by side.

`story_page` gathers everything the template shows in one pass over the store: the brief, the
articles in the brief's numbering, their sentences marked by the shared claims they support, the
outlet-by-claim matrix, quote drift with the differing words marked, conflicts, the timeline and
the lineage. The template only loops and escapes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from newsweave.brief import dated_runs
from newsweave.models import Article, Brief, Claim, Entity, LineageLink, Sentence
from newsweave.store import Store
from newsweave.web.markup import ClaimMark, SentenceView, paragraphs, word_marks

PALETTE = 8
"""Colours for shared claims (`claim-c0` … `claim-c7` in style.css); claims beyond reuse them."""


@dataclass(frozen=True)
class Source:
    """An article of the story, numbered as the brief cites it ([1], [2], …)."""

    number: int
    id: str
    outlet: str
    title: str


@dataclass(frozen=True)
class CitationView:
    source: Source
    sentence: int


@dataclass(frozen=True)
class SummaryLine:
    text: str
    citations: tuple[CitationView, ...]


@dataclass(frozen=True)
class Column:
    """One article in the side-by-side view."""

    source: Source
    article: Article
    paragraphs: list[list[SentenceView]]
    lineage: tuple[str, ...]
    """Short notes: "copy of [1]", "cites Iberia Observer"."""


@dataclass(frozen=True)
class MatrixRow:
    claim: Claim
    colour: int | None
    reported: tuple[bool, ...]
    """One flag per outlet of `Matrix.outlets`."""


@dataclass(frozen=True)
class Matrix:
    """Which outlet reports which claim (claims two or more outlets report)."""

    outlets: tuple[str, ...]
    rows: tuple[MatrixRow, ...]
    only: tuple[int, ...]
    """Per outlet, how many claims it alone reports."""


@dataclass(frozen=True)
class VariantView:
    source: Source
    words: list[tuple[str, bool]]


@dataclass(frozen=True)
class DriftView:
    speaker: str
    variants: tuple[VariantView, ...]


@dataclass(frozen=True)
class ValueView:
    source: Source
    value: str
    text: str


@dataclass(frozen=True)
class ConflictView:
    what: str
    values: tuple[ValueView, ...]


@dataclass(frozen=True)
class TimelineView:
    when: str
    what: tuple[tuple[str, bool], ...]
    """The sentence as runs, its date phrases marked (`brief.dated_runs`)."""
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class LineageView:
    article: Source
    kind: str
    source: Source | None
    source_outlet: str | None
    evidence: str


@dataclass(frozen=True)
class StoryPage:
    brief: Brief
    sources: tuple[Source, ...]
    summary: tuple[SummaryLine, ...]
    columns: tuple[Column, ...]
    matrix: Matrix
    drift: tuple[DriftView, ...]
    conflicts: tuple[ConflictView, ...]
    timeline: tuple[TimelineView, ...]
    lineage: tuple[LineageView, ...]
    entities: tuple[Entity, ...]


def story_page(store: Store, story_id: str) -> StoryPage:
    """Everything the story page shows, read from the store."""
    brief = store.brief(story_id)
    stored = {a.id: a for a in store.articles(story=brief.id)}
    order = [a.id for a in brief.articles if a.id in stored]
    order += [aid for aid in stored if aid not in order]  # joined since the brief was written
    sources = {
        aid: Source(i + 1, aid, stored[aid].outlet, stored[aid].title)
        for i, aid in enumerate(order)
    }
    sentences = store.article_sentences(order)
    colours = shared_claims(brief.claims)
    marks = sentence_marks(brief.claims, colours)
    return StoryPage(
        brief=brief,
        sources=tuple(sources.values()),
        summary=summary(brief, sources),
        columns=tuple(
            _column(
                sources[aid], stored[aid], sentences.get(aid, ()), marks, brief.lineage, sources
            )
            for aid in order
        ),
        matrix=matrix(brief, colours),
        drift=drift(brief, sources),
        conflicts=conflicts(brief, sources),
        timeline=tuple(
            TimelineView(
                t.when,
                tuple(dated_runs(t)),
                _in_order(sources[a] for a in t.articles if a in sources),
            )
            for t in brief.timeline
        ),
        lineage=lineage(brief, sources),
        entities=brief.entities,
    )


def summary(brief: Brief, sources: dict[str, Source]) -> tuple[SummaryLine, ...]:
    """The summary sentences with their citations numbered as the sources are."""
    return tuple(
        SummaryLine(
            s.text,
            tuple(
                CitationView(sources[c.article], c.sentence)
                for c in s.citations
                if c.article in sources
            ),
        )
        for s in brief.summary
    )


def drift(brief: Brief, sources: dict[str, Source]) -> tuple[DriftView, ...]:
    """Each drifted quote's wordings, the words one has and the other lacks marked."""
    return tuple(
        DriftView(
            d.speaker,
            tuple(
                VariantView(sources[v.article], word_marks(v.text, v.differs))
                for v in d.variants
                if v.article in sources
            ),
        )
        for d in brief.quote_drift
    )


def conflicts(brief: Brief, sources: dict[str, Source]) -> tuple[ConflictView, ...]:
    """Each conflict with the value every article gives."""
    return tuple(
        ConflictView(
            c.what,
            tuple(
                ValueView(sources[v.article], v.value, v.text)
                for v in c.values
                if v.article in sources
            ),
        )
        for c in brief.conflicts
    )


def lineage(brief: Brief, sources: dict[str, Source]) -> tuple[LineageView, ...]:
    """Who copied, rewrote or cited whom, the source numbered when it is in the story."""
    return tuple(
        LineageView(
            sources[link.article],
            link.kind,
            sources.get(link.source or ""),
            link.source_outlet,
            link.evidence,
        )
        for link in brief.lineage
        if link.article in sources
    )


def shared_claims(claims: tuple[Claim, ...]) -> dict[str, int]:
    """Claim id → palette colour, for claims supported by two or more articles.

    Colours go round the palette, skipping a colour that the claim of a neighbouring sentence
    (the one before or after, in any article) already has, so adjacent highlights never run
    together and look like one claim.
    """
    shared = [c for c in claims if len({s.article for s in c.support}) >= 2]
    owner: dict[tuple[str, int], str] = {}
    for claim in shared:
        for s in claim.support:
            owner.setdefault((s.article, s.sentence), claim.id)
    colours: dict[str, int] = {}
    turn = 0
    for claim in shared:
        near = {
            colours.get(owner.get((s.article, s.sentence + step), ""))
            for s in claim.support
            for step in (-1, 1)
        }
        colour = next(
            (c for c in ((turn + k) % PALETTE for k in range(PALETTE)) if c not in near), turn
        )
        colours[claim.id] = colour
        turn = (colour + 1) % PALETTE
    return colours


def sentence_marks(
    claims: tuple[Claim, ...], colours: dict[str, int]
) -> dict[str, dict[int, ClaimMark]]:
    """Article id → sentence index → the shared claim it supports (the first, if several)."""
    marks: dict[str, dict[int, ClaimMark]] = {}
    for claim in claims:
        if claim.id not in colours:
            continue
        for s in claim.support:
            marks.setdefault(s.article, {}).setdefault(
                s.sentence, ClaimMark(claim.id, colours[claim.id])
            )
    return marks


def matrix(brief: Brief, colours: dict[str, int]) -> Matrix:
    """The outlet-by-claim coverage matrix of claims two or more outlets report."""
    outlets = tuple(sorted(brief.coverage))
    reported = {outlet: set(ids) for outlet, ids in brief.coverage.items()}
    rows = []
    for claim in brief.claims:
        flags = tuple(claim.id in reported[o] for o in outlets)
        if sum(flags) >= 2:
            rows.append(MatrixRow(claim, colours.get(claim.id), flags))
    rows.sort(key=lambda r: -sum(r.reported))
    only = tuple(len(brief.unique_coverage.get(o, ())) for o in outlets)
    return Matrix(outlets, tuple(rows), only)


def _column(
    source: Source,
    article: Article,
    sentences: tuple[Sentence, ...],
    marks: dict[str, dict[int, ClaimMark]],
    links: tuple[LineageLink, ...],
    sources: dict[str, Source],
) -> Column:
    notes = []
    for link in links:
        if link.article != article.id:
            continue
        named = sources.get(link.source or "")
        target = f"[{named.number}] {named.outlet}" if named else link.source_outlet or "unknown"
        verb = {"duplicate": "copy of", "derivative": "derived from", "citing": "cites"}[link.kind]
        notes.append(f"{verb} {target}")
    return Column(
        source=source,
        article=article,
        paragraphs=paragraphs(article, sentences, marks.get(article.id)),
        lineage=tuple(dict.fromkeys(notes)),
    )


def _in_order(cited: Iterable[Source]) -> tuple[Source, ...]:
    """Sources as the brief numbers them: [1] before [2]."""
    return tuple(sorted(cited, key=lambda source: source.number))
