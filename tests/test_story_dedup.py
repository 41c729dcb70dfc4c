"""AppTest: counting each story once. A wire story reprinted twice (another headline, its ending
trimmed, an outlet's boilerplate added) is one article on the Overview with the switch on (the
default), three with it off (by link or by the sidebar toggle); the Articles page lists the copies
of an opened article with its original. Every text here is invented for this test."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

from pages.ui import markdown_safe
from tests.test_app import captions, no_exceptions, upload

WIRE = (
    "Officials from Tokyo and Washington agreed on Thursday to share the cost of a new fuel depot for"
    " supply ships at a port in southern Japan, ending four months of talks. The depot will hold enough"
    " fuel for a carrier group for three weeks, a defence ministry spokesperson said, and building work"
    " is due to start next spring once a survey of the harbour floor is complete. Japan will pay about"
    " two thirds of the cost under the draft, with the United States covering the pumps and the pipeline"
    " to the pier. Local fishing cooperatives asked for a promise that dredging would stop during the"
    " spawning season, and the prefecture's governor said she would hold both governments to it. Analysts"
    " said the deal fits a pattern in which Tokyo pays more of the bill in return for a say in the"
    " timetable. The agreement goes to the Diet's budget committee next month for review line by line."
)
BOILERPLATE = (
    "Subscribe to our evening newsletter for the day's top stories. Copyright the Harbour Post, all rights"
    " reserved; this article may not be republished without permission."
)
OWN_STORY = (
    "Shares of Japanese shipyards rose on Friday as traders bet that maintenance contracts would follow a"
    " new naval fuel depot. Dealers in Osaka said the gains were small and might fade if the budget"
    " committee trims the plan, while the yen was steady against the dollar ahead of a bond auction."
)
ROWS = [
    ("Allies split the bill for a fuel depot", WIRE, "2025-03-06", "Pacific Wire"),
    ("Tokyo to pay most of new depot", " ".join(WIRE.split()[:110]) + "\n\n" + BOILERPLATE, "2025-03-07",
     "Harbour Post"),
    ("Fuel depot deal reached", WIRE + "\n\n" + BOILERPLATE, "2025-03-09", "Gazette"),
    ("Shipyard shares climb", OWN_STORY, "2025-03-08", "Harbour Post"),
]  # fmt: skip


def syndicated_csv() -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["title", "text", "published", "outlet"])
    writer.writerows(ROWS)
    return out.getvalue().encode("utf-8")


def loaded(app):
    """The app on the sample (5 articles) plus the four above: 9 articles, 7 stories."""
    at = app.run()
    upload(at, ("syndicated.csv", syndicated_csv(), "text/csv"))
    no_exceptions(at)
    at.switch_page("dashboard.py").run()
    no_exceptions(at)
    return at


def articles_metric(at) -> str:
    return {m.label: m.value for m in at.metric}["Articles"]


def test_the_overview_counts_each_story_once_by_default(app):
    at = loaded(app)
    assert articles_metric(at) == "7"
    assert markdown_safe("All 9 articles, each story counted once (2 reprints set aside)") in captions(at)
    assert at.sidebar.toggle(key="f_dedup").value is True
    assert "dedup" not in at.query_params  # the default stays out of the link


def test_the_toggle_counts_every_copy(app):
    at = loaded(app)
    at.sidebar.toggle(key="f_dedup").set_value(False).run()
    no_exceptions(at)
    assert articles_metric(at) == "9"
    assert "All 9 articles, every copy of a story counted" in captions(at)
    assert at.query_params["dedup"] == "0"
    at.sidebar.toggle(key="f_dedup").set_value(True).run()
    assert articles_metric(at) == "7"


def test_a_link_can_count_every_copy(app):
    app.query_params["dedup"] = "0"
    at = app.run()
    assert at.sidebar.toggle(key="f_dedup").value is False
    upload(at, ("syndicated.csv", syndicated_csv(), "text/csv"))
    at.switch_page("dashboard.py").run()
    no_exceptions(at)
    assert articles_metric(at) == "9"


def test_an_outlet_filter_keeps_a_story_whose_original_ran_elsewhere(app):
    at = loaded(app)
    at.sidebar.multiselect(key="f_outlets").set_value(["Gazette"]).run()
    no_exceptions(at)
    assert articles_metric(at) == "1"


def _id_of(at, outlet: str, title: str) -> str:
    frame = at.session_state["upload_session"].combined[("textblob", "add")].frame
    return frame.loc[(frame["outlet"] == outlet) & (frame["title"] == title), "article_id"].iloc[0]


def test_the_articles_page_lists_an_articles_copies(app):
    at = loaded(app)
    reprint = _id_of(at, "Gazette", "Fuel depot deal reached")
    at.session_state["view"] = replace(at.session_state["view"], article=reprint)
    at.switch_page("pages/3_Articles.py").run()
    no_exceptions(at)
    # The list counts the story once, by its original; the reprint still opens from the link.
    listed = at.dataframe[0].value
    assert "Allies split the bill for a fuel depot" in set(listed["title"])
    assert "Fuel depot deal reached" not in set(listed["title"])
    copies = next(frame.value for frame in at.dataframe if "role" in frame.value.columns)
    assert copies[["role", "outlet", "opened"]].values.tolist() == [
        ["original", "Pacific Wire", False],
        ["reprint", "Harbour Post", False],
        ["reprint", "Gazette", True],
    ]
    assert "2 reprints of one story" in captions(at)


def test_a_story_of_its_own_lists_no_copies(app):
    at = loaded(app)
    alone = _id_of(at, "Harbour Post", "Shipyard shares climb")
    at.session_state["view"] = replace(at.session_state["view"], article=alone)
    at.switch_page("pages/3_Articles.py").run()
    no_exceptions(at)
    assert "it is a story of its own" in captions(at)


def test_on_a_store_the_switch_counts_stories_once_or_says_why_not(app, tmp_path, monkeypatch):
    from lib.pipeline.corpus import load_corpus
    from lib.pipeline.store_stories import STORIES_FILE
    from pages.ui.sidebar import NO_STORIES
    from tests.conftest import SEEDS

    load_corpus(SEEDS, store=tmp_path / "store")  # the run groups the store into stories
    monkeypatch.setenv("ALLIANCE_LENS_STORE", str(tmp_path / "store"))
    at = app.run()
    no_exceptions(at)
    switch = at.sidebar.toggle(key="f_dedup")
    assert not switch.disabled and switch.value is True
    assert NO_STORIES not in captions(at)
    assert articles_metric(at) == "5"  # the sample has no reprints

    (tmp_path / "store" / STORIES_FILE).unlink()  # as a run stopped before grouping leaves it
    at = app.run()
    no_exceptions(at)
    switch = at.sidebar.toggle(key="f_dedup")
    assert switch.disabled and switch.value is False  # shown off: every copy is counted
    assert NO_STORIES in captions(at)
    assert articles_metric(at) == "5"
