"""lib/ingest/formats.py: suffixes as the POSIX path suffix, cheaply."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st


@settings(max_examples=3000)
@given(st.text(alphabet="ab./\\ .-_\u0130", max_size=12))
def test_suffix_is_the_posix_path_suffix(name):
    from pathlib import PurePosixPath

    from hypothesis import assume

    from lib.ingest.formats import suffix_of as _suffix

    # Python 3.14 reads a trailing dot ("notes.") as a suffix; we keep the older reading: none.
    assume(not PurePosixPath(name).name.endswith("."))
    assert _suffix(name) == PurePosixPath(name).suffix.lower()
    assert _suffix("notes.") == _suffix("a/b/.") == _suffix("..") == ""
