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
from .frames import REPORTING, Factuality, factuality
from .ontology import intent_code, load_ontology
from .patterns import Pattern, PatternSet, load_patterns
from .places import place_of
from .sides import GROUP_ID_PREFIX, actors_of, event_side, group_side, place_country, subtree_actors

Token = Any

# Nouns of quantity whose "of" phrase names the real theme.
MEASURES = frozenset({"ton", "tonne", "kg", "kilogram", "million", "billion", "thousand", "hundred", "lot", "amount", "number",
                      "batch", "shipment", "consignment", "package", "load", "cargo", "plane", "truck", "convoy", "quantity", "supply"})
# Places the act is aimed at, read as the target only when nothing else names one.
LAST_RESORT_PREPS = frozenset({"in", "inside"})
# Prepositions that may introduce the target when a pattern names none, most likely first.
DEFAULT_TARGET_PREPS = ("with", "to", "against", "on", "at", "toward", "towards", "from", "over", "about",
                        "regarding", "concerning", "into", "for", "upon", "of", "between")
# Adverbs that act as verb particles in the parse ("step down", "pull out").
PARTICLE_ADVERBS = frozenset({"down", "out", "off", "up", "in", "back", "over", "away"})
# Roots whose acts are mutual: with no explicit parties, "between A and B" names them.
MUTUAL_ROOTS = frozenset({"03", "04", "05", "06"})
# Meetings held where neither side is from (CAMEO 044 "meet at a third location").
MEETING_CODES = frozenset({"040", "046"})
# Acts of crowds (protest, riots, shows of force): an unnamed crowd takes the country of the place.
GROUP_PLACE_ROOTS = frozenset({"14", "15"})
# Violence reported from the victim's side ("were killed"): coded with an unknown author.
VICTIM_ROOTS = frozenset({"17", "18", "19", "20"})
# "X said Y must/should ...": a demand (100) or an appeal (020) by X on Y.
OBLIGATION_MODALS = frozenset({"must", "should", "ought"})
DEMAND_CODE, APPEAL_CODE = "100", "020"
# "X said it will not ...": a refusal, the closer 12x code by the act refused.
COMMITMENT_AUX = frozenset({"will", "would", "wo", "'ll", "shall"})
REFUSAL_CODES = {"04": "125", "06": "121", "07": "122", "08": "124", "03": "120"}
PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i"})
# Words that announce the subject's own coming act ("is ready to send troops"); a stated
# intention is coded with the intent code of the act (data/events/intent.tsv).
INTENT_HEADS = frozenset({"willing", "ready", "prepared", "plan", "intend", "determined", "resolve",
                          "commit", "eager", "set", "poised", "want", "seek", "aim", "mean", "going", "try"})
THIRD_PLACE_CODE = "044"
THREAT_CODE = "130"
AUTHOR_PREPS = frozenset({"by", "from"})
CONDITION_MARKS = frozenset({"unless", "if"})
# Roots whose acts CAMEO codes with the source alone when the text names no target
# (statements, intentions, concessions, demands, rejections, threats, protests, shows of force).
SOURCE_ONLY_ROOTS = frozenset({"01", "03", "08", "10", "12", "13", "14", "15"})
# Attitudes reported in the passive form of an adjective ("is opposed to", "is committed to"):
# the grammatical subject holds the attitude.
STATIVE_PASSIVES = frozenset({"oppose", "commit", "dedicate", "devote", "determine", "prepare", "dispose", "resolve"})
# "X said Y must drop barriers": a demand whatever the act demanded, so a verb with no
# pattern of its own still codes when an obligation modal and a frame of saying govern it.
OBLIGATION = Pattern(id="frames:obligation", code=DEMAND_CODE, lemmas=frozenset(), untargeted=False,
                     note="reported obligation on another actor", text="100 <verb under must/should in reported speech>", origin="frames")
# Nouns of saying whose participle or clause carries the act ("a declaration demanding ...",
# "its demand that ..."): the one who issued the noun is the one who acts.
SPEECH_NOUNS = frozenset({"declaration", "statement", "letter", "resolution", "communique", "message", "note",
                          "appeal", "petition", "reminder", "warning", "report", "announcement", "call", "memo", "motion"})
POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her", "our"})
VERB_POS = frozenset({"VERB"})
TIME_ENTS = frozenset({"DATE", "TIME"})
NOUN_POS = frozenset({"NOUN", "PROPN"})


@dataclass(frozen=True)
class Frame:
    pred: Token
    subjects: tuple[Token, ...]
    agents: tuple[Token, ...]
    objects: tuple[Token, ...]
    passive: bool
    preps: tuple[tuple[str, Token, Token], ...]  # (preposition, its object, what it attaches to)
    complements: tuple[Token, ...]
    particles: frozenset[str]
    themes: tuple[Token, ...]


@dataclass(frozen=True)
class Decision:
    """What became of one predicate: the event(s) it gave, or why it gave none."""

    start: int
    end: int
    text: str
    lemma: str
    outcome: str  # event | no-pattern | negated | modal | future | conditional | question | embedded | purpose | hypothetical | no-source | no-target
    detail: str = ""
    pattern: Pattern | None = None
    events: tuple[Event, ...] = ()
    sources: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()


@dataclass
class Coding:
    events: list[Event] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)


def _children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _with_conjuncts(toks: list[Token]) -> list[Token]:
    out: list[Token] = []
    for t in toks:
        for x in (t, *t.conjuncts):
            if x not in out:
                out.append(x)
    return out


def _preps(tok: Token) -> list[tuple[str, Token, Token]]:
    out = []
    for p in tok.children:
        if p.dep_ in ("prep", "agent"):
            for o in p.children:
                if o.dep_ == "pobj" and o.ent_type_ in TIME_ENTS:
                    continue  # "on Saturday" dates the act; it names no party
                if o.dep_ in ("pobj", "pcomp"):
                    out.append((p.lower_, o, tok))
                    for c in o.conjuncts:
                        out.append((p.lower_, c, tok))
    return out


def _inherited_subjects(pred: Token) -> list[Token]:
    """Subjects shared with a governing verb: "called X and apologized", "began to withdraw"."""
    tok = pred
    for _ in range(4):
        if tok.dep_ not in ("conj", "xcomp", "advcl", "acomp") or tok.head is tok:
            return []
        tok = tok.head
        subj = _children(tok, "nsubj")
        if subj:
            return subj
        agent = [o for p in _children(tok, "agent") for o in _children(p, "pobj")]
        if agent:
            return agent
    return []


def _participle_subjects(pred: Token) -> list[Token]:
    """Who acts in a participle on a noun: the noun itself ("protesters demanding ..."), or,
    for a noun of saying, whoever issued it ("issued a declaration demanding ...")."""
    if pred.dep_ != "acl" or pred.head.pos_ not in ("NOUN", "PROPN"):
        return []
    noun = pred.head
    if noun.lemma_.lower() not in SPEECH_NOUNS:
        return [noun]
    if noun.dep_ in ("dobj", "nsubjpass") and noun.head.pos_ == "VERB":
        return _children(noun.head, "nsubj") or [o for p in _children(noun.head, "agent") for o in _children(p, "pobj")]
    return []


def read_frame(pred: Token) -> Frame:
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in pred.children)
    subjects = _children(pred, "nsubj", "csubj")
    if passive and pred.lemma_.lower() in STATIVE_PASSIVES and not _children(pred, "agent"):
        passive, subjects = False, _children(pred, "nsubjpass")
    if not subjects and not passive:
        subjects = _inherited_subjects(pred) or _participle_subjects(pred)
    agents = [o for p in _children(pred, "agent") for o in _children(p, "pobj")]
    objects = _children(pred, "dative", "dobj", "oprd")
    if passive:
        objects = _children(pred, "dative") + _children(pred, "nsubjpass")
    objects = _with_conjuncts(objects)
    preps = _preps(pred)
    for prt in _children(pred, "prt"):
        preps += _preps(prt)
    complements = _children(pred, "xcomp", "ccomp") + [o for _, o, _ in preps if o.pos_ in ("VERB", "AUX")]
    particles = {c.lower_ for c in _children(pred, "prt")} | {c.lower_ for c in _children(pred, "advmod") if c.lower_ in PARTICLE_ADVERBS}
    themes = list(objects) + _children(pred, "attr", "oprd") + [o for _, o, _ in preps]
    for comp in complements:
        themes += _with_conjuncts(_children(comp, "dobj", "nsubjpass")) + [o for _, o, _ in _preps(comp)]
        preps += _preps(comp)
    for t in list(themes):
        preps += _preps(t)
        if t.lemma_.lower() in MEASURES or any(c.dep_ == "nummod" for c in t.children):
            # "25,000 tons of food aid": what is measured is the theme.
            themes += [o for prep, o, _ in _preps(t) if prep == "of"]
    return Frame(pred, tuple(_with_conjuncts(subjects)), tuple(_with_conjuncts(agents)), tuple(objects), passive,
                 tuple(preps), tuple(complements), frozenset(particles), tuple(themes))


def nominal_frame(noun: Token) -> Frame:
    subjects = _children(noun, "poss")
    if subjects and all(s.lower_ in POSSESSIVE_PRONOUNS for s in subjects) and noun.dep_ == "dobj":
        # "the ILO reiterated its demand": the possessive is the subject of the governing verb.
        subjects = _children(noun.head, "nsubj") or subjects
    preps = _preps(noun)
    themes = [o for _, o, _ in preps]
    complements = [c for c in noun.children if c.dep_ in ("ccomp", "acl") and c.pos_ in ("VERB", "AUX")]
    return Frame(noun, tuple(_with_conjuncts(subjects)), (), (), False, tuple(preps), tuple(complements), frozenset(), tuple(themes))


def token_keys(tok: Token) -> set[str]:
    lemma = tok.lemma_.lower()
    keys = {lemma, tok.lower_}
    for c in tok.children:
        if c.dep_ in ("compound", "amod"):
            keys.add(f"{c.lemma_.lower()}_{lemma}")
            keys.add(f"{c.lower_}_{tok.lower_}")
    return keys


def _modifier_keys(toks: list[Token]) -> set[str]:
    return {c.lemma_.lower() for t in toks for c in t.children if c.dep_ in ("amod", "compound", "nmod")}


def matches(p: Pattern, f: Frame) -> bool:
    if p.theme is not None and not any(token_keys(t) & p.theme for t in f.themes):
        return False
    if p.complement is not None and not any(c.lemma_.lower() in p.complement for c in f.complements):
        return False
    if p.required_preps is not None and not any(prep in p.required_preps for prep, _, at in f.preps if at is f.pred or at.dep_ == "prt"):
        return False
    if p.particle is not None and not (f.particles & p.particle):
        return False
    if p.modifiers is not None:
        mods = _modifier_keys([f.pred]) if p.nominal else _modifier_keys(list(f.themes))
        if not (mods & p.modifiers):
            return False
    return True


def best_pattern(candidates: tuple[Pattern, ...], f: Frame) -> Pattern | None:
    fitting = [p for p in candidates if matches(p, f)]
    if not fitting:
        return None
    return max(fitting, key=lambda p: (p.specificity, p.origin == "builtin", -p.line))


def find_sources(doc: Document, p: Pattern, f: Frame) -> list[Actor]:
    heads = list(f.agents) if f.passive else list(f.subjects)
    if p.nominal:
        heads = list(f.subjects) + [o for prep, o, at in f.preps if at is f.pred and prep == "by"]
        if not heads:
            heads = [o for prep, o, at in f.preps if at is f.pred and prep == "of" and "of" not in p.target_preps]
    found: list[Actor] = []
    for h in heads:
        for a in actors_of(doc, h):
            if all(a.id != b.id for b in found):
                found.append(a)
    if not found and heads and all(h.lower_ in PRONOUNS for h in heads):
        frame = reporting_frame(f.pred)
        if frame is not None:
            # "X said it would ...": the pronoun is most often the speaker.
            found = speakers(doc, frame)
    return found


def reporting_frame(pred: Token) -> Token | None:
    """The verb of saying whose complement holds `pred` ("said" in "X said it would ...")."""
    tok = pred
    for _ in range(6):
        head = tok.head
        if head is tok or tok.dep_ not in ("conj", "ccomp", "xcomp", "acomp"):
            return None
        if tok.dep_ == "ccomp" and head.lemma_.lower() in REPORTING:
            return head
        tok = head
    return None


def speakers(doc: Document, frame: Token) -> list[Actor]:
    out: list[Actor] = []
    for s in _children(frame, "nsubj"):
        out += actors_of(doc, s)
    return out


def _target_heads(p: Pattern, f: Frame) -> list[tuple[Token, bool]]:
    heads: list[tuple[Token, bool]] = []
    if not p.notarget and not p.nominal:
        heads += [(o, False) for o in f.objects]
        # "rejected calls by Belarus", "accepted demands from the rebels": the author of what
        # the act answers is its target.
        heads += [(a, False) for o in f.objects for prep, a, _ in _preps(o) if prep in AUTHOR_PREPS]
    order = p.target_preps or DEFAULT_TARGET_PREPS
    ranked = sorted(f.preps, key=lambda x: (x[2] is not f.pred, order.index(x[0]) if x[0] in order else len(order)))
    heads += [(o, True) for prep, o, at in ranked if prep in order and (prep != "by" or at is not f.pred)]
    for comp in f.complements:
        # "demanded that the US cancel ...": the one asked to act is the target.
        heads += [(o, False) for o in _children(comp, "nsubj", "nsubjpass", "dobj")]
    for aim in _children(f.pred, "advcl"):
        if aim.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in aim.children):
            # "began a hunger strike to demand the resignation of X": whom the act is aimed at.
            heads += [(o, True) for o in _children(aim, "dobj")] + [(o, True) for prep, o, _ in _preps(aim) if prep in order]
    # Last resort: where the act is aimed ("lifted the curfew in Montenegro").
    heads += [(o, False) for prep, o, at in f.preps if prep in LAST_RESORT_PREPS]
    return heads


def find_targets(doc: Document, p: Pattern, f: Frame, sources: list[Actor]) -> list[Actor]:
    """The first phrase that names actors other than the sources.

    Looking deep into a prepositional object ("publications in the Azerbaijani media"), an
    actor of the source's own country is passed over for a foreign one when there is one.
    """
    source_ids = {a.id for a in sources}
    source_countries = {a.country for a in sources} - {None}
    fallback: list[Actor] = []
    for head, deep in _target_heads(p, f):
        found = [a for a in actors_of(doc, head, deep=deep) if a.id not in source_ids]
        if deep:
            foreign = [a for a in found if a.country not in source_countries]
            if not foreign:
                foreign = [a for a in subtree_actors(doc, head) if a.id not in source_ids and a.country not in source_countries][:1]
            if not foreign:
                fallback = fallback or found
                continue
            found = foreign
        if found:
            return found
    if not fallback and f.pred.dep_ == "conj" and not f.objects and f.pred.head.pos_ == "VERB":
        # "called X and apologized": a conjunct with no object of its own shares its partner's.
        return find_targets(doc, p, read_frame(f.pred.head), sources)
    return fallback


def _between_pair(doc: Document, pred: Token) -> list[Actor]:
    """The two parties of "between A and B" in the predicate's sentence."""
    for t in pred.sent:
        if t.lower_ == "between" and t.dep_ == "prep":
            for o in _children(t, "pobj"):
                found = actors_of(doc, o)
                if len(found) >= 2:
                    return found[:2]
    return []


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


def _clause_head(pred: Token) -> Token:
    tok = pred
    while tok.dep_ in ("conj", "xcomp") and tok.head is not tok:
        tok = tok.head
    return tok


def event_date(doc: Document, pred: Token, span: Span) -> tuple[str | None, str]:
    value, precision = date_for_span(doc, span.start, span.end)
    if precision == "anchor":
        head = _clause_head(pred)
        if head is not pred:
            sub = list(head.subtree)
            v2, p2 = date_for_span(doc, sub[0].idx, sub[-1].idx + len(sub[-1].text))
            if p2 not in ("anchor", "none"):
                return v2, p2
    return value, precision


def _in_quote(doc: Document, span: Span) -> bool:
    return any(q.start <= span.start and span.end <= q.end for q in doc.quotes)


def build_events(doc: Document, p: Pattern, f: Frame, sources: list[Actor], targets: list[Actor], reported: bool) -> list[Event]:
    onto = load_ontology()
    pairs: list[tuple[Actor | None, Actor | None]] = [(s, t) for s in sources for t in targets if s.id != t.id]
    if not sources:
        pairs = [(None, t) for t in targets]
    elif not targets:
        if len(sources) >= 2:
            pairs = [(sources[i], sources[j]) for i in range(len(sources)) for j in range(i + 1, len(sources))]
        else:
            pairs = [(s, None) for s in sources]
    side_toks = [t for t in (*f.subjects, *f.agents) if abs(t.i - f.pred.i) < 40]
    span = evidence_span(doc, f, side_toks)
    date, precision = event_date(doc, f.pred, span)
    location = place_of(f.pred, list(f.themes))
    modality = "reported" if reported or _in_quote(doc, span) else "asserted"
    events = []
    for src, tgt in pairs:
        code = p.code
        countries = {src.country if src else None, tgt.country if tgt else None} - {None}
        if code in MEETING_CODES and location and location.country and len(countries) == 2 and location.country not in countries:
            code = THIRD_PLACE_CODE
        entry = onto.get(code)
        events.append(Event(
            source=event_side(src), target=event_side(tgt), cameo=code, plover=entry.plover, goldstein=entry.goldstein,
            quad_class=entry.quad_class, plover_mode=entry.plover_mode, date=date, date_precision=precision,
            location=location, evidence=span, modality=modality, rule=f"{p.id} {p.text}",
        ))
    return events


def _decide(doc: Document, tok: Token, candidates: tuple[Pattern, ...], f: Frame) -> Decision:
    base = dict(start=tok.idx, end=tok.idx + len(tok.text), text=tok.text, lemma=tok.lemma_.lower())
    p = best_pattern(candidates, f)
    if p is None:
        return Decision(**base, outcome="no-pattern", detail=f"no pattern for '{tok.lemma_}' fits its arguments")
    fact = factuality(tok)
    if fact.reason in ("modal", "negated"):
        framed = framed_stance(doc, tok, p, f, fact)
        if framed is not None:
            return framed(base)
    intent = None
    if fact.reason is not None:
        intent = intent_code(p.code) if stated_intention(tok, fact, f) else None
        if intent is not None and _conditional_on_other(tok):
            # "will withdraw its force unless X ...": an intention made conditional on another
            # party's act is a threat (CAMEO 13x) whatever the act.
            intent = intent if intent.startswith("13") else THREAT_CODE
        if intent is None:
            return Decision(**base, outcome=fact.reason, detail=fact.detail, pattern=p)
    sources = find_sources(doc, p, f)
    if intent is not None:
        if not sources or not own_act(doc, tok, sources, narrated=intent.startswith("03")):
            return Decision(**base, outcome=fact.reason or "future", detail=fact.detail + "; not the speaker's own stated intention", pattern=p)
        p = replace(p, code=intent, note=f"stated intention to act ({p.code} -> {intent}); " + p.note)
    if not sources and p.code[:2] in MUTUAL_ROOTS:
        pair = _between_pair(doc, tok)
        if pair:
            return _finish(doc, base, p, f, pair[:1], pair[1:], fact.reported)
    if not sources:
        group = unnamed_group(doc, p, f)
        if group is None and f.passive and p.code[:2] in VICTIM_ROOTS:
            # "three soldiers were killed": the act is certain, its author unknown.
            victims = [a for o in f.objects for a in actors_of(doc, o)]
            if victims:
                return _finish(doc, base, p, f, [], victims, fact.reported)
        if group is None:
            return Decision(**base, outcome="no-source", detail="no actor found as the subject (or agent) of the act", pattern=p)
        sources = [group]
    targets = find_targets(doc, p, f, sources)
    if not targets and len(sources) < 2 and not p.untargeted and p.code[:2] not in SOURCE_ONLY_ROOTS:
        return Decision(**base, outcome="no-target", detail="no actor found as the object of the act", pattern=p,
                        sources=tuple(a.id for a in sources))
    return _finish(doc, base, p, f, sources, targets, fact.reported)


def _conditional_on_other(tok: Token) -> bool:
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in c.children) for c in tok.children)


def _aux_words(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}


def framed_stance(doc: Document, tok: Token, p: Pattern, f: Frame, fact: Factuality):
    """Reported obligations and refusals: "X said Y must withdraw" is X's demand on Y;
    "X said it will not withdraw" is X's refusal. Returns a maker of the Decision, or None."""
    frame = reporting_frame(tok)
    if frame is None:
        return None
    said_by = speakers(doc, frame)
    if not said_by:
        return None
    aux = _aux_words(tok)
    subjects = find_sources(doc, p, f)
    if fact.reason == "modal" and aux & OBLIGATION_MODALS:
        targets = [a for a in subjects if all(a.id != b.id and a.country != b.country for b in said_by)]
        if not targets:
            return None
        code = DEMAND_CODE if aux & {"must"} else APPEAL_CODE
        stance = replace(p, code=code, note=f"reported obligation: the speaker demands the act ({p.code}) of the target")
        return lambda base: _finish(doc, base, stance, f, said_by, targets, True)
    if fact.reason == "negated" and aux & COMMITMENT_AUX:
        if not subjects or not own_act(doc, tok, subjects):
            return None
        code = REFUSAL_CODES.get(p.code[:2], "120")
        stance = replace(p, code=code, note=f"stated refusal to act ({p.code})")
        return lambda base: _finish(doc, base, stance, f, subjects, find_targets(doc, p, f, subjects), True)
    return None


def unnamed_group(doc: Document, p: Pattern, f: Frame) -> Actor | None:
    """A subject that names no known actor but a group tied to a country ("demonstrators in Baghdad").

    The country comes from a place phrase of the subject; for protests and shows of force,
    failing that, from where the act took place.
    """
    heads = [h for h in (f.agents if f.passive else f.subjects) if h.pos_ in ("NOUN", "PROPN") and h.lower_ not in PRONOUNS]
    if not heads:
        return None
    country = place_country(doc, heads[0])
    if country is None and p.code[:2] in GROUP_PLACE_ROOTS:
        where = place_of(f.pred, list(f.themes))
        country = where.country if where else None
    if country is None and heads[0].pos_ != "NOUN":
        return None
    side = group_side(doc, heads[0], country)
    return Actor(id=GROUP_ID_PREFIX + (side.name or ""), name=side.name or "", type="GROUP", country=country, code=country)


def stated_intention(tok: Token, fact: Factuality, f: Frame) -> bool:
    """Is the unrealised act a commitment ("will send", "said it would allow", "is ready to attack")?"""
    if f.passive and not f.agents:
        return False  # "compensation will be paid": nobody commits to anything
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
    events = build_events(doc, p, f, sources, targets, reported)
    return Decision(**base, outcome="event", detail=p.note, pattern=p, events=tuple(events),
                    sources=tuple(a.id for a in sources), targets=tuple(a.id for a in targets))


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
    coding = Coding()
    seen: set[tuple] = set()
    for tok in parse:
        lemma = tok.lemma_.lower()
        obliged = tok.pos_ in VERB_POS and bool(_aux_words(tok) & OBLIGATION_MODALS) and reporting_frame(tok) is not None
        if tok.pos_ in VERB_POS and (lemma in patterns.verbs or obliged):
            decision = _decide(doc, tok, patterns.verbs.get(lemma, ()) + ((OBLIGATION,) if obliged else ()), read_frame(tok))
        elif tok.pos_ in NOUN_POS:
            keys = token_keys(tok) & patterns.nouns.keys()
            if not keys or _is_theme_of_coded_verb(tok, patterns):
                continue
            cands = tuple(p for k in sorted(keys) for p in patterns.nouns[k])
            decision = _decide(doc, tok, cands, nominal_frame(tok))
        else:
            continue
        coding.decisions.append(decision)
        for e in decision.events:
            key = (e.cameo, e.source and e.source.actor_id, e.target and e.target.actor_id, tok.sent.start)
            if key not in seen:
                seen.add(key)
                coding.events.append(e)
    return coding
