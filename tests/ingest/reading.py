"""Shared inputs and a reader helper for the ingest tests (every input is a row or a report entry)."""

from __future__ import annotations

import io
import zipfile

from lib.ingest.readers import read_bytes
from lib.schema.limits import Limits
from lib.schema.report import IngestReport

TEXT = (
    "Prime Minister Shigeru Ishiba said on Friday that the alliance with the United States "
    "remained strong. Officials in Tokyo are preparing for renewed demands on defence costs."
)


HTML = f"""<!DOCTYPE html><html><head>
<title>Ishiba Vows Stronger Alliance | Example News</title>
<meta property="og:title" content="Ishiba Vows Stronger Alliance">
<meta property="og:site_name" content="Example News">
<meta property="og:url" content="https://example.com/news/ishiba-alliance">
<meta property="article:published_time" content="2024-11-08T09:00:00+09:00">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Ishiba Vows Stronger Alliance</h1><p>{TEXT}</p>
<p>The two governments also discussed trade and investment.</p></article>
<footer>Copyright 2019 Example News. All rights reserved.</footer></body></html>"""


HTML_UNDATED = f"""<html><head><title>Talks in Tokyo</title></head><body>
<article><h1>Talks in Tokyo</h1><p>{TEXT}</p></article>
<footer>Copyright 2019 Example News.</footer></body></html>"""


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(40)


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def read(name: str, data: bytes, limits: Limits | None = None):
    report = IngestReport()
    articles = list(read_bytes(name, data, report, limits or Limits()))
    # The promise: every input is an article or a report entry.
    assert report.inputs == len(articles) + len(report.entries)
    return articles, [(e.input, e.reason) for e in report.entries]
