"""Who is speaking: the speaker phrase of an attribution, resolved to an actor.

The actor stage links names, role nouns ("the expert", "the interlocutor of the agency") and
pronouns to actors; this module reads those links through `actors.lookup`. Where no actor
mention covers the head of the phrase, a pronoun or a role noun falls back to the nearest
person named before it (outside quotations), and a name stands for itself.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..actors.guards import never_a_name
from ..actors.lookup import mentions_in
from ..actors.translit import strip_accents
from ..models import Actor, Document, Span, Speaker
from .binding import barred_antecedents
from .gender import PRONOUN_GENDER, person_gender
from .heads import token_in_head
from .lexicon import Lexicon
from .parsed import Parsed

# Words before a name that are forms of address, not part of the name or a role.
ADDRESS_WORDS = frozenset("mr mrs ms miss dr prof sir lord dame madam mister".split())
# Dependencies that end the speaker phrase proper (what follows is apposition or a clause).
PHRASE_BREAKS = frozenset({"appos", "relcl", "acl", "cc", "conj", "advcl", "parataxis"})
# How far after a role noun with no antecedent its person may be named (about two sentences).
FOLLOWING_PERSON_WINDOW = 300
# How far back a definite role with no person before it looks for an unnamed speaker (two sentences).
ROLE_SPEAKER_WINDOW = 300
# How far back 'it' looks for the institution it stands for (about two sentences).
BODY_PRONOUN_WINDOW = 300
QUOTE_CHARS = "\"'“”„«»‘’‚‹›"
# How far back a pronoun looks for the person named as a subject (two or three sentences).
SALIENCE_WINDOW = 400
# A word of a name, hyphenated parts apart ("Kosiniak-Kamysz").
NAME_WORD = re.compile(r"[^\W\d_]+")
SINGULAR_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
# How far back "the group" or "the alliance" looks for the body it stands for (three or four sentences).
BODY_ANAPHOR_WINDOW = 600


@dataclass(frozen=True)
class Phrase:
    """A speaker phrase: its span, its head word, what kind of reference it is."""

    start: int
    end: int
    head_start: int
    head_end: int
    kind: str  # name | pronoun | role | body | other
    name: str | None = None  # the name words, for kind == name
    weak: bool = False  # a capitalised word that only the sentence start may have capitalised
    description: str | None = None  # apposition or role words given with the phrase here
    plural: bool = False  # "officials", "analysts": a group, never the one person named before
    own: bool = False  # "a spokesman for X", "Y's campaign manager", "our correspondent": someone of their own


@dataclass(frozen=True)
class Resolved:
    speaker: Speaker
    mention: Span


def _clean(text: str) -> str:
    """Single-spaced, without edge commas, and without edge quote marks that have no partner."""
    text = " ".join(text.replace("\u00a0", " ").split()).strip(" ,")
    while text and text[0] in QUOTE_CHARS and text.count(text[0]) % 2 == 1:
        text = text[1:].strip()
    while text and text[-1] in QUOTE_CHARS and text.count(text[-1]) % 2 == 1:
        text = text[:-1].strip()
    return text


def _bare_noun_name(name: str) -> bool:
    """An actor named only by a common noun phrase ("The group", "the alliance's assertion")."""
    return not name[:1].isupper() or name.split()[0].lower() in ("the", "a", "an", "this", "that")


def _strip_article(text: str) -> str:
    words = text.split()
    if words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words)


def _is_role(tok: Any, lex: Lexicon) -> bool:
    low = tok.lemma_.lower()
    if low in lex.informant_nouns or tok.lower_ in lex.informant_nouns:
        return any(c.lower_ in lex.informant_marks or c.dep_ == "nummod" for c in tok.children)
    return low in lex.person_nouns or tok.lower_ in lex.person_nouns


def phrase_from_token(tok: Any, lex: Lexicon, depth: int = 0) -> Phrase:
    """The speaker phrase headed by `tok` (a subject or an object of 'according to')."""
    doc = tok.doc
    if never_a_name(tok) or token_in_head(tok):
        # "14:12 GMT - The speaker of parliament, X, says": the person is in apposition, if anywhere;
        # "NAIROBI, July 8 (Agency) - President X denied": the agency inside the dateline is not them
        named = next((c for c in tok.children if c.dep_ == "appos" and not never_a_name(c) and not token_in_head(c)), None)
        if named is None:
            return Phrase(tok.idx, tok.idx + len(tok), tok.idx, tok.idx + len(tok), "other")
        return phrase_from_token(named, lex)
    if tok.lower_ in lex.person_pronouns:
        return Phrase(tok.idx, tok.idx + len(tok), tok.idx, tok.idx + len(tok), "pronoun")
    if tok.lower_ in lex.body_pronouns:
        return Phrase(tok.idx, tok.idx + len(tok), tok.idx, tok.idx + len(tok), "body-pronoun")
    left = tok.left_edge.i
    right = tok.i
    for k in range(tok.i + 1, tok.right_edge.i + 1):
        t = doc[k]
        if t.text in (",", "(", "—", "–", ";") or t.dep_ in PHRASE_BREAKS:
            break
        if t.dep_ == "case" and t.head.i == tok.i:
            break  # "the ministry's (statement)": the owner without its 's
        right = k
    # a leading apposition-like comma inside the left edge ("Tofig Dadashev, an analyst") is not ours
    words = [doc[k] for k in range(left, right + 1)]
    start, end = words[0].idx, words[-1].idx + len(words[-1])
    head = (tok.idx, tok.idx + len(tok))
    appositions = [c for c in tok.children if c.dep_ == "appos"]
    appos = appositions[0] if appositions else None
    description = _clean(doc[appos.left_edge.i:_apposition_end(appositions) + 1].text) if appos is not None else None
    if appos is not None and tok.pos_ != "PROPN" and (appos.pos_ == "PROPN" or appos.ent_type_ == "PERSON"):
        # "the Swiss mediator, Urs Baumann" / "his counterpart Elchin Huseynov": the name is the speaker
        named = phrase_from_token(appos, lex)
        role = _strip_article(_clean(doc[left:right + 1].text))
        return Phrase(start, named.end, named.head_start, named.head_end, named.kind, name=named.name,
                      description=named.description or role, weak=named.weak)
    titled = _titled_person(tok, lex)
    if titled is not None:
        # "Deputy Prime Minister and Minister of Defence X said": two titles, one person
        a, b = titled.start_char, titled.end_char
        return Phrase(start, b, a, b, "name", name=_clean(titled.text), description=_clean(doc.text[start:a]) or None)
    low = tok.lemma_.lower()
    if low in lex.document_nouns and tok.pos_ == "NOUN" and depth < MAX_ISSUER_DEPTH:
        issuer = _issuer(tok, lex)
        if issuer is not None:
            return phrase_from_token(issuer, lex, depth + 1)
    if low in lex.body_nouns or tok.lower_ in lex.body_nouns:
        return Phrase(start, end, *head, "body", name=_strip_article(_clean(doc[left:right + 1].text)), description=description)
    if _is_role(tok, lex) and tok.ent_type_ != "PERSON":
        return Phrase(start, end, *head, "role", name=_strip_article(_clean(doc[left:right + 1].text)), description=description,
                      plural=tok.tag_ == "NNS", own=_own_role(tok))
    if tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        chain = _name_chain(words, tok, lex)
        pre = [w for w in words if w.i < chain[0].i and w.dep_ not in ("det", "poss", "case") and not w.is_punct]
        if description is None and any(w.pos_ == "NOUN" or _is_role(w, lex) for w in pre):
            description = _clean(" ".join(w.text for w in pre))
        name = _clean(" ".join(w.text for w in chain))
        weak = not tok.ent_type_ and len(chain) == 1 and chain[0].is_sent_start
        return Phrase(start, end, *head, "name", name=name, description=description, weak=weak)
    if _is_role(tok, lex):
        return Phrase(start, end, *head, "role", name=_strip_article(_clean(doc[left:right + 1].text)), description=description)
    return Phrase(start, end, *head, "other", description=description)


def _titled_person(tok: Any, lex: Lexicon) -> Any | None:
    """The person (a PERSON entity) a title heads in 'Title and Title Name': the parser joins the
    second title, or the name itself, to the first title as a conjunct, and the speaker is the one
    person both titles belong to, not a title (issue 13, fifth round)."""
    if tok.ent_type_ == "PERSON" or not _is_role(tok, lex):
        return None
    for c in tok.children:
        if c.dep_ != "conj" or c.i < tok.i:
            continue
        last = c if c.ent_type_ == "PERSON" else c.right_edge
        if last.ent_type_ != "PERSON" or not (c.ent_type_ == "PERSON" or _is_role(c, lex)):
            continue
        ent = next((e for e in tok.doc.ents if e.label_ == "PERSON" and e.start <= last.i < e.end), None)
        if ent is not None and any(_is_role(t, lex) for t in tok.doc[tok.i + 1:ent.start]):
            return ent
    return None


# Prepositions that give the issuer of a text: "a statement from the embassy", "a report by the UN".
ISSUER_PREPOSITIONS = frozenset({"from", "by", "of"})
# A text's issuer may itself be named by a text ("the report of the commission's statement"): so far and no further.
MAX_ISSUER_DEPTH = 2
# How far back "the statement" looks for the earlier mention of the same text (about three sentences).
DOCUMENT_WINDOW = 400


def _issuer_here(tok: Any, lex: Lexicon) -> Any | None:
    """Who issued the text named by `tok`, from the words around this mention of it."""
    owner = next((c for c in tok.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in ISSUER_PREPOSITIONS:
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and (obj.pos_ in ("PROPN", "PRON") or obj.ent_type_ or obj.lemma_.lower() in lex.body_nouns
                                    or _is_role(obj, lex)):
                return obj
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("in", "with", "through", "via"):
        verb = head.head  # "In a statement, the White House said": the subject of the clause it opens
    elif tok.dep_ == "dobj" and head.lemma_.lower() in lex.issuing_verbs:
        verb = head  # "X issued a statement"
    else:
        return None
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def _issuer(tok: Any, lex: Lexicon) -> Any | None:
    """The issuer of the text that speaks at `tok`: given here, or where the same text was named
    before ("In a letter to the senators, X wrote ... The letter also said ...")."""
    here = _issuer_here(tok, lex)
    if here is not None:
        return here
    # "The memo said ..." and "According to the memo, ..." both speak for the memo's issuer
    according = tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ in lex.according_words
    if (tok.dep_ not in ("nsubj",) and not according) or not any(
            c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children):
        return None
    lemma = tok.lemma_.lower()
    doc = tok.doc
    for k in range(tok.i - 1, -1, -1):
        earlier = doc[k]
        if tok.idx - earlier.idx > DOCUMENT_WINDOW:
            break
        if earlier.lemma_.lower() == lemma and earlier.pos_ == "NOUN":
            found = _issuer_here(earlier, lex)
            if found is not None and found.i != tok.i:
                return found
    return None


# Determiners that introduce someone new ("a spokesman", "another official", "one aide").
NEW_REFERENT_DETERMINERS = frozenset({"a", "an", "another", "one"})


def _own_role(tok: Any) -> bool:
    """A role noun that brings in a person of its own, not one named before: an indefinite one
    ("a spokesman for the government") or one that belongs to someone ("Y's campaign manager",
    "the state's legislative analyst", "our correspondent"): Y is not their own manager."""
    for c in tok.children:
        # "One diplomat said ...": the parser gives "one" as a number as often as a determiner
        if c.dep_ in ("det", "nummod") and c.lower_ in NEW_REFERENT_DETERMINERS:
            return True
        if c.dep_ == "poss":
            return True
    return False


def _apposition_end(appositions: list[Any]) -> int:
    """Last token of the apposition, taking in a name the parser hung on beside it
    ('an analyst at the NGO "Journalists in Extreme Conditions"')."""
    end = appositions[0].right_edge.i
    for nxt in appositions[1:]:
        between = nxt.doc[end + 1:nxt.left_edge.i]
        if any(not t.is_quote for t in between):
            break
        end = nxt.right_edge.i
    doc = appositions[0].doc
    marks = sum(1 for t in doc[appositions[0].left_edge.i:end + 1] if t.is_quote)
    if marks % 2 == 1 and end + 1 < len(doc) and doc[end + 1].is_quote:
        end += 1  # the closing mark of a quoted name, hung on the verb by the parser
    return end


def _name_chain(words: list[Any], head: Any, lex: Lexicon) -> list[Any]:
    """The name at the end of a phrase: proper nouns up to the head, without titles and roles."""
    chain = [head]
    for w in reversed([w for w in words if w.i < head.i]):
        if w.is_quote:
            continue
        if w.pos_ != "PROPN" and w.ent_type_ not in ("PERSON", "ORG"):
            break
        if w.lower_ in ADDRESS_WORDS or _is_role(w, lex):
            break
        chain.insert(0, w)
    return chain


def _person_ents(doc: Document, parsed: Parsed | None) -> list[tuple[int, int, str]]:
    """PERSON entities of the parse that are likely people: a full name, or a word of one.

    A single capitalised word tagged PERSON is often a place or a thing ("Yerevan"); it counts
    only when a longer PERSON name of the text ends in it, and never where the actor stage
    linked the same words to an actor that is not a person.
    """
    if parsed is None:
        return []
    ents = [(e.start_char, e.end_char, _clean(e.text)) for e in parsed.parse.ents if e.label_ == "PERSON"]
    full = {n.split()[-1].lower() for _, _, n in ents if len(n.split()) > 1}
    others = [(m.start, m.end) for a in doc.actors if a.type != "PERSON" for m in a.mentions]
    return [
        (s, e, n) for s, e, n in ents
        if n.split() and (len(n.split()) > 1 or n.split()[-1].lower() in full)
        and not any(ms < e and s < me for ms, me in others)
    ]


class Resolver:
    """Resolves speaker phrases of one document to speakers."""

    def __init__(self, doc: Document, parsed: Parsed | None, lex: Lexicon, quoted: list[tuple[int, int]]):
        self.doc = doc
        self.parsed = parsed
        self.lex = lex
        self.quoted = quoted
        self.persons = sorted(
            ((m.start, m.end, a) for a in doc.actors if a.type == "PERSON" for m in a.mentions),
            key=lambda x: x[0],
        )
        self.person_ents = _person_ents(doc, parsed)
        self.descriptions: dict[str, str] = {}
        # names the pronoun being resolved cannot stand for (binding.py); set per pronoun
        self.barred: list[tuple[int, int]] = []

    def _inside_quote(self, start: int) -> bool:
        return any(a <= start < b for a, b in self.quoted)

    def _unavailable(self, start: int, end: int) -> bool:
        """Inside a quotation, or a name the pronoun being resolved cannot stand for."""
        return self._inside_quote(start) or any(a < end and start < b for a, b in self.barred)

    def _full_name(self, name: str) -> str:
        """The longest person name of the document ending in the same word ("Mr X" -> "Y X")."""
        last = name.split()[-1].lower() if name.split() else ""
        # the parse's PERSON names, and the actor stage's persons ("Presenter Nina Okafor" may be
        # no PERSON entity to the tagger, and "OKAFOR:" is still she)
        names = [n for _, _, n in self.person_ents] + [a.name for _, _, a in self.persons]
        longer = [n for n in names if n.split() and n.split()[-1].lower() == last]
        return max(longer + [name], key=len)

    def _preceding_person(self, before: int, pronoun: str | None = None) -> tuple[Actor | None, str | None]:
        """The nearest person named before `before` (outside quotations); for "he" or "she", the
        nearest one whose name or title does not say otherwise."""
        want = PRONOUN_GENDER.get(pronoun or "")
        actor = None
        for start, end, a in self.persons:
            if end > before:
                break
            if not self._unavailable(start, end) and self._compatible(want, a.name, a):
                actor = a
        ent_name = None
        ent_at = -1
        for start, end, n in self.person_ents:
            if end <= before and not self._unavailable(start, end) and self._compatible(want, n, None):
                ent_name, ent_at = n, start
        if actor is not None:
            last_actor = max(s for s, e, a in self.persons if a is actor and e <= before and not self._unavailable(s, e))
            if last_actor >= ent_at or ent_name is None:
                return (self._salient_person(before, pronoun, actor) if pronoun else actor), None
        return None, (self._full_name(ent_name) if ent_name else None)

    def _salient_person(self, before: int, pronoun: str | None, nearest: Actor) -> Actor:
        """'Chancellor X arrived in Warsaw. He laid a wreath and met Prime Minister Y. "...," he said':
        a pronoun continues the person the text is about, named as a subject, rather than one named
        last as an object (issue 13, fourth round). Only within SALIENCE_WINDOW, and only over a
        nearest person who is no subject there."""
        if self.parsed is None or pronoun not in SINGULAR_PRONOUNS:
            return nearest
        want = PRONOUN_GENDER.get(pronoun)
        near = [(s, a) for s, e, a in self.persons
                if before - SALIENCE_WINDOW <= s and e <= before and not self._unavailable(s, e)
                and self._compatible(want, a.name, a)]
        if not near or near[-1][1] is not nearest or self._in_subject(near[-1][0]):
            return nearest
        subjects = [a for s, a in near if self._in_subject(s)]
        return subjects[-1] if subjects else nearest

    def _compatible(self, want: str | None, name: str, actor: Actor | None) -> bool:
        if want is None:
            return True
        known = person_gender(self.doc.text, name, actor)
        return known is None or known == want

    def _preceding_body(self, before: int) -> tuple[Actor | None, str | None]:
        """'It denied ...': the nearest institution or country named before, as an actor mention
        or as the subject of its own sentence ("The defence ministry acknowledged ...")."""
        actor_at, actor = -1, None
        if self.parsed is not None:
            # "Lithuania will raise it at the North Atlantic Council, it added": what the pronoun
            # reports is no antecedent of it; the institution is the subject of an earlier sentence
            here = self.parsed.token_at(before)
            if here is not None:
                before = min(before, here.sent.start_char)
        for a in self.doc.actors:
            if a.type in ("ORG", "COUNTRY", "GROUP"):
                for m in a.mentions:
                    if (actor_at < m.start and m.end <= before and not self._inside_quote(m.start)
                            and self._in_subject(m.start)):
                        actor_at, actor = m.start, a
        noun_at, name, noun = -1, None, None
        if self.parsed is not None:
            for tok in self.parsed.tokens(max(0, before - BODY_PRONOUN_WINDOW), before):
                if tok.dep_ == "nsubj" and (tok.lemma_.lower() in self.lex.body_nouns) and not self._inside_quote(tok.idx):
                    noun_at, name, noun = tok.idx, phrase_from_token(tok, self.lex).name, tok
        if actor is not None and actor_at >= noun_at:
            return actor, None
        if noun is not None:
            # "..., the agency had exceeded its budget. ... what it called ...": "it" takes the
            # body that "the agency" itself stands for
            ph = phrase_from_token(noun, self.lex)
            anaphor = self._body_anaphor(ph, mentions_in(self.doc, ph.head_start, ph.head_end))
            if anaphor is not None:
                return anaphor
        return None, name

    def _preceding_role_speaker(self, before: int) -> str | None:
        """'Japan's top currency diplomat warned ... "...," the official said': with no one named
        before, a definite role is the nearest unnamed single speaker before it."""
        if self.parsed is None:
            return None
        found = None
        for tok in self.parsed.tokens(max(0, before - ROLE_SPEAKER_WINDOW), before):
            if (tok.dep_ == "nsubj" and tok.tag_ != "NNS" and tok.head.lemma_.lower() in self.lex.report_verbs
                    and not self._inside_quote(tok.idx) and _is_role(tok, self.lex)):
                ph = phrase_from_token(tok, self.lex)
                if ph.kind == "role" and ph.end <= before:
                    found = ph.name
        return found

    def _in_subject(self, offset: int) -> bool:
        """Is the word at `offset` part of a clause's subject ("Lithuania's foreign ministry said")?"""
        if self.parsed is None:
            return True
        tok = self.parsed.token_at(offset)
        while tok is not None:
            if tok.dep_ in ("nsubj", "nsubjpass"):
                return True
            if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
                return False
            tok = tok.head
        return False

    def _following_person(self, after: int) -> tuple[Actor | None, str | None]:
        """A role noun with no one named before it ("Minister: ..." in a headline) names who comes next."""
        limit = after + FOLLOWING_PERSON_WINDOW
        actors = [(s, a) for s, e, a in self.persons if after <= s < limit and not self._inside_quote(s)]
        ents = [(s, n) for s, e, n in self.person_ents if after <= s < limit and not self._inside_quote(s)]
        if actors and (not ents or actors[0][0] <= ents[0][0]):
            return actors[0][1], None
        return (None, self._full_name(ents[0][1])) if ents else (None, None)

    def resolve(self, ph: Phrase) -> Resolved | None:
        tok = self.parsed.token_at(ph.head_start) if self.parsed is not None and ph.kind == "pronoun" else None
        self.barred = barred_antecedents(tok) if tok is not None else []
        try:
            return self._resolve(ph)
        finally:
            self.barred = []

    def _resolve(self, ph: Phrase) -> Resolved | None:
        text = self.doc.text
        mention = Span(start=ph.start, end=ph.end, text=text[ph.start:ph.end])
        hits = mentions_in(self.doc, ph.start, ph.end)
        on_head = [(m, a) for m, a in hits if m.start < ph.head_end and ph.head_start < m.end]
        actor: Actor | None = None
        name: str | None = None
        anaphor = self._body_anaphor(ph, on_head)
        if anaphor is not None:
            actor, name = anaphor
        elif on_head and not (ph.kind == "pronoun" and self._links_barred(on_head, ph.start)):
            actor = max(on_head, key=lambda p: (p[1].type == "PERSON", p[0].end - p[0].start))[1]
            actor = self._expanded(actor, ph.start)
            if ph.kind == "pronoun" and actor.type == "PERSON":
                actor = self._salient_person(ph.start, text[ph.start:ph.end].lower(), actor)
        elif ph.kind == "role" and (ph.plural or ph.own):
            name = ph.name
        elif ph.kind == "role" and (earlier := self._earlier_indefinite_role(ph)) is not None:
            name = earlier
        elif ph.kind in ("pronoun", "role"):
            actor, name = self._preceding_person(ph.start, text[ph.start:ph.end].lower() if ph.kind == "pronoun" else None)
            if actor is None and name is None and ph.kind == "role":
                name = self._preceding_role_speaker(ph.start)
            if actor is None and name is None and ph.kind == "role":
                actor, name = self._following_person(ph.end)
            if actor is None and name is None and ph.kind == "role":
                name = ph.name
        elif ph.kind == "name" and not (ph.weak and not hits):
            persons = [a for _, a in hits if a.type == "PERSON"]
            actor = persons[0] if persons else None
            name = None if actor else self._full_name(ph.name or "")
        elif ph.kind == "body":
            name = ph.name
        elif ph.kind == "body-pronoun":
            actor, name = self._preceding_body(ph.start)
        if actor is None and not name:
            return None
        key = actor.id if actor else (name or "")
        description = ph.description or self.descriptions.get(key) or self._described(actor, name)
        if description is None and ph.kind == "role":
            description = ph.name
        if description and key not in self.descriptions:
            self.descriptions[key] = description
        speaker = Speaker(actor_id=actor.id if actor else None, name=self._as_written(actor) if actor else name,
                          description=description)
        return Resolved(speaker=speaker, mention=mention)

    def _as_written(self, actor: Actor) -> str:
        """The actor's name in the text's own spelling: a dictionary keeps "Recep Tayyip Erdogan",
        the article writes "Erdoğan", and the speaker shown is "Recep Tayyip Erdoğan" (issue 13,
        fourth round). Only letters that fold to the same word are taken from the text: matching
        identities across spellings is the store's work (`quotes --speaker`), not the display's."""
        written: dict[str, str] = {}
        for m in actor.mentions:
            for word in NAME_WORD.findall(m.text):
                if strip_accents(word) != word:
                    written.setdefault(strip_accents(word).lower(), word)
        if not written:
            return actor.name
        return NAME_WORD.sub(lambda w: written.get(strip_accents(w.group()).lower(), w.group()), actor.name)

    def _links_barred(self, on_head: list[tuple[Any, Actor]], before: int) -> bool:
        """The actor stage linked the pronoun to a person whose last mention before it is one the
        pronoun cannot stand for ("Under questioning from X, he ...")."""
        for _, a in on_head:
            earlier = max((m for m in a.mentions if m.end <= before), key=lambda m: m.start, default=None)
            if earlier is not None and self._unavailable(earlier.start, earlier.end):
                return True
        return False

    def _body_anaphor(self, ph: Phrase, on_head: list[tuple[Any, Actor]]) -> tuple[Actor | None, str | None] | None:
        """'the group', 'the alliance', 'the newspaper': a definite generic body noun stands for the
        body named before it (issue 13, fourth round). A name of its own on the head ("the Union
        of Journalists") keeps it; the actor stage's bare "The group" does not count as one."""
        if self.parsed is None or ph.kind != "body":
            return None
        tok = self.parsed.token_at(ph.head_start)
        if tok is None or tok.pos_ != "NOUN" or tok.lemma_.lower() not in self.lex.anaphoric_body_nouns:
            return None
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children):
            return None
        if any(c.dep_ in ("compound", "amod", "poss", "prep", "nmod") for c in tok.children):
            return None  # "the defence ministry", "the ministry of defence": named here
        named = [a for _, a in on_head if not _bare_noun_name(a.name)]
        if named:
            return None
        return self._preceding_body_named(ph.start, tok.lemma_.lower())

    def _preceding_body_named(self, before: int, noun: str) -> tuple[Actor | None, str | None] | None:
        """The institution named last before `before` (within BODY_ANAPHOR_WINDOW): one whose name
        holds the noun ("the department" for "the Department of Homeland Security") first, then
        an organisation, then, for a paper or a channel, any name that is not a person's or a country's."""
        lower = max(0, before - BODY_ANAPHOR_WINDOW)
        found: list[tuple[int, int, Actor | None, str | None]] = []
        for a in self.doc.actors:
            if a.type in ("PERSON", "COUNTRY") or _bare_noun_name(a.name):
                continue
            for m in a.mentions:
                if lower <= m.start and m.end <= before and not self._inside_quote(m.start):
                    rank = 2 if noun in a.name.lower().split() else 1 if a.type in ("ORG", "GROUP") else (
                        0 if noun in self.lex.media_body_nouns else -1)
                    found.append((rank, m.start, a, None))
        if self.parsed is not None:
            for e in self.parsed.parse.ents:
                if e.label_ in ("ORG", "WORK_OF_ART") and lower <= e.start_char and e.end_char <= before \
                        and not self._inside_quote(e.start_char) and not mentions_in(self.doc, e.start_char, e.end_char):
                    text = _clean(e.text)
                    rank = 2 if noun in text.lower().split() else 1 if e.label_ == "ORG" else (
                        0 if noun in self.lex.media_body_nouns else -1)
                    found.append((rank, e.start_char, None, _strip_article(text)))
        found = [f for f in found if f[0] >= 0]
        if not found:
            return None
        _, _, actor, name = max(found, key=lambda f: (f[0], f[1]))
        return actor, name

    def _expanded(self, actor: Actor, before: int) -> Actor:
        """'the GAO' after 'the Government Accountability Office': an acronym stands for the
        organisation named before whose initials it spells."""
        name = actor.name
        if not (name.isupper() and name.isalpha() and 2 <= len(name) <= 6):
            return actor
        for other in self.doc.actors:
            if other is actor or other.type not in ("ORG", "GROUP"):
                continue
            initials = "".join(w[0] for w in other.name.split() if w[:1].isupper())
            if initials == name and any(m.end <= before for m in other.mentions):
                return other
        return actor

    def _earlier_indefinite_role(self, ph: Phrase) -> str | None:
        """'..., an Elysee adviser said. ... The adviser denied ...': a definite role refers back to
        the same role brought in before as someone new, not to the person named before it."""
        if self.parsed is None or ph.plural or ph.own:
            return None
        tok = self.parsed.token_at(ph.head_start)
        if tok is None or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return None
        lemma = tok.lemma_.lower()
        found = None
        for t in self.parsed.tokens(max(0, ph.start - ROLE_SPEAKER_WINDOW * 2), ph.start):
            if t.lemma_.lower() == lemma and t.pos_ == "NOUN" and t.i != tok.i and not self._inside_quote(t.idx):
                earlier = phrase_from_token(t, self.lex)
                if earlier.kind == "role" and earlier.own and not earlier.plural and earlier.name and \
                        not any(c.dep_ == "poss" for c in t.children):
                    found = earlier.name
        return found

    def _described(self, actor: Actor | None, name: str | None) -> str | None:
        """A role given with the speaker elsewhere in the text ("Armenian political scientist X")."""
        if self.parsed is not None:
            spans = [(m.start, m.end) for m in actor.mentions] if actor else [
                (s, e) for s, e, n in self.person_ents if name and n.split()[-1:] == name.split()[-1:]]
            for start, end in sorted(spans):
                tok = self.parsed.token_at(max(start, end - 1))
                if tok is None or tok.pos_ != "PROPN":
                    continue
                ph = phrase_from_token(tok, self.lex)
                if ph.kind == "name" and ph.description:
                    return ph.description
        if actor is not None and actor.roles:
            return actor.roles[0]
        return None
