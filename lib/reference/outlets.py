"""The outlet gazetteer: who publishes news, loaded from TOML, validated, compiled once.

The outlets are data (lib/reference/data/outlets.toml); this module turns them into lookups by
name and by web domain, and one compiled pattern that finds any outlet name in a snippet. Where a
name counts as evidence (a credit, a byline, a copyright line) is lib.annotate.outlets' business.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

DEFAULT_OUTLETS_PATH = Path(__file__).parent / "data" / "outlets.toml"

# What `kind` may say, with its meaning; the TOML file's header explains each for its editors.
OUTLET_KINDS: dict[str, str] = {
    "wire": "news agency whose copy other outlets carry",
    "newspaper": "printed daily or weekly, and its website",
    "broadcaster": "television or radio, and its website",
    "magazine": "periodical",
    "digital": "online-only news publisher",
    "state_media": "news outlet under a state's editorial control",
    "aggregator": "republishes or links others' stories",
    "government": "an official body publishing its own releases",
    "photo_agency": "picture agency: a credit to it is a photo credit, never the article's source",
}
# Kinds whose credit on a page means "this text was written by them" (the repost's origin).
SOURCE_KINDS = frozenset({"wire", "state_media"})
_COUNTRY = re.compile(r"[A-Z]{2}")
_DOMAIN = re.compile(r"[a-z0-9-]+(?:\.[a-z0-9-]+)+")


class OutletsError(ValueError):
    """An outlet gazetteer that cannot be used, with the outlet and the reason named."""


@dataclass(frozen=True)
class Outlet:
    name: str
    aliases: tuple[str, ...]
    domains: tuple[str, ...]
    country: str
    kind: str
    # The name is also an ordinary word ("Mint", "The Hill"): a line holding only it is no evidence.
    common_word: bool = False

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    @property
    def writes_copy(self) -> bool:
        """A wire or state agency: when a page credits it, the text is its copy."""
        return self.kind in SOURCE_KINDS


def name_key(name: str) -> str:
    """The form names are compared in: case, spacing and edge punctuation do not matter."""
    return " ".join(name.casefold().replace("’", "'").split()).strip(" .,;:|-–—()[]")


def hostname(url_or_domain: str) -> str:
    """ "https://www.example.co.jp/a" → "example.co.jp"; "" when it holds no host."""
    text = url_or_domain.strip()
    try:
        host = urlsplit(text if "//" in text else f"//{text}").hostname or ""
    except ValueError:  # "http://[broken": a malformed address names no host
        return ""
    return host.removeprefix("www.")


def _words_regex(name: str) -> str:
    return r"\s+".join(re.escape(word) for word in name.split())


# Words of spaced scripts need word edges: not inside a word, nor inside a domain or path
# ("asia.nikkei.com" is read as a domain). Japanese or Chinese names need none.
_SPACED_BEFORE = r"(?<![\w&@/])(?<!\w\.)"
_SPACED_AFTER = r"(?![\w&]|\.\w)"


_UNSPACED_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef]")


def _names_regex(names: list[str]) -> str:
    """One pattern for every name, longest first. The edge checks stand once around the spaced
    names' alternation, not in each of its hundreds of branches: a position inside a word fails
    one lookbehind instead of every name's. Names in Japanese, Chinese or Korean script come
    first ("TBSテレビ" before "TBS") and need no edges."""
    unspaced = [_words_regex(name) for name in names if _UNSPACED_SCRIPT.search(name)]
    spaced = [_words_regex(name) for name in names if not _UNSPACED_SCRIPT.search(name)]
    parts = [f"{_SPACED_BEFORE}(?:{'|'.join(spaced)}){_SPACED_AFTER}"] if spaced else []
    return "|".join(unspaced + parts)


_TOKEN = re.compile(r"\w+")


def _first_word(name: str) -> str:
    return _TOKEN.match(name).group(0).casefold()


def _by_first_word(names: list[str]) -> dict[str, re.Pattern]:
    """For each first word of the spaced names, one pattern of the names it opens, longest first."""
    groups: dict[str, list[str]] = {}
    for name in names:  # already longest first
        if not _UNSPACED_SCRIPT.search(name):
            groups.setdefault(_first_word(name), []).append(name)
    return {
        word: re.compile(
            f"{_SPACED_BEFORE}(?:{'|'.join(_words_regex(n) for n in group)}){_SPACED_AFTER}", re.IGNORECASE
        )
        for word, group in groups.items()
    }


@dataclass(frozen=True)
class Gazetteer:
    version: str
    outlets: tuple[Outlet, ...]
    _by_name: dict[str, Outlet] = field(repr=False, compare=False)
    _by_domain: dict[str, Outlet] = field(repr=False, compare=False)
    # Any outlet name or alias, longest first, case-insensitive.
    name_pattern: re.Pattern = field(repr=False, compare=False)
    # The spaced names by their first word: what find_names tries at each word of a line.
    first_words: dict[str, re.Pattern] = field(default_factory=dict, repr=False, compare=False)

    def by_name(self, text: str) -> Outlet | None:
        """The outlet `text` names exactly (any alias, any case), or None."""
        return self._by_name.get(name_key(text))

    def by_domain(self, url_or_domain: str) -> Outlet | None:
        """The outlet publishing on this address's domain (the most specific declared), or None."""
        host = hostname(url_or_domain)
        while host:
            if host in self._by_domain:
                return self._by_domain[host]
            host = host.partition(".")[2] if host.count(".") > 1 else ""
        return None

    def find_names(self, text: str) -> list[tuple[Outlet, re.Match]]:
        """Every outlet name in `text`, in reading order, each with where it stands."""
        # Names in Japanese, Chinese or Korean script may stand inside a run of letters: the one
        # pattern of all names scans such a text. Elsewhere a name can only begin a word (its
        # edge checks say so), so only the names that word opens are tried there: the same
        # matches, without trying hundreds of names at every position of every line.
        matches = self.name_pattern.finditer(text) if _UNSPACED_SCRIPT.search(text) else self._spaced_names(text)
        return [(self._by_name[name_key(m.group(0))], m) for m in matches]

    def _spaced_names(self, text: str) -> Iterator[re.Match]:
        end = 0
        for word in _TOKEN.finditer(text):
            if word.start() < end:
                continue  # inside the name just found: matches do not overlap
            pattern = self.first_words.get(word.group(0).casefold())
            match = pattern.match(text, word.start()) if pattern is not None else None
            if match is not None:
                end = match.end()
                yield match

    def __len__(self) -> int:
        return len(self.outlets)


def _strings(raw: dict, key: str, where: str) -> tuple[str, ...]:
    value = raw.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise OutletsError(f"{where}: '{key}' must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _outlet(raw: object, index: int) -> Outlet:
    if not isinstance(raw, dict):
        raise OutletsError(f"outlet #{index + 1}: must be a table, got {type(raw).__name__}")
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise OutletsError(f"outlet #{index + 1}: 'name' is missing or empty")
    where = f"outlet '{name}'"
    unknown = set(raw) - {"name", "aliases", "domains", "country", "kind", "common_word"}
    if unknown:
        raise OutletsError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    kind, country = raw.get("kind"), raw.get("country")
    if kind not in OUTLET_KINDS:
        raise OutletsError(f"{where}: kind {kind!r} is not one of {', '.join(OUTLET_KINDS)}")
    if not isinstance(country, str) or not _COUNTRY.fullmatch(country):
        raise OutletsError(f"{where}: country {country!r} must be an ISO 3166 two-letter code like 'JP'")
    domains = tuple(d.lower().removeprefix("www.") for d in _strings(raw, "domains", where))
    for domain in domains:
        if not _DOMAIN.fullmatch(domain):
            raise OutletsError(f"{where}: {domain!r} is not a domain like 'example.com'")
    common_word = raw.get("common_word", False)
    if not isinstance(common_word, bool):
        raise OutletsError(f"{where}: 'common_word' must be true or false")
    return Outlet(name.strip(), _strings(raw, "aliases", where), domains, country, kind, common_word)


def parse_outlets(text: str, *, source: str = "outlets") -> Gazetteer:
    """A gazetteer from TOML text; OutletsError names the outlet and what is wrong with it."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise OutletsError(f"{source}: not valid TOML ({error})") from error
    raw_outlets = data.get("outlets")
    if not isinstance(raw_outlets, list) or not raw_outlets:
        raise OutletsError(f"{source}: needs a non-empty 'outlets' list")
    outlets = tuple(_outlet(raw, i) for i, raw in enumerate(raw_outlets))
    by_name: dict[str, Outlet] = {}
    by_domain: dict[str, Outlet] = {}
    for outlet in outlets:
        for name in outlet.names:
            other = by_name.setdefault(name_key(name), outlet)
            if other is not outlet:
                raise OutletsError(
                    f"{source}: the name {name!r} is declared for both '{other.name}' and '{outlet.name}'"
                )
        for domain in outlet.domains:
            other = by_domain.setdefault(domain, outlet)
            if other is not outlet:
                raise OutletsError(
                    f"{source}: the domain {domain!r} is declared for both '{other.name}' and '{outlet.name}'"
                )
    names = sorted({name for outlet in outlets for name in outlet.names}, key=len, reverse=True)
    pattern = re.compile(_names_regex(names), re.IGNORECASE)
    return Gazetteer(str(data.get("version", "")), outlets, by_name, by_domain, pattern, _by_first_word(names))


def load_outlets(path: str | Path | None = None) -> Gazetteer:
    """Load a gazetteer file; None loads the bundled one."""
    file = Path(path) if path is not None else DEFAULT_OUTLETS_PATH
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as error:
        raise OutletsError(f"{file}: cannot read the outlet gazetteer ({error.strerror or error})") from error
    return parse_outlets(text, source=str(file))


@functools.cache
def default_outlets() -> Gazetteer:
    """The bundled gazetteer, parsed once per process (it is immutable)."""
    return load_outlets()
