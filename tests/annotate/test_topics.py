"""lib/annotate/topics.py: counted mentions (other senses, framing wording and negations left out),
weights and each topic's rule (salience, not presence), the evidence: why a topic was tagged or not,
what was vetoed, and the sentences (with polarity) for per-topic tone."""

from __future__ import annotations

from pathlib import Path

import pytest

from lib.annotate.sentiment import Sentiment
from lib.annotate.topics import is_negated, mentions_in, raise_the_bar, score_topics
from lib.pipeline.corpus import load_blobs
from lib.reference.taxonomy import Beside, Rule, default_taxonomy, load_taxonomy, parse_taxonomy

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
        ("Japan imposed anti-dumping duties on steel.", "tariffs", ["anti-dumping", "duties on steel"]),
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
        ("Japan will buy 400 Tomahawk missiles.", "defense_spending", ["buy 400 tomahawk"]),
        (
            "Japan may pay more for the costs of U.S. forces.",
            "defense_spending",
            ["pay more for the costs of u.s. forces"],
        ),
        # Plain-word arms purchases, the cost of US forces, budgets as a share of GDP.
        ("Tokyo agreed to purchase 105 more F-35 fighters.", "defense_spending", ["purchase 105 more f-35"]),
        ("The ministry will acquire six new destroyers.", "defense_spending", ["acquire six new destroyers"]),
        ("Japan will buy 100 Boeing aircraft.", "defense_spending", []),  # airliners are trade
        (
            "Tokyo pays about $2 billion a year toward keeping American troops in Japan.",
            "defense_spending",
            ["pays about $2 billion a year toward keeping american troops"],
        ),
        ("Host-nation support talks resume in April.", "defense_spending", ["host-nation support"]),
        ("Defence outlays will reach 2% of GDP.", "defense_spending", ["defence outlays", "2% of gdp"]),
        (
            "Spending on the military will hit two percent of GDP.",
            "defense_spending",
            ["spending on the military", "two percent of gdp"],
        ),
        # Negation scope: neither ... nor, without, absent.
        ("Neither leader committed to increasing defense spending.", "defense_spending", []),
        ("They neither pledged new bases nor agreed to higher defense spending.", "defense_spending", []),
        ("The deficit can shrink without new tariffs, he said.", "tariffs", []),
        ("Tariffs were notably absent from the statement.", "tariffs", []),
        ("Despite the absence of tariffs in the communique, exporters worry.", "tariffs", []),
        # Framing is not substance.
        ("Japan is a key ally of the United States.", "security", []),
        ("The alliance remains the cornerstone of peace in the region.", "security", []),
        ("They pledged to deepen economic, security and cultural ties.", "security", []),
        ("They pledged to deepen economic, security and cultural ties.", "trade", []),
        ("The steel levy rests on national security grounds under Section 232.", "security", []),
        ("The steel levy rests on national security grounds under Section 232.", "tariffs", ["section 232"]),
        ("The takeover passed a national security review by CFIUS.", "security", []),
        ("Trump threatened new tariffs on Japanese cars.", "security", []),
        ("Washington's tariff threat rattled Tokyo.", "security", []),
        ("The Commerce Department granted the exclusion.", "trade", []),
        # Substance.
        ("North Korea fired a ballistic missile over Japan.", "security", ["north korea", "ballistic missile"]),
        (
            "The allies will hold joint exercises near the Senkaku Islands.",
            "security",
            ["allies", "joint exercises", "senkaku"],
        ),
        ("A Japanese steelmaker completed its acquisition of a US rival.", "trade", ["acquisition"]),
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
        pytest.param(["Trump threatened a tariff on cars."], {"tariffs"}, id="a tariff in the lead tags tariffs"),
        pytest.param(
            [f"The league's season opened with game {n} in Osaka." for n in range(8)]
            + ["Fans said the team needs better pitching.", "One player once mentioned a tariff on bats."],
            set(),
            id="one passing tariff mention in the body does not tag",
        ),
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
            set(),
            id="generic security words alone are not security",
        ),
        pytest.param(
            [
                "China's coercion in the East China Sea worries Tokyo.",
                "The allies will hold joint exercises to strengthen deterrence.",
            ],
            {"security"},
            id="threats and exercises are security",
        ),
        pytest.param(
            [
                "Japan is a key ally, the president said.",
                "The alliance is the cornerstone of peace and prosperity in the region.",
                "Both sides agreed to deepen economic, security and people-to-people ties.",
                "The leaders also discussed a baseball exchange for students.",
            ],
            set(),
            id="framing only: key ally, cornerstone, a list of ties",
        ),
        pytest.param(
            [
                "Washington imposed a 25% tariff on steel under Section 232.",
                "The levy rests on national security grounds, the Commerce Department said.",
                "Exporters in Osaka applied for exclusions from the tariff.",
            ],
            {"tariffs"},
            id="Section 232 national security is a tariff, not security; imports talk is not trade",
        ),
        pytest.param(
            [
                "Washington will raise the tariff on Japanese cars to 25%.",
                "The tariff applies to imports from Friday.",
            ],
            {"tariffs"},
            id="a piece only about a duty is tariffs only",
        ),
        pytest.param(
            [
                "Japan agreed to buy 100 more American fighter jets.",
                "The purchase will be paid for over five years.",
            ],
            {"defense_spending"},
            id="a plain-word arms purchase is defense spending",
        ),
        pytest.param(
            [
                "Tokyo will pay $2 billion a year for hosting U.S. troops.",
                "The sum covers wages and training costs for American troops, officials said.",
            ],
            {"defense_spending"},
            id="the cost of US forces is spending; the troops in its sentences are not security",
        ),
        pytest.param(
            [
                "The two leaders met for an hour.",
                "They neither agreed on new patrols nor promised to increase defense spending.",
            ],
            set(),
            id="negated defense spending",
        ),
        pytest.param(
            ["The two countries signed a trade agreement.", "It opens Japan's market and cuts the trade deficit."],
            {"trade"},
            id="a trade deal is trade",
        ),
        pytest.param(
            [
                "A Japanese steelmaker agreed to a $10 billion acquisition of an American rival.",
                "Investors welcomed the takeover.",
            ],
            {"trade"},
            id="a cross-border acquisition is trade (investment)",
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


@pytest.mark.parametrize(
    ("sentences", "tagged"),
    [
        pytest.param(
            [
                "Japan's cabinet approved a record defense budget of 9 trillion yen.",
                "Defense spending will reach 2% of GDP by 2027, and the budget buys Tomahawk missiles.",
                "Host-nation support for US forces also rises.",
                "Officials cited North Korea and the Taiwan Strait.",
            ],
            {"defense_spending"},
            id="threats named as the reason for a budget are its backdrop, not security",
        ),
        pytest.param(
            [
                "Japan's cabinet approved a record defense budget of 9 trillion yen.",
                "Officials cited North Korea and the Taiwan Strait.",
                "North Korea fired a ballistic missile over Japan last week, and the allies held joint drills.",
                "Extended deterrence was reaffirmed.",
            ],
            {"defense_spending", "security"},
            id="threats discussed beyond the cost are security beside spending",
        ),
        pytest.param(
            [
                "Tokyo and Washington struck a deal to lower the tariff on cars to 15%.",
                "In exchange for the cut, Japan offered concessions on rice.",
            ],
            {"tariffs", "trade"},
            id="a deal struck over duties is trade as well",
        ),
        pytest.param(
            [
                "The new 25% tariff on Japanese cars takes effect on Thursday.",
                "Officials said the tariff may not comply with World Trade Organization rules or trade agreements.",
            ],
            {"tariffs"},
            id="whether a duty keeps to trade rules is the duty's basis: tariffs only",
        ),
        pytest.param(
            ["A Japanese steelmaker will buy an American rival for $10 billion.", "The acquisition needs approval."],
            {"trade"},
            id="buying a company abroad is investment",
        ),
        pytest.param(
            [
                "The prime minister said Japan could respond if China attacked Taiwan.",
                "Beijing protested and warned of a military response.",
            ],
            {"security"},
            id="military action over Taiwan is a discussed threat",
        ),
        pytest.param(
            [
                "The new prime minister spoke with the president by phone for twenty minutes.",
                "They affirmed the alliance and agreed to work closely on North Korea's missile launches.",
            ],
            {"security"},
            id="leaders agreeing to cooperate on a named security issue",
        ),
        pytest.param(
            ["The two leaders agreed to work together on clean energy and student exchanges."],
            set(),
            id="agreeing to cooperate on other matters is not security",
        ),
        pytest.param(
            ["The leaders called theirs the greatest alliance in the world.", "They said the allies stand stronger."],
            set(),
            id="superlative praise of the alliance is framing",
        ),
        pytest.param(
            [
                "Farmers in Niigata expect a good rice harvest this autumn.",
                "See also: North Korea test-fires ballistic missiles as threats mount",
                "Read also Allies hold joint drills to deter aggression",
            ],
            set(),
            id="headlines of other stories (see also, read also) count for no topic",
        ),
        pytest.param(
            [
                "Farmers in Niigata expect a good rice harvest this autumn.",
                "North Korea test-fires ballistic missiles as threats mount.",
            ],
            {"security"},
            id="the same words as the article's own sentence count",
        ),
        pytest.param(
            ["The plant is U.S.-based.", "Its owner is U.S.-based too, and the military was not involved."],
            set(),
            id="U.S.-based is not a US base",
        ),
    ],
)
def test_salience_rules_of_the_codebook(sentences: list[str], tagged: set[str]) -> None:
    scores = _score(sentences)
    assert {key for key, score in scores.items() if score.tagged} == tagged


@pytest.mark.parametrize(
    ("weight", "others", "tagged"),
    [
        (5.0, {"spending": 12.0}, False),  # below the bar and under half the other's weight
        (5.0, {"spending": 8.0}, True),  # at least half the other's weight: side by side
        (8.0, {"spending": 30.0}, True),  # over the bar
        (5.0, {}, True),  # the other topic is not tagged: the topic's own rule stands
    ],
)
def test_a_higher_bar_beside_another_topic(weight: float, others: dict[str, float], tagged: bool) -> None:
    rule = Rule(min_weight=4, beside=(Beside("spending", 7, "a backdrop to the cost", or_share=0.5),))
    result = raise_the_bar(rule, (True, weight, "weight"), others)
    assert result[0] is tagged
    if not tagged:
        assert result[2].startswith("beside spending: weight 5 < 7 and < 0.5 × its 12")
    assert raise_the_bar(rule, (False, 1.0, "too slight"), others) == (False, 1.0, "too slight")


@pytest.mark.parametrize(
    ("sentences", "tagged"),
    [
        pytest.param(
            [
                "政府は防衛費を国内総生産比2%に増やす方針を決めた。",
                "北朝鮮の弾道ミサイルに備え、日米同盟の抑止力を高める。",
            ],
            {"defense_spending", "security"},
            id="Japanese: a budget and a threat, matched inside unspaced text",
        ),
        pytest.param(["米国は日本製の自動車に25%の追加関税を課すと発表した。"], {"tariffs"}, id="Japanese: a duty"),
        pytest.param(
            ["両国は非関税障壁と経済安全保障について話し合った。"],
            {"trade"},
            id="Japanese: non-tariff barriers are trade, economic security is not security",
        ),
        pytest.param(["美国宣布对日本汽车加征25%的关税。"], {"tariffs"}, id="Chinese (simplified): a duty"),
        pytest.param(
            ["日本内阁批准创纪录的国防预算。", "防卫费将继续增加。"], {"defense_spending"}, id="Chinese: a budget"
        ),
        pytest.param(
            ["南海トラフ地震への備えを強化する。", "出口調査によると与党が優勢だ。"],
            set(),
            id="Japanese words that look like Chinese ones (Nankai, exit poll) are not topics",
        ),
        pytest.param(["Estados Unidos impondrá aranceles del 20% a los coches japoneses."], {"tariffs"}, id="Spanish"),
        pytest.param(
            ["Les deux pays ont signé un accord commercial qui ouvre l'accès au marché aux investissements."],
            {"trade"},
            id="French",
        ),
        pytest.param(["Die Strafzölle auf japanische Autos sinken auf 15 Prozent."], {"tariffs"}, id="German compound"),
        pytest.param(
            ["Les droits de douane sur les motos baissent à 10 %, au lieu de la menace de 20 %."],
            {"tariffs"},
            id="French: a threat in a sentence about a duty is a tariff threat",
        ),
        pytest.param(
            [
                "Paris et Tokyo ont signé un accord qui ouvre un accès élargi au marché du vin.",
                "En contrepartie, la France réduit ses quotas.",
            ],
            {"trade"},
            id="French: market access with words between, and a quid pro quo",
        ),
        pytest.param(
            ["Der Wehretat soll auf zwei Prozent des Bruttoinlandsproduktes steigen."],
            {"defense_spending"},
            id="German: a spelt-out share of GDP",
        ),
        pytest.param(
            ["Die Verteidigungsausgaben Japans steigen.", "Die gasto en defensa de Japón sube."],
            {"defense_spending"},
            id="a budget 'of Japan' is not the defence of Japan",
        ),
        pytest.param(["Es handelt sich um eine Frage des Respekts."], set(), id="German: handelt is not trade"),
        pytest.param(
            ["No importa lo que digan.", "A ella no le importa el comercio."],
            set(),
            id="Spanish: importar 'to matter' is not an import",
        ),
        pytest.param(["The importance of commercial flights grew."], set(), id="foreign terms leave English alone"),
    ],
)
def test_other_languages_are_tagged_by_their_terms(sentences: list[str], tagged: set[str]) -> None:
    scores = _score(sentences)
    assert {key for key, score in scores.items() if score.tagged} == tagged


def test_a_japanese_article_is_tagged_when_analysed() -> None:
    text = "米政府は日本からの輸入品に関税を課すと発表した。日本政府は関税の見直しを求めて交渉を続ける。"
    row = load_blobs([("ja.txt", text.encode())]).frame.iloc[0]
    assert row["language"] == "ja"
    assert "tariffs" in row["topics"]


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


def test_the_evidence_says_why_and_what_was_vetoed() -> None:
    scores = _score(
        [
            "Japan is a key ally, the president said.",
            "Tariffs were notably absent from the talks.",
            "Tokyo agreed to buy more fighter jets and raise its defense budget.",
        ]
    )
    security = scores["security"].as_record()
    assert security["tagged"] is False
    assert security["reason"] == "no mention"
    assert security["vetoes"] == [
        "'ally': framing, praise of the alliance, not its content",
        "'fighter jets': in a sentence about defense_spending",  # the purchase, not security
        "'defense': in a sentence about defense_spending",
    ]
    assert scores["tariffs"].vetoes == ("'tariffs': negated",)
    spending = scores["defense_spending"].as_record()
    assert spending["tagged"] is True
    assert spending["reason"].startswith("weight 4 from 2 distinct term(s)")
    assert spending["weight"] == 4.0
    assert spending["sentences"][0]["text"].startswith("Tokyo agreed")
    assert scores["trade"].as_record()["reason"] == "no mention"


def test_a_slight_mention_says_what_it_lacks() -> None:
    scores = _score(["The weather was fine.", "Leaders met.", "An aide mentioned the alliance once."])
    assert scores["security"].reason == "too slight: weight 0.5 < 4, 1 distinct term(s) < 2"
    assert scores["security"].hits == 1 and not scores["security"].tagged


def test_user_taxonomy_cues_framing_and_rule() -> None:
    taxonomy = parse_taxonomy(
        """
[[topic]]
key = "chips"
weight = 0.5
terms = ["chip*"]
exclude = ["chocolate chip*"]

[[topic.cue]]
name = "industrial policy"
weight = 3
phrases = ["build* ... fab*", "CHIPS Act"]

[[topic.framing]]
reason = "a figure of speech"
phrases = ["bargaining chip*"]

[topic.rule]
min_weight = 3
lead_sentences = 0
""",
        name="chips.toml",
    )
    sentences = ["Japan is a bargaining chip, he said.", "Chips were sold.", "They will build two new fabs."]
    sentiments = tuple(Sentiment(0.0, 0.0) for _ in sentences)
    (chips,) = score_topics(sentences, sentiments, 20, taxonomy)
    assert chips.tagged and chips.weight == 3.5
    assert chips.terms == ("chips", "build two new fabs")
    assert chips.vetoes == ("'chip': framing, a figure of speech",)
    (slight,) = score_topics(sentences[:2], sentiments[:2], 20, taxonomy)
    assert not slight.tagged and slight.reason == "too slight: weight 0.5 < 3"


def test_topics_of_a_very_long_text_are_read_from_its_head_with_rates_kept():
    from lib.annotate.topics import TOPIC_SCAN_CHARS, topic_scan

    one_line = "tariffs on steel " * (TOPIC_SCAN_CHARS // 8)  # one huge sentence, twice the limit
    kept, n_words = topic_scan([one_line], 1000)
    assert len(kept[0]) == TOPIC_SCAN_CHARS
    assert n_words == round(1000 * TOPIC_SCAN_CHARS / (len(one_line) + 1))  # the words of the part read
    short = ["Tariffs rose.", "Trade fell."]
    assert topic_scan(short, 4) == (short, 4)
