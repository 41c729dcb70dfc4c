"""AppTest: every page runs, and filters, links, uploads and clicks behave."""

from __future__ import annotations

import base64
import io
import json
import zipfile

import pytest

from lib.views.charts import CUSTOMDATA_FIELDS
from pages.ui import EMPTY_RESULT
from tests.conftest import PAGES, ROOT, SEEDS


def no_exceptions(at) -> None:
    assert not at.exception, [e.value for e in at.exception]


def figures(at) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]


def svg_images(at) -> list[str]:
    """The SVG charts a page shows as images (st.image of an SVG string: a base64 data URL)."""
    prefix = "data:image/svg+xml;base64,"
    urls = [image.proto.imgs[0].url for image in at.get("image")]
    return [base64.b64decode(url.removeprefix(prefix)).decode("utf-8") for url in urls if url.startswith(prefix)]


def trace_names(figure: dict) -> list[str]:
    return [trace.get("name") for trace in figure["data"]]


def captions(at) -> str:
    return "\n".join(c.value for c in at.caption)


CSV_UPLOAD = (
    b"Headline,Body,Published,Publisher,Desk\n"
    b'"Tariff talks open","Japan and the United States opened talks on auto tariffs on Monday. '
    b"Prime Minister Shigeru Ishiba said the alliance was strong. Officials discussed trade and "
    b'investment.",2025-03-10,Example Wire,economy\n'
)


def upload(at, *files) -> None:
    at.switch_page("pages/4_Data.py").run()
    at.file_uploader(key="upload").set_value(list(files)).run()


def test_overview_runs_on_the_sample(app):
    at = app.run()
    no_exceptions(at)
    assert any("All 5 articles" in c.value for c in at.caption)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Articles"] == "5"
    assert metrics["Undated"] == "2"
    # The topic counts are an SVG image (drawn before plotly loads); the other two charts are plotly.
    assert 'data-chart="topic-prevalence"' in svg_images(at)[0]
    assert len(figures(at)) == 2
    by_country = figures(at)[1]
    assert by_country["layout"]["title"]["text"].startswith("Articles by outlet country")
    # The sample's wire credits name Japanese and US outlets; the chart names the countries.
    assert set(by_country["data"][0]["y"]) <= {"Japan", "United States", "United Kingdom", "China"}


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_on_the_sample(app, page):
    at = app.run()
    at.switch_page(page).run()
    no_exceptions(at)
    assert at.title, "each page has a title"


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_on_an_uploaded_corpus(app, page):
    at = app.run()
    upload(at, ("extra.csv", CSV_UPLOAD, "text/csv"))
    no_exceptions(at)
    at.switch_page(page).run()
    no_exceptions(at)


def test_topic_filter_changes_the_timeline(app):
    at = app.run()
    at.switch_page("pages/1_Themes_over_time.py").run()
    before = [n for n in trace_names(figures(at)[0]) if n]
    at.sidebar.multiselect(key="f_topics").set_value(["defense_spending"]).run()
    no_exceptions(at)
    after = [n for n in trace_names(figures(at)[0]) if n]
    assert len(before) == 4
    assert after == ["Defense spending"]
    assert at.query_params["topic"] == "defense_spending"
    assert "Defense spending" in captions(at)


def test_pm_filter_changes_the_counts(app):
    at = app.run()
    at.sidebar.multiselect(key="f_pms").set_value(["Ishiba"]).run()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Articles"] == "2"
    assert "2 of 5 articles: Ishiba" in captions(at)


def test_a_link_restores_the_view_and_survives_a_page_switch(app):
    app.query_params["topic"] = "security,trade"
    app.query_params["pm"] = "Kishida"
    app.query_params["gran"] = "year"
    app.query_params["measure"] = "share"
    at = app.run()
    no_exceptions(at)
    assert at.sidebar.multiselect(key="f_topics").value == ["security", "trade"]
    assert at.sidebar.multiselect(key="f_pms").value == ["Kishida"]
    at.switch_page("pages/1_Themes_over_time.py").run()
    no_exceptions(at)
    assert at.selectbox(key="o_granularity").value == "year"
    assert at.selectbox(key="o_measure").value == "share"
    assert at.query_params["topic"] == "security,trade"
    assert at.query_params["gran"] == "year"
    at.switch_page("pages/3_Articles.py").run()
    assert at.query_params["pm"] == "Kishida"
    assert "1 of 5 articles" in captions(at)  # 001 is framing only: no topic


def test_junk_in_the_link_falls_back_to_defaults(app):
    app.query_params["gran"] = "fortnight"
    app.query_params["from"] = "not-a-date"
    app.query_params["pol"] = "banana"
    at = app.run()
    no_exceptions(at)
    at.switch_page("pages/1_Themes_over_time.py").run()
    no_exceptions(at)
    assert at.selectbox(key="o_granularity").value == ""  # automatic: chosen from the articles


def test_unknown_values_in_a_link_are_ignored_and_named(app):
    app.query_params["topic"] = ["bogus", "security"]
    app.query_params["outlet"] = "Daily Nowhere"
    at = app.run()
    no_exceptions(at)
    notices = [w.value for w in at.warning]
    assert any('topic "bogus"' in n and 'outlet "Daily Nowhere"' in n for n in notices), notices
    at.switch_page("pages/1_Themes_over_time.py").run()
    # The filter that is left is the one the widget shows, and the link says so too.
    assert at.sidebar.multiselect(key="f_topics").value == ["security"]
    assert at.sidebar.multiselect(key="f_outlets").value == []
    assert at.query_params["topic"] == "security" and "outlet" not in at.query_params
    assert "Security" in at.caption[0].value


def test_an_empty_filter_result_says_so(app):
    at = app.run()
    at.sidebar.text_input(key="f_search").input("no article says zqxjv").run()
    no_exceptions(at)
    assert any(EMPTY_RESULT in i.value for i in at.info)
    for page in PAGES:
        at.switch_page(page).run()
        no_exceptions(at)


def test_upload_adds_articles_to_the_sample(app):
    at = app.run()
    upload(at, ("extra.csv", CSV_UPLOAD, "text/csv"))
    no_exceptions(at)
    assert any("Loaded 1 article" in s.value for s in at.success)
    at.switch_page("pages/3_Articles.py").run()
    table = at.dataframe[0].value
    assert "Tariff talks open" in set(table["title"])
    assert len(table) == 6


def test_upload_can_replace_the_sample_and_reports_rejects(app):
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("good.txt", "Japan and the US discussed tariffs on steel. The alliance held.")
        zf.writestr("../evil.txt", "escape attempt")
        zf.writestr("empty.txt", "")
    at = app.run()
    upload(at, ("batch.zip", archive.getvalue(), "application/zip"))
    at.radio(key="upload_mode").set_value("replace").run()
    no_exceptions(at)
    report = at.dataframe[0].value
    assert set(report["reason"]) >= {"unsafe path", "empty"}
    at.switch_page("pages/3_Articles.py").run()
    assert len(at.dataframe[0].value) == 1


def test_uploads_stay_in_their_session(app):
    from streamlit.testing.v1 import AppTest

    at = app.run()
    upload(at, ("extra.csv", CSV_UPLOAD, "text/csv"))
    other = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60).run()
    assert {m.label: m.value for m in other.metric}["Articles"] == "5"


def test_clicking_a_timeline_point_lists_its_articles(app):
    at = app.run()
    at.switch_page("pages/1_Themes_over_time.py").run()
    figure = figures(at)[0]
    trace = next(t for t in figure["data"] if t.get("name") == "Security")
    customdata = trace["customdata"][0]
    at.session_state["timeline_chart"] = {"selection": {"points": [{"customdata": customdata}]}}
    at.run()
    no_exceptions(at)
    n_tagged = dict(zip(CUSTOMDATA_FIELDS, customdata, strict=False))["n_tagged"]
    listed = at.dataframe[0].value
    assert len(listed) == n_tagged >= 1
    assert any("Articles behind this point" in s.value for s in at.subheader)


def test_an_article_opens_from_the_link_with_its_evidence(app):
    from lib import load_articles

    frame = load_articles(SEEDS)
    target = frame[frame["source"].str.contains("004")].iloc[0]
    app.query_params["article"] = target["article_id"]
    at = app.run()
    at.switch_page("pages/3_Articles.py").run()
    no_exceptions(at)
    assert any(f'<h3 class="article-title">{target["title"]}</h3>' in h.proto.body for h in at.get("html"))
    assert any("Jiji Press" in c.value for c in at.caption)
    assert [m.label for m in at.metric] == ["Published", "Prime minister", "Polarity", "Words"]
    assert any(f"Date: {target['published']:%Y-%m-%d} \\(from text" in c.value for c in at.caption)


def test_kwic_lists_occurrences(app):
    at = app.run()
    at.switch_page("pages/3_Articles.py").run()
    at.text_input(key="o_kwic").input("Tomahawk").run()
    no_exceptions(at)
    assert any("1 occurrence" in c.value for c in at.caption)


def test_an_upload_survives_visiting_other_pages(app):
    at = app.run()
    upload(at, ("extra.csv", CSV_UPLOAD, "text/csv"))
    at.switch_page("pages/1_Themes_over_time.py").run()
    at.switch_page("pages/4_Data.py").run()
    no_exceptions(at)
    assert any("Loaded 1 article" in s.value for s in at.success)
    at.switch_page("dashboard.py").run()
    assert {m.label: m.value for m in at.metric}["Articles"] == "6"


def test_back_to_the_sample_drops_the_upload(app):
    at = app.run()
    upload(at, ("extra.csv", CSV_UPLOAD, "text/csv"))
    at.button[0].click().run()
    at.switch_page("dashboard.py").run()
    assert {m.label: m.value for m in at.metric}["Articles"] == "5"


@pytest.mark.parametrize("page", PAGES)
def test_a_failure_inside_a_page_is_a_friendly_message(app, page, monkeypatch):
    import pages.ui as ui

    at = app.run()

    def broken(*args, **kwargs):
        raise RuntimeError("/secret/server/path exploded")

    monkeypatch.setattr(ui, "nothing_to_show", broken)
    monkeypatch.setattr(ui.shell, "describe_view", broken)
    at.switch_page(page).run()
    no_exceptions(at)
    messages = " ".join(e.value for e in at.error)
    assert "Something went wrong while drawing this page (RuntimeError)" in messages
    assert "/secret" not in messages


def _polarity_heatmap(at) -> dict:
    return next(f for f in figures(at) if "Mean polarity" in f["layout"]["title"]["text"])


def test_the_tone_engine_comes_from_the_link_and_every_polarity_figure_names_it(app):
    app.query_params["tone"] = "vader"
    at = app.run()
    at.switch_page("pages/2_By_prime_minister.py").run()
    no_exceptions(at)
    assert at.caption[0].value.endswith("tone by VADER")
    assert at.sidebar.selectbox(key="f_tone").value == "vader"
    vader = _polarity_heatmap(at)
    assert vader["layout"]["title"]["text"].endswith("tone: VADER</sup>")

    at.sidebar.selectbox(key="f_tone").set_value("textblob").run()
    no_exceptions(at)
    textblob = _polarity_heatmap(at)
    assert textblob["layout"]["title"]["text"].endswith("tone: TextBlob</sup>")
    # Same articles, other scores: the engine really changed, not only the label.
    assert vader["data"][0]["z"] != textblob["data"][0]["z"]


def test_the_pm_tone_chart_follows_its_measure_and_link(app):
    app.query_params["pmtone"] = "net_tone"
    at = app.run()
    at.switch_page("pages/2_By_prime_minister.py").run()
    no_exceptions(at)
    assert at.selectbox(key="o_pm_tone").value == "net_tone"
    titles = [f["layout"]["title"]["text"] for f in figures(at)]
    assert any(t.startswith("Net tone of the articles tagged with each topic") for t in titles)

    at.selectbox(key="o_pm_tone").set_value("negative_share").run()
    no_exceptions(at)
    assert at.query_params["pmtone"] in ("negative_share", ["negative_share"])
    negative = next(f for f in figures(at) if f["layout"]["title"]["text"].startswith("Share of negative"))
    # Cells read as percents ("–" where no tagged article has a tone figure).
    cells = [cell.removesuffix(" †") for row in negative["data"][0]["text"] for cell in row]
    assert any(cell.endswith("%") for cell in cells)
    assert all(cell == "–" or (cell.endswith("%") and 0 <= int(cell[:-1]) <= 100) for cell in cells)


def test_the_timeline_draws_net_tone_and_names_the_engine(app):
    app.query_params["measure"] = "net_tone"
    app.query_params["tone"] = "vader"
    at = app.run()
    at.switch_page("pages/1_Themes_over_time.py").run()
    no_exceptions(at)
    assert at.selectbox(key="o_measure").value == "net_tone"
    title = figures(at)[0]["layout"]["title"]["text"]
    assert title.startswith("Net tone of the articles tagged with each topic") and "tone: VADER" in title


def test_choosing_an_engine_writes_it_into_the_link(app):
    at = app.run()
    at.sidebar.selectbox(key="f_tone").set_value("economy").run()
    no_exceptions(at)
    assert at.query_params["tone"] in ("economy", ["economy"])
    assert at.caption[0].value.endswith("tone by Economy \\(VADER + economic direction\\)")


def test_an_unknown_engine_in_a_link_falls_back_to_the_default(app):
    app.query_params["tone"] = "crystal-ball"
    at = app.run()
    no_exceptions(at)
    assert at.sidebar.selectbox(key="f_tone").value == "textblob"


def test_an_upload_is_scored_again_by_the_engine_picked_after_it(app):
    at = app.run()
    upload(at, ("news.csv", CSV_UPLOAD, "text/csv"))
    at.radio(key="upload_mode").set_value("replace").run()
    at.switch_page("pages/3_Articles.py").run()
    before = at.dataframe[0].value["polarity"].tolist()
    at.sidebar.selectbox(key="f_tone").set_value("vader").run()
    no_exceptions(at)
    after = at.dataframe[0].value
    assert len(after) == 1  # still only the upload
    assert after["polarity"].tolist() != before


def test_the_about_page_shows_how_far_each_tone_engine_can_be_trusted(app):
    at = app.run()
    at.switch_page("pages/5_About.py").run()
    no_exceptions(at)
    assert any(s.value == "How far to trust tone" for s in at.subheader)
    [tone] = [d.value for d in at.dataframe if "engine" in d.value.columns]
    assert list(tone["engine"]) == ["TextBlob", "VADER", "Economy (VADER + economic direction)"]


def test_the_about_page_shows_how_far_each_topic_tag_can_be_trusted(app):
    at = app.run()
    at.switch_page("pages/5_About.py").run()
    no_exceptions(at)
    assert any(s.value == "How far to trust the topic tags" for s in at.subheader)
    [tags] = [d.value for d in at.dataframe if "topic" in d.value.columns and "F1 [95%]" in d.value.columns]
    assert list(tags["topic"]) == ["Security", "Trade", "Tariffs", "Defense spending"]


@pytest.mark.parametrize(
    "hostile",
    ["$x^2$ wins", ":material/warning: alert", ":smile: news", "see https://example.com", "**bold** [a](b)"],
)
def test_visitor_text_is_shown_literally_never_as_maths_icons_or_links(hostile):
    from pages.ui.render import markdown_safe

    safe = markdown_safe(hostile)
    assert "$" not in safe.replace("\\$", "")
    assert ":material/" not in safe and ":smile:" not in safe and "://" not in safe
    assert safe.replace("\\", "").replace("\u2060", "") == hostile


def test_a_shared_link_cannot_make_the_page_render_maths(app):
    app.query_params["q"] = "$\\frac{1}{0}$ :material/home:"
    at = app.run()
    no_exceptions(at)
    header = at.caption[0].value
    assert "\\$" in header and ":\u2060material" in header
