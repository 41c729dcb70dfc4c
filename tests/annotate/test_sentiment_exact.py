"""lib/annotate/sentiment/textblob_port.py gives TextBlob's pattern sentiment figures to the last bit.

The engine tokenizes and assesses with its own faster copies of TextBlob's `find_tokens` and
`Sentiment.assessments`. Every comparison here is exact (==), against TextBlob itself:
- per sentence: `TextBlob(sentence).sentiment`;
- per article: `reference_score`, the engine as it was before the copies (TextBlob's tokenizer run
  over the sentences joined with a marker word, then TextBlob's `assessments` per sentence).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from textblob import TextBlob
from textblob.en import sentiment as textblob_sentiment

from bench.make_corpus import generate_articles
from lib.annotate.article import clean_text, heading_title, split_sentences
from lib.annotate.sentiment import ScoredText, Sentiment, get_engine
from lib.annotate.sentiment.textblob_engine import SENTENCE_BREAK as _SENTENCE_BREAK

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def reference_tokens(sentences: list[str]) -> list[list[str]]:
    if not sentences:
        return []
    joined = f" {_SENTENCE_BREAK} ".join(sentences)
    groups: list[list[str]] = [[]]
    for token in " ".join(textblob_sentiment.tokenizer(joined)).split():
        if token == _SENTENCE_BREAK:
            groups.append([])
        else:
            groups[-1].append(token.lower())
    return groups


def reference_score(sentences: list[str]) -> ScoredText:
    per_sentence = []
    polarity_sum = subjectivity_sum = 0.0
    assessments = 0
    for tokens in reference_tokens(sentences):
        found = textblob_sentiment.assessments(((w, None) for w in tokens), True)
        if found:
            polarity = sum(a[1] for a in found)
            subjectivity = sum(a[2] for a in found)
            per_sentence.append(Sentiment(polarity / len(found), subjectivity / len(found)))
            polarity_sum += polarity
            subjectivity_sum += subjectivity
            assessments += len(found)
        else:
            per_sentence.append(Sentiment(0.0, 0.0))
    if assessments:
        document = Sentiment(polarity_sum / assessments, subjectivity_sum / assessments)
    else:
        document = Sentiment(0.0, 0.0)
    return ScoredText(document, tuple(per_sentence))


def article_sentences(text: str) -> list[str]:
    """The sentences the analysis scores (heading, then the body split into sentences)."""
    lines = clean_text(text).lines
    heading = heading_title(lines)
    body = [line for line in lines if line != heading]
    return ([heading] if heading else []) + split_sentences("\n".join(body))


def assert_exact(sentences: list[str]) -> None:
    engine = get_engine()
    scored = engine.score(sentences)
    assert scored == reference_score(sentences)
    # == on floats: the same bits (no NaN can arise).
    assert engine._tokens_per_sentence(sentences) == reference_tokens(sentences)


def assert_sentence_exact(sentence: str) -> None:
    (score,) = get_engine().score([sentence]).sentences
    assert tuple(score) == tuple(TextBlob(sentence).sentiment)


def test_seed_articles_score_exactly_as_textblob() -> None:
    paths = sorted(SEEDS.glob("*.txt"))
    assert paths
    for path in paths:
        sentences = article_sentences(path.read_text(encoding="utf-8"))
        assert_exact(sentences)
        for sentence in sentences:
            assert_sentence_exact(sentence)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_generated_articles_score_exactly_as_textblob(seed: int) -> None:
    for article in generate_articles(400, seed=seed):
        sentences = article_sentences(article["page"])
        assert_exact(sentences)
        for sentence in sentences:
            assert_sentence_exact(sentence)


# Text rich in what the tokenizer and the assessments treat specially.
PIECES = [
    " ",
    " ",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    ".",
    ",",
    ";",
    ":",
    "!",
    "?",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "-",
    "--",
    "'",
    '"',
    "`",
    "@",
    "#",
    "$",
    "^",
    "&",
    "*",
    "+",
    "|",
    "=",
    "~",
    "_",
    "/",
    "\\",
    "<",
    ">",
    "°",
    "♥",
    "…",
    "...",
    "“",
    "”",
    "‘",
    "’",
    "(!)",
    "( ! )",
    "(! )",
    "( !)",
    ":-)",
    ": - )",
    ":)",
    ": )",
    ";)",
    "; )",
    ":-(",
    ":(",
    ": (",
    ":D",
    ": D",
    "XD",
    "xD",
    "X D",
    "8)",
    "8 )",
    "o.O",
    "o . O",
    ">:)",
    "<3",
    ":'(",
    ":-.",
    ": - .",
    ">.>",
    "> . >",
    "=D",
    ":p",
    ":P",
    ":-b",
    "U.S.",
    "e.g.",
    "Mr.",
    "Dr.",
    "a.",
    "T.",
    "etc.",
    "vs.",
    "No.",
    "Jan.",
    "n't",
    "'s",
    "'d",
    "'ll",
    "'re",
    "'ve",
    "'m",
    "don't",
    "isn't",
    "it's",
    "won't",
    "not",
    "no",
    "never",
    "Not",
    "NOT",
    "very",
    "really",
    "extremely",
    "terribly",
    "quite",
    "good",
    "bad",
    "great",
    "terrible",
    "happy",
    "sad",
    "best",
    "worst",
    "nice",
    "Good",
    "GREAT",
    "a",
    "an",
    "the",
    "is",
    "was",
    "of",
    "to",
    "I",
    "it",
    "Japan",
    "alliance",
    "tariffs",
    "2008",
    "1999",
    "(2008)",
    "3",
    "8",
    "0.5",
    "ΣΑΣ",
    "ὈΔΥΣΣΕΎΣ",
    "İstanbul",
    "ǅ",
    "ß",
    "END-OF-SENTENCE",
    _SENTENCE_BREAK,
    _SENTENCE_BREAK.upper(),
    "qqsentencebreaKqq",
    "\u00a0",
    "\u2003",
    "\x1c",
]
texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
fuzzy_texts = st.one_of(texts, st.text(alphabet="".join(sorted(set("".join(PIECES)))), max_size=60))

FUZZ = settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(fuzzy_texts)
@example("( ! ) good")
@example("no:)")
@example("very good : ) not bad 8 )")
@example("Tokyo . O \n\n Tokyo. o . O")
@example(f"good {_SENTENCE_BREAK} {_SENTENCE_BREAK} bad")
def test_tokens_are_textblobs(text: str) -> None:
    engine = get_engine()
    assert engine._pattern.tokens(text) == " ".join(textblob_sentiment.tokenizer(text))
    if _SENTENCE_BREAK not in text:  # the marker word splits sentences (no article holds it)
        assert_sentence_exact(text)


@FUZZ
@given(st.lists(fuzzy_texts, max_size=6))
@example(["", "good", ""])
@example(["very good :", ") not bad"])
@example(["o .", "O great"])
@example(["good", "QQSENTENCEBREAKQQ bad", "ok"])
def test_articles_score_as_before(sentences: list[str]) -> None:
    assert_exact(sentences)


WORDS = [
    "good",
    "bad",
    "great",
    "terrible",
    "very",
    "really",
    "extremely",
    "not",
    "no",
    "never",
    "n't",
    "nice",
    "happy",
    "a",
    "is",
    "an",
    "the",
    "!",
    "(!)",
    ":)",
    ":-(",
    "xd",
    ";)",
    "<3",
    "'",
    "''",
    "'s",
    "really",
    "absolutely",
    "terribly",
    "badly",
    "only",
    "too",
    "more",
    "most",
    "!!",
    "?",
    ".",
    ",",
    "2008",
    "8)",
    "ok",
    "okay",
    "best",
    "worst",
    "uneasy",
    "a.",
    "by",
]


@FUZZ
@given(st.lists(st.sampled_from(WORDS), max_size=30))
def test_assessments_are_textblobs(words: list[str]) -> None:
    expected = [(a[1], a[2]) for a in textblob_sentiment.assessments((w, None) for w in words)]
    assert get_engine()._pattern.assessments(words) == expected
