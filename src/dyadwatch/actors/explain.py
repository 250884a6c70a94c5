"""Explaining a resolution: what the knowledge base knows of a name, and how a document's
actors came to be (each mention with the rule that linked it and the code it stands for)."""
from __future__ import annotations

from typing import Any

from ..models import Document
from .kb import KnowledgeBase, phrase_key
from .lookup import mention_code
from .persons import holder_on
from .translit import name_key, spellings


def known_entries(kb: KnowledgeBase, name: str, day: str | None = None) -> list[dict[str, Any]]:
    """Knowledge-base entries a name can stand for, with how the name reaches each."""
    key, nkey = phrase_key(name), name_key(name)
    how: dict[str, set[str]] = {}
    for surface in kb.surfaces.get(key, []):
        how.setdefault(surface.entry_id, set()).add(surface.kind)
    for pid in kb.person_keys.get(nkey, []):
        how.setdefault(pid, set()).add("name (transliteration key)")
    for pid in kb.surname_keys.get(nkey, []):
        how.setdefault(pid, set()).add("surname")
    if key in kb.adjectives:
        how.setdefault(kb.country_ids[kb.adjectives[key]], set()).add("demonym")
    rows = []
    for eid, kinds in how.items():
        entry = kb.entries[eid]
        offices = kb.holder_offices(eid)
        held = holder_on(offices, day) if offices else None
        rows.append({
            "id": entry.id, "name": entry.name, "type": entry.type, "country": entry.country,
            "code": (held.country if held and held.country.startswith("IGO") else (kb.country_code(held.country) or "") + held.sector) if held else entry.code,
            "matched as": ", ".join(sorted(kinds)),
            "offices": "; ".join(f"{o.title} {o.start}..{o.end or ''}" for o in offices),
            "in office on date": held.title if held else None,
            "spellings": ", ".join(spellings(name)) if entry.type == "PERSON" else None,
            "source": entry.source,
        })
    return rows


def resolution_rows(doc: Document, name: str, known_ids: frozenset[str] = frozenset()) -> list[dict[str, Any]]:
    """Every mention of the document's actors that answer to `name` (or are among the
    knowledge-base entries it reaches, `known_ids`), with rule and code."""
    key, nkey = phrase_key(name), name_key(name)
    rows = []
    for actor in doc.actors:
        names = {phrase_key(actor.name), actor.id} | {phrase_key(m.text) for m in actor.mentions}
        keys = {name_key(actor.name), name_key(actor.name).split()[-1] if actor.name.split() else ""}
        if key not in names and nkey not in keys and actor.id not in known_ids:
            continue
        for m in actor.mentions:
            rows.append({"actor": actor.id, "name": actor.name, "type": actor.type, "actor code": actor.code,
                         "roles": "; ".join(actor.roles), "mention": m.text, "start": m.start, "end": m.end,
                         "rule": m.rule, "mention code": mention_code(actor, m)})
    return rows
