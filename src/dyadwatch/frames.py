"""Query results as plain Python rows (for JSON, CSV and tables)."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any


def records(frame) -> list[dict[str, Any]]:
    """Rows of a pandas frame as plain Python values (None for missing, lists for arrays)."""
    return plain_rows(frame.to_dict(orient="records"))


def plain_rows(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Rows (of a frame or of a query) as plain Python values."""
    return [{k: plain(v) for k, v in row.items()} for row in rows]


def plain(value: object) -> object:
    """A cell as a JSON-ready Python value: lists for arrays, ISO dates (a timestamp at
    midnight as its day), None for missing. pandas is imported only for its own types."""
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, (float, dt.datetime)) and value != value:  # NaN, NaT
        return None
    if isinstance(value, float) and type(value) is float:
        return value
    if isinstance(value, (list, tuple)) or getattr(value, "ndim", 0) > 0:
        return [plain(v) for v in list(value)]  # type: ignore[arg-type]
    if type(value) is dt.datetime:
        return value.date().isoformat() if value.time() == dt.time() and value.tzinfo is None else value.isoformat()
    if type(value) is dt.date:
        return value.isoformat()
    import pandas as pd

    if isinstance(value, pd.Timestamp):
        return value.date().isoformat() if value == value.normalize() else value.isoformat()
    if not isinstance(value, str) and bool(pd.isna(value)):
        return None
    if hasattr(value, "item"):
        value = value.item()  # numpy scalars
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
