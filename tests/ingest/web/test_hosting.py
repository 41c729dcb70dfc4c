"""The hosted app's switch and per-session cap for the web collector."""

from __future__ import annotations

import re

import pytest

from lib.ingest.web.hosting import DEFAULT_SESSION_URLS, HostedWeb


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({}, HostedWeb(False, DEFAULT_SESSION_URLS)),
        ({"ALLIANCE_LENS_WEB": "1"}, HostedWeb(True, DEFAULT_SESSION_URLS)),
        ({"ALLIANCE_LENS_WEB": " Yes "}, HostedWeb(True, DEFAULT_SESSION_URLS)),
        ({"ALLIANCE_LENS_WEB": "0"}, HostedWeb(False, DEFAULT_SESSION_URLS)),
        ({"ALLIANCE_LENS_WEB": "enabled"}, HostedWeb(False, DEFAULT_SESSION_URLS)),  # only the documented words
        ({"ALLIANCE_LENS_WEB": "1", "ALLIANCE_LENS_WEB_MAX_URLS": "10"}, HostedWeb(True, 10)),
    ],
)
def test_from_environment(environment, expected):
    assert HostedWeb.from_environment(environment) == expected


@pytest.mark.parametrize("value", ["0", "-3", "ten", "1.5"])
def test_a_bad_cap_names_the_variable(value):
    with pytest.raises(ValueError, match=f"ALLIANCE_LENS_WEB_MAX_URLS='{value}'"):
        HostedWeb.from_environment({"ALLIANCE_LENS_WEB": "1", "ALLIANCE_LENS_WEB_MAX_URLS": value})


def test_the_app_never_fetches_loopback():
    hosted = HostedWeb(True, 5)
    assert hosted.limits().max_urls == 5
    assert hosted.fetcher().guard.allow_loopback is False


@pytest.mark.parametrize(
    ("value", "trusted"),
    [
        ("", frozenset()),
        ("127.0.0.1:8765", {("127.0.0.1", 8765)}),
        (" Intranet.Example:80 , 127.0.0.1:8765 ", {("intranet.example", 80), ("127.0.0.1", 8765)}),
        ("[::1]:8765 10.0.0.7:443", {("::1", 8765), ("10.0.0.7", 443)}),
    ],
)
def test_trusted_pairs_from_the_environment(value, trusted):
    hosted = HostedWeb.from_environment({"ALLIANCE_LENS_WEB": "1", "ALLIANCE_LENS_WEB_ALLOW": value})
    assert hosted.trusted == frozenset(trusted)
    assert hosted.fetcher().guard.trusted == frozenset(trusted)
    assert hosted.fetcher().guard.allow_loopback is False  # trusting a pair opens nothing else


@pytest.mark.parametrize(
    "entry",
    [
        "127.0.0.1",  # no port: every port of the machine would be trusted
        "localhost:",
        ":8080",
        "http://127.0.0.1:8765",  # a URL, not a pair
        "127.0.0.1:8765/path",
        "::1:8765",  # IPv6 needs brackets, or the port is ambiguous
        "127.0.0.1:0",
        "127.0.0.1:70000",
        "127.0.0.1:port",
        "user@127.0.0.1:8765",
    ],
)
def test_a_bad_trusted_pair_names_the_variable_and_the_entry(entry):
    with pytest.raises(ValueError, match=f"ALLIANCE_LENS_WEB_ALLOW: '{re.escape(entry)}' is not a host:port pair"):
        HostedWeb.from_environment({"ALLIANCE_LENS_WEB_ALLOW": f"127.0.0.1:1 {entry}"})
