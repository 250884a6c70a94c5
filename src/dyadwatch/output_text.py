"""Small text helpers for what is shown to a person."""
from __future__ import annotations


def short(text: str | None, width: int) -> str:
    """`text` on one line, cut to `width` characters with an ellipsis."""
    one = " ".join((text or "").split())
    return one if len(one) <= width else one[: width - 1] + "…"


# How many close names an unknown-actor error suggests, and how close they must be (rapidfuzz
# WRatio, 0-100; 60 keeps "Aliev" -> "Ilham Aliyev" and drops unrelated names).
SUGGESTIONS = 5
SUGGESTION_SCORE = 60


def unknown_actor(text: str, known: list[str]):
    """The UsageError for an actor that matches nothing, naming the closest known ones."""
    from rapidfuzz import fuzz, process, utils

    from .errors import UsageError

    close = process.extract(text, sorted(set(known)), scorer=fuzz.WRatio, processor=utils.default_process,
                            limit=SUGGESTIONS, score_cutoff=SUGGESTION_SCORE)
    hint = f"; did you mean {', '.join(repr(name) for name, _, _ in close)}?" if close else ""
    return UsageError(f"no actor matches {text!r}{hint} (give an actor id, a name as mentioned, an actor code "
                      "such as AZEGOV or a country code such as AZE; `dyadwatch actors` lists them)")
