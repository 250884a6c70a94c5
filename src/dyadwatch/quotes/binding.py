"""Who a speaking pronoun cannot be, from its own sentence (issue 13, fifth round).

News names a second official beside the speaker: "Under questioning from Senator X, he
conceded ...", "After meeting President Y, she said ...", "President Z, he added, would
attend ...". The pronoun is the subject of the verb of saying; the person named as the object
inside a modifier set before it is the other party (the one questioning, the one met), and the
subject of the clause a parenthetical "he added" interrupts is what is reported, not who reports
it. Such names are no antecedents. A person who is the subject of a preposed clause of their
own ("After X landed, he said") may be, and stays one.
"""
from __future__ import annotations

from typing import Any

SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# Dependents of the verb of saying, set before its subject, that hold another party.
MODIFIER_DEPS = frozenset({"prep", "advcl", "npadvmod", "advmod", "agent"})


def barred_antecedents(pronoun: Any) -> list[tuple[int, int]]:
    """Character spans of the names in the pronoun's sentence that it cannot stand for."""
    if pronoun.dep_ not in SUBJECTS:
        return []
    verb = pronoun.head
    barred = []
    for child in verb.children:
        if child.i < pronoun.i and child.dep_ in MODIFIER_DEPS:
            barred += [_span(t) for t in child.subtree if _names(t) and not _subject_within(t, child)]
    if verb.dep_ == "parataxis" and verb.head.i > verb.i:
        # "President Z, he added, would attend": Z is what he added
        barred += [_span(t) for t in verb.head.subtree if t.i < verb.left_edge.i and _names(t)]
    return barred


def _names(tok: Any) -> bool:
    return tok.ent_type_ == "PERSON" or tok.pos_ == "PROPN"


def _span(tok: Any) -> tuple[int, int]:
    return tok.idx, tok.idx + len(tok)


def _subject_within(tok: Any, top: Any) -> bool:
    """Is `tok` part of a clause subject on its way up to `top`?"""
    while True:
        if tok.dep_ in SUBJECTS:
            return True
        if tok.i == top.i or tok.head.i == tok.i:
            return False
        tok = tok.head
