"""lib/ingest/tables.py: CSV, TSV, JSON and JSON Lines tables: one article per row, every other row reported."""

from __future__ import annotations

import json

import pytest

from lib.ingest.readers import map_fields
from lib.schema.limits import Limits
from tests.ingest.reading import TEXT, read


@pytest.mark.parametrize(
    ("headers", "mapping"),
    [
        (
            ["text", "title", "date", "url", "source"],
            {"text": "text", "title": "title", "date": "date", "url": "url", "outlet": "source"},
        ),
        (
            ["BODY", "Headline", "Published", "Link", "Outlet"],
            {"text": "BODY", "title": "Headline", "date": "Published", "url": "Link", "outlet": "Outlet"},
        ),
        (
            [" Content ", "Publish-Date", "PUBLISHER"],
            {"text": " Content ", "date": "Publish-Date", "outlet": "PUBLISHER"},
        ),
        (["Article", "publish date"], {"text": "Article", "date": "publish date"}),
        (["body", "content"], {"text": "content"}),  # the earlier synonym wins
        (["id", "section"], {}),
    ],
)
def test_map_fields(headers: list[str], mapping: dict[str, str]) -> None:
    assert map_fields(headers) == mapping


CSV = (
    "\ufeffHeadline,BODY,Published,Link,Outlet,Section\n"
    f'Ishiba Vows Stronger Alliance,"{TEXT}",2024-11-08,https://example.com/a,Example News,'
    "Politics\n"
    "\n"
    f'Second Story,"{TEXT} Again.",2024-11-09,,,World\n'
)


def test_csv_with_bom_synonyms_in_any_case_and_unknown_columns() -> None:
    articles, report = read("news.csv", CSV.encode())
    assert report == []
    assert [a.source for a in articles] == ["news.csv#row 1", "news.csv#row 2"]  # blank line skipped
    first = articles[0]
    assert (first.title, first.text, first.date, first.url, first.outlet) == (
        "Ishiba Vows Stronger Alliance",
        TEXT,
        "2024-11-08",
        "https://example.com/a",
        "Example News",
    )
    assert first.date_field == "Published"
    assert first.extra == {"Section": "Politics"}
    assert articles[1].extra == {"Section": "World"}


@pytest.mark.parametrize(
    ("name", "data", "sources", "report"),
    [
        pytest.param(
            "news.tsv", f"title\ttext\tdate\nT\t{TEXT}\t2024-11-09\n".encode(), ["news.tsv#row 1"], [], id="tsv"
        ),
        pytest.param(
            "news.csv", f"Text;Title\n{TEXT};T\n".encode("cp1252"), ["news.csv#row 1"], [], id="semicolon csv in cp1252"
        ),
        pytest.param(
            "news.json",
            json.dumps([{"headline": "J", "content": TEXT}]).encode(),
            ["news.json#record 1"],
            [],
            id="json list",
        ),
        pytest.param(
            "news.json",
            json.dumps(
                {"articles": [{"title": "J", "article": TEXT}, {"title": "K", "article": TEXT + " Two."}]}
            ).encode(),
            ["news.json#record 1", "news.json#record 2"],
            [],
            id="json articles object",
        ),
        pytest.param(
            "one.json",
            json.dumps({"title": "J", "text": TEXT}).encode(),
            ["one.json#record 1"],
            [],
            id="json single article object",
        ),
        pytest.param(
            "news.jsonl",
            (json.dumps({"text": TEXT}) + "\n{broken\n\n" + json.dumps({"body": TEXT + " Two."}) + "\n").encode(),
            ["news.jsonl#line 1", "news.jsonl#line 4"],
            [("news.jsonl#line 2", "not valid JSON")],
            id="jsonl with a broken line",
        ),
        pytest.param(
            "news.json",
            b'[1, {"text": ""}, {"text": "Japan and the US met."}]',
            ["news.json#record 3"],
            [("news.json#record 1", "not a record"), ("news.json#record 2", "empty")],
            id="json with bad records",
        ),
        pytest.param(
            "news.json", b'{"foo": 1}', [], [("news.json", "not a list of records")], id="json without records"
        ),
        pytest.param("news.json", b"{not json", [], [("news.json", "not valid JSON")], id="broken json"),
        pytest.param("news.json", b"[]", [], [("news.json", "empty")], id="empty json list"),
        pytest.param("news.json", b'{"articles": []}', [], [("news.json", "empty")], id="empty articles list"),
        pytest.param("news.jsonl", b"", [], [("news.jsonl", "empty")], id="empty jsonl"),
        pytest.param("news.jsonl", b"\n\n", [], [("news.jsonl", "empty")], id="blank jsonl"),
        pytest.param(
            "news.csv",
            b"id,section\n1,World\n",
            [],
            [("news.csv#row 1", "no text column")],
            id="csv without a text column",
        ),
        pytest.param("news.csv", b"text,title\n", [], [("news.csv", "empty")], id="csv with only a header"),
        pytest.param("news.csv", b"", [], [("news.csv", "empty")], id="empty csv"),
    ],
)
def test_table_formats(name: str, data: bytes, sources: list[str], report: list[tuple[str, str]]) -> None:
    articles, entries = read(name, data)
    assert [a.source for a in articles] == sources
    assert entries == report


def test_csv_row_with_too_many_fields_is_used_with_a_warning() -> None:
    (article,), report = read("news.csv", f'text,title\n"{TEXT}",T,extra\n'.encode())
    assert report == []
    assert article.warnings == ["row 1 has 3 fields where the header has 2; fields were matched by position"]


def test_csv_rows_are_repaired_one_by_one_so_the_warning_names_the_row():
    from lib.pipeline.corpus import load_blobs

    data = (
        "text\n"
        '"Itâ€™s a tariff story about Japan and the United States and their trade talks."\n'
        '"A clean row about the alliance between Japan and the United States, and security."\n'
    ).encode()
    corpus = load_blobs([("rows.csv", data)])
    repaired = corpus.frame.set_index("source")["warnings"]
    assert any("mojibake" in w for w in repaired["rows.csv#row 1"])
    assert not any("mojibake" in w for w in repaired["rows.csv#row 2"])
    assert "It’s a tariff story" in corpus.frame["text"].iloc[0]


def test_a_table_of_headlines_alone_is_read_on_its_headlines() -> None:
    data = b"headline,date\nOsaka port braces for new duties,2025-04-02\nChip pact signed,2025-04-03\n"
    articles, report = read("heads.csv", data)
    assert [(a.text, a.title, a.whole_field) for a in articles] == [
        ("Osaka port braces for new duties", "Osaka port braces for new duties", True),
        ("Chip pact signed", "Chip pact signed", True),
    ]
    assert report == []


# --- Hostile and damaged tables (issue 12) --------------------------------------------------------
@pytest.mark.parametrize(
    ("headers", "unique", "note"),
    [
        (["text", "title"], ["text", "title"], ""),
        (["text", "title", "text"], ["text", "title", "text (column 3)"], "'text (column 3)'"),
        (["Text", "title", " text "], ["Text", "title", " text  (column 3)"], "column 3"),  # equal once normalised
        (["", "text", ""], ["", "text", "column 3"], "'column 3'"),
        (["a", "a", "a"], ["a", "a (column 2)", "a (column 3)"], "'a (column 2)', 'a (column 3)'"),
    ],
)
def test_unique_headers(headers: list[str], unique: list[str], note: str) -> None:
    from lib.ingest.tables import _unique_headers

    renamed, said = _unique_headers(headers)
    assert renamed == unique
    assert (note in said) if note else said == ""


@pytest.mark.parametrize(
    ("data", "titles", "warned"),
    [
        pytest.param(f'title,text\nA,"{TEXT}"\nB,"{TEXT} B."\n', ["A", "B"], [False, False], id="clean"),
        pytest.param(f'title,text\nA,"{TEXT}\nB,"{TEXT} B."\n', ["A"], [True], id="quote left open"),
        pytest.param(f'title,text\nA,"{TEXT}"x\nB,"{TEXT} B."\n', ["A", "B"], [True, False], id="text after a quote"),
        pytest.param(f'title,text\nA 5" screen,"{TEXT}"\n', ['A 5" screen'], [False], id="a quote inside a field"),
        pytest.param(f'sep=|\ntitle|text\nA|"{TEXT}, and more"\n', ["A"], [False], id="Excel sep= line"),
        pytest.param(f'title;text\rA;"{TEXT}, more"\rB;"{TEXT}"\r', ["A", "B"], [False, False], id="CR only"),
        pytest.param(f'title,text\r\nA,"{TEXT}\rsecond line"\r\n', ["A"], [False], id="CR inside a cell"),
    ],
)
def test_csv_quoting_and_dialects(data: str, titles: list[str], warned: list[bool]) -> None:
    articles, report = read("t.csv", data.encode())
    assert report == []
    assert [a.title for a in articles] == titles
    assert [any("quoting is broken" in w for w in a.warnings) for a in articles] == warned
    assert not any("\r" in a.text for a in articles)  # a bare CR is a line break


def test_a_cell_longer_than_the_csv_module_allows_is_one_long_row() -> None:
    huge = "word " * 60_000  # 300,000 characters: over csv's default field limit of 131,072
    data = f'title,text\nHuge,"{huge}"\nAfter,"{TEXT}"\n'.encode()
    articles, report = read("t.csv", data, Limits(max_article_chars=200_000))
    assert [a.title for a in articles] == ["After"]
    assert report == [("t.csv#row 1", "too long")]


@pytest.mark.parametrize(
    ("data", "sources", "report"),
    [
        pytest.param(
            b"[" + json.dumps({"text": TEXT}).encode() + b", " + b"[" * 5000 + b"]" * 5000 + b"]",
            ["t.json#record 1"],
            [("t.json#record 2", "nested too deep")],
            id="deep second record",
        ),
        pytest.param(
            b'[{"text": "a \\" [ { quoted"}, ' + b"[" * 5000 + b"]" * 5000 + b', {"text": "' + TEXT.encode() + b'"}]',
            ["t.json#record 1", "t.json#record 3"],
            [("t.json#record 2", "nested too deep")],
            id="brackets inside strings are not counted",
        ),
        pytest.param(
            b"[" + b"[" * 5000 + b"]" * 5000 + b" 7]",
            [],
            [("t.json#record 1", "nested too deep"), ("t.json#record 2", "not valid JSON")],
            id="missing comma after a deep record",
        ),
    ],
)
def test_a_list_with_a_record_too_deep_is_read_record_by_record(
    data: bytes, sources: list[str], report: list[tuple[str, str]]
) -> None:
    articles, entries = read("t.json", data)
    assert [a.source for a in articles] == sources
    assert entries == report


@pytest.mark.parametrize(
    ("digits", "kept"),
    [(10, 1234567890), (640, int("9" * 640)), (641, "9" * 641), (100_000, "9" * 100_000)],
)
def test_long_integers_stay_as_digits(digits: int, kept: object) -> None:
    from lib.ingest.tables import _JSON

    number = "1234567890" if digits == 10 else "9" * digits
    assert _JSON.decode(f'{{"id": {number}}}')["id"] == kept


def test_json_lines_break_only_at_line_ends() -> None:
    record = json.dumps({"text": TEXT + "\u2028" + "After a line separator."}, ensure_ascii=False)
    articles, report = read("t.jsonl", (record + "\r" + json.dumps({"text": TEXT + " Two."}) + "\r").encode())
    assert (len(articles), report) == (2, [])
    assert "After a line separator." in articles[0].text


def test_lone_surrogates_in_json_are_replaced_and_warned() -> None:
    data = json.dumps([{"text": TEXT + " \udc80.", "title": "Half \ud83c pair", "\ud800key": "v"}]).encode()
    (article,), report = read("t.json", data)
    assert report == []
    assert article.title == "Half \ufffd pair" and article.text.endswith("\ufffd.")
    assert article.extra == {"\ufffdkey": "v"}
    assert article.warnings == ["replaced 3 lone surrogate(s) (a broken \\uXXXX escape) with U+FFFD"]
