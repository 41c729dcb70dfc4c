"""Alliance Lens: the entry script and its Overview page. The other pages are in pages/;
every page starts with ui.begin_page (config, shared filters, URL, title)."""

from __future__ import annotations

import streamlit as st

from lib.views.charts import outlet_country_bar, small_timeline
from lib.views.svg_charts import prevalence_svg
from lib.views.validated import prevalence_table, with_validated_range
from pages import ui


def overview() -> None:
    corpus, shown = ui.begin_page("Alliance Lens: Japan–US coverage", browser_title="Overview")
    st.write(
        "How news coverage of **security, trade, tariffs and defense spending** in Japan–US "
        "relations moves over time and across Japan's prime ministers, and how its tone shifts."
    )
    if ui.using_sample():
        st.info(
            f"You are looking at the {corpus.n_total} bundled sample articles: enough to try every page and "
            "option, too few for any figure to mean much (every prime-minister figure is marked thin, †, and "
            "a timeline has a handful of points). Load a real corpus on the **Data** page, or analyse one "
            "with `python -m lib analyze FOLDER --store DIR` and open the dashboard on that store."
        )
    if ui.nothing_to_show(shown):
        return
    summary = shown.summary(ui.taxonomy().keys)
    _headline_metrics(summary)
    validation = ui.loaded_validation()
    validated = (
        with_validated_range(prevalence_table(summary["topic_prevalence"], summary["n_articles"]), validation)
        if validation
        else None
    )
    left, right = st.columns(2)
    with left:
        # SVG, not plotly: the first chart a new visitor sees does not wait for plotly to load.
        ui.show_svg_chart(prevalence_svg(summary["topic_prevalence"], ui.taxonomy(), summary["n_articles"], validated))
        if validation:
            ui.validated_note(validation)
    with right:
        ui.show_figure(small_timeline(shown.per_period("month"), "month"), filename="articles-per-month")
    if summary["outlet_countries"]:
        ui.show_figure(
            outlet_country_bar(summary["outlet_countries"], summary["n_articles"]),
            filename="articles-by-outlet-country",
        )
    else:  # an empty chart would only say this, at the size of a chart
        st.caption("No article's outlet is in the outlet list, so there is no breakdown by outlet country.")
    _data_quality(summary, corpus)
    _how_to_load()


def _headline_metrics(summary: dict) -> None:
    columns = st.columns([1, 2, 1, 1])
    columns[0].metric("Articles", summary["n_articles"])
    if summary["date_min"] is not None:
        span = f"{summary['date_min']:%b %Y} – {summary['date_max']:%b %Y}"
        detail = f"{summary['date_min']:%Y-%m-%d} to {summary['date_max']:%Y-%m-%d}, {summary['n_dated']} dated"
    else:
        span, detail = "no dates", "No article has a trustworthy date."
    columns[1].metric("Date range", span, help=detail)
    columns[2].metric("Outlets", len(summary["outlets"]))
    columns[3].metric("Prime ministers", len(summary["pms"]), help=", ".join(summary["pms"]) or "none")


def _data_quality(summary: dict, corpus) -> None:
    st.subheader("Data quality")
    quality = summary["quality"]
    cols = st.columns(5)
    cols[0].metric(
        "Undated",
        quality["undated"],
        help="No trustworthy publication date was found: these articles are left off time axes but counted elsewhere.",
    )
    cols[1].metric("Date from text", quality["date_from_text"])
    cols[2].metric("Date from metadata", quality["date_from_metadata"])
    cols[3].metric(
        "PM from text",
        quality["pm_from_text"],
        help="Undated articles whose sitting prime minister is named in the text.",
    )
    cols[4].metric("With warnings", quality["with_warnings"])
    if corpus.store_problems:  # the page's header warned; here, which parts and why
        for problem in corpus.store_problems:
            st.caption(ui.markdown_safe(problem))
    rejected = corpus.report.to_frame()
    if corpus.report.inputs == 0:
        st.info(
            "These articles were read from an analysis store: the `python -m lib analyze ... --store` "
            "runs that built it listed the inputs they could not use."
        )
    elif rejected.empty:
        st.success(f"Every input was used: {corpus.report.inputs} input(s), none rejected.")
    else:
        st.warning(f"{len(rejected)} input(s) were not used. Each is listed with the reason.")
        st.dataframe(rejected, hide_index=True, width="stretch")


def _how_to_load() -> None:
    with st.expander("How to load your own articles"):
        st.markdown(
            "- Open the **Data** page and upload `.txt`, `.md`, `.html`, `.csv`, `.jsonl`, "
            "`.json` files or a `.zip` of them (several at once).\n"
            "- CSV and JSON need a text column (`text`, `content`, `body` or `article`); "
            "`title`, `date`, `url` and `source` columns are used when present.\n"
            "- Choose to add them to the sample or replace it. Your files stay in your browser "
            "session only and are never written to disk.\n"
            "- From the command line: `python -m lib analyze FOLDER -o out.csv`."
        )


with ui.friendly_errors():
    overview()
