"""lib/views/sources.py: the pandas answer to what pages ask (its SQL twin is checked against it
in tests/views/test_warehouse.py)."""

from datetime import date

from frames import make_frame

from lib.pipeline.corpus import Corpus
from lib.views.sources import Facets, FrameSource
from lib.views.state import ViewState


def source() -> FrameSource:
    frame = make_frame(
        [
            dict(published="2024-03-01", pm="Kishida", outlet="Kyodo", topics=["security"]),
            dict(published="2025-05-02", pm="Ishiba", outlet="NHK", topics=["tariffs"]),
            dict(pm="Ishiba", outlet="Kyodo", topics=["tariffs", "trade"]),
        ]
    )
    return FrameSource.of(Corpus(frame))


def test_facets_offer_the_corpus_range_pms_in_office_order_and_outlets() -> None:
    assert source().facets() == Facets((date(2024, 3, 1), date(2025, 5, 2)), ["Kishida", "Ishiba"], ["Kyodo", "NHK"])


def test_a_view_selects_its_articles_and_counts_them() -> None:
    articles = source()
    assert articles.n_total == 3
    selection = articles.select(ViewState(topics=("tariffs",), outlets=("Kyodo",)))
    assert len(selection) == 1 and list(selection.rows()["article_id"]) == ["a2"]
    assert selection.n_without_pm() == 0
    assert list(articles.select(ViewState()).with_ids(["a1", "a0"])["article_id"]) == ["a0", "a1"]
