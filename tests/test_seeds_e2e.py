"""End to end on the two real seed reports: `newsweave add` both, one story, a full brief."""

import json

import pytest
from typer.testing import CliRunner

from newsweave.cli import app

KEYS = {
    "id",
    "title",
    "articles",
    "entities",
    "quotes",
    "claims",
    "quote_drift",
    "conflicts",
    "timeline",
    "lineage",
    "summary",
}


@pytest.fixture(scope="module")
def seed_db(seeds, tmp_path_factory):
    db = str(tmp_path_factory.mktemp("seeds") / "seeds.db")
    runner = CliRunner()
    for path, outlet in zip(seeds, ["Outlet One", "Caliber.Az"], strict=True):
        result = runner.invoke(app, ["--db", db, "add", str(path), "--outlet", outlet])
        assert result.exit_code == 0, result.output
    return db


def cli(db, *args):
    result = CliRunner().invoke(app, ["--db", db, *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_both_reports_make_one_story(seed_db):
    stories = json.loads(cli(seed_db, "stories", "--json"))
    assert len(stories) == 1
    assert stories[0]["outlets"] == ["Caliber.Az", "Outlet One"]


def test_brief_json_has_the_contract_keys_and_real_entries(seed_db):
    story = json.loads(cli(seed_db, "stories", "--json"))[0]["id"]
    brief = json.loads(cli(seed_db, "brief", story, "--format", "json"))
    assert brief.keys() >= KEYS
    articles = {a["id"]: a for a in brief["articles"]}
    assert len(articles) == 2
    texts = {a["id"]: a["text"] for a in json.loads(cli(seed_db, "articles", "--json"))}
    # Every summary sentence is extractive and cites sentences that exist.
    for s in brief["summary"]:
        assert s["citations"]
        assert any(s["text"] in texts[c["article"]] for c in s["citations"])
    names = {e["name"] for e in brief["entities"]}
    assert {"Antony Blinken", "David Lammy"} <= names
    assert any(q["speaker"] == "David Lammy" for q in brief["quotes"])
    corroborated = [c for c in brief["claims"] if c["status"] == "corroborated"]
    assert corroborated and all(c["independent_sources"] == 2 for c in corroborated)
    for claim in brief["claims"]:
        for support in claim["support"]:
            assert support["text"] in texts[support["article"]]


def test_lammy_quote_drift_is_found(seed_db):
    story = json.loads(cli(seed_db, "stories", "--json"))[0]["id"]
    brief = json.loads(cli(seed_db, "brief", story, "--format", "json"))
    drift = [d for d in brief["quote_drift"] if d["speaker"] == "David Lammy"]
    assert drift
    words = " ".join(v["text"] for v in drift[0]["variants"])
    assert "nature" in words and "kind" in words


def test_the_derivative_report_is_marked(seed_db):
    story = json.loads(cli(seed_db, "stories", "--json"))[0]["id"]
    brief = json.loads(cli(seed_db, "brief", story, "--format", "json"))
    assert any(
        link["kind"] == "citing" and link["source_outlet"] == "foreign media"
        for link in brief["lineage"]
    )
    articles = json.loads(cli(seed_db, "articles", "--json"))
    noisy = next(a for a in articles if a["outlet"] == "Outlet One")
    assert noisy["captions"] and "Skip to content" in [r["text"] for r in noisy["removed"]]


def test_the_statement_both_outlets_quote_is_a_corroborated_claim(seed_db):
    # Worked example, section 5: Lammy calls it the first joint visit in a decade, in both
    # reports, in different words and in sentences that otherwise say different things.
    story = json.loads(cli(seed_db, "stories", "--json"))[0]["id"]
    brief = json.loads(cli(seed_db, "brief", story, "--format", "json"))
    claims = [
        c for c in brief["claims"] if any("first joint visit" in s["text"] for s in c["support"])
    ]
    assert any(
        c["status"] == "corroborated" and len({s["article"] for s in c["support"]}) == 2
        for c in claims
    ), claims


@pytest.mark.parametrize(
    "words",
    [
        # 003 puts "special relationship" in quotation marks; 000 has the words in Lammy's quote.
        "special relationship",
        # Starmer on Friday: "Sir Keir flies to Washington" / "visit to the White House".
        "Friday",
        # 000's sentence on the talks in London is also the one quoting Lammy on the visit.
        "talks in London",
        # "targeting energy infrastructure, electricity" / "targeting Ukraine's electricity
        # infrastructure", in sentences about more than that.
        "infrastructure",
        # Blinken's "critical moment for Ukraine" / the visit "seen as a critical moment": each
        # sentence is also in another claim.
        "critical moment",
    ],
)
def test_what_both_reports_say_in_other_words_is_corroborated(seed_db, words):
    # Worked example, section 5: the sentences share little else, and score under the threshold.
    story = json.loads(cli(seed_db, "stories", "--json"))[0]["id"]
    brief = json.loads(cli(seed_db, "brief", story, "--format", "json"))
    claims = [
        c
        for c in brief["claims"]
        if len({s["article"] for s in c["support"] if words in s["text"]}) == 2
    ]
    assert len(claims) == 1 and claims[0]["status"] == "corroborated", claims
    # And no claim lists those sentences as one outlet's alone.
    said = {(s["article"], s["sentence"]) for s in claims[0]["support"] if words in s["text"]}
    alone = [c for c in brief["claims"] if c["status"] == "single_source"]
    assert not [c for c in alone if {(s["article"], s["sentence"]) for s in c["support"]} <= said]


def test_the_summary_reads_on_its_own(seed_db):
    story = json.loads(cli(seed_db, "stories", "--json"))[0]["id"]
    summary = json.loads(cli(seed_db, "brief", story, "--format", "json"))["summary"]
    assert len(summary) >= 4
    for sentence in summary:
        text = sentence["text"]
        assert text.split()[0] not in {"He", "She", "They", "We", "It", "This", "I"}, text
        assert not (text.startswith("“") and text.rstrip(".").endswith("”")), text


def test_the_markdown_brief_lists_what_only_one_outlet_reports(seed_db):
    # Worked example, section 5: Gaza and a ceasefire only in 003; glide bombs only in 000.
    story = json.loads(cli(seed_db, "stories", "--json"))[0]["id"]
    markdown = cli(seed_db, "brief", story)
    only = markdown.split("## Only one outlet reports", 1)[1]
    caliber, outlet_one = only.split("- Caliber.Az", 1)[1], only.split("- Outlet One", 1)[1]
    assert "ceasefire in Gaza" in caliber.split("\n- ", 1)[0]
    assert "glide bombs" in outlet_one.split("\n- ", 1)[0]


def test_undated_reports_keep_their_relative_times_on_the_timeline(seed_db):
    # Worked example, sections 4 and 5: neither report carries a date, so "on Wednesday" and
    # "this week" cannot become calendar dates; they stay relative and the brief says so.
    story = json.loads(cli(seed_db, "stories", "--json"))[0]["id"]
    timeline = json.loads(cli(seed_db, "brief", story, "--format", "json"))["timeline"]
    relative = [t for t in timeline if t["relative"]]
    assert all(t["when"].endswith("(undated)") for t in relative)
    arrived = next(t for t in relative if "arrived in Kiev on Wednesday" in t["what"])
    announced = next(t for t in relative if "announced a joint visit" in t["what"])
    assert "on Wednesday" in arrived["when"] and "this week" in announced["when"]
    assert timeline.index(arrived) > max(i for i, t in enumerate(timeline) if not t["relative"])
    # Worked example, section 5: progress, not conflict. 003 tells the visit as announced, 000 as
    # done, so the announcement comes first.
    assert timeline.index(announced) < timeline.index(arrived)
