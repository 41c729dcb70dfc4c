"""The topic taxonomy: loaded from TOML, validated, compiled into matchers once.

A taxonomy is data (see lib/reference/data/taxonomy.toml); this module only turns its entries into
regular expressions and reports mistakes in it with the topic and field named.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_TAXONOMY_PATH = Path(__file__).parent / "data" / "taxonomy.toml"

# Used when a topic declares no colour: a qualitative palette that reads on light and dark themes.
FALLBACK_COLOURS = ("#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f", "#ff7f0e")


class TaxonomyError(ValueError):
    """A taxonomy file that cannot be used, with the reason in plain words."""


def entry_to_regex(entry: str) -> str:
    """One term or phrase of the taxonomy as a regex fragment, without word boundaries.

    Words are separated by any run of spaces or hyphens; a trailing * on a word matches any
    word ending; dots stay literal ("U.S.").
    """
    words = [w for w in re.split(r"[\s\-]+", entry.strip()) if w]
    if not words:
        raise ValueError("empty entry")
    parts = []
    for word in words:
        if word.endswith("*"):
            parts.append(re.escape(word[:-1]) + r"[\w'’-]*")
        else:
            parts.append(re.escape(word))
    return r"[\s\-]+".join(parts)


def _alternation(entries: list[str]) -> str:
    """Entries as one alternation between word boundaries that also work when an entry starts or
    ends with a symbol ("F-35", "U.S."). The boundaries stand once, outside the alternation, so
    the engine rejects most positions before trying any entry."""
    # Longest first so "trade deficit" wins over "trade" at the same position.
    # (lib.annotate.topics relies on the pattern starting with this lookbehind.)
    ordered = sorted(entries, key=len, reverse=True)
    return r"(?<![\w-])(?:" + "|".join(entry_to_regex(e) for e in ordered) + r")(?!\w)"


def match_starts(literals: list[str]) -> tuple[str, ...] | None:
    """The shortest of `literals` that every match of a pattern starts with (each literal is the
    fixed text one alternative of the pattern begins with), or None if one is empty. lib.annotate.topics
    finds where they occur with str.find, which is many times faster than scanning the text with
    the pattern, and tries the pattern only there. A literal that begins with a shorter one adds
    no place to try."""
    if not all(literals):
        return None
    kept: list[str] = []
    for literal in sorted(set(literals), key=lambda x: (len(x), x)):
        if not any(literal.startswith(k) for k in kept):
            kept.append(literal)
    return tuple(kept)


def entry_start(entry: str) -> str:
    """The fixed text every match of entry_to_regex(entry) begins with ("" if none)."""
    first = next(w for w in re.split(r"[\s\-]+", entry.strip()) if w)
    return first[:-1] if first.endswith("*") else first


@dataclass(frozen=True)
class Topic:
    key: str
    label: str
    colour: str
    description: str
    terms: tuple[str, ...]
    phrases: tuple[str, ...]
    patterns: tuple[str, ...]
    exclude: tuple[str, ...]
    min_hits: int
    matcher: re.Pattern = field(repr=False, compare=False)  # everything, case-insensitive
    excluder: re.Pattern | None = field(repr=False, compare=False)
    # The fast path (lib.annotate.topics.topic_spans): terms and phrases lower-cased, matched without
    # IGNORECASE on lower-cased text, which lets the regex engine skip most positions; the
    # raw patterns keep IGNORECASE and run on the original text.
    word_matcher: re.Pattern | None = field(default=None, repr=False, compare=False)
    pattern_matcher: re.Pattern | None = field(default=None, repr=False, compare=False)
    word_excluder: re.Pattern | None = field(default=None, repr=False, compare=False)
    # What every match of word_matcher / word_excluder starts with (see match_starts).
    word_starts: tuple[str, ...] | None = field(default=None, repr=False, compare=False)
    excluder_starts: tuple[str, ...] | None = field(default=None, repr=False, compare=False)


@dataclass(frozen=True)
class Negation:
    negators: tuple[str, ...]
    verbs: tuple[str, ...]
    max_gap_words: int
    before: re.Pattern = field(repr=False, compare=False)
    after: re.Pattern = field(repr=False, compare=False)
    any_negator: re.Pattern = field(repr=False, compare=False)  # lower-cased text: a cheap first test
    negator_starts: tuple[str, ...] | None = field(default=None, repr=False, compare=False)


@dataclass(frozen=True)
class Taxonomy:
    version: str
    topics: tuple[Topic, ...]
    negation: Negation
    source_text: str = field(repr=False)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(t.key for t in self.topics)

    @property
    def fingerprint(self) -> str:
        """Changes whenever the rules change: the store uses it to know when to re-tag."""
        return hashlib.sha256(self.source_text.encode("utf-8")).hexdigest()[:16]

    def topic(self, key: str) -> Topic:
        for topic in self.topics:
            if topic.key == key:
                return topic
        raise KeyError(key)

    def labels(self) -> dict[str, str]:
        return {t.key: t.label for t in self.topics}

    def colours(self) -> dict[str, str]:
        return {t.key: t.colour for t in self.topics}


def _string_list(raw: dict, name: str, where: str) -> tuple[str, ...]:
    value = raw.get(name, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise TaxonomyError(f"{where}: '{name}' must be a list of non-empty strings")
    return tuple(value)


def _compile(regex: str, where: str) -> re.Pattern:
    try:
        return re.compile(regex, re.IGNORECASE)
    except re.error as error:
        raise TaxonomyError(f"{where}: invalid pattern ({error})") from error


def _build_topic(raw: dict, index: int) -> Topic:
    key = raw.get("key")
    if not isinstance(key, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", key):
        raise TaxonomyError(f"topic #{index + 1}: 'key' must be lower-case letters, digits and _ (got {key!r})")
    where = f"topic '{key}'"
    terms = _string_list(raw, "terms", where)
    phrases = _string_list(raw, "phrases", where)
    patterns = _string_list(raw, "patterns", where)
    exclude = _string_list(raw, "exclude", where)
    if not (terms or phrases or patterns):
        raise TaxonomyError(f"{where}: needs at least one of terms, phrases or patterns")
    min_hits = raw.get("min_hits", 1)
    if not isinstance(min_hits, int) or min_hits < 1:
        raise TaxonomyError(f"{where}: 'min_hits' must be a whole number of at least 1")
    for pattern in patterns:
        _compile(pattern, f"{where}, pattern {pattern!r}")
    alternatives = [_alternation(list(terms + phrases))] if terms or phrases else []
    alternatives += [f"(?:{p})" for p in patterns]
    colour = raw.get("colour") or FALLBACK_COLOURS[index % len(FALLBACK_COLOURS)]
    return Topic(
        key=key,
        label=str(raw.get("label") or key.replace("_", " ").capitalize()),
        colour=str(colour),
        description=str(raw.get("description", "")),
        terms=terms,
        phrases=phrases,
        patterns=patterns,
        exclude=exclude,
        min_hits=min_hits,
        matcher=_compile("|".join(alternatives), where),
        excluder=_compile(_alternation(list(exclude)), f"{where}, exclude") if exclude else None,
        word_matcher=re.compile(_alternation([e.lower() for e in terms + phrases])) if terms or phrases else None,
        pattern_matcher=_compile("|".join(f"(?:{p})" for p in patterns), where) if patterns else None,
        word_excluder=re.compile(_alternation([e.lower() for e in exclude])) if exclude else None,
        word_starts=match_starts([entry_start(e.lower()) for e in terms + phrases]),
        excluder_starts=match_starts([entry_start(e.lower()) for e in exclude]),
    )


def _build_negation(raw: dict) -> Negation:
    negators = _string_list(raw, "negators", "[negation]") or ("not", "n't", "never", "no")
    verbs = _string_list(raw, "verbs", "[negation]") or ("discuss*", "mention*")
    gap = raw.get("max_gap_words", 3)
    if not isinstance(gap, int) or gap < 0:
        raise TaxonomyError("[negation]: 'max_gap_words' must be a whole number")
    negator = "|".join(re.escape(n) if n.startswith("n'") else rf"\b{re.escape(n)}\b" for n in negators)
    verb = _alternation(list(verbs))
    gap_words = rf"(?:[\w'’-]+\s+){{0,{gap}}}"
    # "did not discuss [the] <mention>": negator, verb, then a few words up to the mention.
    before = _compile(rf"(?:{negator})\s*{gap_words}(?:{verb})\s+{gap_words}$", "[negation]")
    # "<mention> [were] not discussed": right after the mention, in the same clause.
    after = _compile(rf"^\W*{gap_words}(?:{negator})\s*{gap_words}(?:{verb})", "[negation]")
    # Lower-case negators, no IGNORECASE: run over lower-cased text, it is several times faster.
    # One \b around the alternation, not one per word: the engine then skips positions fast.
    words = "|".join(re.escape(n.lower()) for n in negators if not n.startswith("n'"))
    clitics = [re.escape(n.lower()) for n in negators if n.startswith("n'")]
    any_negator = re.compile("|".join([rf"\b(?:{words})\b", *clitics] if words else clitics))
    return Negation(negators, verbs, gap, before, after, any_negator, match_starts([n.lower() for n in negators]))


def parse_taxonomy(text: str, *, name: str = "taxonomy") -> Taxonomy:
    """Parse taxonomy TOML text; raise TaxonomyError naming the file and the problem."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise TaxonomyError(f"{name}: not valid TOML ({error})") from error
    raw_topics = raw.get("topic")
    if not isinstance(raw_topics, list) or not raw_topics:
        raise TaxonomyError(f"{name}: declares no [[topic]] blocks")
    try:
        topics = tuple(_build_topic(t, i) for i, t in enumerate(raw_topics))
        negation = _build_negation(raw.get("negation", {}))
    except TaxonomyError as error:
        raise TaxonomyError(f"{name}: {error}") from error
    keys = [t.key for t in topics]
    duplicates = sorted({k for k in keys if keys.count(k) > 1})
    if duplicates:
        raise TaxonomyError(f"{name}: topic keys declared twice: {', '.join(duplicates)}")
    return Taxonomy(str(raw.get("version", "unversioned")), topics, negation, text)


def load_taxonomy(path: str | Path | None = None) -> Taxonomy:
    """Load a taxonomy file; None loads the bundled default."""
    file = Path(path) if path is not None else DEFAULT_TAXONOMY_PATH
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as error:
        raise TaxonomyError(f"{file}: cannot read taxonomy ({error.strerror or error})") from error
    return parse_taxonomy(text, name=str(file))


_DEFAULT: Taxonomy | None = None


def default_taxonomy() -> Taxonomy:
    """The bundled taxonomy, parsed once per process (it is immutable)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = load_taxonomy()
    return _DEFAULT
