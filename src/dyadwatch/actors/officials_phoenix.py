"""Generate `data/actors/officials_phoenix.tsv`: government office holders since 1990, with
their country and dates, from the Phoenix country actor dictionary (MIT licence, Open Event
Data Alliance, compiled from CountryInfo.txt).

    .venv/bin/python -m dyadwatch.actors.officials_phoenix \\
        ../shared/data/events/phoenix-dictionaries/Phoenix.Countries.actors.txt \\
        -o src/dyadwatch/data/actors/officials_phoenix.tsv

Only facts carry over: a person's name and its spelling variants, the country and sector of
each dated government code (GOV, and GOVMIL for defence), and the dates. A person is kept when
one such code runs into 1990 or later. The office is read where the dictionary states one:
the note on the dated code ("# Foreign Minister") or the heading the person is listed under
("# Prime Ministers"); otherwise the row says only "government". The file is generated, so
it is never edited by hand; `officials.tsv` (written here, with offices) wins for anyone in
both.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .phoenix import CODE, parse_code, phoenix_words

SINCE = "1990-01-01"
# Sectors of the government codes kept, and what they say of the office.
SECTORS = {"GOV": "GOV", "GOVMIL": "MIL"}
# Offices a note or a heading may name, most specific first, with the title written here.
OFFICES = ((re.compile(r"vice[- ]president", re.I), "Vice President"),
           (re.compile(r"prime minister|premier|taoiseach", re.I), "Prime Minister"),
           (re.compile(r"foreign|secretary of state", re.I), "Foreign Minister"),
           (re.compile(r"defen[cs]e", re.I), "Defence Minister"),
           (re.compile(r"president", re.I), "President"),
           (re.compile(r"chancellor", re.I), "Chancellor"),
           (re.compile(r"\b(king|queen|monarch|emir|sultan)", re.I), "Monarch"),
           (re.compile(r"head of state|leader", re.I), "Leader"))


def office_title(note: str) -> str | None:
    return next((title for pattern, title in OFFICES if pattern.search(note or "")), None)
COUNTRY_LINE = re.compile(r"^[A-Z][A-Z_]*\s+\[([A-Z]{3})\]\s*$")
# Title words a dictionary name may carry ("PRESIDENT_JOSIPOVIC"): such a line is an alias.
TITLE_WORDS = frozenset({"president", "minister", "prime", "premier", "king", "queen", "chancellor", "ambassador",
                         "general", "secretary", "foreign", "defense", "defence", "mr", "mrs", "dr", "sheikh", "emir"})
HEADER = """# Government office holders since 1990 with country, office and dates, generated from the
# Phoenix country actor dictionary (Phoenix.Countries.actors.txt, MIT licence, Open Event Data
# Alliance; compiled from CountryInfo.txt) by `python -m dyadwatch.actors.officials_phoenix`.
# Do not edit: regenerate. Office is the dictionary's own note or heading where it gives one,
# else "government"; sector GOV (government) or MIL (defence); dates YYYY-MM-DD, empty when
# the dictionary leaves the term open. Names are the dictionary's, in title case.
# Columns (tab-separated; aliases separated by ";"):
#   name  country  office  sector  start  end  aliases
"""


@dataclass(frozen=True)
class OfficeRow:
    name: str
    country: str
    office: str
    sector: str
    start: str | None
    end: str | None
    aliases: tuple[str, ...]

    def line(self) -> str:
        return "\t".join([self.name, self.country, self.office, self.sector, self.start or "", self.end or "",
                          ";".join(self.aliases)])


def title_case(words: str) -> str:
    """ "SERGEY LAVROV" -> "Sergey Lavrov", "AL-ASSAD" -> "Al-Assad"."""
    return " ".join("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")) for w in words.split())


def _usable_name(words: str) -> bool:
    parts = words.lower().split()
    return len(parts) >= 2 and not set(parts) & TITLE_WORDS and all(re.fullmatch(r"[a-z.'-]+", p) for p in parts)


def officials(text: str) -> Iterator[OfficeRow]:
    """Rows of every kept office holder of one dictionary text, in file order."""
    heading = ""
    person: tuple[str, list[str]] | None = None
    pending: list[tuple[str, str, str | None, str | None, str]] = []

    def flush() -> Iterator[OfficeRow]:
        if person is None:
            return
        name, aliases = person
        for country, sector, start, end, note in pending:
            office = office_title(note) or office_title(heading) or "government"
            yield OfficeRow(title_case(name), country, office, sector, start, end,
                            tuple(dict.fromkeys(title_case(a) for a in aliases if _usable_name(a) and a != name)))

    for raw in text.splitlines():
        stripped = raw.strip()
        if stripped.startswith("#"):
            note = stripped.lstrip("#").strip()
            if note and len(note) < 40 and not note.startswith("+") and "_" not in note:
                heading = note
            continue
        line, _, comment = raw.partition("#")
        if not line.strip():
            continue
        if COUNTRY_LINE.match(line.strip()):
            yield from flush()
            person, pending, heading = None, [], ""
            continue
        if raw[:1] in (" ", "\t"):
            for body in CODE.findall(line):
                dated = parse_code(body)
                if dated is None or len(dated.code) < 6:
                    continue
                country, sector = dated.code[:3], dated.code[3:]
                if sector not in SECTORS or (dated.start is None and dated.end is None):
                    continue
                if dated.end is not None and (dated.end < SINCE or (dated.start is not None and dated.start > dated.end)):
                    continue  # over before 1990, or a term the dictionary dates backwards
                pending.append((country, SECTORS[sector], dated.start, dated.end, comment.strip()))
            continue
        words = phoenix_words(CODE.sub("", line).strip().lstrip("+"))
        if line.strip().startswith("+"):
            if person is not None and words:
                person[1].append(words)
            continue
        yield from flush()
        pending = []
        person = (words, []) if _usable_name(words) else None
    yield from flush()


def render(rows: list[OfficeRow]) -> str:
    return HEADER + "".join(r.line() + "\n" for r in rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dictionary", type=Path, help="Phoenix.Countries.actors.txt")
    ap.add_argument("-o", "--output", type=Path, required=True)
    args = ap.parse_args(argv)
    if not args.dictionary.is_file():
        print(f"no dictionary at {args.dictionary}: give the path of Phoenix.Countries.actors.txt", file=sys.stderr)
        return 2
    rows = list(officials(args.dictionary.read_text(encoding="utf-8", errors="replace")))
    args.output.write_text(render(rows), encoding="utf-8")
    print(f"{len(rows)} office rows of {len({r.name for r in rows})} people written to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
