"""Timeline: the dated happenings of a story, ordered; progress reads as order, not conflict."""

from __future__ import annotations

from newsweave.models import Analysis, Article, TimelineEntry


def build_timeline(articles: list[Article], analyses: dict[str, Analysis]) -> list[TimelineEntry]:
    """Resolved dates with the sentence that dates them, plus when each article was published;
    then what undated articles date only by relative phrases (`_undated`)."""
    entries: dict[tuple[str, str], set[str]] = {}
    for article in articles:
        if article.published:
            when = article.published.date().isoformat()
            entries.setdefault((when, f"{article.outlet} publishes “{article.title}”"), set()).add(
                article.id
            )
        analysis = analyses.get(article.id)
        if analysis is None:
            continue
        for d in analysis.dates:
            if d.resolved is None:
                continue
            when = d.resolved.isoformat()
            if d.resolved_end and d.resolved_end != d.resolved:
                when += f"/{d.resolved_end.isoformat()}"
            what = analysis.sentences[d.sentence].text
            entries.setdefault((when, what), set()).add(article.id)
    dated = [
        TimelineEntry(when=when, what=what, articles=tuple(sorted(ids)))
        for (when, what), ids in sorted(entries.items())
    ]
    return dated + _undated(articles, analyses)


def _undated(articles: list[Article], analyses: dict[str, Analysis]) -> list[TimelineEntry]:
    """The happenings that articles without a publication date date by relative phrases ("on
    Wednesday", "this week"): no calendar date can be given, so they stay relative, say so, and
    follow in the articles' order, one entry a sentence with all its phrases."""
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
        )
        for what, (phrases, ids) in found.items()
    ]
