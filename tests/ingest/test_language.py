"""lib/ingest/language.py: the dominant script, and for Latin script whether it reads as English."""

import pytest

from lib.ingest.language import detect_language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The two leaders said they would deepen the alliance and cut tariffs on cars.", "en"),
        ("Yen falls as the tariff talks stall", "en"),  # a short headline with one function word
        ("Exports rise", "en"),  # a short headline with none
        ("Zölle steigen", "und"),  # short, none, and not plain ASCII: no evidence of English
        ("日米首脳会談で関税について協議した。", "ja"),  # kana and kanji together: Japanese
        ("한미 정상회담에서 관세 문제를 논의했다.", "ko"),
        ("中美两国领导人讨论了关税问题。", "zh"),
        ("Лидеры двух стран обсудили пошлины.", "ru"),
        ("Die Regierung kündigte neue Zölle auf Autos an, sagte der Minister.", "und"),
        ("12345 67890", "und"),
        ("", "und"),
    ],
)
def test_detect_language(text: str, language: str) -> None:
    assert detect_language(text) == language
