"""lib/schema/records.py: a raw article's defaults say "nothing known yet", never a guess."""

from lib.schema.records import RawArticle


def test_a_raw_article_knows_only_what_it_was_given() -> None:
    raw = RawArticle(source="a.txt", text="Body.")
    assert (raw.title, raw.date, raw.url, raw.outlet) == ("", "", "", "")
    assert raw.extra == {} and raw.warnings == []
    assert not raw.stored and not raw.repair_pending and not raw.whole_field
    other = RawArticle(source="b.txt", text="x")
    other.warnings.append("w")
    assert raw.warnings == []  # no shared mutable default
