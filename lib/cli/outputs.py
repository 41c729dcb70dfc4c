"""What `analyze` writes, checked before and after: where it will write, before any analysis (a
run that can only fail at the end, an hour of analysis lost to a typo, or that would overwrite
one of its own inputs never starts); and, after, that every input is an article or a report
entry."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from lib.ingest.formats import SUPPORTED_SUFFIXES
from lib.pipeline.export import EXPORT_SUFFIXES
from lib.schema.report import IngestReport


def output_path(value: str) -> Path:
    """An -o argument: a path whose suffix names a format we write (argparse reports the rest)."""
    path = Path(value)
    if path.suffix.lower() not in EXPORT_SUFFIXES:
        raise argparse.ArgumentTypeError(f"'{value}': the output must end in {', '.join(EXPORT_SUFFIXES)}")
    return path


# Folders an existing store keeps its parts in (lib.pipeline.store): each must take new files.
STORE_FOLDERS = ("base", "tags", "files")


def output_problems(inputs: list[str], output: Path | None, store: str | None) -> list[str]:
    """What stops the run writing its results, each naming the path and the reason; [] when
    both destinations can be written and neither is one of the inputs."""
    problems = []
    if output is not None:
        problems += _table_problems(output, inputs)
    if store is not None:
        problems += _store_problems(Path(store))
    return problems


def _table_problems(output: Path, inputs: list[str]) -> list[str]:
    if output.is_dir():
        return [f"-o {output}: is a folder; give a file name ending in {output.suffix or '.csv'}"]
    source = _input_holding(output, inputs)
    if source is not None:
        return [f"-o {output}: is one of the inputs (given as {source}); it is never overwritten, choose another name"]
    folder = output.parent if str(output.parent) else Path(".")
    if folder.exists() and not folder.is_dir():
        return [f"-o {output}: {folder} is a file, not a folder"]
    if not folder.is_dir():
        return [f"-o {output}: the folder {folder} does not exist"]
    problem = _cannot_create_in(folder)
    if problem:
        return [f"-o {output}: cannot write in {folder} ({problem})"]
    if output.exists() and not _can_append(output):
        return [f"-o {output}: the file exists and cannot be written (permission denied)"]
    return []


def _store_problems(store: Path) -> list[str]:
    if store.exists() and not store.is_dir():
        return [f"--store {store}: is a file, not a folder; give a folder (created if missing)"]
    try:
        store.mkdir(parents=True, exist_ok=True)  # created if missing, as --store promises
    except OSError as error:
        return [f"--store {store}: cannot create the folder ({_reason(error)})"]
    folders = [store] + [store / name for name in STORE_FOLDERS if (store / name).exists()]
    folders += [p for p in (store / "tags").iterdir() if p.is_dir()] if (store / "tags").is_dir() else []
    for folder in folders:
        if not folder.is_dir():
            return [f"--store {store}: {folder.name} is a file where the store keeps a folder of parts"]
        problem = _cannot_create_in(folder)
        if problem:
            return [f"--store {store}: cannot write in {folder} ({problem})"]
    return []


def _input_holding(path: Path, inputs: list[str]) -> str | None:
    """The input given as `path` itself, or the folder given that holds it as a file it reads."""
    if not path.exists():
        return None
    target = path.resolve()
    read_in_folders = path.suffix.lower() in SUPPORTED_SUFFIXES
    for given in inputs:
        root = Path(given).resolve()
        if target == root or (read_in_folders and root.is_dir() and target.is_relative_to(root)):
            return given
    return None


def _cannot_create_in(folder: Path) -> str | None:
    """Why a new file cannot be created in `folder`, found by creating one (permission bits do
    not tell: root ignores them, a read-only mount does not show in them)."""
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".write-check-"):
            return None
    except OSError as error:
        return _reason(error)


def _can_append(path: Path) -> bool:
    """Whether an existing file can be written, checked without changing it."""
    try:
        with open(path, "ab"):
            return True
    except OSError:
        return False


def _reason(error: OSError) -> str:
    return error.strerror or type(error).__name__


def unaccounted_message(report: IngestReport, n_articles: int) -> str:
    """The counts when articles + report entries do not add up to the inputs seen."""
    return (
        f"{report.inputs} input(s) seen, but {n_articles} article(s) and {report.n_unused} report "
        f"entr(ies): {report.inputs - n_articles - report.n_unused} input(s) unaccounted for "
        "(a bug, or a store part damaged during the run; run again to re-analyse)"
    )
