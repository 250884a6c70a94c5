"""The event coder: predicates of a dependency parse matched against the verb patterns.

For each verb (and each noun that names an act) the coder reads the predicate's frame
(subject, objects, prepositional objects, complements, particles), picks the most specific
matching pattern, checks that the act happened (not negated, modal, future, conditional,
asked or merely intended), finds the actors on each side, and builds one Event per
source-target pair with its CAMEO code, PLOVER type, Goldstein score, date, place and
evidence. Every predicate considered leaves a Decision saying what became of it, which is
what `dyadwatch explain` shows.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from ..models import Actor, Document, Event, Span
from ..times.governing import date_for_span
from .anaphora import document_subject, parties_between, plural_pair
from .background import is_background, recalled_by_its_year
from .confidence import confidence_of, event_factors
from .args import Frame, children, matches, nominal_frame, preps_of, read_frame, token_keys, verb_lemmas
from .frames import LANGUAGE, Factuality, awaited_condition, factuality
from .grammar import grammar
from .ontology import intent_code, load_ontology
from .patterns import Pattern, PatternSet, load_patterns
from .mutual import MILITARY_COOPERATION_CODE, agreed_between_subjects, joint_sides, mutual_pairs
from .parties import (MUTUAL_ROOTS, REFUSAL_ROOT, between_pair, condition_parties, defied_parties, find_sources, find_targets, place_targets, protest_aims,
                      reporting_frame, speakers, told_parties, yielded_parties)
from .places import place_of
from .relevance import political, political_sentence
from .sides import GROUP_ID_PREFIX, actors_of, actors_of_phrase, event_side, group_actors, is_state_side, mention_index
from .unnamed import (AUTHORITY_CODES, PERSON_NOUNS, PRONOUNS, VICTIM_ROOTS, VIOLENT_ROOTS, act_tokens,
                      domestic_target, in_context, object_side, place_authority, placed_group, unnamed_group, unnamed_victims)

Token = Any

# Roots whose acts several subjects do to each other when no one else is named (fighting).
RECIPROCAL_ROOTS = frozenset({"19"})
# A truce stops fire on both sides: "X and Y stopped firing" is each one's truce with the other.
TRUCE_CODES = frozenset({"0871"})
# Things only two parties reach together: failing or refusing one (REFUSAL_ROOT) is mutual.
JOINT_OUTCOMES = frozenset({"agreement", "deal", "accord", "consensus", "compromise", "agree", "settlement", "treaty"})
# Meetings held where neither side is from (CAMEO 044 "meet at a third location").
MEETING_CODES = frozenset({"040", "046"})
# Meetings and visits: where they happen says nothing about whose the unnamed side is.
MEETING_ROOT = "04"
# "X said Y must/should ..." (data/en/grammar.toml: obligation_modals): a demand (100) or an
# appeal (020) by X on Y.
DEMAND_CODE, APPEAL_CODE = "100", "020"
# "X said it will not ...": a refusal, the closer 12x code by the act refused.
COMMITMENT_AUX = frozenset({"will", "would", "wo", "'ll", "shall"})
REFUSAL_CODES = {"04": "125", "06": "121", "07": "122", "08": "124", "03": "120"}
# Words that announce the subject's own coming act ("is ready to send troops"); a stated
# intention is coded with the intent code of the act (data/events/intent.tsv).
INTENT_HEADS = frozenset({"willing", "ready", "prepared", "plan", "intend", "determined", "resolve",
                          "commit", "eager", "set", "poised", "want", "seek", "aim", "mean", "going", "try"})
THIRD_PLACE_CODE = "044"
# "X prepared to attack": the code of readying forces for an attack, and the verbs that
# carry the act down to the attack ("prepared to resume shelling").
PREPARATION_CODE = "150"
PREPARING_HEADS = frozenset({"prepare"})
# "X may/could halt its mediation if ...": measures (reduced relations, coercion) that a
# possibility modal and a condition on others turn into threats.
CONDITIONAL_MEASURE_ROOTS = frozenset({"16", "17"})
POSSIBILITY_MODALS = frozenset({"may", "might", "could"})
# Acts that move the actor's own forces or staff (withdrawals, deployments, peacekeepers,
# monitors and aid workers sent or pulled out): in the passive the forces name their side.
OWN_FORCE_CODES = ("087", "1661", "1662", "1663", "154", "074")
# "X announced it would cut aid to Y": a measure of reduced relations (CAMEO 16) that its
# author announces as decided, in the past of reported speech and with no condition on anyone,
# is the measure taken (the CAMEO codebook's own example of 162); "X announced that it will
# withdraw ..." keeps the future in the lead, which the codebook reads as a threat (its note
# on 136), and "X said it would cut aid unless ..." is a threat too.
ANNOUNCED_MEASURE_ROOTS = frozenset({"16"})
DECISION_FRAMES = frozenset({"announce", "decide"})
# Nouns that name a whole conflict ("the 2020 war", "the invasion"): with no side named they
# are background, not an act of violence of their own.
BACKGROUND_WARS = frozenset({"war", "invasion", "offensive", "aggression", "incursion", "conflict", "attack"})
THREAT_CODE = "130"
CONDITION_MARKS = frozenset({"unless", "if"})
# Shows of force done together by two states are military cooperation ("French and Egyptian
# warships launched war games": 062, not 150).
JOINT_CODES = {"150": "062"}
PARTNER_NOUNS = frozenset({"ally", "partner", "neighbour", "neighbor", "coalition", "counterpart"})
# Roots whose acts CAMEO codes with the source alone when the text names no target
# (statements, intentions, concessions, demands, rejections, threats, protests, shows of force).
SOURCE_ONLY_ROOTS = frozenset({"01", "03", "08", "10", "12", "13", "14", "15"})
# Condemnation, accusation and verdicts too ("condemned the attack", "convicted the party"):
# acts of their source even when what they fall on names no actor; bare opposition (110,
# "Moscow resists this") is not.
SOURCE_ONLY_CODES = frozenset({"111", "112", "115", "116"})
# "X said Y must drop barriers": a demand whatever the act demanded, so a verb with no
# pattern of its own still codes when an obligation modal and a frame of saying govern it.
OBLIGATION = Pattern(id="frames:obligation", code=DEMAND_CODE, lemmas=frozenset(), untargeted=False,
                     note="reported obligation on another actor", text="100 <verb under must/should in reported speech>", origin="frames")
# "X will not return to work until Y ...": a refusal whatever the act, aimed at the one the
# condition waits for, so a verb with no pattern of its own still codes (CAMEO 12).
REFUSAL = Pattern(id="frames:refusal", code="120", lemmas=frozenset(), untargeted=True,
                  note="refusal until a condition is met", text="120 <negated commitment with an until/unless condition>", origin="frames")
VERB_POS = frozenset({"VERB"})
NOUN_POS = frozenset({"NOUN", "PROPN"})


@dataclass(frozen=True)
class Decision:
    """What became of one predicate: the event(s) it gave, or why it gave none."""

    start: int
    end: int
    text: str
    lemma: str
    outcome: str  # event | not-political | no-pattern | negated | modal | future | conditional | question | embedded | purpose | hypothetical | trend | no-source | no-target
    detail: str = ""
    pattern: Pattern | None = None
    events: tuple[Event, ...] = ()
    sources: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    groups: tuple[Actor, ...] = ()  # sides the coder named from the text, not actors of the document


@dataclass
class Coding:
    events: list[Event] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    groups: list[Actor] = field(default_factory=list)  # the named-from-text sides its events use


def theme_role_keys(doc: Document, f: Frame) -> frozenset[str]:
    """The head words of the roles held by the persons a theme names: a pattern about an
    ambassador fits "summoned Rahman Mustafayev" when the text calls him the ambassador."""
    keys: set[str] = set()
    for t in f.themes:
        if t.pos_ != "PROPN":
            continue
        for a in actors_of_phrase(doc, t):
            if a.type == "PERSON":
                keys.update(r.split()[-1].lower() for r in a.roles if r.split())
    return frozenset(keys)


def best_pattern(candidates: tuple[Pattern, ...], f: Frame, role_keys: frozenset[str] = frozenset()) -> Pattern | None:
    fitting = [p for p in candidates if matches(p, f, role_keys)]
    if not fitting:
        return None
    # Equally constrained patterns: the one whose theme is the direct object ("gave approval
    # for X to deliver aid" is a permission, "cut tariffs on $1 billion" an easing), then the
    # finer CAMEO code ("military aid" fits both the aid set of 162 and the military-aid set
    # of 1622), then the built-in, then the earlier line.
    def on_object(p: Pattern) -> bool:
        return p.theme is not None and any(token_keys(o) & p.theme for o in f.objects)
    return max(fitting, key=lambda p: (p.specificity, on_object(p), len(p.code), p.origin == "builtin", -p.line))


def evidence_span(doc: Document, f: Frame, sides: list[Token]) -> Span:
    pred = f.pred
    skip = {c.i for c in pred.children if c.dep_ in ("conj", "cc") and c.pos_ in ("VERB", "AUX", "CCONJ")}
    toks = [pred]
    for c in pred.children:
        if c.i not in skip:
            toks.extend(c.subtree)
    if pred.dep_ in ("acl", "relcl"):
        toks.append(pred.head)
    toks += sides
    start = min(t.idx for t in toks)
    end = max(t.idx + len(t.text) for t in toks)
    return Span(start=start, end=end, text=doc.text[start:end])


# Children of a predicate that hold other acts, with their own dates ("met on Monday, after the
# accord was signed in 2019", "said that X attacked in May", "..., but he warned that ...").
OTHER_CLAUSE_DEPS = frozenset({"advcl", "conj", "cc", "relcl", "parataxis", "ccomp", "csubj", "acl"})


def own_clause_span(doc: Document, pred: Token) -> tuple[int, int]:
    """Where the predicate's own clause is: the predicate and its phrases, without the
    clauses hanging on it (the span a governing time expression is looked for in)."""
    toks = [pred] + [t for c in pred.children if c.dep_ not in OTHER_CLAUSE_DEPS and c.dep_ != "punct" for t in c.subtree]
    return min(t.idx for t in toks), max(t.idx + len(t.text) for t in toks)


def event_date(doc: Document, pred: Token, span: Span) -> tuple[str | None, str]:
    """The date of the act: the time expression of its own clause; for a verb that shares the
    subject of the verb it is coordinated with ("met X on Monday and signed Y"), that verb's;
    else the publication date (precision 'anchor')."""
    tok = pred
    for _ in range(4):
        value, precision = date_for_span(doc, *own_clause_span(doc, tok))
        if precision not in ("anchor", "none"):
            return value, precision
        shares_subject = tok.dep_ in ("conj", "xcomp") and tok.head.i != tok.i and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
        if not shares_subject:
            break
        tok = tok.head
    return value, precision


def _in_quote(doc: Document, span: Span) -> bool:
    return any(q.start <= span.start and span.end <= q.end for q in doc.quotes)


def act_date(doc: Document, f: Frame) -> tuple[Span, str | None, str]:
    """The evidence span of the act and the date of its own clause (value, precision)."""
    side_toks = [t for t in (*f.subjects, *f.agents) if abs(t.i - f.pred.i) < 40]
    span = evidence_span(doc, f, side_toks)
    return (span, *event_date(doc, f.pred, span))


def build_events(doc: Document, p: Pattern, f: Frame, sources: list[Actor], targets: list[Actor], reported: bool) -> list[Event]:
    onto = load_ontology()
    pairs: list[tuple[Actor | None, Actor | None]] = [(s, t) for s in sources for t in targets if s.id != t.id]
    if not sources:
        # Violence with neither author nor victim named still happened (see _decide).
        pairs = [(None, t) for t in targets] or ([(None, None)] if p.code[:2] in VIOLENT_ROOTS else [])
    elif not targets:
        if len(sources) >= 2 and reciprocal(p, f):
            # "Ankara and Baku signed an accord": a mutual act with no one else named binds its
            # subjects to each other, each one's act on the other (CAMEO codes a mutual act
            # once per direction); "Japan and Australia expressed concern" is each one's act.
            pairs = mutual_pairs(sources)
        else:
            pairs = [(s, None) for s in sources]
    span, date, precision = act_date(doc, f)
    location = place_of(f.pred, list(f.themes))
    modality = "reported" if reported or _in_quote(doc, span) else "asserted"
    clause = act_tokens(f.pred)
    act_place = place_of(f.pred, list(f.themes))
    events = []
    about_politics = political_sentence(doc, f.pred.sent)
    for src, tgt in pairs:
        if not (about_politics or political(src) or political(tgt)):
            continue  # sport, recipes, reviews: no state, organisation, armed group, party or official acts
        code = p.code
        # Where a meeting or a discussion takes place says nothing about whose its parties are.
        where = None if code[:2] == MEETING_ROOT else act_place
        src, src_basis = in_context(doc, src, clause, where, other=tgt, violent=code[:2] in VIOLENT_ROOTS)
        tgt, tgt_basis = in_context(doc, tgt, clause, where, other=src)
        countries = {src.country if src else None, tgt.country if tgt else None} - {None}
        if code in MEETING_CODES and location and location.country and len(countries) == 2 and location.country not in countries:
            code = THIRD_PLACE_CODE
        entry = onto.get(code)
        factors = event_factors(code=code, plover=entry.plover, specificity=p.specificity, nominal=p.nominal, origin=p.origin,
                                intent=p.note.startswith("stated intention"), source=src, source_basis=src_basis, target=tgt,
                                target_basis=tgt_basis, precision=precision, reported=modality == "reported", pairs=len(pairs))
        events.append(Event(
            source=event_side(src, src_basis), target=event_side(tgt, tgt_basis), cameo=code, plover=entry.plover, goldstein=entry.goldstein,
            quad_class=entry.quad_class, plover_mode=entry.plover_mode, date=date, date_precision=precision,
            location=location, evidence=span, modality=modality, rule=f"{p.id} {p.text}",
            confidence=confidence_of(factors), confidence_basis=list(factors),
        ))
    return events


def _decide(doc: Document, tok: Token, candidates: tuple[Pattern, ...], f: Frame) -> Decision:
    base = dict(start=tok.idx, end=tok.idx + len(tok.text), text=tok.text, lemma=tok.lemma_.lower())
    p = best_pattern(candidates, f, theme_role_keys(doc, f))
    if p is None:
        return Decision(**base, outcome="no-pattern", detail=f"no pattern for '{tok.lemma_}' fits its arguments")
    fact = factuality(tok)
    if fact.reason in ("modal", "negated") or (fact.reason == "embedded" and _aux_words(tok) & grammar(LANGUAGE).obligation_modals):
        framed = framed_stance(doc, tok, p, f, fact)
        if framed is not None:
            return framed(base)
    if fact.reason == "embedded" and p.code[:2] in VIOLENT_ROOTS and prepared_attack(tok):
        # "the army prepared to resume shelling X": forces readied for an attack are a show
        # of force (CAMEO 15), done now; the attack itself has not happened.
        p = replace(p, code=PREPARATION_CODE, note=f"forces readied for an attack ({p.code})")
        fact = Factuality(None, "", fact.reported)
    intent = None
    possible_measure = False
    if fact.reason is not None:
        intent = intent_code(p.code) if stated_intention(tok, fact, f) else None
        if intent is None and fact.reason == "modal" and p.code[:2] in CONDITIONAL_MEASURE_ROOTS \
                and _aux_words(tok) & POSSIBILITY_MODALS and _conditional_on_other(tok):
            # "X may halt its mediation if the parties do not cooperate": a measure held over
            # others on a condition is a threat of it (CAMEO 13x), whoever reports it.
            intent, possible_measure = intent_code(p.code), True
        if intent is not None and _conditional_on_other(tok, cooperative=intent.startswith("03")):
            # "will withdraw its force unless X ...": an intention made conditional on another
            # party's act is a threat (CAMEO 13x) whatever the act.
            intent = intent if intent.startswith("13") else THREAT_CODE
        elif intent is not None and intent.startswith("13") and announced_measure(tok, p):
            intent = p.code
        if intent is None:
            return Decision(**base, outcome=fact.reason, detail=fact.detail, pattern=p)
    sources = find_sources(doc, p, f)
    if intent is not None:
        # A plan the narrator attributes to the actor ("Greece plans to impose ...") is the
        # actor's; a coming act of cooperation is coded as intent whoever reports it.
        cooperative = intent.startswith("03")
        if not sources or not (cooperative or possible_measure or own_act(doc, tok, sources, narrated=fact.reason == "embedded")):
            return Decision(**base, outcome=fact.reason or "future", detail=fact.detail + "; not the speaker's own stated intention", pattern=p)
        if intent == p.code:
            p = replace(p, note="a measure announced as decided, no threat; " + p.note)
        else:
            p = replace(p, code=intent, note=f"stated intention to act ({p.code} -> {intent}); " + p.note)
    if not sources and p.code[:2] in MUTUAL_ROOTS:
        pair = between_pair(doc, tok)
        if pair:
            return _finish(doc, base, p, f, pair[:1], pair[1:], fact.reported)
    is_document = False
    if not sources:
        sources = plural_pair(doc, f)
    if not sources:
        sources = force_owners(doc, p, f)
    if not sources:
        is_document, sources = document_subject(doc, f)
    if not sources:
        group = None if is_document else unnamed_group(doc, p, f)
        if group is None and f.passive and p.hostsource:
            # "the ambassador was summoned to the Foreign Ministry": the host institution
            # complains; with a bare "to the ministry" the complaint stands without a source.
            hosts = [a for prep, o, at in f.preps if at.i == f.pred.i and prep == "to" for a in actors_of(doc, o) if a.type != "PERSON"]
            guests = [a for o in f.objects for a in actors_of(doc, o)]
            if guests:
                return _finish(doc, base, p, f, hosts[:1], guests, fact.reported)
        if group is None and f.passive and (p.code[:2] in VICTIM_ROOTS or p.code.startswith(AUTHORITY_CODES)):
            # "three soldiers were killed": the act is certain, its author unknown; "was
            # arrested in Lebanon": the authorities of the place act.
            victims = [a for o in f.objects for a in actors_of(doc, o)] or [g for o in f.objects if (g := placed_group(doc, o))]
            authority = place_authority(doc, p, f)
            if victims or authority:
                return _finish(doc, base, p, f, [authority] if authority else [], victims, fact.reported)
        if group is None and not is_document and p.code[:2] in VIOLENT_ROOTS:
            # "a car bomb killed two officers", "died after torture in custody": the violence is
            # a fact whose author the text does not name (CAMEO codes it with a blank source).
            targets = find_targets(doc, p, f, [], places=False) or place_targets(doc, p, f, [])
            if targets or f.passive or (p.nominal and f.pred.lemma_.lower() not in BACKGROUND_WARS):
                return _finish(doc, base, p, f, [], targets, fact.reported)
        if group is None and not is_document:
            return Decision(**base, outcome="no-source", detail="no actor found as the subject (or agent) of the act", pattern=p)
        sources = [group] if group is not None else []
    targets = (yielded_parties(doc, p, f, sources) or parties_between(doc, p, f, sources) or find_targets(doc, p, f, sources, places=False) or condition_parties(doc, p, f, sources) or defied_parties(doc, p, f, sources) or protest_aims(doc, p, f, sources) or domestic_target(doc, p, f, sources)
               or unnamed_victims(doc, p, f, sources) or place_targets(doc, p, f, sources))
    if intent is not None and all(a.id.startswith(GROUP_ID_PREFIX) or a.type == "LOCATION" for a in targets):
        # "X told Y it was ready to contribute ships to a patrol in the Baltic Sea": the
        # intention is told to Y, its addressee when the intended act names no party of its own.
        targets = told_parties(doc, tok, sources) or targets
    mutual = len(sources) >= 2 and reciprocal(p, f)
    if mutual and p.code not in TRUCE_CODES:
        # "the two sides agreed in Tirana": where a mutual act is done is no party to it; the
        # place of a truce ("a ceasefire in Idlib") is the front its fighters hold.
        targets = [a for a in targets if a.type != "LOCATION"]
        if agreed_between_subjects(doc, p, f, sources, targets):
            targets = []  # the agreement binds its subjects; the third party is what it is about
    joint = p.code in JOINT_CODES and done_together(f, sources)
    if not targets and not joint and not mutual:
        targets = object_side(doc, p, f, sources)
    partners, opposed = joint_sides(doc, p, f, sources)
    if partners:
        targets = opposed or [a for a in targets if all(a.id != b.id for b in partners)]
    if not sources and not targets:
        return Decision(**base, outcome="no-source", detail="a document or incident is no actor, and the act has no target", pattern=p)
    if not targets and not mutual and not p.untargeted and p.code[:2] not in SOURCE_ONLY_ROOTS and p.code not in SOURCE_ONLY_CODES and not sense_is_certain(p, f):
        return Decision(**base, outcome="no-target", detail="no actor found as the object of the act", pattern=p,
                        sources=tuple(a.id for a in sources))
    decision = _finish(doc, base, p, f, sources, targets, fact.reported)
    if partners and decision.outcome == "event":
        joint_p = replace(p, code=MILITARY_COOPERATION_CODE, note=f"fighting beside the source in a joint act ({p.code})")
        allied = build_events(doc, joint_p, f, sources, partners, fact.reported)
        decision = replace(decision, events=decision.events + tuple(allied))
    return decision


def prepared_attack(tok: Token) -> bool:
    """Is the violent act what its subject prepared to do ("prepared to attack", "prepared to
    resume shelling"), with the preparing itself stated as done?"""
    for _ in range(3):
        if tok.dep_ != "xcomp" or tok.head.i == tok.i:
            return False
        head = tok.head
        if head.lemma_.lower() in PREPARING_HEADS and head.pos_ == "VERB":
            return factuality(head).reason is None
        if head.lemma_.lower() not in grammar(LANGUAGE).implicative_heads:
            return False
        tok = head
    return False


def force_owners(doc: Document, p: Pattern, f: Frame) -> list[Actor]:
    """Who moves forces that the passive names with no agent: their own side ("UN
    peacekeepers were pulled out of X" is the UN's withdrawal, "Ruritanian troops were
    deployed along the border" Ruritania's deployment). Only for acts whose theme is the
    actor's own forces or staff; people released or expelled are never their own source."""
    if not (f.passive and not f.agents and p.theme is not None and p.code.startswith(OWN_FORCE_CODES)):
        return []
    found: list[Actor] = []
    for o in f.objects:
        if token_keys(o) & p.theme:
            found += [a for a in actors_of(doc, o) if a.type != "LOCATION" and all(a.id != b.id for b in found)]
    return found


def announced_measure(tok: Token, p: Pattern) -> bool:
    """Is the act a measure of reduced relations announced as decided ("announced it would
    suspend aid", "decided it would expel the envoy"), not held over anyone as a threat?"""
    frame = reporting_frame(tok)
    backshifted = any(c.dep_ == "aux" and c.lower_ == "would" for c in tok.children)
    return (p.code[:2] in ANNOUNCED_MEASURE_ROOTS and backshifted and frame is not None
            and frame.lemma_.lower() in DECISION_FRAMES)


def done_together(f: Frame, sources: list[Actor]) -> bool:
    """Is a show of force done jointly: by sides of two countries, or by a named side and
    partners coordinated with it ("X and its allies launched war games")?"""
    if len({a.country for a in sources} - {None}) >= 2:
        return True
    coordinated = len(f.subjects) >= 2 or any(t.dep_ == "cc" for s in f.subjects for t in s.subtree)
    return bool(sources) and coordinated and any(s.lemma_.lower() in PARTNER_NOUNS for s in f.subjects)


def reciprocal(p: Pattern, f: Frame) -> bool:
    """Do several subjects act on one another: a mutual act (agree, meet, cooperate), fighting
    ("rebels and soldiers clashed"), or any act done to "each other" / "one another"?"""
    if p.code[:2] in MUTUAL_ROOTS or p.code[:2] in RECIPROCAL_ROOTS or p.code in TRUCE_CODES:
        return True
    if p.code[:2] == REFUSAL_ROOT and any(t.lemma_.lower() in JOINT_OUTCOMES for t in (f.pred, *f.themes, *f.complements)):
        return True  # "A and B failed to reach agreement": the refusal of a mutual act is mutual
    words = [t.lower_ for t in f.pred.subtree]
    return any(a == "each" and b == "other" or a == "one" and b == "another" for a, b in zip(words, words[1:]))


def _conditional_on_other(tok: Token, *, cooperative: bool = False) -> bool:
    """Is the act made conditional on another's ("unless X complies", "if X does not")?

    An offer of help "should it be invaded" stays an offer: for cooperative acts only "unless"
    or a negated condition makes a threat."""
    for c in tok.children:
        if c.dep_ != "advcl":
            continue
        marks = {m.lower_ for m in c.children if m.dep_ == "mark"} & CONDITION_MARKS
        if marks and (not cooperative or "unless" in marks or any(m.dep_ == "neg" for m in c.children)):
            return True
    return False


def sense_is_certain(p: Pattern, f: Frame) -> bool:
    """May the act stand without a target? When a theme or complement the pattern names
    fixes the verb's sense ("provided aid", "extended a cordial welcome"), when the verb has no
    object that could make it figurative, or when violence is done to counted or named people."""
    if p.theme is not None or p.complement is not None or p.subject is not None or p.purpose is not None or p.nominal:
        return True
    objects = list(f.objects)
    if not objects:
        return not f.passive
    if p.code[:2] in VICTIM_ROOTS:
        return any(o.lemma_.lower() in PERSON_NOUNS or o.pos_ == "NUM" or any(c.dep_ == "nummod" for c in o.children) for o in objects)
    return False


def _aux_words(tok: Token) -> set[str]:
    """The auxiliaries of the verb, and of the copula of "must be ready to <verb>"."""
    words = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
    head = tok.head
    if tok.dep_ == "xcomp" and head.dep_ == "acomp" and head.lemma_.lower() in INTENT_HEADS:
        words |= {c.lower_ for c in head.head.children if c.dep_ in ("aux", "auxpass")}
    return words


def refusal_targets(doc: Document, tok: Token, p: Pattern, f: Frame, subjects: list[Actor]) -> list[Actor]:
    """Whom a refusal is aimed at: the one its condition waits for ("until the ministry
    raises wages", "until the demands are met by the authorities"), else the act's target."""
    cond = awaited_condition(tok)
    if cond is not None:
        ids = {a.id for a in subjects}
        heads = children(cond, "nsubj") + [o for prep, o, _ in preps_of(cond) if prep == "by"]
        found = [a for h in heads for a in actors_of(doc, h) if a.id not in ids]
        if found:
            return found
    return find_targets(doc, p, f, subjects)


def framed_stance(doc: Document, tok: Token, p: Pattern, f: Frame, fact: Factuality):
    """Reported obligations and refusals: "X said Y must withdraw" is X's demand on Y;
    "X said it will not withdraw" is X's refusal. Returns a maker of the Decision, or None."""
    frame = reporting_frame(tok)
    aux = _aux_words(tok)
    if frame is None:
        return _narrated_refusal(doc, tok, p, f, fact, aux)
    said_by = speakers(doc, frame)
    if not said_by:
        # "The committee declared that it will not ...": a speaker the coder names from the text.
        group = unnamed_group(doc, p, read_frame(frame))
        said_by = [group] if group is not None else []
    if not said_by:
        return None
    subjects = find_sources(doc, p, f)
    if not subjects and f.subjects and all(h.lower_ in PRONOUNS for h in f.subjects):
        subjects = said_by
    if fact.reason in ("modal", "embedded") and aux & grammar(LANGUAGE).obligation_modals:
        targets = [a for a in subjects if all(a.id != b.id and not (a.country == b.country and is_state_side(a) and is_state_side(b))
                                              for b in said_by)]
        if not targets:
            return None
        code = DEMAND_CODE if aux & {"must"} else APPEAL_CODE
        stance = replace(p, code=code, note=f"reported obligation: the speaker demands the act ({p.code}) of the target")
        return lambda base: _finish(doc, base, stance, f, said_by, targets, True)
    if fact.reason == "negated" and aux & COMMITMENT_AUX:
        if not subjects or not (subjects is said_by or own_act(doc, tok, subjects)):
            return None
        code = REFUSAL_CODES.get(p.code[:2], "120")
        stance = replace(p, code=code, note=f"stated refusal to act ({p.code})")
        return lambda base: _finish(doc, base, stance, f, subjects, refusal_targets(doc, tok, p, f, subjects), True)
    return None


def _narrated_refusal(doc: Document, tok: Token, p: Pattern, f: Frame, fact: Factuality, aux: set[str]):
    """"Israel will not release the prisoners" in the narration: the news reports a stated
    refusal, coded like "Israel said it will not release ..." (outside anyone's quotation,
    where it would be that speaker's prediction)."""
    if fact.reason != "negated" or not aux & COMMITMENT_AUX or f.passive or (p.code[:2] not in REFUSAL_CODES and awaited_condition(tok) is None):
        return None  # "will not attack" is no rejection: only cooperation and yielding can be refused
    if any(q.start <= tok.idx < q.end for q in doc.quotes):
        return None
    subjects = find_sources(doc, p, f)
    if not subjects:
        return None
    stance = replace(p, code=REFUSAL_CODES.get(p.code[:2], "120"), note=f"stated refusal to act ({p.code})")
    return lambda base: _finish(doc, base, stance, f, subjects, refusal_targets(doc, tok, p, f, subjects), False)


def stated_intention(tok: Token, fact: Factuality, f: Frame) -> bool:
    """Is the unrealised act a commitment ("will send", "said it would permit", "is ready to attack")?"""
    if f.passive:
        return False  # "compensation will be paid (by X)": a passive future predicts; nobody commits
    if fact.reason == "future":
        return True
    if fact.reason == "modal":
        would = any(c.dep_ == "aux" and c.lower_ == "would" for c in tok.children)
        return would and reporting_frame(tok) is not None
    if fact.reason == "embedded" and tok.dep_ == "xcomp":
        return tok.head.lemma_.lower() in INTENT_HEADS
    return False


def own_act(doc: Document, tok: Token, sources: list[Actor], *, narrated: bool = False) -> bool:
    """A commitment counts when the one who states it (in a report or a quotation) is the one who will act."""
    frame = reporting_frame(tok)
    said_by = speakers(doc, frame) if frame is not None else []
    if frame is None:
        quote = next((q for q in doc.quotes if q.start <= tok.idx < q.end), None)
        if quote is None:
            # News narration of an actor's coming cooperation ("Finland will give Tanzania a
            # grant") reports an announced plan, which CAMEO codes as intent (`narrated`). A
            # threat is an act of speech: the narrator's "X will attack" is a prediction unless
            # X says it. Inside someone else's quotation both are that speaker's prediction.
            return narrated
        who = quote.speaker.actor_id if quote.speaker else None
        said_by = [a for a in doc.actors if a.id == who]
    if not said_by:
        return False
    ids = {a.id for a in said_by} | {a.country for a in said_by if a.country}
    return any(a.id in ids or (a.country and a.country in ids) for a in sources)


def _finish(doc: Document, base: dict, p: Pattern, f: Frame, sources: list[Actor], targets: list[Actor], reported: bool) -> Decision:
    if p.code in JOINT_CODES and not targets and done_together(f, sources):
        p = replace(p, code=JOINT_CODES[p.code], note="done together by two states: " + p.note)
    recalled = recalled_by_its_year(f.pred, doc.times, doc.published)
    if recalled is not None:
        # "China signed a security pact with X in 2022": background to the news, not a new event.
        return Decision(**base, outcome="background", pattern=p, detail=f"dated by its own phrase {recalled.text!r}, "
                        "a year before publication: a past act recalled as background")
    events = build_events(doc, p, f, sources, targets, reported)
    if not events:
        return Decision(**base, outcome="not-political", pattern=p, sources=tuple(a.id for a in sources), targets=tuple(a.id for a in targets),
                        detail="no side is a state, government, organisation, armed group, party, official or political crowd")
    groups = tuple(a for a in (*sources, *targets) if a.id.startswith(GROUP_ID_PREFIX))
    return Decision(**base, outcome="event", detail=p.note, pattern=p, events=tuple(events),
                    sources=tuple(a.id for a in sources), targets=tuple(a.id for a in targets), groups=groups)


def _is_theme_of_coded_verb(noun: Token, patterns: PatternSet) -> bool:
    """Is the noun the theme a verb pattern already codes ("offered an apology")?"""
    head = noun.head
    if noun.dep_ not in ("dobj", "nsubjpass") or head.pos_ != "VERB":
        return False
    keys = token_keys(noun)
    return any(p.theme is not None and p.theme & keys for p in patterns.verbs.get(head.lemma_.lower(), ()))


def code_parse(doc: Document, parse: Any, patterns: PatternSet | None = None) -> Coding:
    """Every event the parsed text states, with a Decision for every predicate considered."""
    patterns = patterns or load_patterns()
    mention_index(doc, fresh=True)
    coding = Coding()
    seen: set[tuple] = set()
    used: dict[str, Actor] = {}
    for tok in parse:
        lemma = tok.lemma_.lower()
        if tok.pos_ in VERB_POS and lemma not in patterns.verbs:
            lemma = next((w for w in verb_lemmas(tok) if w in patterns.verbs), lemma)
        obliged = tok.pos_ in VERB_POS and bool(_aux_words(tok) & grammar(LANGUAGE).obligation_modals) and reporting_frame(tok) is not None
        refusing = tok.pos_ in VERB_POS and bool(_aux_words(tok) & COMMITMENT_AUX) and awaited_condition(tok) is not None
        if tok.pos_ in VERB_POS and (lemma in patterns.verbs or obliged or refusing):
            extra = ((OBLIGATION,) if obliged else ()) + ((REFUSAL,) if refusing else ())
            decision = _decide(doc, tok, patterns.verbs.get(lemma, ()) + extra, read_frame(tok))
        elif tok.pos_ in NOUN_POS:
            keys = token_keys(tok) & patterns.nouns.keys()
            if not keys or _is_theme_of_coded_verb(tok, patterns):
                continue
            if is_background(tok):
                coding.decisions.append(Decision(start=tok.idx, end=tok.idx + len(tok.text), text=tok.text, lemma=lemma,
                                                 outcome="background", detail="an earlier act recalled as background, not a new event"))
                continue
            cands = tuple(p for k in sorted(keys) for p in patterns.nouns[k])
            decision = _decide(doc, tok, cands, nominal_frame(tok))
        else:
            continue
        coding.decisions.append(decision)
        for g in decision.groups:
            used.setdefault(g.id, g)
        for e in decision.events:
            key = (e.cameo, e.source and e.source.actor_id, e.target and e.target.actor_id, tok.sent.start)
            if key not in seen:
                seen.add(key)
                coding.events.append(e)
    coding.groups = group_actors(coding.events, used, {a.id for a in doc.actors})
    return coding
