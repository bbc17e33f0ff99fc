"""Dedupe: which earlier article does a new one copy or lightly rewrite?

MinHash LSH (datasketch) over word shingles proposes candidates; the exact share of the new
article's shingles found in the candidate (containment) decides: a copy (wire or syndication)
above `duplicate_containment`, a derivative rewrite above `derivative_containment`. The earlier
published article is the source.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime

from datasketch import MinHash, MinHashLSH

from newsweave.models import Article, LineageLink
from newsweave.settings import DedupeSettings

_WORD = re.compile(r"\w+")


def shingles(text: str, size: int) -> set[int]:
    """Hashed word n-grams of a text (stable across processes, unlike `hash`)."""
    words = _WORD.findall(text.lower())
    grams = (" ".join(words[i : i + size]) for i in range(max(len(words) - size + 1, 1)))
    return {
        int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "big") for g in grams
    }


@dataclass
class CopyIndex:
    """The shingles and MinHash LSH of every article seen, for near-duplicate search."""

    settings: DedupeSettings = field(default_factory=DedupeSettings)

    def __post_init__(self) -> None:
        self.lsh = MinHashLSH(
            threshold=self.settings.lsh_threshold, num_perm=self.settings.num_perm
        )
        self.shingles: dict[str, set[int]] = {}
        self.published: dict[str, datetime | None] = {}

    def minhash(self, grams: set[int]) -> MinHash:
        m = MinHash(num_perm=self.settings.num_perm)
        m.update_batch([g.to_bytes(8, "big") for g in grams])
        return m

    def add(self, article: Article) -> None:
        """Index an article (once)."""
        if article.id in self.shingles:
            return
        grams = shingles(article.text, self.settings.shingle_words)
        self.shingles[article.id] = grams
        self.published[article.id] = article.published
        self.lsh.insert(article.id, self.minhash(grams))

    def __len__(self) -> int:
        return len(self.shingles)


def dedupe(article: Article, index: CopyIndex) -> list[LineageLink]:
    """Lineage links between `article` and the indexed articles it copies or that copy it."""
    settings = index.settings
    grams = shingles(article.text, settings.shingle_words)
    if not grams:
        return []
    links: list[LineageLink] = []
    for other in index.lsh.query(index.minhash(grams)):
        if other == article.id:
            continue
        theirs = index.shingles[other]
        shared = len(grams & theirs)
        # Containment of the later article in the earlier one: a copy may trim or add a little.
        later, earlier = article.id, other
        if _earlier(article.published, index.published[other]) is True:
            later, earlier = other, article.id
        later_grams = grams if later == article.id else theirs
        score = shared / max(len(later_grams), 1)
        if score >= settings.duplicate_containment:
            kind = "duplicate"
        elif score >= settings.derivative_containment:
            kind = "derivative"
        else:
            continue
        links.append(
            LineageLink(
                article=later,
                kind=kind,
                source=earlier,
                score=round(score, 3),
                evidence=(
                    f"{score:.0%} of its {settings.shingle_words}-word shingles appear in {earlier}"
                ),
            )
        )
    return links


def _earlier(a: datetime | None, b: datetime | None) -> bool | None:
    """Is `a` earlier than `b`? None when either is unknown (the indexed one then counts first)."""
    if a is None or b is None:
        return None
    try:
        return a < b
    except TypeError:  # naive vs aware
        return a.replace(tzinfo=None) < b.replace(tzinfo=None)
