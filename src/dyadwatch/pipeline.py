"""Registered, versioned stages and the pipeline that runs them.

A stage is a frozen description (name, version, what it requires, what it provides) around
a plain module-level function over one `Work` item. Stages do no I/O: the runner reads and
writes. The default order is data (`data/pipeline.toml`); `check_pipeline` verifies that
each stage's requirements are provided by an earlier one.
"""
from __future__ import annotations

import importlib
import time
import tomllib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from .errors import UsageError
from .models import Document, InputRecord

# Modules that register stages when imported. Kept as names so that `dyadwatch stages`
# and light commands do not pay for spaCy until a stage runs.
STAGE_MODULES = (
    "dyadwatch.extract.stage",
    "dyadwatch.nlp",
    "dyadwatch.actors.stage",
    "dyadwatch.times.stage",
    "dyadwatch.quotes.stage",
    "dyadwatch.events.stage",
    "dyadwatch.nlp_ru",
    "dyadwatch.actors.russian",
    "dyadwatch.times.russian",
    "dyadwatch.quotes.russian",
    "dyadwatch.events.russian",
)
# The language the default stage list is written for; a document whose language is not
# known goes through it too (short texts often get no language).
BASE_LANGUAGE = "en"
# Why a document in a language no stage list exists for is passed on with its text only.
UNSUPPORTED = "unsupported-language"


@dataclass
class Work:
    """One document on its way through the stages.

    `doc` is the record being built; `parse` holds the spaCy Doc (or None) for the stages
    after parsing. Nothing else travels between stages (`spent` is the runner's clock).
    """

    input: InputRecord
    doc: Document
    parse: Any = None
    # Seconds of stage work spent on this document so far (held against the time budget).
    spent: float = 0.0


StageFunc = Callable[[Work], Work]
BatchFunc = Callable[[list[Work]], list[Work]]


@dataclass(frozen=True, kw_only=True)
class Stage:
    name: str
    version: int
    requires: tuple[str, ...]
    provides: tuple[str, ...]
    func: StageFunc
    batch: BatchFunc | None = None
    summary: str = ""

    @property
    def key(self) -> str:
        return f"{self.name}.v{self.version}"

    def run_many(self, items: list[Work]) -> list[Work]:
        if self.batch is not None:
            return self.batch(items)
        return [self.func(w) for w in items]


_REGISTRY: dict[str, Stage] = {}
_loaded = False


def register(
    name: str, version: int, *, requires: Iterable[str], provides: Iterable[str], batch: BatchFunc | None = None
) -> Callable[[StageFunc], StageFunc]:
    """Decorator: register `func` as stage `name.v<version>`."""

    def wrap(func: StageFunc) -> StageFunc:
        stage = Stage(
            name=name,
            version=version,
            requires=tuple(requires),
            provides=tuple(provides),
            func=func,
            batch=batch,
            summary=(func.__doc__ or "").strip().splitlines()[0] if func.__doc__ else "",
        )
        _REGISTRY[stage.key] = stage
        return func

    return wrap


def registry() -> dict[str, Stage]:
    global _loaded
    if not _loaded:
        for module in STAGE_MODULES:
            importlib.import_module(module)
        _loaded = True
    return dict(_REGISTRY)


def _pipeline_data() -> dict[str, Any]:
    text = resources.files("dyadwatch").joinpath("data/pipeline.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def default_stage_names() -> list[str]:
    return list(_pipeline_data()["stages"])


def language_variants() -> dict[str, dict[str, str]]:
    """Per language other than the base one: stage name -> the stage that stands in for it."""
    return {lang: dict(table) for lang, table in _pipeline_data().get("languages", {}).items()}


def supported_languages() -> list[str]:
    return [BASE_LANGUAGE, *sorted(language_variants())]


def for_language(stages: list[Stage], language: str | None) -> list[Stage] | None:
    """The stage list a document in `language` goes through (None: the language has none).

    Each stage of the base list is replaced by its language's variant where the language
    names one (`[languages.xx]` in data/pipeline.toml); a variant requires and provides what
    the stage it replaces does, so a prefix of the base list stays a valid prefix.
    """
    if language in (None, BASE_LANGUAGE):
        return stages
    variants = language_variants().get(language)
    if variants is None:
        return None
    return [resolve(variants[s.name]) if s.name in variants else s for s in stages]


def resolve(name: str) -> Stage:
    """A stage by `name.vN`, or by bare `name` for its newest version."""
    reg = registry()
    if name in reg:
        return reg[name]
    versions = [s for s in reg.values() if s.name == name]
    if not versions:
        known = ", ".join(sorted({s.name for s in reg.values()}))
        raise UsageError(f"unknown stage {name!r}; known stages: {known}")
    return max(versions, key=lambda s: s.version)


def check_pipeline(stages: list[Stage]) -> list[str]:
    """Problems with this stage order (empty when it is sound)."""
    have = {"input"}
    problems = []
    for s in stages:
        missing = [r for r in s.requires if r not in have]
        if missing:
            problems.append(f"{s.key} requires {', '.join(missing)}, which no earlier stage provides")
        have.update(s.provides)
    return problems


def build(names: Iterable[str] | None = None) -> list[Stage]:
    """The stages to run: the default list, or the given prefix of it.

    `--stages extract` or `--stages extract,parse,actors` select the first stages of the
    default pipeline; a name may carry a version (`actors.v1`).
    """
    default = [resolve(n) for n in default_stage_names()]
    if names is None:
        return default
    wanted = [n.strip() for n in names if n.strip()]
    if not wanted:
        raise UsageError("--stages needs at least one stage name, e.g. --stages extract")
    chosen = [resolve(n) for n in wanted]
    problems = check_pipeline(chosen)
    if problems:
        raise UsageError("; ".join(problems) + ". Name a prefix of the default pipeline: " + ",".join(s.name for s in default))
    return chosen


@dataclass
class Outcome:
    """What became of one input: a record, or the reason it was skipped (a record that was
    only partly processed carries both: its reason is counted as a skip).

    `detail` holds the traceback of an unexpected failure (`internal-error:<stage>`), shown
    under `--verbose` or written to the log file, never in the one-line summary.
    """

    input: InputRecord
    doc: Document | None = None
    error: str | None = None
    reason: str | None = None
    detail: str | None = None


# Seconds of work one document may take through all stages before it is skipped as
# `too-slow`. The slowest real page of both extraction benchmarks takes under 5 s through
# the whole pipeline on a loaded 2-core machine; hostile pages took minutes before their
# work was bounded. None turns the budget off.
DOCUMENT_BUDGET = 60.0


@dataclass
class Pipeline:
    stages: list[Stage] = field(default_factory=build)
    batch_size: int = 32
    budget: float | None = DOCUMENT_BUDGET

    @property
    def keys(self) -> list[str]:
        return [s.key for s in self.stages]

    def run(self, inputs: Iterable[InputRecord]) -> Iterator[Outcome]:
        """Run every input through the stages, in batches; a failing input is reported, not raised."""
        batch: list[InputRecord] = []
        for inp in inputs:
            batch.append(inp)
            if len(batch) >= self.batch_size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def _run_batch(self, inputs: list[InputRecord]) -> Iterator[Outcome]:
        items = [Work(input=inp, doc=Document(id=inp.id or "pending")) for inp in inputs]
        first, rest = self.stages[0], self.stages[1:]
        items, failed = run_guarded(first, items, self.budget)
        groups: dict[str | None, list[Work]] = {}
        for w in items:
            groups.setdefault(w.doc.language, []).append(w)
        done: dict[int, Outcome] = {}
        for language, group in groups.items():
            stages = for_language(self.stages, language)
            if stages is None and rest:
                for w in group:
                    done[id(w)] = unsupported(w, first)
                continue
            stages = stages or [first]
            for stage in stages[1:]:
                group, broken = run_guarded(stage, group, self.budget)
                failed.extend(broken)
            for w in group:
                w.doc.stages = [s.key for s in stages]
                done[id(w)] = Outcome(input=w.input, doc=w.doc)
        yield from (done[id(w)] for w in items if id(w) in done)
        yield from failed


def unsupported(work: Work, first: Stage) -> Outcome:
    """A document in a language with no stages: its text and metadata, a note saying why
    nothing else was found, and the skip reason the runner counts."""
    supported = ", ".join(supported_languages())
    message = (f"language {work.doc.language!r} is not supported (supported: {supported}); "
               "kept its text and metadata only: no actors, times, quotations or events")
    work.doc.notes = [*work.doc.notes, f"{UNSUPPORTED}: {message}"]
    work.doc.stages = [first.key]
    return Outcome(input=work.input, doc=work.doc, error=message, reason=UNSUPPORTED)


def run_guarded(stage: Stage, items: list[Work], budget: float | None = None) -> tuple[list[Work], list[Outcome]]:
    """Run a stage over a batch so that one bad document costs only itself.

    A stage with a batch function runs the whole batch first (within one document's budget);
    if that fails or runs out of time, and for every other stage, documents run one by one,
    each within what is left of its `budget` of seconds. A document the stage refuses on
    purpose (InputError) is skipped with the stage's reason, one over its budget with
    `too-slow`, and any other exception is `internal-error:<stage>`.
    """
    from .guard import TooSlow, time_limit

    if not items:
        return [], []
    if stage.batch is not None and len(items) > 1:
        start = time.monotonic()
        try:
            with time_limit(budget):
                done = stage.run_many(items)
        except (Exception, TooSlow):  # noqa: BLE001 - a runner boundary: retried one by one below
            pass
        else:
            share = (time.monotonic() - start) / len(items)
            for w in done:
                w.spent += share
            return done, []
    kept: list[Work] = []
    broken: list[Outcome] = []
    for w in items:
        start = time.monotonic()
        try:
            with time_limit(None if budget is None else budget - w.spent):
                done = stage.run_many([w])
        except (Exception, TooSlow) as e:  # noqa: BLE001 - a runner boundary: one document's failure is reported, not raised
            broken.append(stage_failure(stage, w, e))
            continue
        w.spent += time.monotonic() - start
        kept.extend(done)
    return kept, broken


def stage_failure(stage: Stage, work: Work, exc: BaseException) -> Outcome:
    """The skip for a document a stage failed on: its own reason, or an internal error."""
    from .errors import InputError
    from .guard import TooSlow, describe_failure

    if isinstance(exc, InputError):
        return Outcome(input=work.input, error=str(exc), reason=exc.reason)
    if isinstance(exc, TooSlow):
        return Outcome(input=work.input, error=f"stage {stage.key}: {exc}; skipped so that the batch goes on",
                       reason="too-slow")
    reason, message, detail = describe_failure(stage.name, exc)
    return Outcome(input=work.input, error=f"stage {stage.key}: {message}", reason=reason, detail=detail)


def run_text(text: str, **given: Any) -> Document:
    """Convenience for tests and the API: one plain text through the default pipeline."""
    inp = InputRecord(text=text, **given)
    (out,) = list(Pipeline().run([inp]))
    if out.doc is None:
        raise UsageError(f"input was skipped: {out.error}")
    return out.doc
