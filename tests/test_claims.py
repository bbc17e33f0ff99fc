"""Claims across outlets: sentences that quote one speaker's same statement are one claim, and
lesser signs (quoted words, a person with a day) tie sentences that say one thing differently."""

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import numpy as np
import pytest

from newsweave.models import Claim

HERALD = [
    "The Velmora harbour authority closed the northern quay on Tuesday after cracks were found "
    "in its concrete deck.",
    "At a safety review where crane drivers and the Pilots Guild complained about the fuel "
    "jetty and the lighting of the outer basin, harbour master Ilse Varga said: "
    '"We will not reopen the quay until every pillar has been checked by divers."',
]
COURIER = [
    "Ships bound for Velmora were sent to the southern berths as repairs began.",
    "The tug crews of Corran Towage walked out over unpaid overtime on Wednesday for the third "
    'time this year, and harbour master Ilse Varga insisted the quay stays shut "until every '
    'pillar has been checked by divers".',
]
# The same scene, but the harbour master says something else.
GAZETTE = [
    "Ships bound for Velmora were diverted to the southern berths while repairs started.",
    "The tug crews of Corran Towage walked out over unpaid overtime on Wednesday for the third "
    'time this year, and harbour master Ilse Varga insisted the cost "will be met from the '
    'reserve fund".',
]


def _quoting(claims: list[Claim], words: str) -> list[Claim]:
    return [c for c in claims if any(words in s.text for s in c.support)]


def test_one_statement_quoted_by_two_outlets_is_one_corroborated_claim(report, story_claims):
    herald, courier = report("Herald", HERALD), report("Courier", COURIER)
    claims = _quoting(story_claims([herald, courier]), "every pillar has been checked by divers")
    # The two sentences read differently (a safety review against a strike, each ending on the
    # quote; their embeddings score under the claim threshold): the statement ties them.
    assert len(claims) == 1
    assert claims[0].status == "corroborated" and claims[0].independent_sources == 2
    assert {s.article for s in claims[0].support} == {herald.id, courier.id}


def test_the_same_speaker_saying_something_else_is_not_the_same_claim(report, story_claims):
    herald, gazette = report("Herald", HERALD), report("Gazette", GAZETTE)
    claims = story_claims([herald, gazette])
    for claim in _quoting(claims, "every pillar has been checked by divers"):
        assert {s.article for s in claim.support} == {herald.id}


# Two reports of one (invented) bridge opening that share a quoted phrase and a person's next day.
TRIBUNE = [
    "The Dunmere river bridge opened to traffic on Monday after four years of work.",
    'Engineers from the regional roads agency described the span as "a gateway to the north" '
    "during the ceremony, where a brass band played.",
    "The project cost more than planned, and its opening came a year later than first promised.",
    "Councillor Mira Holt flies to Orvale on Friday to present the project to investors.",
]
LEDGER = [
    "Cars crossed the new Dunmere bridge for the first time on Monday morning.",
    "Freight hauliers expect the crossing to become a gateway to the north for timber lorries.",
    "The old ferry across the Dunmere will keep running on weekends until the end of the summer.",
    "The ceremony was a prelude to a second trip abroad this year by Councillor Mira Holt, "
    "planned for Friday.",
]


@pytest.mark.parametrize(
    "words",
    [
        "gateway to the north",  # the Tribune's quoted words, which the Ledger uses too
        "Friday",  # Mira Holt with Friday, in one sentence of each report
    ],
)
def test_a_lesser_sign_ties_the_only_two_sentences_sharing_it(report, story_claims, words):
    tribune, ledger = report("Tribune", TRIBUNE), report("Ledger", LEDGER)
    claims = _quoting(story_claims([tribune, ledger]), words)
    assert len(claims) == 1 and claims[0].independent_sources == 2


@pytest.mark.parametrize(
    ("repeats", "extra", "words"),
    [
        # The Ledger uses the quoted words twice: neither sentence is singled out.
        (
            "Ledger",
            "Timber merchants in Orvale call any new road a gateway to the north.",
            "gateway to the north",
        ),
        # The Tribune names Mira Holt with Friday twice.
        (
            "Tribune",
            "Mira Holt said she would also visit the port of Orvale on Friday.",
            "second trip abroad",
        ),
    ],
)
def test_a_sign_an_article_repeats_ties_nothing(report, story_claims, repeats, extra, words):
    paragraphs = {"Tribune": TRIBUNE, "Ledger": LEDGER}
    paragraphs[repeats] = [*paragraphs[repeats], extra]
    tribune, ledger = (report(outlet, paragraphs[outlet]) for outlet in ("Tribune", "Ledger"))
    claims = _quoting(story_claims([tribune, ledger]), words)
    assert all(len(c.support) == 1 for c in claims), claims


# Two reports of one (invented) terminal opening. The Press's second sentence states two facts:
# a meeting in Corran, and a statement the Post quotes too.
PRESS = [
    "Transport minister Oren Blake toured the new Velmora ferry terminal on Thursday.",
    "Blake said when he met the port director for talks in Corran ahead of the tour: "
    '"The terminal will carry its first freight by the spring."',
    "Rail works in northern Velmora have closed the coastal line until March.",
]
POST = [
    "The new ferry terminal at Velmora was shown to the transport minister on Thursday.",
    'Blake promised that "the terminal will carry its first freight by the spring".',
    "During earlier talks in Corran, the pair discussed dredging the outer channel.",
    "Hotels in northern Velmora expect a busy season once the terminal opens.",
]


def test_a_sentence_stating_two_facts_supports_both_claims(report, story_claims):
    press, post = report("Press", PRESS), report("Post", POST)
    claims = story_claims([press, post])
    # The Press's sentence is in the claim of the statement both quote, and in the Post's
    # "talks in Corran" claim: the phrase only these two sentences use ties them.
    statement = _quoting(claims, "Blake promised")
    assert len(statement) == 1 and statement[0].independent_sources == 2
    assert any("talks in Corran" in s.text for s in statement[0].support)
    talks = _quoting(claims, "During earlier talks in Corran")
    assert len(talks) == 1 and talks[0].status == "corroborated", talks
    assert {(s.article, "talks in Corran" in s.text) for s in talks[0].support} == {
        (press.id, True),
        (post.id, True),
    }
    # Named in the words of the Post, whose claim it is; the Press's sentence heads the other.
    assert talks[0].text.startswith("During earlier talks")


def test_a_phrase_that_is_a_name_ties_nothing(report, story_claims):
    # "northern Velmora" is a place; the two sentences say different things about it.
    press, post = report("Press", PRESS), report("Post", POST)
    claims = _quoting(story_claims([press, post]), "northern Velmora")
    assert all(len(c.support) == 1 for c in claims), claims


# A lead, and a quote that shares two of its words: a minister's remark on the cut is no report
# of the cut, unless the report tells it as the minister's.
PORT_LEAD = [
    "The Orvale port board cut its berth tariffs by a tenth on Thursday, the first cut since it "
    "began raising port charges in 2021.",
    "The new tariffs apply from the start of next month.",
]


@pytest.mark.parametrize(
    ("told", "tied"),
    [
        ("Shipping lines welcomed the decision.", False),
        ("Transport minister Rune Halm said shippers had carried high port charges.", True),
    ],
)
def test_a_statement_shares_a_wording_only_with_reports_of_its_speaker(
    report, story_claims, told, tied
):
    herald = report("Herald", [*PORT_LEAD[:1], told, *PORT_LEAD[1:]])
    courier = report(
        "Courier",
        [
            "Berth fees at Orvale will fall on the first of the month.",
            '"Shippers have carried high port charges for years, and this is good news for '
            'every one of them," transport minister Rune Halm said.',
            "Two shipping lines said they would pass the saving on to their customers.",
        ],
    )
    claims = _quoting(story_claims([herald, courier]), "good news for every one")
    assert len(claims) == 1
    assert claims[0].independent_sources == (2 if tied else 1), claims


def test_a_statement_and_a_report_of_one_figure_still_tie(report, story_claims):
    # The fire chief's quote and the plain report count the same 14 people (MiniLM 0.37).
    herald = report(
        "Herald",
        [
            "Fire swept through a block of flats on Harbour Row in Velmora late on Friday.",
            '"We brought 14 people out through the smoke tonight, and honestly I have never in '
            'thirty years seen neighbours act so bravely for each other," fire chief Halvor '
            "Nyberg said.",
        ],
    )
    courier = report(
        "Courier",
        [
            "A fire in a Velmora block of flats forced residents onto the street on Friday night.",
            "Paramedics took 14 people to Velmora General with smoke inhalation.",
            "The cause of the fire is not yet known, the fire service said on Saturday.",
        ],
    )
    claims = _quoting(story_claims([herald, courier]), "14 people")
    assert len(claims) == 1 and claims[0].independent_sources == 2, claims


# Each Herald sentence matches one Chronicle sentence best, but the Herald's lead and the
# Chronicle's second sentence both call the terminal "a turning point" for the islands.
HERALD_TERMINAL = [
    "Transport minister Oren Blake toured the new Velmora ferry terminal on Thursday, calling "
    "it a turning point for the islands.",
    "The terminal cost 40 million euros and took three years to build.",
    "Ferries to the outer islands will keep their winter timetable until April.",
]
CHRONICLE_TERMINAL = [
    "The new ferry terminal at Velmora was shown to transport minister Oren Blake on Thursday.",
    "Built over three years for 40 million euros, the terminal is a turning point for the "
    "island economy, officials say.",
    "Local fishermen fear that the new quay will crowd the old harbour.",
]


def test_a_wording_ties_two_sentences_that_stand_in_other_claims(report, story_claims):
    herald = report("Herald", HERALD_TERMINAL)
    chronicle = report("Chronicle", CHRONICLE_TERMINAL)
    claims = story_claims([herald, chronicle])
    both = [
        c for c in claims if len({s.article for s in c.support if "turning point" in s.text}) == 2
    ]
    assert len(both) == 1 and both[0].status == "corroborated", claims
    # The tour and the cost are each one corroborated claim as well (the cost sentence of the
    # Chronicle supports two: the cost, and the turning point); no two claims share a name.
    tour = [c for c in claims if any("toured" in s.text for s in c.support) and c not in both]
    assert len(tour) == 1 and tour[0].independent_sources == 2, claims
    cost = [c for c in _quoting(claims, "40 million euros") if c not in both]
    assert len(cost) == 1 and cost[0].independent_sources == 2, claims
    assert len({c.text for c in claims}) == len(claims)


@pytest.mark.parametrize(
    "speaker",
    [
        "Varga said",
        "officials said",
        "said Ilse Varga, the port authority's chief executive",
        "said Ahmed Varga, the port authority's managing director",
    ],
)
def test_an_attribution_ties_nothing(report, story_claims, speaker):
    # The same attribution closes one sentence of each report, on different facts: who speaks
    # is no wording of the fact.
    gazette = report(
        "Gazette",
        [
            "Storm Ilka brought down power lines across the Velmora coast on Sunday night.",
            f"Schools in the district will close early on Friday because of the storm, {speaker}.",
            "Repair crews from three regions were sent to the coast on Monday morning.",
        ],
    )
    courier = report(
        "Courier",
        [
            "Thousands of homes on the Velmora coast were without power after Storm Ilka.",
            f"The bridge repairs in the harbour are ahead of schedule, {speaker}.",
            "Engineers expect the last homes to be reconnected by Wednesday evening.",
        ],
    )
    claims = _quoting(story_claims([gazette, courier]), speaker)
    assert all(len(c.support) == 1 for c in claims), claims


# Two reports of one event; the words in each second sentence, on different facts, say who (an
# office, a body's name, a person's description beside their name, who speaks), where (the
# compass) or when (a date phrase), not what happened.
WHO_WHERE_OR_WHEN = {
    # Where a quote was said frames it: a decision "followed by a news conference" is no
    # claim on what was said at one.
    "news conference": (
        [
            "The Orvale port board meets on Thursday to decide on new berth tariffs.",
            "Its decision is due at noon on Thursday, followed by a news conference.",
            "Shipping lines have asked the board to wait another year.",
        ],
        [
            "The Orvale port board raised its berth tariffs by a tenth on Thursday.",
            '"We have held prices for six years, and the dredging of the outer channel has to '
            'be paid for," chairwoman Edda Morn told a news conference.',
            "Two shipping lines said they would pass the cost on to their customers.",
        ],
    ),
    "chief executive": (
        [
            "A cargo ship ran aground near the Brenna lighthouse early on Sunday.",
            "Opposition councillors asked the chief executive of Brenna Shipping to explain the "
            "delays at a public meeting.",
            "Tugs refloated the ship at high tide on Monday morning.",
        ],
        [
            "The Brenna Star struck a sandbank by the lighthouse on Sunday morning.",
            "Oskar Lind, the company's chief executive, promised new radar equipment for every "
            "vessel in the fleet.",
            "The ship was towed back to port after the tide turned on Monday.",
        ],
    ),
    "south bank": (
        [
            "A river ferry hit the pier at the Brenna terminal on Tuesday evening.",
            "The ferry was completing its evening crossing from the south bank when its engines "
            "failed.",
            "Eleven passengers were treated for minor injuries at the scene.",
        ],
        [
            "Eleven people were hurt when a ferry struck the pier in Brenna on Tuesday.",
            "A residents' group on the south bank has complained for months about cancelled "
            "sailings.",
            "The operator suspended the route while the vessel is inspected.",
        ],
    ),
    "national maritime accident office": (
        [
            "A river ferry hit the pier at the Brenna terminal on Tuesday evening.",
            "Investigators from the national maritime accident office were due to board the "
            "vessel on Wednesday morning.",
            "Eleven passengers were treated for minor injuries at the scene.",
        ],
        [
            "Eleven people were hurt when a ferry struck the pier in Brenna on Tuesday.",
            "The minister said he had asked the national maritime accident office for a report "
            "within a month.",
            "The operator suspended the route while the vessel is inspected.",
        ],
    ),
    "operations manager": (
        [
            "The founder of a Brenna investment firm was jailed for six years on Friday.",
            "His co-defendant, Colin Amory, 47, of Velmora, the firm's former operations "
            "manager, was cleared of one count of forgery.",
            "The judge ordered the firm's remaining assets to be sold.",
        ],
        [
            "A Brenna investment firm's founder was sent to prison on Friday for fraud.",
            "His former operations manager, Colin Amory, must do 150 hours of unpaid work.",
            "Investors are expected to get back about a third of their money.",
        ],
    ),
    "director of public health": (
        [
            "Forty people fell ill after eating at a Brenna restaurant last week.",
            "Twelve of them have been admitted to hospital, Dr Ana Ruel, Brenna's director of "
            "public health, told reporters.",
            "The restaurant closed its doors on Monday.",
        ],
        [
            "A Brenna restaurant has closed after dozens of its customers fell ill.",
            "Dr Ana Ruel, Brenna's director of public health, said the kitchen would stay shut "
            "until the tests came back.",
            "Samples were sent to the national laboratory on Tuesday.",
        ],
    ),
    "provincial governor": (
        [
            "A strong earthquake struck the Orvel Mountains before dawn on Monday.",
            "The provincial governor, Mira Dovane, said rescue teams had not reached three "
            "villages.",
            "Hundreds of homes were damaged in the town of Bresk.",
        ],
        [
            "Rescuers searched collapsed houses in Bresk after Monday's earthquake.",
            "Orvel's provincial governor, Mira Dovane, opened a field hospital beside the town "
            "hall.",
            "The army sent engineers to repair the only road into the mountains.",
        ],
    ),
    "health officials": (
        [
            "Forty people fell ill after eating at a Brenna restaurant last week.",
            "The restaurant's kitchen failed its last inspection, in March, Brenna health "
            "officials said.",
            "The restaurant closed its doors on Monday.",
        ],
        [
            "A Brenna restaurant has closed after dozens of its customers fell ill.",
            "Samples from the patients were sent to the national laboratory, the city's health "
            "officials told reporters.",
            "The owner apologised to his customers on Tuesday.",
        ],
    ),
    "court heard": (
        [
            "The founder of a Brenna investment firm was jailed for six years on Friday.",
            "Many of the investors were retired, and several had lost their savings, the court "
            "heard.",
            "The judge ordered the firm's remaining assets to be sold.",
        ],
        [
            "A Brenna investment firm's founder was sent to prison on Friday for fraud.",
            "The court heard that the money paid for a villa near the coast and a collection "
            "of cars.",
            "Investors are expected to get back about a third of their money.",
        ],
    ),
    "end of the year": (
        [
            "The Brenna council approved a new tram line on Tuesday night after a long debate.",
            "The council leader said she expected final government approval by the end of the "
            "year.",
            "Construction is due to begin in the spring of 2027.",
        ],
        [
            "Brenna's councillors voted on Tuesday to build the city's first tram line.",
            "Early utility diversions along the route could start before the end of the year.",
            "The first trams are expected to run in 2031.",
        ],
    ),
}


@pytest.mark.parametrize("words", list(WHO_WHERE_OR_WHEN))
def test_words_of_who_where_or_when_tie_nothing(report, story_claims, words):
    gazette_lines, courier_lines = WHO_WHERE_OR_WHEN[words]
    gazette, courier = report("Gazette", gazette_lines), report("Courier", courier_lines)
    claims = _quoting(story_claims([gazette, courier]), words)
    assert all(len(c.support) == 1 for c in claims), claims


@pytest.mark.parametrize(
    ("sentence", "kept", "set_apart"),
    [
        # A quote's frame says where it was said; one that names a subject is part of it.
        (
            '"The rules on public contracts apply to every minister, and they will be enforced '
            'without fear or favour," Governor Ilse Vardane told a news conference.',
            "public contracts",
            "news conference",
        ),
        (
            '"I have done nothing wrong and I will clear my name," Brandvik said in her '
            "resignation letter.",
            "resignation letter",
            None,
        ),
        (
            "His co-defendant, Colin Amory, 47, of Velmora, the firm's former operations manager, "
            "was cleared of forgery.",
            "was cleared of forgery",
            "operations manager",
        ),
        (
            "Lena Marsh, 25, checked into a clinic in Malibu on Tuesday, her agent said.",
            "checked into a clinic in Malibu",
            None,
        ),
        ("Tom Hale, 47, died at the scene, police in Brenna said.", "died at the scene", None),
        (
            "Ana Berg, who leads the opposition group, voted against the budget.",
            "who leads the opposition group",
            None,
        ),
        (
            "The shooting happened moments after the employee, Ivy Hale, was suspended.",
            "The shooting happened moments after the employee",
            None,
        ),
        ("The car overturned twice, Ana Lorz, 31, told the inquest.", "car overturned", None),
        ("Tomas Brel, 22, shot at the officers, then ran off.", "shot at the officers", None),
        (
            "Tomas Brel, 47, the first to reach the wreck, pulled two children from the water.",
            "the first to reach the wreck",
            None,
        ),
        (
            "Marco Silvane, the nurse convicted of poisoning four patients, was jailed for life.",
            "convicted of poisoning four patients",
            None,
        ),
        (
            "Police arrested Tomas Brel, his brother and a third man, who were later released.",
            "his brother and a third man",
            None,
        ),
        ("The arrested man told police he had bought the knife online.", "arrested man", None),
        # An office with a word before it, and a description that closes the sentence.
        (
            "Dorota Vankeld, general secretary of the Federation of Ostrevian Labour, told the "
            "rally the march was only a start.",
            "told the rally",
            "general secretary",
        ),
        (
            "Saturday is their day to say it, said Dorota Vankeld, the federation's general "
            "secretary.",
            "to say it",
            "general secretary",
        ),
        # A clause closing the sentence is no description: "the mayor said on Friday".
        ("Prices rose under Mira Holt, the mayor said on Friday.", " said ", None),
        (
            "Lindgate health officials said the kitchen had failed its inspection in March.",
            "failed its inspection",
            "health officials",
        ),
    ],
)
def test_a_description_of_who_is_set_apart_from_what_happened(report, sentence, kept, set_apart):
    # `Unit.wording` is what wording ties read: a person's description beside the name says
    # who, but a clause after the name's age, or a long clause before it, tells what happened.
    from newsweave.analyze import analyze_many
    from newsweave.compare.claims import units

    opening = "A long first sentence opens the report, as a report's lead would, with its news."
    closing = "A closing sentence follows, long enough for the extractor to keep the report."
    article = report("Gazette", [opening, sentence, closing])
    (unit,) = [u for u in units(list(analyze_many([article])), {}) if u.sentence == 1]
    wording = unit.wording or unit.text
    assert kept in wording, wording
    assert set_apart is None or set_apart not in wording, wording


def test_one_figure_of_one_thing_ties_the_only_two_sentences_giving_it(report, story_claims):
    # Few shared words, but the same share of the same kind: the same fact.
    gazette = report(
        "Gazette",
        [
            "The Brenna council approved a new tram line on Tuesday night after a long debate.",
            "Council leader Maria Holt said the national government had agreed to pay 45 per "
            "cent of the cost.",
            "Construction is due to begin in the spring.",
        ],
    )
    courier = report(
        "Courier",
        [
            "Brenna's councillors voted on Tuesday to build the city's first tram line.",
            "Ministers in London have committed to fund 45 per cent of the capital bill, officials "
            "confirmed.",
            "The first trams are expected to run within five years.",
        ],
    )
    [claim] = _quoting(story_claims([gazette, courier]), "45 per cent")
    assert {s.article for s in claim.support} == {gazette.id, courier.id}, claim


@pytest.mark.parametrize(("when", "tied"), [("late on Saturday", True), ("on Sunday", False)])
def test_one_figure_on_two_different_days_ties_nothing(report, story_claims, when, tied):
    # The same people counted in two happenings: an evacuation, then a departure a day later.
    published = {"published": datetime(2026, 6, 14, 9, tzinfo=UTC)}
    courier = report(
        "Courier",
        [
            "The ferry ran aground off Kalyra late on Saturday, forcing the evacuation of 387 "
            "passengers, the coast guard said.",
            "Nine people were hurt, most of them with minor injuries, officials said.",
            "The captain was detained overnight and questioned by a prosecutor on Syros.",
        ],
    ).model_copy(update=published)
    daily = report(
        "Daily",
        [
            f"All 387 passengers left the island {when} on a chartered ferry to Piraeus.",
            "Salvage crews began preparing to pull the vessel off the reef near the harbour.",
            "A floating barrier has been placed around the ship as a precaution.",
        ],
    ).model_copy(update=published)
    claims = _quoting(story_claims([courier, daily]), "387")
    assert (len(claims) == 1) is tied, claims


def _units(*keys: str) -> list:
    from newsweave.compare.claims import Unit

    return [Unit(key[0], int(key[1:]), f"sentence {key}", frozenset(), frozenset()) for key in keys]


def test_two_claims_holding_three_reports_in_common_are_one():
    from newsweave.compare.claims import Group, merged

    items = _units("a0", "b0", "c0", "d0", "e0", "d1")
    common = (0, 1, 2)  # a0, b0, c0
    one, other = Group((*common, 3)), Group(common, shared=(4,))
    [claim] = merged(items, [one, other])
    assert sorted(claim.sentences) == [0, 1, 2, 3, 4]
    # d0 and d1 are two sentences of one article: two different facts, two claims
    assert len(merged(items, [one, Group((*common, 5))])) == 2
    # two reports in common are not enough
    assert len(merged(items, [Group((0, 1, 3)), Group((0, 1, 4))])) == 2


@pytest.mark.parametrize(
    ("lent", "rough", "size"),
    [
        ("1.2e+06|customers", False, 2),
        ("4.5e+06|customers", False, 1),
        ("200|customers", True, 2),  # "hundreds of customers" is no exact count
    ],
)
def test_a_sentence_counting_the_same_thing_far_over_lends_to_no_claim(lent, rough, size):
    """A lead's "has risen to 1.3 million" customers and another report's "has about 4.5
    million customers" are two quantities, though MiniLM scores them 0.75; 1.2 million against
    1.3 million is one count told two ways, which the conflicts read."""
    import numpy as np

    from newsweave.compare.claims import Unit, extend

    lead = Unit("a", 0, "lead", frozenset(), frozenset(), figures=frozenset({"1.3e+06|customers"}))
    other = Unit(
        "b",
        4,
        "size",
        frozenset(),
        frozenset(),
        figures=frozenset({lent}),
        rough=frozenset({lent} if rough else ()),
    )
    sim = np.array([[1.0, 0.75], [0.75, 1.0]])
    [claim, *_] = extend([lead, other], sim, [[0]], threshold=0.68)
    assert len(claim.sentences) == size


@pytest.mark.parametrize(
    ("later", "one"),
    [
        (
            "Marlow's said it would reopen its nine Tessford cafes on Monday, with milk bought in "
            "from another dairy.",
            False,
        ),
        (
            "Marlow's shut all nine of its cafes in Tessford on Thursday after the inspectors' "
            "visit.",
            True,
        ),
    ],
)
def test_an_act_and_its_undoing_are_two_facts(report, story_claims, later, one):
    """A chain closing its cafes and reopening them are two happenings, though MiniLM reads
    the two sentences alike; the same closing told in other words is one claim."""
    herald = [
        "Marlow's closed all nine of its Tessford cafes on Thursday after 14 customers fell ill.",
        "Health inspectors took samples of milk and cream from the chain's kitchens and sent "
        "them to the regional laboratory in Orrin for testing.",
    ]
    post = [
        later,
        "Customers with stomach pains were asked to keep their receipts and to call the "
        "council's health line, which is open until ten at night.",
    ]
    assert _told_by_both(report, story_claims, herald, post, "closed all nine") is one


@pytest.mark.parametrize(
    ("later", "one"),
    [
        ("The insurer, Harrowmere Mutual, has valued the stolen paintings at €6.4 million.", True),
        ("The stolen paintings are worth €12 million, the museum said.", False),
    ],
)
def test_a_valuer_s_figure_and_the_worth_a_report_states_are_two_facts(
    report, story_claims, later, one
):
    """The insurer's valuation and what the paintings are worth read alike, and a figure of
    one would have set them against each other; the same valuation in other words is one."""
    herald = [
        "Harrowmere Mutual, the museum's insurer, valued the stolen paintings at €6.4 million, "
        "a spokesman for the company said.",
        "Detectives searched a warehouse near the river on Friday but found nothing of the "
        "paintings or of the van the thieves were seen to drive away in.",
    ]
    post = [
        later,
        "The gallery that held them will stay closed until the end of the month while forensic "
        "teams finish their work and the alarm system is checked.",
    ]
    assert _told_by_both(report, story_claims, herald, post, "valued the stolen paintings") is one


def _told_by_both(report, story_claims, herald: list[str], post: list[str], words: str) -> bool:
    """Whether a claim holding the Herald's sentence with `words` holds a Post sentence too."""
    claims = _quoting(story_claims([report("Herald", herald), report("Post", post)]), words)
    return any(len({s.article for s in c.support}) == 2 for c in claims)


@pytest.mark.parametrize(
    ("phrase", "verb", "text", "act"),
    [
        ("on Sunday", "release", "The captain was released on Sunday.", "release"),
        # active, "release" as often publishes
        ("on Monday", "release", "Police released a statement on Monday.", None),
        # a state dated from, not the act: "detained since March, returned home"
        ("since March", "detain", "Orsk, detained since March, returned home.", None),
        ("on Sunday", "set", "The captain was set free on Sunday.", "free"),
        ("on Sunday", "set", "Rebels set the two hostages free on Sunday.", "free"),
        ("on Sunday", "set", "Rebels set a deadline on Sunday.", "set"),
    ],
)
def test_an_act_is_what_a_date_phrase_dates(phrase, verb, text, act):
    from newsweave.compare.undoing import acts
    from newsweave.models import DateMention

    date = DateMention(text=phrase, sentence=0, start=0, end=len(phrase), verb=verb)
    assert acts([date], text) == ({act} if act else set())


@pytest.mark.parametrize(
    ("first", "second", "apart"),
    [
        ({"close"}, {"reopen"}, True),
        ({"detain"}, {"release", "say"}, True),
        ({"lock down"}, {"lift"}, True),  # "locked down the city", "lifted the lockdown"
        ({"close", "reopen"}, {"reopen"}, False),  # telling both, it stands on neither side
        ({"win"}, {"lose"}, False),  # two sides of one happening
        ({"begin"}, {"end"}, False),  # "a ceasefire began", "fighting ended"
        ({"open"}, {"stop"}, False),  # "opened fire on a bus", "stopped a bus"
        ({"close"}, {"close"}, False),
    ],
)
def test_an_act_and_its_undoing_are_told_by_their_verbs(first, second, apart):
    from newsweave.compare.undoing import undone

    assert undone([first, second])[0, 1] is np.bool_(apart)
    assert undone([first, second])[1, 0] is np.bool_(apart)


def test_one_figure_ties_reports_of_one_day_and_one_occasion_only():
    from newsweave.compare.claims import Unit, figured_alike

    def unit(article: str, days: set[str]) -> Unit:
        return Unit(
            article, 0, "text", frozenset(), frozenset(), frozenset(days), frozenset({"387|people"})
        )

    same, other = {"2026-06-13"}, {"2026-06-14"}
    assert figured_alike([unit("a", same), unit("b", same), unit("c", other)]) == [
        (("a", 0), ("b", 0))
    ]
    # a day-first phrase left unresolved ("6 august") is no date to tell the two apart by
    assert len(figured_alike([unit("a", {"2026-08-06"}), unit("b", {"6 august"})])) == 1
    # "In 2011 a gas explosion killed nine miners" and "Nine miners remained underground on
    # Friday": another year's occasion
    friday = (date(2026, 10, 23), date(2026, 10, 23))
    for year, tied in ((2011, 0), (2026, 1)):
        whole_year = (date(year, 1, 1), date(year, 12, 31))
        dated = [
            replace(unit(a, set()), dated=(span,)) for a, span in (("a", whole_year), ("b", friday))
        ]
        assert len(figured_alike(dated)) == tied


# One statement that runs over two paragraphs, and a report that quotes only its end.
SENTINEL = [
    "The Velmora harbour authority closed the northern quay on Tuesday after cracks were found "
    "in its concrete deck.",
    'Harbour master Ilse Varga said: "Our pilots have asked for better lighting in the outer '
    "basin for years. They will have it by the spring.",
    "“Every pillar will be checked before a single ship berths there again, and the owners will "
    'pay for whatever the divers find."',
]
CLARION = [
    "Ships bound for Velmora were sent to the southern berths as repairs began.",
    '"Every pillar will be checked before a single ship berths there again, and the owners will '
    'pay for whatever the divers find," harbour master Ilse Varga said.',
]


def test_a_report_quoting_the_end_of_a_long_statement_ties_to_that_end(report, story_claims):
    sentinel, clarion = report("Sentinel", SENTINEL), report("Clarion", CLARION)
    claims = _quoting(story_claims([sentinel, clarion]), "Every pillar will be checked")
    tied = [c for c in claims if {s.article for s in c.support} == {sentinel.id, clarion.id}]
    assert len(tied) == 1
    assert {s.text.split()[0] for s in tied[0].support} == {"“Every", '"Every'}
    # The statement's opening sentence, about lighting, states another fact.
    opening = _quoting(story_claims([sentinel, clarion]), "better lighting")
    assert all({s.article for s in c.support} == {sentinel.id} for c in opening)


def test_a_subject_and_its_verb_tie_nothing(report, story_claims):
    # "passengers were taken" off the ferry, and to hospital: two happenings.
    gazette = report(
        "Gazette",
        [
            "A river ferry hit the pier at the Brenna terminal on Tuesday evening.",
            "All passengers were taken off the ferry within an hour, the port authority said.",
            "The operator suspended the route while the vessel is inspected.",
        ],
    )
    courier = report(
        "Courier",
        [
            "Eleven people were hurt when a ferry struck the pier in Brenna on Tuesday.",
            "Four passengers were taken to hospital with broken bones, a nurse said on Wednesday.",
            "Replacement buses will run along the river until the route reopens.",
        ],
    )
    claims = _quoting(story_claims([gazette, courier]), "passengers were taken")
    assert len(claims) == 2 and all(len(c.support) == 1 for c in claims), claims


@pytest.mark.parametrize(
    "quote",
    [
        '"This was one of the largest fires in years," fire chief Oskar Lindqvist told reporters '
        "at the site on Tuesday.",
        # The tag two sentences after the quote opens.
        '"This was one of the largest fires in years. We were lucky nobody was hurt," fire chief '
        "Oskar Lindqvist told reporters at the site on Tuesday.",
    ],
)
def test_a_speaker_with_the_day_they_spoke_ties_nothing(report, story_claims, quote):
    # The day is when Lindqvist spoke; the two sentences report two statements.
    herald = report(
        "Herald",
        [
            "A fire destroyed a paper warehouse in Vellmora late on Monday.",
            quote,
            "About 300 homes were evacuated overnight as a precaution.",
        ],
    )
    post = report(
        "Post",
        [
            "Hundreds of Vellmora residents left their homes as a warehouse burned on Monday.",
            "Oskar Lindqvist said crews had brought the blaze under control at around 05:00 on "
            "Tuesday.",
            "The company that owns the site said it was working with the authorities.",
        ],
    )
    claims = _quoting(story_claims([herald, post]), "Lindqvist")
    assert len(claims) == 2 and all(len({s.article for s in c.support}) == 1 for c in claims), (
        claims
    )


def test_a_quote_over_two_sentences_is_one_claim_in_its_whole_words(report, story_claims):
    # Each half alone is a fragment: the first opens a quote it does not close, the second
    # names its speaker only by a pronoun.
    herald = report(
        "Herald",
        [
            "The council approved the Vellmora bypass on Tuesday after a long debate.",
            "Opposition leader Karl Dunmore voted against the plan.",
            '"We are being asked to sign a blank cheque for this road. Every road scheme in '
            'this county has come in late and over budget," he said.',
        ],
    )
    courier = report(
        "Courier",
        [
            "Vellmora's councillors voted on Tuesday night to build the long-awaited bypass.",
            "Karl Dunmore, who leads the opposition, spoke against it.",
            '"We are being asked to sign a blank cheque for this road. Every road scheme in '
            'this county has come in late and over budget," Dunmore told the chamber.',
            '"The residents deserve better," he added.',
        ],
    )
    claims = _quoting(story_claims([herald, courier]), "blank cheque")
    assert len(claims) == 1, claims
    claim = claims[0]
    assert claim.text.startswith('"We are being asked') and "late and over budget" in claim.text
    assert claim.status == "corroborated"
    assert {(s.article, s.sentence) for s in claim.support} == {
        (herald.id, 2),
        (herald.id, 3),
        (courier.id, 2),
        (courier.id, 3),
    }


def test_a_quote_over_two_sentences_of_one_report_ranks_as_one_report(report, story_claims):
    # Claims stated by as many outlets go in story order: two sentences of one quote are still
    # one article's word, and rank no higher than the lead.
    herald = report(
        "Herald",
        [
            "A fire destroyed a timber yard in Vellmora on Tuesday night.",
            "About 40 firefighters fought the blaze, and no one was hurt, the fire service said.",
            "Mara Lind, who lives opposite the yard, said she had watched it burn from her window. "
            '"It sounded like thunder rolling in over the hills, one clap after another. I have never seen flames so high," she said.',
        ],
    )
    claims = story_claims([herald])
    assert claims[0].text.startswith("A fire destroyed"), [c.text for c in claims]
    assert claims[-1].text.startswith('"It sounded like thunder'), [c.text for c in claims]


def test_a_long_quote_over_paragraphs_is_shown_a_paragraph_at_a_time(report, story_claims):
    herald = report(
        "Herald",
        [
            "The council approved the Vellmora bypass on Tuesday.",
            '"For too long the people of Eastmoor have been told to wait. They have waited for '
            "a road that never came.",
            '"Tonight we have shown them that we can. This road will be built on time," said '
            "councillor Ama Osei.",
        ],
    )
    claims = story_claims([herald])
    texts = {c.text for c in claims}
    assert any(t.startswith('"For too long') and t.endswith("never came.") for t in texts), texts
    assert any(t.startswith('"Tonight') and "Ama Osei" in t for t in texts), texts


def test_a_person_described_alike_is_no_claim_on_what_they_did(report, story_claims):
    # The description between commas says who she is in the same words (and scores the two
    # sentences over the claim threshold in MiniLM); what she did differs.
    gazette = report(
        "Gazette",
        [
            "A ferry ran aground off Velmora harbour on Tuesday night with 212 passengers on "
            "board.",
            "Nadia Orr, the ferry company's head of safety, arrived at the harbour to meet the "
            "crew.",
            "Tugs pulled the ship free at high tide on Wednesday.",
        ],
    )
    courier = report(
        "Courier",
        [
            "All 212 passengers were taken off a ferry that ran aground near Velmora on Tuesday.",
            "Nadia Orr, the ferry company's head of safety, said the captain had followed every "
            "rule.",
            "The vessel was towed back to port on Wednesday morning.",
        ],
    )
    claims = _quoting(story_claims([gazette, courier]), "Nadia Orr")
    assert all(len(c.support) == 1 for c in claims), claims


def test_the_story_s_subject_in_another_number_ties_nothing(report, story_claims):
    # Each second sentence is its article's only one to say "buses and trams", but each article
    # says "bus and tram" elsewhere too: the story's subject, not a fact.
    gazette = report(
        "Gazette",
        [
            "Bus and tram drivers in Brenna walked out on Monday in a dispute over pay.",
            "Shop owners fear that a week without buses and trams will cost them their best "
            "trading days.",
            "The union said the strike would last until Friday.",
        ],
    )
    courier = report(
        "Courier",
        [
            "Brenna's drivers began a five-day strike on Monday after talks over pay broke down.",
            "Commuters crowded onto bicycles and into cars as the buses and trams stood idle in "
            "their depots.",
            "The city's bus and tram network normally carries 300,000 people a day.",
        ],
    )
    claims = _quoting(story_claims([gazette, courier]), "buses and trams")
    assert all(len(c.support) == 1 for c in claims), claims


def test_sentences_dated_years_apart_are_no_claim(report, story_claims):
    # Alike in MiniLM and in wording ("unable to reach their jobs"), but one strike is in
    # 2019 and the other from 16 March 2026.
    gazette = report(
        "Gazette",
        [
            "Bus drivers in Brenna will strike for three days from 16 March 2026, leaving many "
            "workers unable to reach their jobs.",
            "The union said talks with the city had failed after months of meetings at the town "
            "hall.",
            "The city council said it would run a limited service with managers at the wheel.",
        ],
    )
    courier = report(
        "Courier",
        [
            "Brenna's last city-wide bus strike, in 2019, lasted three days and left many "
            "workers unable to reach their jobs.",
            "Commuters were told to plan ahead and to expect long queues at the taxi ranks.",
            "The council expects the buses to run again once the three days are over.",
        ],
    )
    claims = _quoting(story_claims([gazette, courier]), "unable to reach their jobs")
    assert all(len(c.support) == 1 for c in claims), claims


@pytest.mark.parametrize(("later", "one"), [(timedelta(hours=3), True), (timedelta(days=2), False)])
def test_a_count_grown_by_a_later_report_is_another_fact(report, story_claims, later, one):
    """A toll given on Monday and the toll it has reached on Wednesday are two facts, which
    the timeline orders; told hours apart, they may be one fact told twice (or a conflict)."""
    monday = datetime(2026, 9, 14, 10, tzinfo=UTC)
    wire = report(
        "Wire",
        [
            "At least nine people were killed and about 300 injured when a powerful earthquake "
            "shook a remote mountain district of northern Kardania just after 4 a.m. on Monday.",
            "Rescue teams were searching collapsed houses in the town of Bresk for survivors.",
        ],
    ).model_copy(update={"published": monday})
    daily = report(
        "Daily",
        [
            "The number of people killed in the earthquake in northern Kardania has reached 23, "
            "the Civil Protection Directorate said.",
            "Engineers opened a temporary bridge into the village of Upper Mirov, which had "
            "been cut off since the quake.",
        ],
    ).model_copy(update={"published": monday + later})
    claims = _quoting(story_claims([wire, daily]), "has reached 23")
    assert any(len({s.article for s in c.support}) == 2 for c in claims) is one, claims


@pytest.mark.parametrize(
    ("earlier", "one"),
    [
        ("The fire had grown to about 2,600 hectares, and crews said it was 45% contained.", False),
        ("Pressure had grown since the fire burned about 2,600 hectares of the ridge.", True),
        ("The fire burned about 2,600 hectares of the ridge as wind speeds rose to 60 km/h.", True),
    ],
)
def test_a_count_an_earlier_report_gives_as_grown_to_it_is_another_fact_than_a_later_one(
    report, story_claims, earlier, one
):
    """Told as grown to its figure on Thursday, the burnt area of Friday is the same measure
    later; "pressure had grown", or the wind speed's rise, says nothing of the area."""
    thursday = datetime(2026, 8, 13, 21, tzinfo=UTC)
    channel = report(
        "Channel",
        [
            earlier,
            "Crews from three regions rested in the town hall overnight before the next shift.",
            "The interior minister will visit the town on Friday morning, his office said.",
        ],
    )
    standard = report(
        "Standard",
        [
            "The fire was 80% contained on Friday after burning about 3,400 hectares of the "
            "ridge, crews said.",
            "Residents of the village will be allowed home on Saturday.",
            "Farmers below the ridge counted their losses in barns, fences and hay.",
        ],
    ).model_copy(update={"published": thursday + timedelta(hours=19)})
    claims = story_claims([channel.model_copy(update={"published": thursday}), standard])
    joined = [c for c in claims if len({s.article for s in c.support}) == 2]
    assert bool(_quoting(joined, "3,400 hectares")) is one, claims


def test_a_toll_grown_by_a_later_report_is_another_fact_though_the_missing_are_counted_too(
    report, story_claims
):
    """The dead and the missing are both people: each report's toll is read on its own."""
    sunday = datetime(2026, 11, 8, 8, tzinfo=UTC)
    harbinger = report(
        "Harbinger",
        [
            "The death toll rose to 14 by Saturday night, and 23 people are still missing.",
            "Survivors said the ship leaned over within minutes of the lights going out.",
            "The ferry operator said it had set up a telephone line for the families.",
        ],
    ).model_copy(update={"published": sunday})
    record = report(
        "Record",
        [
            "Divers recovered the bodies of five people from inside the ship on Sunday, raising "
            "the death toll to 19, the coastguard said.",
            "Relatives gathered on the harbour wall as the divers' boat came in.",
            "An independent inquiry into the sinking opened in the port town on Monday.",
        ],
    ).model_copy(update={"published": sunday + timedelta(days=1)})
    claims = _quoting(story_claims([harbinger, record]), "death toll")
    assert claims and all(len({s.article for s in c.support}) == 1 for c in claims), claims


@pytest.mark.parametrize(("later", "one"), [(None, True), (timedelta(hours=6), False)])
def test_a_count_before_its_end_and_a_later_final_count_are_two_facts(
    report, story_claims, later, one
):
    """Election night's partial count and the next morning's result read alike in MiniLM
    (0.80); told at unknown times, nothing says which came first."""
    night = datetime(2026, 10, 17, 21, 50, tzinfo=UTC)
    observer = report(
        "Observer",
        [
            "With 60% of ballots counted, Castellan had 48.2% of the vote and Brevic, of the "
            "People's Union, 45.1%, according to preliminary figures.",
            "Castellan's campaign said it expected her lead to grow as the northern districts "
            "reported.",
        ],
    )
    wire = report(
        "Wire",
        [
            "In the northern districts alone, Castellan took 62% of the vote, while Brevic held "
            "on to most of the south.",
            "Castellan will be sworn in on Monday at the old customs house on the riverfront, "
            "her campaign said.",
        ],
    )
    if later is not None:
        observer = observer.model_copy(update={"published": night})
        wire = wire.model_copy(update={"published": night + later})
    claims = _quoting(story_claims([observer, wire]), "62% of the vote")
    assert any(len({s.article for s in c.support}) == 2 for c in claims) is one, claims


def test_a_larger_count_the_next_day_in_no_words_of_change_stays_one_claim(report, story_claims):
    """ "The river rose" in the first report says nothing of the second's toll: 12 against 14
    killed a day later, told as no change, is one fact told two ways (a conflict)."""
    monday = datetime(2026, 9, 14, 10, tzinfo=UTC)
    post = report(
        "Post",
        [
            "Twelve people were killed when the river rose overnight and flooded the village of "
            "Kessavik, the regional authorities said.",
            "Rescue teams were searching flooded houses in the lower village for people still "
            "missing.",
        ],
    ).model_copy(update={"published": monday})
    wire = report(
        "Wire",
        [
            "Fourteen people were killed when floods swept through the village of Kessavik, the "
            "regional authorities said.",
            "The army sent boats to carry families and their animals from the lower streets of "
            "the village.",
        ],
    ).model_copy(update={"published": monday + timedelta(hours=30)})
    [claim] = _quoting(story_claims([post, wire]), "Fourteen people")
    assert {s.article for s in claim.support} == {post.id, wire.id}
    assert claim.status == "conflicting"


@pytest.mark.parametrize(("told", "named"), [("opened", "opened"), ("is due to open", "expected")])
def test_a_claim_is_named_by_a_report_that_tells_its_day_passed(report, story_claims, told, named):
    """A plan told on Monday and the deed told on Wednesday are one claim, which reads as the
    deed, and the plan's outlet witnesses nothing of it; while every report tells the day
    ahead, the first names it and both count."""
    monday = datetime(2026, 11, 16, 9, tzinfo=UTC)
    gazette = report(
        "Gazette",
        [
            "Transport minister Rune Halm is expected to open the new Orvale ferry terminal on "
            "Wednesday, his office said.",
            "The terminal took three years to build and cost 40 million euros, twice the "
            "first estimate.",
        ],
    ).model_copy(update={"published": monday})
    courier = report(
        "Courier",
        [
            f"Transport minister Rune Halm {told} the new Orvale ferry terminal on Wednesday.",
            "Ferries to the outer islands will use its two new berths from December, and the "
            "old quay in the town centre will close to passengers.",
        ],
    ).model_copy(update={"published": monday + timedelta(days=2 if told == "opened" else 0)})
    claims = _quoting(story_claims([gazette, courier]), "Orvale ferry terminal on")
    assert len(claims) == 1, claims
    assert claims[0].independent_sources == (1 if told == "opened" else 2)
    assert named in claims[0].text


def test_a_day_s_possessive_left_out_of_a_wording_is_no_word_of_it():
    """`Unit.wording` sets the day of "Saturday's final" apart, leaving "'s final": two
    sentences on the match's injury and its trophy do not share a wording by it."""
    from newsweave.compare.claims import _wordings

    found = _wordings("Dravec went off in the first half of , 's final and had a scan , .")
    assert not [w for w in found if "s" in w.split("|") or w.startswith("s ")]


def test_one_speaker_s_two_statements_read_alike_are_two_claims(report, story_claims):
    """A union leader's speech at a march and her word on an inquiry two days later read alike
    (MiniLM 0.71), but no two articles quote them as one statement: two things she said."""
    wire = report(
        "Wire",
        [
            "Tens of thousands of people marched through Kardavel on Saturday against a plan to "
            "raise the state pension age from 63 to 66.",
            "“They told us the pension age had to rise because the money had run out,” Dorota "
            "Vankeld told the crowd.",
        ],
    )
    monitor = report(
        "Monitor",
        [
            "The interior minister ordered an inquiry on Monday into the policing of Saturday's "
            "pension march in Kardavel.",
            "“An inquiry is a start, but the people who marched did not come about pepper spray. "
            "They came about their pensions,” Dorota Vankeld said.",
        ],
    )
    for claim in story_claims([wire, monitor]):
        texts = " ".join(s.text for s in claim.support)
        assert not ("the money had run out" in texts and "about their pensions" in texts), texts


def test_a_plan_beside_its_outcome_confirms_nothing_and_a_side_clause_ahead_does(
    report, story_claims
):
    """ "will travel later on Saturday", told that morning, is no witness of the visit that
    Sunday's paper reports; "will stay in government, ..., a day before the prime minister
    faces a vote" tells its own fact done, and its outlet confirms it."""
    saturday = datetime(2026, 11, 7, 10, 30, tzinfo=UTC)

    def sources(plan: str, done: str) -> list[int]:
        first = report(
            "Wire",
            [
                plan,
                "Rescue crews searched the cold water off the coast through the night for the "
                "missing.",
                "The ferry company said it had set up a telephone line for the families.",
            ],
        ).model_copy(update={"published": saturday})
        later = report(
            "Sunday Paper",
            [
                done,
                "Survivors described the ship leaning over within minutes of the lights going out.",
                "An independent inquiry into the sinking will open in the port town next week.",
            ],
        ).model_copy(update={"published": saturday + timedelta(hours=22)})
        claims = story_claims([first, later])
        return [c.independent_sources for c in claims if len(c.support) == 2]

    assert sources(
        "Transport Minister Ansgar Velloway will travel to Brantholm later on Saturday, his "
        "ministry said.",
        "Transport Minister Ansgar Velloway visited Brantholm on Saturday and met survivors at "
        "the hospital.",
    ) == [1]
    assert sources(
        "Transport Minister Ansgar Velloway is due to visit Brantholm on Sunday, his ministry "
        "said.",
        "Transport Minister Ansgar Velloway visited Brantholm early on Sunday and met survivors "
        "at the hospital.",
    ) == [1]
    assert sources(
        "Transport Minister Ansgar Velloway will visit Brantholm on Sunday, his ministry said on "
        "Friday.",
        "Transport Minister Ansgar Velloway visited Brantholm early on Sunday and met survivors "
        "at the hospital.",
    ) == [1]
    # what the sentence tells passed is witnessed, whatever it then looks ahead to
    assert sources(
        "Storm Ilka, which killed 12 people on Friday, will reach the coast on Saturday, "
        "forecasters said.",
        "Storm Ilka, which killed 12 people on Friday, reached the coast on Saturday and cut "
        "power to 40,000 homes.",
    ) == [2]
    assert sources(
        "The Centre Democrats will stay in the coalition government, their leader Sigrun Falvey "
        "said on Saturday, a day before Prime Minister Maren Ostwald faces a confidence vote.",
        "The Centre Democrats will stay in the coalition government, Sigrun Falvey said on "
        "Saturday, ending days of doubt before Sunday's confidence vote.",
    ) == [2]
