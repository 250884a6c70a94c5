"""Documents with hand-made actors and times, so event tests do not depend on other stages."""
from __future__ import annotations

import re

import pytest

from dyadwatch.models import Actor, Document, Mention, TimeExpr


def english():
    from dyadwatch.errors import ModelMissing
    from dyadwatch.nlp import load_english

    try:
        return load_english()
    except ModelMissing as e:
        pytest.skip(f"no English spaCy model: {e}")


def make_doc(text: str, actors: dict[str, tuple[str | None, str | None, str]], *, published: str | None = "2025-01-10",
             times: dict[str, str] | None = None):
    """A Document over `text` whose actors are every occurrence of the given names.

    actors: surface form -> (country, code, type); several forms may share a code (same actor).
    times: surface form -> TIMEX value (type DATE).
    """
    by_id: dict[str, Actor] = {}
    for form, (country, code, type_) in actors.items():
        ident = (code or form).lower() + ("-" + form.lower().replace(" ", "-") if type_ == "PERSON" else "")
        actor = by_id.get(ident) or Actor(id=ident, name=form, type=type_, country=country, code=code)
        for m in re.finditer(r"\b" + re.escape(form) + r"\b", text):
            actor.mentions.append(Mention(start=m.start(), end=m.end(), text=form))
        by_id[ident] = actor
    tx = []
    for form, value in (times or {}).items():
        for m in re.finditer(re.escape(form), text):
            tx.append(TimeExpr(text=form, start=m.start(), end=m.end(), value=value, type="DATE"))
    doc = Document(id="t", text=text, published=published, actors=list(by_id.values()), times=tx)
    return doc, english()(text)


COUNTRIES = {
    "Russia": ("RUS", "RUS", "COUNTRY"), "Moscow": ("RUS", "RUSGOV", "COUNTRY"), "Russian": ("RUS", "RUS", "COUNTRY"),
    "Azerbaijan": ("AZE", "AZE", "COUNTRY"), "Baku": ("AZE", "AZEGOV", "COUNTRY"), "Azerbaijani": ("AZE", "AZE", "COUNTRY"),
    "Armenia": ("ARM", "ARM", "COUNTRY"), "Turkey": ("TUR", "TUR", "COUNTRY"), "Iran": ("IRN", "IRN", "COUNTRY"),
    "Georgia": ("GEO", "GEO", "COUNTRY"), "Ukraine": ("UKR", "UKR", "COUNTRY"), "France": ("FRA", "FRA", "COUNTRY"),
    "Israel": ("ISR", "ISR", "COUNTRY"), "Syria": ("SYR", "SYR", "COUNTRY"), "China": ("CHN", "CHN", "COUNTRY"),
    "Kazakhstan": ("KAZ", "KAZ", "COUNTRY"), "Germany": ("DEU", "DEU", "COUNTRY"),
    "the United States": ("USA", "USA", "COUNTRY"), "Washington": ("USA", "USAGOV", "COUNTRY"),
    "Putin": ("RUS", "RUSGOV", "PERSON"), "Aliyev": ("AZE", "AZEGOV", "PERSON"), "Erdogan": ("TUR", "TURGOV", "PERSON"),
    "Pashinyan": ("ARM", "ARMGOV", "PERSON"), "Lavrov": ("RUS", "RUSGOV", "PERSON"),
    "NATO": (None, "IGONAT", "ORG"), "the United Nations": (None, "IGOUNO", "ORG"),
}


def country_doc(text: str, **kw):
    used = {k: v for k, v in COUNTRIES.items() if re.search(r"\b" + re.escape(k) + r"\b", text)}
    return make_doc(text, used, **kw)


# Invented countries for tests of event types, so no rule can lean on a real name.
FICTIONAL = {
    "Valdoria": ("VAL", "VAL", "COUNTRY"), "Valdorian": ("VAL", "VAL", "COUNTRY"),
    "Ostrava": ("OST", "OST", "COUNTRY"), "Ostravan": ("OST", "OST", "COUNTRY"),
    "Marvane": ("MRV", "MRV", "COUNTRY"), "Marvanian": ("MRV", "MRV", "COUNTRY"),
}
# Organisations the same tests name.
ORGANISATIONS = {
    "Red Crescent": (None, "NGOHLHIRC", "ORG"), "United Nations": (None, "IGOUNO", "ORG"), "UN": (None, "IGOUNO", "ORG"),
    "African Union": (None, "IGOAFRAU", "ORG"),
}


def coded(text: str) -> set[tuple[str, str | None, str | None]]:
    """(CAMEO, source, target) of every event coded in `text`, sides by code (else country),
    with the invented countries and the organisations above as the only actors."""
    from dyadwatch.events.coder import code_parse

    known = {**FICTIONAL, **ORGANISATIONS}
    doc, parse = make_doc(text, {k: v for k, v in known.items() if re.search(r"\b" + re.escape(k) + r"\b", text)})
    return {(e.cameo, e.source and (e.source.code or e.source.country), e.target and (e.target.code or e.target.country))
            for e in code_parse(doc, parse).events}
