"""Times of day: one happening timed differently by two reports; plans, bounds, stamps, game
clocks and other happenings of one event aside."""

from datetime import UTC, datetime, timedelta

import pytest

from builders import article
from newsweave.analyze import analyze_many
from newsweave.compare.clock import clock_conflicts, clock_of
from newsweave.compare.conflicts import readings_disagree
from newsweave.models import Claim, Support

WEDNESDAY = datetime(2026, 5, 13, 9, 0, tzinfo=UTC)


def _timed(*texts: str, days_later: int = 0) -> list[list[tuple[str, str]]]:
    """The time conflicts in one claim made of one sentence from each text (article a0, a1 ...),
    as (article, reading) per value; the last published `days_later` than the others."""
    articles = [
        article(f"a{k}", text, published=WEDNESDAY + timedelta(days=days_later * (k > 0)))
        for k, text in enumerate(texts)
    ]
    analyses = {a.article_id: a for a in analyze_many(articles)}
    support = tuple(Support(article=a.id, sentence=0, text=a.text) for a in articles)
    claim = Claim(id="c1", text="", status="corroborated", independent_sources=2, support=support)
    found = clock_conflicts([claim], analyses, {a.id: a.published for a in articles})
    assert all(c.what.startswith("time of ") for c in found)
    return [[(v.article, v.reading) for v in c.values] for c in found]


def test_one_lift_off_timed_at_two_clock_times_is_a_conflict():
    assert _timed(
        "The rocket lifted off from Skarvholm Spaceport at 06:42 local time (04:42 GMT) on "
        "Wednesday, carrying 24 satellites.",
        "The rocket lifted off from Skarvholm Spaceport at 06:24 on Wednesday and released the "
        "satellites an hour later.",
    ) == [[("a0", "06:42"), ("a1", "06:24")]]


def test_times_of_two_days_are_two_happenings():
    """A sentence that names no day tells of one before its report came out: Saturday's 18:00,
    told on Sunday, is not Wednesday's 05:30."""
    closed = "The town closed its water intake on the river at about 05:30."
    assert (
        _timed(
            closed,
            "The town reopened its water intake on the river on Saturday, and at 18:00 the "
            "council lifted the notice.",
            days_later=4,
        )
        == []
    )
    assert _timed(closed, "The town closed its water intake on Wednesday at 07:30.") == [
        [("a0", "05:15–05:45"), ("a1", "07:30")]
    ]
    # The day a report was given is no day of its happening.
    assert _timed(
        closed,
        "Officials said on Saturday that the town closed its water intake at 07:30.",
        days_later=4,
    ) == [[("a0", "05:15–05:45"), ("a1", "07:30")]]


def test_noon_and_midnight_read_as_on_the_clock():
    assert _timed(
        "The march set off from Harlow Green at 11:00 on Wednesday.",
        "The march set off from Harlow Green at noon on Wednesday.",
    ) == [[("a0", "11:00"), ("a1", "12:00")]]
    assert _timed(
        "The strike began at 23:30 on Wednesday.", "The strike began at midnight on Wednesday."
    ) == [[("a0", "23:30"), ("a1", "00:00")]]


def test_a_plan_named_as_a_thing_far_from_the_time_plans_nothing():
    """ "the government's plan to raise ..." is what the march was against, not its timing."""
    assert _timed(
        "The march against the government's plan to raise the state pension age from 63 to 66 "
        "set off from Harlow Green at noon.",
        "The march set off from Harlow Green at 11:00.",
    ) == [[("a0", "12:00"), ("a1", "11:00")]]
    assert _timed("The plan was to set off at 11:00.", "The march set off at noon.") == []
    assert (
        _timed(
            "The council's plan, drawn up after last winter's floods, was to open the gates at "
            "06:00.",
            "The council opened the gates at 08:00.",
        )
        == []
    )


def test_a_plan_in_another_clause_after_the_time_plans_nothing():
    assert _timed(
        "The span came down at 18:40, according to the news agency, which said the roads agency "
        "planned to inspect 40 bridges.",
        "The span came down shortly before 6 p.m., the fire service said.",
    ) == [[("a0", "18:40"), ("a1", "17:30–18:00")]]
    assert (
        _timed(
            "The rocket is due to lift off at 06:30 as planned.", "The rocket lifted off at 06:42."
        )
        == []
    )
    # a time that opens the sentence is of the clause after it
    assert (
        _timed(
            "At 18:00, the ferry is due to leave the port for Orvik.",
            "The ferry left the port for Orvik at 19:30.",
        )
        == []
    )


def test_sentences_of_no_one_claim_that_time_a_happening_in_the_same_words_conflict():
    """ "set off from Harlow Green at 11:00" and, in a sentence its other words tie to another
    claim, "set off from Harlow Green at noon"; not the first and the last ferry, nor two days."""

    def story_wide(*texts: str) -> list[list[str]]:
        articles = [article(f"a{k}", t, published=WEDNESDAY) for k, t in enumerate(texts)]
        analyses = {a.article_id: a for a in analyze_many(articles)}
        return [[v.reading for v in c.values] for c in clock_conflicts([], analyses)]

    assert story_wide(
        "The march set off from Harlow Green at 11:00 and crossed the river.",
        "Police said 14 people were arrested. The march against the new pension law set off "
        "from Harlow Green at noon.",
    ) == [["11:00", "12:00"]]
    assert (
        story_wide(
            "The first ferry left Lindgate harbour at 06:00.",
            "The last ferry left Lindgate harbour at 22:00.",
        )
        == []
    )
    for one, other in (
        (
            "The march set off from Harlow Green at 11:00 on Monday.",
            "The march set off from Harlow Green at noon on Tuesday.",
        ),
        # another of a kind, and another day not named
        (
            "A freight train left the rails near Tarrow at 03:20.",
            "A passenger train left the rails near Tarrow at 17:45.",
        ),
        (
            "The ferry left Lindgate harbour at 06:00.",
            "A day later the ferry left Lindgate harbour at 07:30.",
        ),
    ):
        assert story_wide(one, other) == [], other


def test_a_time_shortly_after_or_before_one_is_the_half_hour_beside_it():
    """ "Shortly after 3 a.m." may be 03:10; "shortly after 2am" may not, nor "just before
    6am" 06:20."""
    break_in = "The thieves broke in through a window on Ferrow Lane"
    assert _timed(
        f"{break_in} at 03:10 on Thursday.",
        f"{break_in} shortly after 3 a.m. on Thursday.",
        f"{break_in} shortly after 2am on Thursday.",
    ) == [[("a0", "03:10"), ("a1", "03:00–03:30"), ("a2", "02:00–02:30")]]
    assert _timed(
        "The train left the rails near Pellowick at 6.20am.",
        "The train left the rails near Pellowick just before 6am.",
    ) == [[("a0", "06:20"), ("a1", "05:30–06:00")]]
    assert _timed(
        "The march set off from Harlow Green shortly after noon on Wednesday.",
        "The march set off from Harlow Green at 11:00 on Wednesday.",
    ) == [[("a0", "12:00–12:30"), ("a1", "11:00")]]


def test_a_time_told_about_or_nearly_is_a_span_around_or_before_it():
    """ "At about 9.30 p.m." and "at 21:35" may be one time; "around 06:00" (the half hour
    either side of a whole hour) and "06:40" not."""
    collapse = "Part of the tunnel roof collapsed at the Drummelin mine"
    assert (
        _timed(f"{collapse} at about 9.30 p.m. on Tuesday.", f"{collapse} at 21:35 on Tuesday.")
        == []
    )
    assert _timed(
        f"{collapse} at around 06:00 on Tuesday.", f"{collapse} at 06:40 on Tuesday."
    ) == [[("a0", "05:30–06:30"), ("a1", "06:40")]]
    # a whole hour told "about" is the half hour either side; "nearly" the half hour before
    assert (
        _timed(f"{collapse} at about 3 a.m. on Tuesday.", f"{collapse} at 02:40 on Tuesday.") == []
    )
    assert _timed(f"{collapse} nearly 10pm on Tuesday.", f"{collapse} at 21:50 on Tuesday.") == []
    assert _timed(f"{collapse} nearly 10pm on Tuesday.", f"{collapse} at 22:10 on Tuesday.") != []
    # "by about 6pm" is a bound still, no time the roof came down
    assert _timed(f"{collapse} by about 6pm on Tuesday.", f"{collapse} at 21:35 on Tuesday.") == []


def test_times_of_day_take_one_side_when_they_may_be_one_time():
    assert not readings_disagree("03:10", "03:00–03:30", "date")
    assert readings_disagree("03:10", "02:00–02:30", "date")
    assert not readings_disagree("23:59", "00:00", "date")  # either side of midnight
    assert not readings_disagree("23:45–00:15", "00:10", "date")
    assert readings_disagree("06:42", "04:42 GMT", "date")  # zones are not converted


def test_was_to_plans_only_what_a_plan_noun_says():
    """ "The first call was to police" is where the call went, not a plan."""
    assert _timed(
        "The first call was to police at 2:14am on Wednesday.",
        "The first call to police came at 2:41am on Wednesday.",
    ) == [[("a0", "02:14"), ("a1", "02:41")]]
    assert _timed(
        "The rocket, which was to carry 24 satellites, lifted off at 06:42.",
        "The rocket lifted off at 06:24.",
    ) == [[("a0", "06:42"), ("a1", "06:24")]]


def test_a_window_in_a_sentence_plans_nothing():
    """Only a launch window does."""
    assert _timed(
        "The thieves got in through a ground-floor window at 03:10.",
        "The thieves got in through a ground-floor window at 02:10.",
    ) == [[("a0", "03:10"), ("a1", "02:10")]]
    assert (
        _timed(
            "The launch window opens at 06:30 on Wednesday.",
            "The rocket lifted off at 06:42 on Wednesday.",
        )
        == []
    )


def test_a_time_in_am_or_pm_reads_as_on_the_clock():
    assert _timed(
        "The quake struck the island at 5.11pm on Tuesday, the survey said.",
        "The quake struck the island at 5:41 p.m. on Tuesday.",
    ) == [[("a0", "17:11"), ("a1", "17:41")]]


def test_an_o_clock_time_reads_as_on_the_clock_when_its_part_of_the_day_is_named():
    assert _timed(
        "The embankment gave way at four o'clock in the morning on Wednesday.",
        "The embankment gave way at 05:30 on Wednesday.",
    ) == [[("a0", "04:00"), ("a1", "05:30")]]
    assert _timed(
        "The embankment gave way at 10 o'clock at night on Wednesday.",
        "The embankment gave way at 9 p.m. on Wednesday.",
    ) == [[("a0", "22:00"), ("a1", "21:00")]]
    assert _timed(
        "Divers set out on Friday night and reached the wreck at 7 o'clock the next morning.",
        "Divers reached the wreck at 9:15 a.m. on Saturday.",
    ) == [[("a0", "07:00"), ("a1", "09:15")]]
    # without it, four o'clock may be 04:00 or 16:00; and five o'clock "at night" is said of the
    # small hours and, in some speech, of the evening
    for said in ("4 o'clock on Wednesday", "5 o'clock at night on Wednesday"):
        assert (
            _timed(
                f"The embankment gave way at {said}.",
                "The embankment gave way at 05:30 on Wednesday.",
            )
            == []
        )


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Divers set out on Friday night and reached the wreck at 7 o'clock the next morning.", 9),
        # the day set after the morning is its day
        ("Divers returned to the wreck at 6 o'clock the following morning, Thursday.", 7),
        # a day of saying, or none, dates no "next morning": the day before is another's
        ("Police said on Monday that the man was arrested at 7 o'clock the next morning.", None),
        ("The ship was towed into port at 7 o'clock the next morning.", None),
    ],
)
def test_the_next_morning_is_the_day_after_the_sentence_s_happening(text, day):
    [analysis] = analyze_many([article("a0", text, published=WEDNESDAY)])
    [clock] = clock_of(analysis, 0).values()
    assert clock.day == (WEDNESDAY.date().replace(day=day) if day else None)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # one time, written two ways
        (
            "The rocket lifted off at 06:42 on Wednesday.",
            "The rocket lifted off at 6.42am on Wednesday.",
        ),
        # the same time in two zones
        (
            "The rocket lifted off at 06:42 local time on Wednesday.",
            "The rocket lifted off at 04:42 GMT on Wednesday.",
        ),
        # a plan, then what came
        (
            "The rocket is due to lift off at 06:30 on Wednesday.",
            "The rocket lifted off at 06:42 on Wednesday.",
        ),
        # a bound, not when it came
        (
            "Turnout had reached 40% as of 4:00 p.m. local time.",
            "Turnout reached 40% at 6 p.m. local time.",
        ),
        # two happenings of one event, timed by different words
        (
            "A neighbour said the gunman came in around 4 p.m. on Tuesday.",
            "Staff across the street were told at 5:30 p.m. on Tuesday to leave the premises.",
        ),
        # a report's own stamp
        (
            "Published: May 13, 2026 at 9:44 PM. The rocket lifted off on Wednesday.",
            "Updated: May 13, 2026, 10:04 PM. The rocket lifted off on Wednesday.",
        ),
        # "around noon" names no time to hold a report to
        (
            "The march set off from Harlow Green around noon on Wednesday.",
            "The march set off from Harlow Green at 11:00 on Wednesday.",
        ),
        # one minute either side of midnight
        (
            "The strike began at midnight on Wednesday.",
            "The strike began at 23:59 on Wednesday.",
        ),
        # a game's clock
        (
            "McDermott hit his third three-pointer with 6:11 left to put the Bluejays ahead.",
            "McDermott hit his third three-pointer with 7:02 left to put the Bluejays ahead.",
        ),
        # a bound, however near
        (
            "The coast road was reopened by shortly after 6pm on Wednesday.",
            "The coast road was reopened at 5pm on Wednesday.",
        ),
        # another thing's time, and a plan
        (
            "The council vote came shortly after the 2pm meeting on Wednesday.",
            "The council vote came at 2:40pm on Wednesday.",
        ),
        (
            "The match was supposed to begin at 3pm on Wednesday.",
            "The match began at 3:40pm on Wednesday.",
        ),
    ],
)
def test_what_looks_like_two_times_of_one_happening_is_no_conflict(first, second):
    assert _timed(first, second) == []
