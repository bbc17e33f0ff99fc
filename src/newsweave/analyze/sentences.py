"""Sentences with character offsets into the article text, never crossing a paragraph."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from newsweave.analyze.nlp import doc_text
from newsweave.models import Sentence

PARAGRAPH_BREAK = "\n\n"

# A dateline the parser cut off as a sentence ("NEW YORK (Castlegate Wire) —", "BRESK,
# Kardania -"): it opens the sentence after it, and states nothing alone.
_DATELINE = re.compile(r"^[A-Z]{2,}[A-Z .'’-]*(?:,[^—–()]*)?(?:\([^)]*\))?\s*[—–-]+$")
# Only a dateline with its credit is taken off a sentence: "NATO — the alliance — said" and
# "UK - EU talks resumed" open on capitals and a dash too.
_OPENING_DATELINE = re.compile(r"^[A-Z]{2,}[A-Z .'’-]*(?:,[^—–()]*)?\([^)]*\)\s*[—–-]+\s+(?=\S)")


def opens_on_dateline(text: str) -> bool:
    """Whether a text opens on a credited dateline ("BRESK (Northgate Wire) — ...")."""
    return _OPENING_DATELINE.match(text) is not None


def without_dateline(text: str) -> str:
    """A sentence without the credited dateline it opens on ("BRESK (Northgate Wire) — A
    strong earthquake ..." reads "A strong earthquake ..."): where and by whom, not what
    happened."""
    return _OPENING_DATELINE.sub("", text, count=1)


def paragraph_starts(paragraphs: Iterable[str]) -> list[int]:
    """The offset of each paragraph in the text they make when joined by blank lines."""
    starts, offset = [], 0
    for paragraph in paragraphs:
        starts.append(offset)
        offset += len(paragraph) + len(PARAGRAPH_BREAK)
    return starts


def sentences(docs: list[Any], starts: list[int]) -> list[Sentence]:
    """Sentences of the parsed paragraphs, numbered through the article."""
    found: list[Sentence] = []
    for number, (doc, start) in enumerate(zip(docs, starts, strict=True)):
        paragraph = doc_text(doc)
        for sent in _merged(doc):
            text = paragraph[sent[0] : sent[1]]
            stripped = text.strip()
            if not stripped:
                continue
            lead = len(text) - len(text.lstrip())
            begin = start + sent[0] + lead
            found.append(
                Sentence(
                    index=len(found),
                    start=begin,
                    end=begin + len(stripped),
                    paragraph=number,
                    text=stripped,
                )
            )
    return found


def _merged(doc: Any) -> list[tuple[int, int]]:
    """spaCy's sentence spans, with a lone closing quote or bracket glued back to its sentence,
    a break inside a word ("Caliber.Az reports", "example.com") undone, and a dateline glued
    to the sentence it opens."""
    spans: list[tuple[int, int]] = []
    text = doc_text(doc)
    for sent in doc.sents:
        begin, end = sent.start_char, sent.end_char
        piece = text[begin:end].strip()
        # A full stop with a letter or digit on both sides and no space ("Caliber.Az").
        in_word = 2 <= begin < len(text) and (
            text[begin - 1] == "." and text[begin - 2].isalnum() and text[begin].isalnum()
        )
        after_dateline = spans and _DATELINE.match(text[spans[-1][0] : spans[-1][1]].strip())
        if spans and (len(piece) <= 2 or piece[:1].islower() or in_word or after_dateline):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((begin, end))
    return spans
