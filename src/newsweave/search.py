"""Search: full-text search over article titles and bodies (SQLite FTS5, migration 003).

The store runs the query and ranks the hits (`Store.search_articles`); this module makes the
query from what a user typed and splits the snippets into fragments.

User input never reaches FTS5 as query syntax. It is cut into words (letters and digits), each
word is quoted as a string, and the quoted words are joined with spaces, which FTS5 reads as
AND. So `AND`, `NEAR`, `*`, quotes, colons and unbalanced parentheses are plain words or nothing,
never operators, and no input can raise a syntax error. One thing is kept: a word that ends in
`*` stays a prefix search (`ferr*` finds ferry and ferries).
"""

from __future__ import annotations

import re
from datetime import datetime

from pydantic import BaseModel, ConfigDict

from newsweave.store import Store

# Private-use characters mark the matched words in FTS5 snippets. They are only used to split a
# snippet into fragments; at worst a text holding them gets a wrong word marked, never markup.
_OPEN, _CLOSE = "\ue000", "\ue001"
_TERM = re.compile(r"(\w+)(\*?)")
MAX_TERMS = 16  # longer queries are cut: each term is one more FTS5 phrase to intersect


class Fragment(BaseModel):
    """A piece of a snippet; `match` is true for the words the query found."""

    model_config = ConfigDict(frozen=True)

    text: str
    match: bool = False


class SearchHit(BaseModel):
    """One article that matches a query, best first."""

    model_config = ConfigDict(frozen=True)

    article: str
    title: str
    outlet: str
    published: datetime | None
    story: str | None
    snippet: tuple[Fragment, ...]
    score: float


def fts_query(text: str) -> str:
    """The FTS5 query for what a user typed: every word quoted, all of them required."""
    terms = []
    for word, star in _TERM.findall(text)[:MAX_TERMS]:
        terms.append(f'"{word}"' + ("*" if star else ""))
    return " ".join(terms)


def search(store: Store, query: str, limit: int = 20, offset: int = 0) -> list[SearchHit]:
    """Articles whose title or text holds every word of `query`, best first."""
    match = fts_query(query)
    if not match:
        return []
    return [
        SearchHit.model_validate({**hit._asdict(), "snippet": fragments(hit.snippet)})
        for hit in store.search_articles(match, (_OPEN, _CLOSE), limit, offset)
    ]


def fragments(snippet: str) -> tuple[Fragment, ...]:
    """Split an FTS5 snippet at its match markers into plain and matched fragments."""
    parts: list[Fragment] = []
    inside = False
    for piece in re.split(f"([{_OPEN}{_CLOSE}])", snippet):
        if piece in (_OPEN, _CLOSE):
            inside = piece == _OPEN
        elif piece:
            parts.append(Fragment(text=piece, match=inside))
    return tuple(parts)
