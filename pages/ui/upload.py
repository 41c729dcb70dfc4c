"""The Data page's upload flow as one small state object in the visitor's session.

Streamlit empties the file box when the visitor switches page, so only a change the visitor made
on the Data page (flagged by the widgets' callbacks) may replace or drop their articles. The
visitor's corpus itself is kept under OWN_CORPUS_KEY, which every page reads (pages.ui.sources).
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from lib.pipeline.corpus import Corpus, combine
from pages.ui.sources import OWN_CORPUS_KEY, sample_corpus

SESSION_KEY = "upload_session"
MODES = {"add": "Add to the sample articles", "replace": "Replace the sample articles"}


@dataclass
class UploadSession:
    corpus: Corpus | None = None  # the visitor's analysed upload, before it is combined
    n_files: int = 0
    problem: str | None = None  # why the last upload was not used, shown until the next
    mode: str = "add"  # a key of MODES
    files_changed: bool = False  # set by the file box's callback, consumed by the page
    mode_changed: bool = False

    @classmethod
    def current(cls) -> UploadSession:
        return st.session_state.setdefault(SESSION_KEY, cls())

    def use(self, upload: Corpus, n_files: int) -> None:
        self.corpus, self.n_files, self.problem = upload, n_files, None
        self.apply_mode()

    def apply_mode(self) -> None:
        """Make the upload the visitor's corpus, alone or added to the sample."""
        if self.corpus is not None:
            own = self.corpus if self.mode == "replace" else combine(sample_corpus(), self.corpus)
            st.session_state[OWN_CORPUS_KEY] = own

    def back_to_sample(self) -> None:
        self.corpus, self.n_files, self.problem = None, 0, None
        st.session_state.pop(OWN_CORPUS_KEY, None)
