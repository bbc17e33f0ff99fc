"""Independence is judged per claim: a sentence that says it repeats another outlet counts for it."""

POST = [
    "The Orrin bridge in Velmora reopened to traffic on Monday after repairs costing 4 million euros.",
    "Engineers replaced the bridge's corroded steel cables during six weeks of night work.",
    "Inspectors had found rust on three anchor points during a routine survey last spring.",
]
LEDGER = [
    "The Orrin bridge in Velmora reopened to traffic on Monday after repairs costing 4 million "
    "euros, according to the Velmora Post.",
    "Engineers replaced the bridge's corroded steel cables during six weeks of night work, "
    "the city's transport office told the Ledger.",
    "Cafe owners near the river said trade had fallen by half while the crossing was closed.",
]


def test_a_sentence_citing_an_outlet_is_not_independent_but_the_rest_of_the_article_is(
    report, story_claims
):
    post, ledger = report("Velmora Post", POST), report("Northern Ledger", LEDGER)
    marker = next(m for m in ledger.markers if m.kind == "according_to")
    assert marker.outlet == "Velmora Post" and marker.offset is not None
    # Each claim by its sentence's second word: (independent sources, outlets).
    claims = {
        c.text.split()[1]: (c.independent_sources, c.outlets) for c in story_claims([post, ledger])
    }
    assert claims["Orrin"] == (1, ("Northern Ledger", "Velmora Post"))  # repeated, with credit
    assert claims["replaced"] == (2, ("Northern Ledger", "Velmora Post"))  # its own reporting


def test_articles_of_no_known_outlet_are_not_one_source(story_claims):
    from newsweave.extract import extract
    from newsweave.models import UNKNOWN_OUTLET, Article, RawDoc

    pasted = [
        extract(RawDoc(source=f"paste-{n}.txt", kind="text", body="\n\n".join(body)))
        for n, body in enumerate([POST, POST[1:] + POST[:1]])
    ]
    assert all(isinstance(a, Article) and a.outlet == UNKNOWN_OUTLET for a in pasted)
    claims = {c.text.split()[1]: c.independent_sources for c in story_claims(pasted)}
    assert claims["replaced"] == 2


# A rewrite: the lead credits the Post, the next paragraphs retell its story with credit (by
# name, then as "the newspaper"), and the last two are the Ledger's own reporting.
REWRITE = [
    "The Orrin bridge in Velmora reopened to traffic on Monday after repairs costing 4 million "
    "euros, the Velmora Post reported.",
    "Engineers replaced the bridge's corroded steel cables during six weeks of night work.",
    "Inspectors had found rust on three anchor points during a routine survey last spring, "
    "the newspaper said.",
    "Cafe owners near the river said trade had fallen by half while the crossing was closed.",
    "The city council will debate a second bridge in the spring.",
]
HERALD = [
    "Engineers replaced corroded steel cables on the Orrin bridge over six weeks of night work.",
    "Cafe owners by the river told the Herald that their trade had halved during the closure.",
    "Traffic on the ring road, which took the diverted cars, is expected to ease this week.",
]


def test_a_rewrite_crediting_an_outlet_in_its_lead_repeats_it_down_to_the_last_credit(
    report, story_claims
):
    post, ledger = report("Velmora Post", POST), report("Northern Ledger", REWRITE)
    herald = report("Herald", HERALD)
    claims = {
        c.text.split()[1]: (c.independent_sources, c.outlets)
        for c in story_claims([post, ledger, herald])
    }
    # The cables sentence carries no credit of its own, but stands between two that do.
    assert claims["replaced"] == (2, ("Herald", "Northern Ledger", "Velmora Post"))
    assert claims["Orrin"] == (1, ("Northern Ledger", "Velmora Post"))
    # After the last credit, the Ledger reports on its own.
    cafe = next(v for k, v in claims.items() if "Cafe" in k or k == "owners")
    assert cafe == (2, ("Herald", "Northern Ledger"))


def test_what_a_source_told_another_outlet_of_the_story_is_that_outlet_s(report, story_claims):
    post = report("Velmora Post", POST)
    ledger = report(
        "Northern Ledger",
        [
            "Engineers replaced the bridge's corroded steel cables during six weeks of night "
            "work, the city's transport chief told the Velmora Post on Monday.",
            "Inspectors had found rust on three anchor points during a routine survey last "
            "spring, the engineer told Judge Hale that afternoon.",
        ],
    )
    claims = {
        c.text.split()[1]: (c.independent_sources, c.outlets) for c in story_claims([post, ledger])
    }
    assert claims["replaced"] == (1, ("Northern Ledger", "Velmora Post"))  # the Post's interview
    assert claims["had"] == (2, ("Northern Ledger", "Velmora Post"))  # a judge is no outlet


def test_a_wire_credited_by_its_short_name_is_that_wire(report, story_claims):
    wire = report("Ferrant Wire", POST)
    ledger = report(
        "Northern Ledger",
        [
            "The Orrin bridge in Velmora reopened to traffic on Monday after repairs costing 4 "
            "million euros, according to Ferrant.",
            *LEDGER[1:],
        ],
    )
    claims = {
        c.text.split()[1]: (c.independent_sources, c.outlets) for c in story_claims([wire, ledger])
    }
    assert claims["Orrin"] == (1, ("Ferrant Wire", "Northern Ledger"))
