"""A restart goes on clustering exactly as before: the indexes rebuilt from the store when a
`Pipeline` opens hold the same state as the ones a single long run built as it went."""

from __future__ import annotations

import random
import sqlite3
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest

from newsweave import pipeline as pipeline_module
from newsweave.cluster import (
    Features,
    MemberIndex,
    cluster,
    dumps_features,
    loads_features,
    make_index,
)
from newsweave.models import Assignment, RawDoc
from newsweave.pipeline import Pipeline, index_version
from newsweave.settings import ClusterSettings, Settings
from newsweave.store import Store

# Invented words only: topics shared by two events each (as ECB+ pairs two similar events), and
# filler every article uses.
TOPICS = {
    "flood": "river flood levee rain evacuated water banks rescue boats shelter pumps",
    "fire": "fire blaze firefighters smoke warehouse flames alarm burned crews hydrant",
    "strike": "strike workers union wages picket shifts talks walkout depot pay",
    "vote": "vote council ballot mayor seats count turnout polling candidates recount",
}
FILLER = [
    *("officials", "morning", "residents", "city", "week", "statement", "local", "people"),
    *("area", "later", "expected", "early", "evening", "district", "nearby", "announced"),
    *("continued", "several", "hours", "reporters"),
]
SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]


def _name(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(syllables)).capitalize()


def invented_stream(seed: int = 5, per_event: int = 7) -> list[RawDoc]:
    """Articles about eight invented events, two per topic, some of them wire copies; they arrive
    roughly but not exactly in publication order, as feeds deliver them."""
    rng = random.Random(seed)
    start = datetime(2026, 2, 2, 8, tzinfo=UTC)
    docs: list[tuple[datetime, RawDoc]] = []
    for number, words in enumerate(sorted(TOPICS.values()) * 2):
        vocabulary = words.split()
        person = f"{_name(rng, 2)} {_name(rng, 3)}"
        place = f"{_name(rng, 3)}"
        own = [_name(rng, 4).lower() for _ in range(4)]
        first = start + timedelta(days=3 * number + rng.random())
        bodies: list[str] = []
        for n in range(per_event):
            published = first + timedelta(hours=rng.uniform(0, 60))
            if bodies and rng.random() < 0.2:
                body = rng.choice(bodies) + f" {_name(rng, 2)} contributed."
            else:
                sentences = []
                for _ in range(rng.randint(4, 7)):
                    picked = rng.sample(vocabulary, 3) + rng.sample(own, 1) + rng.sample(FILLER, 4)
                    rng.shuffle(picked)
                    who = rng.choice([person, place, f"{person} in {place}"])
                    sentences.append(f"{who} said {' '.join(picked)} {rng.randint(2, 90)}.")
                body = " ".join(sentences)
                bodies.append(body)
            title = f"{place} {vocabulary[0]}: {' '.join(rng.sample(vocabulary, 2))}"
            doc = RawDoc(
                source=f"event{number}-{n}.txt",
                kind="text",
                body=body,
                outlet=f"Outlet {rng.randint(1, 6)}",
                title=title,
                published=published,
            )
            docs.append((published + timedelta(hours=rng.uniform(0, 12)), doc))
    return [doc for _, doc in sorted(docs, key=lambda pair: pair[0])]


@pytest.fixture
def decisions(monkeypatch: pytest.MonkeyPatch) -> list[Assignment]:
    """Every clustering decision the pipeline takes, in order."""
    taken: list[Assignment] = []

    def recording(*args: object, **kwargs: object) -> Assignment:
        assignment = cluster(*args, **kwargs)  # type: ignore[arg-type]
        taken.append(assignment)
        return assignment

    monkeypatch.setattr(pipeline_module, "cluster", recording)
    # Comparing and briefing read the stories but never feed the indexes; they are slow (MiniLM)
    # and are tested elsewhere.
    monkeypatch.setattr(Pipeline, "refresh", lambda self, story_ids, progress=None: None)
    # Small caps, so that a short stream already hits them: the posting lists are cut to their
    # latest entries and only some candidates are scored, as in a long stream.
    monkeypatch.setattr(MemberIndex, "PER_TERM", 6)
    monkeypatch.setattr(MemberIndex, "CANDIDATES", 8)
    monkeypatch.setattr(MemberIndex, "QUERY_TERMS", 6)
    return taken


def _run(path: str, batches: list[list[RawDoc]], restart_at: int | None) -> dict[str, object]:
    """Add the batches; open a fresh store and pipeline (a restart) before batch `restart_at`."""
    store = Store(path)
    pipeline = Pipeline(store)
    for number, batch in enumerate(batches):
        if number == restart_at:
            store.close()
            store = Store(path)
            pipeline = Pipeline(store)
        pipeline.add(batch)
    state = {
        "stories": sorted(s.articles for s in store.stories()),
        "lineage": sorted((x.article, x.kind, x.source, x.score) for x in store.lineage()),
    }
    store.close()
    return state


def test_a_restart_halfway_clusters_exactly_as_one_run(tmp_path, decisions) -> None:
    docs = invented_stream()
    batches = [docs[i : i + 4] for i in range(0, len(docs), 4)]
    one_run = _run(str(tmp_path / "one.db"), batches, restart_at=None)
    straight = list(decisions)
    decisions.clear()
    restarted = _run(str(tmp_path / "two.db"), batches, restart_at=len(batches) // 2)
    assert len(straight) == len(docs)
    # The stream is not trivial: stories grow, some articles open new ones, copies are found.
    assert sum(not d.new_story for d in straight) > len(docs) // 2
    assert len(one_run["stories"]) > 1  # type: ignore[arg-type]
    assert one_run["lineage"]
    assert decisions == straight
    assert restarted == one_run


def test_a_restart_over_a_store_from_before_the_index_entries_table(tmp_path, decisions) -> None:
    """Migration 005 lists the articles stored before it in their order; their entries are
    computed from the articles and analyses when a Pipeline opens. Clustering goes on exactly."""
    docs = invented_stream(seed=8, per_event=4)
    batches = [docs[i : i + 4] for i in range(0, len(docs), 4)]
    one_run = _run(str(tmp_path / "one.db"), batches, restart_at=None)
    straight = list(decisions)
    decisions.clear()
    path = str(tmp_path / "two.db")
    _run(path, batches[:4], restart_at=None)
    # Undo migration 005 to stand for a database made before it.
    with sqlite3.connect(path) as db:
        db.execute("DROP TRIGGER index_entries_insert")
        db.execute("DROP TABLE index_entries")
        db.execute("DELETE FROM schema_migrations WHERE version = 5")
    restarted = _run(path, batches[4:], restart_at=None)
    assert decisions == straight
    assert restarted == one_run
    with Store(path) as store:
        assert not store.stale_index_entries(index_version(Settings()))


def synthetic_features(count: int, seed: int = 3) -> list[tuple[Features, int]]:
    """Feature records of a stream of many small events over a shared Zipfian vocabulary, in
    arrival order (which is not quite publication order), with each one's true event."""
    rng, cast, credit = random.Random(seed), random.Random(seed + 1), random.Random(seed + 2)
    vocabulary = [f"w{i}" for i in range(3_000)]
    weights = [1 / (rank + 1) for rank in range(len(vocabulary))]
    start = datetime(2026, 1, 1, tzinfo=UTC)
    events: list[tuple[list[str], list[str], datetime]] = []
    stream: list[tuple[datetime, Features, int]] = []
    for number in range(count):
        if not events or rng.random() < 0.3:
            own = [f"e{len(events)}x{i}" for i in range(6)] + rng.sample(vocabulary[200:], 6)
            names = [f"person:p{rng.randrange(400)}" for _ in range(2)]
            events.append((own, names, start + timedelta(hours=len(events))))
        event = min(int(rng.expovariate(0.15)), len(events) - 1)
        own, names, first = events[-1 - event]
        words = rng.choices(vocabulary, weights, k=40) + rng.choices(own, k=12)
        words += [name.split(":")[-1] for name in names if cast.random() < 0.5]
        published = first + timedelta(hours=rng.uniform(0, 30))
        f = Features(
            article=f"a{number:05d}",
            words=Counter(words),
            title=Counter(words[-4:]),
            entities=Counter(rng.choices(names, k=3)),
            published=published,
            # Who it is about, for cluster.v3; drawn apart so the other draws stay as they were.
            protagonists=tuple(sorted(set(cast.choices(names, k=cast.randint(0, 2))))),
            # Its outlet and the ones it credits, for cluster.v5; drawn apart as well.
            outlet=f"o{credit.randrange(20)}",
            credits=tuple(f"o{o}" for o in credit.sample(range(20), credit.randint(0, 1))),
        )
        stream.append((published + timedelta(hours=rng.uniform(0, 4)), f, len(events) - 1 - event))
    stream.sort(key=lambda item: item[0])
    return [(f, event) for _, f, event in stream]


@pytest.mark.parametrize(
    "algorithm", ["cluster.v5", "cluster.v4", "cluster.v3", "cluster.v2", "cluster.v1"]
)
def test_replaying_the_stored_features_rebuilds_the_index_a_long_run_holds(algorithm) -> None:
    """At the index level, over a stream long enough for the caps (300 latest postings, 200
    candidates) and several IDF epochs, merges included."""
    settings = ClusterSettings(algorithm=algorithm, merge_margin=0.05)
    stream = synthetic_features(400 if algorithm == "cluster.v1" else 1_200)
    half = len(stream) // 2
    live = make_index(settings)
    straight = []
    for f, _ in stream:
        assignment = cluster(f, live)
        live.record(f, assignment)
        straight.append(assignment)
    assert sum(bool(a.merged) for a in straight) >= 1
    # The restart: a new index replays the first half's stored features, each with its story as
    # the store holds it at the restart (after later merges), then takes the second half.
    first = make_index(settings)
    for f, _ in stream[:half]:
        first.record(f, cluster(f, first))
    replayed = make_index(settings)
    for f, _ in stream[:half]:
        replayed.add(loads_features(f.article, dumps_features(f)), first.story_of[f.article])
    resumed = []
    for f, _ in stream[half:]:
        assignment = cluster(f, replayed)
        replayed.record(f, assignment)
        resumed.append(assignment)
    assert resumed == straight[half:]
    assert replayed.stories.keys() == live.stories.keys()
