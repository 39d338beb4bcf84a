"""How resume parsers read a PDF: three readings of the same file, for the ATS round-trip check (portfolio.ats).

- pypdf's `extract_text()` (content-stream order),
- `pdftotext` (poppler, where installed),
- a line-by-line reading built from pdfminer.six character positions: characters with the same baseline form
  one line, and a line splits into separate text items only where the horizontal gap is wider than a typical
  character, which is how parsers such as OpenResume group text.
"""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
import unicodedata
from dataclasses import dataclass
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


def read_items(pdf: Path) -> list[TextItem]:
    """Text items in reading order: lines top to bottom, items left to right."""
    items: list[TextItem] = []
    offset = 0.0
    for number, page in enumerate(extract_pages(str(pdf)), start=1):
        chars = [char for char in _chars(page) if char.get_text()]
        width = _typical_char_width(chars)
        for line in _lines(chars):
            items.extend(_split_line(line, width, page.height + offset, number))
        offset += page.height
    return items


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
    """Group characters by baseline (the y of their text matrix), top line first."""
    rows: list[tuple[float, list[LTChar]]] = []
    for char in sorted(chars, key=lambda c: -c.matrix[5]):
        baseline = char.matrix[5]
        if rows and abs(rows[-1][0] - baseline) <= BASELINE_TOLERANCE:
            rows[-1][1].append(char)
        else:
            rows.append((baseline, [char]))
    return [sorted(row, key=lambda c: c.x0) for _, row in rows]


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
    text = normalised("".join(char.get_text() for char in run))
    visible = [char for char in run if char.get_text().strip()] or run
    bold = all(_BOLD.search(char.fontname) for char in visible)
    top = page_top - run[0].matrix[5]
    return TextItem(text, visible[0].x0, visible[-1].x1, top, page, bold)


_BOLD = re.compile(r"bold|black|heavy|semibold|demibold", re.IGNORECASE)
