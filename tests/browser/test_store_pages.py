"""The dashboard opened on an analysis store (ALLIANCE_LENS_STORE), where every figure comes from
DuckDB (lib.views.warehouse) instead of pandas: every page draws, without exception boxes or console
errors, and a shared link restores its view."""

from __future__ import annotations

from datetime import date

import pytest

from .conftest import ARTIFACTS, AppPage

pytestmark = pytest.mark.browser

N_GENERATED = 150


@pytest.fixture(scope="module")
def store_server(tmp_path_factory):
    from bench.load import serve
    from bench.make_corpus import write_corpus
    from lib.pipeline.corpus import build_store

    root = tmp_path_factory.mktemp("browser-store")
    write_corpus(N_GENERATED, root / "corpus", seed=3, formats=("files",), until=date(2026, 11, 21), progress_every=0)
    build_store(root / "corpus" / "files", store=root / "store")
    with serve(
        env={"ALLIANCE_LENS_STORE": str(root / "store")}, log_path=ARTIFACTS / "streamlit-store-server.log"
    ) as server:
        yield server.url


@pytest.fixture
def open_store_page(chromium_browser, store_server, request):
    contexts = []

    def new_page() -> AppPage:
        context = chromium_browser.new_context(viewport={"width": 1400, "height": 2200})
        contexts.append(context)
        page = context.new_page()
        app = AppPage(page=page, base_url=store_server, test_name=f"store-{request.node.name}")
        page.on(
            "console",
            lambda m: (
                app.errors.append(f"console: {m.text}")
                if m.type == "error" and "/_stcore/" not in (m.location or {}).get("url", "")
                else None
            ),
        )
        page.on("pageerror", lambda error: app.errors.append(f"pageerror: {error}"))
        return app

    yield new_page
    for context in contexts:
        context.close()


@pytest.mark.parametrize(
    ("path", "has_charts"),
    [
        ("/", True),
        ("/Themes_over_time", True),
        ("/By_prime_minister", True),
        ("/Articles", False),
        ("/Data", False),
    ],
)
def test_every_page_draws_from_the_store(open_store_page, path, has_charts):
    app = open_store_page().goto(path, charts=has_charts)
    app.screenshot()
    assert app.caption() == f"All {N_GENERATED} articles"
    app.assert_no_exception()
    if has_charts:
        assert all(n >= 1 for n in app.drawn_marks()), app.drawn_marks()
    app.assert_no_console_errors()


def test_a_shared_link_restores_the_view_on_a_store(open_store_page):
    app = open_store_page().goto("/Themes_over_time?topic=tariffs&gran=year&measure=share", charts=True)
    app.screenshot()
    caption = app.caption()
    assert caption.endswith(f"of {N_GENERATED} articles: Tariffs"), caption
    page = app.page
    assert page.get_by_role("button", name="Remove Tariffs").is_visible()
    period = page.locator('.st-key-o_granularity [data-testid="stSelectbox"]').first
    assert "Year" in (
        period.inner_text()
        + " ".join(
            period.locator("input").evaluate_all(
                "inputs => inputs.map(i => i.value + ' ' + (i.getAttribute('aria-label') || ''))"
            )
        )
    ), period.inner_html()
    measure = page.locator('.st-key-o_measure input[aria-label="Measure"]').first
    assert measure.input_value() == "Share of the period's articles"
    assert all(n >= 1 for n in app.drawn_marks()), app.drawn_marks()
    app.assert_no_exception()
    app.assert_no_console_errors()
