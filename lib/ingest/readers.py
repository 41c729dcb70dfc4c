"""Inputs to raw articles: files, folders, zip archives, CSV/JSON(L) tables and HTML pages.

Every input ends up as a RawArticle or as an entry in the ingest report; nothing is skipped
silently. Everything is read as bytes and decoded by lib.ingest.encoding.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import stat
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath

from lib.ingest.encoding import DecodedText, NotTextError, decode_bytes, repair_mojibake
from lib.schema.limits import DEFAULT_LIMITS, Limits
from lib.schema.report import IngestReport

TEXT_SUFFIXES = (".txt", ".md", ".text", ".markdown")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
TABLE_SUFFIXES = (".csv", ".tsv", ".jsonl", ".ndjson", ".json")
ARCHIVE_SUFFIXES = (".zip",)
# Deflate is read in bounded steps; bzip2 and LZMA decompress a whole block at once, and a block
# of a few bytes can expand to gigabytes, so members packed with them are refused.
ZIP_METHODS = {zipfile.ZIP_STORED: "stored", zipfile.ZIP_DEFLATED: "deflate"}
ZIP_READ_STEP = 1 << 20  # bytes decompressed at a time: a member never expands beyond its size
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + TABLE_SUFFIXES + ARCHIVE_SUFFIXES

# Header synonyms, matched case-insensitively after trimming; the first match wins.
FIELD_SYNONYMS: dict[str, tuple[str, ...]] = {
    "text": ("text", "content", "body", "article", "full_text", "fulltext", "article_text", "story", "maintext"),
    "title": ("title", "headline", "heading", "header"),
    "date": (
        "date",
        "published",
        "publish_date",
        "published_at",
        "pub_date",
        "publication_date",
        "datetime",
        "timestamp",
        "date_published",
        "publishedat",
        "time",
    ),
    "url": ("url", "link", "href", "uri", "article_url", "permalink"),
    "outlet": (
        "source",
        "outlet",
        "publisher",
        "site",
        "site_name",
        "sitename",
        "publication",
        "newspaper",
        "source_name",
        "domain",
    ),
}


@dataclass
class RawArticle:
    source: str
    text: str  # decoded and repaired, not yet cleaned
    title: str = ""
    date: str = ""  # the metadata value as given
    date_field: str = ""
    url: str = ""
    outlet: str = ""
    encoding: str = ""
    repairs: int = 0
    extra: dict[str, str] = field(default_factory=dict)  # unknown columns, carried through
    from_html: bool = False
    whole_field: bool = False  # a table's text field: no page furniture around it
    warnings: list[str] = field(default_factory=list)  # problems with an input that was still used
    # Identifies the input's content and place (sha256 of source and bytes or record): the
    # store's key. `stored=True` means the store already has it, so it was not decoded.
    input_key: str = ""
    stored: bool = False
    # (size, mtime_ns) of the file this one article came from, when it is a whole file (not a
    # row or an archive member): the store remembers it, so an unchanged file is not read again.
    file_signature: tuple[int, int] | None = None
    # Decoded but not yet repaired: mojibake repair (ftfy) is left to whoever analyses the
    # article, a worker process or a Dask worker, rather than the one process reading files.
    repair_pending: bool = False


Known = Callable[[str], bool]  # is this input key already analysed (in the store)?
# The stored input key of a file with this (path, size, mtime_ns), if the store has analysed it.
SeenFile = Callable[[str, int, int], str | None]


def input_key(kind: str, source: str, payload: bytes) -> str:
    digest = hashlib.sha256(kind.encode() + b"\0" + source.encode("utf-8", "surrogatepass") + b"\0")
    digest.update(payload)
    return digest.hexdigest()[:32]


def _record_key(source: str, record: dict) -> str:
    payload = json.dumps(record, sort_keys=True, ensure_ascii=False, default=str)
    return input_key("record", source, payload.encode("utf-8", "surrogatepass"))


def _suffix(name: str) -> str:
    """PurePosixPath(name).suffix.lower(), without building a path object (a tenth of the cost;
    it runs once per input, a million times for a large corpus)."""
    last = next((part for part in reversed(name.split("/")) if part and part != "."), "")
    dot = last.rfind(".")
    return last[dot:].lower() if 0 < dot < len(last) - 1 else ""


def map_fields(headers: list[str]) -> dict[str, str]:
    """Our field name → the header that supplies it."""
    normalised = {h.strip().lower().replace(" ", "_").replace("-", "_"): h for h in headers}
    mapping = {}
    for name, synonyms in FIELD_SYNONYMS.items():
        for synonym in synonyms:
            if synonym in normalised and normalised[synonym] not in mapping.values():
                mapping[name] = normalised[synonym]
                break
    return mapping


def _value(record: dict, header: str | None) -> str:
    if header is None:
        return ""
    value = record.get(header)
    if value is None:
        return ""
    return (
        value
        if isinstance(value, str)
        else json.dumps(value, ensure_ascii=False)
        if isinstance(value, (dict, list))
        else str(value)
    )


def _from_record(
    source: str, record: dict, mapping: dict[str, str], encoding: str, report: IngestReport, note: str
) -> RawArticle | None:
    # A table of headlines alone (no text column) is analysed on its headlines.
    text = _value(record, mapping.get("text", mapping.get("title")))
    if not text.strip():
        report.add(source, "empty", "the text field is empty")
        return None
    text, repairs = repair_mojibake(text)
    known = set(mapping.values())
    extra = {str(k): _value(record, k) for k in record if k not in known and k is not None}
    return RawArticle(
        source=source,
        text=text,
        title=_value(record, mapping.get("title")).strip(),
        date=_value(record, mapping.get("date")).strip(),
        date_field=mapping.get("date", ""),
        url=_value(record, mapping.get("url")).strip(),
        outlet=_value(record, mapping.get("outlet")).strip(),
        encoding=encoding,
        repairs=repairs,
        extra=extra,
        warnings=[note] if note else [],
        whole_field=True,
    )


Records = Iterator[tuple[str, object, str]]  # (row label, record, note on a row still used)


def _read_records(
    name: str, records: Records, encoding: str, report: IngestReport, limits: Limits, known: Known | None = None
) -> Iterator[RawArticle]:
    """Records of a table; one input each."""
    mapping: dict[str, str] | None = None
    for count, (label, record, note) in enumerate(records, start=1):
        source = f"{name}#{label}"
        report.inputs += 1
        if count > limits.max_rows_per_table:
            report.add(source, "too many rows", f"limit is {limits.max_rows_per_table:,} per file")
            continue
        if not isinstance(record, dict):
            report.add(source, "not a record", f"expected an object with a text field, got {type(record).__name__}")
            continue
        if mapping is None or not set(mapping.values()) <= set(record):
            mapping = map_fields([str(k) for k in record])
        if "text" not in mapping and "title" not in mapping:
            report.add(
                source,
                "no text column",
                f"expected one of {', '.join(FIELD_SYNONYMS['text'] + FIELD_SYNONYMS['title'])};"
                f" found {', '.join(map(str, record)) or 'nothing'}",
            )
            continue
        key = _record_key(source, record)
        if known is not None and known(key):
            yield RawArticle(source=source, text="", input_key=key, stored=True)
            continue
        article = _from_record(source, record, mapping, encoding, report, note)
        if article and len(article.text) > limits.max_article_chars:
            report.add(source, *_too_long(article.text, limits))
        elif article:
            article.input_key = key
            yield article


def sniff_delimiter(header_line: str, default: str = ",") -> str:
    """The delimiter of a table, judged from its header line only.

    csv.Sniffer reads a sample of the body and is misled by quoted newlines and by commas and
    semicolons inside article text; a header line has neither.
    """
    counts = {d: header_line.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=counts.get)
    return best if counts[best] else default


def _csv_rows(name: str, text: str, report: IngestReport) -> Records:
    first_line = text.split("\n", 1)[0]
    delimiter = sniff_delimiter(first_line, "\t" if name.lower().endswith(".tsv") else ",")
    csv.field_size_limit(max(csv.field_size_limit(), DEFAULT_LIMITS.max_article_chars))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        headers = [h.strip().lstrip("\ufeff") for h in next(reader)]
    except (StopIteration, csv.Error):
        return
    number = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            # The rest of the file cannot be split into rows: say where it broke.
            report.inputs += 1
            report.add(f"{name}#line {reader.line_num}", "broken CSV", f"{error}; the rest of the file was not read")
            return
        if not any(cell.strip() for cell in row):
            continue  # blank lines between rows are layout, not inputs
        number += 1
        label = f"row {number}"
        note = ""
        if len(row) != len(headers):
            note = f"{label} has {len(row)} fields where the header has {len(headers)}; fields were matched by position"
        yield label, dict(zip(headers, row, strict=False)), note


def read_table(
    name: str, data: bytes, report: IngestReport, limits: Limits, known: Known | None = None
) -> Iterator[RawArticle]:
    """A CSV, TSV, JSON or JSON Lines file: one article per row or record."""
    try:
        # Each row's text is repaired on its own, so its warnings say which row was repaired.
        decoded = decode_bytes(data, repair=False)
    except NotTextError as error:
        report.inputs += 1
        report.add(name, "not text", str(error))
        return
    text, suffix = decoded.text, _suffix(name)
    line_tables = {
        ".csv": (_csv_rows, "no rows under the header"),
        ".tsv": (_csv_rows, "no rows under the header"),
        ".jsonl": (_jsonl_records, "no JSON lines"),
        ".ndjson": (_jsonl_records, "no JSON lines"),
    }
    if suffix in line_tables:
        rows, when_empty = line_tables[suffix]
        before = report.inputs
        yield from _read_records(name, rows(name, text, report), decoded.encoding, report, limits, known)
        if report.inputs == before:  # a file with no rows is still an input: say so
            report.inputs += 1
            report.add(name, "empty", when_empty)
        return
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        report.inputs += 1
        report.add(name, "not valid JSON", f"line {error.lineno}, column {error.colno}: {error.msg}")
        return
    records = _json_records(document)
    if records is None:
        report.inputs += 1
        report.add(
            name,
            "not a list of records",
            "expected a list of objects, an object with an 'articles' list, or one article object",
        )
        return
    if not records:
        report.inputs += 1
        report.add(name, "empty", "the list of records is empty")
        return
    yield from _read_records(
        name, ((f"record {i}", r, "") for i, r in enumerate(records, 1)), decoded.encoding, report, limits, known
    )


def _jsonl_records(name: str, text: str, report: IngestReport) -> Records:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield f"line {number}", json.loads(line), ""
        except json.JSONDecodeError as error:
            report.inputs += 1
            report.add(f"{name}#line {number}", "not valid JSON", error.msg)


def _json_records(document: object) -> list | None:
    if isinstance(document, list):
        return document
    if isinstance(document, dict):
        for key in ("articles", "items", "data", "results", "records", "documents"):
            if isinstance(document.get(key), list):
                return document[key]
        if map_fields(list(document)).get("text"):
            return [document]
    return None


def read_html(name: str, data: bytes, report: IngestReport) -> Iterator[RawArticle]:
    """An HTML page: main text, title, date and site name from trafilatura."""
    import trafilatura

    report.inputs += 1
    try:
        decoded = decode_bytes(data)
    except NotTextError as error:
        report.add(name, "not text", str(error))
        return
    # Only dates the page declares in its markup: htmldate's extensive search guesses from
    # copyright lines and URLs, which would invent dates.
    document = trafilatura.bare_extraction(
        decoded.text,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = (getattr(document, "text", None) or "").strip() if document else ""
    if not text:
        report.add(name, "no article text", "the HTML page has no main text that could be extracted")
        return
    yield RawArticle(
        source=name,
        text=text,
        title=(document.title or "").strip(),
        date=document.date or "",
        date_field="HTML metadata" if document.date else "",
        url=document.url or "",
        outlet=(document.sitename or document.hostname or "").strip(),
        encoding=decoded.encoding,
        repairs=decoded.repairs,
        from_html=True,
        warnings=_nul_warning(decoded),
    )


def _nul_warning(decoded: DecodedText) -> list[str]:
    return [f"removed {decoded.nuls_removed:,} NUL character(s) from the text"] if decoded.nuls_removed else []


def read_text_file(name: str, data: bytes, report: IngestReport) -> Iterator[RawArticle]:
    report.inputs += 1
    if not data.strip():
        report.add(name, "empty", "the file has no content" if not data else "only whitespace")
        return
    try:
        decoded = decode_bytes(data, repair=False)
    except NotTextError as error:
        report.add(name, "not text" if "not text" in str(error) else "undecodable", str(error))
        return
    if not decoded.text.strip():
        report.add(name, "empty", "only whitespace after decoding")
        return
    yield RawArticle(
        source=name, text=decoded.text, encoding=decoded.encoding, warnings=_nul_warning(decoded), repair_pending=True
    )


def repaired(raw: RawArticle) -> RawArticle:
    """`raw` with its mojibake repaired, if that was left pending by the reader."""
    if not raw.repair_pending:
        return raw
    text, repairs = repair_mojibake(raw.text)
    return replace(raw, text=text, repairs=raw.repairs + repairs, repair_pending=False)


@dataclass
class _Expanded:
    """Bytes taken out of one archive so far, including those of archives inside it."""

    bytes: int = 0


def _too_long(text: str, limits: Limits) -> tuple[str, str]:
    return "too long", f"{len(text):,} characters; limit is {limits.max_article_chars:,}"


def _directory_bytes(data: bytes) -> int:
    """Size of the archive's list of contents, from its end record, before anything is listed."""
    end = zipfile._EndRecData(io.BytesIO(data))  # the stdlib's own end-record reader (zip64 too)
    return end[zipfile._ECD_SIZE] if end else 0


def read_zip(
    name: str,
    data: bytes,
    report: IngestReport,
    limits: Limits,
    depth: int = 0,
    known: Known | None = None,
    expanded: _Expanded | None = None,
) -> Iterator[RawArticle]:
    """A zip archive, in memory; members are inputs of their own."""
    expanded = expanded or _Expanded()
    try:
        directory = _directory_bytes(data)
        if directory > limits.max_zip_directory_bytes:
            report.inputs += 1
            report.add(
                name,
                "too many archive members",
                f"its list of contents is {directory:,} bytes; limit is {limits.max_zip_directory_bytes:,}",
            )
            return
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        report.inputs += 1
        report.add(name, "broken archive", str(error))
        return
    files = [m for m in members if not m.filename.endswith("/")]  # is_dir() fails on an empty name
    if not files:
        report.inputs += 1
        report.add(name, "empty", "the archive has no files")
        return
    for index, member in enumerate(files):
        member_name = f"{name}!{member.filename}"
        refusal = _zip_refusal(member, index, expanded.bytes, limits)
        if refusal:
            report.inputs += 1
            report.add(member_name, *refusal)
            continue
        try:
            content = _read_member(archive, member)
        except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, EOFError, zlib.error) as error:
            report.inputs += 1
            report.add(member_name, "unreadable archive member", str(error))
            continue
        expanded.bytes += len(content)
        if _suffix(member.filename) in ARCHIVE_SUFFIXES and depth + 1 >= limits.max_zip_depth:
            report.inputs += 1
            report.add(member_name, "archive nested too deep", f"limit is {limits.max_zip_depth} levels")
            continue
        yield from read_bytes(member_name, content, report, limits, depth=depth + 1, known=known, expanded=expanded)


def _read_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bytes:
    """The member's bytes, decompressed in steps: `archive.read` inflates all the data before
    cutting it to the declared size, so a member that lies about its size would fill memory.
    Reading stops at the declared size; a liar then fails its CRC check (BadZipFile)."""
    chunks = []
    with archive.open(member) as stream:
        while chunk := stream.read(ZIP_READ_STEP):
            chunks.append(chunk)
    return b"".join(chunks)


def _zip_refusal(member: zipfile.ZipInfo, index: int, total: int, limits: Limits) -> tuple[str, str] | None:
    path = PurePosixPath(member.filename.replace("\\", "/"))
    if not path.parts:
        return "no name", "the archive entry has an empty name"
    if path.is_absolute() or ".." in path.parts or ":" in path.parts[0]:
        return "unsafe path", "absolute paths and '..' are not allowed in archives"
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


def _size_limit(suffix: str, limits: Limits) -> int:
    if suffix in ARCHIVE_SUFFIXES:
        return limits.max_archive_bytes
    return limits.max_table_bytes if suffix in TABLE_SUFFIXES else limits.max_file_bytes


def read_bytes(
    name: str,
    data: bytes,
    report: IngestReport,
    limits: Limits = DEFAULT_LIMITS,
    depth: int = 0,
    known: Known | None = None,
    expanded: _Expanded | None = None,
) -> Iterator[RawArticle]:
    """One named blob (a file, an upload or an archive member), dispatched by its suffix.

    With `known`, inputs the store already holds are passed on undecoded (`stored=True`).
    """
    suffix = _suffix(name)
    size_limit = _size_limit(suffix, limits)
    if len(data) > size_limit:
        report.inputs += 1
        report.add(name, "too large", f"{len(data):,} bytes; limit is {size_limit:,}")
        return
    if suffix in ARCHIVE_SUFFIXES:
        yield from read_zip(name, data, report, limits, depth, known, expanded)
        return
    if suffix in TABLE_SUFFIXES:
        yield from read_table(name, data, report, limits, known)
    elif suffix in HTML_SUFFIXES or suffix in TEXT_SUFFIXES:
        key = input_key(suffix, name, data)
        if known is not None and known(key):
            report.inputs += 1
            yield RawArticle(source=name, text="", input_key=key, stored=True)
            return
        reader = read_html if suffix in HTML_SUFFIXES else read_text_file
        for article in reader(name, data, report):
            if len(article.text) > limits.max_article_chars:
                report.add(name, *_too_long(article.text, limits))
                continue
            article.input_key = key
            yield article
    else:
        report.inputs += 1
        report.add(
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
                    report.inputs += 1
                    report.add(str(file), *refusal)
                    continue
                yield from _read_file(file, report, limits, known, seen)
        elif root.exists():
            yield from _read_file(root, report, limits, known, seen)
        else:
            report.inputs += 1
            report.add(str(root), "not found", "no such file or folder")


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
            report.inputs += 1
            report.add(str(path), "not a regular file", "only files are read (not pipes, sockets or devices)")
            return
        suffix = _suffix(path.name)
        whole_file = suffix in TEXT_SUFFIXES or suffix in HTML_SUFFIXES  # one article per file
        if seen is not None and whole_file:
            stored_key = seen(str(path), status.st_size, status.st_mtime_ns)
            if stored_key is not None:
                report.inputs += 1
                yield RawArticle(source=str(path), text="", input_key=stored_key, stored=True)
                return
        size_limit = _size_limit(suffix, limits)
        if status.st_size > size_limit:
            report.inputs += 1
            report.add(str(path), "too large", f"{status.st_size:,} bytes; limit is {size_limit:,}")
            return
        with path.open("rb") as file:
            data = file.read(size_limit + 1)  # a file growing while read is still cut at the limit
    except OSError as error:
        report.inputs += 1
        report.add(str(path), "unreadable", error.strerror or str(error))
        return
    for article in read_bytes(str(path), data, report, limits, known=known):
        if whole_file and len(data) == status.st_size:  # not a file that changed while read
            article.file_signature = (status.st_size, status.st_mtime_ns)
        yield article
