"""PDF: lines with positions and fonts (`pdf_lines`), then the name, the contact lines, sections by their
headings, entries by spacing and emphasis, bullets by their marks and indents — written as a draft of
resume.md, in which the resume reader finds the fields (dates, places, titles) as in any Markdown.

The steps follow the way resume parsers read a PDF (OpenResume's, for one), written here from scratch:
the largest line near the top is the name; a short bold or capital line that names a section starts one;
a line that starts with a bullet mark starts a bullet and the lines indented under it continue it; a wider
gap than the usual line pitch, or a bold or dated line after bullets, starts a new entry.
"""

from __future__ import annotations

import re
import statistics
from pathlib import Path

from ..resume import grammar
from ..resume.dates import parse_date_range
from .common import ImportResult
from .draft import (
    BULLET_MARKS, Draft, bullet_text, escape, finish, heading_case, in_capitals, is_heading_text, without_icons,
)
from .pdf_lines import Line, Span, read_pages


def read_pdf(source: Path, data: bytes) -> ImportResult:
    pages = read_pages(source, data)
    draft = Draft()
    skipped = [line for page in pages for line in page.lines if line.furniture]
    for line in skipped:
        draft.notes.append(f"{line.where()}: '{line.text}' is a page header or footer; left out")
    lines = [part for page in pages for line in page.lines if not line.furniture and without_icons(line.text)
             for part in _parted_at_marks(line)]
    _DraftWriter(draft, lines).write()
    return finish(source, "PDF", draft)


def span_markdown(span: Span) -> str:
    """A span's text with bold, italics and links marked, run by run."""
    out: list[str] = []
    run: list[str] = []
    style: tuple[bool, bool, str | None] | None = None
    for char in span.chars:
        own = (char.bold, char.italic, char.href)
        current = own if char.text.strip() else style or own
        if style is not None and current != style:
            out.append(_styled("".join(run), style))
            run = []
        style = current
        run.append(char.text)
    if run and style is not None:
        out.append(_styled("".join(run), style))
    return without_icons("".join(out))


def _styled(text: str, style: tuple[bool, bool, str | None]) -> str:
    bold, italic, href = style
    body = escape(text)
    core = body.strip()
    if not core:
        return body
    lead, trail = body[: len(body) - len(body.lstrip())], body[len(body.rstrip()) :]
    if href and not href.lower().startswith(("javascript:", "data:")):
        core = f"[{core}](<{href.replace('>', '%3E').replace(' ', '%20')}>)"
    if not (bold or italic):
        return f"{lead}{core}{trail}"
    mark = "***" if bold and italic else "**" if bold else "*"
    return f"{lead}{mark}{core}{mark}{trail}"


def line_markdown(line: Line) -> str:
    """A line's spans joined by ` | ` (a wide gap parts fields, as a tab or a right-aligned date does)."""
    parts = [span_markdown(span).strip() for span in line.spans]
    return " | ".join(part for part in parts if part)


class _DraftWriter:
    def __init__(self, draft: Draft, lines: list[Line]) -> None:
        self.draft = draft
        self.lines = lines
        gaps = sorted(b.top - a.bottom for a, b in zip(lines, lines[1:]) if a.page == b.page and b.top > a.bottom)
        # the usual gap between the lines of one entry: low in the spread (a short resume has as many
        # gaps between entries and sections as inside them)
        self.gap = gaps[len(gaps) // 5] if gaps else 2.0
        sizes = [line.size for line in lines]
        self.body_size = statistics.median(sizes) if sizes else 10.0
        self.heading_style = self.usual_heading_style()

    def write(self) -> None:
        name_index = self.name_index()
        name = self.lines[name_index]
        second = self.name_goes_on(name_index)
        words = " ".join(without_icons(line.spans[0].text) for line in (name, second) if line is not None)
        self.draft.add(f"# {escape(words)}", name.where())
        self.draft.blank()
        parts = [name] + ([second] if second is not None else [])
        beside = [Line(line.spans[1:], line.page, line.number) for line in parts if len(line.spans) > 1]  # contact set beside it
        rest = [line for line in self.lines if all(line is not part for part in parts)]
        rest[name_index:name_index] = beside
        first_heading = next((i for i, line in enumerate(rest) if self.is_heading(line)), len(rest))
        contact = rest[:first_heading]
        for index, line in enumerate(contact):
            self.draft.add(line_markdown(line) + ("\\" if index < len(contact) - 1 else ""), line.where())
        self.draft.blank()
        self.body(rest[first_heading:])

    def name_index(self) -> int:
        """The line that starts in the largest type on the first page (the highest of them on a tie),
        wherever a sidebar puts it in reading order."""
        first = [i for i, line in enumerate(self.lines) if line.page == self.lines[0].page and without_icons(line.text)]
        return max(first, key=lambda i: (round(self.lines[i].spans[0].size, 1), -self.lines[i].top))

    def name_goes_on(self, index: int) -> Line | None:
        """The line under the name that carries on its type, set where it starts ("Élodie" then
        "Marchand-Laurent" in large type): the rest of the name."""
        name = self.lines[index]
        below = [line for line in self.lines if line.page == name.page and line.top > name.bottom]
        nearest = min(below, key=lambda line: line.top, default=None)
        if nearest is None or abs(nearest.x0 - name.x0) > 2 or nearest.top - name.bottom > name.spans[0].size:
            return None
        same = abs(nearest.spans[0].size - name.spans[0].size) < 0.5  # the weight may change
        return nearest if same and len(nearest.spans[0].text.split()) <= 3 and not re.search(r"[\d@|,]", nearest.spans[0].text) else None

    def looks_like_heading(self, line: Line) -> bool:
        """Alone on its line, and a heading's words, or bold (or larger) capitals ("LEADERSHIP")."""
        if len(line.spans) != 1:
            return False
        text = without_icons(line.text)
        larger = line.size > self.body_size * 1.05
        caps = _caps(text) and len(text.split()) <= 4
        return is_heading_text(text, bold=line.bold or larger) or caps and (line.bold or larger)

    def usual_heading_style(self) -> tuple[bool, bool] | None:
        """(capitals, bold) shared by most lines that name a section outright ("EXPERIENCE", "Skills"), when
        at least two do: a resume sets all its headings alike."""
        styles = [
            (_caps(line.text), line.bold) for line in self.lines
            if self.looks_like_heading(line) and grammar.section_kind(line.text) is not grammar.TEXT
            and len(line.text.split()) <= 3
        ]
        best = max(set(styles), key=styles.count, default=None)
        return best if best is not None and styles.count(best) >= max(2, 2 * len(styles) / 3) else None

    def is_heading(self, line: Line) -> bool:
        """A heading line set as the resume's other headings are (so a bold project name that holds
        "stack", or a title line under the name, is not one)."""
        if not self.looks_like_heading(line):
            return False
        return self.heading_style is None or (_caps(line.text), line.bold) == self.heading_style

    def indented(self, line: Line, previous: Line | None) -> bool:
        """A line set in from the entry head above it: an item of a list drawn without marks."""
        if previous is None or previous.page != line.page:
            return False
        if _dated_lead(line):  # a date in a left column leads an entry, wherever its text starts
            return False
        # under a head whose date stands in a left column, the head's text is where the entry starts
        start = _lead_x(previous) if _dated_lead(previous) else self.head_x[(line.page, line.column)]
        return _lead_x(line) > start + 6 and line.size <= self.body_size * 1.05

    def hangs(self, line: Line, text_x: float, gap: float) -> bool:
        """Set under a bullet's text, clear of its mark: the bullet wrapped, however loose the leading."""
        return self.marked and abs(line.x0 - text_x) < 2 and gap < self.loose_gap(line)

    def loose_gap(self, line: Line) -> float:
        """The widest gap loose leading leaves between the lines of one item or list."""
        return max(self.gap * 4, line.size)

    def body(self, lines: list[Line]) -> None:
        self.marked = True
        self.section = grammar.TEXT
        self.in_contact = False
        self.head_x = _head_x(lines)
        self.right_x: dict[tuple[int, int], float] = {}  # where the text of each page and column ends
        for line in lines:
            key = (line.page, line.column)
            self.right_x[key] = max(self.right_x.get(key, 0.0), line.x1)
        previous: Line | None = None
        in_bullet = False
        bullet_x = 0.0
        for line in lines:
            if self.is_heading(line):
                self.draft.blank()
                self.draft.add(f"## {heading_case(without_icons(line.text))}", line.where())
                self.draft.blank()
                self.section = grammar.section_kind(line.text)
                self.in_contact = bool(grammar.CONTACT_HEADING_RE.match(without_icons(line.text)))
                previous, in_bullet = None, False
                continue
            markdown = line_markdown(line)
            mark = bullet_text(line.text)
            gap = line.top - previous.bottom if previous is not None and previous.page == line.page else 0.0
            wide = gap > max(self.gap * 1.8, self.gap + 2.5)
            if mark is not None:
                text = markdown.lstrip("\\").lstrip()
                text = _after_mark(text)
                if not in_bullet:
                    self.draft.blank()
                self.draft.add(f"- {text}", line.where())
                in_bullet, bullet_x, self.marked = True, _text_x(line), True
            elif in_bullet and line.x0 >= bullet_x - 2 and not _starts_styled(line) and (
                not wide or self.hangs(line, bullet_x, gap)
            ):
                last, where = self.draft.lines[-1]
                if _starts_new_sentence(last, markdown) and line.x0 < bullet_x + 2 and not self.marked:
                    self.draft.add(f"- {markdown}", line.where())  # an unmarked list: a new item
                else:
                    self.draft.lines[-1] = (_joined(last, markdown), where)  # a bullet wrapped onto this line
            elif self.indented(line, previous) and (not wide or gap < self.loose_gap(line)) and not _starts_styled(line) \
                    and self.section is not grammar.BY_NAME["skills"]:  # skill chips set in from the heading are no list
                if not in_bullet:
                    self.strip_break()
                    self.draft.blank()
                self.draft.add(f"- {markdown}", line.where())  # indented under its entry, with no mark
                in_bullet, bullet_x, self.marked = True, line.x0, False
            else:
                self.plain(line, markdown, None if in_bullet else previous, starts_block=in_bullet or wide, gap=gap)
                in_bullet = False
            previous = line
        self.strip_break()

    def plain(self, line: Line, markdown: str, previous: Line | None, *, starts_block: bool, gap: float) -> None:
        """A line that is not a bullet: a paragraph of its own, the next line of the one above, or the
        wrapped end of a line whose date stands in a left column."""
        follows = previous is not None and self.draft.lines and self.draft.lines[-1][0] and gap < self.loose_gap(line)
        if follows and (self.wrapped_after_date(previous, line) or self.wrapped(previous, line)):
            last, where = self.draft.lines[-1]
            self.draft.lines[-1] = (_joined(last, markdown), where)
            return
        if _dated_lead(line) or starts_block or previous is None:
            self.strip_break()
            self.draft.blank()
        elif self.draft.lines and self.draft.lines[-1][0] and not self.draft.lines[-1][0].startswith("- "):
            last, where = self.draft.lines[-1]
            self.draft.lines[-1] = (last + "\\", where)
        if self.section is grammar.BY_NAME["skills"] and len(line.spans) == 2 and _label_like(*line.spans):
            markdown = f"- **{escape(line.spans[0].text.rstrip(':'))}:** {span_markdown(line.spans[1]).strip()}"
        self.draft.add(markdown, line.where())

    def fills_column(self, line: Line) -> bool:
        """The line reaches the right edge of its column's text, as a line that wrapped does."""
        return line.x1 > self.right_x[(line.page, line.column)] - 4 * line.size

    def wrapped_after_date(self, previous: Line, line: Line) -> bool:
        """The next line of a text whose date stands in a left column: set where that text starts, and the
        line above filled its column."""
        return (
            _dated_lead(previous) and abs(line.x0 - _lead_x(previous)) < 2 and previous.page == line.page
            and self.fills_column(previous)
        )

    def wrapped(self, previous: Line, line: Line) -> bool:
        """A line of running text that went on to the next line: it filled its column to the right edge,
        and the next starts where it did, as text, not as a new head (nor a contact item, which a
        sidebar stacks one under another)."""
        if self.in_contact or _CONTACT_ITEM.search(previous.text) or _CONTACT_ITEM.search(line.text):
            return False
        return (
            self.fills_column(previous) and len(previous.spans) == 1 and len(line.spans) == 1 and abs(line.x0 - previous.x0) < 2
            and _style_at(line, 0) == _style_at(previous, -1) and parse_date_range(line.text) is None
            and previous.page == line.page
        )

    def strip_break(self) -> None:
        if self.draft.lines and self.draft.lines[-1][0].endswith("\\"):
            last, where = self.draft.lines[-1]
            self.draft.lines[-1] = (last[:-1], where)


def _parted_at_marks(line: Line) -> list[Line]:
    """"*Tokyo* | ▸ Work on ...": a bullet that starts after a date column's field is a line of its own."""
    for index, span in enumerate(line.spans[1:], start=1):
        if bullet_text(span.text) is not None:
            return [Line(line.spans[:index], line.page, line.number), Line(line.spans[index:], line.page, line.number)]
    return [line]


def _head_x(lines: list[Line]) -> dict[tuple[int, int], float]:
    """Where entry heads start, per page and column: the leftmost place two lines start at (a label set
    alone in a left margin is not the edge of the text)."""
    starts: dict[tuple[int, int], list[float]] = {}
    for line in lines:
        starts.setdefault((line.page, line.column), []).append(round(_lead_x(line)))
    return {key: float(min((x for x in xs if xs.count(x) > 1), default=min(xs))) for key, xs in starts.items()}


# An e-mail address, a phone number or a web address: an item of a contact list, never half a sentence.
_CONTACT_ITEM = re.compile(r"\S@\S|^\s*\+?\(?\d[\d ().-]{6,}\d\s*$|^\s*(?:https?://|www\.)|\.(?:com|org|net|dev|io)(?:/\S*)?\s*$")


def _dated_lead(line: Line) -> bool:
    """A line led by a date set in a left column ("2020/07 – present | Title, ...")."""
    return len(line.spans) > 1 and parse_date_range(line.spans[0].text) is not None


def _lead_x(line: Line) -> float:
    """Where a line's text starts, past a date set in a left column."""
    return line.spans[1].x0 if _dated_lead(line) else line.x0


def _label_like(label: Span, items: Span) -> bool:
    """"Languages | C, Python, Rust": a short label set apart from a list of items (two skill chips side by
    side are not a label and its items)."""
    words = label.text.rstrip(":").split()
    return 0 < len(words) <= 3 and not re.search(r"[,;.|]", label.text) and bool(re.search(r"[,;·•]", items.text))


def _caps(text: str) -> bool:
    return in_capitals(without_icons(text))


def _starts_new_sentence(before: str, markdown: str) -> bool:
    return before.rstrip().endswith((".", "!", "?")) and markdown[:1].isupper()


def _joined(before: str, after: str) -> str:
    """A wrapped line joined to the one before it; "route-" + "level" is one word again, and a styled run
    cut by the wrap is one run."""
    if before.endswith("-") and after[:1].islower():
        return before + after
    for mark in ("***", "**", "*"):  # "*National Institute of*" + "*Technology*": one italic run again
        if before.endswith(mark) and after.startswith(mark) and not before.endswith("\\" + mark):
            return f"{before[: -len(mark)]} {after[len(mark) :]}"
    return f"{before} {after}"


def _after_mark(markdown: str) -> str:
    """The bullet's Markdown without its mark (which may sit in its own span: "• | Led ...")."""
    text = markdown.lstrip()
    while text and (text[0] in BULLET_MARKS + "|" or text[0].isspace()):
        if text[0] == "*" and text[:2] == "**":
            break
        text = text[1:]
    return text.strip()


def _text_x(line: Line) -> float:
    """Where a bullet's text starts (after its mark), for the lines that continue it."""
    chars = [char for char in line.chars if char.text.strip()]
    return chars[1].x0 if len(chars) > 1 else line.x0


def _style_at(line: Line, index: int) -> tuple[bool, bool]:
    """(bold, italic) of the first (0) or last (-1) visible character."""
    visible = [char for char in line.chars if char.text.strip()]
    return (visible[index].bold, visible[index].italic) if visible else (False, False)


def _starts_styled(line: Line) -> bool:
    first = next((char for char in line.chars if char.text.strip()), None)
    return first is not None and first.bold and line.bold
