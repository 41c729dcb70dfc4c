"""lib/ingest/readers.py: every input format to raw articles, every refusal to a report entry."""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.ingest.readers import map_fields, read_bytes, walk_paths
from lib.schema.limits import Limits
from lib.schema.report import IngestReport

TEXT = (
    "Prime Minister Shigeru Ishiba said on Friday that the alliance with the United States "
    "remained strong. Officials in Tokyo are preparing for renewed demands on defence costs."
)
HTML = f"""<!DOCTYPE html><html><head>
<title>Ishiba Vows Stronger Alliance | Example News</title>
<meta property="og:title" content="Ishiba Vows Stronger Alliance">
<meta property="og:site_name" content="Example News">
<meta property="og:url" content="https://example.com/news/ishiba-alliance">
<meta property="article:published_time" content="2024-11-08T09:00:00+09:00">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Ishiba Vows Stronger Alliance</h1><p>{TEXT}</p>
<p>The two governments also discussed trade and investment.</p></article>
<footer>Copyright 2019 Example News. All rights reserved.</footer></body></html>"""
HTML_UNDATED = f"""<html><head><title>Talks in Tokyo</title></head><body>
<article><h1>Talks in Tokyo</h1><p>{TEXT}</p></article>
<footer>Copyright 2019 Example News.</footer></body></html>"""
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(40)


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def read(name: str, data: bytes, limits: Limits | None = None):
    report = IngestReport()
    articles = list(read_bytes(name, data, report, limits or Limits()))
    # The promise: every input is an article or a report entry.
    assert report.inputs == len(articles) + len(report.entries)
    return articles, [(e.input, e.reason) for e in report.entries]


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


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        pytest.param("a.txt", TEXT.encode(), {"source": "a.txt", "text": TEXT, "title": ""}, id="txt"),
        pytest.param(
            "a.md",
            ("# Ishiba Vows Stronger Alliance\n\n" + TEXT).encode(),
            {"source": "a.md", "text": "# Ishiba Vows Stronger Alliance\n\n" + TEXT},
            id="md",
        ),
        pytest.param(
            "a.TXT", TEXT.encode("utf-16"), {"text": TEXT, "encoding": "utf-16"}, id="suffix in capitals, utf-16"
        ),
        pytest.param(
            "page.html",
            HTML.encode(),
            {
                "title": "Ishiba Vows Stronger Alliance",
                "outlet": "Example News",
                "date": "2024-11-08",
                "url": "https://example.com/news/ishiba-alliance",
                "from_html": True,
            },
            id="html with metadata",
        ),
        pytest.param(
            "page.htm",
            HTML_UNDATED.encode(),
            {"title": "Talks in Tokyo", "date": ""},
            id="html: a copyright year is not a date",
        ),
    ],
)
def test_single_article_formats(name: str, data: bytes, expected: dict) -> None:
    articles, report = read(name, data)
    assert report == []
    (article,) = articles
    for field, value in expected.items():
        assert getattr(article, field) == value, field


def test_html_main_text_leaves_navigation_and_footer_out() -> None:
    (article,), _ = read("page.html", HTML.encode())
    assert TEXT in article.text
    assert "Copyright" not in article.text
    assert "World" not in article.text


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


@pytest.mark.parametrize(
    ("name", "data", "report"),
    [
        pytest.param("empty.txt", b"", [("empty.txt", "empty")], id="empty file"),
        pytest.param("blank.txt", b" \n\t\n", [("blank.txt", "empty")], id="whitespace only"),
        pytest.param("image.txt", PNG, [("image.txt", "not text")], id="png bytes named txt"),
        pytest.param("image.png", PNG, [("image.png", "unsupported file type")], id="png"),
        pytest.param("README", TEXT.encode(), [("README", "unsupported file type")], id="no extension"),
        pytest.param("page.html", PNG, [("page.html", "not text")], id="png bytes named html"),
        pytest.param(
            "page.html", b"<html><body></body></html>", [("page.html", "no article text")], id="html without text"
        ),
        pytest.param("data.json", PNG, [("data.json", "not text")], id="png bytes named json"),
        pytest.param("broken.zip", b"PK\x03\x04 not really", [("broken.zip", "broken archive")], id="broken zip"),
    ],
)
def test_refused_inputs_are_reported(name: str, data: bytes, report: list[tuple[str, str]]) -> None:
    articles, entries = read(name, data)
    assert articles == []
    assert entries == report


def test_zip_members_nested_zip_and_path_traversal() -> None:
    inner = zip_bytes({"inner.txt": (TEXT + " Inner.").encode()})
    data = zip_bytes(
        {
            "one.txt": TEXT.encode(),
            "folder/two.csv": f'text\n"{TEXT} Two."\n'.encode(),
            "../evil.txt": b"Evil text that must never be read from outside the archive.",
            "/etc/passwd.txt": b"root",
            "nested.zip": inner,
            "image.png": PNG,
        }
    )
    articles, report = read("bundle.zip", data)
    assert [a.source for a in articles] == [
        "bundle.zip!one.txt",
        "bundle.zip!folder/two.csv#row 1",
        "bundle.zip!nested.zip!inner.txt",
    ]
    assert report == [
        ("bundle.zip!../evil.txt", "unsafe path"),
        ("bundle.zip!/etc/passwd.txt", "unsafe path"),
        ("bundle.zip!image.png", "unsupported file type"),
    ]
    assert not any("Evil" in a.text for a in articles)


def test_zip_limits() -> None:
    members = {f"{i}.txt": f"{TEXT} {i}.".encode() for i in range(3)}
    articles, report = read("many.zip", zip_bytes(members), Limits(max_zip_members=2))
    assert len(articles) == 2
    assert report == [("many.zip!2.txt", "too many archive members")]

    articles, report = read("big.zip", zip_bytes({"big.txt": b"a" * 2000}), Limits(max_zip_member_bytes=1000))
    assert (articles, report) == ([], [("big.zip!big.txt", "too large")])

    articles, report = read("total.zip", zip_bytes(members), Limits(max_zip_total_bytes=2 * len(members["0.txt"])))
    assert len(articles) == 2
    assert report == [("total.zip!2.txt", "archive too large")]

    bomb = zip_bytes({"bomb.txt": b"0" * 2_000_000})
    articles, report = read("bomb.zip", bomb)
    assert (articles, report) == ([], [("bomb.zip!bomb.txt", "suspicious compression ratio")])

    deep = zip_bytes({"a.zip": zip_bytes({"b.zip": zip_bytes({"c.txt": TEXT.encode()})})})
    articles, report = read("deep.zip", deep)
    assert (articles, report) == ([], [("deep.zip!a.zip!b.zip", "archive nested too deep")])

    articles, report = read("empty.zip", zip_bytes({}))
    assert (articles, report) == ([], [("empty.zip", "empty")])


def test_file_size_limit() -> None:
    articles, report = read("big.txt", b"a " * 600, Limits(max_file_bytes=1000))
    assert (articles, report) == ([], [("big.txt", "too large")])


def test_walk_paths_is_sorted_and_reports_missing(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "b.txt").write_text(TEXT + " B.", encoding="utf-8")
    (folder / "a.txt").write_text(TEXT + " A.", encoding="utf-8")
    (folder / "sub" / "c.md").write_text(TEXT + " C.", encoding="utf-8")
    (folder / "notes.docx").write_bytes(b"PK\x03\x04")
    report = IngestReport()
    found = list(walk_paths([folder, tmp_path / "missing.txt"], report))
    assert [Path(a.source).relative_to(folder).as_posix() for a in found] == ["a.txt", "b.txt", "sub/c.md"]
    assert [(Path(e.input).name, e.reason) for e in report.entries] == [
        ("notes.docx", "unsupported file type"),
        ("missing.txt", "not found"),
    ]
    assert report.accounted(len(found))


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_walk_paths_refuses_links_leaving_the_folder(tmp_path: Path) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text("Secret text outside the corpus folder.", encoding="utf-8")
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "link.txt").symlink_to(outside)
    report = IngestReport()
    assert list(walk_paths([folder], report)) == []
    assert [e.reason for e in report.entries] == ["link outside the folder"]


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


@settings(max_examples=3000)
@given(st.text(alphabet="ab./\\ .-_\u0130", max_size=12))
def test_suffix_is_the_posix_path_suffix(name):
    from pathlib import PurePosixPath

    from hypothesis import assume

    from lib.ingest.formats import suffix_of as _suffix

    # Python 3.14 reads a trailing dot ("notes.") as a suffix; we keep the older reading: none.
    assume(not PurePosixPath(name).name.endswith("."))
    assert _suffix(name) == PurePosixPath(name).suffix.lower()
    assert _suffix("notes.") == _suffix("a/b/.") == _suffix("..") == ""


def test_a_table_of_headlines_alone_is_read_on_its_headlines() -> None:
    data = b"headline,date\nOsaka port braces for new duties,2025-04-02\nChip pact signed,2025-04-03\n"
    articles, report = read("heads.csv", data)
    assert [(a.text, a.title, a.whole_field) for a in articles] == [
        ("Osaka port braces for new duties", "Osaka port braces for new duties", True),
        ("Chip pact signed", "Chip pact signed", True),
    ]
    assert report == []
