"""The typed record an input becomes before analysis: a RawArticle (decoded, not yet cleaned)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class RawArticle:
    source: str
    text: str  # decoded and repaired, not yet cleaned
    title: str = ""
    date: str = ""  # the metadata value as given
    date_field: str = ""
    url: str = ""
    outlet: str = ""
    encoding: str = ""
    repairs: int = 0
    extra: dict[str, str] = field(default_factory=dict)  # unknown columns, carried through
    from_html: bool = False
    whole_field: bool = False  # a table's text field: no page furniture around it
    warnings: list[str] = field(default_factory=list)  # problems with an input that was still used
    # Identifies the input's content and place (sha256 of source and bytes or record): the
    # store's key. `stored=True` means the store already has it, so it was not decoded.
    input_key: str = ""
    stored: bool = False
    # (size, mtime_ns) of the file this one article came from, when it is a whole file (not a
    # row or an archive member): the store remembers it, so an unchanged file is not read again.
    file_signature: tuple[int, int] | None = None
    # Decoded but not yet repaired: mojibake repair (ftfy) is left to whoever analyses the
    # article, a worker process or a Dask worker, rather than the one process reading files.
    repair_pending: bool = False


Known = Callable[[str], bool]  # is this input key already analysed (in the store)?


# The stored input key of a file with this (path, size, mtime_ns), if the store has analysed it.
SeenFile = Callable[[str, int, int], str | None]
