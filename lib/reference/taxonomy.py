"""The topic taxonomy: loaded from TOML, validated, compiled into matchers once.

A taxonomy is data (see lib/reference/data/taxonomy.toml); this module only turns its entries into
regular expressions and reports mistakes in it with the topic and field named.

A topic is tagged by salience, not presence: its mentions are grouped into weighted cues, framing
phrases veto the mentions they cover, and the topic's rule (weight, distinct terms, weight per
1,000 words, the lead counted more) decides. lib.annotate.topics applies it.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from lib.reference.pattern_starts import pattern_starts

DEFAULT_TAXONOMY_PATH = Path(__file__).parent / "data" / "taxonomy.toml"

# Used when a topic declares no colour: a qualitative palette that reads on light and dark themes.
FALLBACK_COLOURS = ("#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f", "#ff7f0e")

# "buy* ... fighter*": the words on either side with up to `gap_words` words between them.
GAP = "..."
DEFAULT_GAP_WORDS = 4


class TaxonomyError(ValueError):
    """A taxonomy file that cannot be used, with the reason in plain words."""


def entry_to_regex(entry: str, gap_words: int = DEFAULT_GAP_WORDS) -> str:
    """One term or phrase of the taxonomy as a regex fragment, without word boundaries.

    Words are separated by any run of spaces or hyphens; a trailing * on a word matches any
    word ending; dots stay literal ("U.S."); a "..." word stands for up to `gap_words` words
    of the same sentence (sentences are joined by newlines, which a gap never crosses).
    """
    words = [w for w in re.split(r"[\s\-]+", entry.strip()) if w]
    if not words:
        raise ValueError("empty entry")
    if words[0] == GAP or words[-1] == GAP:
        raise ValueError(f"'{GAP}' must stand between two words")
    regex, gap = "", False
    for word in words:
        if word == GAP:
            gap = True
            continue
        if regex:
            regex += rf"(?:[^\S\n]+[^\s]+){{0,{gap_words}}}?[^\S\n]+" if gap else r"[\s\-]+"
        regex += re.escape(word[:-1]) + r"[\w'’-]*" if word.endswith("*") else re.escape(word)
        gap = False
    return regex


def _alternation(entries: list[str], gap_words: int = DEFAULT_GAP_WORDS) -> str:
    """Entries as one alternation between word boundaries that also work when an entry starts or
    ends with a symbol ("F-35", "U.S."). The boundaries stand once, outside the alternation, so
    the engine rejects most positions before trying any entry."""
    # Longest first so "trade deficit" wins over "trade" at the same position.
    # (lib.annotate.topics relies on the pattern starting with this lookbehind.)
    ordered = sorted(entries, key=len, reverse=True)
    return r"(?<![\w-])(?:" + "|".join(entry_to_regex(e, gap_words) for e in ordered) + r")(?!\w)"


# "*zölle": a word that may close a compound ("Strafzölle", "Autozölle").
COMPOUND_TAIL = "*"


def is_unbounded(entry: str, unspaced: re.Pattern | None) -> bool:
    """Whether `entry` is matched without a word boundary before it: it may close a compound
    ("*zölle"), or it is written in a language without spaces between words (its letters match
    `unspaced`), where a word boundary is nowhere to be found ("関税" in "相互関税")."""
    compound_tail = entry.startswith(COMPOUND_TAIL) and bool(entry[len(COMPOUND_TAIL) :].strip())
    return compound_tail or (unspaced is not None and bool(unspaced.search(entry)))


def _unbounded_start(entry: str) -> str:
    """The fixed text every match of an unbounded entry begins with (a compound tail's own)."""
    return entry_start(entry[len(COMPOUND_TAIL) :] if entry.startswith(COMPOUND_TAIL) else entry)


def _unbounded_alternation(entries: list[str], gap_words: int, unspaced: re.Pattern | None) -> str:
    """Entries matched inside words: a compound's tail still ends at a word boundary; an entry
    in an unspaced language has no boundary on either side."""
    ordered = sorted(entries, key=len, reverse=True)
    alternatives = []
    for entry in ordered:
        tail = entry.startswith(COMPOUND_TAIL) and bool(entry[len(COMPOUND_TAIL) :].strip())
        regex = entry_to_regex(entry[1:] if tail else entry, gap_words)
        alternatives.append(regex + (r"(?!\w)" if tail and not (unspaced and unspaced.search(entry)) else ""))
    return "(?:" + "|".join(alternatives) + ")"


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
class Matcher:
    """Compiled entries (terms, phrases, patterns) and the exclusions that cancel their matches.

    `matcher` matches everything, case-insensitive. The fast path (lib.annotate.topics.topic_spans):
    terms and phrases lower-cased, matched without IGNORECASE on lower-cased text, which lets the
    regex engine skip most positions; the raw patterns keep IGNORECASE and run on the original
    text; *_starts say what every match begins with (see match_starts).
    """

    matcher: re.Pattern = field(repr=False, compare=False)
    excluder: re.Pattern | None = field(repr=False, compare=False)
    word_matcher: re.Pattern | None = field(default=None, repr=False, compare=False)
    pattern_matcher: re.Pattern | None = field(default=None, repr=False, compare=False)
    word_excluder: re.Pattern | None = field(default=None, repr=False, compare=False)
    # Entries and exclusions matched inside words (is_unbounded), lower-cased like word_matcher,
    # and the literals their matches begin with.
    free_matcher: re.Pattern | None = field(default=None, repr=False, compare=False)
    free_excluder: re.Pattern | None = field(default=None, repr=False, compare=False)
    free_starts: tuple[str, ...] | None = field(default=None, repr=False, compare=False)
    free_excluder_starts: tuple[str, ...] | None = field(default=None, repr=False, compare=False)
    word_starts: tuple[str, ...] | None = field(default=None, repr=False, compare=False)
    excluder_starts: tuple[str, ...] | None = field(default=None, repr=False, compare=False)
    # The lower-case literals every raw pattern's match begins with (lib.reference.pattern_starts),
    # None when one pattern's start cannot be read: then the patterns scan the whole text.
    pattern_starts: tuple[str, ...] | None = field(default=None, repr=False, compare=False)


@dataclass(frozen=True)
class Cue(Matcher):
    """A group of a topic's entries that weigh the same: "deterrence and threats" weighs more than
    the bare word "security". A mention of a cue with `yields_to` does not count in a sentence
    that counts for one of those topics ("imports" in a sentence about a tariff is the tariff)."""

    name: str = ""
    weight: float = 1.0
    entries: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    yields_to: tuple[str, ...] = ()


@dataclass(frozen=True)
class Framing(Matcher):
    """Wording that uses a topic's words without being about the topic ("key ally", Section 232
    "national security"): a mention inside a match is vetoed, and the reason says why."""

    reason: str = ""
    entries: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()


@dataclass(frozen=True)
class Beside:
    """A higher bar for a topic in a text tagged with another one: beside defense spending, the
    alliance words a budget piece gives as its reason are not yet a discussion of security."""

    topic: str
    min_weight: float
    reason: str
    # ... unless its weight is at least this share of the other topic's: then the two are
    # discussed side by side, and neither is a backdrop to the other. 0: no such exception.
    or_share: float = 0.0


@dataclass(frozen=True)
class Rule:
    """When a topic is tagged: its mentions' weight (a mention in the lead counts `lead_factor`
    times) reaches `min_weight`, from at least `min_distinct` different terms, and the weight per
    1,000 words reaches `min_weight_per_1000_words` (so one passing mention in a long article
    does not tag it). `beside`: the weight it needs when another topic is tagged too."""

    min_weight: float = 1.0
    min_distinct: int = 1
    min_weight_per_1000_words: float = 0.0
    lead_sentences: int = 0
    lead_factor: float = 1.0
    beside: tuple[Beside, ...] = ()

    def describe(self) -> str:
        parts = [f"weight ≥ {self.min_weight:g}"]
        if self.min_distinct > 1:
            parts.append(f"≥ {self.min_distinct} distinct terms")
        if self.min_weight_per_1000_words:
            parts.append(f"≥ {self.min_weight_per_1000_words:g} per 1,000 words")
        text = ", ".join(parts)
        if self.lead_sentences and self.lead_factor != 1:
            text += f"; the first {self.lead_sentences} sentences count ×{self.lead_factor:g}"
        for other in self.beside:
            share = f" or ≥ {other.or_share:g} × its weight" if other.or_share else ""
            text += f"; weight ≥ {other.min_weight:g}{share} when {other.topic} is tagged too"
        return text


@dataclass(frozen=True)
class Topic(Matcher):
    """A topic. Its own Matcher fields match every cue at once (for highlighting); scoring uses
    the cues one by one, so each mention carries its cue's weight."""

    key: str = ""
    label: str = ""
    colour: str = ""
    description: str = ""
    terms: tuple[str, ...] = ()  # every cue's terms and phrases, for display
    phrases: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    cues: tuple[Cue, ...] = ()
    framing: tuple[Framing, ...] = ()
    rule: Rule = field(default_factory=Rule)

    @property
    def min_hits(self) -> float:
        """The weight the rule asks for (a whole number of mentions when every cue weighs 1)."""
        weight = self.rule.min_weight
        return int(weight) if float(weight).is_integer() else weight


@dataclass(frozen=True)
class Negation:
    negators: tuple[str, ...]
    verbs: tuple[str, ...]
    max_gap_words: int
    before: re.Pattern = field(repr=False, compare=False)
    after: re.Pattern = field(repr=False, compare=False)
    any_negator: re.Pattern = field(repr=False, compare=False)  # lower-cased text: a cheap first test
    negator_starts: tuple[str, ...] | None = field(default=None, repr=False, compare=False)
    # "neither ... nor <mention>", "without <mention>": the rest of the clause is negated.
    scope_negators: tuple[str, ...] = ()
    in_scope: re.Pattern | None = field(default=None, repr=False, compare=False)
    # "<mention> was notably absent".
    absence: tuple[str, ...] = ()
    absent_after: re.Pattern | None = field(default=None, repr=False, compare=False)


@dataclass(frozen=True)
class Language:
    """A language the taxonomy has terms for. `spaced = false`: its words are not separated by
    spaces (Japanese, Chinese), so a term holding its `letters` is matched anywhere in the text."""

    code: str
    name: str = ""
    spaced: bool = True
    letters: str = ""  # the script's letters as a regex character-class body, "\u3040-\u30ff"


@dataclass(frozen=True)
class Taxonomy:
    version: str
    topics: tuple[Topic, ...]
    negation: Negation
    source_text: str = field(repr=False)
    languages: tuple[Language, ...] = ()
    # A sentence this matches points to another story ("See also: ..."): no topic counts it.
    links: re.Pattern | None = field(default=None, repr=False, compare=False)

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


def _number(raw: dict, name: str, default: float, where: str, *, whole: bool = False, least: float = 0) -> float:
    value = raw.get(name, default)
    kind = int if whole else (int, float)
    if isinstance(value, bool) or not isinstance(value, kind) or value < least:
        noun = "a whole number" if whole else "a number"
        raise TaxonomyError(f"{where}: '{name}' must be {noun} of at least {least:g}")
    return value


def _compile(regex: str, where: str) -> re.Pattern:
    try:
        return re.compile(regex, re.IGNORECASE)
    except re.error as error:
        raise TaxonomyError(f"{where}: invalid pattern ({error})") from error


def _entries_regex(entries: tuple[str, ...], gap_words: int, where: str) -> str:
    try:
        return _alternation(list(entries), gap_words)
    except ValueError as error:
        raise TaxonomyError(f"{where}: {error}") from error


def _any_entries_regex(entries: tuple[str, ...], gap_words: int, unspaced: re.Pattern | None, where: str) -> str:
    """One alternation for bounded and unbounded entries alike (see is_unbounded)."""
    bounded = tuple(e for e in entries if not is_unbounded(e, unspaced))
    unbounded = [e for e in entries if is_unbounded(e, unspaced)]
    parts = [_entries_regex(bounded, gap_words, where)] if bounded else []
    try:
        parts += [_unbounded_alternation(unbounded, gap_words, unspaced)] if unbounded else []
    except ValueError as error:
        raise TaxonomyError(f"{where}: {error}") from error
    return "|".join(parts)


def _patterns_starts(patterns: tuple[str, ...]) -> tuple[str, ...] | None:
    starts = [pattern_starts(p) for p in patterns]
    if any(s is None for s in starts):
        return None
    return match_starts([literal for s in starts for literal in s])


def _matcher_fields(
    entries: tuple[str, ...],
    patterns: tuple[str, ...],
    exclude: tuple[str, ...],
    gap_words: int,
    where: str,
    unspaced: re.Pattern | None = None,
) -> dict:
    """The Matcher fields for these entries and patterns, cancelled by `exclude`. Entries matched
    inside words (is_unbounded) have their own fast matchers, tried wherever their literal occurs
    (no word start to wait for)."""
    for pattern in patterns:
        _compile(pattern, f"{where}, pattern {pattern!r}")
    bounded = tuple(e for e in entries if not is_unbounded(e, unspaced))
    unbounded = tuple(e for e in entries if is_unbounded(e, unspaced))
    bounded_exclude = tuple(e.lower() for e in exclude if not is_unbounded(e, unspaced))
    unbounded = tuple(e.lower() for e in unbounded)
    unbounded_exclude = tuple(e.lower() for e in exclude if is_unbounded(e, unspaced))
    alternatives = [_any_entries_regex(entries, gap_words, unspaced, where)] if entries else []
    alternatives += [f"(?:{p})" for p in patterns]
    lowered = tuple(e.lower() for e in bounded)
    return {
        "matcher": _compile("|".join(alternatives), where),
        "excluder": (
            _compile(_any_entries_regex(exclude, gap_words, unspaced, where), f"{where}, exclude") if exclude else None
        ),
        "word_matcher": re.compile(_entries_regex(lowered, gap_words, where)) if lowered else None,
        "pattern_matcher": _compile("|".join(f"(?:{p})" for p in patterns), where) if patterns else None,
        "pattern_starts": _patterns_starts(patterns) if patterns else None,
        "free_matcher": re.compile(_any_entries_regex(unbounded, gap_words, unspaced, where)) if unbounded else None,
        "free_starts": match_starts([_unbounded_start(e) for e in unbounded]) if unbounded else None,
        "word_excluder": re.compile(_entries_regex(bounded_exclude, gap_words, where)) if bounded_exclude else None,
        "free_excluder": (
            re.compile(_any_entries_regex(unbounded_exclude, gap_words, unspaced, where)) if unbounded_exclude else None
        ),
        "free_excluder_starts": (
            match_starts([_unbounded_start(e) for e in unbounded_exclude]) if unbounded_exclude else None
        ),
        "word_starts": match_starts([entry_start(e) for e in lowered]) if lowered else None,
        "excluder_starts": match_starts([entry_start(e) for e in bounded_exclude]) if bounded_exclude else None,
    }


def _build_cue(
    raw: dict,
    where: str,
    exclude: tuple[str, ...],
    gap_words: int,
    weight: float = 1.0,
    unspaced: re.Pattern | None = None,
) -> Cue:
    entries = _string_list(raw, "terms", where) + _string_list(raw, "phrases", where)
    patterns = _string_list(raw, "patterns", where)
    if not (entries or patterns):
        raise TaxonomyError(f"{where}: needs at least one of terms, phrases or patterns")
    return Cue(
        name=str(raw.get("name", "")),
        weight=_number(raw, "weight", weight, where),
        entries=entries,
        patterns=patterns,
        yields_to=_string_list(raw, "yields_to", where),
        **_matcher_fields(entries, patterns, exclude, gap_words, where, unspaced),
    )


def _build_framing(raw: dict, where: str, gap_words: int, unspaced: re.Pattern | None = None) -> Framing:
    reason = raw.get("reason")
    if not isinstance(reason, str) or not reason.strip():
        raise TaxonomyError(f"{where}: 'reason' must say why the wording is not about the topic")
    entries = _string_list(raw, "phrases", where)
    patterns = _string_list(raw, "patterns", where)
    if not (entries or patterns):
        raise TaxonomyError(f"{where}: needs phrases or patterns")
    fields = _matcher_fields(entries, patterns, (), gap_words, where, unspaced)
    return Framing(reason=reason, entries=entries, patterns=patterns, **fields)


def _build_rule(raw: dict, defaults: dict, where: str) -> Rule:
    """The topic's [topic.rule] over the file's [rule] defaults; `min_hits` is the old spelling
    of min_weight (every mention weighing 1)."""
    merged = dict(defaults)
    if "min_hits" in raw:
        merged["min_weight"] = _number(raw, "min_hits", 1, where, whole=True, least=1)
    rule = raw.get("rule", {})
    if not isinstance(rule, dict):
        raise TaxonomyError(f"{where}: 'rule' must be a table ([topic.rule])")
    merged.update(rule)
    where = f"{where}, rule"
    raw_beside = rule.get("beside", [])
    if not isinstance(raw_beside, list) or not all(isinstance(b, dict) for b in raw_beside):
        raise TaxonomyError(f"{where}: 'beside' must be [[topic.rule.beside]] blocks")
    beside = []
    for index, item in enumerate(raw_beside):
        at = f"{where}, beside #{index + 1}"
        other, reason = item.get("topic"), item.get("reason")
        if not isinstance(other, str) or not other:
            raise TaxonomyError(f"{at}: 'topic' must name another topic")
        if not isinstance(reason, str) or not reason.strip():
            raise TaxonomyError(f"{at}: 'reason' must say why the bar is higher")
        min_weight = _number(item, "min_weight", 1.0, at, least=0.001)
        beside.append(Beside(other, min_weight, reason, _number(item, "or_share", 0.0, at)))
    return Rule(
        beside=tuple(beside),
        min_weight=_number(merged, "min_weight", 1.0, where, least=0.001),
        min_distinct=_number(merged, "min_distinct", 1, where, whole=True, least=1),
        min_weight_per_1000_words=_number(merged, "min_weight_per_1000_words", 0.0, where),
        lead_sentences=_number(merged, "lead_sentences", 0, where, whole=True),
        lead_factor=_number(merged, "lead_factor", 1.0, where),
    )


def _build_topic(raw: dict, index: int, defaults: dict, unspaced: re.Pattern | None = None) -> Topic:
    key = raw.get("key")
    if not isinstance(key, str) or not re.fullmatch(r"[a-z][a-z0-9_]*", key):
        raise TaxonomyError(f"topic #{index + 1}: 'key' must be lower-case letters, digits and _ (got {key!r})")
    where = f"topic '{key}'"
    gap_words = int(_number(raw, "gap_words", defaults.get("gap_words", DEFAULT_GAP_WORDS), where, whole=True))
    exclude = _string_list(raw, "exclude", where)
    raw_cues = raw.get("cue", [])
    if not isinstance(raw_cues, list) or not all(isinstance(c, dict) for c in raw_cues):
        raise TaxonomyError(f"{where}: 'cue' must be [[topic.cue]] blocks")
    cues = []
    if any(raw.get(name) for name in ("terms", "phrases", "patterns")):
        # The topic's own terms, phrases and patterns are a cue of their own.
        plain = {name: raw.get(name, []) for name in ("terms", "phrases", "patterns", "yields_to")}
        weight = raw.get("weight", 1.0)
        cues.append(_build_cue({**plain, "name": "terms"}, where, exclude, gap_words, weight, unspaced))
    cues += [
        _build_cue(c, f"{where}, cue '{c.get('name', i + 1)}'", exclude, gap_words, unspaced=unspaced)
        for i, c in enumerate(raw_cues)
    ]
    if not cues:
        raise TaxonomyError(f"{where}: needs at least one of terms, phrases or patterns")
    raw_framing = raw.get("framing", [])
    if not isinstance(raw_framing, list) or not all(isinstance(f, dict) for f in raw_framing):
        raise TaxonomyError(f"{where}: 'framing' must be [[topic.framing]] blocks")
    framing = tuple(
        _build_framing(f, f"{where}, framing #{i + 1}", gap_words, unspaced) for i, f in enumerate(raw_framing)
    )
    entries = tuple(e for c in cues for e in c.entries)
    patterns = tuple(p for c in cues for p in c.patterns)
    colour = raw.get("colour") or FALLBACK_COLOURS[index % len(FALLBACK_COLOURS)]
    return Topic(
        key=key,
        label=str(raw.get("label") or key.replace("_", " ").capitalize()),
        colour=str(colour),
        description=str(raw.get("description", "")),
        terms=tuple(e for e in entries if " " not in e.strip()),
        phrases=tuple(e for e in entries if " " in e.strip()),
        patterns=patterns,
        exclude=exclude,
        cues=tuple(cues),
        framing=framing,
        rule=_build_rule(raw, defaults, where),
        **_matcher_fields(entries, patterns, exclude, gap_words, where, unspaced),
    )


def _build_negation(raw: dict) -> Negation:
    negators = _string_list(raw, "negators", "[negation]") or ("not", "n't", "never", "no")
    verbs = _string_list(raw, "verbs", "[negation]") or ("discuss*", "mention*")
    scope_negators = _string_list(raw, "scope_negators", "[negation]")
    absence = _string_list(raw, "absence", "[negation]")
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
    in_scope = _compile(_alternation(list(scope_negators)), "[negation]") if scope_negators else None
    absent_after = _compile(rf"^\W*{gap_words}(?:{_alternation(list(absence))})", "[negation]") if absence else None
    # Lower-case negators, no IGNORECASE: run over lower-cased text, it is several times faster.
    # One \b around the alternation, not one per word: the engine then skips positions fast.
    every = negators + scope_negators + absence
    words = "|".join(re.escape(n.lower()) for n in every if not n.startswith("n'"))
    clitics = [re.escape(n.lower()) for n in every if n.startswith("n'")]
    any_negator = re.compile("|".join([rf"\b(?:{words})\b", *clitics] if words else clitics))
    return Negation(
        negators,
        verbs,
        gap,
        before,
        after,
        any_negator,
        match_starts([n.lower() for n in every]),
        scope_negators,
        in_scope,
        absence,
        absent_after,
    )


def _build_languages(raw: object) -> tuple[Language, ...]:
    if not isinstance(raw, list) or not all(isinstance(item, dict) for item in raw):
        raise TaxonomyError("'language' must be [[language]] blocks")
    languages = []
    for index, item in enumerate(raw):
        code = item.get("code")
        if not isinstance(code, str) or not re.fullmatch(r"[a-z]{2,3}", code):
            raise TaxonomyError(f"language #{index + 1}: 'code' must be an ISO 639 code like 'ja' (got {code!r})")
        where = f"language '{code}'"
        spaced = item.get("spaced", True)
        if not isinstance(spaced, bool):
            raise TaxonomyError(f"{where}: 'spaced' must be true or false")
        letters = item.get("letters", "")
        if not isinstance(letters, str) or (not spaced and not letters.strip()):
            raise TaxonomyError(f"{where}: an unspaced language needs its 'letters' (a character range)")
        if letters:
            _compile(f"[{letters}]", f"{where}, letters")
        languages.append(Language(code, str(item.get("name", code)), spaced, letters))
    return tuple(languages)


def _build_links(raw: object) -> re.Pattern | None:
    if not isinstance(raw, dict):
        raise TaxonomyError("'links' must be a table ([links])")
    patterns = _string_list(raw, "patterns", "[links]")
    for pattern in patterns:
        _compile(pattern, f"[links], pattern {pattern!r}")
    return _compile("|".join(f"(?:{p})" for p in patterns), "[links]") if patterns else None


def _unspaced_letters(languages: tuple[Language, ...]) -> re.Pattern | None:
    """Any letter of a language written without spaces, or None when the taxonomy has none."""
    ranges = "".join(language.letters for language in languages if not language.spaced)
    return re.compile(f"[{ranges}]") if ranges else None


def parse_taxonomy(text: str, *, name: str = "taxonomy") -> Taxonomy:
    """Parse taxonomy TOML text; raise TaxonomyError naming the file and the problem."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise TaxonomyError(f"{name}: not valid TOML ({error})") from error
    raw_topics = raw.get("topic")
    if not isinstance(raw_topics, list) or not raw_topics:
        raise TaxonomyError(f"{name}: declares no [[topic]] blocks")
    defaults = raw.get("rule", {})
    if not isinstance(defaults, dict):
        raise TaxonomyError(f"{name}: 'rule' must be a table ([rule])")
    try:
        languages = _build_languages(raw.get("language", []))
        unspaced = _unspaced_letters(languages)
        topics = tuple(_build_topic(t, i, defaults, unspaced) for i, t in enumerate(raw_topics))
        negation = _build_negation(raw.get("negation", {}))
        links = _build_links(raw.get("links", {}))
    except TaxonomyError as error:
        raise TaxonomyError(f"{name}: {error}") from error
    keys = [t.key for t in topics]
    duplicates = sorted({k for k in keys if keys.count(k) > 1})
    if duplicates:
        raise TaxonomyError(f"{name}: topic keys declared twice: {', '.join(duplicates)}")
    for topic in topics:
        unknown = [b.topic for b in topic.rule.beside if b.topic not in keys or b.topic == topic.key]
        if unknown:
            raise TaxonomyError(
                f"{name}: topic '{topic.key}', rule: 'beside' names no other topic: {', '.join(unknown)}"
            )
        for cue in topic.cues:
            unknown = [k for k in cue.yields_to if k not in keys or k == topic.key]
            if unknown:
                where = f"{name}: topic '{topic.key}', cue '{cue.name}'"
                raise TaxonomyError(f"{where}: 'yields_to' names no other topic: {', '.join(unknown)}")
    return Taxonomy(str(raw.get("version", "unversioned")), topics, negation, text, languages, links)


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
