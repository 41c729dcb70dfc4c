"""lib/evaluation/codings.py: codings written in the labels format and read back."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from lib.evaluation.codings import Coding, as_codings, coded_article, codings_csv, parse_codings
from lib.evaluation.labels import LabelError, read_labels

TOPICS = ("harbour", "grain")

CODINGS = [
    Coding(
        "pages/a.txt",
        "ida",
        {"harbour": True},
        -1,
        dt.date(2024, 5, 2),
        "Kishida",
        True,
        True,
        "Ferry talks",
        "Gazette",
    ),
    Coding("pages/b.txt", "idb", {"grain": True}, None, None, "", False, False),
]


def test_round_trip_in_the_labels_format():
    text = codings_csv(CODINGS, TOPICS)
    assert text.splitlines()[0] == "file,article_id,published,pm,title,outlet,harbour,grain,tone,date_right,pm_right"
    assert text.splitlines()[1] == "pages/a.txt,ida,2024-05-02,Kishida,Ferry talks,Gazette,1,0,-1,1,1"
    assert text.splitlines()[2] == "pages/b.txt,idb,,,,,0,1,,0,0"
    read = parse_codings(text, TOPICS)
    assert [row.file for row in read.labels.rows] == ["pages/a.txt", "pages/b.txt"]
    assert read.labels.rows[0].topics == {"harbour": True, "grain": False}
    assert read.labels.rows[0].published == dt.date(2024, 5, 2)
    assert read.tones == {"pages/a.txt": -1}
    assert read.article_ids == {"pages/a.txt": "ida", "pages/b.txt": "idb"}
    assert read.date_right == {"pages/a.txt": True, "pages/b.txt": False}


def test_a_plain_labels_file_reads_without_tones():
    text = "file,published,pm,title,outlet,harbour,grain\nx.txt,2020-01-01,Abe,,,1,0\n"
    read = parse_codings(text, TOPICS)
    assert read.tones == {} and len(read.labels.rows) == 1


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("x.txt,,2020-01-01,Abe,,,1,0,2,1,1", r"row 1 \(x.txt\): tone is '2'"),
        ("x.txt,,2020-01-01,Abe,,,1,0,0,yes,1", "date_right is 'yes'"),
        ("x.txt,,2020-01-01,Abe,,,maybe,0,0,1,1", "topic harbour is 'maybe'"),
    ],
)
def test_bad_cells_are_named(row, message):
    header = "file,article_id,published,pm,title,outlet,harbour,grain,tone,date_right,pm_right\n"
    with pytest.raises(LabelError, match=message):
        parse_codings(header + row + "\n", TOPICS, name="mine.csv")


TOOL_ROW = {
    "source": "pages/c.txt",
    "article_id": "idc",
    "published": "2023-09-14T00:00:00",
    "pm": "Kishida",
    "title": "Port fees rise",
    "outlet": None,
}


@pytest.mark.parametrize(
    ("answers", "published", "pm"),
    [
        (dict(date_right=True, pm_right=True), dt.date(2023, 9, 14), "Kishida"),
        (dict(date_right=False, pm_right=True, date_correction="2023-09-12"), dt.date(2023, 9, 12), "Kishida"),
        # "Wrong" with no correction: the article shows no date / names no sitting PM.
        (dict(date_right=False, pm_right=False), None, ""),
        (dict(date_right=True, pm_right=False, pm_correction="Suga"), dt.date(2023, 9, 14), "Suga"),
    ],
)
def test_coded_article_takes_the_tools_answer_or_the_correction(answers, published, pm):
    coding = coded_article(TOOL_ROW, topics={"harbour": True}, tone=0, **answers)
    assert (coding.published, coding.pm) == (published, pm)
    assert (coding.file, coding.article_id, coding.title, coding.outlet) == ("pages/c.txt", "idc", "Port fees rise", "")


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        (dict(tone=2, date_right=True, pm_right=True), "tone must be"),
        (dict(tone=0, date_right=False, pm_right=True, date_correction="14 Sept"), "'14 Sept' is not a date"),
    ],
)
def test_coded_article_refuses_bad_answers(answers, message):
    with pytest.raises(ValueError, match=message):
        coded_article(TOOL_ROW, topics={}, **answers)


def test_a_codings_file_is_a_labels_file_the_cli_reads(tmp_path):
    path = tmp_path / "codings.csv"
    path.write_text(codings_csv(CODINGS, TOPICS), encoding="utf-8")
    labels = read_labels(path, TOPICS)
    assert [row.name for row in labels.rows] == ["a.txt", "b.txt"]
    assert as_codings(parse_codings(path.read_text(), TOPICS)) == [
        replace(CODINGS[0], topics={"harbour": True, "grain": False}),  # every topic, read back
        Coding("pages/b.txt", "idb", {"harbour": False, "grain": True}, None, None, "", False, False),
    ]
