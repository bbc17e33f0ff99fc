"""Quote drift: one speaker's one statement, worded differently by different articles."""

from __future__ import annotations

import re

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
    seen: set[tuple[int, int]] = set()
    for i, (article_a, speaker_a, qa) in enumerate(quotes):
        for j in range(i + 1, len(quotes)):
            article_b, speaker_b, qb = quotes[j]
            if article_a == article_b or speaker_a != speaker_b or (i, j) in seen:
                continue
            short, long_ = (qa, qb) if len(_words(qa.text)) <= len(_words(qb.text)) else (qb, qa)
            window, overlap = _best_window(_words(short.text), long_.text)
            if overlap < threshold or not window:
                continue
            a_text, b_text = (short.text, window) if short is qa else (window, short.text)
            a_differs, b_differs = _differs(a_text, b_text), _differs(b_text, a_text)
            if not a_differs and not b_differs:
                continue  # the same words, only cut at another place: faithful quoting
            seen.add((i, j))
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
    """The stretch of `text` that best matches the words of `short`, and how well (0–1)."""
    tokens = list(_WORD.finditer(text))
    if not short or not tokens:
        return "", 0.0
    size = min(len(tokens), len(short) + 2)
    target = set(short)
    best, best_score = (0, size), 0.0
    for start in range(0, max(len(tokens) - size, 0) + 1):
        words = {t.group(0).lower() for t in tokens[start : start + size]}
        score = len(words & target) / len(target | words)
        if score > best_score:
            best, best_score = (start, start + size), score
    first, last = tokens[best[0]], tokens[best[1] - 1]
    return text[first.start() : last.end()], best_score


def _differs(text: str, other: str) -> tuple[str, ...]:
    theirs = set(_words(other))
    return tuple(w for w in _words(text) if w not in theirs)
