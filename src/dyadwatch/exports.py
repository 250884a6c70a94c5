"""Linked events in the layouts the field already reads: GDELT 2.0 events and POLECAT-style PLOVER.

Both are one row per linked event (a happening counted once, with every report of it),
built from the link tables and the first report's stored event and article. The columns,
their types and what each holds are listed here once (`GDELT_COLUMNS`, `PLOVER_COLUMNS`)
and in docs/exports.md, which a test keeps in step. Pure functions: frames in, a frame out.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class Column:
    name: str
    dtype: str  # a pandas dtype: Int64, float64, string
    about: str


def gdelt_actor(n: int) -> list[Column]:
    a = f"Actor{n}"
    return [
        Column(f"{a}Code", "string", "the side's CAMEO actor code (country and roles, e.g. AZEGOV)"),
        Column(f"{a}Name", "string", "the side's canonical name (GDELT writes it in capitals; here as named)"),
        Column(f"{a}CountryCode", "string", "the side's country, ISO 3166 alpha-3 (as CAMEO country codes)"),
        Column(f"{a}KnownGroupCode", "string", "the IGO/NGO/rebel group part of the code (IGOEUREEC: EEC)"),
        Column(f"{a}EthnicCode", "string", "empty: ethnicity is not coded"),
        Column(f"{a}Religion1Code", "string", "empty: religion is not coded"),
        Column(f"{a}Religion2Code", "string", "empty: religion is not coded"),
        Column(f"{a}Type1Code", "string", "the first role of the code after the country (AZEGOV: GOV)"),
        Column(f"{a}Type2Code", "string", "the second role (RUSMILSPY: SPY)"),
        Column(f"{a}Type3Code", "string", "the third role"),
    ]


def gdelt_geo(prefix: str, about: str) -> list[Column]:
    return [
        Column(f"{prefix}_Type", "Int64", f"{about}: 1 a country, 4 a place in it (GDELT's world city); empty if unknown"),
        Column(f"{prefix}_FullName", "string", f"{about}: the place's name"),
        Column(f"{prefix}_CountryCode", "string", f"{about}: its country, ISO 3166 alpha-3 (GDELT writes FIPS 10-4)"),
        Column(f"{prefix}_ADM1Code", "string", f"{about}: empty (first-order divisions are not resolved)"),
        Column(f"{prefix}_ADM2Code", "string", f"{about}: empty"),
        Column(f"{prefix}_Lat", "float64", f"{about}: latitude where known"),
        Column(f"{prefix}_Long", "float64", f"{about}: longitude where known"),
        Column(f"{prefix}_FeatureID", "string", f"{about}: empty (no gazetteer feature id is kept)"),
    ]


GDELT_COLUMNS: list[Column] = [
    Column("GlobalEventID", "Int64", "a stable integer from the linked event's id (the same event keeps it across runs)"),
    Column("Day", "Int64", "the event's date as YYYYMMDD (its own day, else its report's publication day)"),
    Column("MonthYear", "Int64", "YYYYMM of Day"),
    Column("Year", "Int64", "YYYY of Day"),
    Column("FractionDate", "float64", "Year plus the fraction of the year elapsed at Day"),
    *gdelt_actor(1),
    *gdelt_actor(2),
    Column("IsRootEvent", "Int64", "1 when the first report's sentence is in the article's lead (first 400 characters), else 0"),
    Column("EventCode", "string", "the CAMEO event code (text, so that leading zeros stay: 042)"),
    Column("EventBaseCode", "string", "the first three digits of EventCode"),
    Column("EventRootCode", "string", "the first two digits of EventCode"),
    Column("QuadClass", "Int64", "1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict"),
    Column("GoldsteinScale", "float64", "the Goldstein score of the event code, -10 to +10"),
    Column("NumMentions", "Int64", "reports of the event in the store"),
    Column("NumSources", "Int64", "distinct outlets that reported it"),
    Column("NumArticles", "Int64", "distinct articles that reported it"),
    Column("AvgTone", "float64", "empty: tone is not measured"),
    *gdelt_geo("Actor1Geo", "where actor 1 is"),
    *gdelt_geo("Actor2Geo", "where actor 2 is"),
    *gdelt_geo("ActionGeo", "where the act took place"),
    Column("DATEADDED", "Int64", "when the first report was stored, YYYYMMDDHHMMSS (UTC)"),
    Column("SOURCEURL", "string", "the first report's article: its URL, or the file it was read from"),
]

PLOVER_COLUMNS: list[Column] = [
    Column("event_id", "string", "the linked event's id (stable across runs)"),
    Column("event_date", "string", "the event's date, YYYY-MM-DD"),
    Column("story_date", "string", "the first report's publication date, YYYY-MM-DD"),
    Column("event_type", "string", "the PLOVER event type (AGREE, ACCUSE, COERCE, ...)"),
    Column("event_mode", "string", "the PLOVER mode where the mapping gives one"),
    Column("quad_code", "Int64", "the quad class, 1 to 4, as QuadClass in GDELT"),
    Column("goldstein", "float64", "the Goldstein score of the CAMEO code"),
    Column("cameo", "string", "the CAMEO code the event was coded to"),
    Column("actor", "string", "the acting side's canonical name"),
    Column("actor_country", "string", "its country, ISO 3166 alpha-3"),
    Column("actor_sector", "string", "its sector (GOV, MIL, COP, BUS, EDU, ...)"),
    Column("actor_code", "string", "its CAMEO actor code"),
    Column("recipient", "string", "the side acted upon: canonical name"),
    Column("recipient_country", "string", "its country, ISO 3166 alpha-3"),
    Column("recipient_sector", "string", "its sector"),
    Column("recipient_code", "string", "its CAMEO actor code"),
    Column("placename", "string", "where the act took place"),
    Column("country", "string", "the place's country, ISO 3166 alpha-3"),
    Column("latitude", "float64", "the place's latitude where known"),
    Column("longitude", "float64", "the place's longitude where known"),
    Column("event_text", "string", "the sentence of the first report that states the event"),
    Column("headline", "string", "the first report's article title"),
    Column("publisher", "string", "the first report's outlet"),
    Column("publishers", "string", "every outlet that reported the event, separated by '; '"),
    Column("num_reports", "Int64", "reports of the event in the store"),
    Column("language", "string", "the first report's language (ISO 639-1)"),
    Column("confidence", "float64", "the first report's confidence, 0 to 1 (calibrated on the development set)"),
    Column("url", "string", "the first report's article: its URL, or the file it was read from"),
]

# A report whose sentence starts within this many characters of the article is in its lead
# (GDELT's IsRootEvent marks events of the first paragraph; news leads run 200-400 characters).
LEAD_CHARS = 400


def event_number(link_id: str) -> int:
    """A positive 63-bit integer for a linked event id (GDELT's ids are integers)."""
    return int(hashlib.sha256(link_id.encode("utf-8")).hexdigest()[:15], 16)


def typed(frame: pd.DataFrame, columns: list[Column]) -> pd.DataFrame:
    out = pd.DataFrame({c.name: frame[c.name] if c.name in frame else None for c in columns}, index=frame.index)
    for c in columns:
        out[c.name] = out[c.name].astype(c.dtype) if c.dtype != "string" else out[c.name].astype("string")
    return out.reset_index(drop=True)


def code_parts(code: pd.Series, country: pd.Series) -> pd.DataFrame:
    """Known group and type codes of CAMEO actor codes: the three-letter parts after the country."""
    known, types = [], []
    for c, k in zip(code, country):
        c = c if isinstance(c, str) else ""
        rest = c[3:] if isinstance(k, str) and c.startswith(k) else (c[3:] if len(c) > 3 and c[:3] in ("IGO", "NGO", "IMG") else "")
        parts = [rest[i:i + 3] for i in range(0, len(rest), 3) if len(rest[i:i + 3]) == 3]
        group = parts.pop() if c[:3] in ("IGO", "NGO", "IMG") and parts else None
        known.append(group)
        types.append(parts + [None] * (3 - len(parts)))
    return pd.DataFrame({"known": known, "t1": [t[0] for t in types], "t2": [t[1] for t in types],
                         "t3": [t[2] for t in types]}, index=code.index)


def merged(linked: pd.DataFrame, reports: pd.DataFrame) -> pd.DataFrame:
    """Linked events with the first report's stored event and article columns."""
    first = reports.rename(columns={"doc_id": "first_doc", "n": "first_n"})
    return linked.merge(first, on=["first_doc", "first_n"], how="left", suffixes=("", "_report"))


def gdelt(linked: pd.DataFrame, reports: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """The GDELT 2.0 event table of linked events (`GDELT_COLUMNS`)."""
    m = merged(linked, reports)
    day = pd.to_datetime(m["event_date"])
    out = pd.DataFrame(index=m.index)
    out["GlobalEventID"] = m["link_id"].map(event_number)
    out["Day"] = day.dt.strftime("%Y%m%d").astype("Int64")
    out["MonthYear"] = day.dt.strftime("%Y%m").astype("Int64")
    out["Year"] = day.dt.year.astype("Int64")
    out["FractionDate"] = day.dt.year + (day.dt.dayofyear - 1) / 365.0
    for n, side in ((1, "source"), (2, "target")):
        parts = code_parts(m[f"{side}_code"], m[f"{side}_country"])
        out[f"Actor{n}Code"] = m[f"{side}_code"]
        out[f"Actor{n}Name"] = m[f"{side}_id"].map(names).fillna(m[f"{side}_name"])
        out[f"Actor{n}CountryCode"] = m[f"{side}_country"]
        out[f"Actor{n}KnownGroupCode"] = parts["known"]
        for k in (1, 2, 3):
            out[f"Actor{n}Type{k}Code"] = parts[f"t{k}"]
    out["IsRootEvent"] = (m["evidence_start"].fillna(LEAD_CHARS) < LEAD_CHARS).astype(int)
    out["EventCode"] = m["cameo"]
    out["EventBaseCode"] = m["cameo"].str[:3]
    out["EventRootCode"] = m["cameo"].str[:2]
    out["QuadClass"] = m["quad_class"]
    out["GoldsteinScale"] = m["goldstein"]
    out["NumMentions"] = m["reports"]
    out["NumSources"] = m["outlets"].map(lambda xs: len(set(xs)) if xs is not None else 0)
    out["NumArticles"] = m["documents"]
    has_place = m["location_name"].notna()
    out["ActionGeo_Type"] = pd.Series(pd.NA, index=m.index, dtype="Int64").mask(has_place, 4).mask(
        has_place & m["location_name"].eq(m["location_country"]), 1)
    out["ActionGeo_FullName"] = m["location_name"]
    out["ActionGeo_CountryCode"] = m["location_country"]
    out["ActionGeo_Lat"] = m["lat"]
    out["ActionGeo_Long"] = m["lon"]
    out["DATEADDED"] = pd.to_datetime(m["ingested_at"]).dt.strftime("%Y%m%d%H%M%S").astype("Int64")
    out["SOURCEURL"] = m["url"]
    return typed(out, GDELT_COLUMNS)


def plover(linked: pd.DataFrame, reports: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """POLECAT-style PLOVER records of linked events (`PLOVER_COLUMNS`)."""
    m = merged(linked, reports)
    out = pd.DataFrame(index=m.index)
    out["event_id"] = m["link_id"]
    out["event_date"] = pd.to_datetime(m["event_date"]).dt.strftime("%Y-%m-%d")
    out["story_date"] = m["published"].str[:10]
    out["event_type"] = m["plover"]
    out["event_mode"] = m["plover_mode"]
    out["quad_code"] = m["quad_class"]
    out["goldstein"] = m["goldstein"]
    out["cameo"] = m["cameo"]
    for side, name in (("source", "actor"), ("target", "recipient")):
        out[name] = m[f"{side}_id"].map(names).fillna(m[f"{side}_name"])
        out[f"{name}_country"] = m[f"{side}_country"]
        out[f"{name}_sector"] = m[f"{side}_sector"]
        out[f"{name}_code"] = m[f"{side}_code"]
    out["placename"] = m["location_name"]
    out["country"] = m["location_country"]
    out["latitude"] = m["lat"]
    out["longitude"] = m["lon"]
    out["event_text"] = m["evidence"]
    out["headline"] = m["title"]
    out["publisher"] = m["first_outlet"]
    out["publishers"] = m["outlets"].map(lambda xs: "; ".join(xs) if xs is not None else "")
    out["num_reports"] = m["reports"]
    out["language"] = m["language"]
    out["confidence"] = m["confidence"] if "confidence" in m else None
    out["url"] = m["url"]
    return typed(out, PLOVER_COLUMNS)


def write(frame: pd.DataFrame, path) -> None:
    """Parquet when the name ends in .parquet, else tab-separated with a header row (as GDELT
    and POLECAT publish, plus the header), text cells made safe for spreadsheets."""
    from pathlib import Path

    from .safe_output import tsv_cell

    path = Path(path)
    if path.suffix.lower() == ".parquet":
        frame.to_parquet(path, index=False)
        return
    safe = frame.copy()
    for c in safe.columns:
        if safe[c].dtype == "string":
            safe[c] = safe[c].map(lambda v: tsv_cell(v) if isinstance(v, str) else v).astype("string")
    safe.to_csv(path, sep="\t", index=False, na_rep="")


def read(path, columns: list[Column]) -> pd.DataFrame:
    """An export read back with its documented types (codes stay text: 042, not 42)."""
    from pathlib import Path

    if Path(path).suffix.lower() == ".parquet":
        return pd.read_parquet(path)
    return pd.read_csv(path, sep="\t", dtype={c.name: c.dtype for c in columns}, keep_default_na=False,
                       na_values={c.name: [""] for c in columns})


def markdown(columns: list[Column]) -> str:
    """The column table of docs/exports.md."""
    return "\n".join(["| column | type | holds |", "|---|---|---|"]
                     + [f"| `{c.name}` | {c.dtype} | {c.about} |" for c in columns]) + "\n"
