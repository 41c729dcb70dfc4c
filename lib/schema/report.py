"""The ingest report: every input that did not become an article row, with the reason.

Inputs are files, zip members and CSV/JSON rows. `accounted()` checks the promise that nothing
is lost: rows + report entries = inputs.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

import pandas as pd

# Characters a name must not carry to a terminal or a report line: controls (ESC starts an ANSI
# sequence, CR and LF start a forged line), line and paragraph separators, format characters
# (bidi overrides reorder what is shown) and lone surrogates (a file name's undecodable bytes,
# which no UTF-8 output can write). Spaces of every kind stay: Japanese names use U+3000.
UNPRINTABLE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
_NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    """`text` with every unprintable character written as a Python-style escape (`\\x1b`,
    `\\n`, `\\u202e`); a file name's undecodable byte (a surrogate escape) shows as `\\xff`."""
    if text.isprintable():  # the common case, checked in C
        return text
    return "".join(_escaped(char) if unicodedata.category(char) in UNPRINTABLE_CATEGORIES else char for char in text)


def _escaped(char: str) -> str:
    code = ord(char)
    if char in _NAMED_ESCAPES:
        return _NAMED_ESCAPES[char]
    if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's stand-in for the byte code - 0xDC00
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


@dataclass(frozen=True)
class ReportEntry:
    """One input that gave no article. The input's name and the detail are made printable once,
    here, so no sink (terminal, CSV, page) receives a name's control characters."""

    input: str  # the file, `archive.zip!member` or `file.csv#row 3`
    reason: str  # short category: empty, not text, undecodable, too large, duplicate...
    detail: str = ""  # the explanation for a person
    count: int = 1  # inputs this entry stands for (more than 1 once a file's entries are folded)

    def __post_init__(self) -> None:
        object.__setattr__(self, "input", printable(self.input))
        object.__setattr__(self, "detail", printable(self.detail))

    def message(self) -> str:
        return f"{self.input}: {self.reason}" + (f" ({self.detail})" if self.detail else "")


# Entries listed one by one per (table or archive, reason); past this, the rest are folded into
# one entry with a count, so a hostile table of a million bad rows costs one entry, not a million.
LISTED_PER_CONTAINER = 100


def _container(input_name: str) -> str | None:
    """The table or archive an input sits in (`file.csv` of `file.csv#row 3`), or None for a file."""
    cut = min((i for i in (input_name.find("#"), input_name.find("!")) if i > 0), default=-1)
    return input_name[:cut] if cut > 0 else None


class FoldedEntry:
    """The inputs of one table or archive with one reason past the first LISTED_PER_CONTAINER:
    one entry whose count grows in place, so folding a million rows builds no million objects."""

    __slots__ = ("input", "reason", "container", "count")

    def __init__(self, container: str, reason: str) -> None:
        self.input, self.reason, self.container, self.count = (
            printable(f"{container} (more inputs)"),
            reason,
            container,
            0,
        )

    @property
    def detail(self) -> str:
        return printable(
            f"{self.count:,} more input(s) of {self.container} with this reason; the first "
            f"{LISTED_PER_CONTAINER} are listed one by one"
        )

    def message(self) -> str:
        return f"{self.input}: {self.reason} ({self.detail})"

    def frozen(self) -> ReportEntry:
        return ReportEntry(self.input, self.reason, self.detail, self.count)


@dataclass
class IngestReport:
    entries: list[ReportEntry | FoldedEntry] = field(default_factory=list)
    inputs: int = 0  # every input seen, accepted or not
    _listed: dict[tuple[str, str], int] = field(default_factory=dict, repr=False, compare=False)
    _folded: dict[tuple[str, str], FoldedEntry] = field(default_factory=dict, repr=False, compare=False)

    @property
    def n_unused(self) -> int:
        """Inputs that gave no article (folded entries count every input they stand for)."""
        return sum(entry.count for entry in self.entries)

    def _record(self, input_name: str, reason: str, detail: str = "", count: int = 1) -> None:
        # The container is found before any entry is built: past the listing limit an input
        # only adds one to a count (a hostile table of a million bad rows stays fast).
        container = _container(input_name) if count == 1 else None
        if container is None:
            self.entries.append(ReportEntry(input_name, reason, detail, count))
            return
        key = (container, reason)
        listed = self._listed.get(key, 0) + 1
        self._listed[key] = listed
        if listed <= LISTED_PER_CONTAINER:
            self.entries.append(ReportEntry(input_name, reason, detail))
            return
        folded = self._folded.get(key)
        if folded is None:
            folded = self._folded[key] = FoldedEntry(container, reason)
            self.entries.append(folded)
        folded.count += 1

    def admit(self) -> None:
        """Count one input that goes on to be read (it becomes a row, or is refused later)."""
        self.inputs += 1

    def refuse(self, input_name: str, reason: str, detail: str = "") -> None:
        """Count one input and record why it gives no article: one call, so a new refusal
        cannot forget to count what it refuses."""
        self.inputs += 1
        self._record(input_name, reason, detail)

    def add(self, input_name: str, reason: str, detail: str = "") -> None:
        """Record why an input already counted (by admit) gives no article after all:
        empty once cleaned, a duplicate, too long once decoded."""
        self._record(input_name, reason, detail)

    def extend(self, other: IngestReport) -> None:
        for entry in other.entries:
            if isinstance(entry, FoldedEntry):  # a snapshot: the other report may still grow
                self.entries.append(entry.frozen())
            else:
                self._record(entry.input, entry.reason, entry.detail, entry.count)
        self.inputs += other.inputs

    def to_frame(self) -> pd.DataFrame:
        columns = ["input", "reason", "detail"]
        return pd.DataFrame([{c: getattr(e, c) for c in columns} for e in self.entries], columns=columns)

    def lines(self) -> list[str]:
        return [entry.message() for entry in self.entries]

    def accounted(self, n_rows: int) -> bool:
        return n_rows + self.n_unused == self.inputs
