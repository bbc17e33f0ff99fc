"""Analyze: `Article` → `Analysis` (sentences, entities, quotes, numbers, dates).

Each paragraph is parsed on its own by spaCy, so no sentence crosses a paragraph and a caption
or an indented line never glues onto its neighbour. Offsets everywhere point into `Article.text`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from newsweave.analyze.dates import find_dates
from newsweave.analyze.entities import (
    entity_id,
    raw_mentions,
    resolve,
    resolve_typo,
    untagged_surnames,
)
from newsweave.analyze.nlp import load
from newsweave.analyze.numbers import find_numbers
from newsweave.analyze.quotes import Context, find_quotes
from newsweave.analyze.roles import link_roles, role_phrases, without_title_slips
from newsweave.analyze.sentences import paragraph_starts, sentences
from newsweave.models import Analysis, Article, Entity, Mention, Quote
from newsweave.settings import AnalyzeSettings

__all__ = ["analyze", "analyze_many"]

PRONOUNS = {"he", "she", "they", "He", "She", "They", "it", "It", "we", "We", "I"}


def analyze(article: Article, settings: AnalyzeSettings | None = None) -> Analysis:
    """Analyse one article."""
    return next(analyze_many([article], settings))


def analyze_many(
    articles: Iterable[Article], settings: AnalyzeSettings | None = None
) -> Iterator[Analysis]:
    """Analyse articles in order; paragraphs of many articles are parsed in one spaCy stream,
    which is several times faster than a call per article (spaCy's overhead is per batch)."""
    settings = settings or AnalyzeSettings()
    nlp = load(settings.spacy_model)
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) == ARTICLES_PER_BATCH:
            yield from _analyse_batch(nlp, batch, settings)
            batch = []
    if batch:
        yield from _analyse_batch(nlp, batch, settings)


# Large enough to amortise spaCy's per-batch cost, small enough that a live stream is not held up.
ARTICLES_PER_BATCH = 16
# Paragraphs per spaCy batch: 64 and 128 ran 3-5% faster than 256, 16 and 1024 slower
# (CPU time per word, benchmarks/bench_analyze.py's articles, loaded machine).
PARAGRAPHS_PER_BATCH = 64


def _analyse_batch(nlp: Any, batch: list[Article], settings: AnalyzeSettings) -> Iterator[Analysis]:
    kept = [_bounded(article.paragraphs, settings.max_chars) for article in batch]
    stream = [p for paragraphs in kept for p in paragraphs]
    from newsweave.analyze.matmul import one_blas_thread  # after `load`: thinc is in memory

    with one_blas_thread():
        docs = iter(list(nlp.pipe(stream, batch_size=PARAGRAPHS_PER_BATCH)))
    for article, paragraphs in zip(batch, kept, strict=True):
        yield _analyse(article, paragraphs, [next(docs) for _ in paragraphs])


def _bounded(paragraphs: tuple[str, ...], max_chars: int) -> tuple[str, ...]:
    kept, total = [], 0
    for paragraph in paragraphs:
        total += len(paragraph) + 2
        if total > max_chars:
            break
        kept.append(paragraph)
    return tuple(kept)


def _analyse(article: Article, paragraphs: tuple[str, ...], docs: list) -> Analysis:
    starts = paragraph_starts(paragraphs)
    sents = sentences(docs, starts)
    raw = raw_mentions(docs, starts)
    # Surnames the model left untagged are read only to tell whom "he said" stands for: as
    # names of their sentences they would raise the claim grouping's bonus for shared names,
    # tuned on the model's own tags (docs/quality.md, session 18).
    swept = untagged_surnames(docs, starts, raw)
    raw = sorted(raw + swept, key=lambda m: m.start)
    phrases = role_phrases(docs, starts, raw)
    raw = without_title_slips(raw, phrases)
    entities, mentions = resolve(raw, sents)
    entities, mentions = link_roles(docs, starts, phrases, raw, entities, mentions, sents)
    anchor = article.published.date() if article.published else None
    dates = find_dates(docs, starts, sents, anchor)
    date_spans = [(d.start, d.end) for d in dates if not d.relative or d.resolved]
    numbers = find_numbers(docs, starts, sents, date_spans)
    ctx = Context(article.text, paragraphs, starts, docs, sents, entities, mentions)
    quotes = find_quotes(ctx)
    unswept = {(m.start, m.end) for m in swept}
    mentions = [m for m in mentions if (m.start, m.end) not in unswept]
    entities, mentions, quotes = _fold_misspelled_speakers(entities, mentions, quotes)
    return Analysis(
        article_id=article.id,
        sentences=tuple(sents),
        entities=tuple(entities),
        mentions=tuple(mentions),
        quotes=tuple(quotes),
        numbers=tuple(numbers),
        dates=tuple(dates),
    )


def _fold_misspelled_speakers(
    entities: list[Entity], mentions: list[Mention], quotes: list[Quote]
) -> tuple[list[Entity], list[Mention], list[Quote]]:
    """A speaker tag that misspells a known name ("Mr Blinked") joins that person's entity.

    spaCy may have made the misspelling an entity of its own; fold it, its mentions and aliases
    into the person the quote finder resolved it to.
    """
    by_id = {e.id: e for e in entities}
    folds: dict[str, str] = {}
    for quote in quotes:
        if not (quote.speaker and quote.speaker_text):
            continue
        speaker = by_id.get(quote.speaker)
        for candidate in entities:
            if (
                speaker is not None
                and candidate.id != quote.speaker
                and candidate.type == "person"
                and candidate.name in {w.strip(",.;:") for w in quote.speaker_text.split()}
                and candidate.id == entity_id("person", candidate.name)
                and " " not in candidate.name
                # A misspelling of the speaker's name, not another person named in the tag
                # ("said David Axelrod, who was Obama's strategist").
                and resolve_typo(candidate.name, [speaker]) is not None
            ):
                folds[candidate.id] = quote.speaker
    typo_aliases: dict[str, set[str]] = {}
    for quote in quotes:
        if (
            quote.speaker in by_id
            and quote.speaker_text
            and quote.speaker_text not in PRONOUNS
            and not any(m.text in quote.speaker_text for m in mentions if m.entity == quote.speaker)
        ):
            typo_aliases.setdefault(quote.speaker, set()).add(quote.speaker_text)
    if not folds and not typo_aliases:
        return entities, mentions, quotes
    merged: list[Entity] = []
    for entity in entities:
        if entity.id in folds:
            continue
        extra = set(typo_aliases.get(entity.id, set()))
        for source, target in folds.items():
            if target == entity.id:
                extra |= {by_id[source].name, *by_id[source].aliases}
        if extra:
            entity = entity.model_copy(
                update={"aliases": tuple(sorted(set(entity.aliases) | extra))}
            )
        merged.append(entity)
    mentions = [m.model_copy(update={"entity": folds.get(m.entity, m.entity)}) for m in mentions]
    return merged, mentions, quotes
