"""How resume parsers read a PDF: three readings of the same file, for the ATS round-trip check (portfolio.ats).

- pypdf's `extract_text()` (content-stream order),
- `pdftotext` (poppler, where installed),
- a line-by-line reading built from pdfminer.six character positions: characters with the same baseline form
  one line, and a line splits into separate text items only where the horizontal gap is wider than a typical
  character, which is how parsers such as OpenResume group text.

A PDF holds right-to-left text in visual order (the glyphs left to right as drawn). For a right-to-left resume the
line-by-line reading puts each line's items right to left and each item's text in logical order, as the Unicode
Bidirectional Algorithm orders a visual line (python-bidi). pypdf and pdftotext have bidi rules of their own that
misplace numbers and Latin words among Arabic or Hebrew ones, so for those resumes the check reads only this way.
"""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Iterator

from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar
from pypdf import PdfReader

BULLET = "•"
BASELINE_TOLERANCE = 1.5  # points: characters this close vertically share a line


def normalised(text: str) -> str:
    """Text as a parser compares it: NFKC (ligatures), one space, one bullet form."""
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "")
    text = re.sub(rf"{BULLET}\s*", f"{BULLET} ", text)
    return " ".join(text.split())

@dataclass(frozen=True)
class TextItem:
    """A run of characters on one line with no wide gap inside it."""

    text: str
    x0: float
    x1: float
    top: float  # distance from the top of the document, in points
    page: int
    bold: bool = False

def read_pypdf(pdf: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(pdf).pages)


def read_pdftotext(pdf: Path) -> str | None:
    """Plain pdftotext output, or None where poppler is not installed."""
    binary = shutil.which("pdftotext")
    if binary is None:
        return None
    result = subprocess.run(
        [binary, "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=False
    )
    return result.stdout if result.returncode == 0 else None


def read_items(pdf: Path, right_to_left: bool = False) -> list[TextItem]:
    """Text items in reading order: lines top to bottom, items left to right (right to left for a right-to-left
    document, each item's text then in logical order)."""
    items: list[TextItem] = []
    offset = 0.0
    for number, page in enumerate(extract_pages(str(pdf)), start=1):
        chars = [char for char in _chars(page) if char.get_text()]
        width = _typical_char_width(chars)
        for line in _lines(chars):
            on_line = _split_line(line, width, page.height + offset, number)
            items.extend(_logical(on_line) if right_to_left else on_line)
        offset += page.height
    return items


def _logical(line: list[TextItem]) -> list[TextItem]:
    """A right-to-left line's items, rightmost first, each item's visual text in logical order."""
    from bidi import get_display  # only right-to-left resumes need it

    return [replace(item, text=normalised(get_display(item.text, base_dir="R"))) for item in reversed(line)]


def items_as_text(items: list[TextItem]) -> str:
    lines: list[str] = []
    last_top: float | None = None
    for item in items:
        if last_top is not None and abs(item.top - last_top) <= BASELINE_TOLERANCE:
            lines[-1] += "  " + item.text
        else:
            lines.append(item.text)
        last_top = item.top
    return "\n".join(lines)


def _chars(node: object) -> Iterator[LTChar]:
    if isinstance(node, LTChar):
        yield node
    elif isinstance(node, Iterable):
        for child in node:
            yield from _chars(child)


def _typical_char_width(chars: list[LTChar]) -> float:
    widths = [char.x1 - char.x0 for char in chars if char.get_text().strip()]
    return statistics.median(widths) if widths else 5.0


def _lines(chars: list[LTChar]) -> list[list[LTChar]]:
    """Group characters by baseline (the y of their text matrix), top line first, left to right. A combining
    mark (an Arabic vowel sign, a Hebrew point) is drawn above or below its letter, off the baseline: it joins the
    line and the letter it overlaps."""
    rows: list[tuple[float, list[LTChar]]] = []
    chars = _drawn_once(chars)
    marks = [char for char in chars if _is_mark(char)]
    for char in sorted((c for c in chars if not _is_mark(c)), key=lambda c: -c.matrix[5]):
        baseline = char.matrix[5]
        if rows and abs(rows[-1][0] - baseline) <= BASELINE_TOLERANCE:
            rows[-1][1].append(char)
        else:
            rows.append((baseline, [char]))
    lines = [sorted(row, key=lambda c: c.x0) for _, row in rows]
    for mark in marks:
        _attach(mark, lines)
    return lines


def _drawn_once(chars: list[LTChar]) -> list[LTChar]:
    """Each character once: like pdftotext, a glyph with the same text at the same place as the one before it (a
    letter drawn twice, or a letter's glyph and its mark's both given the pair's text, a hair apart) is not read
    again."""
    kept: list[LTChar] = []
    for char in chars:
        last = kept[-1] if kept else None
        if (
            last is not None
            and last.get_text() == char.get_text()
            and abs(last.x0 - char.x0) < 0.1 * char.size
            and abs(last.matrix[5] - char.matrix[5]) < 0.5 * char.size
        ):
            continue
        kept.append(char)
    return kept


def _is_mark(char: LTChar) -> bool:
    """A glyph whose text holds a combining mark: the mark itself, or a letter and its mark as one cluster (a PDF
    may give the cluster's text to each of its glyphs, the mark's drawn off the baseline)."""
    return any(map(_is_combining, char.get_text()))


def _attach(mark: LTChar, lines: list[list[LTChar]]) -> None:
    """Put a mark's glyph on the nearest line, right after the glyph it overlaps most (where it is drawn when it
    overlaps none); a glyph with the same text over most of it already says it, and is not read twice."""
    if not lines:
        lines.append([mark])
        return
    line = min(lines, key=lambda row: abs(row[0].matrix[5] - mark.matrix[5]))
    overlap = [_overlap(c, mark) for c in line]
    best = max(range(len(line)), key=overlap.__getitem__)
    if overlap[best] <= 0:
        best = max((i for i, c in enumerate(line) if c.x0 <= mark.x0), default=-1)
        line.insert(best + 1, mark)
        return
    base, text = line[best].get_text(), mark.get_text()
    if overlap[best] > 0.5 * (mark.x1 - mark.x0) and text.startswith(base) and _is_marks(text[len(base):]):
        line[best] = mark  # the letter's glyph and the cluster's: the cluster says both ("ا" under "اً")
        return
    if base.startswith(text) and _is_marks(base[len(text):]):
        return  # the other way round: the glyph already there says this one's text
    line.insert(best + 1, mark)


def _overlap(char: LTChar, mark: LTChar) -> float:
    """How far the two glyphs overlap (one drawn with no width: 1 when it sits within the other)."""
    if mark.x1 <= mark.x0:
        return 1.0 if char.x0 <= mark.x0 <= char.x1 else -1.0
    if char.x1 <= char.x0:
        return 1.0 if mark.x0 <= char.x0 <= mark.x1 else -1.0
    return min(char.x1, mark.x1) - max(char.x0, mark.x0)


def _is_marks(text: str) -> bool:
    return all(map(_is_combining, text))


def _is_combining(letter: str) -> bool:
    return unicodedata.category(letter).startswith("M")


def _split_line(line: list[LTChar], width: float, page_top: float, page: int) -> list[TextItem]:
    items: list[TextItem] = []
    run: list[LTChar] = []
    for char in line:
        if run and char.x0 - run[-1].x1 > width:
            items.append(_item(run, page_top, page))
            run = []
        if run or char.get_text().strip():
            run.append(char)
    if run:
        items.append(_item(run, page_top, page))
    return [item for item in items if item.text]


def _item(run: list[LTChar], page_top: float, page: int) -> TextItem:
    text = normalised("".join(_visual(char.get_text()) for char in run))
    visible = [char for char in run if char.get_text().strip()] or run
    bold = all(_BOLD.search(char.fontname) for char in visible)
    on_baseline = next((char for char in run if not _is_mark(char)), run[0])  # a mark may sit off it
    top = page_top - on_baseline.matrix[5]
    return TextItem(text, visible[0].x0, visible[-1].x1, top, page, bold)


def _visual(text: str) -> str:
    """One glyph's text, as a visual line holds it: a ligature of right-to-left letters (Arabic lam-alef is one glyph
    for two letters, mapped to them in logical order) turned around, so that reading the line in logical order
    turns it back."""
    if len(text) > 1 and unicodedata.bidirectional(text[0]) in ("R", "AL"):
        return text[::-1]
    return text


_BOLD = re.compile(r"bold|black|heavy|semibold|demibold", re.IGNORECASE)
