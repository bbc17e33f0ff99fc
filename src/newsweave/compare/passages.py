"""Quoted passages: a quote that runs over several sentences, read as one piece.

A speaker's statement often runs on: “We are being asked to sign a blank cheque. Every tram
scheme in this country has come in late,” he said. Split at its sentences, each half is a
fragment that neither opens nor closes its quote, and the second names no speaker; shown alone
in a brief, neither reads rightly. A claim on any sentence of such a passage is shown in the
words of the whole passage.
"""

from __future__ import annotations

from bisect import bisect_right

from newsweave.models import Analysis

# A passage longer than this is shown sentence by sentence: a claim's text is read in a list,
# and a quote of many sentences says several things.
MAX_SENTENCES = 5


def passages(analysis: Analysis) -> dict[int, tuple[int, int]]:
    """Sentence index → (first, last) sentence of the quoted passage it lies in: the sentences
    one paragraph gives of a direct quote, when they are two to `MAX_SENTENCES`.

    A quote over several paragraphs, each reopening its mark, is a passage a paragraph: the
    speaker goes on to another point, and the whole would be too long to show as one claim.
    """
    starts = [s.start for s in analysis.sentences]
    spans: dict[int, tuple[int, int]] = {}
    for quote in analysis.quotes:
        if quote.kind != "direct" or not starts:
            continue
        over = covered(starts, quote.start, quote.end)
        for piece in _by_paragraph(analysis, over.start, over.stop - 1):
            # Two quotes on one sentence (“A. B,” she said. “C. D.”) make one passage of both.
            low = min([piece[0]] + [spans[k][0] for k in piece if k in spans])
            high = max([piece[-1]] + [spans[k][1] for k in piece if k in spans])
            if 1 < high - low + 1 <= MAX_SENTENCES:
                spans.update(dict.fromkeys(range(low, high + 1), (low, high)))
    return spans


def covered(starts: list[int], start: int, end: int) -> range:
    """The sentences (by their `starts` offsets, in order) that text from `start` to `end`
    runs over."""
    first = max(bisect_right(starts, start) - 1, 0)
    last = max(bisect_right(starts, max(end - 1, start)) - 1, first)
    return range(first, last + 1)


def _by_paragraph(analysis: Analysis, first: int, last: int) -> list[list[int]]:
    """Sentences `first`..`last` in runs of one paragraph."""
    runs: list[list[int]] = []
    for k in range(first, last + 1):
        if runs and analysis.sentences[k].paragraph == analysis.sentences[runs[-1][-1]].paragraph:
            runs[-1].append(k)
        else:
            runs.append([k])
    return runs


def passage_text(analysis: Analysis, span: tuple[int, int]) -> str:
    """The text of sentences `span` (first, last), one space between sentences."""
    return " ".join(s.text for s in analysis.sentences[span[0] : span[1] + 1])
