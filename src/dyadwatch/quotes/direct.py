"""Direct quotations: quoted spans that are someone's words, with their attribution.

A quoted span is a quotation on evidence, not on a list of words: it is attributed (a verb of
saying with its subject next to it or in its sentence, a colon after an attribution, a dash in
the Russian manner), it is a clause (it holds a finite verb), and it is long enough. Scare
quotes, titles and names in quotation marks ("trump cards", the "Turan" agency) have none of
that. A quotation with no attribution of its own takes the speaker of the quotation next to it
when the text goes on with the same person's words.
"""
from __future__ import annotations

import re
from typing import Any
from dataclasses import dataclass

from ..models import Quote
from .cues import Cue, find_cues, subject_of
from .future import is_prediction
from .lexicon import Lexicon
from .marks import Marked
from .parsed import FINITE_TAGS, Parsed, clause_root, has_finite_verb
from .heads import token_in_head
from ..actors.guards import never_a_name
from .records import direct_parts, same_speaker
from .speakers import Phrase, Resolved, Resolver, phrase_from_token
from .text import Paragraph, paragraph_of, sentence_end, sentence_start
from .transcript import NAME_PARTICLES, roundup_person

# An attributed clause in quotation marks needs this many words to count ("We will win," he said).
MIN_CLAUSE_WORDS = 3
# A clause in quotation marks with no attribution anywhere near counts from this many words: shorter
# ones are slogans and names ("we are all friends" policy). Set on invented news passages (tests/quotes).
MIN_STANDALONE_WORDS = 8
# A fragment without a verb counts when tightly attributed ("A disaster," he said) from this many words...
MIN_FRAGMENT_WORDS = 2
# ...or, attributed only somewhere in its sentence, from this many ("called it "a grave threat to ...").
MIN_LOOSE_FRAGMENT_WORDS = 6
# Share of capitalised words above which a quoted span reads as a title or a name.
TITLE_CASE_SHARE = 0.75
# A verb outside the lexicon attributes a quotation only right after it: "...," Smith continued.
GENERIC_VERB_WINDOW = 8
# A bare noun phrase before a colon names the speaker ('Minister: "..."') up to this many words.
COLON_SPEAKER_MAX_WORDS = 5
# ...and a person's name with what they are doing, without a finite verb, up to this many
# ('X, still damp after another campaign stunt on a paddleboard: "..."' is ten).
COLON_NAME_MAX_WORDS = 14
# Without a parse (languages other than English) a quoted span counts from this many words.
NO_PARSE_MIN_WORDS = 5
# Quotation marks right after these words (or after a possessive: 'CNN's "State of the Union"')
# around a title-cased span hold the name of a programme, a paper or a platform ('said on "Meet
# the Press."', 'told "The World Tonight"'), even with the sentence's full stop inside (issue 13).
TITLE_PREPOSITIONS = frozenset({"on", "in", "to", "told", "at", "from", "of", "by", "for", "with", "via", "about"})
TITLE_LEAD_CHARS = 24
MAX_TITLE_WORDS = 8
# Between the pieces of a split quotation: an attribution of at most this many characters, set
# off by these marks ('"A," said X, the minister of Y, "b."').
MAX_SPLIT_GAP = 160
SPLIT_PUNCT = frozenset(",—–-")
QUOTE_MARKS_ALL = "\"“”„«»"
# A byline after a quotation: a dash, a name of at most five words, optionally a comma and the
# outlet or role, to the end of the paragraph ('"..." — Rafael Ortiz, The Harbor Times').
BYLINE = re.compile(r"[ \t]*[.,]?[ \t]*(?:--|[—–-])[ \t]*(?P<name>[^\W\d_][\w.'’-]*(?:[ \t]+[\w.'’-]+){0,4}?)[ \t]*(?:,[^\n]{1,60})?[ \t]*$", re.M)
SMALL_WORDS = frozenset("a an the of in on at to for and or but with by from as is are was were be".split())
WORD = re.compile(r"\w[\w'’-]*")
TIGHT_GAP = re.compile(r"^[\s,—–-]*$")


@dataclass(frozen=True)
class Candidate:
    marked: Marked
    start: int
    end: int
    words: int
    clause: bool
    terminal: bool  # ends with . ! ? inside the marks
    comma: bool  # ends with a comma inside the marks (an attribution follows)
    title_like: bool
    para_start: bool  # the quotation opens its paragraph
    named_title: bool = False  # a title-cased name after "on", "in", "told" ...: a programme or a paper


@dataclass(frozen=True)
class Attribution:
    cue: str | None
    tight: bool
    resolved: Resolved | None
    generic: bool = False  # the cue is a verb outside the speech lexicon, taken only for its position
    named: bool = False  # 'called it "reckless"': the subject's own word for something, one word is enough


def _bounds(text: str, m: Marked) -> tuple[int, int, bool, bool]:
    start, end = m.start, m.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    comma = end > start and text[end - 1] == ","
    while end > start and text[end - 1] in ",;:":
        end -= 1
    terminal = end > start and text[end - 1] in ".!?…"
    return start, end, terminal, comma


def _title_like(words: list[str]) -> bool:
    content = [w for w in words if w.lower() not in SMALL_WORDS]
    if not content:
        return False
    caps = sum(1 for w in content if w[:1].isupper())
    return caps / len(content) >= TITLE_CASE_SHARE


def candidate(text: str, m: Marked, parsed: Parsed | None, paras: list[Paragraph]) -> Candidate:
    start, end, terminal, comma = _bounds(text, m)
    words = WORD.findall(text[start:end])
    if parsed is not None:
        clause = has_finite_verb(parsed.tokens(start, end))
    else:
        clause = len(words) >= NO_PARSE_MIN_WORDS
    para = paras[paragraph_of(paras, m.open_mark)]
    title = _title_like(words) and not terminal and len(words) > 0
    lead = WORD.findall(text[max(0, m.open_mark - TITLE_LEAD_CHARS):m.open_mark])
    after_title_word = bool(lead) and (lead[-1].lower() in TITLE_PREPOSITIONS or lead[-1].endswith(("'s", "’s")))
    named = after_title_word and _title_like(words) and len(words) <= MAX_TITLE_WORDS
    return Candidate(m, start, end, len(words), clause, terminal, comma, title, m.open_mark == para.start, named)


def plausible(c: Candidate) -> bool:
    """Could this span be a quotation? (Used to bound the attribution of its neighbours.)"""
    return c.clause and c.words >= MIN_CLAUSE_WORDS and not c.title_like and not c.named_title


def accept(c: Candidate, att: Attribution | None) -> bool:
    if c.named_title:
        return False
    attributed = att is not None
    if c.title_like and not (attributed and att is not None and att.tight):
        return False
    if c.clause:
        if attributed and c.words >= MIN_CLAUSE_WORDS:
            return True
        return c.words >= MIN_STANDALONE_WORDS and (c.terminal or c.comma or c.para_start)
    if attributed and att is not None and att.tight and not att.generic:
        return c.words >= (1 if att.named else MIN_FRAGMENT_WORDS)
    return attributed and c.words >= MIN_LOOSE_FRAGMENT_WORDS


class DirectFinder:
    def __init__(self, text: str, parsed: Parsed | None, paras: list[Paragraph], resolver: Resolver, lex: Lexicon):
        self.text = text
        self.parsed = parsed
        self.paras = paras
        self.resolver = resolver
        self.lex = lex
        # spans of the programme and paper titles in marks met by `find` ('on "Mornings with X"')
        self.titles: list[tuple[int, int]] = []

    def regions(self, cands: list[Candidate], k: int) -> tuple[tuple[int, int], tuple[int, int]]:
        """The text before and after quotation k, within its sentence and its neighbours."""
        text, c = self.text, cands[k]
        para_a = self.paras[paragraph_of(self.paras, c.marked.open_mark)]
        para_b = self.paras[paragraph_of(self.paras, c.marked.close_mark)]
        lower = para_a.start
        for p in reversed(cands[:k]):
            if p.marked.close_mark >= para_a.start and plausible(p):
                lower = p.marked.close_mark + 1
                break
        upper = para_b.end
        for n in cands[k + 1:]:
            if n.marked.open_mark < para_b.end and plausible(n):
                upper = n.marked.open_mark
                break
        before = (sentence_start(text, lower, c.marked.open_mark), c.marked.open_mark)
        after_start = c.marked.close_mark + 1
        rest = text[after_start:upper]
        if rest.lstrip()[:1] in (".", "") or (text[c.end - 1:c.end] == "." and rest.lstrip()[:1].isupper()):
            after = (after_start, after_start)
        else:
            after = (after_start, sentence_end(text, after_start, upper))
        return before, after

    def attribute(self, c: Candidate, before: tuple[int, int], after: tuple[int, int]) -> Attribution | None:
        text = self.text
        gap_after = text[after[0]:after[1]]
        tight_after = bool(gap_after.strip()) and (c.comma or c.terminal and text[c.end - 1] in "?!" or gap_after.lstrip()[:1] in ",—–-")
        tight_before = text[before[0]:before[1]].rstrip().endswith((":", ","))
        if self.parsed is None:
            return self._attribute_plain(after, tight_after) or self._attribute_plain(before, tight_before)
        # "... if the United States insisted on escalating": a verb in a subordinate clause after
        # the quotation is a condition or a time, not its attribution (issue 13, fourth round)
        cues = [q for q in find_cues(self.parsed.tokens(*after), self.lex, self.lex.quote_verbs, *after)
                if not any(ch.dep_ == "mark" for ch in q.verb.children)]
        earlier = find_cues(self.parsed.tokens(*before), self.lex, self.lex.quote_verbs, *before)
        # only the nearest cue before: '"Agency" reported that X apologised "due to ..."' is X's
        governing = [e for e in earlier[-1:] if e.kind == "verb" and self._governs(e.verb, c)]
        if governing:
            return self._attribution(governing[-1], tight_before)  # 'said China would "fight to the end" if ...'
        if cues and not (cues[0].kind == "according" and any(e.kind == "verb" for e in earlier)):
            return self._attribution(cues[0], tight_after)
        # 'X was quoted as saying she "would never ...", according to a report': the report is the
        # source of the quotation, the verb before it says whose words they are (issue 13)
        if earlier:
            return self._attribution(earlier[-1], tight_before)
        if cues:
            return self._attribution(cues[0], tight_after)
        if tight_after:
            generic = self._generic(after)
            if generic is not None:
                return generic
        byline = self._byline(c)
        if byline is not None:
            return byline
        if text[before[0]:before[1]].rstrip().endswith(":"):
            return self._colon_speaker(before)
        return None

    def _named_by(self, c: Candidate) -> Attribution | None:
        """'X called the timetable "a manufactured crisis"', 'what it called "leaked material"', 'X
        described the plan as "reckless"': quoted words that are the object's name given by the
        subject of a verb of naming are the subject's words, however short (issue 13, fourth round)."""
        if self.parsed is None:
            return None
        inside = [t for t in self.parsed.tokens(c.start, c.end) if not t.is_punct]
        ids = {t.i for t in inside}
        roots = [t for t in inside if t.head.i not in ids or t.head.i == t.i]
        if len(roots) != 1:
            return None
        root = roots[0]
        verb = None
        if root.dep_ in ("oprd", "xcomp") and root.head.lemma_.lower() in self.lex.naming_verbs:
            verb = root.head
        elif root.head.lower_ == "as" and root.head.head.lemma_.lower() in self.lex.naming_verbs:  # 'as "reckless"' (pobj or amod)
            verb = root.head.head
        if verb is None or verb.pos_ != "VERB" or any(ch.dep_ in ("nsubjpass", "auxpass") for ch in verb.children):
            return None
        if any(t.i not in ids and not t.is_punct for t in root.subtree):
            return None  # 'called the agreement a "capitulation"': the writer's phrase with a scare-quoted word
        subj = subject_of(verb)
        if subj is None:
            return None
        phrase = phrase_from_token(subj, self.lex)
        if phrase.kind == "other":
            return None
        resolved = self.resolver.resolve(phrase)
        if resolved is None:
            return None
        return Attribution(cue=verb.text, tight=True, resolved=resolved, named=True)

    def _governs(self, verb: Any, c: Candidate) -> bool:
        """Is the quotation inside the complement clause of `verb` ('said China would "fight ..."')?"""
        if self.parsed is None:
            return False
        inside = [t for t in self.parsed.tokens(c.start, c.end) if not t.is_punct]
        if not inside:
            return False
        tok = inside[0]
        while tok.head.i != tok.i:
            if tok.head.i == verb.i:
                return tok.dep_ in ("ccomp", "xcomp")
            tok = tok.head
        return False

    def _byline(self, c: Candidate) -> Attribution | None:
        """'"...." — Name, The Outlet' closing its paragraph: a round-up's byline names the speaker."""
        para = self.paras[paragraph_of(self.paras, c.marked.close_mark)]
        m = BYLINE.match(self.text, c.marked.close_mark + 1, para.end)
        if m is None or m.end() != para.end:
            return None
        a, b = m.span("name")
        words = self.text[a:b].split()
        if not all(w[:1].isupper() or w.lower() in NAME_PARTICLES for w in words):
            return None
        resolved = self.resolver.resolve(Phrase(a, b, a, b, "name", name=self.text[a:b]))
        return Attribution(cue=None, tight=True, resolved=resolved) if resolved is not None else None

    def _colon_speaker(self, before: tuple[int, int]) -> Attribution | None:
        """'Minister: "..."' (a headline), 'The ministry's statement: "..."': a bare noun phrase and a colon."""
        if self.parsed is None:
            return None
        words = [t for t in self.parsed.tokens(*before) if not t.is_punct and not t.is_space and not token_in_head(t)]
        if not words:
            return None
        if words[0].idx == self.paras[paragraph_of(self.paras, words[0].idx)].start:
            colon = self.text.rindex(":", before[0], before[1])
            person = roundup_person(self.text, words[0].idx, colon, self.parsed, self.resolver)
            if person is not None:
                return Attribution(cue=None, tight=True, resolved=self.resolver.resolve(person))
        if len(words) > COLON_SPEAKER_MAX_WORDS or any(t.pos_ in ("VERB", "AUX") for t in words):
            return self._colon_name(words) or self._colon_clause(words)
        ids = {t.i for t in words}
        heads = [t for t in words if t.head.i not in ids or t.head.i == t.i]
        head = next((t for t in heads if t.pos_ in ("PROPN", "NOUN")), None)
        if head is None:
            return None
        phrase = phrase_from_token(head, self.lex)
        label = self._label_name(words)
        if label is not None and (phrase.kind == "other" or (phrase.kind == "name" and phrase.weak)):
            # 'Libération: "..."': a capitalised name alone at the head of its paragraph before the
            # colon labels a round-up's entry, however the tagger read the word (issue 13, fourth round)
            end = words[-1].idx + len(words[-1])
            phrase = Phrase(words[0].idx, end, words[0].idx, end, "name", name=label)
        return Attribution(cue=None, tight=True, resolved=self.resolver.resolve(phrase))

    def _label_name(self, words: list[Any]) -> str | None:
        """The words before a colon when they open their paragraph and all look like a name."""
        first = words[0]
        para = self.paras[paragraph_of(self.paras, first.idx)]
        if first.idx != para.start or not all(t.text[:1].isupper() or t.lower_ in NAME_PARTICLES for t in words):
            return None
        name = " ".join(t.text for t in words)
        return None if name.lower() in self.lex.layout_labels else name

    def _colon_clause(self, words: list[Any]) -> Attribution | None:
        """'Tusk had a blunt message for his partners: "..."', 'He opened with a familiar line:',
        'His answer was short:': a clause about someone, or about what they said, introduces their
        words after a colon (issue 13, fourth round)."""
        root = clause_root(words)
        if root is None or root.pos_ not in ("VERB", "AUX"):
            return None
        subj = subject_of(root)
        if subj is None:
            return None
        if subj.lemma_.lower() in self.lex.utterance_nouns:
            owner = next((c for c in subj.children if c.dep_ == "poss"), None)
            if owner is None:
                return None
            subj = owner
        phrase = phrase_from_token(subj, self.lex)
        if phrase.kind not in ("name", "pronoun", "role", "body", "body-pronoun") or phrase.plural:
            return None
        resolved = self.resolver.resolve(phrase)
        return Attribution(cue=None, tight=True, resolved=resolved) if resolved is not None else None

    def _colon_name(self, words: list[Any]) -> Attribution | None:
        """'AfD co-leader X to supporters: "..."', 'X, still damp after a stunt on a paddleboard: "..."':
        a live blog's verbless line naming a person, with what they are doing, before a colon."""
        if len(words) > COLON_NAME_MAX_WORDS or any(t.tag_ in FINITE_TAGS for t in words):
            return None
        first = next((t for t in words if t.pos_ == "PROPN" and not never_a_name(t)), None)
        if first is None or first.i != words[0].i and words[0].pos_ not in ("PROPN", "NOUN", "ADJ", "DET"):
            return None
        ids = {t.i for t in words}
        head = first
        while head.dep_ in ("compound", "flat", "amod", "nmod") and head.head.i in ids and head.head.pos_ in ("PROPN", "NOUN"):
            head = head.head
        phrase = phrase_from_token(head, self.lex)
        if phrase.kind != "name":
            return None
        resolved = self.resolver.resolve(phrase)
        return Attribution(cue=None, tight=True, resolved=resolved) if resolved is not None else None

    def _attribution(self, cue: Cue, tight: bool) -> Attribution:
        phrase = phrase_from_token(cue.subject, self.lex)
        return Attribution(cue=cue.text, tight=tight, resolved=self.resolver.resolve(phrase))

    def _generic(self, after: tuple[int, int]) -> Attribution | None:
        if self.parsed is None:
            return None
        words = [t for t in self.parsed.tokens(*after) if not t.is_punct][:GENERIC_VERB_WINDOW]
        for t in words:
            if t.pos_ == "VERB":
                subj = next((s for s in t.children if s.dep_ == "nsubj" and after[0] <= s.idx < after[1]), None)
                # only "...," Smith continued: the subject opens the attribution ("..., while critics spoke" does not attribute)
                if subj is None or subj.left_edge.i != words[0].i:
                    return None
                att = self._attribution(Cue(t, subj, t.text, "verb", t), True)
                return Attribution(cue=att.cue, tight=True, resolved=att.resolved, generic=True)
        return None

    def _attribute_plain(self, region: tuple[int, int], tight: bool) -> Attribution | None:
        """Without a parse: a cue word of the lexicon and an actor mention in the region."""
        segment = self.text[region[0]:region[1]]
        words = [(m.group(), m.start() + region[0]) for m in WORD.finditer(segment)]
        cue = next((w for w, _ in words if w.lower() in self.lex.russian_cues or w.lower() in self.lex.quote_verbs), None)
        if cue is None:
            return None
        phrase = self._plain_phrase(region, words, cue)
        return Attribution(cue=cue, tight=tight, resolved=self.resolver.resolve(phrase) if phrase else None)

    def _plain_phrase(self, region: tuple[int, int], words: list[tuple[str, int]], cue: str) -> Phrase | None:
        from ..actors.lookup import mentions_in

        hits = mentions_in(self.resolver.doc, *region)
        if hits:
            m, a = max(hits, key=lambda p: (p[1].type == "PERSON", p[0].end - p[0].start))
            return Phrase(m.start, m.end, m.start, m.end, "name", name=a.name)
        names = [(w, at) for w, at in words if w[:1].isupper() and w != cue]
        if not names:
            return None
        first, at = names[0]
        run = [(first, at)]
        for w, pos in names[1:]:
            if pos - (run[-1][1] + len(run[-1][0])) <= 1:
                run.append((w, pos))
        end = run[-1][1] + len(run[-1][0])
        return Phrase(at, end, at, end, "name", name=" ".join(w for w, _ in run))

    def colon_intro(self, c: Candidate) -> Attribution | None:
        """A quotation opening its paragraph after a paragraph that ends in 'X said:'."""
        n = paragraph_of(self.paras, c.marked.open_mark)
        if not c.para_start or n == 0:
            return None
        prev = self.paras[n - 1]
        if not self.text[prev.start:prev.end].endswith(":"):
            return None
        region = (sentence_start(self.text, prev.start, prev.end - 1), prev.end)
        if self.parsed is None:
            return self._attribute_plain(region, True)
        cues = find_cues(self.parsed.tokens(*region), self.lex, self.lex.quote_verbs, *region)
        if cues:
            return self._attribution(cues[-1], True)
        return self.introduced_by(c)

    def introduced_by(self, c: Candidate) -> Attribution | None:
        """A quotation opening its paragraph with no attribution, after a paragraph that brings its
        speaker on: 'Senator X issued the following statement:' / 'X closed the debate with a
        warning:' (a colon: anyone who can speak), or 'X, who led the mission, gave a long
        interview.' (a person as the subject of the paragraph's last sentence). The parse's subject
        of that sentence is the speaker; a paragraph with quotations of its own is left to them."""
        n = paragraph_of(self.paras, c.marked.open_mark)
        if self.parsed is None or not c.para_start or n == 0:
            return None
        prev = self.paras[n - 1]
        if any(prev.start <= a < prev.end for a, _ in self.resolver.quoted):
            return None
        colon = self.text[prev.start:prev.end].endswith(":")
        tokens = [t for t in self.parsed.tokens(sentence_start(self.text, prev.start, prev.end - 1), prev.end)]
        root = clause_root(tokens)
        subj = subject_of(root) if root is not None and root.pos_ in ("VERB", "AUX") else None
        if subj is None:
            return None
        phrase = phrase_from_token(subj, self.lex)
        if not colon and phrase.kind not in ("name", "pronoun", "role"):
            return None
        resolved = self.resolver.resolve(phrase)
        if resolved is None or (not colon and phrase.kind != "name" and resolved.speaker.actor_id is None):
            return None
        return Attribution(cue=None, tight=colon, resolved=resolved)

    def introduced_before(self, c: Candidate, kept: list[tuple[Candidate, Attribution | None]]) -> Attribution | None:
        """'Representative X, who chairs the committee, disputed the figure. "Their model ..."': a
        quotation with no attribution that opens a sentence inside its paragraph, right after a
        sentence about a named person, is that person's (issue 13, fourth round). A quotation
        before it in the paragraph speaks for itself and its neighbours instead."""
        if self.parsed is None or c.para_start:
            return None
        para = self.paras[paragraph_of(self.paras, c.marked.open_mark)]
        if kept and kept[-1][0].marked.close_mark >= para.start:
            return None
        lead = self.text[para.start:c.marked.open_mark].rstrip()
        if not lead.endswith((".", "!", "?")):
            return None
        begin = sentence_start(self.text, para.start, len(lead) + para.start - 1)
        if any(begin <= a < c.marked.open_mark for a, _ in self.resolver.quoted):
            return None
        tokens = self.parsed.tokens(begin, para.start + len(lead))
        root = clause_root(tokens)
        subj = subject_of(root) if root is not None and root.pos_ in ("VERB", "AUX") else None
        if subj is None:
            return None
        phrase = phrase_from_token(subj, self.lex)
        if phrase.kind != "name":
            return None
        resolved = self.resolver.resolve(phrase)
        if resolved is None or resolved.speaker.actor_id is None:
            return None
        return Attribution(cue=None, tight=False, resolved=resolved)

    def find(self, marked: list[Marked]) -> list[Quote]:
        cands = [candidate(self.text, m, self.parsed, self.paras) for m in marked]
        self.titles = [(c.marked.start, c.marked.end) for c in cands if c.named_title]
        kept: list[tuple[Candidate, Attribution | None]] = []
        for k, c in enumerate(cands):
            if c.words == 0:
                continue
            before, after = self.regions(cands, k)
            att = self._named_by(c) or self.attribute(c, before, after) or self.colon_intro(c)
            if accept(c, att) or (att is None and kept and self._goes_on(kept[-1], c)):
                kept.append((c, att or self.introduced_by(c) or self.introduced_before(c, kept)))
        pairs = _continue_speakers(kept, self.paras)
        own = {id(c) for c, att in kept if att is not None and att.cue is not None}
        return self._join_split([(c, self._quote(c, att), id(c) in own) for c, att in pairs])

    def _goes_on(self, prev: tuple[Candidate, Attribution | None], c: Candidate) -> bool:
        """'"A," Keller added. "B."': a short clause in marks right after an attributed quotation
        and its attribution sentence goes on with the same person's words."""
        p, att = prev
        if att is None or att.resolved is None or not (c.clause and c.words >= MIN_CLAUSE_WORDS) or c.title_like:
            return False
        gap = self.text[p.marked.close_mark + 1:c.marked.open_mark]
        return (paragraph_of(self.paras, p.marked.close_mark) == paragraph_of(self.paras, c.marked.open_mark)
                and len(gap) <= MAX_SPLIT_GAP and gap.rstrip().endswith((".", "!", "?")))

    def _join_split(self, quotes: list[tuple[Candidate, Quote, bool]]) -> list[Quote]:
        """'"A," she said, "but b."': one quotation in two pieces, with both parts marked.

        So is '"A," she said after the meeting. "B."' (issue 13, fourth round): a first piece
        that ends in a comma, an attribution sentence of its own between, and a second piece in
        the same paragraph with no attribution of its own is the same statement resumed. A
        second piece with its own cue ('"B," he added.') stays a record of its own.
        """
        out: list[tuple[Candidate, Quote]] = []
        for c, q, attributed in quotes:
            if out and same_speaker(out[-1][1], q) and (
                    self._split_pair(out[-1][0], c) or (not attributed and self._resumed_pair(out[-1][0], out[-1][1], c))):
                pc, pq = out[-1]
                parts = direct_parts(pq, self.text) + direct_parts(q, self.text)
                joined = pq.model_copy(update={
                    "end": q.end, "text": f"{pq.text} {q.text}", "parts": parts,
                    "speaker": pq.speaker or q.speaker, "cue": pq.cue or q.cue,
                    "speaker_mention": pq.speaker_mention or q.speaker_mention,
                    "prediction": pq.prediction or q.prediction})
                out[-1] = (c, joined)
                continue
            out.append((c, q))
        return [q for _, q in out]

    def _split_pair(self, a: Candidate, b: Candidate) -> bool:
        gap = self.text[a.marked.close_mark + 1:b.marked.open_mark]
        if paragraph_of(self.paras, a.marked.close_mark) != paragraph_of(self.paras, b.marked.open_mark):
            return False
        inner = gap.strip()
        opens = a.comma or inner[:1] in SPLIT_PUNCT
        return (opens and inner[-1:] in SPLIT_PUNCT and len(inner) <= MAX_SPLIT_GAP
                and not any(ch in ".!?…" for ch in inner) and not a.terminal and len(WORD.findall(inner)) >= 1)

    def _resumed_pair(self, a: Candidate, aq: Quote, b: Candidate) -> bool:
        """'"A," X said on Monday. "B."': the attribution between is one sentence that names A's
        speaker (its cue follows A) and nothing else, and B opens right after it."""
        if aq.cue is None or aq.speaker is None or len(aq.parts) > 1 or not a.comma:
            return False
        if paragraph_of(self.paras, a.marked.close_mark) != paragraph_of(self.paras, b.marked.open_mark):
            return False
        gap = self.text[a.marked.close_mark + 1:b.marked.open_mark]
        inner = gap.strip()
        if not inner.endswith(".") or len(inner) > MAX_SPLIT_GAP or any(ch in "!?…" for ch in inner):
            return False
        # one sentence: no full stop before its end except in abbreviations ("Mr.", "U.S.")
        body = inner[:-1]
        if re.search(r"[a-z]{3,}\.\s+[A-Z]", body) or any(ch in body for ch in QUOTE_MARKS_ALL):
            return False
        return aq.cue in inner

    def _quote(self, c: Candidate, att: Attribution | None) -> Quote:
        drop = {p[0] - 1 for p in c.marked.pieces[1:]}
        text = "".join(ch for i, ch in enumerate(self.text[c.start:c.end], c.start) if i not in drop)
        tokens = self.parsed.tokens(c.start, c.end) if self.parsed is not None else None
        resolved = att.resolved if att else None
        return Quote(
            kind="direct",
            text=text,
            start=c.start,
            end=c.end,
            speaker=resolved.speaker if resolved else None,
            cue=att.cue if att else None,
            prediction=is_prediction(text, tokens, self.lex),
            speaker_mention=resolved.mention if resolved else None,
        )


def _continue_speakers(
    kept: list[tuple[Candidate, Attribution | None]], paras: list[Paragraph]
) -> list[tuple[Candidate, Attribution | None]]:
    """Give an unattributed quotation the speaker of the quotation next to it.

    News goes on with the same person's words in the next paragraph without naming them again;
    the quotation before (or, failing that, the one right after) says who.
    """
    out = list(kept)

    def para(i: int) -> int:
        return paragraph_of(paras, i)

    for k, (c, att) in enumerate(kept):
        if att is not None:
            continue  # attributed here, even if to someone we cannot name
        here = para(c.marked.open_mark)
        prev = out[k - 1] if k > 0 else None
        nxt = kept[k + 1] if k + 1 < len(kept) else None
        source = None
        if prev is not None and prev[1] is not None and prev[1].resolved is not None and para(prev[0].marked.close_mark) >= here - 1:
            source = prev[1]
        elif nxt is not None and nxt[1] is not None and nxt[1].resolved is not None and para(nxt[0].marked.open_mark) <= para(c.marked.close_mark) + 1:
            source = nxt[1]
        if source is not None:
            out[k] = (c, Attribution(cue=None, tight=False, resolved=source.resolved))
    return out
