"""lib/encoding.needs_ftfy's quicker tests answer as the full-run search did."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from lib.ingest.encoding import _CONTROL, _HTML_ENTITY, _candidate_run, _reverse_table, needs_ftfy


def reference_needs_ftfy(text: str) -> bool:
    return bool(_candidate_run().search(text) or _HTML_ENTITY.search(text) or _CONTROL.search(text))


LEGACY = "".join(sorted(_reverse_table()))[::7]
texts = st.text(alphabet="ab ’“”é&;#x1\x00\x07\x85Ã©â€™Î²Â»" + LEGACY, max_size=30)


@settings(max_examples=3000, deadline=None)
@given(texts)
@example("plain ascii")
@example("Ã©")
@example("’Ã")
@example("a&amp;b")
def test_needs_ftfy_is_unchanged(text: str) -> None:
    assert needs_ftfy(text) == reference_needs_ftfy(text)
