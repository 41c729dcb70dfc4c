"""AppTest of the Validate page: the seeded draw, coding through the widgets, codings files in and
out, and every figure equal to lib.evaluation's on the same data."""

from __future__ import annotations

import json
import os

import pandas as pd
import pytest

from lib.annotate.sentiment import ENGINE_LABELS, ENGINES, get_engine
from lib.evaluation.agreement import compare_codings
from lib.evaluation.codings import coded_article, codings_csv, parse_codings
from lib.evaluation.sampling import draw_sample, sample_weights
from lib.evaluation.validation import TOO_THIN, field_table, tone_table, topic_table, validate
from lib.pipeline.corpus import load_corpus
from lib.reference.taxonomy import default_taxonomy
from lib.views.charts import VALIDATED_GROUP, VALIDATED_LEGEND
from lib.views.svg_charts import prevalence_svg
from lib.views.validated import LoadedValidation, prevalence_table, with_validated_range
from pages.ui.validated import VALIDATION_KEY
from tests.conftest import ROOT, SEEDS
from tests.test_app import svg_images

PAGE = "pages/6_Validate.py"
KEYS = tuple(default_taxonomy().keys)


def no_exceptions(at) -> None:
    assert not at.exception, [e.value for e in at.exception]


def open_page(app, **query):
    at = app
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(PAGE).run()
    no_exceptions(at)
    return at


def draw(at, size: int, seed: int):
    at.number_input(key="v_size").set_value(size)
    at.number_input(key="v_seed").set_value(seed)
    at.button(key="v_draw").click().run()
    no_exceptions(at)
    return tuple(at.session_state["validate_progress"].sample)


def button(at, label: str):
    return next(b for b in at.button if b.label == label)


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    """The sample articles as the page holds them (sources relative to the repository)."""
    articles = load_corpus(SEEDS).frame
    articles["source"] = articles["source"].str.replace(str(ROOT) + os.sep, "", regex=False)
    return articles


def test_same_seed_same_articles_and_the_sample_goes_in_the_link(app, frame):
    at = open_page(app)
    assert any("Draw a sample" in i.value for i in at.info)
    sample = draw(at, 3, 7)
    assert sample == draw_sample(frame, 3, seed=7).article_ids
    assert at.query_params["seed"] == "7"
    assert at.query_params["sample"] == ",".join(sample)
    again = draw(at, 3, 7)
    assert again == sample


def test_a_link_opens_the_same_sample(app, frame):
    sample = draw_sample(frame, 2, seed=11).article_ids
    at = open_page(app, seed="11", sample=",".join(sample))
    assert tuple(at.session_state["validate_progress"].sample) == sample
    assert at.markdown[2].value.startswith("**Article 1 of 2**")


def code_current(at, *, topics=(), tone=None, date="yes", pm="yes", **fixes):
    state = at.session_state["validate_progress"]
    article = state.sample[state.position]
    for key in topics:
        at.checkbox(key=f"v_topic_{key}_{article}").check()
    if tone is not None:
        at.radio(key=f"v_tone_{article}").set_value(tone)
    at.radio(key=f"v_date_{article}").set_value(date)
    at.radio(key=f"v_pm_{article}").set_value(pm)
    if "date_fix" in fixes:
        at.text_input(key=f"v_date_fix_{article}").input(fixes["date_fix"])
    button(at, "Save and next").click().run()
    no_exceptions(at)
    return article


def test_coding_through_the_widgets_skip_and_back(app, frame):
    at = open_page(app)
    sample = draw(at, 3, 5)
    first = code_current(at, topics=["security"], tone=1)
    button(at, "Skip").click().run()
    second = code_current(at, tone=-1, date="no", date_fix="2020-02-03")
    state = at.session_state["validate_progress"]
    assert set(state.codings) == {first, second} and state.skipped == {sample[1]}
    assert "2 of 3 coded, 1 skipped" in at.get("progress")[0].proto.text
    rows = frame.set_index("article_id")
    assert state.codings[first].topics["security"] is True and state.codings[first].tone == 1
    assert state.codings[first].published == _day(rows.loc[first, "published"])
    assert str(state.codings[second].published) == "2020-02-03" and state.codings[second].date_right is False
    button(at, "Back").click().run()
    assert at.session_state["validate_progress"].position == 1
    # The CSV offered for download is the labels format lib.evaluation reads back.
    csv = codings_csv([state.codings[a] for a in sample if a in state.codings], KEYS)
    assert parse_codings(csv, KEYS).tones == {rows.loc[first, "source"]: 1, rows.loc[second, "source"]: -1}
    download = at.get("download_button")[0]
    assert "2 articles" in download.proto.label


def test_a_bad_date_correction_is_said_and_not_saved(app):
    at = open_page(app)
    draw(at, 2, 1)
    code_current(at, date="no", date_fix="3rd of May")
    assert any("is not a date YYYY-MM-DD" in w.value for w in at.warning)
    assert at.session_state["validate_progress"].codings == {}


def _day(value):
    return None if pd.isna(value) else pd.Timestamp(value).date()


def my_codings(frame, sample, *, flip: bool = False) -> str:
    """Codings of my own making: the tool's tags mostly accepted, one topic judged the other way."""
    rows = frame.set_index("article_id")
    made = []
    for index, article in enumerate(sample):
        row = rows.loc[article].to_dict() | {"article_id": article}
        topics = {key: key in row["topics"] for key in KEYS}
        if index == 0 or flip and index == 1:
            topics["trade"] = not topics["trade"]
        made.append(coded_article(row, topics=topics, tone=(index % 3) - 1, date_right=index != 2, pm_right=True))
    return codings_csv(made, KEYS)


def test_upload_codings_and_every_figure_is_lib_evaluations(app, frame):
    at = open_page(app)
    sample = draw(at, 5, 3)
    text = my_codings(frame, sample)
    at.file_uploader(key="v_upload_codings").set_value(("mine.csv", text.encode(), "text/csv")).run()
    no_exceptions(at)
    assert any("Loaded 5 coded article(s)" in s.value for s in at.success)
    at.radio(key="v_step").set_value("Results").run()
    no_exceptions(at)

    page_rows = frame[frame["article_id"].isin(sample)]
    summary_tagged = {key: (int(frame["topics"].map(lambda t, k=key: k in t).sum()), len(frame)) for key in KEYS}
    expected = validate(
        page_rows,
        parse_codings(text, KEYS),
        summary_tagged,
        engines={name: get_engine(name) for name in ENGINES},
        weights=sample_weights(frame, sample),
    )
    tables = [table.value.reset_index(drop=True) for table in at.dataframe]
    labels = default_taxonomy().labels()
    pd.testing.assert_frame_equal(tables[0], topic_table(expected, labels), check_dtype=False)
    pd.testing.assert_frame_equal(tables[1], tone_table(expected, ENGINE_LABELS), check_dtype=False)
    pd.testing.assert_frame_equal(tables[2], field_table(expected), check_dtype=False)
    assert TOO_THIN in tables[0].loc[0, "note"]  # five coded articles


def test_second_coder_gives_agreement(app, frame):
    at = open_page(app)
    sample = draw(at, 4, 9)
    mine, theirs = my_codings(frame, sample), my_codings(frame, sample, flip=True)
    at.file_uploader(key="v_upload_codings").set_value(("mine.csv", mine.encode(), "text/csv")).run()
    at.radio(key="v_step").set_value("Two coders").run()
    at.file_uploader(key="v_second").set_value(("theirs.csv", theirs.encode(), "text/csv")).run()
    no_exceptions(at)
    expected = compare_codings(parse_codings(mine, KEYS), parse_codings(theirs, KEYS))
    agreement, disagreements = (table.value.reset_index(drop=True) for table in at.dataframe)
    trade = agreement[agreement["field"] == default_taxonomy().labels()["trade"]].iloc[0]
    assert trade["articles both coded"] == 4
    assert trade["percent agreement"] == str(next(f for f in expected.fields if f.field == "trade").agreement.interval)
    assert len(disagreements) == len(expected.disagreements) == 1


def test_a_bad_codings_file_is_named(app):
    at = open_page(app)
    draw(at, 2, 1)
    bad = b"file,published,pm,title,outlet\n"
    at.file_uploader(key="v_upload_codings").set_value(("broken.csv", bad, "text/csv")).run()
    no_exceptions(at)
    assert any("broken.csv" in w.value for w in at.warning)


def test_on_an_analysis_store_the_same_sample_is_drawn_and_its_texts_read(app, frame, tmp_path, monkeypatch):
    load_corpus(SEEDS, store=tmp_path / "store")
    monkeypatch.setenv("ALLIANCE_LENS_STORE", str(tmp_path / "store"))
    at = open_page(app)
    sample = draw(at, 3, 7)
    assert sample == draw_sample(frame, 3, seed=7).article_ids
    assert any("Article 1 of 3" in m.value for m in at.markdown)
    code_current(at, topics=["trade"], tone=0)
    assert len(at.session_state["validate_progress"].codings) == 1
    at.radio(key="v_step").set_value("Results").run()
    no_exceptions(at)
    assert len(at.dataframe) == 3


def _validated_traces(at) -> list[dict]:
    charts = [json.loads(chart.proto.spec) for chart in at.get("plotly_chart")]
    return [
        trace
        for chart in charts
        for trace in chart["data"]
        if trace.get("legendgroup") == VALIDATED_GROUP and trace.get("name") != VALIDATED_LEGEND
    ]


def test_a_loaded_validation_shows_its_range_on_the_other_pages_until_switched_off(app, frame):
    at = open_page(app)
    sample = draw(at, 5, 3)
    text = my_codings(frame, sample)
    at.file_uploader(key="v_upload_codings").set_value(("mine.csv", text.encode(), "text/csv")).run()
    at.radio(key="v_step").set_value("Results").run()
    no_exceptions(at)
    loaded = at.session_state[VALIDATION_KEY][1]
    assert isinstance(loaded, LoadedValidation) and loaded.coded == 5

    at.switch_page("dashboard.py").run()
    no_exceptions(at)
    # The Overview's chart is lib.views.svg_charts' drawing of the sample's counts with
    # lib.views.validated's corrected counts: ◆ marks where the codings give a figure.
    tagged = {key: int(frame["topics"].map(lambda t, k=key: k in t).sum()) for key in KEYS}
    expected = with_validated_range(prevalence_table(tagged, len(frame)), loaded)
    (overview,) = svg_images(at)
    assert overview == prevalence_svg(tagged, default_taxonomy(), len(frame), expected)
    assert "data-corrected" in overview
    assert any("coded article" in c.value for c in at.caption)

    at.switch_page("pages/2_By_prime_minister.py").run()
    no_exceptions(at)
    assert _validated_traces(at)
    at.query_params["measure"] = "share"
    at.switch_page("pages/1_Themes_over_time.py").run()
    no_exceptions(at)
    assert _validated_traces(at)
    at.selectbox(key="o_measure").set_value("polarity").run()
    assert not _validated_traces(at)  # a tone is not a share: nothing to correct

    at.switch_page(PAGE).run()
    at.radio(key="v_step").set_value("Results").run()
    at.toggle(key="v_show_elsewhere").set_value(False).run()
    at.switch_page("dashboard.py").run()
    no_exceptions(at)
    assert "data-corrected" not in svg_images(at)[0]
