"""lib/reference/topic_validity.py: the shipped figures read, cover the taxonomy, and are sane."""

from __future__ import annotations

from lib.reference.taxonomy import default_taxonomy
from lib.reference.topic_validity import topic_validity


def test_every_topic_of_the_taxonomy_has_its_figures_in_order():
    validity = topic_validity()
    assert [t.key for t in validity.topics] == list(default_taxonomy().keys)


def test_figures_are_shares_with_the_estimate_inside_its_interval():
    validity = topic_validity()
    assert validity.macro_f1_low <= validity.macro_f1 <= validity.macro_f1_high
    for topic in validity.topics:
        assert 0 <= topic.f1_low <= topic.f1 <= topic.f1_high <= 1
        assert 0 <= topic.precision <= 1 and 0 <= topic.recall <= 1
        # F1 is the harmonic mean of the two (to the rounding of three places).
        assert abs(topic.f1 - 2 * topic.precision * topic.recall / (topic.precision + topic.recall)) < 0.002


def test_rows_label_topics_for_people():
    [first, *_] = topic_validity().rows(default_taxonomy().labels())
    assert first["topic"] == "Security" and first["F1 [95%]"].startswith("0.923 [")
