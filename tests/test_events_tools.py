"""The event tables, the verb dictionary, the PETRARCH import and `dyadwatch explain`."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from dyadwatch.cli import cli, main
from dyadwatch.events.coder import code_parse
from dyadwatch.events.explain import explain_document, render
from dyadwatch.events.ontology import intent_code, load_ontology
from dyadwatch.events.patterns import load_patterns, parse_patterns
from dyadwatch.events.tables import build_rows, render as render_table
from dyadwatch.events.verbs_import import convert
from tests.events.support import country_doc

SHARED_CAMEO = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "events" / "cameo"
PETRARCH = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "events" / "phoenix-dictionaries" / "CAMEO.2.0.txt"


def test_tables_cameo_table_matches_its_sources():
    if not SHARED_CAMEO.is_dir():
        pytest.skip("the CAMEO source tables are not in ../shared")
    packaged = (Path(__file__).resolve().parent.parent / "src" / "dyadwatch" / "data" / "events" / "cameo.tsv").read_text(encoding="utf-8")
    assert packaged == render_table(build_rows(SHARED_CAMEO)), "regenerate: python -m dyadwatch.events.tables ../shared/data/events/cameo"


def test_ontology_scores_and_plover_types_come_from_the_table():
    onto = load_ontology()
    assert onto.version.startswith("gdelt-cameo")
    assert (onto.get("190").goldstein, onto.get("190").quad_class, onto.get("190").plover) == (-10.0, 4, "ASSAULT")
    assert onto.get("163").plover == "COERCE"  # the 2021 mapping moves sanctions under COERCE
    assert onto.get("0841").plover_mode == "release"
    assert onto.get("020").plover == "REQUEST" and onto.get("010").plover is None


def test_ontology_intent_codes_mirror_the_acts():
    assert intent_code("0841") == "0353"
    assert intent_code("042") == "036"
    assert intent_code("195") == "138"
    assert intent_code("111") is None


def test_patterns_cover_all_twenty_roots():
    roots = {p.code[:2] for p in load_patterns().all()}
    assert roots == {f"{n:02d}" for n in range(1, 21)}


def test_patterns_refuse_unknown_codes_and_sets():
    from dyadwatch.errors import UsageError

    with pytest.raises(UsageError):
        parse_patterns("999 frobnicate", "test")
    with pytest.raises(UsageError):
        parse_patterns("190 attack +&NOSUCHSET", "test")


def test_verbs_import_reads_petrarch_blocks():
    text = "\n".join([
        "&ARMS_", "+WEAPON", "+RIFLE", "",
        "####### VERB PATTERNS #######", "",
        "---  SHIP   [070]  ---", "SHIP", "DELIVER", "- * &ARMS_  [072]  # SHIP", "- * (TO BORDER)  [154]",
        "- $ TROOPS * [154]", "- * BLAH [---]", "",
    ])
    imported = convert(text, "test.txt")
    lines = [ln.split("#")[0].split() for ln in imported.lines]
    assert ["070", "ship"] in lines and ["070", "deliver"] in lines
    assert ["072", "ship|deliver", "+weapon|rifle"] in lines
    assert ["154", "ship|deliver", "+border", "^to"] in lines
    assert imported.skipped == {"constrains the subject": 1, "no usable code": 1}
    parse_patterns("\n".join(imported.lines), "user")  # what we write, we can read


def test_verbs_import_cli_on_the_phoenix_dictionary(tmp_path):
    if not PETRARCH.is_file():
        pytest.skip("CAMEO.2.0.txt is not in ../shared")
    out = tmp_path / "verbs.txt"
    res = CliRunner().invoke(cli, ["verbs", "import", str(PETRARCH), "-o", str(out)])
    assert res.exit_code == 0, res.output
    patterns, _ = parse_patterns(out.read_text(encoding="utf-8"), "user")
    assert len(patterns) > 1000
    assert any("accuse" in p.lemmas and p.code.startswith("112") for p in patterns)


def test_user_patterns_are_an_extra_source(tmp_path):
    user = tmp_path / "verbs.txt"
    user.write_text("# Version: t\n111 scold|upbraid\n", encoding="utf-8")
    ps = load_patterns(str(user))
    assert any(p.origin == "user" for p in ps.verbs["upbraid"])
    doc, parse = country_doc("Turkey upbraided Russia.")
    (event,) = code_parse(doc, parse, ps).events
    assert event.cameo == "111" and event.rule.startswith("user:")


def test_explain_shows_parse_actors_pattern_and_reasons():
    doc, _ = country_doc("Russia summoned the Azerbaijani ambassador. Turkey hasn't criticized Russia.")
    x = explain_document(doc)
    outcomes = {d.lemma: d.outcome for d in x.decisions}
    assert outcomes == {"summon": "event", "criticize": "negated"}
    text = render(x)
    assert "summon" in text and "official complaint" in text and "negates" in text and "nsubj" in text
    assert "not produced by the current patterns" not in text  # its one event is the summons just coded


def test_explain_cli_on_a_sentence():
    res = CliRunner().invoke(cli, ["explain", "Did Russia attack Ukraine?", "--published", "2025-01-10"])
    assert res.exit_code == 0, res.output
    assert "question" in res.output and "attack" in res.output


def test_explain_cli_says_when_the_language_has_no_coder(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["explain", "Die Bundesregierung verurteilte am Montag in Berlin den Angriff auf die Ukraine "
              "und forderte einen sofortigen Waffenstillstand."])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "'de'" in err and "nothing to explain" in err and len(err.strip().splitlines()) == 1


def test_explain_cli_needs_a_sentence_or_a_document():
    res = CliRunner().invoke(cli, ["explain"])
    assert res.exit_code != 0
