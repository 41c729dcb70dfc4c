"""Hostile shapes of input (deep nesting, huge numbers, long tokens, surrogates, control
characters in names, duplicate headers, nested zips) through the whole pipeline: every input
accounted for, none failing inside the analysis, none over a time bound. A short run here; the
long one is `python -m bench.structure_fuzz`."""

from __future__ import annotations

import pytest
from hypothesis import given

from bench.structure_fuzz import check_upload, fuzz_settings, uploads

pytestmark = pytest.mark.filterwarnings("ignore:Duplicate name:UserWarning")
SECONDS_PER_INPUT = 10.0  # generous for a loaded CI machine; bench/ holds the tighter bound


@fuzz_settings(30)
@given(uploads())
def test_hostile_shapes_are_accounted_for_quickly(blobs: list[tuple[str, bytes]]) -> None:
    check_upload(blobs, SECONDS_PER_INPUT)
