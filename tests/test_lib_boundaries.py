"""lib/ never imports streamlit: the dashboard is the only UI layer."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

LIB = Path(__file__).resolve().parents[1] / "lib"
MODULES = sorted(LIB.rglob("*.py"))


def imported_modules(source: str) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("import streamlit as st", {"streamlit"}),
        ("from streamlit.testing.v1 import AppTest", {"streamlit.testing.v1"}),
        ("def f():\n    import streamlit\n", {"streamlit"}),
        ("from . import cleaning", set()),
        ("import pandas, re", {"pandas", "re"}),
    ],
)
def test_imported_modules(source: str, expected: set[str]) -> None:
    assert imported_modules(source) == expected


def test_there_are_modules_to_check() -> None:
    assert LIB / "pipeline" / "corpus.py" in MODULES


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(LIB).as_posix())
def test_lib_never_imports_streamlit(path: Path) -> None:
    imports = imported_modules(path.read_text(encoding="utf-8"))
    assert not any(name == "streamlit" or name.startswith("streamlit.") for name in imports)


def test_stage_contracts_hold() -> None:
    """The import-linter contracts in pyproject.toml: each stage imports only the stages beneath it."""
    import subprocess
    import sys

    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint)], cwd=LIB.parent, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout
