"""Office holders generated from the Phoenix country dictionary: the generator, the committed
file it wrote, and people known by it resolving to their country."""
from __future__ import annotations

from pathlib import Path

import pytest

from dyadwatch.actors.officials_phoenix import officials, render, title_case

ROOT = Path(__file__).resolve().parents[1]
DICTIONARY = ROOT.parent / "shared" / "data" / "events" / "phoenix-dictionaries" / "Phoenix.Countries.actors.txt"
GENERATED = ROOT / "src" / "dyadwatch" / "data" / "actors" / "officials_phoenix.tsv"

# Invented people in the dictionary's format.
SNIPPET = """\
RURITANIA_  [RUR]
+RURITANIAN_
# Prime Ministers
ANNA_VELKOVA_  # CountryInfo.txt
+ANNA_P._VELKOVA_
+PRIME_MINISTER_VELKOVA_
\t[RURGOV 19950301-19990630]
OTTO_BRANDL_  # CountryInfo.txt
\t[RURGOV 800101-880101]
KAREL_DUSEK_  # CountryInfo.txt
\t[RURGOVMIL >20010915]  # Defence Minister
\t[RURGOVBUS 20000101-20010914]
MARTA_LINZ_  # CountryInfo.txt
\t[RURGOV 20100101-20050101]
"""


def test_officials_phoenix_reads_offices_dates_and_variants():
    rows = list(officials(SNIPPET))
    by_name = {r.name: r for r in rows}
    assert set(by_name) == {"Anna Velkova", "Karel Dusek"}  # Brandl left office before 1990; Linz's term runs backwards
    velkova = by_name["Anna Velkova"]
    assert (velkova.country, velkova.office, velkova.sector, velkova.start, velkova.end) == (
        "RUR", "Prime Minister", "GOV", "1995-03-01", "1999-06-30")
    assert velkova.aliases == ("Anna P. Velkova",)  # a variant with a title is no name
    dusek = by_name["Karel Dusek"]
    assert (dusek.office, dusek.sector, dusek.start, dusek.end) == ("Defence Minister", "MIL", "2001-09-15", None)
    assert title_case("ABU AL-HASSAN") == "Abu Al-Hassan"


def test_officials_phoenix_committed_file_is_what_the_generator_writes():
    if not DICTIONARY.is_file():
        pytest.skip(f"{DICTIONARY} not found: the shared Phoenix dictionaries are needed")
    rows = list(officials(DICTIONARY.read_text(encoding="utf-8", errors="replace")))
    assert GENERATED.read_text(encoding="utf-8") == render(rows), \
        "regenerate: python -m dyadwatch.actors.officials_phoenix PHOENIX.Countries.actors.txt -o " + str(GENERATED)
    assert len({r.name for r in rows}) > 5000 and all(r.end is None or r.end >= "1990" for r in rows)


def test_officials_phoenix_people_resolve_to_their_country():
    from dyadwatch.actors.kb import load_kb

    kb = load_kb()
    listed = {line.split("\t")[0] for line in (ROOT / "src/dyadwatch/data/actors/officials.tsv").read_text(encoding="utf-8").splitlines()
              if line and not line.startswith("#")}
    rows = [line.split("\t") for line in GENERATED.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    sample = [r for r in rows if r[0] not in listed and r[2] == "Prime Minister"][:5]
    assert sample
    for name, country, *_ in sample:
        from dyadwatch.actors.translit import name_key

        ids = kb.person_keys.get(name_key(name), [])
        assert ids and kb.entries[ids[0]].country == country, name
