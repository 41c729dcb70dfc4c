"""The on-disk page cache: keyed by URL, damaged entries read as absent."""

from __future__ import annotations

import time

from lib.ingest.web.cache import CachedPage, PageCache


def page(url="http://news.example/a", **fields):
    values = dict(final_url=url, status=200, content_type="text/html", body=b"<html>a</html>", fetched_at=time.time())
    return CachedPage(url=url, **{**values, **fields})


def test_round_trip(tmp_path):
    cache = PageCache(tmp_path)
    cache.put(page(etag='"x"', last_modified="Tue, 04 Mar 2025 09:00:00 GMT"))
    again = PageCache(tmp_path).get("http://news.example/a")
    assert again == page(etag='"x"', last_modified="Tue, 04 Mar 2025 09:00:00 GMT", fetched_at=again.fetched_at)
    assert again.validators() == {"If-None-Match": '"x"', "If-Modified-Since": "Tue, 04 Mar 2025 09:00:00 GMT"}


def test_other_urls_and_damage_read_as_absent(tmp_path):
    cache = PageCache(tmp_path)
    cache.put(page())
    assert cache.get("http://news.example/b") is None
    (next(tmp_path.iterdir()) / "meta.json").write_text("{not json", encoding="utf-8")
    assert cache.get("http://news.example/a") is None


def test_freshness(tmp_path):
    assert PageCache(tmp_path, fresh_seconds=60).is_fresh(page())
    assert not PageCache(tmp_path, fresh_seconds=60).is_fresh(page(fetched_at=time.time() - 120))
    assert page().validators() == {}
