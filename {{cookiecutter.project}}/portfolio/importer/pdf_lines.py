"""A PDF page as visual lines: characters with their positions and fonts (pdfminer.six), grouped into lines
by height, cut into spans at wide gaps, with columns and page furniture taken apart.

- A line is the characters whose vertical middles meet; a gap wider than 0.8 em inside it starts a new span
  (a right-aligned date, a second field), a smaller one is a space.
- Columns: an x position that no line of the page crosses over most of its height is a gutter; the lines on
  each side are read apart (the left column, then the right), and lines that cross it (a header across the
  page) stay in place above them.
- Page furniture: "Page 1 of 2", a lone page number, "Last updated ..." near the top or bottom edge, a line
  repeated at the same place on every page, and a running head that holds the name on a later page, are left
  out and reported.
"""

from __future__ import annotations

import io
import re
import statistics
import unicodedata
from dataclasses import dataclass, field

from .common import ImportProblem

_BOLD = re.compile(r"bold|black|heavy|semibold|demi|-b$|,b$|medium", re.IGNORECASE)
_ITALIC = re.compile(r"italic|oblique|-i$|-it$|,i$", re.IGNORECASE)
_SYMBOL_FONT = re.compile(r"symbol|wingding|dingbat", re.IGNORECASE)
_FURNITURE = re.compile(
    r"^(?:page\s*\d+(?:\s*(?:of|/)\s*\d+)?|\d{1,2}\s*(?:/|of)\s*\d{1,2}|\d{1,2}|-\s*\d{1,2}\s*-|"
    r"(?:last\s+)?updated\b.*|resume\s+of\s+.*|.*\bpage\s*\d+\s*(?:of|/)\s*\d+)$",
    re.IGNORECASE,
)


@dataclass
class Char:
    text: str
    x0: float
    x1: float
    top: float  # distance from the top of the page
    bottom: float
    size: float
    bold: bool
    italic: bool
    href: str | None = None  # the web address of a link annotation over the character


@dataclass
class Span:
    chars: list[Char]

    @property
    def text(self) -> str:
        return "".join(char.text for char in self.chars).strip()

    @property
    def x0(self) -> float:
        return self.chars[0].x0

    @property
    def size(self) -> float:
        return _type_size(self.chars)

    def unspaced(self) -> None:
        """Letter-spaced type ("E X P E R I E N C E") as the word it spells."""
        tokens = self.text.split()
        if len(tokens) >= 4 and sum(len(token) == 1 for token in tokens) >= 0.7 * len(tokens):
            self.chars = [char for char in self.chars if not (char.text == " " and _single_letter_gap(self.chars, char))]


@dataclass
class Line:
    spans: list[Span]
    page: int
    number: int = 0  # line number on its page, top to bottom, for the report
    furniture: bool = False
    column: int = 0  # 1 left, 2 right of a page's gutter; 0 on a page of one column or across it

    @property
    def chars(self) -> list[Char]:
        return [char for span in self.spans for char in span.chars]

    @property
    def text(self) -> str:
        return " ".join(span.text for span in self.spans if span.text)

    @property
    def x0(self) -> float:
        return self.spans[0].x0

    @property
    def x1(self) -> float:
        return self.chars[-1].x1

    @property
    def top(self) -> float:
        return min(char.top for char in self.chars)

    @property
    def bottom(self) -> float:
        return max(char.bottom for char in self.chars)

    @property
    def size(self) -> float:
        return _type_size(self.chars)

    @property
    def bold(self) -> bool:
        visible = [char for char in self.chars if char.text.strip()]
        return bool(visible) and all(char.bold for char in visible)

    def where(self) -> str:
        return f"page {self.page}, line {self.number}"


@dataclass
class Page:
    number: int
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)


def _type_size(chars: list[Char]) -> float:
    """The usual type size of some characters (their spaces left out)."""
    sizes = [char.size for char in chars if char.text.strip()]
    return statistics.median(sizes) if sizes else 0.0


def read_pages(source: object, data: bytes) -> list[Page]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams

    try:
        layouts = list(extract_pages(io.BytesIO(data), laparams=LAParams(char_margin=3.0, line_margin=0.3)))
    except Exception as error:  # noqa: BLE001 - pdfminer raises many kinds for a bad file
        raise ImportProblem(f"{source}: {_pdf_problem(error)}") from None
    links = _link_areas(data)
    pages = [_page(number, layout, links.get(number, [])) for number, layout in enumerate(layouts, start=1)]
    if not any(page.lines for page in pages):
        raise ImportProblem(
            f"{source}: the PDF has no text layer (a scan or an image); export it as text from the tool that "
            "made it, or import the Word file"
        )
    _mark_furniture(pages)
    return pages


def _pdf_problem(error: Exception) -> str:
    name = type(error).__name__
    if "Password" in name or "Encrypt" in name:
        return "the PDF is encrypted; save an unprotected copy first"
    return f"not a readable PDF ({name})"


def _link_areas(data: bytes) -> dict[int, list[tuple[float, float, float, float, str]]]:
    """Each page's link annotations: (x0, top, x1, bottom, url), top measured from the page's top."""
    from pypdf import PdfReader

    areas: dict[int, list[tuple[float, float, float, float, str]]] = {}
    try:
        reader = PdfReader(io.BytesIO(data))
        for number, page in enumerate(reader.pages, start=1):
            height = float(page.mediabox.height)
            for annotation in page.get("/Annots") or []:
                item = annotation.get_object()
                action = item.get("/A") or {}
                url = action.get("/URI") if hasattr(action, "get") else None
                if item.get("/Subtype") == "/Link" and url:
                    x0, y0, x1, y1 = (float(value) for value in item["/Rect"])
                    areas.setdefault(number, []).append((min(x0, x1), height - max(y0, y1), max(x0, x1), height - min(y0, y1), str(url)))
    except Exception:  # noqa: BLE001 - links are a bonus: a PDF pypdf cannot read still imports
        return {}
    return areas


def _page(number: int, layout: object, links: list[tuple[float, float, float, float, str]]) -> Page:
    height = float(layout.height)  # type: ignore[attr-defined]
    page = Page(number, float(layout.width), height)  # type: ignore[attr-defined]
    chars = [char for char in _chars(layout, height) if char.text and char.x1 > char.x0]
    for char in chars:
        middle_x, middle_y = (char.x0 + char.x1) / 2, (char.top + char.bottom) / 2
        char.href = next((url for x0, top, x1, bottom, url in links if x0 <= middle_x <= x1 and top <= middle_y <= bottom), None)
    lines = [_spans(group, page.number) for group in _line_groups(chars)]
    page.lines = _reading_order([line for line in lines if line.text], page.width)
    for index, line in enumerate(page.lines, start=1):
        line.number = index
    return page


def _chars(item: object, height: float) -> list[Char]:
    from pdfminer.layout import LTChar

    found: list[Char] = []
    if isinstance(item, LTChar):
        font = item.fontname or ""
        bold = bool(_BOLD.search(font.split("+")[-1]))
        text = item.get_text()
        if "\ufb00" <= text <= "\ufb06":  # a ligature ("ﬁ") is its letters
            text = unicodedata.normalize("NFKC", text)
        elif "\ue000" <= text <= "\uf8ff" and _SYMBOL_FONT.search(font):
            text = "•"  # Word's list marks: Symbol or Wingdings glyphs in the Private Use Area
        found.append(
            Char(text, item.x0, item.x1, height - item.y1, height - item.y0, item.size, bold,
                 bool(_ITALIC.search(font.split("+")[-1])))
        )
    elif hasattr(item, "__iter__"):
        for child in item:  # type: ignore[attr-defined]
            found += _chars(child, height)
    return found


def _line_groups(chars: list[Char]) -> list[list[Char]]:
    """Characters whose vertical middles lie within half a character of each other, top to bottom; a
    space goes with the line whose characters it stands between, whatever its own size (a space set
    small between two words of a large name)."""
    groups = _grouped([char for char in chars if not char.text.isspace()])
    ends: dict[int, list[tuple[Char, list[Char]]]] = {}  # where characters end -> (character, its line)
    for group in groups:
        for char in group:
            ends.setdefault(round(char.x1), []).append((char, group))
    for space in (char for char in chars if char.text.isspace()):
        middle = (space.top + space.bottom) / 2
        before = [
            group for offset in (0, -1, 1) for char, group in ends.get(round(space.x0) + offset, [])
            if char.top <= middle <= char.bottom
        ]
        if before:
            before[0].append(space)
    return [sorted(group, key=lambda c: c.x0) for group in groups]


def _grouped(chars: list[Char]) -> list[list[Char]]:
    groups: list[list[Char]] = []
    for char in sorted(chars, key=lambda c: ((c.top + c.bottom) / 2, c.x0)):
        middle = (char.top + char.bottom) / 2
        if groups:
            last = groups[-1]
            last_middle = statistics.median((c.top + c.bottom) / 2 for c in last[-8:])
            if abs(middle - last_middle) <= max(1.5, 0.35 * char.size):
                last.append(char)
                continue
        groups.append([char])
    return groups


def _spans(chars: list[Char], page: int) -> Line:
    spans: list[Span] = [Span([])]
    previous: Char | None = None
    for char in chars:
        if previous is not None:
            gap = char.x0 - previous.x1
            if gap > 0.8 * max(char.size, previous.size):
                spans.append(Span([]))
            elif gap > 0.15 * char.size and not previous.text.isspace() and not char.text.isspace():
                spans[-1].chars.append(
                    Char(" ", previous.x1, char.x0, char.top, char.bottom, char.size, previous.bold and char.bold,
                         previous.italic and char.italic, previous.href if previous.href == char.href else None)
                )
        spans[-1].chars.append(char)
        previous = char
    for span in spans:
        span.unspaced()
    return Line([span for span in spans if span.text], page)


def _single_letter_gap(chars: list[Char], space: Char) -> bool:
    """A space inserted between two letters of letter-spaced type, not a gap between its words."""
    index = chars.index(space)
    before = chars[index - 1] if index else None
    after = chars[index + 1] if index + 1 < len(chars) else None
    return before is not None and after is not None and after.x0 - before.x1 < 0.6 * space.size


def _reading_order(lines: list[Line], width: float) -> list[Line]:
    gutter = _gutter(lines, width)
    if gutter is None:
        return lines
    lines = [part for line in lines for part in _parted_at(line, gutter)]
    left = [line for line in lines if line.x1 <= gutter]
    right = [line for line in lines if line.x0 >= gutter]
    across = [line for line in lines if line.x0 < gutter < line.x1]
    start = min((line.top for line in left + right), default=0.0)
    above = [line for line in across if line.top < start]
    below = [line for line in across if line.top >= start]
    for column, side in ((1, left), (2, right)):
        for line in side:
            line.column = column
    return above + left + right + below


def _parted_at(line: Line, gutter: float) -> list[Line]:
    """A line with spans on both sides of the gutter is two lines, one in each column."""
    left = [span for span in line.spans if span.chars[-1].x1 <= gutter]
    right = [span for span in line.spans if span.x0 >= gutter]
    if left and right and len(left) + len(right) == len(line.spans):
        return [Line(left, line.page), Line(right, line.page)]
    return [line]


def _gutter(lines: list[Line], width: float) -> float | None:
    """An x between 20% and 80% of the page that at most a tenth of the lines cross, with text on both sides."""
    if len(lines) < 8:
        return None
    best: tuple[tuple[int, int], float] | None = None
    for step in range(int(width * 0.2), int(width * 0.8), 2):
        x = float(step)
        crossing = sum(1 for line in lines for span in line.spans if span.x0 < x < span.chars[-1].x1)
        left = sum(1 for line in lines if line.x1 <= x)
        right = sum(1 for line in lines if line.x0 >= x)
        # each side holds a good share of the lines: headings set in a left margin are not a column
        least = max(6, len(lines) // 4)
        if crossing <= len(lines) * 0.1 and left >= least and right >= least:
            score = (min(left, right), -crossing)
            if best is None or score > best[0]:
                best = (score, x)
    if best is None:
        return None
    x = best[1]
    # spans on both sides at the same height, over most of the page: a real second column
    rows_with_both = sum(
        1 for line in lines if any(s.chars[-1].x1 <= x for s in line.spans) and any(s.x0 >= x for s in line.spans)
    )
    return x if rows_with_both >= 3 or _separate_blocks(lines, x) else None


def _separate_blocks(lines: list[Line], x: float) -> bool:
    """Lines wholly on each side of x, overlapping in height: two columns set side by side."""
    left = [line for line in lines if line.x1 <= x]
    right = [line for line in lines if line.x0 >= x]
    if not left or not right:
        return False
    overlap = min(max(l.bottom for l in left), max(r.bottom for r in right)) - max(
        min(l.top for l in left), min(r.top for r in right)
    )
    return overlap > 0.3 * (max(l.bottom for l in lines) - min(l.top for l in lines))


def _mark_furniture(pages: list[Page]) -> None:
    """Page numbers, "Last updated", and lines repeated at the same place on every page."""
    first = pages[0].lines
    name = max(first, key=lambda line: line.spans[0].size).spans[0].text if first else ""
    repeated: dict[tuple[str, int], int] = {}
    for page in pages:
        for line in page.lines:
            repeated[(line.text, round(line.top))] = repeated.get((line.text, round(line.top)), 0) + 1
    for page in pages:
        for line in page.lines:
            edge = line.top < page.height * 0.08 or line.bottom > page.height * 0.92
            if edge and _FURNITURE.match(line.text.strip()):
                line.furniture = True
            elif len(pages) > 1 and repeated[(line.text, round(line.top))] == len(pages) and edge and page.number > 1:
                line.furniture = True  # on page 1 a header repeated on every page holds the name or contact
            elif page.number > 1 and edge and len(name) > 3 and name in line.text:
                line.furniture = True  # a running head with the name on the later pages
