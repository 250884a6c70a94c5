"""Attribution cues in the parse: a verb of saying with its subject, "X is sure", "according to X"."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..actors.guards import never_a_name
from .heads import token_in_head
from .lexicon import Lexicon

# Verbs that attribute only with their particle: "pointed out", "summed up", "went on".
NEEDS_PARTICLE = {"point": "out", "sum": "up", "go": "on"}
SUBJECT_DEPS = ("nsubj",)
# Prepositions that give the holder of a reporting noun: "a warning from X", "the claim by X".
HOLDER_PREPOSITIONS = frozenset({"from", "by", "of"})
# "X was quoted / cited as saying ...".
QUOTED_AS_VERBS = frozenset({"quote", "cite", "report"})
# Prepositions before a participle of saying whose subject is the clause's: "opened by saying", "in arguing".
BY_SAYING = frozenset({"by", "in", "after", "before", "while", "when"})


@dataclass(frozen=True)
class Cue:
    """A cue word and the token that names the speaker."""

    token: Any  # the verb (or 'according', or the opinion adjective)
    subject: Any  # head token of the speaker phrase
    text: str  # the cue as written: "said", "summed up", "is sure", "according to"
    kind: str  # verb | opinion | according | noun
    verb: Any = None  # the head of the attributing clause ("is" of "is sure", "convinced" of "is convinced")
    cue_class: str = "speech"  # speech | belief (a view held: "believes", "is convinced", "in his view")


def subject_of(verb: Any) -> Any | None:
    """The subject of a verb, inherited from the first conjunct when it has none.

    A participle of saying takes the subject of the clause it hangs on: "X urged ..., saying
    ...", "X was quoted as saying ..." (there the passive subject is the one quoted).
    """
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    # "WASHINGTON (AP) - X said" is sometimes parsed with the dateline as a second subject
    subjects = [c for c in subjects if not never_a_name(c) and not token_in_head(c)] or subjects
    if subjects:
        # "the delegate Ruslan Bekov said" is sometimes parsed with two subjects: the name is the one
        return next((c for c in subjects if c.pos_ == "PROPN"), subjects[0])
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        head = verb.head
        inherited = subject_of(head)
        outer = head.head if head.dep_ == "ccomp" and head.head.pos_ in ("VERB", "AUX") else None
        # "X acknowledged [mistakes were made] but denied that ...", "X said [Y opposes it] and
        # urged ...": a conjunct parsed into the reported clause, in the reporting verb's tense
        # "X said the bank saw signs but cautioned that ...": a conjunct that reports a clause of its
        # own is the reporter's hedge, not the reported subject's
        reports = any(c.dep_ == "ccomp" for c in verb.children)
        if outer is not None and (inherited is None or reports or (verb.tag_ != head.tag_ and verb.tag_ == outer.tag_)):
            return subject_of(outer)
        return inherited
    if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "xcomp", "conj") and verb.head.pos_ in ("VERB", "AUX") and verb.head.i < verb.i:
        head = verb.head
        if verb.i > 0 and verb.doc[verb.i - 1].text == ",":
            # "X argued that Y should act, saying ...": a participle set off by a comma belongs to
            # the reporting clause, though the parser hangs it inside the reported one
            while head.dep_ == "ccomp" and head.head.pos_ in ("VERB", "AUX") and head.head.i < head.i:
                head = head.head
        return subject_of(head)
    if verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.lower_ in BY_SAYING and verb.head.head.pos_ in ("VERB", "AUX"):
        return subject_of(verb.head.head)  # "She opens by saying ...", "He ended his speech by warning ..."
    if verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.lower_ == "as":
        quoted = verb.head.head
        if quoted.lemma_.lower() in QUOTED_AS_VERBS:
            # "X was quoted as saying": the passive subject; "TASS quoted him as saying": the object
            # (issue 13, fifth round); never the dateline the parser may take for a subject
            # ("MOSCOW (AP) - X was quoted ...")
            quotees = [c for c in quoted.children if c.dep_ in ("nsubjpass", "dobj") and c.i < verb.i]
            quotees = [c for c in quotees if not never_a_name(c) and not token_in_head(c)] or quotees
            return next((c for c in quotees if c.pos_ in ("PROPN", "PRON")), quotees[0] if quotees else None)
    return None


def is_passive(verb: Any) -> bool:
    """'X was told / asked / warned that ...': the subject is who heard it, not who said it."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _inverted_subject(verb: Any, end: int) -> Any | None:
    """'said the minister': the noun right after the verb, when the parse gave no subject."""
    if is_passive(verb):
        return None
    for t in verb.doc[verb.i + 1:]:
        if t.idx >= end or t.is_punct:
            return None
        if t.pos_ in ("PROPN", "NOUN", "PRON"):
            if t.dep_ in ("nsubj", "nsubjpass") and t.head.i != verb.i:
                return None  # "saying the government has ...": the subject of the reported clause
            return t.head if t.dep_ == "compound" else t
        if t.pos_ not in ("DET", "ADJ", "NUM"):
            return None  # "said that Budapest ...": a clause follows, not the speaker
    return None


# Finite verb tags: only a finite verb of saying has its speaker right before it.
FINITE_SAYING_TAGS = frozenset({"VBZ", "VBD", "VBP"})


def _preceding_subject(verb: Any, start: int) -> Any | None:
    """'10:05 - Co-leader X says ...', 'Roberts, reading from the opinion, says ...': a live
    blog's line after a time stamp, where the parser ran across paragraphs and left the verb
    without a subject of its own sentence; the name right before the verb, or before an aside
    set off by commas, is it (issue 13, fifth round)."""
    if verb.tag_ not in FINITE_SAYING_TAGS or is_passive(verb):
        return None
    doc = verb.doc
    k = verb.i - 1
    if k >= 0 and doc[k].text == ",":
        k -= 1
        while k >= 0 and doc[k].idx >= start and doc[k].text != ",":
            k -= 1
        k -= 1
    if k < 0 or doc[k].idx < start:
        return None
    t = doc[k]
    return t if t.pos_ in ("PROPN", "NOUN") and not never_a_name(t) and not token_in_head(t) else None


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
        subj = _inverted_subject(tok, end) or _preceding_subject(tok, start)
    elif not (start <= subj.idx < end) and subj.idx < start:
        # a word of an earlier paragraph, where the parser ran across the break, or of the
        # sentence before the region asked about: only a name right before the verb is its own
        subj = _preceding_subject(tok, start)
    if subj is None or not (start <= subj.idx < end):
        return None
    return Cue(tok, subj, _verb_text(tok), "verb", tok, "belief" if lemma in lex.belief_verbs else "speech")


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
        if subj is None:  # "X is convinced": the subject is sometimes hung on "is"
            subj = next((c for c in be.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    else:
        return None
    if subj is None or not (start <= subj.idx < end):
        return None
    return Cue(tok, subj, f"{be.text} {tok.text}", "opinion", verb, "belief")


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
    cue_class = "speech"
    if obj.lemma_.lower() in lex.view_nouns:
        cue_class = "belief" if obj.lemma_.lower() in lex.belief_nouns else "speech"
        owner = next((c for c in obj.children if c.dep_ == "poss"), None)
        if owner is None:
            of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            owner = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if owner is None:
            return None
        obj = owner
    if not (start <= obj.idx < end):
        return None
    return Cue(tok, obj, text, "according", tok, cue_class)


def noun_cue(tok: Any, lex: Lexicon, start: int, end: int) -> Cue | None:
    """'Moscow's claim that ...', 'a warning from the central bank that ...': a reporting noun
    with its that-clause, and the holder given by a possessive or by 'from', 'by', 'of'."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "NOUN" or lemma not in lex.reporting_nouns:
        return None
    if not any(c.dep_ in ("acl", "ccomp", "relcl") and _that_clause(c) for c in tok.children):
        return None
    holder = next((c for c in tok.children if c.dep_ == "poss"), None)
    if holder is None:
        by = next((c for c in tok.children if c.dep_ in ("prep", "agent") and c.lower_ in HOLDER_PREPOSITIONS), None)
        holder = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    if holder is None:
        return None
    if not (start <= holder.idx < end):
        return None
    return Cue(tok, holder, tok.text, "noun", tok, "belief" if lemma in lex.belief_nouns else "speech")


def _that_clause(clause: Any) -> bool:
    """A content clause opened by 'that' (not a relative clause: 'the claim that he made')."""
    first = clause.left_edge
    if first.lower_ != "that":
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i > first.i for c in clause.children)


def finding_cue(tok: Any, lex: Lexicon, start: int, end: int) -> Cue | None:
    """'A report by the GAO found the Pentagon could not ...': a text reports what it found."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in lex.finding_verbs:
        return None
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ != "NOUN" or not (start <= subj.idx < end):
        return None
    lemma = subj.lemma_.lower()
    if lemma in lex.document_nouns:
        return Cue(tok, subj, tok.text, "verb", tok)  # the speaker resolver finds the text's issuer
    if lemma not in lex.finding_nouns:
        return None
    # "an audit by the World Bank found ...": the inquiry speaks for whoever made it, if given
    by = next((c for c in subj.children if c.dep_ == "prep" and c.lower_ in HOLDER_PREPOSITIONS), None)
    holder = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    return Cue(tok, holder, tok.text, "verb", tok) if holder is not None else None


def hearsay_cue(tok: Any, lex: Lexicon, start: int, end: int) -> Cue | None:
    """'We're hearing from diplomats that ...', 'Reporters were told by two officials that ...': the
    writer or a hearer passes on the words of the one heard from, who is the speaker."""
    lemma = tok.lemma_.lower()
    if tok.pos_ not in ("VERB", "AUX") or lemma not in lex.hearsay_verbs:
        return None
    if not any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children):
        return None
    wanted = ("agent",) if lemma == "tell" else ("prep",)
    if lemma == "tell" and not is_passive(tok):
        return None
    for c in tok.children:
        if c.dep_ in wanted and c.lower_ in ("from", "by") and c.i > tok.i:
            obj = next((o for o in c.children if o.dep_ == "pobj"), None)
            if obj is not None and start <= obj.idx < end:
                return Cue(tok, obj, f"{tok.text} {c.text}", "verb", tok)
    return None


def find_cues(tokens: list[Any], lex: Lexicon, verbs: frozenset[str], start: int, end: int) -> list[Cue]:
    """Every cue among `tokens` whose speaker lies inside [start, end)."""
    found = []
    for tok in tokens:
        cue = verb_cue(tok, lex, verbs, start, end) or opinion_cue(tok, lex, start, end) or according_cue(tok, lex, start, end)
        if cue is not None:
            found.append(cue)
    return found
