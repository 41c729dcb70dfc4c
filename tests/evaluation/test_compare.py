"""lib/evaluation/compare.py: when an answer agrees with a label."""

from __future__ import annotations

import datetime as dt

import pytest

from lib.evaluation.compare import normalise, outlet_names, same_day, same_outlet, same_pm, same_title

DAY = dt.date(2022, 3, 1)


@pytest.mark.parametrize(
    ("got", "same"),
    [
        (dt.date(2022, 3, 1), True),
        (dt.date(2022, 2, 28), True),  # across a month end
        (dt.date(2022, 3, 2), True),
        (dt.date(2022, 3, 3), False),
        (dt.date(2021, 3, 1), False),
        (None, False),
    ],
)
def test_same_day(got, same: bool) -> None:
    assert same_day(DAY, got) is same


@pytest.mark.parametrize(
    ("text", "normal"),
    [("  Ports REOPEN: what’s next?", "ports reopen what s next"), ("", ""), (None, "")],
)
def test_normalise(text, normal: str) -> None:
    assert normalise(text) == normal


@pytest.mark.parametrize(
    ("expected", "got", "same"),
    [
        ("Rail Link Opens After Delays", "rail link opens after delays", True),
        ("Rail link opens after delays", "Rail link opens — after delays", True),
        ("Rail link opens after long delays in the north", "Rail link opens after long delay in the north", True),
        ("Rail link opens after delays", "Rail link closes", False),
        ("Rail link opens after delays", "", False),
        ("Rail link opens after delays", None, False),
    ],
)
def test_same_title(expected: str, got, same: bool) -> None:
    assert same_title(expected, got) is same


@pytest.mark.parametrize(
    ("label", "names"),
    [
        ("The Coastal Post", ["coastal post"]),
        ("Valley Times (Wire Service)", ["valley times", "wire service"]),
        ("Aggregator X / Wire Service", ["aggregator x", "wire service"]),
        ("Wire Service (via mirror.example)", ["wire service", "mirror example"]),
        ("", []),
    ],
)
def test_outlet_names(label: str, names: list[str]) -> None:
    assert outlet_names(label) == names


@pytest.mark.parametrize(
    ("label", "got", "same"),
    [
        ("The Coastal Post", "Coastal Post", True),
        ("Coastal Post", "the coastal post", True),
        ("Valley Times (Wire Service)", "Wire Service", True),  # the credited agency
        ("Valley Times (Wire Service)", "Valley Times", True),
        ("Wire Service Japan", "Wire Service", True),
        ("Valley Times", "Valley Tribune", False),
        ("Valley Times", "", False),
        ("", "Valley Times", False),
        ("Northern Broadcasting Corporation", "NBC", False),  # no alias table given
    ],
)
def test_same_outlet(label: str, got: str, same: bool) -> None:
    assert same_outlet(label, got) is same


def test_same_outlet_with_an_alias_table() -> None:
    aliases = {"nbc": "Northern Broadcasting Corporation"}
    assert same_outlet("Northern Broadcasting Corporation", "NBC", lambda name: aliases.get(name, name))


@pytest.mark.parametrize(
    ("expected", "got", "same"), [("Kishida", "kishida", True), ("Kishida", "Suga", False), ("Kishida", None, False)]
)
def test_same_pm(expected: str, got, same: bool) -> None:
    assert same_pm(expected, got) is same
