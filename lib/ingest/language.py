"""A small language detector: which script dominates, and for Latin script whether English
function words are common. Enough to keep English topic rules off text they would misread."""

from __future__ import annotations

import re

_ENGLISH_WORDS = frozenset(
    "the of and to in a is that for on with as by at from it was are be this an has have "
    "said will its not but or his their which were been would also after more".split()
)
_SCRIPTS = (
    ("ja", re.compile(r"[\u3040-\u30ff]")),  # kana: Japanese even when mixed with kanji
    ("ko", re.compile(r"[\uac00-\ud7af]")),
    ("zh", re.compile(r"[\u4e00-\u9fff]")),
    ("ru", re.compile(r"[\u0400-\u04ff]")),
    ("el", re.compile(r"[\u0370-\u03ff]")),
    ("ar", re.compile(r"[\u0600-\u06ff]")),
)
_WORD = re.compile(r"[A-Za-z]+")
_LETTER = re.compile(r"[^\W\d_]")
# Any letter of the scripts above: most articles have none, and skip the counting.
_NON_LATIN = re.compile(r"[\u0370-\u03ff\u0400-\u04ff\u0600-\u06ff\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")


def detect_language(text: str) -> str:
    """ISO 639-1 code, or "und" when undetermined."""
    sample = text[:5000]
    if not sample.isascii() and _NON_LATIN.search(sample):
        letters = len(_LETTER.findall(sample)) or 1
        for code, pattern in _SCRIPTS:
            if len(pattern.findall(sample)) / letters > 0.2:
                return code
    words = _WORD.findall(sample[:2000].lower())
    if not words:
        return "und"
    english = sum(map(_ENGLISH_WORDS.__contains__, words)) / len(words)
    if len(words) < 12 and (english > 0 or sample.isascii()):
        # A short text: one function word is enough, and a headline often has none
        # ("Exports rise"); plain ASCII letters without one are read as English too.
        return "en"
    return "en" if english >= 0.12 else "und"
