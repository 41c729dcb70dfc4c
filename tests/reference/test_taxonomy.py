"""lib/reference/taxonomy.py: the TOML taxonomy is loaded, validated with errors that name the topic, and
compiled into matchers."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from lib.annotate.topics import lowered_for_matching, topic_spans
from lib.reference.taxonomy import (
    DEFAULT_TAXONOMY_PATH,
    Beside,
    TaxonomyError,
    default_taxonomy,
    load_taxonomy,
    parse_taxonomy,
)

NEW_TOPIC = """
[[topic]]
key = "semiconductors"
label = "Chips"
terms = ["semiconductor*", "chip*"]
phrases = ["CHIPS Act"]
exclude = ["chocolate chip*"]
min_hits = 2
"""


def test_default_taxonomy_declares_the_four_topics() -> None:
    taxonomy = default_taxonomy()
    assert taxonomy.keys == ("security", "trade", "tariffs", "defense_spending")
    assert taxonomy.topic("tariffs").min_hits == taxonomy.topic("tariffs").rule.min_weight == 3
    security = taxonomy.topic("security")
    assert [c.weight for c in security.cues][0] < max(c.weight for c in security.cues)  # generic words weigh less
    assert all(f.reason for f in security.framing)
    assert security.rule.min_distinct == 2 and security.rule.lead_sentences == 2
    assert taxonomy.labels()["defense_spending"] == "Defense spending"
    assert all(re.fullmatch(r"#[0-9a-f]{6}", c) for c in taxonomy.colours().values())
    assert load_taxonomy(None).fingerprint == taxonomy.fingerprint
    assert load_taxonomy(DEFAULT_TAXONOMY_PATH).keys == taxonomy.keys


def test_a_user_file_with_a_new_topic(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(NEW_TOPIC, encoding="utf-8")
    taxonomy = load_taxonomy(path)
    topic = taxonomy.topic("semiconductors")
    assert taxonomy.keys == ("semiconductors",)
    assert (topic.label, topic.min_hits) == ("Chips", 2)
    assert topic.colour.startswith("#")  # a fallback colour when none is declared
    assert topic.matcher.search("new semiconductor plants")
    assert topic.excluder.search("chocolate chips")
    assert taxonomy.fingerprint != default_taxonomy().fingerprint


def test_fingerprint_follows_the_rules() -> None:
    assert parse_taxonomy(NEW_TOPIC).fingerprint == parse_taxonomy(NEW_TOPIC).fingerprint
    changed = NEW_TOPIC.replace("min_hits = 2", "min_hits = 1")
    assert parse_taxonomy(changed).fingerprint != parse_taxonomy(NEW_TOPIC).fingerprint


@pytest.mark.parametrize(
    ("entry", "matches", "misses"),
    [
        ("tariff*", ["tariff", "Tariffs", "tariffed"], ["tariftariff", "pre-tariff"]),
        ("burden sharing", ["burden sharing", "burden-sharing", "burden  sharing"], ["burdensharing"]),
        ("F-35*", ["F-35", "F-35A", "F 35"], ["F35", "XF-35"]),
        ("U.S.", ["U.S."], ["UxSx"]),
        ("ally", ["ally", "an ally."], ["rally", "allying", "tally"]),
        # "..." is a gap of up to four words of the same sentence.
        ("buy* ... jet*", ["buy jets", "buying three new stealth jets"], ["buy a b c d e jets", "buy\njets"]),
    ],
)
def test_term_matching(entry: str, matches: list[str], misses: list[str]) -> None:
    """How one taxonomy entry matches: case, word endings, spaces and hyphens, word boundaries."""
    toml = f'[[topic]]\nkey = "t"\nterms = [{json.dumps(entry)}]\n'
    pattern = parse_taxonomy(toml).topic("t").matcher
    for text in matches:
        assert pattern.search(text), text
    for text in misses:
        assert not pattern.search(text), text


# Kana and CJK ideographs: the letters of a language written without spaces.
UNSPACED = '[[language]]\ncode = "ja"\nspaced = false\nletters = "\\u3040-\\u30ff\\u4e00-\\u9fff"\n'


@pytest.mark.parametrize(
    ("entry", "exclude", "matches", "misses"),
    [
        # An unspaced language has no word boundaries to find: its terms match inside runs.
        ("輸出", [], ["輸出", "対米輸出が増えた", "自動車輸出"], ["輸入"]),
        ("関税", ["非関税"], ["関税", "追加関税を課す"], ["非関税障壁"]),
        # A leading * lets a term close a compound; its end is still a word end.
        ("*zölle", [], ["Zölle", "Strafzölle", "die Autozölle."], ["Zöllen", "Zöllner"]),
        ("*zöll*", [], ["Zöllen", "Strafzöllen"], ["Zoll"]),
        # Latin-script terms keep their word boundaries beside the unspaced ones.
        ("tariff*", [], ["tariffs", "関税 (tariffs)"], ["pretariff"]),
    ],
)
def test_terms_matched_inside_words(entry: str, exclude: list[str], matches: list[str], misses: list[str]) -> None:
    toml = f'{UNSPACED}[[topic]]\nkey = "t"\nterms = [{json.dumps(entry)}]\nexclude = {json.dumps(exclude)}\n'
    topic = parse_taxonomy(toml).topic("t")
    for text in matches:
        assert topic_spans(text, lowered_for_matching(text), topic), text
    for text in misses:
        assert not topic_spans(text, lowered_for_matching(text), topic), text


def test_without_the_language_declared_an_unspaced_term_needs_word_boundaries() -> None:
    topic = parse_taxonomy('[[topic]]\nkey = "t"\nterms = ["関税"]\n').topic("t")
    assert not topic.matcher.search("追加関税")
    assert topic.matcher.search("関税")


def test_the_default_taxonomy_declares_japanese_unspaced() -> None:
    languages = {language.code: language for language in default_taxonomy().languages}
    assert languages["ja"].spaced is False


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        pytest.param("this is = not [toml", "not valid TOML", id="not toml"),
        pytest.param('version = "1"', "declares no [[topic]] blocks", id="no topics"),
        pytest.param('[[topic]]\nkey = "Bad Key"\nterms = ["x"]', "topic #1: 'key'", id="bad key"),
        pytest.param('[[topic]]\nterms = ["x"]', "topic #1: 'key'", id="missing key"),
        pytest.param(
            '[[topic]]\nkey = "chips"\nlabel = "Chips"',
            "topic 'chips': needs at least one of terms, phrases or patterns",
            id="nothing to match",
        ),
        pytest.param(
            '[[topic]]\nkey = "chips"\nterms = "chip"', "topic 'chips': 'terms' must be a list", id="terms not a list"
        ),
        pytest.param(
            '[[topic]]\nkey = "chips"\nterms = ["chip", ""]',
            "topic 'chips': 'terms' must be a list of non-empty strings",
            id="empty term",
        ),
        pytest.param(
            '[[topic]]\nkey = "chips"\nterms = ["chip"]\nmin_hits = 0', "topic 'chips': 'min_hits'", id="min_hits zero"
        ),
        pytest.param(
            '[[topic]]\nkey = "chips"\nterms = ["chip"]\nmin_hits = "two"',
            "topic 'chips': 'min_hits'",
            id="min_hits not a number",
        ),
        pytest.param(
            "[[topic]]\nkey = \"chips\"\npatterns = ['(unclosed']",
            "topic 'chips', pattern '(unclosed': invalid pattern",
            id="bad regex",
        ),
        pytest.param(
            '[[topic]]\nkey = "chips"\nterms = ["chip"]\n[[topic]]\nkey = "chips"\nterms = ["wafer"]',
            "topic keys declared twice: chips",
            id="duplicate keys",
        ),
        pytest.param(
            '[[topic]]\nkey = "chips"\nterms = ["chip"]\n[[topic.framing]]\nphrases = ["bargaining chip"]',
            "topic 'chips', framing #1: 'reason' must say why",
            id="framing without a reason",
        ),
        pytest.param(
            '[[topic]]\nkey = "chips"\nterms = ["chip"]\n[[topic.cue]]\nname = "fabs"\nweight = -1\nterms = ["fab"]',
            "topic 'chips', cue 'fabs': 'weight' must be a number of at least 0",
            id="negative cue weight",
        ),
        pytest.param(
            '[[topic]]\nkey = "chips"\nterms = ["chip"]\nyields_to = ["wafers"]',
            "topic 'chips', cue 'terms': 'yields_to' names no other topic: wafers",
            id="yields to an unknown topic",
        ),
        pytest.param(
            '[[topic]]\nkey = "chips"\nterms = ["... chip"]',
            "topic 'chips': '...' must stand between two words",
            id="gap at the edge",
        ),
        pytest.param(
            '[[topic]]\nkey = "chips"\nterms = ["chip"]\n[topic.rule]\nmin_distinct = 0',
            "topic 'chips', rule: 'min_distinct' must be a whole number of at least 1",
            id="bad rule",
        ),
        pytest.param(
            '[negation]\nmax_gap_words = -1\n[[topic]]\nkey = "chips"\nterms = ["chip"]',
            "[negation]: 'max_gap_words'",
            id="bad negation",
        ),
        pytest.param(
            '[links]\npatterns = [\'(see also\']\n[[topic]]\nkey = "chips"\nterms = ["chip"]',
            "[links], pattern '(see also': invalid pattern",
            id="bad links pattern",
        ),
        pytest.param(
            '[[topic]]\nkey = "chips"\nterms = ["chip"]\n[[topic.rule.beside]]\ntopic = "wafers"\nreason = "r"',
            "topic 'chips', rule: 'beside' names no other topic: wafers",
            id="beside an unknown topic",
        ),
        pytest.param(
            '[[topic]]\nkey = "chips"\nterms = ["chip"]\n[[topic.rule.beside]]\ntopic = "chips"',
            "topic 'chips', rule, beside #1: 'reason' must say why",
            id="beside without a reason",
        ),
        pytest.param(
            '[[language]]\ncode = "Japanese"\n[[topic]]\nkey = "chips"\nterms = ["chip"]',
            "language #1: 'code' must be an ISO 639 code",
            id="language code not a code",
        ),
        pytest.param(
            '[[language]]\ncode = "zh"\nspaced = false\n[[topic]]\nkey = "chips"\nterms = ["chip"]',
            "language 'zh': an unspaced language needs its 'letters'",
            id="unspaced language without letters",
        ),
        pytest.param(
            '[[language]]\ncode = "zh"\nspaced = "no"\n[[topic]]\nkey = "chips"\nterms = ["chip"]',
            "language 'zh': 'spaced' must be true or false",
            id="spaced not a boolean",
        ),
    ],
)
def test_invalid_taxonomy_raises_with_the_topic_named(toml: str, message: str) -> None:
    with pytest.raises(TaxonomyError, match=re.escape(message)):
        parse_taxonomy(toml, name="mine.toml")


def test_error_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text('[[topic]]\nkey = "chips"\n', encoding="utf-8")
    with pytest.raises(TaxonomyError, match=r"broken\.toml: topic 'chips'"):
        load_taxonomy(path)


def test_missing_file_raises_taxonomy_error(tmp_path: Path) -> None:
    with pytest.raises(TaxonomyError, match="cannot read taxonomy"):
        load_taxonomy(tmp_path / "nope.toml")


def test_rule_defaults_and_overrides() -> None:
    taxonomy = parse_taxonomy(
        "[rule]\nmin_weight = 2\nlead_sentences = 1\nlead_factor = 3\n"
        '[[topic]]\nkey = "a"\nterms = ["x"]\n'
        '[[topic]]\nkey = "b"\nterms = ["y"]\nmin_hits = 5\n'
        '[[topic]]\nkey = "c"\nterms = ["z"]\n[topic.rule]\nmin_weight = 1.5\n'
    )
    assert taxonomy.topic("a").rule.min_weight == 2 and taxonomy.topic("a").rule.lead_factor == 3
    assert taxonomy.topic("b").rule.min_weight == 5  # min_hits: the older spelling
    assert taxonomy.topic("c").min_hits == 1.5
    assert taxonomy.topic("c").rule.describe() == "weight ≥ 1.5; the first 1 sentences count ×3"


def test_a_beside_bar_is_read_and_described() -> None:
    taxonomy = parse_taxonomy(
        '[[topic]]\nkey = "a"\nterms = ["x"]\n[topic.rule]\nmin_weight = 2\n'
        '[[topic.rule.beside]]\ntopic = "b"\nmin_weight = 5\nor_share = 0.5\nreason = "a backdrop"\n'
        '[[topic]]\nkey = "b"\nterms = ["y"]\n'
    )
    assert taxonomy.topic("a").rule.beside == (Beside("b", 5, "a backdrop", 0.5),)
    assert taxonomy.topic("a").rule.describe() == "weight ≥ 2; weight ≥ 5 or ≥ 0.5 × its weight when b is tagged too"
