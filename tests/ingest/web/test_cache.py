"""The on-disk page cache: keyed by URL, damaged entries read as absent."""

from __future__ import annotations

import os
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


def test_a_capped_cache_removes_the_least_recently_written_pages(tmp_path):
    cache = PageCache(tmp_path, max_bytes=2_500)
    pages = [
        CachedPage(f"https://a.example/{n}", f"https://a.example/{n}", 200, "text/html", b"x" * 1000) for n in range(3)
    ]
    for n, page in enumerate(pages):
        cache.put(page)
        for file in cache._slot(page.url).iterdir():  # written in order, a second apart
            os.utime(file, (1_000_000 + n, 1_000_000 + n))
    cache.put(CachedPage("https://a.example/new", "https://a.example/new", 200, "text/html", b"y" * 1000))
    assert cache.get(pages[0].url) is None and cache.get(pages[1].url) is None  # oldest first
    assert cache.get(pages[2].url) is not None
    assert cache.get("https://a.example/new").body == b"y" * 1000


def test_a_page_bigger_than_the_cap_is_still_kept_until_the_next_one(tmp_path):
    cache = PageCache(tmp_path, max_bytes=10)
    cache.put(CachedPage("https://a.example/big", "https://a.example/big", 200, "text/html", b"z" * 100))
    assert cache.get("https://a.example/big") is not None
