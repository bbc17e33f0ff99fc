"""The timeline orders undated reports by how they tell a shared happening."""

from datetime import UTC, datetime

from builders import article
from newsweave.compare.timeline import build_timeline, telling_order
from newsweave.models import Analysis, Claim, DateMention, Sentence, Support


def analysis(article_id: str, *dated: tuple[str, str | None]) -> Analysis:
    """One sentence per (text, aspect), each dated by "this week" as a relative phrase."""
    sentences, dates, start = [], [], 0
    for i, (text, aspect) in enumerate(dated):
        sentences.append(
            Sentence(index=i, start=start, end=start + len(text), paragraph=i, text=text)
        )
        dates.append(
            DateMention(
                text="this week",
                sentence=i,
                start=start,
                end=start + 9,
                relative=True,
                aspect=aspect,
            )
        )
        start += len(text) + 2
    return Analysis(article_id=article_id, sentences=tuple(sentences), dates=tuple(dates))


def claim(*members: tuple[str, int]) -> Claim:
    return Claim(
        id="c",
        text="",
        status="corroborated",
        independent_sources=len(members),
        support=tuple(Support(article=a, sentence=s, text="") for a, s in members),
    )


DONE = ("The mayors toured the harbour this week.", "completed")
COMING = ("The mayors have announced a tour of the harbour this week.", "prospective")


def test_the_report_that_tells_it_as_coming_goes_before_the_one_that_tells_it_done():
    late, early = article("a-late", DONE[0]), article("a-early", COMING[0])
    analyses = {"a-late": analysis("a-late", DONE), "a-early": analysis("a-early", COMING)}
    shared = [claim(("a-late", 0), ("a-early", 0))]

    assert [a.id for a in telling_order([late, early], analyses, shared)] == ["a-early", "a-late"]
    timeline = build_timeline([late, early], analyses, shared)
    assert [t.what for t in timeline] == [COMING[0], DONE[0]]
    assert all(t.relative and t.when == "this week (undated)" for t in timeline)


def test_without_a_shared_claim_or_with_a_tie_the_given_order_stays():
    late, early = article("a-late", DONE[0]), article("a-early", COMING[0])
    analyses = {"a-late": analysis("a-late", DONE), "a-early": analysis("a-early", COMING)}
    assert [a.id for a in telling_order([late, early], analyses, [])] == ["a-late", "a-early"]

    both = {
        "a-late": analysis("a-late", DONE, COMING),
        "a-early": analysis("a-early", COMING, DONE),
    }
    tied = [claim(("a-late", 0), ("a-early", 0)), claim(("a-late", 1), ("a-early", 1))]
    assert [a.id for a in telling_order([late, early], both, tied)] == ["a-late", "a-early"]


def test_a_dated_report_is_not_moved():
    dated = article("a-dated", DONE[0], published=datetime(2026, 5, 4, tzinfo=UTC))
    early = article("a-early", COMING[0])
    analyses = {"a-dated": analysis("a-dated", DONE), "a-early": analysis("a-early", COMING)}
    shared = [claim(("a-dated", 0), ("a-early", 0))]
    assert [a.id for a in telling_order([dated, early], analyses, shared)] == ["a-dated", "a-early"]
