"""The dashboard's view state: the one parser and the one writer of its URL query.

The URL *is* the view: every page builds a ViewState with `ViewState.from_query(params)` and
writes it back with `state.to_query()`, so a copied link reproduces what the sender saw.
Defaults live on the dataclass; query keys, their codecs and meanings live once in QUERY_KEYS;
parsing, writing and the documentation table are all derived from those two.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any

import pandas as pd

from lib.annotate.sentiment import DEFAULT_ENGINE, ENGINES
from lib.views.aggregate import GRANULARITIES, MEASURES, TONE_MEASURES

MAX_SMOOTHING = 24
MAX_TEXT_LENGTH = 200
MAX_SEED = 2**32 - 1


@dataclass(frozen=True)
class ViewState:
    date_from: date | None = None
    date_to: date | None = None
    topics: tuple[str, ...] = ()  # empty = all topics
    pms: tuple[str, ...] = ()  # empty = all prime ministers
    outlets: tuple[str, ...] = ()  # empty = all outlets
    polarity_min: float = -1.0
    polarity_max: float = 1.0
    search: str = ""
    # Undated articles cannot be placed on a date axis; this says whether a date range lets
    # them through anyway.
    include_undated: bool = True
    granularity: str = ""  # timeline period; "" = chosen from the articles shown
    measure: str = "count"
    smoothing: int = 1  # rolling window in periods; 1 = none
    show_terms: bool = True  # PM and US-president bands on the timeline
    pm_normalise: bool = False  # counts per 100 days in office
    pm_tone: str = "polarity"  # the tone measure of the By prime minister page's tone chart
    article: str = ""  # selected article_id
    kwic: str = ""  # keyword-in-context term
    tone: str = DEFAULT_ENGINE  # the sentiment engine that scores polarity and tone
    sample_seed: int = 0  # Validate page: the seed the sample to code was drawn with
    sample_ids: tuple[str, ...] = ()  # Validate page: the drawn sample's article_ids, in coding order
    corpus: str = ""  # fingerprint of the articles the view was made on (a link names its data)
    published: str = ""  # id of the published corpus the view shows ("" = the server's own data)
    # One wire story reprinted by forty sites is one story: counts, shares and tones take each
    # story once (lib.views.filters.one_copy_per_story), unless this is off.
    dedup: bool = True

    @classmethod
    def from_query(cls, params: Mapping[str, str | list[str]]) -> ViewState:
        """Read a query mapping; values that cannot be read fall back to defaults, never raise."""
        values: dict[str, Any] = {}
        for spec in QUERY_KEYS:
            raw = _as_list(params.get(spec.key))
            if not raw:
                continue
            try:
                parsed = spec.codec.parse(raw)
            except (ValueError, TypeError, OverflowError):
                continue
            values.update(zip(spec.fields, parsed, strict=True))
        return _repaired(cls(**values))

    def across_topics(self) -> ViewState:
        """This view without its topic filter: what a topic's share is taken over. Filtered to
        articles tagged with tariffs, the share of articles tagged with tariffs is 100% by
        construction; over the articles the other filters keep, it says something."""
        return replace(self, topics=())

    def to_query(self) -> dict[str, str]:
        """Only the keys whose fields differ from the defaults, each as one string."""
        query = {}
        for spec in QUERY_KEYS:
            current = tuple(getattr(self, name) for name in spec.fields)
            if current != tuple(DEFAULTS[name] for name in spec.fields):
                query[spec.key] = spec.codec.write(current)
        return query


DEFAULTS: dict[str, Any] = {f.name: f.default for f in fields(ViewState)}


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return [str(v) for v in value if v is not None]
    return [str(value)]


# The list filters whose values must be ones the data and vocabularies know, with the word a
# notice uses for each.
CHECKED_LISTS: dict[str, str] = {"topics": "topic", "pms": "prime minister", "outlets": "outlet"}


def without_unknown(
    state: ViewState, known: Mapping[str, Iterable[str]]
) -> tuple[ViewState, dict[str, tuple[str, ...]]]:
    """The view with only list values that `known` holds (field -> allowed values), each in its
    known spelling (a link's "ishiba" is "Ishiba"), and what was dropped (field -> values).

    A link made for other data, or mistyped, would otherwise filter on a value no article has
    and empty every page while the widget, which cannot show the value, says "All topics"."""
    changes, dropped = {}, {}
    for name, allowed in known.items():
        spelling = {value.casefold(): value for value in allowed}
        values: tuple[str, ...] = getattr(state, name)
        kept = tuple(dict.fromkeys(spelling[v.casefold()] for v in values if v.casefold() in spelling))
        unknown = tuple(v for v in values if v.casefold() not in spelling)
        if kept != values:
            changes[name] = kept
        if unknown:
            dropped[name] = unknown
    return (replace(state, **changes) if changes else state), dropped


def ignored_notice(dropped: Mapping[str, tuple[str, ...]]) -> str:
    """The sentence naming the values of a link that were ignored: 'This link names values these
    articles do not have, so they are ignored: topic "bogus"; outlets "A", "B".'"""
    if not dropped:
        return ""
    parts = []
    for name, values in dropped.items():
        noun = CHECKED_LISTS.get(name, name) + ("s" if len(values) > 1 else "")
        parts.append(f"{noun} " + ", ".join(f'"{value}"' for value in values))
    one = sum(len(values) for values in dropped.values()) == 1
    what = "a value these articles do not have, so it is" if one else "values these articles do not have, so they are"
    return f"This link names {what} ignored: {'; '.join(parts)}."


def _repaired(state: ViewState) -> ViewState:
    """Cross-field fixes: a reversed date range is read the way it was surely meant."""
    if state.date_from and state.date_to and state.date_from > state.date_to:
        return replace(state, date_from=state.date_to, date_to=state.date_from)
    return state


# --- codecs: how one query key's text becomes field values and back -------------------------
# parse(values) gets every value given for the key (repeated keys) and returns a tuple of field
# values; it raises ValueError for junk. write(field values) returns the key's one string.


@dataclass(frozen=True)
class Codec:
    parse: Callable[[list[str]], tuple]
    write: Callable[[tuple], str]
    form: str  # how the value is written, for the docs table


def _last(values: list[str]) -> str:
    # A repeated single-valued key: the last one wins, as in browsers and Streamlit.
    return values[-1].strip()


def _parse_date(values: list[str]) -> tuple:
    return (date.fromisoformat(_last(values)[:10]),)


def _write_date(value: tuple) -> str:
    return value[0].isoformat() if value[0] else ""


# List items are joined with commas, so a comma or backslash inside an item is escaped with \.


def _split_items(text: str) -> list[str]:
    items, current, escaped = [], [], False
    for char in text:
        if escaped:
            current.append(char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == ",":
            items.append("".join(current))
            current = []
        else:
            current.append(char)
    items.append("".join(current))
    return items


def _parse_list(values: list[str]) -> tuple:
    items = [item.strip() for value in values for item in _split_items(value)]
    return (tuple(dict.fromkeys(item for item in items if item)),)


def _write_list(value: tuple) -> str:
    return ",".join(item.replace("\\", "\\\\").replace(",", "\\,") for item in value[0])


def _parse_text(values: list[str]) -> tuple:
    return (values[-1][:MAX_TEXT_LENGTH],)


def _write_text(value: tuple) -> str:
    return value[0]


_TRUE, _FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off")


def _parse_bool(values: list[str]) -> tuple:
    word = _last(values).lower()
    if word in _TRUE:
        return (True,)
    if word in _FALSE:
        return (False,)
    raise ValueError(word)


def _write_bool(value: tuple) -> str:
    return "1" if value[0] else "0"


def _choice(choices: tuple[str, ...]) -> Codec:
    def parse(values: list[str]) -> tuple:
        word = _last(values).lower()
        if word not in choices:
            raise ValueError(word)
        return (word,)

    return Codec(parse, lambda value: value[0], " | ".join(choices))


def _parse_smoothing(values: list[str]) -> tuple:
    window = int(_last(values))
    if not 1 <= window <= MAX_SMOOTHING:
        raise ValueError(window)
    return (window,)


def write_number(number: float) -> str:
    short = f"{number:g}"
    return short if float(short) == number else repr(float(number))


def _parse_seed(values: list[str]) -> tuple:
    seed = int(_last(values))
    if not 0 <= seed <= MAX_SEED:
        raise ValueError(seed)
    return (seed,)


def _parse_polarity(values: list[str]) -> tuple:
    low, high = (float(part) for part in _last(values).split(","))
    if not all(math.isfinite(v) and -1 <= v <= 1 for v in (low, high)):
        raise ValueError(values)
    return (min(low, high), max(low, high))


def _write_polarity(value: tuple) -> str:
    return ",".join(write_number(v) for v in value)


DATE = Codec(_parse_date, _write_date, "YYYY-MM-DD")
ITEMS = Codec(_parse_list, _write_list, "a,b,c or the key repeated")
TEXT = Codec(_parse_text, _write_text, f"text, up to {MAX_TEXT_LENGTH} characters")
FLAG = Codec(_parse_bool, _write_bool, "1 | 0")
SMOOTHING = Codec(_parse_smoothing, lambda value: str(value[0]), f"1 to {MAX_SMOOTHING}")
POLARITY = Codec(_parse_polarity, _write_polarity, "low,high within -1..1")
SEED = Codec(_parse_seed, lambda value: str(value[0]), f"0 to {MAX_SEED}")


@dataclass(frozen=True)
class QueryKey:
    key: str
    fields: tuple[str, ...]  # the ViewState fields this key carries
    codec: Codec
    meaning: str


QUERY_KEYS: tuple[QueryKey, ...] = (
    QueryKey("from", ("date_from",), DATE, "First publication date shown (inclusive)."),
    QueryKey("to", ("date_to",), DATE, "Last publication date shown (inclusive)."),
    QueryKey("topic", ("topics",), ITEMS, "Topic keys; an article passes if tagged with any."),
    QueryKey("pm", ("pms",), ITEMS, "Prime ministers' surnames; articles credited to any of them."),
    QueryKey("outlet", ("outlets",), ITEMS, "Outlets (publishers) to keep."),
    QueryKey(
        "pol",
        ("polarity_min", "polarity_max"),
        POLARITY,
        "Article polarity range kept, from -1 (negative) to +1 (positive).",
    ),
    QueryKey(
        "q",
        ("search",),
        TEXT,
        "Words the title or text must contain, in any of their forms (tariff finds tariffs); not a pattern.",
    ),
    QueryKey(
        "undated",
        ("include_undated",),
        FLAG,
        "With a date range set, whether articles without a date are kept (1) or dropped (0).",
    ),
    QueryKey(
        "gran",
        ("granularity",),
        _choice(tuple(GRANULARITIES)),
        "Timeline period length; left out, it is chosen from the span and number of the articles shown.",
    ),
    QueryKey(
        "measure",
        ("measure",),
        _choice(tuple(MEASURES)),
        "Timeline value: " + "; ".join(m.lower() for m in MEASURES.values()) + ".",
    ),
    QueryKey("smooth", ("smoothing",), SMOOTHING, "Centred rolling mean over this many periods."),
    QueryKey("bands", ("show_terms",), FLAG, "Shade prime-minister and US-president terms."),
    QueryKey("per100", ("pm_normalise",), FLAG, "Show PM counts per 100 days in office."),
    QueryKey(
        "pmtone",
        ("pm_tone",),
        _choice(tuple(TONE_MEASURES)),
        "By prime minister's tone chart: " + "; ".join(m.axis.lower() for m in TONE_MEASURES.values()) + ".",
    ),
    QueryKey("article", ("article",), TEXT, "The article_id of the article opened for reading."),
    QueryKey("kwic", ("kwic",), TEXT, "Term shown in keyword-in-context view."),
    QueryKey(
        "tone",
        ("tone",),
        _choice(tuple(ENGINES)),
        "Sentiment engine that scores polarity and tone (the About page shows how each fares on news).",
    ),
    QueryKey(
        "corpus",
        ("corpus",),
        TEXT,
        "Fingerprint of the articles the view was made on; a link opened on other articles says so.",
    ),
    QueryKey("pub", ("published",), TEXT, "A published corpus (Data page): everyone with the link sees its articles."),
    QueryKey(
        "dedup",
        ("dedup",),
        FLAG,
        "Count each story once (1): near copies of one story (reprints under other headlines, trimmed or with"
        " boilerplate added) count as one article in every count, share and tone; 0 counts every copy.",
    ),
    QueryKey("seed", ("sample_seed",), SEED, "Validate page: the seed the sample to code was drawn with."),
    QueryKey(
        "sample",
        ("sample_ids",),
        ITEMS,
        "Validate page: the article_ids of the sample to code, in order, so a colleague codes the same one.",
    ),
)


def docs_table() -> pd.DataFrame:
    """Every query key: key, form, default, meaning (for the README and the Help page)."""
    rows = [
        (
            spec.key,
            spec.codec.form,
            ", ".join(repr(DEFAULTS[name]) for name in spec.fields),
            spec.meaning,
        )
        for spec in QUERY_KEYS
    ]
    return pd.DataFrame(rows, columns=["key", "form", "default", "meaning"])


def _cell(text: str) -> str:
    """Text for a markdown table cell: a bare "|" would end the cell (choices read "a | b")."""
    return text.replace("|", r"\|")


def docs_markdown() -> str:
    """The README's table of link parameters."""
    lines = ["| key | form | meaning |", "| --- | --- | --- |"]
    lines += [f"| `{spec.key}` | {_cell(spec.codec.form)} | {_cell(spec.meaning)} |" for spec in QUERY_KEYS]
    return "\n".join(lines)
