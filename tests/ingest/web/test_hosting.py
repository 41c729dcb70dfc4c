"""The hosted app's switch and per-session cap for the web collector."""

from __future__ import annotations

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
