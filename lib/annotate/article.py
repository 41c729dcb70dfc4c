"""One raw article in, one row of the article frame out.

The order matters: dates and PM mentions are read from the text before furniture is removed
(the date line at the top of a page is furniture, but it is also evidence), and the sitting PM
the text names is evidence for choosing among dates.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace

from lib.annotate.characters import plain_letters
from lib.annotate.cleaning import clean_text
from lib.annotate.dates import (
    DateChoice,
    choose_text_date,
    date_field_problem,
    parse_metadata_date,
)
from lib.annotate.outlets import choose_outlet
from lib.annotate.pms import PM_SCAN_CHARS, find_mentions, pm_named_most, pms_mentioned, sitting_pm_named
from lib.annotate.sentences import split_sentences
from lib.annotate.sentiment import Sentiment, SentimentEngine, tone_shares
from lib.annotate.titles import choose_title, heading_title
from lib.annotate.topics import TOPIC_SCAN_CHARS, score_topics, topic_scan
from lib.ingest.language import detect_language
from lib.ingest.readers import RawArticle, repaired
from lib.reference.taxonomy import Taxonomy
from lib.reference.tenures import pm_on, us_president_on
from lib.schema.columns import EXTRA_PREFIX

_WORD = re.compile(r"\w+(?:[’'-]\w+)*")


class EmptyArticle(ValueError):
    """Nothing of the article is left once site furniture is removed."""


@dataclass(frozen=True)
class PmChoice:
    date: DateChoice
    pm: str
    basis: str
    warnings: tuple[str, ...]


def normalised_text(text: str) -> str:
    """The form exact duplicates are compared in: case and spacing do not matter."""
    return " ".join(text.casefold().split())


def article_id(text: str) -> str:
    return hashlib.sha256(normalised_text(text).encode("utf-8")).hexdigest()[:16]


def choose_date(raw: RawArticle, sitting_pm: str) -> DateChoice:
    """Metadata first (a field the publisher filled in), else the text's evidence."""
    if raw.date:
        published = parse_metadata_date(raw.date)
        if published:
            return DateChoice(published, "metadata", f"{raw.date_field or 'date'}: {raw.date}")
        text_choice = choose_text_date(raw.text, sitting_pm=sitting_pm, pm_on=pm_on)
        warning = date_field_problem(raw.date)
        return replace(text_choice, warnings=(warning, *text_choice.warnings))
    return choose_text_date(raw.text, sitting_pm=sitting_pm, pm_on=pm_on)


def reconcile_pm(raw: RawArticle, choice: DateChoice, sitting_pm: str, named_most: str = "") -> PmChoice:
    """The PM in office on the date; undated, the PM the text names as sitting (or, with no
    title anywhere, the PM it keeps naming: `named_most`).

    The sitting PM named already weighed against dates of other terms when the date was chosen,
    so a conflict left here is a date with stronger evidence (a labelled or metadata date): it is
    kept, and the conflict is a warning.
    """
    if choice.published is None:
        named = sitting_pm or named_most
        return PmChoice(choice, named, "text" if named else "none", ())
    dated_pm = pm_on(choice.published)
    if not sitting_pm or sitting_pm == dated_pm:
        return PmChoice(choice, dated_pm, "date" if dated_pm else "none", ())
    conflict = (
        f"date {choice.published.isoformat()} ({choice.evidence}) falls in {dated_pm or 'no known'}'s"
        f" term, but the text names {sitting_pm} as the sitting prime minister; kept the date"
    )
    return PmChoice(choice, dated_pm, "date", (conflict,))


def with_plain_letters(raw: RawArticle) -> RawArticle:
    """`raw` with invisible characters and look-alike letters folded (lib/annotate/characters.py)."""
    text, notes = plain_letters(raw.text)
    title, _ = plain_letters(raw.title)
    if text == raw.text and title == raw.title:
        return raw
    return replace(raw, text=text, title=title, warnings=[*raw.warnings, *notes])


def tone_columns(sentence_polarity: list[float], engine: SentimentEngine) -> dict[str, float]:
    """Shares of positive and negative sentences and net tone, by the engine's own neutral band."""
    shares = tone_shares(sentence_polarity, neutral_band=engine.neutral_band)
    return {"positive_share": shares.positive, "negative_share": shares.negative, "net_tone": shares.net}


def analyze_base(raw: RawArticle, engine: SentimentEngine) -> dict:
    """Everything about an article that does not depend on the taxonomy: the costly part
    (cleaning, dates, PMs, sentences, sentiment). The store keeps it, so a taxonomy edit
    re-tags without re-scoring. Raises EmptyArticle when no text survives cleaning."""
    raw = with_plain_letters(repaired(raw))
    mentions = find_mentions(raw.text)
    sitting_pm, pm_warnings = sitting_pm_named(mentions)
    pm_choice = reconcile_pm(raw, choose_date(raw, sitting_pm), sitting_pm, pm_named_most(mentions))
    date_choice = pm_choice.date

    cleaned = clean_text(raw.text, whole_field=raw.whole_field)
    heading = raw.title.strip() or heading_title(cleaned.lines)
    body = [line for line in cleaned.lines if line != heading]
    headline_only = not body  # a headline alone (a row of a headlines table) is its own text
    if headline_only:
        body = list(cleaned.lines)
    body_sentences = split_sentences("\n".join(body))
    if not body_sentences:
        raise EmptyArticle("no article text is left after removing site furniture")
    title, title_basis = choose_title(raw.title, heading, body_sentences[0])
    # The headline is part of what a reader sees: it is tagged and scored with the body.
    sentences = ([title] if title_basis in ("metadata", "heading") and not headline_only else []) + body_sentences
    # One pass over the sentences joined: no word runs across the newline between two.
    n_words = len(_WORD.findall("\n".join(sentences)))

    language = detect_language("\n".join(body))
    warnings = [*raw.warnings, *date_choice.warnings, *pm_warnings, *pm_choice.warnings]
    if sum(len(sentence) + 1 for sentence in sentences) > TOPIC_SCAN_CHARS:
        warnings.append(f"a very long text: its topics are read from its first {TOPIC_SCAN_CHARS:,} characters")
    if len(raw.text) > PM_SCAN_CHARS:
        warnings.append(f"a very long text: prime ministers are looked for in its first {PM_SCAN_CHARS:,} characters")
    if raw.repairs:
        warnings.append(f"repaired {raw.repairs} mis-decoded character sequence(s) (mojibake)")
    if language == "en":
        scored = engine.score(sentences)
        document, sentence_polarity = scored.document, [s.polarity for s in scored.sentences]
    else:
        warnings.append(
            f"language '{language}', not English: the sentiment rules are English, so tone was not scored;"
            " topics are tagged by the taxonomy's terms for the language, where it has them"
        )
        document, sentence_polarity = Sentiment(0.0, 0.0), [0.0] * len(sentences)

    text = "\n\n".join(body)
    return {
        "article_id": article_id(text),
        "source": raw.source,
        "title": title,
        "title_basis": title_basis,
        **choose_outlet(text=raw.text, url=raw.url, metadata_outlet=raw.outlet, title=raw.title).as_columns(),
        "url": raw.url,
        "published": date_choice.published,
        "date_basis": date_choice.basis,
        "date_evidence": date_choice.evidence,
        "pm": pm_choice.pm,
        "pm_basis": pm_choice.basis,
        "pms_mentioned": pms_mentioned(mentions),
        "us_president": us_president_on(date_choice.published),
        "language": language,
        "n_words": n_words,
        "polarity": document.polarity,
        "subjectivity": document.subjectivity,
        **tone_columns(sentence_polarity, engine),
        "furniture_removed": list(cleaned.removed),
        "warnings": warnings,
        "text": text,
        # Not frame columns: what tagging needs, kept so the store can re-tag.
        "sentences": sentences,
        "sentence_polarity": sentence_polarity,
        **{f"{EXTRA_PREFIX}{k}": v for k, v in raw.extra.items()},
    }


def tag_article(base: dict, taxonomy: Taxonomy) -> dict:
    """The topic columns for an analysed article. Every language is tagged: the taxonomy holds
    terms in the languages it covers (a text in another one simply matches none)."""
    sentences, n_words = topic_scan(list(base["sentences"]), base["n_words"])
    sentiments = tuple(Sentiment(p, 0.0) for p in base["sentence_polarity"][: len(sentences)])
    scores = score_topics(sentences, sentiments, n_words, taxonomy)
    return {
        "topics": [s.key for s in scores if s.tagged],
        "topic_scores": [s.as_record() for s in scores],
    }


def analyze_article(raw: RawArticle, taxonomy: Taxonomy, engine: SentimentEngine) -> dict:
    """The frame row for one article (plus the fields the store keeps for re-tagging)."""
    base = analyze_base(raw, engine)
    return {**base, **tag_article(base, taxonomy)}
