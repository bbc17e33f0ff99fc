"""Timeline: the dated happenings of a story, ordered; progress reads as order, not conflict."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from newsweave.models import Analysis, Article, Claim, TimelineEntry


def build_timeline(
    articles: list[Article], analyses: dict[str, Analysis], claims: Sequence[Claim] = ()
) -> list[TimelineEntry]:
    """Resolved dates with the sentence that dates them, plus when each article was published;
    then what undated articles date only by relative phrases (`_undated`), in the order the
    claims show they were written (`undated_in_telling_order`)."""
    # (when, what) → (articles, phrases)
    entries: dict[tuple[str, str], tuple[set[str], list[str]]] = {}
    for article in articles:
        if article.published:
            when = article.published.date().isoformat()
            what = f"{article.outlet} publishes “{article.title}”"
            entries.setdefault((when, what), (set(), []))[0].add(article.id)
        analysis = analyses.get(article.id)
        if analysis is None:
            continue
        for d in analysis.dates:
            if d.resolved is None:
                continue
            when = d.resolved.isoformat()
            if d.resolved_end and d.resolved_end != d.resolved:
                when += f"/{d.resolved_end.isoformat()}"
            ids, phrases = entries.setdefault(
                (when, analysis.sentences[d.sentence].text), (set(), [])
            )
            ids.add(article.id)
            if d.text not in phrases:
                phrases.append(d.text)
    dated = [
        TimelineEntry(when=when, what=what, articles=tuple(sorted(ids)), phrases=tuple(phrases))
        for (when, what), (ids, phrases) in sorted(entries.items())
    ]
    return dated + _undated(undated_in_telling_order(articles, analyses, claims), analyses)


def _undated(articles: list[Article], analyses: dict[str, Analysis]) -> list[TimelineEntry]:
    """The happenings that articles without a publication date date by relative phrases ("on
    Wednesday", "this week"): no calendar date can be given, so they stay relative, say so, and
    follow in the order of `articles`, one entry a sentence with all its phrases."""
    found: dict[str, tuple[list[str], set[str]]] = {}  # sentence → (phrases, articles)
    for article in articles:
        analysis = analyses.get(article.id)
        if article.published is not None or analysis is None:
            continue
        for d in analysis.dates:
            if d.resolved is None and d.relative:
                phrases, ids = found.setdefault(analysis.sentences[d.sentence].text, ([], set()))
                if d.text not in phrases:
                    phrases.append(d.text)
                ids.add(article.id)
    return [
        TimelineEntry(
            when=", ".join(phrases) + " (undated)",
            what=what,
            articles=tuple(sorted(ids)),
            relative=True,
            phrases=tuple(phrases),
        )
        for what, (phrases, ids) in found.items()
    ]


def undated_in_telling_order(
    articles: list[Article], analyses: dict[str, Analysis], claims: Sequence[Claim]
) -> list[Article]:
    """The articles without a publication date, in the order their telling shows.

    Progress is order, not conflict: when one article dates a claim's happening as still to
    come ("have announced a joint visit this week") and another dates the same claim as done
    ("arrived on Wednesday"), the first was written before the second. Each claim is a vote;
    the stronger direction wins, and ties and unrelated articles keep their given order.
    """
    undated = {a.id for a in articles if a.published is None}
    votes: Counter[tuple[str, str]] = Counter()
    for claim in claims:
        told: dict[str, set[str]] = {}
        for s in claim.support:
            if s.article in undated and s.article in analyses:
                told.setdefault(s.article, set()).update(_aspects(analyses[s.article], s.sentence))
        coming = [a for a, aspects in told.items() if aspects == {"prospective"}]
        done = [a for a, aspects in told.items() if aspects == {"completed"}]
        votes.update((early, late) for early in coming for late in done)
    before = {pair for pair, n in votes.items() if n > votes[(pair[1], pair[0])]}
    remaining = [a for a in articles if a.id in undated]
    placed: list[Article] = []
    while remaining:
        # The first article that none of the others must precede; in a cycle, the first of
        # those that the fewest must precede.
        ready = min(remaining, key=lambda a: sum((b.id, a.id) in before for b in remaining))
        placed.append(ready)
        remaining.remove(ready)
    return placed


def _aspects(analysis: Analysis, sentence: int) -> set[str]:
    """The aspects of the relative date phrases in one sentence."""
    return {d.aspect for d in analysis.dates if d.sentence == sentence and d.relative and d.aspect}
