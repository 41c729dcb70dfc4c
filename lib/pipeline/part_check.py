"""Is a store part sound? A part is read in full once, checked against what its folder holds
(columns and types, keys never null, JSON fields that decode), and remembered by path, size and
modification time, as the file index remembers inputs: a part changed since is checked again.

Damage a reader of a few columns would not see (random bytes in the text column's pages, a tags
part renamed into `base/`, a `published` column of another type, a null `article_id`) is found
here, so the store leaves the part out everywhere at once and its inputs are analysed again,
instead of one reader losing articles the others still count as stored.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

OUTDATED = "outdated"  # written by another analysis version: not damaged, just not read


@dataclass(frozen=True)
class PartKind:
    """What every part in one kind of store folder holds."""

    name: str  # base, tags or files
    schema: pa.Schema  # columns every part has, with these types
    not_null: tuple[str, ...]  # columns no row may leave empty
    json_columns: dict[str, type] = field(default_factory=dict)  # column -> what each value decodes to
    prefixed: dict[str, pa.DataType] = field(default_factory=dict)  # further columns by name prefix
    current: Callable[[pa.ChunkedArray], bool] | None = None  # is this version column current?
    version_column: str = ""


def part_fault(part: Path, kind: PartKind) -> str | None:
    """None for a sound part, OUTDATED for one of another analysis version, else what is wrong."""
    try:
        schema = pq.read_schema(part)
        if kind.version_column and schema.get_field_index(kind.version_column) >= 0:
            versions = pq.read_table(part, columns=[kind.version_column]).column(kind.version_column)
            if kind.current is not None and not kind.current(versions):
                return OUTDATED
        problem = _schema_fault(schema, kind)
        if problem:
            return problem
        # Every page, its checksum verified where the writer stored one.
        table = pq.read_table(part, page_checksum_verification=True)
    except Exception as error:  # pyarrow raises several kinds for damaged bytes
        return f"unreadable ({type(error).__name__})"
    return _value_fault(table, kind)


def _schema_fault(schema: pa.Schema, kind: PartKind) -> str | None:
    for expected in kind.schema:
        index = schema.get_field_index(expected.name)
        if index < 0:
            return f"not a {kind.name} part: no `{expected.name}` column"
        actual = schema.field(index).type
        if not actual.equals(expected.type):
            return f"column `{expected.name}` is {actual}, expected {expected.type}"
    for column in schema:
        for prefix, expected_type in kind.prefixed.items():
            if column.name.startswith(prefix) and not column.type.equals(expected_type):
                return f"column `{column.name}` is {column.type}, expected {expected_type}"
    return None


def _value_fault(table: pa.Table, kind: PartKind) -> str | None:
    for name in kind.not_null:
        missing = table.column(name).null_count
        if missing:
            return f"{missing} row(s) without `{name}`"
    for name, decoded_type in kind.json_columns.items():
        for row, text in enumerate(pc.drop_null(table.column(name)).to_pylist()):
            try:
                value = json.loads(text)
            except ValueError:
                return f"row {row + 1}: `{name}` is not valid JSON"
            if not isinstance(value, decoded_type):
                return f"row {row + 1}: `{name}` is not a JSON {decoded_type.__name__}"
    return None


class SoundParts:
    """Parts found sound, by path under the store, size and modification time, kept in one
    small JSON file so an unchanged part is not read in full again. Losing it (two runs writing
    at once, a read-only store) costs only checking parts again."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._entries: dict[str, list[int]] | None = None
        self._changed = False

    def _loaded(self) -> dict[str, list[int]]:
        if self._entries is None:
            try:
                entries = json.loads(self.path.read_text(encoding="utf-8"))
                self._entries = entries if isinstance(entries, dict) else {}
            except (OSError, ValueError):
                self._entries = {}
        return self._entries

    def holds(self, name: str, stat: os.stat_result) -> bool:
        return self._loaded().get(name) == [stat.st_size, stat.st_mtime_ns]

    def add(self, name: str, stat: os.stat_result) -> None:
        self._loaded()[name] = [stat.st_size, stat.st_mtime_ns]
        self._changed = True

    def save(self) -> None:
        if not self._changed:
            return
        self._changed = False
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        try:
            temporary.write_text(json.dumps(self._loaded(), sort_keys=True), encoding="utf-8")
            os.replace(temporary, self.path)
        except OSError:  # a read-only store (a dashboard's): parts are checked again next time
            temporary.unlink(missing_ok=True)
