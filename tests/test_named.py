"""A figure whose clause names what it is (a share's thing, a winning margin, a thing's size)
conflicts across the story, as a count would."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from builders import analysed, article
from newsweave.compare.named import named_conflicts

SUNDAY, MONDAY = datetime(2026, 10, 18, 5, tzinfo=UTC), datetime(2026, 10, 19, 18, tzinfo=UTC)
WIRE = (
    "Castellan won the mayoral election in Vessenburg on Saturday with 51.3% of the vote. "
    "Final turnout was 61.4%, the highest since 2010, the commission said."
)


def _named(texts: dict[str, str], later: str) -> list[list[tuple[str, str, int]]]:
    """The share conflicts of one article per outlet; `later`'s was published a day after."""
    articles = [
        article(f"a{k}", text, outlet=outlet, published=MONDAY if outlet == later else SUNDAY)
        for k, (outlet, text) in enumerate(texts.items())
    ]
    outlet = {a.id: a.outlet for a in articles}
    return [
        [(outlet[v.article], v.value, v.side) for v in c.values]
        for c in named_conflicts(*analysed(articles))
    ]


def test_a_turnout_each_report_gives_once_conflicts_though_no_claim_joins_them():
    later = "Castellan was sworn in on Monday. Turnout was 58%, up from 53% in 2022."
    found = _named({"Wire": WIRE, "Copy": WIRE, "Bulletin": later}, later="Bulletin")
    # 2022 is the year of the 53%, not of the 58%; "since 2010" runs on to now.
    assert found == [[("Wire", "61.4%", 0), ("Copy", "61.4%", 0), ("Bulletin", "58%", 1)]]


def test_a_part_an_earlier_year_or_a_share_that_grew_takes_no_side():
    for later in (
        "Turnout in the northern districts was 58%.",
        "Turnout was 53% in 2022, when Brevic won.",
        "Counting went on into Monday, and turnout has now risen to 64%.",
    ):
        assert _named({"Wire": WIRE, "Bulletin": later}, later="Bulletin") == [], later


def test_a_margin_each_report_gives_once_conflicts_in_what_it_counts():
    wire = "Castellan won the mayoral race on Saturday. She finished about 21,000 votes ahead of Brevic."
    own = "The figures show a margin of more than 21,000 over Brevic in Saturday's vote."
    later = "Castellan, who beat Brevic by about 12,000 votes on Saturday, was sworn in."
    found = _named({"Wire": wire, "Now": own, "Bulletin": later}, later="Bulletin")
    # The margin that names no unit joins the one in votes.
    assert found == [
        [
            ("Wire", "about 21,000", 0),
            ("Now", "more than 21,000", 0),
            ("Bulletin", "about 12,000", 1),
        ]
    ]
    points = "Castellan, who beat Brevic by nine points on Saturday, was sworn in."
    assert _named({"Wire": wire, "Bulletin": points}, later="Bulletin") == []


def test_a_size_each_report_gives_once_conflicts_in_its_unit():
    first = "At 41 metres, the Selka-4 is the tallest rocket built in Arvenland."
    wire = "The 41-metre rocket is due to release the satellites an hour after launch."
    later = "The satellite stayed attached to the upper stage of the 44-metre rocket."
    found = _named({"Times": first, "Wire": wire, "News": later}, later="News")
    assert found == [[("Times", "41 metres", 0), ("Wire", "41-metre", 0), ("News", "44-metre", 1)]]
    # Two things, or one size in other units, are not compared; nor the height of the air.
    for other in (
        "The launch tower is 60 metres tall.",
        "The 135-foot rocket flew.",
        "At 5,000 metres, the air is thin, and 44 metres of cable hung from the rocket.",
        "A 44-metre rocket from a rival maker will fly next year.",  # any rocket
    ):
        assert _named({"Times": first, "News": other}, later="News") == [], other
    # Sizes far apart are of two things of a kind, not one told wrongly.
    for one, other in (
        ("The plane landed on the 2,400-metre runway.", "It left from the 3,200-metre runway."),
        ("She won the 100-metre final.", "He won the 200-metre final."),
    ):
        assert _named({"Times": one, "News": other}, later="News") == [], other


def test_the_crowd_that_saw_a_match_conflicts_and_other_crowds_take_no_side():
    wire = (
        "Rovers beat Athletic 2-1 on Saturday. The match was played in front of a crowd of 48,212."
    )
    own = "The final was watched by 41,500 spectators at Kelmark Park."
    assert _named({"Wire": wire, "Sport": own}, later="Sport") == [
        [("Wire", "48,212", 0), ("Sport", "41,500", 1)]
    ]
    for other in (
        "More than 3,000 people watched the match on a big screen in the town square.",
        "The final on Saturday was watched by 2 million people on television.",
        "Police raised their estimate of the crowd at the parade to 55,000.",
    ):
        assert _named({"Wire": wire, "Sport": other}, later="Sport") == [], other


@pytest.mark.parametrize(
    "other",
    [
        "The semi-final on Wednesday was played in front of 30,000 fans.",
        "A crowd of 50,000 is expected for the replay.",
        "Rovers drew an average attendance of 31,000 at home this season.",
        "Kelmark Park's record attendance of 52,000 still stands.",
        "The final was played in front of a crowd of 48,000.",
    ],
)
def test_crowds_of_other_days_hoped_for_averaged_or_rounded_take_no_side(other):
    wire = (
        "Rovers beat Athletic 2-1 in the final. The match was played in front of a crowd of 48,212."
    )
    assert _named({"Wire": wire, "Sport": other}, later="Sport") == []


WIRE_MARCH = (
    "Thousands marched through Harlow on Saturday against the pension bill. Police put the "
    "crowd at about 18,000, while the organisers said 120,000 people had taken part."
)


def test_one_source_s_crowd_estimate_given_two_ways_conflicts():
    """The police's 18,000 against the police's 15,000; each source is held to itself."""
    for other in (
        "Police said about 15,000 people took part in the march.",
        "The march drew about 15,000 people by the police estimate and 120,000 according to "
        "the organisers.",
    ):
        found = _named({"Wire": WIRE_MARCH, "Post": other}, later="Post")
        assert found == [[("Wire", "about 18,000", 0), ("Post", "about 15,000", 1)]], other


@pytest.mark.parametrize(
    "other",
    [
        # the organisers' figure beside the police's, each given by its source
        "Police put the crowd at about 18,000 and the organisers at 120,000.",
        "The march drew about 18,000 people by the police estimate and 120,000 according to "
        "the organisers.",
        # a crowd nobody estimates, and a part of the crowd
        "About 15,000 people took part.",
        "About 1,400 people from Dunmarrow joined the march, police said.",
        # another source
        "The coalition said 95,000 people had taken part.",
        # further down a report, a crowd may be another gathering's
        "The march ended at the Assembly. Speeches followed. Most marchers went home. A vigil "
        "was held outside the docks in the evening. Police said 9,000 people took part.",
    ],
)
def test_estimates_of_other_sources_parts_and_crowds_nobody_estimates_take_no_side(other):
    assert _named({"Wire": WIRE_MARCH, "Post": other}, later="Post") == []


WIRE_THEFT = (
    "Thieves broke into the Marrow Museum early on Sunday and stole 14 pieces of jewellery "
    "worth 8.5 million orsins, police said."
)


def test_what_the_stolen_goods_are_worth_conflicts_though_no_claim_joins_them():
    later = (
        "Police made a third arrest. The stolen jewels, from a queen's collection, are worth "
        "12 million orsins."
    )
    found = _named({"Wire": WIRE_THEFT, "News": later}, later="News")
    assert found == [[("Wire", "8.5 million", 0), ("News", "12 million", 1)]]


@pytest.mark.parametrize(
    "other",
    [
        # a valuer's figure, and what the jewels might fetch
        "The insurer valued the stolen jewels at 6.4 million orsins.",
        "The director said they would be worth more than 20 million at auction if sold whole.",
        # worth that is no theft's: what was recovered, a deal, an alarm
        "Police recovered jewellery worth 2 million orsins from a flat.",
        "The museum signed a contract worth 3 million orsins for a new alarm.",
        # the same worth
        "Jewellery worth 8.5 million orsins was stolen.",
        # a theft only tried, one piece's worth, a valuer's, another theft further down
        "Thieves tried to steal a crown worth 12 million orsins.",
        "Thieves stole two necklaces, each worth about 900,000 orsins.",
        "The stolen jewels are worth 12 million orsins, the insurer estimated.",
        "The museum reopened. Guards were added. Cameras were fitted. A fourth arrest was "
        "made. Its director recalled the 2019 raid, when thieves stole paintings worth 5 "
        "million orsins.",
    ],
)
def test_a_valuation_or_a_worth_that_is_no_theft_s_takes_no_side(other):
    assert _named({"Wire": WIRE_THEFT, "News": other}, later="News") == []
