"""An on-disk cache of fetched pages keyed by URL, so a re-run fetches nothing twice.

A cached page younger than `fresh_seconds` is used without asking the site again; an older one is
revalidated with its ETag / Last-Modified (a conditional request: the site answers 304 and sends
nothing when the page is unchanged). Layout: one folder per URL, named by the SHA-256 of the URL,
holding `meta.json` and `body`. With `max_bytes` (a server's shared cache) the least recently
written pages are removed once the folder holds more.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path


@dataclass
class CachedPage:
    url: str
    final_url: str
    status: int
    content_type: str
    body: bytes = field(repr=False)
    etag: str = ""
    last_modified: str = ""
    fetched_at: float = 0.0  # time.time() of the last fetch or revalidation

    def validators(self) -> dict[str, str]:
        """The headers of a conditional request for this page."""
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


class PageCache:
    def __init__(
        self, folder: str | os.PathLike, *, fresh_seconds: float = 24 * 3600, max_bytes: int | None = None
    ) -> None:
        self.folder = Path(folder)
        self.fresh_seconds = fresh_seconds
        self.max_bytes = max_bytes

    def _slot(self, url: str) -> Path:
        return self.folder / hashlib.sha256(url.encode("utf-8")).hexdigest()

    def get(self, url: str) -> CachedPage | None:
        slot = self._slot(url)
        try:
            meta = json.loads((slot / "meta.json").read_text(encoding="utf-8"))
            body = (slot / "body").read_bytes()
        except (OSError, ValueError):
            return None  # absent or damaged: fetched again
        if meta.get("url") != url:
            return None
        return CachedPage(body=body, **{k: v for k, v in meta.items() if k != "body"})

    def is_fresh(self, page: CachedPage) -> bool:
        return time.time() - page.fetched_at < self.fresh_seconds

    def put(self, page: CachedPage) -> None:
        slot = self._slot(page.url)
        slot.mkdir(parents=True, exist_ok=True)
        meta = {k: v for k, v in asdict(page).items() if k != "body"}
        # Body first, then meta: a run killed in between leaves no meta pointing at a partial body.
        _write_atomically(slot / "body", page.body)
        _write_atomically(slot / "meta.json", json.dumps(meta).encode("utf-8"))
        if self.max_bytes is not None:
            self._evict(keep=slot)

    def _evict(self, keep: Path) -> None:
        """Remove the least recently written pages (never `keep`) until the folder fits max_bytes."""
        slots = []
        for slot in self.folder.iterdir():
            try:
                files = [f.stat() for f in slot.iterdir()]
            except OSError:
                continue  # removed meanwhile by another session's eviction
            slots.append((max((f.st_mtime for f in files), default=0.0), sum(f.st_size for f in files), slot))
        total = sum(size for _, size, _ in slots)
        for _, size, slot in sorted(slots, key=lambda item: item[0]):
            if total <= self.max_bytes:
                break
            if slot != keep:
                shutil.rmtree(slot, ignore_errors=True)
                total -= size

    def touch(self, page: CachedPage) -> None:
        """Record that the site confirmed the cached page is still current."""
        page.fetched_at = time.time()
        self.put(page)


def _write_atomically(path: Path, data: bytes) -> None:
    partial = path.with_name(path.name + ".partial")
    partial.write_bytes(data)
    os.replace(partial, path)
