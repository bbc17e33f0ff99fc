"""Which people an article calls "he" and which "she", read off the article itself.

A speaker tag "he said" cannot be a person the article calls "she". The article says who is
who: by an honorific ("Mr Ekner", "Ms Rolvik"), and by a pronoun in a sentence that names one
person before it, outside any quote ("Farrant promised to finish the extension begun by his
predecessor"). A person with evidence both ways, or none, has no gender here; no guess is made
from a first name.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable

from newsweave.models import Mention, Sentence

_PRONOUN = re.compile(r"\b(?:(he|him|his|himself)|(she|her|hers|herself))\b", re.IGNORECASE)
# An honorific right before a name: "Mr Ekner", "Ms. Rolvik".
_HONORIFIC = re.compile(r"\b(?:(Mr)|(Mrs|Ms|Miss))\.? (?=[A-Z])")


def genders(
    text: str,
    sentences: list[Sentence],
    mentions: list[Mention],
    quoted: Callable[[int], bool],
) -> dict[str, str]:
    """Person entity id → "he" or "she", where the article's words say so and never both ways.

    `quoted(offset)` says whether an offset lies inside quote marks: there "she" may be anyone
    the speaker talks of.
    """
    people = [m for m in mentions if m.entity.startswith("person:") and not quoted(m.start)]
    starts = [m.start for m in people]
    votes: dict[str, Counter[str]] = {}

    def vote(word: re.Match[str], at: int, named: list[Mention]) -> None:
        if len({m.entity for m in named}) == 1 and not quoted(at):
            votes.setdefault(named[0].entity, Counter())["he" if word.group(1) else "she"] += 1

    for sentence in sentences:
        words = text[sentence.start : sentence.end]
        for word in _HONORIFIC.finditer(words):
            at, end = sentence.start + word.start(), sentence.start + word.end()
            vote(word, at, [m for m in people if m.start in (at, end)])  # "Mr Ekner", either way
        for word in _PRONOUN.finditer(words):
            at = sentence.start + word.start()
            vote(  # the people named before it in its sentence
                word,
                at,
                [m for m in people[: bisect_right(starts, at)] if m.start >= sentence.start],
            )
    return {entity: next(iter(c)) for entity, c in votes.items() if len(c) == 1}
