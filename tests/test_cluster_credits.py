"""cluster.v5: an article that credits an outlet ("..., Corvell Wire reported") weighs up that
outlet's report of its lead, and no other report of the outlet."""

from datetime import UTC, datetime, timedelta

from builders import article
from newsweave.analyze import analyze_many
from newsweave.cluster import cluster, features, make_index
from newsweave.markers import find_markers
from newsweave.models import Article
from newsweave.settings import ClusterSettings

T0 = datetime(2026, 10, 21, 6, tzinfo=UTC)


def _art(id_: str, outlet: str, text: str, hours: int) -> Article:
    return article(
        id_,
        text,
        title=id_,
        outlet=outlet,
        published=T0 + timedelta(hours=hours),
        paragraphs=tuple(text.split("\n\n")),
        markers=find_markers(text, outlet),
    )


WIRE = _art(
    "wire",
    "Corvell Wire",
    "The Ombra burst its banks at Tollby early on Tuesday, flooding 300 homes in the Weller district and forcing 1,200 residents from their homes, the civil protection agency said.\n\nThe embankment gave way along a 60-metre stretch, agency spokeswoman Ilka Brandvold said. Firefighters used boats to reach people on upper floors.\n\nThe river is expected to peak on Wednesday.",
    0,
)
REWRITE = _art(
    "rewrite",
    "Underwriter Daily",
    "The Ombra burst its banks at Tollby early on Tuesday, flooding 300 homes and forcing 1,200 residents out, Corvell Wire reported.\n\nFor insurers, the question is how much of the damage will land on them. Only a third of households in the valley carry cover against floods, according to the insurers' association, which put insured losses at about 180 million stavels. A catastrophe-modelling firm puts them higher, because it expects many businesses on the industrial estate to claim for lost trade and stock.",
    5,
)
MERGER = _art(
    "merger",
    "Corvell Wire",
    "Harl Bank agreed on Tuesday to merge with Stannet Savings in a deal worth 2 billion euros, the banks said.\n\nChief executive Mara Quill said the combined bank would keep all its branches open. Shares in Harl Bank rose 6 percent.",
    1,
)
FINE = _art(
    "fine",
    "Valley Ledger",
    "The regulator fined Orwen Bank 40 million euros on Wednesday for failing to stop money laundering at its branches, Corvell Wire reported.\n\nThe lender said it had hired more compliance officers and would appeal against the penalty.",
    6,
)


def _stories(algorithm: str) -> dict[str, str]:
    """Article → the first article of its story, each clustered in turn."""
    index = make_index(ClusterSettings(algorithm=algorithm))
    ordered = [WIRE, MERGER, REWRITE, FINE]
    analyses = {a.article_id: a for a in analyze_many(ordered)}
    opened: dict[str, str] = {}
    for a in ordered:
        f = features(a, analyses[a.id])
        assignment = cluster(f, index)
        index.record(f, assignment)
        opened.setdefault(assignment.story, a.id)
    return {a: opened[index.story_of[a]] for a in index.story_of}


def test_a_rewrite_crediting_a_wire_joins_the_story_of_the_wire_s_report_of_its_lead():
    # TF-IDF alone finds the insurers' angle too far from the wire's report
    assert _stories("cluster.v4")["rewrite"] == "rewrite"
    stories = _stories("cluster.v5")
    assert stories["rewrite"] == "wire"
    # the same wire's report of a bank merger does not tell a bank fine's lead
    assert stories["fine"] == "fine"
    assert stories["merger"] == "merger"
