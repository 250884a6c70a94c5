"""Reading PETRARCH/Phoenix-format actor dictionaries (TABARI .actors files and agents files).

An entry is a line with a name (words joined by "_"), optionally followed by "+" lines of
synonyms and by codes in brackets, each with an optional date restriction:

    ILHAM_ALIYEV_  # CountryInfo.txt
    +ILHAM_ALIEV_
        [AZEGOV 030804-031104]
        [AZEGOV >031031]

Agents files map role words to sectors ("FARMER [~AGR]"). Dates are YYMMDD (or YYYYMMDD);
"<D" means until D, ">D" from D. This module only parses text; `userdict` writes the result.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

CODE = re.compile(r"\[([^\]]*)\]")
# Two-digit years up to this one are read as 20YY, later ones as 19YY (the dictionaries
# were compiled 1990-2014 and cover people in office since the 1940s).
CENTURY_PIVOT = 30


@dataclass(frozen=True)
class DatedCode:
    code: str
    start: str | None = None
    end: str | None = None


@dataclass
class PhoenixEntry:
    name: str
    aliases: list[str] = field(default_factory=list)
    codes: list[DatedCode] = field(default_factory=list)
    comment: str = ""


@dataclass(frozen=True)
class Agent:
    phrase: str
    sector: str


@dataclass
class PhoenixDictionary:
    entries: list[PhoenixEntry] = field(default_factory=list)
    agents: list[Agent] = field(default_factory=list)
    skipped: int = 0


def phoenix_words(raw: str) -> str:
    """ "ILHAM_ALIYEV_" -> "ILHAM ALIYEV"."""
    return " ".join(raw.replace("_", " ").split())


def parse_date(raw: str) -> str | None:
    digits = raw.strip()
    if re.fullmatch(r"\d{8}", digits):
        return f"{digits[:4]}-{digits[4:6]}-{digits[6:]}"
    if re.fullmatch(r"\d{6}", digits):
        yy = int(digits[:2])
        century = "20" if yy <= CENTURY_PIVOT else "19"
        return f"{century}{digits[:2]}-{digits[2:4]}-{digits[4:]}"
    return None


def parse_code(body: str) -> DatedCode | None:
    parts = body.split()
    if not parts or parts[0].startswith("-"):
        return None
    code = parts[0]
    if len(parts) == 1:
        return DatedCode(code)
    restriction = "".join(parts[1:])
    if restriction.startswith("<"):
        return DatedCode(code, end=parse_date(restriction[1:]))
    if restriction.startswith(">"):
        return DatedCode(code, start=parse_date(restriction[1:]))
    if "-" in restriction:
        start, _, end = restriction.partition("-")
        return DatedCode(code, start=parse_date(start), end=parse_date(end))
    return DatedCode(code)


def parse_phoenix(text: str) -> PhoenixDictionary:
    """Entries and agents of one dictionary file."""
    out = PhoenixDictionary()
    current: PhoenixEntry | None = None
    for raw in text.splitlines():
        line, _, comment = raw.partition("#")
        if not line.strip():
            continue
        if line.lstrip().startswith("!") or "=" in line:
            out.skipped += 1  # substitution sets and other directives
            continue
        codes = [c for c in (parse_code(m) for m in CODE.findall(line)) if c is not None]
        head = CODE.sub("", line).strip()
        if raw[:1] in (" ", "\t") and not head:
            if current is not None:
                current.codes.extend(codes)
            continue
        if head.startswith("+"):
            if current is not None and phoenix_words(head[1:]):
                current.aliases.append(phoenix_words(head[1:]))
            continue
        name = phoenix_words(head)
        if not name:
            continue
        agent = next((c for c in codes if c.code.startswith("~")), None)
        if agent is not None:
            out.agents.append(Agent(name.lower(), agent.code[1:4]))
            current = None
            continue
        current = PhoenixEntry(name=name, codes=codes, comment=comment.strip())
        out.entries.append(current)
    return out
