"""Dictionary matching over spaCy tokens: the longest known phrase wins, left to right."""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from .kb import KnowledgeBase, Surface, phrase_key

# Short function words that may stay lower case inside a proper name ("Ministry of Defence").
NAME_FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "de", "al", "el", "in", "on", "bin", "da", "van", "von", "der", "du", "la", "le", "-", "'s", "&"})


@dataclass(frozen=True)
class Match:
    start: int  # token index
    end: int  # token index, exclusive
    surface: Surface
    key: str


# Marks that may sit inside a name ("Euro-Asian", "AT&T") keep a key of their own.
INNER_MARKS = frozenset({"-", "&", "/", "+", "'", "’"})


def token_keys(doc: Any) -> list[str]:
    """One comparison key per token; "" for spaces and punctuation, which end any name."""
    return [(t.text if t.text in INNER_MARKS else phrase_key(t.text)) if not t.is_space else "" for t in doc]


@functools.lru_cache(maxsize=4)
def _prefixes(kb_id: int, kb: KnowledgeBase) -> frozenset[str]:
    out = set()
    for key in kb.surfaces:
        out.add(key)
        for i, char in enumerate(key):
            if char in " -'.":
                out.add(key[:i])  # where a token may end: "people" before "'s", "euro" before "-"
            if char in "-.":
                out.add(key[: i + 1])
    return frozenset(out)


def cased_like_name(doc: Any, start: int, end: int) -> bool:
    """Every content word of the span starts with a capital (or is an acronym/number)."""
    for tok in doc[start:end]:
        low = tok.text.lower()
        if low in NAME_FUNCTION_WORDS or not any(c.isalpha() for c in tok.text):
            continue
        if not (tok.text[0].isupper() or tok.text[0].isdigit()):
            return False
    return True


def find_matches(doc: Any, kb: KnowledgeBase, keys: list[str] | None = None) -> list[Match]:
    """Non-overlapping dictionary matches, longest first at each position."""
    keys = keys if keys is not None else token_keys(doc)
    prefixes = _prefixes(id(kb), kb)
    n = len(doc)
    found: list[Match] = []
    i = 0
    while i < n:
        best: Match | None = None
        if keys[i] and keys[i] in prefixes:
            # a single key per span: tokens joined with the spaces the text has
            for j in range(i + 1, min(n, i + kb.max_words * 3) + 1):
                if not keys[j - 1]:
                    break
                key = span_key(doc, keys, i, j)
                attached = j < n and not doc[j - 1].whitespace_  # "People" + "'s": the word goes on
                if not attached and key not in prefixes:
                    break
                surfaces = kb.surfaces.get(key)
                if surfaces and (not surfaces[0].case_sensitive or cased_like_name(doc, i, j)):
                    if _ends_cleanly(doc, j):
                        best = Match(i, j, surfaces[0], key)
        if best is not None and _inside_longer_name(doc, best):
            best = None
        if best is not None:
            found.append(best)
            i = best.end
        else:
            i += 1
    return found


NAME_LABELS = frozenset({"ORG", "FAC", "GPE", "LOC", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT"})


def _inside_longer_name(doc: Any, match: Match) -> bool:
    """ "the West" in "the West Bank", "Tehran" in "Tehran Times": a longer name NER found
    goes on past the match with a capitalised word, so the match is only part of it."""
    tok = doc[match.end - 1]
    if match.end >= len(doc) or tok.ent_type_ not in NAME_LABELS or doc[match.end].ent_iob_ != "I":
        return False
    nxt = doc[match.end]
    return nxt.text[:1].isupper() and nxt.is_alpha


def span_key(doc: Any, keys: list[str], start: int, end: int) -> str:
    """The comparison key of tokens [start, end): as `phrase_key` gives for their text."""
    out = keys[start]
    for i in range(start + 1, end):
        out += (" " if doc[i - 1].whitespace_ else "") + keys[i]
    return out.replace("'", "").replace("’", "")


def _ends_cleanly(doc: Any, j: int) -> bool:
    """A match must not stop in the middle of a hyphenated word ("Russian" in "Russian-Turkish")."""
    if j >= len(doc):
        return True
    nxt = doc[j]
    return not (nxt.text == "-" and not doc[j - 1].whitespace_)
