"""Why an event exists (or does not): the parse, the actors, and what each predicate gave.

`explain_text` runs the whole pipeline on a sentence; `explain_document` re-codes a stored
document and can single out one of its events. Both return a typed Explanation;
`render` turns it into the text `dyadwatch explain` prints. A document is re-coded by the
parser and coder of its language (Russian: natasha's UD parse and the Russian coder).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import UsageError
from ..models import Document, Event
from .coder import Coding, Decision, code_parse
from .confidence import explain_confidence


@dataclass(frozen=True)
class TokenView:
    i: int
    text: str
    lemma: str
    pos: str
    dep: str
    head: int


@dataclass(frozen=True)
class ActorView:
    id: str
    name: str
    code: str | None
    country: str | None
    mentions: tuple[str, ...]


@dataclass(frozen=True)
class Explanation:
    text: str
    tokens: tuple[TokenView, ...]
    actors: tuple[ActorView, ...]
    decisions: tuple[Decision, ...]
    events: tuple[Event, ...]
    focus: int | None = None  # index into decisions of the event asked about


@dataclass(frozen=True)
class Recoded:
    """A document parsed and coded again by the stages of its language."""

    tokens: tuple[tuple[int, TokenView], ...]  # (character offset, token)
    sentences: tuple[tuple[int, int], ...]  # character bounds
    coding: Coding

    def tokens_in(self, start: int = 0, end: int | None = None) -> tuple[TokenView, ...]:
        return tuple(t for at, t in self.tokens if start <= at and (end is None or at < end))


def _recode_english(doc: Document) -> Recoded:
    from ..nlp import load_english

    parse = load_english()(doc.text)
    tokens = tuple((t.idx, TokenView(t.i, t.text, t.lemma_, t.pos_, t.dep_, t.head.i)) for t in parse)
    return Recoded(tokens, tuple((s.start_char, s.end_char) for s in parse.sents), code_parse(doc, parse))


def _recode_russian(doc: Document) -> Recoded:
    from ..nlp_ru import parse_russian
    from .russian import code_russian_parse

    parse = parse_russian(doc.text)
    tokens = tuple((t.start, TokenView(t.i, t.text, t.lemma, t.pos, t.rel, t.head)) for t in parse.tokens)
    return Recoded(tokens, tuple((s.start, s.end) for s in parse.sentences), code_russian_parse(doc, parse))


# The re-coding of each language that has its own parser and coder; any other is read as English.
RECODERS = {"ru": _recode_russian}


def recode(doc: Document) -> Recoded:
    return RECODERS.get(doc.language or "", _recode_english)(doc)


def _actors(doc: Document, start: int = 0, end: int | None = None) -> tuple[ActorView, ...]:
    end = len(doc.text) if end is None else end
    out = []
    for a in doc.actors:
        ms = tuple(f"{m.text}@{m.start}" for m in a.mentions if start <= m.start < end)
        if ms:
            out.append(ActorView(a.id, a.name, a.code, a.country, ms))
    return tuple(out)


def explain_text(text: str, published: str | None = None) -> Explanation:
    """Run the pipeline on `text` and explain every predicate the coder considered."""
    from ..pipeline import run_text

    given = {"published": published} if published else {}
    doc = run_text(text, **given)
    return explain_document(doc)


def explain_document(doc: Document, event: int | None = None) -> Explanation:
    """Re-code a document (with its stored actors and times); `event` picks one stored event."""
    from ..pipeline import supported_languages

    if doc.language and doc.language not in supported_languages():
        # another language's words through the English parser would show a parse and
        # reasons that mean nothing
        raise UsageError(f"the text reads as language {doc.language!r}; events are coded in "
                         f"{', '.join(supported_languages())} only, so there is nothing to explain")
    recoded = recode(doc)
    coding = recoded.coding
    if event is None:
        return Explanation(doc.text, recoded.tokens_in(), _actors(doc), tuple(coding.decisions), tuple(coding.events))
    if not 0 <= event < len(doc.events):
        raise UsageError(f"document {doc.id} has {len(doc.events)} events; give --event between 0 and {len(doc.events) - 1}")
    wanted = doc.events[event]
    focus = next((k for k, d in enumerate(coding.decisions)
                  if any(e.cameo == wanted.cameo and e.evidence.start == wanted.evidence.start for e in d.events)), None)
    s, e = wanted.evidence.start, wanted.evidence.end
    sent = next(((a, b) for a, b in recoded.sentences if a <= s < b), None)
    if sent is not None:
        s, e = sent
    decisions = tuple(d for d in coding.decisions if s <= d.start < e)
    if focus is not None:
        focus = decisions.index(coding.decisions[focus])
    return Explanation(doc.text[s:e], recoded.tokens_in(s, e), _actors(doc, s, e), decisions, (wanted,), focus)


def _side_text(side) -> str:
    """A side as explain shows it: its code, and for a side the text did not name with a
    country, where the country was read and what the side is ("PAKUAF (country from event
    place: a bomb)")."""
    if side is None:
        return "-"
    text = side.code or side.actor_id or side.name or "?"
    if side.country_basis:
        text += f" (country from {side.country_basis}: {side.name})"
    elif side.actor_id is None and side.name:
        text += f" ({side.name})"  # a group the coder named from the text, not an actor of the document
    return text


def _event_line(e: Event) -> str:
    src, tgt = _side_text(e.source), _side_text(e.target)
    where = f" at {e.location.name} ({e.location.country})" if e.location else ""
    mode = f"/{e.plover_mode}" if e.plover_mode else ""
    return (f"{src} -> {tgt}  CAMEO {e.cameo}  PLOVER {e.plover or '-'}{mode}  Goldstein {e.goldstein}  quad {e.quad_class}  "
            f"{e.date or '-'} ({e.date_precision}){where}  {e.modality}  confidence {_conf(e)}  [{e.evidence.start}:{e.evidence.end}]")


def _conf(e: Event) -> str:
    return "-" if e.confidence is None else f"{e.confidence:.2f}"


def render(x: Explanation) -> str:
    lines = ["parse:"]
    for t in x.tokens:
        lines.append(f"  {t.i:>4} {t.text:<16} {t.lemma:<14} {t.pos:<6} {t.dep:<10} -> {t.head}")
    lines.append("actors:")
    lines += [f"  {a.name} [{a.code or '-'} {a.country or '-'}] id={a.id} mentions: {', '.join(a.mentions)}" for a in x.actors] or ["  (none found)"]
    lines.append("predicates:")
    if not x.decisions:
        lines.append("  no verb or noun of the text is in the verb-pattern dictionary: no verb pattern, no event")
    for k, d in enumerate(x.decisions):
        mark = "=> " if k == x.focus else "   "
        pat = f"pattern {d.pattern.id} '{d.pattern.text}'" if d.pattern else "no pattern"
        lines.append(f"{mark}'{d.text}' ({d.lemma}) @{d.start}: {d.outcome}; {pat}")
        if d.pattern is not None and d.pattern.note:
            lines.append(f"      note: {d.pattern.note}")
        if d.detail and d.outcome != "event":
            lines.append(f"      why: {d.detail}")
        if d.sources or d.targets:
            lines.append(f"      sources: {', '.join(d.sources) or '-'}; targets: {', '.join(d.targets) or '-'}")
        for e in d.events:
            lines.append(f"      event: {_event_line(e)}")
            if e.confidence_basis:
                lines.append(f"      confidence: {explain_confidence(e.confidence_basis)}")
    if x.focus is None and len(x.events) == 1 and not any(x.events[0] in d.events for d in x.decisions):
        lines.append(f"stored event (not produced by the current patterns): {_event_line(x.events[0])}")
    return "\n".join(lines)
