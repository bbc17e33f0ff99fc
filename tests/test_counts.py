"""Counts of what befell people, told apart across a story outside any claim."""

from datetime import UTC, datetime, timedelta

from builders import analysed, article
from newsweave.compare.counts import count_conflicts

WEDNESDAY = datetime(2026, 9, 16, 7, 0, tzinfo=UTC)


def _counted(*texts: str, published: tuple[datetime | None, ...] = ()) -> list[tuple[str, list]]:
    """The count conflicts among articles a0, a1 ..., as (what, [(article, reading)])."""
    articles = [
        article(f"a{k}", text, published=published[k] if published else WEDNESDAY)
        for k, text in enumerate(texts)
    ]
    found = count_conflicts(*analysed(articles))
    return [(c.what, [(v.article, v.reading) for v in c.values]) for c in found]


def test_people_evacuated_counted_apart_in_other_words_conflict():
    """The wire's lead and a later report's second sentence state other facts besides, and
    name the people and what befell them differently."""
    assert _counted(
        "A fire broke out late on Tuesday at a chemical warehouse, sending smoke over the town"
        " and forcing about 300 people to leave their homes overnight.",
        "Investigators went inside the burnt-out warehouse on Thursday. Around 250 residents"
        " were evacuated from their homes during the night.",
        published=(WEDNESDAY, WEDNESDAY + timedelta(hours=36)),
    ) == [("people evacuated", [("a0", "about 300"), ("a1", "around 250")])]


def test_arrests_and_rescues_add_up_across_a_story_and_are_no_toll():
    """Each day's arrests, each crew's rescues: counts that add up, not one count told twice."""
    assert not _counted(
        "Riot police arrested 14 people after the march. Coastguards rescued 40 people.",
        "Plain-clothes officers arrested 11 people. A lifeboat crew rescued 12 people.",
    )


def test_a_toll_that_grew_by_the_next_day_is_progress():
    assert not _counted(
        "A strong earthquake struck the coast on Monday, killing at least nine people.",
        "Rescuers worked through the night. The quake killed 14 people, officials said.",
        published=(WEDNESDAY, WEDNESDAY + timedelta(hours=26)),
    )


def test_a_toll_revised_down_the_next_day_conflicts():
    assert _counted(
        "A strong earthquake struck the coast on Monday, killing 14 people.",
        "Rescuers worked through the night. The quake killed nine people, officials said.",
        published=(WEDNESDAY, WEDNESDAY + timedelta(hours=26)),
    ) == [("people killed", [("a0", "14"), ("a1", "9")])]


def test_counts_of_reports_of_unknown_time_take_no_side():
    # They may be days apart, and the toll grown between them.
    assert not _counted(
        "A strong earthquake struck the coast, killing nine people.",
        "The quake killed 14 people, officials said.",
        published=(None, None),
    )


def test_what_befell_others_or_other_people_is_another_count():
    assert not _counted(
        "The blast killed 12 people in the market on Tuesday.",
        "The blast injured 30 people in the market on Tuesday. It killed 12 people.",
        "Ten children were killed in the blast on Tuesday.",
    )


def test_a_count_of_an_earlier_occasion_takes_no_side():
    assert not _counted(
        "Around 250 residents were evacuated from their homes during the night.",
        "It is the worst fire since March, when about 120 people were evacuated after a blaze"
        " at a paint warehouse.",
    )


def test_counts_in_two_places_take_no_side():
    assert not _counted(
        "A fire forced about 300 people from their homes in Rotherham on Tuesday.",
        "Floods on Tuesday forced 400 people from their homes in Doncaster.",
    )


def test_a_report_giving_two_values_of_one_count_takes_no_side():
    # The town and the villages, or a toll told as it rose: which one another report gives
    # is unknown.
    assert not _counted(
        "The quake killed 12 people in the town on Monday.",
        "The quake killed nine people on Monday. Later, 14 people were killed in the villages.",
    )


def test_a_toll_told_as_risen_within_hours_is_progress():
    assert not _counted(
        "A strong earthquake struck the coast early on Monday, killing nine people.",
        "The death toll rose to 14 on Monday afternoon. The quake killed 14 people.",
        published=(WEDNESDAY, WEDNESDAY + timedelta(hours=7)),
    )


def test_fewer_missing_the_next_day_is_progress():
    # People are found.
    assert not _counted(
        "Forty people remain missing after the landslide on Monday.",
        "Rescuers found 15 people alive. Twenty-five people remain missing.",
        published=(WEDNESDAY, WEDNESDAY + timedelta(hours=24)),
    )


def test_counts_of_two_days_in_other_years_or_in_a_quote_take_no_side():
    assert not _counted(
        "Floods forced 300 people from their homes in the valley on Tuesday.",
        "Floods on Wednesday forced 200 people from their homes in the valley.",
    )
    assert not _counted(
        "About 300 people were evacuated from their homes during the night.",
        "In 2015, about 220 people were evacuated from their homes after a flood.",
    )
    assert not _counted(
        "About 300 people were evacuated from their homes during the night.",
        "“We evacuated 200 people from their homes,” the mayor said.",
    )
