"""Feeds whose items carry their articles are read from the feed, without fetching their links.

Each test writes a small feed file, runs `dyadwatch extract --offline` on it and checks that
the document records take their text, title, URL (the item's link) and date from the item.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyadwatch import fetch
from dyadwatch.cli import cli

BODY = [
    "Officials in Baku and Ankara signed a transit agreement on Friday, the two foreign ministries said.",
    "The deal covers rail freight through Georgia and will be reviewed in a year.",
    "Trains are to run twice a week from the spring, carrying containers between the Caspian and Anatolia.",
    "Georgia's railway company said it would lengthen sidings at two stations to take the longer trains.",
]
SECOND = [
    "Kazakhstan and Uzbekistan opened a new border crossing on the road between Shymkent and Tashkent on Tuesday.",
    "The crossing is meant to cut the waiting time of lorries, which has reached two days in the harvest season.",
    "Customs officers of both countries will check goods at one post instead of two.",
]


def extract(path: Path | str):
    res = CliRunner().invoke(cli, ["extract", "--offline", "--stages", "extract", str(path)],
                             catch_exceptions=False)
    return res, [json.loads(line) for line in res.stdout.splitlines()]


@pytest.fixture(autouse=True)
def no_fetching(monkeypatch):
    monkeypatch.setattr(fetch, "fetch_url", lambda *a, **k: pytest.fail("an item that carries its text was fetched"))


def test_rss_items_with_content_encoded_become_documents_offline(tmp_path: Path):
    rss = tmp_path / "wire.xml"
    rss.write_text(
        '<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        "<channel><title>Example wire</title>"
        "<item><title>Transit deal signed</title><link>https://news.example/transit</link>"
        "<pubDate>Fri, 05 Jan 2024 09:30:00 +0300</pubDate>"
        "<description>Baku and Ankara sign a deal.</description>"
        "<content:encoded><![CDATA[" + "".join(f"<p>{s}</p>" for s in BODY) + "]]></content:encoded></item>"
        # an item whose description holds the article itself (no content:encoded)
        "<item><title>New border crossing</title><link>https://news.example/crossing</link>"
        "<pubDate>Tue, 09 Jan 2024 12:00:00 +0000</pubDate>"
        "<description><![CDATA[" + " ".join(SECOND) + "]]></description></item>"
        "</channel></rss>", encoding="utf-8")
    res, docs = extract(rss)
    assert res.exit_code == 0, res.stderr
    assert [d["title"] for d in docs] == ["Transit deal signed", "New border crossing"]
    first, second = docs
    assert all(s in first["text"] for s in BODY) and "sign a deal." not in first["text"]
    assert first["source"]["url"] == "https://news.example/transit"
    assert first["published"].startswith("2024-01-05T06:30")
    assert all(s in second["text"] for s in SECOND)
    assert second["source"]["url"] == "https://news.example/crossing"
    assert second["published"].startswith("2024-01-09")


def test_atom_entries_with_content_become_documents_offline(tmp_path: Path):
    atom = tmp_path / "desk.atom"
    atom.write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title>'
        "<entry><title>Transit deal signed</title><link href=\"https://news.example/atom/transit\"/>"
        "<updated>2024-02-01T10:00:00Z</updated><author><name>Maria Ivanova</name></author>"
        "<summary>Baku and Ankara sign a deal.</summary>"
        '<content type="html">' + "".join(f"&lt;p&gt;{s}&lt;/p&gt;" for s in BODY) + "</content></entry></feed>",
        encoding="utf-8")
    res, docs = extract(atom)
    assert res.exit_code == 0, res.stderr
    (doc,) = docs
    assert doc["title"] == "Transit deal signed"
    assert doc["source"]["url"] == "https://news.example/atom/transit"
    assert doc["published"].startswith("2024-02-01T10:00")
    assert doc["authors"] == ["Maria Ivanova"]
    assert all(s in doc["text"] for s in BODY)


def test_offline_summary_only_items_are_counted_skips(tmp_path: Path):
    rss = tmp_path / "teasers.rss"
    rss.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Teasers</title>'
        "<item><title>Transit deal signed</title><link>https://news.example/transit</link>"
        "<description>Baku and Ankara sign a rail deal. Read more.</description></item>"
        "<item><title>New border crossing</title><link>https://news.example/crossing</link>"
        "<description><![CDATA[" + " ".join(SECOND) + "]]></description></item>"
        "</channel></rss>", encoding="utf-8")
    res, docs = extract(rss)
    assert res.exit_code == 1
    assert [d["title"] for d in docs] == ["New border crossing"]
    assert "offline: 1" in res.stderr and "https://news.example/transit" in res.stderr


def test_offline_url_input_is_a_counted_skip(tmp_path: Path):
    res, docs = extract("https://news.example/page")
    assert res.exit_code == 1 and docs == []
    assert "offline: 1" in res.stderr


def test_feed_text_is_a_body_only_when_it_reads_as_an_article():
    assert fetch.is_article_body("".join(f"<p>{s}</p>" for s in BODY))
    assert fetch.is_article_body(" ".join(SECOND))  # plain text, no markup
    assert not fetch.is_article_body("<p>Baku and Ankara sign a rail deal.</p>")  # a one-line summary
    # an excerpt cut by the publishing system, however long, is a teaser
    excerpt = " ".join(BODY)[:300] + " [&#8230;]"
    assert not fetch.is_article_body(f"<p>{excerpt}</p>")
    assert not fetch.is_article_body(f"<p>{' '.join(BODY)}</p><p>The post Transit deal signed appeared first on "
                                     "Example wire.</p>")


def test_feed_of_full_text_items_ingests_offline(tmp_path: Path):
    """The must-show of issue 17: samples/inputs/wire.rss into a store with --offline, each
    article with its item's title, link and date."""
    from support import ROOT

    db = tmp_path / "feed.duckdb"
    res = CliRunner().invoke(cli, ["ingest", "--offline", str(ROOT / "samples" / "inputs" / "wire.rss"), "--db", str(db)],
                             catch_exceptions=False)
    assert res.exit_code == 0, res.stderr
    assert "2 written" in res.stderr
    listed = CliRunner().invoke(cli, ["articles", "--db", str(db), "--json"], catch_exceptions=False)
    rows = sorted((json.loads(line) for line in listed.stdout.splitlines()), key=lambda r: r["published"])
    assert [r["url"] for r in rows] == ["https://caspian-wire.example/2024/12/25/aktau-crash",
                                         "https://caspian-wire.example/2024/12/28/putin-aliyev-call"]
    assert rows[0]["title"].startswith("Azerbaijani airliner crashes") and rows[0]["published"].startswith("2024-12-25")
    assert all(r["chars"] > 400 and r["events"] >= 1 for r in rows)


def test_batch_reads_feed_items_offline(tmp_path: Path):
    """`batch --offline` reads a feed as `ingest --offline` does: items that carry their text
    become documents, nothing is fetched."""
    pytest.importorskip("distributed", reason="Dask distributed is not installed")
    from distributed import Client, LocalCluster

    from dyadwatch import cluster
    from dyadwatch.shards import read_shard, shard_files
    from support import ROOT

    feed = str(ROOT / "samples" / "inputs" / "wire.rss")
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=":0") as lc, \
            Client(lc) as client:
        result = cluster.run_batch([feed], tmp_path / "shards", client=client, stages=["extract"], offline=True)
    assert result.documents.written == 2
    docs = [d for path in shard_files([tmp_path / "shards"]) for d in read_shard(path)[1]]
    assert sorted(d.canonical_url or "" for d in docs)[0].startswith("https://caspian-wire.example/2024/12/25/")
