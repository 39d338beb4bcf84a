"""ATS round-trip check: read the built PDF back the way resume parsers do and compare with the model.

Three readings of the same PDF are checked (portfolio.pdf_reading: pypdf, pdftotext, and a line-by-line
reading from pdfminer.six character positions, as parsers such as OpenResume group text). Fields that are
not separated by a real gap (for example "Org | City | dates" on one text run) come out as one merged
item, and a two-column page reads across both columns.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .pdf_reading import BASELINE_TOLERANCE, BULLET, TextItem, items_as_text, read_items, read_pdftotext, read_pypdf
from .pdf_reading import normalised as _norm
from .resume import Entry, Resume
from .resume.locales import CJK_CHARACTERS, is_right_to_left


RIGHT_TO_LEFT_NOTE = (
    "right-to-left text: read line by line in the order of the Unicode Bidirectional Algorithm; pypdf and pdftotext"
    " put numbers and Latin words among Arabic or Hebrew ones in an order of their own, which no PDF can change,"
    " so they are not checked"
)


@dataclass(frozen=True)
class FieldRead:
    """One field of one entry as the layout reading finds it: the text item a parser gets for it."""

    where: str  # resume.md:line of the entry
    label: str
    value: str
    read_as: str  # the item holding it ("" when lost)
    problem: str = ""

    @property
    def ok(self) -> bool:
        return not self.problem


@dataclass
class AtsReport:
    pdf: Path
    readers: list[str] = field(default_factory=list)
    passed: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    fields: list[FieldRead] = field(default_factory=list)  # every entry's fields, in reading order
    notes: list[str] = field(default_factory=list)  # what the check could not judge, and why

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        readers = ", ".join(self.readers)
        if self.ok:
            return f"ATS check passed: {len(self.passed)} checks on {self.pdf} ({readers})"
        return f"ATS check failed: {len(self.problems)} problem(s) in {self.pdf} ({readers})"


def check_pdf(pdf: Path, resume: Resume) -> AtsReport:
    """Run every round-trip check of `pdf` against `resume` (pass the same public() model)."""
    report = AtsReport(pdf)
    right_to_left = is_right_to_left(resume.lang)
    items = read_items(pdf, right_to_left)
    streams = _streams(pdf, items, right_to_left)
    if right_to_left:
        report.notes.append(RIGHT_TO_LEFT_NOTE)
    report.readers = list(streams)
    for reader, text in streams.items():
        _check_stream(report, reader, text, resume)
    _check_page_numbers(report, streams["layout"])
    _check_heading_style(report, items, resume)
    starts = _check_fields(report, items, resume)
    _check_spacing(report, items, starts, resume)
    return report


def _streams(pdf: Path, items: list[TextItem], right_to_left: bool) -> dict[str, str]:
    """Each reader's text of the PDF: pypdf, the layout reading, pdftotext (only the layout reading for a
    right-to-left resume)."""
    layout = items_as_text(items)
    if right_to_left:
        return {"layout": layout}
    streams = {"pypdf": read_pypdf(pdf), "layout": layout}
    poppler = read_pdftotext(pdf)
    if poppler is not None:
        streams["pdftotext"] = poppler
    return streams


# --------------------------------------------------------------------------- normalising


def _short(text: str, words: int = 8) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


# --------------------------------------------------------------------------- text-order checks


def _check_stream(report: AtsReport, reader: str, text: str, resume: Resume) -> None:
    lines = [_norm(line) for line in text.splitlines() if line.strip()]
    flow = joined_lines(lines)
    where = f"{resume.source}"
    _expect(
        report,
        resume.name and _norm(resume.name) in flow,
        f"{reader}: name found",
        f"{reader}: the name '{resume.name}' is not in the PDF text",
    )
    if resume.email:
        _expect(
            report,
            _norm(resume.email) in flow,
            f"{reader}: email found",
            f"{reader}: the email '{resume.email}' is not in the PDF text",
        )
    for item in resume.contact:
        if item.kind not in ("email",):
            _expect(
                report,
                _norm(item.text) in flow,
                f"{reader}: contact '{item.text}'",
                f"{reader}: contact item '{item.text}' is missing",
            )
    _check_headings(report, reader, lines, resume)
    _check_text_blocks(report, reader, flow, resume)
    _check_loose_markers(report, reader, lines)
    _check_bullets(report, reader, flow, resume, where)


# Chinese, Japanese and Korean run without spaces: a line that wraps between two of their characters joins
# back without one.


def joined_lines(lines: list[str]) -> str:
    """The text of these lines as one flow: a space between lines, none where a CJK line wrapped."""
    flow = lines[0] if lines else ""
    for line in lines[1:]:
        flow += ("" if _is_cjk(flow[-1:]) and _is_cjk(line[:1]) else " ") + line
    return flow


@functools.lru_cache(maxsize=None)
def _is_cjk(char: str) -> bool:
    return bool(char) and bool(re.match(f"[{CJK_CHARACTERS}]", char))


def _check_headings(report: AtsReport, reader: str, lines: list[str], resume: Resume) -> None:
    cursor = 0
    for section in resume.sections:
        if not section.heading:
            continue
        wanted = _norm(section.heading).casefold()
        found = next((i for i in range(cursor, len(lines)) if lines[i].casefold() == wanted), None)
        line = f"{resume.source}:{section.line}"
        if found is not None:
            report.passed.append(f"{reader}: heading '{section.heading}' in order")
            cursor = found + 1
        elif any(line_text.casefold() == wanted for line_text in lines):
            report.problems.append(
                f"{line}: {reader}: heading '{section.heading}' is out of order in the PDF text"
            )
        elif any(wanted in line_text.casefold() for line_text in lines):
            report.problems.append(
                f"{line}: {reader}: heading '{section.heading}' is not alone on its line"
            )
        else:
            report.problems.append(f"{line}: {reader}: heading '{section.heading}' was lost")


def _check_text_blocks(report: AtsReport, reader: str, flow: str, resume: Resume) -> None:
    """Summary paragraphs and skill lines come through whole."""
    for section in resume.sections:
        where = f"{resume.source}:{section.line}"
        for paragraph in section.paragraphs:
            _expect(
                report,
                _norm(paragraph) in flow,
                f"{reader}: paragraph of '{section.heading}'",
                f"{where}: {reader}: paragraph '{_short(paragraph)}' is not whole",
            )
        for group in section.skills:
            label = f"{group.label}: " if group.label else ""
            line = _norm(f"{label}{', '.join(group.items)}")
            _expect(
                report,
                line in flow,
                f"{reader}: skills '{group.label}'",
                f"{resume.source}:{group.line}: {reader}: skills line '{_short(line)}' is not whole",
            )


_PAGE_NUMBER = re.compile(r"^(page\s+)?\d{1,3}(\s*(/|of)\s*\d{1,3})?$", re.IGNORECASE)


def _check_page_numbers(report: AtsReport, text: str) -> None:
    """A page number is read as content (measured: "1" became an extra education entry)."""
    numbers = [line for line in text.splitlines() if _PAGE_NUMBER.match(line.strip())]
    _expect(
        report,
        not numbers,
        "layout: no page numbers",
        f"layout: page number line(s) {', '.join(repr(n) for n in numbers)}; parsers read them"
        " as resume content",
    )


def _check_heading_style(report: AtsReport, items: list[TextItem], resume: Resume) -> None:
    """Headings alone on their line, bold, in capitals: what parsers take for a section start."""
    for section in resume.sections:
        if not section.heading:
            continue
        wanted = _norm(section.heading).casefold()
        item = next((i for i in items if i.text.casefold() == wanted), None)
        if item is None:
            continue  # reported as lost or merged by the text checks
        _expect(
            report,
            item.bold and item.text == item.text.upper(),
            f"layout: heading '{section.heading}' is bold capitals",
            f"{resume.source}:{section.line}: layout: heading '{item.text}' is not bold capitals;"
            " parsers may not see a section start",
        )


def _check_loose_markers(report: AtsReport, reader: str, lines: list[str]) -> None:
    loose = [line for line in lines if line == BULLET or line.endswith(f" {BULLET}")]
    _expect(
        report,
        not loose,
        f"{reader}: every bullet marker is next to its text",
        f"{reader}: {len(loose)} bullet marker(s) '{BULLET}' separated from their text",
    )


def _check_bullets(report: AtsReport, reader: str, flow: str, resume: Resume, where: str) -> None:
    cursor = 0
    for bullet in resume.all_bullets():
        text = _norm(bullet.text)
        needle = f"{BULLET} {text}"
        at = flow.find(needle, cursor)
        location = f"{where}:{bullet.line}"
        if at >= 0:
            cursor = at + len(needle)
            report.passed.append(f"{reader}: bullet line {bullet.line} whole and in order")
        elif flow.find(text, cursor) >= 0:
            report.problems.append(
                f"{location}: {reader}: bullet marker separated from '{_short(text)}'"
            )
        elif needle in flow:
            report.problems.append(f"{location}: {reader}: bullet '{_short(text)}' is out of order")
        else:
            kept = _longest_prefix(flow, needle, cursor)
            report.problems.append(
                f"{location}: {reader}: bullet '{_short(text)}' is not whole in the PDF text"
                + (f" (it breaks after '{_short(kept, 12)}')" if kept else " (lost)")
            )


def _longest_prefix(flow: str, needle: str, cursor: int) -> str:
    """The longest word-prefix of `needle` (two words at least, the marker and one) in `flow` after `cursor`."""
    rest, words = flow[cursor:], needle.split()
    kept = 0
    while kept < len(words) and " ".join(words[: kept + 1]) in rest:
        kept += 1
    return " ".join(words[:kept]) if kept > 1 else ""


# --------------------------------------------------------------------------- field checks


def _check_fields(
    report: AtsReport, items: list[TextItem], resume: Resume
) -> list[tuple[Entry, float]]:
    """Each entry's fields must be separate text items (a real gap around them), in order.

    Returns where each entry found starts (the top of its first line).
    """
    starts: list[tuple[Entry, float]] = []
    cursor = 0
    for entry in resume.entries():
        where = f"{resume.source}:{entry.line}"
        fields = _entry_fields(entry)
        distinctive = [f for f in fields if f[0] in ("organisation", "title", "project", "name")]
        anchor = _anchor(items, distinctive, cursor)
        positions = []
        for label, value in fields:
            found = _find_field(items, _norm(value), anchor)
            if found is not None:
                positions.append(found)
                report.passed.append(f"fields: {label} '{value}' is its own text item")
                report.fields.append(FieldRead(where, label, value, value))
            else:
                problem, read_as = _field_problem(items, label, value, anchor)
                report.problems.append(f"{where}: {problem}")
                report.fields.append(FieldRead(where, label, value, read_as, problem))
        cursor = (max(positions) if positions else anchor) + 1  # past this entry's fields
        if positions:
            starts.append((entry, min(items[index].top for index in positions)))
    return starts


def _line_pitch(gaps: list[float]) -> float:
    """The distance between lines inside an entry: the smallest distance that recurs (to the half point).
    Not simply the commonest one: in a resume of one-line entries (certifications, a list of degrees), the
    gaps before entries and headings outnumber the lines inside entries."""
    counts = Counter(round(gap * 2) / 2 for gap in gaps)
    recurring = [gap for gap, count in counts.items() if count >= 2]
    return min(recurring or counts)  # none recurs: the smallest of all


def _check_spacing(
    report: AtsReport, items: list[TextItem], starts: list[tuple[Entry, float]], resume: Resume
) -> None:
    """Even spacing inside an entry; a gap over 1.4x the line pitch only between entries.

    Parsers that split a section into entries by vertical gaps split an entry in two at a wider
    gap inside it, and run two entries together when nothing wider separates them.
    """
    tops = _line_tops(items)
    gaps = [later - earlier for earlier, later in zip(tops, tops[1:])]
    if not gaps or not starts:
        return
    limit = 1.4 * _line_pitch(gaps)
    headings = {_norm(s.heading).casefold() for s in resume.sections if s.heading}
    boundaries = sorted(
        {round(start, 1) for _, start in starts}
        | {round(i.top, 1) for i in items if i.text.casefold() in headings}
    )
    for entry, start in starts:
        where = f"{resume.source}:{entry.line}"
        name = entry.organisation or entry.title
        start = round(start, 1)
        following = [b for b in boundaries if b > start]
        end = following[0] if following else tops[-1] + 1
        inside = [top for top in tops if start <= top < end]
        wide = [
            later - earlier for earlier, later in zip(inside, inside[1:]) if later - earlier > limit
        ]
        _expect(
            report,
            not wide,
            f"spacing: entry '{name}' evenly spaced",
            f"{where}: a {max(wide or [0]):.1f} pt gap inside entry '{name}' (limit"
            f" {limit:.1f} pt) makes parsers split it in two",
        )
        before = [top for top in tops if top < start]
        if before and start not in boundaries[:1] and before[-1] not in boundaries:
            gap = start - before[-1]
            _expect(
                report,
                gap > limit,
                f"spacing: entry '{name}' set apart",
                f"{where}: entry '{name}' follows the previous one with a {gap:.1f} pt gap;"
                f" over {limit:.1f} pt is needed for parsers to see a new entry",
            )


def _line_tops(items: list[TextItem]) -> list[float]:
    """The top of each visual line: items whose tops lie within the baseline tolerance (a cell set in
    italics beside one in roman) are one line."""
    tops: list[float] = []
    for top in sorted(round(item.top, 1) for item in items):
        if not tops or top - tops[-1] > BASELINE_TOLERANCE:
            tops.append(top)
    return tops


def _anchor(items: list[TextItem], fields: list[tuple[str, str]], cursor: int) -> int:
    """Where an entry starts in reading order: the first item after `cursor` holding one of its
    distinctive fields (organisation or title; locations and dates repeat across entries), or starting one
    that wraps onto the next lines of its column (a long organisation name)."""

    def first(value: str) -> int | None:
        wanted = _norm(value)
        return next((i for i in range(cursor, len(items)) if wanted in items[i].text or _matches_at(items, i, wanted)),
                    None)

    found = [first(value) for _, value in fields]
    return min((index for index in found if index is not None), default=cursor)


def _entry_fields(entry: Entry) -> list[tuple[str, str]]:
    if entry.layout == "line":
        fields = [
            ("name", entry.title),
            ("organisation", entry.organisation),
            ("location", entry.location),
            ("dates", entry.dates),
        ]
    elif entry.layout == "project":
        fields = [("project", entry.title), ("tech", ", ".join(entry.tech)), ("dates", entry.dates)]
    else:
        fields = [
            ("organisation", entry.organisation),
            ("location", entry.location),
            ("title", entry.title),
            ("dates", entry.dates),
        ]
    return [(label, value) for label, value in fields if value]


def _find_field(items: list[TextItem], value: str, start: int) -> int | None:
    for index in range(start, len(items)):
        if _matches_at(items, index, value):
            return index
    return None


def _matches_at(items: list[TextItem], index: int, value: str) -> bool:
    """The item equals the value, or starts it and continues on the next lines of its column."""
    text = items[index].text
    if text == value:
        return True
    if not value.startswith(text):
        return False
    column = items[index]
    for later in items[index + 1 : index + 40]:
        if abs(later.x0 - column.x0) > 2 or later.top <= column.top:
            continue
        text = f"{text} {later.text}"
        if text == value:
            return True
        if not value.startswith(text):
            return False
    return False


def _field_problem(items: list[TextItem], label: str, value: str, cursor: int) -> tuple[str, str]:
    """What is wrong with a field not found as its own item, and the item a parser reads it in."""
    wanted = _norm(value)
    if _find_field(items, wanted, 0) is not None:
        return f"{label} '{value}' is out of order: it comes before the previous entry's fields", value
    later = [item.text for item in items[cursor:] if wanted in item.text]
    merged = later or [item.text for item in items if wanted in item.text]
    if merged:
        return (
            f"{label} '{value}' is merged with its neighbours into one text item "
            f"'{_short(merged[0], 14)}'; a parser cannot read it as a separate field"
        ), merged[0]
    return f"{label} '{value}' was lost from the PDF", ""


def _expect(report: AtsReport, condition: object, passed: str, problem: str) -> None:
    (report.passed if condition else report.problems).append(passed if condition else problem)
