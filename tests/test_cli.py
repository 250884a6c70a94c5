"""The command line: verbs, output formats and exit codes."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from dyadwatch.cli import cli
from dyadwatch.models import document_schema
from dyadwatch.pipeline import Stage, Work, run_guarded

from support import EVAL, GOLD, need_shared


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_stages_prints_table_and_checks_order():
    res = invoke("stages", "--json")
    assert res.exit_code == 0
    rows = [json.loads(x) for x in res.stdout.splitlines()]
    assert [r["stage"] for r in rows if r["default"]][:2] == ["extract.v1", "parse.v1"]
    assert "checked" in res.stderr


def test_extract_seeds_validate_and_score(tmp_path: Path):
    seeds = sorted(str(p) for p in need_shared("seeds").glob("*.txt"))
    out = tmp_path / "out.jsonl"
    res = subprocess.run([sys.executable, "-m", "dyadwatch", "extract", *seeds, "-o", str(out)], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    records = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 2
    for rec in records:
        jsonschema.validate(rec, document_schema())
    score = subprocess.run([sys.executable, str(EVAL / "score.py"), "--gold", str(GOLD), "--pred", str(out)],
                           capture_output=True, text=True)
    assert score.returncode == 0, score.stderr
    assert "documents.present                   2/2" in score.stdout


def test_extract_reads_stdin_and_jsonl(tmp_path: Path):
    res = CliRunner().invoke(cli, ["extract", "--stages", "extract", "-"], input="Hello from stdin.\n")
    assert res.exit_code == 0
    assert json.loads(res.stdout)["text"].startswith("Hello from stdin.")
    jl = tmp_path / "in.jsonl"
    jl.write_text(json.dumps({"id": "a", "text": "One."}) + "\n" + json.dumps({"id": "b", "text": "Two."}) + "\n")
    res = invoke("extract", "--stages", "extract", str(jl))
    assert [json.loads(x)["id"] for x in res.stdout.splitlines()] == ["a", "b"]


def test_failed_inputs_exit_1_with_reasons(tmp_path: Path):
    good = tmp_path / "good.txt"
    good.write_text("A real sentence about talks.")
    bad = tmp_path / "in.jsonl"
    bad.write_text("{not json}\n")
    res = subprocess.run([sys.executable, "-m", "dyadwatch", "extract", "--stages", "extract", str(good), str(bad),
                          str(tmp_path / "missing.txt")], capture_output=True, text=True)
    assert res.returncode == 1
    assert len(res.stdout.splitlines()) == 1
    assert "1 written" in res.stderr and "2 skipped" in res.stderr
    assert "bad-json" in res.stderr and "not-found" in res.stderr


def test_usage_errors_exit_2(tmp_path: Path):
    for args in (["extract", "--stages", "nonsense", "x.txt"], ["extract"], ["articles", "--db", str(tmp_path / "x"), "--limit", "0"]):
        res = subprocess.run([sys.executable, "-m", "dyadwatch", *args], capture_output=True, text=True)
        assert res.returncode == 2, (args, res.stderr)
        assert res.stderr.strip()


def test_query_on_missing_store_says_what_to_do(tmp_path: Path):
    res = subprocess.run([sys.executable, "-m", "dyadwatch", "articles", "--db", str(tmp_path / "none.duckdb")],
                         capture_output=True, text=True)
    assert res.returncode == 1
    assert "ingest" in res.stderr
    assert not (tmp_path / "none.duckdb").exists()


def test_one_failing_document_does_not_sink_its_batch():
    def picky(w: Work) -> Work:
        if "boom" in w.doc.text:
            raise RuntimeError("cannot handle this one")
        return w

    from dyadwatch.models import Document, InputRecord

    stage = Stage(name="picky", version=1, requires=("text",), provides=(), func=picky)
    items = [Work(input=InputRecord(text=t), doc=Document(id=t, text=t)) for t in ("fine", "boom", "also fine")]
    kept, broken = run_guarded(stage, items)
    assert [w.doc.id for w in kept] == ["fine", "also fine"]
    assert broken[0].reason == "internal-error:picky"
    assert "picky.v1" in broken[0].error and "RuntimeError" in broken[0].error
    assert "cannot handle this one" in broken[0].detail


@pytest.mark.parametrize("verb", ["articles", "actors", "quotes", "events"])
def test_listing_verbs_answer_json(verb: str, tmp_path: Path):
    db = tmp_path / "c.duckdb"
    doc = tmp_path / "d.txt"
    doc.write_text("Russia and Azerbaijan held talks in Baku on Monday.")
    assert invoke("ingest", str(doc), "--db", str(db)).exit_code == 0
    res = invoke(verb, "--db", str(db), "--json")
    assert res.exit_code == 0
    for line in res.stdout.splitlines():
        assert isinstance(json.loads(line), dict)
    if verb == "articles":
        assert len(res.stdout.splitlines()) == 1
