"""Query parameters written into the SQL text as literals.

DuckDB's Python client imports numpy and pandas the first time it binds a parameter
(about 0.8 s of a command's start, measured with `python -X importtime` on duckdb 1.5.5),
so read queries that print a few rows are sent with their values written in: strings
quoted with quotes doubled (DuckDB reads no backslash escapes in a standard string),
numbers, dates, lists of strings, NULL. A value with no safe literal form (a string with a
NUL character, another type) leaves the query to be bound as usual (`inline` returns None).
"""
from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping, Sequence
from typing import Any

NAMED = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


class NoLiteral(Exception):
    """A value that is bound as a parameter rather than written into the text."""


def literal(value: Any) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        text = repr(value) if math.isfinite(value) else str(value)
        return f"CAST('{text}' AS DOUBLE)"
    if isinstance(value, str):
        if "\x00" in value:
            raise NoLiteral("NUL character")
        return "'" + value.replace("'", "''") + "'"
    if isinstance(value, dt.datetime):
        return f"TIMESTAMP '{value.isoformat(sep=' ')}'" if value.tzinfo is None else literal_fails(value)
    if isinstance(value, dt.date):
        return f"DATE '{value.isoformat()}'"
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return "CAST([" + ", ".join(literal(v) for v in value) + "] AS VARCHAR[])"
    return literal_fails(value)


def literal_fails(value: Any) -> str:
    raise NoLiteral(type(value).__name__)


def inline(sql: str, params: Sequence[Any] | Mapping[str, Any] | None) -> str | None:
    """`sql` with its `?` (for a sequence) or `$name` (for a mapping) placeholders replaced by
    literals of `params`; placeholders inside quoted strings and identifiers are left alone.
    None when some value has no literal form or the placeholders and values do not match."""
    if not params:
        return sql
    values = iter(params) if not isinstance(params, Mapping) else None
    out: list[str] = []
    quote = ""
    i = 0
    try:
        while i < len(sql):
            ch = sql[i]
            if quote:
                out.append(ch)
                if ch == quote:
                    quote = ""
            elif ch in "'\"":
                quote = ch
                out.append(ch)
            elif ch == "?" and values is not None:
                out.append(literal(next(values)))
            elif ch == "$" and isinstance(params, Mapping) and (m := NAMED.match(sql, i)):
                out.append(literal(params[m.group(1)]))
                i = m.end()
                continue
            else:
                out.append(ch)
            i += 1
    except (NoLiteral, StopIteration, KeyError):
        return None
    if values is not None and next(values, NoLiteral) is not NoLiteral:
        return None  # more values than placeholders
    return "".join(out)
