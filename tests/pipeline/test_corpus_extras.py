"""lib/pipeline/corpus.py carries unknown input columns through without letting them pose as
computed ones, and keeps every column of a wide table (its speed: bench/worst_case.py)."""

from __future__ import annotations

from lib.pipeline.corpus import load_blobs
from lib.schema.topic_table import tagged_column, with_topic_columns


def test_an_input_column_named_like_a_computed_one_is_carried_under_its_own_name():
    csv = (
        b"text,topic:security,title_basis,input_title_basis\n"
        b'"Japan and the United States agreed to cut tariffs on cars on Monday, officials said.",1,x,y\n'
    )
    frame = with_topic_columns(load_blobs([("spoof.csv", csv)]).frame, ["security"])
    assert frame[tagged_column("security")].tolist() == [False]  # computed, not the input's "1"
    assert frame["input_topic:security"].tolist() == ["1"]
    assert frame["title_basis"].tolist() != ["x"]
    assert frame["input_title_basis"].tolist() == ["x"]
    assert frame["input_input_title_basis"].tolist() == ["y"]


def test_a_wide_table_is_carried_through_whole():
    columns = 5_000
    header = ",".join(["text"] + [f"c{i}" for i in range(columns)])
    row = ",".join(["Japan and the United States met on tariffs in Tokyo on Monday."] + ["v"] * columns)
    frame = load_blobs([("wide.csv", f"{header}\n{row}\n".encode())]).frame
    assert frame.shape[1] >= columns
    assert frame[f"c{columns - 1}"].tolist() == ["v"]
