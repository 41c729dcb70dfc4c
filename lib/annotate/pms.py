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

# "Prime Minister", "Japan's PM", "Japanese premier", "the prime minister of Japan," and the
# titles of the European languages the library reads ("el primer ministro de Japón,",
# "le Premier ministre japonais", "Premierministers").
_PM_TITLE = (
    r"(?:(?:Japanese|Japan's|Japan’s|Japan)\s+)?(?:new\s+)?"
    r"(?:Prime\s+Minister(?:\s+of\s+Japan)?|Premier|PM"
    r"|primer\s+ministro(?:\s+(?:de\s+Jap[oó]n|japon[eé]s))?|premier\s+ministre(?:\s+(?:du\s+Japon|japonais))?"
    r"|Premierminister(?:s|in)?|Ministerpr[äa]sident(?:en|in)?|primeiro[- ]ministro|primo\s+ministro)"
)
_NOT_SITTING_BEFORE = re.compile(
    r"(?:\bformer|\bex-|\bthen[- ]|\blate|\bpast|\bprevious|\bpredecessor|\bdeputy|\bvice"
    r"|\b(?:incoming|next|future|would-be|likely)\s+(?:Japanese\s+)?(?:prime|premier|PM)|\bcandidates?"
    r"|\bantiguo|\bancien|\behemalige"
    r"|\bassassinated|\bminister\s+of\s+(?!Japan\b)|\b(?:finance|foreign|defen[cs]e|trade|economy|chief cabinet)"
    r"\s+minister|\bsecretary|\bgrandson|\bson|\bdaughter|\bbrother|\bwife|\bwidow)\W*(?:\w+\W+){0,4}$",
    re.IGNORECASE,
)
_NOT_SITTING_AFTER = re.compile(
    r"^\W*(?:[\w’'-]+\W+){0,4}?(?:the\s+|a\s+)?(?:former|then|late|deputy|vice|ex-|past"
    r"|senior|finance|foreign|defen[cs]e|chief)\b",
    re.IGNORECASE,
)
# "Prime Minister-elect Takaichi", "Takaichi, who is expected to become prime minister".
_FUTURE_AFTER = re.compile(
    r"^(?:-elect|-designate|\W+(?:who\s+(?:is|was|will)\s+)?(?:\w+\s+){0,3}?"
    r"(?:expected|set|poised|likely|tipped|due|in\s+line|elected|chosen)\s+to\s+(?:become|be\s+(?:elected|named)|succeed|replace))",
    re.IGNORECASE,
)
_SITTING_AFTER = re.compile(
    r"^(?:’s|'s)?\s+(?:administration|government|cabinet)\b"
    r"|^,\s+(?:Japan’s|Japan's|the\s+Japanese|the)\s+(?:new\s+)?prime\s+minister\b",
    re.IGNORECASE,
)
_TITLE_BEFORE = re.compile(rf"\b{_PM_TITLE},?\s+$", re.IGNORECASE)
_ADMINISTRATION_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
# Japanese script: "石破茂首相", "岸田総理", "日本首相石破茂" (Chinese order) name the sitting PM;
# "安倍元首相" (former), "菅前首相" (previous) do not.
_NATIVE_TITLE_AFTER = re.compile(r"^\s*(?:首相|総理(?:大臣)?|内閣総理大臣)")
_NATIVE_TITLE_BEFORE = re.compile(r"(?:首相|総理(?:大臣)?|首相の|総理大臣の)\s*$")
_NATIVE_NOT_SITTING = re.compile(r"^\s*(?:元|前|故)|(?:元|前|故)\s*$")
# Undated text that never gives a PM a title ("Kishida's objective...") still names its PM by
# repetition: a PM named this many times, more than every other PM together and never
# as former, late or deputy, is taken as the sitting one.
DOMINANT_MENTIONS = 3
# Prime ministers are looked for in a text's first this many characters (as topics are, in
# lib.annotate.topics): a 2 MB line of names would otherwise cost seconds, and a text that long
# has named its PM by then. The analysis warns when a text is cut.
PM_SCAN_CHARS = 300_000


@dataclass(frozen=True)
class Mention:
    surname: str
    start: int
    end: int
    sitting: bool
    ruled_out: bool = False  # named as former, late, future, deputy or a minister


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


@lru_cache(maxsize=1)
def _native_names() -> tuple[re.Pattern, dict[str, str]]:
    """One pattern of the PMs' names in Japanese script (full names first), and name → surname."""
    names: dict[str, str] = {}
    for term in JAPAN_PRIME_MINISTERS:
        for name in (term.native_name, term.native_surname):
            if name:
                names.setdefault(name, term.surname)
    ordered = sorted(names, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, ordered))), names


@lru_cache(maxsize=256)  # a few dozen names, met thousands of times in a long text
def _surname_of(name: str) -> Term:
    for term in JAPAN_PRIME_MINISTERS:
        if term.surname in name.split():
            return term
    raise KeyError(name)


def _standing(text: str, start: int, end: int) -> tuple[bool, bool]:
    """(sitting, ruled out): whether a title names the sitting PM here, or words rule it out."""
    before = text[max(0, start - 60) : start]
    after = text[end : end + 60]
    if (
        _NOT_SITTING_BEFORE.search(before)
        or (after.lstrip().startswith(",") and _NOT_SITTING_AFTER.match(after))
        or _FUTURE_AFTER.match(after)
    ):
        return False, True
    if _TITLE_BEFORE.search(before):
        return True, False
    sitting = bool(_SITTING_AFTER.match(after)) and (
        _ADMINISTRATION_BEFORE.search(before) is not None or after.lstrip().startswith(",")
    )
    return sitting, False


def _native_mentions(text: str) -> list[Mention]:
    pattern, surnames = _native_names()
    mentions = []
    for match in pattern.finditer(text):
        before, after = text[max(0, match.start() - 8) : match.start()], text[match.end() : match.end() + 8]
        ruled_out = bool(_NATIVE_NOT_SITTING.search(before) or _NATIVE_NOT_SITTING.match(after))
        titled = bool(_NATIVE_TITLE_AFTER.match(after) or _NATIVE_TITLE_BEFORE.search(before))
        sitting = titled and not ruled_out
        mentions.append(Mention(surnames[match.group(0)], match.start(), match.end(), sitting, ruled_out))
    return mentions


_TITLED_WORD = re.compile(rf"\b{_PM_TITLE},?\s+(?P<name>[A-Z][a-z]{{3,}})(?![\w-])")
MISSPELT_MIN_LETTERS = 5  # "Kisida" for Kishida; shorter names are too close to other words


def _one_edit_apart(a: str, b: str) -> bool:
    """One letter added, dropped or changed turns `a` into `b`."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _misspelt_mentions(text: str, found: list[Mention]) -> list[Mention]:
    """A titled name one letter away from a PM's surname ("Prime Minister Kisida") is that PM."""
    known = {m.start for m in found}
    surnames = [s for s in dict.fromkeys(t.surname for t in JAPAN_PRIME_MINISTERS) if len(s) >= MISSPELT_MIN_LETTERS]
    mentions = []
    for match in _TITLED_WORD.finditer(text):
        start, end = match.span("name")
        if start in known:
            continue
        for surname in surnames:
            if _one_edit_apart(match["name"], surname):
                sitting, ruled_out = _standing(text, start, end)
                mentions.append(Mention(surname, start, end, sitting, ruled_out))
                break
    return mentions


def find_mentions(text: str) -> list[Mention]:
    """Every mention of a Japanese PM in the text's first PM_SCAN_CHARS characters, in reading
    order, with whether it names the sitting PM."""
    text = text[:PM_SCAN_CHARS]
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
        sitting, ruled_out = _standing(text, match.start(), match.end())
        mentions.append(Mention(term.surname, match.start(), match.end(), sitting, ruled_out))
    mentions += _native_mentions(text)
    mentions += _misspelt_mentions(text, mentions)
    return sorted(mentions, key=lambda m: m.start)


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


def pm_named_most(mentions: list[Mention]) -> str:
    """For undated text with no titled sitting PM: the PM it keeps naming (DOMINANT_MENTIONS
    times or more, more often than all other PMs together, never as former, late or future)."""
    counts = Counter(m.surname for m in mentions)
    if not counts:
        return ""
    surname, count = counts.most_common(1)[0]
    ruled_out = any(m.ruled_out for m in mentions if m.surname == surname)
    if count >= DOMINANT_MENTIONS and count > sum(counts.values()) - count and not ruled_out:
        return surname
    return ""
