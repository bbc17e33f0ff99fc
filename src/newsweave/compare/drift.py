"""Quote drift: one speaker's one statement, worded differently by different articles."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations

from newsweave.models import Analysis, Quote, QuoteDrift, Sentence, Variant

_WORD = re.compile(r"[\w’']+")


@lru_cache(maxsize=1 << 13)
def words(text: str) -> tuple[str, ...]:
    """The lower-cased words of a text, as quotes are compared."""
    # Cached: a big story pairs each speaker's few quotes with one another many times over.
    return tuple(w.lower() for w in _WORD.findall(text))


@lru_cache(maxsize=1 << 13)
def _joined(text: str) -> str:
    return " ".join(words(text))


@dataclass(frozen=True)
class Statement:
    """One speaker's one statement quoted by two articles: the quotes and the words that match."""

    speaker: str
    """The speaker's story-wide entity id."""
    quotes: tuple[tuple[str, Quote], tuple[str, Quote]]
    """(article id, quote) for each of the two articles."""
    texts: tuple[str, str]
    """The matching words of each quote (the whole shorter quote, its window of the longer)."""
    words: int
    """How many words match: the length of the shorter text."""
    sentences: tuple[int, int]
    """The sentence of each article where its matching words begin: a quote may run over
    several sentences, and another article may quote only the last of them."""

    @property
    def differs(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The words of each text that the other lacks."""
        a, b = self.texts
        return _differs(a, b), _differs(b, a)


def same_statements(
    analyses: list[Analysis], entity_map: dict[str, str], threshold: float
) -> list[Statement]:
    """Pairs of quotes by one speaker in two articles that share most of their words
    (`matching`)."""
    quotes: list[tuple[str, str, Quote]] = []
    sentences = {a.article_id: a.sentences for a in analyses}
    for analysis in analyses:
        for q in analysis.quotes:
            if q.speaker and q.kind in {"direct", "partial"}:
                quotes.append((analysis.article_id, entity_map.get(q.speaker, q.speaker), q))
    by_speaker: dict[str, list[int]] = {}
    for k, (_, speaker, _) in enumerate(quotes):
        by_speaker.setdefault(speaker, []).append(k)
    # Where a stretch of a quote begins, by (stretch, quote): in a big story each quote meets
    # the same few wordings of its statement in many articles.
    starts: dict[tuple[str, int], int] = {}

    def start_of(text: str, k: int) -> int:
        if (text, k) not in starts:
            article, _, quote = quotes[k]
            starts[(text, k)] = _sentence_of(text, quote, sentences[article])
        return starts[(text, k)]

    found: list[Statement] = []
    for i, j in sorted(pair for ks in by_speaker.values() for pair in combinations(ks, 2)):
        (article_a, speaker, qa), (article_b, _, qb) = quotes[i], quotes[j]
        if article_a == article_b or (matched := matching(qa, qb, threshold)) is None:
            continue
        texts, size = matched
        at = (start_of(texts[0], i), start_of(texts[1], j))
        found.append(Statement(speaker, ((article_a, qa), (article_b, qb)), texts, size, at))
    return found


def matching(a: Quote, b: Quote, threshold: float) -> tuple[tuple[str, str], int] | None:
    """The words of two quotes that render one statement, each in its own quote's words, and how
    many words match (the shorter text's length); None when they are not one statement.

    A quote whose words all stand in the other quote, in order, is faithful quoting; otherwise
    the best window of the longer quote must hold `threshold` of the shorter one's words.
    """
    return _matching(a.text, b.text, threshold)


# Cached: a big story quotes each statement in the same words in many articles, and each
# refresh pairs them all again.
@lru_cache(maxsize=1 << 14)
def _matching(a: str, b: str, threshold: float) -> tuple[tuple[str, str], int] | None:
    ta, tb = words(a), words(b)
    if not ta or not tb:
        return None
    (short, ts), (long_, tl) = ((a, ta), (b, tb)) if len(ta) <= len(tb) else ((b, tb), (a, ta))
    # Quick exits before the window search, which most pairs of a big story never need: the
    # same words cut at another place are faithful quoting, and no window of the longer quote
    # can share more of the shorter's words than the whole of it does.
    if f" {_joined(short)} " in f" {_joined(long_)} ":
        window, size = short, len(ts)
    elif len(set(ts) & set(tl)) / len(set(ts)) < threshold:
        return None
    else:
        window, overlap = _best_window(ts, long_)
        if overlap < threshold or not window:
            return None
        size = min(len(ts), len(words(window)))
    return ((short, window) if short is a else (window, short)), size


def _sentence_of(text: str, quote: Quote, sentences: Sequence[Sentence]) -> int:
    """The sentence where `text`, a stretch of `quote`'s words, begins.

    Found by words, not characters: another article's copy may differ in punctuation, and a
    quote that runs over paragraphs is stored without the marks and line breaks between them.
    """
    part, whole = words(text), words(quote.text)
    skip = next(
        (i for i in range(len(whole) - len(part) + 1) if whole[i : i + len(part)] == part), 0
    )
    for sentence in sentences[quote.sentence :]:
        start = max(quote.start - sentence.start, 0)
        here = len(_WORD.findall(sentence.text[start:]))
        if skip < here:
            return sentence.index
        skip -= here
    return quote.sentence


def find_drift(statements: list[Statement], names: dict[str, str]) -> list[QuoteDrift]:
    """The statements whose two quotes differ in words (`names`: entity id to name)."""
    drifts: list[QuoteDrift] = []
    seen: set[tuple[str, frozenset[str]]] = set()
    for statement in statements:
        a_differs, b_differs = statement.differs
        if not a_differs and not b_differs:
            continue  # the same words, perhaps cut at another place: faithful quoting
        told = (statement.speaker, frozenset(statement.texts))
        if told in seen:
            continue  # a copy's quote against the same other wording: told once
        seen.add(told)
        (article_a, _), (article_b, _) = statement.quotes
        drifts.append(
            QuoteDrift(
                speaker=names.get(statement.speaker, statement.speaker),
                variants=(
                    Variant(article=article_a, text=statement.texts[0], differs=a_differs),
                    Variant(article=article_b, text=statement.texts[1], differs=b_differs),
                ),
            )
        )
    return drifts


def _best_window(short: tuple[str, ...], text: str) -> tuple[str, float]:
    """The stretch of `text` that best matches the words of `short`, and how well (0–1).

    How well: the share of the short quote's words found in the stretch, which is as long as
    the short quote and a third more (two words at least): a paraphrase runs longer than what
    it renders ("return to service" for "put a single vessel back in the water").
    """
    tokens = list(_WORD.finditer(text))
    if not short or not tokens:
        return "", 0.0
    size = min(len(tokens), len(short) + max(2, len(short) // 3))
    target = set(short)
    best, best_score = (0, size), 0.0
    for start in range(0, max(len(tokens) - size, 0) + 1):
        words = {t.group(0).lower() for t in tokens[start : start + size]}
        score = len(words & target) / len(target)
        if score > best_score:
            best, best_score = (start, start + size), score
    start, end = best
    # The padding may take in words of the next sentence: trim ends the short quote lacks,
    # unless the window reaches the quote's own end ("... poorer than they were").
    while start > 0 and end - start > 1 and tokens[start].group(0).lower() not in target:
        start += 1
    while end < len(tokens) and end - start > 1 and tokens[end - 1].group(0).lower() not in target:
        end -= 1
    return text[tokens[start].start() : tokens[end - 1].end()], best_score


@lru_cache(maxsize=1 << 14)
def _differs(text: str, other: str) -> tuple[str, ...]:
    theirs = set(words(other))
    return tuple(w for w in words(text) if w not in theirs)
