"""The brief's summary: sentences that read rightly out of their articles."""

import pytest

from newsweave.analyze.sentences import without_dateline
from newsweave.brief import brief, render, stands_alone
from newsweave.compare.conflicts import sided
from newsweave.models import (
    Article,
    Brief,
    BriefArticle,
    Claim,
    Comparison,
    Conflict,
    ConflictValue,
    LineageLink,
    Story,
    Support,
)


@pytest.mark.parametrize(
    "sentence",
    [
        "The Orrin bridge in Velmora reopened to traffic on Monday.",
        "US officials said the talks would resume in May.",  # "US" is not "us"
        '"We will reopen the quay in May," the harbour master said.',
        "Harbour master Ilse Varga said: “We will reopen the quay in May.”",
        '"We will reopen the quay," said the port\'s director.',  # an apostrophe, no quote
    ],
)
def test_sentences_that_stand_alone(sentence: str) -> None:
    assert stands_alone(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "He added that the quay would stay shut.",  # who is he?
        "They announced the trip at a press conference.",
        "This was the third closure in a year.",
        "“We will reopen the quay in May.”",  # a bare quote: its speaker is named elsewhere
        '"We will reopen the quay in May," she said.',  # so is hers
        "“It shook. I ran outside,” he told reporters.",
        "“We will reopen the quay in May, and every pillar will be checked.",  # runs on
    ],
)
def test_sentences_that_lean_on_another(sentence: str) -> None:
    assert not stands_alone(sentence)


@pytest.mark.parametrize(
    ("sentence", "shown"),
    [
        ("BRESK (Northgate Wire) — A strong quake hit.", "A strong quake hit."),
        ("NEW YORK (Castlegate Wire) - Shares fell.", "Shares fell."),
        ("NATO — the alliance — said it would act.", None),
        ("UK - EU talks resumed on Monday.", None),
        ("US officials said the talks would resume.", None),
    ],
)
def test_a_summary_sentence_drops_only_a_credited_dateline(sentence: str, shown) -> None:
    assert without_dateline(sentence) == (shown or sentence)


def test_a_summary_sentence_must_read_alone_without_its_dateline() -> None:
    # "BRESK (...) — It was ..." opens on a place; shown without it, "It was" points back.
    support = (
        Support(article="a1", sentence=0, text="BRESK (Northgate Wire) — It was the worst quake."),
        Support(article="a2", sentence=3, text="The Bresk quake was the worst in decades."),
    )
    claim = Claim(
        id="c1", text=support[0].text, status="corroborated", independent_sources=2, support=support
    )
    story = Story(id="s1", title="Quake", articles=("a1", "a2"))
    made = brief(story, [], {}, Comparison(story="s1", claims=(claim,)))
    assert [s.text for s in made.summary] == ["The Bresk quake was the worst in decades."]


def test_a_conflict_shows_its_sides_and_the_values_that_can_stand_together() -> None:
    """The two sides of one midnight stand together against the day before."""
    values = [
        ("a1", "late on Tuesday", "late 2026-09-15"),
        ("a2", "on Monday night", "late 2026-09-14"),
        ("a3", "shortly after midnight on Wednesday", "midnight 2026-09-16"),
        ("a4", "on Tuesday night", "late 2026-09-15"),
    ]
    given = [ConflictValue(article=a, value=v, text="", reading=r) for a, v, r in values]
    conflict = sided("date of the fire", given, "date")
    made = Brief(
        id="s1",
        title="Fire",
        articles=tuple(
            BriefArticle(id=a, outlet=a, title="", url=None, published=None) for a, *_ in values
        ),
        entities=(),
        quotes=(),
        claims=(),
        quote_drift=(),
        conflicts=(conflict,),
        timeline=(),
        lineage=(),
        summary=(),
    )
    assert (
        "- date of the fire: late on Tuesday [1][4], shortly after midnight on Wednesday [3]"
        " vs on Monday night [2]"
    ) in render(made, "md").splitlines()
    assert "<strong>vs</strong> on Monday night [2]" in render(made, "html")


def test_what_one_outlet_alone_reports_is_listed_in_the_order_of_the_sources() -> None:
    """The claims come most corroborated first; the outlets come as their reports do."""
    articles = [_article(f"a{k}", outlet) for k, outlet in enumerate(["Gazette", "Courier"])]

    def alone(claim: str, article: str, outlet: str) -> Claim:
        support = (Support(article=article, sentence=0, text=f"{outlet} alone says so."),)
        return Claim(
            id=claim,
            text=support[0].text,
            status="single_source",
            independent_sources=1,
            support=support,
            outlets=(outlet,),
        )

    claims = (alone("c1", "a1", "Courier"), alone("c2", "a0", "Gazette"))
    story = Story(id="s1", title="Quay", articles=("a0", "a1"))
    made = brief(story, articles, {}, Comparison(story="s1", claims=claims))
    assert list(made.unique_coverage) == ["Gazette", "Courier"]


def test_a_disputed_claim_is_summarised_as_most_independent_sources_give_it() -> None:
    """A wire's fourteen, run word for word by two clients, is one source against two outlets'
    twelve, though it is told in three sentences against two."""
    told = [
        ("gz", "Gazette", "Twelve people were hurt when the Orrin ferry struck the quay.", "12"),
        ("kw", "Kestrel Wire", "Fourteen people were hurt when the ferry struck the quay.", "14"),
        ("c1", "Courier", "Fourteen people were hurt when the ferry struck the quay.", "14"),
        ("c2", "Herald", "Fourteen people were hurt when the ferry struck the quay.", "14"),
        ("vt", "Velmora Times", "The ferry struck the quay, hurting 12 people.", "12"),
    ]
    support = tuple(Support(article=a, sentence=0, text=text) for a, _, text, _ in told)
    claim = Claim(
        id="c1", text=support[0].text, status="conflicting", independent_sources=3, support=support
    )
    hurt = Conflict(
        what="people",
        values=tuple(
            ConflictValue(article=a, value=n, text=text, reading=n) for a, _, text, n in told
        ),
    )
    copies = tuple(LineageLink(article=a, kind="duplicate", source="kw") for a in ("c1", "c2"))
    comparison = Comparison(story="s1", claims=(claim,), conflicts=(hurt,), lineage=copies)
    articles = [_article(a, outlet) for a, outlet, *_ in told]
    story = Story(id="s1", title="Ferry", articles=tuple(a.id for a in articles))
    (said,) = brief(story, articles, {}, comparison).summary
    assert said.text == told[0][2]
    assert [c.article for c in said.citations] == ["gz", "vt"]


def _article(id: str, outlet: str) -> Article:
    return Article(
        id=id,
        source=id,
        url=None,
        canonical_url=None,
        outlet=outlet,
        title="",
        text="text",
        paragraphs=("text",),
        content_hash=id,
    )
