"""Who said it: one statement that different articles give to different people.

"“We will rebuild every home,” said the mayor, Ann Wold" in one report and the same words
"said Fire Chief Tom Reyes" in another cannot both be right. A quote is one statement in two
articles when one article's words stand in the other's (`drift.matching`, stricter than quote
drift's bar), and long enough that two people are unlikely to have said it apart.
"""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import combinations_with_replacement, product

from scipy.cluster.hierarchy import DisjointSet

from newsweave.analyze.roles import is_role_only
from newsweave.compare.conflicts import sided
from newsweave.compare.drift import matching, words
from newsweave.models import Analysis, Conflict, ConflictValue, Entity, Quote

# The words two quotes must share, in a window of the longer (see `drift.matching`): most of a
# sentence said once, not a slogan two people both repeat.
SAME_WORDS = 0.8
# Words of the shorter quote at the least: "We will not give up" may be said by anyone.
FEWEST_WORDS = 8


def misattributed(
    analyses: list[Analysis], entity_map: dict[str, str], entities: list[Entity]
) -> list[Conflict]:
    """Statements that two or more articles quote in the same words from different people.

    Only people count: "the fire service said" and "said a fire service spokeswoman, Jane Doe"
    give one statement to the body and to its voice. An article that names the other speaker
    beside the quote ("Echoing the mayor, Reyes said ...", "as Wold put it") is quoting a
    quote, not telling another speaker.
    """
    # Named people only: an office ("the mayor") or a lone surname another article may give
    # to someone else is no one to set against a name.
    people = {
        e.id: e for e in entities if e.type == "person" and " " in e.name and not is_role_only(e)
    }
    quotes: list[tuple[Analysis, str, Quote]] = [
        (analysis, speaker, q)
        for analysis in analyses
        for q in analysis.quotes
        if q.kind == "direct"
        and len(words(q.text)) >= FEWEST_WORDS
        and q.speaker
        and (speaker := entity_map.get(q.speaker, q.speaker)) in people
    ]
    # One statement may be quoted by many articles: join the pairs into groups.
    group = DisjointSet(range(len(quotes)))
    # A big story quotes each statement in the same words many times: texts are compared once.
    same_text: dict[str, list[int]] = defaultdict(list)
    for k, (_, _, q) in enumerate(quotes):
        same_text[q.text].append(k)
    tellings = list(same_text.values())
    said = [set(words(quotes[ks[0]][2].text)) for ks in tellings]
    for x, y in combinations_with_replacement(range(len(tellings)), 2):
        first, second = quotes[tellings[x][0]][2], quotes[tellings[y][0]][2]
        if x != y and not _one_statement(first, second, said[x], said[y]):
            continue
        for i, j in product(tellings[x], tellings[y]):
            (a, one, _), (b, other, _) = quotes[i], quotes[j]
            # One speaker's quotes are drift's business.
            if a.article_id != b.article_id and one != other:
                group.merge(i, j)
    conflicts = []
    for ks in group.subsets():
        told = [quotes[k] for k in sorted(ks)]
        speakers = {speaker for _, speaker, _ in told}
        if len(speakers) < 2 or any(
            _names_beside(analysis, q, speakers - {speaker}, entity_map)
            for analysis, speaker, q in told
        ):
            continue
        conflict = _conflict(told, people)
        if len({v.reading for v in conflict.values}) > 1:
            conflicts.append(conflict)
    return conflicts


def _one_statement(a: Quote, b: Quote, said_a: set[str], said_b: set[str]) -> bool:
    """Whether two quotes (`said_a` and `said_b` their words) render one statement: most
    pairs share too few words to look further."""
    if len(said_a & said_b) < SAME_WORDS * min(len(said_a), len(said_b)):
        return False
    matched = matching(a, b, SAME_WORDS)
    return matched is not None and matched[1] >= FEWEST_WORDS


# Words that tell one speaker repeating another's words.
_ECHO = re.compile(
    r"\b(?:echo\w*|repeat\w*|agree\w*|same|words|borrow\w*|quot\w*)\b", re.IGNORECASE
)


def _names_beside(
    analysis: Analysis, quote: Quote, others: set[str], entity_map: dict[str, str]
) -> bool:
    """Whether the article names any of `others` in the quote's sentence or the one either
    side, other than as the speaker of a statement of their own there ("“We can hear them
    ...,” said Dunholt. Tothery said his teams were cutting ..."): that names two speakers of
    two statements, not a quote of a quote, unless words of echoing stand beside (`_ECHO`)."""
    near = range(quote.sentence - 1, quote.sentence + 2)
    # Where other statements' speakers are named: the tags of this one's neighbours, unless
    # words of echoing stand beside ("Echoing him, Radley said", "had said the same").
    if any(_ECHO.search(s.text) for s in analysis.sentences if s.index in near):
        tags = []
    else:
        tags = [
            (q.speaker_start, q.speaker_end)
            for q in analysis.quotes
            if q.speaker_start is not None
            and q.speaker_end is not None
            and q.speaker_start != quote.speaker_start
        ]
    return any(
        m.sentence in near
        and entity_map.get(m.entity, m.entity) in others
        and not any(start <= m.start < end for start, end in tags)
        for m in analysis.mentions
    )


def _conflict(told: list[tuple[Analysis, str, Quote]], people: dict[str, Entity]) -> Conflict:
    """The conflict over who said a statement: each article's speaker, by the story's name for
    them, with the sentence that quotes them; the statement named by its shortest telling."""
    words = min((q.text for _, _, q in told), key=len).split()
    opening = " ".join(words[:8]) + ("…" if len(words) > 8 else "")
    given: dict[str, ConflictValue] = {}
    for analysis, speaker, q in told:  # an article's first quote of it
        given.setdefault(
            analysis.article_id,
            ConflictValue(
                article=analysis.article_id,
                value=people[speaker].name,
                text=analysis.sentences[q.sentence].text,
                reading=speaker,
            ),
        )
    return sided(f"who said “{opening}”", list(given.values()), kind="speaker")
