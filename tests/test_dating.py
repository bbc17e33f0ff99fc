"""Date conflicts: one happening dated to different days; progress, sayings and midnight aside."""

from datetime import UTC, datetime, timedelta

import pytest

from builders import article
from newsweave.analyze import analyze_many
from newsweave.compare import compare
from newsweave.compare.dating import date_conflicts
from newsweave.models import Claim, Conflict, Story, Support

THURSDAY = datetime(2026, 9, 17, 9, 0, tzinfo=UTC)
FRIDAY = datetime(2026, 9, 18, 9, 0, tzinfo=UTC)


def _dated(*texts: str, published: tuple[datetime, ...] = ()) -> list[list[tuple[str, str]]]:
    """The date conflicts in one claim made of one sentence from each text (article a0, a1 ...),
    as (article, reading) per value."""
    articles = [
        article(f"a{k}", text, published=published[k] if published else THURSDAY)
        for k, text in enumerate(texts)
    ]
    analyses = {a.article_id: a for a in analyze_many(articles)}
    support = tuple(Support(article=a.id, sentence=0, text=a.text) for a in articles)
    claim = Claim(id="c1", text="", status="corroborated", independent_sources=2, support=support)
    when = {a.id: a.published for a in articles}
    found = date_conflicts([claim], analyses, when)
    return [[(v.article, v.reading) for v in c.values] for c in found]


def test_one_happening_dated_to_two_days_is_a_conflict():
    assert _dated(
        "The fire started on Tuesday night at the warehouse on the trading estate.",
        "The fire started on Monday night at the warehouse on the trading estate.",
    ) == [[("a0", "late 2026-09-15"), ("a1", "late 2026-09-14")]]


def test_a_verb_read_with_or_without_its_particle_dates_one_happening():
    """ "walked out on Tuesday": the parser reads "out" as opening "out on Tuesday"."""
    assert _dated(
        "Drivers walked out at midnight on Sunday across the city.",
        "Drivers walked out on Tuesday across the city.",
    ) == [[("a0", "midnight 2026-09-13"), ("a1", "2026-09-15")]]


def test_hours_after_something_else_say_nothing_of_the_time_of_day():
    assert _dated(
        "A fire broke out late on Tuesday at a chemical warehouse in the town.",
        "The fire broke out on Wednesday, hours after a delivery of solvents, at the warehouse.",
    ) == [[("a0", "late 2026-09-15"), ("a1", "2026-09-16")]]


def test_a_day_right_after_the_noun_of_a_resignation_dates_the_resigning():
    """The parse hangs "late on Monday" on "followed"; the day is the resignation's."""
    assert _dated(
        "Minister Oskar Brandvik resigned on Tuesday over the bus contract.",
        "The crisis followed the resignation late on Wednesday of Minister Oskar Brandvik.",
        published=(THURSDAY, FRIDAY),
    ) == [[("a0", "2026-09-15"), ("a1", "late 2026-09-16")]]


def test_a_date_conflict_shows_only_the_dates_of_its_happening():
    """Not the day a report the claim's sentences name was published."""
    assert _dated(
        "The chief executive, Mira Holt, resigned on Tuesday, days after the audit.",
        "Mira Holt resigned on Monday after the audit found gaps in the accounts.",
        "The audit of Mira Holt's office, published on Friday, found gaps in the accounts.",
        published=(THURSDAY, FRIDAY, FRIDAY),
    ) == [[("a0", "2026-09-15"), ("a1", "2026-09-14")]]


def test_verbs_of_one_beginning_date_one_happening():
    assert _dated(
        "A fire broke out on Tuesday at a chemical warehouse in the town.",
        "The fire, which started on Sunday, destroyed a chemical warehouse in the town.",
    ) == [[("a0", "2026-09-15"), ("a1", "2026-09-13")]]


@pytest.mark.parametrize(
    "first, second",
    [
        # States on two days, not one happening.
        (
            "Firefighters were on Wednesday damping down the remains of the warehouse.",
            "Residents evacuated after the fire were back in their homes on Thursday.",
        ),
        # A plan, then its outcome: progress, ordered on the timeline.
        (
            "Inspectors will visit the site on Thursday.",
            "Inspectors visited the site on Friday.",
        ),
        # The days the police spoke, not the day of the fire.
        (
            "Police said on Wednesday that the fire was not suspicious.",
            "Police said on Thursday that the fire was not suspicious.",
        ),
        (
            "The fire started on Tuesday, the fire service said on Wednesday.",
            "The fire started on Tuesday, the fire service told reporters on Thursday.",
        ),
        # One hour around midnight, told from either side of it.
        (
            "A fire broke out late on Tuesday at the warehouse.",
            "The fire broke out in the early hours of Wednesday at the warehouse.",
        ),
        (
            "Drivers walked out at midnight on Sunday across the city.",
            "Drivers walked out on Monday across the city.",
        ),
        (
            "The strike began at midnight on Sunday across the city.",
            "The strike began on Monday across the city.",
        ),
        # Two happenings: a visit, and the crash it follows.
        (
            "The minister visited the ferry terminal on Thursday after the crash.",
            "A ferry struck the terminal's pier on Tuesday evening, injuring 14.",
        ),
        # A bound, not the day of the happening.
        (
            "Talks between the two sides will resume after Friday.",
            "Talks between the two sides will resume on Wednesday.",
        ),
        (
            "The road will stay closed until Friday.",
            "The road will stay closed on Saturday.",
        ),
        # A month is the time of another occasion, not a day of this one.
        (
            "A fire destroyed a paint warehouse on Tuesday.",
            "A fire destroyed a paint warehouse in March.",
        ),
    ],
)
def test_what_looks_like_two_dates_of_one_happening_is_no_conflict(first, second):
    assert _dated(first, second) == []


def test_a_day_inside_a_quote_is_the_speaker_s_not_the_report_s():
    """ "tonight" in a quote published late one evening and again the next morning."""
    said = "“I heard nothing tonight to suggest this scheme will be any different,” he said."
    assert _dated(said, said, published=(THURSDAY.replace(hour=22), FRIDAY)) == []


def test_a_later_report_of_a_later_happening_is_no_conflict():
    """The first report was out before the second's day: it could not have told it."""
    october, november = (datetime(2026, m, d, 18, tzinfo=UTC) for m, d in ((10, 11), (11, 4)))
    restored = "Seacom's cable services were restored on {} after the outage."
    assert (
        _dated(
            restored.format("11 October"),
            restored.format("4 November"),
            published=(october, november),
        )
        == []
    )


def test_a_later_report_that_dates_a_concession_later_denies_the_earlier_day():
    """A concession comes once: the earlier report told it done on Wednesday, and the later
    one puts it on Friday, after that report was out."""
    first = "Mira Holt conceded early on Wednesday, hours after the polls closed in the city."
    later = "Holt, who had refused to concede on election night, conceded on Friday morning."
    assert _dated(first, later, published=(THURSDAY, FRIDAY.replace(hour=18))) == [
        [("a0", "early 2026-09-16"), ("a1", "early 2026-09-18")]
    ]
    # Two people, or people unnamed, may each do it on a day of their own.
    other = "Brevic, who had refused to concede on election night, conceded on Friday morning."
    assert _dated(first, other, published=(THURSDAY, FRIDAY.replace(hour=18))) == []
    died = (
        "Two passengers died on Wednesday when the ferry capsized off the coast.",
        "A third passenger died on Friday in hospital, the coastguard said.",
    )
    assert _dated(*died, published=(THURSDAY, FRIDAY.replace(hour=18))) == []


def test_plans_conflict_within_one_news_cycle_and_change_over_days():
    reopen = "The road will reopen on {} once the site is safe."
    same_cycle = (THURSDAY, THURSDAY.replace(hour=15))
    days_apart = (THURSDAY - timedelta(days=3), THURSDAY)
    first, second = reopen.format("Saturday"), reopen.format("Monday")
    assert _dated(first, second, published=same_cycle) == [
        [("a0", "2026-09-19"), ("a1", "2026-09-21")]
    ]
    assert _dated(first, second, published=days_apart) == []


@pytest.mark.parametrize(
    "other",
    [
        "Opposition leaders had demanded the resignation on Monday of Minister Oskar Brandvik.",
        "Hundreds gathered to mourn the death on Monday of Minister Oskar Brandvik.",
    ],
)
def test_a_day_of_another_deed_done_to_the_noun_is_not_its_happening_s(other):
    resigned = "Minister Oskar Brandvik resigned on Tuesday over the bus contract."
    assert _dated(resigned, other, published=(THURSDAY, FRIDAY)) == []


def test_two_named_people_s_resignations_on_two_days_are_no_conflict():
    """One claim may hold two ministers' resignations, told alike; the names part them. A
    sentence that names no one may tell either, and one person's two days still conflict."""
    brandvik = "Transport minister Oskar Brandvik resigned on Tuesday over the bus contract."
    sorvik = "Health minister Lena Sorvik resigned on Wednesday over the hospital contract."
    assert _dated(brandvik, sorvik) == []
    unnamed = "The transport minister resigned on Wednesday over the bus contract."
    assert _dated(brandvik, unnamed) == [[("a0", "2026-09-15"), ("a1", "2026-09-16")]]
    again = "Minister Oskar Brandvik resigned on Wednesday over the bus contract."
    assert _dated(brandvik, again) == [[("a0", "2026-09-15"), ("a1", "2026-09-16")]]


def test_a_day_and_a_time_of_one_happening_told_wrongly_are_one_conflict():
    """One report puts the breach late on Wednesday, two others early on Thursday, at 03:40:
    one disagreement over one moment, its day and its time side by side."""
    texts = [
        "The embankment at Orsley Meadows gave way at 03:40 on Thursday, flooding 300 homes.",
        "The embankment at Orsley Meadows gave way early on Thursday, flooding 300 homes.",
        "The embankment at Orsley Meadows gave way shortly before 11 p.m. on Wednesday, "
        "flooding 300 homes.",
    ]
    conflicts = _date_conflicts(texts)
    assert len(conflicts) == 1, conflicts
    assert conflicts[0].what.startswith("date and time of")
    sides = {(v.article, v.reading): v.side for v in conflicts[0].values}
    assert sides == {
        ("a0", "2026-09-17"): 0,
        ("a0", "03:40"): 0,
        ("a1", "early 2026-09-17"): 0,
        ("a2", "2026-09-16"): 1,
        ("a2", "22:30–23:00"): 1,
    }


def test_a_day_and_a_time_of_two_happenings_stay_two_conflicts():
    texts = [
        "The Morna sank on Tuesday, hours after it left the port of Quellport at 9 p.m.",
        "The Morna sank on Monday, hours after it left the port of Quellport at 7 p.m.",
    ]
    assert sorted(c.what.split()[0] for c in _date_conflicts(texts)) == ["date", "time"]


def _date_conflicts(texts: list[str]) -> list[Conflict]:
    """The date and time conflicts of a story of one report by each outlet, on a Friday."""
    articles = [
        article(f"a{k}", text, published=FRIDAY, outlet=f"Outlet {k}")
        for k, text in enumerate(texts)
    ]
    analyses = {a.article_id: a for a in analyze_many(articles)}
    story = Story(id="s1", title="story", articles=tuple(a.id for a in articles))
    return [c for c in compare(story, articles, analyses, []).conflicts if c.kind == "date"]
