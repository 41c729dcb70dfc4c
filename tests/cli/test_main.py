"""lib/cli/main.py: `python -m lib analyze PATH... -o OUT`, run as a user would run it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[2]
TEXT = (
    "Prime Minister Shigeru Ishiba said on Friday that the alliance with the United States "
    "remained strong. Officials in Tokyo are preparing for renewed demands on defence costs."
)


def run(*args: str | Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "lib", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_help() -> None:
    result = run("--help")
    assert result.returncode == 0
    assert "analyze" in result.stdout
    result = run("analyze", "--help")
    assert result.returncode == 0
    for option in ("-o OUT", "--strict", "--taxonomy FILE", "PATH"):
        assert option in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param([], "the following arguments are required: COMMAND", id="no command"),
        pytest.param(["frobnicate"], "invalid choice: 'frobnicate'", id="unknown command"),
        pytest.param(
            ["analyze", "seeds"], "say where the results go: -o OUT (a table), --store DIR, or both", id="no output"
        ),
        pytest.param(["analyze", "-o", "out.csv"], "the following arguments are required: PATH", id="no path"),
        pytest.param(
            ["analyze", "seeds", "-o", "out.xlsx"],
            "'out.xlsx': the output must end in .csv, .parquet, .jsonl",
            id="bad suffix",
        ),
        pytest.param(
            ["analyze", "no/such/folder", "-o", "out.csv"], "no such file or folder: no/such/folder", id="missing input"
        ),
        pytest.param(
            ["analyze", "seeds", "-o", "out.csv", "--taxonomy", "no/such.toml"],
            "cannot read taxonomy",
            id="missing taxonomy",
        ),
    ],
)
def test_bad_arguments_exit_2_with_a_message(args: list[str], message: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_invalid_taxonomy_file_exits_2_naming_the_topic(tmp_path: Path) -> None:
    taxonomy = tmp_path / "bad.toml"
    taxonomy.write_text('[[topic]]\nkey = "chips"\n', encoding="utf-8")
    result = run("analyze", "seeds", "-o", tmp_path / "out.csv", "--taxonomy", taxonomy)
    assert result.returncode == 2
    assert "topic 'chips': needs at least one of terms, phrases or patterns" in result.stderr


def test_analyze_seeds_to_csv(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    result = run("analyze", "seeds", "-o", out)
    assert result.returncode == 0, result.stderr
    assert "5 article(s) from 5 input(s); 0 not used." in result.stderr
    assert f"Wrote 5 row(s) to {out}" in result.stderr
    table = pd.read_csv(out, keep_default_na=False, dtype=str)
    table["seed"] = table["source"].map(lambda s: Path(s).name[:3])
    got = table.set_index("seed")[["published", "date_basis", "pm", "pm_basis", "pms_mentioned", "topics"]]
    # The seed topics of tests/pipeline/test_corpus.py (salience tagging; reasons there).
    strong = "security;trade;defense_spending"
    assert got.to_dict("index") == {
        "000": {
            "published": "2024-01-18",
            "date_basis": "text",
            "pm": "Kishida",
            "pm_basis": "date",
            "pms_mentioned": "Aso;Abe",
            "topics": "security;defense_spending",
        },
        "001": {
            "published": "2024-01-27",
            "date_basis": "text",
            "pm": "Kishida",
            "pm_basis": "date",
            "pms_mentioned": "Kishida;Abe;Aso",
            "topics": "",
        },
        "002": {
            "published": "",
            "date_basis": "none",
            "pm": "Ishiba",
            "pm_basis": "text",
            "pms_mentioned": "Ishiba",
            "topics": strong,
        },
        "003": {
            "published": "",
            "date_basis": "none",
            "pm": "Takaichi",
            "pm_basis": "text",
            "pms_mentioned": "Takaichi",
            "topics": strong,
        },
        "004": {
            "published": "2024-11-07",
            "date_basis": "text",
            "pm": "Ishiba",
            "pm_basis": "date",
            "pms_mentioned": "Ishiba",
            "topics": "security;defense_spending",
        },
    }


@pytest.mark.parametrize("suffix", [".parquet", ".jsonl"])
def test_other_output_formats(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"out{suffix}"
    result = run("analyze", "seeds", "-o", out)
    assert result.returncode == 0, result.stderr
    frame = pd.read_parquet(out) if suffix == ".parquet" else pd.read_json(out, lines=True)
    assert len(frame) == 5
    assert list(frame["pm"]) == ["Kishida", "Kishida", "Ishiba", "Takaichi", "Ishiba"]


@pytest.fixture
def corpus_with_rejects(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_text(TEXT, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    return folder


def test_rejected_inputs_are_reported_and_exit_0(tmp_path: Path, corpus_with_rejects: Path) -> None:
    out = tmp_path / "out.csv"
    result = run("analyze", corpus_with_rejects, "-o", out)
    assert result.returncode == 0, result.stderr
    assert "1 article(s) from 3 input(s); 2 not used." in result.stderr
    assert "Ingest report:" in result.stderr
    assert "empty.txt: empty (the file has no content)" in result.stderr
    assert "picture.png: unsupported file type" in result.stderr
    assert len(pd.read_csv(out)) == 1


def test_strict_makes_rejections_an_error(tmp_path: Path, corpus_with_rejects: Path) -> None:
    out = tmp_path / "out.csv"
    result = run("analyze", corpus_with_rejects, "-o", out, "--strict")
    assert result.returncode == 1
    assert "--strict: 2 input(s) could not be used" in result.stderr
    assert out.exists()  # the table is still written


def test_strict_with_nothing_rejected_exits_0(tmp_path: Path) -> None:
    result = run("analyze", "seeds", "-o", tmp_path / "out.csv", "--strict")
    assert result.returncode == 0, result.stderr


def test_user_taxonomy(tmp_path: Path) -> None:
    taxonomy = tmp_path / "alliance.toml"
    taxonomy.write_text('[[topic]]\nkey = "alliance"\nlabel = "Alliance"\nterms = ["alliance"]\n', encoding="utf-8")
    out = tmp_path / "out.csv"
    result = run("analyze", "seeds", "-o", out, "--taxonomy", taxonomy)
    assert result.returncode == 0, result.stderr
    assert "Topics: Alliance 5" in result.stderr
    assert set(pd.read_csv(out)["topics"]) == {"alliance"}


def test_sentiment_engine_is_chosen_by_name(tmp_path: Path) -> None:
    table = tmp_path / "headlines.csv"
    table.write_text("headline\nUnemployment falls again\nExports slump\n", encoding="utf-8")
    polarities = {}
    for engine in ("textblob", "economy"):
        result = run("analyze", table, "-o", tmp_path / f"{engine}.csv", "--sentiment", engine, "--quiet")
        assert result.returncode == 0, result.stderr
        polarities[engine] = pd.read_csv(tmp_path / f"{engine}.csv")["polarity"].tolist()
    assert polarities["textblob"] == [0.0, 0.0]  # no opinion words
    assert polarities["economy"][0] > 0 > polarities["economy"][1]
    result = run("analyze", table, "-o", tmp_path / "x.csv", "--sentiment", "nosuch")
    assert result.returncode == 2
    assert "argument --sentiment: invalid choice: 'nosuch'" in result.stderr
    assert "economy" in result.stderr  # the choices are named


def test_unwritable_output_is_refused_before_analysis(tmp_path: Path) -> None:
    result = run("analyze", "seeds", "-o", tmp_path / "missing-dir" / "out.csv")
    assert result.returncode == 2  # a usage error, found before any analysis (lib/cli/outputs.py)
    assert "missing-dir does not exist" in result.stderr
    assert "Wrote" not in result.stderr


def test_store_only_run_holds_no_table_and_accounts_for_every_input(tmp_path: Path, corpus_with_rejects: Path) -> None:
    store = tmp_path / "store"
    (corpus_with_rejects / "second.txt").write_text(TEXT.replace("Friday", "Monday"), encoding="utf-8")
    result = run("analyze", corpus_with_rejects, "--store", store, "--strict")
    assert result.returncode == 1  # two inputs could not be used
    assert f"Store {store}: 2 article(s) analysed, 0 already there; 4 input(s), 2 not used." in result.stderr
    assert "empty.txt: empty (the file has no content)" in result.stderr
    assert list((store / "base").glob("part-*.parquet"))
    again = run("analyze", corpus_with_rejects, "--store", store)
    assert again.returncode == 0, again.stderr
    assert f"Store {store}: 0 article(s) analysed, 2 already there; 4 input(s), 2 not used." in again.stderr


def test_the_british_spelling_analyse_is_the_same_command(tmp_path: Path) -> None:
    source = tmp_path / "one.txt"
    source.write_text(TEXT, encoding="utf-8")
    result = run("analyse", source, "-o", tmp_path / "out.csv", "--quiet")
    assert result.returncode == 0, result.stderr
    assert len(pd.read_csv(tmp_path / "out.csv")) == 1
