"""The view state: one object in the session, mirrored in the URL, and widgets bound to it."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlencode

import streamlit as st

from lib.views.state import ViewState

VIEW_KEY = "view"


def current_view() -> ViewState:
    """The view, read from the URL on a session's first run, then kept in the session: Streamlit
    clears the query string on page switches, so the session is the source of truth."""
    if VIEW_KEY not in st.session_state:
        params = {key: st.query_params.get_all(key) for key in st.query_params}
        st.session_state[VIEW_KEY] = ViewState.from_query(params)
    return st.session_state[VIEW_KEY]


def update_view(**changes) -> ViewState:
    """Change the view and mirror it into the URL at once, so every page keeps the link current
    (Streamlit clears the query string when the visitor switches page)."""
    view = replace(current_view(), **changes)
    st.session_state[VIEW_KEY] = view
    write_url(view)
    return view


def write_url(view: ViewState) -> None:
    """Mirror the view into the query string (only when it differs, to avoid extra reruns)."""
    target = view.to_query()
    current = {key: st.query_params.get(key) for key in st.query_params}
    if current != target:
        st.query_params.from_dict(target)


def share_url(view: ViewState) -> str:
    base = (st.context.url or "").split("?", 1)[0]
    query = urlencode(view.to_query())
    return f"{base}?{query}" if query else base


def bound_widget(widget, key: str, field: str, *, to_widget=lambda v: v, from_widget=lambda v: v, **kwargs):
    """Render `widget` keyed `key` showing the view's `field`; a change updates the view.

    The view, not the widget, is the source of truth: the widget is seeded from it on every
    run (Streamlit drops widget state on a page switch), and its on_change callback writes the
    visitor's change into the view before the script reruns.
    """
    return bound_multi_widget(
        widget,
        key,
        to_widget=lambda view: to_widget(getattr(view, field)),
        to_view=lambda value: {field: from_widget(value)},
        **kwargs,
    )


def bound_multi_widget(widget, key: str, *, to_widget, to_view, **kwargs):
    """Like bound_widget, for a widget that carries several fields (`to_view` returns them)."""

    def on_change() -> None:
        changes = to_view(st.session_state[key])
        if changes is not None:
            update_view(**changes)

    st.session_state[key] = to_widget(current_view())
    return widget(key=key, on_change=on_change, **kwargs)
