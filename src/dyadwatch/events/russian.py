"""The Russian event coder (events-ru.v1): natasha's parse matched against data/ru/verbs.txt.

The same steps as the English coder over the language-neutral Frame (events.frames_ud reads
it from Universal Dependencies): for each verb, and each noun that names an act, the most
specific matching pattern; a check that the act happened (negated "не намерена", modal
"может", future "будет"/perfective future, planned "планирует", conditional, question);
the actors on each side from the actor stage's mentions; CAMEO, PLOVER and Goldstein from
the shared code table; the date from the time expression that governs the clause.

A statement of a state actor (a government person or body, a state, an international
organisation) made with a verb of declaring ("заявил, что ...") whose clause names another
state or organisation is coded as CAMEO 010 towards it; views of analysts are not events.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from ..actors.kb import default_kb, slug
from ..actors.russian import ru_lexicon
from ..lexicons import lexicon_label, lexicon_text
from ..models import Actor, Document, Event, EventSide, Span
from ..nlp_ru import RuParse, RuToken
from ..pipeline import Work, register
from ..quotes.russian import speech
from ..times.governing import date_for_span
from .frames_ud import phrase_tokens, preposition, read_ud_frame, subjects_of, ud_factuality, ud_matches, with_conjuncts
from .grammar import grammar
from .coder import Coding, Decision
from .confidence import confidence_of, event_factors
from .ontology import load_ontology
from .patterns import Pattern, PatternSet, index, parse_patterns
from .sides import event_side

LANGUAGE = "ru"
PATTERNS = (LANGUAGE, "verbs.txt")
# Prepositions that may introduce the target when a pattern names none, most likely first.
DEFAULT_TARGET_PREPS = ("с", "против", "к", "в отношение", "для", "от", "у")
# Roots whose acts fall on the actor's own country when the text names no other party
# (a police dispersing protesters, arrests): the side is domestic.
DOMESTIC_ROOTS = frozenset({"14", "17", "18", "19"})
# Roots of demands, disapproval, rejection, threats and reduced relations: with no party
# named, they address the country the text is about (another than the actor's own).
ADDRESSED_ROOTS = frozenset({"10", "11", "12", "13", "16"})
# Roots whose acts are mutual: two coordinated subjects are the two parties.
MUTUAL_ROOTS = frozenset({"03", "04", "05", "06"})
STATEMENT_CODE = "010"
# Sectors whose statements are acts of a state.
STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD"})


@functools.lru_cache(maxsize=1)
def ru_patterns() -> PatternSet:
    text = lexicon_text(*PATTERNS)
    patterns, version = parse_patterns(text, "ru-verbs")
    return index(patterns, version, (lexicon_label(*PATTERNS),))


@dataclass
class Coder:
    doc: Document
    parse: RuParse
    mentions: list[tuple[int, int, Actor]]
    events: list[Event]

    def actors_in(self, toks: list[RuToken]) -> list[Actor]:
        """Actors named in a phrase: a mention of the head word first, then the others."""
        if not toks:
            return []
        spans = [(t.start, t.end) for t in toks]
        found = [(s, a) for s, e, a in self.mentions if a.type != "LOCATION" and any(s < te and ts < e for ts, te in spans)]
        order = {"PERSON": 0, "ORG": 1, "GROUP": 2, "COUNTRY": 3, "LOCATION": 4}
        found.sort(key=lambda x: (order.get(x[1].type, 5), x[0]))
        out: list[Actor] = []
        for _, a in found:
            if all(a.id != b.id for b in out):
                out.append(a)
        if not out:
            adj = self.adjective_country(toks)
            if adj is not None:
                out.append(adj)
        return out

    def adjective_country(self, toks: list[RuToken]) -> Actor | None:
        """"российская сторона", "грузинских чиновников": the country the adjective names."""
        lex = ru_lexicon()
        for t in toks:
            entry = lex.names.get((t.lemma,))
            if entry and entry[1] == "adjective":
                kb_entry = default_kb().entries.get(slug(entry[0]))
                if kb_entry is not None:
                    return Actor(id=kb_entry.id, name=kb_entry.name, type="COUNTRY", country=kb_entry.country, code=kb_entry.code)
        return None

    def party(self, tok: RuToken) -> Actor | None:
        found = self.actors_in(phrase_tokens(self.parse, tok))
        return found[0] if found else None

    def parties(self, toks: list[RuToken]) -> list[Actor]:
        out: list[Actor] = []
        for t in toks:
            a = self.party(t)
            if a is not None and all(a.id != b.id for b in out):
                out.append(a)
        return out

    def dominant(self) -> Actor | None:
        counts: dict[str, int] = {}
        actors: dict[str, Actor] = {}
        for _, _, a in self.mentions:
            if a.type == "COUNTRY":
                counts[a.id] = counts.get(a.id, 0) + 1
                actors[a.id] = a
        if not counts:
            return None
        best = max(counts.values())
        top = [k for k, v in counts.items() if v == best]
        return actors[top[0]] if len(top) == 1 else None


def best_ru_pattern(parse: RuParse, candidates: tuple[Pattern, ...], frame) -> Pattern | None:
    fitting = [p for p in candidates if ud_matches(parse, p, frame)]
    if not fitting:
        return None
    return max(fitting, key=lambda p: (p.specificity, len(p.code), -p.line))


def _same_side(a: Actor, b: Actor) -> bool:
    return a.id == b.id or (a.country is not None and a.country == b.country)


def evidence_span(parse: RuParse, pred: RuToken, extra: list[RuToken]) -> tuple[int, int]:
    toks = phrase_tokens(parse, pred) + [t for x in extra for t in phrase_tokens(parse, x)]
    sent = parse.sentences[pred.sent]
    toks = [t for t in toks if sent.first <= t.i < sent.last and t.pos != "PUNCT"]
    return min(t.start for t in toks), max(t.end for t in toks)


def _times_in(coder: Coder, toks: list[RuToken]):
    spans = [(t.start, t.end) for t in toks]
    return [t for t in coder.doc.times if t.type == "DATE" and t.value and any(t.start < e and s < t.end for s, e in spans)]


def own_time(coder: Coder, pred: RuToken):
    """The time expression of the predicate's own clause: an adverbial of the predicate or of
    the verbs it continues ("В тот же день парламент принял резолюцию, в которой ... призвал"),
    never a date inside a noun phrase ("итоги выборов 26 октября")."""
    parse = coder.parse
    tok: RuToken | None = pred
    for _ in range(5):
        if tok is None:
            return None
        for c in parse.children(tok, "obl", "advmod", "nmod:tmod", "obl:tmod"):
            found = _times_in(coder, parse.subtree(c))
            if found:
                return found[0]
        head = parse.head_of(tok)
        if tok.rel == "acl:relcl" and head is not None:
            head = parse.head_of(head)
        elif tok.rel not in ("conj", "xcomp", "ccomp", "nsubj", "obj", "obl", "nmod", "nsubj:pass"):
            head = None
        tok = head
    return None


def event_date(coder: Coder, pred: RuToken) -> tuple[str | None, str]:
    found = own_time(coder, pred)
    sent = coder.parse.sentences[pred.sent]
    if found is None:
        in_sentence = [t for t in coder.doc.times if t.type == "DATE" and t.value and sent.start <= t.start < sent.end]
        before = [t for t in in_sentence if t.end <= pred.start]
        found = before[-1] if before else (in_sentence[0] if len(in_sentence) == 1 else None)
    if found is None:
        words = {t.lemma for t in coder.parse.tokens[sent.first:sent.last]}
        if words & grammar(LANGUAGE).anaphoric_time:
            # "заявил тогда": the time named last before this sentence
            before = [t for t in coder.doc.times if t.end <= sent.start and t.type == "DATE" and t.value]
            found = before[-1] if before else None
    if found is not None:
        return date_for_span(coder.doc, found.start, found.end)
    published = coder.doc.published
    return (published[:10], "anchor") if published else (None, "none")


def make_event(coder: Coder, code: str, source: Actor, target: Actor, pred: RuToken, extra: list[RuToken], pattern: Pattern | None,
               reported: bool, basis: str | None = None) -> Event:
    cc = load_ontology().get(code)
    start, end = evidence_span(coder.parse, pred, extra)
    date, precision = event_date(coder, pred)
    factors = event_factors(code=code, plover=cc.plover, specificity=pattern.specificity if pattern else 0,
                            nominal=bool(pattern and pattern.nominal), origin=pattern.origin if pattern else "frames", intent=False,
                            source=source, source_basis=None, target=target, target_basis=basis, precision=precision,
                            reported=reported, pairs=1)
    return Event(source=event_side(source), target=event_side(target, basis), cameo=code, plover=cc.plover,
                 goldstein=cc.goldstein, quad_class=cc.quad_class, plover_mode=cc.plover_mode, date=date, date_precision=precision,
                 evidence=Span(start=start, end=end, text=coder.parse.text[start:end]),
                 modality="reported" if reported else "asserted", rule=f"{pattern.id} {pattern.text}" if pattern else "ru-statement",
                 confidence=confidence_of(factors), confidence_basis=list(factors))


def _targets(coder: Coder, p: Pattern, frame, sources: list[Actor]) -> list[Actor]:
    parse = coder.parse
    found: list[Actor] = []
    if not p.notarget:
        found += coder.parties(list(frame.objects))
    for prep in (*p.target_preps, *DEFAULT_TARGET_PREPS):
        found += coder.parties([o for pr, o, _ in frame.preps if pr == prep])
    if frame.pred.pos in ("NOUN", "PROPN"):
        found += coder.parties([t for t in frame.themes if t.rel == "nmod" and preposition(parse, t) is None])
    return [a for a in found if not any(_same_side(a, s) for s in sources)]


def nominal_sources(coder: Coder, noun: RuToken) -> tuple[list[Actor], list[RuToken]]:
    """Who carries out the act a noun names: the subject of the verb it is the object of
    ("объявил о приостановке"), else its genitive parties ("переговоры Путина и Пезешкиана")."""
    parse = coder.parse
    head = parse.head_of(noun)
    g = grammar(LANGUAGE)
    if head is not None and noun.rel in ("obj", "obl", "nmod") and head.lemma in g.carrying_verbs | g.happen_verbs:
        subj = subjects_of(parse, head)
        if subj:
            return coder.parties(subj), [head]
    gens = [c for c in parse.children(noun, "nmod") if preposition(parse, c) is None]
    return coder.parties(with_conjuncts(parse, gens)), []


def _decision(tok: RuToken, outcome: str, detail: str = "", pattern: Pattern | None = None, events: tuple[Event, ...] = (),
              sources: list[Actor] | None = None, targets: list[Actor] | None = None) -> Decision:
    return Decision(start=tok.start, end=tok.end, text=tok.text, lemma=tok.lemma, outcome=outcome, detail=detail, pattern=pattern,
                    events=events, sources=tuple(dict.fromkeys(a.id for a in sources or ())),
                    targets=tuple(dict.fromkeys(a.id for a in targets or ())))


def decide_predicate(coder: Coder, tok: RuToken) -> Decision | None:
    """What became of a verb or noun of the pattern dictionary (None: the word has no pattern)."""
    parse = coder.parse
    pats = ru_patterns()
    nominal = tok.pos in ("NOUN", "PROPN")
    candidates = (pats.nouns if nominal else pats.verbs).get(tok.lemma)
    if not candidates:
        return None
    frame = read_ud_frame(parse, tok)
    p = best_ru_pattern(parse, candidates, frame)
    if p is None:
        return _decision(tok, "no-pattern", f"no pattern for '{tok.lemma}' fits its arguments")
    sp = speech()
    fact = ud_factuality(parse, tok, LANGUAGE, sp.say, sp.think)
    if fact.reason is not None:
        return _decision(tok, fact.reason, fact.detail, p)
    extra: list[RuToken] = []
    if nominal:
        sources, extra = nominal_sources(coder, tok)
    else:
        sources = coder.parties(list(frame.subjects))
    if not sources:
        return _decision(tok, "no-source", "no actor is the subject (or, for a noun, the party) of the act", p)
    root = p.code[:2]
    targets = _targets(coder, p, frame, sources[:1])
    basis = None
    if len(sources) > 1 and root in MUTUAL_ROOTS:
        targets = sources[1:2]  # "Путин и Пезешкиан подписали": the two parties
    if not targets and root in DOMESTIC_ROOTS and sources[0].country:
        targets = [a for _, _, a in coder.mentions if a.type == "COUNTRY" and a.country == sources[0].country][:1]
        basis = "sentence"
    if not targets and root in ADDRESSED_ROOTS:
        dom = coder.dominant()
        if dom is not None and not _same_side(dom, sources[0]):
            targets, basis = [dom], "document"
    if not targets:
        return _decision(tok, "no-target", "no other actor is the object or the party of the pattern's prepositions", p, sources=sources)
    event = make_event(coder, p.code, sources[0], targets[0], tok, extra, p, fact.reported, basis)
    return _decision(tok, "event", "", p, (event,), sources, targets)


def _is_state(actor: Actor) -> bool:
    if actor.type == "COUNTRY":
        return True
    if actor.sector in STATE_SECTORS:
        return True
    return actor.country is None and (actor.code or "").startswith("IGO")


def decide_statement(coder: Coder, tok: RuToken) -> Decision | None:
    """"Оверчук заявил, что российская сторона рассматривает шаг Армении ...": 010 towards
    the first other state or organisation the clause names (None: not a declaring verb with a что-clause)."""
    parse = coder.parse
    if tok.lemma not in grammar(LANGUAGE).statement_verbs:
        return None
    clause = [c for c in parse.children(tok, "ccomp") if any(m.lemma == "что" for m in parse.children(c, "mark"))]
    if not clause:
        return None
    fact = ud_factuality(parse, tok, LANGUAGE, speech().say, speech().think)
    if fact.reason is not None:
        return _decision(tok, fact.reason, fact.detail)
    sources = coder.parties(list(parse.children(tok, "nsubj")))
    if not sources or not _is_state(sources[0]):
        return _decision(tok, "no-source", "the statement's subject is no state actor (a government, a state, an IGO)")
    content = parse.subtree(clause[0])
    named = [a for a in coder.actors_in(content) if a.type in ("COUNTRY", "ORG") and _is_state(a)]
    named.sort(key=lambda a: min(s for s, _, b in coder.mentions if b.id == a.id and s >= content[0].start) if any(
        b.id == a.id and s >= content[0].start for s, _, b in coder.mentions) else 0)
    targets = [a for a in named if not _same_side(a, sources[0])]
    if not targets:
        return _decision(tok, "no-target", "the что-clause names no other state or organisation", sources=sources)
    event = make_event(coder, STATEMENT_CODE, sources[0], targets[0], tok, [], None, fact.reported)
    return _decision(tok, "event", "", None, (event,), sources, targets)


def code_russian_parse(doc: Document, parse: RuParse) -> Coding:
    """Every event of a Russian document, in text order, one per act and pair of sides, with a
    Decision for every predicate considered (what `dyadwatch explain` shows)."""
    mentions = sorted(((m.start, m.end, a) for a in doc.actors for m in a.mentions), key=lambda m: m[0])
    coder = Coder(doc=doc, parse=parse, mentions=mentions, events=[])
    coding = Coding()
    seen: set[tuple] = set()
    for tok in parse.tokens:
        if tok.pos not in ("VERB", "NOUN", "PROPN", "ADJ"):
            continue
        for decision in (decide_predicate(coder, tok), decide_statement(coder, tok)):
            if decision is None:
                continue
            coding.decisions.append(decision)
            for ev in decision.events:
                key = (ev.cameo, ev.source.actor_id if ev.source else None, ev.target.actor_id if ev.target else None, tok.sent)
                if key not in seen:
                    seen.add(key)
                    coding.events.append(ev)
    return coding


def code_russian(doc: Document, parse: RuParse) -> list[Event]:
    """Every event of a Russian document, in text order, one per act and pair of sides."""
    return code_russian_parse(doc, parse).events


@register("events-ru", 1, requires=["text", "parse", "actors", "times"], provides=["events"])
def events_ru_stage(work: Work) -> Work:
    """Who did what to whom in Russian text, coded to CAMEO and PLOVER, dated and placed."""
    if isinstance(work.parse, RuParse) and work.doc.text:
        work.doc.events = code_russian(work.doc, work.parse)
    return work
