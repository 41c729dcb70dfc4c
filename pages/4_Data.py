"""Data: load your own articles (kept in this browser session only), see what was used and
what was not, download the filtered table and the taxonomy."""

from functools import partial

import streamlit as st

from lib.ingest.readers import SUPPORTED_SUFFIXES
from lib.pipeline.export import to_csv_bytes, to_parquet_bytes
from pages import ui
from pages.ui import errors
from pages.ui.upload import MODES, UploadSession

UPLOAD_KEY = "upload"
EXPORT_ROWS = 250_000  # rows in a download: bounds the server's memory for a store of millions


def export(write, shown) -> bytes:
    return write(shown.rows(EXPORT_ROWS))


def load_upload(files, session: UploadSession) -> None:
    """Analyse a new upload and make it the visitor's corpus; a refusal or a failure leaves
    their articles as they were and says why, in words (the traceback goes to the server log)."""
    session.problem = errors.upload_too_large(
        [(file.name, file.size) for file in files], errors.max_session_upload_bytes()
    )
    if session.problem is None:
        try:
            blobs = [(file.name, file.getvalue()) for file in files]
            engine = ui.tone_engine()
            session.use(blobs, engine, ui.analyse_upload(blobs, engine))
        except Exception as error:  # st.rerun / st.stop are BaseExceptions and pass through
            session.problem = errors.could_not_analyse(error)


with ui.friendly_errors():
    corpus, shown = ui.begin_page("Data")

    st.subheader("Load your own articles")
    session = UploadSession.current()

    def files_changed() -> None:
        session.files_changed = True

    def mode_changed() -> None:
        session.mode, session.mode_changed = st.session_state["upload_mode"], True

    files = st.file_uploader(
        "Articles: " + ", ".join(SUPPORTED_SUFFIXES) + " (several at once)",
        accept_multiple_files=True,
        key=UPLOAD_KEY,
        type=[s.lstrip(".") for s in SUPPORTED_SUFFIXES],
        on_change=files_changed,
        help="Files stay in your browser session only: they are analysed in memory, never written to "
        "disk, and no other visitor can see them.",
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
            session.back_to_sample()
        st.rerun()  # the sidebar filters and the title were drawn for the previous corpus
    if session.mode_changed:
        session.mode_changed = False
        if session.blobs:
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
        st.button("Back to the sample articles", on_click=session.back_to_sample)

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
        ui.describe_view(ui.current_view(), len(shown), corpus.n_total)
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
