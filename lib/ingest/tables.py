"""CSV, TSV, JSON and JSON Lines tables: one raw article per row or record, every other row
in the ingest report (rows + report entries = rows given)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

from lib.ingest.encoding import NotTextError, decode_bytes, repair_mojibake
from lib.ingest.formats import input_key, suffix_of, too_long
from lib.schema.limits import DEFAULT_LIMITS, Limits
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
        report.admit()
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
            report.add(source, *too_long(article.text, limits))
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
            report.refuse(f"{name}#line {reader.line_num}", "broken CSV", f"{error}; the rest of the file was not read")
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
        document = json.loads(text)
    except json.JSONDecodeError as error:
        report.refuse(name, "not valid JSON", f"line {error.lineno}, column {error.colno}: {error.msg}")
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


def _jsonl_records(name: str, text: str, report: IngestReport) -> Records:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield f"line {number}", json.loads(line), ""
        except json.JSONDecodeError as error:
            report.refuse(f"{name}#line {number}", "not valid JSON", error.msg)


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
