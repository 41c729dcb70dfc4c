"""The measured validity of each sentiment engine on expert-labelled news headlines, as shipped
data (lib/reference/data/tone_validity.toml), so the dashboard can say how far to trust tone."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

TONE_VALIDITY_PATH = Path(__file__).parent / "data" / "tone_validity.toml"


@dataclass(frozen=True)
class EngineValidity:
    name: str
    accuracy: float
    accuracy_low: float
    accuracy_high: float
    macro_f1: float
    spearman: float
    scored_zero: float  # share of headlines the engine scores exactly 0
    note: str


@dataclass(frozen=True)
class ToneValidity:
    benchmark: str
    measured_with: str
    baseline_accuracy: float
    engines: tuple[EngineValidity, ...]

    def rows(self, labels: dict[str, str]) -> list[dict]:
        """One row per engine for a table: its label, accuracy with interval, and the rest."""
        return [
            {
                "engine": labels.get(e.name, e.name),
                "accuracy [95%]": f"{e.accuracy:.3f} [{e.accuracy_low:.3f}, {e.accuracy_high:.3f}]",
                "macro-F1": round(e.macro_f1, 3),
                "Spearman ρ": round(e.spearman, 3),
                "scores 0": f"{e.scored_zero:.0%}",
                "note": e.note,
            }
            for e in self.engines
        ]


@cache
def tone_validity(path: Path = TONE_VALIDITY_PATH) -> ToneValidity:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return ToneValidity(
        benchmark=data["benchmark"],
        measured_with=data["measured_with"],
        baseline_accuracy=float(data["baseline_accuracy"]),
        engines=tuple(EngineValidity(**engine) for engine in data["engine"]),
    )
