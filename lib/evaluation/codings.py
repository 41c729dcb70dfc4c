"""A coder's hand codings of a sample, as records and as a CSV in the dev set's labels format.

    file,article_id,published,pm,title,outlet,<topic>,...,tone,date_right,pm_right
    seeds/003.txt,7f0c...,2024-05-01,Kishida,A headline,Example Herald,1,0,...,-1,1,1

`published` and `pm` hold the truth as the coder judged it: the tool's answer when the coder said
it was right, their correction otherwise (empty: none visible), so `python -m lib evaluate`
reads the file as it reads the dev set's labels. Title and outlet are not coded on the Validate
page: they are the tool's own answers, so their scores from such a file say nothing.
`tone` is -1, 0 or +1 (empty: not coded); `date_right` and `pm_right` are 1 or 0.
A bad file raises LabelError naming the file, the row and what is wrong.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from lib.evaluation.labels import LabelError, Labels, parse_labels

TONE_VALUES = {"-1": -1, "0": 0, "1": 1, "+1": 1}
FLAG_VALUES = {"1": True, "0": False}
EXTRA_COLUMNS = ("tone", "date_right", "pm_right")


@dataclass(frozen=True)
class Coding:
    """One article as a coder judged it."""

    file: str  # the article's source, as the labels format names it
    article_id: str
    topics: dict[str, bool]  # topic key -> present
    tone: int | None  # -1, 0, +1; None when not coded
    published: dt.date | None  # the true date (none visible: None)
    pm: str  # the sitting PM the article belongs to ("" = none)
    date_right: bool
    pm_right: bool
    title: str = ""  # the tool's, copied: not coded
    outlet: str = ""  # the tool's, copied: not coded


@dataclass(frozen=True)
class Codings:
    """A codings file read back: the labels `lib.evaluation` scores, plus what they do not hold."""

    labels: Labels
    tones: dict[str, int]  # article file -> tone, for the coded ones
    article_ids: dict[str, str]  # article file -> article_id, where given
    date_right: dict[str, bool]
    pm_right: dict[str, bool]


def codings_csv(codings: Iterable[Coding], topic_keys: Iterable[str]) -> str:
    """The codings as CSV text in the labels format (one row per coded article)."""
    topic_keys = tuple(topic_keys)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["file", "article_id", "published", "pm", "title", "outlet", *topic_keys, *EXTRA_COLUMNS])
    for coding in codings:
        writer.writerow(
            [
                coding.file,
                coding.article_id,
                coding.published.isoformat() if coding.published else "",
                coding.pm,
                coding.title,
                coding.outlet,
                *(int(bool(coding.topics.get(key, False))) for key in topic_keys),
                "" if coding.tone is None else coding.tone,
                int(coding.date_right),
                int(coding.pm_right),
            ]
        )
    return buffer.getvalue()


def parse_codings(text: str, topic_keys: Iterable[str], *, name: str = "codings") -> Codings:
    """A codings CSV read back (a plain labels file works too: it just has no tones)."""
    labels = parse_labels(text, topic_keys, name=name)
    tones, article_ids, date_right, pm_right = {}, {}, {}, {}
    reader = csv.DictReader(text.lstrip("\ufeff").splitlines(keepends=True))
    reader.fieldnames = [column.strip() for column in reader.fieldnames or []]
    for number, record in enumerate(reader, start=1):
        cell = {key: (value or "").strip() for key, value in record.items()}
        file = cell.get("file", "")
        if not file:
            continue  # a blank line (parse_labels refused an empty file cell in a real row)
        where = f"{name}, row {number} ({file})"
        tone = _value(cell.get("tone", ""), TONE_VALUES, f"{where}: tone", "-1, 0 or 1 (empty if not coded)")
        if tone is not None:
            tones[file] = tone
        if cell.get("article_id"):
            article_ids[file] = cell["article_id"]
        for column, into in (("date_right", date_right), ("pm_right", pm_right)):
            flag = _value(cell.get(column, ""), FLAG_VALUES, f"{where}: {column}", "1 or 0")
            if flag is not None:
                into[file] = flag
    return Codings(labels, tones, article_ids, date_right, pm_right)


def _value(text: str, values: Mapping[str, object], what: str, expected: str):
    if not text:
        return None
    if text not in values:
        raise LabelError(f"{what} is {text!r}, expected {expected}")
    return values[text]


def coded_article(
    row: Mapping,
    *,
    topics: Mapping[str, bool],
    tone: int | None,
    date_right: bool,
    pm_right: bool,
    date_correction: str = "",
    pm_correction: str = "",
) -> Coding:
    """The coder's answers about one of the tool's rows (source, article_id, published, pm, title,
    outlet) as a Coding: the tool's date and PM where the coder said right, their corrections
    where not (an empty correction: none visible). Raises ValueError for a correction that is not
    a date YYYY-MM-DD or a tone outside -1, 0, +1."""
    if tone not in (None, -1, 0, 1):
        raise ValueError(f"tone must be -1, 0 or +1, not {tone!r}")
    if date_right:
        published = _tool_day(row.get("published"))
    elif date_correction.strip():
        try:
            published = dt.date.fromisoformat(date_correction.strip())
        except ValueError:
            raise ValueError(
                f"the corrected date {date_correction.strip()!r} is not a date YYYY-MM-DD "
                "(leave it empty if the article shows no date)"
            ) from None
    else:
        published = None
    return Coding(
        file=_text(row.get("source")),
        article_id=_text(row.get("article_id")),
        topics={key: bool(value) for key, value in topics.items()},
        tone=tone,
        published=published,
        pm=_text(row.get("pm")) if pm_right else pm_correction.strip(),
        date_right=date_right,
        pm_right=pm_right,
        title=_text(row.get("title")),
        outlet=_text(row.get("outlet")),
    )


def as_codings(codings: Codings) -> list[Coding]:
    """A codings file read back as records (to resume coding it, or write it again)."""
    return [
        Coding(
            file=row.file,
            article_id=codings.article_ids.get(row.file, ""),
            topics=dict(row.topics),
            tone=codings.tones.get(row.file),
            published=row.published,
            pm=row.pm,
            date_right=codings.date_right.get(row.file, True),
            pm_right=codings.pm_right.get(row.file, True),
            title=row.title,
            outlet=row.outlet,
        )
        for row in codings.labels.rows
    ]


def _text(value) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value).strip()


def _tool_day(value) -> dt.date | None:
    if value is None or value == "":
        return None
    try:
        day = pd.Timestamp(value)
    except (TypeError, ValueError):
        return None
    return None if pd.isna(day) else day.date()
