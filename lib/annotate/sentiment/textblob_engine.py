"""TextBlob's pattern-based lexicon: the default engine, as the product's design asks.

Each sentence gets TextBlob's own figure for that sentence (`TextBlob(sentence).sentiment`, to
the last bit). The document score pools every sentence's assessments (TextBlob's polarity of a
text is the mean over its assessed words and phrases), so it weighs sentences by how many
assessments they hold. It is close to, but not always equal to, TextBlob on the whole text joined:
TextBlob's "!" boosts the last assessed word before it even when that word is sentences earlier,
and a negation or modifier can carry over a sentence end, where ours start afresh at each sentence.
"""

from __future__ import annotations

from importlib.metadata import version

from lib.annotate.sentiment.interface import ScoredText, Sentiment
from lib.annotate.sentiment.textblob_port import PatternSentiment

# A token TextBlob's tokenizer keeps whole and no article contains.
SENTENCE_BREAK = "qqsentencebreakqq"
_ADJACENT_BREAKS = f" {SENTENCE_BREAK} {SENTENCE_BREAK} "


class TextBlobEngine:
    """TextBlob's pattern-based lexicon. General-purpose: weak on the tone of news reporting
    (it scores exactly 0 on most economic headlines, which carry no opinion adjectives)."""

    name = "textblob"
    label = "TextBlob"  # how charts and the sidebar name it
    neutral_band = 0.0  # |polarity| at or below this counts as neutral in tone shares

    def __init__(self) -> None:
        self._pattern = PatternSentiment()
        self.version = version("textblob")

    def _tokens_per_sentence(self, sentences: list[str]) -> list[list[str]]:
        """TextBlob's own tokens (lower-cased, as its sentiment reads them), tokenized once over
        the article rather than once per sentence (its fixed cost per call dominated the
        analysis); a marker word keeps sentences apart."""
        if not sentences:
            return []
        joined = f" {SENTENCE_BREAK} ".join(sentences)
        flat = f" {self._pattern.tokens(joined)} "  # tokens, each with a space on either side
        if _ADJACENT_BREAKS in flat:
            groups: list[list[str]] = [[]]
            for token in flat.split():
                if token == SENTENCE_BREAK:
                    groups.append([])
                else:
                    groups[-1].append(token.lower())
            return groups
        # With no two breaks adjacent, each break token is a separate " break " in `flat`.
        # Lower-casing a run of tokens equals lower-casing each token: the space between them
        # stops the context the one context-dependent rule (Greek final sigma) looks at.
        lowered = flat.lower()
        if lowered.count(SENTENCE_BREAK) == flat.count(SENTENCE_BREAK):
            # Lower-casing made no new break (from "QQSENTENCEBREAKQQ", say): the breaks of
            # `lowered` are those of `flat`, so its parts are the parts of `flat` lower-cased.
            return [part.split() for part in lowered.split(f" {SENTENCE_BREAK} ")]
        return [part.lower().split() for part in flat.split(f" {SENTENCE_BREAK} ")]

    def score(self, sentences: list[str]) -> ScoredText:
        per_sentence = []
        polarity_sum = subjectivity_sum = 0.0
        assessments = 0
        assess = self._pattern.assessments
        for tokens in self._tokens_per_sentence(sentences):
            found = assess(tokens)
            if found:
                polarity = sum(a[0] for a in found)
                subjectivity = sum(a[1] for a in found)
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
