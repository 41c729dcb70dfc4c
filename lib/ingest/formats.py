"""The input formats by file suffix, their size limits, and the key an input is stored under."""

from __future__ import annotations

import hashlib

from lib.schema.limits import Limits

TEXT_SUFFIXES = (".txt", ".md", ".text", ".markdown")


HTML_SUFFIXES = (".html", ".htm", ".xhtml")


TABLE_SUFFIXES = (".csv", ".tsv", ".jsonl", ".ndjson", ".json")


ARCHIVE_SUFFIXES = (".zip",)


SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + TABLE_SUFFIXES + ARCHIVE_SUFFIXES


def input_key(kind: str, source: str, payload: bytes) -> str:
    digest = hashlib.sha256(kind.encode() + b"\0" + source.encode("utf-8", "surrogatepass") + b"\0")
    digest.update(payload)
    return digest.hexdigest()[:32]


def suffix_of(name: str) -> str:
    """PurePosixPath(name).suffix.lower(), without building a path object (a tenth of the cost;
    it runs once per input, a million times for a large corpus)."""
    last = next((part for part in reversed(name.split("/")) if part and part != "."), "")
    dot = last.rfind(".")
    return last[dot:].lower() if 0 < dot < len(last) - 1 else ""


def byte_limit(suffix: str, limits: Limits) -> int:
    if suffix in ARCHIVE_SUFFIXES:
        return limits.max_archive_bytes
    return limits.max_table_bytes if suffix in TABLE_SUFFIXES else limits.max_file_bytes


def too_long(text: str, limits: Limits) -> tuple[str, str]:
    return "too long", f"{len(text):,} characters; limit is {limits.max_article_chars:,}"
