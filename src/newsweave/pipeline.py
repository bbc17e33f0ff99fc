"""The pipeline: the one place that knows the stage order, and ties the stages to the store.

    ingest → extract → analyze → dedupe → cluster → compare → brief

Adding an article runs it through every stage in one transaction (so an interrupted run keeps
every article it finished) and marks its story for a refresh; the comparison and brief are then
recomputed for the stories that changed, and only those. The in-memory indexes (near-duplicate
LSH, cluster index) are rebuilt when a `Pipeline` opens by replaying, in arrival order, what
each article added to them (stored beside it), so a restart goes on exactly where the last run
stopped.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np

from newsweave.analyze import analyze_many
from newsweave.brief import brief
from newsweave.cluster import (
    FEATURES_VERSION,
    ClusterIndex,
    Features,
    cluster,
    dumps_features,
    features,
    loads_features,
    make_index,
    story_title,
)
from newsweave.compare import compare
from newsweave.dedupe import CopyIndex, Fingerprint, dedupe, fingerprint, fingerprint_version
from newsweave.embed import MODEL, sentence_vectors
from newsweave.extract import extract
from newsweave.ingest import Source, ingest
from newsweave.markers import find_markers
from newsweave.models import Analysis, Article, Assignment, RawDoc, Rejected, Story
from newsweave.settings import Settings
from newsweave.store import Store
from newsweave.versions import analysis_version, brief_version

# Articles whose index entries are recomputed per transaction when an old store is first opened.
_BACKFILL_CHUNK = 500

Progress = Callable[[str, int], None]
"""Called as `progress(stage, total)` each time a stage finishes one item."""


def index_version(settings: Settings) -> str:
    """Names the code and settings that make index entries; stored ones made otherwise are
    recomputed when a `Pipeline` opens."""
    return f"{FEATURES_VERSION};{fingerprint_version(settings.dedupe)}"


@dataclass
class AddReport:
    """What one `add` did."""

    added: list[Article] = field(default_factory=list)
    already_stored: list[str] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    stories: list[str] = field(default_factory=list)


@dataclass
class Stale:
    """Records another version of newsweave (or other settings) made."""

    analyses: list[str] = field(default_factory=list)
    """Ids of the articles whose analysis is out of date, in arrival order."""
    briefs: list[str] = field(default_factory=list)
    """Ids of the stories whose comparison and brief are out of date (or missing)."""


class Pipeline:
    """Runs documents through the stages into a store."""

    def __init__(self, store: Store, settings: Settings | None = None) -> None:
        self.store = store
        self.settings = settings or Settings()
        self._copies: CopyIndex | None = None
        self._stories: ClusterIndex | None = None

    # ── indexes, rebuilt from the store ────────────────────────────────────────────────────

    def _indexes(self) -> tuple[CopyIndex, ClusterIndex]:
        if self._copies is None or self._stories is None:
            self._copies, self._stories = self._rebuild()
        return self._copies, self._stories

    def _rebuild(self) -> tuple[CopyIndex, ClusterIndex]:
        """Replay every article's stored index entry in arrival order.

        Each index's state is a function of the articles it was given and their order, so the
        replay holds what a run that never stopped holds. Entries stored before migration 005,
        or made by other code or settings, are first recomputed from the article and analysis.
        """
        made_by = index_version(self.settings)
        stale = self.store.stale_index_entries(made_by)
        for start in range(0, len(stale), _BACKFILL_CHUNK):
            with self.store.transaction():
                for article_id in stale[start : start + _BACKFILL_CHUNK]:
                    self._put_entry(*self._compute_entry(article_id))
        copies = CopyIndex(self.settings.dedupe)
        stories = make_index(self.settings.cluster)
        for entry in self.store.index_entries():
            shingles, signature = entry.shingles, entry.signature
            if entry.made_by == made_by and shingles is not None and signature is not None:
                fp = Fingerprint.loads(shingles, signature)
                published = datetime.fromisoformat(entry.published) if entry.published else None
                f = loads_features(entry.article, entry.features) if entry.features else None
            else:  # left empty by an older version writing since the backfill above
                article, f, fp = self._compute_entry(entry.article)
                published = article.published
            copies.insert(entry.article, published, fp)
            if entry.story and f:
                stories.add(f, entry.story)
        return copies, stories

    def _compute_entry(self, article_id: str) -> tuple[Article, Features | None, Fingerprint]:
        """An article's index entry, computed from the stored article and analysis."""
        article = self.store.article(article_id)
        analysis = self.store.analyses([article_id]).get(article_id)
        f = features(article, analysis) if analysis else None
        return article, f, fingerprint(article.text, self.settings.dedupe)

    def _put_entry(self, article: Article, f: Features | None, fp: Fingerprint) -> None:
        """Store what the indexes keep of an article, for the next rebuild."""
        shingles, signature = fp.dumps()
        self.store.put_index_entry(
            article.id,
            index_version(self.settings),
            dumps_features(f) if f else None,
            shingles,
            signature,
        )

    # ── adding ─────────────────────────────────────────────────────────────────────────────

    def add_sources(
        self, sources: Iterable[Source | Rejected], progress: Progress | None = None
    ) -> AddReport:
        """Ingest sources and run what they hold through every stage (rejections are stored)."""
        docs: list[RawDoc | Rejected] = []
        for source in sources:
            if isinstance(source, Rejected):
                docs.append(source)
            else:
                docs.extend(ingest(source, self.settings.extract))
        return self.add(docs, progress)

    def add(self, docs: Iterable[RawDoc | Rejected], progress: Progress | None = None) -> AddReport:
        """Run raw documents through every stage; refresh the stories they touched."""
        report = AddReport()
        articles: list[Article] = []
        docs = list(docs)
        for doc in docs:
            result = doc if isinstance(doc, Rejected) else extract(doc, self.settings.extract)
            if isinstance(result, Rejected):
                with self.store.transaction():
                    self.store.add_rejected(result)
                report.rejected.append(result)
            elif self.store.existing_article(result) or any(
                a.content_hash == result.content_hash for a in articles
            ):
                report.already_stored.append(result.source)
            else:
                articles.append(result)
            if progress:
                progress("extract", len(docs))
        analysed = zip(articles, analyze_many(articles, self.settings.analyze), strict=True)
        self._add_analysed(analysed, report, progress, len(articles))
        return report

    def add_analysed(
        self,
        items: Iterable[tuple[Article, Analysis]],
        progress: Progress | None = None,
        vectors: Mapping[str, np.ndarray] | None = None,
    ) -> AddReport:
        """Store articles analysed elsewhere (a batch job, a benchmark): the stages after it.

        `vectors` may bring their sentence vectors (`embed.sentence_vectors`) made there too.
        """
        report = AddReport()
        items = list(items)
        self._add_analysed(items, report, progress, len(items), vectors)
        return report

    def _add_analysed(
        self,
        items: Iterable[tuple[Article, Analysis]],
        report: AddReport,
        progress: Progress | None,
        total: int,
        vectors: Mapping[str, np.ndarray] | None = None,
    ) -> None:
        """Dedupe, cluster and store each article; refresh the stories it touched."""
        touched: set[str] = set()
        copies, stories = self._indexes()
        fresh = []
        for article, analysis in items:
            if self.store.existing_article(article):
                report.already_stored.append(article.source)
            else:
                fresh.append((article, analysis))
        # Sentence vectors are made once per article, in one batch, and kept for every refresh.
        vectors = dict(vectors or {})
        vectors |= sentence_vectors([a for i, a in fresh if i.id not in vectors])
        made_by = analysis_version(self.settings.analyze)
        for article, analysis in fresh:
            with self.store.transaction():
                self.store.add_article(article)
                self.store.put_analysis(analysis, made_by)
                if article.id in vectors:
                    self.store.put_vectors(article.id, MODEL, vectors[article.id])
                fp = fingerprint(article.text, self.settings.dedupe)
                for link in dedupe(article, copies, fp):
                    self.store.add_lineage(link)
                copies.add(article, fp)
                f = features(article, analysis)
                self._put_entry(article, f, fp)
                assignment = cluster(f, stories)
                stories.record(f, assignment)
                self._record(assignment, article)
            touched.add(assignment.story)
            touched -= set(assignment.merged)
            report.added.append(article)
            if progress:
                progress("analyze", total)
        report.stories = sorted(touched | set(self.store.dirty_stories()))
        self.refresh(report.stories, progress)

    def _record(self, assignment: Assignment, article: Article) -> None:
        """Store the clustering decision: the story gains the article, merged stories fold in."""
        members = [article.id]
        if not assignment.new_story:
            members += list(self.store.story(assignment.story).articles)
        for gone in assignment.merged:
            members += list(self.store.story(gone).articles)
            self.store.delete_story(gone)
        self.store.put_story(self._story(assignment.story, members))

    def _story(self, story_id: str, members: list[str]) -> Story:
        articles = sorted(
            (self.store.article(m) for m in dict.fromkeys(members)),
            key=lambda a: (a.published is None, str(a.published)),
        )
        dates = [a.published for a in articles if a.published]
        return Story(
            id=story_id,
            title=story_title([a.title for a in articles]),
            articles=tuple(a.id for a in articles),
            first_seen=min(dates) if dates else None,
            last_seen=max(dates) if dates else None,
        )

    def _vectors(self, analyses: dict[str, Analysis]) -> dict[str, np.ndarray]:
        """Stored sentence vectors of these articles; those missing (older stores) made and kept."""
        stored = {
            article_id: matrix
            for article_id, matrix in self.store.vectors(list(analyses), MODEL).items()
            if len(matrix) == len(analyses[article_id].sentences)
        }
        missing = sentence_vectors([a for i, a in analyses.items() if i not in stored])
        if missing:
            with self.store.transaction():
                for article_id, matrix in missing.items():
                    self.store.put_vectors(article_id, MODEL, matrix)
        return stored | missing

    # ── records made by another version ────────────────────────────────────────────────────

    def stale(self) -> Stale:
        """What another version of newsweave, or other settings, made (`versions`)."""
        return Stale(
            analyses=self.store.stale_analyses(analysis_version(self.settings.analyze)),
            briefs=self.store.stale_briefs(brief_version(self.settings)),
        )

    def remake(self, progress: Progress | None = None) -> Stale:
        """Re-analyse the stale analyses (with their sentence vectors and index entries), then
        recompute the briefs of their stories and every stale brief; returns what was remade.

        Story membership stays as it is: re-clustering would move articles between stories
        users have already read and linked to. Extraction stays too, since the pages it read
        are not stored; but the lineage markers of the stale briefs' articles are found again
        from their stored text, since the rules that find them are the brief's (`versions`).
        """
        stale = self.stale()
        touched = set(stale.briefs)
        self._refind_markers(stale.briefs)
        made_by = analysis_version(self.settings.analyze)
        for start in range(0, len(stale.analyses), _BACKFILL_CHUNK):
            chunk = stale.analyses[start : start + _BACKFILL_CHUNK]
            articles = [self.store.article(i) for i in chunk]
            analyses = list(analyze_many(articles, self.settings.analyze))
            vectors = sentence_vectors(analyses)
            for article, analysis in zip(articles, analyses, strict=True):
                with self.store.transaction():
                    self.store.put_analysis(analysis, made_by)
                    if article.id in vectors:
                        self.store.put_vectors(article.id, MODEL, vectors[article.id])
                    fp = fingerprint(article.text, self.settings.dedupe)
                    self._put_entry(article, features(article, analysis), fp)
                story = self.store.story_of(article.id)
                if story:
                    touched.add(story)
                if progress:
                    progress("analyze", len(stale.analyses))
        # The indexes are rebuilt from the new entries when next used.
        self._copies = self._stories = None
        self.refresh(sorted(touched), progress)
        return Stale(analyses=stale.analyses, briefs=sorted(touched))

    def _refind_markers(self, story_ids: Iterable[str]) -> None:
        with self.store.transaction():
            for story_id in story_ids:
                for article in self.store.articles(story=story_id):
                    markers = find_markers(article.text, article.outlet)
                    if markers != article.markers:
                        self.store.put_markers(article.id, markers)

    # ── comparing and briefing ─────────────────────────────────────────────────────────────

    def refresh(self, story_ids: Iterable[str], progress: Progress | None = None) -> None:
        """Recompute the comparison and brief of the given stories."""
        story_ids = list(story_ids)
        made_by = brief_version(self.settings)
        for story_id in story_ids:
            with _collector_paused():
                story = self.store.story(story_id)
                articles = self.store.articles(story=story.id)
                analyses = self.store.analyses([a.id for a in articles])
                links = self.store.lineage([a.id for a in articles])
                vectors = self._vectors(analyses)
                comparison = compare(
                    story, articles, analyses, links, self.settings.compare, vectors=vectors
                )
                result = brief(story, articles, analyses, comparison, self.settings.brief)
            with self.store.transaction():
                self.store.put_brief(comparison, result, made_by)
            if progress:
                progress("compare", len(story_ids))


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector held off for a story's refresh.

    Reading and comparing a big story makes a million short-lived records, arrays and tuples,
    none of them in a reference cycle, so they are freed as they go; but each collection the
    allocations set off walks all that are alive, which cost a 50-article update a fifth of its
    time (`benchmarks/bench_brief.py`: 185 ms against 148 ms). The collector runs again after.
    It is the process's: while a refresh runs it is off for every thread, and when refreshes
    overlap, the one that found it on turns it back on as it ends, though another may still
    run. A refresh that found it off (the process's choice) leaves it off.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
