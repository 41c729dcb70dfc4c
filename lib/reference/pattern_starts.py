"""The fixed text every match of a taxonomy pattern begins with, read from the parsed pattern.

A taxonomy's raw patterns ("buy ... fighters", "2 + 2") are regexes written by people, usually
an alternation of words behind a word edge. Python's regex engine tries such a pattern at every
position of the text (case-insensitive alternations get no first-character shortcut), which made
the patterns a third of the analysis. When every match must begin with one of a few literals,
lib.annotate.topics finds those with str.find and tries the pattern there alone: the same
matches. Anything this reader does not understand gives None, and the pattern is scanned as before.
"""

from __future__ import annotations

import re
from re import _constants as sre  # the parser's node names; stable across CPython 3.11-3.13
from re import _parser

# Zero-width nodes a match may begin with: they consume nothing, so the first literal follows.
_ZERO_WIDTH = {sre.AT, sre.ASSERT, sre.ASSERT_NOT}
# A character class of at most this many characters is spelled out ("[Tt]he" -> "the").
_CLASS_LETTERS = 4


def pattern_starts(pattern: str) -> tuple[str, ...] | None:
    """Lower-case literals one of which every match of `pattern` (compiled IGNORECASE) begins
    with, or None when that cannot be said (an optional start, a wide class, an empty branch)."""
    try:
        parsed = _parser.parse(pattern, re.IGNORECASE)
    except re.error:
        return None
    starts = _starts(list(parsed))
    if not starts or not all(starts):
        return None
    return tuple(sorted(starts))


def _starts(items: list) -> set[str] | None:
    """The literal prefixes of a sequence of parsed nodes (None: unknown)."""
    index = 0
    while index < len(items) and items[index][0] in _ZERO_WIDTH:
        index += 1
    if index == len(items):
        return None
    op, value = items[index]
    if op is sre.LITERAL:
        prefix = ""
        while index < len(items) and items[index][0] is sre.LITERAL:
            prefix += chr(items[index][1]).lower()
            index += 1
        return {prefix}
    if op is sre.IN:
        letters = _class_letters(value)
        return {letter.lower() for letter in letters} if letters else None
    if op is sre.SUBPATTERN:
        return _starts(list(value[-1]))
    if op is sre.BRANCH:
        found: set[str] = set()
        for branch in value[1]:
            starts = _starts(list(branch))
            if not starts:
                return None
            found |= starts
        return found
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, _high, item = value
        return _starts(list(item)) if low >= 1 else None
    return None


def _class_letters(value: list) -> list[str] | None:
    r"""The characters of a small class of plain literals ("[Tt]"), or the ten ASCII digits of
    \d, else None. (\d also matches other scripts' digits; the analysis folds full-width ones to
    ASCII first, and a number in another script does not open a taxonomy pattern.)"""
    letters = []
    for op, member in value:
        if op is sre.CATEGORY and member is sre.CATEGORY_DIGIT:
            letters += list("0123456789")
        elif op is sre.LITERAL and len(letters) < _CLASS_LETTERS:
            letters.append(chr(member))
        else:
            return None
    return letters
