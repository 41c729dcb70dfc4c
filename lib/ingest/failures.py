"""Why reading one input failed, said for a person: the last line of defence that turns any
exception raised while reading a file, member or record into that input's report entry."""

from __future__ import annotations

import sys


def reading_failure(error: BaseException) -> tuple[str, str]:
    """(reason, detail) for an exception raised while reading one input."""
    if isinstance(error, RecursionError):
        return "nested too deep", f"its structure nests deeper than about {sys.getrecursionlimit():,} levels"
    if isinstance(error, MemoryError):
        return "too large", "reading it needed more memory than is available"
    return "unreadable", f"its data could not be read ({type(error).__name__}: {error})"
