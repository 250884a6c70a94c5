"""pandas frames as plain Python rows (for JSON, CSV and tables)."""
from __future__ import annotations

import datetime as dt
from typing import Any


def records(frame) -> list[dict[str, Any]]:
    """Rows of a frame as plain Python values (None for missing, lists for arrays)."""
    return [{k: plain(v) for k, v in row.items()} for row in frame.to_dict(orient="records")]


def plain(value: object) -> object:
    """A frame cell as a JSON-ready Python value: lists for arrays, ISO dates, None for missing."""
    import pandas as pd

    if isinstance(value, (list, tuple)) or getattr(value, "ndim", 0) > 0:
        return [plain(v) for v in list(value)]  # type: ignore[arg-type]
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat() if value == value.normalize() else value.isoformat()
    if value is None or (not isinstance(value, str) and bool(pd.isna(value))):
        return None
    if hasattr(value, "item"):
        value = value.item()  # numpy scalars
    if isinstance(value, dt.date):
        return value.isoformat()
    return value
