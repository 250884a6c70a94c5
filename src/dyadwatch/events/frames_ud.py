"""The frame reader for Universal Dependencies: a UD parse read into the coder's Frame.

The English coder reads spaCy's own labels (events.frames); this reader maps UD relations
to the same Frame (subjects, objects, prepositional phrases, complements, themes), so that
patterns written in the format of data/<language>/verbs.txt match clauses of any language
parsed into UD: nsubj/nsubj:pass, obj/iobj, obl/nmod with their `case` preposition, xcomp.
It also says whether the act happened, by the same rules for every language (negation,
modal, future, intention, condition, question), from the language's grammar words in
data/<language>/grammar.toml (events.grammar). Today natasha gives Russian in this form.
"""
from __future__ import annotations

from ..nlp_ru import RuParse, RuToken
from .args import Frame
from .frames import Factuality
from .grammar import Grammar, grammar
from .patterns import Pattern

# Relations through which a predicate's clause inherits the factuality of what governs it.
UP_RELATIONS = frozenset({"obj", "obl", "nmod", "nsubj", "nsubj:pass", "iobj", "xcomp", "csubj", "conj", "ccomp"})
# How far up from a predicate its factuality is looked for.
MAX_STEPS = 6
# Dependents that are other clauses, left out of a predicate's own phrase and evidence.
CLAUSE_RELS = frozenset({"parataxis", "ccomp", "advcl", "acl:relcl", "conj", "punct"})


def rel(tok: RuToken) -> str:
    return tok.rel


def with_conjuncts(parse: RuParse, toks: list[RuToken]) -> list[RuToken]:
    out: list[RuToken] = []
    for t in toks:
        for x in (t, *parse.children(t, "conj")):
            if x not in out:
                out.append(x)
    return out


def preposition(parse: RuParse, tok: RuToken) -> str | None:
    case = [c for c in parse.children(tok, "case") if c.pos == "ADP"]
    return " ".join(c.lemma for c in case) if case else None


def preps_of(parse: RuParse, tok: RuToken) -> list[tuple[str, RuToken, RuToken]]:
    out = []
    for c in parse.children(tok, "obl", "nmod"):
        p = preposition(parse, c)
        if p:
            out.append((p, c, tok))
            out += [(p, x, tok) for x in parse.children(c, "conj")]
    return out


def genitives(parse: RuParse, tok: RuToken) -> list[RuToken]:
    """Dependents in the genitive with no preposition: the parties of a noun ("переговоры Путина и Пезешкиана")."""
    out = [c for c in parse.children(tok, "nmod") if preposition(parse, c) is None and c.feat("Case") == "Gen"]
    return with_conjuncts(parse, out)


def subjects_of(parse: RuParse, pred: RuToken) -> list[RuToken]:
    """The subjects of a verb, or those it shares with the verb or noun above it."""
    tok = pred
    for _ in range(4):
        subj = parse.children(tok, "nsubj")
        if subj:
            return with_conjuncts(parse, subj)
        head = parse.head_of(tok)
        if head is None:
            return []
        if tok.rel in ("conj", "xcomp"):
            tok = head
            continue
        if tok.rel == "acl:relcl" and head.pos in ("NOUN", "PROPN"):
            # "резолюцию, в которой ... призвал": the body that adopted the noun acts
            above = parse.head_of(head)
            if above is None:
                return []
            tok = above
            continue
        return []
    return []


def read_ud_frame(parse: RuParse, pred: RuToken) -> Frame:
    passive = bool(parse.children(pred, "nsubj:pass")) or pred.feat("Voice") == "Pass"
    subjects = subjects_of(parse, pred) if not passive else []
    objects = with_conjuncts(parse, parse.children(pred, "obj", "iobj"))
    if passive:
        objects = with_conjuncts(parse, parse.children(pred, "nsubj:pass")) + objects
    preps = preps_of(parse, pred)
    complements = [c for c in parse.children(pred, "xcomp") if c.pos in ("VERB", "AUX", "ADJ")]
    themes = list(objects) + [o for _, o, _ in preps] + [c for c in parse.children(pred, "obl") if preposition(parse, c) is None]
    for comp in complements:
        themes += with_conjuncts(parse, parse.children(comp, "obj"))
        preps += preps_of(parse, comp)
    if pred.pos in ("NOUN", "PROPN"):
        themes += [c for c in parse.children(pred, "nmod", "amod")]
    for t in list(themes):
        preps += preps_of(parse, t)
        # "о приостановке партнерства с Грузией": the phrase of the noun the theme governs
        for g in genitives(parse, t):
            preps += preps_of(parse, g)
    return Frame(pred=pred, subjects=tuple(subjects), agents=(), objects=tuple(objects), passive=passive,
                 preps=tuple(preps), complements=tuple(complements), particles=frozenset(), themes=tuple(themes))


def phrase_tokens(parse: RuParse, tok: RuToken) -> list[RuToken]:
    """A word and its dependents, without the clauses hanging on it."""
    out, todo = [], [tok]
    while todo:
        t = todo.pop()
        out.append(t)
        todo.extend(c for c in parse.children(t) if c.rel not in CLAUSE_RELS)
    return sorted(out, key=lambda t: t.i)


def ud_matches(parse: RuParse, p: Pattern, f: Frame) -> bool:
    if p.theme is not None and not any(t.lemma in p.theme for t in f.themes):
        return False
    if p.complement is not None and not any(c.lemma in p.complement for c in f.complements):
        return False
    if p.required_preps is not None and not any(prep in p.required_preps for prep, _, _ in f.preps):
        return False
    if p.subject is not None and not any(s.lemma in p.subject for s in f.subjects):
        return False
    if p.modifiers is not None:
        words = {t.lemma for th in (f.themes or (f.pred,)) for t in phrase_tokens(parse, th)}
        if f.pred.pos in ("NOUN", "PROPN"):
            words |= {t.lemma for t in phrase_tokens(parse, f.pred)}
        if not words & p.modifiers:
            return False
    return True


def _local(parse: RuParse, tok: RuToken, skip_negation: bool, g: Grammar) -> tuple[str, str] | None:
    for c in parse.children(tok):
        if not skip_negation and c.lemma in g.negators and c.i < tok.i:
            return "negated", f"'{c.text}' negates '{tok.text}'"
        if c.rel == "aux" and c.lemma in g.future_auxiliaries and (
                c.feat("Tense") == "Fut" or c.lower.startswith(tuple(g.future_form_prefixes))):
            # an analytic future ("будет поставлять"); the tagger often marks its auxiliary as present
            return "future", f"'{c.text}' puts '{tok.text}' in the future"
        if c.lemma in g.conditional_marks and c.rel in ("mark", "advmod", "discourse", "aux"):
            return "conditional", f"'{c.text}' makes '{tok.text}' a condition"
        if c.lemma in g.modal_adverbs and c.rel in ("advmod", "parataxis", "discourse"):
            return "modal", f"'{c.text}' makes '{tok.text}' a guess"
    if tok.pos in ("VERB", "AUX") and tok.feat("Tense") == "Fut":
        return "future", f"'{tok.text}' is in the future tense"
    return None


def ud_factuality(parse: RuParse, pred: RuToken, language: str, say_verbs: frozenset[str],
                  think_verbs: frozenset[str]) -> Factuality:
    """Did the act of `pred` happen, as far as its clause and the clauses above it say?

    `language` names the grammar words to read; `say_verbs` and `think_verbs` come from the
    language's speech lexicon (verbs whose что/that-clause is reported, or only an opinion).
    """
    g = grammar(language)
    sent = parse.sentences[pred.sent]
    if parse.text[sent.start:sent.end].rstrip().rstrip("»\"”").endswith("?"):
        return Factuality("question", "the sentence is a question")
    tok, skip_neg, reported = pred, False, False
    for _ in range(MAX_STEPS):
        local = _local(parse, tok, skip_neg, g)
        if local is not None:
            return Factuality(local[0], local[1], reported)
        head = parse.head_of(tok)
        if head is None or tok.rel not in UP_RELATIONS:
            break
        skip_neg = False
        if tok.rel in ("xcomp", "csubj"):
            if head.lemma in g.modals:
                return Factuality("modal", f"'{head.text}' makes '{tok.text}' a possibility, not an act", reported)
            if head.lemma in g.future_heads:
                neg = _local(parse, head, False, g)
                return Factuality("future", f"'{head.text}' puts '{tok.text}' in the future" + (" (negated)" if neg else ""), reported)
            if head.lemma in g.nonfactive_heads:
                return Factuality("embedded", f"'{tok.text}' is what '{head.text}' is about, not an act", reported)
            if head.lemma not in g.implicative_heads:
                return Factuality("embedded", f"'{tok.text}' is the complement of '{head.text}', not an act of its own", reported)
        elif tok.rel == "ccomp":
            if head.lemma in say_verbs:
                neg = _local(parse, head, False, g)
                if neg is not None and neg[0] == "negated":
                    return Factuality("negated", neg[1], True)
                return Factuality(None, "", True)
            if head.lemma in think_verbs or head.lemma in g.nonfactive_heads:
                return Factuality("embedded", f"'{tok.text}' is what '{head.text}' is about, not an act", reported)
            break
        elif tok.rel == "conj":
            skip_neg = True  # Russian negates each verb by itself: "не признал ... и призвал"
        tok = head
    return Factuality(None, "", reported)
