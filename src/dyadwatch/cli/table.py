"""A table that fits the terminal: one line per row, long text cut with an ellipsis.

Dates, numbers, codes and short ids keep their full width (a date is never broken or cut);
the remaining width is shared among the text columns, each cut to its share. When even the
narrowest text columns do not fit, the rightmost ones are left out and the caller says so.
Pure functions of rows and a width: the command line decides the width and prints.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from rich.cells import cell_len

GAP = 2  # spaces between columns
# A text column is not narrowed below this many cells (less says nothing); a column whose
# every value is at most this wide is shown whole.
MIN_TEXT_WIDTH = 8
# No column is wider than this, even on a very wide terminal (a full sentence in one cell
# hides the columns to its right).
MAX_COLUMN_WIDTH = 70
ELLIPSIS = "…"
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$")
HASH_ID = re.compile(r"^(?:sha256:)?([0-9a-f]{12,})$")
SHORT_ID = 10
# Columns holding sentences get twice the share of names and outlets when room is short.
SENTENCES = frozenset({"evidence", "text", "title"})  # hex digits of a content hash shown in a table (`explain --doc` takes the prefix)


@dataclass(frozen=True, kw_only=True)
class Layout:
    """The columns a table shows, their widths, and the columns left out for lack of room."""

    columns: tuple[str, ...]
    widths: tuple[int, ...]
    hidden: tuple[str, ...]


def cell_text(value: Any) -> str:
    """How one value reads in a table cell (one line; dates as their day; hashes shortened)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, float):
        return f"{value:.1f}" if value == round(value, 1) else f"{value:g}"
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()[:10]
    if isinstance(value, (list, tuple)):
        return ", ".join(cell_text(v) for v in value)
    text = " ".join(str(value).split())
    if ISO_DAY.match(text):
        return text[:10]
    found = HASH_ID.match(text)
    if found:
        return found.group(1)[:SHORT_ID]
    return text


def cut(text: str, width: int) -> str:
    """`text` in at most `width` terminal cells, ending in an ellipsis when it was cut."""
    if cell_len(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        w = cell_len(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out).rstrip() + ELLIPSIS


def is_fixed(values: Sequence[str]) -> bool:
    """A column shown whole: dates, numbers, codes, short ids (every value short)."""
    return all(cell_len(v) <= MIN_TEXT_WIDTH or ISO_DAY.match(v) for v in values)


def layout(header: Sequence[str], cells: Sequence[Sequence[str]], width: int) -> Layout:
    """Widths for columns `header` holding `cells` (already texts) in `width` terminal cells."""
    columns = list(header)
    natural = [min(MAX_COLUMN_WIDTH, max([cell_len(h)] + [cell_len(r[i]) for r in cells])) for i, h in enumerate(columns)]
    fixed = [is_fixed([r[i] for r in cells]) for i in range(len(columns))]
    keep = list(range(len(columns)))
    while True:
        room = width - GAP * (len(keep) - 1) - sum(natural[i] for i in keep if fixed[i])
        flexible = [i for i in keep if not fixed[i]]
        floor = sum(min(natural[i], MIN_TEXT_WIDTH) for i in flexible)
        if room >= floor or len(keep) <= 1:
            break
        # leave out the rightmost text column (or the rightmost column when all are fixed)
        drop = flexible[-1] if flexible else keep[-1]
        keep.remove(drop)
    shares = share(room, [natural[i] for i in flexible], [2 if columns[i] in SENTENCES else 1 for i in flexible])
    width_of = {i: natural[i] for i in keep if fixed[i]} | dict(zip(flexible, shares))
    return Layout(columns=tuple(columns[i] for i in keep), widths=tuple(width_of[i] for i in keep),
                  hidden=tuple(c for n, c in enumerate(columns) if n not in keep))


def share(room: int, wants: list[int], weights: list[int] | None = None) -> list[int]:
    """Split `room` cells among columns wanting `wants`: narrow ones get all they want, the
    rest parts of what is left in proportion to their weights (water filling)."""
    weights = weights or [1] * len(wants)
    got = [0] * len(wants)
    pending = list(range(len(wants)))
    left = max(room, 0)
    while pending:
        unit = left / sum(weights[i] for i in pending)
        satisfied = [i for i in pending if wants[i] <= unit * weights[i]]
        if satisfied:
            for i in satisfied:
                got[i] = wants[i]
                left -= wants[i]
                pending.remove(i)
            continue
        for i in pending:
            got[i] = max(min(MIN_TEXT_WIDTH, wants[i]), int(unit * weights[i]))
        spare = left - sum(got[i] for i in pending)
        for i in pending[:max(spare, 0)]:
            got[i] += 1
        break
    return got


def render(rows: Sequence[dict[str, Any]], columns: Sequence[str], width: int, *,
           clean: Callable[[str], str] = lambda s: s) -> tuple[list[str], tuple[str, ...]]:
    """The lines of a table of `rows` (only `columns`) at most `width` cells wide, and the
    columns left out for lack of room. `clean` makes untrusted text safe for a terminal."""
    cells = [[clean(cell_text(row.get(c))) for c in columns] for row in rows]
    plan = layout(columns, cells, width)
    index = [list(columns).index(c) for c in plan.columns]
    numeric = [all(is_number(r[i]) for r in cells) for i in index]

    def line(values: Sequence[str]) -> str:
        parts = []
        for v, w, right in zip(values, plan.widths, numeric):
            v = cut(v, w)
            pad = " " * (w - cell_len(v))
            parts.append(pad + v if right else v + pad)
        return (" " * GAP).join(parts).rstrip()

    out = [line(plan.columns), (" " * GAP).join("─" * w for w in plan.widths)]
    out += [line([r[i] for i in index]) for r in cells]
    return out, plan.hidden


def is_number(text: str) -> bool:
    if not text:
        return True
    try:
        float(text)
    except ValueError:
        return False
    return True
