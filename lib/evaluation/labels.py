"""Hand labels of articles, read from a CSV in the dev set's format.

    file,url,outlet,title,published,date_evidence,pm,<topic>,...,notes
    articles/001.txt,,Example Herald,A headline,2024-05-01,,Kishida,1,0,...,BORDERLINE ...

`file` names the article as its output row's `source` ends (a row of a table input is
`table.csv#row 3`); `published`, `pm`, `title` and `outlet` are required too; an empty cell means "none visible"
(no date, no sitting PM, no headline). Each topic is one 0/1 column named by its taxonomy key;
columns that are not topic keys (url, date_evidence, notes...) are kept as notes for the reader.
A bad file raises LabelError naming the file, the row and what is wrong.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

REQUIRED_COLUMNS = ("file", "published", "pm", "title", "outlet")
TOPIC_VALUES = {"0": False, "1": True}
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}(?=$|[T ])")


class LabelError(ValueError):
    """A labels file that cannot be used, with the file, row and reason in the message."""


@dataclass(frozen=True)
class ArticleLabel:
    file: str  # as written in the labels file, e.g. articles/001.txt
    published: dt.date | None
    pm: str
    title: str
    outlet: str
    topics: dict[str, bool]  # topic key -> coded 1
    notes: str = ""  # the labeller's notes (BORDERLINE, TRAP...), shown beside a disagreement
    date_evidence: str = ""

    @property
    def name(self) -> str:
        """The file's own name, which output rows are matched on."""
        return file_name(self.file)


@dataclass(frozen=True)
class Labels:
    path: str
    rows: tuple[ArticleLabel, ...]
    topic_keys: tuple[str, ...]  # topics the file labels, in taxonomy order
    unlabelled_topics: tuple[str, ...] = field(default=())  # taxonomy topics with no column


def file_name(path: str) -> str:
    """The last part of a path, `archive.zip!member` or `table.csv#row 3` source: what a label's
    `file` and an output row's `source` share."""
    return str(path).replace("\\", "/").rsplit("!", 1)[-1].rsplit("/", 1)[-1]


def read_labels(path: str | os.PathLike, topic_keys: Iterable[str]) -> Labels:
    """The labels in `path`; `topic_keys` are the taxonomy's topics, in order."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise LabelError(f"{path}: no such labels file") from None
    except UnicodeDecodeError as error:
        raise LabelError(f"{path}: not UTF-8 text (byte {error.start}); save the labels as UTF-8 CSV") from None
    except OSError as error:
        raise LabelError(f"{path}: cannot read it: {error.strerror or error}") from None
    return parse_labels(text, topic_keys, name=str(path))


def parse_labels(text: str, topic_keys: Iterable[str], *, name: str = "labels") -> Labels:
    reader = csv.DictReader(text.splitlines(keepends=True))
    header = [column.strip() for column in reader.fieldnames or []]
    if not header:
        raise LabelError(f"{name}: empty, expected a header row with {', '.join(REQUIRED_COLUMNS)}")
    reader.fieldnames = header
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        raise LabelError(
            f"{name}: missing column(s) {', '.join(missing)}; the header has {', '.join(header)} "
            f"(required: {', '.join(REQUIRED_COLUMNS)}, then one 0/1 column per topic key)"
        )
    topic_keys = tuple(topic_keys)
    labelled = tuple(key for key in topic_keys if key in header)
    rows, seen = [], {}
    for number, record in enumerate(reader, start=1):
        where = f"{name}, row {number}"
        if None in record:
            raise LabelError(f"{where}: more cells than the header's {len(header)} columns")
        if not any((value or "").strip() for value in record.values()):
            continue  # a blank line
        row = _row(record, labelled, where)
        if row.name in seen:
            raise LabelError(f"{where}: file {row.file!r} is labelled twice (also row {seen[row.name]})")
        seen[row.name] = number
        rows.append(row)
    if not rows:
        raise LabelError(f"{name}: no labelled rows under the header")
    return Labels(name, tuple(rows), labelled, tuple(key for key in topic_keys if key not in header))


def _row(record: dict, topic_keys: tuple[str, ...], where: str) -> ArticleLabel:
    cell = {key: (value or "").strip() for key, value in record.items()}
    if not cell["file"]:
        raise LabelError(f"{where}: the file cell is empty")
    where = f"{where} ({cell['file']})"
    topics = {}
    for key in topic_keys:
        if cell[key] not in TOPIC_VALUES:
            raise LabelError(f"{where}: topic {key} is {cell[key]!r}, expected 0 or 1")
        topics[key] = TOPIC_VALUES[cell[key]]
    return ArticleLabel(
        file=cell["file"],
        published=_day(cell["published"], where),
        pm=cell["pm"],
        title=cell["title"],
        outlet=cell["outlet"],
        topics=topics,
        notes=cell.get("notes", ""),
        date_evidence=cell.get("date_evidence", ""),
    )


def _day(value: str, where: str) -> dt.date | None:
    """A day, YYYY-MM-DD; a timestamp's time part is ignored (labels are day precision)."""
    if not value:
        return None
    match = _ISO_DAY.match(value)
    try:
        if match is None:
            raise ValueError(value)
        return dt.date.fromisoformat(match.group(0))
    except ValueError:
        raise LabelError(f"{where}: published {value!r} is not a date YYYY-MM-DD (leave it empty if none)") from None
