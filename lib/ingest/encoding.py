"""Bytes to trustworthy text: detect the encoding, refuse binary data, repair mojibake.

Mojibake is UTF-8 that was decoded with a legacy single-byte code page. ftfy repairs it when a
whole stretch was decoded one way; scraped pages often mix it with correctly decoded characters
and use Greek or Cyrillic tables (seed 003: `Β»` for `»`, `β€œ` for `“`, `πŸ‡―πŸ‡΅` for 🇯🇵 next
to a correct `’`). So after ftfy we repair locally: each run of characters that re-encodes through
a legacy code page to one valid UTF-8 character is replaced by that character.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import charset_normalizer
import ftfy

from lib.ingest.language import detect_language

# Single-byte tables that mojibake is made with, most common first. Mis-decoders often mix them
# (seed 003 is ISO-8859-7 with Windows-1252 punctuation), so one reverse table spans them all.
LEGACY_CODE_PAGES = (
    "cp1252",
    "latin-1",
    "iso8859_7",
    "cp1253",
    "cp1251",
    "cp1250",
    "iso8859_2",
    "cp1254",
    "cp1257",
    "iso8859_5",
    "koi8_r",
    "mac_roman",
    "cp437",
)

# File signatures of common binary formats: named in the ingest report.
BINARY_SIGNATURES = {
    b"\x89PNG\r\n\x1a\n": "a PNG image",
    b"%PDF-": "a PDF document",
    b"GIF87a": "a GIF image",
    b"GIF89a": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"\x7fELF": "an executable (ELF)",
    b"MZ": "a Windows executable",
    b"PK\x03\x04": "a zip archive",
    b"\x1f\x8b": "a gzip archive",
    b"Rar!": "a RAR archive",
    b"7z\xbc\xaf": "a 7-Zip archive",
    b"\xd0\xcf\x11\xe0": "an MS Office document",
    b"SQLite format 3": "an SQLite database",
}

_FTFY_CONFIG = ftfy.TextFixerConfig(uncurl_quotes=False)


class NotTextError(ValueError):
    """The bytes are not text (binary data, or no encoding decodes them)."""


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str
    repairs: int  # mojibake sequences repaired
    nuls_removed: int = 0  # NUL characters dropped: no text holds them, they break CSV and parquet


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM shows NULs in every other byte for ASCII-range characters."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:4096]
    even_nuls = sample[0::2].count(0) / max(len(sample) // 2, 1)
    odd_nuls = sample[1::2].count(0) / max(len(sample) // 2, 1)
    if odd_nuls > 0.3 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.3 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def _reads_as_english(data: bytes, code_page: str) -> bool:
    """English in a single-byte code page is Windows-1252 (the web's default, a superset of
    latin-1 for text). charset_normalizer ties it with cp1250 and cp1257 on such text and may
    pick those, which turn "naïve" into "naďve" and "à" into "ą"."""
    try:
        text = data.decode(code_page)
    except UnicodeDecodeError:
        return False
    return detect_language(text) == "en"


def detect_encoding(data: bytes) -> str:
    """The encoding of `data`, or NotTextError with the reason."""
    for signature, what in BINARY_SIGNATURES.items():
        if data.startswith(signature) and (signature != b"MZ" or b"\x00" in data[:256]):
            raise NotTextError(f"not text: looks like {what}")
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "utf-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    utf16 = _utf16_without_bom(data)
    if utf16:
        return utf16
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    if data.count(0) > max(len(data) // 100, 1):
        raise NotTextError("not text: binary data (many NUL bytes)")
    if _reads_as_english(data, "cp1252"):
        return "cp1252"
    best = charset_normalizer.from_bytes(data).best()
    if best is None or best.encoding is None:
        raise NotTextError("undecodable: no text encoding fits these bytes")
    return best.encoding


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


_LONE_CR = re.compile(r"\r(?!\n)")


def unify_line_breaks(text: str) -> str:
    """Classic Mac line ends (a CR alone) as LF: later stages find lines and paragraphs by LF
    (CRLF they already read), and a bare CR in a cell would split the row of an exported CSV."""
    return _LONE_CR.sub("\n", text) if "\r" in text else text


def _control_share(text: str) -> float:
    """Share of control characters other than line breaks and tabs: high means binary data."""
    return len(_CONTROL.findall(text)) / max(len(text), 1)


def decode_bytes(data: bytes, *, repair: bool = True) -> DecodedText:
    """Decode and (unless `repair=False`, for tables repaired row by row) repair mojibake;
    raise NotTextError for binary or undecodable input."""
    encoding = detect_encoding(data)
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as error:
        raise NotTextError(f"undecodable as {encoding}: {error}") from error
    if _control_share(text) > 0.05:
        raise NotTextError("not text: mostly control characters (binary data?)")
    nuls = text.count("\x00")
    text = text.replace("\x00", "")
    if not repair:
        return DecodedText(text, encoding, 0, nuls)
    repaired, repairs = repair_mojibake(text)
    return DecodedText(repaired, encoding, repairs, nuls)


@lru_cache(maxsize=1)
def _reverse_table() -> dict[str, tuple[int, ...]]:
    """Each non-ASCII character → the bytes it stands for in some legacy code page."""
    table: dict[str, list[int]] = {}
    for code_page in LEGACY_CODE_PAGES:
        for byte in range(0x80, 0x100):
            try:
                char = bytes([byte]).decode(code_page)
            except UnicodeDecodeError:
                continue
            candidates = table.setdefault(char, [])
            if byte not in candidates:
                candidates.append(byte)
    assert all(not char.isascii() for char in table)  # (needs_ftfy relies on it)
    return {char: tuple(found) for char, found in table.items()}


@lru_cache(maxsize=1)
def _candidate_run() -> re.Pattern:
    chars = "".join(sorted(_reverse_table()))
    return re.compile(f"[{re.escape(chars)}]{{2,}}")


@lru_cache(maxsize=1)
def _candidate_pair() -> re.Pattern:
    """Found wherever _candidate_run is, and faster to look for: a pattern that starts with a
    character class lets the regex engine skip ahead to its characters (`{2,}` does not)."""
    chars = re.escape("".join(sorted(_reverse_table())))
    return re.compile(f"[{chars}][{chars}]")


# Latin-1 ordinal indicators are letters to Unicode but typical mojibake continuation characters.
_SUSPICIOUS_LETTERS = frozenset("ªºµ")


def _script(char: str) -> str:
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0] if name else ""


def _looks_like_mojibake(chars: str) -> bool:
    """True when the characters could not plausibly stand together in real text: a symbol,
    punctuation mark or control in the middle of letters, or letters of two scripts."""
    if any(unicodedata.category(c)[0] in "PSNCZ" or c in _SUSPICIOUS_LETTERS for c in chars[1:]):
        return True
    return len({_script(c) for c in chars}) > 1


def _plausible(char: str) -> bool:
    return unicodedata.category(char) not in ("Cc", "Cn", "Co", "Cs")


def _utf8_length(lead: int) -> int:
    if 0xC2 <= lead <= 0xDF:
        return 2
    if 0xE0 <= lead <= 0xEF:
        return 3
    if 0xF0 <= lead <= 0xF4:
        return 4
    return 0


def _decode_at(run: str, start: int) -> tuple[str, int] | None:
    """Try to read one UTF-8 character from `run[start:]`; return it and its length in chars."""
    table = _reverse_table()
    for lead in table[run[start]]:
        length = _utf8_length(lead)
        if not length or start + length > len(run):
            continue
        chars = run[start : start + length]
        if not _looks_like_mojibake(chars):
            continue
        continuations = [[b for b in table[c] if 0x80 <= b <= 0xBF] for c in chars[1:]]
        for tail in itertools.islice(itertools.product(*continuations), 16):
            try:
                decoded = bytes([lead, *tail]).decode("utf-8")
            except UnicodeDecodeError:
                continue
            if _plausible(decoded):
                return decoded, length
    return None


def _repair_run(run: str) -> tuple[str, int]:
    out, repairs, i = [], 0, 0
    while i < len(run):
        found = _decode_at(run, i)
        if found:
            out.append(found[0])
            repairs += 1
            i += found[1]
        else:
            out.append(run[i])
            i += 1
    return "".join(out), repairs


def repair_legacy_runs(text: str) -> tuple[str, int]:
    """Replace each run that re-encodes through a legacy code page to valid UTF-8.

    Repeats while it finds something, for text that was mis-decoded twice.
    """
    total = 0
    for _ in range(3):
        repairs = 0

        def fix(match: re.Match) -> str:
            nonlocal repairs
            fixed, count = _repair_run(match.group(0))
            repairs += count
            return fixed

        text = _candidate_run().sub(fix, text)
        total += repairs
        if not repairs:
            break
    return text, total


_HTML_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z]{2,31});")


def needs_ftfy(text: str) -> bool:
    """Whether ftfy could change anything that matters: mojibake needs two or more adjacent
    characters from a legacy code page's upper half, or an HTML entity to unescape. Clean text
    (most articles) skips ftfy, which costs as much as the rest of the cleaning together."""
    # Every legacy code page's upper half is outside ASCII: an ASCII text has no such run.
    legacy_run = not text.isascii() and _candidate_pair().search(text) is not None
    return bool(legacy_run or _HTML_ENTITY.search(text) or _CONTROL.search(text))


def repair_mojibake(text: str) -> tuple[str, int]:
    """ftfy's repairs, then local legacy-code-page repairs; returns the text and repair count."""
    if not needs_ftfy(text):
        return unicodedata.normalize("NFC", text), 0
    result = ftfy.fix_and_explain(text, config=_FTFY_CONFIG)
    ftfy_repairs = sum(
        1
        for step, name in result.explanation or ()
        if step == "decode" or (step, name) == ("apply", "decode_inconsistent_utf8")
    )
    fixed, repairs = repair_legacy_runs(result.text)
    return fixed, ftfy_repairs + repairs
