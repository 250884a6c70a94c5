"""A predicate's arguments read from the dependency parse: subjects, objects, prepositional
objects, complements, particles and the themes patterns are matched against.

The word lists are closed classes of English grammar (quantity nouns, particles, stative
passives, possessive pronouns) and nouns of saying.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..actors.guards import token_in_dateline
from .frames import asked_clause_noun
from .grammar import grammar
from .patterns import Pattern

Token = Any

# Nouns of quantity whose "of" phrase names the real theme.
MEASURES = frozenset({"ton", "tonne", "kg", "kilogram", "million", "billion", "thousand", "hundred", "lot", "amount", "number",
                      "batch", "shipment", "consignment", "package", "load", "cargo", "plane", "truck", "convoy", "quantity", "supply",
                      "part", "portion", "half", "worth", "range", "set", "kind", "type", "group",
                      # groups sent or arriving: "a contingent of peacekeepers", "the first deployment of troops"
                      "contingent", "deployment", "detachment", "batch", "patch", "wave", "team", "unit",
                      "battalion", "brigade", "company", "platoon", "squadron", "regiment", "column",
                      # runs of acts or things: "a series of bombs", "a barrage of rockets", "a spate of arrests"
                      "series", "string", "spate", "barrage", "volley", "salvo", "hail", "flurry", "round", "dozen", "score"})
# Adverbs that act as verb particles in the parse ("step down", "pull out").
PARTICLE_ADVERBS = frozenset({"down", "out", "off", "up", "in", "back", "over", "away"})
# Attitudes and occupations reported in the passive form of an adjective ("is opposed to",
# "is committed to", "were engaged in"):
# the grammatical subject holds the attitude.
STATIVE_PASSIVES = frozenset({"oppose", "commit", "dedicate", "devote", "determine", "prepare", "dispose", "resolve", "engage", "involve"})
# Nouns of saying whose participle or clause carries the act ("a statement demanding ...",
# "its demand that ..."): the one who issued the noun is the one who acts.
SPEECH_NOUNS = frozenset({"declaration", "statement", "letter", "resolution", "communique", "message", "note",
                          "appeal", "petition", "reminder", "warning", "report", "announcement", "call", "memo", "motion"})
POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her", "our"})
# Acts of crowds named by a noun: a nationality adjective on them names the crowd ("Palestinian
# riots", "Kurdish demonstrations"), where on other event nouns it may name a place ("the Syrian war").
CROWD_ACTS = frozenset({"riot", "riots", "rioting", "demonstration", "uprising", "unrest"})
# Verbs whose passive with no agent reports what the subject did to itself: fighters "were
# demobilized" when they gave up their arms (CAMEO codes the demobilizing party as the source).
SELF_PASSIVES = frozenset({"demobilize", "demobilise", "disband", "disarm"})
TIME_ENTS = frozenset({"DATE", "TIME"})
# Verbs whose subject carries out the act their object names ("announced a suspension of
# links", "completed the withdrawal", "ordered the expulsion of the envoy").
CARRYING_OUT = frozenset({"announce", "order", "declare", "decree", "approve", "begin", "start", "complete", "speed",
                          "accelerate", "continue", "finish", "resume", "launch", "carry", "conduct", "implement", "impose"})
# Verbs of going somewhere whose "for" phrase names what the traveller went to do there ("visited
# Mexico City for talks with X", "flew to Beijing for consultations"): the traveller does it.
TRAVEL_VERBS = frozenset({"visit", "travel", "fly", "arrive", "go", "come", "head", "return", "journey", "land", "sail", "drive"})
# Dependencies through which a verb shares the subject of the verb above it ("called X and
# apologized", "began to withdraw", "turned to burning tyres").
SUBJECT_SHARING = frozenset({"conj", "xcomp", "advcl", "acomp", "pcomp"})


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



def children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def stranded_subject(noun: Token) -> Token | None:
    """The verb a misparsed subject belongs to: in "A suspended ties with B and C recalled its
    envoy" the parse joins C to B and hangs "recalled" on "suspended" with no subject; C, right
    before that subjectless coordinated verb, is its subject, not a second party of the first act."""
    if noun.dep_ != "conj" or noun.pos_ not in ("PROPN", "NOUN") or noun.i + 1 >= len(noun.doc):
        return None
    verb = noun.doc[noun.i + 1]
    if verb.pos_ != "VERB" or verb.dep_ not in ("conj", "ccomp", "advcl"):
        return None
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        # "... with B and C recalled": the verb hangs on the first one with no subject
        head = verb.head
        return verb if verb.dep_ in ("conj", "advcl") and head.i < noun.i and noun in head.subtree else None
    # "... relations with B and C recalled": the parse made the first act's object the
    # subject of the second verb, with C inside it
    if len(subjects) == 1 and subjects[0].i < noun.i and noun in subjects[0].subtree and verb.head.i < subjects[0].i:
        return verb
    return None


def _stranded_in(tok: Token) -> Token | None:
    """A stranded subject of `tok` inside its parsed subject ("relations with B and C")."""
    for subj in children(tok, "nsubj", "nsubjpass"):
        for t in subj.subtree:
            if stranded_subject(t) == tok:
                return t
    return None


def with_conjuncts(toks: list[Token]) -> list[Token]:
    out: list[Token] = []
    for t in toks:
        for x in (t, *t.conjuncts):
            if x not in out and (x is t or stranded_subject(x) is None):
                out.append(x)
    return out


def preps_of(tok: Token) -> list[tuple[str, Token, Token]]:
    out = []
    for p in tok.children:
        if p.dep_ in ("prep", "agent") or (p.dep_ == "dative" and p.pos_ == "ADP"):
            for o in p.children:
                if o.dep_ == "pobj" and o.ent_type_ in TIME_ENTS and not _measures_a_thing(o):
                    continue  # "on Saturday" dates the act; it names no party
                if o.dep_ in ("pobj", "pcomp"):
                    out.append((p.lower_, o, tok))
                    for c in o.conjuncts:
                        if stranded_subject(c) is None:
                            out.append((p.lower_, c, tok))
    return out


def _measures_a_thing(o: Token) -> bool:
    """ "(bowing) to a week of roadblocks": a span of time measuring what its "of" phrase names."""
    return any(p.dep_ == "prep" and p.lower_ == "of" and any(x.dep_ == "pobj" and x.ent_type_ not in TIME_ENTS for x in p.children)
               for p in o.children)


def _inherited_subjects(pred: Token) -> list[Token]:
    """Subjects shared with a governing verb: "called X and apologized", "began to withdraw"."""
    tok = pred
    for _ in range(4):
        if tok.dep_ not in SUBJECT_SHARING or tok.head.i == tok.i:
            return []
        via = tok.dep_
        tok = tok.head
        if via == "pcomp":
            # "turned to burning tyres": through the preposition to its verb, unless that
            # verb has an object, who is then the one meant ("accused X of attacking").
            if tok.dep_ != "prep" or tok.head.i == tok.i or children(tok.head, "dobj"):
                return []
            tok = tok.head
        subj = children(tok, "nsubj") or (children(tok, "nsubjpass") if tok.lemma_.lower() in STATIVE_PASSIVES else [])
        if subj:
            return subj  # "were engaged in shelling X": the stative passive's subject acts
        agent = [o for p in children(tok, "agent") for o in children(p, "pobj")]
        if agent:
            return agent
        if tok.dep_ == "acl":
            # "farmers turned to burning tyres" read as a participle on "farmers".
            return _participle_subjects(tok)
    return []


def _participle_subjects(pred: Token) -> list[Token]:
    """Who acts in a participle on a noun: the noun itself ("protesters demanding ..."), or,
    for a noun of saying, whoever issued it ("issued a statement demanding ...")."""
    if pred.dep_ != "acl" or pred.head.pos_ not in ("NOUN", "PROPN"):
        return []
    noun = pred.head
    if noun.lemma_.lower() not in SPEECH_NOUNS:
        return [noun]
    if noun.dep_ in ("dobj", "nsubjpass") and noun.head.pos_ == "VERB":
        return children(noun.head, "nsubj") or [o for p in children(noun.head, "agent") for o in children(p, "pobj")]
    return []


def _for_clauses(tok: Token) -> list[Token]:
    """Clauses brought in by "for" ("called for the army to return", "pushed for the US to
    back the plan"): the parse makes them adverbial clauses with "for" as their mark, where
    English means a prepositional "for" whose object is the act asked for."""
    return [c for c in children(tok, "advcl") if any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)]


def _prep_particles(tok: Token) -> set[str]:
    """A particle the parse took for a preposition before another one ("forced X out of
    the country" is "forced out X")."""
    return {c.lower_ for c in children(tok, "prep") if c.lower_ in PARTICLE_ADVERBS and children(c, "prep")}


def purposes(tok: Token) -> list[Token]:
    """The verbs of the predicate's to-infinitive aims ("sent a team to investigate")."""
    return [c for c in children(tok, "advcl") if c.pos_ in ("VERB", "AUX") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]


def _datives(tok: Token) -> list[Token]:
    """Indirect objects; a dative preposition ("provided X to Macedonia") gives its object."""
    out = []
    for c in tok.children:
        if c.dep_ == "dative":
            out += [o for o in c.children if o.dep_ == "pobj"] if c.pos_ == "ADP" else [c]
    return out


def _after_dateline(word: Token) -> list[Token]:
    """ "DILI, July 17 - Australia handed over ...": the parse makes the dateline's place the
    subject and hangs the story's real subject on it in apposition; that one acts."""
    return [a for a in word.subtree if a.dep_ == "appos" and a.pos_ in ("PROPN", "NOUN") and not token_in_dateline(a)][:1]


def read_frame(pred: Token) -> Frame:
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in pred.children)
    # "MOSCOW (Sputnik) - A court ... revoked": the parse takes the dateline for a subject
    subjects = [s for s in children(pred, "nsubj", "csubj") if not token_in_dateline(s)]
    subjects += [a for s in children(pred, "nsubj") if token_in_dateline(s) for a in _after_dateline(s)]
    if passive and pred.lemma_.lower() in STATIVE_PASSIVES | SELF_PASSIVES and not children(pred, "agent"):
        passive, subjects = False, children(pred, "nsubjpass")
    inside = _stranded_in(pred)
    alone = inside is not None
    if inside is not None:
        subjects = [inside]
    if not subjects and not passive:
        stranded = pred.doc[pred.i - 1] if pred.i > 0 and pred.dep_ in ("conj", "advcl") else None
        if stranded is not None and stranded_subject(stranded) == pred:
            subjects, alone = [stranded], True
        else:
            subjects = _inherited_subjects(pred) or _participle_subjects(pred)
    agents = [o for p in children(pred, "agent") for o in children(p, "pobj")]
    objects = _datives(pred) + children(pred, "dobj", "oprd")
    # "suspended relations with B and C recalled ...": the first act's object was parsed as
    # the subject of the second verb
    objects += [s for c in children(pred, "ccomp") if _stranded_in(c) is not None for s in children(c, "nsubj")]
    if passive:
        objects = _datives(pred) + children(pred, "nsubjpass")
    objects = with_conjuncts(objects)
    preps = preps_of(pred)
    for prt in children(pred, "prt"):
        preps += preps_of(prt)
    for out in children(pred, "prep"):
        if out.lower_ == "out":
            # "pulled its troops out of X": the place left, as "from X" names it.
            preps += [("from", o, pred) for inner in children(out, "prep") if inner.lower_ == "of" for o in children(inner, "pobj")]
    asked = _for_clauses(pred)
    preps += [("for", c, pred) for c in asked]
    complements = children(pred, "xcomp", "ccomp") + [o for _, o, _ in preps if o.pos_ in ("VERB", "AUX")]
    particles = ({c.lower_ for c in children(pred, "prt")} | {c.lower_ for c in children(pred, "advmod") if c.lower_ in PARTICLE_ADVERBS}
                 | _prep_particles(pred))
    themes = list(objects) + children(pred, "attr", "oprd") + [o for _, o, _ in preps]
    for comp in complements:
        # "allowed inspectors to visit": the complement's subject is a theme too.
        themes += with_conjuncts(children(comp, "dobj", "nsubjpass", "nsubj")) + [o for _, o, _ in preps_of(comp)]
        preps += preps_of(comp)
    # "agreed to withdraw and release": the complement's conjuncts are complements too.
    extra = [c for comp in complements for c in comp.conjuncts if c.pos_ in ("VERB", "AUX") and c not in complements]
    # A to-infinitive the parse hung on the verb as an aim is often its complement ("have
    # sworn to fight", "called on Arabs to unite and mobilize against X"): patterns may name
    # it (see `matches`), and whom it is against may be the target.
    for comp in extra + [a for a in with_conjuncts(purposes(pred)) if a not in complements]:
        preps += preps_of(comp)
    complements += extra
    for t in list(themes):
        preps += preps_of(t)
        if t.lemma_.lower() in MEASURES or any(c.dep_ == "nummod" for c in t.children):
            # "25,000 tons of food aid": what is measured is the theme, and so are its phrases
            # ("a team of experts to Bosnia").
            measured = [o for prep, o, _ in preps_of(t) if prep == "of"]
            themes += measured
            preps += [x for o in measured for x in preps_of(o)]
    return Frame(pred, tuple(subjects if alone else with_conjuncts(subjects)), tuple(with_conjuncts(agents)), tuple(objects), passive,
                 tuple(preps), tuple(complements), frozenset(particles), tuple(themes))


def _is_infinitive(tok: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def nominal_frame(noun: Token) -> Frame:
    subjects = children(noun, "poss")
    if subjects and all(s.lower_ in POSSESSIVE_PRONOUNS for s in subjects) and noun.dep_ == "dobj":
        # "the ILO reiterated its demand": the possessive is the subject of the governing verb.
        subjects = children(noun.head, "nsubj") or subjects
    if not subjects and noun.dep_ == "dobj" and noun.head.lemma_.lower() in CARRYING_OUT:
        # "Spain announced a suspension of flights", "began the withdrawal of its troops".
        subjects = children(noun.head, "nsubj")
    if not subjects and noun.dep_ == "pobj" and noun.head.lower_ == "for" and noun.head.head.lemma_.lower() in TRAVEL_VERBS:
        subjects = children(noun.head.head, "nsubj")
    if not subjects and noun.lemma_.lower() in CROWD_ACTS:
        subjects = [c for c in children(noun, "amod") if c.text[:1].isupper()]
    preps = preps_of(noun)
    if carried_out(noun):
        # "announced the deployment of troops to X on a peacekeeping mission": the parse hangs
        # the act's phrases on the verb that carries it out; they are the act's own.
        preps += preps_of(noun.head)
    themes = [o for _, o, _ in preps]
    complements = [c for c in noun.children if c.dep_ in ("ccomp", "acl") and c.pos_ in ("VERB", "AUX")]
    if noun.dep_ == "dobj":
        # "reiterated its demand that X ease ...": the clause the parse hung on the verb is the noun's.
        complements += [c for c in children(noun.head, "ccomp") if (a := asked_clause_noun(c)) is not None and a.i == noun.i]
    for comp in complements:
        if _is_infinitive(comp):
            # "its refusal to engage with X": whom the refused act is with is the act's party.
            preps += preps_of(comp)
    return Frame(noun, tuple(with_conjuncts(subjects)), (), (), False, tuple(preps), tuple(complements), frozenset(), tuple(themes))


def token_keys(tok: Token) -> set[str]:
    """The words a theme can be matched by: its lemma and form, "x_y" for a compound or
    adjective x on it, and "y_of_z" for its "of" phrase ("state of emergency")."""
    lemma = tok.lemma_.lower()
    keys = {lemma, tok.lower_}
    for c in tok.children:
        if c.dep_ in ("compound", "amod"):
            keys.add(f"{c.lemma_.lower()}_{lemma}")
            keys.add(f"{c.lower_}_{tok.lower_}")
        elif c.dep_ == "prep" and c.lower_ == "of":
            keys.update(f"{lemma}_of_{o.lemma_.lower()}" for o in c.children if o.dep_ == "pobj")
    if tok.pos_ == "PROPN":
        # A name is also known by the title before it ("Ambassador Rahman Mustafayev" is an
        # ambassador) and by a common noun in apposition ("Mustafayev, the ambassador").
        keys.update(c.lemma_.lower() for c in tok.children
                    if (c.dep_ == "compound" and c.i < tok.i) or (c.dep_ == "appos" and c.pos_ == "NOUN"))
    return keys


def verb_lemmas(tok: Token) -> list[str]:
    """The verb's lemma, then forms guessed from its inflection when the tagger's lemma is
    not a word ("staged" -> "stag"): regular English endings removed, e doubled consonants undone."""
    lemma = tok.lemma_.lower()
    out = [lemma]
    word = tok.lower_
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            out += [stem, stem + "e"]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                out.append(stem[:-1])  # "stopped" -> "stop"
            if stem.endswith("i"):
                out.append(stem[:-1] + "y")  # "supplied" -> "supply"
            break
    return list(dict.fromkeys(out))


def subject_keys(f: Frame) -> set[str]:
    """The words a subject constraint is matched by: the subject's own keys, and for a group
    noun ("a contingent of peacekeepers") those of what it counts."""
    keys: set[str] = set()
    grammatical = with_conjuncts(children(f.pred, "nsubjpass")) if f.passive else list(f.subjects)
    for s in grammatical:
        keys |= token_keys(s)
        if s.lemma_.lower() in MEASURES:
            keys |= {k for prep, o, _ in preps_of(s) if prep == "of" for k in token_keys(o)}
    return keys


def _modifier_keys(toks: list[Token]) -> set[str]:
    return {c.lemma_.lower() for t in toks for c in t.children if c.dep_ in ("amod", "compound", "nmod")}


# `+*` in a pattern: any theme at all ("returned <anything> to X"), the verb's sense being
# fixed by the preposition or the other constraints.
ANY_THEME = frozenset({"*"})
# Freeing people (CAMEO 0841); "release" also publishes, and what is published is no captive.
RELEASE_CODE = "0841"
PUBLISHED_THINGS = frozenset({"video", "footage", "statement", "report", "recording", "image", "photo", "photograph",
                              "picture", "document", "data", "figure", "result", "list", "detail", "transcript", "text",
                              "communique", "album", "book", "film", "audio", "letter", "information", "finding", "poll"})
# Verbs that also name: with an object and an object predicate ("call X Y") they say what
# something is called (a lone "oprd" is the parse's misreading of "called Aliyev and ...").
NAMING_VERBS = frozenset({"call"})
# Verbs of an aim that only give the act its role ("to serve as", "to act as", "to join").
ROLE_AIMS = frozenset({"serve", "act", "join", "form", "reinforce", "bolster", "strengthen", "work"})
# Dependencies that open a clause of its own: words inside it are not the predicate's context.
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "conj", "parataxis", "csubj"})


def carried_out(noun: Token) -> bool:
    """Is the noun the object of a verb that only announces or carries out the act it names
    ("announced the deployment", "began the withdrawal")?"""
    return noun.dep_ == "dobj" and noun.pos_ in ("NOUN", "PROPN") and noun.head.lemma_.lower() in CARRYING_OUT


def context_keys(f: Frame) -> set[str]:
    """The lemmas of the predicate's own phrases (its subtree, without the clauses it governs):
    what a `?` constraint reads ("sent troops ... on a peacekeeping mission"). The role an aim
    gives the act is its context too ("sent troops to serve as a peacekeeping force"), and so
    are the phrases of the verb that carries out a nominal act."""
    keys: set[str] = set()
    others = [v for v in purposes(f.pred) if v.lemma_.lower() in ROLE_AIMS] + ([f.pred.head] if carried_out(f.pred) else [])
    stack = [c for c in f.pred.children if c.dep_ not in CLAUSE_DEPS]
    stack += [c for h in others for c in h.children if c.dep_ not in CLAUSE_DEPS and c.dep_ not in ("nsubj", "nsubjpass") and c.i != f.pred.i]
    while stack:
        t = stack.pop()
        keys.update(token_keys(t))
        stack.extend(c for c in t.children if c.dep_ not in CLAUSE_DEPS)
    return keys


def matches(p: Pattern, f: Frame, role_keys: frozenset[str] = frozenset()) -> bool:
    """Does the pattern fit the frame? `role_keys` are the words of the roles the actor stage
    gave the actors named by the themes ("the Azerbaijani ambassador" for a bare name)."""
    if p.nominal and f.pred.dep_ == "compound":
        return False  # a noun that modifies another names a kind, not an act ("riot police", "attack helicopter")
    if p.theme == ANY_THEME:
        if not f.objects:
            return False  # a direct object (or passive subject), not a phrase like "for talks"
    elif p.theme is not None and not (role_keys & p.theme) and not any(token_keys(t) & p.theme for t in f.themes):
        return False
    if p.context is not None and not (context_keys(f) & p.context):
        return False
    verbs = (*f.complements, *with_conjuncts(purposes(f.pred)))
    if p.complement == ANY_THEME:
        if not any(c.pos_ in ("VERB", "AUX") for c in verbs):
            return False  # `>*`: some act the subject presses for ("pressured X to call off ...")
    elif p.complement is not None and not any(c.lemma_.lower() in p.complement for c in verbs):
        return False
    objects = {o.i for o in f.objects}
    # A phrase the parse hung on the object ("returned the sculpture to X") is the verb's too.
    if p.required_preps is not None and not any(prep in p.required_preps for prep, _, at in f.preps
                                                if at.i == f.pred.i or at.dep_ == "prt" or at.i in objects):
        return False
    if p.particle is not None and not (f.particles & p.particle):
        return False
    if p.subject is not None and not (subject_keys(f) & p.subject):
        return False
    if p.code.startswith("04") and not f.passive and any(s.lemma_.lower() in grammar("en").conveyances for s in f.subjects):
        return False  # a vehicle travels; only the people aboard visit or meet
    released = [*f.objects, *([f.pred.head] if f.pred.dep_ == "acl" else [])]  # "a video released by X"
    if p.code == RELEASE_CODE and p.theme is None and any(t.lemma_.lower() in PUBLISHED_THINGS for t in released):
        return False  # "a video released by the presidency": published, not a person set free
    if p.code.startswith("04") and f.pred.lemma_.lower() in NAMING_VERBS and {"dobj", "oprd"} <= {c.dep_ for c in f.pred.children}:
        return False  # "what residents call 'conditional lines'", "called the vote a farce": naming, not a call
    if p.purpose is not None and not any(v.lemma_.lower() in p.purpose for v in purposes(f.pred)):
        return False
    if p.modifiers is not None:
        mods = _modifier_keys([f.pred]) if p.nominal else _modifier_keys(list(f.themes))
        if not (mods & p.modifiers):
            return False
    return True
