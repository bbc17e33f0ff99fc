"""A story's happenings: one thing's own happening dated or placed apart outside any claim."""

from datetime import UTC, datetime, timedelta

import pytest

from builders import analysed, article
from newsweave.compare.happenings import happening_conflicts

FRIDAY = datetime(2026, 9, 18, 9, 0, tzinfo=UTC)


def _told(*texts: str, published: tuple[datetime, ...] = ()) -> list[tuple[str, list]]:
    """The conflicts among articles a0, a1 ... when no claim joins their sentences, as (kind,
    [(article, reading)])."""
    articles = [
        article(f"a{k}", text, published=published[k] if published else FRIDAY)
        for k, text in enumerate(texts)
    ]
    found = happening_conflicts(*analysed(articles))
    return [(c.kind, [(v.article, v.reading) for v in c.values]) for c in found]


def test_one_fire_s_start_dated_apart_conflicts_though_no_claim_joins_its_reports():
    """The wire's lead and a follow-up's clause state other facts besides. Of the lead's two
    dates, the fire's is its happening's."""
    assert _told(
        "A fire broke out late on Tuesday at a chemical warehouse, sending a plume of smoke over"
        " the town and forcing 300 people to leave their homes overnight.",
        "Residents were allowed home on Wednesday evening. The fire, which started on Monday"
        " night, destroyed most of the warehouse.",
    ) == [("date", [("a0", "late 2026-09-15"), ("a1", "late 2026-09-14")])]


def test_one_fire_s_start_placed_apart_conflicts_though_no_claim_joins_its_reports():
    assert _told(
        "A fire broke out late on Tuesday at a warehouse in Rotherham.",
        "No one was hurt. The fire started on Tuesday night in Doncaster.",
    ) == [("place", [("a0", "Rotherham"), ("a1", "Doncaster")])]


@pytest.mark.parametrize(
    "other",
    [
        # Another of its kind.
        "A second fire broke out on Monday at a warehouse nearby.",
        "The fire broke out again on Monday at the warehouse.",
        "A forest fire broke out on Monday in the hills.",
        # Another occasion, years before.
        "A fire broke out at the same warehouse on 3 May 2019.",
        # One of several, and a name: not one thing told by its own noun.
        "Fires started on Monday in three other towns.",
        "Halvane started on Monday to clear the site.",
        # A verb of what the fire did, not of its happening.
        "The fire destroyed a second warehouse on Monday.",
        # Its end, not its start.
        "The fire ended on Wednesday in Doncaster.",
    ],
)
def test_only_one_thing_s_own_happening_conflicts(other):
    assert _told("A house fire broke out on Tuesday at a warehouse in Rotherham.", other) == []


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # Two days and two towns: two happenings, not one told wrongly.
        (
            "A fire broke out on Monday at a warehouse in Leeds.",
            "A fire broke out on Wednesday at a school in Bradford.",
        ),
        ("The strike began on Monday in Leeds.", "The strike began on Thursday in Bradford."),
        # A doer, a passive, and a verb a thing does more than once.
        ("The union started a strike on Monday.", "The union started talks on Wednesday."),
        ("The hospital was hit on Monday.", "The hospital was hit on Thursday."),
        ("The storm hit on Wednesday in Tampa.", "The storm hit on Thursday in Savannah."),
        # One start and one end.
        ("The march began on Saturday in Leeds.", "The march ended on Saturday in London."),
        # A happening of every day, and a quake and its aftershock.
        ("The index ended on Tuesday 2 per cent lower.", "The index ended on Wednesday higher."),
        (
            "The quake struck on Monday, killing 12 people.",
            "A powerful quake struck on Wednesday near the same town.",
        ),
    ],
)
def test_what_looks_like_one_happening_told_apart_is_no_conflict(first, second):
    assert _told(first, second) == []


def test_a_later_report_of_a_start_elsewhere_is_no_conflict():
    """The first report was out before the second's day: it could not have told it."""
    monday = FRIDAY - timedelta(days=4)
    assert (
        _told(
            "The strike began on Monday in Leeds.",
            "The strike began on Thursday in Leeds.",
            published=(monday.replace(hour=18), FRIDAY),
        )
        == []
    )


def test_one_unnamed_person_s_death_dated_apart_conflicts_when_both_give_her_age():
    """Reports name no one, but "an 84-year-old woman" in each is one woman, and she died
    once."""
    assert _told(
        "An 84-year-old woman has died, officials said on Thursday. The woman, who had other"
        " conditions, died in hospital on Wednesday.",
        "A woman aged 84 died late on Tuesday at the city hospital.",
    ) == [("date", [("a0", "2026-09-16"), ("a1", "late 2026-09-15")])]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # No age: many a woman may die in one story.
        ("A woman died in hospital on Wednesday.", "A woman died late on Tuesday at her home."),
        # Two ages: two women.
        (
            "An 84-year-old woman died in hospital on Wednesday.",
            "A woman, 61, died late on Tuesday at her home.",
        ),
        # A report of two women of different ages: which one died is not told.
        (
            "An 84-year-old woman died in hospital on Wednesday.",
            "A 61-year-old woman and an 84-year-old woman fell ill. The woman died on Monday.",
        ),
        # An age given to another woman, after the one who died.
        (
            "A woman died at the scene of the crash on Tuesday. An 84-year-old woman, the driver"
            " of the second car, was taken to hospital.",
            "The 84-year-old woman who was injured in the crash died in hospital on Thursday.",
        ),
        # Another happening of hers.
        (
            "An 84-year-old woman died in hospital on Wednesday.",
            "The 84-year-old woman fell ill on Monday.",
        ),
    ],
)
def test_deaths_not_told_of_one_person_of_one_age_are_no_conflict(first, second):
    assert _told(first, second) == []
