"""Interview transcripts and round-ups without quotation marks: 'MARLOW: We will not ...',
'A: Nobody expected ...', 'Laura Benning, The Daily Ledger: The debate ...'.

A paragraph that opens with a speaker label and a colon gives that speaker's own words, so it
is a direct quotation although no mark encloses it. A label is a speaker when it is written in
capitals as transcripts write them ("SEN. DAVID MARLOW", "HOST"), when it names a person the
text names or whose given name is known (optionally followed by an outlet: "Name, Outlet:"),
or when it is "A"
(the answer of the person interviewed, named before). "Q" and layout labels ("Photo:",
"Read more:", "Updated:") are not. Words already in quotation marks are left to the marks.
"""
from __future__ import annotations

import re

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
ANSWER_LABELS = frozenset({"a", "answer"})
# Lower-case words inside personal names ("Pieter de Graaf", "Ursula von der Leyen").
NAME_PARTICLES = frozenset({"de", "van", "von", "der", "den", "da", "di", "du", "del", "della", "dos", "das", "la", "le", "al", "el", "bin", "ibn", "ter"})
WORD = re.compile(r"\w[\w'’-]*")


def find_transcript_quotes(text: str, paras: list[Paragraph], parsed: Parsed | None, resolver: Resolver, lex: Lexicon) -> list[Quote]:
    found = []
    for para in paras:
        m = LABEL.match(text, para.start, para.end)
        if m is None:
            continue
        start = m.end()
        end = para.end
        if text[start] in OPENERS or len(WORD.findall(text[start:end])) < MIN_SPEECH_WORDS:
            continue
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
    name_part = label.split(",")[0].strip()
    a = m.start("label")
    b = a + len(name_part)
    words = name_part.split()
    if not words or len(words) > MAX_LABEL_WORDS or name_part.lower() in lex.layout_labels:
        return None
    if name_part.lower() in ANSWER_LABELS:
        return Phrase(a, b, a, b, "pronoun")
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
