"""Links that name their articles: the corpus fingerprint every link carries, published corpora a
link can open, and the notice when a link was made on articles this server does not show.

A published corpus is one the visitor chose to publish (Data page): it is meant for everyone who
has its unguessable link, so it is cached for all sessions; an upload that was not published stays
in its visitor's session (pages/ui/upload.py).
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from urllib.parse import parse_qs, urlencode

import streamlit as st

from lib.pipeline.bundle import BundleError, read_bundle
from lib.pipeline.corpus import Corpus
from lib.pipeline.published import PublishedCorpora, PublishError, PublishLimits
from lib.views.sources import ArticleSource
from lib.views.state import ViewState
from pages.ui.errors import literal, positive_setting
from pages.ui.upload import UploadSession
from pages.ui.view import VIEW_KEY, current_view, update_view

PUBLISH_ENV = "ALLIANCE_LENS_PUBLISH"  # "off" turns publishing off
PUBLISHED_ENV = "ALLIANCE_LENS_PUBLISHED"  # where: a folder or s3://bucket/prefix?endpoint_override=...
PUBLISHED_DAYS_ENV = "ALLIANCE_LENS_PUBLISHED_DAYS"
DEFAULT_LOCATION = Path(__file__).resolve().parents[2] / ".alliance-lens" / "published"
DEFAULT_DAYS = 30.0
PUBLISHED_PER_SESSION = 3
LINK_CORPUS_KEY = "link_corpus_mismatch"  # the fingerprint a link named, when it is not ours
LINK_CHECKED_KEY = "link_corpus_checked"


def publishing_enabled() -> bool:
    return os.environ.get(PUBLISH_ENV, "").strip().lower() not in ("off", "0", "false", "no")


def published_days() -> float:
    return positive_setting(PUBLISHED_DAYS_ENV, DEFAULT_DAYS, "days")


@st.cache_resource(show_spinner=False)
def _store(location: str, days: float) -> PublishedCorpora:
    return PublishedCorpora(location, limits=PublishLimits(max_age_seconds=days * 24 * 3600))


def published_store() -> PublishedCorpora:
    location = os.environ.get(PUBLISHED_ENV, "").strip() or str(DEFAULT_LOCATION)
    return _store(location, published_days())


@st.cache_resource(show_spinner="Opening the published corpus…", max_entries=8, ttl=600)
def _published_corpus(corpus_id: str) -> Corpus | None:
    bundle = published_store().open(corpus_id)
    return Corpus(bundle.frame) if bundle is not None else None


def published_corpus(view: ViewState) -> Corpus | None:
    """The published corpus the view names, or None (no id, publishing off, unknown or expired)."""
    if not view.published or not publishing_enabled():
        return None
    return _published_corpus(view.published)


def corpus_key(source: ArticleSource) -> str:
    """What a link writes for its articles: their fingerprint and how many there are."""
    return f"{source.fingerprint}-{source.n_total}"


def check_link_corpus(view: ViewState, source: ArticleSource) -> ViewState:
    """Write the articles' key into the view. On the session's first run (the link as it was
    opened) a key naming other articles is remembered for the notice; later runs only follow
    the visitor's own changes of articles (an upload, a saved view)."""
    key = corpus_key(source)
    if LINK_CHECKED_KEY not in st.session_state:
        st.session_state[LINK_CHECKED_KEY] = True
        if view.corpus and view.corpus != key:
            st.session_state[LINK_CORPUS_KEY] = view.corpus
    if view.corpus != key:
        view = update_view(corpus=key)
    return view


def forget_link_corpus() -> None:
    """The visitor loaded other articles themselves: the link's notice no longer applies."""
    st.session_state.pop(LINK_CORPUS_KEY, None)


def link_notices(view: ViewState, n_total: int) -> None:
    """Say plainly when the link's articles are not the ones shown, and what to do."""
    if view.published and published_corpus(view) is None:
        st.warning(
            f"This link names a published corpus ({literal(view.published)}) that this server does not hold: it "
            "expired, was deleted, or was published on another server. You are seeing this server's own "
            f"{n_total} article(s). Ask the sender to publish it again, or to send the view file (Data page, "
            "Download this view)."
        )
    named = st.session_state.get(LINK_CORPUS_KEY)
    if named:
        fingerprint, _, count = named.rpartition("-")
        had = f"{count} article(s), corpus {literal(fingerprint)}" if count.isdigit() else f"corpus {literal(named)}"
        st.warning(
            f"This link was made on other articles ({had}) than the {n_total} this server shows you, so its "
            "figures may differ from what the sender saw. For the same articles, the sender can publish their "
            "corpus or send the view file (Data page)."
        )


# --- the Data page's actions: publish, delete, open a saved view ------------------------------

PUBLISHED_KEY = "published_by_me"  # [(corpus_id, delete_secret)] published in this session


def publish(corpus: Corpus, view: ViewState) -> str | None:
    """Publish the visitor's articles and point the view at them; the problem in words, or None."""
    mine = st.session_state.setdefault(PUBLISHED_KEY, [])
    if len(mine) >= PUBLISHED_PER_SESSION:
        return (
            f"You have published {len(mine)} corpora in this session, the limit; delete one, or download "
            "the view file instead."
        )
    try:
        published = published_store().publish(corpus.frame, urlencode(replace(view, published="").to_query()))
    except PublishError as error:
        return f"Not published: {error}."
    mine.append((published.corpus_id, published.delete_secret))
    update_view(published=published.corpus_id)
    return None


def delete_published(corpus_id: str, secret: str) -> bool:
    deleted = published_store().delete(corpus_id.strip(), secret.strip())
    if deleted:
        _published_corpus.clear()
        mine = st.session_state.get(PUBLISHED_KEY, [])
        st.session_state[PUBLISHED_KEY] = [entry for entry in mine if entry[0] != corpus_id.strip()]
        if current_view().published == corpus_id.strip():
            update_view(published="")
    return deleted


def published_by_me() -> list[tuple[str, str]]:
    return list(st.session_state.get(PUBLISHED_KEY, []))


def open_saved_view(name: str, data: bytes, session: UploadSession) -> str | None:
    """A saved view file dropped on the Data page: its articles become the visitor's and its view
    the current one. The problem in words, or None."""
    try:
        bundle = read_bundle(data, name=name)
    except BundleError as error:
        return f"Not opened: {literal(str(error))}. A view file is the one Download this view gives."
    session.use_bundle(Corpus(bundle.frame))
    forget_link_corpus()
    saved = ViewState.from_query(parse_qs(bundle.view_query))
    st.session_state[VIEW_KEY] = replace(saved, published="")
    return None
