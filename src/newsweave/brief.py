"""Brief: a story's cited, extractive summary and everything the comparison found, as one record.

Extractive: every summary sentence is a sentence some article wrote, cited by article and
sentence index, most corroborated first. Rendered as JSON, Markdown or HTML by `render`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Literal

from newsweave.analyze import PRONOUNS
from newsweave.analyze.sentences import without_dateline
from newsweave.compare.conflicts import readings_disagree
from newsweave.compare.identity import (
    crediting,
    sentence_keys,
    sentence_source,
    source_keys,
    story_entities,
)
from newsweave.models import (
    Analysis,
    Article,
    Brief,
    BriefArticle,
    BriefQuote,
    Citation,
    Claim,
    Comparison,
    ConflictKind,
    ConflictValue,
    Story,
    SummarySentence,
    Support,
    TimelineEntry,
)
from newsweave.settings import BriefSettings

# Speaker tags that name no one by themselves.
UNNAMED = PRONOUNS | {"who", "Who", "which", "that"}

Format = Literal["json", "md", "html"]


def brief(
    story: Story,
    articles: list[Article],
    analyses: dict[str, Analysis],
    comparison: Comparison,
    settings: BriefSettings | None = None,
) -> Brief:
    """Assemble a story's brief from its articles, analyses and comparison."""
    settings = settings or BriefSettings()
    ordered = [analyses[a.id] for a in articles if a.id in analyses]
    entities, entity_map = story_entities(ordered)
    names = {e.id: e.name for e in entities}
    # A pronoun no one was found for ("it warned", "who has read the survey") names no speaker.
    quotes = [
        BriefQuote(
            speaker=names.get(entity_map.get(q.speaker, q.speaker))
            if q.speaker
            else (q.speaker_text if q.speaker_text not in UNNAMED else None),
            text=q.text,
            article=a.article_id,
        )
        for a in ordered
        for q in a.quotes
        if q.kind in {"direct", "partial"}
    ]
    coverage: dict[str, list[str]] = {}
    for claim in comparison.claims:
        for outlet in claim.outlets:
            coverage.setdefault(outlet, []).append(claim.id)
    # What one source alone reports, under the outlet it came from: a copy's outlet (a wire
    # story run by a client) adds no second source, so the fact stays the original's alone.
    # A sentence a rewrite credits ("…, Kestrel Wire reported") is the credited outlet's too.
    order = {a.id: k for k, a in enumerate(articles)}
    outlet_of = {a.id: a.outlet for a in articles}
    credited = crediting(list(comparison.lineage), outlet_of)
    # Outlets in the order of their first report, as the sources are listed, so that the
    # section keeps its order as the claims change.
    # (An outlet with no report of its own, credited by a rewrite, comes last.)
    first_report: dict[str, int] = {}
    for k, a in enumerate(articles):
        first_report.setdefault(a.outlet, k)
    unique: dict[str, tuple[str, ...]] = {
        outlet: () for outlet in sorted(coverage, key=lambda o: first_report.get(o, len(order)))
    }
    for claim in comparison.claims:
        if claim.independent_sources == 1:
            first = min(claim.support, key=lambda s: (order.get(s.article, len(order)), s.sentence))
            origin = outlet_of.get(first.article, claim.outlets[0] if claim.outlets else "")
            if link := credited.get((first.article, first.sentence)):
                origin = outlet_of.get(link.source or "") or link.source_outlet or origin
            unique[origin] = (*unique.get(origin, ()), claim.id)
    return Brief(
        id=story.id,
        title=story.title,
        articles=tuple(
            BriefArticle(id=a.id, outlet=a.outlet, title=a.title, url=a.url, published=a.published)
            for a in articles
        ),
        entities=tuple(entities),
        quotes=tuple(quotes),
        claims=comparison.claims,
        quote_drift=comparison.quote_drift,
        conflicts=comparison.conflicts,
        timeline=comparison.timeline,
        lineage=comparison.lineage,
        summary=tuple(_summary(comparison, settings.summary_sentences, articles)),
        unique_coverage=unique,
        coverage={outlet: tuple(ids) for outlet, ids in coverage.items()},
    )


def _summary(comparison: Comparison, limit: int, articles: list[Article]) -> list[SummarySentence]:
    """The most corroborated claims, each in the words of the first article that states it in a
    sentence that reads on its own, and tells it done if any does (`Support.ahead`). Of a claim
    whose articles give a value two ways, the words of the side most independent sources take:
    the police's 18,000 of four outlets, not the 15,000 of the first; two outlets' twelve, not
    a wire's fourteen run by three clients."""
    chosen: list[SummarySentence] = []
    used: set[str] = set()
    given = [
        (c.kind, {(v.article, v.text): v.reading for v in c.values}) for c in comparison.conflicts
    ]
    keys = source_keys(articles, list(comparison.lineage))
    repeated = sentence_keys(list(comparison.lineage), keys)

    def sources(cited: set[tuple[str, int]]) -> int:
        return len({sentence_source(at, keys, repeated) for at in cited})

    for claim in comparison.claims:
        if len(chosen) >= limit:
            break
        done_first = sorted(claim.support, key=lambda s: s.ahead)
        standing = [s for s in done_first if stands_alone(without_dateline(s.text))]
        if not standing:
            continue
        said, differ = standing[0], _differing(standing[0], claim, given)
        if differ:  # it takes a side: the words of the side most sources take
            sides = [(s, d) for s in standing[1:] if (d := _differing(s, claim, given))]
            said, differ = min(
                [(said, differ), *sides], key=lambda side: (sources(side[1]), len(side[1]))
            )
        if (text := without_dateline(said.text)).lower() in used:
            continue
        used.add(text.lower())
        chosen.append(
            SummarySentence(
                text=text,
                citations=tuple(
                    Citation(article=s.article, sentence=s.sentence)
                    for s in claim.support
                    if (s.article, s.sentence) not in differ
                ),
            )
        )
    return chosen


def _differing(
    said: Support, claim: Claim, given: Sequence[tuple[ConflictKind, dict[tuple[str, str], str]]]
) -> set[tuple[str, int]]:
    """The sentences of a claim that give another value than `said` for something it counts,
    by each conflict's kind and readings of (article, sentence text): a citation says the
    article states the sentence, so "at least 14 injured" does not cite the report of twelve."""
    differ = set()
    for kind, readings in given:
        mine = readings.get((said.article, said.text))
        if mine is None:
            continue
        for s in claim.support:
            theirs = readings.get((s.article, s.text))
            if theirs is not None and readings_disagree(mine, theirs, kind):
                differ.add((s.article, s.sentence))
    return differ


# Words that point back to an earlier sentence: one that opens on them says nothing alone.
_POINTING_BACK = frozenset(
    {"he", "she", "it", "they", "we", "i", "you", "this", "these", "those", "his", "her", "its"}
    | {"their", "our", "my", "him", "them", "us"}
)
_OPENING, _CLOSING = "“\"‘'", "”\"’'"
# A closing mark, not an apostrophe inside a word ("the union's").
_QUOTE_CLOSED = re.compile(f"[{_CLOSING}](?![A-Za-z])")


def stands_alone(text: str) -> bool:
    """Whether a sentence reads rightly out of its article: it does not open on a word pointing
    back ("He added", "This was"), is not a quote whose speaker is named in another sentence
    (bare, or told by "she said"), and is not a fragment of a quote that runs on from its
    paragraph."""
    text = text.strip()
    words = text.split()
    if not words:
        return False
    # Inside a quote, "we" is the speaker, whom the sentence names unless it is a bare quote
    # (below); an all-capitals "US" or "IT" is a name, not a pronoun.
    first = words[0].lstrip("(")
    if first.lower() in _POINTING_BACK and not (len(first) > 1 and first.isupper()):
        return False
    if text.count("“") != text.count("”"):
        return False
    if text[0] in _OPENING:
        closed = [m.end() for m in _QUOTE_CLOSED.finditer(text)]
        after = text[closed[-1] if closed else len(text) :].replace(",", " ").split()
        # A bare quote, or one told by a pronoun ("…," she said): its speaker is elsewhere.
        return bool(after) and after[0].lower() not in _POINTING_BACK
    return True


def render(b: Brief, fmt: Format = "md") -> str:
    """The brief as JSON, Markdown or a standalone HTML page."""
    if fmt == "json":
        return json.dumps(b.model_dump(mode="json"), ensure_ascii=False, indent=2)
    if fmt == "html":
        from newsweave.templates import render_page

        return render_page("brief.html", brief=b, numbers=_numbers(b))
    return _markdown(b)


def dated_runs(entry: TimelineEntry) -> list[tuple[str, bool]]:
    """A timeline entry's sentence as (run, is a date phrase) pairs: the phrases that place it
    marked where they first occur, so a sentence dating two happenings shows which is which."""
    runs: list[tuple[str, bool]] = []
    cursor = 0
    found = sorted(
        (at, at + len(phrase)) for phrase in entry.phrases if (at := entry.what.find(phrase)) >= 0
    )
    for start, end in found:
        if start < cursor:
            continue  # a phrase inside another
        if start > cursor:
            runs.append((entry.what[cursor:start], False))
        runs.append((entry.what[start:end], True))
        cursor = end
    if cursor < len(entry.what):
        runs.append((entry.what[cursor:], False))
    return runs


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """ "1 article", "3 articles", "2 stories"; `plural` for a noun the rule gets wrong."""
    if n == 1:
        return f"1 {noun}"
    if plural:
        return f"{n} {plural}"
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "i", "o", "u"):
        return f"{n} {noun[:-1]}ies"
    return f"{n} {noun}s"


def _numbers(b: Brief) -> dict[str, int]:
    return {a.id: i + 1 for i, a in enumerate(b.articles)}


def _markdown(b: Brief) -> str:
    n = _numbers(b)

    def cite(citations) -> str:
        return "".join(f"[{n[c.article]}:{c.sentence}]" for c in citations)

    lines = [
        f"# {b.title}",
        "",
        f"Story `{b.id}` · {counted(len(b.articles), 'article')}",
        "",
        "## Summary",
        "",
    ]
    lines += [f"- {s.text} {cite(s.citations)}" for s in b.summary] or ["- (no sentence yet)"]
    lines += ["", "## Sources", ""]
    for a in b.articles:
        when = a.published.date().isoformat() if a.published else "undated"
        lines.append(f"{n[a.id]}. {a.outlet}: {a.title} ({when}) `{a.id}`")
    corroborated = [c for c in b.claims if c.status == "corroborated"]
    if corroborated:
        lines += ["", "## Corroborated", ""]
        lines += [
            f"- {c.text} ({c.independent_sources} independent outlets) {cite(c.support)}"
            for c in corroborated
        ]
    if b.conflicts:
        lines += ["", "## Conflicts", ""]
        for c in b.conflicts:
            # One entry for each value, in its plainest wording, citing every article that
            # gives it; values that can all be right together stand on one side.
            sides: dict[int, dict[str, list[ConflictValue]]] = {}
            for v in c.values:
                sides.setdefault(v.side, {}).setdefault(v.reading or v.value, []).append(v)
            values = " vs ".join(
                ", ".join(
                    min((v.value for v in vs), key=len)
                    + " "
                    + "".join(f"[{k}]" for k in sorted({n[v.article] for v in vs}))
                    for vs in agreeing.values()
                )
                for agreeing in sides.values()
            )
            lines.append(f"- {c.what}: {values}")
    if b.quote_drift:
        lines += ["", "## Quote drift", ""]
        for d in b.quote_drift:
            lines.append(
                f"- {d.speaker}: " + " vs ".join(f"“{v.text}” [{n[v.article]}]" for v in d.variants)
            )
    if b.lineage:
        lines += ["", "## Lineage", ""]
        for link in b.lineage:
            source = (
                f"[{n[link.source]}]" if link.source in n else (link.source_outlet or "unknown")
            )
            scope = (
                ""
                if link.sentence is None
                else f" (sentences {link.sentence}–{link.through})"
                if link.through is not None
                else f" (sentence {link.sentence} only)"
            )
            lines.append(f"- [{n[link.article]}] {link.kind} of {source}{scope}: {link.evidence}")
    if b.timeline:
        lines += ["", "## Timeline", ""]
        lines += [
            f"- {t.when}: "
            + "".join(f"**{run}**" if dated else run for run, dated in dated_runs(t))
            + " "
            + "".join(f"[{k}]" for k in sorted(n[a] for a in t.articles))
            for t in b.timeline
        ]
    single = {o: ids for o, ids in b.unique_coverage.items() if ids}
    if single:
        lines += ["", "## Only one outlet reports", ""]
        claims = {c.id: c for c in b.claims}
        for outlet, ids in single.items():
            shown = [claims[i] for i in ids if stands_alone(claims[i].text)][:UNIQUE_SHOWN]
            rest = len(ids) - len(shown)
            lines.append(f"- {outlet} ({counted(len(ids), 'claim')}):")
            lines += [f"  - {c.text} {cite(c.support)}" for c in shown]
            if rest:
                lines.append(f"  - … and {rest} more")
    return "\n".join(lines) + "\n"


UNIQUE_SHOWN = 5
"""Claims listed for each outlet under "Only one outlet reports" in Markdown (JSON has all)."""
