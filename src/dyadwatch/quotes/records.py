"""One quotation, one record (issue 13).

The finders work apart: marked spans on one side, reported clauses on the other. News mixes
the two ("She said the rules were "a straitjacket" and ..."), and a reader counts one
statement there, so the direct words inside reported speech become the record's marked part
instead of a second record over the same characters. A quotation appended to the reported
clause after a comma ("According to him, X, "although Y."") is a statement of its own in the
speaker's words: the reported record then ends before it and the quotation keeps its record.
So does a quotation of someone else inside a report ("The agency reported that X apologised
"for ..."": X's words, not the agency's). Whatever still overlaps after that is the same words claimed twice, and the longer claim (the
one that reports the whole) stays.
"""
from __future__ import annotations

from collections.abc import Callable

from ..models import Quote, Span

# Marks that set an appended quotation off from the reported clause before it.
APPENDING_PUNCT = (",", ";", "—", "–", ":")
QUOTE_MARKS = "\"'“”„«»‘’‚‹›"


def direct_parts(q: Quote, text: str) -> list[Span]:
    """The marked pieces of a direct quotation (one, or two for a split one)."""
    return list(q.parts) or [Span(start=q.start, end=q.end, text=text[q.start:q.end])]


def fold_direct_into_reported(direct: list[Quote], reported: list[Quote], text: str,
                              is_clause: Callable[[Quote], bool] | None = None) -> list[Quote]:
    """Direct quotations that lie in (or run over the edge of) a reported clause become its parts.

    The record keeps the reported clause's kind, speaker and cue, and grows to cover the direct
    words it overlaps; a direct quotation with its own speaker where the clause has none lends
    it. A direct quotation that holds the whole reported clause stays the only record.
    """
    reported = list(reported)
    kept_direct: list[Quote] = []
    parts: dict[int, list[Quote]] = {}
    swallowed: set[int] = set()
    for d in direct:
        host = next((k for k, r in enumerate(reported) if r.start < d.end and d.start < r.end), None)
        if host is None:
            kept_direct.append(d)
            continue
        r = reported[host]
        outside = text[r.start:max(r.start, d.start)] + text[min(r.end, d.end):r.end]
        if not any(ch.isalnum() for ch in outside):
            swallowed.add(host)  # the clause is all quoted: the direct record says it better
            kept_direct.append(d)
            continue
        lead = text[r.start:d.start].rstrip().rstrip(QUOTE_MARKS).rstrip()
        # '... would be studied for years, "and not kindly."': an appended piece without a verb of
        # its own finishes the reported sentence, so it is the report's marked part (issue 13)
        fragment = is_clause is not None and not is_clause(d) and same_speaker(r, d)
        if r.start < d.start and len(lead) > 1 and not fragment and (lead.endswith(APPENDING_PUNCT) or not same_speaker(r, d)):
            cut = r.start + len(lead.rstrip("".join(APPENDING_PUNCT)).rstrip())
            reported[host] = r.model_copy(update={"end": cut, "text": text[r.start:cut]})
            kept_direct.append(d)
            continue
        parts.setdefault(host, []).append(d)
    merged: list[Quote] = []
    for k, r in enumerate(reported):
        if k in swallowed:
            continue
        inner = parts.get(k)
        if not inner:
            merged.append(r)
            continue
        start = min([r.start] + [d.start for d in inner])
        end = max([r.end] + [d.end for d in inner])
        speaker = r.speaker or next((d.speaker for d in inner if d.speaker), None)
        merged.append(r.model_copy(update={
            "start": start, "end": end, "text": text[start:end], "speaker": speaker,
            "parts": [p for d in inner for p in direct_parts(d, text)],
            "prediction": r.prediction or any(d.prediction for d in inner),
        }))
    return kept_direct + merged


def same_speaker(a: Quote, b: Quote) -> bool:
    if a.speaker is None or b.speaker is None:
        return True
    return (a.speaker.actor_id or a.speaker.name) == (b.speaker.actor_id or b.speaker.name)


def without_overlaps(quotes: list[Quote]) -> list[Quote]:
    """No two records over the same characters: the longest claim wins, then the earlier one."""
    chosen: list[Quote] = []
    for q in sorted(quotes, key=lambda q: (-(q.end - q.start), q.start)):
        if all(q.end <= c.start or c.end <= q.start for c in chosen):
            chosen.append(q)
    return sorted(chosen, key=lambda q: (q.start, q.kind))
