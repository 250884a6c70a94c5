"""Exports in the layouts the field reads (GDELT 2.0, POLECAT-style PLOVER), read back with pandas."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from dyadwatch import exports
from dyadwatch.cli import cli, main
from dyadwatch.link import api as link_api

from support import ROOT

DOCS = ROOT / "docs" / "exports.md"


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def documented(section: str) -> list[tuple[str, str]]:
    """(column, type) rows of one table of docs/exports.md."""
    text = DOCS.read_text(encoding="utf-8").split(f"## {section}")[1].split("\n## ")[0]
    rows = [line.split("|") for line in text.splitlines() if line.startswith("| `")]
    return [(r[1].strip().strip("`"), r[2].strip()) for r in rows]


def test_export_docs_list_every_column_with_its_type():
    assert documented("GDELT") == [(c.name, c.dtype) for c in exports.GDELT_COLUMNS]
    assert documented("PLOVER") == [(c.name, c.dtype) for c in exports.PLOVER_COLUMNS]
    assert len(exports.GDELT_COLUMNS) == 61  # GDELT 2.0's event table


@pytest.mark.parametrize("fmt,columns", [("gdelt", exports.GDELT_COLUMNS), ("plover", exports.PLOVER_COLUMNS)])
def test_demo_export_reads_back_in_pandas_with_documented_columns(demo_store: Path, tmp_path: Path, fmt, columns):
    out = tmp_path / f"events.{fmt}.tsv"
    res = invoke("export", "--db", str(demo_store), "--format", fmt, "-o", str(out))
    assert res.exit_code == 0, res.output
    plain = pd.read_csv(out, sep="\t")
    assert list(plain.columns) == [c.name for c in columns]
    frame = exports.read(out, columns)
    assert len(frame) == len(link_api.timeline(demo_store)) > 0
    for c in columns:
        assert str(frame[c.name].dtype) == c.dtype, c.name
    url = "SOURCEURL" if fmt == "gdelt" else "url"
    assert frame[url].notna().all() and (frame[url].str.len() > 0).all()
    assert all(Path(u).exists() or u.startswith("http") for u in frame[url])


def test_demo_gdelt_codes_and_counts_agree_with_the_timeline(demo_store: Path):
    frame = link_api.gdelt(demo_store)
    timeline = link_api.timeline(demo_store)
    assert frame["EventCode"].str.fullmatch(r"\d{3,4}").all()
    assert (frame["EventRootCode"] == frame["EventCode"].str[:2]).all()
    assert frame["GlobalEventID"].is_unique
    assert frame["NumMentions"].sum() == timeline["reports"].sum()
    assert frame["Day"].between(19000101, 21000101).all()
    coded = frame.dropna(subset=["Actor1Code", "Actor1CountryCode"])
    gov = coded[[c == k + "GOV" for c, k in zip(coded["Actor1Code"], coded["Actor1CountryCode"])]]
    assert len(gov) and (gov["Actor1Type1Code"] == "GOV").all()


def test_demo_plover_export_as_parquet_keeps_types(demo_store: Path, tmp_path: Path):
    out = tmp_path / "events.parquet"
    assert invoke("export", "--db", str(demo_store), "--format", "plover", "-o", str(out)).exit_code == 0
    frame = pd.read_parquet(out)
    assert list(frame.columns) == [c.name for c in exports.PLOVER_COLUMNS]
    types = frame["event_type"].dropna()
    assert len(types) > len(frame) / 2 and types.str.fullmatch(r"[A-Z]+").all()
    assert str(frame["num_reports"].dtype) == "Int64" and (frame["num_reports"] >= 1).all()


def test_code_parts_split_country_roles_and_groups():
    parts = exports.code_parts(pd.Series(["AZEGOV", "RUSMILSPY", "IGOEUREEC", None]),
                               pd.Series(["AZE", "RUS", None, None]))
    assert parts.loc[0, "t1"] == "GOV" and parts.loc[1, "t2"] == "SPY"
    assert parts.loc[2, "known"] == "EEC" and pd.isna(parts.loc[3, "t1"])


def test_export_to_a_missing_folder_is_one_line(demo_store: Path, tmp_path: Path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["export", "--db", str(demo_store), "--format", "gdelt", "-o", str(tmp_path / "no" / "such" / "x.tsv")])
    err = capsys.readouterr().err
    assert exit_info.value.code == 2 and len(err.strip().splitlines()) == 1 and "does not exist" in err
