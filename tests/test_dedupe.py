"""Near-duplicate search: the compact LSH buckets answer as datasketch's MinHashLSH does."""

from __future__ import annotations

import random

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from newsweave.dedupe import Buckets, CopyIndex, Fingerprint, dedupe, fingerprint
from newsweave.models import Article
from newsweave.settings import DedupeSettings


def _signature(items: set[int], num_perm: int) -> Fingerprint:
    m = MinHash(num_perm=num_perm)
    m.update_batch([i.to_bytes(8, "big") for i in items])
    return Fingerprint(np.array(sorted(items), dtype=np.uint64), m.hashvalues.astype(np.uint32))


def test_the_buckets_propose_the_candidates_minhashlsh_proposes() -> None:
    rng = random.Random(4)
    # Sets that overlap a little, a lot or not at all, as texts do.
    bases = [set(rng.sample(range(10**9), 300)) for _ in range(40)]
    sets = []
    for base in bases:
        for keep in (1.0, 0.8, 0.5, 0.2):
            kept = set(rng.sample(sorted(base), int(len(base) * keep)))
            sets.append(kept | set(rng.sample(range(10**9), 300 - len(kept))))
    for threshold in (0.2, 0.5):
        lsh = MinHashLSH(threshold=threshold, num_perm=128)
        buckets = Buckets(threshold, 128)
        buckets.MERGE_EVERY = 500  # merge often, so both the arrays and the dict are searched
        scheme = MinHash(num_perm=1).scheme
        for number, items in enumerate(sets):
            fp = _signature(items, 128)
            lsh.insert(number, LeanMinHash(seed=1, hashvalues=fp.signature, scheme=scheme))
            buckets.insert(number, fp.signature)
        proposed = 0
        for items in sets:
            fp = _signature(items, 128)
            expected = set(lsh.query(LeanMinHash(seed=1, hashvalues=fp.signature, scheme=scheme)))
            assert buckets.query(fp.signature) == expected
            proposed += len(expected)
        # Beyond itself, a set finds those of its group that overlap it enough.
        assert proposed > 1.2 * len(sets)


def _article(number: int, text: str) -> Article:
    return Article(
        id=f"a{number:011d}",
        source=f"{number}.txt",
        url=None,
        canonical_url=None,
        outlet=f"Outlet {number}",
        title="Title",
        text=text,
        paragraphs=(text,),
        content_hash=f"h{number}",
    )


def test_a_wire_copy_is_found_after_a_store_round_trip() -> None:
    rng = random.Random(2)
    words = [f"w{rng.randrange(5_000)}" for _ in range(400)]
    source = _article(1, " ".join(words))
    copy = _article(2, " ".join([*words[:380], "contributed", "reporting"]))
    other = _article(3, " ".join(rng.sample(words, 400)))
    settings = DedupeSettings()
    index = CopyIndex(settings)
    for article in (source, other):
        stored = Fingerprint.loads(*fingerprint(article.text, settings).dumps())
        index.insert(article.id, article.published, stored)
    links = dedupe(copy, index)
    assert [(link.source, link.kind) for link in links] == [(source.id, "duplicate")]
