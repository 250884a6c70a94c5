"""The quotation stage: direct and reported speech, each with its speaker (quotes.v1)."""
from __future__ import annotations

from typing import Any

from ..models import Document, Quote
from ..pipeline import Work, register
from .direct import DirectFinder
from .indirect import IndirectFinder
from .lexicon import lexicon
from .marks import find_marked
from .parsed import Parsed, has_finite_verb
from .records import fold_direct_into_reported, without_overlaps
from .speakers import Resolver
from .text import paragraphs
from .transcript import find_transcript_quotes


def find_quotes(doc: Document, parse: Any | None) -> list[Quote]:
    """Every quotation of `doc`, in text order; `parse` is the spaCy Doc of doc.text or None.

    Without a parse (languages other than English) only quotations in quotation marks are
    found, attributed through the actor mentions and the cue words next to them.
    """
    text = doc.text
    if not text:
        return []
    lex = lexicon()
    parsed = Parsed(parse) if parse is not None and len(parse) else None
    paras = paragraphs(text)
    marked = find_marked(text, paras)
    quoted = [(m.start, m.end) for m in marked]
    resolver = Resolver(doc, parsed, lex, quoted)
    finder = DirectFinder(text, parsed, paras, resolver, lex)
    direct = finder.find(marked)
    if parsed is None:
        return without_overlaps(direct)
    direct = without_overlaps(direct + find_transcript_quotes(text, paras, parsed, resolver, lex))
    # people named inside a programme's or paper's title in marks ('"Sunday with X"') are no
    # antecedents of a later "she" or "the leader", as people inside quotations are not
    resolver.quoted = [(q.start, q.end) for q in direct] + finder.titles
    reported = IndirectFinder(text, parsed, resolver, lex, [(q.start, q.end) for q in direct]).find()
    def is_clause(q: Quote) -> bool:
        return has_finite_verb(parsed.tokens(q.start, q.end))

    return without_overlaps(fold_direct_into_reported(direct, reported, text, is_clause))


@register("quotes", 1, requires=["text", "parse", "actors"], provides=["quotes"])
def quotes_stage(work: Work) -> Work:
    """Direct and reported speech, each with its speaker."""
    work.doc.quotes = find_quotes(work.doc, work.parse)
    return work
