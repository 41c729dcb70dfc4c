"""`python -m lib collect` against the loopback fixture site (no test touches the internet)."""

from __future__ import annotations

from collections import Counter

import pandas as pd
import pytest

from lib.cli.collect import outcome_line, read_urls_file
from lib.cli.main import main
from tests.ingest.web.conftest import _server, site  # noqa: F401 (the fixture site, shared)


def _collect(tmp_path, *args):
    return main(["collect", *args, "--cache", str(tmp_path / "cache"), "--delay", "0.01", "--quiet"])


def test_collect_to_a_table_with_stories(site, tmp_path, capsys):  # noqa: F811
    out = tmp_path / "out.csv"
    urls = [site.url(p) for p in ("/news/berth.html", "/news/berth-reprint.html", "/news/tariff.html", "/missing.html")]
    assert _collect(tmp_path, *urls, "--allow-loopback", "-o", str(out)) == 0
    frame = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert frame["source"].tolist() == urls[:3]
    assert frame["author"].tolist() == ["Aiko Tanabe"] * 3
    berth, reprint, tariff = frame.to_dict("records")
    # The reprint (other headline, ending trimmed, a partner note added, a day later) is a copy.
    assert berth["story_id"] == reprint["story_id"] == berth["article_id"]
    assert tariff["story_id"] == tariff["article_id"]
    err = capsys.readouterr().err
    assert "URLs: 3 fetched, 1 HTTP error" in err
    assert f"{urls[3]}: HTTP error (HTTP 404" in err


def test_a_rerun_reads_the_cache(site, tmp_path, capsys):  # noqa: F811
    url = site.url("/news/tariff.html")
    for _ in range(2):
        assert _collect(tmp_path, url, "--allow-loopback", "-o", str(tmp_path / "out.csv")) == 0
    assert "URLs: 1 not modified" in capsys.readouterr().err
    assert site.hits("/news/tariff.html") == 1


def test_feed_and_urls_file_into_a_store(site, tmp_path, capsys):  # noqa: F811
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# my list\n{site.url('/news/tariff.html')}\n\n{site.url('/private/secret.html')}\n")
    store = tmp_path / "store"
    code = _collect(
        tmp_path,
        "--urls-file",
        str(listing),
        "--feed",
        site.url("/feed.xml"),
        "--allow-loopback",
        "--store",
        str(store),
    )
    assert code == 0
    err = capsys.readouterr().err
    assert "URLs: 2 fetched, 1 refused by robots.txt, 2 duplicate URL" in err
    assert f"Wrote 2 article(s) to {store}" in err
    assert any(store.rglob("*.parquet"))


def test_loopback_is_refused_by_default(site, tmp_path, capsys):  # noqa: F811
    code = _collect(tmp_path, site.url("/news/berth.html"), "-o", str(tmp_path / "out.csv"), "--strict")
    assert code == 1
    assert "blocked address (127.0.0.1 resolves to 127.0.0.1, a loopback address" in capsys.readouterr().err
    assert site.requests == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "give at least one URL"),
        (["http://news.example/a"], "say where the results go"),
        (["http://news.example/a", "-o", "out.txt"], "the output must end in"),
        (["--urls-file", "/no/such/file.txt", "-o", "out.csv"], "cannot read --urls-file"),
        (["http://news.example/a", "-o", "out.csv", "--max-urls", "0"], "must be above 0"),
    ],
)
def test_usage_errors(tmp_path, capsys, args, message):
    with pytest.raises(SystemExit) as exit_:
        main(["collect", *args])
    assert exit_.value.code == 2
    assert message in capsys.readouterr().err


def test_read_urls_file(tmp_path):
    path = tmp_path / "urls.txt"
    path.write_text("\ufeff# comment\nhttp://a.example/1\n  \n  http://a.example/2  \n", encoding="utf-8")
    assert read_urls_file(str(path)) == ["http://a.example/1", "http://a.example/2"]


def test_outcome_line():
    assert outcome_line(Counter()) == "URLs: none"
    assert outcome_line(Counter({"HTTP error": 2, "fetched": 5})) == "URLs: 5 fetched, 2 HTTP error"


def test_a_gdelt_search(site, tmp_path, capsys):  # noqa: F811
    out = tmp_path / "out.csv"
    args = [
        "--gdelt",
        "harbour",
        "--since",
        "2025-03-01",
        "--country",
        "JA",
        "--gdelt-url",
        site.url("/api/v2/doc/doc"),
    ]
    assert _collect(tmp_path, *args, "--allow-loopback", "-o", str(out)) == 0
    assert len(pd.read_csv(out)) == 2
    assert "URLs: 2 fetched" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--gdelt", "x", "--since", "March", "-o", "out.csv"], "expected a day as YYYY-MM-DD"),
        (["--gdelt", "x", "--since", "2025-03-02", "--until", "2025-03-01", "-o", "out.csv"], "after it ends"),
    ],
)
def test_gdelt_usage_errors(capsys, args, message):
    with pytest.raises(SystemExit):
        main(["collect", *args])
    assert message in capsys.readouterr().err
