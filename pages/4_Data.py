"""Data: load your own articles (kept in this browser session only), see what was used and
what was not, download the filtered table and the taxonomy."""

from functools import partial
from urllib.parse import urlencode

import streamlit as st

from lib.ingest.readers import SUPPORTED_SUFFIXES
from lib.pipeline.bundle import to_bundle_bytes
from lib.pipeline.export import to_csv_bytes, to_parquet_bytes
from pages import ui
from pages.ui import errors, links
from pages.ui.upload import MODES, UploadSession
from pages.ui.web import web_panel

UPLOAD_KEY = "upload"
SAVED_VIEW_SUFFIX = ".parquet"  # what Download this view writes
EXPORT_ROWS = 250_000  # rows in a download: bounds the server's memory for a store of millions


def export(write, shown) -> bytes:
    return write(shown.rows(EXPORT_ROWS))


def load_upload(files, session: UploadSession) -> None:
    """Analyse a new upload and make it the visitor's corpus; a refusal or a failure leaves
    their articles as they were and says why, in words (the traceback goes to the server log)."""
    session.problem = errors.upload_too_large(
        [(file.name, file.size) for file in files], errors.max_session_upload_bytes()
    )
    saved_views = [file for file in files if file.name.lower().endswith(SAVED_VIEW_SUFFIX)]
    if session.problem is None and saved_views:
        if len(files) > 1:
            session.problem = (
                "A saved view file opens on its own: drop it without other files. Nothing was loaded; your "
                "articles so far are unchanged."
            )
        else:
            session.problem = links.open_saved_view(saved_views[0].name, saved_views[0].getvalue(), session)
        return
    if session.problem is None:
        try:
            blobs = [(file.name, file.getvalue()) for file in files]
            engine = ui.tone_engine()
            session.use(blobs, engine, ui.analyse_upload(blobs, engine))
            links.forget_link_corpus()
            # They named articles the visitor no longer sees (the sample's, when the upload replaces it).
            ui.update_view(published="", **({"article": ""} if session.mode == "replace" else {}))
        except Exception as error:  # st.rerun / st.stop are BaseExceptions and pass through
            session.problem = errors.could_not_analyse(error)


with ui.friendly_errors():
    corpus, shown = ui.begin_page("Data")

    st.subheader("Load your own articles")
    st.caption(
        "Your articles live in this browser tab's session: they stay while you switch pages and are gone "
        "when you reload or close the tab, or after a long idle time. To keep a view, download it below."
    )
    session = UploadSession.current()

    def back_to_sample() -> None:
        session.back_to_sample()
        links.forget_link_corpus()
        ui.update_view(published="", article="")  # neither names anything in the sample

    def files_changed() -> None:
        session.files_changed = True

    def mode_changed() -> None:
        session.mode, session.mode_changed = st.session_state["upload_mode"], True

    files = st.file_uploader(
        "Articles: " + ", ".join(SUPPORTED_SUFFIXES) + " (several at once)",
        accept_multiple_files=True,
        key=UPLOAD_KEY,
        type=[s.lstrip(".") for s in (*SUPPORTED_SUFFIXES, SAVED_VIEW_SUFFIX)],
        on_change=files_changed,
        help="Files stay in your browser session only: they are analysed in memory, never written to "
        f"disk, and no other visitor can see them. A {SAVED_VIEW_SUFFIX} file from Download this view "
        "restores that view: its articles and its filters.",
    )
    st.session_state["upload_mode"] = session.mode
    st.radio(
        "With the sample articles",
        options=list(MODES),
        format_func=MODES.get,
        key="upload_mode",
        horizontal=True,
        on_change=mode_changed,
    )

    if session.files_changed:
        session.files_changed = False
        if files:
            load_upload(files, session)
        else:
            back_to_sample()
        st.rerun()  # the sidebar filters and the title were drawn for the previous corpus
    if session.mode_changed:
        session.mode_changed = False
        if session.blobs or session.collected is not None:
            st.rerun()  # the pages now show the upload with or without the sample

    if session.problem:
        st.error(session.problem)
    if session.blobs:
        effect = "added to the sample articles" if session.mode == "add" else "in place of the sample articles"
        upload = session.corpus(ui.tone_engine(), ui.analyse_upload)
        st.success(
            f"Loaded {len(upload.frame)} article(s) from {session.n_files} file(s), "
            f"{effect}. Every page now shows them."
        )
        if not files:  # Streamlit empties the file box on a page switch; the articles stay
            st.caption("The file box is empty because you switched pages; your articles are still loaded.")
        st.button("Back to the sample articles", on_click=back_to_sample)
    if session.bundle is not None:
        st.success(
            f"Opened a saved view: {len(session.bundle.frame)} article(s) with the filters it was saved with, "
            "in place of the sample articles."
        )
        st.button("Back to the sample articles", on_click=back_to_sample)

    web_panel()

    st.subheader("Share these articles")
    view = ui.current_view()
    frame = getattr(corpus, "frame", None)  # a store's articles are too many for one file
    st.download_button(
        "Download this view (articles and filters, one file)",
        partial(to_bundle_bytes, frame, urlencode(view.to_query())) if frame is not None else b"",
        "alliance-lens-view.parquet",
        mime="application/octet-stream",
        disabled=frame is None,
        help="Drop the file on this page (here or on another server) to see exactly this view again.",
    )
    if UploadSession.existing() is None and links.published_corpus(view) is not None:
        st.caption(
            "These articles were published by whoever sent this link: everyone who opens it sees them, until "
            "they expire or the publisher deletes them. Download the view to keep your own copy."
        )
    elif UploadSession.existing() is None:
        st.caption(
            "These are this server's own articles: the link in the sidebar already shows them, with these "
            "filters, to anyone who opens it."
        )
    elif not links.publishing_enabled():
        st.caption("Publishing is turned off on this server: send the view file instead.")
    else:

        def publish() -> None:
            session.problem = links.publish(ui.own_corpus(), ui.current_view())

        st.button(
            "Publish these articles",
            on_click=publish,
            help=f"Keeps a copy of your articles on this server for {links.published_days():g} days, so that "
            "anyone with the view's link sees them. Only the link opens it: no page lists published corpora.",
        )
    for corpus_id, secret in links.published_by_me():
        st.info(
            f"Published as {errors.literal(corpus_id)}: the sidebar's link now opens these articles for anyone "
            f"who has it. To delete them later, keep this delete code: {errors.literal(secret)}"
        )
        st.button(
            f"Delete {corpus_id} now",
            key=f"delete_{corpus_id}",
            on_click=links.delete_published,
            args=(corpus_id, secret),
        )
    with st.expander("Delete a published corpus"):
        with st.form("delete_published", clear_on_submit=True):
            corpus_id = st.text_input("Corpus id (the link's pub= value)")
            secret = st.text_input("Delete code", type="password")
            if st.form_submit_button("Delete"):
                if links.delete_published(corpus_id, secret):
                    st.success("Deleted: the link no longer opens those articles.")
                else:
                    st.error("Not deleted: no published corpus has that id and delete code.")

    st.subheader("Ingest report")
    st.caption(
        f"{corpus.report.inputs} input(s) (files, archive members, table rows): "
        f"{corpus.n_total} article(s) in use, {corpus.report.n_unused} not used."
    )
    report = corpus.report.to_frame()
    if report.empty:
        st.success("Every input was used.")
    else:
        st.dataframe(report, hide_index=True, width="stretch")

    st.subheader("Download")
    st.caption(
        ui.describe_view(
            ui.current_view(), len(shown), corpus.n_total, reprints=shown.reprints, stories=corpus.facets().stories
        )
        + (
            f" Downloads hold the first {EXPORT_ROWS:,} of them; narrow the filters for the rest."
            if len(shown) > EXPORT_ROWS
            else ""
        )
    )
    columns = st.columns(3)
    # Callables: the files are built when the visitor clicks, not on every run of this page, and no
    # copy of the table waits in the server's memory for a click that may never come.
    columns[0].download_button(
        "Filtered table (CSV)",
        partial(export, to_csv_bytes, shown),
        "alliance-lens.csv",
        mime="text/csv",
        disabled=len(shown) == 0,
    )
    columns[1].download_button(
        "Filtered table (Parquet)",
        partial(export, to_parquet_bytes, shown),
        "alliance-lens.parquet",
        mime="application/octet-stream",
        disabled=len(shown) == 0,
    )
    columns[2].download_button(
        "Taxonomy in use (TOML)",
        partial(str.encode, ui.taxonomy().source_text, "utf-8"),
        "taxonomy.toml",
        mime="application/toml",
    )
