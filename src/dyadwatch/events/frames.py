"""What a predicate's clause says about it: its arguments, and whether it happened at all.

Everything here reads a spaCy dependency parse (English, ClearNLP labels). The word lists
are closed-class words of English grammar (auxiliaries, negators, conditionals) and the
verbs that introduce reported speech, opinions or intentions.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

Token = Any

# Modal auxiliaries: what follows is possible, required or hypothetical, not an act.
MODALS = frozenset({"can", "could", "may", "might", "must", "should", "would", "ought", "shall"})
FUTURE = frozenset({"will", "'ll", "wo"})
NEGATORS = frozenset({"not", "n't", "never", "no", "neither", "nor", "nobody", "nothing"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether", "lest"})
# Contacts (calls, letters, visits) whose aim of speech is done in the contact itself.
CONTACT_VERBS = frozenset({"call", "phone", "telephone", "ring", "write", "visit", "meet", "summon"})
SPEECH_AIMS = frozenset({"apologize", "apologise", "congratulate", "thank", "condole", "protest", "complain"})
# Marks of a clause a negated act waits for ("will not return until ...").
UNTIL_MARKS = frozenset({"until", "till", "unless"})
# "no chance to", "no plans to": a determiner that negates the noun governing the act.
NEGATING_DETERMINERS = frozenset({"no", "neither"})
# Verbs that report what someone said: the act in their complement is coded as reported.
REPORTING = frozenset({
    "say", "tell", "report", "announce", "state", "claim", "add", "note", "stress", "explain",
    "confirm", "declare", "write", "tweet", "reveal", "disclose", "indicate", "quote", "recall",
    "inform", "emphasize", "emphasise", "point", "mention", "assert", "allege", "testify", "show",
    "publish", "broadcast", "specify", "clarify", "underline", "remark", "observe", "reply",
    "reiterate", "repeat", "insist", "maintain", "conclude", "argue", "affirm", "reaffirm",
})
# Verbs of opinion, expectation and intention: what they govern has not (yet) happened as
# an act of record; predictions stay with the quotes stage.
NONFACTIVE = frozenset({
    "think", "believe", "expect", "predict", "forecast", "hope", "fear", "want", "wish", "plan",
    "intend", "seek", "try", "attempt", "aim", "propose", "suggest", "consider", "doubt",
    "suppose", "assume", "guess", "imagine", "suspect", "estimate", "anticipate", "prepare",
    "need", "like", "prefer", "threaten", "promise", "pledge", "vow", "agree", "offer", "refuse",
    "decline", "urge", "ask", "call", "demand", "invite", "allow", "order", "warn", "encourage",
    "expect", "likely", "able", "ready", "willing", "going", "set", "due", "scheduled",
})
# Verbs whose complement did happen ("began to withdraw", "managed to reach").
# "decided to allow" reports the decision taken, which is the act as news and CAMEO code it.
IMPLICATIVE = frozenset({"begin", "start", "continue", "manage", "proceed", "resume", "keep", "go", "decide"})
# Adjectives that make a nominal event not (yet) real: "the planned visit".
IRREALIS_MODIFIERS = frozenset({
    "possible", "potential", "planned", "upcoming", "expected", "proposed", "future", "likely",
    "prospective", "hypothetical", "forthcoming", "scheduled", "imminent", "eventual", "would-be",
    "intended", "anticipated", "next",
})
# Penn tags of finite or participial verbs (a base form cannot be coordinated with them).
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "VBN"})
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
    for c in tok.children:
        if c.dep_ == "neg" or (c.dep_ in ("advmod", "det") and c.lower_ in ("never", "no")):
            return c
        if c.dep_ == "det" and c.lower_ in NEGATING_DETERMINERS:
            return c
    return None


# Adverbs that turn a verb into a growing trend ("are increasingly expressing
# dissatisfaction"): no single act to date and code. Habits of violence ("routinely beat
# detainees") and repeated acts ("has repeatedly accused X") are coded as acts, as CAMEO does.
TREND_ADVERBS = frozenset({"increasingly"})


def _local_reason(tok: Token) -> tuple[str, str] | None:
    cond = awaited_condition(tok.head) if tok.head.i != tok.i else None
    if cond is not None and cond.i == tok.i:
        return "conditional", f"'{tok.text}' is what the negated '{tok.head.text}' waits for, not an act"
    neg = _negation(tok)
    if neg is not None:
        return "negated", f"'{neg.text}' negates '{tok.text}'"
    fut = _has_aux(tok, FUTURE)
    if fut is not None:
        return "future", f"'{fut.text}' puts '{tok.text}' in the future"
    modal = _has_aux(tok, MODALS)
    if modal is not None:
        return "modal", f"'{modal.text}' makes '{tok.text}' a possibility, not an act"
    for c in tok.children:
        if c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS:
            return "conditional", f"'{c.text}' makes '{tok.text}' a condition"
        if c.dep_ == "advmod" and c.lower_ in TREND_ADVERBS:
            return "trend", f"'{c.text}' makes '{tok.text}' a trend, not one act"
        if c.dep_ == "amod" and c.lemma_.lower() in IRREALIS_MODIFIERS:
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
    return tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _is_infinitive(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _stray_base_form(tok: Token, head: Token) -> bool:
    """A base-form verb with no subject or auxiliary of its own cannot continue a finite verb
    ("demanded that Russia admit guilt, punish X and pay ..." parsed with "punish" joined
    to "demanded"): it belongs to an infinitive or subjunctive the parse lost."""
    if tok.tag_ != "VB" or head.tag_ not in FINITE_TAGS:
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children)


def factuality(pred: Token) -> Factuality:
    """Did the act of `pred` happen, as far as its own clause and the clauses above it say?

    Walks up from the predicate through coordinations, complements, and the nouns and verbs
    that govern a nominal act; stops at adverbial and relative clauses (their main clause
    may be about something else) and at the frame verb of reported speech.
    """
    sent = pred.sent
    if sent.text.rstrip().rstrip("\"'”’»").endswith("?"):
        return Factuality("question", "the sentence is a question")
    reported = False
    tok = pred
    while True:
        local = _local_reason(tok)
        if local is not None:
            return Factuality(local[0], local[1], reported)
        if _is_purpose(tok) and not _said_in_contact(tok):
            return Factuality("purpose", f"'{tok.text}' is an aim (to-infinitive), not an act", reported)
        if any(c.dep_ == "prep" and c.lower_ == "according" for c in tok.children):
            reported = True
        head, dep = tok.head, tok.dep_
        if head.i == tok.i:
            break
        lemma = head.lemma_.lower()
        if dep == "xcomp":
            if lemma not in IMPLICATIVE and not _said_in_contact(tok):
                return Factuality("embedded", f"'{tok.text}' is the complement of '{head.text}', not an act of its own", reported)
        elif dep in ("acl", "relcl"):
            if not _is_infinitive(tok):
                break
            neg = _negation(head)
            if neg is not None:
                return Factuality("negated", f"'{neg.text}' negates '{head.text}'", reported)
            return Factuality("embedded", f"'{tok.text}' is what '{head.text}' is about, not an act", reported)
        elif dep == "conj":
            if any(c.dep_ == "cc" and c.lower_ in ("but", "yet") for c in head.children):
                break
            if _stray_base_form(tok, head):
                return Factuality("embedded", f"'{tok.text}' is a bare infinitive coordinated with '{head.text}': "
                                              "part of what is asked or meant, not an act", reported)
        elif dep == "ccomp":
            if lemma in REPORTING:
                neg = _negation(head)
                if neg is not None:
                    return Factuality("negated", f"'{neg.text}' negates the report '{head.text}'", True)
                return Factuality(None, "", True)
            if lemma in NONFACTIVE:
                return Factuality("embedded", f"'{tok.text}' is what '{head.text}' is about, not an act", reported)
        elif dep not in CLAUSE_UP:
            break
        tok = head
    return Factuality(None, "", reported)
