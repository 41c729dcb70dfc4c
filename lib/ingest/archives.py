"""Zip archives, read in memory and in bounded steps; each member is an input of its own, and
every refusal (unsafe path, link, bomb, nesting, size) is a report entry naming the member."""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath

from lib.ingest.formats import ARCHIVE_SUFFIXES, suffix_of
from lib.schema.limits import Limits
from lib.schema.records import Known, RawArticle
from lib.schema.report import IngestReport

# Deflate is read in bounded steps; bzip2 and LZMA decompress a whole block at once, and a block
# of a few bytes can expand to gigabytes, so members packed with them are refused.
ZIP_METHODS = {zipfile.ZIP_STORED: "stored", zipfile.ZIP_DEFLATED: "deflate"}


ZIP_READ_STEP = 1 << 20  # bytes decompressed at a time: a member never expands beyond its size


@dataclass
class Expanded:
    """Bytes taken out of one archive so far, including those of archives inside it."""

    bytes: int = 0


def _directory_bytes(data: bytes) -> int:
    """Size of the archive's list of contents, from its end record, before anything is listed."""
    end = zipfile._EndRecData(io.BytesIO(data))  # the stdlib's own end-record reader (zip64 too)
    return end[zipfile._ECD_SIZE] if end else 0


# How a member is read: lib.ingest.files.read_bytes, passed in (it reads archives in turn).
ReadMember = Callable[..., Iterator[RawArticle]]


def read_zip(
    name: str,
    data: bytes,
    report: IngestReport,
    limits: Limits,
    read_member: ReadMember,
    depth: int = 0,
    known: Known | None = None,
    expanded: Expanded | None = None,
) -> Iterator[RawArticle]:
    """A zip archive, in memory; members are inputs of their own, each read by `read_member`."""
    expanded = expanded or Expanded()
    try:
        directory = _directory_bytes(data)
        if directory > limits.max_zip_directory_bytes:
            report.refuse(
                name,
                "too many archive members",
                f"its list of contents is {directory:,} bytes; limit is {limits.max_zip_directory_bytes:,}",
            )
            return
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except Exception as error:  # noqa: BLE001 (damaged headers raise more than BadZipFile)
        report.refuse(name, "broken archive", _failure(error))
        return
    files = [m for m in members if not m.filename.endswith("/")]  # is_dir() fails on an empty name
    if not files:
        report.refuse(name, "empty", "the archive has no files")
        return
    for index, member in enumerate(files):
        member_name = f"{name}!{member.filename}"
        refusal = _zip_refusal(member, index, expanded.bytes, limits)
        if refusal:
            report.refuse(member_name, *refusal)
            continue
        try:
            content = _read_member(archive, member)
        except Exception as error:  # noqa: BLE001 (a lying header: negative seek, unknown version...)
            report.refuse(member_name, "unreadable archive member", _failure(error))
            continue
        expanded.bytes += len(content)
        if suffix_of(member.filename) in ARCHIVE_SUFFIXES and depth + 1 >= limits.max_zip_depth:
            report.refuse(member_name, "archive nested too deep", f"limit is {limits.max_zip_depth} levels")
            continue
        yield from read_member(member_name, content, report, limits, depth=depth + 1, known=known, expanded=expanded)


def _failure(error: Exception) -> str:
    """What a damaged header did, for a person; zipfile's own messages are kept for its own
    errors, others say what kind of failure it was ("negative seek value" alone says little)."""
    if isinstance(error, zipfile.BadZipFile | EOFError | zlib.error):
        return str(error) or "the archive's data ends early or is damaged"
    return f"damaged zip headers ({type(error).__name__}: {error})"


def _read_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bytes:
    """The member's bytes, decompressed in steps: `archive.read` inflates all the data before
    cutting it to the declared size, so a member that lies about its size would fill memory.
    Reading stops at the declared size; a liar then fails its CRC check (BadZipFile)."""
    chunks = []
    with archive.open(member) as stream:
        while chunk := stream.read(ZIP_READ_STEP):
            chunks.append(chunk)
    return b"".join(chunks)


# A Windows drive at the start of a name (`C:/x`, `c:x`); a colon elsewhere is a character of
# the name, as in a member called `2024-11-08 12:30 Reuters.txt`.
_DRIVE = re.compile(r"[A-Za-z]:")


def _zip_refusal(member: zipfile.ZipInfo, index: int, total: int, limits: Limits) -> tuple[str, str] | None:
    path = PurePosixPath(member.filename.replace("\\", "/"))
    if not path.parts:
        return "no name", "the archive entry has an empty name"
    if path.is_absolute() or ".." in path.parts or _DRIVE.match(path.parts[0]):
        return "unsafe path", "absolute paths, drive letters and '..' are not allowed in archives"
    if (member.external_attr >> 16) & 0o170000 == 0o120000:
        return "symbolic link", "links inside archives are not followed"
    if index >= limits.max_zip_members:
        return "too many archive members", f"limit is {limits.max_zip_members:,}"
    if member.compress_type not in ZIP_METHODS:
        return "unsupported compression", (
            f"method {member.compress_type}; only {' and '.join(ZIP_METHODS.values())} are read"
        )
    if member.file_size > limits.max_zip_member_bytes:
        return "too large", f"{member.file_size:,} bytes uncompressed; limit is {limits.max_zip_member_bytes:,}"
    if (
        member.compress_size
        and member.file_size / member.compress_size > limits.max_zip_ratio
        and member.file_size > 1_000_000
    ):
        return "suspicious compression ratio", (
            f"{member.file_size / member.compress_size:,.0f}:1; limit is {limits.max_zip_ratio:,.0f}:1 (zip bomb?)"
        )
    if total + member.file_size > limits.max_zip_total_bytes:
        return "archive too large", f"more than {limits.max_zip_total_bytes:,} bytes uncompressed"
    return None
