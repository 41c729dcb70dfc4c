"""The measured agreement of each topic tag with trained coders on real pages, as shipped data
(lib/reference/data/topic_validity.toml), so the About page can say how far to trust the tags."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

TOPIC_VALIDITY_PATH = Path(__file__).parent / "data" / "topic_validity.toml"


@dataclass(frozen=True)
class TopicValidity:
    key: str
    precision: float
    recall: float
    f1: float
    f1_low: float
    f1_high: float


@dataclass(frozen=True)
class TaggingValidity:
    benchmark: str
    measured_with: str
    macro_f1: float
    macro_f1_low: float
    macro_f1_high: float
    topics: tuple[TopicValidity, ...]

    def rows(self, labels: dict[str, str]) -> list[dict]:
        """One row per topic for a table: its label, precision, recall and F1 with interval."""
        return [
            {
                "topic": labels.get(t.key, t.key),
                "precision": f"{t.precision:.3f}",
                "recall": f"{t.recall:.3f}",
                "F1 [95%]": f"{t.f1:.3f} [{t.f1_low:.3f}, {t.f1_high:.3f}]",
            }
            for t in self.topics
        ]


@cache
def topic_validity(path: Path = TOPIC_VALIDITY_PATH) -> TaggingValidity:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return TaggingValidity(
        benchmark=data["benchmark"],
        measured_with=data["measured_with"],
        macro_f1=float(data["macro_f1"]),
        macro_f1_low=float(data["macro_f1_low"]),
        macro_f1_high=float(data["macro_f1_high"]),
        topics=tuple(TopicValidity(**topic) for topic in data["topic"]),
    )
