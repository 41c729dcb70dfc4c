"""lib/pipeline/corpus.py: the front door. Golden results for the seeds, and the promise that every input
is a row or a report entry."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from lib import load_articles, load_blobs, load_corpus, topic_table, validate_frame
from lib.pipeline.corpus import combine

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
ALL_TOPICS = ["security", "trade", "tariffs", "defense_spending"]

TEXT = (
    "Prime Minister Shigeru Ishiba said on Friday that the alliance with the United States "
    "remained strong. Officials in Tokyo are preparing for renewed demands on defence costs."
)


@pytest.fixture(scope="module")
def seeds() -> pd.DataFrame:
    corpus = load_corpus(SEEDS)
    assert corpus.report.entries == []
    assert corpus.report.inputs == 5
    return corpus.frame.set_index(corpus.frame["source"].map(lambda s: Path(s).name[:3]))


GOLDEN = [
    pytest.param(
        "000",
        date(2024, 1, 18),
        "text",
        "Kishida",
        "date",
        ["Aso", "Abe"],
        "Biden",
        "",
        ["security", "defense_spending"],  # trade and tariffs only in a list of concerns
        "In the political corridors of Japan, a sense of unease veils the air.",
        "first_sentence",
        id="000",
    ),
    pytest.param(
        "001",
        date(2024, 1, 27),
        "text",
        "Kishida",
        "date",
        ["Kishida", "Abe", "Aso"],
        "Biden",
        "",
        [],  # framing only: "key ally", "areas such as security, trade, and diplomacy"
        "The Japanese government, led by Prime Minister Fumio Kishida, is keeping a vigilant eye…",
        "first_sentence",
        id="001",
    ),
    pytest.param(
        "002",
        None,
        "none",
        "Ishiba",
        "text",
        ["Ishiba"],
        "",
        "",
        ["security", "trade", "defense_spending"],  # one body mention of a tariff is not salient
        "Japan Ramps Up Efforts to Strengthen Ties with Trump Administration Amid Security, Trade Concerns",
        "heading",
        id="002",
    ),
    pytest.param(
        "003",
        None,
        "none",
        "Takaichi",
        "text",
        ["Takaichi"],
        "",
        "",
        ["security", "trade", "defense_spending"],  # one passing tariff in 1,000 words
        "Takaichi & Trump Call: Possible Friday Talks 🇯🇵🇺🇸",
        "heading",
        id="003",
    ),
    pytest.param(
        "004",
        date(2024, 11, 7),
        "text",
        "Ishiba",
        "date",
        ["Ishiba"],
        "Biden",
        "Jiji Press",
        ["security", "defense_spending"],  # trade and tariffs: one passing sentence
        "Japan Rushing to Build Ties with Trump",
        "heading",
        id="004",
    ),
]


@pytest.mark.parametrize(
    (
        "seed",
        "published",
        "date_basis",
        "pm",
        "pm_basis",
        "pms_mentioned",
        "us_president",
        "outlet",
        "topics",
        "title",
        "title_basis",
    ),
    GOLDEN,
)
def test_seed_golden(
    seeds: pd.DataFrame,
    seed: str,
    published: date | None,
    date_basis: str,
    pm: str,
    pm_basis: str,
    pms_mentioned: list[str],
    us_president: str,
    outlet: str,
    topics: list[str],
    title: str,
    title_basis: str,
) -> None:
    row = seeds.loc[seed]
    if published is None:
        assert pd.isna(row["published"])  # never invent a date
    else:
        assert row["published"].date() == published
    assert row["date_basis"] == date_basis
    assert row["pm"] == pm
    assert row["pm_basis"] == pm_basis
    assert row["pms_mentioned"] == pms_mentioned
    assert row["us_president"] == us_president
    assert row["outlet"] == outlet
    assert row["topics"] == topics
    assert row["title"] == title
    assert row["title_basis"] == title_basis
    assert row["language"] == "en"


# (seed, strings that must be gone from the clean text, strings that must be kept)
CLEAN_TEXT = [
    pytest.param(
        "000",
        ["Advertisment", "date 2024-01-18"],
        [
            "In the political corridors of Japan",
            "Japan's Diplomatic Maneuvers",
            "purchase of up to 400 Tomahawk cruise missiles",
        ],
        id="000",
    ),
    pytest.param(
        "001",
        ["date 2024-01-27"],
        [
            "Taro Aso, Japan's Deputy Prime Minister and Finance Minister",
            "The Kishida administration is proactively working",
        ],
        id="001",
    ),
    pytest.param(
        "002",
        ["Connect with us", "Trending", "Social Media Auto Publish", "XYZScripts", "Vector illustration"],
        [
            "Prime Minister Shigeru Ishiba held his first phone conversation",
            "“We agreed to take the Japan-U.S. alliance to an even higher level.”",
        ],
        id="002",
    ),
    pytest.param(
        "003",
        [
            "Β»",
            "β€",
            "πŸ",
            "Home »",
            "by James Carter",
            "You may also like",
            "Leave a Comment",
            "Akismet",
            "Adblock Detected",
            "AdBlocker",
            "Share your thoughts in the comments",
        ],
        [
            "Frequently Asked Questions",
            "Q: What is the biggest challenge facing the US-Japan alliance?",
            "Did you know? Japan’s constitution",
            "focused on “America First.”",
            "US-Japan relations are at a critical juncture",
        ],
        id="003",
    ),
    pytest.param(
        "004",
        ["ID :", "Auther", "691433", "00:35", "\nEND", "\nX"],
        [
            "Tokyo, Nov. 6 (Jiji Press)--After Republican candidate Donald Trump",
            "levy additional 10-20 pct tariffs on all imports",
        ],
        id="004",
    ),
]


@pytest.mark.parametrize(("seed", "gone", "kept"), CLEAN_TEXT)
def test_seed_clean_text(seeds: pd.DataFrame, seed: str, gone: list[str], kept: list[str]) -> None:
    text = seeds.loc[seed, "text"]
    for furniture in gone:
        assert furniture not in text
    for sentence in kept:
        assert sentence in text
    assert not text.endswith(("END", "X"))


@pytest.mark.parametrize(
    ("seed", "removed"),
    [("000", 2), ("001", 0), ("002", 7), ("003", 8), ("004", 6)],
)
def test_seed_furniture_counts(seeds: pd.DataFrame, seed: str, removed: int) -> None:
    assert len(seeds.loc[seed, "furniture_removed"]) == removed


def test_seed_warnings(seeds: pd.DataFrame) -> None:
    assert seeds.loc["003", "warnings"] == ["repaired 15 mis-decoded character sequence(s) (mojibake)"]
    for seed in ("000", "001", "002", "004"):
        assert seeds.loc[seed, "warnings"] == []


def test_seed_frame_is_valid_and_stable(seeds: pd.DataFrame) -> None:
    assert validate_frame(seeds.reset_index(drop=True)) == []
    again = load_corpus(SEEDS).frame
    assert list(again["article_id"]) == list(seeds["article_id"])
    assert seeds["n_words"].gt(200).all()
    assert seeds["polarity"].between(-1, 1).all()


def test_topic_table_of_the_seeds(seeds: pd.DataFrame) -> None:
    table = topic_table(seeds.reset_index(drop=True))
    assert len(table) == 5 * 4
    tagged = table[table["tagged"]].groupby("article_id")["topic"].apply(list)
    assert tagged[seeds.loc["002", "article_id"]] == ["security", "trade", "defense_spending"]
    untagged = table[(table["article_id"] == seeds.loc["001", "article_id"]) & (table["topic"] == "tariffs")].iloc[0]
    assert untagged["hits"] == 0
    assert pd.isna(untagged["polarity"])


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_every_input_is_a_row_or_a_report_entry() -> None:
    blobs = [
        ("a.txt", TEXT.encode()),
        ("b.txt", b""),
        ("c.png", b"\x89PNG\r\n\x1a\n"),
        ("d.csv", f'text,title\n"{TEXT} D.",D\n,empty row\n'.encode()),
        ("e.jsonl", b'{"text": "Japan and the US discussed the alliance at length."}\n{bad\n'),
        ("f.zip", zip_bytes({"one.txt": (TEXT + " F.").encode(), "../evil.txt": b"x"})),
        ("g.txt", b"Advertisement\n\nTrending\n\nLeave a Comment"),
    ]
    corpus = load_blobs(blobs)
    assert corpus.report.accounted(len(corpus.frame))
    assert corpus.report.inputs == len(corpus.frame) + len(corpus.report.entries) == 10
    assert list(corpus.frame["source"]) == ["a.txt", "d.csv#row 1", "e.jsonl#line 1", "f.zip!one.txt"]
    assert [(e.input, e.reason) for e in corpus.report.entries] == [
        ("b.txt", "empty"),
        ("c.png", "unsupported file type"),
        ("d.csv#row 2", "empty"),
        ("e.jsonl#line 2", "not valid JSON"),
        ("f.zip!../evil.txt", "unsafe path"),
        ("g.txt", "empty"),  # nothing left once the furniture is removed
    ]


def test_exact_duplicates_are_kept_once_and_listed() -> None:
    blobs = [
        ("a.txt", TEXT.encode()),
        ("b.txt", ("  " + TEXT.upper().replace(" ", "  ") + "\n").encode()),  # same normalised text
        ("c.csv", f'text\n"{TEXT}"\n'.encode()),
        ("d.txt", (TEXT + " Another sentence makes it different.").encode()),
    ]
    corpus = load_blobs(blobs)
    assert list(corpus.frame["source"]) == ["a.txt", "d.txt"]
    assert [(e.input, e.reason, e.detail) for e in corpus.report.entries] == [
        ("b.txt", "duplicate", "same text as a.txt; kept once"),
        ("c.csv#row 1", "duplicate", "same text as a.txt; kept once"),
    ]
    assert corpus.report.accounted(len(corpus.frame))
    assert corpus.frame["article_id"].is_unique


def test_unknown_csv_columns_are_carried_through() -> None:
    csv = f'Title,Text,Section,Author Name,title_basis\nOne,"{TEXT}",Politics,Jane Doe,x\nTwo,"{TEXT} Two.",World,,y\n'
    frame = load_blobs([("news.csv", csv.encode())]).frame
    assert list(frame["Section"]) == ["Politics", "World"]
    assert list(frame["Author Name"]) == ["Jane Doe", ""]
    # An input column named like one of ours does not overwrite it.
    assert list(frame["input_title_basis"]) == ["x", "y"]
    assert list(frame["title_basis"]) == ["metadata", "metadata"]
    assert validate_frame(frame) == []


def test_metadata_fields_from_a_table() -> None:
    csv = f'headline,body,published,link\nIshiba Vows Stronger Alliance,"{TEXT}",2024-11-08,https://www.example.com/a\n'
    row = load_blobs([("news.csv", csv.encode())]).frame.iloc[0]
    assert row["title"] == "Ishiba Vows Stronger Alliance"
    assert row["title_basis"] == "metadata"
    assert row["published"] == pd.Timestamp("2024-11-08")
    assert row["date_basis"] == "metadata"
    assert row["outlet"] == "example.com"  # from the URL's domain
    assert row["url"] == "https://www.example.com/a"
    assert (row["pm"], row["pm_basis"], row["us_president"]) == ("Ishiba", "date", "Biden")


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://www.example.com/a", "example.com"),
        ("example.org/news/1", "example.org"),
        ("http://[broken", ""),
        ("[]", ""),
        ("", ""),
    ],
)
def test_outlet_from_the_url_field(url: str, outlet: str) -> None:
    csv = f'text,url\n"{TEXT}",{url}\n'
    corpus = load_blobs([("news.csv", csv.encode())])
    assert corpus.report.entries == []
    assert corpus.frame.loc[0, "outlet"] == outlet


def test_unreadable_metadata_date_falls_back_to_the_text_with_a_warning() -> None:
    csv = f'text,date\n"date 2024-11-08 {TEXT}",sometime\n'
    row = load_blobs([("news.csv", csv.encode())]).frame.iloc[0]
    assert row["published"] == pd.Timestamp("2024-11-08")
    assert row["date_basis"] == "text"
    assert "date field 'sometime' is not a date this tool can read" in row["warnings"]


def test_non_english_text_is_not_tagged() -> None:
    text = "Премьер-министр Японии обсудил с президентом США вопросы безопасности и торговли."
    row = load_blobs([("ru.txt", text.encode())]).frame.iloc[0]
    assert row["language"] == "ru"
    assert row["topics"] == []
    assert any("not English" in w for w in row["warnings"])


def test_empty_corpus_has_every_column() -> None:
    corpus = load_blobs([])
    assert len(corpus.frame) == 0
    assert validate_frame(corpus.frame) == []
    assert corpus.report.accounted(0)


def test_load_articles_puts_the_report_in_attrs(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_text("", encoding="utf-8")
    frame = load_articles(tmp_path)
    assert len(frame) == 1
    assert frame.attrs["report"] == [
        {"input": str(tmp_path / "b.txt"), "reason": "empty", "detail": "the file has no content"}
    ]


def test_combine_reports_duplicates_across_corpora() -> None:
    first = load_blobs([("a.txt", TEXT.encode())])
    second = load_blobs([("upload.txt", TEXT.encode()), ("new.txt", (TEXT + " New.").encode())])
    both = combine(first, second)
    assert list(both.frame["source"]) == ["a.txt", "new.txt"]
    assert [(e.input, e.reason) for e in both.report.entries] == [("upload.txt", "duplicate")]
    assert both.report.accounted(len(both.frame))


def test_progress_is_called_per_article() -> None:
    seen = []
    load_blobs(
        [("a.txt", TEXT.encode()), ("b.txt", (TEXT + " B.").encode())],
        progress=lambda done, source: seen.append((done, source)),
    )
    assert seen == [(1, "a.txt"), (2, "b.txt")]


def test_combining_keeps_flat_topic_columns_true_for_both_sides():
    from lib.pipeline.corpus import combine, load_blobs
    from lib.schema.topic_table import with_topic_columns

    sample = load_corpus(SEEDS)
    sample.frame = with_topic_columns(sample.frame, ("tariffs",))
    upload = load_blobs([("a.txt", b"Japan and the United States discussed the alliance and security.")])
    both = combine(sample, upload).frame
    assert both["topic:tariffs"].dtype == bool
    assert not both.loc[both["source"] == "a.txt", "topic:tariffs"].iloc[0]


def test_build_store_equals_load_corpus_through_the_store(tmp_path: Path) -> None:
    """The store-only run and the table run leave the same articles in the store."""
    from lib.annotate.sentiment import get_engine
    from lib.pipeline.corpus import build_store
    from lib.pipeline.store import ArticleStore
    from lib.pipeline.store_frame import open_store_frame
    from lib.reference.taxonomy import default_taxonomy

    run = build_store(SEEDS, store=tmp_path / "only")
    assert (run.analysed, run.reused, run.report.inputs) == (5, 0, 5)
    load_corpus(SEEDS, store=tmp_path / "table")
    frames = [
        open_store_frame(ArticleStore(tmp_path / name, get_engine()), default_taxonomy()) for name in ("only", "table")
    ]
    pd.testing.assert_frame_equal(*(f.drop(columns=["store_part", "store_tag_part"]) for f in frames))
    assert build_store(SEEDS, store=tmp_path / "only").reused == 5
