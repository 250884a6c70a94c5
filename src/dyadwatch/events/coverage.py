"""How much of CAMEO the verb patterns cover, and which patterns the news at hand ever uses.

Two lists, both from data the project already holds: the CAMEO codes of the code table that
no pattern codes (so the coder can never produce them), and the patterns that gave no event
in a set of document records. Which pattern gave an event is read from the event's `rule`
(the pattern's id and text), so no text is parsed again: run `dyadwatch extract` once, then
count. `dyadwatch verbs coverage OUT.jsonl ...` prints both.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ..models import Document
from .ontology import intent_table, load_ontology
from .patterns import Pattern, PatternSet, load_patterns

# Roots whose codes news reports as events. Root 01 (public statements: "declined to
# comment", "expressed optimism") has no PLOVER type and is coded only where the text names
# the kind of statement, so its codes are listed apart rather than as gaps.
STATEMENT_ROOT = "01"


@dataclass(frozen=True, kw_only=True)
class CodeCoverage:
    code: str
    plover: str | None
    patterns: int          # patterns that code it directly
    intent_only: bool      # reached only as the stated intention of another act
    events: int            # events coded with it in the records


@dataclass(frozen=True, kw_only=True)
class PatternUse:
    id: str
    code: str
    text: str
    events: int


@dataclass(frozen=True, kw_only=True)
class Coverage:
    documents: int
    events: int
    codes: tuple[CodeCoverage, ...]
    patterns: tuple[PatternUse, ...]

    @property
    def codes_without_pattern(self) -> tuple[CodeCoverage, ...]:
        return tuple(c for c in self.codes if not c.patterns and not c.intent_only)

    @property
    def unused_patterns(self) -> tuple[PatternUse, ...]:
        return tuple(p for p in self.patterns if not p.events)


def pattern_id(rule: str | None) -> str | None:
    """The pattern id an event's `rule` starts with ("verbs:215 111 criticize|..." -> "verbs:215")."""
    if not rule:
        return None
    head = rule.split(" ", 1)[0]
    return head if ":" in head else None


def measure(docs: Iterable[Document], patterns: PatternSet | None = None) -> Coverage:
    """Coverage of the code table by `patterns` and the use of each pattern in `docs`."""
    patterns = patterns or load_patterns()
    every: list[Pattern] = patterns.all()
    by_code = Counter(p.code for p in every)
    reached_by_intent = set(intent_table().values())
    fired: Counter[str] = Counter()
    coded: Counter[str] = Counter()
    n_docs = n_events = 0
    for doc in docs:
        n_docs += 1
        for e in doc.events:
            n_events += 1
            coded[e.cameo] += 1
            pid = pattern_id(e.rule)
            if pid:
                fired[pid] += 1
    onto = load_ontology()
    codes = tuple(
        CodeCoverage(code=c.code, plover=c.plover, patterns=by_code[c.code],
                     intent_only=not by_code[c.code] and c.code in reached_by_intent, events=coded[c.code])
        for c in sorted(onto.codes.values(), key=lambda c: c.code)
        if len(c.code) > 2 and c.root != STATEMENT_ROOT
    )
    uses = tuple(PatternUse(id=p.id, code=p.code, text=p.text, events=fired[p.id]) for p in every)
    return Coverage(documents=n_docs, events=n_events, codes=codes, patterns=uses)


def render(cov: Coverage) -> str:
    """The coverage report as text: totals, then codes without a pattern, then unused patterns."""
    gaps = cov.codes_without_pattern
    unused = cov.unused_patterns
    covered = len(cov.codes) - len(gaps)
    lines = [
        f"CAMEO codes (roots 02-20, below root level): {len(cov.codes)}; with a pattern or reached as an intention: "
        f"{covered} ({covered / max(len(cov.codes), 1):.1%})",
        f"patterns: {len(cov.patterns)}; fired in {cov.documents} documents ({cov.events} events): "
        f"{len(cov.patterns) - len(unused)}; never fired: {len(unused)}",
        "",
        "codes with no pattern (code, PLOVER type, events):",
    ]
    lines += [f"  {c.code:<5} {c.plover or '-':<10} {c.events}" for c in gaps] or ["  (none)"]
    lines += ["", "patterns that never fired on these documents (id, code, pattern):"]
    lines += [f"  {p.id:<11} {p.code:<5} {p.text}" for p in unused] or ["  (none)"]
    return "\n".join(lines)
