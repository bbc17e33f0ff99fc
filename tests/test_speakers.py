"""Who said it: one statement quoted in the same words from different people."""

from builders import article
from newsweave.analyze import analyze_many
from newsweave.compare.identity import story_entities
from newsweave.compare.speakers import misattributed

SAID = (
    "We were very lucky that the wind took the smoke away from the houses, because this could "
    "have been much worse for the people living nearby"
)


def _who_said(*texts: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """The speaker conflicts among articles a0, a1 ...: what, and (article, speaker) per value."""
    analyses = list(analyze_many([article(f"a{k}", t) for k, t in enumerate(texts)]))
    entities, entity_map = story_entities(analyses)
    return [
        (c.what, [(v.article, v.value) for v in c.values])
        for c in misattributed(analyses, entity_map, entities)
    ]


def test_one_statement_given_to_two_people_is_a_conflict():
    found = _who_said(
        f"“{SAID},” said Graham Pell, the area manager who led the operation.",
        f"“{SAID},” said Graham Pell, the area manager.",
        f"“{SAID},” said Superintendent Owen Radley, who oversaw the police operation.",
    )
    assert found == [
        (
            "who said “We were very lucky that the wind took…”",
            [("a0", "Graham Pell"), ("a1", "Graham Pell"), ("a2", "Owen Radley")],
        )
    ]


def test_a_body_and_its_spokeswoman_give_one_statement():
    assert (
        _who_said(
            f"“{SAID},” the Northfold Fire and Rescue Service said in a statement.",
            f"“{SAID},” a spokeswoman for the service, Katie Brennan, said on Wednesday.",
        )
        == []
    )


def test_quoting_another_s_words_names_them_beside_the_quote():
    assert (
        _who_said(
            f"“{SAID},” said Graham Pell, the area manager.",
            f"Paul Devlin said he agreed with Graham Pell. “{SAID},” Devlin said.",
        )
        == []
    )


def test_the_other_speaker_beside_the_quote_with_a_statement_of_their_own_quotes_no_quote():
    """Naming Pell as the speaker of another statement beside Radley's quote does not make
    Radley quote Pell; "agreed with Graham Pell" before it does (above)."""
    found = _who_said(
        f"“{SAID},” said Graham Pell, the area manager.",
        f"“{SAID},” said Owen Radley, the superintendent. Graham Pell said crews would stay "
        "at the site overnight.",
    )
    assert [values for _, values in found] == [[("a0", "Graham Pell"), ("a1", "Owen Radley")]]
    # Words of echoing beside make it a quote of a quote again.
    for echoed in (
        f"Graham Pell said the crews had been lucky. Echoing him, Owen Radley said: “{SAID}.”",
        f"“{SAID},” Owen Radley said. Graham Pell had said the same on Monday.",
    ):
        assert _who_said(f"“{SAID},” said Graham Pell, the area manager.", echoed) == [], echoed


def test_a_short_remark_two_people_make_is_no_conflict():
    assert (
        _who_said("“We will rebuild,” said Graham Pell.", "“We will rebuild,” said Owen Radley.")
        == []
    )


def test_different_statements_by_two_people_are_no_conflict():
    assert (
        _who_said(
            f"“{SAID},” said Graham Pell, the area manager.",
            "“The fire is now under control, but crews will stay at the scene for several days "
            "to damp down hotspots,” said Owen Radley.",
        )
        == []
    )


def test_an_office_is_no_one_to_set_against_a_name():
    """Nothing ties Ann Wold to the office: the mayor may well be her."""
    assert (
        _who_said(
            f"“{SAID},” said the mayor, speaking at the scene.",
            f"“{SAID},” said Ann Wold, speaking at the scene.",
        )
        == []
    )
