"""lib/reference/tone_validity.py: every engine the dashboard offers has measured figures."""

from __future__ import annotations

from lib.annotate.sentiment import ENGINE_LABELS
from lib.reference.tone_validity import tone_validity


def test_every_offered_engine_has_figures_within_their_interval():
    validity = tone_validity()
    assert {e.name for e in validity.engines} == set(ENGINE_LABELS)
    for engine in validity.engines:
        assert 0 <= engine.accuracy_low <= engine.accuracy <= engine.accuracy_high <= 1
        assert -1 <= engine.spearman <= 1


def test_rows_name_engines_as_the_sidebar_does():
    rows = tone_validity().rows(ENGINE_LABELS)
    assert [r["engine"] for r in rows] == [ENGINE_LABELS[e.name] for e in tone_validity().engines]
    assert rows[0]["accuracy [95%]"].count("[") == 1
