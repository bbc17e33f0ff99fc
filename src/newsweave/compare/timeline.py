"""Timeline: the dated happenings of a story, ordered; progress reads as order, not conflict."""

from __future__ import annotations

from newsweave.models import Analysis, Article, TimelineEntry


def build_timeline(articles: list[Article], analyses: dict[str, Analysis]) -> list[TimelineEntry]:
    """Resolved dates with the sentence that dates them, plus when each article was published."""
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
    return [
        TimelineEntry(when=when, what=what, articles=tuple(sorted(ids)))
        for (when, what), ids in sorted(entries.items())
    ]
