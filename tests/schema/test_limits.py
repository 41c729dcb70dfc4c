"""lib/schema/limits.py: one settings object; the defaults hold together."""

import dataclasses

from lib.schema.limits import DEFAULT_LIMITS, Limits


def test_defaults_are_consistent() -> None:
    limits = DEFAULT_LIMITS
    assert limits.max_zip_member_bytes <= limits.max_zip_total_bytes
    assert limits.max_file_bytes <= limits.max_table_bytes
    assert limits.max_zip_depth >= 1 and limits.max_zip_ratio > 1


def test_limits_are_frozen_and_overridable() -> None:
    small = Limits(max_rows_per_table=10)
    assert small.max_rows_per_table == 10 and small.max_file_bytes == DEFAULT_LIMITS.max_file_bytes
    try:
        small.max_rows_per_table = 5  # type: ignore[misc]
    except dataclasses.FrozenInstanceError:
        pass
    else:
        raise AssertionError("Limits must be frozen: one run's limits cannot drift")
