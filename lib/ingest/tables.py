"""CSV, TSV, JSON and JSON Lines tables: one raw article per row or record, every other row
in the ingest report (rows + report entries = rows given)."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator

from lib.ingest.encoding import NotTextError, decode_bytes, repair_mojibake, unify_line_breaks
from lib.ingest.failures import reading_failure
from lib.ingest.formats import input_key, suffix_of, too_long
from lib.schema.limits import Limits
from lib.schema.records import Known, RawArticle
from lib.schema.report import IngestReport

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


def _record_key(source: str, record: dict) -> str:
    payload = json.dumps(record, sort_keys=True, ensure_ascii=False, default=str)
    return input_key("record", source, payload.encode("utf-8", "surrogatepass"))


def _normalised(header: str) -> str:
    return header.strip().lower().replace(" ", "_").replace("-", "_")


def map_fields(headers: list[str]) -> dict[str, str]:
    """Our field name → the header that supplies it (of headers equal once normalised, the first)."""
    normalised: dict[str, str] = {}
    for header in headers:
        normalised.setdefault(_normalised(header), header)
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


# A UTF-16 surrogate standing alone: JSON's "\\ud800" escape decodes to one, and no UTF-8 output
# (hash, store, export) can hold it.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


class _SurrogateRepair:
    """Replaces lone surrogates with U+FFFD, the character for an unreadable one, counting them."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, text: str) -> str:
        if text.isascii():
            return text
        text, replaced = _LONE_SURROGATE.subn("\ufffd", text)
        self.count += replaced
        return text

    def warning(self) -> list[str]:
        if not self.count:
            return []
        return [f"replaced {self.count:,} lone surrogate(s) (a broken \\uXXXX escape) with U+FFFD"]


def _from_record(
    source: str, record: dict, mapping: dict[str, str], encoding: str, report: IngestReport, note: str, limits: Limits
) -> RawArticle | None:
    fix = _SurrogateRepair()

    def field(header: str | None) -> str:
        return unify_line_breaks(fix(_value(record, header)))

    # A table of headlines alone (no text column) is analysed on its headlines.
    text = field(mapping.get("text", mapping.get("title")))
    if not text.strip():
        report.add(source, "empty", "the text field is empty")
        return None
    text, repairs = repair_mojibake(text)
    known = set(mapping.values())
    unknown = [k for k in record if k not in known and k is not None]
    extra = {fix(str(k)): field(k) for k in unknown[: limits.max_carried_columns]}
    not_carried = (
        [
            f"carried the first {limits.max_carried_columns:,} of {len(unknown):,} extra columns"
            " (limit max_carried_columns)"
        ]
        if len(unknown) > limits.max_carried_columns
        else []
    )
    return RawArticle(
        source=source,
        text=text,
        title=field(mapping.get("title")).strip(),
        date=field(mapping.get("date")).strip(),
        date_field=fix(mapping.get("date", "")),
        url=field(mapping.get("url")).strip(),
        outlet=field(mapping.get("outlet")).strip(),
        encoding=encoding,
        repairs=repairs,
        extra=extra,
        warnings=([note] if note else []) + fix.warning() + not_carried,
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
        report.admit()
        if count > limits.max_rows_per_table:
            report.add(source, "too many rows", f"limit is {limits.max_rows_per_table:,} per file")
            continue
        if not isinstance(record, dict):
            report.add(source, "not a record", f"expected an object with a text field, got {type(record).__name__}")
            continue
        try:
            if mapping is None or not set(mapping.values()) <= set(record):
                mapping = map_fields([str(k) for k in record])
            article = _article_of(source, record, mapping, encoding, report, limits, known, note)
        except Exception as error:  # noqa: BLE001 (one record's failure is its entry, not the file's end)
            report.add(source, *reading_failure(error))
            continue
        if article is not None:
            yield article


def _article_of(
    source: str,
    record: dict,
    mapping: dict[str, str],
    encoding: str,
    report: IngestReport,
    limits: Limits,
    known: Known | None,
    note: str,
) -> RawArticle | None:
    """The record's article, or None once its report entry is written."""
    if "text" not in mapping and "title" not in mapping:
        report.add(
            source,
            "no text column",
            f"expected one of {', '.join(FIELD_SYNONYMS['text'] + FIELD_SYNONYMS['title'])};"
            f" found {', '.join(map(str, record)) or 'nothing'}",
        )
        return None
    key = _record_key(source, record)
    if known is not None and known(key):
        return RawArticle(source=source, text="", input_key=key, stored=True)
    article = _from_record(source, record, mapping, encoding, report, note, limits)
    if article and len(article.text) > limits.max_article_chars:
        report.add(source, *too_long(article.text, limits))
        return None
    if article:
        article.input_key = key
    return article


def sniff_delimiter(header_line: str, default: str = ",") -> str:
    """The delimiter of a table, judged from its header line only.

    csv.Sniffer reads a sample of the body and is misled by quoted newlines and by commas and
    semicolons inside article text; a header line has neither.
    """
    counts = {d: header_line.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=counts.get)
    return best if counts[best] else default


# Excel's first line naming the delimiter: `sep=;`
_EXCEL_SEPARATOR = re.compile(r"sep=(.)[ \t]*", re.IGNORECASE)


# Fields may be as long as a whole table (its size is limited before it is read): a long cell is
# then one too-long article, not a csv.Error that ends the file. (INT32_MAX: the C long limit.)
csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))


class _Lines:
    """The lines a csv reader takes (split at CR, LF or CRLF, as csv does), kept for the row in
    progress so a row that breaks the quoting rules can be read again, leniently."""

    def __init__(self, text: str, already_read: int = 0) -> None:
        self._lines = iter(io.StringIO(text, newline=""))
        self.number = already_read  # lines of the file taken so far
        self.taken: list[str] = []

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        self.number += 1
        self.taken.append(line)
        return line

    def next_rows(self, reader: csv.Reader, delimiter: str) -> tuple[list[list[str]], str]:
        """The next row and no note; or, when its quoting is broken (a quote left open merges
        the lines after it), its lines read leniently as the csv module would, and a note."""
        self.taken = []
        first = self.number + 1
        try:
            return [next(reader)], ""
        except csv.Error:
            rows = list(csv.reader(self.taken, delimiter=delimiter))
            return rows, (
                f"its quoting is broken (a quote not closed where expected): lines {first:,}-{self.number:,}"
                " of the file were read together; check the quotes"
            )


def _unique_headers(headers: list[str]) -> tuple[list[str], str]:
    """Headers with each repeat renamed `name (column N)`, so no column overwrites another, and
    a note saying so (`text,title,text`: the first `text` is the text, the third is kept)."""
    seen: set[str] = set()
    unique, renamed = [], []
    for column, header in enumerate(headers, start=1):
        key = _normalised(header)
        if key in seen:
            header = f"{header} (column {column})" if header.strip() else f"column {column}"
            renamed.append(f"'{header}'")
        seen.add(key)
        unique.append(header)
    note = f"the header repeats a column name; the repeat is kept as {', '.join(renamed)}" if renamed else ""
    return unique, note


def _csv_rows(name: str, text: str, report: IngestReport) -> Records:
    first_line = re.split("[\r\n]", text, maxsplit=1)[0]
    excel_separator = _EXCEL_SEPARATOR.fullmatch(first_line.lstrip("\ufeff"))
    skipped = 0
    if excel_separator:  # Excel writes it for a delimiter other than the locale's
        delimiter = excel_separator.group(1)
        text = text[len(first_line) :].removeprefix("\r").removeprefix("\n")
        skipped = 1
    else:
        delimiter = sniff_delimiter(first_line, "\t" if name.lower().endswith(".tsv") else ",")
    lines = _Lines(text, skipped)
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    try:
        header_rows, _ = lines.next_rows(reader, delimiter)
    except StopIteration:
        return
    headers, header_note = _unique_headers([h.strip().lstrip("\ufeff") for h in header_rows[0]] if header_rows else [])
    number = 0
    while True:
        try:
            rows, quote_note = lines.next_rows(reader, delimiter)
        except StopIteration:
            return
        except csv.Error as error:  # even read leniently: say where, and go on
            report.refuse(f"{name}#line {lines.number:,}", "broken CSV", str(error))
            continue
        for row in rows:
            if not any(cell.strip() for cell in row):
                continue  # blank lines between rows are layout, not inputs
            number += 1
            label = f"row {number}"
            notes = [note for note in (header_note, quote_note) if note]
            if len(row) != len(headers):
                notes.append(
                    f"{label} has {len(row)} fields where the header has {len(headers)};"
                    " fields were matched by position"
                )
            yield label, dict(zip(headers, row, strict=False)), "; ".join(notes)


def read_table(
    name: str, data: bytes, report: IngestReport, limits: Limits, known: Known | None = None
) -> Iterator[RawArticle]:
    """A CSV, TSV, JSON or JSON Lines file: one article per row or record."""
    try:
        # Each row's text is repaired on its own, so its warnings say which row was repaired.
        decoded = decode_bytes(data, repair=False)
    except NotTextError as error:
        report.refuse(name, "not text", str(error))
        return
    text, suffix = decoded.text, suffix_of(name)
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
            report.refuse(name, "empty", when_empty)
        return
    try:
        document = _JSON.decode(text)
    except json.JSONDecodeError as error:
        report.refuse(name, "not valid JSON", f"line {error.lineno}, column {error.colno}: {error.msg}")
        return
    except RecursionError as error:
        too_deep = error
    else:
        too_deep = None
    if too_deep is not None:
        if text.lstrip("\ufeff \t\r\n").startswith("["):  # a list: each record on its own
            records = _array_records(name, text, report)
            yield from _read_records(name, records, decoded.encoding, report, limits, known)
        else:
            report.refuse(name, *reading_failure(too_deep))
        return
    records = _json_records(document)
    if records is None:
        report.refuse(
            name,
            "not a list of records",
            "expected a list of objects, an object with an 'articles' list, or one article object",
        )
        return
    if not records:
        report.refuse(name, "empty", "the list of records is empty")
        return
    yield from _read_records(
        name, ((f"record {i}", r, "") for i, r in enumerate(records, 1)), decoded.encoding, report, limits, known
    )


# Longer integers stay as their digits: int() refuses more than 4,300 digits (ValueError) and is
# quadratic below that; no article field is a number that long.
MAX_INTEGER_DIGITS = 640


def _json_integer(digits: str) -> int | str:
    return int(digits) if len(digits) <= MAX_INTEGER_DIGITS else digits


_JSON = json.JSONDecoder(parse_int=_json_integer)


def _jsonl_records(name: str, text: str, report: IngestReport) -> Records:
    # Lines end at CR, LF or CRLF only: U+2028 and other breaks that str.splitlines knows may
    # stand inside a JSON string.
    for number, line in enumerate(io.StringIO(text, newline=""), start=1):
        if not line.strip():
            continue
        try:
            record = _JSON.decode(line)
        except json.JSONDecodeError as error:
            report.refuse(f"{name}#line {number}", "not valid JSON", error.msg)
        except RecursionError as error:
            report.refuse(f"{name}#line {number}", *reading_failure(error))
        else:
            yield f"line {number}", record, ""


_JSON_SPACE = re.compile(r"[ \t\r\n]*")
# A string (escapes and all) or a bracket: what finding the end of a value needs to see.
_JSON_BRACKET_OR_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')


def _value_end(text: str, start: int) -> int:
    """Where the array or object starting at `start` ends, found by counting brackets (outside
    strings), so a value too deep for the decoder can be stepped over."""
    depth = 0
    for match in _JSON_BRACKET_OR_STRING.finditer(text, start):
        token = match.group()
        if token in "[{":
            depth += 1
        elif token in "]}":
            depth -= 1
            if depth == 0:
                return match.end()
    return len(text)


def _array_records(name: str, text: str, report: IngestReport) -> Records:
    """A top-level JSON list read one element at a time, for a list that holds an element too
    deeply nested to decode: that element is its record's entry, the others are read."""
    position = _JSON_SPACE.match(text, text.index("[") + 1).end()
    number = 0
    while not text.startswith("]", position):
        number += 1
        try:
            record, position = _JSON.raw_decode(text, position)
        except RecursionError as error:
            report.refuse(f"{name}#record {number}", *reading_failure(error))
            position = _value_end(text, position)
        except json.JSONDecodeError as error:
            report.refuse(
                f"{name}#record {number}", "not valid JSON", f"{error.msg}; the rest of the file was not read"
            )
            return
        else:
            yield f"record {number}", record, ""
        position = _JSON_SPACE.match(text, position).end()
        if text.startswith(",", position):
            position = _JSON_SPACE.match(text, position + 1).end()
        elif not text.startswith("]", position):
            report.refuse(f"{name}#record {number + 1}", "not valid JSON", "expected ',' or ']' after a record")
            return


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
