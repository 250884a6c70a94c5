"""Attribution cues in the parse: a verb of saying with its subject, "X is sure", "according to X"."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .lexicon import Lexicon

# Verbs that attribute only with their particle: "pointed out", "summed up", "went on".
NEEDS_PARTICLE = {"point": "out", "sum": "up", "go": "on"}
SUBJECT_DEPS = ("nsubj",)


@dataclass(frozen=True)
class Cue:
    """A cue word and the token that names the speaker."""

    token: Any  # the verb (or 'according', or the opinion adjective)
    subject: Any  # head token of the speaker phrase
    text: str  # the cue as written: "said", "summed up", "is sure", "according to"
    kind: str  # verb | opinion | according
    verb: Any = None  # the head of the attributing clause ("is" of "is sure", "convinced" of "is convinced")


def subject_of(verb: Any) -> Any | None:
    """The subject of a verb, inherited from the first conjunct when it has none."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if subjects:
        # "the delegate Ruslan Bekov said" is sometimes parsed with two subjects: the name is the one
        return next((c for c in subjects if c.pos_ == "PROPN"), subjects[0])
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return subject_of(verb.head)
    return None


def _inverted_subject(verb: Any, end: int) -> Any | None:
    """'said the minister': the first noun after the verb, when the parse gave no subject."""
    for t in verb.doc[verb.i + 1:]:
        if t.idx >= end or t.is_punct:
            return None
        if t.pos_ in ("PROPN", "NOUN", "PRON"):
            return t.head if t.dep_ == "compound" else t
    return None


def _verb_text(verb: Any) -> str:
    parts = [verb] + [c for c in verb.children if c.dep_ == "prt"]
    return " ".join(t.text for t in sorted(parts, key=lambda t: t.i))


def verb_cue(tok: Any, lex: Lexicon, verbs: frozenset[str], start: int, end: int) -> Cue | None:
    lemma = tok.lemma_.lower()
    if tok.pos_ not in ("VERB", "AUX") or lemma not in verbs:
        return None
    particle = NEEDS_PARTICLE.get(lemma)
    if particle and not any(c.dep_ == "prt" and c.lower_ == particle for c in tok.children):
        return None
    subj = subject_of(tok)
    if subj is None:
        subj = _inverted_subject(tok, end)
    if subj is None or not (start <= subj.idx < end):
        return None
    return Cue(tok, subj, _verb_text(tok), "verb", tok)


def opinion_cue(tok: Any, lex: Lexicon, start: int, end: int) -> Cue | None:
    """'X is sure (that ...)', 'X is convinced that ...' (parsed as an adjective or a passive)."""
    if tok.lower_ not in lex.opinion_adjectives and tok.lemma_.lower() not in lex.opinion_adjectives:
        return None
    if tok.dep_ == "acomp" and tok.head.lemma_ == "be":
        verb, be = tok.head, tok.head
        subj = subject_of(verb)
    elif any(c.dep_ in ("auxpass", "aux") and c.lemma_ == "be" for c in tok.children):
        verb = tok
        be = next(c for c in tok.children if c.dep_ in ("auxpass", "aux") and c.lemma_ == "be")
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    else:
        return None
    if subj is None or not (start <= subj.idx < end):
        return None
    return Cue(tok, subj, f"{be.text} {tok.text}", "opinion", verb)


def _set_off(tok: Any) -> bool:
    """'In his view, ...' / '..., in the opinion of X, ...': a phrase of its own between commas."""
    doc = tok.doc
    before_ok = tok.is_sent_start or (tok.i > 0 and doc[tok.i - 1].text in (",", "—", "–"))
    last = max(t.i for t in tok.subtree if not t.is_punct)
    after_ok = last + 1 >= len(doc) or doc[last + 1].is_punct
    return before_ok and after_ok


def according_cue(tok: Any, lex: Lexicon, start: int, end: int) -> Cue | None:
    """'according to X', 'according to his observation', 'in the view of X', 'in his opinion'."""
    obj = None
    text = ""
    if tok.lower_ in lex.according_words:
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        if to is None and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
            to = tok.doc[tok.i + 1]
        if to is None:
            return None
        obj = next((c for c in to.children if c.dep_ == "pobj"), None)
        text = f"{tok.text} {to.text}"
    elif tok.lower_ == "in" and _set_off(tok):
        obj = next((c for c in tok.children if c.dep_ == "pobj" and c.lemma_.lower() in lex.view_nouns), None)
        text = f"in {obj.text}" if obj is not None else ""
    if obj is None:
        return None
    if obj.lemma_.lower() in lex.view_nouns:
        owner = next((c for c in obj.children if c.dep_ == "poss"), None)
        if owner is None:
            of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            owner = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if owner is None:
            return None
        obj = owner
    if not (start <= obj.idx < end):
        return None
    return Cue(tok, obj, text, "according", tok)


def find_cues(tokens: list[Any], lex: Lexicon, verbs: frozenset[str], start: int, end: int) -> list[Cue]:
    """Every cue among `tokens` whose speaker lies inside [start, end)."""
    found = []
    for tok in tokens:
        cue = verb_cue(tok, lex, verbs, start, end) or opinion_cue(tok, lex, start, end) or according_cue(tok, lex, start, end)
        if cue is not None:
            found.append(cue)
    return found
