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


def test_products_on_numpy_give_the_same_analysis_as_thincs_own():
    from thinc.api import NumpyOps

    from newsweave.analyze.matmul import MatmulOps, one_blas_thread

    nlp = load()
    models = [pipe.model for _, pipe in nlp.pipeline if getattr(pipe, "model", None) is not None]
    layers = [layer for model in models for layer in model.walk()]
    assert all(isinstance(layer.ops, MatmulOps) for layer in layers)

    def parse() -> list:
        with one_blas_thread():
            docs = list(nlp.pipe(TEXTS))
        return [
            [(t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_, t.lemma_) for t in doc]
            for doc in docs
        ]

    ours = parse()
    swapped = [layer.ops for layer in layers]
    try:
        for layer in layers:
            layer.ops = NumpyOps()
        assert parse() == ours
    finally:
        for layer, ops in zip(layers, swapped, strict=True):
            layer.ops = ops


def test_a_docs_text_is_joined_once():
    from newsweave.analyze.nlp import doc_text

    doc = load()(TEXTS[0])
    assert doc_text(doc) == doc.text
    assert doc_text(doc) is doc_text(doc)
