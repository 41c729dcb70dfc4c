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
    columns = 900  # under the default max_carried_columns
    header = ",".join(["text"] + [f"c{i}" for i in range(columns)])
    row = ",".join(["Japan and the United States met on tariffs in Tokyo on Monday."] + ["v"] * columns)
    frame = load_blobs([("wide.csv", f"{header}\n{row}\n".encode())]).frame
    assert frame.shape[1] >= columns
    assert frame[f"c{columns - 1}"].tolist() == ["v"]


def test_past_the_carried_column_limit_a_warning_says_how_many_were_not_carried():
    from lib.schema.limits import Limits

    header = ",".join(["text"] + [f"c{i}" for i in range(30)])
    row = ",".join(["Japan and the United States met on tariffs in Tokyo on Monday."] + ["v"] * 30)
    corpus = load_blobs([("wide.csv", f"{header}\n{row}\n".encode())], limits=Limits(max_carried_columns=10))
    frame = corpus.frame
    assert "c9" in frame.columns and "c10" not in frame.columns
    assert any("first 10 of 30 extra columns" in w for w in frame["warnings"][0])
