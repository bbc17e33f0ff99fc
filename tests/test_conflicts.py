"""Conflicts: one fact given with different values; outlets that agree stand together."""

from datetime import UTC, datetime, timedelta

import pytest

from builders import article
from newsweave.analyze import analyze_many
from newsweave.compare.conflicts import find_conflicts, readings_disagree, sided
from newsweave.models import Claim, ConflictValue, Support


def _conflicts(
    sentences: dict[str, str], hours: list[int] | None = None
) -> list[set[tuple[str, str]]]:
    """The conflicts in one claim made of one sentence from each outlet, published so many
    `hours` after the first (when given; a Thursday noon)."""
    start = datetime(2026, 9, 17, 12, tzinfo=UTC)
    when = [start + timedelta(hours=h) for h in hours or []]
    articles = [
        article(f"a{k}", text, outlet=o, published=when[k] if k < len(when) else None)
        for k, (o, text) in enumerate(sentences.items())
    ]
    analyses = {a.article_id: a for a in analyze_many(articles)}
    support = tuple(Support(article=a.id, sentence=0, text=a.text) for a in articles)
    claim = Claim(id="c1", text="", status="corroborated", independent_sources=3, support=support)
    published = {a.id: a.published for a in articles if a.published}
    _, conflicts = find_conflicts([claim], analyses, published)
    outlet = {a.id: a.outlet for a in articles}
    return [{(outlet[v.article], v.reading) for v in c.values} for c in conflicts]


def test_a_conflict_of_shares_is_named_for_what_they_are_of():
    assert _named(
        "Drivers will strike on Monday over their demand for an 8% pay rise.",
        "Drivers will strike on Monday over their demand for a 6 per cent pay rise.",
    ) == [("pay rise", ["8%", "6 per cent"])]


def test_a_count_is_named_for_what_befell_those_it_counts():
    found = _named(
        "Police said 14 people had been arrested after the march.",
        "Police said 11 people had been arrested after the march.",
    )
    assert found == [("people arrested", ["14", "11"])]


def test_a_valuer_s_valuation_is_held_only_to_the_same_valuer_s():
    """The insurer's figure is no value a report states: it does not side with or against the
    worth two reports give, only against the insurer's figure in another."""
    found = _named(
        "The insurer valued the stolen paintings at €6.4 million, a spokesman said.",
        "The stolen paintings are worth €8.5 million.",
        "The stolen paintings are worth €12 million.",
        "The stolen paintings were valued at €6 million by the insurer.",
    )
    assert sorted(found) == [
        ("sum in EUR", ["€8.5 million", "€12 million"]),
        ("sum in EUR valued by insurer", ["€6.4 million", "€6 million"]),
    ]


def test_a_conflict_of_sizes_is_named_for_what_their_unit_measures():
    assert _named(
        "Floodwater covered 40 hectares of farmland near Tollby, the agency said.",
        "Floodwater covered 70 hectares of farmland near Tollby, the agency said.",
    ) == [("farmland", ["40 hectares", "70 hectares"])]
    assert _named(
        "At its peak the river carried 2,400 cubic metres per second past Tollby.",
        "At its peak the river carried 1,600 cubic metres per second past Tollby.",
    ) == [("flow in m3/s", ["2,400 cubic metres per second", "1,600 cubic metres per second"])]


def test_a_forecast_is_no_rival_of_what_came_nor_one_thing_s_size_of_another_figure():
    peaked = "The Ombra peaked at 7.3 metres at the Quenmouth gauge on Friday evening."
    forecast = "The institute expects the Ombra to peak at 6.8 metres at the Quenmouth gauge."
    assert _conflicts({"Wire": forecast, "Post": peaked}) == []
    # two reports of one forecast still disagree
    assert _conflicts({"Wire": forecast, "Post": forecast.replace("6.8", "7.6")}) == [
        {("Wire", "6.8 m"), ("Post", "7.6 m")}
    ]
    assert (
        _conflicts(
            {
                "Post": "The 1997 flood, when the Ombra reached a record 7.9 metres, killed 11.",
                "Wire": "The embankment, 4.5 metres high, was built after the 1997 flood "
                "killed 11.",
            }
        )
        == []
    )
    levee = "The levee, 4.5 metres high, failed at Tollby on Sunday."
    assert (
        _conflicts(
            {
                "Post": levee,
                "Wire": "The Ombra peaked near the levee at Tollby at 7.9 metres on Sunday.",
            }
        )
        == []
    )


def test_sizes_of_one_noun_conflict_in_a_claim_whatever_their_article():
    """ "A 64-metre span of the 420-metre bridge" gives one length of the span, the one "the
    78-metre span" gives another of; the bridge's length and the fall are other things."""
    assert _conflicts(
        {
            "Wire": "A 64-metre span of the 420-metre bridge fell about 22 metres into the river.",
            "Radio": "The 78-metre span fell into the river on Thursday evening.",
        }
    ) == [{("Wire", "64 m"), ("Radio", "78 m")}]
    assert (
        _conflicts(
            {
                "Post": "Its weight limit was lowered from 44 tonnes to 40 tonnes in 2019.",
                "Daily": "The lorry and its load weighed 38 tonnes, within the bridge's limit.",
            }
        )
        == []
    )


def test_a_report_repeating_a_count_an_update_replaced_takes_no_side():
    """ "Two people are still missing" a day and a half after "Four people are missing" is an
    update; a report that repeats the four in between is no rival of it."""
    found = _conflicts(
        {
            "Herald": "Four people are missing in Quenmouth, the agency said.",
            "Daily": "The agency said four people were missing in Quenmouth.",
            "Standard": "Two people are still missing in Quenmouth, the agency said.",
        },
        hours=[0, 27, 38],
    )
    assert found == []
    # without the first report, the repeat is what the update is measured against: 11 hours
    assert (
        len(
            _conflicts(
                {
                    "Daily": "The agency said four people were missing in Quenmouth.",
                    "Standard": "Two people are still missing in Quenmouth, the agency said.",
                },
                hours=[0, 11],
            )
        )
        == 1
    )


@pytest.mark.parametrize(
    ("could", "did"),
    [
        (
            "Rescuers in Tollby could hear 15 people trapped under the rubble.",
            "In Tollby 12 people were trapped under the rubble.",
        ),
        (
            "Firefighters could not save 12 homes in Orlo on Sunday.",
            "Firefighters saved 15 homes in Orlo on Sunday.",
        ),
    ],
)
def test_what_someone_could_do_is_no_forecast(could, did):
    assert len(_conflicts({"Post": could, "Wire": did})) == 1


def _named(*texts: str) -> list[tuple[str, list[str]]]:
    """The conflicts of one claim made of the texts (articles a0, a1 ...): what each is of,
    and its values."""
    articles = [article(f"a{k}", text) for k, text in enumerate(texts)]
    analyses = {a.article_id: a for a in analyze_many(articles)}
    support = tuple(Support(article=a.id, sentence=0, text=a.text) for a in articles)
    claim = Claim(id="c1", text="", status="corroborated", independent_sources=2, support=support)
    _, conflicts = find_conflicts([claim], analyses)
    return [(c.what, [v.value for v in c.values]) for c in conflicts]


def test_the_same_ratio_of_differently_named_people_takes_a_side():
    found = _conflicts(
        {
            "Post": "Thirty-one of the board's 40 members backed the merger on Monday.",
            "Wire": "On Monday 31 of 40 directors backed the merger.",
            "Times": "The merger was backed by 33 of 40 directors on Monday.",
        },
    )
    assert found == [{("Post", "31/40"), ("Wire", "31/40"), ("Times", "33/40")}]


def test_the_level_a_change_came_from_takes_no_side():
    found = _conflicts(
        {
            "Post": "The central bank lowered its main rate to 3.5% from 4% on Thursday.",
            "Wire": "The central bank cut its key rate to 3.75% from 4% on Thursday.",
            "Times": "On Thursday the central bank cut its key rate to 3.75%.",
        },
    )
    assert found == [{("Post", "3.5 percent"), ("Wire", "3.75 percent"), ("Times", "3.75 percent")}]


def test_a_figure_that_went_on_changing_or_is_measured_from_a_day_is_no_conflict():
    wire = "The marel fell 0.5% against the euro within minutes of the announcement."
    later = "The marel closed 0.9% lower against the euro, having fallen further."
    assert _conflicts({"Wire": wire, "House": later}, hours=[0, 5]) == []
    # Without words that it went on falling, the same evening's figure conflicts.
    plain = "The marel closed 0.9% lower against the euro."
    assert _conflicts({"Wire": wire, "House": plain}, hours=[0, 5]) == [
        {("Wire", "0.5 percent"), ("House", "0.9 percent")}
    ]
    since = "The marel has lost about 4% against the euro since the start of July."
    assert _conflicts({"Ledger": since, "Wire": wire}, hours=[0, 20]) == []


def test_spans_between_two_happenings_and_another_take_no_side():
    # Told on a Thursday and on the Friday; the vote told on the Saturday.
    plan = "Brandvik is expected to resign on Friday, three days after the auditor's report."
    deed = "Brandvik resigned on Friday morning, four days after the auditor's report."
    vote = "The government won a confidence vote on Saturday, two days after Brandvik quit."
    assert _conflicts({"Courier": plan, "Wire": deed}, hours=[0, 20]) == []
    assert _conflicts({"Wire": deed, "Post": vote}, hours=[20, 44]) == []
    # One gap told twice conflicts, on one day or two.
    found_at = "Rescuers found the survivors {} hours after the trawler sank, officials said."
    for hours in ([0, 3], [0, 20]):
        found = _conflicts({"Wire": found_at.format(12), "Post": found_at.format(20)}, hours=hours)
        assert found == [{("Wire", "12 hour"), ("Post", "20 hour")}]


def test_a_vote_split_told_as_a_score_conflicts_with_another_split():
    found = _conflicts(
        {
            "Wire": "The Monetary Policy Committee voted seven to two for the cut on Thursday.",
            "Ledger": "The rate committee backed the cut on Thursday by seven votes to two.",
            "News": "On Thursday its Monetary Policy Committee was split six to three.",
        },
    )
    assert found == [{("Wire", "7/2"), ("Ledger", "7"), ("News", "6/3")}]


def test_a_small_count_of_something_else_takes_no_side():
    # Four crews and four ferries agree by chance, not as one count.
    found = _conflicts(
        {
            "Post": "Four crews were on duty when the strike began on Monday morning.",
            "Wire": "The strike on Monday morning stopped four ferries.",
            "Times": "The strike on Monday morning stopped five ferries.",
        },
    )
    assert found == [{("Wire", "4"), ("Times", "5")}]


def test_a_measure_of_the_same_number_takes_no_side_in_a_count():
    found = _conflicts(
        {
            "Post": "The ferry sank 14 km off the coast on Monday, and divers were sent.",
            "Wire": "At least 14 people were hurt when the ferry sank on Monday.",
            "Times": "Twelve people were hurt when the ferry sank on Monday.",
        }
    )
    assert found == [{("Wire", "at least 14"), ("Times", "12")}]


@pytest.mark.parametrize(
    ("a", "b", "differ"),
    [
        ("at least 14", "12", True),
        ("at least 12", "14", False),  # a bound admits the other value
        ("38/46", "40/46", True),
        ("2,400,000 EUR", "2,400,000 EUR", False),
        ("about 80", "60", True),  # a rounded figure admits a tenth either way
        ("about 230", "more than 200", False),
        ("about 1,200", "nearly 1,200", False),
        ("about 1,200", "1,500", True),
        ("about 300", "around 250", True),  # each rounds its own count: no reader's 272
        ("about 60", "some 60", False),
        ("about 80", "around 85", False),  # 85 is about 80
        ("about 1,000", "around 1,150", False),  # rounded to a thousand, or to fifty
        ("about 1,000", "about 1,200", True),
        ("85,000,000 USD", "1,200,000,000 USD", False),  # so far apart: two quantities
        ("as many as 35–40", "as many as 30–40", False),  # ranges that meet
        ("35–40", "about 40", False),
        ("10–12", "15", True),
    ],
)
def test_two_readings_disagree_only_if_both_cannot_be_right(a, b, differ):
    assert readings_disagree(a, b) is differ


@pytest.mark.parametrize(
    "a, b, differ",
    [
        ("2026-09-15", "2026-09-14", True),
        ("late 2026-09-15", "midnight 2026-09-16", False),  # either side of one midnight
        ("late 2026-09-15", "early 2026-09-16", False),
        ("late 2026-09-15", "2026-09-16", True),
        ("2026-09-15", "early 2026-09-16", True),
        ("midnight 2026-09-13", "2026-09-14", False),  # "midnight on Sunday": Monday's start
        ("late 2026-09-14", "late 2026-09-15", True),
        ("2026-09-14/2026-09-20", "2026-09-16", False),  # a week and a day within it
        ("2026-09-14/2026-09-20", "2026-09-22", True),
    ],
)
def test_two_dates_disagree_if_their_days_do_not_meet(a, b, differ):
    assert readings_disagree(a, b, "date") is differ


def test_values_that_can_all_be_right_stand_on_one_side():
    given = [
        ConflictValue(article=a, value=r, text="", reading=r)
        for a, r in [("a0", "12"), ("a1", "at least 10"), ("a2", "20"), ("a3", "12")]
    ]
    conflict = sided("people hurt", given)
    assert [(v.article, v.side) for v in conflict.values] == [
        ("a0", 0),
        ("a3", 0),
        ("a1", 0),
        ("a2", 1),
    ]


def test_an_article_giving_two_values_of_one_thing_takes_no_side():
    found = _conflicts(
        {
            "Post": "Quarterly revenue fell to $1.2 billion from $1.36 billion a year earlier.",
            "Wire": "Quarterly revenue was $1.2 billion, the company said.",
        }
    )
    assert found == []


@pytest.mark.parametrize(
    ("first", "second", "values"),
    [
        (
            "The company will book a charge of €450m against the closure this quarter.",
            "The company will book a charge of €480 million against the closure this quarter.",
            {("Post", "450,000,000 EUR"), ("Wire", "480,000,000 EUR")},
        ),
        (
            "A magnitude 6.1 earthquake struck the mountain region at dawn on Monday.",
            "A 6.4-magnitude earthquake struck the mountain region at dawn on Monday.",
            {("Post", "6.1 magnitude"), ("Wire", "6.4 magnitude")},
        ),
    ],
)
def test_money_and_magnitudes_in_any_form_can_conflict(first, second, values):
    assert _conflicts({"Post": first, "Wire": second}) == [values]


def test_a_count_that_grew_between_reports_a_day_apart_is_progress():
    articles = [
        article("a0", "Nine people were killed in the quake, officials said.", outlet="Post"),
        article(
            "a1", "The toll rose to 17 people killed in the quake, officials said.", outlet="Wire"
        ),
        article("a2", "Twelve people were killed in the quake, officials said.", outlet="Times"),
    ]
    analyses = {a.article_id: a for a in analyze_many(articles)}
    support = tuple(Support(article=a.id, sentence=0, text=a.text) for a in articles)
    claim = Claim(id="c1", text="", status="corroborated", independent_sources=3, support=support)
    monday, tuesday = datetime(2026, 9, 14, 10, tzinfo=UTC), datetime(2026, 9, 15, 9, tzinfo=UTC)
    grew = {"a0": monday, "a1": tuesday}
    assert (
        find_conflicts([claim.model_copy(update={"support": support[:2]})], analyses, grew)[1] == []
    )
    # The same two figures on the same morning conflict, and so does a toll revised down.
    same_day = {"a0": monday, "a1": monday}
    assert find_conflicts([claim.model_copy(update={"support": support[:2]})], analyses, same_day)[
        1
    ]
    revised = {"a1": monday, "a2": tuesday}
    assert find_conflicts([claim.model_copy(update={"support": support[1:]})], analyses, revised)[1]


def test_a_toll_raised_to_a_figure_is_progress_and_other_raising_or_bringing_is_not():
    assert (
        _conflicts(
            {
                "Post": "The bus crash near Orsley killed 12 people, police said.",
                "Wire": "The bus crash near Orsley killed 14 people, raising the death toll to 14.",
            },
            hours=[0, 20],
        )
        == []
    )
    for later in (
        "The bus crash near Orsley killed 14 people, and the minister vowed to bring those "
        "responsible to justice.",
        "The bus crash near Orsley killed 14 people and raised questions over the road.",
    ):
        assert _conflicts(
            {"Post": "The bus crash near Orsley killed 12 people, police said.", "Wire": later},
            hours=[0, 20],
        ) == [{("Post", "12"), ("Wire", "14")}]


def test_what_is_left_of_a_count_a_day_later_is_progress_and_a_transposed_figure_a_slip():
    trapped = "A roof fall trapped 14 miners in the Drummelin copper mine, the company said."
    left = "Nine miners remained underground after five were brought out, the company said."
    assert _conflicts({"Post": trapped, "Wire": left}, hours=[0, 48]) == []
    # On the same morning, or with no word of what is left, the two figures conflict.
    assert _conflicts({"Post": trapped, "Wire": left}, hours=[0, 2]) != []
    fewer = "A roof fall trapped nine miners in the Drummelin copper mine, the company said."
    assert _conflicts({"Post": trapped, "Wire": fewer}, hours=[0, 48]) != []
    # "still" told of something else is no word of what is left of the count
    unknown = "A roof fall trapped nine miners in the mine, and its cause is still unknown."
    assert _conflicts({"Post": trapped, "Wire": unknown}, hours=[0, 48]) != []
    # 830 is more than twice 380, but the same digits: one report's slip, not two quantities.
    deep = "The men were trapped at a depth of {} metres, the company said."
    assert _conflicts({"Post": deep.format(380), "Wire": deep.format(830)}) == [
        {("Post", "380 m"), ("Wire", "830 m")}
    ]
    assert _conflicts({"Post": deep.format(380), "Wire": deep.format(940)}) == []


def test_people_of_one_kind_counted_by_a_number_of_are_not_all_people():
    """ "The number of people who have fallen ill" counts the ill, not the recovered."""
    articles = [
        article(
            "a0",
            "Thirty people in Lindgate have recovered from the infection, officials said.",
            outlet="Post",
        ),
        article(
            "a1",
            "The number of people in Lindgate who have fallen ill with the infection has risen "
            "to 38, officials said.",
            outlet="Wire",
        ),
    ]
    analyses = {a.article_id: a for a in analyze_many(articles)}
    support = tuple(Support(article=a.id, sentence=0, text=a.text) for a in articles)
    claim = Claim(id="c1", text="", status="corroborated", independent_sources=2, support=support)
    assert find_conflicts([claim], analyses)[1] == []


def _in_leads(texts: dict[str, str], published: dict | None = None) -> list[set[tuple[str, str]]]:
    """The conflicts in the leads of one article per outlet, with no claim joining them."""
    articles = [article(f"a{k}", text, outlet=o) for k, (o, text) in enumerate(texts.items())]
    analyses = {a.article_id: a for a in analyze_many(articles)}
    _, conflicts = find_conflicts([], analyses, published)
    outlet = {a.id: a.outlet for a in articles}
    return [{(outlet[v.article], v.reading) for v in c.values} for c in conflicts]


QUAKE = (
    "A strong earthquake struck the north of the country before dawn on Monday. "
    "The magnitude {} quake hit at 04:12 and was centred near the town of Bresk. "
    "Rescue teams were searching collapsed houses."
)
OTHER = (
    "At least nine people died when an earthquake hit the mountains on Monday. "
    "The monitoring centre in Halden measured the quake at magnitude {}. "
    "Roads into the valley were blocked by landslides."
)


def test_leads_that_give_one_figure_differently_conflict_though_no_claim_joins_them():
    found = _in_leads(
        {"Wire": QUAKE.format("6.1"), "Copy": QUAKE.format("6.1"), "Times": OTHER.format("6.4")}
    )
    assert found == [
        {("Wire", "6.1 magnitude"), ("Copy", "6.1 magnitude"), ("Times", "6.4 magnitude")}
    ]


def test_a_figure_below_the_lead_or_given_twice_takes_no_side():
    background = (
        "Rescue teams searched collapsed houses on Monday. Roads were blocked. Power was cut. "
        "Schools were shut. The region was hit by a magnitude 5.6 quake in 1987."
    )
    assert _in_leads({"Wire": QUAKE.format("6.1"), "Times": background}) == []
    twice = OTHER.format("6.4") + " An aftershock of magnitude 4.9 followed in the afternoon."
    assert _in_leads({"Wire": QUAKE.format("6.1"), "Times": twice}) == []


def test_leads_counting_people_or_reports_a_day_apart_take_no_side():
    killed = "Three people were killed when a fire bomb hit a bank in the capital on Wednesday."
    hurt = "Four people were treated in hospital after a fire bomb hit a bank on Wednesday."
    assert _in_leads({"Wire": killed, "Times": hurt}) == []
    monday, tuesday = datetime(2026, 9, 14, 6, tzinfo=UTC), datetime(2026, 9, 15, 9, tzinfo=UTC)
    texts = {"Wire": QUAKE.format("6.1"), "Times": OTHER.format("6.4")}
    assert _in_leads(texts, {"a0": monday, "a1": tuesday}) == []
    assert _in_leads(texts, {"a0": monday, "a1": monday}) != []


def test_a_later_report_s_lead_takes_a_side_it_agrees_with_not_one_of_its_own():
    """Two days on, "5.9" is no third reading of the quake's magnitude, while a later "6.1"
    stands with the wire's."""
    monday = datetime(2026, 9, 14, 6, tzinfo=UTC)
    texts = {
        "Wire": QUAKE.format("6.1"),
        "Times": OTHER.format("6.4"),
        "Later": QUAKE.format("5.9"),
        "Weekly": QUAKE.format("6.1"),
    }
    days = {"a0": 0, "a1": 0, "a2": 2, "a3": 4}  # the later reports two days apart
    published = {a: monday + timedelta(days=n) for a, n in days.items()}
    assert _in_leads(texts, published) == [
        {("Wire", "6.1 magnitude"), ("Times", "6.4 magnitude"), ("Weekly", "6.1 magnitude")}
    ]


def test_a_sum_an_article_gives_once_outside_the_claim_takes_a_side():
    # The claim joins the sentences on the sentence passed; the wire gives the sum only in
    # its lead, which states the verdict, and stands on the side of the report that agrees.
    wire = article(
        "a0",
        "A fund manager was convicted of taking €4.2 million from investors. "
        "The judge jailed Ivo Halden for six years on Friday.",
        outlet="Wire",
    )
    courier = article(
        "a1", "Ivo Halden was jailed for six years on Friday over a €4.2m fraud.", outlet="Courier"
    )
    post = article(
        "a2", "Ivo Halden was jailed for six years on Friday over a €2.4m fraud.", outlet="Post"
    )
    analyses = {a.article_id: a for a in analyze_many([wire, courier, post])}
    support = (
        Support(article="a0", sentence=1, text=analyses["a0"].sentences[1].text),
        Support(article="a1", sentence=0, text=courier.text),
        Support(article="a2", sentence=0, text=post.text),
    )
    claim = Claim(id="c1", text="", status="corroborated", independent_sources=3, support=support)
    _, conflicts = find_conflicts([claim], analyses)
    assert [(c.what, [(v.article, v.value, v.side) for v in c.values]) for c in conflicts] == [
        ("fraud", [("a0", "€4.2 million", 0), ("a1", "€4.2m", 0), ("a2", "€2.4m", 1)])
    ]


@pytest.mark.parametrize(
    "first",
    [
        # A bar to clear, not her share.
        "Castellan led the count for mayor on Saturday but may fall short of the 50% needed "
        "to avoid a runoff.",
        # A count before its end.
        "Turnout in the mayoral election had reached 47% by 6 p.m. on Saturday.",
        "With 60% of ballots counted on Saturday, Castellan leads the race with 48.2%.",
    ],
)
def test_a_bar_to_clear_or_a_count_before_its_end_takes_no_side(first):
    found = _conflicts(
        {"Post": first, "Wire": "Castellan won the mayoral election on Saturday with 51.3%."}
    )
    assert found == []


def test_a_count_in_a_lead_beside_a_rate_of_the_same_things_is_still_given_once():
    """ "31,000 vehicles a day" cross the bridge; "seven vehicles" fell: one count, which
    another report's lead gives as nine."""
    fell = (
        "A road bridge collapsed into the river in Velmora on Thursday evening, sending seven "
        "vehicles into the water. Rescuers searched the river through the night. The bridge "
        "carried about 31,000 vehicles a day."
    )
    went = (
        "A span of a road bridge fell into the river in Velmora on Thursday evening, and nine "
        "vehicles went into the water. Divers searched the river overnight."
    )
    assert _in_leads({"Wire": fell, "Times": went}) == [{("Wire", "7"), ("Times", "9")}]


def test_counts_of_people_whom_different_things_befell_are_two_counts():
    """The wire's injured (14) are no rival of the hospital's count, which its "11 of them"
    gives as the others do; the later report's 17 taken to hospital is."""
    found = _conflicts(
        {
            "Post": "Eleven people were taken to hospital after the jet left the runway.",
            "Wire": "Fourteen people were injured, and 11 of them were taken to hospital.",
            "Channel": "Seventeen people were taken to hospital, and 168 people were on board.",
        }
    )
    assert found == [{("Post", "11"), ("Wire", "11"), ("Channel", "17")}]
    # A count that names no fate may be of any: "lost their lives" is "died".
    died = {"A": "Fourteen people died in the crash.", "B": "Sixteen people lost their lives."}
    assert _conflicts(died) == [{("A", "14"), ("B", "16")}]
    # "Them" are those something befell, not the children among them.
    children = "Fourteen people were injured, including three children, and 11 of them were "
    children += "taken to hospital."
    assert _conflicts({"Wire": children, "Post": "Nine children were taken to hospital."}) == []


def test_counts_of_two_holders_are_no_rivals():
    found = _conflicts(
        {
            "Wire": "The airline carried 4.1 million passengers last year.",
            "Channel": "The airport, which handled 6.2 million passengers last year, is busy.",
        }
    )
    assert found == []
    # One holder goes by many nouns and names: "the plane", "the jet", "Solenta".
    same = {"Wire": "The plane was carrying 180 passengers.", "Times": "The jet was carrying "}
    same["Times"] += "190 passengers."
    assert _conflicts(same) != []
    named = {"Wire": "The airline carried 4.1 million passengers.", "Times": "Solenta carried "}
    named["Times"] += "4.5 million passengers."
    assert _conflicts(named) != []


def test_a_figure_far_from_every_other_of_its_claim_takes_no_side():
    """ "About 700 metres further along the runway" is another length than the 240 and 290
    metres the jet ran past the runway's end."""
    found = _conflicts(
        {
            "Post": "The jet ran 240 metres past the end of the runway.",
            "Standard": "The jet ran 290 metres past the end of the runway.",
            "Compass": "It touched down about 700 metres further along than pilots aim for.",
        }
    )
    assert found == [{("Post", "240 m"), ("Standard", "290 m")}]
    # A count far from the others is the one a reader wants shown.
    killed = {o: f"{n} people were killed in the blast." for o, n in [("A", 12), ("B", 14)]}
    killed["C"] = "Thirty people were killed in the blast."
    assert _conflicts(killed) == [{("A", "12"), ("B", "14"), ("C", "30")}]


def test_a_total_over_more_days_is_no_rival_of_one_day_s_figure():
    lost = "A woman told the Mercury she had lost €1,900 on Tuesday evening to fraudsters."
    total = (
        "A woman transferred a total of €2,400 to fraudsters in two payments, on Tuesday "
        "evening and on Wednesday afternoon."
    )
    assert _conflicts({"Mercury": lost, "Post": total}, hours=[30, 31]) == []
    same_day = "A woman lost a total of €2,400 to fraudsters on Tuesday evening."
    assert _conflicts({"Mercury": lost, "Post": same_day}, hours=[30, 31]) != []
    # The day it was said is no day the total covers.
    nine = "Police arrested nine people during the riot on Saturday night."
    said = "A total of 14 people were arrested during the riot on Saturday night, police said "
    said += "on Sunday."
    assert _conflicts({"Post": nine, "Wire": said}, hours=[20, 30]) != []


def test_a_figure_a_later_report_gives_as_its_level_before_takes_no_side():
    found = _conflicts(
        {
            "Wire": "By Wednesday morning the fire had destroyed 12 homes in Ossendorp.",
            "Channel": "The fire had destroyed 31 homes in Ossendorp by Thursday, up from 12.",
            "Standard": "The fire has destroyed 37 homes in Ossendorp.",
        },
        hours=[0, 34, 53],
    )
    assert found == [{("Channel", "31"), ("Standard", "37")}]
    # A toll revised down is no growth: the first report's figure stays a side.
    killed = "The quake killed 120 people in Bresk, officials said."
    revised = (
        "The quake killed 95 people in Bresk, officials said, revising the toll down from 120."
    )
    assert _conflicts({"A": killed, "B": revised}, hours=[0, 3]) == [{("A", "120"), ("B", "95")}]
