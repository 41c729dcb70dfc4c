"""lib/ingest/tables.py: CSV, TSV, JSON and JSON Lines tables: one article per row, every other row reported."""

from __future__ import annotations

import json

import pytest

from lib.ingest.readers import map_fields
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
