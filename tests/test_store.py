import sqlite3
from datetime import UTC, datetime

import pytest

from newsweave.errors import NotFoundError, StoreError
from newsweave.models import (
    Analysis,
    Article,
    Brief,
    BriefQuote,
    Claim,
    Comparison,
    Entity,
    LineageLink,
    Quote,
    Rejected,
    Sentence,
    Story,
    Support,
)
from newsweave.store import ArticleHead, ClaimTally, Store, StoryTitle


def make_article(n: int = 1, text: str | None = None) -> Article:
    body = text or f"Article number {n} has a body that is long enough to be stored. " * 5
    return Article(
        id=f"a{n:011d}",
        source=f"test{n}.txt",
        url=None,
        canonical_url=None,
        outlet="Test Times",
        title=f"Title {n}",
        published=datetime(2026, 3, n, tzinfo=UTC),
        text=body,
        paragraphs=(body,),
        content_hash=f"hash{n}",
    )


def test_opens_in_wal_mode_with_migrations(tmp_path):
    with Store(tmp_path / "n.db") as store:
        assert store.schema_version() >= 1
        mode = store._db.execute("PRAGMA journal_mode").fetchone()[0]
        assert mode == "wal"


def test_same_article_twice_is_stored_once(tmp_path):
    with Store(tmp_path / "n.db") as store, store.transaction():
        assert store.add_article(make_article(1)) is True
        assert store.add_article(make_article(1)) is False
    with Store(tmp_path / "n.db") as store:
        assert store.count("articles") == 1


def test_an_interrupted_transaction_keeps_what_was_committed(tmp_path):
    path = tmp_path / "n.db"
    with Store(path) as store:
        with store.transaction():
            store.add_article(make_article(1))
        with pytest.raises(RuntimeError), store.transaction():
            store.add_article(make_article(2))
            raise RuntimeError("power cut")
    with Store(path) as store:
        assert [a.id for a in store.articles()] == [make_article(1).id]


def test_a_reader_and_a_writer_can_share_the_database(tmp_path):
    path = tmp_path / "n.db"
    writer, reader = Store(path), Store(path)
    with writer.transaction():
        writer.add_article(make_article(1))
        # The reader sees the last committed state while the writer holds its transaction.
        assert reader.count("articles") == 0
    assert reader.count("articles") == 1
    writer.close()
    reader.close()


def test_rejections_are_stored_and_countable(tmp_path):
    with Store(tmp_path / "n.db") as store, store.transaction():
        store.add_rejected(Rejected(source="x.bin", stage="ingest", reason="binary"))
        store.add_rejected(Rejected(source="x.bin", stage="ingest", reason="binary"))
    with Store(tmp_path / "n.db") as store:
        assert [r.reason for r in store.rejected()] == ["binary"]


def test_stories_are_found_by_prefix_and_missing_ones_say_so(tmp_path):
    with Store(tmp_path / "n.db") as store:
        with store.transaction():
            store.add_article(make_article(1))
            store.put_story(Story(id="s123456789", title="T", articles=(make_article(1).id,)))
        assert store.story("s1234").id == "s123456789"
        assert store.story_of(make_article(1).id) == "s123456789"
        with pytest.raises(NotFoundError, match="newsweave stories"):
            store.story("nope")


def test_a_file_that_is_not_a_database_is_a_store_error(tmp_path):
    path = tmp_path / "n.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="cannot open"):
        Store(path)
    assert isinstance(sqlite3.sqlite_version, str)


def test_a_cli_process_writes_while_another_process_reads(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "shared.db"
    article = tmp_path / "a.txt"
    article.write_text(
        "Harbour closes\n\n"
        + "Heavy seas closed the harbour on Monday and ferries stayed in port. " * 4
    )
    reader = Store(path)
    reader._db.execute("BEGIN")  # a long read, as a server answering a request would hold
    assert reader.count("articles") == 0
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "newsweave",
            "--db",
            str(path),
            "add",
            str(article),
            "--outlet",
            "Port Post",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert reader.count("articles") == 0  # its snapshot is stable while it reads
    reader._db.execute("COMMIT")
    assert reader.count("articles") == 1
    reader.close()


def test_sentence_vectors_round_trip_by_model(tmp_path):
    import numpy as np

    vectors = np.random.default_rng(1).normal(size=(3, 8)).astype(np.float32)
    with Store(tmp_path / "n.db") as store:
        store.add_article(make_article(1))
        store.put_vectors("a00000000001", "model-a", vectors)
        got = store.vectors(["a00000000001", "a00000000002"], "model-a")
        assert list(got) == ["a00000000001"]
        assert got["a00000000001"].shape == (3, 8)
        assert np.allclose(got["a00000000001"], vectors, atol=1e-2)  # kept as float16
        assert store.vectors(["a00000000001"], "model-b") == {}


# ── the read queries behind the web pages ──────────────────────────────────────────────────
# An invented newsroom: an older story of two articles from two outlets, a newer one of three
# articles (two from one outlet, one a copy of another) with an analysed mayor and a brief.

CALADO = Entity(id="person:ines-calado", name="Ines Calado", type="person", aliases=("Calado",))
OLD, NEW = "s-old", "s-new"


def reported(n: int, outlet: str, title: str, text: str) -> Article:
    return make_article(n, text).model_copy(update={"outlet": outlet, "title": title})


def brief_of(story: str, claims: tuple[Claim, ...], quotes: tuple[BriefQuote, ...]) -> Brief:
    return Brief(
        id=story,
        title="Mayor opens the ferry pier",
        articles=(),
        entities=(CALADO,),
        quotes=quotes,
        claims=claims,
        quote_drift=(),
        conflicts=(),
        timeline=(),
        lineage=(),
        summary=(),
    )


@pytest.fixture
def newsroom(tmp_path):
    a1 = reported(1, "Harbour Post", "Storm closes the port", "Heavy seas closed the port.")
    a2 = reported(2, "Test Times", "Port shut by storm", "The storm shut the port.")
    a3 = reported(3, "Test Times", "Ferry pier opens", "Mayor Ines Calado opened the pier. Ok.")
    a4 = reported(4, "Test Times", "New pier", "A new pier opened for the ferry on Thursday.")
    a5 = reported(5, "Coast Herald", "Calado: a pier for all", "Calado praised the pier.")
    said = Quote(kind="direct", text="A pier for all", start=40, end=54, sentence=1)
    claims = (
        Claim(
            id="c1",
            text="The pier opened.",
            status="corroborated",
            independent_sources=2,
            support=(
                Support(article=a3.id, sentence=0, text="t"),
                Support(article=a5.id, sentence=0, text="t"),
            ),
        ),
        Claim(
            id="c2",
            text="It opened on Thursday.",
            status="single_source",
            independent_sources=1,
            support=(Support(article=a4.id, sentence=0, text="t"),),
        ),
    )
    with Store(tmp_path / "n.db") as store:
        with store.transaction():
            for article in (a1, a2, a3, a4, a5):
                store.add_article(article)
            store.put_story(
                Story(
                    id=OLD,
                    title="Storm",
                    articles=(a1.id, a2.id),
                    first_seen=a1.published,
                    last_seen=a2.published,
                )
            )
            store.put_story(
                Story(
                    id=NEW,
                    title="Pier",
                    articles=(a3.id, a4.id, a5.id),
                    first_seen=a3.published,
                    last_seen=a5.published,
                )
            )
            store.put_analysis(
                Analysis(
                    article_id=a3.id,
                    sentences=(
                        Sentence(index=0, start=0, end=34, paragraph=0, text=a3.text[:34]),
                        Sentence(index=1, start=35, end=38, paragraph=0, text="Ok."),
                    ),
                    entities=(CALADO.model_copy(update={"aliases": ()}),),
                )
            )
            store.put_analysis(
                Analysis(
                    article_id=a5.id,
                    sentences=(Sentence(index=0, start=0, end=25, paragraph=0, text=a5.text),),
                    entities=(CALADO,),
                    # Stored out of reading order: the later quote first.
                    quotes=(
                        said.model_copy(update={"speaker": CALADO.id}),
                        said.model_copy(
                            update={"text": "We waited", "start": 3, "speaker": CALADO.id}
                        ),
                        said.model_copy(update={"text": "Not hers", "start": 9, "speaker": None}),
                    ),
                )
            )
            store.add_lineage(
                LineageLink(
                    article=a4.id, kind="derivative", source=a3.id, source_outlet="Test Times"
                )
            )
            quotes = (BriefQuote(speaker="Ines Calado", text="Thank you", article=a3.id),)
            store.put_brief(Comparison(story=NEW, claims=claims), brief_of(NEW, claims, quotes))
        yield store


def test_the_story_listing_is_newest_first_with_sizes_outlets_and_claims(newsroom: Store) -> None:
    listing = newsroom.story_listing()
    assert [(s.id, s.articles, s.outlets) for s in listing] == [
        (NEW, 3, ("Coast Herald", "Test Times")),
        (OLD, 2, ("Harbour Post", "Test Times")),
    ]
    assert listing[0].claims == ClaimTally(total=2, corroborated=1, single_source=1, shared=1)
    assert listing[1].claims == ClaimTally()  # no brief yet
    assert listing[0].last_seen is not None and listing[0].last_seen.startswith("2026-03-05")
    assert [s.id for s in newsroom.story_listing(limit=1, offset=1)] == [OLD]
    assert newsroom.story_listing(limit=5, offset=2) == []


def test_story_titles_give_title_and_size_of_the_stories_that_exist(newsroom: Store) -> None:
    assert newsroom.story_titles([OLD, "s-gone", NEW]) == {
        NEW: StoryTitle("Pier", 3),
        OLD: StoryTitle("Storm", 2),
    }
    assert list(newsroom.story_titles([OLD, NEW])) == [NEW, OLD]  # most recent first
    assert newsroom.story_titles([]) == {}


def test_stories_of_maps_each_article_to_its_story(newsroom: Store) -> None:
    assert newsroom.stories_of(["a00000000001", "a00000000005", "a00000000099"]) == {
        "a00000000001": OLD,
        "a00000000005": NEW,
    }


def test_article_heads_give_outlet_and_title(newsroom: Store) -> None:
    heads = newsroom.article_heads(["a00000000002", "a00000000005", "a00000000099"])
    assert heads == {
        "a00000000002": ArticleHead("Test Times", "Port shut by storm"),
        "a00000000005": ArticleHead("Coast Herald", "Calado: a pier for all"),
    }


def test_article_sentences_are_those_of_the_analysed_articles(newsroom: Store) -> None:
    found = newsroom.article_sentences(["a00000000003", "a00000000004"])
    assert list(found) == ["a00000000003"]  # the other has no analysis
    assert [s.text for s in found["a00000000003"]] == ["Mayor Ines Calado opened the pier.", "Ok."]


def test_copied_by_lists_the_articles_that_took_from_this_one(newsroom: Store) -> None:
    assert [(link.article, link.kind) for link in newsroom.copied_by("a00000000003")] == [
        ("a00000000004", "derivative")
    ]
    assert newsroom.copied_by("a00000000004") == []


def test_search_articles_ranks_title_words_first_and_marks_the_matches(newsroom: Store) -> None:
    hits = newsroom.search_articles('"ferry"', ("[", "]"))
    assert [(h.article, h.story) for h in hits] == [("a00000000003", NEW), ("a00000000004", NEW)]
    assert hits[0].score > hits[1].score
    assert "[ferry]" in hits[1].snippet
    every = newsroom.search_articles('"pier"', ("[", "]"))
    assert len(every) == 3
    assert newsroom.search_articles('"pier"', ("[", "]"), limit=2, offset=1) == every[1:3]


def test_an_entity_is_found_in_the_briefs_and_analyses_that_name_it(newsroom: Store) -> None:
    assert newsroom.entity_in_stories(CALADO.id) == [(NEW, CALADO)]
    in_articles = newsroom.entity_in_articles(CALADO.id)
    assert [aid for aid, _ in in_articles] == ["a00000000003", "a00000000005"]
    # A shorter id that the real one starts with is another entity.
    assert newsroom.entity_in_stories("person:ines") == []
    assert newsroom.entity_in_articles("person:ines") == []


def test_quotes_by_speaker_are_in_reading_order(newsroom: Store) -> None:
    quotes = newsroom.quotes_by_speaker(CALADO.id)
    assert [(aid, q.text) for aid, q in quotes] == [
        ("a00000000005", "We waited"),
        ("a00000000005", "A pier for all"),
    ]


def test_brief_quotes_by_name_are_read_from_the_given_stories_briefs(newsroom: Store) -> None:
    assert newsroom.brief_quotes_by_name([NEW], "Ines Calado") == [("a00000000003", "Thank you")]
    assert newsroom.brief_quotes_by_name([OLD], "Ines Calado") == []
    assert newsroom.brief_quotes_by_name([NEW], "Calado") == []
