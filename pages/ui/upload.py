"""The Data page's upload flow as one small state object in the visitor's session.

Streamlit empties the file box when the visitor switches page, so only a change the visitor made
on the Data page (flagged by the widgets' callbacks) may replace or drop their articles. The
uploaded bytes stay in this session's memory (never on disk, never seen by another visitor), so
the articles can be scored again when the visitor picks another sentiment engine.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import streamlit as st

from lib.pipeline.corpus import Corpus, combine

SESSION_KEY = "upload_session"
MODES = {"add": "Add to the sample articles", "replace": "Replace the sample articles"}
Analyse = Callable[[list[tuple[str, bytes]], str], Corpus]  # (files as (name, bytes), engine) -> corpus


@dataclass
class UploadSession:
    blobs: list[tuple[str, bytes]] = field(default_factory=list)  # the visitor's files, in memory
    analysed: dict[str, Corpus] = field(default_factory=dict)  # the upload, by sentiment engine
    combined: dict[tuple[str, str], Corpus] = field(default_factory=dict)  # what pages show, by (engine, mode)
    problem: str | None = None  # why the last upload was not used, shown until the next
    mode: str = "add"  # a key of MODES
    files_changed: bool = False  # set by the file box's callback, consumed by the page
    mode_changed: bool = False
    # A saved view's articles (a bundle from "Download this view"): shown as they were saved,
    # in place of the sample, whatever the engine (their tone was scored when they were saved).
    bundle: Corpus | None = None
    # Articles collected from the web (pages/ui/web.py), as scored by a given engine: kept beside
    # the uploaded files, shown with the sample or in its place as `mode` says, like them.
    collected: Callable[[str], Corpus] | None = None

    @classmethod
    def current(cls) -> UploadSession:
        return st.session_state.setdefault(SESSION_KEY, cls())

    @classmethod
    def existing(cls) -> UploadSession | None:
        """This visitor's upload, if they made one (without creating the state object)."""
        session = st.session_state.get(SESSION_KEY)
        owns = session is not None and (session.blobs or session.bundle is not None or session.collected is not None)
        return session if owns else None

    @property
    def n_files(self) -> int:
        return len(self.blobs)

    def use(self, blobs: list[tuple[str, bytes]], engine: str, upload: Corpus) -> None:
        """Make these files the visitor's articles, as analysed with `engine`."""
        self.blobs, self.analysed, self.combined, self.problem = list(blobs), {engine: upload}, {}, None
        self.bundle = None

    def use_collected(self, collected: Callable[[str], Corpus] | None) -> None:
        """Make these articles from the web part of the visitor's own (beside their files, if any);
        None drops them."""
        self.collected, self.combined, self.problem, self.bundle = collected, {}, None, None

    def use_bundle(self, corpus: Corpus) -> None:
        """Make a saved view's articles the visitor's, in place of the sample."""
        self.back_to_sample()
        self.bundle, self.mode = corpus, "replace"

    def corpus(self, engine: str, analyse: Analyse) -> Corpus:
        """The upload as scored by `engine`, analysed the first time it is asked for."""
        if engine not in self.analysed:
            self.analysed[engine] = analyse(self.blobs, engine)
        return self.analysed[engine]

    def own_corpus(self, engine: str, analyse: Analyse, sample: Callable[[str], Corpus]) -> Corpus:
        """What every page shows: the upload alone or added to the sample, scored by `engine`;
        combined once per engine and mode, so duplicates are reported once."""
        if self.bundle is not None:
            return self.bundle
        key = (engine, self.mode)
        if key not in self.combined:
            parts = [self.corpus(engine, analyse)] if self.blobs else []
            parts += [self.collected(engine)] if self.collected is not None else []
            upload = parts[0] if len(parts) == 1 else combine(*parts)
            self.combined[key] = upload if self.mode == "replace" else combine(sample(engine), upload)
        return self.combined[key]

    def back_to_sample(self) -> None:
        self.blobs, self.analysed, self.combined, self.problem, self.bundle = [], {}, {}, None, None
        self.collected = None
