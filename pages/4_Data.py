"""Data: load your own articles (kept in this browser session only), see what was used and
what was not, download the filtered table and the taxonomy."""

import streamlit as st

from lib.corpus import Corpus, combine, load_blobs
from lib.export import to_csv_bytes, to_parquet_bytes
from lib.readers import SUPPORTED_SUFFIXES
from pages import ui

UPLOAD_KEY = "upload"
MODES = {"add": "Add to the sample articles", "replace": "Replace the sample articles"}


def analyse_uploads(files) -> Corpus:
    """Analyse the uploaded files with a progress bar; bytes stay in memory, never on disk."""
    bar = st.progress(0.0, text="Analysing…")
    corpus = Corpus(ui.sample_corpus().frame.iloc[0:0])
    for index, file in enumerate(files, start=1):
        def progress(done: int, source: str, index=index) -> None:
            bar.progress((index - 1) / len(files), text=f"Analysing {source} ({done} article(s) so far)")
        one = load_blobs([(file.name, file.getvalue())], taxonomy=ui.taxonomy(), progress=progress)
        corpus = combine(corpus, one)
        bar.progress(index / len(files), text=f"Analysed {index} of {len(files)} file(s)")
    bar.empty()
    return corpus


def apply_mode(upload: Corpus, mode: str) -> None:
    own = upload if mode == "replace" else combine(ui.sample_corpus(), upload)
    st.session_state[ui.OWN_CORPUS_KEY] = own


corpus, shown = ui.begin_page("Data")

st.subheader("Load your own articles")
files = st.file_uploader(
    "Articles: " + ", ".join(SUPPORTED_SUFFIXES) + " (several at once)",
    accept_multiple_files=True, key=UPLOAD_KEY, type=[s.lstrip(".") for s in SUPPORTED_SUFFIXES],
    help="Files stay in your browser session only: they are analysed in memory, never written to "
         "disk, and no other visitor can see them.",
)
mode = st.radio("With the sample articles", options=list(MODES), format_func=MODES.get,
                key="upload_mode", horizontal=True)

signature = tuple((f.file_id, f.name, f.size) for f in files or ())
if not signature:
    st.session_state.pop("upload_corpus", None)
    st.session_state.pop("upload_signature", None)
elif st.session_state.get("upload_signature") != signature:
    st.session_state["upload_corpus"] = analyse_uploads(files)
    st.session_state["upload_signature"] = signature
    st.session_state.pop("upload_applied_mode", None)
if "upload_corpus" in st.session_state and st.session_state.get("upload_applied_mode") != mode:
    apply_mode(st.session_state["upload_corpus"], mode)
    st.session_state["upload_applied_mode"] = mode
    st.rerun()  # the sidebar filters and the title were drawn for the previous corpus
if not signature and ui.OWN_CORPUS_KEY in st.session_state:
    st.session_state.pop(ui.OWN_CORPUS_KEY)
    st.rerun()

upload = st.session_state.get("upload_corpus")
if upload is not None:
    effect = "added to the sample articles" if mode == "add" else "in place of the sample articles"
    st.success(f"Loaded {len(upload.frame)} article(s) from {len(files)} file(s), {effect}. "
               "Every page now shows them.")

st.subheader("Ingest report")
st.caption(f"{corpus.report.inputs} input(s) (files, archive members, table rows): "
           f"{len(corpus.frame)} article(s) in use, {len(corpus.report.entries)} not used.")
report = corpus.report.to_frame()
if report.empty:
    st.success("Every input was used.")
else:
    st.dataframe(report, hide_index=True, width="stretch")

st.subheader("Download")
st.caption(ui.describe_view(ui.current_view(), len(shown), len(corpus.frame)))
columns = st.columns(3)
columns[0].download_button("Filtered table (CSV)", to_csv_bytes(shown), "alliance-lens.csv",
                           mime="text/csv", disabled=shown.empty)
columns[1].download_button("Filtered table (Parquet)", to_parquet_bytes(shown),
                           "alliance-lens.parquet", mime="application/octet-stream",
                           disabled=shown.empty)
columns[2].download_button("Taxonomy in use (TOML)", ui.taxonomy().source_text.encode("utf-8"),
                           "taxonomy.toml", mime="application/toml")
