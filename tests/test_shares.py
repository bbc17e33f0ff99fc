"""A share whose clause names what it is of conflicts across the story, as a count would."""

from __future__ import annotations

from datetime import UTC, datetime

from builders import article
from newsweave.analyze import analyze_many
from newsweave.compare.shares import share_conflicts

SUNDAY, MONDAY = datetime(2026, 10, 18, 5, tzinfo=UTC), datetime(2026, 10, 19, 18, tzinfo=UTC)
WIRE = (
    "Castellan won the mayoral election in Vessenburg on Saturday with 51.3% of the vote. "
    "Final turnout was 61.4%, the highest since 2010, the commission said."
)


def _shares(texts: dict[str, str], later: str) -> list[list[tuple[str, str, int]]]:
    """The share conflicts of one article per outlet; `later`'s was published a day after."""
    articles = [
        article(f"a{k}", text, outlet=outlet, published=MONDAY if outlet == later else SUNDAY)
        for k, (outlet, text) in enumerate(texts.items())
    ]
    analyses = {a.article_id: a for a in analyze_many(articles)}
    outlet = {a.id: a.outlet for a in articles}
    published = {a.id: a.published for a in articles}
    return [
        [(outlet[v.article], v.value, v.side) for v in c.values]
        for c in share_conflicts(analyses, published)
    ]


def test_a_turnout_each_report_gives_once_conflicts_though_no_claim_joins_them():
    later = "Castellan was sworn in on Monday. Turnout was 58%, up from 53% in 2022."
    found = _shares({"Wire": WIRE, "Copy": WIRE, "Bulletin": later}, later="Bulletin")
    # 2022 is the year of the 53%, not of the 58%; "since 2010" runs on to now.
    assert found == [[("Wire", "61.4%", 0), ("Copy", "61.4%", 0), ("Bulletin", "58%", 1)]]


def test_a_part_an_earlier_year_or_a_share_that_grew_takes_no_side():
    for later in (
        "Turnout in the northern districts was 58%.",
        "Turnout was 53% in 2022, when Brevic won.",
        "Counting went on into Monday, and turnout has now risen to 64%.",
    ):
        assert _shares({"Wire": WIRE, "Bulletin": later}, later="Bulletin") == [], later
