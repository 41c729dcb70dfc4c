"""lib/cli/outputs.py: where `analyze` writes is checked before any analysis, and an input is
never overwritten."""

from __future__ import annotations

import errno
import tempfile
from pathlib import Path

import pytest

import lib.cli.main
from lib.cli.main import main
from lib.cli.outputs import output_problems

TEXT = "Officials in Tokyo and Washington met on Tuesday to discuss the alliance and trade."


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "inputs"
    folder.mkdir()
    (folder / "one.txt").write_text(TEXT, encoding="utf-8")
    (folder / "table.csv").write_text(f"title,text\nA title,{TEXT}\n", encoding="utf-8")
    return folder


@pytest.fixture
def analysis_never_starts(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("analysis started before the outputs were checked")

    monkeypatch.setattr(lib.cli.main, "load_corpus", refuse)
    monkeypatch.setattr(lib.cli.main, "build_store", refuse)


def _refused(argv: list[str], capsys) -> str:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    return capsys.readouterr().err


# (what -o or --store points at, relative to tmp_path; words the message must hold)
REFUSED = [
    (["-o", "inputs/table.csv"], ["-o", "is one of the inputs"]),
    (["-o", "missing-folder/out.csv"], ["does not exist"]),
    (["-o", "inputs/one.txt/out.csv"], ["inputs/one.txt is a file, not a folder"]),
    (["-o", "a-folder.csv"], ["is a folder"]),
    (["--store", "inputs/one.txt"], ["--store", "is a file, not a folder"]),
    (["--store", "inputs/one.txt/store"], ["--store", "cannot create the folder"]),
    (["--store", "store-with-file-parts"], ["base is a file"]),
]


@pytest.mark.parametrize(("options", "words"), REFUSED)
def test_unusable_outputs_are_refused_before_analysis(
    options, words, inputs, tmp_path, monkeypatch, capsys, analysis_never_starts
):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a-folder.csv").mkdir()
    (tmp_path / "store-with-file-parts").mkdir()
    (tmp_path / "store-with-file-parts" / "base").write_text("not a folder", encoding="utf-8")
    before = (inputs / "table.csv").read_bytes()
    message = _refused(["analyze", "inputs", *options, "--quiet"], capsys)
    for word in words:
        assert word in message
    assert "Traceback" not in message
    assert (inputs / "table.csv").read_bytes() == before


def test_an_input_given_directly_is_never_overwritten(inputs, capsys, analysis_never_starts):
    table = inputs / "table.csv"
    before = table.read_bytes()
    message = _refused(["analyze", str(table), "-o", str(table)], capsys)
    assert "is one of the inputs" in message
    assert table.read_bytes() == before


def test_the_same_input_reached_through_another_spelling_is_refused(inputs, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "link.csv").symlink_to(inputs / "table.csv")
    assert output_problems(["inputs"], Path("link.csv"), None)
    assert output_problems(["inputs/../inputs/table.csv"], Path("./inputs/table.csv"), None)


def test_a_new_output_inside_an_input_folder_is_allowed(inputs):
    # Nothing is overwritten; a later run reading the folder reads it as an input and is refused.
    assert output_problems([str(inputs)], inputs / "results.csv", None) == []
    (inputs / "results.csv").write_text("x\n", encoding="utf-8")
    assert output_problems([str(inputs)], inputs / "results.csv", None)


def test_an_existing_output_that_is_no_input_may_be_replaced(inputs, tmp_path):
    (tmp_path / "old.parquet").write_bytes(b"an older table")
    assert output_problems([str(inputs)], tmp_path / "old.parquet", None) == []


def test_a_folder_that_takes_no_new_file_is_refused(inputs, tmp_path, monkeypatch):
    """Root ignores permission bits, so the refusal of a read-only mount is simulated."""

    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(tempfile, "NamedTemporaryFile", read_only)
    (tmp_path / "store").mkdir()
    assert output_problems([str(inputs)], tmp_path / "out.csv", None) == [
        f"-o {tmp_path / 'out.csv'}: cannot write in {tmp_path} (Read-only file system)"
    ]
    assert output_problems([str(inputs)], None, str(tmp_path / "store")) == [
        f"--store {tmp_path / 'store'}: cannot write in {tmp_path / 'store'} (Read-only file system)"
    ]


def test_a_missing_store_is_created_and_the_check_leaves_no_file_behind(inputs, tmp_path):
    store = tmp_path / "new" / "store"
    assert output_problems([str(inputs)], tmp_path / "out.csv", str(store)) == []
    assert store.is_dir() and list(store.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["inputs", "new"]


def test_good_outputs_still_run(inputs, tmp_path):
    assert main(["analyze", str(inputs), "-o", str(tmp_path / "out.csv"), "--quiet"]) == 0
    assert (tmp_path / "out.csv").stat().st_size > 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["inputs", "out.csv"]  # no temporary left


def test_inputs_neither_in_the_table_nor_in_the_report_fail_the_run(inputs, tmp_path, monkeypatch, capsys):
    """An article lost without a report entry (a store part damaged while the run read it) is a
    failure with the counts, with or without --strict."""
    from lib.pipeline.corpus import Corpus
    from lib.schema.report import IngestReport

    real = lib.cli.main.load_corpus

    def losing_one(*args, **kwargs):
        corpus = real(*args, **kwargs)
        return Corpus(corpus.frame.head(0), corpus.report, corpus.store_problems)

    monkeypatch.setattr(lib.cli.main, "load_corpus", losing_one)
    assert main(["analyze", str(inputs), "-o", str(tmp_path / "out.csv"), "--quiet"]) == 1
    message = capsys.readouterr().err
    assert "2 input(s) seen, but 0 article(s) and 1 report entr(ies): 1 input(s) unaccounted for" in message
    assert lib.cli.main.unaccounted_message(IngestReport(inputs=4), 4).startswith("4 input(s) seen")
