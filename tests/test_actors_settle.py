"""Settling a person by the office held on the day: one rule for every language's actor stage."""
from __future__ import annotations

from dataclasses import dataclass, field

from dyadwatch.actors.kb import Office
from dyadwatch.actors.persons import sector_code, settle_office


@dataclass
class _Draft:
    roles: list[str] = field(default_factory=list)
    country: str | None = None
    sector: str | None = None
    code: str | None = None


class _KB:
    codes = {"ARM": "ARM", "GEO": "GEO"}

    def country_code(self, iso: str | None) -> str | None:
        return self.codes.get(iso or "")


OFFICES = [Office("p", "foreign minister", "ARM", "GOV", "2018-05", "2021-08"),
           Office("p", "secretary general", "IGOUNO", "GOV", "2021-08", None)]


def test_office_held_on_the_day_sets_roles_country_sector_and_code() -> None:
    d = _Draft(roles=["diplomat"])
    assert settle_office(d, _KB(), OFFICES, "2019-02-01")
    assert (d.roles, d.country, d.sector, d.code) == (["foreign minister", "diplomat"], "ARM", "GOV", "ARMGOV")


def test_an_international_office_has_no_country_and_the_organisation_code() -> None:
    d = _Draft()
    assert settle_office(d, _KB(), OFFICES, "2024-01-01")
    assert (d.country, d.code) == (None, "IGOUNO")


def test_no_office_that_day_changes_nothing() -> None:
    d = _Draft(roles=["diplomat"], country="GEO")
    assert not settle_office(d, _KB(), OFFICES, "2010-01-01")
    assert (d.roles, d.country, d.sector, d.code) == (["diplomat"], "GEO", None, None)


def test_sector_code_joins_country_and_sector_or_is_none() -> None:
    assert sector_code(_KB(), "GEO", "MIL") == "GEOMIL"
    assert sector_code(_KB(), "GEO", None) == "GEO"
    assert sector_code(_KB(), None, None) is None
