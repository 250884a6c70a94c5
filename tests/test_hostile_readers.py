"""Valid but unusual inputs are read; inputs that crashed readers are skipped with a reason."""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from dyadwatch.pipeline import Pipeline, build
from dyadwatch.runner import Report, process

SENTENCE = "Officials from Azerbaijan met their Kazakh counterparts in Baku on Monday to discuss transit."


def extract(path: Path) -> tuple[list, Report]:
    report = Report()
    return list(process([str(path)], pipeline=Pipeline(stages=build(["extract"])), report=report)), report


def test_readers_jsonl_with_byte_order_mark_is_read(tmp_path: Path):
    f = tmp_path / "bom.jsonl"
    f.write_bytes(b"\xef\xbb\xbf" + json.dumps({"id": "one", "text": SENTENCE}).encode() + b"\n")
    docs, report = extract(f)
    assert [d.id for d in docs] == ["one"] and not report.skipped


def test_readers_single_element_fragment_in_jsonl_is_read(tmp_path: Path):
    f = tmp_path / "frag.jsonl"
    f.write_text(json.dumps({"id": "p", "html": f"<p>{SENTENCE}</p>"}) + "\n", encoding="utf-8")
    docs, report = extract(f)
    assert [d.text for d in docs] == [SENTENCE], report.messages


def test_readers_lone_surrogate_becomes_replacement_keeping_offsets(tmp_path: Path):
    f = tmp_path / "sur.jsonl"
    f.write_text('{"id": "s", "text": "Talks \\ud800 resumed in Baku on Monday."}\n', encoding="utf-8")
    docs, report = extract(f)
    assert [d.text for d in docs] == ["Talks \ufffd resumed in Baku on Monday."]


def test_readers_feed_with_impossible_character_reference_is_read(tmp_path: Path):
    item = (f"<item><title>Transit &#1114112; talks</title><link>http://news.example/a</link>"
            f"<description>&lt;p&gt;{SENTENCE * 20} &amp;#xD800;&lt;/p&gt;</description></item>")
    f = tmp_path / "odd.rss"
    f.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>{item}</channel></rss>', encoding="utf-8")
    docs, report = extract(f)
    assert len(docs) == 1 and docs[0].title.startswith("Transit"), report.messages


def test_readers_deeply_nested_json_is_a_bad_line_and_the_next_line_is_read(tmp_path: Path):
    f = tmp_path / "deep.jsonl"
    f.write_text('{"id": "a", "text": ' + "[" * 50000 + "]" * 50000 + "}\n"
                 + json.dumps({"id": "b", "text": SENTENCE}) + "\n", encoding="utf-8")
    docs, report = extract(f)
    assert [d.id for d in docs] == ["b"] and report.skipped == Counter({"bad-json": 1})


def test_readers_deeply_nested_json_ld_is_ignored(tmp_path: Path):
    f = tmp_path / "ld.html"
    f.write_text('<html><head><script type="application/ld+json">' + "[" * 20000 + "]" * 20000
                 + f"</script></head><body><article><p>{SENTENCE * 5}</p></article></body></html>", encoding="utf-8")
    docs, report = extract(f)
    assert len(docs) == 1, report.messages
