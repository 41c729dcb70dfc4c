"""The one declaration of the article frame: name, dtype and meaning of every column.

It builds empty frames, validates frames, and is rendered into the README's data dictionary,
so the three can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class Column:
    name: str
    dtype: str  # a pandas dtype string, or "list" / "records" for object columns holding lists
    meaning: str
    # Which half of the store keeps it: "base" (analysis, valid for one engine) or "tags"
    # (topics, valid for one taxonomy), so a taxonomy edit re-tags without re-analysing; "corpus"
    # columns depend on the other articles too (lib/pipeline/stories.py), so no store keeps them.
    stage: str = "base"


# Unknown input columns ride through the analysis records under this prefix, then become
# frame columns of their own.
EXTRA_PREFIX = "extra:"


COLUMNS: tuple[Column, ...] = (
    Column("article_id", "string", "Stable id: first 16 hex digits of the SHA-256 of the normalised clean text."),
    Column("source", "string", "Where the article came from: a path, `archive.zip!member`, or `file.csv#row 3`."),
    Column(
        "title",
        "string",
        "Headline: the HTML/CSV title (site-name suffix removed), else the headline line above the text (never"
        " a menu, banner, byline, timestamp, caption or dateline), else the first sentence shortened.",
    ),
    Column(
        "title_basis",
        "string",
        "Where the title came from: metadata (the source's title field), heading (a headline line of the text)"
        " or first_sentence (no headline visible).",
    ),
    Column(
        "outlet",
        "string",
        "Publisher, named as in the outlet gazetteer (lib/reference/data/outlets.toml) when it is known; a page"
        " that names no publisher but credits an agency gets the agency; empty if unknown.",
    ),
    Column(
        "outlet_basis",
        "string",
        "Where `outlet` was read: metadata, domain (the URL's), masthead (site name in the page's header,"
        " title suffix or navigation), byline, copyright, dateline (`TOKYO (AP) —`), credit (`Kyodo and"
        " Reuters`, `Read more at ...`) or none.",
    ),
    Column(
        "outlet_country",
        "string",
        "The outlet's home country (ISO 3166 code, e.g. `JP`); empty if not in the gazetteer.",
    ),
    Column(
        "outlet_kind",
        "string",
        "The outlet's kind from the gazetteer: wire, newspaper, broadcaster, magazine, digital, state_media,"
        " aggregator or government; empty if not in the gazetteer.",
    ),
    Column(
        "origin",
        "string",
        "The wire or paper whose copy the page carries, from a dateline, credit, byline or copyright line"
        " (`(AP)`, `Kyodo` on an aggregator's page); empty when none is credited.",
    ),
    Column("url", "string", "Address of the article if known; empty otherwise."),
    Column("published", "datetime64[ns]", "Publication date (day precision); NaT when no trustworthy date was found."),
    Column(
        "date_basis",
        "string",
        "Where `published` came from: metadata (a field the publisher filled in), text (the page's text,"
        " including a corpus ` date YYYY-MM-DD` first line) or none.",
    ),
    Column(
        "date_evidence",
        "string",
        "Which evidence won and the snippet it was read from, `kind: snippet`; kind is labelled, timestamp,"
        " dateline, year-less dateline, corpus date, lead, updated or weekday agreement (a caption date the"
        " lead's weekday agrees with). For metadata, `field: value`.",
    ),
    Column(
        "pm", "string", "Surname of Japan's prime minister in office on `published` (or named as sitting in the text)."
    ),
    Column("pm_basis", "string", "Where `pm` came from: date, text or none."),
    Column("pms_mentioned", "list", "Every Japanese prime minister, past or present, named in the text (surnames)."),
    Column("us_president", "string", "Surname of the US president in office on `published`; empty if undated."),
    Column("language", "string", "Detected language of the text (ISO 639-1, e.g. `en`); topic rules are English."),
    Column("n_words", "int64", "Words in the clean text."),
    Column(
        "polarity",
        "float64",
        "Polarity of the clean text by the sentiment engine in use (TextBlob unless another is chosen), -1"
        " (negative) to +1 (positive): the mean of its sentences' polarities.",
    ),
    Column(
        "subjectivity", "float64", "Subjectivity of the clean text by the engine in use, 0 (factual) to 1 (opinion)."
    ),
    Column(
        "positive_share",
        "float64",
        "Share of the article's sentences the engine scores positive (above its neutral band), 0 to 1.",
    ),
    Column("negative_share", "float64", "Share of the article's sentences the engine scores negative, 0 to 1."),
    Column("net_tone", "float64", "positive_share minus negative_share, -1 to +1: the balance of toned sentences."),
    Column("topics", "list", "Keys of the topics the article is tagged with, in taxonomy order.", stage="tags"),
    Column(
        "topic_scores",
        "records",
        "Per topic: key, hits (counted mentions), score (hits per 1,000 words), tagged, polarity of its sentences, matched terms, evidence sentences, weight (what the taxonomy rule reads), reason (why tagged, or what it lacked) and vetoes (mentions not counted, with the rule: framing, negated, another topic).",
        stage="tags",
    ),
    Column(
        "furniture_removed", "list", "Lines stripped as site furniture, each prefixed with the rule that removed it."
    ),
    Column("warnings", "list", "Things a reader should know: date/PM conflicts, ambiguous dates, repaired encoding..."),
    Column("text", "string", "Clean article text: encoding repaired, furniture removed, paragraphs kept."),
    Column(
        "story_id",
        "string",
        "The story this article is a copy of: the `article_id` of its first-published copy (itself when it"
        " is the original or has no near copy). Reprints under other headlines, trimmed or with boilerplate"
        " added share it; count distinct values to count each story once.",
        stage="corpus",
    ),
)

COLUMN_NAMES: tuple[str, ...] = tuple(column.name for column in COLUMNS)
LIST_COLUMNS: tuple[str, ...] = tuple(c.name for c in COLUMNS if c.dtype in ("list", "records"))


def _pandas_dtype(column: Column) -> str:
    return "object" if column.dtype in ("list", "records") else column.dtype


def empty_frame() -> pd.DataFrame:
    """A frame with every declared column and no rows."""
    return pd.DataFrame({c.name: pd.Series([], dtype=_pandas_dtype(c)) for c in COLUMNS})


def build_frame(records: list[dict]) -> pd.DataFrame:
    """Build the article frame from one dict per article, in declared column order and dtypes."""
    if not records:
        return empty_frame()
    frame = pd.DataFrame.from_records(records, columns=list(COLUMN_NAMES))
    for column in COLUMNS:
        if column.dtype in ("list", "records"):
            frame[column.name] = frame[column.name].map(lambda v: list(v) if v is not None else [])
        elif column.dtype.startswith("datetime"):
            frame[column.name] = pd.to_datetime(frame[column.name]).astype(column.dtype)
        else:
            frame[column.name] = frame[column.name].astype(column.dtype)
    return frame


def validate_frame(frame: pd.DataFrame) -> list[str]:
    """Problems with a frame's shape, as sentences; an empty list means it is valid."""
    problems = []
    missing = [name for name in COLUMN_NAMES if name not in frame.columns]
    if missing:
        problems.append(f"missing columns: {', '.join(missing)}")
    for column in COLUMNS:
        if column.name not in frame.columns:
            continue
        actual = str(frame[column.name].dtype)
        expected = _pandas_dtype(column)
        if expected == "object":
            bad = frame[column.name].map(lambda v: not isinstance(v, list)).any()
            if bad:
                problems.append(f"column {column.name}: every value must be a list")
        elif actual != expected and not (expected == "string" and actual.startswith("string")):
            problems.append(f"column {column.name}: dtype {actual}, expected {expected}")
    if "article_id" in frame.columns and frame["article_id"].duplicated().any():
        problems.append("column article_id: duplicate ids")
    return problems


def data_dictionary_markdown() -> str:
    """The README's data dictionary table."""
    lines = ["| column | type | meaning |", "| --- | --- | --- |"]
    lines += [f"| `{c.name}` | {c.dtype} | {c.meaning} |" for c in COLUMNS]
    return "\n".join(lines)
