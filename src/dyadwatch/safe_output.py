"""Untrusted text made safe for where it is shown or saved.

Titles, quotations, names and paths come from pages anyone can write. Shown on a terminal,
escape sequences could move the cursor, retitle the window or hide text, and bidirectional
controls reorder what a reader sees; in a rich table, `[/b]` is markup (and unbalanced
markup raises). Saved to CSV or TSV, a cell starting with `=`, `+`, `-`, `@`, a tab or a
carriage return is a formula to a spreadsheet. In XML (GraphML, SVG) some control characters
make the file unreadable, and in a matplotlib label `$` starts mathematics that can fail to
parse. Every writer of such output calls this module; nothing else escapes on its own.
"""
from __future__ import annotations

import re
from typing import Any

# Whole terminal escape sequences (CSI, OSC, DCS/PM/APC strings, two-byte escapes) so that
# their parameters do not remain as noise after the ESC is dropped.
ESCAPE_SEQUENCE = re.compile(
    r"\x1b(?:\[[0-?]*[ -/]*[@-~]?|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[PX^_][^\x1b]*(?:\x1b\\)?|[ -/]*[0-~]?)"
    r"|\x9b[0-?]*[ -/]*[@-~]?|\x9d[^\x07\x9c]*[\x07\x9c]?"
)
# C0 and C1 controls and DEL, the Unicode bidirectional overrides and isolates (which make a
# terminal show characters in another order than they are stored), line and paragraph
# separators, and lone surrogates (unprintable).
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
REPLACEMENT = "\ufffd"
# First characters that make a spreadsheet read a cell as a formula (OWASP, CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Characters XML 1.0 does not allow at all (GraphML and SVG readers refuse the file).
XML_INVALID = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def terminal_text(value: Any, *, keep_newlines: bool = False) -> str:
    """`value` as text a terminal shows literally: escapes removed, controls replaced."""
    text = "" if value is None else str(value)
    text = ESCAPE_SEQUENCE.sub(REPLACEMENT, text)
    if keep_newlines:
        text = text.replace("\r\n", "\n").replace("\t", " ")
        return "\n".join(CONTROL.sub(REPLACEMENT, line) for line in text.split("\n"))
    text = re.sub(r"[\t\n\r]+", " ", text)
    return CONTROL.sub(REPLACEMENT, text)


def table_cell(value: Any):
    """A rich Text for a table cell: shown as written, never read as markup."""
    from rich.text import Text

    return Text(terminal_text(value))


def spreadsheet_cell(value: Any) -> Any:
    """A CSV or TSV cell that a spreadsheet shows as text: formula starts get a leading `'`.

    Only strings are changed; numbers (a Goldstein score of -10.0) stay numbers.
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def tsv_cell(value: Any) -> Any:
    """A TSV cell: neutralised like CSV, with tabs and line breaks (which would shift columns
    or rows, since TSV has no quoting) turned into spaces."""
    value = spreadsheet_cell(value)
    if isinstance(value, str):
        return re.sub(r"[\t\n\r]+", " ", value)
    return value


def spreadsheet_frame(frame):
    """A copy of a pandas frame with every text cell neutralised."""
    from pandas.api.types import is_bool_dtype, is_datetime64_any_dtype, is_numeric_dtype

    out = frame.copy()
    for col in out.columns:
        kind = out[col].dtype
        if not (is_numeric_dtype(kind) or is_bool_dtype(kind) or is_datetime64_any_dtype(kind)):
            out[col] = out[col].map(spreadsheet_cell)
    return out


def spreadsheet_table(table):
    """A copy of a pyarrow table with every string column neutralised."""
    import pyarrow as pa

    columns = []
    for col in table.columns:
        if pa.types.is_string(col.type) or pa.types.is_large_string(col.type):
            col = pa.array([spreadsheet_cell(v) for v in col.to_pylist()], type=col.type)
        columns.append(col)
    return pa.table(columns, names=table.column_names)


def xml_text(value: Any) -> Any:
    """A string with the characters XML cannot hold replaced (other values unchanged).
    Markup characters are escaped by the XML writer itself."""
    if isinstance(value, str):
        return XML_INVALID.sub(REPLACEMENT, value)
    return value


def xml_graph(graph):
    """A copy of a networkx graph whose ids and attributes can all be written as XML."""
    safe = graph.__class__()
    safe.graph.update({k: xml_text(v) for k, v in graph.graph.items()})
    for node, attrs in graph.nodes(data=True):
        safe.add_node(xml_text(node), **{k: xml_text(v) for k, v in attrs.items()})
    for a, b, attrs in graph.edges(data=True):
        safe.add_edge(xml_text(a), xml_text(b), **{k: xml_text(v) for k, v in attrs.items()})
    return safe


def plot_label(value: Any) -> str:
    """Text for a chart label: shown literally (no mathtext), and valid in an SVG file."""
    return xml_text(terminal_text(value)).replace("$", r"\$")
