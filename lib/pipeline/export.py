"""Writing the article frame to CSV, Parquet or JSON Lines."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pandas as pd

from lib.schema.columns import COLUMNS

EXPORT_SUFFIXES = (".csv", ".parquet", ".jsonl")
# What makes a spreadsheet read a cell as a formula (OWASP's list), with LF alongside CR.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
# CSV rows end in CRLF (RFC 4180). The csv writer quotes any cell holding a character of the
# row terminator, so with both CR and LF in it a bare CR or LF inside a cell (a title, an
# outlet, a carried-through column) stays inside its quoted cell instead of starting a row.
CSV_LINE_END = "\r\n"


def neutralise_formula(value: object) -> object:
    """Spreadsheets run a cell that starts with = + - @ (or tab, CR, LF) as a formula: prefix
    it with a quote."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def flat_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Lists joined with ';', nested records as JSON, dates as ISO days: one value per cell."""
    flat = frame.copy()
    for column in COLUMNS:
        if column.name not in flat.columns:
            continue
        if column.dtype == "list":
            flat[column.name] = flat[column.name].map(lambda items: ";".join(map(str, items)))
        elif column.dtype == "records":
            flat[column.name] = flat[column.name].map(lambda v: json.dumps(v, ensure_ascii=False))
        elif column.dtype.startswith("datetime"):
            flat[column.name] = flat[column.name].dt.strftime("%Y-%m-%d").fillna("")
    return flat


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    flat = flat_frame(frame)
    for name in flat.columns:
        if flat[name].dtype == object or str(flat[name].dtype).startswith("string"):
            flat[name] = flat[name].map(neutralise_formula)
    # Input columns are carried through under their own names: a header cell is a cell too.
    flat.columns = [neutralise_formula(str(name)) for name in flat.columns]
    return flat.to_csv(index=False, lineterminator=CSV_LINE_END).encode("utf-8")


def to_parquet_bytes(frame: pd.DataFrame) -> bytes:
    buffer = io.BytesIO()
    frame.to_parquet(buffer, index=False)
    return buffer.getvalue()


def to_jsonl_bytes(frame: pd.DataFrame) -> bytes:
    flat = frame.copy()
    flat["published"] = flat["published"].dt.strftime("%Y-%m-%d")
    return flat.to_json(orient="records", lines=True, force_ascii=False).encode("utf-8")


WRITERS = {".csv": to_csv_bytes, ".parquet": to_parquet_bytes, ".jsonl": to_jsonl_bytes}


def write_frame(frame: pd.DataFrame, path: str | Path) -> None:
    suffix = Path(path).suffix.lower()
    if suffix not in WRITERS:
        raise ValueError(f"{path}: output must end in {', '.join(EXPORT_SUFFIXES)}")
    # Written beside the target, then renamed over it: a failed write (disk full, killed run)
    # leaves the previous file whole, never a truncated table.
    target = Path(path)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        temporary.write_bytes(WRITERS[suffix](frame))
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
