"""lib/ingest/readers.py: the ingest stage's front door names what later stages use."""

from lib.ingest import files, formats, pages, readers, tables
from lib.schema import records


def test_the_front_door_names_the_format_modules_functions() -> None:
    assert readers.read_bytes is files.read_bytes and readers.walk_paths is files.walk_paths
    assert readers.repaired is pages.repaired and readers.map_fields is tables.map_fields
    assert readers.RawArticle is records.RawArticle
    assert readers.SUPPORTED_SUFFIXES == formats.SUPPORTED_SUFFIXES
    assert set(readers.__all__) <= set(vars(readers))
