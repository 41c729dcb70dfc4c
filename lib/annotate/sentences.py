"""Sentence splitting with nupunkt: its model ships in the wheel (TextBlob's splitter needs NLTK
data a fresh machine lacks) and it handles "U.S.", "Mr." and "Nov. 6" correctly."""

from __future__ import annotations

import nupunkt


def split_sentences(text: str) -> list[str]:
    """Sentences of `text`; a line never runs into the next, so headings stay on their own.

    One call over the whole text (per-line calls cost twice as much), then any sentence the
    splitter ran across a line break is cut there.
    """
    return [part.strip() for sentence in nupunkt.sent_tokenize(text) for part in sentence.split("\n") if part.strip()]
