"""Which Japanese prime ministers an article names, and which one it names as sitting.

Every mention of a PM from the tenure table is found (full name in either order, a title and
surname, or a distinctive bare surname). A mention counts as naming the *sitting* PM only with a
title that says so ("Prime Minister Shigeru Ishiba", "PM Takaichi", "the Kishida administration")
and nothing that says otherwise: "former", "then-", "the late", a deputy or minister title
("Taro Aso, Japan's Deputy Prime Minister"), or a trailing "the former Prime Minister".
Another country's prime minister never matches: only names in the tenure table are looked for.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from lib.reference.tenures import JAPAN_PRIME_MINISTERS, Term

_PM_TITLE = r"(?:(?:Japanese|Japan's|Japan’s)\s+)?(?:Prime\s+Minister|Premier|PM)"
_NOT_SITTING_BEFORE = re.compile(
    r"(?:\bformer|\bex-|\bthen[- ]|\blate|\bpast|\bprevious|\bpredecessor|\bdeputy|\bvice"
    r"|\bassassinated|\bminister\s+of\b|\b(?:finance|foreign|defen[cs]e|trade|economy|chief cabinet)"
    r"\s+minister|\bsecretary|\bgrandson|\bson|\bdaughter|\bbrother|\bwife|\bwidow)\W*(?:\w+\W+){0,4}$",
    re.IGNORECASE,
)
_NOT_SITTING_AFTER = re.compile(
    r"^\W*(?:[\w’'-]+\W+){0,4}?(?:the\s+|a\s+)?(?:former|then|late|deputy|vice|ex-|past"
    r"|senior|finance|foreign|defen[cs]e|chief)\b",
    re.IGNORECASE,
)
_SITTING_AFTER = re.compile(
    r"^(?:’s|'s)?\s+(?:administration|government|cabinet)\b"
    r"|^,\s+(?:Japan’s|Japan's|the\s+Japanese|the)\s+prime\s+minister\b",
    re.IGNORECASE,
)
_TITLE_BEFORE = re.compile(rf"\b{_PM_TITLE}\s+$", re.IGNORECASE)
_ADMINISTRATION_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)


@dataclass(frozen=True)
class Mention:
    surname: str
    start: int
    end: int
    sitting: bool


@lru_cache(maxsize=1)
def _name_pattern() -> re.Pattern:
    alternatives = []
    for term in dict((t.surname, t) for t in JAPAN_PRIME_MINISTERS).values():
        alternatives.append(rf"{term.given_name}\s+{term.surname}")
        alternatives.append(rf"{term.surname}\s+{term.given_name}")
        alternatives.append(term.surname)
    # Case-sensitive on purpose: "Kan" and "Abe" are names, "kan" and "abe" are not.
    # Each alternative checks for a letter or hyphen before the name once it has matched the
    # name's first letter, not before: a pattern that starts with a lookbehind makes the regex
    # engine try every position of the text, one that starts with letters lets it skip to the
    # capitals that begin a name. `(?<![\w-]X)` just after X is `(?<![\w-])` just before it.
    assert all(a[0].isalpha() and "|" not in a for a in alternatives)
    guarded = [rf"{a[0]}(?<![\w-]{a[0]}){a[1:]}" for a in alternatives]
    return re.compile(r"(?:" + "|".join(guarded) + r")(?![\w-])")


def _surname_of(name: str) -> Term:
    for term in JAPAN_PRIME_MINISTERS:
        if term.surname in name.split():
            return term
    raise KeyError(name)


def _is_sitting(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 60) : start]
    after = text[end : end + 60]
    if _NOT_SITTING_BEFORE.search(before) or (after.lstrip().startswith(",") and _NOT_SITTING_AFTER.match(after)):
        return False
    if _TITLE_BEFORE.search(before):
        return True
    return bool(_SITTING_AFTER.match(after)) and (
        _ADMINISTRATION_BEFORE.search(before) is not None or after.lstrip().startswith(",")
    )


def find_mentions(text: str) -> list[Mention]:
    """Every mention of a Japanese PM, in reading order, with whether it names the sitting PM."""
    mentions = []
    for match in _name_pattern().finditer(text):
        name = match.group(0)
        term = _surname_of(name)
        full_name = " " in name
        before = text[max(0, match.start() - 40) : match.start()]
        titled = _TITLE_BEFORE.search(before) is not None
        administration = _SITTING_AFTER.match(text[match.end() : match.end() + 40]) is not None
        if not (full_name or titled or administration or term.bare_surname_identifies):
            continue
        sitting = _is_sitting(text, match.start(), match.end())
        mentions.append(Mention(term.surname, match.start(), match.end(), sitting))
    return mentions


def pms_mentioned(mentions: list[Mention]) -> list[str]:
    """Surnames named, in order of first mention."""
    return list(dict.fromkeys(m.surname for m in mentions))


def sitting_pm_named(mentions: list[Mention]) -> tuple[str, list[str]]:
    """The PM the text names as sitting ("" if none) and warnings when it names several."""
    counts = Counter(m.surname for m in mentions if m.sitting)
    if not counts:
        return "", []
    ranked = counts.most_common()
    warnings = []
    if len(ranked) > 1:
        named = ", ".join(f"{name} ({n}x)" for name, n in ranked)
        warnings.append(f"text names more than one sitting prime minister: {named}")
    return ranked[0][0], warnings
