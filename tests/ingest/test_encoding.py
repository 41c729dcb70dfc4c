"""lib/ingest/encoding.py: detect the encoding, refuse binary data, repair mojibake."""

from __future__ import annotations

from pathlib import Path

import pytest

from lib.ingest.encoding import (
    NotTextError,
    decode_bytes,
    detect_encoding,
    needs_ftfy,
    repair_legacy_runs,
    repair_mojibake,
    unify_line_breaks,
)

SEED_003 = Path(__file__).resolve().parents[2] / "seeds" / "003_7f0ce9717cede5be.txt"

# English news text with typographic punctuation and accented loanwords: the characters that
# tell code pages apart.
ENGLISH = (
    "Japan’s “alliance” with the US — café talks, naïve hopes, a résumé of demands. "
    "Prime Minister Shigeru Ishiba said the talks went well."
)
# Only characters latin-1 has (no curly quotes or dashes).
ENGLISH_LATIN1 = (
    "Café owners in Ginza said the naïve résumé of the talks was encouraging, and the "
    "prime minister agreed that the alliance à la carte was over."
)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        pytest.param(ENGLISH.encode("utf-8"), "utf-8", id="utf-8"),
        pytest.param(b"\xef\xbb\xbf" + ENGLISH.encode("utf-8"), "utf-8-sig", id="utf-8 with BOM"),
        pytest.param(b"\xff\xfe" + ENGLISH.encode("utf-16-le"), "utf-16", id="utf-16 LE with BOM"),
        pytest.param(b"\xfe\xff" + ENGLISH.encode("utf-16-be"), "utf-16", id="utf-16 BE with BOM"),
        pytest.param(ENGLISH.encode("utf-16-le"), "utf-16-le", id="utf-16 LE without BOM"),
        pytest.param(ENGLISH.encode("utf-16-be"), "utf-16-be", id="utf-16 BE without BOM"),
    ],
)
def test_detect_encoding_of_unicode_encodings(data: bytes, encoding: str) -> None:
    assert detect_encoding(data) == encoding


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(ENGLISH.encode("utf-8"), ENGLISH, id="utf-8"),
        pytest.param(b"\xef\xbb\xbf" + ENGLISH.encode("utf-8"), ENGLISH, id="utf-8 BOM dropped"),
        pytest.param(b"\xff\xfe" + ENGLISH.encode("utf-16-le"), ENGLISH, id="utf-16 LE BOM"),
        pytest.param(b"\xfe\xff" + ENGLISH.encode("utf-16-be"), ENGLISH, id="utf-16 BE BOM"),
        pytest.param(ENGLISH.encode("utf-16-le"), ENGLISH, id="utf-16 LE no BOM"),
        pytest.param(ENGLISH.encode("cp1252"), ENGLISH, id="cp1252"),
        pytest.param(ENGLISH_LATIN1.encode("latin-1"), ENGLISH_LATIN1, id="latin-1"),
        pytest.param(
            "Премьер-министр Японии обсудил с президентом США вопросы безопасности.".encode("cp1251"),
            "Премьер-министр Японии обсудил с президентом США вопросы безопасности.",
            id="cp1251 Russian",
        ),
    ],
)
def test_decode_bytes_gives_the_original_text(data: bytes, expected: str) -> None:
    decoded = decode_bytes(data)
    assert decoded.text == expected
    assert decoded.repairs == 0


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        pytest.param(b"\x89PNG\r\n\x1a\n" + bytes(64), "PNG image", id="png"),
        pytest.param(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF document", id="pdf"),
        pytest.param(b"\xff\xd8\xff\xe0" + bytes(32), "JPEG image", id="jpeg"),
        pytest.param(b"PK\x03\x04" + bytes(32), "zip archive", id="zip under a text name"),
        pytest.param(b"\x00\x01\x02\x03" * 64, "not text", id="control bytes"),
    ],
)
def test_binary_data_is_not_text(data: bytes, reason: str) -> None:
    with pytest.raises(NotTextError, match=reason):
        decode_bytes(data)


@pytest.mark.parametrize(
    ("broken", "fixed"),
    [
        # Greek ISO-8859-7 / cp1253 mojibake with cp1252 punctuation, as in seed 003.
        pytest.param("Home Β» world Β» Talks", "Home » world » Talks", id="greek guillemets"),
        pytest.param("β€œAmerica First.β€\x9d", "“America First.”", id="greek quotes"),
        pytest.param(
            "a policy of β€œstrategic ambiguity” and",
            "a policy of “strategic ambiguity” and",
            id="greek mojibake next to a correct quote",
        ),
        pytest.param(
            "Trump’s β€œAmerica First” policy",
            "Trump’s “America First” policy",
            id="correct apostrophe kept, broken quote repaired",
        ),
        pytest.param("Talks πŸ‡―πŸ‡΅πŸ‡ΊπŸ‡Έ today", "Talks 🇯🇵🇺🇸 today", id="greek flag emoji"),
        # Cyrillic cp1251 mojibake of UTF-8 Russian.
        pytest.param("Ð¿Ñ€Ð¸Ð²ÐµÑ‚", "привет", id="cyrillic via cp1252"),
        pytest.param("Ð¿Ñ€Ð¸Ð²ÐµÑ‚ мир", "привет мир", id="cyrillic mojibake next to real cyrillic"),
        pytest.param("РџСЂРёРІРµС‚, РјРёСЂ", "Привет, мир", id="cyrillic via cp1251"),
        pytest.param("вЂњJapanвЂќ", "“Japan”", id="quotes via cp1251"),
        pytest.param("ZaĹĽĂłĹ‚Ä‡", "Zażółć", id="polish via cp1250"),
        pytest.param("cafΓ©", "café", id="latin via iso-8859-7"),
        # The classic Western case.
        pytest.param("cafÃ© and café", "café and café", id="latin mojibake mixed with correct"),
        pytest.param("Â£5 a head", "£5 a head", id="pound sign"),
    ],
)
def test_repair_mojibake(broken: str, fixed: str) -> None:
    text, repairs = repair_mojibake(broken)
    assert text == fixed
    assert repairs >= 1


@pytest.mark.parametrize(
    ("broken", "fixed", "repairs"),
    [
        pytest.param("Β»", "»", 1, id="one guillemet"),
        pytest.param("β€œQuoted.β€\x9d", "“Quoted.”", 2, id="two quotes"),
        pytest.param("πŸ‡―πŸ‡΅", "🇯🇵", 2, id="flag: two regional indicators"),
        pytest.param("Japan’s Β» plan", "Japan’s » plan", 1, id="correct text around it"),
    ],
)
def test_repair_legacy_runs_repairs_what_ftfy_leaves(broken: str, fixed: str, repairs: int) -> None:
    """Runs that re-encode through a legacy code page to valid UTF-8, repaired locally."""
    assert repair_legacy_runs(broken) == (fixed, repairs)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("академії", id="ukrainian"),
        pytest.param("Київ, Україна", id="ukrainian with comma"),
        pytest.param("Москва и Токио", id="russian"),
        pytest.param("Καλημέρα κόσμε", id="greek"),
        pytest.param("«Ελλάδα»", id="greek in guillemets"),
        pytest.param("naïve café résumé Übermensch Ärger", id="western accents"),
        pytest.param("Zażółć gęślą jaźń", id="polish"),
        pytest.param("The price was £5 and €3, 2×3 ±1 ½", id="symbols"),
        pytest.param("Japan’s “alliance” — 🇯🇵🇺🇸", id="typography and emoji"),
        pytest.param("日米同盟の強化", id="japanese"),
    ],
)
def test_real_text_is_left_untouched(text: str) -> None:
    assert repair_mojibake(text) == (text, 0)
    assert repair_legacy_runs(text) == (text, 0)


def test_mojibake_survives_a_round_trip_through_bytes() -> None:
    """UTF-8 bytes whose text is mojibake: decoded, then repaired, and the repairs counted."""
    decoded = decode_bytes("Tokyo Β» world: β€œWe agreed.”".encode())
    assert decoded.text == "Tokyo » world: “We agreed.”"
    assert decoded.repairs == 2


def test_seed_003_is_repaired() -> None:
    decoded = decode_bytes(SEED_003.read_bytes())
    for broken in ("Β»", "β€", "πŸ"):
        assert broken not in decoded.text
    assert "“America First.”" in decoded.text
    assert "🇯🇵🇺🇸" in decoded.text
    assert "Home » world »" in decoded.text
    # Characters that were decoded correctly stay as they are.
    assert "isn’t just a diplomatic footnote" in decoded.text


@pytest.mark.parametrize(
    ("text", "needs_repair"),
    [
        ("plain ascii", False),
        ("caf\u00e9 r\u00e9sum\u00e9", False),
        ("na\u00efve \u201cquoted\u201d", False),
        ("Tokyo \u2013 Washington", False),
        ("\u00c3\u00a9", True),  # é read as Latin-1
        ("\u2019\u00c3", True),
        ("\u00c3\u00a2\u00e2\u201a\u00ac\u00e2\u201e\u00a2", True),  # ’ decoded twice
        ("\u00c2\u00bb", True),
        ("\u00ce\u00b2", True),  # β read as Latin-1
        ("a&amp;b", True),  # an HTML entity left in text
        ("bell\x07", True),  # a control character
        ("x\x85y", True),
    ],
)
def test_needs_ftfy(text: str, needs_repair: bool) -> None:
    assert needs_ftfy(text) is needs_repair


@pytest.mark.parametrize(
    ("text", "unified"),
    [
        ("one\rtwo\r\rthree", "one\ntwo\n\nthree"),  # classic Mac
        ("one\r\ntwo", "one\r\ntwo"),  # CRLF is read as it is
        ("mixed\r\n\rend\r", "mixed\r\n\nend\n"),
        ("no breaks", "no breaks"),
    ],
)
def test_unify_line_breaks(text: str, unified: str) -> None:
    assert unify_line_breaks(text) == unified
