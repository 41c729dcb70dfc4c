"""What the article view says about one article, as plain data: its headline facts, where each
fact came from, and for each topic why it was or was not tagged. Pages only lay these out."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ArticleFacts:
    headline: list[tuple[str, str]]  # (label, value) shown as metrics
    provenance: list[str]  # one phrase per fact: where it came from


@dataclass(frozen=True)
class TopicEvidence:
    key: str
    heading: str
    notes: list[str] = field(default_factory=list)
    sentences: list[dict] = field(default_factory=list)  # {"sentence", "polarity"} rows


def selected_id(listed_ids: list[str], selected_rows: list[int]) -> str | None:
    """The article_id of the row selected in a listing, or None. The browser may still hold a
    row picked in a longer list (a search since narrowed it): such a row is ignored."""
    valid = [row for row in selected_rows if 0 <= row < len(listed_ids)]
    return str(listed_ids[valid[0]]) if valid else None


def _present(value) -> bool:
    return value is not None and value == value and value != ""


def _with_basis(what: str, value, basis, evidence=None) -> str:
    text = f"{what}: {value if _present(value) else 'unknown'}"
    if _present(basis) and basis != "none":
        text += f" (from {basis}" + (f": {evidence}" if _present(evidence) else "") + ")"
    return text


def article_facts(article: Mapping) -> ArticleFacts:
    """Headline metrics and provenance phrases for one article row (a Series or a dict)."""
    published = article.get("published")
    day = f"{published:%Y-%m-%d}" if _present(published) else "undated"
    polarity = article.get("polarity")
    headline = [
        ("Published", day),
        ("Prime minister", article.get("pm") or "unknown"),
        ("Polarity", f"{polarity:+.2f}" if _present(polarity) else "n/a"),
        ("Words", f"{int(article.get('n_words') or 0):,}"),
    ]
    outlet = _with_basis("Outlet", article.get("outlet"), article.get("outlet_basis"))
    if _present(article.get("outlet_country")) or _present(article.get("outlet_kind")):
        details = ", ".join(str(article[k]) for k in ("outlet_kind", "outlet_country") if _present(article.get(k)))
        outlet += f" [{details}]"
    if _present(article.get("origin")) and article.get("origin") != article.get("outlet"):
        outlet += f"; credits {article['origin']}"
    mentioned = article.get("pms_mentioned")
    provenance = [
        f"Title from: {article.get('title_basis') or 'unknown'}",
        outlet,
        f"Source: {article.get('source', '')}",
        _with_basis("Date", day, article.get("date_basis"), article.get("date_evidence")),
        _with_basis("PM", article.get("pm") or None, article.get("pm_basis")),
        "PMs named in the text: " + (", ".join(mentioned) if mentioned is not None and len(mentioned) else "none"),
    ]
    return ArticleFacts(headline, provenance)


def topic_evidence(scores: Iterable[Mapping], labels: Mapping[str, str]) -> list[TopicEvidence]:
    """One block per topic: the verdict with its counts, the terms matched, any rule that vetoed
    the tag, and the sentences that mention the topic with their polarity."""
    blocks = []
    for score in scores:
        key = score["key"]
        verdict = "tagged" if score["tagged"] else "not tagged"
        polarity = "" if score.get("polarity") is None else f", sentence polarity {score['polarity']:+.2f}"
        heading = f"{labels.get(key, key)}: {score['hits']} mention(s), {verdict}{polarity}"
        notes = ["Terms: " + (", ".join(score.get("terms") or ()) or "none")]
        if score.get("reason"):
            notes.append(f"Why: {score['reason']}")
        for veto in score.get("vetoes") or ():
            notes.append(f"Not counted: {veto}")
        sentences = [
            {"sentence": s["text"], "polarity": round(s["polarity"], 3) if s.get("polarity") is not None else None}
            for s in score.get("sentences") or ()
        ]
        blocks.append(TopicEvidence(key, heading, notes, sentences))
    return blocks
