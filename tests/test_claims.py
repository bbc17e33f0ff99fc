"""Claims across outlets: sentences that quote one speaker's same statement are one claim."""

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
