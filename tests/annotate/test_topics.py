"""lib/annotate/topics.py: counted mentions (negations and excluded senses left out), each topic's rule,
scores per 1,000 words and the evidence sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from lib.annotate.sentiment import Sentiment
from lib.annotate.topics import is_negated, mentions_in, score_topics
from lib.pipeline.corpus import load_blobs
from lib.reference.taxonomy import default_taxonomy, load_taxonomy

TAXONOMY = default_taxonomy()


def counted(sentence: str, key: str) -> list[str]:
    return mentions_in(sentence, TAXONOMY.topic(key), TAXONOMY.negation)


@pytest.mark.parametrize(
    ("sentence", "key", "mentions"),
    [
        # Negations: the topic was absent.
        ("The leaders did not discuss tariffs.", "tariffs", []),
        ("The leaders didn't discuss tariffs.", "tariffs", []),
        ("Tariffs were not discussed at the meeting.", "tariffs", []),
        ("They never mentioned the tariff issue.", "tariffs", []),
        ("There was no mention of tariffs.", "tariffs", []),
        ("Japan and the US did not discuss tariffs, but they agreed on security.", "security", ["security"]),
        ("The leaders discussed tariffs but did not discuss defense spending.", "tariffs", ["tariffs"]),
        ("The leaders discussed tariffs but did not discuss defense spending.", "defense_spending", []),
        # A negation elsewhere in the sentence does not cancel a real mention.
        ("Japan did not hesitate to impose tariffs on steel.", "tariffs", ["tariffs"]),
        # Unrelated senses.
        ("He paid a security deposit on the flat.", "security", []),
        ("Social security reform was debated.", "security", []),
        ("The defending champion won again.", "security", []),
        ("The trade-off is clear.", "trade", []),
        ("The feed-in tariff for solar power fell.", "tariffs", []),
        # Real mentions.
        ("The US threatened a 25% tariff on Japanese cars.", "tariffs", ["tariff"]),
        ("Japan imposed anti-dumping duties on steel.", "tariffs", ["anti-dumping"]),
        ("Trade talks continue.", "tariffs", []),
        ("The alliance faces new threats.", "security", ["alliance", "threats"]),
        ("Japan's trade deficit with the US narrowed.", "trade", ["trade deficit"]),
        # Defense spending: budgets, % of GDP, burden sharing, arms purchases; not capabilities.
        ("Japan will strengthen its defense capabilities.", "defense_spending", []),
        ("Japan's defence budget rose sharply.", "defense_spending", ["defence budget"]),
        ("Japan's defense budget rose sharply.", "defense_spending", ["defense budget"]),
        (
            "Japan will raise defense spending to 2 percent of GDP.",
            "defense_spending",
            ["defense spending", "2 percent of gdp"],
        ),
        ("Burden-sharing was on the table.", "defense_spending", ["burden-sharing"]),
        ("Japan will buy 400 Tomahawk missiles.", "defense_spending", ["tomahawk"]),
        ("Japan may pay more for the costs of U.S. forces.", "defense_spending", ["costs of u.s. forces"]),
    ],
)
def test_mentions_in(sentence: str, key: str, mentions: list[str]) -> None:
    assert counted(sentence, key) == mentions


def test_is_negated_stays_in_the_clause() -> None:
    sentence = "They did not discuss cars; tariffs were the main topic."
    start = sentence.index("tariffs")
    assert not is_negated(sentence, start, start + len("tariffs"), TAXONOMY.negation)
    sentence = "They did not discuss the tariffs."
    start = sentence.index("tariffs")
    assert is_negated(sentence, start, start + len("tariffs"), TAXONOMY.negation)


def _score(sentences: list[str], polarities: list[float] | None = None):
    polarities = polarities or [0.0] * len(sentences)
    sentiments = tuple(Sentiment(p, 0.5) for p in polarities)
    n_words = sum(len(s.split()) for s in sentences)
    return {s.key: s for s in score_topics(sentences, sentiments, n_words, TAXONOMY)}


@pytest.mark.parametrize(
    ("sentences", "tagged"),
    [
        pytest.param(["Trump threatened a tariff on cars."], {"tariffs"}, id="one tariff mention tags tariffs"),
        pytest.param(
            ["Japan's defence budget will grow."], {"defense_spending"}, id="British defence budget tags spending"
        ),
        pytest.param(
            ["Japan will strengthen its defense capabilities."],
            set(),
            id="defense capabilities alone is not spending, one security hit is not enough",
        ),
        pytest.param(
            ["Japan will strengthen its defense capabilities.", "The alliance is strong."],
            {"security"},
            id="security needs two mentions",
        ),
        pytest.param(["Trade is growing between the two countries."], set(), id="one trade mention is not enough"),
        pytest.param(
            ["The leaders did not discuss tariffs.", "Trade and investment grew."],
            {"trade"},
            id="negated tariffs do not tag",
        ),
        pytest.param(["The defending champion paid a security deposit."], set(), id="unrelated senses do not tag"),
    ],
)
def test_tagging_rules(sentences: list[str], tagged: set[str]) -> None:
    scores = _score(sentences)
    assert {key for key, score in scores.items() if score.tagged} == tagged


def test_score_hits_terms_evidence_and_polarity() -> None:
    sentences = [
        "The tariff threat worried Tokyo.",
        "The summit was warm.",
        "Tariffs on cars and a tariff on steel loom.",
    ]
    scores = _score(sentences, [-0.5, 0.8, -0.1])
    tariffs = scores["tariffs"]
    n_words = sum(len(s.split()) for s in sentences)
    assert tariffs.hits == 3
    assert tariffs.score == round(1000 * 3 / n_words, 3)
    assert tariffs.terms == ("tariff", "tariffs")
    assert tariffs.sentences == ((sentences[0], -0.5), (sentences[2], -0.1))
    assert tariffs.polarity == pytest.approx(-0.3)  # the warm summit is not averaged in
    assert scores["trade"].polarity is None
    assert scores["trade"].as_record()["sentences"] == []
    record = tariffs.as_record()
    assert record["sentences"][0] == {"text": sentences[0], "polarity": -0.5}


def test_a_user_taxonomy_tags_a_new_topic(tmp_path: Path) -> None:
    path = tmp_path / "chips.toml"
    path.write_text(
        '[[topic]]\nkey = "semiconductors"\nterms = ["semiconductor*", "chip*"]\n'
        'exclude = ["chocolate chip*"]\nmin_hits = 1\n',
        encoding="utf-8",
    )
    text = (
        "Japan and the United States agreed to build new semiconductor plants, the prime "
        "minister said after the talks in Washington."
    )
    corpus = load_blobs([("a.txt", text.encode())], taxonomy=path)
    assert corpus.frame.loc[0, "topics"] == ["semiconductors"]
    assert [s["key"] for s in corpus.frame.loc[0, "topic_scores"]] == ["semiconductors"]
    other = load_blobs(
        [
            (
                "b.txt",
                b"The chocolate chip cookies sold well at the summit in Tokyo, "
                b"said the officials who organised the event.",
            )
        ],
        taxonomy=load_taxonomy(path),
    )
    assert other.frame.loc[0, "topics"] == []
