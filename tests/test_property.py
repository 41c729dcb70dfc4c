"""Properties of the whole pipeline: whatever bytes arrive under whatever name, analysing them
never raises, never crashes inside the analysis, and accounts for every input."""

from __future__ import annotations

import csv
import io
import json
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lib.ingest.readers import FIELD_SYNONYMS
from lib.pipeline.corpus import load_blobs

# Modest and derandomised: the file stays well under a minute and fails the same way every run.
SETTINGS = settings(
    max_examples=50,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
# Random zips may repeat a member name; zipfile warns, the reader must cope.
pytestmark = pytest.mark.filterwarnings("ignore:Duplicate name:UserWarning")

SUFFIXES = [
    ".txt",
    ".md",
    ".html",
    ".htm",
    ".csv",
    ".tsv",
    ".json",
    ".jsonl",
    ".zip",
    ".png",
    ".TXT",
    ".Csv",
    "",
    ".docx",
]
SENTENCES = [
    "Prime Minister Shigeru Ishiba met Trump in Washington on Nov. 5, 2024.",
    "date 2024-01-18 The alliance faces tariffs and higher defense spending.",
    "Tokyo, Nov. 6 (Jiji Press)--The two leaders did not discuss tariffs.",
    "Advertisment",
    "Home » world » Japan",
    "Β» β€œ πŸ‡―πŸ‡΅",
    "11/07/2024",
    "END",
    "X",
    "Former Prime Minister Shinzo Abe, the late leader, built ties.",
    "",
]

names = st.builds(
    lambda stem, suffix: stem + suffix,
    st.text(min_size=1, max_size=12).filter(lambda s: "\x00" not in s),
    st.sampled_from(SUFFIXES) | st.text(max_size=6),
)
texts = st.lists(st.sampled_from(SENTENCES) | st.text(max_size=80), max_size=6).map("\n".join)
encodings = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252", "latin-1"])
headers = st.sampled_from(
    [s for synonyms in FIELD_SYNONYMS.values() for s in synonyms] + ["TEXT", "Body", "extra", "id", ""]
) | st.text(max_size=10)
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=40)
    | st.sampled_from(SENTENCES),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(headers, children, max_size=5),
    max_leaves=15,
)


def assert_accounted(blobs: list[tuple[str, bytes]]) -> None:
    corpus = load_blobs(blobs)
    report = corpus.report
    assert report.accounted(len(corpus.frame)), (report.inputs, len(corpus.frame), report.lines())
    assert report.inputs >= len(blobs)
    # analyze_raw turns an unexpected exception into a report entry: none may occur.
    assert not [e for e in report.entries if e.reason == "analysis failed"], report.lines()
    assert corpus.frame["article_id"].is_unique


@SETTINGS
@given(st.lists(st.tuples(names, st.binary(max_size=600)), min_size=1, max_size=4))
def test_arbitrary_bytes_under_arbitrary_names(blobs: list[tuple[str, bytes]]) -> None:
    assert_accounted(blobs)


@SETTINGS
@given(st.sampled_from([".txt", ".md", ".html"]), texts, encodings)
def test_arbitrary_text_files(suffix: str, text: str, encoding: str) -> None:
    assert_accounted([("article" + suffix, text.encode(encoding, errors="replace"))])


@st.composite
def csv_files(draw) -> tuple[str, bytes]:
    columns = draw(st.lists(headers, min_size=1, max_size=5))
    rows = draw(st.lists(st.lists(texts | st.text(max_size=10), max_size=len(columns) + 1), max_size=5))
    delimiter = draw(st.sampled_from([",", ";", "\t", "|"]))
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(columns)
    writer.writerows(rows)
    name = draw(st.sampled_from(["table.csv", "table.tsv", "TABLE.CSV"]))
    return name, buffer.getvalue().encode(draw(encodings), errors="replace")


@SETTINGS
@given(csv_files())
def test_random_csv(blob: tuple[str, bytes]) -> None:
    assert_accounted([blob])


@st.composite
def json_files(draw) -> tuple[str, bytes]:
    record = st.dictionaries(headers, json_values | texts, max_size=5)
    if draw(st.booleans()):
        lines = draw(st.lists(record | json_values, max_size=5))
        body = "\n".join(json.dumps(v) if draw(st.booleans()) else "{broken" for v in lines)
        return "records.jsonl", body.encode()
    document = draw(
        st.lists(record | json_values, max_size=5)
        | st.fixed_dictionaries({"articles": st.lists(record, max_size=5)})
        | json_values
    )
    return "records.json", json.dumps(document).encode(draw(encodings), errors="replace")


@SETTINGS
@given(json_files())
def test_random_json(blob: tuple[str, bytes]) -> None:
    assert_accounted([blob])


def zip_bytes(members: list[tuple[str, bytes]], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in members:
            archive.writestr(name, data)
    return buffer.getvalue()


member_names = names | st.sampled_from(["../evil.txt", "/abs.txt", "dir/", "a/../../b.txt", "C:/x.txt", "dup.txt"])
members = st.tuples(member_names, st.binary(max_size=300) | texts.map(str.encode))
# Stored and deflated members are read; bzip2 ones are refused (they cannot be read in bounded steps).
methods = st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2])
zips = st.recursive(
    st.builds(zip_bytes, st.lists(members, max_size=5), methods),
    lambda inner: st.builds(zip_bytes, st.lists(members | st.tuples(st.just("inner.zip"), inner), max_size=4), methods),
    max_leaves=4,
)


@SETTINGS
@given(zips, st.booleans())
def test_random_zips(data: bytes, truncate: bool) -> None:
    assert_accounted([("bundle.zip", data[: len(data) // 2] if truncate else data)])
