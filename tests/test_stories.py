"""Dedupe, clustering and comparison on the demo corpus (see src/newsweave/demo/CORPUS.md)."""

from newsweave.cluster import StoryIndex, cluster, features
from newsweave.models import Analysis, Article


def story_urls(store):
    return sorted(
        sorted(a.url.split("/")[2] for a in store.articles(story=s.id)) for s in store.stories()
    )


def test_the_demo_makes_three_stories_and_keeps_the_two_ferry_accidents_apart(demo_store):
    stories = [
        store_articles
        for store_articles in (demo_store.articles(story=s.id) for s in demo_store.stories())
    ]
    assert sorted(len(s) for s in stories) == [3, 4, 4]
    for articles in stories:
        words = " ".join(a.text for a in articles)
        assert not (
            "Kalyra" in words
            and "Lisbon" in words
            and "Cais das Gaivotas" in words
            and len(articles) > 4
        )
    lisbon = next(s for s in stories if any("Lisbon" in a.title for a in s))
    assert all("Kalyra" not in a.text for a in lisbon)


def test_the_wire_copy_is_linked_to_its_source(demo_store):
    links = [link for link in demo_store.lineage() if link.kind == "duplicate"]
    assert len(links) == 1
    copy, source = demo_store.article(links[0].article), demo_store.article(links[0].source)
    assert (copy.outlet, source.outlet) == ("Harbour Gazette", "Meridian Wire")


def test_copies_do_not_count_as_independent_confirmation(demo_store):
    lisbon = next(
        s
        for s in demo_store.stories()
        if "Lisbon" in s.title or "Lisbon" in demo_store.brief(s.id).title
    )
    brief = demo_store.brief(lisbon.id)
    for claim in brief.claims:
        outlets = set(claim.outlets)
        if outlets == {"Meridian Wire", "Harbour Gazette"}:
            assert claim.independent_sources == 1 and claim.status != "corroborated"


def test_a_number_that_differs_is_a_conflict(demo_store):
    conflicts = [c for s in demo_store.stories() for c in demo_store.brief(s.id).conflicts]
    injured = [
        c
        for c in conflicts
        if c.what == "people" and {"at least 14", "Twelve"} <= {v.value for v in c.values}
    ]
    assert injured, conflicts


def test_quote_drift_between_outlets(demo_store):
    drift = [d for s in demo_store.stories() for d in demo_store.brief(s.id).quote_drift]
    speakers = {d.speaker for d in drift}
    assert {"Duarte Pimenta", "Adaeze Okafor"} & speakers, drift
    for d in drift:
        assert d.variants[0].text != d.variants[1].text
        assert d.variants[0].differs or d.variants[1].differs


def test_progress_is_ordered_on_the_timeline(demo_store):
    lisbon = next(
        s
        for s in demo_store.stories()
        if any("Lisbon" in a.title for a in demo_store.articles(story=s.id))
    )
    timeline = demo_store.brief(lisbon.id).timeline
    planned = next(t for t in timeline if "would visit the terminal on Thursday" in t.what)
    done = next(t for t in timeline if "visited the Cais das Gaivotas" in t.what)
    assert planned.when == done.when == "2026-03-05"
    assert not any(c.what == "visit" for c in demo_store.brief(lisbon.id).conflicts)


def test_clustering_is_one_pass_and_pure():
    index = StoryIndex()
    a = Article(
        id="a1",
        source="x",
        url=None,
        canonical_url=None,
        outlet="X",
        title="Dam bursts in Valdora",
        text="The Valdora dam burst on Monday, flooding the valley.",
        paragraphs=("p",),
        content_hash="h1",
    )
    f = features(a, Analysis(article_id="a1", sentences=()))
    first = cluster(f, index)
    assert first.new_story and not index.stories  # deciding does not record
    index.add(f, first.story)
    again = cluster(
        features(a.model_copy(update={"id": "a2"}), Analysis(article_id="a2", sentences=())), index
    )
    assert again.story == first.story and not again.new_story
