"""The filters every page shares, in the sidebar, each bound to the view state."""

from __future__ import annotations

import streamlit as st

from lib.annotate.sentiment import ENGINE_LABELS
from lib.reference.tenures import PM_SURNAMES
from lib.views.aggregate import pm_order
from lib.views.matching import MATCHING_RULE
from lib.views.sources import Facets
from lib.views.state import ViewState, ignored_notice, without_unknown
from pages.ui.render import markdown_safe
from pages.ui.sources import missing_tone_note, taxonomy
from pages.ui.view import bound_multi_widget, bound_widget, current_view, share_url, update_view


def _date_filter(facets: Facets) -> None:
    bounds = facets.date_range
    if bounds is None:
        st.caption("No dated articles: the date filter is off.")
        return
    low, high = bounds
    view = current_view()

    def to_view(picked) -> dict | None:
        # While the visitor is picking, the range has one end only: wait for the second.
        if not isinstance(picked, (tuple, list)) or len(picked) != 2:
            return None
        start, end = picked
        # The corpus's own range is "no filter", so a link stays short and survives new data.
        return {"date_from": None if start <= low else start, "date_to": None if end >= high else end}

    bound_multi_widget(
        st.date_input,
        "f_dates",
        label="Published between",
        to_widget=lambda v: (v.date_from or low, v.date_to or high),
        to_view=to_view,
        min_value=min(low, view.date_from or low),
        max_value=max(high, view.date_to or high),
        format="YYYY-MM-DD",
    )
    if view.date_from or view.date_to:
        bound_widget(
            st.checkbox,
            "f_undated",
            "include_undated",
            label="Keep undated articles",
            help="Articles with no date cannot be placed in a date range; tick to keep them anyway.",
        )


def _tone_choice() -> None:
    bound_widget(
        st.selectbox,
        "f_tone",
        "tone",
        label="Tone engine",
        options=list(ENGINE_LABELS),
        format_func=ENGINE_LABELS.get,
        help="Which sentiment engine scores polarity and tone on every page. The About page shows how "
        "far each agrees with experts on news headlines.",
    )
    note = missing_tone_note()
    if note:
        st.caption(markdown_safe(note))


STORY_HELP = (
    "A story is one piece of reporting and its near copies: the same text reprinted by other sites "
    "under another headline, with its ending trimmed or with their own boilerplate added. Ticked, every "
    "count, share and tone takes each story once, by its earliest-published copy among the articles the "
    "other filters keep; the Articles page lists an article's copies."
)
NO_STORIES = (
    "Each story counted once is not available here: this analysis store has not been grouped into stories "
    "(a run that analyses into a store groups it when it ends; one stopped before the end leaves it "
    "ungrouped), so every copy is counted. Run `python -m lib analyze ... --store DIR` again to group it."
)


def _story_switch(facets: Facets) -> None:
    bound_widget(
        st.toggle,
        "f_dedup",
        "dedup",
        label="Count each story once",
        help=STORY_HELP,
        to_widget=lambda dedup: dedup and facets.stories,  # shown off where it cannot be on
        disabled=not facets.stories,
    )
    if not facets.stories:
        st.caption(NO_STORIES)


IGNORED_KEY = "ignored_link_values"


def _drop_unknown_values(facets: Facets, labels: dict[str, str]) -> None:
    """Values in the view (from a link) that neither the vocabularies nor these articles hold are
    dropped, and a notice naming them waits for `ignored_link_notice`."""
    known = {"topics": list(labels), "pms": [*PM_SURNAMES, *facets.pms], "outlets": facets.outlets}
    view, dropped = without_unknown(current_view(), known)
    if view != current_view():
        update_view(**{name: getattr(view, name) for name in known})
    if dropped:
        st.session_state[IGNORED_KEY] = ignored_notice(dropped)


def ignored_link_notice() -> None:
    """Say, once, in the page body, which values of the link were ignored."""
    notice = st.session_state.pop(IGNORED_KEY, "")
    if notice:
        st.warning(markdown_safe(notice))


def sidebar_filters(facets: Facets) -> ViewState:
    """The filters every page shares; returns the updated view."""
    labels = taxonomy().labels()
    _drop_unknown_values(facets, labels)
    with st.sidebar:
        st.header("Filters")
        _date_filter(facets)
        bound_widget(
            st.multiselect,
            "f_topics",
            "topics",
            label="Topics (any of)",
            options=list(labels),
            format_func=labels.get,
            to_widget=list,
            from_widget=tuple,
            placeholder="All topics",
        )
        pms = pm_order(set(facets.pms) | set(current_view().pms))
        bound_widget(
            st.multiselect,
            "f_pms",
            "pms",
            label="Prime ministers",
            options=pms,
            to_widget=list,
            from_widget=tuple,
            placeholder="All prime ministers",
        )
        outlets = sorted(set(facets.outlets) | set(current_view().outlets))
        bound_widget(
            st.multiselect,
            "f_outlets",
            "outlets",
            label="Outlets",
            options=outlets,
            to_widget=list,
            from_widget=tuple,
            placeholder="All outlets",
        )
        _story_switch(facets)
        _tone_choice()
        bound_multi_widget(
            st.slider,
            "f_polarity",
            label="Article polarity",
            min_value=-1.0,
            max_value=1.0,
            step=0.05,
            help="Polarity of the whole article by the tone engine above: -1 negative, +1 positive.",
            to_widget=lambda v: (v.polarity_min, v.polarity_max),
            to_view=lambda value: {"polarity_min": value[0], "polarity_max": value[1]},
        )
        bound_widget(
            st.text_input,
            "f_search",
            "search",
            label="Search titles and text",
            placeholder="e.g. Tomahawk",
            help=MATCHING_RULE,
        )
        with st.expander("Share this view"):
            st.caption("Copy this link: it opens the dashboard with these filters and options.")
            # A text box, not st.code: st.code loads a 1.5 MB code highlighter on every first visit.
            st.text_input("Link to this view", value=share_url(current_view()), label_visibility="collapsed")
    return current_view()
