"""Lineage markers name the outlet a report credits, and only the outlet."""

import pytest

from newsweave.markers import credits, find_markers, is_agency, short_outlet


@pytest.mark.parametrize(
    ("text", "kind", "outlet"),
    [
        # The name stops at the sentence's end, even when the next sentence opens on a name.
        (
            "The ship had left at 15:30, according to Cyclades Blue Lines. Katerina Voulgari, a "
            "spokeswoman, said the crew acted quickly.",
            "according_to",
            "Cyclades Blue Lines",
        ),
        # A title's abbreviation and an initial keep their dots.
        (
            "The plan was dropped in May, according to Mr. Dennis B. Ross. He left soon after.",
            "according_to",
            "Mr. Dennis B. Ross",
        ),
        # A dot inside a name is part of it.
        (
            "The minister arrived on Monday, Caliber.Az reports, citing foreign media.",
            "citing",
            "foreign media",
        ),
        (
            "Talks resumed on Friday, according to Caliber.Az. Both sides declined to comment.",
            "according_to",
            "Caliber.Az",
        ),
        (
            "LISBON (Meridian Wire) — A ferry struck a pier on Tuesday.",
            "wire_credit",
            "Meridian Wire",
        ),
    ],
)
def test_a_marker_names_the_outlet_it_credits(text, kind, outlet):
    assert [(m.kind, m.outlet) for m in find_markers(text)] == [(kind, outlet)]


@pytest.mark.parametrize(
    "text",
    [
        "The captain was detained overnight, the Aegean Courier reported, citing coast guard "
        "officials.",
        "Investigators are focusing on the propulsion system, the Iberia Observer reported, "
        "citing officials at the national maritime accident office.",
        "The ship was boarded at dawn, the Aegean Courier reported, citing Coast Guard officials.",
        "The talks were called off, the Aegean Courier reported, citing U.S. officials.",
        "The inquiry will start in June, the Aegean Courier reported, citing Interior Ministry "
        "sources.",
    ],
)
def test_people_cited_are_no_outlet(text):
    # The outlet that reported it is credited; the officials it cites are its sources, not an
    # outlet whose copy the sentence would be.
    assert [m.kind for m in find_markers(text)] == ["reported_by"]


def test_a_magazine_named_people_is_an_outlet():
    found = find_markers(
        "The couple married in May, the Aegean Courier reported, citing People magazine."
    )
    assert ("citing", "People magazine") in [(m.kind, m.outlet) for m in found]


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        # A time between "reported" and what it reported.
        (
            "Castellan won 51.3% of the vote, Meridian Wire reported early on Sunday.",
            "Meridian Wire",
        ),
        ("But Meridian Wire said the count ended at dawn.", "Meridian Wire"),
        # An agency's "said" is a credit, as its "reported" is.
        ("Brevic conceded in the early hours, Meridian Wire said.", "Meridian Wire"),
        ("The border was closed, Reuters says.", "Reuters"),
    ],
)
def test_an_outlet_reported_or_an_agency_said(text, outlet):
    assert [(m.kind, m.outlet) for m in find_markers(text)] == [("reported_by", outlet)]


@pytest.mark.parametrize(
    "text",
    [
        "Turnout was 58%, according to the City Election Commission.",
        "Petrol cost 2 marels a litre more, according to the Talvenian Motorists' Club.",
        "The strike was called off, citing the Interior Ministry.",
        "The harbour closed at noon, the Port Authority reported on Monday.",
        # A person's "said" is no credit, nor one that may be a person's or a body's.
        "Brevic conceded, Anton Brevic said.",
        "Bloomberg said he would not run again.",
        "The PA said it would suspend talks.",
        # Nor an agency's letters inside a word.
        "The EPA said the water was safe.",
        # Nor a participle after a noun that opens a sentence.
        "Deaths reported last week reached 40.",
        "Cases reported in the north rose.",
    ],
)
def test_a_body_or_a_person_is_no_outlet(text):
    assert find_markers(text) == ()


def test_a_name_that_says_it_is_an_agency_is_one():
    assert is_agency("Meridian Wire") and is_agency("the Balkan News Agency")
    assert not is_agency("Harbour Gazette") and not is_agency("Detroit Free Press")


def test_a_wire_is_credited_by_its_short_name_too():
    text = (
        "The fire started at 14:40, according to Ferrant. It had burnt 1,200 hectares, "
        "agency spokeswoman Marisol Kellerhals said, as quoted by Ferrant. Crews rested."
    )
    found = [text[at:].split(".")[0] for at in credits(text, "Ferrant Wire")]
    assert found == ["according to Ferrant", "quoted by Ferrant"]
    # A town or a person of the wire's short name is no credit.
    others = "It came early, according to Ferrant officials. Mayor Lena Ferrant said so."
    assert credits(others, "Ferrant Wire") == []
    assert (short_outlet("Ferrant Wire"), short_outlet("The Velmora Post")) == ("Ferrant", None)
    assert short_outlet("Meridian News Agency") == "Meridian"
    assert short_outlet("Associated Press") is None
