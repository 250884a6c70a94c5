"""The user dictionary: actors imported from PETRARCH/Phoenix files, kept as one JSON file.

`import_dictionaries` reads dictionary files, turns their entries into actor records (known
countries gain name variants; people gain dated offices; organisations their codes) and
merges them into the JSON file that resolution reads (`kb.user_dictionary_path`, or a path
given with --dict). Imported entries never replace the built-in knowledge base: they add to it.
"""
from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError, UsageError
from .kb import KnowledgeBase, load_kb, slug
from .phoenix import DatedCode, PhoenixDictionary, PhoenixEntry, parse_phoenix

FORMAT = "dyadwatch.actors/1"
# Words that make a dictionary name an organisation rather than a person.
ORG_WORDS = frozenset({"ministry", "party", "army", "front", "council", "organization", "organisation", "agency", "union",
                       "committee", "movement", "forces", "force", "government", "association", "bank", "company", "group",
                       "brigade", "brigades", "court", "police", "assembly", "parliament", "office", "department", "league",
                       "commission", "institute", "university", "federation", "service", "services", "corporation", "news",
                       "radio", "television", "guard", "guards", "fund", "programme", "program", "mission", "the", "of"})
# Longest name (in words) read as a person's.
MAX_PERSON_WORDS = 4


@dataclass(frozen=True)
class ImportSummary:
    path: str
    files: int
    actors: int
    countries_extended: int
    people: int
    organisations: int
    agents: int
    skipped: int


def _title(name: str) -> str:
    return " ".join(w.capitalize() if w.isupper() or w.islower() else w for w in name.split())


def split_code(code: str, kb: KnowledgeBase) -> tuple[str | None, str | None]:
    """(ISO country, sector) of a CAMEO actor code: "AZEGOVLAB" -> ("AZE", "GOV")."""
    iso_by_cameo = {v: k for k, v in kb.cameo.items()}
    head = code[:3]
    iso = iso_by_cameo.get(head) or (head if head in kb.country_ids else None)
    if iso is None:
        return None, None
    return iso, (code[3:6] or None)


def _is_person(entry: PhoenixEntry) -> bool:
    words = entry.name.lower().split()
    if not 2 <= len(words) <= MAX_PERSON_WORDS or ORG_WORDS & set(words):
        return False
    return any(c.start or c.end for c in entry.codes) or "countryinfo" in entry.comment.lower()


def entry_record(entry: PhoenixEntry, kb: KnowledgeBase) -> dict | None:
    codes = [c for c in entry.codes if c.code and c.code.isalnum()]
    if not codes:
        return None
    current = _current(codes)
    iso, sector = split_code(current.code, kb)
    aliases = [_title(a) for a in [entry.name, *entry.aliases]]
    if iso and len(current.code) == 3 and not any(c.start or c.end for c in codes):
        country_id = kb.country_ids[iso]
        known = set(kb.adjectives)
        return {"id": country_id, "name": kb.entries[country_id].name, "type": "COUNTRY", "country": iso, "code": kb.country_code(iso),
                "aliases": [a for a in aliases if a.lower() not in known]}
    if _is_person(entry):
        offices = []
        for c in codes:
            c_iso, c_sector = split_code(c.code, kb)
            office_country = c_iso or (c.code if c.code.startswith("IGO") else None)
            if office_country:
                offices.append({"title": c.code, "country": office_country, "sector": c_sector or "",
                                "start": c.start or "", "end": c.end})
        return {"id": slug(aliases[0]), "name": aliases[0], "type": "PERSON", "country": iso, "sector": sector,
                "code": current.code, "aliases": aliases, "offices": offices}
    typ = "GROUP" if sector in ("REB", "OPP") or current.code.startswith("IMG") else "ORG"
    return {"id": slug(aliases[0]), "name": aliases[0], "type": typ, "country": iso, "sector": sector,
            "code": current.code, "aliases": aliases}


def _current(codes: list[DatedCode]) -> DatedCode:
    """The open-ended code if there is one, else the latest."""
    open_ended = [c for c in codes if not c.end]
    pool = open_ended or codes
    return max(pool, key=lambda c: c.start or "")


def records_from(parsed: PhoenixDictionary, kb: KnowledgeBase) -> tuple[list[dict], list[dict]]:
    actors = [r for r in (entry_record(e, kb) for e in parsed.entries) if r is not None]
    agents = [{"phrase": a.phrase, "sector": a.sector} for a in parsed.agents]
    return actors, agents


def merge(existing: dict, actors: list[dict], agents: list[dict]) -> dict:
    by_id = {a["id"]: a for a in existing.get("actors", [])}
    for record in actors:
        old = by_id.get(record["id"])
        if old is None:
            by_id[record["id"]] = record
            continue
        old["aliases"] = list(dict.fromkeys(old.get("aliases", []) + record.get("aliases", [])))
        old["offices"] = old.get("offices", []) + [o for o in record.get("offices", []) if o not in old.get("offices", [])]
    roles = {a["phrase"]: a for a in existing.get("agents", [])}
    roles.update({a["phrase"]: a for a in agents})
    return {"format": FORMAT, "sources": existing.get("sources", []), "actors": list(by_id.values()), "agents": list(roles.values())}


def read_user_dictionary(path: Path) -> dict:
    if not path.is_file():
        return {"format": FORMAT, "sources": [], "actors": [], "agents": []}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise UsageError(f"cannot read the actor dictionary {path}: {exc}; delete it or pass another --dict") from exc
    if data.get("format") != FORMAT:
        raise UsageError(f"{path} is not a dyadwatch actor dictionary ({FORMAT}); pass another --dict")
    return data


def import_dictionaries(files: list[Path], path: Path) -> ImportSummary:
    """Parse Phoenix/PETRARCH files and merge them into the user dictionary at `path`."""
    kb = load_kb(None)
    data = read_user_dictionary(path)
    actors_all: list[dict] = []
    agents_all: list[dict] = []
    skipped = 0
    for file in files:
        try:
            text = file.read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            raise InputError("unreadable", f"cannot read {file}: {exc}") from exc
        parsed = parse_phoenix(text)
        actors, agents = records_from(parsed, kb)
        actors_all += actors
        agents_all += agents
        skipped += parsed.skipped + len(parsed.entries) - len(actors)
        data.setdefault("sources", []).append(str(file))
    merged = merge(data, actors_all, agents_all)
    _write_atomic(path, merged)
    count = {t: sum(1 for a in actors_all if a["type"] == t) for t in ("COUNTRY", "PERSON", "ORG", "GROUP")}
    return ImportSummary(path=str(path), files=len(files), actors=len(merged["actors"]), countries_extended=count["COUNTRY"],
                         people=count["PERSON"], organisations=count["ORG"] + count["GROUP"], agents=len(agents_all), skipped=skipped)


def _write_atomic(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False)
    os.replace(tmp, path)
