"""Near-duplicate articles: wire copies, reposts and updated versions grouped into stories.

Each text becomes a set of word shingles (overlapping runs of words); MinHash estimates
the Jaccard similarity of two sets from short signatures, and LSH banding finds the pairs
likely to be similar without comparing every pair, so the cost grows with the number of
documents, not its square. Candidate pairs are confirmed on their estimated similarity.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

from datasketch import MinHash, MinHashLSH

from .groups import Groups
from .records import ArticleText, Story

# Words per shingle. Four-word runs survive the light edits of rewrites (a changed
# adjective breaks four shingles, not a whole sentence) while staying rare enough that two
# different reports on one topic share few of them; calibrated on the copy, update and
# different-report texts of tests/test_link_dedup.py.
SHINGLE_WORDS = 4

# MinHash signature length: the standard error of the Jaccard estimate is about
# 1/sqrt(NUM_PERM) = 0.09 at 128, enough to tell copies (>0.6) from distinct reports (<0.2).
NUM_PERM = 128

# Estimated Jaccard similarity of shingle sets at or above which two texts are one story.
# A wire copy with its own headline and footer scores above 0.8, an update that adds a
# paragraph or two to a report 0.5 to 0.8, two outlets' own reports on one happening below
# 0.2 (measured on the texts of tests/test_link_dedup.py).
DUPLICATE_JACCARD = 0.5

WORD = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> list[str]:
    """Lower-case word tokens of a text (punctuation, case and spacing do not matter for copies)."""
    return WORD.findall(text.lower())


def shingles(tokens: list[str], size: int = SHINGLE_WORDS) -> set[bytes]:
    """Overlapping runs of `size` words, encoded; a text shorter than that is one shingle."""
    if not tokens:
        return set()
    if len(tokens) <= size:
        return {" ".join(tokens).encode("utf-8")}
    return {" ".join(tokens[i : i + size]).encode("utf-8") for i in range(len(tokens) - size + 1)}


def signature(tokens: list[str]) -> MinHash:
    mh = MinHash(num_perm=NUM_PERM, seed=1)
    mh.update_batch(list(shingles(tokens)))
    return mh


def story_order(article: ArticleText) -> tuple[int, str, str]:
    """Earliest published first (unknown dates last), then by id, so the first copy names the story."""
    return (0 if article.published else 1, article.published or "", article.doc_id)


def find_stories(articles: Iterable[ArticleText]) -> list[Story]:
    """Every article with the story it belongs to; one story per group of near-duplicates."""
    ordered = sorted(articles, key=story_order)
    lsh = MinHashLSH(threshold=DUPLICATE_JACCARD, num_perm=NUM_PERM)
    groups: Groups[str] = Groups()
    sigs: dict[str, MinHash] = {}
    exact: dict[str, str] = {}
    for art in ordered:
        groups.add(art.doc_id)
        tokens = words(art.text)
        if not tokens:
            continue
        digest = hashlib.sha256(" ".join(tokens).encode("utf-8")).hexdigest()
        if digest in exact:
            groups.union(exact[digest], art.doc_id)
            sigs[art.doc_id] = sigs[exact[digest]]
            continue
        exact[digest] = art.doc_id
        sig = signature(tokens)
        for other in lsh.query(sig):
            if sig.jaccard(sigs[other]) >= DUPLICATE_JACCARD:
                groups.union(other, art.doc_id)
        lsh.insert(art.doc_id, sig)
        sigs[art.doc_id] = sig
    order = {a.doc_id: i for i, a in enumerate(ordered)}
    stories: list[Story] = []
    for members in groups.members().values():
        first = min(members, key=order.__getitem__)
        for doc_id in members:
            if doc_id == first:
                sim = 1.0
            elif doc_id in sigs and first in sigs:
                sim = round(float(sigs[doc_id].jaccard(sigs[first])), 3)
            else:
                sim = 0.0
            stories.append(Story(doc_id=doc_id, story_id=first, similarity=sim))
    return sorted(stories, key=lambda s: order[s.doc_id])
