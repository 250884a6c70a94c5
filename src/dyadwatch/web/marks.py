"""An article's text with its extracted items marked in place, as safe HTML.

Events, quotations, actor mentions and time expressions are character spans that may
overlap (a quotation holds mentions; an event's sentence may start inside a quotation).
HTML needs nesting, so spans are opened outermost first and a span that ends while an
inner one is still open closes the inner one and opens it again after: each span comes
out as one or more pieces with the same class and attributes, and every character of the
text is escaped exactly once.
"""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from markupsafe import Markup, escape

# Which kind of span wraps which when two start at the same character (lower = outer).
LAYER = {"event": 0, "quote": 1, "time": 2, "actor": 3}


@dataclass(frozen=True, kw_only=True)
class Mark:
    start: int
    end: int
    kind: str  # event | quote | actor | time
    title: str = ""  # shown on hover
    href: str | None = None  # actor mentions link to the actor page
    ident: str | None = None  # element id (events: ev-N, so a link can point at one)
    focus: bool = False

    def open_tag(self) -> str:
        classes = f"mk mk-{self.kind}" + (" focus" if self.focus else "")
        attrs = f' class="{classes}" title="{escape(self.title)}"'
        if self.ident:
            attrs += f' data-mark="{escape(self.ident)}"'
        tag = "a" if self.href else "mark"
        if self.href:
            attrs += f' href="{escape(self.href)}"'
        return f"<{tag}{attrs}>"

    def close_tag(self) -> str:
        return "</a>" if self.href else "</mark>"


def render_marked(text: str, marks: list[Mark]) -> Markup:
    """The text as HTML with each mark wrapped around its span (pieces where spans cross)."""
    spans = sorted((m for m in marks if 0 <= m.start < m.end <= len(text)),
                   key=lambda m: (m.start, -m.end, LAYER.get(m.kind, 9)))
    points = sorted({0, len(text), *(m.start for m in spans), *(m.end for m in spans)})
    out: list[str] = []
    stack: list[Mark] = []
    pending = 0
    first_piece: set[int] = set()
    for point in points:
        if point > pending:
            out.append(str(escape(text[pending:point])))
            pending = point
        # close the spans ending here, reopening any inner span that goes on
        ending = [m for m in stack if m.end == point]
        if ending:
            lowest = min(stack.index(m) for m in ending)
            reopen = [m for m in stack[lowest:] if m.end > point]
            for m in reversed(stack[lowest:]):
                out.append(m.close_tag())
            stack = stack[:lowest]
            for m in reopen:
                out.append(piece_tag(m, first_piece))
                stack.append(m)
        for m in spans:
            if m.start == point:
                out.append(piece_tag(m, first_piece))
                stack.append(m)
    for m in reversed(stack):
        out.append(m.close_tag())
    return Markup("".join(out))


def piece_tag(m: Mark, first_piece: set[int]) -> str:
    """The opening tag of a span's piece; only the first piece carries the element id."""
    tag = m.open_tag()
    if m.ident and id(m) not in first_piece:
        first_piece.add(id(m))
        tag = tag[:-1] + f' id="{escape(m.ident)}">'
    return tag


def article_marks(payload: dict, focus: int | None) -> list[Mark]:
    """Marks of an article page's payload (see pages.article); `focus` is an event index."""
    marks: list[Mark] = []
    for e in payload["events"]:
        ev = e["evidence"]
        side = lambda s: (s or {}).get("name") or (s or {}).get("code") or "?"  # noqa: E731
        marks.append(Mark(start=ev["start"], end=ev["end"], kind="event", ident=f"ev-{e['n']}", focus=e["n"] == focus,
                          title=f"event {e['cameo']} {side(e.get('source'))} → {side(e.get('target'))}"
                                f" (Goldstein {e.get('goldstein')})"))
    for q in payload["quotes"]:
        who = (q.get("speaker") or {}).get("name") or "unknown speaker"
        marks.append(Mark(start=q["start"], end=q["end"], kind="quote", title=f"{q['kind']} quotation: {who}"))
    for t in payload["times"]:
        marks.append(Mark(start=t["start"], end=t["end"], kind="time", title=f"{t['type']} {t.get('value') or ''}".strip()))
    mentions = []
    for a in payload["actors"]:
        href = f"/actor/{quote(a['global_id'], safe='')}" if a.get("global_id") else None
        for m in a["mentions"]:
            mentions.append(Mark(start=m["start"], end=m["end"], kind="actor", href=href,
                                 title=f"{a['name']} ({a['type']}{', ' + a['code'] if a.get('code') else ''})"))
    # links cannot hold links: of overlapping mentions the first and longest is kept
    end = -1
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if m.start >= end:
            marks.append(m)
            end = m.end
    return marks
