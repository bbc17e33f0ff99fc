"""Quote drift: one speaker's one statement, worded differently by different articles."""

from __future__ import annotations

import re
from itertools import combinations

from newsweave.models import Analysis, Quote, QuoteDrift, Variant

_WORD = re.compile(r"[\w’']+")


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def find_drift(
    analyses: list[Analysis], entity_map: dict[str, str], names: dict[str, str], threshold: float
) -> list[QuoteDrift]:
    """Pairs of quotes by one speaker in two articles that share most words but not all."""
    quotes: list[tuple[str, str, Quote]] = []
    for analysis in analyses:
        for q in analysis.quotes:
            if q.speaker and q.kind in {"direct", "partial"}:
                quotes.append((analysis.article_id, entity_map.get(q.speaker, q.speaker), q))
    drifts: list[QuoteDrift] = []
    tokens = [_words(q.text) for _, _, q in quotes]
    joined = [" ".join(t) for t in tokens]
    words = [set(t) for t in tokens]
    by_speaker: dict[str, list[int]] = {}
    for k, (_, speaker, _) in enumerate(quotes):
        by_speaker.setdefault(speaker, []).append(k)
    pairs = sorted(pair for ks in by_speaker.values() for pair in combinations(ks, 2))
    for i, j in pairs:
        (article_a, speaker_a, qa), (article_b, _, _) = quotes[i], quotes[j]
        if article_a == article_b:
            continue
        s, l_ = (i, j) if len(tokens[i]) <= len(tokens[j]) else (j, i)
        short, long_ = quotes[s][2], quotes[l_][2]
        # Quick exits before the window search, which most pairs of a big story never need: the
        # same words cut at another place are faithful quoting, and no window of the longer quote
        # can share more of the shorter's words than the whole of it does.
        if not words[s] or f" {joined[s]} " in f" {joined[l_]} ":
            continue
        if len(words[s] & words[l_]) / len(words[s]) < threshold:
            continue
        window, overlap = _best_window(tokens[s], long_.text)
        if overlap < threshold or not window:
            continue
        a_text, b_text = (short.text, window) if short is qa else (window, short.text)
        a_differs, b_differs = _differs(a_text, b_text), _differs(b_text, a_text)
        if not a_differs and not b_differs:
            continue  # the same words, only cut at another place: faithful quoting
        drifts.append(
            QuoteDrift(
                speaker=names.get(speaker_a, speaker_a),
                variants=(
                    Variant(article=article_a, text=a_text, differs=a_differs),
                    Variant(article=article_b, text=b_text, differs=b_differs),
                ),
            )
        )
    return drifts


def _best_window(short: list[str], text: str) -> tuple[str, float]:
    """The stretch of `text` that best matches the words of `short`, and how well (0–1).

    How well: the share of the short quote's words found in the stretch, which is as long as
    the short quote and two words more (so a word added or dropped does not cut it short).
    """
    tokens = list(_WORD.finditer(text))
    if not short or not tokens:
        return "", 0.0
    size = min(len(tokens), len(short) + 2)
    target = set(short)
    best, best_score = (0, size), 0.0
    for start in range(0, max(len(tokens) - size, 0) + 1):
        words = {t.group(0).lower() for t in tokens[start : start + size]}
        score = len(words & target) / len(target)
        if score > best_score:
            best, best_score = (start, start + size), score
    start, end = best
    # The padding may take in words of the next sentence: trim ends the short quote lacks.
    while end - start > 1 and tokens[start].group(0).lower() not in target:
        start += 1
    while end - start > 1 and tokens[end - 1].group(0).lower() not in target:
        end -= 1
    return text[tokens[start].start() : tokens[end - 1].end()], best_score


def _differs(text: str, other: str) -> tuple[str, ...]:
    theirs = set(_words(other))
    return tuple(w for w in _words(text) if w not in theirs)
