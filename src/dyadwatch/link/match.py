"""What an actor named by a user stands for, resolved against the identities of a store.

Plain Python over identity rows (no pandas): the command-line queries resolve their actors
here without loading a data-frame library, and `aggregate` uses the same function for
frames.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..errors import UsageError
from ..output_text import unknown_actor
from .identity import fold_name, name_tokens

PERIODS = ("day", "week", "month")
QUAD_NAMES = {1: "verbal_cooperation", 2: "material_cooperation", 3: "verbal_conflict", 4: "material_conflict"}
COUNTRY_CODE = re.compile(r"^[A-Za-z]{3}$")


@dataclass(frozen=True, kw_only=True)
class ActorMatch:
    """What an actor given by a user stands for: identities and/or a whole country."""

    label: str
    ids: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()

    def side(self, ids: Any, countries: Any) -> Any:
        """Which rows of two pandas Series (a side's identity and country) are this actor."""
        return ids.isin(self.ids) | countries.isin(self.countries)


def identity_rows(identities: Any) -> list[Mapping[str, Any]]:
    """Identity rows as mappings: a pandas DataFrame's records, or the rows as given."""
    if hasattr(identities, "to_dict"):
        return identities.to_dict(orient="records")
    return list(identities)


def present(value: object) -> bool:
    """A cell that holds a value (not None, not a float NaN)."""
    return value is not None and value == value


def resolve_actor(identities: Any, text: str) -> ActorMatch:
    """An actor id (per-document or global), a name in any variant, or a country code.

    `identities`: rows with global_id, name, type, country, code, variants and actor_ids
    (mappings, or a pandas DataFrame of the identities table)."""
    text = text.strip()
    if not text:
        raise UsageError("an actor is needed: an actor id, a name, or a country code such as AZE")
    rows = identity_rows(identities)
    countries = {r["country"] for r in rows if present(r["country"])}
    if COUNTRY_CODE.match(text) and (text.isupper() or text.upper() in countries):
        return ActorMatch(label=text.upper(), countries=frozenset({text.upper()}))
    found = [r for r in rows if r["global_id"] == text or text in listed(r["actor_ids"]) or r["code"] == text.upper()]
    if not found:
        wanted = fold_name(text)
        found = [r for r in rows if any(fold_name(v) == wanted for v in listed(r["variants"]))]
    if not found and len(name_tokens(text)) == 1:
        # a surname alone: the people whose last name folds to it
        wanted = fold_name(text)
        found = [r for r in rows if r["type"] == "PERSON" and present(r["name"]) and name_tokens(r["name"])
                 and fold_name(name_tokens(r["name"])[-1]) == wanted]
    if not found:
        known = [str(r[col]) for col in ("global_id", "name", "code") for r in rows if present(r[col])]
        raise unknown_actor(text, known)
    states = [r["country"] for r in found if r["type"] == "COUNTRY" and present(r["country"])]
    label = str(found[0]["name"]) if len(found) == 1 else text
    return ActorMatch(label=label, ids=frozenset(r["global_id"] for r in found), countries=frozenset(states))


def listed(values: Iterable[str] | None) -> list[str]:
    return list(values) if values is not None and not isinstance(values, float) else []


def parse_day(value: str, option: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError as e:
        raise UsageError(f"{option} takes a date as YYYY-MM-DD, got {value!r}") from e
