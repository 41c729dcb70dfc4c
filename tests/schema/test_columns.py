"""lib/schema/columns.py: the one column declaration builds, validates and documents the frame."""

import pandas as pd
import pytest
from frames import make_frame

from lib.schema.columns import COLUMN_NAMES, COLUMNS, build_frame, data_dictionary_markdown, empty_frame, validate_frame


def test_every_column_is_declared_once_with_a_meaning() -> None:
    assert len(set(COLUMN_NAMES)) == len(COLUMNS)
    assert all(column.meaning.strip() for column in COLUMNS)


def test_an_empty_frame_has_every_column_and_is_valid() -> None:
    frame = empty_frame()
    assert tuple(frame.columns) == COLUMN_NAMES and validate_frame(frame) == []
    assert validate_frame(build_frame([])) == []


@pytest.mark.parametrize(
    ("break_it", "problem"),
    [
        (lambda f: f.drop(columns=["pm"]), "missing columns: pm"),
        (lambda f: f.assign(topics="trade"), "column topics: every value must be a list"),
        (lambda f: f.assign(n_words=f["n_words"].astype("float64")), "column n_words: dtype float64, expected int64"),
        (lambda f: pd.concat([f, f]), "column article_id: duplicate ids"),
    ],
)
def test_validate_names_each_problem(break_it, problem) -> None:
    frame = make_frame([dict(topics=["trade"], n_words=3)])
    assert validate_frame(frame) == []
    assert problem in validate_frame(break_it(frame))


def test_the_data_dictionary_lists_every_column() -> None:
    table = data_dictionary_markdown()
    assert all(f"| `{name}` |" in table for name in COLUMN_NAMES)
