"""A scorecard as people read it (a plain-text table) and as programs read it (a JSON dict)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import asdict

from lib.evaluation.articles import Scorecard
from lib.evaluation.measures import Share

# Long values, label notes and evidence are cut in the text report; the JSON keeps them whole.
VALUE_WIDTH = 120  # a long headline stays whole enough to see where two differ
TEXT_WIDTH = 160


def scorecard_text(card: Scorecard, *, disagreements: bool = True, fields: Collection[str] | None = None) -> str:
    """The figures, then the disagreements (only those about `fields`, if given)."""
    listed = [miss for miss in card.disagreements if fields is None or miss.field in fields]
    lines = [
        f"Articles: {card.matched} of {card.labelled} labelled files matched to the library's rows",
        *(f"  unmatched: {reason}" for reason in card.unmatched),
        "",
        f"{'measure':<44} {'value [95% Wilson] (hits/n)'}",
        "-" * 80,
        _line("date within ±1 day (dated pages)", card.dates),
        *(_line(f"  date_basis {basis}", share) for basis, share in card.dates_by_basis.items()),
        *(_line(f"  evidence {kind}", share) for kind, share in card.dates_by_evidence.items()),
        _line("dates invented (undated pages)", card.invented_dates),
        _line("PM in office", card.pm),
        _line("PM given where none sitting is named", card.invented_pms),
        _line("title (visible headlines)", card.titles),
        _line("headline claimed where none is visible", card.invented_titles),
        _line("outlet named (all pages)", card.outlets_named),
        _line("outlet precision (right when named)", card.outlet_precision),
        _line("outlet recall (right, of labelled)", card.outlet_recall),
    ]
    if card.topics:
        lines += ["", f"{'topic':<18} {'precision [95%]':<30} {'recall [95%]':<30} {'F1 [95% bootstrap]'}", "-" * 100]
        for topic in card.topics:
            lines.append(f"{topic.key:<18} {topic.precision!s:<30} {topic.recall!s:<30} {topic.f1}")
        lines.append(f"{'macro-F1':<18} {'':<30} {'':<30} {card.macro_f1}")
    if card.unlabelled_topics:
        lines.append(f"not scored (no column in the labels): {', '.join(card.unlabelled_topics)}")
    if disagreements and listed:
        lines += ["", f"Disagreements ({len(listed)}): file field: want | got | the library's evidence"]
        for miss in listed:
            want, got = _cut(miss.expected, VALUE_WIDTH), _cut(miss.got, VALUE_WIDTH)
            lines.append(f"  {miss.file} {miss.field}: want {want!r} | got {got!r} | {_cut(miss.evidence, TEXT_WIDTH)}")
            if miss.notes:
                lines.append(f"      notes: {_cut(miss.notes, TEXT_WIDTH)}")
    return "\n".join(lines)


def scorecard_dict(card: Scorecard) -> dict:
    """Every figure with its interval and counts; NaN becomes null."""
    shares = {name: value.as_dict() for name, value in vars(card).items() if isinstance(value, Share)}
    return {
        "labelled": card.labelled,
        "matched": card.matched,
        "unmatched": list(card.unmatched),
        **shares,
        "dates_by_basis": {key: share.as_dict() for key, share in card.dates_by_basis.items()},
        "dates_by_evidence": {key: share.as_dict() for key, share in card.dates_by_evidence.items()},
        "topics": {
            topic.key: {
                "precision": topic.precision.as_dict(),
                "recall": topic.recall.as_dict(),
                "f1": topic.f1.as_dict(),
                **asdict(topic.confusion),
            }
            for topic in card.topics
        },
        "macro_f1": card.macro_f1.as_dict(),
        "unlabelled_topics": list(card.unlabelled_topics),
        "disagreements": [asdict(miss) for miss in card.disagreements],
    }


def _line(name: str, share: Share) -> str:
    return f"{name:<44} {share}"


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
