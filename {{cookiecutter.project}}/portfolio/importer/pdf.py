"""PDF: lines with positions and fonts (`pdf_lines`), then the name, the contact lines, sections by their
headings, entries by spacing and emphasis, bullets by their marks and indents — written as a draft of
resume.md, in which the resume reader finds the fields (dates, places, titles) as in any Markdown.

The steps follow the way resume parsers read a PDF (OpenResume's, for one), written here from scratch:
the largest line near the top is the name; a short bold or capital line that names a section starts one;
a line that starts with a bullet mark starts a bullet and the lines indented under it continue it; a wider
gap than the usual line pitch, or a bold or dated line after bullets, starts a new entry.
"""

from __future__ import annotations

import statistics
from pathlib import Path

from .common import ImportResult
from .draft import Draft, bullet_text, escape, finish, heading_case, is_heading_text, without_icons
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

    def write(self) -> None:
        name_index = self.name_index()
        name = self.lines[name_index]
        self.draft.add(f"# {escape(without_icons(name.text))}", name.where())
        self.draft.blank()
        rest = self.lines[:name_index] + self.lines[name_index + 1 :]
        first_heading = next((i for i, line in enumerate(rest) if self.is_heading(line)), len(rest))
        contact = rest[:first_heading]
        for index, line in enumerate(contact):
            self.draft.add(line_markdown(line) + ("\\" if index < len(contact) - 1 else ""), line.where())
        self.draft.blank()
        self.body(rest[first_heading:])

    def name_index(self) -> int:
        """The line in the largest type on the first page (the highest of them on a tie), wherever a
        sidebar puts it in reading order."""
        first = [i for i, line in enumerate(self.lines) if line.page == self.lines[0].page and without_icons(line.text)]
        return max(first, key=lambda i: (round(self.lines[i].size, 1), -self.lines[i].top))

    def is_heading(self, line: Line) -> bool:
        """Alone on its line, and a heading's words, or bold (or larger) capitals ("LEADERSHIP")."""
        if len(line.spans) != 1:
            return False
        text = without_icons(line.text)
        larger = line.size > self.body_size * 1.05
        caps = text.upper() == text and any(char.isalpha() for char in text) and len(text.split()) <= 4
        return is_heading_text(text, bold=line.bold or larger) or caps and (line.bold or larger)

    def indented(self, line: Line, previous: Line | None) -> bool:
        """A line set in from the entry head above it: an item of a list drawn without marks."""
        if previous is None or previous.page != line.page:
            return False
        return line.x0 > self.head_x + 6 and line.size <= self.body_size * 1.05

    def body(self, lines: list[Line]) -> None:
        self.marked = True
        self.head_x = min((line.x0 for line in lines), default=0.0)
        previous: Line | None = None
        in_bullet = False
        bullet_x = 0.0
        for line in lines:
            if self.is_heading(line):
                self.draft.blank()
                self.draft.add(f"## {heading_case(without_icons(line.text))}", line.where())
                self.draft.blank()
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
            elif in_bullet and not wide and line.x0 >= bullet_x - 2 and not _starts_styled(line):
                last, where = self.draft.lines[-1]
                if _starts_new_sentence(last, markdown) and line.x0 < bullet_x + 2 and not self.marked:
                    self.draft.add(f"- {markdown}", line.where())  # an unmarked list: a new item
                else:
                    self.draft.lines[-1] = (_joined(last, markdown), where)  # a bullet wrapped onto this line
            elif self.indented(line, previous) and not wide and not _starts_styled(line):
                if not in_bullet:
                    self.strip_break()
                    self.draft.blank()
                self.draft.add(f"- {markdown}", line.where())  # indented under its entry, with no mark
                in_bullet, bullet_x, self.marked = True, line.x0, False
            else:
                if in_bullet or wide or previous is None:
                    self.strip_break()
                    self.draft.blank()
                elif self.draft.lines and self.draft.lines[-1][0]:
                    last, where = self.draft.lines[-1]
                    self.draft.lines[-1] = (last + "\\", where)
                self.draft.add(markdown, line.where())
                in_bullet = False
            previous = line
        self.strip_break()

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


def _starts_new_sentence(before: str, markdown: str) -> bool:
    return before.rstrip().endswith((".", "!", "?")) and markdown[:1].isupper()


def _joined(before: str, after: str) -> str:
    """A wrapped line joined to the one before it; "route-" + "level" is one word again."""
    if before.endswith("-") and after[:1].islower():
        return before + after
    return f"{before} {after}"


def _after_mark(markdown: str) -> str:
    """The bullet's Markdown without its mark (which may sit in its own span: "• | Led ...")."""
    text = markdown.lstrip()
    while text and (text[0] in "•·▪◦○●■□➢➤►▶✓✔–—-*|" or text[0].isspace()):
        if text[0] == "*" and text[:2] == "**":
            break
        text = text[1:]
    return text.strip()


def _text_x(line: Line) -> float:
    """Where a bullet's text starts (after its mark), for the lines that continue it."""
    chars = [char for char in line.chars if char.text.strip()]
    return chars[1].x0 if len(chars) > 1 else line.x0


def _starts_styled(line: Line) -> bool:
    first = next((char for char in line.chars if char.text.strip()), None)
    return first is not None and first.bold and line.bold
