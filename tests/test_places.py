"""Place conflicts: one happening put in two places, neither holding the other."""

import pytest

from builders import article
from newsweave.analyze import analyze_many
from newsweave.compare.places import place_conflicts
from newsweave.models import Claim, Support


def _placed(*texts: str) -> list[list[tuple[str, str]]]:
    """The place conflicts in one claim made of the first sentence of each text (article a0,
    a1 ...), as (article, place) per value."""
    articles = [article(f"a{k}", text) for k, text in enumerate(texts)]
    analyses = {a.article_id: a for a in analyze_many(articles)}
    support = tuple(
        Support(article=a.id, sentence=0, text=analyses[a.id].sentences[0].text) for a in articles
    )
    claim = Claim(id="c1", text="", status="corroborated", independent_sources=2, support=support)
    return [[(v.article, v.reading) for v in c.values] for c in place_conflicts([claim], analyses)]


def test_one_happening_in_two_towns_is_a_conflict():
    assert _placed(
        "The fire started at the chemical warehouse on the eastern edge of Rotherham.",
        "The fire started at the chemical warehouse in Doncaster on Tuesday night.",
    ) == [[("a0", "Rotherham"), ("a1", "Doncaster")]]


@pytest.mark.parametrize(
    "other",
    [
        # What holds the town: its nation, its country.
        "The fire started at a chemical warehouse in England on Tuesday night.",
        "The fire started at a chemical warehouse in the United Kingdom on Tuesday night.",
        # A county the gazetteer does not know: nothing can be said.
        "The fire started at a chemical warehouse in South Yorkshire on Tuesday night.",
        # The same town.
        "The fire started at a chemical warehouse in Doncaster on Tuesday night.",
    ],
)
def test_a_place_and_what_holds_it_are_no_conflict(other):
    first = "The fire started at a chemical warehouse in Doncaster late on Tuesday."
    assert _placed(first, other) == []


def test_a_borough_is_in_its_city():
    assert (
        _placed(
            "A water main burst in Brooklyn on Monday, flooding several streets.",
            "A water main burst in New York City on Monday, flooding several streets.",
        )
        == []
    )


@pytest.mark.parametrize(
    "other",
    [
        # Where the company is based, not where the fire was.
        "The fire started at a warehouse run by a Sheffield-based chemicals firm.",
        # The office of a city's mayor.
        "The mayor of Sheffield said the fire at the chemical warehouse was under control.",
        # Near a town is not in it.
        "The fire started at a chemical warehouse near Sheffield on Tuesday night.",
    ],
)
def test_a_town_named_but_not_as_the_place_of_the_happening_is_no_conflict(other):
    first = "The fire started at a chemical warehouse in Doncaster late on Tuesday."
    assert _placed(first, other) == []


def test_an_article_that_names_both_towns_knows_where_each_is():
    assert (
        _placed(
            "The fire started at a chemical warehouse in Doncaster. Crews came from Rotherham.",
            "The fire started at a chemical warehouse in Rotherham on Tuesday night.",
        )
        == []
    )


@pytest.mark.parametrize("town", ["Banstead", "Guildford"])
def test_names_whose_main_places_lie_in_two_countries_are_no_conflict(town):
    """The gazetteer knows Surrey the Canadian city, not the English county these towns are in
    (and a Guildford in Canada too)."""
    assert (
        _placed(
            "A fire has destroyed a Waitrose supermarket in Surrey, police said.",
            f"A fire has destroyed a Waitrose supermarket in {town}, police said.",
        )
        == []
    )
