"""Streamlit glue of the Validate page: the coder's progress in the session, the coding form of
one article, and the tables of results. Every figure is computed in lib/evaluation."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
import streamlit as st

from lib.evaluation.agreement import Agreement
from lib.evaluation.codings import Coding, coded_article
from lib.evaluation.validation import THIN_CODED, TOO_THIN
from lib.reference.tenures import PM_SURNAMES
from pages.ui.render import markdown_safe

PROGRESS_KEY = "validate_progress"
TONES = {-1: "−1 negative", 0: "0 neutral", 1: "+1 positive"}
ANSWERS = ("yes", "no")
NO_PM = "(none in office is named)"


@dataclass
class Progress:
    """One coder's work on one sample, kept in their session only."""

    sample: tuple[str, ...]  # the article_ids being coded, in order
    position: int = 0
    codings: dict[str, Coding] = field(default_factory=dict)  # article_id -> coding
    skipped: set[str] = field(default_factory=set)


def progress(sample: tuple[str, ...]) -> Progress:
    """The coder's progress on `sample`; a different sample (a new draw, another link) starts afresh."""
    current = st.session_state.get(PROGRESS_KEY)
    if current is None or current.sample != sample:
        current = Progress(sample)
        st.session_state[PROGRESS_KEY] = current
    return current


def resume(codings: list[Coding], sample: tuple[str, ...]) -> tuple[int, int]:
    """Load uploaded codings into the progress: (loaded, not in this sample)."""
    state = progress(sample)
    wanted = set(sample)
    loaded = [coding for coding in codings if coding.article_id in wanted]
    state.codings.update({coding.article_id: coding for coding in loaded})
    state.skipped -= {coding.article_id for coding in loaded}
    uncoded = [i for i, article in enumerate(sample) if article not in state.codings]
    state.position = uncoded[0] if uncoded else len(sample) - 1
    return len(loaded), len(codings) - len(loaded)


def show_text(row: pd.Series) -> None:
    """The article as the coder reads it: title, the tool's date and PM, and the plain text,
    nothing highlighted (so the coder is not led) and every character escaped."""
    st.markdown(f"#### {markdown_safe(row.get('title') or '(no title)')}")
    st.caption(markdown_safe(f"{row.get('outlet') or 'outlet not named'} · {row.get('source')}"))
    with st.container(height=420, border=True):
        for paragraph in str(row.get("text") or "").split("\n\n"):
            if paragraph.strip():
                st.markdown(markdown_safe(paragraph))


def coding_form(row: pd.Series, topics: dict[str, str], previous: Coding | None) -> tuple[str, Coding | None]:
    """The coder's answers about `row`: ('save', coding), ('skip' | 'back', None), or ('', None)
    before a button is pressed. A bad corrected date is said, and nothing is saved."""
    article = row["article_id"]
    published = row.get("published")
    tool_date = "no date" if published is None or pd.isna(published) else f"{pd.Timestamp(published):%Y-%m-%d}"
    tool_pm = row.get("pm") or "none"
    with st.form(key=f"v_form_{article}", border=True):
        st.markdown("**Topics present in this article**")
        columns = st.columns(min(2, max(1, len(topics))))
        chosen = {}
        for index, (key, label) in enumerate(topics.items()):
            default = previous.topics.get(key, False) if previous else False
            chosen[key] = columns[index % len(columns)].checkbox(label, value=default, key=f"v_topic_{key}_{article}")
        tone = st.radio(
            "Tone of the article toward Japan–US relations",
            list(TONES),
            format_func=TONES.get,
            index=list(TONES).index(previous.tone) if previous and previous.tone is not None else None,
            horizontal=True,
            key=f"v_tone_{article}",
        )
        left, right = st.columns(2)
        date_right = left.radio(
            markdown_safe(f"Date right? The tool says {tool_date}"),
            ANSWERS,
            index=_answer_index(previous.date_right if previous else None),
            horizontal=True,
            key=f"v_date_{article}",
        )
        date_correction = left.text_input(
            "If not: the right date (YYYY-MM-DD; empty if the article shows none)",
            value="" if not previous or previous.date_right or not previous.published else str(previous.published),
            key=f"v_date_fix_{article}",
        )
        pm_right = right.radio(
            markdown_safe(f"PM right? The tool says {tool_pm}"),
            ANSWERS,
            index=_answer_index(previous.pm_right if previous else None),
            horizontal=True,
            key=f"v_pm_{article}",
        )
        pm_options = [NO_PM, *PM_SURNAMES]
        pm_correction = right.selectbox(
            "If not: the prime minister in office",
            pm_options,
            index=pm_options.index(previous.pm)
            if previous and not previous.pm_right and previous.pm in pm_options
            else 0,
            key=f"v_pm_fix_{article}",
        )
        buttons = st.columns(3)
        save = buttons[0].form_submit_button("Save and next", type="primary")
        skip = buttons[1].form_submit_button("Skip")
        back = buttons[2].form_submit_button("Back")
    if back:
        return "back", None
    if skip:
        return "skip", None
    if not save:
        return "", None
    if date_right is None or pm_right is None:
        st.warning("Answer “Date right?” and “PM right?” before saving (or skip this article).")
        return "", None
    try:
        coding = coded_article(
            row,
            topics=chosen,
            tone=tone,
            date_right=date_right == "yes",
            pm_right=pm_right == "yes",
            date_correction=date_correction,
            pm_correction="" if pm_correction == NO_PM else pm_correction,
        )
    except ValueError as error:
        st.warning(markdown_safe(str(error)))
        return "", None
    return "save", coding


def _answer_index(value: bool | None) -> int | None:
    return None if value is None else (0 if value else 1)


def thin_note() -> None:
    st.caption(
        f"A figure resting on fewer than {THIN_CODED} coded articles is marked “{TOO_THIN}”: "
        "its 95% interval is too wide to lean on. Code more articles."
    )


def agreement_tables(agreement: Agreement, labels: dict[str, str]) -> None:
    rows = [
        {
            "field": labels.get(f.field, f.field),
            "articles both coded": f.units,
            "percent agreement": str(f.agreement.interval),
            "Krippendorff's alpha": "undefined (one value only)" if f.alpha != f.alpha else f"{f.alpha:.3f}",
            "level": f.level,
            "note": TOO_THIN if f.units < THIN_CODED else "",
        }
        for f in agreement.fields
    ]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")
    if agreement.only_first or agreement.only_second:
        st.caption(
            f"Coded by one coder only: {len(agreement.only_first)} by you, "
            f"{len(agreement.only_second)} by the second coder; they are left out."
        )
    st.markdown(f"**Disagreements to settle** ({len(agreement.disagreements)})")
    if agreement.disagreements:
        st.dataframe(
            pd.DataFrame(
                [
                    {"article": d.file, "field": labels.get(d.field, d.field), "you": d.first, "second coder": d.second}
                    for d in agreement.disagreements
                ]
            ),
            hide_index=True,
            width="stretch",
        )
