"""The Data page refuses an upload over the per-visitor size cap and turns any analysis failure
into a message a visitor can act on; the message builders in pages/ui/errors.py."""

from __future__ import annotations

import pytest

from pages.ui import errors

MB = errors.MB

ARTICLE = (
    "Japan and the United States opened talks on auto tariffs on Monday. Prime Minister Shigeru "
    "Ishiba said the alliance was strong. Officials discussed trade and investment."
)


def csv_upload(name: str, rows: int = 1) -> tuple[str, bytes, str]:
    body = "".join(f'"{ARTICLE} Row {i}.",Talks {i},2025-03-10\n' for i in range(rows))
    return name, ("text,title,date\n" + body).encode(), "text/csv"


def upload(at, *files) -> None:
    at.switch_page("pages/4_Data.py").run()
    at.file_uploader(key="upload").set_value(list(files)).run()


def no_exceptions(at) -> None:
    assert not at.exception, [e.value for e in at.exception]


def captions(at) -> str:
    return "\n".join(c.value for c in at.caption)


# --- the page, through AppTest ---------------------------------------------------------------


def test_an_upload_over_the_cap_is_refused_before_analysis(app, monkeypatch):
    monkeypatch.setenv(errors.MAX_UPLOAD_ENV, "0.002")  # 2 kB
    analysed = []
    import lib.pipeline.corpus

    real = lib.pipeline.corpus.load_blobs
    monkeypatch.setattr(lib.pipeline.corpus, "load_blobs", lambda *a, **k: analysed.append(1) or real(*a, **k))
    at = app.run()
    upload(at, csv_upload("big batch.csv", rows=20), csv_upload("small.csv"))
    no_exceptions(at)
    assert analysed == [], "an upload over the cap must not be analysed"
    [message] = [e.value for e in at.error]
    assert message.startswith("Not analysed: 2 file(s) of ")
    assert "` big batch.csv ` (3.9 kB)" in message and "` small.csv `" in message
    assert "limit of 2.0 kB per visitor" in message
    assert "python -m lib analyze" in message
    assert not at.success or all("Loaded" not in s.value for s in at.success)
    assert "All 5 articles" in captions(at), "the sample is still shown, unchanged"


def test_an_upload_under_the_cap_is_analysed(app, monkeypatch):
    monkeypatch.setenv(errors.MAX_UPLOAD_ENV, "0.002")
    at = app.run()
    upload(at, csv_upload("small.csv"))
    no_exceptions(at)
    assert not at.error
    assert any(s.value.startswith("Loaded 1 article(s) from 1 file(s)") for s in at.success)
    assert "All 6 articles" in captions(at)


def test_a_refused_upload_keeps_the_previous_one(app, monkeypatch):
    at = app.run()
    upload(at, csv_upload("first.csv"))
    assert "All 6 articles" in captions(at)
    monkeypatch.setenv(errors.MAX_UPLOAD_ENV, "0.0001")
    at.file_uploader(key="upload").set_value([csv_upload("second.csv", rows=3)]).run()
    no_exceptions(at)
    assert at.error and "Your articles so far are unchanged" in at.error[0].value
    assert "All 6 articles" in captions(at)
    # Emptying the file box goes back to the sample and clears the message.
    at.button[0].click().run()
    assert not at.error and "All 5 articles" in captions(at)


@pytest.mark.parametrize(
    ("raised", "shown", "hidden"),
    [
        (
            RuntimeError("boom in /srv/app/lib/ingest/readers.py line 12"),
            "an unexpected error (RuntimeError) on our side",
            "/srv/app",
        ),
        (ValueError("row 3 has no text"), "` row 3 has no text `", "Traceback"),
        (MemoryError(), "they need more memory than this server has", "MemoryError()"),
    ],
)
def test_a_failing_analysis_is_a_friendly_message(app, monkeypatch, raised, shown, hidden):
    import pages.ui.sources

    def fail(*args, **kwargs):
        raise raised

    monkeypatch.setattr(pages.ui.sources, "analyse_files_isolated", fail)
    at = app.run()
    upload(at, csv_upload("extra.csv"))
    no_exceptions(at)
    [message] = [e.value for e in at.error]
    assert message.startswith("We could not analyse your files: ")
    assert shown in message
    assert hidden not in message
    assert "Try fewer or smaller files" in message and "python -m lib analyze" in message
    assert "All 5 articles" in captions(at)
    # Every other page still runs on the unchanged corpus.
    at.switch_page("dashboard.py").run()
    no_exceptions(at)


def test_a_file_over_the_time_budget_is_named_in_the_ingest_report(app, monkeypatch):
    monkeypatch.setenv(errors.UPLOAD_SECONDS_ENV, "0.001")  # every file runs over
    at = app.run()
    upload(at, csv_upload("slow file.csv", rows=2))
    no_exceptions(at)
    assert not at.error
    [report] = [d.value for d in at.dataframe if "reason" in d.value.columns]
    [row] = report.to_dict("records")
    assert (row["input"], row["reason"]) == ("slow file.csv", "too slow")
    assert "0.001 s an uploaded file may take" in row["detail"]
    assert "6 input(s)" in captions(at) and "1 not used" in captions(at)


@pytest.mark.parametrize(
    ("size", "limit", "expected"),
    [
        (50 * MB + 41_943, 50 * MB, ("52,470,743 bytes", "52,428,800 bytes")),
        (int(26.2 * MB), 25 * MB, ("26.2 MB", "25.0 MB")),
    ],
)
def test_sizes_are_told_apart_when_rounding_would_print_them_alike(size, limit, expected):
    assert errors.sizes_apart(size, limit) == expected


# --- the message builders ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a.txt", "` a.txt `"),
        ("[x](https://evil.example).txt", "` [x](https://evil.example).txt `"),
        ("two\nlines", "` two lines `"),
        ("tick`in``side", "``` tick`in``side ```"),
    ],
)
def test_literal_is_a_code_span(text, expected):
    assert errors.literal(text) == expected


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        (None, 50 * MB),
        ("10", 10 * MB),
        ("0.5", MB // 2),
        ("0", 50 * MB),
        ("-3", 50 * MB),
        ("lots", 50 * MB),
    ],
)
def test_the_cap_comes_from_the_environment(monkeypatch, env, expected):
    if env is None:
        monkeypatch.delenv(errors.MAX_UPLOAD_ENV, raising=False)
    else:
        monkeypatch.setenv(errors.MAX_UPLOAD_ENV, env)
    assert errors.max_session_upload_bytes() == expected


def test_upload_too_large_names_the_largest_files():
    files = [(f"f{i}.txt", (i + 1) * MB) for i in range(8)]
    assert errors.upload_too_large(files, 36 * MB) is None  # 36 MB in all: at the limit is fine
    message = errors.upload_too_large(files, 35 * MB)
    assert message.startswith(
        "Not analysed: 8 file(s) of 36.0 MB in all, over this app's limit "
        "of 35.0 MB per visitor: ` f7.txt ` (8.0 MB), ` f6.txt ` (7.0 MB)"
    )
    assert "` f3.txt ` (4.0 MB) and 3 more." in message
    assert "f2.txt" not in message
