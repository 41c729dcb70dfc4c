"""One page per file: plain text (and Markdown) read as is, HTML through trafilatura's main-text
extraction."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from dataclasses import replace

from lib.ingest.encoding import DecodedText, NotTextError, decode_bytes, repair_mojibake, unify_line_breaks
from lib.ingest.failures import reading_failure
from lib.schema.records import RawArticle
from lib.schema.report import IngestReport

PageReader = Callable[[str, bytes, IngestReport], Iterator[RawArticle]]


def one_input(reader: PageReader) -> PageReader:
    """A reader of one page: the page is counted once, and anything that fails while reading it
    (a parser's own error) is that page's report entry."""

    @functools.wraps(reader)
    def read(name: str, data: bytes, report: IngestReport) -> Iterator[RawArticle]:
        report.admit()
        try:
            articles = list(reader(name, data, report))  # a page gives at most one article
        except Exception as error:  # noqa: BLE001 (one page's failure is its entry)
            report.add(name, *reading_failure(error))
            return
        yield from articles

    return read


@one_input
def read_html(name: str, data: bytes, report: IngestReport) -> Iterator[RawArticle]:
    """An HTML page: main text, title, date and site name from trafilatura."""
    import trafilatura

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


@one_input
def read_text_file(name: str, data: bytes, report: IngestReport) -> Iterator[RawArticle]:
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
        source=name,
        text=unify_line_breaks(decoded.text),
        encoding=decoded.encoding,
        warnings=_nul_warning(decoded),
        repair_pending=True,
    )


def repaired(raw: RawArticle) -> RawArticle:
    """`raw` with its mojibake repaired, if that was left pending by the reader."""
    if not raw.repair_pending:
        return raw
    text, repairs = repair_mojibake(raw.text)
    return replace(raw, text=text, repairs=raw.repairs + repairs, repair_pending=False)
