"""One file that holds an analysed corpus and the view made on it: a Parquet file whose schema
metadata carries the view's link query and the corpus fingerprint.

It serves two jobs: "Download this view" (dropped on the Data page it restores the exact view,
with no server storage) and the published corpora a hosted link can name. The records columns
(`topic_scores`) travel as JSON text, since Parquet has no type for their mixed-type records;
reading restores them, so the frame that comes back equals the one that went in.
"""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import dataclass

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from lib.schema.columns import COLUMNS, validate_frame

METADATA_KEY = b"alliance_lens"
BUNDLE_FORMAT = 1  # raised when the layout below changes; older files are refused with a reason
_RECORDS = tuple(c.name for c in COLUMNS if c.dtype == "records")


class BundleError(ValueError):
    """A file that is not a readable Alliance Lens bundle; the message says why."""


@dataclass(frozen=True)
class Bundle:
    frame: pd.DataFrame
    view_query: str  # the link's query string, without "?" ("topic=tariffs&pm=Ishiba")
    fingerprint: str


def corpus_fingerprint(frame: pd.DataFrame) -> str:
    """The corpus's identity in 16 hex digits: its articles and their tags, in any row order. The
    same files analysed the same way give the same fingerprint on any server."""
    digest = hashlib.sha256()
    rows = sorted(zip(frame["article_id"].astype(str), frame["topics"].map(";".join), strict=True))
    for article_id, topics in rows:
        digest.update(f"{article_id}\t{topics}\n".encode())
    return digest.hexdigest()[:16]


def to_bundle_bytes(frame: pd.DataFrame, view_query: str = "") -> bytes:
    """The frame and the view as one Parquet file."""
    flat = frame.copy()
    for name in _RECORDS:
        if name in flat.columns:
            flat[name] = flat[name].map(lambda records: json.dumps(records, ensure_ascii=False))
    table = pa.Table.from_pandas(flat, preserve_index=False)
    facts = {
        "format": BUNDLE_FORMAT,
        "view": view_query,
        "fingerprint": corpus_fingerprint(frame),
        "articles": len(frame),
    }
    table = table.replace_schema_metadata({**(table.schema.metadata or {}), METADATA_KEY: json.dumps(facts).encode()})
    buffer = io.BytesIO()
    pq.write_table(table, buffer, compression="zstd")
    return buffer.getvalue()


def is_bundle(data: bytes) -> bool:
    """Whether `data` is a Parquet file written by `to_bundle_bytes` (without reading its rows)."""
    try:
        metadata = pq.read_schema(io.BytesIO(data)).metadata or {}
    except (pa.ArrowException, OSError):
        return False
    return METADATA_KEY in metadata


def read_bundle(data: bytes, *, name: str = "bundle") -> Bundle:
    """The corpus and view a bundle holds; BundleError names the file and what is wrong."""
    try:
        table = pq.read_table(io.BytesIO(data))
    except (pa.ArrowException, OSError) as error:
        raise BundleError(f"{name}: not a readable Parquet file ({error})") from error
    raw = (table.schema.metadata or {}).get(METADATA_KEY)
    if raw is None:
        raise BundleError(f"{name}: a Parquet file, but not a view saved by Alliance Lens")
    try:
        facts = json.loads(raw)
    except ValueError as error:
        raise BundleError(f"{name}: its view record is damaged ({error})") from error
    if facts.get("format") != BUNDLE_FORMAT:
        raise BundleError(f"{name}: saved in bundle format {facts.get('format')!r}; this version reads {BUNDLE_FORMAT}")
    frame = table.to_pandas()
    for column in COLUMNS:
        if column.name not in frame.columns:
            continue
        if column.dtype == "records":
            frame[column.name] = frame[column.name].map(json.loads)
        elif column.dtype == "list":
            frame[column.name] = frame[column.name].map(list)
    problems = validate_frame(frame)
    if problems:
        raise BundleError(f"{name}: the corpus inside is damaged: {'; '.join(problems)}")
    fingerprint = corpus_fingerprint(frame)
    if fingerprint != facts.get("fingerprint"):
        raise BundleError(f"{name}: its articles do not match the fingerprint it was saved with (the file was altered)")
    return Bundle(frame, str(facts.get("view", "")), fingerprint)
