"""lib/ingest/files.py: blobs dispatched by suffix, folders walked in order, every refusal reported."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lib.ingest.readers import walk_paths
from lib.schema.limits import Limits
from lib.schema.report import IngestReport
from tests.ingest.reading import PNG, TEXT, read


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


def test_walk_paths_reports_an_empty_folder_given_but_not_one_found(tmp_path: Path) -> None:
    (tmp_path / "given" / "inside-empty").mkdir(parents=True)
    (tmp_path / "full" / "inside-empty").mkdir(parents=True)
    (tmp_path / "full" / "a.txt").write_text(TEXT, encoding="utf-8")
    report = IngestReport()
    found = list(walk_paths([tmp_path / "given", tmp_path / "full"], report))
    assert [Path(a.source).name for a in found] == ["a.txt"]
    assert [(Path(e.input).name, e.reason) for e in report.entries] == [("given", "empty folder")]
    assert report.accounted(len(found))


def test_walk_paths_reports_folders_it_cannot_list(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "corpus" / "closed" / "deeper").mkdir(parents=True)
    (tmp_path / "corpus" / "a.txt").write_text(TEXT, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path):  # tests may run as root, whom permissions do not stop
        if Path(path).name == "closed":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    report = IngestReport()
    found = list(walk_paths([tmp_path / "corpus"], report))
    assert [Path(a.source).name for a in found] == ["a.txt"]
    assert [(Path(e.input).name, e.reason) for e in report.entries] == [("closed", "unreadable folder")]
    assert report.entries[0].detail == "Permission denied; its files were not read"


def test_walk_paths_names_are_printable(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path)
    with open(os.path.join(folder, b"caf\xe9 \x1b[1m.txt"), "wb") as file:  # Latin-1 bytes, an escape
        file.write(TEXT.encode())
    report = IngestReport()
    (article,) = walk_paths([tmp_path], report)
    assert article.source.endswith("caf\\xe9 \\x1b[1m.txt")
    article.source.encode("utf-8")  # no surrogate escapes left to break a UTF-8 output


def test_an_unforeseen_reader_failure_is_the_inputs_entry(monkeypatch: pytest.MonkeyPatch) -> None:
    import lib.ingest.files as files

    def failing_table(*args, **kwargs):
        raise ValueError("negative seek value")
        yield  # a generator, as readers are

    monkeypatch.setattr(files, "read_table", failing_table)
    articles, report = read("t.csv", b"text\nhello\n")
    assert (articles, report) == ([], [("t.csv", "unreadable")])
