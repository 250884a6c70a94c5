"""Reading inputs: files, directories, globs, stdin, JSON Lines, gzip, feeds, WARC and URLs.

URL tests talk only to an HTTP server that the test starts on 127.0.0.1 (reached with
allow_private=True); refusals of private addresses are checked without connecting.
"""
from __future__ import annotations

import gzip
import io
import json
import socket
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from dyadwatch import fetch
from dyadwatch.errors import InputError
from dyadwatch.extract.stage import extract_document
from dyadwatch.models import InputRecord
from dyadwatch.readers import Skipped, read_inputs

STORY = ("Officials in Baku and Ankara signed a transit agreement on Friday, the two foreign ministries said. "
         "The deal covers rail freight through Georgia and will be reviewed in a year.")
PAGE = f"<!doctype html><html><head><title>Transit deal signed</title></head><body><article><h1>Transit deal signed</h1><p>{STORY}</p></article></body></html>"


def records(items) -> list[InputRecord]:
    return [x for x in items if isinstance(x, InputRecord)]


def skips(items) -> list[Skipped]:
    return [x for x in items if isinstance(x, Skipped)]


# --- files ---------------------------------------------------------------------------------

def test_readers_directory_is_read_recursively_and_hidden_files_skipped(tmp_path: Path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "b").mkdir()
    (tmp_path / "one.txt").write_text(STORY)
    (tmp_path / "a" / "b" / "two.html").write_text(PAGE)
    (tmp_path / "a" / ".hidden.txt").write_text(STORY)
    got = records(read_inputs([str(tmp_path)]))
    assert [Path(r.path).name for r in got] == ["two.html", "one.txt"]
    assert [r.content_type for r in got] == ["text/html", "text/plain"]


def test_readers_glob_and_missing_pattern(tmp_path: Path):
    for name in ("x1.txt", "x2.txt", "y.txt"):
        (tmp_path / name).write_text(STORY)
    items = list(read_inputs([str(tmp_path / "x*.txt"), str(tmp_path / "nothing*.txt")]))
    assert [Path(r.path).name for r in records(items)] == ["x1.txt", "x2.txt"]
    assert [s.reason for s in skips(items)] == ["not-found"]


def test_readers_stdin_bytes(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(STORY.encode("cp1251"))))
    (rec,) = list(read_inputs(["-"]))
    assert rec.path == "<stdin>" and rec.data == STORY.encode("cp1251")


def test_readers_stdin_jsonl(monkeypatch):
    lines = json.dumps({"id": "a", "text": STORY}) + "\n" + json.dumps({"id": "b", "html": PAGE}) + "\n"
    monkeypatch.setattr(sys, "stdin", io.StringIO(lines))
    got = list(read_inputs(["-"], "jsonl"))
    assert [(r.id, r.text is not None, r.html is not None) for r in got] == [("a", True, False), ("b", False, True)]


def test_readers_jsonl_bad_lines_are_counted_and_the_rest_read(tmp_path: Path):
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join([json.dumps({"id": "ok", "text": STORY, "published": "2024-01-05"}), "{not json",
                               json.dumps(["a list"]), json.dumps({"id": "none"})]) + "\n")
    items = list(read_inputs([str(path)]))
    assert [r.id for r in records(items)] == ["ok"]
    assert records(items)[0].published == "2024-01-05"
    assert [s.reason for s in skips(items)] == ["bad-json"] * 3


def test_readers_gzip_file_is_opened_by_its_inner_name(tmp_path: Path):
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(PAGE.encode()))
    (tmp_path / "pages.jsonl.gz").write_bytes(gzip.compress((json.dumps({"id": "z", "text": STORY}) + "\n").encode()))
    got = records(read_inputs([str(tmp_path / "page.html.gz"), str(tmp_path / "pages.jsonl.gz")]))
    assert got[0].content_type == "text/html" and got[0].data == PAGE.encode()
    assert got[1].id == "z"


# --- WARC ----------------------------------------------------------------------------------

def write_warc(path: Path, pages: list[tuple[str, str, bytes]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=path.suffix == ".gz")
        for url, ctype, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), length=len(body),
                                                    http_headers=headers))


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_readers_warc_html_responses_become_records(tmp_path: Path, name: str):
    path = tmp_path / name
    write_warc(path, [("https://news.example/a", "text/html; charset=utf-8", PAGE.encode()),
                      ("https://news.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n"),
                      ("https://news.example/b", "text/html", PAGE.replace("Friday", "Monday").encode())])
    got = list(read_inputs([str(path)]))
    assert [r.url for r in got] == ["https://news.example/a", "https://news.example/b"]
    assert all(r.path == str(path) for r in got)
    doc = extract_document(got[0])
    assert "transit agreement" in doc.text


def test_readers_truncated_warc_gz_keeps_pages_before_the_break(tmp_path: Path):
    whole = tmp_path / "whole.warc.gz"
    write_warc(whole, [(f"https://news.example/{i}", "text/html", (PAGE + f"<!-- {i} -->").encode() * 30) for i in range(3)])
    data = whole.read_bytes()
    for share in (0.3, 0.5, 0.8, 0.97):
        cut = tmp_path / f"cut{share}.warc.gz"
        cut.write_bytes(data[: int(len(data) * share)])
        items = list(read_inputs([str(cut)]))
        assert len(records(items)) < 3, share
        assert [s.reason for s in skips(items)] == ["truncated"], share


def test_readers_truncated_plain_warc_is_reported(tmp_path: Path):
    whole = tmp_path / "whole.warc"
    write_warc(whole, [(f"https://news.example/{i}", "text/html", PAGE.encode() * 20) for i in range(3)])
    data = whole.read_bytes()
    for share in (0.1, 0.34, 0.5, 0.95):
        cut = tmp_path / "cut.warc"
        cut.write_bytes(data[: int(len(data) * share)])
        assert [s.reason for s in skips(read_inputs([str(cut)]))] == ["truncated"], share


# --- feeds ---------------------------------------------------------------------------------

def rss(items: list[tuple[str, str, str]]) -> str:
    entries = "".join(
        f"<item><title>{t}</title><link>{link}</link><pubDate>Fri, 05 Jan 2024 09:30:00 +0300</pubDate>"
        f"<description><![CDATA[{body}]]></description></item>" for t, link, body in items)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Example wire</title>{entries}</channel></rss>'


def test_readers_full_text_feed_items_need_no_fetching(tmp_path: Path, monkeypatch):
    long_body = "<p>" + " ".join([STORY] * 10) + "</p>"
    path = tmp_path / "wire.rss"
    path.write_text(rss([("Transit deal signed", "https://news.example/a", long_body)]))
    monkeypatch.setattr(fetch, "fetch_url", lambda *a, **k: pytest.fail("a full-text item must not be fetched"))
    (rec,) = list(read_inputs([str(path)]))
    assert rec.title == "Transit deal signed"
    assert rec.published == "2024-01-05T06:30:00+00:00"
    assert rec.html == long_body and rec.url == "https://news.example/a"


def test_readers_atom_feed_in_xml_file_is_recognised(tmp_path: Path, monkeypatch):
    long_body = " ".join([STORY] * 10)
    atom = ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title>'
            '<entry><title>Atom item</title><link href="https://news.example/atom1"/><updated>2024-02-01T10:00:00Z</updated>'
            f'<author><name>Maria Ivanova</name></author><content type="html">{long_body}</content></entry></feed>')
    (tmp_path / "desk.xml").write_text(atom)
    (rec,) = list(read_inputs([str(tmp_path / "desk.xml")]))
    assert (rec.title, rec.authors, rec.published) == ("Atom item", ["Maria Ivanova"], "2024-02-01T10:00:00+00:00")


def test_readers_broken_feed_is_a_counted_skip(tmp_path: Path):
    (tmp_path / "broken.rss").write_text('<?xml version="1.0"?><rss><channel><title>x</title>')
    assert [s.reason for s in read_inputs([str(tmp_path / "broken.rss")])] == ["bad-feed"]


# --- URLs (local server only) ------------------------------------------------------------------

class Handler(BaseHTTPRequestHandler):
    routes: dict = {}

    def log_message(self, *args) -> None:  # keep test output quiet
        pass

    def do_GET(self) -> None:
        route = self.routes.get(self.path.split("?")[0])
        if route is None:
            self.send_error(404)
            return
        status, headers, body = route(self) if callable(route) else route
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        if body is not None and "Content-Length" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body:
            self.wfile.write(body)


@pytest.fixture
def server() -> Iterator[tuple[str, dict]]:
    routes: dict = {}
    handler = type("RouteHandler", (Handler,), {"routes": routes})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", routes
    finally:
        httpd.shutdown()
        httpd.server_close()


def only(items) -> InputRecord | Skipped:
    (item,) = list(items)
    return item


def test_readers_url_page_is_fetched_through_redirects(server):
    base, routes = server
    routes["/page"] = (200, {"Content-Type": "text/html; charset=utf-8"}, PAGE.encode())
    routes["/old"] = (301, {"Location": "/page"}, b"")
    rec = only(read_inputs([base + "/old"], allow_private=True))
    assert rec.url == base + "/page" and rec.data == PAGE.encode()
    assert rec.content_type.startswith("text/html")
    assert "transit agreement" in extract_document(rec).text


def test_readers_url_gzip_body_is_decoded(server):
    base, routes = server
    routes["/gz"] = (200, {"Content-Type": "text/html", "Content-Encoding": "gzip"}, gzip.compress(PAGE.encode()))
    assert only(read_inputs([base + "/gz"], allow_private=True)).data == PAGE.encode()


def test_readers_url_charset_from_header_reaches_the_decoder(server):
    base, routes = server
    text = "Министр заявил, что переговоры продолжатся на следующей неделе в Баку и в Москве."
    routes["/ru"] = (200, {"Content-Type": "text/plain; charset=koi8-r"}, text.encode("koi8_r"))
    rec = only(read_inputs([base + "/ru"], allow_private=True))
    assert extract_document(rec).text == text


@pytest.mark.parametrize("route, reason", [
    ((404, {}, None), "http-error"),
    ((200, {"Content-Type": "application/pdf"}, b"%PDF-1.4"), "unsupported-type"),
    ((200, {"Content-Type": "text/html", "Content-Length": str(10**9)}, b""), "too-large"),
    ((302, {}, b""), "http-error"),
])
def test_readers_url_failures_are_counted_skips(server, route, reason):
    base, routes = server
    routes["/x"] = route
    item = only(read_inputs([base + "/x"], allow_private=True))
    assert isinstance(item, Skipped) and item.reason == reason


def test_readers_url_redirect_loop_stops_at_the_limit(server):
    base, routes = server
    routes["/loop"] = (302, {"Location": "/loop"}, b"")
    item = only(read_inputs([base + "/loop"], allow_private=True))
    assert item.reason == "too-many-redirects"


def test_readers_url_body_over_the_cap_is_refused(server, monkeypatch):
    base, routes = server
    monkeypatch.setattr(fetch, "MAX_FETCH_BYTES", 1000)
    routes["/big"] = (200, {"Content-Type": "text/html"}, b"<p>" + b"x" * 5000 + b"</p>")
    assert only(read_inputs([base + "/big"], allow_private=True)).reason == "too-large"


def test_readers_url_slow_server_times_out(server, monkeypatch):
    base, routes = server
    monkeypatch.setattr(fetch, "CONNECT_TIMEOUT", 0.3)

    def slow(handler):
        time.sleep(1.0)
        return 200, {"Content-Type": "text/html"}, PAGE.encode()

    routes["/slow"] = slow
    assert only(read_inputs([base + "/slow"], allow_private=True)).reason == "timeout"


def test_readers_url_redirect_to_a_private_address_is_refused(server, monkeypatch):
    base, routes = server
    routes["/hop"] = (302, {"Location": "http://169.254.169.254/latest/meta-data/"}, b"")
    # Only the test server itself is let through, so that the first hop can be made; the
    # check runs again on the redirect target, which must be refused.
    real_resolve = fetch.resolve
    monkeypatch.setattr(fetch, "resolve", lambda host, port, allow: real_resolve(host, port, host == "127.0.0.1"))
    item = only(read_inputs([base + "/hop"]))
    assert item.reason == "private-address"


def test_readers_feed_url_yields_its_items_pages(server):
    base, routes = server
    routes["/feed"] = (200, {"Content-Type": "application/rss+xml"},
                       rss([("Transit deal signed", base + "/a", "teaser"), ("Gone", base + "/missing", "teaser")]).encode())
    routes["/a"] = (200, {"Content-Type": "text/html"}, PAGE.encode())
    items = list(read_inputs([base + "/feed"], allow_private=True))
    (rec,) = records(items)
    assert rec.url == base + "/a" and rec.title == "Transit deal signed" and rec.published.startswith("2024-01-05")
    assert [s.reason for s in skips(items)] == ["http-error"]


@pytest.fixture
def no_connections(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a refused URL must not be connected to")

    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/", "http://localhost:8080/admin", "http://10.0.0.5/", "http://192.168.1.1/",
    "http://172.16.0.1/", "http://169.254.169.254/latest/meta-data/", "http://[::1]/", "http://[fe80::1]/",
    "http://[::ffff:127.0.0.1]/", "http://0.0.0.0/", "http://100.64.0.1/",
])
def test_readers_private_addresses_are_refused_without_connecting(no_connections, url):
    item = only(read_inputs([url]))
    assert isinstance(item, Skipped) and item.reason == "private-address"
    assert "--allow-private" in item.message


@pytest.mark.parametrize("url", ["http://", "http://exa mple.com/", "ftp://example.com/file", "http://[::1", "mailto:desk@example.com"])
def test_readers_invalid_urls_are_refused_without_connecting(no_connections, url):
    item = only(read_inputs([url]))
    assert isinstance(item, Skipped) and item.reason == "invalid-url"


def test_fetch_check_url_refuses_non_http_schemes():
    with pytest.raises(InputError) as err:
        fetch.check_url("file:///etc/passwd")
    assert err.value.reason == "invalid-url"
