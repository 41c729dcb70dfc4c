"""Limits on what the library will read, as one settings object with documented defaults.

They protect a hosted app from hostile uploads (zip bombs, huge files) without refusing
ordinary corpora. Every refusal names the limit in the ingest report.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = 20_000_000  # one text or HTML file, or archive member
    max_table_bytes: int = 1_000_000_000  # one CSV/TSV/JSON(L) file: many articles in one file
    max_article_chars: int = 2_000_000  # one article's text after decoding (a book, not news)
    max_archive_bytes: int = 200_000_000  # one zip file as given, before anything is expanded
    # An archive's list of contents (≥ 46 bytes an entry): listing it costs memory per entry, so
    # a longer list is refused before it is read.
    max_zip_directory_bytes: int = 10_000_000
    max_zip_members: int = 10_000  # entries read from one archive; each one past it is reported
    max_zip_member_bytes: int = 20_000_000  # one entry, uncompressed
    # All entries of one archive, uncompressed, counting those of archives inside it: a zip of
    # zips shares one budget.
    max_zip_total_bytes: int = 200_000_000
    max_zip_ratio: float = 100.0  # uncompressed / compressed size of one entry over 1 MB
    max_zip_depth: int = 2  # archives inside archives: 2 reads a zip inside a zip, no deeper
    max_rows_per_table: int = 1_000_000  # CSV / JSON records in one file
    # Unknown input columns carried through per row; past this, a warning says how many were not.
    # (A 2 MB table of 250,000 columns would otherwise cost minutes and gigabytes.)
    max_carried_columns: int = 1_000


DEFAULT_LIMITS = Limits()
