"""How a search term matches article text, declared once for every place that searches: the
sidebar's search in pandas (lib.views.filters), over an analysis store in Arrow
(lib.views.warehouse, through pyarrow's RE2 engine) and keyword in context (lib.views.kwic).

A term matches the *forms of its words*: each word is cut to its stem (a plural or -ed/-ing
ending taken off) and matches any word that starts with that stem, ignoring case. "tariff" finds
"tariffs", "tariffs" finds "tariff", "impose" finds "imposed" and "imposing"; "war" does not
find "software" (a match starts a word). The words of a longer term must follow each other in
that order, with only spaces or punctuation between them.

The pattern is written in the regular-expression subset Python's `re` and RE2 read alike, so the
pandas answer and the store's answer cannot drift apart (tests/views/test_matching.py runs both).
"""

from __future__ import annotations

import re

# What the search box and keyword in context tell the visitor.
MATCHING_RULE = (
    "Matches word forms, ignoring case: each word finds the words that start with its stem, so "
    "“tariff” finds tariffs and “imposed” finds impose and imposing, but “war” does not find software. "
    "Several words must appear together, in that order; punctuation alone is looked for as typed."
)

# Word characters are spelt out (not \w), so Python's re and RE2 draw word edges alike.
WORD_CHARACTER = "0-9A-Za-z_"
# Inflections taken off a search word, longest first, with the shortest stem left behind.
ENDINGS: tuple[str, ...] = ("ing", "ies", "es", "ed", "s")
SHORTEST_STEM = 3
# Plurals in -es that are the word plus "es" ("taxes", "batches"); elsewhere "es" is "e" + "s".
_ES_PLURAL = re.compile(r"(?:s|x|z|ch|sh)es$")
_WORDS = re.compile(r"\w+")
_OTHER = f"[^{WORD_CHARACTER}]"


def stem(word: str) -> str:
    """The word without one inflectional ending, lower case: 'Tariffs' -> 'tariff',
    'imposed' -> 'impos', 'taxes' -> 'tax', 'security' -> 'security'."""
    word = word.lower()
    for ending in ENDINGS:
        if not word.endswith(ending) or word.endswith("ss"):
            continue
        if ending == "es" and not _ES_PLURAL.search(word):
            continue
        if len(word) - len(ending) >= SHORTEST_STEM:
            return word[: -len(ending)]
    return word


def _word_pattern(word: str) -> tuple[str, bool]:
    """(pattern, exact) for one search word: a stem and any continuation for an English word
    ("tariff" + letters), the word itself for a short one ("US", "UN") or one in another
    script ("石破")."""
    if not word.isascii() or len(word) < SHORTEST_STEM:
        return re.escape(word.lower()), True
    return re.escape(stem(word)) + f"[{WORD_CHARACTER}]*", False


def word_form_pattern(term: str, *, capture: bool = True) -> str:
    """The regular expression (Python re and RE2 alike: no look-arounds, no \\w) matching
    `term`'s word forms; with `capture`, group 1 is the matched words without the character
    before them (pandas warns about groups in a mere test for a match). A term with no words is
    looked for literally; '' for a blank one."""
    words = [_word_pattern(w) for w in _WORDS.findall(term)]
    if not words:  # punctuation only ("--", ".*"): looked for as it is
        literal = re.escape(term.strip())
        return (rf"(?i)({literal})" if capture else rf"(?i){literal}") if literal else ""
    body = f"{_OTHER}+".join(pattern for pattern, _exact in words)
    ends_exactly = words[-1][1] and _WORDS.findall(term)[-1].isascii()
    group = "(" if capture else "(?:"
    return rf"(?i)(?:^|{_OTHER}){group}{body})" + (rf"(?:{_OTHER}|$)" if ends_exactly else "")


def compiled(term: str) -> re.Pattern | None:
    pattern = word_form_pattern(term)
    return re.compile(pattern) if pattern else None
