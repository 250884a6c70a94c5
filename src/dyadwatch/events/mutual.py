"""Sides of acts done together: the subjects of a mutual act each acting on the other, and the
allies of an armed act done jointly.

- "Ankara and Baku signed an accord": each signs with the other, one event per direction; a
  person and the state they speak for are one side.
- "launched a joint offensive with X against Y": X fights beside the source (CAMEO 062,
  military cooperation) and is never the target; Y is the one attacked.
"""
from __future__ import annotations

from ..models import Actor, Document
from .args import Frame
from .patterns import Pattern
from .parties import MUTUAL_ROOTS
from .sides import actors_of
from .unnamed import VIOLENT_ROOTS

# The words that make an armed act joint, and the code of fighting beside someone.
JOINT_WORDS = frozenset({"joint", "combined", "coordinated"})
MILITARY_COOPERATION_CODE = "062"
# Prepositions whose object is the one an agreed act is done to or with ("agreed to send aid
# to X", "agreed to work with X"): such a party is the act's target, not a detail of it.
ADDRESSEE_PREPS = frozenset({"to", "with", "for", "toward", "towards", "on"})


def mutual_pairs(sources: list[Actor]) -> list[tuple[Actor | None, Actor | None]]:
    """Every ordered pair of the subjects of a mutual act, each side acting on each other side.
    A person and the state they speak for are one side ("Hun Manet and his Lao counterpart":
    Laos and its minister do not meet each other)."""
    def one_side(a: Actor, b: Actor) -> bool:
        return a.country is not None and a.country == b.country and "COUNTRY" in (a.type, b.type)
    return [(a, b) for a in sources for b in sources if a.id != b.id and not one_side(a, b)]


def joint_sides(doc: Document, p: Pattern, f: Frame, sources: list[Actor]) -> tuple[list[Actor], list[Actor]]:
    """(allies, the attacked) of an armed act done jointly "with" others ("launched a joint
    offensive with X against Y"): those it is done with are never its target. The parse may
    hang "against Y" on the allies' phrase, so it is looked for under the act's theme."""
    if p.code[:2] not in VIOLENT_ROOTS:
        return [], []
    heads = [f.pred] if p.nominal else list(f.themes)
    if not any(c.lemma_.lower() in JOINT_WORDS for h in heads for c in h.children if c.dep_ in ("amod", "compound")):
        return [], []
    own = {a.id for a in sources}
    partners: list[Actor] = []
    opposed: list[Actor] = []
    for h in heads:
        for t in h.subtree:
            if t.dep_ != "prep" or t.lower_ not in ("with", "against"):
                continue
            side = partners if t.lower_ == "with" else opposed
            for o in t.children:
                if o.dep_ == "pobj":
                    side += [a for a in actors_of(doc, o) if a.id not in own and all(a.id != b.id for b in side)]
    return partners, opposed


def agreed_between_subjects(doc: Document, p: Pattern, f: Frame, sources: list[Actor], targets: list[Actor]) -> bool:
    """Is a mutual act of several subjects done with each other although a third party is
    named in what they agreed to ("Japan and South Korea agreed to share data on North Korean
    launches", "A and B agreed to mount joint patrols against the rebels")? Only when every
    such party sits inside the agreed act's own phrases, never as the one it is done to or
    with ("A and B agreed to send aid to C" stays their aid to C)."""
    if len(sources) < 2 or p.code[:2] not in MUTUAL_ROOTS or not targets or not f.complements:
        return False
    inside: set[str] = set()
    direct: set[str] = set()
    for comp in f.complements:
        for t in comp.subtree:
            ids = {a.id for a in actors_of(doc, t)}
            if not ids:
                continue
            inside |= ids
            addressed = t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.lower_ in ADDRESSEE_PREPS and t.head.head.i == comp.i
            if addressed or (t.head.i == comp.i and t.dep_ in ("dobj", "dative", "nsubj")):
                direct |= ids
    return all(a.id in inside and a.id not in direct for a in targets)
