"""Claims across outlets: sentences that quote one speaker's same statement are one claim."""

from newsweave.analyze import analyze_many
from newsweave.compare import compare
from newsweave.extract import extract
from newsweave.models import Article, Claim, RawDoc, Story

HERALD = [
    "The Velmora harbour authority closed the northern quay on Tuesday after cracks were found "
    "in its concrete deck.",
    "At a safety review where crane drivers and the Pilots Guild complained about the fuel jetty and the "
    'lighting of the outer basin, harbour master Ilse Varga said: "We will not reopen the quay '
    'until every pillar has been checked by divers."',
]
COURIER = [
    "Ships bound for Velmora were sent to the southern berths as repairs began.",
    "The tug crews of Corran Towage walked out over unpaid overtime on Wednesday for the third time this year, "
    'and harbour master Ilse Varga insisted the quay stays shut "until every pillar has been '
    'checked by divers".',
]
# The same scene, but the harbour master says something else.
GAZETTE = [
    "Ships bound for Velmora were diverted to the southern berths while repairs started.",
    "The tug crews of Corran Towage walked out over unpaid overtime on Wednesday for the third time this year, "
    'and harbour master Ilse Varga insisted the cost "will be met from the reserve fund".',
]


def _article(outlet: str, paragraphs: list[str]) -> Article:
    result = extract(RawDoc(source=f"{outlet}.txt", kind="text", body="\n\n".join(paragraphs)))
    assert isinstance(result, Article), result
    return result.model_copy(update={"outlet": outlet})


def _claims(articles: list[Article]) -> list[Claim]:
    analyses = {a.article_id: a for a in analyze_many(articles)}
    story = Story(id="s1", title="quay", articles=tuple(a.id for a in articles))
    return list(compare(story, articles, analyses, []).claims)


def _quoting(claims: list[Claim], words: str) -> list[Claim]:
    return [c for c in claims if any(words in s.text for s in c.support)]


def test_one_statement_quoted_by_two_outlets_is_one_corroborated_claim() -> None:
    herald, courier = _article("Herald", HERALD), _article("Courier", COURIER)
    claims = _quoting(_claims([herald, courier]), "every pillar has been checked by divers")
    # The two sentences read differently (a safety review against a strike, each ending on the
    # quote; their embeddings score under the claim threshold): the statement ties them.
    assert len(claims) == 1
    assert claims[0].status == "corroborated" and claims[0].independent_sources == 2
    assert {s.article for s in claims[0].support} == {herald.id, courier.id}


def test_the_same_speaker_saying_something_else_is_not_the_same_claim() -> None:
    herald, gazette = _article("Herald", HERALD), _article("Gazette", GAZETTE)
    claims = _claims([herald, gazette])
    for claim in _quoting(claims, "every pillar has been checked by divers"):
        assert {s.article for s in claim.support} == {herald.id}
