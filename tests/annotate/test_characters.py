"""Invisible characters and look-alike letters are folded before anything reads the text."""

from __future__ import annotations

import pytest

from lib.annotate.characters import plain_letters
from lib.pipeline.corpus import load_blobs

BODY = "Japan and the United States argued over {word} on steel. The {word} would hurt trade, Tokyo said."


@pytest.mark.parametrize(
    ("given", "expected", "warning"),
    [
        ("tar\u200biffs", "tariffs", "removed 1 invisible character(s)"),
        ("tar\u00adiffs", "tariffs", "removed 1 invisible character(s)"),
        ("\ufefftariffs", "tariffs", "removed 1 invisible character(s)"),
        ("tar\u200ciffs", "tariffs", "removed 1 invisible character(s)"),
        ("ｔａｒｉｆｆｓ", "tariffs", "folded full-width or styled letters"),
        ("\U0001d42d\U0001d41a\U0001d42b\U0001d422\U0001d41f\U0001d41f\U0001d42c", "tariffs", "folded full-width"),
        ("t\u0430riffs", "tariffs", "1 word(s) mix Latin letters with Cyrillic or Greek look-alikes ('t\u0430riffs')"),
        ("T\u0391RIFFS", "TARIFFS", "1 word(s) mix Latin letters with Cyrillic or Greek"),
    ],
)
def test_hidden_and_look_alike_letters_are_folded_with_a_warning(given, expected, warning):
    text, warnings = plain_letters(given)
    assert text == expected
    assert len(warnings) == 1 and warnings[0].startswith(warning), warnings


@pytest.mark.parametrize(
    "text",
    [
        "Plain English about tariffs… ½ of exports, 10² yen.",
        "Москва и Вашингтон обсудили пошлины.",  # a Russian sentence stays Russian
        "Αθήνα και Τόκιο.",
        "日米の関税交渉はｶﾀｶﾅも含む。",  # Japanese half-width forms are the page's own
        "Emoji families keep their joiners: \U0001f468\u200d\U0001f469\u200d\U0001f467",
        "Persian keeps its non-joiner: می\u200cخواهم",
    ],
)
def test_text_without_disguised_letters_is_left_as_it_is(text):
    assert plain_letters(text) == (text, [])


@pytest.mark.parametrize("word", ["tar\u200biffs", "t\u0430riffs", "ｔａｒｉｆｆｓ"])
def test_disguised_terms_are_tagged_like_plain_ones(word):
    [row] = load_blobs([("a.txt", BODY.format(word=word).encode())]).frame.to_dict("records")
    [plain] = load_blobs([("a.txt", BODY.format(word="tariffs").encode())]).frame.to_dict("records")
    assert row["topics"] == plain["topics"] and "tariffs" in row["topics"]
    assert row["text"] == plain["text"]
    assert row["warnings"] and not plain["warnings"]
