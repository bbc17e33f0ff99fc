"""Cluster: one pass, online. Each arriving article joins the story it best matches or opens one.

Three algorithms, registered by versioned name so stored results stay reproducible; the settings
name the one in use (`cluster.algorithm`):

- `cluster.v4` (default): cluster.v3, with each member's similarity grown by the names the two
  articles share, so a follow-up told in new words about the same towns and officials joins
  its event. ECB+ dev: B³-F1 0.896 (seed 13); mean over six shuffles 0.885, as cluster.v3.
- `cluster.v3`: cluster.v2, with each member's similarity weighed by who the two
  articles are about: up when their protagonists (the people named most) share a surname, down
  when both have protagonists, none shared, and neither names the other's. ECB+ dev, one pass:
  B³-F1 0.898 (seed 13); mean over six shuffles 0.888, against 0.871 for cluster.v2.
- `cluster.v2`: an article is compared with the stories' *member articles*. Words are
  weighted by TF-IDF with document frequencies counted online (at the moment of the decision, so
  nothing is peeked at); a story's score is the mean of its three most similar members'
  cosines. Candidates come from an inverted index over each article's most informative words, so
  a decision touches a bounded number of earlier articles however large the stream grows.
  ECB+ dev, one pass in shuffled order: B³-F1 0.895 (the offline tuned TF-IDF baseline: 0.869).
  See docs/scaling.md for its latency and memory on long streams.
- `cluster.v1`: each story is one profile (the sum of its members' words and entities), compared
  by a mix of word and entity cosines. ECB+ dev: B³-F1 0.859.

All skip stories whose articles are more than `max_gap_days` away by publication date, and merge
a second story that the article matches nearly as strongly as the first.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from array import array
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from newsweave.errors import SettingsError
from newsweave.markers import norm_outlet
from newsweave.models import Analysis, Article, Assignment
from newsweave.settings import ClusterSettings

_WORD = re.compile(r"[a-z][a-z'-]{2,}")
# Words of news reporting itself: every story has them, so cluster.v1 leaves them out.
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
    """Content words of the title and the body."""
    title: Counter[str]
    entities: Counter[str]
    published: datetime | None
    protagonists: tuple[str, ...] = ()
    """The people the article is most about (see `protagonists`); cluster.v3 compares them."""
    outlet: str = ""
    """The article's outlet, reduced for comparison (`norm_outlet`)."""
    credits: tuple[str, ...] = ()
    """The outlets its text credits ("…, Corvell Wire reported", a wire credit), reduced;
    cluster.v5 compares them with the outlets of earlier articles."""
    lead: Counter[str] = field(default_factory=Counter)
    """Content words of its first paragraph, kept when it credits an outlet: what a credited
    report must tell for cluster.v5 to weigh it up."""


def features(article: Article, analysis: Analysis) -> Features:
    """Content words (stop words left out), entity counts, protagonists, outlet and the outlets
    credited of an article."""
    own = norm_outlet(article.outlet)
    credited = {norm_outlet(m.outlet) for m in article.markers} - {"", own}
    return Features(
        article=article.id,
        words=_words(f"{article.title}\n{article.text}"),
        title=_words(article.title),
        entities=Counter(m.entity for m in analysis.mentions),
        published=article.published,
        protagonists=protagonists(analysis),
        outlet=own,
        credits=tuple(sorted(credited)),
        lead=_words(article.paragraphs[0]) if credited and article.paragraphs else Counter(),
    )


def protagonists(analysis: Analysis) -> tuple[str, ...]:
    """The named people mentioned most often, if at least twice (ties all count), sorted.

    A story is one event, and two events of one kind (two players arrested for drunk driving in
    one month) are told with the same words but about different people: who the article is
    about is what tells them apart. Offices ("the governor") are left out: they are no one's
    name. So are the people named only to tag their quotes ("said Graham Pell", "Pell said"):
    outlets covering one fire quote different officers and neighbours, who are its sources,
    not whom it is about.
    """
    tags = [
        (q.speaker_start, q.speaker_end)
        for q in analysis.quotes
        if q.speaker_start is not None and q.speaker_end is not None
    ]
    told = {m.entity for m in analysis.mentions if not any(a <= m.start < b for a, b in tags)}
    return protagonists_of(Counter(m.entity for m in analysis.mentions if m.entity in told))


def protagonists_of(entities: Counter[str]) -> tuple[str, ...]:
    """`protagonists` from an article's entity id → mention count."""
    counts = {
        e: n
        for e, n in entities.items()
        if e.startswith("person:") and not e.startswith("person:role:")
    }
    if not counts:
        return ()
    top = max(counts.values())
    if top < 2:
        return ()
    return tuple(sorted(e for e, n in counts.items() if n == top))


def surname(entity: str) -> str:
    """The last word of a person entity's id (`person:reggie-bush` → `bush`): how articles that
    spell a name differently (W. Mark Felt, Mark Felt) still name one person."""
    return entity.rsplit(":", 1)[-1].rsplit("-", 1)[-1]


FEATURES_VERSION = "features.v4"
"""Names what `features` computes; stored features made by another version are recomputed."""


def dumps_features(f: Features) -> str:
    """The features as compact JSON, stored beside the article so the index rebuilds fast."""
    return json.dumps(
        {
            "words": f.words,
            "title": f.title,
            "entities": f.entities,
            "published": f.published.isoformat() if f.published else None,
            "protagonists": f.protagonists,
            "outlet": f.outlet,
            "credits": f.credits,
            "lead": f.lead,
        },
        separators=(",", ":"),
        ensure_ascii=False,
    )


def loads_features(article: str, text: str) -> Features:
    """Features from `dumps_features`: equal to the original, words in the same order."""
    data = json.loads(text)
    published = data["published"]
    return Features(
        article=article,
        words=Counter(data["words"]),
        title=Counter(data["title"]),
        entities=Counter(data["entities"]),
        published=datetime.fromisoformat(published) if published else None,
        protagonists=tuple(data.get("protagonists", ())),
        outlet=data.get("outlet", ""),
        credits=tuple(data.get("credits", ())),
        lead=Counter(data.get("lead", {})),
    )


def story_title(titles: list[str]) -> str:
    """The title that shares the most words with the story's other titles (`titles` in order of
    publication; ties go to the earliest): the sum of its Jaccard similarities to the others. A
    story told over days keeps a title its reports agree on, not the first report's:
    "Castellan edges ahead in mayoral count as runoff looms" was overtaken by the night's
    result, which the later titles share. Computed as a sparse product: it runs each time a
    story gains an article, and a pair loop costs 0.1 s at 1,000 titles."""
    if not titles:
        return ""
    vocabulary: dict[str, int] = {}
    rows, columns = [], []
    for i, title in enumerate(titles):
        for word in _words(title):
            rows.append(i)
            columns.append(vocabulary.setdefault(word, len(vocabulary)))
    shape = (len(titles), max(len(vocabulary), 1))
    x = sparse.csr_matrix((np.ones(len(rows)), (rows, columns)), shape=shape)
    sizes = np.asarray(x.sum(axis=1)).ravel()
    common = (x @ x.T).tocoo()
    other = common.row != common.col
    i, j, both = common.row[other], common.col[other], common.data[other]
    shared = np.bincount(i, weights=both / (sizes[i] + sizes[j] - both), minlength=len(titles))
    # Rounded, so that equal sums summed in another order still tie and go to the earliest.
    return titles[int(np.argmax(np.round(shared, 9)))]


def _words(text: str) -> Counter[str]:
    return Counter(w for w in _WORD.findall(text.lower()) if w not in ENGLISH_STOP_WORDS)


@dataclass
class ClusterIndex:
    """Membership and time span of every story; subclasses add how an article is scored."""

    settings: ClusterSettings = field(default_factory=ClusterSettings)
    members: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    story_of: dict[str, str] = field(default_factory=dict)
    newest: dict[str, datetime] = field(default_factory=dict)
    oldest: dict[str, datetime] = field(default_factory=dict)

    def scores(self, f: Features) -> dict[str, float]:
        """Candidate story → how well the article matches it (0–1)."""
        raise NotImplementedError

    def add(self, f: Features, story: str) -> None:
        """Record that article `f` belongs to `story`."""
        self.members[story].append(f.article)
        self.story_of[f.article] = story
        if f.published:
            self.newest[story] = max(self.newest.get(story, f.published), f.published)
            self.oldest[story] = min(self.oldest.get(story, f.published), f.published)

    def record(self, f: Features, assignment: Assignment) -> None:
        """Apply a clustering decision: the article joins its story, merged stories fold in."""
        self.add(f, assignment.story)
        for gone in assignment.merged:
            self.merge(gone, assignment.story)

    def merge(self, source: str, target: str) -> None:
        """Fold story `source` into `target`."""
        for article in self.members.pop(source, []):
            self.members[target].append(article)
            self.story_of[article] = target
        for stamps, pick in ((self.newest, max), (self.oldest, min)):
            if source in stamps:
                gone = stamps.pop(source)
                stamps[target] = pick(stamps.get(target, gone), gone)

    @property
    def stories(self) -> dict[str, list[str]]:
        """Story id → its member article ids."""
        return dict(self.members)

    def within(self, published: datetime | None, story: str) -> bool:
        """Is the story close enough in time to be joined?"""
        if published is None or story not in self.newest:
            return True
        try:
            after = (published - self.newest[story]).total_seconds()
            before = (self.oldest[story] - published).total_seconds()
        except TypeError:  # naive and aware datetimes: no basis to exclude
            return True
        return max(after, before, 0) <= self.settings.max_gap_days * 86_400


@dataclass
class ProfileIndex(ClusterIndex):
    """cluster.v1: one summed profile of words and entities per story."""

    words: dict[str, Counter[str]] = field(default_factory=dict)
    entities: dict[str, Counter[str]] = field(default_factory=dict)
    word_df: Counter[str] = field(default_factory=Counter)
    entity_df: Counter[str] = field(default_factory=Counter)
    documents: int = 0

    def add(self, f: Features, story: str) -> None:
        super().add(f, story)
        words = _v1_words(f)
        self.documents += 1
        self.word_df.update(words.keys())
        self.entity_df.update(f.entities.keys())
        self.words.setdefault(story, Counter()).update(words)
        self.entities.setdefault(story, Counter()).update(f.entities)

    def merge(self, source: str, target: str) -> None:
        super().merge(source, target)
        self.words.setdefault(target, Counter()).update(self.words.pop(source, Counter()))
        self.entities.setdefault(target, Counter()).update(self.entities.pop(source, Counter()))

    def scores(self, f: Features) -> dict[str, float]:
        s = self.settings
        words = _v1_words(f)
        total = s.text_weight + s.entity_weight
        found = {}
        for story in self.members:
            text = _cosine(words, self.words[story], self.word_df, self.documents)
            names = _cosine(f.entities, self.entities[story], self.entity_df, self.documents)
            found[story] = (
                (s.text_weight * text + s.entity_weight * names) / total if total else 0.0
            )
        return found


def _v1_words(f: Features) -> Counter[str]:
    words = Counter({w: c for w, c in f.words.items() if w not in _NEWS_WORDS})
    words.update({w: c for w, c in f.title.items() if w not in _NEWS_WORDS})
    return words


@dataclass
class MemberIndex(ClusterIndex):
    """cluster.v2: TF-IDF against member articles, top-3 mean, candidates from postings.

    Held compactly for long streams: words are numbered, each article's word numbers and counts
    sit in two flat arrays (6 bytes a distinct word), and a posting list is an array of its
    latest article numbers (4 bytes an entry). Nothing is cached between decisions, so the state
    is a function of the articles added and their order alone: replaying the stored articles in
    arrival order rebuilds exactly the index a long run holds, and a restart decides as that run
    would have.
    """

    vocabulary: dict[str, int] = field(default_factory=dict)
    """Word → its number, in the order words were first seen."""
    df: NDArray[np.int32] = field(default_factory=lambda: np.zeros(1024, dtype=np.int32))
    """Word number → how many articles have the word (the array grows by doubling)."""
    postings: list[array[int]] = field(default_factory=list)
    """Word number → the numbers of the latest articles that have it, in arrival order."""
    articles: list[str] = field(default_factory=list)
    """Article number (arrival order) → article id."""
    starts: NDArray[np.int64] = field(default_factory=lambda: np.zeros(1024, dtype=np.int64))
    """Article number → where its words begin in `words` and `counts`; the next one's start is
    where they end."""
    words: NDArray[np.int32] = field(default_factory=lambda: np.zeros(1 << 16, dtype=np.int32))
    """Every article's word numbers, sorted within the article, one article after another."""
    counts: NDArray[np.uint16] = field(default_factory=lambda: np.zeros(1 << 16, dtype=np.uint16))
    """How often each of those words occurs in its article (capped at 65,535)."""

    # How many of an article's most informative words fetch candidates, and how many of the
    # latest articles each word contributes: the bound on the work of one decision.
    QUERY_TERMS = 30
    PER_TERM = 300
    # Of those, only the articles sharing the most query words are scored in full.
    CANDIDATES = 200
    TOP = 3

    @property
    def documents(self) -> int:
        """How many articles the index holds."""
        return len(self.articles)

    def add(self, f: Features, story: str) -> None:
        held = f.article in self.story_of
        super().add(f, story)
        if held:  # re-added under another story: its words count once
            return
        known = self.vocabulary.get
        numbers = [known(w, -1) for w in f.words]
        for at, new in enumerate(f.words):
            if numbers[at] < 0:  # first seen: numbered in the order the article has them
                numbers[at] = self._word(new)
        ids = np.array(numbers, dtype=np.int32)
        order = np.argsort(ids, kind="stable")
        tf = np.fromiter(f.words.values(), dtype=np.int64, count=len(f.words))
        number = len(self.articles)
        start = int(self.starts[number])
        end = start + len(ids)
        if end > len(self.words):
            size = max(2 * len(self.words), end)
            self.words = _grown(self.words, size)
            self.counts = _grown(self.counts, size)
        if number + 2 > len(self.starts):
            self.starts = _grown(self.starts, 2 * len(self.starts))
        self.words[start:end] = ids[order]
        self.counts[start:end] = np.minimum(tf[order], 65_535)
        self.starts[number + 1] = end
        self.df[ids] += 1
        # A decision reads only a word's latest PER_TERM postings: older ones are dropped in
        # bulk, which bounds the lists without changing any decision (nor a replay's).
        postings, keep = self.postings, self.PER_TERM
        for term in numbers:
            posting = postings[term]
            posting.append(number)
            if len(posting) >= 2 * keep:
                del posting[:-keep]
        self.articles.append(f.article)

    def _word(self, word: str) -> int:
        number = self.vocabulary.get(word)
        if number is None:
            number = self.vocabulary[word] = len(self.vocabulary)
            self.postings.append(array("i"))
            if number >= len(self.df):
                self.df = _grown(self.df, 2 * len(self.df))
        return number

    def scores(self, f: Features) -> dict[str, float]:
        # Frequencies as they will be once this article is counted: it is one of the documents.
        n = self.documents + 1
        tf = _sublinear(f.words)
        known = {w: self.vocabulary[w] for w in tf if w in self.vocabulary}
        df = {w: int(self.df[i]) for w, i in known.items()}
        weights = {w: math.log((n + 1) / (df.get(w, 0) + 2)) + 1.0 for w in tf}
        norm = math.sqrt(sum((x * weights[w]) ** 2 for w, x in tf.items())) or 1.0
        # The rarest words the query shares with earlier articles pin the event.
        shared = sorted(known, key=lambda w: -tf[w] * weights[w])[: self.QUERY_TERMS]
        if not shared:
            return {}
        candidates = self._candidates([known[w] for w in shared])
        # Every candidate's words against the query's, in one vectorised pass.
        begin = self.starts[candidates]
        lengths = self.starts[candidates + 1] - begin
        owner = np.repeat(np.arange(len(candidates)), lengths)
        at = np.arange(owner.size) + np.repeat(begin - np.cumsum(lengths) + lengths, lengths)
        theirs = self.words[at]
        their_tf = 1.0 + np.log(self.counts[at].astype(np.float64))
        # Member norms under the IDF of this moment, as the query's weights are.
        idf = np.log((n + 1) / (self.df[theirs].astype(np.float64) + 1)) + 1.0
        norms = np.sqrt(np.bincount(owner, (their_tf * idf) ** 2, minlength=len(candidates)))
        pairs = sorted((known[w], tf[w] * weights[w] ** 2) for w in known)
        query = np.array([number for number, _ in pairs], dtype=np.int32)
        query_weight = np.array([weight for _, weight in pairs])
        slot = np.minimum(np.searchsorted(query, theirs), len(query) - 1)
        hit = query[slot] == theirs
        dots = np.bincount(
            owner[hit], their_tf[hit] * query_weight[slot[hit]], minlength=len(candidates)
        )
        sims = dots / (norm * np.where(norms > 0, norms, 1.0))
        sims = self._weigh(f, candidates, sims, theirs, owner)
        by_story: dict[str, list[float]] = defaultdict(list)
        for number, sim in zip(candidates.tolist(), sims.tolist(), strict=True):
            by_story[self.story_of[self.articles[number]]].append(sim)
        return {story: _top_mean(values, self.TOP) for story, values in by_story.items()}

    def _weigh(
        self,
        f: Features,
        candidates: NDArray[np.int64],
        sims: NDArray[np.float64],
        theirs: NDArray[np.int32],
        owner: NDArray[np.int64],
    ) -> NDArray[np.float64]:
        """The candidates' similarities as the story scores use them (cluster.v2: unchanged);
        `theirs` holds the candidates' word numbers, `owner` which candidate each belongs to."""
        return sims

    def _candidates(self, query_words: list[int]) -> NDArray[np.int64]:
        """The articles sharing most query words among each word's latest postings (ties: the
        more recent article first)."""
        found = np.concatenate(
            [np.array(self.postings[w][-self.PER_TERM :], dtype=np.int64) for w in query_words]
        )
        numbers, shared = np.unique(found, return_counts=True)
        best = np.lexsort((-numbers, -shared))[: self.CANDIDATES]
        return numbers[best]


@dataclass
class ProtagonistIndex(MemberIndex):
    """cluster.v3: cluster.v2, with each member's similarity weighed by who the two articles are
    about.

    Two articles whose protagonists share a surname are likelier one event: the similarity
    grows by `protagonist_bonus`. Two articles that each have protagonists, none shared, and
    neither naming the other's (not even in passing, as a follow-up names an earlier case) are
    likelier two events of one kind: it shrinks by `protagonist_penalty`. Articles without
    protagonists are scored as cluster.v2 scores them.
    """

    protagonists: list[tuple[str, ...]] = field(default_factory=list)
    """Article number → its protagonists."""

    def add(self, f: Features, story: str) -> None:
        held = f.article in self.story_of
        super().add(f, story)
        if not held:
            self.protagonists.append(f.protagonists or ())

    def _weigh(
        self,
        f: Features,
        candidates: NDArray[np.int64],
        sims: NDArray[np.float64],
        theirs: NDArray[np.int32],
        owner: NDArray[np.int64],
    ) -> NDArray[np.float64]:
        s = self.settings
        mine = {surname(e) for e in f.protagonists}
        if not mine:
            return sims
        # Does each candidate name one of this article's protagonists anywhere in its words?
        numbers = [self.vocabulary[n] for n in mine if n in self.vocabulary]
        named = np.bincount(owner, np.isin(theirs, numbers), minlength=len(candidates)).astype(bool)
        weighed = sims.copy()
        for at, number in enumerate(candidates.tolist()):
            theirs_too = {surname(e) for e in self.protagonists[number]}
            if not theirs_too:
                continue
            if mine & theirs_too:
                weighed[at] *= 1.0 + s.protagonist_bonus
            elif not named[at] and not any(n in f.words for n in theirs_too):
                weighed[at] *= 1.0 - s.protagonist_penalty
        return np.minimum(weighed, 1.0)  # a score stays 0–1


@dataclass
class NamedIndex(ProtagonistIndex):
    """cluster.v4: cluster.v3, with each member's similarity grown by the names (people,
    places, organisations) the two articles share.

    A follow-up a day later tells its event in new words (the toll, the camps, the engineers)
    but about the same towns, officials and agencies. Two articles sharing at least
    `ENTITIES_SHARED` names count more similar by `entity_bonus` times the share of the fewer
    names either has.
    """

    ENTITIES_SHARED = 2

    names: dict[str, int] = field(default_factory=dict)
    """Name (entity id) → its number."""
    named: list[NDArray[np.int32]] = field(default_factory=list)
    """Article number → the numbers of the names it mentions, sorted."""

    def add(self, f: Features, story: str) -> None:
        held = f.article in self.story_of
        super().add(f, story)
        if not held:
            numbers = [self.names.setdefault(n, len(self.names)) for n in _names(f)]
            self.named.append(np.array(sorted(numbers), dtype=np.int32))

    def _weigh(
        self,
        f: Features,
        candidates: NDArray[np.int64],
        sims: NDArray[np.float64],
        theirs: NDArray[np.int32],
        owner: NDArray[np.int64],
    ) -> NDArray[np.float64]:
        sims = super()._weigh(f, candidates, sims, theirs, owner)
        names = _names(f)
        mine = np.array([self.names[n] for n in names if n in self.names], dtype=np.int32)
        if len(mine) < self.ENTITIES_SHARED:
            return sims
        grown = sims.copy()
        for at, number in enumerate(candidates.tolist()):
            named = self.named[number]
            shared = int(np.isin(named, mine, assume_unique=True).sum())
            if shared >= self.ENTITIES_SHARED:
                share = shared / min(len(names), len(named))
                grown[at] *= 1.0 + self.settings.entity_bonus * share
        return np.minimum(grown, 1.0)


@dataclass
class CreditIndex(NamedIndex):
    """cluster.v5: cluster.v4, with the similarity of each member by an outlet the article
    credits weighed up.

    A rewrite that credits a wire ("…, Corvell Wire reported") and goes on to its own angle
    (the insurers' bill of a flood) shares few words with the wire's report, yet tells its
    event: a member by a credited outlet that tells the article's lead (`LEAD_TOLD` of its
    words, by IDF weight) counts more similar by `credit_bonus`. The same outlet's report of
    another event of the kind (a bank's merger, for a bank's fine) tells little of the lead
    and gains nothing.
    """

    LEAD_TOLD = 0.5

    outlets: list[str] = field(default_factory=list)
    """Article number → its outlet, reduced."""

    def add(self, f: Features, story: str) -> None:
        held = f.article in self.story_of
        super().add(f, story)
        if not held:
            self.outlets.append(f.outlet)

    def _weigh(
        self,
        f: Features,
        candidates: NDArray[np.int64],
        sims: NDArray[np.float64],
        theirs: NDArray[np.int32],
        owner: NDArray[np.int64],
    ) -> NDArray[np.float64]:
        sims = super()._weigh(f, candidates, sims, theirs, owner)
        if not f.credits or not f.lead:
            return sims
        grown = sims.copy()
        for at, number in enumerate(candidates.tolist()):
            if self.outlets[number] in f.credits and self._tells(f.lead, number):
                grown[at] *= 1.0 + self.settings.credit_bonus
        return np.minimum(grown, 1.0)

    def _tells(self, lead: Counter[str], number: int) -> bool:
        """Whether article `number` has `LEAD_TOLD` or more of the lead's words, each weighed
        by its IDF."""
        words = np.array([self.vocabulary.get(w, -1) for w in lead], dtype=np.int64)
        seen = np.where(words >= 0, self.df[np.maximum(words, 0)], 0)
        idf = np.log((self.documents + 2) / (seen + 1.0)) + 1.0
        own = self.words[self.starts[number] : self.starts[number + 1]]
        return bool(idf[np.isin(words, own)].sum() >= self.LEAD_TOLD * idf.sum())


def _names(f: Features) -> set[str]:
    """The people, places and organisations an article names (offices are no names)."""
    return {
        e
        for e in f.entities
        if e.startswith(("person:", "place:", "organisation:")) and not e.startswith("person:role:")
    }


def _grown(values: NDArray[Any], size: int) -> NDArray[Any]:
    grown = np.zeros(size, dtype=values.dtype)
    grown[: len(values)] = values
    return grown


def _sublinear(counts: Counter[str]) -> dict[str, float]:
    return {w: 1.0 + math.log(c) for w, c in counts.items()}


def _top_mean(values: list[float], k: int) -> float:
    top = sorted(values, reverse=True)[:k]
    return sum(top) / len(top)


ALGORITHMS: dict[str, type[ClusterIndex]] = {
    "cluster.v1": ProfileIndex,
    "cluster.v2": MemberIndex,
    "cluster.v3": ProtagonistIndex,
    "cluster.v4": NamedIndex,
    "cluster.v5": CreditIndex,
}


def make_index(settings: ClusterSettings | None = None) -> ClusterIndex:
    """An empty index for the algorithm the settings name."""
    settings = settings or ClusterSettings()
    try:
        return ALGORITHMS[settings.algorithm](settings)
    except KeyError:
        known = ", ".join(sorted(ALGORITHMS))
        raise SettingsError(
            f"cluster.algorithm {settings.algorithm!r} is unknown; known: {known}"
        ) from None


def story_id(article_id: str) -> str:
    """The id of a story opened by an article."""
    return "s" + hashlib.sha1(article_id.encode()).hexdigest()[:9]


def cluster(f: Features, index: ClusterIndex) -> Assignment:
    """Decide which story an article joins; pure: the caller records it with `index.record`."""
    s = index.settings
    scored = sorted(
        (
            (score, story)
            for story, score in index.scores(f).items()
            if index.within(f.published, story)
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
    bar = max(s.threshold + s.merge_margin, best_score * 0.9)
    merged = tuple(story for score, story in scored[1:] if score >= bar)
    return Assignment(
        article=f.article, story=best, new_story=False, score=round(best_score, 4), merged=merged
    )


def _cosine(a: Counter[str], b: Counter[str], df: Counter[str], n: int) -> float:
    if not a or not b:
        return 0.0

    def idf(term: str) -> float:
        return math.log((n + 1) / (df[term] + 1)) + 1.0

    dot = sum(count * b[t] * idf(t) ** 2 for t, count in a.items() if t in b)
    if not dot:
        return 0.0
    norm_a = math.sqrt(sum((c * idf(t)) ** 2 for t, c in a.items()))
    # A story's profile lists its words in the order its members (and merged stories) brought
    # them, which a rebuild from the store does not repeat: fsum is exact, so order-free.
    norm_b = math.sqrt(math.fsum((c * idf(t)) ** 2 for t, c in b.items()))
    return dot / (norm_a * norm_b)
