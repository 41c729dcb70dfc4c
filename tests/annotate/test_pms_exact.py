"""lib/annotate/pms.py's name pattern checks the character before a name after matching the name's
first letter: it finds exactly what the lookbehind-first pattern found."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bench.make_corpus import generate_articles
from lib.annotate.pms import _name_pattern
from lib.reference.tenures import JAPAN_PRIME_MINISTERS


def reference_pattern() -> re.Pattern:
    alternatives = []
    for term in dict((t.surname, t) for t in JAPAN_PRIME_MINISTERS).values():
        alternatives.append(rf"{term.given_name}\s+{term.surname}|{term.surname}\s+{term.given_name}")
        alternatives.append(term.surname)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])")


REFERENCE = reference_pattern()
NAMES = sorted({part for t in JAPAN_PRIME_MINISTERS for part in (t.surname, t.given_name)})
PIECES = [*NAMES, " ", "  ", "\n", "-", "_", "x", "Mr.", "PM ", "’s", "'s", ",", "(", "é", "1"]
texts = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


def spans(pattern: re.Pattern, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
@example("Abe")
@example("-Abe Shinzo x-Kan Naoto_Kan Kan")
def test_name_pattern_finds_what_the_lookbehind_first_one_found(text: str) -> None:
    assert spans(_name_pattern(), text) == spans(REFERENCE, text)


def test_generated_articles() -> None:
    for article in generate_articles(300, seed=11):
        assert spans(_name_pattern(), article["page"]) == spans(REFERENCE, article["page"])
