"""Inputs to raw articles, the ingest stage's front door: files, folders, zip archives, CSV/JSON(L)
tables and HTML pages.

Every input ends up as a RawArticle or as an entry in the ingest report; nothing is skipped
silently. Each format lives in its own module (files, archives, tables, pages); this module
names what the later stages use.
"""

from lib.ingest.files import read_bytes, walk_paths
from lib.ingest.formats import SUPPORTED_SUFFIXES
from lib.ingest.pages import repaired
from lib.ingest.tables import FIELD_SYNONYMS, map_fields
from lib.schema.records import RawArticle

__all__ = ["FIELD_SYNONYMS", "SUPPORTED_SUFFIXES", "RawArticle", "map_fields", "read_bytes", "repaired", "walk_paths"]
