"""Quote tags and attributions on sentences written for these tests (never evaluation text)."""

import tomllib

import pytest

from newsweave.analyze import analyze
from newsweave.models import Article, Quote

pytestmark = pytest.mark.slow  # loads the spaCy model


def quotes_of(*paragraphs: str) -> tuple[str, list[Quote]]:
    article = Article(
        id="t",
        source="test",
        url=None,
        canonical_url=None,
        outlet="test",
        title="",
        text="\n\n".join(paragraphs),
        paragraphs=paragraphs,
        content_hash="t",
    )
    return article.text, list(analyze(article).quotes)


def tag(text: str, quote: Quote) -> tuple[str | None, str | None]:
    """The speaker's and the cue's words, read through the quote's offsets."""
    speaker = cue = None
    if quote.speaker_start is not None and quote.speaker_end is not None:
        speaker = text[quote.speaker_start : quote.speaker_end]
    if quote.cue_start is not None and quote.cue_end is not None:
        cue = text[quote.cue_start : quote.cue_end]
    return speaker, cue


def only(quotes: list[Quote], kind: str) -> list[Quote]:
    return [q for q in quotes if q.kind == kind]


def test_reported_speech_has_its_clause_speaker_and_cue_offsets():
    text, quotes = quotes_of("Mayor Ana Ruiz said the bridge would open in May.")
    [said] = only(quotes, "reported")
    assert said.text == "the bridge would open in May"
    assert text[said.start : said.end] == said.text
    assert tag(text, said) == ("Mayor Ana Ruiz", "said")


@pytest.mark.parametrize(
    ("sentence", "content", "source", "cue"),
    [
        # Attributions that are not speech, with cue lemmas learned from annotated text.
        (
            "Most voters want the council to cut the water tax.",
            "the council to cut the water tax",
            "Most voters",
            "want",
        ),
        (
            "Recent polls show a tight race in the valley.",
            "a tight race in the valley",
            "Recent polls",
            "show",
        ),
        (
            "The council called for an inquiry into the flooding.",
            "an inquiry into the flooding",
            "The council",
            "called",
        ),
    ],
)
def test_attributions_that_are_not_speech(sentence, content, source, cue):
    text, quotes = quotes_of(sentence)
    found = [q for q in only(quotes, "reported") if q.text == content]
    assert found, [q.text for q in quotes]
    assert tag(text, found[0]) == (source, cue)


def test_according_to_gives_the_clause_on_either_side():
    text, quotes = quotes_of(
        "The ferry will stop running in June, according to two port officials.",
        "According to the harbour master, the pier needs new piles.",
    )
    contents = {q.text: tag(text, q) for q in only(quotes, "reported")}
    assert contents["The ferry will stop running in June"] == ("two port officials", "according to")
    assert contents["the pier needs new piles"] == ("the harbour master", "According to")


def test_a_tag_set_inside_a_sentence_attributes_both_sides():
    text, quotes = quotes_of("The new dam, Dana Cole said, would be finished by the spring.")
    parts = sorted((q.text, tag(text, q)) for q in only(quotes, "reported"))
    assert parts == [
        ("The new dam", ("Dana Cole", "said")),
        ("would be finished by the spring", ("Dana Cole", "said")),
    ]


def test_a_quote_running_into_its_tag_takes_any_verb_as_cue():
    text, quotes = quotes_of("“We will not give up on this town,” Ruiz shot back.")
    [quote] = only(quotes, "direct")
    assert tag(text, quote) == ("Ruiz", "shot")


def test_a_long_speaker_before_the_cue_is_the_speaker_not_words_of_the_quote():
    text, quotes = quotes_of(
        "“The river is rising faster than we planned for,” Dana Cole, a hydrologist at the "
        "state water office in Hollin, told reporters on Monday."
    )
    [quote] = only(quotes, "direct")
    speaker, cue = tag(text, quote)
    assert cue == "told"
    assert speaker is not None and speaker.startswith("Dana Cole")
    assert quote.speaker == "person:dana-cole"


def test_a_colon_hands_the_quote_to_the_subject_of_the_clause_before_it():
    text, quotes = quotes_of("Ms Cole agreed: “The river is rising faster than we had planned.”")
    [quote] = only(quotes, "direct")
    assert tag(text, quote) == ("Ms Cole", "agreed")


def test_a_speaker_label_gives_the_rest_of_the_paragraph():
    text, quotes = quotes_of("COLE: The river is rising faster than anyone planned.")
    [label] = quotes
    assert label.text == "The river is rising faster than anyone planned"
    assert tag(text, label) == ("COLE", ":")


def test_the_next_quote_after_a_tag_shares_that_tag():
    text, quotes = quotes_of(
        "“Have we started building the new dam?” Cole replied. "
        "“Not yet, but we will start in the spring.”"
    )
    first, second = only(quotes, "direct")
    assert second.text.startswith("Not yet")
    assert tag(text, first) == tag(text, second) == ("Cole", "replied")
    assert (first.cue_start, first.cue_end) == (second.cue_start, second.cue_end)


def test_a_quote_opened_straight_and_closed_curly_is_one_quote():
    text, quotes = quotes_of('"The river is rising fast,” Cole said. Then she left the room.')
    [quote] = only(quotes, "direct")
    assert quote.text == "The river is rising fast,"
    assert tag(text, quote) == ("Cole", "said")


def test_an_aside_after_the_clause_is_not_what_was_said():
    text, quotes = quotes_of("Ruiz said the council had hired Dana Cole, who led the dam project.")
    said = [q for q in only(quotes, "reported") if tag(text, q)[1] == "said"]
    assert [q.text for q in said] == ["the council had hired Dana Cole"]


def test_the_cue_lexicon_is_data_of_lemmas_and_relations():
    from importlib import resources

    data = tomllib.loads(
        resources.files("newsweave").joinpath("data/quotes.toml").read_text(encoding="utf-8")
    )
    cues = data["attribution"]["cues"]
    assert "ccomp" in cues["say"]
    assert all(isinstance(r, list) and r for r in cues.values())
    assert all(" " not in lemma and lemma == lemma.lower() for lemma in cues)


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        # The object between a cue and its clause belongs to the content.
        (
            "The mayor asked residents to stay indoors on Friday.",
            "residents to stay indoors on Friday",
        ),
        # Two complements of one cue make one stretch of content, not two.
        (
            "Ruiz blamed the drought for the failed harvest.",
            "the drought for the failed harvest",
        ),
        # A trailing adverbial clause stays in the content.
        (
            "Ruiz said the dam would hold, leaving residents relieved.",
            "the dam would hold, leaving residents relieved",
        ),
    ],
)
def test_a_cue_has_one_content_running_over_all_its_complements(sentence, content):
    text, quotes = quotes_of(sentence)
    [reported] = only(quotes, "reported")
    assert reported.text == content
    assert text[reported.start : reported.end] == content


def test_a_cue_after_a_preposition_borrows_the_subject_of_the_clause():
    text, quotes = quotes_of("The senator won praise from farmers by criticizing the water tax.")
    [reported] = only(quotes, "reported")
    assert reported.text == "the water tax"
    assert tag(text, reported) == ("The senator", "criticizing")


def test_a_cue_noun_without_an_owner_takes_the_subject_of_its_verb():
    text, quotes = quotes_of("The mayor launched an attack on the water board.")
    [reported] = only(quotes, "reported")
    assert reported.text == "the water board"
    assert tag(text, reported) == ("The mayor", "attack")


def test_with_two_subjects_parsed_the_speaker_is_the_one_next_to_the_cue() -> None:
    # spaCy parses "their third strike this year" as a second subject of "insisted".
    _, quotes = quotes_of(
        "The tug crews walked out over unpaid overtime on Wednesday, their third strike this "
        'year, though harbour master Ilse Varga insisted the quay stays shut "until every '
        'pillar has been checked by divers".'
    )
    partial = only(quotes, "partial")
    assert partial and all(q.speaker == "person:ilse-varga" for q in partial)
    assert all("strike" not in (q.speaker_text or "") for q in quotes)


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        # `hail` is listed with its object only; `as …` after it is still what was said.
        (
            "The mayor hailed the new bridge as a triumph of local engineering.",
            "the new bridge as a triumph of local engineering",
        ),
        # The modifier runs on to its end, but not over an aside after it.
        (
            "The mayor hailed the new bridge as a triumph for Dana Cole, who designed it.",
            "the new bridge as a triumph for Dana Cole",
        ),
    ],
)
def test_a_content_runs_on_over_the_cues_modifiers_after_it(sentence, content):
    text, quotes = quotes_of(sentence)
    [reported] = only(quotes, "reported")
    assert reported.text == content
    assert tag(text, reported) == ("The mayor", "hailed")


def test_a_cue_without_a_source_is_kept_unless_its_pair_needs_one():
    from newsweave.analyze.attribution import attributions, lexicon
    from newsweave.analyze.nlp import load

    sentence = "Opposition to the new toll has grown in the valley towns."
    text, quotes = quotes_of(sentence)
    [reported] = only(quotes, "reported")
    assert reported.text == "the new toll"
    assert reported.speaker is None and tag(text, reported) == (None, "Opposition")
    doc = load()(sentence)
    assert attributions([doc], [0], lexicon(), [], frozenset({"opposition prep:to"})) == []


def test_a_pronoun_within_what_someone_said_is_that_someone():
    # A person is named just before; "it" speaks inside what the company is reported saying.
    _, quotes = quotes_of(
        "Priya Lal, who runs the chamber of commerce, welcomed the vote on Tuesday night.",
        "Ribeira Ferries said it expected the route to reopen within a month.",
    )
    [inner] = [q for q in only(quotes, "reported") if q.text.startswith("the route")]
    assert inner.speaker == "organisation:ribeira-ferries"


def test_a_company_s_chief_executive_named_after_her_post_speaks_and_not_the_company():
    # The model reads "Halvring" as a verb, so the parse gives the tag no head.
    _, quotes = quotes_of(
        "Halvring Ferries' chief executive, Corinna Stavenor, said the company was \"doing "
        'everything it can" for the passengers and their families.'
    )
    assert {(q.kind, q.speaker) for q in quotes} == {
        ("reported", "person:corinna-stavenor"),
        ("partial", "person:corinna-stavenor"),
    }


@pytest.mark.parametrize(
    ("subject", "speaker"),
    [
        ("Portugal", "place:portugal"),  # a country speaks through its government
        ("Portugal's government", "place:portugal"),  # its state as a whole
        ("The government of Portugal", "place:portugal"),
        ("The foreign ministry of Portugal", None),  # one of its bodies is not the country
        ("Officials in Portugal", None),
        ("Most voters in Portugal", None),
        ("The Portugal coach", None),
    ],
)
def test_a_place_speaks_only_as_the_whole_tag(subject, speaker):
    _, quotes = quotes_of(
        "Portugal and Spain share the Tagus river, which runs through Lisbon to the sea.",
        f"{subject} said the river crossings would reopen next week after the inspections.",
    )
    [quote] = [q for q in quotes if "reopen" in q.text]
    assert quote.speaker == speaker


@pytest.mark.parametrize(
    ("subject", "speaker"),
    [
        # A possessor or a phrase after the head says whose; the head speaks, and the tag
        # keeps its words.
        ("Spain's industry ministry", None),
        ("Jane Holt's lawyer", None),
        ("A spokesman for Jane Holt", None),
        ("Jane Holt's lawyer, Omar Reyes,", "person:omar-reyes"),
        ("Jane Holt", "person:jane-holt"),
    ],
)
def test_the_head_of_a_speaker_tag_speaks_not_its_possessor(subject, speaker):
    text, quotes = quotes_of(
        "Jane Holt flew from Spain to Lisbon on Monday.",
        f"{subject} said the charges would be dropped within a week.",
    )
    [quote] = [q for q in quotes if q.text.startswith("the charges")]
    assert quote.speaker == speaker
    assert tag(text, quote) == (subject.rstrip(","), "said")


def test_a_body_that_speaks_is_not_the_person_it_owns():
    # "the union" stands in "the union's general secretary" only as its possessor.
    _, quotes = quotes_of(
        '"We will not accept another offer," Irena Sabol, the union\'s general secretary, told '
        "reporters on Wednesday.",
        "Talks are set for Thursday, and the union said the strike could still be called off.",
    )
    [quote] = [q for q in quotes if q.text.startswith("the strike")]
    assert quote.speaker is None


@pytest.mark.parametrize(
    "paragraphs",
    [
        # A name in the pronoun's own clause is not the pronoun.
        (
            "Prime Minister Anders Holm visited the port on Tuesday. Walking along the harbour "
            "wall with Governor Lena Marsk, he said the state would pay for the new breakwater.",
        ),
        # Of an earlier sentence, its subject before a name in a phrase.
        (
            "Prime Minister Anders Holm toured the flooded valley on Tuesday with Lena Marsk.",
            "He said the state would pay for the new dams.",
        ),
    ],
)
def test_a_pronoun_is_the_subject_before_it_not_a_name_in_a_phrase(paragraphs):
    _, quotes = quotes_of(*paragraphs)
    [quote] = [q for q in quotes if q.text.startswith("the state")]
    assert quote.speaker == "person:anders-holm"


def test_a_pronoun_is_the_main_clause_subject_before_one_in_a_clause_within():
    _, quotes = quotes_of(
        "Omar Reyes said Lena Marsk had called the plan a failure. He said voters would decide."
    )
    [quote] = [q for q in quotes if q.text.startswith("voters")]
    assert quote.speaker == "person:omar-reyes"


def test_a_pronoun_in_a_clause_of_its_own_can_be_the_object_before_it():
    _, quotes = quotes_of(
        "The council dropped Dan Holt from its board after he suggested closing the library."
    )
    [quote] = [q for q in quotes if q.text == "closing the library"]
    assert quote.speaker == "person:dan-holt"


def test_they_within_what_unnamed_speakers_said_is_no_person_named_before():
    _, quotes = quotes_of(
        "Lena Marsk opened the new terminal on Monday.",
        "Port officials said they expected the route to reopen within a month.",
    )
    [inner] = [q for q in quotes if q.text.startswith("the route")]
    assert inner.speaker_text == "they" and inner.speaker is None


@pytest.mark.parametrize(
    "paragraph",
    [
        "Carmen Soto, who runs a bakery on the harbour road, said the ovens had cracked. "
        "“It shook and shook,” she said.",
        "“The ovens cracked in the night,” said Carmen Soto, who runs a bakery on the harbour "
        "road.",
        "The ovens cracked in the night, according to Carmen Soto, who runs a bakery on the "
        "harbour road.",
    ],
)
def test_a_speaker_with_a_relative_clause_is_the_name_before_it(paragraph):
    # The model tags no entity in the first sentence; a pronoun after it is the same person.
    _, quotes = quotes_of("Anders Holm opened the harbour fair on Monday.", paragraph)
    assert quotes and all(q.speaker == "person:carmen-soto" for q in quotes)


@pytest.mark.parametrize(
    "paragraph",
    [
        # The article calls her "she": "he" is the man named before her.
        "Mira Castellan won the race on Sunday, and she will be sworn in on Monday. The "
        "result was a warning to the ruling party, said Idris Kalman, a political scientist. "
        'Castellan had first run for mayor in 2022. "She has spent four years knocking on '
        'doors," he said.',
        # By an honorific.
        "Mr Ekner thanked his volunteers. Ms Rolvik then read the final count to Ekner. "
        '"We ran a campaign we can be proud of," he said.',
    ],
)
def test_he_is_never_a_person_the_article_calls_she(paragraph):
    _, quotes = quotes_of(paragraph)
    [quote] = [q for q in quotes if q.kind == "direct"]
    assert quote.speaker in {"person:idris-kalman", "person:ekner"}


def test_a_surname_the_model_left_untagged_is_still_its_person():
    # spaCy often tags no entity on a surname opening a sentence; the pronoun after it would
    # go to the person named before.
    _, quotes = quotes_of(
        "Mira Castellan won 51.3% of the vote. Her rival, Anton Brevic, took 42.3%.",
        "Brevic conceded shortly before 3 a.m., telling supporters at the party's headquarters "
        'that he had telephoned Castellan. "Vessenburg deserves a smooth handover," he said.',
    )
    [quote] = [q for q in quotes if q.kind == "direct"]
    assert quote.speaker == "person:anton-brevic"


@pytest.mark.parametrize(
    "paragraph",
    [
        # Background about someone else, told of a past year, between the speaker and the quote.
        "Idris Kalman, a historian at the university, said the party had lost its way. Anton "
        "Brevic won the seat in 2019 by beating Mira Castellan. “They are fighting for every "
        "street now,” he said.",
        # The one named between speaks of no one and is no subject.
        "Idris Kalman, a historian at the university, said the result was a warning. Mira "
        "Castellan had first run against Anton Brevic in 2019. “She has knocked on every door,” "
        "he said.",
    ],
)
def test_he_goes_on_with_the_speaker_across_a_line_of_background(paragraph):
    _, quotes = quotes_of(paragraph)
    [quote] = only(quotes, "direct")
    assert quote.speaker == "person:idris-kalman"


def test_the_subject_between_a_speaker_and_a_quote_may_speak_next():
    _, quotes = quotes_of(
        "Anton Brevic said the mayor should publish her letters. Mira Castellan has been asked "
        "to release them. “Let everyone release theirs,” she said."
    )
    [quote] = only(quotes, "direct")
    assert quote.speaker == "person:mira-castellan"


def test_she_after_an_unnamed_speaker_is_nobody_named_earlier():
    _, quotes = quotes_of(
        "Inspectors arrived on Tuesday, Dr Helena Varga said.",
        "About 60 people work at the kitchen. One of them, who asked not to be named, said "
        "production had carried on as normal. “Nobody told us anything,” she said.",
    )
    [quote] = only(quotes, "direct")
    assert quote.speaker_text == "she" and quote.speaker is None


@pytest.mark.parametrize(
    ("told", "unnamed"),
    [
        (
            "A 73-year-old woman in Tarnmouth told the Mercury she had lost €1,900 after a caller "
            "read out her account number.",
            True,
        ),
        # a person named in what she told is no speaker
        (
            "A 73-year-old woman in Tarnmouth told the Mercury she had lost €1,900 after a man "
            "who said he was from Halloran's fraud team read out her account number.",
            True,
        ),
        # one named outside it may be
        (
            "A 73-year-old woman in Tarnmouth, a neighbour of Anna Berg, told the Mercury she had "
            "lost €1,900 after a caller read out her account number.",
            False,
        ),
    ],
)
def test_she_opening_a_paragraph_after_an_unnamed_woman_told_of_is_nobody_named_earlier(
    told, unnamed
):
    _, quotes = quotes_of(
        "Chief executive Ines Halloran apologised to customers on Tuesday.",
        told,
        "“He knew everything about me. Why would I doubt him?” she said.",
    )
    [quote] = only(quotes, "direct")
    assert quote.speaker_text == "she" and (quote.speaker is None) is unnamed


def test_she_after_the_unnamed_womans_quote_is_still_nobody_named_earlier():
    _, quotes = quotes_of(
        "Chief executive Ines Halloran apologised to customers on Tuesday.",
        "A 73-year-old woman in Tarnmouth told the Mercury she had lost €1,900 after a caller "
        "read out her account number.",
        "“He knew everything about me. Why would I doubt him?” she said. She asked not to be "
        "named.",
    )
    [asked] = [q for q in quotes if q.cue == "asked"]
    assert asked.speaker_text.lower() == "she" and asked.speaker is None


@pytest.mark.parametrize(
    "told",
    [
        "A woman lost her savings after a man who said he was from the bank talked her into "
        "moving the money into what he called a safe account.",
        # a person named in the words that describe him is no speaker
        "A woman lost her savings after a man who said he was from Halloran's fraud team "
        "talked her into moving the money into what he called a safe account.",
    ],
)
def test_he_after_an_unnamed_man_in_the_same_sentence_is_nobody_named_earlier(told):
    _, quotes = quotes_of("Chief executive Tom Halloran apologised to customers on Tuesday.", told)
    called = [q for q in quotes if q.cue == "called"]
    assert called and all(q.speaker_text == "he" and q.speaker is None for q in called)


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        # The year is in a clause about the next speaker, not the sentence's own telling.
        (
            "Council leader Carl Ruiz said the budget was balanced. Tom Berg, who ran the council "
            "from 2010 to 2014, was less sure. “The numbers don't add up,” he said.",
            "person:tom-berg",
        ),
        # A line that introduces the next speaker is no background.
        (
            "Mayor Carl Ruiz said the bridge would open in May. The plan has angered opposition "
            "leader Tom Berg. “It is a waste of money,” he said.",
            "person:tom-berg",
        ),
        # "Her husband, who works at the plant" is no "she".
        (
            "Maria Lopez said the family had lost everything. Her husband, who works at the "
            "plant, said he had not been paid in months. “We cannot go on like this,” she said.",
            "person:maria-lopez",
        ),
    ],
)
def test_a_pronoun_after_a_line_about_the_next_speaker_is_that_speaker(paragraph, speaker):
    _, quotes = quotes_of(paragraph)
    [quote] = only(quotes, "direct")
    assert quote.speaker == speaker


def test_it_is_no_speaker_named_with_it_inside_a_word():
    # "it" stands inside "University", a name of the sentence before: no speaker.
    _, quotes = quotes_of(
        "Yvonne Castrell, who teaches public law at the University of Veskaro, said a written "
        "warning would change the picture.",
        "According to the official, who has seen the memo, it warned that a contract of that "
        'size awarded without a tender would "not survive an audit".',
    )
    partial = [q for q in quotes if q.text == "not survive an audit"]
    assert partial and all(q.speaker is None for q in partial), partial
