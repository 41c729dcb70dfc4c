"""Who published an article, and whose copy it is: read from the places a publisher names itself.

Evidence is only taken where a page names its publisher or source: the source's own fields
(metadata), the URL's domain, the page's header and navigation (masthead), a byline or a dated
header line, a copyright line, a wire dateline ("TOKYO (AP) —", "/TASS/.", "[ワシントン 13日 ロイター]")
and credit lines ("Reuters", "Kyodo and Reuters", "Read more at ...", "This story appeared on ...").
An outlet's name in a sentence of the article ("Kyodo reported", "told Reuters") and photo credits
("(AP Photo/...)", "© Reuters" under a picture) are never evidence.

`outlet` is the publisher; `origin` the wire or paper whose copy the page carries. A page that
names no publisher but credits an agency gets that agency as its outlet too (basis says where it
was read), so a repost is never attributed to an outlet it does not name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lib.annotate.date_grammar import find_full_dates
from lib.reference.outlets import Gazetteer, Outlet, default_outlets, hostname

# Where `outlet` came from, declared once (the column's meaning in lib/schema/columns.py cites it).
OUTLET_BASES: dict[str, str] = {
    "metadata": "the source's own outlet field (a table's column, a page's site name)",
    "domain": "the domain of the article's URL",
    "masthead": "the site's name in the page's chrome: a header line, the title's suffix, a navigation link",
    "byline": "a byline or dated header line naming the outlet ('By Jane Doe | Example Times')",
    "copyright": "a copyright line ('© 2025 Example Times')",
    "dateline": "a wire dateline crediting the agency ('TOKYO (AP) —')",
    "credit": "a credit line naming the source ('Kyodo and Reuters', 'Read more at ...')",
    "none": "no evidence: the outlet is unknown",
}
# The strongest evidence first: a publisher's own fields beat anything read from the text.
_PUBLISHER_ORDER = ("metadata", "domain", "copyright", "byline", "masthead")
_ORIGIN_ORDER = ("dateline", "byline", "copyright", "credit")

HEAD_LINES = 40  # headers, bylines and navigation stand in the first lines of a page
# Credits stand at a page's head (datelines, bylines, "Source:") or foot ("— AFP", "© 2025 X",
# "Read more at"); the middle of a very long text is not read for them, which keeps a hostile
# text of a hundred thousand lines from costing a pass of every credit pattern per line.
SCANNED_HEAD_LINES, FOOT_LINES = 400, 100
HEADER_CHARS = 300  # how much of a line can be a header, a byline or a credit
_CORPUS_DATE = re.compile(r"^\s*date\s+\d{4}-\d{2}(?:-\d{2})?\s+")
_PHOTO_WORDS = re.compile(
    r"\b(?:photo\w*|image\w*|picture|pictured|getty|file|pool|illustration|foto\w*|fotografía)\b", re.IGNORECASE
)
_LIST_MARK = re.compile(r"^\s*(?:[-–•·*]|\d{1,2}\.)\s*")
# "TOKYO (AP) —", "Tokyo, Nov. 6 (Jiji Press)--", "Washington [US], Sept 5 (ANI):", "(Reuters) -"
_PAREN_DATELINE = re.compile(r"^[^\n()]{0,45}?\((?P<credit>[^()\n]{2,40})\)\s*(?:--|—|–|-|:)")
# "TOKYO (AP) Japan's prime minister ...": a wire's dateline with no dash, before a capital.
_BARE_PAREN_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'-]+(?:[ ,]+[A-Z][\w.'-]*){0,3})\s*\((?P<credit>[^()\n]{2,40})\)\s+(?=[A-Z\"“])"
)
# An agency not in the gazetteer credited in a dated dateline: "March 16, 2021 (EIRNS)—". Words in
# brackets that label the story, not its source, are not agencies.
_AGENCY_ACRONYM = re.compile(r"^[A-Z]{3,8}$")
STORY_LABELS = frozenset(
    "UPDATE UPDATED LEAD VIDEO VIDEOS PHOTO PHOTOS WATCH LIVE EXCLUSIVE ANALYSIS OPINION EDITORIAL BREAKING "
    "CORRECTED REFILE WRAPUP FOCUS EXPLAINER INTERVIEW FACTBOX AUDIO PODCAST GRAPHIC UPDATES NEWS".split()
)
# "Special to The Example Times": a commissioned piece names the outlet that runs it.
_SPECIAL_TO = re.compile(r"\bspecial to\s+(?P<rest>[^\n]{2,80})", re.IGNORECASE)
# "Jane Doe is a staff reporter at The Example Times": an author's bio names their employer (only
# "is": "was a reporter for" is their past).
_AUTHOR_BIO = re.compile(
    r"\bis\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,8}?"
    r"(?:reporter|journalist|correspondent|writer|editor|columnist|contributor)\s+(?:at|for|with)\s+(?P<rest>[^\n]{2,80})",
    re.IGNORECASE,
)
# "TOKYO, May 16. /TASS/."
_SLASH_DATELINE = re.compile(r"^[^\n/]{0,45}?/(?P<credit>[A-Z][\w-]{1,15})/\.?(?:\s|$)")
# "[ワシントン 13日 ロイター] -": place, day, agency in brackets, as Japanese wires write it.
_BRACKET_DATELINE = re.compile(r"^[\[［][^\]］\n]{1,16}?\d{1,2}日\s*(?P<credit>[^\]］\s\d][^\]］\n]{0,15})[\]］]")
# "... said on Monday. — AFP" or "... earlier this month. Jiji Press" at a paragraph's end.
_TRAILING_CREDIT = re.compile(r"[.!?”\"]\s*(?:(?:--|—|–|-)\s*)?(?P<credit>[^\s.—–-][^.—–\n]{0,30}?)\s*$")
_COPYRIGHT = re.compile(
    r"(?P<mark>©|\(c\)|copyright)\s*(?P<year>(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?)?\s*,?\s*(?:by\s+)?"
    r"(?P<holder>[^\n|.\]]{2,80})",
    re.IGNORECASE,
)
_COMPANY_SUFFIX = re.compile(
    r"[,\s]+(?:ltd|limited|inc|co|corp|corporation|llc|plc|gmbh|s\.?a|group|media group|all rights reserved)\b\.?.*$",
    re.IGNORECASE,
)
_SOURCE_PHRASE = re.compile(
    r"^\s*(?:read (?:more|the (?:full|original) (?:story|article))\s+(?:at|on|in)\s+"
    r"|this (?:story|article) (?:first |originally )?appeared (?:on|in)\s+"
    r"|(?:originally|first) published (?:on|in|by|at)\s+"
    r"|reference\(?s?\)?\s*:\s*|sources?\s*:\s*|courtesy(?: of)?\s*:?\s*)"
    r"(?P<rest>.+)$",
    re.IGNORECASE,
)
_DOMAIN_TOKEN = re.compile(r"(?<![\w@.-])(?:https?://)?(?:www\.)?(?P<host>[a-z0-9-]+(?:\.[a-z0-9-]+)+)(?:/\S*)?", re.I)
_URL_LINE = re.compile(
    r"^(?:https?://)?(?P<host>(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})(?:/\S*)?$", re.IGNORECASE
)
_FORMER = re.compile(r"\b(?:former(?:ly)?|ex-|retired|previously)\b", re.IGNORECASE)
_NAVIGATION = re.compile(r"^\s*(?:\d{1,2}\.\s*)?(?:skip to|go to|back to|more from|visit|return to)\b", re.I)
_BYLINE_START = re.compile(r"^\s*by\s+\S", re.IGNORECASE)
# "Nikkei staff writer", "OAN Staff Jane Doe", "(Example Times reporter Jane Doe)"
_STAFF_ROLE = re.compile(r"^\s*(?:staff(?:\s+writers?|\s+reporters?)?|reporters?|correspondents?|news desk)\b", re.I)
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")
_JOINERS = re.compile(r"\s*(?:,|/|&|\+|\||•|\band\b|\bund\b|\bet\b|\by\b)\s*", re.IGNORECASE)
_SUFFIX_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::)\s+")
BODY_BEFORE_TRAILING_CREDIT = 4  # paragraphs of article text before a yearless "© X" is its credit


@dataclass(frozen=True)
class Evidence:
    name: str  # the outlet's name as the frame shows it
    basis: str  # a key of OUTLET_BASES
    snippet: str  # the line it was read from
    outlet: Outlet | None = None  # its gazetteer entry, when it has one


@dataclass(frozen=True)
class OutletChoice:
    outlet: str
    basis: str
    country: str
    kind: str
    origin: str  # the wire or paper whose copy the page carries; "" when none is credited
    evidence: str  # the snippet the outlet was read from

    def as_columns(self) -> dict[str, str]:
        return {
            "outlet": self.outlet,
            "outlet_basis": self.basis,
            "outlet_country": self.country,
            "outlet_kind": self.kind,
            "origin": self.origin,
        }


NO_OUTLET = OutletChoice("", "none", "", "", "", "")


def page_lines(text: str) -> list[str]:
    """The text's non-empty lines, spaces collapsed, a corpus ` date YYYY-MM-DD` prefix removed."""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    if lines:
        lines[0] = _CORPUS_DATE.sub("", lines[0])
    return lines


def _known(gazetteer: Gazetteer, name: str) -> Outlet | None:
    outlet = gazetteer.by_name(name)
    return outlet if outlet is not None and outlet.kind != "photo_agency" else None


def names_alone(line: str, gazetteer: Gazetteer) -> list[Outlet]:
    """The outlets a line consists of and nothing else ("Reuters", "Kyodo and Reuters", "- AFP")."""
    if len(line) > HEADER_CHARS:  # four names and their joiners are far shorter
        return []
    parts = [p for p in _JOINERS.split(_LIST_MARK.sub("", line)) if p.strip()]
    if not parts or len(parts) > 4:
        return []
    outlets = [_known(gazetteer, part) for part in parts]
    if any(o is None or o.common_word for o in outlets):
        return []
    return [o for o in outlets if o is not None]


def dateline_credit(line: str, gazetteer: Gazetteer) -> Outlet | None:
    """The agency a wire dateline at the start of `line` credits, or None."""
    for pattern in (_PAREN_DATELINE, _SLASH_DATELINE, _BRACKET_DATELINE):
        match = pattern.match(line)
        if match:
            outlet = _known(gazetteer, match["credit"])
            if outlet is not None:
                return outlet
    match = _BARE_PAREN_DATELINE.match(line)
    if match:  # without the dash only a wire's name reads as a credit ("TOKYO (AP) The ...")
        outlet = _known(gazetteer, match["credit"])
        if outlet is not None and outlet.writes_copy:
            return outlet
    return None


def unknown_agency_dateline(line: str, gazetteer: Gazetteer) -> str:
    """An agency the gazetteer does not know, credited in a dated dateline ("March 16, 2021
    (EIRNS)—"), or ""."""
    match = _PAREN_DATELINE.match(line)
    if not match:
        return ""
    credit = match["credit"].strip()
    if not _AGENCY_ACRONYM.match(credit) or credit in STORY_LABELS or gazetteer.by_name(credit) is not None:
        return ""
    return credit if find_full_dates(line[: match.start("credit")]) else ""


def _named_at_start(rest: str, gazetteer: Gazetteer) -> Outlet | None:
    """The known outlet `rest` starts with ("The Example Times, where she ..."), or None."""
    found = gazetteer.find_names(rest[:HEADER_CHARS])
    if found and found[0][1].start() <= 4 and found[0][0].kind != "photo_agency":
        return found[0][0]
    return None


def named_employer(line: str, gazetteer: Gazetteer) -> tuple[str, Outlet | None]:
    """The outlet a "Special to ..." credit or an author's bio names (known outlets, and for
    "Special to" an unknown name too), or ("", None)."""
    special = _SPECIAL_TO.search(line)
    if special:
        outlet = _named_at_start(special["rest"], gazetteer)
        if outlet is not None:
            return outlet.name, outlet
        name = special["rest"].split(",")[0].strip(" .;:")
        if _looks_like_a_name(name) and all(w[:1].isupper() for w in name.split() if len(w) > 3):
            return name, None
    bio = _AUTHOR_BIO.search(line)
    if bio and not _FORMER.search(line[: bio.start("rest")]):
        outlet = _named_at_start(bio["rest"], gazetteer)
        if outlet is not None:
            return outlet.name, outlet
    return "", None


def copyright_holder(line: str, gazetteer: Gazetteer, *, body_before: int) -> tuple[str, Outlet | None]:
    """The holder a copyright line names ("" if none): a known outlet, or with a year an unknown
    publisher's name. A bare "© Reuters" is the credit of a photo unless it closes the article."""
    for match in _COPYRIGHT.finditer(line):
        holder = _COMPANY_SUFFIX.sub("", match["holder"]).strip(" ,;:-–—[]()")
        if not holder or _PHOTO_WORDS.search(holder) or "/" in holder.replace("Thomson/", ""):
            continue
        named = [o for o, _ in gazetteer.find_names(holder) if o.kind != "photo_agency"]
        strong = match["year"] is not None or match["mark"] != "©"
        if not strong and body_before < BODY_BEFORE_TRAILING_CREDIT:
            continue
        if named:
            return named[0].name, named[0]
        if match["year"] and _looks_like_a_name(holder):
            return _display_name(holder), None
    return "", None


def _looks_like_a_name(text: str) -> bool:
    words = text.split()
    return (
        1 <= len(words) <= 5
        and words[0][:1].isupper()
        and not any(w.lower() in ("the author", "author") for w in words)
    )


def _display_name(holder: str) -> str:
    """ "ARMENPRESS" → "Armenpress"; a name in mixed case is kept as written."""
    return holder.title() if holder.isupper() and len(holder) > 4 else holder


def _is_caption(line: str) -> bool:
    """A photo caption or credit names the photo near its start or its end: a longer line is
    read at both ends only, so a 2 MB paragraph costs no more than a short one."""
    if len(line) > 2 * HEADER_CHARS:
        line = f"{line[:HEADER_CHARS]}\n{line[-HEADER_CHARS:]}"
    return bool(_PHOTO_WORDS.search(line))


def _header_outlets(line: str, gazetteer: Gazetteer) -> list[Outlet]:
    """Outlets named in a byline ("By Jane Doe | Example Times"), a staff credit ("Nikkei staff
    writer") or a short dated header line ("Reuters | Updated: 27-07-2021 18:35")."""
    line = line[:HEADER_CHARS]  # a header's names stand at its start; a long paragraph is not scanned
    if _is_caption(line):
        return []
    found = [(o, m) for o, m in gazetteer.find_names(line) if o.kind != "photo_agency"]
    # A staff credit stands at the start of a line or of a bracket: "(Example Times reporter Jane Doe)".
    staff = [
        o
        for o, m in found
        if _STAFF_ROLE.match(line[m.end() :]) and (m.start() == 0 or line[: m.start()].rstrip()[-1:] in "(,[")
    ]
    if staff or len(line.split()) > 16:
        return staff
    # "Former editorial writer for The Example Times": the author's past, not this page's outlet.
    found = [(o, m) for o, m in found if not _FORMER.search(line[max(0, m.start() - 40) : m.start()])]
    if _BYLINE_START.match(line):
        return [o for o, m in found if m.start() > 3]
    if _CLOCK.search(line) or find_full_dates(line):
        return [o for o, _ in found if not o.common_word]
    return []


def _source_phrase(line: str, gazetteer: Gazetteer) -> Outlet | None:
    """ "Read more at The Example Times", "This story appeared on example.com", "Source: Kyodo"."""
    match = _SOURCE_PHRASE.match(line)
    if not match:
        return None
    rest = match["rest"][:HEADER_CHARS]
    for token in _DOMAIN_TOKEN.finditer(rest):
        outlet = gazetteer.by_domain(token["host"])
        if outlet is not None and outlet.kind != "photo_agency":
            return outlet
    return _named_at_start(rest, gazetteer)


def _dateline_evidence(line: str, gazetteer: Gazetteer) -> list[Evidence]:
    wire = dateline_credit(line, gazetteer)
    if wire is not None:
        return [Evidence(wire.name, "dateline", line, wire)]
    agency = unknown_agency_dateline(line, gazetteer)
    return [Evidence(agency, "dateline", line)] if agency else []


def _head_evidence(line: str, gazetteer: Gazetteer, *, named_alone: bool) -> list[Evidence]:
    """What a line in the page's head names: an author's employer, a byline's outlet, a
    navigation link's site."""
    found: list[Evidence] = []
    employer, known = named_employer(line[:HEADER_CHARS], gazetteer)
    if employer:
        found.append(Evidence(employer, "byline", line, known))
    if not named_alone:
        found += [Evidence(o.name, "byline", line, o) for o in _header_outlets(line, gazetteer)]
        if _NAVIGATION.match(line):
            found += [Evidence(o.name, "masthead", line, o) for o, _ in gazetteer.find_names(line) if not o.common_word]
    return found


def _credits_in_line(line: str, gazetteer: Gazetteer, *, in_head: bool, body_before: int) -> list[Evidence]:
    """Every outlet `line` names in a place a publisher or source names itself."""
    found = _dateline_evidence(line, gazetteer)
    if "©" in line or "(c" in line.lower() or "opyright" in line:
        holder, known = copyright_holder(line, gazetteer, body_before=body_before)
        if holder:
            found.append(Evidence(holder, "copyright", line, known))
    alone = names_alone(line, gazetteer)
    # A wire's name alone on a line credits its copy; another outlet's is the site's own name.
    found += [Evidence(o.name, "credit" if o.writes_copy else "masthead", line, o) for o in alone]
    if in_head:
        found += _head_evidence(line, gazetteer, named_alone=bool(alone))
    url = _URL_LINE.match(line)
    if url:  # an address alone on a line: the story's source link ("example.com/2025/...")
        outlet = gazetteer.by_domain(url["host"])
        if outlet is not None and outlet.kind != "photo_agency":
            found.append(Evidence(outlet.name, "credit", line, outlet))
    trailing = _TRAILING_CREDIT.search(line) if body_before else None
    if trailing:
        outlet = _known(gazetteer, trailing["credit"])
        if outlet is not None and outlet.writes_copy:
            found.append(Evidence(outlet.name, "credit", line, outlet))
    phrase = _source_phrase(line, gazetteer)
    if phrase is not None:
        found.append(Evidence(phrase.name, "credit", line, phrase))
    return found


def _is_origin(evidence: Evidence) -> bool:
    """Whose copy the page carries: any dateline or credit, and a wire's byline or copyright."""
    if evidence.basis in ("dateline", "credit"):
        return True
    return evidence.outlet is not None and evidence.outlet.writes_copy and evidence.basis in ("byline", "copyright")


def text_evidence(text: str, gazetteer: Gazetteer) -> tuple[list[Evidence], list[Evidence]]:
    """(publisher evidence, origin evidence) read from the page's text, each in reading order."""
    publisher: list[Evidence] = []
    origin: list[Evidence] = []
    body_before = 0
    lines = page_lines(text)
    foot = len(lines) - FOOT_LINES
    for index, line in enumerate(lines):
        if SCANNED_HEAD_LINES <= index < foot:
            body_before += 1  # deep in a long text: an article paragraph, not a credit
            continue
        for evidence in _credits_in_line(line, gazetteer, in_head=index < HEAD_LINES, body_before=body_before):
            (origin if _is_origin(evidence) else publisher).append(evidence)
        if len(line.split(maxsplit=12)) >= 12 and not _is_caption(line):
            body_before += 1
    return publisher, origin


def _first(evidence: list[Evidence], order: tuple[str, ...]) -> Evidence | None:
    ranked = sorted(evidence, key=lambda e: order.index(e.basis) if e.basis in order else len(order))
    return ranked[0] if ranked else None


def title_suffix_outlet(title: str, gazetteer: Gazetteer) -> Outlet | None:
    """The outlet a page title ends with ("Talks resume | The Example Times"), or None."""
    parts = _SUFFIX_SEPARATOR.split(title)
    if len(parts) < 2:
        return None
    return _known(gazetteer, parts[-1])


def choose_outlet(
    *, text: str, url: str = "", metadata_outlet: str = "", title: str = "", gazetteer: Gazetteer | None = None
) -> OutletChoice:
    """The publisher and credited origin of one article, with where each was read."""
    gazetteer = gazetteer or default_outlets()
    publisher, origin = text_evidence(text, gazetteer)
    suffix = title_suffix_outlet(title, gazetteer) if title else None
    if suffix is not None:
        publisher.append(Evidence(suffix.name, "masthead", title, suffix))
    if metadata_outlet.strip():
        known = _known(gazetteer, metadata_outlet) or gazetteer.by_domain(metadata_outlet)
        name = known.name if known else metadata_outlet.strip()
        publisher.append(Evidence(name, "metadata", metadata_outlet, known))
    host = hostname(url) if url else ""
    by_domain = gazetteer.by_domain(host) if host else None
    if by_domain is not None:
        publisher.append(Evidence(by_domain.name, "domain", url, by_domain))
    chosen_origin = _first(origin, _ORIGIN_ORDER)
    chosen = _first(publisher, _PUBLISHER_ORDER)
    if chosen is None and host:
        chosen = Evidence(host, "domain", url)  # an unknown site is still named by its domain
    if chosen is None:
        chosen = chosen_origin
    if chosen is None:
        return NO_OUTLET
    entry = chosen.outlet
    return OutletChoice(
        chosen.name,
        chosen.basis,
        entry.country if entry else "",
        entry.kind if entry else "",
        chosen_origin.name if chosen_origin else "",
        chosen.snippet,
    )
