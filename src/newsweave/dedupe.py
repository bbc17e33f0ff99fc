"""Dedupe: which earlier article does a new one copy or lightly rewrite?

MinHash signatures (datasketch) of word shingles, banded into LSH buckets, propose candidates
(`Buckets` keeps the buckets compactly, for long streams); the exact share of the new
article's shingles found in the candidate (containment) decides: a copy (wire or syndication)
above `duplicate_containment`, a derivative rewrite above `derivative_containment`. The earlier
published article is the source.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np
from datasketch import MinHash, MinHashLSH
from numpy.typing import NDArray

from newsweave.models import Article, LineageLink
from newsweave.settings import DedupeSettings

_WORD = re.compile(r"\w+")
# datasketch's default: signatures stored before and after this constant existed agree.
MINHASH_SEED = 1


def shingles(text: str, size: int) -> set[int]:
    """Hashed word n-grams of a text (stable across processes, unlike `hash`)."""
    words = _WORD.findall(text.lower())
    grams = (" ".join(words[i : i + size]) for i in range(max(len(words) - size + 1, 1)))
    return {
        int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "big") for g in grams
    }


@dataclass(frozen=True)
class Fingerprint:
    """What the near-duplicate index keeps of one article."""

    shingles: NDArray[np.uint64]
    """Its hashed shingles, sorted and unique: eight bytes each (a Python set takes ~60)."""
    signature: NDArray[np.uint32]
    """Its MinHash values, which place it in the LSH buckets."""

    def dumps(self) -> tuple[bytes, bytes]:
        """Packed little-endian integers, for the store."""
        return self.shingles.astype("<u8").tobytes(), self.signature.astype("<u4").tobytes()

    @classmethod
    def loads(cls, shingles: bytes, signature: bytes) -> Fingerprint:
        """The fingerprint `dumps` packed."""
        return cls(
            np.frombuffer(shingles, dtype="<u8").astype(np.uint64),
            np.frombuffer(signature, dtype="<u4").astype(np.uint32),
        )


def fingerprint(text: str, settings: DedupeSettings) -> Fingerprint:
    """The shingles and MinHash signature of a text."""
    grams = shingles(text, settings.shingle_words)
    m = MinHash(num_perm=settings.num_perm, seed=MINHASH_SEED)
    m.update_batch([g.to_bytes(8, "big") for g in grams])
    array = np.fromiter(grams, dtype=np.uint64, count=len(grams))
    array.sort()
    return Fingerprint(array, m.hashvalues.astype(np.uint32))


def fingerprint_version(settings: DedupeSettings) -> str:
    """Names how `fingerprint` computes under these settings: stored ones made otherwise are
    recomputed."""
    return f"shingles.v1/{settings.shingle_words}/minhash.{settings.num_perm}.{MINHASH_SEED}"


class Buckets:
    """MinHash LSH buckets held compactly: each band of each signature becomes one 64-bit key,
    kept in a sorted array beside the article's number (12 bytes a band; datasketch's
    `MinHashLSH` spends ~300 on a bytes key and a set). Recent keys wait in a dict and are merged
    into the arrays in bulk. The bands and rows are the ones `MinHashLSH` picks for the same
    threshold, so it proposes the same candidates (a 64-bit key collision aside)."""

    MERGE_EVERY = 1 << 16
    """Keys held in the dict before they are merged into the sorted arrays."""

    def __init__(self, threshold: float, num_perm: int) -> None:
        probe = MinHashLSH(threshold=threshold, num_perm=num_perm)  # picks bands and rows
        self.bands, self.rows = probe.b, probe.r
        self.keys = np.zeros(0, dtype=np.uint64)
        self.numbers = np.zeros(0, dtype=np.int32)
        self.recent: dict[int, list[int]] = {}
        self._pending = 0
        self._salt = (np.arange(self.bands, dtype=np.uint64) + np.uint64(1)) * _GOLDEN

    def band_keys(self, signature: NDArray[np.uint32]) -> NDArray[np.uint64]:
        """One key per band: a hash of the band's number and its rows' values."""
        rows = signature[: self.bands * self.rows].astype(np.uint64)
        keys = self._salt.copy()
        for values in rows.reshape(self.bands, self.rows).T:
            # Spread the 32-bit value over 64 bits, mix it in (wrapping modulo 2**64).
            keys = (keys ^ (values * _GOLDEN)) * _MULTIPLIER
            keys ^= keys >> np.uint64(31)
        return keys

    def insert(self, number: int, signature: NDArray[np.uint32]) -> None:
        """File article `number` under each of its bands."""
        for key in self.band_keys(signature).tolist():
            self.recent.setdefault(key, []).append(number)
        self._pending += self.bands
        if self._pending >= self.MERGE_EVERY:
            self._merge()

    def query(self, signature: NDArray[np.uint32]) -> set[int]:
        """The numbers of the articles sharing at least one band with the signature."""
        keys = self.band_keys(signature)
        low = np.searchsorted(self.keys, keys, side="left")
        high = np.searchsorted(self.keys, keys, side="right")
        found = {
            n
            for a, b in zip(low.tolist(), high.tolist(), strict=True)
            if b > a
            for n in self.numbers[a:b].tolist()
        }
        for key in keys.tolist():
            found.update(self.recent.get(key, ()))
        return found

    def _merge(self) -> None:
        keys = np.array([k for k, ns in self.recent.items() for _ in ns], dtype=np.uint64)
        numbers = np.array([n for ns in self.recent.values() for n in ns], dtype=np.int32)
        order = np.argsort(keys, kind="stable")
        at = np.searchsorted(self.keys, keys[order], side="right")
        self.keys = np.insert(self.keys, at, keys[order])
        self.numbers = np.insert(self.numbers, at, numbers[order])
        self.recent.clear()
        self._pending = 0


_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_MULTIPLIER = np.uint64(0xBF58476D1CE4E5B9)


@dataclass
class CopyIndex:
    """The shingles and MinHash LSH buckets of every article seen, for near-duplicate search."""

    settings: DedupeSettings = field(default_factory=DedupeSettings)

    def __post_init__(self) -> None:
        self.buckets = Buckets(self.settings.lsh_threshold, self.settings.num_perm)
        self.shingles: dict[str, NDArray[np.uint64]] = {}
        self.published: dict[str, datetime | None] = {}
        self.ids: list[str] = []
        """Article number (in the order indexed) → article id."""

    def add(self, article: Article, fp: Fingerprint | None = None) -> None:
        """Index an article (once), by its fingerprint when the caller already has it."""
        if article.id not in self.shingles:
            fp = fp or fingerprint(article.text, self.settings)
            self.insert(article.id, article.published, fp)

    def insert(self, article: str, published: datetime | None, fp: Fingerprint) -> None:
        """Index an article by id from its fingerprint (once)."""
        if article in self.shingles:
            return
        self.shingles[article] = fp.shingles
        self.published[article] = published
        self.buckets.insert(len(self.ids), fp.signature)
        self.ids.append(article)

    def candidates(self, fp: Fingerprint) -> list[str]:
        """Indexed articles whose signature shares a band with `fp`, sorted by id."""
        return sorted(self.ids[n] for n in self.buckets.query(fp.signature))

    def __len__(self) -> int:
        return len(self.shingles)


def dedupe(article: Article, index: CopyIndex, fp: Fingerprint | None = None) -> list[LineageLink]:
    """Lineage links between `article` and the indexed articles it copies or that copy it."""
    settings = index.settings
    fp = fp or fingerprint(article.text, settings)
    grams = fp.shingles
    if not len(grams):
        return []
    links: list[LineageLink] = []
    for other in index.candidates(fp):
        if other == article.id:
            continue
        theirs = index.shingles[other]
        shared = len(np.intersect1d(grams, theirs, assume_unique=True))
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
