"""The timeline orders undated reports by how they tell a shared happening."""

from datetime import UTC, datetime

from builders import article
from newsweave.compare.timeline import build_timeline, undated_in_telling_order
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

    assert order([late, early], analyses, shared) == ["a-early", "a-late"]
    timeline = build_timeline([late, early], analyses, shared)
    assert [t.what for t in timeline] == [COMING[0], DONE[0]]
    assert all(t.relative and t.when == "this week (undated)" for t in timeline)


def order(articles, analyses, claims):
    return [a.id for a in undated_in_telling_order(articles, analyses, claims)]


def test_without_a_shared_claim_the_given_order_stays():
    late, early = article("a-late", DONE[0]), article("a-early", COMING[0])
    analyses = {"a-late": analysis("a-late", DONE), "a-early": analysis("a-early", COMING)}
    assert order([late, early], analyses, []) == ["a-late", "a-early"]


def test_the_stronger_direction_wins_and_a_tie_keeps_the_given_order():
    # Claim 0 and 1 tell a-x's happening as coming and a-y's as done; claim 2 the reverse.
    x, y, z = (article(i, DONE[0]) for i in ("a-x", "a-y", "a-z"))
    analyses = {
        "a-x": analysis("a-x", COMING, COMING, DONE),
        "a-y": analysis("a-y", DONE, DONE, COMING),
        "a-z": analysis("a-z", DONE),
    }
    claims = [claim(("a-x", i), ("a-y", i)) for i in range(3)]
    assert order([z, y, x], analyses, claims) == ["a-z", "a-x", "a-y"]
    # One claim each way: a tie, so a-y stays before a-x as given.
    assert order([z, y, x], analyses, claims[1:]) == ["a-z", "a-y", "a-x"]


def test_an_article_without_an_analysis_keeps_its_place():
    late, early, bare = (article(i, DONE[0]) for i in ("a-late", "a-early", "a-bare"))
    analyses = {"a-late": analysis("a-late", DONE), "a-early": analysis("a-early", COMING)}
    claims = [claim(("a-bare", 0), ("a-late", 0), ("a-early", 0))]
    assert order([bare, late, early], analyses, claims) == ["a-bare", "a-early", "a-late"]


def test_a_dated_report_is_not_placed_among_the_undated():
    dated = article("a-dated", DONE[0], published=datetime(2026, 5, 4, tzinfo=UTC))
    early = article("a-early", COMING[0])
    analyses = {"a-dated": analysis("a-dated", DONE), "a-early": analysis("a-early", COMING)}
    shared = [claim(("a-dated", 0), ("a-early", 0))]
    assert order([dated, early], analyses, shared) == ["a-early"]


def test_a_sentence_dating_two_happenings_shows_each_phrase_in_its_place():
    from datetime import date

    from newsweave.brief import dated_runs

    text = "Divers will inspect the hull later today, and a ministry team arrives on Monday."
    report = article("a", text, published=datetime(2026, 6, 14, 9, tzinfo=UTC))

    def dated_by(phrase: str, day: date) -> DateMention:
        at = text.index(phrase)
        return DateMention(text=phrase, sentence=0, start=at, end=at + len(phrase), resolved=day)

    dated = Analysis(
        article_id="a",
        sentences=(Sentence(index=0, start=0, end=len(text), paragraph=0, text=text),),
        dates=(
            dated_by("later today", date(2026, 6, 14)),
            dated_by("on Monday", date(2026, 6, 15)),
        ),
    )
    entries = [t for t in build_timeline([report], {"a": dated}) if t.what == text]
    assert [(t.when, t.phrases) for t in entries] == [
        ("2026-06-14", ("later today",)),
        ("2026-06-15", ("on Monday",)),
    ]
    assert [run for run, marked in dated_runs(entries[1]) if marked] == ["on Monday"]
    assert "".join(run for run, _ in dated_runs(entries[1])) == text
