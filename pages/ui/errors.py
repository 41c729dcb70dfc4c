"""Errors for people: what went wrong in one sentence and what to do, never a traceback.

The functions here build messages; the page shows them (st.error). Visitor-supplied names go
through `literal`, so a file called `[x](https://…).txt` is shown as typed, not as a link.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Sequence

logger = logging.getLogger("alliance_lens")

MB = 1024 * 1024  # as Streamlit's server.maxUploadSize counts a megabyte
# All files of one upload together: they are analysed in this visitor's session memory.
DEFAULT_MAX_SESSION_UPLOAD_MB = 50.0
MAX_UPLOAD_ENV = "ALLIANCE_LENS_MAX_UPLOAD_MB"
# One uploaded file's analysis, in a worker process: past this it is stopped and reported, so a
# hostile file cannot hold a core of the shared server for long.
DEFAULT_UPLOAD_SECONDS_PER_FILE = 60.0
UPLOAD_SECONDS_ENV = "ALLIANCE_LENS_UPLOAD_SECONDS"
NAMES_SHOWN = 5  # a refusal lists this many of the largest files, then "and N more"
CLI_HINT = "`python -m lib analyze FOLDER -o articles.csv`"


def literal(text: str) -> str:
    """Visitor text as a markdown code span: shown as typed, never a link, emphasis, HTML or icon.
    The fence is one backtick longer than any run of backticks inside (CommonMark)."""
    flat = " ".join(str(text).split())
    fence = "`" * (max((len(run) for run in re.findall(r"`+", flat)), default=0) + 1)
    return f"{fence} {flat} {fence}"


def megabytes(size: float) -> str:
    return f"{size / MB:,.1f} MB" if size >= MB / 10 else f"{size / 1024:,.1f} kB"


def sizes_apart(size: int, limit: int) -> tuple[str, str]:
    """`size` and `limit` in words that show which is larger: in MB, or in bytes where rounding
    would print the two alike ("50.0 MB over a 50.0 MB limit")."""
    if megabytes(size) != megabytes(limit):
        return megabytes(size), megabytes(limit)
    return f"{size:,} bytes", f"{limit:,} bytes"


def positive_setting(name: str, default: float, unit: str) -> float:
    """A host's positive number from the environment variable `name`, else `default`."""
    value = os.environ.get(name, "").strip()
    if value:
        try:
            number = float(value)
            if number > 0:
                return number
        except ValueError:
            pass
        logger.warning("%s=%r is not a positive number of %s; using %s", name, value, unit, default)
    return default


def max_session_upload_bytes() -> int:
    """The per-visitor cap on one upload's total size: ALLIANCE_LENS_MAX_UPLOAD_MB, else 50 MB."""
    return int(positive_setting(MAX_UPLOAD_ENV, DEFAULT_MAX_SESSION_UPLOAD_MB, "megabytes") * MB)


def upload_seconds_per_file() -> float:
    """How long one uploaded file may take to analyse: ALLIANCE_LENS_UPLOAD_SECONDS, else 60 s."""
    return positive_setting(UPLOAD_SECONDS_ENV, DEFAULT_UPLOAD_SECONDS_PER_FILE, "seconds")


def upload_too_large(files: Sequence[tuple[str, int]], limit: int) -> str | None:
    """The refusal for (name, bytes) files whose total exceeds `limit`, or None if they fit."""
    total = sum(size for _, size in files)
    if total <= limit:
        return None
    largest = sorted(files, key=lambda file: file[1], reverse=True)
    named = ", ".join(f"{literal(name)} ({megabytes(size)})" for name, size in largest[:NAMES_SHOWN])
    more = f" and {len(files) - NAMES_SHOWN} more" if len(files) > NAMES_SHOWN else ""
    total_text, limit_text = sizes_apart(total, limit)
    return (
        f"Not analysed: {len(files)} file(s) of {total_text} in all, over this app's limit of "
        f"{limit_text} per visitor: {named}{more}. Upload a smaller part of the corpus "
        f"(under {limit_text}), or analyse the whole corpus on your own computer with the "
        f"command line, {CLI_HINT}. Your articles so far are unchanged."
    )


def reason(error: BaseException) -> str:
    """The cause in words a visitor can act on. Library errors (ValueError) are written for
    people; anything else is named by kind only, as its text may show the server's internals."""
    if isinstance(error, MemoryError):
        return "they need more memory than this server has"
    if isinstance(error, ValueError) and str(error).strip():
        return literal(str(error)[:300])
    return f"an unexpected error ({type(error).__name__}) on our side"


def could_not_analyse(error: BaseException) -> str:
    """The message for an upload whose analysis failed; the traceback goes to the server log."""
    logger.error("analysing an upload failed", exc_info=error)
    return (
        f"We could not analyse your files: {reason(error)}. Try fewer or smaller files, check that "
        f"they are text, HTML, CSV, JSON or zip files, or analyse them on your own computer with "
        f"{CLI_HINT}. Your articles so far are unchanged."
    )
