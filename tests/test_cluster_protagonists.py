"""cluster.v3: who an article is about keeps two events of one kind apart (invented articles)."""

import re

import builders
from newsweave.cluster import (
    ProtagonistIndex,
    cluster,
    dumps_features,
    features,
    loads_features,
    make_index,
    protagonists,
    surname,
)
from newsweave.models import Analysis, Article, Mention
from newsweave.settings import ClusterSettings


def analysed(id_: str, title: str, text: str, people: dict[str, str]) -> tuple[Article, Analysis]:
    """An article and an analysis naming `people` (surface form → entity id) where they occur."""
    mentions = [
        Mention(entity=entity, sentence=0, start=m.start(), end=m.end(), text=m.group(0))
        for name, entity in people.items()
        for m in re.finditer(rf"\b{re.escape(name)}\b", text)
    ]
    mentions.sort(key=lambda m: m.start)
    analysis = Analysis(article_id=id_, sentences=(), mentions=tuple(mentions))
    return builders.article(id_, text, title), analysis


def test_the_protagonists_are_the_people_named_most_and_at_least_twice():
    _, analysis = analysed(
        "a",
        "t",
        "Coach Dana Ruiz praised Tom Varga. Varga scored twice; the governor watched Varga.",
        {
            "Dana Ruiz": "person:dana-ruiz",
            "Tom Varga": "person:tom-varga",
            "Varga": "person:tom-varga",
        },
    )
    assert protagonists(analysis) == ("person:tom-varga",)
    _, once = analysed("b", "t", "Dana Ruiz spoke.", {"Dana Ruiz": "person:dana-ruiz"})
    assert protagonists(once) == ()  # named once: no one the article is about
    office = Analysis(
        article_id="c",
        sentences=(),
        mentions=tuple(
            Mention(entity="person:role:governor", sentence=0, start=i, end=i + 1, text="governor")
            for i in range(3)
        ),
    )
    assert protagonists(office) == ()
    assert surname("person:w-mark-felt") == surname("person:mark-felt") == "felt"


ARREST = (
    "Harbor City Hawks {pos} {name} was arrested on suspicion of drunk driving {when}, police "
    "said. {detail} The team said it was aware of the arrest of {last}."
)
DETAILS = {
    "Varga": [
        "Varga was stopped on the coastal highway after officers saw his pickup weaving.",
        "Officers pulled Varga over near the marina when his pickup drifted across two lanes.",
    ],
    "Brandt": [
        "Brandt crashed his sedan into a parked bus outside a nightclub downtown.",
        "A witness said Brandt hit a city bus while leaving a downtown nightclub at 3 a.m.",
    ],
}


def arrest(id_: str, pos: str, first: str, last: str, when: str) -> tuple[Article, Analysis]:
    name = f"{first} {last}"
    detail = DETAILS[last][int(id_[-1]) - 1]
    text = ARREST.format(pos=pos, name=name, last=last, when=when, detail=detail)
    entity = f"person:{first.lower()}-{last.lower()}"
    return analysed(id_, f"Hawks {pos} arrested", text, {name: entity, last: entity})


def stream() -> list[tuple[Article, Analysis]]:
    return [
        arrest("v1", "receiver", "Tom", "Varga", "early Tuesday"),
        arrest("b1", "lineman", "Eli", "Brandt", "on Sunday"),
        arrest("v2", "receiver", "Tom", "Varga", "on Tuesday morning"),
        arrest("b2", "lineman", "Eli", "Brandt", "early Sunday"),
    ]


def groups(algorithm: str) -> list[list[str]]:
    index = make_index(ClusterSettings(algorithm=algorithm))
    for article, analysis in stream():
        f = features(article, analysis)
        index.record(f, cluster(f, index))
    return sorted(sorted(m) for m in index.stories.values())


def test_two_arrests_of_one_kind_stay_apart_when_the_arrested_differ():
    assert groups("cluster.v3") == [["b1", "b2"], ["v1", "v2"]]
    # cluster.v2 reads the same words and merges them: what the protagonists add.
    assert groups("cluster.v2") == [["b1", "b2", "v1", "v2"]]


def test_a_follow_up_that_names_the_earlier_case_is_not_pushed_away():
    article, analysis = arrest("v1", "receiver", "Tom", "Varga", "early Tuesday")
    later, later_analysis = analysed(
        "v3",
        "Varga to play on Sunday",
        "Tom Varga will play on Sunday despite his arrest on suspicion of drunk driving, the "
        "Harbor City Hawks said. Varga apologised to the team. The arrest came after Eli "
        "Brandt's last year.",
        {"Tom Varga": "person:tom-varga", "Varga": "person:tom-varga"},
    )
    index = make_index(ClusterSettings(algorithm="cluster.v3"))
    assert isinstance(index, ProtagonistIndex)
    f = features(article, analysis)
    index.record(f, cluster(f, index))
    plain = make_index(ClusterSettings(algorithm="cluster.v2"))
    plain.record(f, cluster(f, plain))
    g = features(later, later_analysis)
    # Shared protagonist: scored higher than cluster.v2 scores the same pair.
    assert cluster(g, index).score > cluster(g, plain).score


def test_protagonists_survive_the_stored_features():
    article, analysis = arrest("v1", "receiver", "Tom", "Varga", "early Tuesday")
    f = features(article, analysis)
    assert f.protagonists == ("person:tom-varga",)
    assert loads_features("v1", dumps_features(f)) == f


def test_eval_cluster_runs_the_clusterer_the_settings_file_names(tmp_path):
    """`newsweave --settings FILE eval cluster` reproduces an older clusterer's score."""
    import json

    from typer.testing import CliRunner

    from newsweave.cli import app

    corpus = tmp_path / "events.jsonl"
    records = [
        {"id": f"d{i}", "gold_event_id": event, "text": arrest(f"x{i % 2 + 1}", *cast)[0].text}
        for i, (event, cast) in enumerate(
            [
                ("varga", ("receiver", "Tom", "Varga", "early Tuesday")),
                ("brandt", ("lineman", "Eli", "Brandt", "on Sunday")),
            ]
        )
    ]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    older = tmp_path / "v2.toml"
    older.write_text('[cluster]\nalgorithm = "cluster.v2"\n', encoding="utf-8")
    runner = CliRunner()
    default = runner.invoke(app, ["eval", "cluster", str(corpus), "--json"])
    chosen = runner.invoke(
        app, ["--settings", str(older), "eval", "cluster", str(corpus), "--json"]
    )
    assert default.exit_code == 0 and chosen.exit_code == 0, default.output + chosen.output
    assert json.loads(default.output)["algorithm"] == "cluster.v5"
    assert json.loads(chosen.output)["algorithm"] == "cluster.v2"
