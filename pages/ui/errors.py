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


def max_session_upload_bytes() -> int:
    """The per-visitor cap on one upload's total size: ALLIANCE_LENS_MAX_UPLOAD_MB, else 50 MB."""
    value = os.environ.get(MAX_UPLOAD_ENV, "").strip()
    if value:
        try:
            limit = float(value)
            if limit > 0:
                return int(limit * MB)
        except ValueError:
            pass
        logger.warning(
            "%s=%r is not a positive number of megabytes; using %s MB",
            MAX_UPLOAD_ENV,
            value,
            DEFAULT_MAX_SESSION_UPLOAD_MB,
        )
    return int(DEFAULT_MAX_SESSION_UPLOAD_MB * MB)


def upload_too_large(files: Sequence[tuple[str, int]], limit: int) -> str | None:
    """The refusal for (name, bytes) files whose total exceeds `limit`, or None if they fit."""
    total = sum(size for _, size in files)
    if total <= limit:
        return None
    largest = sorted(files, key=lambda file: file[1], reverse=True)
    named = ", ".join(f"{literal(name)} ({megabytes(size)})" for name, size in largest[:NAMES_SHOWN])
    more = f" and {len(files) - NAMES_SHOWN} more" if len(files) > NAMES_SHOWN else ""
    return (
        f"Not analysed: {len(files)} file(s) of {megabytes(total)} in all, over this app's limit of "
        f"{megabytes(limit)} per visitor: {named}{more}. Upload a smaller part of the corpus "
        f"(under {megabytes(limit)}), or analyse the whole corpus on your own computer with the "
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
