"""The verb-pattern dictionary: parsing the pattern file into typed patterns, indexed by lemma.

The built-in dictionary is data/en/verbs.txt (format in its header). Users may add
patterns in the same format (for instance converted from PETRARCH dictionaries by
`dyadwatch verbs import`); those are read from the file named by DYADWATCH_VERBS, or from
the default user file, once per process, and consulted together with the built-in ones.
"""
from __future__ import annotations

import functools
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UsageError
from ..lexicons import lexicon_label, lexicon_text
from .ontology import load_ontology

BUILTIN = ("en", "verbs.txt")
USER_ENV = "DYADWATCH_VERBS"
USER_DEFAULT = Path.home() / ".local" / "share" / "dyadwatch" / "verbs.txt"


@dataclass(frozen=True, kw_only=True)
class Pattern:
    """One line of a verb dictionary: when it matches, and what it codes."""

    id: str
    code: str
    lemmas: frozenset[str]
    nominal: bool = False
    theme: frozenset[str] | None = None
    complement: frozenset[str] | None = None
    target_preps: tuple[str, ...] = ()
    required_preps: frozenset[str] | None = None
    particle: frozenset[str] | None = None
    modifiers: frozenset[str] | None = None
    subject: frozenset[str] | None = None
    purpose: frozenset[str] | None = None
    context: frozenset[str] | None = None
    untargeted: bool = False
    notarget: bool = False
    hostsource: bool = False
    note: str = ""
    text: str = ""
    origin: str = "builtin"
    line: int = 0

    @property
    def specificity(self) -> int:
        theme = None if self.theme == frozenset({"*"}) else self.theme  # "any theme" constrains nothing
        parts = (theme, self.complement, self.required_preps, self.particle, self.modifiers, self.subject, self.purpose,
                 self.context)
        return sum(p is not None for p in parts)


@dataclass(frozen=True)
class PatternSet:
    verbs: dict[str, tuple[Pattern, ...]]
    nouns: dict[str, tuple[Pattern, ...]]
    version: str
    sources: tuple[str, ...] = field(default_factory=tuple)

    def __len__(self) -> int:
        return len({p.id for ps in (*self.verbs.values(), *self.nouns.values()) for p in ps})

    def all(self) -> list[Pattern]:
        seen: dict[str, Pattern] = {}
        for ps in (*self.verbs.values(), *self.nouns.values()):
            for p in ps:
                seen.setdefault(p.id, p)
        return sorted(seen.values(), key=lambda p: (p.origin != "builtin", p.line))


def _split(word: str, sets: dict[str, frozenset[str]]) -> frozenset[str]:
    out: set[str] = set()
    for part in word.split("|"):
        part = part.strip().lower()
        if not part:
            continue
        if part.startswith("&"):
            if part not in sets:
                raise UsageError(f"pattern names unknown set {part}: define it with '{part} = a|b' before use")
            out |= sets[part]
        else:
            out.add(part)
    return frozenset(out)


def parse_line(text: str, *, line: int, origin: str, sets: dict[str, frozenset[str]]) -> Pattern | None:
    body, _, note = text.partition("#")
    words = body.split()
    if len(words) < 2:
        return None
    code, pred = words[0], words[1]
    if not code.isdigit():
        raise UsageError(f"{origin} line {line}: a pattern starts with a CAMEO code, got {code!r}")
    nominal = pred.startswith("n:")
    opts: dict[str, frozenset[str]] = {}
    preps: list[str] = []
    flags: set[str] = set()
    for w in words[2:]:
        kind, rest = w[0], w[1:]
        if kind in "+>~*=%?":
            opts[kind] = opts.get(kind, frozenset()) | _split(rest, sets)
        elif kind in "@^":
            preps.extend(sorted(_split(rest, sets)))
            if kind == "^":
                opts["^"] = opts.get("^", frozenset()) | _split(rest, sets)
        elif kind == "!":
            flags.add(rest)
        else:
            raise UsageError(f"{origin} line {line}: cannot read {w!r} (see the format in {lexicon_label(*BUILTIN)})")
    return Pattern(
        id=f"{origin}:{line}",
        code=code,
        lemmas=_split(pred[2:] if nominal else pred, sets),
        nominal=nominal,
        theme=opts.get("+"),
        complement=opts.get(">"),
        target_preps=tuple(dict.fromkeys(preps)),
        required_preps=opts.get("^"),
        particle=opts.get("~"),
        modifiers=opts.get("*"),
        subject=opts.get("="),
        purpose=opts.get("%"),
        context=opts.get("?"),
        untargeted="untargeted" in flags,
        notarget="notarget" in flags,
        hostsource="hostsource" in flags,
        note=note.strip(),
        text=" ".join(words),
        origin=origin,
        line=line,
    )


def parse_patterns(text: str, origin: str) -> tuple[list[Pattern], str]:
    sets: dict[str, frozenset[str]] = {}
    patterns: list[Pattern] = []
    version = "unversioned"
    known = load_ontology().codes
    for n, raw in enumerate(text.splitlines(), start=1):
        s = raw.strip()
        if s.startswith("# Version:"):
            version = s.split(":", 1)[1].strip()
        if not s or s.startswith("#"):
            continue
        if s.startswith("&"):
            name, _, members = s.partition("=")
            sets[name.strip().lower()] = _split(members.strip(), sets)
            continue
        p = parse_line(s, line=n, origin=origin, sets=sets)
        if p is None:
            continue
        if p.code not in known:
            raise UsageError(f"{origin} line {n}: CAMEO code {p.code} is not in the code table")
        patterns.append(p)
    return patterns, version


def index(patterns: Iterable[Pattern], version: str, sources: tuple[str, ...]) -> PatternSet:
    verbs: dict[str, list[Pattern]] = {}
    nouns: dict[str, list[Pattern]] = {}
    for p in patterns:
        target = nouns if p.nominal else verbs
        for lemma in p.lemmas:
            target.setdefault(lemma, []).append(p)
    return PatternSet(
        verbs={k: tuple(v) for k, v in verbs.items()},
        nouns={k: tuple(v) for k, v in nouns.items()},
        version=version,
        sources=sources,
    )


def user_file() -> Path:
    return Path(os.environ.get(USER_ENV) or USER_DEFAULT)


@functools.lru_cache(maxsize=1)
def builtin_patterns() -> tuple[list[Pattern], str]:
    return parse_patterns(lexicon_text(*BUILTIN), "verbs")


@functools.lru_cache(maxsize=4)
def load_patterns(user_path: str | None = None) -> PatternSet:
    """Built-in patterns plus the user's, read once per process (user_path None: the default)."""
    patterns, version = builtin_patterns()
    patterns = list(patterns)
    sources = (lexicon_label(*BUILTIN),)
    path = Path(user_path) if user_path else user_file()
    if path.is_file():
        extra, _ = parse_patterns(path.read_text(encoding="utf-8"), "user")
        patterns += extra
        sources += (str(path),)
    return index(patterns, version, sources)
