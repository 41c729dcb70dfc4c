"""lib/pipeline/export.py: the article frame as CSV (lists joined with ';'), Parquet and JSON Lines."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pytest

from lib.pipeline.corpus import load_corpus
from lib.pipeline.export import flat_frame, neutralise_formula, to_csv_bytes, write_frame
from lib.schema.columns import COLUMNS

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    return load_corpus(SEEDS).frame


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("Japan", "Japan"),
        ("", ""),
        (3, 3),
    ],
)
def test_neutralise_formula(value: object, expected: object) -> None:
    assert neutralise_formula(value) == expected


def test_flat_frame_has_one_value_per_cell(frame: pd.DataFrame) -> None:
    flat = flat_frame(frame)
    assert flat.loc[1, "pms_mentioned"] == "Kishida;Abe;Aso"
    assert flat.loc[2, "topics"] == "security;trade;defense_spending"
    assert flat.loc[0, "published"] == "2024-01-18"
    assert flat.loc[2, "published"] == ""
    scores = json.loads(flat.loc[0, "topic_scores"])
    assert [s["key"] for s in scores] == ["security", "trade", "tariffs", "defense_spending"]
    assert frame.loc[2, "topics"] == ["security", "trade", "defense_spending"]  # the input frame is not changed


def test_csv(tmp_path: Path, frame: pd.DataFrame) -> None:
    path = tmp_path / "out.csv"
    write_frame(frame, path)
    back = pd.read_csv(path, keep_default_na=False, dtype=str)
    assert list(back.columns) == list(frame.columns)
    assert list(back["published"]) == ["2024-01-18", "2024-01-27", "", "", "2024-11-07"]
    assert list(back["pm"]) == ["Kishida", "Kishida", "Ishiba", "Takaichi", "Ishiba"]
    assert back.loc[0, "pms_mentioned"] == "Aso;Abe"
    assert back.loc[4, "topics"] == "security;defense_spending"
    assert back.loc[3, "text"] == frame.loc[3, "text"]  # emoji and quotes survive


def test_csv_neutralises_formulas() -> None:
    frame = load_corpus(SEEDS).frame.head(1).copy()
    frame["title"] = frame["title"].astype(object)
    frame.loc[0, "title"] = "=cmd|' /C calc'!A0"
    back = pd.read_csv(io.BytesIO(to_csv_bytes(frame)), keep_default_na=False, dtype=str)
    assert back.loc[0, "title"] == "'=cmd|' /C calc'!A0"


def test_parquet_keeps_types(tmp_path: Path, frame: pd.DataFrame) -> None:
    path = tmp_path / "out.parquet"
    write_frame(frame, path)
    back = pd.read_parquet(path)
    assert list(back.columns) == list(frame.columns)
    assert back["published"].dtype == frame["published"].dtype
    assert list(back.loc[2, "topics"]) == ["security", "trade", "defense_spending"]
    assert back["n_words"].tolist() == frame["n_words"].tolist()


def test_jsonl(tmp_path: Path, frame: pd.DataFrame) -> None:
    path = tmp_path / "out.jsonl"
    write_frame(frame, path)
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 5
    assert records[0]["published"] == "2024-01-18"
    assert records[2]["published"] is None
    assert records[2]["topics"] == ["security", "trade", "defense_spending"]
    assert records[3]["title"] == "Takaichi & Trump Call: Possible Friday Talks 🇯🇵🇺🇸"


@pytest.mark.parametrize("suffix", [".csv", ".parquet", ".jsonl"])
def test_empty_frame_can_be_written(tmp_path: Path, suffix: str) -> None:
    empty = load_corpus(tmp_path).frame
    write_frame(empty, tmp_path / f"out{suffix}")
    assert (tmp_path / f"out{suffix}").exists()


def test_unknown_output_suffix(tmp_path: Path, frame: pd.DataFrame) -> None:
    with pytest.raises(ValueError, match=r"out\.xlsx: output must end in \.csv, \.parquet, \.jsonl"):
        write_frame(frame, tmp_path / "out.xlsx")


# Cells a hostile input could carry into the table: line breaks that would start a new row if
# left bare, each followed by what a spreadsheet would run as a formula on that new row.
HOSTILE_CELLS = {
    "title": ["Talks resume\r@SUM(1+1)", "=1+1 in the headline", "Two\nlines\r\nthree"],
    "outlet": ["Daily\r-2+3", "+cmd", "\tTabbed Times"],
    "note": ['a\rb\n=HYPERLINK("x")', "-5", "\r=first"],  # a carried-through input column
}


@pytest.fixture
def hostile_frame(frame: pd.DataFrame) -> pd.DataFrame:
    hostile = frame.head(3).copy()
    for column, cells in HOSTILE_CELLS.items():
        hostile[column] = pd.Series(cells, index=hostile.index, dtype="string")
    hostile["=header"] = pd.Series(["ok", "@x", "y"], index=hostile.index, dtype="string")
    return hostile


FLOATS = tuple(c.name for c in COLUMNS if c.dtype == "float64")  # numbers, negative ones included, stay numbers


def _is_neutral(cell: str) -> bool:
    return not cell.startswith(("=", "+", "-", "@", "\t", "\r", "\n"))


def test_csv_read_back_with_pandas_keeps_rows_and_neutralises_every_cell(hostile_frame: pd.DataFrame) -> None:
    back = pd.read_csv(io.BytesIO(to_csv_bytes(hostile_frame)), keep_default_na=False, dtype=str)
    assert len(back) == len(hostile_frame)
    assert list(back["article_id"]) == list(hostile_frame["article_id"])
    for column, cells in HOSTILE_CELLS.items():
        assert list(back[column]) == [neutralise_formula(cell) for cell in cells]
    assert list(back["text"]) == list(hostile_frame["text"])  # paragraphs kept inside the cell
    assert all(_is_neutral(name) for name in back.columns)
    assert all(_is_neutral(cell) for column in back.columns if column not in FLOATS for cell in back[column])


def test_csv_read_back_with_the_csv_module_gives_the_same_rows(hostile_frame: pd.DataFrame) -> None:
    import csv

    rows = list(csv.reader(io.StringIO(to_csv_bytes(hostile_frame).decode("utf-8"), newline="")))
    header, body = rows[0], rows[1:]
    assert len(body) == len(hostile_frame)
    assert all(len(row) == len(header) for row in body)
    assert "'=header" in header
    by_name = [dict(zip(header, row, strict=True)) for row in body]
    for column, cells in HOSTILE_CELLS.items():
        assert [row[column] for row in by_name] == [neutralise_formula(cell) for cell in cells]
    assert all(_is_neutral(cell) for row in by_name for name, cell in row.items() if name not in FLOATS)
