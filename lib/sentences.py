"""Sentence splitting with nupunkt: its model ships in the wheel (TextBlob's splitter needs NLTK
data a fresh machine lacks) and it handles "U.S.", "Mr." and "Nov. 6" correctly."""

from __future__ import annotations

import nupunkt


def split_sentences(text: str) -> list[str]:
    """Sentences of `text`; a line never runs into the next, so headings stay on their own."""
    sentences = []
    for paragraph in text.split("\n"):
        paragraph = paragraph.strip()
        if paragraph:
            sentences.extend(s.strip() for s in nupunkt.sent_tokenize(paragraph) if s.strip())
    return sentences
