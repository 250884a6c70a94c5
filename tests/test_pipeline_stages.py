"""The stage registry and the pipeline built from it."""
from __future__ import annotations

import pytest

from dyadwatch.errors import UsageError
from dyadwatch.models import InputRecord
from dyadwatch.pipeline import Pipeline, Stage, build, check_pipeline, default_stage_names, registry, resolve


def test_default_pipeline_is_registered_and_ordered():
    stages = build()
    assert [s.key for s in stages] == default_stage_names()
    assert check_pipeline(stages) == []
    assert all(s.summary for s in stages), "every stage says what it does"


def test_unversioned_name_selects_newest_version():
    assert resolve("extract").key == "extract.v1"
    assert resolve("extract.v1").key == "extract.v1"


def test_unknown_stage_names_the_known_ones():
    with pytest.raises(UsageError, match="known stages: .*extract"):
        resolve("nonsense")


def test_prefix_must_satisfy_requirements():
    assert [s.key for s in build(["extract"])] == ["extract.v1"]
    with pytest.raises(UsageError, match="requires parse"):
        build(["extract", "actors"])


def test_check_reports_missing_requirement():
    def noop(w):
        return w

    a = Stage(name="a", version=1, requires=("input",), provides=("x",), func=noop)
    b = Stage(name="b", version=1, requires=("y",), provides=("z",), func=noop)
    assert check_pipeline([a, b]) == ["b.v1 requires y, which no earlier stage provides"]


def test_extract_only_keeps_given_text_and_fields():
    text = "Plain text stays as given.\n\nOffsets depend on it."
    pipe = Pipeline(stages=build(["extract"]))
    (out,) = list(pipe.run([InputRecord(id="doc-1", text=text, published="2025-01-07", title="T")]))
    assert out.doc.text == text
    assert (out.doc.id, out.doc.published, out.doc.title) == ("doc-1", "2025-01-07", "T")
    assert out.doc.stages == ["extract.v1"]


def test_every_stage_module_registers():
    keys = set(registry())
    assert {"extract.v1", "parse.v1", "actors.v1", "times.v1", "quotes.v1", "events.v1"} <= keys
