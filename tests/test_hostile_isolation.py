"""One document's failure, wherever it happens, is a counted skip and the batch goes on."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from click.testing import CliRunner

from dyadwatch.cli import cli
from dyadwatch.errors import InputError
from dyadwatch.models import Document, InputRecord
from dyadwatch.pipeline import Pipeline, Stage, Work, build
from dyadwatch.readers import Skipped, guarded
from dyadwatch.runner import Report, process


def text_stage(name: str, fail_on: str, exc: Exception) -> Stage:
    def run(w: Work) -> Work:
        if fail_on in (w.input.text or ""):
            raise exc
        w.doc = Document(id=w.input.id or "x", text=w.input.text)
        return w

    return Stage(name=name, version=1, requires=("input",), provides=("text",), func=run)


def test_isolation_unexpected_exception_in_a_stage_is_internal_error_with_its_type():
    pipeline = Pipeline(stages=[text_stage("shaky", "kaboom", KeyError("lost"))], batch_size=8)
    inputs = [InputRecord(id=str(n), text=t) for n, t in enumerate(["a calm one", "kaboom here", "another calm one"])]
    outs = list(pipeline.run(inputs))
    done = [o.doc.id for o in outs if o.doc]
    failed = [o for o in outs if o.doc is None]
    assert done == ["0", "2"]
    assert [o.reason for o in failed] == ["internal-error:shaky"]
    assert "KeyError" in failed[0].error and "Traceback" in failed[0].detail


def test_isolation_input_error_from_any_stage_keeps_its_own_reason():
    later = text_stage("language-check", "xx-only", InputError("unsupported-language", "no stages for this language"))
    pipeline = Pipeline(stages=[text_stage("first", "never", ValueError()), later])
    outs = list(pipeline.run([InputRecord(id="1", text="xx-only words"), InputRecord(id="2", text="fine")]))
    assert Counter(o.reason for o in outs) == Counter({"unsupported-language": 1, None: 1})
    assert all(o.detail is None for o in outs)


def test_isolation_a_reader_that_breaks_costs_only_its_input():
    def broken_reader():
        yield InputRecord(id="before", text="kept")
        raise OverflowError("a container went wrong")

    items = list(guarded(broken_reader(), "odd.bin"))
    assert isinstance(items[0], InputRecord)
    assert isinstance(items[1], Skipped) and items[1].reason == "internal-error:read"
    assert "OverflowError" in items[1].message and "a container went wrong" in items[1].detail


def test_isolation_cli_shows_tracebacks_only_when_asked(tmp_path: Path, monkeypatch):
    import dyadwatch.extract.stage as extract_stage

    real = extract_stage.extract_content

    def flaky(inp):
        if inp.path and inp.path.endswith("bad.txt"):
            raise ZeroDivisionError("invented failure")
        return real(inp)

    monkeypatch.setattr(extract_stage, "extract_content", flaky)
    (tmp_path / "bad.txt").write_text("Officials met in Baku on Monday to talk about transit.", encoding="utf-8")
    (tmp_path / "good.txt").write_text("Officials met in Astana on Tuesday to talk about grain.", encoding="utf-8")
    args = ["extract", "--stages", "extract", str(tmp_path / "bad.txt"), str(tmp_path / "good.txt")]
    quiet = CliRunner().invoke(cli, args)
    assert quiet.exit_code == 1
    assert "internal-error:extract: 1" in quiet.stderr and "Traceback" not in quiet.stderr
    assert len(quiet.stdout.splitlines()) == 1
    loud = CliRunner().invoke(cli, [*args, "--verbose"])
    assert "Traceback" in loud.stderr and "ZeroDivisionError" in loud.stderr
    log = tmp_path / "run.log"
    CliRunner().invoke(cli, [*args, "--log", str(log)])
    assert "invented failure" in log.read_text(encoding="utf-8")


def test_isolation_report_keeps_counts_and_details_apart():
    report = Report()
    docs = list(process([str(Path(__file__).parent / "bad_inputs" / "empty.txt")],
                        pipeline=Pipeline(stages=build(["extract"])), report=report))
    assert docs == [] and report.skipped == Counter({"empty": 1}) and report.details == []


def test_isolation_a_document_over_its_time_budget_is_too_slow_and_the_rest_go_on():
    import time

    def dawdle(w: Work) -> Work:
        if "slow" in (w.input.text or ""):
            try:
                time.sleep(30)
            except Exception:  # a stage that swallows everything still cannot keep the time
                pass
        w.doc = Document(id=w.input.id or "x", text=w.input.text)
        return w

    stage = Stage(name="dawdle", version=1, requires=("input",), provides=("text",), func=dawdle)
    pipeline = Pipeline(stages=[stage], budget=0.5)
    started = time.monotonic()
    outs = list(pipeline.run([InputRecord(id="1", text="quick"), InputRecord(id="2", text="slow one"),
                              InputRecord(id="3", text="quick too")]))
    assert time.monotonic() - started < 10
    assert sorted(o.doc.id for o in outs if o.doc) == ["1", "3"]
    assert [o.reason for o in outs if o.doc is None] == ["too-slow"]
