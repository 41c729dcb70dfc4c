"""Published corpora: an analysed corpus kept under an unguessable id, so that a hosted link can
name it and every recipient sees the same rows.

Where they live is one setting: a local folder, or an object-store URL (`s3://bucket/prefix`, with
`?endpoint_override=host:port&scheme=http` for any S3-compatible service), read and written
through pyarrow's filesystems. Each corpus is two objects: `<id>.parquet` (a bundle: the rows and
the view, lib/pipeline/bundle.py) and `<id>.json` (when it expires, the SHA-256 of its delete
secret, its size). Nothing lists published corpora to a visitor: only the id opens one.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
import pyarrow.fs as pafs

from lib.pipeline.bundle import Bundle, BundleError, read_bundle, to_bundle_bytes

ID_BYTES = 16  # 128 bits from `secrets`: an id cannot be guessed or enumerated
_ID = re.compile(r"[A-Za-z0-9_-]{22}")  # token_urlsafe(16): nothing else reaches the filesystem


class PublishError(ValueError):
    """Publishing refused or failed; the message says why, in words for the visitor."""


@dataclass(frozen=True)
class PublishLimits:
    max_bytes: int = 50 * 1024 * 1024  # one published corpus, as stored
    max_corpora: int = 500  # on this server at once (expired ones do not count)
    max_age_seconds: float = 30 * 24 * 3600  # a published corpus is deleted after this


@dataclass(frozen=True)
class Published:
    corpus_id: str
    delete_secret: str  # shown once to the publisher; only its hash is kept
    expires: float  # Unix time


def _size(n_bytes: int) -> str:
    return f"{n_bytes / 1024**2:,.1f} MB" if n_bytes >= 100 * 1024 else f"{n_bytes:,} bytes"


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


class PublishedCorpora:
    def __init__(
        self, location: str, *, limits: PublishLimits = PublishLimits(), clock: Callable[[], float] = time.time
    ) -> None:
        try:
            self.filesystem, root = pafs.FileSystem.from_uri(location)
        except (ValueError, OSError):  # a plain relative folder is not a URI
            self.filesystem, root = pafs.LocalFileSystem(), str(location)
        self.root = root.rstrip("/")
        self.limits, self.clock = limits, clock
        self.filesystem.create_dir(self.root, recursive=True)

    def _path(self, corpus_id: str, suffix: str) -> str:
        return f"{self.root}/{corpus_id}{suffix}"

    def _write(self, path: str, data: bytes) -> None:
        with self.filesystem.open_output_stream(path) as stream:
            stream.write(data)

    def _read(self, path: str) -> bytes | None:
        try:
            with self.filesystem.open_input_stream(path) as stream:
                return stream.read()
        except (FileNotFoundError, OSError):
            return None

    def _meta(self, corpus_id: str) -> dict | None:
        raw = self._read(self._path(corpus_id, ".json"))
        try:
            return json.loads(raw) if raw is not None else None
        except ValueError:
            return None

    def _ids(self) -> list[str]:
        selector = pafs.FileSelector(self.root, allow_not_found=True)
        names = (info.base_name for info in self.filesystem.get_file_info(selector))
        return [name[: -len(".json")] for name in names if name.endswith(".json") and _ID.fullmatch(name[:-5])]

    def _remove(self, corpus_id: str) -> None:
        for suffix in (".parquet", ".json"):
            try:
                self.filesystem.delete_file(self._path(corpus_id, suffix))
            except (FileNotFoundError, OSError):
                pass

    def purge_expired(self) -> int:
        """Delete every published corpus past its expiry (or with a damaged record); how many."""
        now, purged = self.clock(), 0
        for corpus_id in self._ids():
            meta = self._meta(corpus_id)
            if meta is None or meta.get("expires", 0) <= now:
                self._remove(corpus_id)
                purged += 1
        return purged

    def publish(self, frame: pd.DataFrame, view_query: str = "") -> Published:
        """Keep `frame` (and the view) under a new id; PublishError when over a cap."""
        data = to_bundle_bytes(frame, view_query)
        if len(data) > self.limits.max_bytes:
            raise PublishError(
                f"this corpus takes {_size(len(data))} stored, over this server's limit of "
                f"{_size(self.limits.max_bytes)} per published corpus; download the view instead"
            )
        self.purge_expired()
        if len(self._ids()) >= self.limits.max_corpora:
            raise PublishError(
                f"this server already holds {self.limits.max_corpora} published corpora, its limit; "
                "download the view instead, or try again after some expire"
            )
        corpus_id, secret = secrets.token_urlsafe(ID_BYTES), secrets.token_urlsafe(ID_BYTES)
        expires = self.clock() + self.limits.max_age_seconds
        self._write(self._path(corpus_id, ".parquet"), data)
        record = {"expires": expires, "delete_sha256": _hash(secret), "bytes": len(data), "articles": len(frame)}
        self._write(self._path(corpus_id, ".json"), json.dumps(record).encode())
        return Published(corpus_id, secret, expires)

    def open(self, corpus_id: str) -> Bundle | None:
        """The published corpus, or None when the id is malformed, unknown, expired or damaged."""
        if not _ID.fullmatch(corpus_id or ""):
            return None
        meta = self._meta(corpus_id)
        if meta is None or meta.get("expires", 0) <= self.clock():
            return None
        data = self._read(self._path(corpus_id, ".parquet"))
        if data is None:
            return None
        try:
            return read_bundle(data, name=f"published corpus {corpus_id}")
        except BundleError:
            return None

    def delete(self, corpus_id: str, secret: str) -> bool:
        """Delete a published corpus given its delete secret; False for a wrong secret or id."""
        if not _ID.fullmatch(corpus_id or ""):
            return False
        meta = self._meta(corpus_id)
        if meta is None or not hmac.compare_digest(meta.get("delete_sha256", ""), _hash(secret or "")):
            return False
        self._remove(corpus_id)
        return True
