"""The README documents every column and every link parameter, and starts with the two commands."""

from __future__ import annotations

import re

from lib.schema.columns import data_dictionary_markdown
from lib.views.state import QUERY_KEYS, docs_markdown
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_has_the_current_data_dictionary():
    assert data_dictionary_markdown() in README


def test_readme_documents_every_link_parameter():
    assert docs_markdown() in README
    for spec in QUERY_KEYS:
        assert f"`{spec.key}`" in README


def test_readme_starts_with_the_two_commands():
    blocks = re.findall(r"```bash\n(.+?)\n```", README, flags=re.S)
    assert "streamlit run dashboard.py" in blocks[0]
    assert "pytest" in blocks[1]


def test_ci_runs_the_readme_test_command():
    test_command = re.findall(r"```bash\n(.+?)\n```", README, flags=re.S)[1].strip()
    assert test_command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
