"""Small reads of the spaCy parse by character offsets (the parse is of doc.text itself)."""
from __future__ import annotations

from bisect import bisect_left
from typing import Any

# Penn tags of a finite verb: a span holding one is a clause, not a name or a term.
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


class Parsed:
    """The parse with a character index over its tokens."""

    def __init__(self, parse: Any):
        self.parse = parse
        self.starts = [t.idx for t in parse]

    def tokens(self, start: int, end: int) -> list[Any]:
        """Tokens that begin inside [start, end)."""
        i = bisect_left(self.starts, start)
        j = bisect_left(self.starts, end)
        return [self.parse[k] for k in range(i, j)]

    def token_at(self, offset: int) -> Any | None:
        i = bisect_left(self.starts, offset + 1) - 1
        if i < 0:
            return None
        tok = self.parse[i]
        return tok if tok.idx <= offset < tok.idx + len(tok) else None


def clause_root(tokens: list[Any]) -> Any | None:
    """The token of `tokens` whose head lies outside them (preferring a verb)."""
    ids = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i not in ids or t.head.i == t.i]
    verbs = [t for t in roots if t.pos_ in ("VERB", "AUX")]
    return (verbs or roots or [None])[0]


def has_finite_verb(tokens: list[Any]) -> bool:
    words = [t for t in tokens if not t.is_punct and not t.is_space]
    if any(t.tag_ in FINITE_TAGS for t in words):
        return True
    # An imperative ("Stop the war") opens with a bare verb.
    return bool(words) and words[0].tag_ == "VB" and words[0].pos_ == "VERB"


def span_of(tokens: list[Any]) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


TRAILING_JUNK = frozenset(",;:—–-")


def trim_punct(tokens: list[Any]) -> list[Any]:
    """Tokens without leading punctuation (opening quote marks kept) and trailing commas or dashes."""
    a, b = 0, len(tokens)
    while a < b and (tokens[a].is_space or (tokens[a].is_punct and not tokens[a].is_quote)):
        a += 1
    while b > a and (tokens[b - 1].is_space or tokens[b - 1].text in TRAILING_JUNK):
        b -= 1
    return tokens[a:b]
