"""The loaded spaCy pipeline: the attribute ruler's look-up finds what spaCy's Matcher finds."""

from newsweave.analyze.nlp import _IndexedMatches, load

TEXTS = [
    "I think it's what you'd have done, and they did it anyway.",
    "Y'all gonna wait? Let's go, we ain't got all day, c'mon.",
    "There is nothin' here, said the mayor; there were only 'em and us.",
    "She hasn't been told whether the talks, which began on Monday, will resume.",
    "That is the one that he had wanted, though nobody could say so.",
    "  Indented text\twith  odd   spacing \n and a line break.",
    "It gets worse: he got lost, and it's been raining since.",
]


def test_the_attribute_ruler_matches_by_look_up():
    nlp = load()
    assert isinstance(nlp.get_pipe("attribute_ruler").match, _IndexedMatches)


def test_the_look_up_finds_the_same_matches_as_spacy():
    nlp = load()
    indexed = nlp.get_pipe("attribute_ruler").match
    # Matches are found before the ruler runs: on the tagger's and the parser's output.
    docs = list(nlp.pipe(TEXTS, disable=["attribute_ruler", "lemmatizer", "ner"]))
    for doc in docs:
        found = indexed(doc)
        assert found  # every token has a tag, and tags have patterns
        assert found == indexed.spacy_matches(doc), doc.text
