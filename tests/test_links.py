"""Links that name their articles (AppTest): the corpus key every link carries, the notice when
a link was made on other articles, published corpora, and saved view files."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest

from lib.pipeline.bundle import corpus_fingerprint, to_bundle_bytes
from lib.pipeline.corpus import load_corpus
from pages.ui import links
from tests.conftest import SEEDS
from tests.test_data_page import csv_upload, upload


def warnings(at) -> str:
    return "\n".join(w.value for w in at.warning)


def captions(at) -> str:
    return "\n".join(c.value for c in at.caption)


@pytest.fixture
def published_folder(tmp_path, monkeypatch):
    monkeypatch.setenv(links.PUBLISHED_ENV, str(tmp_path / "published"))
    return tmp_path / "published"


def test_every_link_names_its_articles(app):
    at = app.run()
    sample = load_corpus(SEEDS).frame
    assert at.query_params["corpus"] == f"{corpus_fingerprint(sample)}-5"
    assert "made on other articles" not in warnings(at)


def test_a_link_made_on_other_articles_says_so(app):
    app.query_params["corpus"] = "0123456789abcdef-40"
    app.query_params["pm"] = "Ishiba"
    at = app.run()
    text = warnings(at)
    assert "This link was made on other articles (40 article(s), corpus ` 0123456789abcdef `)" in text
    assert "than the 5 this server shows you" in text
    assert at.query_params["corpus"].endswith("-5")  # a link copied now names what is shown
    at.switch_page("pages/1_Themes_over_time.py").run()
    assert "made on other articles" in warnings(at)  # on every page of the session


def test_publish_then_a_link_opens_the_same_articles_for_someone_else(app, published_folder):
    from streamlit.testing.v1 import AppTest

    at = app.run()
    upload(at, csv_upload("mine.csv", rows=3))
    at.radio(key="upload_mode").set_value("replace").run()
    [publish] = [b for b in at.button if b.label == "Publish these articles"]
    publish.click().run()
    assert not at.error, [e.value for e in at.error]
    corpus_id = at.query_params["pub"]
    assert len(corpus_id) == 22 and len(list(published_folder.iterdir())) == 2
    assert "Published as" in "\n".join(i.value for i in at.info)
    sender_caption = next(c for c in captions(at).splitlines() if "articles" in c)

    other = AppTest.from_file(app._script_path, default_timeout=60)
    for key, values in at.query_params.items():
        other.query_params[key] = values
    other.run()
    assert not other.exception and not warnings(other)
    assert "All 3 articles" in captions(other)
    assert sender_caption.startswith("All 3 articles")


def test_an_unknown_published_id_says_so_and_shows_this_servers_articles(app, published_folder):
    app.query_params["pub"] = "AAAAAAAAAAAAAAAAAAAAAA"
    at = app.run()
    assert "names a published corpus (` AAAAAAAAAAAAAAAAAAAAAA `) that this server does not hold" in warnings(at)
    assert "All 5 articles" in captions(at)


def test_a_saved_view_file_restores_its_articles_and_filters(app):
    frame = load_corpus(SEEDS).frame.iloc[:3].reset_index(drop=True)
    saved = to_bundle_bytes(frame, urlencode({"pm": "Ishiba", "gran": "year"}))
    at = app.run()
    upload(at, ("view.parquet", saved, "application/octet-stream"))
    assert not at.error, [e.value for e in at.error]
    assert at.query_params["pm"] == "Ishiba" and at.query_params["gran"] == "year"
    assert "of 3 articles: Ishiba" in captions(at)
    assert "Opened a saved view: 3 article(s)" in "\n".join(s.value for s in at.success)


def test_a_file_that_is_not_a_saved_view_is_refused_by_name(app):
    at = app.run()
    upload(at, ("table.parquet", b"PAR1 not a parquet file", "application/octet-stream"))
    [message] = [e.value for e in at.error]
    assert message.startswith("Not opened: ` table.parquet: not a readable Parquet file")
    assert "All 5 articles" in captions(at)


def test_publishing_can_be_turned_off_by_the_host(app, monkeypatch, published_folder):
    monkeypatch.setenv(links.PUBLISH_ENV, "off")
    at = app.run()
    upload(at, csv_upload("mine.csv"))
    assert "Publishing is turned off on this server" in captions(at)
    assert not [b for b in at.button if b.label == "Publish these articles"]


def test_the_publisher_can_delete_with_the_code(app, published_folder):
    at = app.run()
    upload(at, csv_upload("mine.csv"))
    [publish] = [b for b in at.button if b.label == "Publish these articles"]
    publish.click().run()
    corpus_id = at.query_params["pub"]
    [delete] = [b for b in at.button if b.label == f"Delete {corpus_id} now"]
    delete.click().run()
    assert list(published_folder.iterdir()) == []
    assert "pub" not in at.query_params


def test_loading_other_articles_yourself_raises_no_link_notice(app):
    at = app.run()
    upload(at, csv_upload("mine.csv", rows=2))
    assert "All 7 articles" in captions(at)
    assert "made on other articles" not in warnings(at)
    assert at.query_params["corpus"].endswith("-7")
