"""lib/reference/outlets.py: the gazetteer loads, covers the world's news media, is looked up by
name and domain, and a broken file is refused with the outlet and the reason named."""

from __future__ import annotations

from collections import Counter

import pytest

from lib.reference.outlets import (
    DEFAULT_OUTLETS_PATH,
    OUTLET_KINDS,
    OutletsError,
    default_outlets,
    hostname,
    parse_outlets,
)

GAZETTEER = default_outlets()


def test_the_bundled_gazetteer_is_broad() -> None:
    assert len(GAZETTEER) >= 150
    countries = Counter(o.country for o in GAZETTEER.outlets)
    for country in ("US", "JP", "CN", "KR", "GB", "FR", "DE", "RU", "IN", "SA", "AE", "QA"):
        assert countries[country] >= 1, country
    kinds = {o.kind for o in GAZETTEER.outlets}
    assert {"wire", "newspaper", "broadcaster", "state_media", "aggregator"} <= kinds
    assert kinds <= set(OUTLET_KINDS)


def test_every_kind_is_explained_in_the_file_header() -> None:
    header = DEFAULT_OUTLETS_PATH.read_text(encoding="utf-8")
    for kind in OUTLET_KINDS:
        assert f"#   {kind}" in header, kind


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Associated Press", "AP"),
        ("the associated press", "AP"),
        ("KYODO NEWS", "Kyodo"),
        ("ロイター", "Reuters"),
        ("Deutsche Welle", "DW"),
        ("Channel NewsAsia", "CNA"),
        ("  Stars  and Stripes ", "Stars and Stripes"),
        ("Japan", None),  # a country is not an outlet
        ("Tokyo Bureau", None),
    ],
)
def test_by_name(name: str, expected: str | None) -> None:
    outlet = GAZETTEER.by_name(name)
    assert (outlet.name if outlet else None) == expected


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("https://www.nikkei.com/article/x", "Nikkei"),
        ("https://asia.nikkei.com/Politics/x", "Nikkei Asia"),  # the more specific domain wins
        ("english.kyodonews.net/news/2025", "Kyodo"),
        ("http://edition.cnn.com/2025/01/01/x.html", "CNN"),
        ("https://news.example-blog.net/a", None),
        ("nikkei.com.example.net", None),  # a lookalike host is not the outlet
        ("http://[broken", None),
        ("", None),
    ],
)
def test_by_domain(address: str, expected: str | None) -> None:
    outlet = GAZETTEER.by_domain(address)
    assert (outlet.name if outlet else None) == expected


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("TOKYO (AP) — talks", ["AP"]),
        ("reported by Kyodo News and ITAR-TASS", ["Kyodo", "TASS"]),
        ("This story appeared on asia.nikkei.com today", []),  # a domain is not a name mention
        ("Japanese mapping of the region", []),  # "AP" inside a word is not AP
        ("[ワシントン 13日 ロイター]", ["Reuters"]),
    ],
)
def test_find_names(text: str, found: list[str]) -> None:
    assert [o.name for o, _ in GAZETTEER.find_names(text)] == found


@pytest.mark.parametrize(
    ("value", "host"), [("https://www.example.co.jp/a", "example.co.jp"), ("x.org/p", "x.org"), ("[]", "")]
)
def test_hostname(value: str, host: str) -> None:
    assert hostname(value) == host


GOOD = (
    'outlets = [{ name = "Example Wire", aliases = ["EW"], domains = ["example-wire.test"],'
    ' country = "JP", kind = "wire" }]'
)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("outlets = [", "not valid TOML"),
        ("version = '1'", "non-empty 'outlets' list"),
        (GOOD.replace('kind = "wire"', 'kind = "blog"'), "kind 'blog' is not one of"),
        (GOOD.replace('"JP"', '"Japan"'), "outlet 'Example Wire': country 'Japan'"),
        (GOOD.replace('"example-wire.test"', '"not a domain"'), "is not a domain"),
        (GOOD.replace('kind = "wire"', 'kind = "wire", colour = "red"'), "unknown field(s) colour"),
        (
            GOOD[:-1] + ', { name = "Other", aliases = ["EW"], domains = [], country = "US", kind = "wire" }]',
            "'EW' is declared for both",
        ),
    ],
)
def test_bad_gazetteers_are_refused_with_the_reason(text: str, message: str) -> None:
    with pytest.raises(OutletsError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_outlets(text)


def test_a_small_gazetteer_parses() -> None:
    gazetteer = parse_outlets(GOOD)
    assert gazetteer.by_name("ew").name == "Example Wire"
    assert gazetteer.by_domain("https://news.example-wire.test/x").country == "JP"
    assert gazetteer.by_name("Example Wire").writes_copy


def test_names_tried_word_by_word_are_the_names_one_scan_finds():
    """find_names tries, at each word, only the names that word opens; on generated lines of
    outlet names, their near misses and filler it finds exactly what the pattern of all names
    finds."""
    import random

    gazetteer = default_outlets()
    names = [name for outlet in gazetteer.outlets for name in outlet.names]
    rng = random.Random(3)
    filler = ["said", "the", "reported", "Times", "of", "&", "@", "/", ".", "-", "asia.", "news", "x", "(", ")"]
    for _ in range(1500):
        parts = [rng.choice(names if rng.random() < 0.4 else filler) for _ in range(rng.randint(1, 9))]
        joiner = rng.choice([" ", "", ", ", ".", "-"])
        line = joiner.join(p.upper() if rng.random() < 0.1 else p for p in parts)
        scanned = [(m.span(), m.group(0)) for m in gazetteer.name_pattern.finditer(line)]
        assert [(m.span(), m.group(0)) for _, m in gazetteer.find_names(line)] == scanned, line
