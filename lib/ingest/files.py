"""Named blobs and paths to raw articles: a blob is dispatched by its suffix, folders are walked
in sorted order, and every input ends up as a RawArticle or an entry in the ingest report."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

from lib.ingest.archives import Expanded, read_zip
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
from lib.schema.report import IngestReport


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
    """
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
    links to folders inside it are not followed: their files are read where they are).

    With `seen`, a text or HTML file whose path, size and modification time the store already
    analysed is passed on as stored without being read or hashed (as make, rsync and git judge
    a file unchanged): re-running over a large unchanged corpus costs a stat per file."""
    for given in paths:
        root = Path(given)
        if root.is_dir():
            resolved_root = root.resolve()
            # rglob does not descend into linked folders: a link is an entry of its own.
            for file in sorted(p for p in root.rglob("*") if p.is_symlink() or not p.is_dir()):
                refusal = _link_refusal(file, resolved_root) if file.is_symlink() else None
                if refusal:
                    report.refuse(str(file), *refusal)
                    continue
                yield from _read_file(file, report, limits, known, seen)
        elif root.exists():
            yield from _read_file(root, report, limits, known, seen)
        else:
            report.refuse(str(root), "not found", "no such file or folder")


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
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):  # a pipe or device would block or never end
            report.refuse(str(path), "not a regular file", "only files are read (not pipes, sockets or devices)")
            return
        suffix = suffix_of(path.name)
        whole_file = suffix in TEXT_SUFFIXES or suffix in HTML_SUFFIXES  # one article per file
        if seen is not None and whole_file:
            stored_key = seen(str(path), status.st_size, status.st_mtime_ns)
            if stored_key is not None:
                report.admit()
                yield RawArticle(source=str(path), text="", input_key=stored_key, stored=True)
                return
        limit = byte_limit(suffix, limits)
        if status.st_size > limit:
            report.refuse(str(path), "too large", f"{status.st_size:,} bytes; limit is {limit:,}")
            return
        with path.open("rb") as file:
            data = file.read(limit + 1)  # a file growing while read is still cut at the limit
    except OSError as error:
        report.refuse(str(path), "unreadable", error.strerror or str(error))
        return
    for article in read_bytes(str(path), data, report, limits, known=known):
        if whole_file and len(data) == status.st_size:  # not a file that changed while read
            article.file_signature = (status.st_size, status.st_mtime_ns)
        yield article
