"""Date phrases resolved against the publication date (analyze/dates.py): months, seasons,
quarters and halves without a year, parts of a month or year, and weekdays that open a stretch
still to come. The sentences are invented, in the forms of tests/corpora/*/articles.jsonl."""

from __future__ import annotations

from datetime import UTC, date, datetime

from builders import article
from newsweave.analyze import analyze
from newsweave.analyze.dates import day_of
from newsweave.compare.timeline import build_timeline
from newsweave.models import DateMention

Span = tuple[date | None, date | None]


def spans(published: date, *paragraphs: str) -> dict[str, Span]:
    """The date phrases of an article of these paragraphs published that day, by their text,
    each with its resolved first and last day."""
    when = datetime(published.year, published.month, published.day, 12, tzinfo=UTC)
    return {
        d.text: (d.resolved, d.resolved_end)
        for d in analyze(
            article("a1", "\n\n".join(paragraphs), paragraphs=paragraphs, published=when)
        ).dates
    }


def test_a_month_without_a_year_is_the_one_the_tense_points_to():
    found = spans(
        date(2026, 4, 23),
        "The union offered wage concessions in March to keep the plant open.",
        "Retailers in Germany had cut orders sharply since January.",
        "Sales of dryers rose in December.",
        "The plant had run two shifts until the end of March.",
        "Production will end by the end of June.",
        "Lines will be run down during May and June.",
        "The company will close its second plant in March.",
        "The vote is set for after May.",
    )
    assert found == {
        "in March": (date(2027, 3, 1), date(2027, 3, 31)),  # the last: "will close"
        "since January": (date(2026, 1, 1), date(2026, 1, 31)),
        "in December": (date(2025, 12, 1), date(2025, 12, 31)),
        "until the end of March": (date(2026, 3, 25), date(2026, 3, 31)),
        "by the end of June": (date(2026, 6, 24), date(2026, 6, 30)),
        "during May and June": (date(2026, 5, 1), date(2026, 6, 30)),
        "after May": (date(2026, 5, 1), date(2026, 5, 31)),
    }
    past = spans(date(2026, 5, 19), "The union offered wage concessions in March.")
    assert past["in March"] == (date(2026, 3, 1), date(2026, 3, 31))


def test_early_mid_and_late_are_a_months_or_a_years_thirds():
    found = spans(
        date(2026, 4, 23),
        "The deal was signed in early March.",
        "The new line will open in mid-May.",
        "Prices rose sharply late last year.",
        "The tunnel should be finished by mid-2027.",
        "By the end of March 2025 sales had doubled.",
    )
    assert found == {
        "in early March": (date(2026, 3, 1), date(2026, 3, 10)),
        "in mid-May": (date(2026, 5, 11), date(2026, 5, 20)),
        "late last year": (date(2025, 9, 1), date(2025, 12, 31)),
        "by mid-2027": (date(2027, 5, 1), date(2027, 8, 31)),
        "the end of March 2025": (date(2025, 3, 25), date(2025, 3, 31)),
    }


def test_a_month_name_that_is_a_verb_a_walk_or_a_person_is_no_date():
    found = spans(
        date(2026, 4, 23),
        "The march on Friday drew thousands.",
        "Police cleared the square after the March for Jobs on Saturday.",
        '"May we stay until June?" she asked.',
        "Relations have cooled since May took office.",
        "The bill was backed by May and her cabinet.",
        "By April Ryan, White House correspondent.",
        "Dockers will march in March.",
    )
    assert found == {
        "on Friday": (date(2026, 4, 17), None),
        "on Saturday": (date(2026, 4, 18), None),
        "until June": (date(2026, 6, 1), date(2026, 6, 30)),
        "in March": (date(2027, 3, 1), date(2027, 3, 31)),
    }


def test_a_month_in_a_sentence_of_every_year_is_not_resolved():
    found = spans(
        date(2026, 9, 16),
        "The first snow usually falls on the high passes in late October.",
        "The camps will open in October.",
    )
    assert found == {
        "in late October": (None, None),
        "in October": (date(2026, 10, 1), date(2026, 10, 31)),
    }


def test_seasons_are_meteorological_and_winter_spans_the_new_year():
    found = spans(
        date(2026, 4, 23),
        "Staff had feared cuts since a night shift was scrapped last autumn.",
        "Demand collapsed last winter.",
        "The bridge will be reopened this spring.",
        "We expect demand to stay weak through the summer.",
        "The plant was refitted in autumn 2025 after a fire in the spring of 2024.",
        "The fall in prices was sharp.",
    )
    assert found == {
        "last autumn": (date(2025, 9, 1), date(2025, 11, 30)),
        "last winter": (date(2025, 12, 1), date(2026, 2, 28)),
        "this spring": (date(2026, 3, 1), date(2026, 5, 31)),
        "through the summer": (date(2026, 6, 1), date(2026, 8, 31)),
        "autumn 2025": (date(2025, 9, 1), date(2025, 11, 30)),
        "the spring of 2024": (date(2024, 3, 1), date(2024, 5, 31)),
    }


def test_last_and_next_season_are_read_only_where_they_cannot_mean_this_years():
    october = spans(
        date(2026, 10, 15),
        "The park opens next spring.",
        "The pass will close this winter.",
        "Visitor numbers fell last summer.",
    )
    assert october == {
        "next spring": (date(2027, 3, 1), date(2027, 5, 31)),
        "this winter": (date(2026, 12, 1), date(2027, 2, 28)),
        "last summer": (None, None),  # this year's or the year before's
    }
    january = spans(date(2026, 1, 15), "Sales fell last winter, and it is cold this winter.")
    assert january == {
        "last winter": (date(2024, 12, 1), date(2025, 2, 28)),
        "this winter": (date(2025, 12, 1), date(2026, 2, 28)),
    }


def test_quarters_and_halves_resolve_to_their_months():
    found = spans(
        date(2026, 4, 23),
        "The group earned $41 million in the first quarter of 2025.",
        "Norhaven expects a charge of about €450 million, most of it in the second quarter.",
        "Revenue in the first quarter fell 12 per cent.",
        "Margins widened in the third quarter.",
        "Deliveries should resume in Q3 2026.",
        "Profits doubled in the first half of 2025.",
        "Guidance for H1 2026 was cut.",
        "The final quarter of 2025 was weak.",
    )
    assert found == {
        "in the first quarter of 2025": (date(2025, 1, 1), date(2025, 3, 31)),
        "in the second quarter": (date(2026, 4, 1), date(2026, 6, 30)),
        "in the first quarter": (date(2026, 1, 1), date(2026, 3, 31)),
        "in the third quarter": (date(2025, 7, 1), date(2025, 9, 30)),
        "Q3 2026": (date(2026, 7, 1), date(2026, 9, 30)),
        "in the first half of 2025": (date(2025, 1, 1), date(2025, 6, 30)),
        "H1 2026": (date(2026, 1, 1), date(2026, 6, 30)),
        "The final quarter of 2025": (date(2025, 10, 1), date(2025, 12, 31)),
    }


def test_a_quarter_of_a_town_or_a_game_is_no_date():
    found = spans(
        date(2026, 4, 9),
        "A wall fell in the old quarter of Villa Rosales.",
        "The visitors scored twice in the third quarter.",
        "Sales fell in the last quarter.",
        "Sales rose in the second quarter of 2025.",
    )
    assert found == {
        "in the third quarter": (None, None),
        "in the second quarter of 2025": (date(2025, 4, 1), date(2025, 6, 30)),
    }


def test_a_weekday_that_opens_a_stretch_is_the_next_one():
    found = spans(
        date(2026, 9, 16),  # a Wednesday
        "Prime Minister Tomas Verin declared three days of national mourning starting on Thursday.",
        "The council announced a ban on fireworks beginning Monday.",
        "A strike beginning on Saturday shut the port.",  # a past happening: behind
        "The minister visited the town on Tuesday.",
        "The temporary bridge will be reopened on Friday.",
    )
    assert found == {
        "on Thursday": (date(2026, 9, 17), None),
        "Monday": (date(2026, 9, 21), None),
        "on Saturday": (date(2026, 9, 12), None),
        "on Tuesday": (date(2026, 9, 15), None),
        "on Friday": (date(2026, 9, 18), None),
    }


def test_a_weekday_after_a_modal_is_still_to_come_unless_told_as_done():
    found = spans(
        date(2026, 11, 18),  # a Wednesday
        "The board said the inspection should be done by Saturday.",
        "The runway must be resurfaced on Monday.",
        "The pilot may have left on Sunday.",
        "The airline may be fined over the overrun on Friday.",  # the overrun's day
    )
    assert found == {
        "by Saturday": (date(2026, 11, 21), None),
        "on Monday": (date(2026, 11, 23), None),
        "on Sunday": (date(2026, 11, 15), None),
        "on Friday": (date(2026, 11, 13), None),
    }


def test_a_bare_infinitive_after_a_verb_of_seeing_is_told_in_its_tense():
    found = spans(
        date(2026, 8, 14),  # a Friday
        "The mayor watched the flames cross the road on Tuesday evening.",
    )
    assert found == {"on Tuesday evening": (date(2026, 8, 11), None)}


def test_until_a_weekday_is_the_first_one_after_the_stretch_starts():
    thursday = date(2026, 11, 12)
    found = spans(
        thursday, "The walkout will begin at midnight on Sunday and last five days, until Friday."
    )
    assert found == {
        "on Sunday": (date(2026, 11, 15), None),
        "until Friday": (date(2026, 11, 20), None),
    }
    # With no start before it in the sentence, the coming Friday.
    found = spans(thursday, "The bus lanes on the ring road will stay closed until Friday.")
    assert found == {"until Friday": (date(2026, 11, 13), None)}


def test_a_figure_after_a_month_and_a_comma_opens_the_next_clause():
    found = spans(
        date(2026, 11, 11),
        "In a ballot that closed in late October, 88% of those who voted backed strike action.",
    )
    assert found == {"in late October": (date(2026, 10, 21), date(2026, 10, 31))}


def test_earlier_and_later_this_month_and_sentence_initial_phrases():
    found = spans(
        date(2026, 5, 19),
        "Kellerby reported a fall in revenue earlier this month.",
        "The board will vote later this week.",
        "Last year the plant made 900,000 machines.",
        "In March, the union offered concessions.",
        "Inflation was high in the 1990s.",
    )
    assert found == {
        "earlier this month": (date(2026, 5, 1), date(2026, 5, 19)),
        "later this week": (date(2026, 5, 19), date(2026, 5, 24)),
        "Last year": (date(2025, 1, 1), date(2025, 12, 31)),
        "In March": (date(2026, 3, 1), date(2026, 3, 31)),
        "the 1990s": (date(1990, 1, 1), date(1999, 12, 31)),
    }


def test_without_a_publication_date_a_month_stays_relative_and_is_no_day():
    paragraphs = ("The plant will close in March, after a fire in autumn 2025.",)
    dates = {d.text: d for d in analyze(article("a1", paragraphs[0], paragraphs=paragraphs)).dates}
    assert dates["in March"].relative and dates["in March"].resolved is None
    assert dates["autumn 2025"].resolved == date(2025, 9, 1) and not dates["autumn 2025"].relative
    assert day_of(dates["in March"]) is None  # a month is no day to tell two reports apart
    friday = DateMention(text="on Friday", sentence=0, start=0, end=9, relative=True)
    assert day_of(friday) == "friday"


def test_a_stretch_stands_on_the_timeline_as_its_range():
    paragraphs = ("Norhaven said production at Castrovalle would end by the end of June.",)
    published = datetime(2026, 4, 23, 11, 30, tzinfo=UTC)
    report = article("a1", paragraphs[0], paragraphs=paragraphs, published=published)
    entries = build_timeline([report], {report.id: analyze(report)})
    assert [e.when for e in entries] == ["2026-04-23", "2026-06-24/2026-06-30"]


def test_days_months_and_years_ago_resolve_and_no_longer_stop_the_analysis():
    # "two days ago" raised KeyError('ago') and stopped the article's whole analysis.
    found = spans(
        date(2026, 4, 23),
        "The mayor resigned two days ago.",
        "Two months ago the plant shut its night shift.",
        "A year ago the site employed 1,500.",
        "Twenty-two years ago, the plant opened its second hall.",
        "It was sold 5 weeks ago.",
    )
    assert found == {
        "two days ago": (date(2026, 4, 21), None),
        "Two months ago": (date(2026, 2, 1), date(2026, 2, 28)),
        "A year ago": (date(2025, 1, 1), date(2025, 12, 31)),
        "5 weeks ago": (date(2026, 3, 19), None),
    }


def test_a_month_beside_another_year_takes_that_year_or_none():
    found = spans(
        date(2026, 4, 23),
        "Last year, sales of dryers fell in March.",
        "Decades ago, the mill shut its gates in February.",
        "The club played in the 2019 league until June.",
        "The plant will close in March, after a fire in autumn 2025.",
        "Ten years ago, the dockers struck in August.",
    )
    assert found == {
        "Last year": (date(2025, 1, 1), date(2025, 12, 31)),
        "in March": (None, None),  # the last: March 2027 by the tense, beside 2025
        "in February": (None, None),
        "until June": (None, None),
        "autumn 2025": (date(2025, 9, 1), date(2025, 11, 30)),
        "Ten years ago": (date(2016, 1, 1), date(2016, 12, 31)),
        "in August": (date(2016, 8, 1), date(2016, 8, 31)),
    }
    last_year = spans(date(2026, 4, 23), "Last year, sales of dryers fell in March.")
    assert last_year["in March"] == (date(2025, 3, 1), date(2025, 3, 31))


def test_a_month_is_read_only_where_the_tense_says_which_side():
    found = spans(
        date(2025, 11, 17),
        "The one sign of a deal is a report in September by the ministry.",
        "Demand is weak in November, the retailers say.",
        "The board could be reconvened in October.",
        "The works ran in February and October, and between January and April.",
    )
    assert found == {
        # a noun's month, which "is" does not place: the nearest
        "in September": (date(2025, 9, 1), date(2025, 9, 30)),
        "in November": (date(2025, 11, 1), date(2025, 11, 30)),  # both sides agree
        "in October": (None, None),
        "in February and October": (None, None),  # two months, no stretch
        "between January and April": (date(2025, 1, 1), date(2025, 4, 30)),
    }


def test_this_summer_in_december_looks_ahead_and_this_weekend_can_look_back():
    december = spans(
        date(2025, 12, 17),  # a Wednesday
        "The council will open the new pool this summer.",
        "This weekend, the mayor complained about the budget.",
        "Turnout fell on Super Tuesday.",
    )
    assert december == {
        "this summer": (date(2026, 6, 1), date(2026, 8, 31)),
        "This weekend": (date(2025, 12, 13), date(2025, 12, 14)),
    }


def test_a_day_read_by_the_clause_it_belongs_to():
    found = spans(
        date(2026, 10, 13),  # a Tuesday
        "Halden faces up to ten years in prison and is expected to be sentenced on Friday.",
        "The verdict came on Thursday last week, after a trial of nine weeks.",
    )
    assert found == {
        "on Friday": (date(2026, 10, 16), None),  # a passive infinitive looks ahead
        "on Thursday last week": (date(2026, 10, 8), None),  # one phrase, one day
    }
    sunday = spans(
        date(2026, 10, 19),  # a Monday
        "Speaking to cheering supporters early on Sunday, Castellan had said she would serve.",
    )
    # A participle clause is told in the tense of the verb it hangs from.
    assert sunday == {"on Sunday": (date(2026, 10, 18), None)}


def test_a_month_day_that_did_not_come_to_pass_or_was_set_is_the_nearest():
    found = spans(
        date(2026, 10, 18),
        "Her majority spares her a runoff, which would have been held on 31 October.",
    )
    assert found == {"31 October": (date(2026, 10, 31), None)}
    found = spans(
        date(2026, 10, 19),
        "She avoided a runoff that had been pencilled in for 31 October.",
        "The plant closed on 30 November after a fire.",  # a past day: last year's
    )
    assert found == {
        "31 October": (date(2026, 10, 31), None),
        "30 November": (date(2025, 11, 30), None),
    }


def test_later_this_week_told_on_a_sunday_is_the_coming_week():
    found = spans(
        date(2026, 10, 18),  # a Sunday
        "The new mayor is due to name her cabinet later this week.",
        "The council will meet this week to set the budget.",
    )
    assert found == {
        "later this week": (date(2026, 10, 19), date(2026, 10, 25)),
        "this week": (date(2026, 10, 19), date(2026, 10, 25)),
    }


def test_a_weekday_before_its_date_is_that_date_not_a_day_of_its_own():
    found = spans(
        date(2026, 6, 10),  # a Wednesday
        "Several patients had eaten at the Market Street branch on the same evening, "
        "Saturday 30 May, the paper has learned.",
        "The inquiry opened on Monday, June 1, and heard its first witness on Tuesday.",
    )
    assert "Saturday" not in found and found["30 May"] == (date(2026, 5, 30), None)
    assert "Monday" not in found and found["June 1"] == (date(2026, 6, 1), None)
    assert found["on Tuesday"] == (date(2026, 6, 9), None)


def test_a_month_day_days_after_publication_is_this_year_s_whatever_the_tense():
    found = spans(
        date(2026, 3, 12),
        "Some of the sandwiches carried use-by dates as late as 14 March.",
        "The plant last passed an inspection on 20 November.",
        "Almost a year has passed since the fire broke out on 15 March.",
    )
    assert found["14 March"] == (date(2026, 3, 14), None)
    assert found["20 November"] == (date(2025, 11, 20), None)
    # A day something happened on, told in the past, is last year's however near.
    assert found["15 March"] == (date(2025, 3, 15), None)


def test_the_next_month_or_the_last_year_is_a_stretch_from_now_not_a_calendar_one():
    found = spans(
        date(2026, 4, 15),
        "The bigger cost is the customers who quietly leave over the next month.",
        "Complaints have doubled in the last year.",
        "The regulator will rule next year.",
        "The firm cut 200 jobs last week.",
    )
    assert found == {
        "next year": (date(2027, 1, 1), date(2027, 12, 31)),
        "last week": (date(2026, 4, 6), date(2026, 4, 12)),
    }


def test_a_day_an_implicative_verb_says_came_to_pass_is_behind():
    found = spans(
        date(2026, 5, 14),  # a Thursday
        "Storms prompted regulators to halt trading on Monday.",
        "The company managed to restore power on Tuesday.",
        # A day something is moved to, or a noun's day, may be ahead.
        "The rain forced organisers to move the final to Sunday.",
        "Forecasts of gales forced organisers to postpone Saturday's final.",
        "Rival bidders persuaded the court to extend the deadline to June 3.",
        "Officials decided to cancel Friday's match.",  # a decision: the match is to come
    )
    assert found == {
        "on Monday": (date(2026, 5, 11), None),
        "on Tuesday": (date(2026, 5, 12), None),
        "Sunday": (date(2026, 5, 17), None),
        "Saturday": (date(2026, 5, 16), None),
        "June 3": (date(2026, 6, 3), None),
        "Friday": (date(2026, 5, 15), None),
    }


def test_the_day_a_forecast_or_a_plan_is_for_is_to_come():
    found = spans(
        date(2026, 5, 11),  # a Monday
        "Jonas Brekke said the forecast for Wednesday gave a 70% chance of acceptable winds.",
        "Rain fell on Wednesday.",
    )
    assert found == {
        "Wednesday": (date(2026, 5, 13), None),  # told in the past of "said", still to come
        "on Wednesday": (date(2026, 5, 6), None),
    }
    # A forecast looked back on, in a past of its own.
    wrong = spans(date(2026, 5, 14), "The forecast for Saturday had been wrong, and it hit.")
    assert wrong == {"Saturday": (date(2026, 5, 9), None)}


def test_a_noun_s_month_a_reported_was_does_not_place_is_the_nearest():
    found = spans(
        date(2026, 6, 11),
        "Osric Tolland said a first cut in September was now the most likely outcome.",
        "He said the fire in March had destroyed 20 homes.",  # a past of its own
        "The election in November will be close.",  # a future of its own
    )
    assert found == {
        "in September": (date(2026, 9, 1), date(2026, 9, 30)),
        "in March": (date(2026, 3, 1), date(2026, 3, 31)),
        "in November": (date(2026, 11, 1), date(2026, 11, 30)),
    }
    due = spans(date(2026, 9, 18), "Traders said the next decision, due on 29 October, was close.")
    assert due == {"29 October": (date(2026, 10, 29), None)}


def test_a_present_tense_the_model_reads_as_a_plural_noun_looks_ahead():
    # spaCy's small model reads "ferry sails" and "ship docks" as nouns; as "opens" is read,
    # a present tense with a weekday tells a day to come.
    wednesday = date(2026, 11, 18)
    found = spans(
        wednesday,
        "The new ferry sails on Friday from Harwick harbour.",
        "The first ship docks in Lindgate on Monday, the operator said.",
        "The Marbury terminal opens on Tuesday.",
    )
    assert found["on Friday"][0] == date(2026, 11, 20)
    assert found["on Monday"][0] == date(2026, 11, 23)
    assert found["on Tuesday"][0] == date(2026, 11, 24)
    # The past tense, and a plural noun in a clause of its own verb, stay behind.
    behind = spans(
        wednesday,
        "The ferry sailed on Friday from Harwick harbour.",
        "The operator said the ferry sails were torn on Monday.",
    )
    assert behind["on Friday"][0] == date(2026, 11, 13)
    assert behind["on Monday"][0] == date(2026, 11, 16)


def test_a_past_the_model_tags_as_a_present_and_a_fall_that_is_no_season():
    sunday = date(2026, 10, 25)
    found = spans(
        sunday,
        "In Drummelin, church bells rang through the town on Saturday morning to mark the end "
        "of the rescue.",  # "rang", tagged a present by the model
        "Rescuers raced to reach 17 miners trapped since a roof collapse late on Tuesday.",
        "Dust and fumes from the fall have seeped into the chamber.",
        "The company will reopen the tunnel in the fall.",
        "Turnout rose after the fall elections.",  # a noun of the season after it
        "The festival is held in March.",  # a participle, which may look either way
    )
    assert found == {
        "on Saturday morning": (date(2026, 10, 24), None),
        "on Tuesday": (date(2026, 10, 20), None),
        "in the fall": (date(2026, 9, 1), date(2026, 11, 30)),
        "after the fall": (date(2026, 9, 1), date(2026, 11, 30)),
        "in March": (None, None),
    }
    # where someone was hurt, not when
    assert (
        spans(sunday, "Two miners were killed in the fall.", "He broke his leg in the fall.") == {}
    )
    # a year phrase that opens the sentence
    assert spans(sunday, "In 2011 a gas explosion killed nine miners.") == {
        "In 2011": (date(2011, 1, 1), date(2011, 12, 31))
    }


def test_a_participle_on_an_infinitive_takes_the_tense_of_the_verb_it_completes():
    saturday = date(2026, 11, 21)
    assert spans(saturday, "The river began to fall after peaking on Friday evening.") == {
        "on Friday evening": (date(2026, 11, 20), None)
    }
    assert spans(saturday, "He plans to leave after speaking on Friday.") == {
        "on Friday": (date(2026, 11, 27), None)
    }
