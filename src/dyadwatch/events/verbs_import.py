"""Reading PETRARCH-format verb dictionaries into dyadwatch verb patterns.

A PETRARCH dictionary has synonym sets (`&NAME` then `+WORD` lines), and verb blocks
(`---  NAME  [code]  ---`, the verbs of the block, then pattern lines such as
`- * (TO BORDER)  [154]`). Each pattern becomes one line of our format: the block's verbs,
the first noun after the verb as the theme, a parenthesised phrase as a required
preposition with its noun as the theme. Patterns that constrain the words before the verb
(the subject) cannot be said in our format and are counted as skipped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .ontology import load_ontology

BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
PATTERN = re.compile(r"^-\s+(.*?)\s*\[([^\]]*)\]")
TOKEN = re.compile(r"\{[^}]*\}|\([^)]*\)|\S+")


@dataclass
class Imported:
    lines: list[str] = field(default_factory=list)
    patterns: int = 0
    skipped: dict[str, int] = field(default_factory=dict)

    def skip(self, why: str) -> None:
        self.skipped[why] = self.skipped.get(why, 0) + 1


def _word(w: str) -> str:
    return w.strip("_").lower()


def _code(field_text: str) -> str | None:
    for part in field_text.split(":"):
        part = part.strip()
        if part and part != "---" and part.isdigit():
            return part
    return None


def _expand(word: str, sets: dict[str, list[str]]) -> list[str]:
    if word.startswith("&"):
        return sets.get(word.upper(), [])
    return [_word(word)]


def _theme_and_prep(after: list[str], sets: dict[str, list[str]]) -> tuple[list[str], str | None] | None:
    theme: list[str] = []
    prep = None
    for tok in after:
        if tok in ("$", "+", "%", "^"):
            continue
        if tok.startswith("("):
            inner = [w for w in tok.strip("()").split() if w not in ("$", "+", "%", "^")]
            if not inner:
                continue
            if prep is None:
                prep = _word(inner[0])
                if len(inner) > 1 and not theme:
                    last = inner[-1]
                    theme = _expand(last, sets) if last.startswith("&") else ["_".join(_word(w) for w in inner[1:])]
            continue
        if tok.startswith("{"):
            words = [w for w in tok.strip("{}").split() if w not in ("$", "+")]
            if not theme and words:
                theme = ["_".join(_word(w) for w in words)]
            continue
        if not theme:
            theme = _expand(tok, sets)
    clean: list[str] = []
    for t in theme:
        if "&" in t:
            clean += sets.get(t.upper(), []) if t.startswith("&") and "_" not in t.strip("&_").replace("_", "", 0) else []
        elif re.fullmatch(r"[a-z][a-z_'-]*", t):
            clean.append(t)
    return clean, prep


def convert(text: str, origin: str) -> Imported:
    """Our verb-pattern lines for the PETRARCH dictionary `text`."""
    codes = load_ontology().codes
    out = Imported()
    sets: dict[str, list[str]] = {}
    current_set: str | None = None
    verbs: list[str] = []
    block_code: str | None = None
    in_block = False
    for n, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].rstrip()
        s = line.strip()
        if not s:
            current_set = None
            continue
        if s.startswith("&") and not in_block:
            current_set = s.split()[0].upper()
            sets[current_set] = []
            continue
        if current_set and s.startswith("+"):
            sets[current_set].append(_word(s[1:].split()[0]))
            continue
        m = BLOCK.match(s)
        if m:
            in_block, verbs = True, []
            block_code = _code(m.group(2))
            continue
        if not in_block:
            continue
        m = PATTERN.match(s)
        if m:
            words, code = TOKEN.findall(m.group(1)), _code(m.group(2))
            if code is None or code not in codes:
                out.skip("no usable code")
                continue
            if "*" not in words or any(w not in ("$", "+", "%", "^") for w in words[: words.index("*")]):
                out.skip("constrains the subject")
                continue
            if not verbs:
                out.skip("no single-word verbs")
                continue
            parsed = _theme_and_prep(words[words.index("*") + 1:], sets)
            if parsed is None or (not parsed[0] and parsed[1] is None):
                out.skip("nothing after the verb")
                continue
            theme, prep = parsed
            parts = [code, "|".join(verbs)]
            if theme:
                parts.append("+" + "|".join(dict.fromkeys(t for t in theme if t)))
            if prep:
                parts.append("^" + prep)
            out.lines.append(" ".join(parts) + f"  # {origin} line {n}")
            out.patterns += 1
            continue
        if s.startswith("-"):
            continue
        verb = s.split()[0]
        if verb.startswith("+") or "_" in verb.strip("_"):
            continue
        verbs.append(_word(verb))
        own = re.search(r"\[([^\]]*)\]", s)
        code = (_code(own.group(1)) if own else None) or block_code
        if code and code in codes:
            out.lines.append(f"{code} {_word(verb)}  # {origin} line {n}")
            out.patterns += 1
    return out


def import_file(path: str | Path) -> Imported:
    p = Path(path)
    return convert(p.read_text(encoding="utf-8", errors="replace"), p.name)


def render(imported: Imported, origin: str) -> str:
    head = [
        f"# Verb patterns imported from {origin} (PETRARCH format) by `dyadwatch verbs import`.",
        "# Format: see dyadwatch/data/en/verbs.txt. Consulted after the built-in patterns.",
        "# Version: imported",
    ]
    return "\n".join(head + imported.lines) + "\n"
