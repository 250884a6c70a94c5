"""The Russian quotation stage (quotes-ru.v1): direct and reported speech with its speaker.

Quotations in marks («…» with „…“ inside, split by their attribution, running over several
paragraphs, "X уверен: «…»") are found by the language-neutral finder of the English stage,
which reads the marks and the Russian cue words; a scare quote («мягкая сила») stays a
phrase there, by the same evidence as in English. This module adds what Russian writes
without marks: a paragraph led by a dash after a line that ends in a colon ("X пояснил:" /
"— …"), and reported speech read from natasha's parse: "X заявил/отметил/считает, что …",
"По словам X, …", "как заявил X, …", "Как говорится в заявлении ведомства, …". A speaker
named by a pronoun ("по его словам") or by a role ("Эксперт считает") is the last speaker
of that gender, else the last person of that gender named before.
"""
from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass

from ..actors.russian import ru_lexicon
from ..lexicons import lexicon_text
from ..models import Actor, Document, Quote, Speaker
from ..nlp_ru import RuParse, RuToken
from ..pipeline import Work, register
from .stage import find_quotes

DASHES = ("—", "–")
# Tokens between a verb of saying and the "что" of its clause ("обратила внимание на то, что").
MAX_TO_THAT = 6
# An attribution written inside the marks between two dashes: «Переговоры идут трудно, —
# сказала посол Нина Воронцова. — Но стороны готовы к компромиссу».
INNER_ATTRIBUTION = re.compile(r"[,.!?…]\s+[—–]\s+(?P<attr>[^—–«»„“\n]{3,160}?)[.,:]\s+[—–]\s+")
FUTURE = re.compile(r"(?<!\w)(?:будет|будут|станет|станут|останется|останутся|предстоит)(?!\w)", re.I)


@dataclass(frozen=True)
class Speech:
    say: frozenset[str]
    think: frozenset[str]
    sure: frozenset[str]
    according: frozenset[str]
    documents: frozenset[str]
    bodies: frozenset[str]
    masculine: frozenset[str]
    feminine: frozenset[str]
    plural: frozenset[str]

    @property
    def verbs(self) -> frozenset[str]:
        return self.say | self.think


@functools.lru_cache(maxsize=1)
def speech() -> Speech:
    d = tomllib.loads(lexicon_text("ru", "speech.toml"))
    return Speech(say=frozenset(d["say_verbs"]), think=frozenset(d["think_verbs"]), sure=frozenset(d["sure_words"]),
                  according=frozenset(d["according_nouns"]), documents=frozenset(d["document_nouns"]),
                  bodies=frozenset(d["body_nouns"]), masculine=frozenset(d["masculine_pronouns"]),
                  feminine=frozenset(d["feminine_pronouns"]), plural=frozenset(d["plural_pronouns"]))


@dataclass
class Context:
    doc: Document
    parse: RuParse
    quotes: list[Quote]
    mentions: list[tuple[int, int, Actor]]

    def actors_in(self, start: int, end: int) -> list[tuple[int, int, Actor]]:
        return [m for m in self.mentions if m[0] < end and start < m[1]]

    def gender(self, actor: Actor) -> str | None:
        for s, e, a in self.mentions:
            if a.id == actor.id:
                tok = self.parse.token_at(s)
                if tok is not None and tok.feat("Gender"):
                    return tok.feat("Gender")
        return None

    def last_speaker(self, before: int, gender: str | None = None) -> Actor | None:
        by_id = {a.id: a for _, _, a in self.mentions}
        for q in sorted(self.quotes, key=lambda q: q.start, reverse=True):
            if q.start < before and q.speaker and q.speaker.actor_id in by_id:
                actor = by_id[q.speaker.actor_id]
                if actor.type == "PERSON" and (gender is None or self.gender(actor) in (None, gender)):
                    return actor
        for s, _, a in sorted(self.mentions, key=lambda m: m[0], reverse=True):
            if s < before and a.type == "PERSON" and (gender is None or self.gender(a) in (None, gender)):
                return a
        return None


def _pick(found: list[tuple[int, int, Actor]]) -> Actor | None:
    for kind in ("PERSON", "ORG", "GROUP", "COUNTRY"):
        hit = [a for _, _, a in found if a.type == kind]
        if hit:
            return hit[-1]
    return None


def _pronoun_gender(word: str) -> str | None:
    sp = speech()
    word = word.lower()
    if word in sp.masculine:
        return "Masc"
    if word in sp.feminine:
        return "Fem"
    return None


def speaker_of(ctx: Context, toks: list[RuToken], at: int) -> Actor | None:
    """The actor a subject or "по словам" phrase names: a mention in it, a pronoun, a role."""
    if not toks:
        return None
    start, end = toks[0].start, toks[-1].end
    ids = {t.i for t in toks}
    head = next((t for t in toks if t.head not in ids), toks[0])
    sp = speech()
    if head.lemma in sp.documents and any(t.i > head.i for t in toks):
        return speaker_of(ctx, [t for t in toks if t.i > head.i], at)  # "в заявлении ведомства": its issuer
    found = ctx.actors_in(start, end)
    if any(s <= head.start < e for s, e, _ in found):
        return _pick(found)
    words = [t.lower for t in toks]
    pronouns = [w for w in words if w in sp.masculine | sp.feminine]
    if pronouns:
        return ctx.last_speaker(at, _pronoun_gender(pronouns[0]))
    if head.lemma in sp.bodies:
        bodies = [(s, a) for s, _, a in ctx.mentions if s < at and a.type == "ORG"]
        return max(bodies, key=lambda x: x[0])[1] if bodies else None
    phrase = ctx.parse.text[start:end].lower()
    titled = [a for s, _, a in ctx.mentions if s < at and a.type == "PERSON"
              and any(phrase in r.lower() or r.lower() in phrase for r in a.roles)]
    if titled:
        return titled[-1]
    if found:
        return _pick(found)
    if (head.lemma,) in ru_lexicon().roles:
        return ctx.last_speaker(at)  # "Эксперт считает": the expert quoted last
    return None


def _sentence_end(ctx: Context, tok: RuToken) -> int:
    s = ctx.parse.sentences[tok.sent]
    end = s.end
    text = ctx.parse.text
    while end > s.start and text[end - 1] in ". \n":
        end -= 1
    return end


def _quote(ctx: Context, kind: str, start: int, end: int, speaker: Actor | None, cue: str) -> Quote | None:
    text = ctx.parse.text
    while start < end and text[start] in " ,—–-":
        start += 1
    if end - start < 8:
        return None
    content = text[start:end]
    who = Speaker(actor_id=speaker.id, name=speaker.name, description=speaker.roles[-1] if speaker.roles else None) if speaker else None
    return Quote(kind=kind, text=content, start=start, end=end, speaker=who, cue=cue, prediction=bool(FUTURE.search(content)))


def _that_after(ctx: Context, verb: RuToken) -> RuToken | None:
    toks = ctx.parse.tokens
    s = ctx.parse.sentences[verb.sent]
    for k in range(verb.i + 1, min(verb.i + 1 + MAX_TO_THAT, s.last)):
        if toks[k].lower == "что" and toks[k - 1].text == ",":
            return toks[k]
        if toks[k].text in ".;:!?«»\"":
            return None
    return None


def _subject(ctx: Context, verb: RuToken) -> list[RuToken]:
    subj = ctx.parse.children(verb, "nsubj")
    if not subj:
        return []
    return ctx.parse.subtree(subj[0])


def reported_with_that(ctx: Context) -> list[Quote]:
    """"X заявил, что …", "X считает, что …", "X уверен, что …"."""
    sp = speech()
    out = []
    for tok in ctx.parse.tokens:
        if tok.lemma not in sp.verbs and tok.lower not in sp.sure:
            continue
        that = _that_after(ctx, tok)
        if that is None:
            continue
        speaker = speaker_of(ctx, _subject(ctx, tok), tok.start)
        if speaker is None:
            continue
        q = _quote(ctx, "indirect", that.end, _sentence_end(ctx, tok), speaker, tok.text)
        if q is not None:
            out.append(q)
    return out


def reported_by_phrase(ctx: Context) -> list[Quote]:
    """"По словам X, …", "по его мнению, …", "как заявил X, …", "Как говорится в заявлении X, …"."""
    sp = speech()
    toks = ctx.parse.tokens
    out = []
    for sent in ctx.parse.sentences:
        words = toks[sent.first:sent.last]
        for n, tok in enumerate(words):
            phrase = None
            if tok.lower == "по" and n + 1 < len(words):
                k = next((m for m in range(n + 1, min(n + 3, len(words))) if words[m].lower in sp.according), None)
                if k is not None:
                    phrase = (n, k, "по " + words[k].lower)
            elif tok.lower == "как" and n + 1 < len(words) and (words[n + 1].lemma in sp.say or words[n + 1].lower == "говорится"):
                phrase = (n, n + 1, "как " + words[n + 1].lower)
            if phrase is None:
                continue
            comma = next((m for m in range(phrase[1] + 1, len(words)) if words[m].text == ","), None)
            if comma is None or comma + 1 >= len(words):
                continue
            named = words[phrase[0]:comma]
            speaker = speaker_of(ctx, named[1:] if named[0].lower == "по" else named[2:], tok.start)
            if speaker is None:
                continue
            q = _quote(ctx, "indirect", words[comma].end, _sentence_end(ctx, tok), speaker, phrase[2])
            if q is not None:
                out.append(q)
    return out


def dash_paragraphs(ctx: Context) -> list[Quote]:
    """A paragraph led by a dash after one that ends in a colon: the words of the person
    that paragraph names ("Ведерников пояснил:" / "— Армения получает …")."""
    text = ctx.parse.text
    out = []
    starts = [0] + [m.end() for m in re.finditer(r"\n\s*\n", text)]
    for prev, cur in zip(starts, starts[1:]):
        before = text[prev:cur].rstrip()
        body_end = text.find("\n\n", cur)
        body_end = len(text) if body_end < 0 else body_end
        if not before.endswith(":") or not text[cur:body_end].lstrip().startswith(DASHES):
            continue
        speaker = _pick(ctx.actors_in(prev, prev + len(before))) or ctx.last_speaker(cur)
        cue = before.rstrip(":").split()[-1] if before.split() else ""
        q = _quote(ctx, "direct", cur, len(text[:body_end].rstrip()), speaker, cue)
        if q is not None:
            out.append(q)
    return out


def inner_attribution(ctx: Context, q: Quote) -> Quote:
    """The speaker of a quotation whose attribution stands inside its marks."""
    m = INNER_ATTRIBUTION.search(ctx.parse.text, q.start, q.end)
    if m is None:
        return q
    first = ctx.parse.token_at(m.start("attr"))
    sp = speech()
    if first is None or not (first.lemma in sp.verbs or first.lower in sp.sure):
        return q
    speaker = _pick(ctx.actors_in(m.start("attr"), m.end("attr")))
    if speaker is None:
        return q
    who = Speaker(actor_id=speaker.id, name=speaker.name, description=speaker.roles[-1] if speaker.roles else None)
    return q.model_copy(update={"speaker": who, "cue": first.text})


def _inside(q: Quote, outer: Quote) -> bool:
    return outer.start <= q.start and q.end <= outer.end + 1


def find_russian_quotes(doc: Document, parse: RuParse) -> list[Quote]:
    """Every quotation of a Russian document, in text order."""
    mentions = sorted(((m.start, m.end, a) for a in doc.actors for m in a.mentions), key=lambda m: m[0])
    ctx = Context(doc=doc, parse=parse, quotes=[], mentions=mentions)
    ctx.quotes = [inner_attribution(ctx, q) for q in find_quotes(doc, None)]
    ctx.quotes += dash_paragraphs(ctx)
    for finder in (reported_by_phrase, reported_with_that):
        for q in finder(ctx):
            if not any(x.kind == "indirect" and x.start == q.start for x in ctx.quotes):
                ctx.quotes.append(q)
    # A quoted fragment inside reported speech ("… проекты «будут двигаться медленнее»") is
    # the reported speaker's.
    out = []
    for q in ctx.quotes:
        outer = next((r for r in ctx.quotes if r.kind == "indirect" and r.speaker and q.kind == "direct" and _inside(q, r)), None)
        out.append(q.model_copy(update={"speaker": outer.speaker}) if outer is not None else q)
    return sorted(out, key=lambda q: (q.start, q.kind))




@register("quotes-ru", 1, requires=["text", "parse", "actors"], provides=["quotes"])
def quotes_ru_stage(work: Work) -> Work:
    """Direct and reported speech in Russian, each with its speaker."""
    if isinstance(work.parse, RuParse) and work.doc.text:
        work.doc.quotes = find_russian_quotes(work.doc, work.parse)
    else:
        work.doc.quotes = find_quotes(work.doc, None)
    return work
