"""Named blobs and paths to raw articles: a blob is dispatched by its suffix, folders are walked
in sorted order, and every input ends up as a RawArticle or an entry in the ingest report."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

from lib.ingest.archives import Expanded, read_zip
from lib.ingest.failures import reading_failure
from lib.ingest.formats import (
    ARCHIVE_SUFFIXES,
    HTML_SUFFIXES,
    SUPPORTED_SUFFIXES,
    TABLE_SUFFIXES,
    TEXT_SUFFIXES,
    byte_limit,
    input_key,
    suffix_of,
    too_long,
)
from lib.ingest.pages import read_html, read_text_file
from lib.ingest.tables import read_table
from lib.schema.limits import DEFAULT_LIMITS, Limits
from lib.schema.records import Known, RawArticle, SeenFile
from lib.schema.report import IngestReport, printable


def read_bytes(
    name: str,
    data: bytes,
    report: IngestReport,
    limits: Limits = DEFAULT_LIMITS,
    depth: int = 0,
    known: Known | None = None,
    expanded: Expanded | None = None,
) -> Iterator[RawArticle]:
    """One named blob (a file, an upload or an archive member), dispatched by its suffix.

    With `known`, inputs the store already holds are passed on undecoded (`stored=True`).
    The name is made printable first: it is the input's name in rows, report lines and logs.
    Whatever goes wrong while reading it becomes its report entry, never the batch's end.
    """
    name = printable(name)
    try:
        yield from _read_blob(name, data, report, limits, depth, known, expanded)
    except Exception as error:  # noqa: BLE001 (any failure is this input's, said in the report)
        # Readers resolve every input they admitted before an error can reach here (records
        # and pages have their own nets), so this counts the blob itself.
        report.refuse(name, *reading_failure(error))


def _read_blob(
    name: str,
    data: bytes,
    report: IngestReport,
    limits: Limits,
    depth: int,
    known: Known | None,
    expanded: Expanded | None,
) -> Iterator[RawArticle]:
    suffix = suffix_of(name)
    limit = byte_limit(suffix, limits)
    if len(data) > limit:
        report.refuse(name, "too large", f"{len(data):,} bytes; limit is {limit:,}")
        return
    if suffix in ARCHIVE_SUFFIXES:
        yield from read_zip(name, data, report, limits, read_bytes, depth, known, expanded)
        return
    if suffix in TABLE_SUFFIXES:
        yield from read_table(name, data, report, limits, known)
    elif suffix in HTML_SUFFIXES or suffix in TEXT_SUFFIXES:
        key = input_key(suffix, name, data)
        if known is not None and known(key):
            report.admit()
            yield RawArticle(source=name, text="", input_key=key, stored=True)
            return
        reader = read_html if suffix in HTML_SUFFIXES else read_text_file
        for article in reader(name, data, report):
            if len(article.text) > limits.max_article_chars:
                report.add(name, *too_long(article.text, limits))
                continue
            article.input_key = key
            yield article
    else:
        report.refuse(
            name, "unsupported file type", f"'{suffix or 'no extension'}'; supported: {', '.join(SUPPORTED_SUFFIXES)}"
        )


def walk_paths(
    paths: list[str | os.PathLike],
    report: IngestReport,
    limits: Limits = DEFAULT_LIMITS,
    known: Known | None = None,
    seen: SeenFile | None = None,
) -> Iterator[RawArticle]:
    """Files and folders (walked in sorted order; links pointing outside a folder are refused,
    links to folders inside it are not followed: their files are read where they are). A
    folder that cannot be listed, and a folder given with no files in it, are report entries.

    With `seen`, a text or HTML file whose path, size and modification time the store already
    analysed is passed on as stored without being read or hashed (as make, rsync and git judge
    a file unchanged): re-running over a large unchanged corpus costs a stat per file."""
    for given in paths:
        root = Path(given)
        try:
            is_folder = stat.S_ISDIR(root.stat().st_mode)
        except FileNotFoundError:
            report.refuse(_name(root), "not found", "no such file or folder")
            continue
        except OSError as error:  # a loop of links, a parent folder that may not be entered
            report.refuse(_name(root), "unreadable", error.strerror or str(error))
            continue
        if not is_folder:
            yield from _read_file(root, report, limits, known, seen)
            continue
        before = report.inputs
        resolved_root = root.resolve()
        files = _folder_files(root, report)
        if not files and report.inputs == before:  # else `--strict` would pass on nothing read
            report.refuse(_name(root), "empty folder", "the folder holds no files")
        for file in files:
            refusal = _link_refusal(file, resolved_root) if file.is_symlink() else None
            if refusal:
                report.refuse(_name(file), *refusal)
                continue
            yield from _read_file(file, report, limits, known, seen)


def _name(path: Path) -> str:
    """A path as the input's name: undecodable bytes and control characters escaped."""
    return printable(str(path))


def _folder_files(root: Path, report: IngestReport) -> list[Path]:
    """Every file and link under `root`, sorted (links are listed, not followed); each folder
    that cannot be listed is a report entry (Path.rglob would skip it without a word)."""
    files: list[Path] = []
    folders = [root]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError as error:
            report.refuse(_name(folder), "unreadable folder", f"{error.strerror or error}; its files were not read")
            continue
        for entry in entries:
            try:
                is_folder = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_folder = False  # read as a file, whose own error is then reported
            (folders if is_folder else files).append(Path(entry.path))
    return sorted(files)


def _link_refusal(link: Path, root: Path) -> tuple[str, str] | None:
    try:
        target = link.resolve()
    except (OSError, RuntimeError):  # a loop of links
        return "unreadable", "the symbolic link never reaches a file (a loop of links)"
    if not target.is_relative_to(root):
        return "link outside the folder", "symbolic links leaving the given folder are not followed"
    if target.is_dir():
        return "link to a folder", "links to folders are not followed; the folder's own files are read"
    return None


def _read_file(
    path: Path, report: IngestReport, limits: Limits, known: Known | None = None, seen: SeenFile | None = None
) -> Iterator[RawArticle]:
    name = _name(path)
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):  # a pipe or device would block or never end
            report.refuse(name, "not a regular file", "only files are read (not pipes, sockets or devices)")
            return
        suffix = suffix_of(path.name)
        whole_file = suffix in TEXT_SUFFIXES or suffix in HTML_SUFFIXES  # one article per file
        if seen is not None and whole_file:
            stored_key = seen(name, status.st_size, status.st_mtime_ns)
            if stored_key is not None:
                report.admit()
                yield RawArticle(source=name, text="", input_key=stored_key, stored=True)
                return
        limit = byte_limit(suffix, limits)
        if status.st_size > limit:
            report.refuse(name, "too large", f"{status.st_size:,} bytes; limit is {limit:,}")
            return
        with path.open("rb") as file:
            data = file.read(limit + 1)  # a file growing while read is still cut at the limit
    except OSError as error:
        report.refuse(name, "unreadable", error.strerror or str(error))
        return
    for article in read_bytes(name, data, report, limits, known=known):
        if whole_file and len(data) == status.st_size:  # not a file that changed while read
            article.file_signature = (status.st_size, status.st_mtime_ns)
        yield article
