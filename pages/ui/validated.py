"""A validation kept in the visitor's session, so the other pages can show each topic's share
corrected for the tagging errors it measured (lib.views.validated computes the ranges)."""

from __future__ import annotations

import streamlit as st

from lib.evaluation.validation import THIN_CODED, Validation
from lib.views.validated import LoadedValidation
from pages.ui.view import current_view

VALIDATION_KEY = "loaded_validation"  # (the corpus key it was measured on, LoadedValidation)


def keep_validation(validation: Validation) -> LoadedValidation:
    """Remember the validation for the articles the view now shows."""
    loaded = LoadedValidation.from_validation(validation)
    st.session_state[VALIDATION_KEY] = (current_view().corpus, loaded)
    return loaded


def forget_validation() -> None:
    st.session_state.pop(VALIDATION_KEY, None)


def loaded_validation() -> LoadedValidation | None:
    """The session's validation, if it was measured on the articles now loaded: rates measured on
    one corpus say nothing sure about another's tagger errors."""
    kept = st.session_state.get(VALIDATION_KEY)
    if kept is None:
        return None
    corpus, loaded = kept
    return loaded if corpus == current_view().corpus else None


def validated_note(loaded: LoadedValidation, *, smoothed: bool = False) -> None:
    """The caption beside a chart carrying validated ranges: what the diamonds are and what
    they assume."""
    text = (
        f"◆ Corrected for the tagging errors measured on your {loaded.coded} coded article(s) (Validate page): "
        "the Rogan–Gladen estimate with its 95% range, which holds if the tagger errs here as it did on your "
        f"sample. Hollow ◇: under {THIN_CODED} coded articles on one side, too few to lean on."
    )
    if smoothed:
        text += " Not drawn on a smoothed series: the correction is per period."
    st.caption(text)
