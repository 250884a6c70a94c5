"""Interview transcripts and round-ups without quotation marks: 'MARLOW: We will not ...',
'A: Nobody expected ...', 'Laura Benning, The Daily Ledger: The debate ...'.

A paragraph that opens with a speaker label and a colon gives that speaker's own words, so it
is a direct quotation although no mark encloses it. A label is a speaker when it is written in
capitals as transcripts write them ("SEN. DAVID MARLOW", "HOST"), when it names a person the
text names or whose given name is known (optionally followed by an outlet: "Name, Outlet:"),
or when it is "A"
(the answer of the person interviewed). Layout labels ("Photo:", "Read more:", "Updated:") are
not. Words already in quotation marks are left to the marks.

"Q:" and "HOST:" lines are the interviewer's, "A:" lines the guest's, both as the header before
the transcript gives them ("Interviewer: X", "X spoke to Y", "In an interview with X, Y said",
"an interview with Y"). With no interviewer named, "Q:" is nobody's and "HOST:" stays the
role's own label (the news set's convention); an answer with no guest named goes to the person
named last, as a pronoun would.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..actors.names import name_gender
from ..models import Quote
from .future import is_prediction
from .lexicon import Lexicon
from .marks import OPENERS
from .parsed import Parsed
from .speakers import Phrase, Resolver
from .text import Paragraph

LABEL = re.compile(r"(?P<label>[^\W\d_][\w.'’ -]{0,60}?(?:,[^:\n]{1,50})?):[ \t]+(?=\S)")
# A label holds at most this many words before its comma ("Sen. David Marlow (D-Ohio)" is four).
MAX_LABEL_WORDS = 5
# The words after the label must be a sentence, not a field value ("Source: Reuters").
MIN_SPEECH_WORDS = 4
# How many paragraphs before the first label the header naming interviewer and guest may stand.
HEADER_PARAGRAPHS = 3
# The interviewer named outright: "Interviewer: X", "Interviewed by X", "Questions by X".
INTERVIEWER_BEFORE = re.compile(r"\b(?:interviewer|interviewed by|questions (?:by|from)|hosted by|presented by|moderated by)\s*:?\s*$", re.I)
# "an interview (a conversation) with (former prime minister) X": X is the other party of it.
INTERVIEW_WITH = re.compile(r"\b(?:interview|conversation|sit-down)(?:s|ed)?\s+with\s+[^.;:!?\n]{0,60}$", re.I)
# "X spoke to (the president,) Y", "X interviewed Y", "X sat down with Y": X asks, Y answers.
SPOKE_TO = re.compile(r"^\s+(?:(?:has |had )?(?:spoke|speaks|spoken|talked|talks|sat down|sits down)\s+(?:to|with)|interviewed|interviews)\s+[^.;:!?\n]{0,60}$", re.I)
# Lower-case words inside personal names ("Pieter de Graaf", "Ursula von der Leyen").
NAME_PARTICLES = frozenset({"de", "van", "von", "der", "den", "da", "di", "du", "del", "della", "dos", "das", "la", "le", "al", "el", "bin", "ibn", "ter"})
WORD = re.compile(r"\w[\w'’-]*")


def find_transcript_quotes(text: str, paras: list[Paragraph], parsed: Parsed | None, resolver: Resolver, lex: Lexicon) -> list[Quote]:
    found = []
    roles: Roles | None = None
    for k, para in enumerate(paras):
        m = LABEL.match(text, para.start, para.end)
        if m is None:
            continue
        start = m.end()
        end = para.end
        if text[start] in OPENERS or len(WORD.findall(text[start:end])) < MIN_SPEECH_WORDS:
            continue
        label = m.group("label").split(",")[0].strip().lower()
        if label in lex.interviewer_labels or label in lex.answer_labels:
            if roles is None:
                roles = interview_roles(text, paras[max(0, k - HEADER_PARAGRAPHS):k], resolver, lex)
            phrase = roles.interviewer if label in lex.interviewer_labels else roles.guest
            if phrase is None and label in lex.answer_labels:
                a = m.start("label")
                phrase = Phrase(a, a + len(label), a, a + len(label), "pronoun")
            elif phrase is None and len(label) > 1 and label not in lex.layout_labels:
                phrase = _label_phrase(text, m, parsed, resolver, lex)  # "HOST" unnamed: the role speaks
        else:
            phrase = _label_phrase(text, m, parsed, resolver, lex)
        if phrase is None:
            continue
        resolved = resolver.resolve(phrase)
        if resolved is None:
            continue
        tokens = parsed.tokens(start, end) if parsed is not None else None
        body = text[start:end]
        found.append(Quote(kind="direct", text=body, start=start, end=end, speaker=resolved.speaker, cue=":",
                           prediction=is_prediction(body, tokens, lex), speaker_mention=resolved.mention))
    return found


def _label_phrase(text: str, m: re.Match[str], parsed: Parsed | None, resolver: Resolver, lex: Lexicon) -> Phrase | None:
    label = m.group("label")
    person = roundup_person(text, m.start("label"), m.end("label"), parsed, resolver)
    if person is not None:
        return person
    name_part = label.split(",")[0].strip()
    a = m.start("label")
    b = a + len(name_part)
    words = name_part.split()
    if not words or len(words) > MAX_LABEL_WORDS or name_part.lower() in lex.layout_labels:
        return None
    if len(words) == 1 and len(name_part) == 1:
        return None  # "Q:", a list letter
    if name_part.isupper():
        named = " ".join(w.capitalize() if w.isalpha() else w.title() for w in words if w.lower().strip(".") not in lex.label_titles)
        if not named:
            return None
        kind = "name" if named.split()[-1].lower() not in lex.person_nouns else "body"
        return Phrase(a, b, a, b, kind, name=named)
    if not all(w[:1].isupper() or w.lower() in NAME_PARTICLES for w in words) or not words[0][:1].isupper():
        return None
    if _names_person(resolver, parsed, a, b) or (len(words) > 1 and name_gender(name_part) is not None):
        return Phrase(a, b, a, b, "name", name=name_part)
    return None


def _names_person(resolver: Resolver, parsed: Parsed | None, a: int, b: int) -> bool:
    """The label is a person's name: a person the actor stage linked there, or a PERSON name."""
    from ..actors.lookup import mentions_in

    if any(actor.type == "PERSON" for _, actor in mentions_in(resolver.doc, a, b)):
        return True
    if parsed is None:
        return False
    return any(tok.ent_type_ == "PERSON" for tok in parsed.tokens(a, b))


@dataclass(frozen=True)
class Roles:
    """Who asks and who answers in a transcript, as the header before it names them."""

    interviewer: Phrase | None = None
    guest: Phrase | None = None


def interview_roles(text: str, header: list[Paragraph], resolver: Resolver, lex: Lexicon) -> Roles:
    """The interviewer and the guest named in the paragraphs before a transcript's first label."""
    if not header:
        return Roles()
    lo, hi = header[0].start, header[-1].end
    people = _people(resolver, lo, hi)
    interviewer = guest = None
    for k, (a, b) in enumerate(people):
        line_start = text.rfind("\n", lo, a) + 1
        before = text[line_start:a]
        if INTERVIEWER_BEFORE.search(before):
            interviewer = (a, b)
        elif INTERVIEW_WITH.search(before):
            # "In an interview with X, Y said": the one in the with-phrase asks when someone
            # else in the same sentence speaks; alone ("an interview with Y") they answer
            other = next(((c, d) for c, d in people[k + 1:] if "," in text[b:c] and not _sentence_break(text[b:c])), None)
            if other is not None:
                interviewer, guest = (a, b), other
            elif guest is None:
                guest = (a, b)
        elif k + 1 < len(people) and SPOKE_TO.match(text[b:people[k + 1][0]]):
            asks, answers = (a, b), people[k + 1]
            if _journalist_before(text, lex, answers[0], line_start) and not _journalist_before(text, lex, a, line_start):
                asks, answers = answers, asks  # "the minister spoke to our correspondent X"
            interviewer, guest = asks, answers
    return Roles(interviewer=_name_phrase(text, interviewer), guest=_name_phrase(text, guest))


def _people(resolver: Resolver, lo: int, hi: int) -> list[tuple[int, int]]:
    """Spans of the persons named between lo and hi, the longest where two overlap, in text order."""
    spans = sorted({(s, e) for s, e, _ in resolver.persons if lo <= s and e <= hi}
                   | {(s, e) for s, e, _ in resolver.person_ents if lo <= s and e <= hi}, key=lambda x: (x[0], -x[1]))
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and s < out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
            continue
        out.append((s, e))
    return out


def _sentence_break(between: str) -> bool:
    return bool(re.search(r"[.!?]\s", between))


def _journalist_before(text: str, lex: Lexicon, at: int, line_start: int) -> bool:
    words = WORD.findall(text[max(line_start, at - 40):at].lower())
    return any(w in lex.interviewer_nouns for w in words[-3:])


def _name_phrase(text: str, span: tuple[int, int] | None) -> Phrase | None:
    if span is None:
        return None
    a, b = span
    return Phrase(a, b, a, b, "name", name=text[a:b])


def roundup_person(text: str, a: int, b: int, parsed: Parsed | None, resolver: Resolver) -> Phrase | None:
    """'Frankfurter Allgemeine Zeitung, Jana Reuter:' or 'Jana Reuter, FAZ:': a round-up entry's
    label names a commentator and an outlet, in either order; the person speaks, never the
    outlet, which is only where they wrote (issue 13, fourth round)."""
    parts = _label_parts(text, a, b)
    if parts is None:
        return None
    # a round-up keeps one order for all its entries, so the entries vote: "Priya Nair, Bloomberg
    # Opinion" among "Name, Outlet" lines is read the same way although both look like names
    lean = sum(_person_lean(text, p, parsed, resolver) for p in map(_entry_parts, ROUNDUP_LABEL.finditer(text)) if p)
    if lean == 0:
        lean = _person_lean(text, parts, parsed, resolver)
    if lean == 0:
        return None
    k = 0 if lean > 0 else 1
    (s, e), (os_, oe) = parts[k], parts[1 - k]
    words = text[s:e].split()
    if len(words) > MAX_LABEL_WORDS or not all(w[:1].isupper() or w.lower() in NAME_PARTICLES for w in words):
        return None
    return Phrase(s, e, s, e, "name", name=text[s:e], description=text[os_:oe].strip("() ") or None)


# A round-up entry's label at the head of its line: two comma-separated parts before a colon.
ROUNDUP_LABEL = re.compile(r"^[ \t]*(?P<label>[^\W\d_][^\n,:]{1,60},[^\n,:]{2,60}):", re.M)


def _entry_parts(m: re.Match[str]) -> list[tuple[int, int]] | None:
    return _label_parts(m.string, m.start("label"), m.end("label"))


def _label_parts(text: str, a: int, b: int) -> list[tuple[int, int]] | None:
    """The two parts of 'X, Y' between a and b, without their edge spaces."""
    label = text[a:b]
    if label.count(",") != 1:
        return None
    cut = a + label.index(",")
    parts = [(a, cut), (cut + 1, b)]
    parts = [(s + len(text[s:e]) - len(text[s:e].lstrip()), s + len(text[s:e].rstrip())) for s, e in parts]
    return None if any(s >= e for s, e in parts) else parts


def _person_lean(text: str, parts: list[tuple[int, int]], parsed: Parsed | None, resolver: Resolver) -> int:
    """+1 when the first part is the likelier person, -1 when the second is, 0 when neither."""
    first, second = (_person_score(text, s, e, parsed, resolver) for s, e in parts)
    return (first > second) - (first < second)


def _person_score(text: str, a: int, b: int, parsed: Parsed | None, resolver: Resolver) -> int:
    """How surely the words name a person: an actor that is one, a known given name, a PERSON
    entity of the parse; an outlet ("Dagens Kurir") may be tagged a person, never all three."""
    from ..actors.lookup import mentions_in

    actors = [actor.type for _, actor in mentions_in(resolver.doc, a, b)]
    if actors and "PERSON" not in actors:
        return 0
    score = 2 * ("PERSON" in actors)
    words = text[a:b].split()
    score += len(words) > 1 and name_gender(text[a:b]) is not None
    if parsed is not None:
        score += any(tok.ent_type_ == "PERSON" for tok in parsed.tokens(a, b))
    return score
