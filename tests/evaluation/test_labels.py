"""lib/evaluation/labels.py: the labels CSV, and the errors a person can act on."""

from __future__ import annotations

import datetime as dt

import pytest

from lib.evaluation.labels import LabelError, file_name, parse_labels, read_labels

TOPICS = ("alliance", "commerce")
HEADER = "file,url,outlet,title,published,date_evidence,pm,alliance,commerce,notes\n"


def test_reads_the_dev_set_format(tmp_path) -> None:
    path = tmp_path / "labels.csv"
    path.write_text(
        HEADER
        + "pages/a.txt,,Harbour Gazette,Ferry talks resume,2024-05-02,"
        + '"May 2, 2024",Kishida,1,0,"BORDERLINE: note, with comma"\n'
        + "pages/b.txt,,,,,,,0,1,\n",
        encoding="utf-8",
    )
    labels = read_labels(path, TOPICS)
    first, second = labels.rows
    assert first.name == "a.txt"
    assert first.published == dt.date(2024, 5, 2)
    assert (first.pm, first.title, first.outlet) == ("Kishida", "Ferry talks resume", "Harbour Gazette")
    assert first.topics == {"alliance": True, "commerce": False}
    assert first.notes == "BORDERLINE: note, with comma"
    assert (second.published, second.pm, second.title, second.outlet) == (None, "", "", "")
    assert labels.topic_keys == TOPICS


def test_a_topic_without_a_column_is_listed_not_scored() -> None:
    labels = parse_labels("file,published,pm,title,outlet,commerce\na.txt,,,,,1\n", ("alliance", "commerce"))
    assert labels.topic_keys == ("commerce",)
    assert labels.unlabelled_topics == ("alliance",)


def test_byte_order_mark_and_blank_lines_are_fine(tmp_path) -> None:
    path = tmp_path / "labels.csv"
    path.write_bytes(("\ufeff" + "file,published,pm,title,outlet\na.txt,2023-01-09T08:00:00,,,\n\n").encode())
    assert read_labels(path, ()).rows[0].published == dt.date(2023, 1, 9)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "empty, expected a header row"),
        ("file,published,pm\na.txt,,\n", "missing column(s) title, outlet"),
        ("file,published,pm,title,outlet\n", "no labelled rows"),
        ("file,published,pm,title,outlet\n,2024-01-01,,,\n", "row 1: the file cell is empty"),
        (
            "file,published,pm,title,outlet\na.txt,01/02/2024,,,\n",
            "row 1 (a.txt): published '01/02/2024' is not a date",
        ),
        ("file,published,pm,title,outlet\na.txt,2024-02-30,,,\n", "published '2024-02-30' is not a date"),
        (
            "file,published,pm,title,outlet\na.txt,,,,\nb.txt,,,,\nx/a.txt,,,,\n",
            "row 3: file 'x/a.txt' is labelled twice (also row 1)",
        ),
        ("file,published,pm,title,outlet,alliance\na.txt,,,,,yes\n", "topic alliance is 'yes', expected 0 or 1"),
        ("file,published,pm,title,outlet,alliance\na.txt,,,,,\n", "topic alliance is '', expected 0 or 1"),
        ("file,published,pm,title,outlet\na.txt,,,,,extra\n", "row 1: more cells than the header's 5 columns"),
    ],
)
def test_bad_label_files_say_where_and_why(text: str, message: str) -> None:
    with pytest.raises(LabelError) as error:
        parse_labels(text, TOPICS, name="mine.csv")
    assert message in str(error.value)
    assert str(error.value).startswith("mine.csv")


def test_unreadable_files_name_the_file(tmp_path) -> None:
    with pytest.raises(LabelError, match="no such labels file"):
        read_labels(tmp_path / "absent.csv", TOPICS)
    latin = tmp_path / "latin.csv"
    latin.write_bytes("file,published,pm,title,outlet\ncaf\xe9.txt,,,,\n".encode("latin-1"))
    with pytest.raises(LabelError, match=r"latin\.csv: not UTF-8"):
        read_labels(latin, TOPICS)


@pytest.mark.parametrize(
    ("source", "name"),
    [
        ("articles/001.txt", "001.txt"),
        ("C:\\data\\001.txt", "001.txt"),
        ("bundle.zip!inner/002.txt", "002.txt"),
        ("003.txt", "003.txt"),
    ],
)
def test_file_name(source: str, name: str) -> None:
    assert file_name(source) == name
