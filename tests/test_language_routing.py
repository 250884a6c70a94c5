"""Routing by language: each document goes through its language's stages; an unsupported
language keeps its text with a note and a counted skip; English runs never load natasha."""
from __future__ import annotations

import subprocess
import sys

from dyadwatch.models import InputRecord
from dyadwatch.pipeline import Pipeline, build, for_language, supported_languages
from dyadwatch.runner import Report, accept

FRENCH = ("Le ministre des Affaires étrangères a rencontré hier son homologue arménien à Paris pour "
          "discuter de la situation dans le Caucase du Sud et des prochaines négociations de paix.")
ARABIC = ("التقى وزير الخارجية أمس نظيره الأذربيجاني في العاصمة لبحث الوضع في جنوب القوقاز "
          "والمفاوضات المقبلة بشأن اتفاق السلام بين البلدين الجارين.")


def test_russian_list_replaces_each_stage_by_its_variant():
    ru = for_language(build(), "ru")
    assert [s.name for s in ru] == ["extract", "parse-ru", "actors-ru", "times-ru", "quotes-ru", "events-ru"]
    assert [s.name for s in for_language(build(["extract", "parse"]), "ru")] == ["extract", "parse-ru"]
    assert for_language(build(), "fr") is None
    assert for_language(build(), None) == build()
    assert supported_languages() == ["en", "ru"]


def test_variants_require_and_provide_what_they_replace():
    for base, variant in zip(build(), for_language(build(), "ru")):
        assert (base.requires, base.provides) == (variant.requires, variant.provides)


def test_unsupported_language_is_kept_with_a_note_and_counted():
    report = Report()
    outs = list(Pipeline().run([InputRecord(id="fr", text=FRENCH), InputRecord(id="ar", text=ARABIC)]))
    docs = [d for o in outs for d in accept(o, report)]
    assert [d.language for d in docs] == ["fr", "ar"]
    for d in docs:
        assert d.stages == ["extract.v1"]
        assert d.notes and d.notes[-1].startswith("unsupported-language: language")
        assert "supported: en, ru" in d.notes[-1]
        assert d.actors == [] and d.events == []
    assert report.skipped["unsupported-language"] == 2
    assert "unsupported-language: 2" in report.summary()
    assert any("'fr' is not supported" in m for m in report.messages)


def test_extract_only_run_does_not_skip_other_languages():
    report = Report()
    (out,) = Pipeline(stages=build(["extract"])).run([InputRecord(id="fr", text=FRENCH)])
    (doc,) = accept(out, report)
    assert doc.language == "fr" and not doc.notes and not report.skipped


def test_cli_reports_unsupported_language_on_stderr(tmp_path):
    page = tmp_path / "fr.txt"
    page.write_text(FRENCH + "\n\n" + FRENCH, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "dyadwatch", "extract", str(page), "-o", str(tmp_path / "out.jsonl")],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 1, run.stderr
    assert "unsupported-language" in run.stderr and "'fr' is not supported" in run.stderr
    assert (tmp_path / "out.jsonl").read_text(encoding="utf-8").count("unsupported-language") == 1


def test_english_run_does_not_import_natasha():
    code = ("import sys\n"
            "from dyadwatch.pipeline import run_text\n"
            "doc = run_text('Armenian Prime Minister Nikol Pashinyan met Azerbaijani President Ilham Aliyev in Abu Dhabi on Thursday, "
            "officials in Yerevan said.', published='2025-07-11')\n"
            "assert doc.language in (None, 'en'), doc.language\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('natasha', 'slovnet', 'navec', 'pymorphy2', 'pymorphy3')))\n")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]"


def test_stage_table_shows_languages_per_stage():
    from dyadwatch.api import stage_table

    rows, problems = stage_table()
    assert problems == []
    langs = {r["stage"]: r["languages"] for r in rows}
    assert langs["extract.v1"] == "en,ru"
    assert langs["parse.v1"] == "en" and langs["parse-ru.v1"] == "ru"
    assert langs["events-ru.v1"] == "ru"
