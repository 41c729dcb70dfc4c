"""The Data page's "Add from the web" panel (pages/ui/web.py): off unless the host enables it;
when on, it fetches from the loopback fixture site only because the host trusts that exact
host:port (ALLIANCE_LENS_WEB_ALLOW), adds the articles to the visitor's own like an upload, and
says what became of every URL. No test touches the internet."""

from __future__ import annotations

from collections import Counter

import pytest

import lib.ingest.web.hosting
import pages.ui.web
from lib.ingest.web.gdelt import GdeltError
from pages.ui.web import RUNS_KEY, address_lines, gdelt_query, outcome_table, read_request, url_file_lines
from tests.ingest.web.conftest import TEST_POLICY
from tests.ingest.web.site import Site, running_site

SAMPLE_ARTICLES = 5  # seeds/


# --- the fixture site, and the app pointed at it -------------------------------------------------


@pytest.fixture(scope="module")
def site():
    with running_site() as (holder, base):
        holder["site"] = Site(base)
        yield holder["site"]


@pytest.fixture
def web_app(app, site, monkeypatch):
    """The app with the panel on and the fixture site's exact host:port trusted; fetching without
    the one-second pause between requests, so the tests stay quick."""
    monkeypatch.setenv("ALLIANCE_LENS_WEB", "1")
    monkeypatch.setenv("ALLIANCE_LENS_WEB_ALLOW", site.base.removeprefix("http://"))
    monkeypatch.setattr(lib.ingest.web.hosting, "FetchPolicy", lambda: TEST_POLICY)
    site.requests.clear()
    return app


def data_page(at):
    at.run()
    at.switch_page("pages/4_Data.py").run()
    return at


def collect(at, urls: str = "", **boxes: str):
    at.text_area(key="web_urls").set_value(urls)
    for key, value in boxes.items():
        at.text_area(key=f"web_{key}").set_value(value)
    collect_button(at).click().run()
    return at


def collect_button(at):
    [button] = [b for b in at.button if b.label == "Collect"]
    return button


def no_exceptions(at) -> None:
    assert not at.exception, [e.value for e in at.exception]


def captions(at) -> str:
    return "\n".join(c.value for c in at.caption)


def outcome_counts(at) -> dict[str, int]:
    [table] = [frame.value for frame in at.dataframe if "outcome" in frame.value.columns]
    return dict(zip(table["outcome"], table["URLs"], strict=True))


def ingest_report(at):
    [table] = [frame.value for frame in at.dataframe if "reason" in frame.value.columns]
    return table


# --- the page, through AppTest ---------------------------------------------------------------


def test_the_panel_is_off_unless_the_host_enables_it(app, monkeypatch):
    monkeypatch.delenv("ALLIANCE_LENS_WEB", raising=False)
    at = data_page(app)
    no_exceptions(at)
    assert "This server has not enabled collecting articles from the web" in captions(at)
    assert "ALLIANCE_LENS_WEB=1" in captions(at)
    assert not [area for area in at.text_area if area.key == "web_urls"]
    assert not [b for b in at.button if b.label == "Collect"]


def test_urls_are_collected_into_the_visitors_articles(web_app, site):
    at = data_page(web_app)
    urls = [
        site.url(path) for path in ("/news/berth.html", "/news/tariff.html", "/broken.html", "/private/secret.html")
    ]
    collect(at, "\n".join(urls) + "\n")
    no_exceptions(at)
    assert not at.error
    assert any(s.value == "Added 2 article(s) from the web. Every page now shows them." for s in at.success)
    assert outcome_counts(at) == {"fetched": 2, "refused by robots.txt": 1, "HTTP error": 1}
    assert f"All {SAMPLE_ARTICLES + 2} articles" in captions(at), "added to the sample, like an upload"
    report = ingest_report(at)
    assert set(report["input"]) >= {site.url("/broken.html"), site.url("/private/secret.html")}
    # The articles are the visitor's on every page, and survive a change of tone engine.
    requests_before = len(site.requests)
    at.switch_page("pages/3_Articles.py").run()
    no_exceptions(at)
    assert f"All {SAMPLE_ARTICLES + 2} articles" in captions(at)
    at.sidebar.selectbox(key="f_tone").set_value("vader").run()  # scored again, not fetched again
    no_exceptions(at)
    assert f"All {SAMPLE_ARTICLES + 2} articles" in captions(at)
    assert "tone by VADER" in captions(at)
    assert len(site.requests) == requests_before
    scored = at.session_state["upload_session"].collected.by_engine
    assert set(scored) == {"textblob", "vader"}
    assert scored["textblob"].frame["article_id"].tolist() == scored["vader"].frame["article_id"].tolist()
    assert scored["textblob"].frame["polarity"].tolist() != scored["vader"].frame["polarity"].tolist()


def test_replace_mode_shows_the_collected_articles_alone(web_app, site):
    at = data_page(web_app)
    at.radio(key="upload_mode").set_value("replace").run()
    collect(at, site.url("/news/tariff.html"))
    no_exceptions(at)
    assert "The only article" in captions(at)


def test_a_second_run_adds_to_the_first_and_a_page_collected_twice_counts_once(web_app, site):
    at = data_page(web_app)
    collect(at, site.url("/news/berth.html"))
    assert f"All {SAMPLE_ARTICLES + 1} articles" in captions(at)
    collect(at, site.url("/news/berth.html") + "\n" + site.url("/news/tariff.html"))
    no_exceptions(at)
    assert f"All {SAMPLE_ARTICLES + 2} articles" in captions(at)
    assert "duplicate" in set(ingest_report(at)["reason"])


def test_the_collected_articles_can_be_removed_and_an_upload_stays(web_app, site):
    at = data_page(web_app)
    at.file_uploader(key="upload").set_value(
        [("mine.csv", b'text,title\n"Tokyo and Washington talked about the alliance today.",Talks\n', "text/csv")]
    ).run()
    collect(at, site.url("/news/berth.html"))
    assert f"All {SAMPLE_ARTICLES + 2} articles" in captions(at)
    [remove] = [b for b in at.button if b.label == "Remove the articles collected from the web"]
    remove.click().run()
    no_exceptions(at)
    assert f"All {SAMPLE_ARTICLES + 1} articles" in captions(at), "the uploaded file stays"
    assert not [b for b in at.button if b.label == "Remove the articles collected from the web"]
    assert not at.success or all("from the web" not in s.value for s in at.success)


def test_without_the_allow_list_loopback_is_refused(web_app, site, monkeypatch):
    monkeypatch.delenv("ALLIANCE_LENS_WEB_ALLOW")
    at = data_page(web_app)
    collect(at, site.url("/news/berth.html"))
    no_exceptions(at)
    assert outcome_counts(at) == {"blocked address": 1}
    assert any("No article came of the last run" in w.value for w in at.warning)
    assert f"All {SAMPLE_ARTICLES} articles" in captions(at)
    assert site.requests == [], "nothing was sent to a loopback address"


@pytest.mark.parametrize(
    ("boxes", "message"),
    [
        ({"urls": ""}, "Nothing to collect: give article URLs"),
        ({"urls": "\n  \n"}, "Nothing to collect: give article URLs"),  # blank lines only
        (
            {"urls": "ftp://files.example/list.txt"},
            "Article URLs, line 1: ` ftp://files.example/list.txt ` is not a web address (ftp:)",
        ),
        (
            {"urls": "http://a.example/x\n\nnews.example/y"},
            "Article URLs, line 3: ` news.example/y ` has no http:// or https://",
        ),
        ({"feeds": "https://a.example/feed.xml https://b.example/"}, "Feeds, line 1:"),
        ({"sites": "javascript:alert(1)"}, "Sites, line 1: ` javascript:alert(1) ` is not a web address (javascript:)"),
    ],
)
def test_bad_input_is_named_and_nothing_is_fetched(web_app, site, boxes, message):
    at = data_page(web_app)
    collect(at, **boxes)
    no_exceptions(at)
    [error] = [e.value for e in at.error]
    assert message in error, error
    assert site.requests == []
    assert RUNS_KEY not in at.session_state, "a refused run is not counted"
    assert f"All {SAMPLE_ARTICLES} articles" in captions(at)


def test_a_run_fetches_at_most_the_hosts_cap(web_app, site, monkeypatch):
    monkeypatch.setenv("ALLIANCE_LENS_WEB_MAX_URLS", "1")
    at = data_page(web_app)
    assert "at most 1 page per run" in captions(at)
    collect(at, site.url("/news/berth.html") + "\n" + site.url("/news/tariff.html"))
    no_exceptions(at)
    assert outcome_counts(at) == {"fetched": 1, "over a cap": 1}
    assert f"All {SAMPLE_ARTICLES + 1} articles" in captions(at)


def test_a_session_has_a_few_runs(web_app, site, monkeypatch):
    monkeypatch.setattr(pages.ui.web, "RUNS_PER_SESSION", 2)
    at = data_page(web_app)
    collect(at, site.url("/news/berth.html"))
    assert not collect_button(at).disabled
    collect(at, site.url("/news/tariff.html"))
    no_exceptions(at)
    assert collect_button(at).disabled
    assert "This session has used its 2 collection runs." in captions(at)
    assert f"All {SAMPLE_ARTICLES + 2} articles" in captions(at)


def test_a_bad_host_setting_is_said_not_raised(app, monkeypatch):
    monkeypatch.setenv("ALLIANCE_LENS_WEB", "1")
    monkeypatch.setenv("ALLIANCE_LENS_WEB_MAX_URLS", "lots")
    at = data_page(app)
    no_exceptions(at)
    assert "Collecting from the web is unavailable" in captions(at) and "ALLIANCE_LENS_WEB_MAX_URLS" in captions(at)


def test_a_news_search_through_a_fake_gdelt(web_app, site, monkeypatch):
    monkeypatch.setattr(pages.ui.web, "GDELT_URL", site.url("/api/v2/doc/doc"))
    at = data_page(web_app)
    at.text_input(key="web_gdelt_keywords").set_value("alliance tariffs")
    at.text_input(key="web_gdelt_language").set_value("english")
    collect_button(at).click().run()
    no_exceptions(at)
    assert outcome_counts(at)["fetched"] == 2
    assert f"All {SAMPLE_ARTICLES + 2} articles" in captions(at)


# --- the input readers, without Streamlit ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "addresses", "problems"),
    [
        ("https://a.example/x\n", ["https://a.example/x"], []),
        (
            "  http://a.example/x  \n\n# a comment\nHTTPS://B.example/y",
            ["http://a.example/x", "HTTPS://B.example/y"],
            [],
        ),
        ("", [], []),
        ("\n\n", [], []),
        (
            "ftp://a.example/f",
            [],
            ["Box, line 1: ` ftp://a.example/f ` is not a web address (ftp:); only http:// and https://"],
        ),
        ("a.example/x", [], ["Box, line 1: ` a.example/x ` has no http:// or https:// in front"]),
        ("http:///nohost", [], ["Box, line 1: ` http:///nohost ` names no site after the //"]),
        ("http://a.example:99999/", [], ["Box, line 1: ` http://a.example:99999/ ` is not a well-formed address"]),
        ("http://a.example/x http://b.example/y", [], ["holds a space: put one address on each line"]),
        ("file:///etc/passwd", [], ["is not a web address (file:)"]),
        # A visitor's text is shown as typed: never a link or markup.
        ("[x](http://evil.example)", [], ["` [x](http://evil.example) ` has no http://"]),
    ],
)
def test_address_lines(text, addresses, problems):
    found, wrong = address_lines(text, "Box")
    assert found == addresses
    assert len(wrong) == len(problems)
    for message, expected in zip(wrong, problems, strict=True):
        assert expected in message, message


@pytest.mark.parametrize(
    ("name", "data", "addresses", "problem"),
    [
        (
            "list.txt",
            b"\xef\xbb\xbfhttps://a.example/x\r\nhttps://b.example/y\r\n",
            ["https://a.example/x", "https://b.example/y"],
            "",
        ),
        ("latin.txt", "https://a.example/caf\xe9".encode("latin-1"), [], "` latin.txt ` is not a UTF-8 text file"),
        (
            "huge.txt",
            b"https://a.example/x\n" * 60_000,
            [],
            "` huge.txt ` is 1,200,000 bytes; a list of URLs may be 1,048,576",
        ),
        ("mixed.txt", b"https://a.example/x\nmailto:me@a.example\n", ["https://a.example/x"], "` mixed.txt `, line 2"),
    ],
)
def test_url_file_lines(name, data, addresses, problem):
    found, wrong = url_file_lines(name, data)
    assert found == addresses
    assert (problem in wrong[0]) if problem else wrong == []


def test_gdelt_query():
    import datetime as dt

    assert gdelt_query("", (), "", "") is None
    query = gdelt_query(" tariffs ", (dt.date(2025, 3, 1), dt.date(2025, 3, 31)), " JA ", "")
    assert (query.start, query.end, query.source_country) == (dt.date(2025, 3, 1), dt.date(2025, 3, 31), "JA")
    assert gdelt_query("tariffs", (dt.date(2025, 3, 1),), "", "").end is None  # only a start picked
    with pytest.raises(GdeltError, match="needs keywords"):
        gdelt_query("", (), "JA", "")


def test_read_request_gathers_every_problem():
    request = read_request("ftp://a.example/", ("l.txt", b"nope\n"), "", "gopher://b.example/", ("", (), "JA", ""))
    assert [p.split(":", 1)[0] for p in request.problems] == [
        "Article URLs, line 1",
        "` l.txt `, line 1",
        "Sites, line 1",
        "News search",
    ]
    assert request.empty


def test_outcome_table_in_declared_order():
    table = outcome_table(Counter({"HTTP error": 1, "fetched": 3, "over a cap": 0}))
    assert table["outcome"].tolist() == ["fetched", "HTTP error"]
    assert table["URLs"].tolist() == [3, 1]


def test_the_readme_documents_the_hosts_settings():
    from lib.ingest.web.hosting import ALLOW_VARIABLE, DEFAULT_SESSION_URLS, ENABLE_VARIABLE, MAX_URLS_VARIABLE
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for variable in (ENABLE_VARIABLE, MAX_URLS_VARIABLE, ALLOW_VARIABLE):
        assert f"| `{variable}` |" in readme
    assert f"| `{MAX_URLS_VARIABLE}` | {DEFAULT_SESSION_URLS} |" in readme
    assert f"{pages.ui.web.RUNS_PER_SESSION} runs per browser session" in " ".join(readme.split())
