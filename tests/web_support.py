"""Stores for the web interface's tests: the invented crash corpus, plus one article whose
title, outlet, actor name and quotation carry markup that must be shown as text."""
from __future__ import annotations

from pathlib import Path

from dyadwatch.link.api import relink
from dyadwatch.link.synthetic import actor, crash_corpus, document, event
from dyadwatch.models import Location, Quote, Speaker
from dyadwatch.store import Store

SCRIPT = "<script>alert('title')</script>"
IMAGE = '"><img src=x onerror="alert(document.domain)">'
HOSTILE_TITLE = f"Talks collapse {SCRIPT} {IMAGE}"
HOSTILE_OUTLET = f"Courier {IMAGE}"
HOSTILE_QUOTE = f"We reject this {SCRIPT} and that {IMAGE}"


def hostile_document():
    """A made-up report: Georgia criticises Armenia, quoted by a spokesman with markup in every text."""
    georgia = actor("georgia", "Georgia", "COUNTRY", "GEO", ("Tbilisi",))
    armenia = actor("armenia", "Armenia", "COUNTRY", "ARM", ("Yerevan",))
    speaker = actor("spokesman-x", f"Levan {SCRIPT}", "PERSON", "GEO", (f"Levan {SCRIPT}",))
    claim = f"Tbilisi criticised Yerevan over the border {IMAGE}."
    said = f'"{HOSTILE_QUOTE}," said Levan {SCRIPT}.'
    text = f"{claim} {said} The meeting ended on 3 March."
    doc = document("hostile-1", outlet=HOSTILE_OUTLET, published="2025-03-04T10:00", text=text,
                   actors=[georgia, armenia, speaker], title=HOSTILE_TITLE,
                   events=[event(georgia, armenia, "111", "2025-03-03", claim[:-1], goldstein=-2.0, text=text)])
    quote_start = text.index(HOSTILE_QUOTE)
    quote = Quote(kind="direct", text=HOSTILE_QUOTE, start=quote_start, end=quote_start + len(HOSTILE_QUOTE),
                  speaker=Speaker(actor_id="spokesman-x", name=f"Levan {SCRIPT}", description=f"spokesman {IMAGE}"))
    placed = doc.events[0].model_copy(update={"location": Location(name=f"Sadakhlo {SCRIPT}", country="GEO",
                                                                   lat=41.25, lon=44.8)})
    return doc.model_copy(update={"quotes": [quote], "events": [placed]})


def write_store(path: Path, *, hostile: bool = True) -> Path:
    """The crash corpus (and the hostile article), linked."""
    docs = crash_corpus() + ([hostile_document()] if hostile else [])
    with Store(path) as store:
        store.write(docs, "test")
    relink(path)
    return path
