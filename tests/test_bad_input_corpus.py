"""A corpus of broken inputs: each gets its stable skip reason, and the run goes on."""
from __future__ import annotations

import gzip
import io
import socket
import tomllib
from collections import Counter
from pathlib import Path

import pytest

from dyadwatch.pipeline import Pipeline, build
from dyadwatch.readers import MAX_INPUT_BYTES
from dyadwatch.runner import Report, process

CORPUS = Path(__file__).parent / "bad_inputs"
EXPECTED: dict[str, str | list[str]] = tomllib.loads((CORPUS / "expected.toml").read_text(encoding="utf-8"))["files"]
GOOD = ("Transit talks resume in Baku\n\n"
        "Officials from Azerbaijan and Kazakhstan resumed talks on Caspian transit routes in Baku on Monday, "
        "the foreign ministry said.\n\nThe next round is planned for the spring, according to the statement.")
# Generated once per test in tmp_path: name -> expected reason.
GENERATED = {
    "huge-page.html": "too-large",
    "cut.html.gz": "truncated",
    "cut.warc.gz": "truncated",
}
URLS = {
    "http://": "invalid-url",
    "http://bad host.example/": "invalid-url",
    "gopher://example.com/1": "invalid-url",
    "http://169.254.169.254/latest/meta-data/": "private-address",
    "http://127.0.0.1:9/": "private-address",
}


def reasons(report: Report) -> Counter:
    return Counter(report.skipped)


def run_extract(args: list[str]) -> tuple[list, Report]:
    report = Report()
    docs = list(process(args, pipeline=Pipeline(stages=build(["extract"])), report=report))
    return docs, report


def expected_list(value: str | list[str]) -> list[str]:
    return value if isinstance(value, list) else [value]


def make_generated(folder: Path) -> None:
    page = b"<!doctype html><html><body>" + b"<p>" + b"Officials met again today. " * 40 + b"</p>"
    with (folder / "huge-page.html").open("wb") as fh:  # 50 MB, written in pieces
        piece = page * 2000
        while fh.tell() < 50 * 1024 * 1024:
            fh.write(piece)
    whole = gzip.compress(GOOD.encode() * 50)
    (folder / "cut.html.gz").write_bytes(whole[: len(whole) // 2])
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    body = f"<html><body><p>{GOOD}</p></body></html>".encode()
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://news.example/1", "response", payload=io.BytesIO(body),
                                                  length=len(body), http_headers=headers))
    (folder / "cut.warc.gz").write_bytes(buf.getvalue()[:-40])


@pytest.fixture
def no_connections(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a refused URL must not be connected to")

    monkeypatch.setattr(socket, "create_connection", refuse)


def test_bad_input_manifest_names_every_corpus_file():
    on_disk = {p.name for p in CORPUS.iterdir() if p.name != "expected.toml"}
    assert on_disk == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_input_file_gets_its_reason(name: str):
    docs, report = run_extract([str(CORPUS / name)])
    assert docs == []
    assert reasons(report) == Counter(expected_list(EXPECTED[name]))
    assert all(name in m for m in report.messages), report.messages


@pytest.mark.parametrize("url", sorted(URLS))
def test_bad_input_url_gets_its_reason(no_connections, url: str):
    docs, report = run_extract([url])
    assert docs == [] and reasons(report) == Counter([URLS[url]])


def test_bad_input_generated_cases_get_their_reasons(tmp_path: Path):
    make_generated(tmp_path)
    assert (tmp_path / "huge-page.html").stat().st_size > MAX_INPUT_BYTES
    for name, reason in GENERATED.items():
        docs, report = run_extract([str(tmp_path / name)])
        assert reasons(report) == Counter([reason]), name


def test_bad_input_whole_corpus_in_one_run_goes_on(tmp_path: Path, no_connections):
    make_generated(tmp_path)
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    args = [str(CORPUS / n) for n in sorted(EXPECTED)] + [str(tmp_path / n) for n in GENERATED]
    args[len(args) // 2:len(args) // 2] = [str(tmp_path / "good.txt")]
    docs, report = run_extract(args + sorted(URLS) + [str(tmp_path / "missing.txt")])
    assert [d.title for d in docs] == ["Transit talks resume in Baku"]
    want = Counter()
    for value in EXPECTED.values():
        want.update(expected_list(value))
    want.update(GENERATED.values())
    want.update(URLS.values())
    want["not-found"] += 1
    assert reasons(report) == want
    assert report.failed == sum(want.values())
