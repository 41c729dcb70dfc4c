"""Alliance Lens analysis library: raw news articles to one tidy pandas DataFrame.

Never imports streamlit: the dashboard (dashboard.py, pages/) is the only UI layer.
"""

from lib.columns import COLUMNS, build_frame, validate_frame
from lib.corpus import Corpus, load_articles, load_blobs, load_corpus
from lib.taxonomy import Taxonomy, default_taxonomy, load_taxonomy
from lib.topic_table import topic_table

__all__ = [
    "COLUMNS", "Corpus", "Taxonomy", "build_frame", "default_taxonomy", "load_articles",
    "load_blobs", "load_corpus", "load_taxonomy", "topic_table", "validate_frame",
]
