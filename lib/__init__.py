"""Alliance Lens analysis library: raw news articles to one tidy pandas DataFrame.

The library is organised by stage, each a sub-package; an import only points down this list
(checked by the import-linter contracts in pyproject.toml):

    cli        the command line (python -m lib)
    views      what the pages ask: view state, filters, aggregates, figures, sources
    evaluation scorecards of the library against hand labels
    pipeline   many articles: corpus, worker pool, Dask, the store, exports
    annotate   one raw article to one analysed article: cleaning, dates, PMs, topics, tone
    ingest     bytes to raw articles: files, archives, tables, HTML, encodings
    reference  vocabularies kept as data: tenures, taxonomy, outlets
    schema     declarations: columns, records, the ingest report, limits

Never imports streamlit: the dashboard (dashboard.py, pages/) is the only UI layer. The public
names below are loaded on first use, so importing a leaf module (lib.stats) loads no pandas.
"""

from __future__ import annotations

import importlib

_PUBLIC = {
    "COLUMNS": "lib.schema.columns",
    "build_frame": "lib.schema.columns",
    "validate_frame": "lib.schema.columns",
    "Corpus": "lib.pipeline.corpus",
    "load_articles": "lib.pipeline.corpus",
    "load_blobs": "lib.pipeline.corpus",
    "load_corpus": "lib.pipeline.corpus",
    "evaluate_articles": "lib.evaluation.evaluate",
    "read_labels": "lib.evaluation.labels",
    "score_articles": "lib.evaluation.articles",
    "score_tone": "lib.evaluation.tone",
    "Taxonomy": "lib.reference.taxonomy",
    "default_taxonomy": "lib.reference.taxonomy",
    "load_taxonomy": "lib.reference.taxonomy",
    "topic_table": "lib.schema.topic_table",
}

__all__ = sorted(_PUBLIC)


def __getattr__(name: str):
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'lib' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_PUBLIC))
