"""Streamlit glue shared by every page, one module per job: sources (which articles, cached how),
view (the view state and its URL), sidebar (the shared filters), shell (what every page starts
with), render (figures, article lists, safe text), article (one article with its evidence).
Computation stays in lib/. Pages use the names below as `ui.name`."""

from pages.ui.article import show_article, show_copies
from pages.ui.render import article_list, concordance, markdown_safe, numbers_table, show_figure, show_svg_chart
from pages.ui.shell import EMPTY_RESULT, begin_page, describe_view, friendly_errors, nothing_to_show, page_header
from pages.ui.sidebar import sidebar_filters
from pages.ui.sources import (
    SAMPLE_DIR,
    STORE_ENV,
    active_source,
    analyse_upload,
    article_texts,
    base_source,
    configured_store,
    full_articles,
    own_corpus,
    sample_corpus,
    taxonomy,
    tone_engine,
    tone_label,
    using_sample,
)
from pages.ui.validated import forget_validation, keep_validation, loaded_validation, validated_note
from pages.ui.view import bound_multi_widget, bound_widget, current_view, share_url, update_view, write_url

__all__ = [
    "EMPTY_RESULT",
    "SAMPLE_DIR",
    "STORE_ENV",
    "active_source",
    "analyse_upload",
    "article_list",
    "article_texts",
    "base_source",
    "begin_page",
    "bound_multi_widget",
    "bound_widget",
    "concordance",
    "configured_store",
    "current_view",
    "describe_view",
    "forget_validation",
    "friendly_errors",
    "full_articles",
    "keep_validation",
    "loaded_validation",
    "markdown_safe",
    "nothing_to_show",
    "own_corpus",
    "numbers_table",
    "page_header",
    "sample_corpus",
    "share_url",
    "show_article",
    "show_copies",
    "show_figure",
    "show_svg_chart",
    "sidebar_filters",
    "taxonomy",
    "tone_engine",
    "tone_label",
    "update_view",
    "using_sample",
    "validated_note",
    "write_url",
]
