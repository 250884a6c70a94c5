"""Small text helpers for what is shown to a person."""
from __future__ import annotations


def short(text: str | None, width: int) -> str:
    """`text` on one line, cut to `width` characters with an ellipsis."""
    one = " ".join((text or "").split())
    return one if len(one) <= width else one[: width - 1] + "…"
