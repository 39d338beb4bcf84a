"""The one-line entry form: `- **Name**, Organisation | City, ST | *date*` on a single line.

Used for degrees, certifications, publications and awards. The bold part is the name (for a degree,
whichever of the bold part and the rest names the degree is the title and the other the school); the
rest is split at `|` (or `·`, `•`), a trailing date or range is taken off, and a "City, ST" after the
organisation becomes the location. A line without bold is an entry only when it has a date or
separated fields (and, for education, names a degree or a school); otherwise it stays a bullet.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from .dates import looks_like_dates, parse_date_range, split_trailing_dates
from .grammar import DEGREE_RE, LOCATION_RE, SCHOOL_RE
from .fields import Fields, classify, is_place, names_something, pieces
from .model import Bullet, Entry
from .inline import Run, leading_strong, plain, split_fields
from .model import EntryKind, Link

_LEADING = " ,;:–—-"
_WORD_RE = re.compile(r"[^\W\d_]{3,}")


@dataclass
class OneLine(Fields):
    problems: list[str] = field(default_factory=list)
    authors: str = ""  # a citation's authors: kept as the line under the entry


def read_one_line(line: list[Run], kind: EntryKind) -> OneLine | None:
    quoted = _QUOTED_TITLE.search(plain(line)) if kind == "publication" else None
    if quoted is not None:
        return _quoted_citation(line, quoted)
    if kind == "publication" and _citation_title(line) is not None:
        return _citation(line)
    head, rest = leading_strong(line)
    if not head or parse_date_range(plain(head)):  # "**2011 – 2015** — BSc ...": read by its pieces
        return _unmarked(line, kind)
    found = OneLine()
    parts = [p for p in split_fields(rest if head else line) if p.text.strip(_LEADING)]
    found.title = plain(head).rstrip(":,").strip()
    linked_head = next((run.href for run in head if run.href), None)  # "**[CKA](…)**, CNCF"
    linked_part = next((Link(p.text.strip(_LEADING), p.href) for p in parts if p.href), None)
    found.link = Link(found.title, linked_head) if linked_head else linked_part
    # A link right after the name that names something is the organisation, linked ("**CKA**, [CNCF](…)");
    # a link further on only points ("| [verify](…)").
    texts = [
        p.text.strip(_LEADING)
        for index, p in enumerate(parts)
        if not p.href or index == 0 and names_something(p.text)
    ]
    texts = _take_dates(texts, found)
    named = pieces(head)
    if kind == "degree" and len(named) > 1 and is_place(named[-1].text) and not found.location:
        found.title = ", ".join(piece.text for piece in named[:-1])  # "**M.A. Statistics, New York, NY**"
        found.location = named[-1].text
    _place(texts, found)
    if kind == "degree":
        _degree_first(found)
    return found


def _commas_inside(found: list) -> list:  # noqa: ANN001 - fields.Piece
    """Pieces after a comma joined to the one before ("Top 10, Hall of Fame"), unless they name a school or a place
    ("Merit Scholarship, University of Texas")."""
    merged = []
    for piece in found:
        apart = SCHOOL_RE.search(piece.text) or is_place(piece.text)
        if merged and piece.after == "," and not piece.is_dates and not merged[-1].is_dates and not apart:
            merged[-1] = dataclasses.replace(merged[-1], text=f"{merged[-1].text}, {piece.text}")
        else:
            merged.append(piece)
    return merged


def _citation_title(line: list[Run]) -> int | None:
    """Where a citation's title is: an italic or quoted run after some other text ("A. Author. *Title*.")."""
    visible = [index for index, run in enumerate(line) if run.text.strip()]
    for index in visible[1:]:
        run = line[index]
        if run.em and not run.strong and len(run.text.split()) >= 3 and not looks_like_dates(run.text):
            return index
    return None


def _citation(line: list[Run]) -> OneLine:
    """"**W. Zhang**, C. Finn. *Offline RL from Demonstrations*. NeurIPS 2022." -> the title, the venue
    and year after it, and the authors before it (kept as the line under the entry)."""
    at = _citation_title(line) or 0
    found = OneLine(title=line[at].text.strip(" .,"))
    after = [piece for piece in pieces(line[at + 1 :])]
    dates = next((piece for piece in after if piece.is_dates), None)
    found.dates = dates.text if dates else ""
    venue = [piece.text for piece in after if not piece.is_dates and piece.text.strip(" .")]
    found.organisation = venue[0].strip(" .") if venue else ""
    found.location = ", ".join(text.strip(" .") for text in venue[1:])
    found.authors = plain(line[:at]).strip(" .,")
    return found


# A title in quotes ("Authors. “Title.” Venue, 2020.", "2023 | “Title”. Authors. *Venue*.")
_QUOTED_TITLE = re.compile(r"[“\"]([^”\"]{8,}?)[,.]?[”\"]")
# A full stop that ends a sentence, not an initial ("S. Lee. *USENIX ATC*." is two sentences).
_SENTENCE_END_RE = re.compile(r"(?<!\b[A-Z])\.\s+")


def _quoted_citation(line: list[Run], quoted: re.Match[str]) -> OneLine:
    """A citation whose title is in quotes (`quoted`, found in the line's text): the venue is the italic
    text after it (else its last sentence), the date wherever it stands, and the authors the rest before
    the venue."""
    text = plain(line)
    found = OneLine(title=quoted.group(1).strip(" .,"))
    dates = next((piece for piece in pieces(line) if piece.is_dates), None)
    found.dates = dates.text if dates else ""
    before, after = text[: quoted.start()], text[quoted.end() :]
    italic = _italic_after(line, quoted.end())
    if dates:
        before, after = before.replace(dates.text, " "), after.replace(dates.text, " ")
    sentences = [part.strip(" .,;|·–—-()") for part in _SENTENCE_END_RE.split(after)]
    sentences = [part for part in sentences if part]
    found.organisation = italic or (sentences[-1] if sentences else "")
    rest = [part for part in sentences if not re.search(rf"(?<!\w){re.escape(part)}(?!\w)", found.organisation)]
    found.authors = before.strip(" .,;|·–—-") or ". ".join(rest)
    return found


def _italic_after(line: list[Run], offset: int) -> str:
    """The italic runs (with what joins them) that start after character `offset` of the line."""
    position, parts, started = 0, [], False
    for run in line:
        if position >= offset and (run.em or started and not run.text.strip()):
            parts.append(run.text)
            started = started or run.em
        elif started:
            break
        position += len(run.text)
    return " ".join("".join(parts).split()).strip(" .,")


def _unmarked(line: list[Run], kind: EntryKind) -> OneLine | None:
    """A line with no bold name ("M.Sc. Informatics, TU Munich, 2019", "2020 · **Name**, Issuer",
    "Degree — School — 2013–2015"): an entry when its pieces say so, by `fields.classify`."""
    found = pieces(line)
    texts = [piece.text for piece in found if not piece.is_dates]
    has_dates = any(piece.is_dates for piece in found)
    if kind == "degree" and not any(DEGREE_RE.search(t) or SCHOOL_RE.search(t) for t in texts):
        return None
    if kind != "degree" and not (has_dates or len(split_fields(line)) > 1):
        return None
    if sum(piece.is_dates for piece in found) > 1:
        return None  # "Scholar, 2021 and 2022": stays a bullet, as written
    if any(piece.is_dates and _inside_a_sentence(plain(line), piece.text) for piece in found):
        return None  # "Won the 2022 hackathon.": a sentence that holds a year
    if kind != "degree" and any(piece.after in ("—", "–", "-", "|", "·", "•") for piece in found):
        found = _commas_inside(found)  # "Top 10, Hall of Fame — Google — 2018": the dashes part the fields
    named = classify(found, "degree" if kind == "degree" else "credential")
    if named.extra or not named.title:
        return None  # more than a name, a giver, a place and a date: a sentence, kept as a bullet
    return OneLine(named.title, named.organisation, named.location, named.dates, named.link)


def _inside_a_sentence(text: str, dates: str) -> bool:
    """Whether `dates` stand between two words with nothing but spaces around them."""
    before, found, after = text.partition(dates)
    before, after = before.rstrip(), after.lstrip()
    return bool(found and before and after) and before[-1].isalnum() and after[0].isalnum()


def _take_dates(texts: list[str], found: OneLine) -> list[str]:
    """A field that is a date or range, else a date at the end of the last field, else a field that
    was meant as a date ("Q3 2018": kept as written, with a warning)."""
    kept = []
    for text in texts:
        if not found.dates and parse_date_range(text):
            found.dates = text
        else:
            kept.append(text)
    if not found.dates and kept:
        rest, dates = split_trailing_dates(kept[-1])
        if dates is not None and not _WORD_RE.search(rest):  # "Q3 2018": no word before the year, so one date
            dates = None
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
        if is_place(school) and not found.location:  # "**TU Berlin**, Berlin": the place, not a degree
            found.location, found.organisation = school, ""
        else:
            found.title, found.organisation = school, title


def degree_halves_joined(items: list) -> list:  # noqa: ANN001 - Entry | Bullet | SkillGroup
    """"**School** | *2010 – 2015*" then "**MSc Cybernetics** | Trondheim": one degree written on two lines;
    a line of dates alone goes to the degree after it (or before it) that has none."""
    items = _dates_attached(items)
    joined: list = []
    for item in items:
        before = joined[-1] if joined else None
        if isinstance(item, Entry) and isinstance(before, Entry) and _halves(before, item):
            school, degree = (before, item) if not DEGREE_RE.search(before.title) else (item, before)
            joined[-1] = dataclasses.replace(
                before,
                title=degree.title,
                organisation=school.organisation or school.title,
                location=before.location or item.location,
                dates=before.dates or item.dates,
                period=before.period or item.period,
                bullets=before.bullets + item.bullets,
            )
        else:
            joined.append(item)
    return joined


def _dates_attached(items: list) -> list:  # noqa: ANN001
    out: list = []
    pending: Entry | None = None
    for item in items:
        if isinstance(item, Entry) and not item.title and item.dates:
            pending = item
            continue
        if pending is not None and isinstance(item, Entry) and not item.dates:
            item = dataclasses.replace(item, dates=pending.dates, period=pending.period)
            pending = None
        elif pending is not None:
            out.append(Bullet(pending.dates, pending.line))
            pending = None
        out.append(item)
    if pending is not None:
        last = out[-1] if out else None
        if isinstance(last, Entry) and not last.dates:
            out[-1] = dataclasses.replace(last, dates=pending.dates, period=pending.period)
        else:
            out.append(Bullet(pending.dates, pending.line))
    return out


def _halves(first: Entry, second: Entry) -> bool:
    """One names a school and no degree, the other a degree and no school, and they share no field."""
    def school_only(entry: Entry) -> bool:
        return not entry.organisation and not DEGREE_RE.search(entry.title) and bool(SCHOOL_RE.search(entry.title))

    def degree_only(entry: Entry) -> bool:
        return not entry.organisation and bool(DEGREE_RE.search(entry.title))

    pair = school_only(first) and degree_only(second) or degree_only(first) and school_only(second)
    return pair and not (first.dates and second.dates) and not (first.location and second.location)
