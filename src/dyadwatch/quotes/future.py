"""Is the content of a quotation about the future? (Forecasts that analysts can check later.)"""
from __future__ import annotations

import re
from typing import Any

from .lexicon import Lexicon

WORD = re.compile(r"[\w']+")


def is_prediction(text: str, tokens: list[Any] | None, lex: Lexicon, *, past_cue: bool = False) -> bool:
    """True when the content carries a future modal or a forecast phrase.

    After a past-tense cue, reported "would" is the future seen from the past ("he said there
    would be no turn"); in a direct quotation it is more often a conditional and does not count.
    """
    modals = lex.future_modals | (lex.past_future_modals if past_cue else frozenset())
    if tokens is not None:
        if any(t.tag_ == "MD" and t.lower_ in modals for t in tokens):
            return True
    else:
        if any(w.lower() in modals for w in WORD.findall(text)):
            return True
    low = " ".join(text.lower().split())
    return any(re.search(rf"\b{re.escape(p)}\b", low) for p in lex.future_phrases)
