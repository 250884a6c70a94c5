"""Where a name comes from: a last resort for the country of a person the text does not place.

A given name typical of one nationality (from `data/actors/names.tsv`), confirmed by a
surname ending when both speak, and only for a country that the same document mentions:
the document is what makes a guess from a name safe enough to keep.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from typing import Any

from .translit import name_key, strip_accents


@dataclass(frozen=True)
class NameOrigins:
    given: dict[str, frozenset[str]]  # given-name key -> countries
    endings: tuple[tuple[str, str], ...]  # (ending, country), longest first


@functools.lru_cache(maxsize=1)
def load_origins() -> NameOrigins:
    text = resources.files("dyadwatch").joinpath("data/actors/names.tsv").read_text(encoding="utf-8")
    given: dict[str, set[str]] = {}
    endings: list[tuple[str, str]] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, country, values = line.split("\t")
        for value in values.split(";"):
            if kind == "given":
                given.setdefault(name_key(value), set()).add(country)
            else:
                endings.append((value.lower(), country))
    endings.sort(key=lambda e: -len(e[0]))
    return NameOrigins({k: frozenset(v) for k, v in given.items()}, tuple(endings))


def name_countries(name: str) -> tuple[frozenset[str], frozenset[str]]:
    """(countries the given name points to, countries the surname ending points to)."""
    origins = load_origins()
    words = name.split()
    if len(words) < 2:
        return frozenset(), frozenset()
    by_given = origins.given.get(name_key(words[0]), frozenset())
    surname = words[-1].lower()
    longest = next((len(e) for e, _ in origins.endings if surname.endswith(e) and len(surname) > len(e) + 2), 0)
    by_ending = frozenset(c for e, c in origins.endings if len(e) == longest and surname.endswith(e)) if longest else frozenset()
    return by_given, by_ending


def origin_country(ctx: Any, draft: Any) -> str | None:
    """The country a person's name points to, if the document mentions that country."""
    mentioned = {d.country for d in ctx.drafts.values() if d.type == "COUNTRY" and d.mentions}
    by_given, by_ending = name_countries(draft.name)
    agree = by_given & by_ending
    if len(agree) == 1 and (agree & mentioned or not (agree & {"RUS", "AZE", "KAZ", "UZB"})):
        return next(iter(agree))  # given name and surname agree on a distinctive origin
    given = by_given & mentioned
    if len(given) == 1:
        return next(iter(given))
    # A distinctive ending alone (Armenian -yan, Georgian -shvili ...), when no given name helps.
    ending = by_ending & mentioned
    if not by_given and len(ending) == 1 and not (by_ending & {"RUS", "AZE"}):
        return next(iter(ending))
    return None


# Surname endings that carry gender (Russian, Ukrainian, Bulgarian, Polish, Czech, Lithuanian),
# longest first within each pair so that Petrova is read before Petrov.
GENDERED_ENDINGS = (("skaya", "f"), ("ova", "f"), ("eva", "f"), ("ina", "f"), ("ska", "f"), ("iene", "f"), ("aite", "f"),
                    ("yte", "f"), ("sky", "m"), ("skiy", "m"), ("ski", "m"), ("ov", "m"), ("ev", "m"), ("in", "m"))


@functools.lru_cache(maxsize=1)
def _given_genders() -> dict[str, str]:
    text = resources.files("dyadwatch").joinpath("data/actors/given_names.tsv").read_text(encoding="utf-8")
    found: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        gender, _, names = line.partition("\t")
        for name in names.split(";"):
            if name.strip():
                found[name_key(name.strip())] = gender
    return found


def name_gender(name: str) -> str | None:
    """'f', 'm' or None for a full name: its given name if listed, else a gendered surname ending."""
    words = name.split()
    if len(words) < 2:
        return None
    given = _given_genders().get(name_key(words[0]))
    if given:
        return given
    surname = strip_accents(words[-1]).lower()
    return next((g for e, g in GENDERED_ENDINGS if surname.endswith(e) and len(surname) > len(e) + 2), None)
