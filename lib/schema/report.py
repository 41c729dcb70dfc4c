"""The ingest report: every input that did not become an article row, with the reason.

Inputs are files, zip members and CSV/JSON rows. `accounted()` checks the promise that nothing
is lost: rows + report entries = inputs.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

import pandas as pd


@dataclass(frozen=True)
class ReportEntry:
    input: str  # the file, `archive.zip!member` or `file.csv#row 3`
    reason: str  # short category: empty, not text, undecodable, too large, duplicate...
    detail: str = ""  # the explanation for a person

    def message(self) -> str:
        return f"{self.input}: {self.reason}" + (f" ({self.detail})" if self.detail else "")


@dataclass
class IngestReport:
    entries: list[ReportEntry] = field(default_factory=list)
    inputs: int = 0  # every input seen, accepted or not

    def admit(self) -> None:
        """Count one input that goes on to be read (it becomes a row, or is refused later)."""
        self.inputs += 1

    def refuse(self, input_name: str, reason: str, detail: str = "") -> None:
        """Count one input and record why it gives no article: one call, so a new refusal
        cannot forget to count what it refuses."""
        self.inputs += 1
        self.entries.append(ReportEntry(input_name, reason, detail))

    def add(self, input_name: str, reason: str, detail: str = "") -> None:
        """Record why an input already counted (by admit) gives no article after all:
        empty once cleaned, a duplicate, too long once decoded."""
        self.entries.append(ReportEntry(input_name, reason, detail))

    def extend(self, other: IngestReport) -> None:
        self.entries.extend(other.entries)
        self.inputs += other.inputs

    def to_frame(self) -> pd.DataFrame:
        return pd.DataFrame([asdict(e) for e in self.entries], columns=["input", "reason", "detail"])

    def lines(self) -> list[str]:
        return [entry.message() for entry in self.entries]

    def accounted(self, n_rows: int) -> bool:
        return n_rows + len(self.entries) == self.inputs
