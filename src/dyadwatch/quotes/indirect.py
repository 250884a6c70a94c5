"""Reported speech: "X said that ...", "..., X believes.", "According to X, ...", "X demanded ... to ...".

The content is the reported clause: the complement clause of the cue verb, or, when the
attribution closes the sentence ("..., the expert believes."), everything before it. Adverbials
that open the sentence and are set off by a comma ("However,", "At the same time,", "Despite
X,") are the writer's link to what came before and are left out of a content that starts the
sentence.
"""
from __future__ import annotations

from typing import Any

from ..models import Quote
from .cues import Cue, according_cue, finding_cue, hearsay_cue, noun_cue, opinion_cue, verb_cue
from .future import is_prediction
from .heads import token_in_head
from .lexicon import Lexicon
from .parsed import Parsed, clause_root, has_finite_verb, span_of, trim_punct
from .speakers import Resolver, phrase_from_token

# Dependencies that belong to the attribution itself when it closes the sentence.
ATTRIBUTION_DEPS = frozenset({"aux", "auxpass", "neg", "advmod", "prt", "acomp", "npadvmod", "punct", "prep"})
# Dependencies of the hearer after a verb of telling ("told lawmakers", "told the BBC").
HEARER_DEPS = frozenset({"dobj", "dative"})
# Dependencies of the adverbials that open a sentence as the writer's framing.
FRAMING_DEPS = frozenset({"advmod", "prep", "advcl", "npadvmod", "cc", "intj", "mark"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
COMPLEMENT_DEPS = ("ccomp",)
# Conjunctions that open the writer's aside after a comma at the end of a report: "X said the
# vote would pass, though several members remained undecided" (issue 13, fourth round).
CONCESSIVE_WORDS = frozenset({"though", "although"})
# Words of a quoted predicate the tagger read as a noun ('said the rules "trample on the
# principle"'): fewer is a quoted name or term ('said the word "freedom"'), not a predicate.
MIN_QUOTED_PREDICATE_WORDS = 3
# "even as / even though / even while / even if" open the same aside.
EVEN_WORDS = frozenset({"as", "though", "while", "if"})


def sentences(parse: Any) -> list[Any]:
    """The parse's sentences, cut again at paragraph breaks (the parser runs across them)."""
    found = []
    for sent in parse.sents:
        start = sent.start
        for tok in sent:
            if tok.is_space and "\n" in tok.text:
                if tok.i > start:
                    found.append(parse[start:tok.i])
                start = tok.i + 1
        if sent.end > start:
            found.append(parse[start:sent.end])
    return found


def _unreal(tok: Any) -> bool:
    """A cue in the future, under a modal or negated ("will tell", "did not say") reports nothing said."""
    return any(c.dep_ == "neg" or (c.dep_ == "aux" and c.tag_ == "MD") for c in tok.children)


def skip_framing(tokens: list[Any]) -> list[Any]:
    """Drop comma-delimited adverbials before the clause's subject ("However, in general, X ...")."""
    root = clause_root(tokens)
    if root is None:
        return tokens
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj")), None)
    if subj is None:
        return tokens
    cut = subj.left_edge.i
    first = tokens[0].i
    if cut <= first or cut - first >= len(tokens) or tokens[cut - first - 1].text != ",":
        return tokens
    framing = {t.i for c in root.children if c.dep_ in FRAMING_DEPS and c.i < cut for t in c.subtree}
    if any(t.i not in framing and not t.is_punct for t in tokens[:cut - first]):
        return tokens
    return tokens[cut - first:]


def _joined(text: str, tokens: list[Any]) -> str:
    """The words of `tokens`, a gap in them (a parenthetical attribution) closed with a space."""
    runs: list[list[int]] = []
    for t in tokens:
        if runs and t.i == runs[-1][2] + 1:
            runs[-1][1], runs[-1][2] = t.idx + len(t), t.i
        else:
            runs.append([t.idx, t.idx + len(t), t.i])
    return " ".join(text[a:b] for a, b, _ in runs)


def _subject(cue: Cue) -> Any:
    subj = cue.subject
    if subj.lower_ in RELATIVE_PRONOUNS:
        verb = cue.verb
        if verb.dep_ == "relcl":
            return verb.head
    return subj


class IndirectFinder:
    def __init__(self, text: str, parsed: Parsed, resolver: Resolver, lex: Lexicon, direct: list[tuple[int, int]]):
        self.text = text
        self.parsed = parsed
        self.resolver = resolver
        self.lex = lex
        self.direct = direct

    def _in_direct(self, offset: int) -> bool:
        return any(a <= offset < b for a, b in self.direct)

    def find(self) -> list[Quote]:
        found: list[Quote] = []
        seen: set[tuple[int, int]] = set()
        for sent in sentences(self.parsed.parse):
            a, b = sent.start_char, sent.end_char
            for tok in sent:
                if self._in_direct(tok.idx) or _unreal(tok):
                    continue
                cue = (hearsay_cue(tok, self.lex, a, b) or finding_cue(tok, self.lex, a, b) or verb_cue(tok, self.lex, self.lex.report_verbs, a, b)
                       or opinion_cue(tok, self.lex, a, b))
                content = self._verb_content(cue, sent) if cue is not None else None
                if cue is None:
                    cue = according_cue(tok, self.lex, a, b)
                    content = self._according_content(cue, sent) if cue is not None else None
                if cue is None:
                    cue = noun_cue(tok, self.lex, a, b)
                    content = self._noun_content(cue) if cue is not None else None
                if cue is None or not content:
                    continue
                quote = self._quote(cue, content)
                if quote is not None and (quote.start, quote.end) not in seen:
                    seen.add((quote.start, quote.end))
                    found.append(quote)
        return found

    def _verb_content(self, cue: Cue, sent: Any) -> list[Any] | None:
        verb = cue.verb
        holders = [verb] if cue.kind == "verb" else [verb, cue.token]
        comps = [c for h in holders for c in h.children if c.dep_ in COMPLEMENT_DEPS]
        if not comps:
            comps = self._stranded_complement(verb)
        if not comps:
            quoted = self._quoted_predicate(verb, sent)
            if quoted is not None:
                return quoted
        if verb.lemma_.lower() in self.lex.directive_verbs:
            comps += [c for c in verb.children if c.dep_ in ("xcomp", "advcl") and any(x.lower_ == "to" for x in c.children)]
        after = [c for c in comps if c.i > verb.i]
        if after:
            comp = after[0]
            tokens = list(sent.doc[comp.left_edge.i:max(comp.right_edge.i, self._conj_edge(verb, comp)) + 1])
            while tokens and tokens[0].dep_ == "mark" and tokens[0].lower_ in ("that", "whether", "if"):
                tokens = tokens[1:]
            tokens = self._before_aside(self._before_next_report(tokens))
            if any(t.lemma_.lower() in self.lex.anonymity_verbs and t.dep_ in ("xcomp", "ccomp") and
                   any(c.dep_ == "auxpass" for c in t.children) for t in [comp]):
                return None  # "who asked not to be named": the source's anonymity, not a report
            if verb.lemma_.lower() in self.lex.directive_verbs and tokens and tokens[0].lower_ != "to":
                to = next((t for t in tokens if t.lower_ == "to" and t.dep_ == "aux"), None)
                tokens = tokens[tokens.index(to):] if to is not None and not any(c.dep_ == "ccomp" for c in comps) else tokens
            return trim_punct(tokens)
        return self._trailing_content(cue, verb, sent)

    def _before_next_report(self, tokens: list[Any]) -> list[Any]:
        """'X said it would ..., while Y warned that ...': the content ends where another
        speaker's report begins (the parser often hangs it inside the first clause)."""
        ids = {t.i for t in tokens}
        for t in tokens[1:]:
            if t.pos_ != "VERB" or t.lemma_.lower() not in self.lex.report_verbs or t.dep_ not in ("advcl", "conj", "xcomp"):
                continue
            subj = next((c for c in t.children if c.dep_ == "nsubj" and c.i < t.i and c.i in ids), None)
            directive = t.lemma_.lower() in self.lex.directive_verbs and any(c.dep_ == "xcomp" for c in t.children)
            if not directive and not any(c.dep_ == "ccomp" for c in t.children):
                continue
            if subj is None and t.tag_ == "VBG" and t.i > tokens[0].i and t.doc[t.i - 1].text == ",":
                # "..., adding that ...", "..., saying ...": a participle of saying opens a report of its own
                return trim_punct(tokens[:t.i - 1 - tokens[0].i])
            if subj is None:
                # "... had been made but denied that ...": a second report joined to the clause
                cc = [c.i for c in t.head.children if c.dep_ == "cc" and c.i < t.i] if t.dep_ == "conj" else []
                if not cc:
                    continue
                first = cc[-1]
            else:
                first = min([subj.left_edge.i] + [c.i for c in t.children if c.dep_ in ("mark", "cc") and c.i < subj.i])
            if first <= tokens[0].i:
                continue
            return trim_punct(tokens[:first - tokens[0].i])
        return tokens

    def _stranded_complement(self, verb: Any) -> list[Any]:
        """'said on BBC Radio 4's "Today" programme that waiting lists would fall': the parser hangs
        the that-clause on the noun of a phrase between the verb and it; the clause is the verb's
        complement when the noun is no reporting noun of its own (issue 13, fourth round)."""
        found = []
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.i < verb.i:
                continue
            for obj in prep.children:
                # "said in a statement that ...": the speaker's own statement holds what they said;
                # "responded to claims that ..." holds someone else's words
                if obj.dep_ != "pobj" or (obj.lemma_.lower() in self.lex.reporting_nouns and prep.lower_ != "in"):
                    continue
                for clause in obj.children:
                    if (clause.dep_ in ("acl", "relcl") and clause.i > obj.i and clause.left_edge.lower_ == "that"
                            and clause.left_edge.dep_ == "mark"
                            and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children)):
                        found.append(clause)
        return found

    def _quoted_predicate(self, verb: Any, sent: Any) -> list[Any] | None:
        """'said the new rules "trample on the principle"': a quotation mark between the subject
        of the reported clause and its verb leads the parser to read the subject as the verb's
        object and the quoted predicate as an apposition to it. Subject and quoted words are the
        reported clause, with the quotation its marked part (issue 13, fifth round)."""
        if verb.lemma_.lower() in self.lex.directive_verbs:
            return None
        doc = verb.doc
        for obj in verb.children:
            if obj.dep_ != "dobj" or obj.i < verb.i or obj.pos_ not in ("NOUN", "PROPN", "PRON") or not (
                    sent.start <= obj.left_edge.i and obj.right_edge.i < sent.end):
                continue  # the parser runs across paragraphs ('... are saying:\n\nName, Outlet: "..."')
            for pred in obj.children:
                if pred.dep_ not in ("appos", "acl", "relcl") or pred.i < obj.i:
                    continue
                words = [t for t in pred.subtree if not t.is_punct]
                # the tagger often reads the quoted verb as a noun ('"trample" NNS'): a predicate
                # in marks is a verb, or lower-case words going on from the subject, not a name
                if pred.pos_ not in ("VERB", "AUX") and not (
                        pred.dep_ == "appos" and len(words) >= MIN_QUOTED_PREDICATE_WORDS and words[0].text.islower()):
                    continue
                first = next(t for t in pred.subtree if not t.is_quote)  # pred itself is no quote mark
                opener = doc[first.i - 1]
                # the mark opens right after the subject's words ("the new asylum rules "trample ...")
                if opener.is_quote and obj.i < opener.i and self._in_direct(pred.idx) and not any(
                        t.is_quote for t in doc[obj.left_edge.i:opener.i]):
                    return trim_punct(list(doc[obj.left_edge.i:pred.right_edge.i + 1]))
        return None

    def _before_aside(self, tokens: list[Any], keep: frozenset[int] = frozenset()) -> list[Any]:
        """The report ends where the writer steps in after a comma: a concessive clause
        ("..., though Y stopped short of ...", "..., even as two ministers threatened to resign")
        or the source of the report ("..., according to three aides")."""
        for k, t in enumerate(tokens[1:], 1):
            if tokens[k - 1].text not in (",", "—", "–") or self._in_direct(t.idx) or t.i in keep:
                continue
            nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
            if (t.lower_ in CONCESSIVE_WORDS or (t.lower_ == "even" and nxt is not None and nxt.lower_ in EVEN_WORDS)
                    or (t.lower_ in self.lex.according_words and nxt is not None and nxt.lower_ == "to")):
                return trim_punct(tokens[:k - 1])
        return tokens

    def _reported_by_verb(self, sent: Any, skip: set[int]) -> bool:
        """Does the sentence report through a verb of its own ("X was quoted as saying ..., according
        to Y")? Then "according to Y" names the source of the report, not its speaker."""
        a, b = sent.start_char, sent.end_char
        for t in sent:
            if t.i in skip or self._in_direct(t.idx):
                continue
            cue = verb_cue(t, self.lex, self.lex.report_verbs, a, b)
            if cue is not None and any(c.dep_ in COMPLEMENT_DEPS and c.i > t.i for c in t.children):
                return True
        return False

    def _conj_edge(self, verb: Any, comp: Any) -> int:
        """'demanded ... to admit guilt, punish the perpetrators and pay': conjuncts parsed onto the verb."""
        ends = [c.right_edge.i for c in verb.children if c.dep_ == "conj" and c.i > comp.i and c.tag_ == comp.tag_]
        return max(ends, default=comp.right_edge.i)

    def _trailing_content(self, cue: Cue, verb: Any, sent: Any) -> list[Any] | None:
        """'..., X believes.' / '..., believes X, an analyst.': the attribution closes the sentence."""
        subj = _subject(cue)
        group = {verb.i, cue.token.i} | {t.i for t in subj.subtree}
        group |= {t.i for c in verb.children if c.dep_ in ATTRIBUTION_DEPS for t in c.subtree}
        # "..., X told lawmakers on Tuesday": the hearer of a telling verb belongs to the attribution;
        # "..., X said, as Y vowed that ...": so does a clause set off after it by a comma
        group |= {t.i for c in verb.children if c.dep_ in HEARER_DEPS and c.i > verb.i for t in c.subtree}
        group |= {t.i for c in verb.children if c.dep_ == "advcl" and c.i > verb.i and c.left_edge.i > 0
                  and verb.doc[c.left_edge.i - 1].text == "," for t in c.subtree}
        start = min(subj.left_edge.i, verb.i)
        while start - 1 in group and not verb.doc[start - 1].is_punct:
            start -= 1  # "..., also believes X"
        words_after = [t for t in sent if t.i > start and not t.is_punct and not t.is_space]
        if any(t.i not in group for t in words_after):
            return self._parenthetical_content(verb, sent)
        before = [t for t in sent if t.i < start]
        if not before or before[-1].text not in (",", "—", "–", "-"):
            return None
        tokens = trim_punct(skip_framing(trim_punct(before)))
        return tokens if has_finite_verb(tokens) else None

    def _parenthetical_content(self, verb: Any, sent: Any) -> list[Any] | None:
        """'The deal, he said, was dead on arrival': an attribution set off inside the sentence.
        The content is the sentence around it (its record spans both sides)."""
        if verb.dep_ != "parataxis":
            return None
        inside = {t.i for t in verb.subtree}
        first, last = min(inside), max(inside)
        doc = verb.doc
        if first == sent.start or doc[first].text not in (",", "—", "–") or last + 1 >= sent.end or doc[last].text not in (",", "—", "–"):
            return None
        tokens = trim_punct(skip_framing(trim_punct([t for t in sent if t.i not in inside])))
        while tokens and tokens[-1].is_punct and not tokens[-1].is_quote:
            tokens = tokens[:-1]
        return tokens if has_finite_verb(tokens) else None

    def _noun_content(self, cue: Cue) -> list[Any] | None:
        """The that-clause of a reporting noun, without 'that'."""
        clause = next((c for c in cue.token.children if c.dep_ in ("acl", "ccomp", "relcl") and c.left_edge.lower_ == "that"), None)
        if clause is None:
            return None
        tokens = list(clause.doc[clause.left_edge.i + 1:clause.right_edge.i + 1])
        tokens = trim_punct(tokens)
        return tokens if has_finite_verb(tokens) else None

    def _according_content(self, cue: Cue, sent: Any) -> list[Any] | None:
        phrase = set(range(cue.token.i, max(cue.token.right_edge.i, cue.subject.right_edge.i) + 1))
        if self._reported_by_verb(sent, phrase):
            return None
        rest = [t for t in sent if t.i not in phrase]
        before = trim_punct([t for t in rest if t.i < cue.token.i])
        after = trim_punct([t for t in rest if t.i > max(phrase)])
        if before and after:
            tokens = trim_punct(skip_framing(trim_punct([t for t in sent])))
        elif after:
            tokens = after
        else:
            tokens = trim_punct(skip_framing(before))
        tokens = self._before_aside(tokens, frozenset(phrase))
        return tokens if tokens and has_finite_verb(tokens) else None

    def _quote(self, cue: Cue, tokens: list[Any]) -> Quote | None:
        # "CAIRO, Aug 19 (Agency) - Hamas has accepted ..., according to X": the content starts after the dateline
        tokens = trim_punct([t for t in tokens if not token_in_head(t)])
        if not tokens:
            return None
        start, end = span_of(tokens)
        if not any(t.is_alpha for t in tokens if not self._in_direct(t.idx)):
            return None  # the reported clause is a direct quotation, already taken
        resolved = self.resolver.resolve(phrase_from_token(_subject(cue), self.lex))
        if resolved is None:
            return None
        verb = cue.verb
        past = verb.tag_ == "VBD" or any(c.tag_ == "VBD" and c.dep_ == "aux" for c in verb.children)
        text = _joined(self.text, tokens)
        return Quote(
            kind="indirect",
            text=text,
            start=start,
            end=end,
            speaker=resolved.speaker,
            cue=cue.text,
            cue_class=cue.cue_class,
            prediction=is_prediction(text, tokens, self.lex, past_cue=past and cue.kind == "verb"),
            speaker_mention=resolved.mention,
        )
