"""What a predicate's clause says about it: its arguments, and whether it happened at all.

Everything here reads a spaCy dependency parse (English, ClearNLP labels). The words it
looks for (auxiliaries, negators, conditionals, the verbs that introduce reported speech,
opinions or intentions) are English's grammar words in data/en/grammar.toml, read by the
same loader as every other language's (events.grammar).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .grammar import grammar

Token = Any

LANGUAGE = "en"
# Contacts (calls, letters, visits) whose aim of speech is done in the contact itself.
CONTACT_VERBS = frozenset({"call", "phone", "telephone", "ring", "write", "visit", "meet", "summon"})
SPEECH_AIMS = frozenset({"apologize", "apologise", "congratulate", "thank", "condole", "protest", "complain"})
# Marks of a clause a negated act waits for ("will not return until ...").
UNTIL_MARKS = frozenset({"until", "till", "unless"})
# Penn tags of finite or participial verbs (a base form cannot be coordinated with them).
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "VBN"})
# Nouns of asking whose "that" clause the parse often hangs on the verb that carries the noun
# ("reiterated its demand that X ease ..."): the clause is what is asked, not an act.
ASKING_NOUNS = frozenset({"demand", "call", "appeal", "request", "plea", "ultimatum", "insistence", "proposal", "suggestion"})
# Dependencies through which a clause inherits the negation or modality of what governs it.
CLAUSE_UP = frozenset({"conj", "ccomp", "pcomp", "prep", "pobj", "dobj", "nsubj", "nsubjpass", "attr", "appos", "dative", "agent", "npadvmod", "oprd"})


@dataclass(frozen=True)
class Factuality:
    """Whether the act happened (reason None) and how the text knows it."""

    reason: str | None
    detail: str = ""
    reported: bool = False


def _has_aux(tok: Token, words: frozenset[str]) -> Token | None:
    for c in tok.children:
        if c.dep_ in ("aux", "auxpass") and c.lower_ in words | {w for w in words}:
            return c
        if c.dep_ == "aux" and c.lemma_ in words:
            return c
    return None


def _negation(tok: Token) -> Token | None:
    g = grammar(LANGUAGE)
    for c in tok.children:
        if c.dep_ == "neg" or (c.dep_ in ("advmod", "det") and c.lower_ in g.negating_adverbs):
            return c
        if c.dep_ == "det" and c.lower_ in g.negating_determiners:
            return c
        if c.dep_ in ("nsubj", "nsubjpass", "dobj"):  # nobody acted, or acted on nobody ("arrested no one")
            if c.lower_ in g.negating_pronouns:
                return c
            det = next((d for d in c.children if d.dep_ in ("det", "preconj") and d.lower_ in g.negating_determiners), None)
            if det is not None:
                return det
    return None


def _local_reason(tok: Token) -> tuple[str, str] | None:
    g = grammar(LANGUAGE)
    cond = awaited_condition(tok.head) if tok.head.i != tok.i else None
    if cond is not None and cond.i == tok.i:
        return "conditional", f"'{tok.text}' is what the negated '{tok.head.text}' waits for, not an act"
    neg = _negation(tok)
    if neg is not None:
        return "negated", f"'{neg.text}' negates '{tok.text}'"
    fut = _has_aux(tok, g.future_auxiliaries)
    if fut is not None:
        return "future", f"'{fut.text}' puts '{tok.text}' in the future"
    modal = _has_aux(tok, g.modals)
    if modal is not None:
        return "modal", f"'{modal.text}' makes '{tok.text}' a possibility, not an act"
    for c in tok.children:
        if c.dep_ == "mark" and c.lower_ in g.conditional_marks:
            return "conditional", f"'{c.text}' makes '{tok.text}' a condition"
        if c.dep_ == "advmod" and c.lower_ in g.trend_adverbs:
            return "trend", f"'{c.text}' makes '{tok.text}' a trend, not one act"
        if c.dep_ == "amod" and c.lemma_.lower() in g.irrealis_modifiers:
            return "hypothetical", f"'{c.text}' says '{tok.text}' has not happened"
    return None


def awaited_condition(tok: Token) -> Token | None:
    """The verb of an "until" clause on a negated act ("will not end the strike until the
    ministry raises wages"): a condition still unmet, and what the refusal waits for."""
    if _negation(tok) is None:
        return None
    for c in tok.children:
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in UNTIL_MARKS for m in c.children):
            return c
    return None


def _said_in_contact(tok: Token) -> bool:
    """"called X to apologize", "wrote to X to congratulate him": an act of speech that is
    the aim of a call, letter or visit is done in it, not merely intended."""
    return tok.lemma_.lower() in SPEECH_AIMS and tok.head.lemma_.lower() in CONTACT_VERBS


def _is_purpose(tok: Token) -> bool:
    """An infinitive adverbial clause ("sent troops to attack"): an aim, not an act."""
    return tok.dep_ == "advcl" and _is_infinitive(tok)


def _is_infinitive(tok: Token) -> bool:
    marks = grammar(LANGUAGE).infinitive_marks
    return any(c.dep_ == "aux" and c.lower_ in marks for c in tok.children)


def _stray_base_form(tok: Token, head: Token) -> bool:
    """A base-form verb with no subject or auxiliary of its own cannot continue a finite verb
    ("demanded that Russia admit guilt, punish X and pay ..." parsed with "punish" joined
    to "demanded"): it belongs to an infinitive or subjunctive the parse lost."""
    if tok.tag_ != "VB" or head.tag_ not in FINITE_TAGS:
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children)


def asked_clause_noun(clause: Token) -> Token | None:
    """The noun of asking a "that" clause belongs to when the parse hung the clause on the
    verb carrying the noun ("renewed its call that Ruritania withdraw"), else None."""
    if clause.dep_ != "ccomp" or not any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
        return None
    head = clause.head
    return next((o for o in head.children if o.dep_ == "dobj" and o.i < clause.i and o.lemma_.lower() in ASKING_NOUNS), None)


# Prepositions that introduce the act an accusation charges ("of firing", "for shelling", "with killing").
CHARGE_PREPS = frozenset({"of", "for", "with"})


def _charged_by(pred: Token) -> Token | None:
    """The verb of accusing whose "of"/"for"/"with" phrase holds the act, directly or through a
    participle hung on it ("accused X of firing on a patrol, wounding two soldiers")."""
    heads = grammar(LANGUAGE).accusing_heads
    tok = pred
    for _ in range(4):
        head = tok.head
        if head.i == tok.i:
            return None
        if tok.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ in CHARGE_PREPS and head.head.lemma_.lower() in heads:
            return head.head
        participle = tok.dep_ == "advcl" and tok.tag_ == "VBG" and not any(c.dep_ == "nsubj" for c in tok.children)
        if participle and head.lemma_.lower() in heads and any(
                c.dep_ == "prep" and c.lower_ in CHARGE_PREPS and any(x.dep_ == "pcomp" for x in c.children) for c in head.children):
            return head  # the parse hangs "..., wounding two" on "accused" rather than on the act charged
        if not (tok.dep_ == "conj" or participle):
            return None
        tok = head
    return None


def factuality(pred: Token) -> Factuality:
    """Did the act of `pred` happen, as far as its own clause and the clauses above it say?

    Walks up from the predicate through coordinations, complements, and the nouns and verbs
    that govern a nominal act; stops at adverbial and relative clauses (their main clause
    may be about something else) and at the frame verb of reported speech.
    """
    g = grammar(LANGUAGE)
    sent = pred.sent
    if sent.text.rstrip().rstrip("\"'”’»").endswith("?"):
        return Factuality("question", "the sentence is a question")
    reported = False
    charge = _charged_by(pred)
    if charge is not None:
        return Factuality("embedded", f"'{pred.text}' is what '{charge.text}' charges, an allegation, not an act of record")
    tok = pred
    while True:
        local = _local_reason(tok)
        if local is not None:
            return Factuality(local[0], local[1], reported)
        if _is_purpose(tok) and not _said_in_contact(tok):
            return Factuality("purpose", f"'{tok.text}' is an aim (to-infinitive), not an act", reported)
        if any(c.dep_ == "prep" and c.lower_ in g.source_prepositions for c in tok.children):
            reported = True
        head, dep = tok.head, tok.dep_
        if head.i == tok.i:
            break
        lemma = head.lemma_.lower()
        if dep == "xcomp":
            if lemma not in g.implicative_heads and not _said_in_contact(tok):
                return Factuality("embedded", f"'{tok.text}' is the complement of '{head.text}', not an act of its own", reported)
        elif dep in ("acl", "relcl"):
            if dep == "acl" and lemma in ASKING_NOUNS and any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children):
                return Factuality("embedded", f"'{tok.text}' is what '{head.text}' asks for, not an act", reported)
            if not _is_infinitive(tok):
                break
            neg = _negation(head)
            if neg is not None:
                return Factuality("negated", f"'{neg.text}' negates '{head.text}'", reported)
            return Factuality("embedded", f"'{tok.text}' is what '{head.text}' is about, not an act", reported)
        elif dep == "conj":
            if any(c.dep_ == "cc" and c.lower_ in g.contrast_conjunctions for c in head.children):
                break
            if _stray_base_form(tok, head):
                return Factuality("embedded", f"'{tok.text}' is a bare infinitive coordinated with '{head.text}': "
                                              "part of what is asked or meant, not an act", reported)
        elif dep == "ccomp":
            if asked_clause_noun(tok) is not None:
                return Factuality("embedded", f"'{tok.text}' is what '{asked_clause_noun(tok).text}' asks for, not an act", reported)
            if lemma in g.reporting_verbs:
                neg = _negation(head)
                if neg is not None:
                    return Factuality("negated", f"'{neg.text}' negates the report '{head.text}'", True)
                return Factuality(None, "", True)
            if lemma in g.nonfactive_heads:
                return Factuality("embedded", f"'{tok.text}' is what '{head.text}' is about, not an act", reported)
        elif dep not in CLAUSE_UP:
            break
        tok = head
    return Factuality(None, "", reported)
