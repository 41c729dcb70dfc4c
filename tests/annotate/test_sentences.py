"""lib/annotate/sentences.py: an offline sentence splitter that knows news abbreviations."""

from __future__ import annotations

import pytest

from lib.annotate.sentences import split_sentences


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        (
            "Mr. Ishiba met U.S. officials on Nov. 6 in Tokyo. He said it went well.",
            ["Mr. Ishiba met U.S. officials on Nov. 6 in Tokyo.", "He said it went well."],
        ),
        (
            "Is the alliance safe? Officials say yes! They are confident.",
            ["Is the alliance safe?", "Officials say yes!", "They are confident."],
        ),
        ("A Heading Line\nThe first sentence follows it.", ["A Heading Line", "The first sentence follows it."]),
        ("Q: What is at stake?\n\nA: The alliance.", ["Q: What is at stake?", "A: The alliance."]),
        ("  \n\n  ", []),
        ("", []),
    ],
)
def test_split_sentences(text: str, sentences: list[str]) -> None:
    assert split_sentences(text) == sentences
