"""Letters as a reader sees them: invisible characters and look-alike letters folded to plain ones.

A word can look right on screen and still fail every term match: "tar\u200biffs" hides a
zero-width space, "ｔａｒｉｆｆｓ" is set in full-width letters, "tаriffs" carries a Cyrillic "а".
Pasted and scraped text carries all three (by accident from editors and PDFs, or on purpose to
dodge filters), so they are folded before anything reads the text, and a warning says so.

Not the whole text through NFKC: that would also rewrite ellipses, fractions, superscripts and
Japanese half-width forms the article prints. Only look-alike letter blocks are folded, and
Cyrillic or Greek letters only inside a word that is otherwise Latin (a Russian word stays Russian).
"""

from __future__ import annotations

import re
import unicodedata

# Invisible format characters that sit inside words: zero-width space, word joiner, byte-order
# mark, soft hyphen. (Zero-width (non-)joiners shape Persian, Indic scripts and emoji: they are
# only removed between two Latin letters.)
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad]")
_JOINER_IN_LATIN = re.compile("(?<=[A-Za-z])[\u200c\u200d]+(?=[A-Za-z])")
# Compatibility forms of Latin letters and digits: full-width, ligatures, mathematical alphanumerics.
_COMPATIBILITY = re.compile("[\uff01-\uff5e\ufb00-\ufb06\U0001d400-\U0001d7ff]")
# Cyrillic and Greek letters drawn like Latin ones.
_LOOK_ALIKE_PAIRS = {
    "Cyrillic": ("аеорсухіјѕԁһӏАВЕКМНОРСТХІЈЅ", "aeopcyxijsdhlABEKMHOPCTXIJS"),
    "Greek": ("αονιρτχΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "aoviptxABEZHIKMNOPTYX"),
}
LOOK_ALIKES = str.maketrans(
    "".join(source for source, _ in _LOOK_ALIKE_PAIRS.values()),
    "".join(target for _, target in _LOOK_ALIKE_PAIRS.values()),
)
_WORD = re.compile(r"\w+")
_LATIN = re.compile(r"[A-Za-z]")
EXAMPLES_NAMED = 3


def _mixed_script(word: str) -> bool:
    """A Latin word with Cyrillic or Greek look-alikes in it."""
    return _LATIN.search(word) is not None and word.translate(LOOK_ALIKES) != word


def plain_letters(text: str) -> tuple[str, list[str]]:
    """`text` with invisible characters removed and look-alike letters folded to Latin, and a
    warning for each kind of change made (none when the text had nothing to fold)."""
    warnings: list[str] = []
    stripped = _JOINER_IN_LATIN.sub("", _INVISIBLE.sub("", text))
    if len(stripped) != len(text):
        warnings.append(f"removed {len(text) - len(stripped)} invisible character(s) (zero-width, soft hyphen)")
    folded = _COMPATIBILITY.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), stripped)
    if folded != stripped:
        warnings.append("folded full-width or styled letters to plain ones")
    mixed: list[str] = []

    def fold_word(match: re.Match) -> str:
        word = match.group(0)
        if not _mixed_script(word):
            return word
        mixed.append(word)
        return word.translate(LOOK_ALIKES)

    if not folded.isascii():
        folded = _WORD.sub(fold_word, folded)
    if mixed:
        named = ", ".join(f"'{word}'" for word in list(dict.fromkeys(mixed))[:EXAMPLES_NAMED])
        warnings.append(
            f"{len(mixed)} word(s) mix Latin letters with Cyrillic or Greek look-alikes ({named}): read as Latin"
        )
    return folded, warnings
