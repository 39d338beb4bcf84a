"""The one-line entry form: `- **Name**, Organisation | City, ST | *date*` on a single line.

Used for degrees, certifications, publications and awards. The bold part is the name (for a degree,
whichever of the bold part and the rest names the degree is the title and the other the school); the
rest is split at `|` (or `·`, `•`), a trailing date or range is taken off, and a "City, ST" after the
organisation becomes the location. A line without bold is an entry only when it has a date or
separated fields (and, for education, names a degree or a school); otherwise it stays a bullet.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .dates import looks_like_dates, parse_date_range, split_trailing_dates
from .grammar import DEGREE_RE, LOCATION_RE, SCHOOL_RE
from .inline import Run, leading_strong, plain, split_fields
from .types import EntryKind, Link

_LEADING = " ,;:–—-"


@dataclass
class OneLine:
    title: str = ""
    organisation: str = ""
    location: str = ""
    dates: str = ""
    link: Link | None = None
    problems: list[str] = field(default_factory=list)


def read_one_line(line: list[Run], kind: EntryKind) -> OneLine | None:
    head, rest = leading_strong(line)
    found = OneLine()
    parts = split_fields(rest if head else line)
    found.link = next((Link(p.text, p.href) for p in parts if p.href), None)
    texts = [p.text.strip(_LEADING) for p in parts if p.text.strip(_LEADING)]
    texts = _take_dates(texts, found)
    if head:
        found.title = plain(head).rstrip(":,").strip()
    elif kind == "degree":
        texts = [piece.strip() for text in texts for piece in text.split(",") if piece.strip()]
        if not any(DEGREE_RE.search(t) or SCHOOL_RE.search(t) for t in texts):
            return None
        found.title = texts.pop(0) if texts else ""
    elif not found.dates and len(parts) < 2:
        return None
    else:
        found.title = texts.pop(0) if texts else ""
    _place(texts, found)
    if kind == "degree":
        _degree_first(found)
    return found


def _take_dates(texts: list[str], found: OneLine) -> list[str]:
    """A field that is a date or range, else a date at the end of the last field, else a field that
    was meant as a date ("Summer 2018": kept as written, with a warning)."""
    kept = []
    for text in texts:
        if not found.dates and parse_date_range(text):
            found.dates = text
        else:
            kept.append(text)
    if not found.dates and kept:
        rest, dates = split_trailing_dates(kept[-1])
        if dates is not None:
            found.dates = dates.text
            kept[-1:] = [rest.strip(_LEADING)] if rest.strip(_LEADING) else []
    unread = next((text for text in kept if looks_like_dates(text)), None) if not found.dates else None
    if unread is not None:
        found.dates = unread
        found.problems.append(f"cannot read the dates '{unread}'")
        kept.remove(unread)
    return kept


def _place(texts: list[str], found: OneLine) -> None:
    """Organisation, then location ("City, ST" after a comma counts as one)."""
    pieces: list[str] = []
    for text in texts:
        head, comma, tail = text.partition(",")
        if comma and LOCATION_RE.match(tail.strip()) and not LOCATION_RE.match(text):
            pieces += [head.strip(), tail.strip()]
        else:
            pieces.append(text)
    if pieces and not LOCATION_RE.match(pieces[0]) or len(pieces) > 1:
        found.organisation = pieces.pop(0)
    if pieces:
        found.location = pieces.pop(0)
    if pieces:
        found.problems.append(f"extra fields '{', '.join(pieces)}' kept after the location")
        found.location = ", ".join([found.location, *pieces])


def _degree_first(found: OneLine) -> None:
    """"**University of Waterloo** — BASc Computer Engineering": the degree is the title."""
    title, school = found.title, found.organisation
    if school and SCHOOL_RE.search(title) and not DEGREE_RE.search(title) and not SCHOOL_RE.search(school):
        found.title, found.organisation = school, title
