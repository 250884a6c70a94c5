"""How far to trust an event: a confidence in [0, 1] from the evidence it was coded on.

The evidence is a short list of factors, each a word a reader can check against the
sentence: how the pattern matched (a verb or a noun, how many of its conditions held, a
stated intention), how each side was found (a named state, person or organisation, a group
the coder named from the text, a country read from the context, nobody), how the date was
found (in the act's own clause, or the publication date standing in), whether the act is
reported, how many pairs the one predicate gave, and the PLOVER type. A logistic model over
these factors, fitted on the development set (`bench/confidence.py`), turns them into a
probability that the event is right; its weights live in `data/events/confidence.toml`.
"""
from __future__ import annotations

import math
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..models import Actor

WEIGHTS_FILE = "data/events/confidence.toml"
# Ids of groups the coder names from a phrase of the text (see events.sides.GROUP_ID_PREFIX).
GROUP_PREFIXES = ("group:",)


@dataclass(frozen=True)
class Weights:
    intercept: float
    factors: dict[str, float]
    calibrated_on: str = ""


@lru_cache(maxsize=1)
def load_weights() -> Weights:
    text = resources.files("dyadwatch").joinpath(WEIGHTS_FILE).read_text(encoding="utf-8")
    return parse_weights(text)


def parse_weights(text: str) -> Weights:
    data = tomllib.loads(text)
    model = data.get("model", {})
    return Weights(intercept=float(model.get("intercept", 0.0)),
                   factors={str(k): float(v) for k, v in data.get("factors", {}).items()},
                   calibrated_on=str(model.get("calibrated_on", "")))


def side_factor(role: str, actor: Actor | None, basis: str | None) -> str:
    """How one side was found: `source:state`, `target:group`, `source:placed` ..."""
    if actor is None:
        return f"{role}:none"
    if actor.id.startswith(GROUP_PREFIXES):
        kind = "placed-group" if actor.country else "group"
    elif basis:
        kind = "placed"  # a titled person or an institution whose country came from the context
    else:
        kind = {"COUNTRY": "state", "PERSON": "person", "LOCATION": "place"}.get(actor.type, "org")
    return f"{role}:{kind}"


def date_factor(precision: str | None) -> str:
    if precision in (None, "none"):
        return "date:none"
    return "date:publication" if precision == "anchor" else "date:clause"


def event_factors(*, code: str, plover: str | None, specificity: int, nominal: bool, origin: str, intent: bool,
                  source: Actor | None, source_basis: str | None, target: Actor | None, target_basis: str | None,
                  precision: str | None, reported: bool, pairs: int) -> tuple[str, ...]:
    """The evidence of one event as factor words, in a fixed order."""
    how = "frame" if origin == "frames" else "noun" if nominal else "verb"
    out = [f"pattern:{how}", "pattern:specific" if specificity else "pattern:bare",
           side_factor("source", source, source_basis), side_factor("target", target, target_basis),
           date_factor(precision), f"type:{(plover or code[:2]).upper()}"]
    if intent:
        out.append("pattern:intent")
    if reported:
        out.append("reported")
    if pairs > 1:
        out.append("pairs:several")
    return tuple(out)


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x)) if x >= 0 else math.exp(x) / (1.0 + math.exp(x))


def confidence_of(factors: Iterable[str], weights: Weights | None = None) -> float:
    """The probability that an event with these factors is right, rounded to 3 places."""
    w = weights or load_weights()
    return round(_sigmoid(w.intercept + sum(w.factors.get(f, 0.0) for f in factors)), 3)


def explain_confidence(factors: Sequence[str], weights: Weights | None = None) -> str:
    """'0.71 = base -0.40, source:state +1.10, ...': how the figure was reached."""
    w = weights or load_weights()
    parts = [f"base {w.intercept:+.2f}"] + [f"{f} {w.factors.get(f, 0.0):+.2f}" for f in factors]
    return f"{confidence_of(factors, w):.2f} = logistic({', '.join(parts)})"


# Fitting (used by bench/confidence.py on the development set; pure, no I/O).
L2 = 1.0          # ridge penalty on factor weights (not the intercept): keeps rare factors near 0
STEPS = 3000
RATE = 0.5


def fit(samples: Sequence[tuple[Sequence[str], bool]], *, l2: float = L2, steps: int = STEPS, rate: float = RATE) -> Weights:
    """Logistic regression of right/wrong on factor indicators, by full-batch gradient descent."""
    names = sorted({f for fs, _ in samples for f in fs})
    index = {f: k for k, f in enumerate(names)}
    rows = [[index[f] for f in set(fs)] for fs, _ in samples]
    ys = [1.0 if y else 0.0 for _, y in samples]
    n = max(len(samples), 1)
    w = [0.0] * len(names)
    b = 0.0
    for _ in range(steps):
        gw = [0.0] * len(names)
        gb = 0.0
        for r, y in zip(rows, ys):
            err = _sigmoid(b + sum(w[k] for k in r)) - y
            gb += err
            for k in r:
                gw[k] += err
        b -= rate * gb / n
        w = [wk - rate * (g / n + l2 * wk / n) for wk, g in zip(w, gw)]
    return Weights(intercept=round(b, 4), factors={f: round(w[index[f]], 4) for f in names})


def render_weights(w: Weights, header: str) -> str:
    lines = [*(f"# {h}" if h else "#" for h in header.splitlines()), "", "[model]",
             f"intercept = {w.intercept}", f'calibrated_on = "{w.calibrated_on}"', "", "[factors]"]
    lines += [f'"{f}" = {v}' for f, v in sorted(w.factors.items())]
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Bin:
    low: float
    high: float
    events: int
    right: int

    @property
    def share(self) -> float | None:
        return self.right / self.events if self.events else None


def reliability(scored: Sequence[tuple[float, bool]], edges: Sequence[float] = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)) -> list[Bin]:
    """Confidence bins against the share of their events that are right."""
    bins = []
    for k, (lo, hi) in enumerate(zip(edges, edges[1:])):
        last = k == len(edges) - 2
        inside = [y for c, y in scored if lo <= c < hi or (last and c == hi)]
        bins.append(Bin(lo, hi, len(inside), sum(inside)))
    return bins
