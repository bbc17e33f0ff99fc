"""Cluster: one pass, online. Each arriving article joins the story it best matches or opens one.

An article is described by its content words (title counted twice) and its named entities, both
weighted by an online inverse document frequency, so words every story shares ("said", "ferry")
count for little and names that pin an event down ("Kalyra", a minister's name) for much. A
story's profile is the sum of its articles'. The join score mixes the cosine of the word profiles
and of the entity profiles; a story whose newest article is more than `max_gap_days` away is
not joined. When an article matches a second story nearly as well, the two are merged.

Registered by versioned name (`cluster.v1`) so stored results stay reproducible when a later
version changes behaviour.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from newsweave.models import Analysis, Article, Assignment
from newsweave.settings import ClusterSettings

VERSION = "cluster.v1"
_WORD = re.compile(r"[a-z][a-z'-]{2,}")
_NEWS_WORDS = frozenset(
    [
        "said",
        "says",
        "told",
        "added",
        "according",
        "reported",
        "report",
        "reports",
        "news",
        "mr",
        "ms",
        "dr",
    ]
)


@dataclass
class Features:
    """What clustering knows of one article."""

    article: str
    words: Counter[str]
    entities: Counter[str]
    published: datetime | None


def features(article: Article, analysis: Analysis) -> Features:
    """Content words and entity counts of an article."""
    text = f"{article.title}\n{article.title}\n{article.text}".lower()
    words = Counter(
        w for w in _WORD.findall(text) if w not in ENGLISH_STOP_WORDS and w not in _NEWS_WORDS
    )
    entities = Counter(m.entity for m in analysis.mentions)
    return Features(article.id, words, entities, article.published)


@dataclass
class _Profile:
    id: str
    words: Counter[str] = field(default_factory=Counter)
    entities: Counter[str] = field(default_factory=Counter)
    members: list[str] = field(default_factory=list)
    newest: datetime | None = None
    oldest: datetime | None = None


@dataclass
class StoryIndex:
    """Profiles of every story and the document frequencies clustering weighs words by."""

    settings: ClusterSettings = field(default_factory=ClusterSettings)
    stories: dict[str, _Profile] = field(default_factory=dict)
    word_df: Counter[str] = field(default_factory=Counter)
    entity_df: Counter[str] = field(default_factory=Counter)
    documents: int = 0

    def add(self, f: Features, story: str) -> None:
        """Record that article `f` belongs to `story`."""
        self.documents += 1
        self.word_df.update(f.words.keys())
        self.entity_df.update(f.entities.keys())
        profile = self.stories.setdefault(story, _Profile(story))
        profile.words.update(f.words)
        profile.entities.update(f.entities)
        profile.members.append(f.article)
        if f.published:
            profile.newest = max(filter(None, [profile.newest, f.published]))
            profile.oldest = min(filter(None, [profile.oldest, f.published]))

    def record(self, f: Features, assignment: Assignment) -> None:
        """Apply a clustering decision: the article joins its story, merged stories fold in."""
        self.add(f, assignment.story)
        for gone in assignment.merged:
            self.merge(gone, assignment.story)

    def merge(self, source: str, target: str) -> None:
        """Fold story `source` into `target`."""
        gone = self.stories.pop(source)
        into = self.stories[target]
        into.words.update(gone.words)
        into.entities.update(gone.entities)
        into.members.extend(gone.members)
        into.newest = max(filter(None, [into.newest, gone.newest]), default=None)
        into.oldest = min(filter(None, [into.oldest, gone.oldest]), default=None)

    def score(self, f: Features, profile: _Profile) -> float:
        """How well an article matches a story (0–1)."""
        s = self.settings
        text = _cosine(f.words, profile.words, self.word_df, self.documents)
        names = _cosine(f.entities, profile.entities, self.entity_df, self.documents)
        total = s.text_weight + s.entity_weight
        return (s.text_weight * text + s.entity_weight * names) / total if total else 0.0


def story_id(article_id: str) -> str:
    """The id of a story opened by an article."""
    return "s" + hashlib.sha1(article_id.encode()).hexdigest()[:9]


def cluster(f: Features, index: StoryIndex) -> Assignment:
    """Decide which story an article joins; pure: the caller records it with `index.add`."""
    s = index.settings
    scored = sorted(
        (
            (index.score(f, p), p.id)
            for p in index.stories.values()
            if _within(f.published, p, s.max_gap_days)
        ),
        reverse=True,
    )
    if not scored or scored[0][0] < s.threshold:
        nearest = scored[0][0] if scored else 0.0
        return Assignment(
            article=f.article, story=story_id(f.article), new_story=True, score=round(nearest, 4)
        )
    best_score, best = scored[0]
    # A second story matched nearly as strongly is the same event seen twice: merge it.
    merged = tuple(
        sid for score, sid in scored[1:] if score >= max(s.threshold + 0.1, best_score * 0.9)
    )
    return Assignment(
        article=f.article, story=best, new_story=False, score=round(best_score, 4), merged=merged
    )


def _within(published: datetime | None, profile: _Profile, days: float) -> bool:
    if published is None or profile.newest is None or profile.oldest is None:
        return True
    try:
        gap = max(
            (published - profile.newest).total_seconds(),
            (profile.oldest - published).total_seconds(),
            0,
        )
    except TypeError:
        return True
    return gap <= days * 86_400


def _cosine(a: Counter[str], b: Counter[str], df: Counter[str], n: int) -> float:
    if not a or not b:
        return 0.0

    def idf(term: str) -> float:
        return math.log((n + 1) / (df[term] + 1)) + 1.0

    dot = sum(count * b[t] * idf(t) ** 2 for t, count in a.items() if t in b)
    if not dot:
        return 0.0
    norm_a = math.sqrt(sum((c * idf(t)) ** 2 for t, c in a.items()))
    norm_b = math.sqrt(sum((c * idf(t)) ** 2 for t, c in b.items()))
    return dot / (norm_a * norm_b)
