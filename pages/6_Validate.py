"""Validate: draw a sample of the filtered articles, code it by hand, and see how far each figure
can be trusted (scored by lib.evaluation, the same scorers as `python -m lib evaluate`)."""

import hashlib

import streamlit as st

from lib.annotate.sentiment import ENGINE_LABELS, ENGINES, get_engine
from lib.evaluation.agreement import compare_codings
from lib.evaluation.codings import as_codings, codings_csv, parse_codings
from lib.evaluation.labels import LabelError
from lib.evaluation.sampling import DEFAULT_SAMPLE_SIZE, draw_sample, sample_weights
from lib.evaluation.validation import field_table, tone_table, topic_table, validate
from lib.views.state import MAX_SEED
from pages import ui
from pages.ui import validate as coding

STEPS = ("Draw and code", "Results", "Two coders")
MAX_SAMPLE = 1_000


def read_codings(upload, topic_keys):
    """An uploaded codings file, or None after saying what is wrong with it."""
    try:
        return parse_codings(upload.getvalue().decode("utf-8-sig"), topic_keys, name=upload.name)
    except UnicodeDecodeError:
        st.warning(ui.markdown_safe(f"{upload.name}: not UTF-8 text; save the codings as UTF-8 CSV."))
    except LabelError as error:
        st.warning(ui.markdown_safe(str(error)))
    return None


def draw_controls(shown) -> None:
    left, middle, right = st.columns([1, 1, 1])
    size = left.number_input(
        "Sample size", min_value=1, max_value=MAX_SAMPLE, value=DEFAULT_SAMPLE_SIZE, step=5, key="v_size"
    )
    if "v_seed" not in st.session_state:
        st.session_state["v_seed"] = ui.current_view().sample_seed
    seed = middle.number_input("Seed", min_value=0, max_value=MAX_SEED, step=1, key="v_seed")
    right.write("")  # aligns the button with the inputs
    if right.button("Draw sample", type="primary", key="v_draw"):
        sample = draw_sample(shown.rows(), int(size), seed=int(seed))
        ui.update_view(sample_ids=sample.article_ids, sample_seed=int(seed))
        st.rerun()  # the page above was drawn for the previous sample
    st.caption(
        "Stratified by topic tag and prime minister so rare cells are covered; the same seed on the "
        "same articles draws the same sample. The sample is in the link: a colleague who opens it codes "
        "the same articles."
    )


def code_one(rows, state, topics) -> None:
    ids = [article for article in state.sample if article in set(rows["article_id"])]
    if not ids:
        return
    state.position = min(state.position, len(ids) - 1)
    done = len(state.codings)
    st.progress(done / len(ids), text=f"{done} of {len(ids)} coded, {len(state.skipped)} skipped")
    if done + len(state.skipped) >= len(ids):
        st.success("Every article in the sample is coded or skipped: see **Results**, and download your codings.")
    article = ids[state.position]
    row = rows[rows["article_id"] == article].iloc[0]
    st.markdown(f"**Article {state.position + 1} of {len(ids)}**" + (" (coded)" if article in state.codings else ""))
    ui_text, ui_form = st.columns([5, 4])
    with ui_text:
        coding.show_text(row)
    with ui_form:
        action, coded = coding.coding_form(row, topics, state.codings.get(article))
    if action == "save":
        state.codings[article] = coded
        state.skipped.discard(article)
    elif action == "skip":
        state.skipped.add(article)
        state.codings.pop(article, None)
    if action in ("save", "skip"):
        state.position = min(state.position + 1, len(ids) - 1)
        st.rerun()
    if action == "back":
        state.position = max(state.position - 1, 0)
        st.rerun()


def save_and_load(state, topic_keys) -> None:
    with st.expander("Save or load codings", expanded=not state.codings):
        records = [state.codings[a] for a in state.sample if a in state.codings]
        st.download_button(
            f"Download codings ({len(records)} articles, CSV)",
            codings_csv(records, topic_keys),
            file_name=f"codings-seed-{ui.current_view().sample_seed}.csv",
            mime="text/csv",
            key="v_download",
            disabled=not records,
        )
        st.caption(
            "The dev set's labels format plus tone, date_right and pm_right: "
            "`python -m lib evaluate FOLDER --labels codings.csv` reads it. Title and outlet are the "
            "tool's own, not coded, so their scores from this file say nothing."
        )
        upload = st.file_uploader("Resume from a codings file", type=["csv"], key="v_upload_codings")
        if upload is not None:
            fingerprint = hashlib.sha256(upload.getvalue()).hexdigest()
            if st.session_state.get("v_loaded_codings") != fingerprint:
                codings = read_codings(upload, topic_keys)
                if codings is not None:
                    loaded, other = coding.resume(as_codings(codings), state.sample)
                    st.session_state["v_loaded_codings"] = fingerprint
                    st.success(f"Loaded {loaded} coded article(s); {other} are not in this sample.")


def results(rows, state, shown, topic_keys, labels) -> None:
    records = [state.codings[a] for a in state.sample if a in state.codings]
    if not records:
        st.info("Code some articles first (or load a codings file): results are computed from your codings.")
        return
    codings = parse_codings(codings_csv(records, topic_keys), topic_keys, name="your codings")
    summary = shown.summary(topic_keys)
    tagged = {key: (summary["topic_prevalence"].get(key, 0), summary["n_articles"]) for key in topic_keys}
    with st.spinner("Scoring your codings…"):
        result = validate(
            rows[rows["article_id"].isin(state.codings)],
            codings,
            tagged,
            engines={name: get_engine(name) for name in ENGINES},
            weights=sample_weights(shown.rows(), state.sample),
        )
    st.caption(f"{result.coded} coded article(s). Intervals are 95%.")
    if st.toggle(
        "Show the corrected shares on the other pages",
        value=True,
        key="v_show_elsewhere",
        help="The Overview, Themes over time (counts and shares) and By prime minister then show each topic's "
        "share corrected for the tagging errors measured here (◆ with its 95% range), beside the raw figures, "
        "while these articles are loaded.",
    ):
        ui.keep_validation(result)
    else:
        ui.forget_validation()
    coding.thin_note()
    st.subheader("Topics")
    st.dataframe(topic_table(result, labels), hide_index=True, width="stretch")
    st.caption(
        "Raw share: articles tagged, of those in the view. Corrected share: the same adjusted for the "
        "tagger's sensitivity and specificity measured on your codings (Rogan–Gladen, with the Lang & "
        "Reiczigel 2014 interval; weighted, since the sample over-represents rare strata)."
    )
    st.subheader("Tone")
    if result.tone:
        st.dataframe(tone_table(result, ENGINE_LABELS), hide_index=True, width="stretch")
        st.caption("Each engine labels an article −1/0/+1 with its own neutral band on the article's polarity.")
    else:
        st.caption("No article's tone was coded.")
    st.subheader("Dates and prime ministers")
    st.dataframe(field_table(result), hide_index=True, width="stretch")


def two_coders(state, topic_keys, labels) -> None:
    records = [state.codings[a] for a in state.sample if a in state.codings]
    st.write("Upload a second coder's codings of the same sample to see where you agree.")
    upload = st.file_uploader("Second coder's codings", type=["csv"], key="v_second")
    if upload is None:
        return
    second = read_codings(upload, topic_keys)
    if second is None:
        return
    if not records:
        st.info("Code the sample yourself (or load your codings) first.")
        return
    first = parse_codings(codings_csv(records, topic_keys), topic_keys, name="your codings")
    coding.agreement_tables(compare_codings(first, second), labels)


with ui.friendly_errors():
    corpus, shown = ui.begin_page("Validate")
    st.write(
        "Check the figures on your own articles: draw a sample, code it by hand, and measure the tool "
        "against your codings."
    )
    if not ui.nothing_to_show(shown):
        topic_labels = ui.taxonomy().labels()
        keys = tuple(ui.taxonomy().keys)
        view = ui.current_view()
        state = coding.progress(view.sample_ids)
        step = st.radio("Step", STEPS, horizontal=True, key="v_step", label_visibility="collapsed")
        if step == STEPS[0]:
            draw_controls(shown)
        sample_rows = ui.full_articles(shown, list(state.sample)) if state.sample else None
        if not state.sample:
            st.info("Draw a sample to start coding.")
        elif sample_rows is None or sample_rows.empty:
            st.warning("None of the sample's articles is in the current view: clear the filters in the sidebar.")
        else:
            missing = len(state.sample) - sample_rows["article_id"].nunique()
            if missing:
                st.caption(f"{missing} of the sample's articles are not in the current view and are left out.")
            save_and_load(state, keys)
            if step == STEPS[0]:
                code_one(sample_rows, state, topic_labels)
            elif step == STEPS[1]:
                results(sample_rows, state, shown, keys, topic_labels)
            else:
                two_coders(state, keys, topic_labels)
