"""A faster, output-identical copy of TextBlob's pattern sentiment (tokenizer and assessments).

`PatternSentiment.tokens` and `PatternSentiment.assessments` follow `find_tokens` and
`Sentiment.assessments` in textblob/_text.py of TextBlob 0.20 (pinned in pyproject.toml to the
minor version this copy mirrors). They give what TextBlob gives, to the last bit
(tests/annotate/test_sentiment_exact.py compares them with TextBlob itself), without the costs our
use does not need: TextBlob's lexicon is a `lazydict`, so every lookup is a Python method call; its
tokenizer runs a loop of string tests over every token, though most tokens are plain words with
nothing to split off; its sentences are built only for two substitutions that rarely apply.

Copied and adapted code. TextBlob: Copyright Steven Loria and contributors, MIT licence
(LICENSES/textblob-MIT.txt). TextBlob's _text.py is adapted from Pattern: Copyright (c) 2012
University of Antwerp, Belgium (CLiPS), BSD licence (LICENSES/pattern-BSD-3-Clause.txt).
"""

from __future__ import annotations

import re


def _spaced_spellings(mark: str) -> list[str]:
    """Regexes for `mark` with a space between some of its characters (at least one)."""
    chars = [re.escape(c) for c in mark]
    return ["".join(chars[: k + 1]) + " " + " ?".join(chars[k + 1 :]) for k in range(len(chars) - 1)]


_BOOST = object()  # "!" in PatternSentiment._marks


class PatternSentiment:
    def __init__(self) -> None:
        from textblob import _text
        from textblob.en import sentiment

        len(sentiment)  # loads the lexicon (a lazydict)
        if sentiment.tokenizer.__func__ is not _text.Parser.find_tokens or (
            sentiment.negations,
            sentiment.modifiers,
        ) != (("no", "not", "n't", "never"), ("RB",)):
            raise RuntimeError("TextBlob's English sentiment is not configured as this copy expects")
        self._text = _text
        assert all("'" in a for a in _text.replacements)  # (tokens() relies on it)
        # Words assessed when no part of speech is given (every word TextBlob's loader keeps has
        # a None entry): word -> (polarity, subjectivity, intensity).
        self._lexicon = {w: tuple(pos[None]) for w, pos in dict.items(sentiment) if None in pos}
        # Known words that modify the next known word ("very good").
        self._modifiers = frozenset(
            w for w, pos in dict.items(sentiment) if any(map(pos.__contains__, sentiment.modifiers))
        )
        self._negations = sentiment.negations
        # Emoticon (lower-cased) -> polarity of the first EMOTICONS entry that holds it.
        self._emoticons: dict[str, float] = {}
        for (_type, p), e in _text.EMOTICONS.items():
            for each in e:
                self._emoticons.setdefault(each.lower(), p)
        # Unknown words that assessments() scores on their own: "!" boosts the assessment
        # before it, "(!)" (sarcasm) and an emoticon are assessed. An emoticon counts only if
        # TextBlob looks it up: not all letters, at most five characters, not punctuation.
        self._marks: dict[str, object] = {
            e: p
            for e, p in self._emoticons.items()
            if e.isalpha() is False and len(e) <= 5 and e not in _text.PUNCTUATION
        }
        assert "!" not in self._marks and "(!)" not in self._marks
        self._marks["!"] = _BOOST
        self._marks["(!)"] = 0.0
        self._punct = tuple(_text.PUNCTUATION.replace(".", ""))
        self._leading = frozenset(self._punct)
        self._trailing = self._leading | {"."}
        # What find_tokens' per-sentence substitutions would change: a sarcasm mark or an
        # emoticon spelt with spaces, the emoticon followed by a space or the end (as in
        # RE_EMOTICONS). `_spaced_pair` (two adjacent characters of one, a space between) is a
        # quick test for where to look; `_spaced_mark` lists every spelling with a space.
        marks = ["(!)", *(e for v in _text.EMOTICONS.values() for e in v)]
        self._pairs = {f"{e[k]} {e[k + 1]}" for e in marks for k in range(len(e) - 1)}
        firsts, seconds = ("".join(sorted({p[i] for p in self._pairs})) for i in (0, 2))
        # (Matching one character, so that candidates may overlap.)
        self._spaced_pair = re.compile(f"[{re.escape(firsts)}](?= [{re.escape(seconds)}])")
        self._spaced_mark = re.compile(
            "|".join(_spaced_spellings("(!)"))
            + "|(?:"
            + "|".join(s for e in marks[1:] for s in _spaced_spellings(e))
            + r")(?=\s|$)"
        )
        abbreviations = (_text.RE_ABBR1, _text.RE_ABBR2, _text.RE_ABBR3)
        # Matches where any of the three does (each is anchored at both ends).
        self._abbreviation = re.compile("|".join(f"(?:{r.pattern})" for r in abbreviations))

    def _may_substitute(self, flat: str) -> bool:
        """Whether `flat` holds a sarcasm mark or an emoticon spelt with a space (`_spaced_pair`
        finds a superset of the adjacent pairs of characters with a space between)."""
        pairs = self._pairs
        for pair in self._spaced_pair.finditer(flat):
            start = pair.start()
            if flat[start : start + 3] in pairs:
                # A spelling is at most 9 characters and holds the pair: it and the character
                # after it lie in this window (a window that ends early only adds matches).
                if self._spaced_mark.search(flat, max(0, start - 10), start + 12):
                    return True
        return False

    def tokens(self, string: str) -> str:
        """`" ".join(textblob._text.find_tokens(string))`: TextBlob's tokens, space-separated."""
        _text = self._text
        # Contractions ("n't" -> " n't"): find_tokens runs re.sub on these literal patterns
        # (each holds an apostrophe: many articles have none).
        if "'" in string:
            for a, b in _text.replacements.items():
                if a in string:
                    string = string.replace(a, b)
        string = (
            string.replace("“", " “ ")
            .replace("”", " ” ")
            .replace("‘", " ‘ ")
            .replace("’", " ’ ")
            .replace("'", " ' ")
            .replace('"', ' " ')
        )
        if "\n" in string:
            string = string.replace("\r\n", "\n")
            string = re.sub(r"\n{2,}", f" {_text.EOS} ", string)
        # find_tokens collapses whitespace, then takes the `(\S+)\s` runs: str.split() gives the
        # same runs (re and str share Python's definition of whitespace).
        tokens: list[str] = []
        append, leading, trailing = tokens.append, self._leading, self._trailing
        for t in string.split():
            last = t[-1]
            if last not in trailing:
                if t[0] not in leading:
                    append(t)  # nothing to split off: find_tokens' loops would not run
                    continue
            elif t[0] not in leading and len(t) > 1 and t[-2] not in trailing:
                # One mark after a word, the commonest split: find_tokens' loops, unrolled.
                if last != ".":
                    append(t[:-1])
                    append(last)
                    continue
                if t in _text.ABBREVIATIONS or self._abbreviation.match(t) is not None:
                    append(t)  # an abbreviation keeps its period
                else:
                    append(t[:-1])
                    append(last)
                continue
            self._split_punctuation(t, tokens)
        words = [t for t in tokens if t != _text.EOS] if _text.EOS in string else tokens
        flat = " ".join(words)
        if not self._may_substitute(flat):
            # find_tokens groups tokens into sentences only to substitute, in each sentence's
            # text, "(!)" for "( ! )" and an emoticon for the same emoticon spelt with spaces,
            # and then drops the end-of-paragraph tokens. Each sentence's text is a substring of
            # the tokens joined, and a substitution that changes it removes a space inside a
            # spelling of a sarcasm mark or an emoticon (followed by a space or the end, for an
            # emoticon): with no such spelling in the joined tokens, every substitution leaves
            # its sentence as it was.
            return flat
        return " ".join(self._sentences(tokens))

    def _split_punctuation(self, t: str, tokens: list[str]) -> None:
        """find_tokens' loop body for one whitespace-separated chunk (unchanged)."""
        _text, punctuation, replace = self._text, self._punct, self._text.replacements
        tail = []
        while t.startswith(punctuation) and t not in replace:
            # Split leading punctuation.
            if t.startswith(punctuation):
                tokens.append(t[0])
                t = t[1:]
        while t.endswith(punctuation + (".",)) and t not in replace:
            # Split trailing punctuation.
            if t.endswith(punctuation):
                tail.append(t[-1])
                t = t[:-1]
            # Split ellipsis (...) before splitting period.
            if t.endswith("..."):
                tail.append("...")
                t = t[:-3].rstrip(".")
            # Split period (if not an abbreviation).
            if t.endswith("."):
                if (
                    t in _text.ABBREVIATIONS
                    or _text.RE_ABBR1.match(t) is not None
                    or _text.RE_ABBR2.match(t) is not None
                    or _text.RE_ABBR3.match(t) is not None
                ):
                    break
                else:
                    tail.append(t[-1])
                    t = t[:-1]
        if t != "":
            tokens.append(t)
        tokens.extend(reversed(tail))

    def _sentences(self, tokens: list[str]) -> list[str]:
        """find_tokens' sentence grouping and per-sentence substitutions (unchanged)."""
        _text = self._text
        EOS = _text.EOS
        sentences, i, j = [[]], 0, 0
        while j < len(tokens):
            if tokens[j] in ("...", ".", "!", "?", EOS):
                # Handle citations, trailing parenthesis, repeated punctuation (!?).
                while j < len(tokens) and tokens[j] in (
                    "'",
                    '"',
                    "”",
                    "’",
                    "...",
                    ".",
                    "!",
                    "?",
                    ")",
                    EOS,
                ):
                    if tokens[j] in ("'", '"') and sentences[-1].count(tokens[j]) % 2 == 0:
                        break  # Balanced quotes.
                    j += 1
                sentences[-1].extend(t for t in tokens[i:j] if t != EOS)
                sentences.append([])
                i = j
            j += 1
        sentences[-1].extend(tokens[i:j])
        sentences = (" ".join(s) for s in sentences if len(s) > 0)
        sentences = (_text.RE_SARCASM.sub("(!)", s) for s in sentences)
        return [_text.RE_EMOTICONS.sub(lambda m: m.group(1).replace(" ", "") + m.group(2), s) for s in sentences]

    # noqa: C901 below: this mirrors TextBlob's Sentiment.assessments branch for branch, so the
    # port can be checked against the original line by line; splitting it would hide that.
    def assessments(self, words: list[str]) -> list[tuple[float, float]]:  # noqa: C901
        """(polarity, subjectivity) of each assessment TextBlob's `Sentiment.assessments` makes
        of `words` (lower-cased tokens, no part of speech, negation on), in its order."""
        lexicon, modifiers, negations = self._lexicon, self._modifiers, self._negations
        marks = self._marks
        a: list[list] = []  # [polarity, subjectivity, intensity, negated (-1) or not (1)]
        m = None  # Preceding modifier (i.e., adverb or adjective).
        n = None  # Preceding negation (e.g., "not beautiful").
        for w in words:
            known = lexicon.get(w)
            if known is not None:
                p, s, i = known
                # Known word not preceded by a modifier ("good").
                if m is None:
                    a.append([p, s, i, 1])
                # Known word preceded by a modifier ("really good").
                else:
                    last = a[-1]
                    last[0] = max(-1.0, min(p * last[2], +1.0))
                    last[1] = max(-1.0, min(s * last[2], +1.0))
                    last[2] = i
                # Known word preceded by a negation ("not really good").
                if n is not None:
                    last = a[-1]
                    last[2] = 1.0 / last[2]
                    last[3] = -1
                # Known word may be a negation.
                # Known word may be modifying the next word (i.e., it is a known adverb).
                m = w if w in modifiers else None
                n = w if w in negations else None
            else:
                if m is None and n is None:
                    # (All that TextBlob's tests below can change in this state.)
                    if w in negations:
                        n = w
                else:
                    # Unknown word may be a negation ("not good").
                    if w in negations:
                        n = w
                    # Unknown word. Retain negation across small words ("not a good").
                    elif n and len(w.strip("'")) > 1:
                        n = None
                    # Unknown word may be a negation preceded by a modifier ("really not good").
                    if n is not None and m is not None and m.endswith("ly"):
                        a[-1][3] = -1
                        n = None
                    # Unknown word. Retain modifier across small words ("really is a good").
                    elif m is not None and len(w) > 2:
                        m = None
                mark = marks.get(w)
                if mark is None:
                    continue
                # Exclamation marks boost previous word.
                if mark is _BOOST:
                    if len(a) > 0:
                        a[-1][0] = max(-1.0, min(a[-1][0] * 1.25, +1.0))
                # Exclamation marks in parentheses indicate sarcasm; emoticons carry a mood.
                else:
                    a.append([mark, 1.0, 1.0, 1])
        # "not good" = slightly bad, "not bad" = slightly good.
        return [(p * -0.5 if n < 0 else p, s) for p, s, _, n in a]
