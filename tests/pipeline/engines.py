"""Test doubles for the sentiment engine shared by the store tests."""

from __future__ import annotations

from lib.annotate.sentiment import TextBlobEngine


class CountingEngine(TextBlobEngine):
    """TextBlob (same name and version, so the same store key) that counts what it scores."""

    def __init__(self) -> None:
        super().__init__()
        self.scored = 0

    def score(self, sentences):
        self.scored += 1
        return super().score(sentences)
