"""Word (.docx): pandoc's docx reader gives the document's structure (pandoc's JSON), and this module
writes it as a draft of resume.md for the resume reader.

What Word resumes do that Markdown does not, and how it is read:
- tabs that right-align dates or places: each tab becomes a field separator (` | `) before pandoc reads it;
- headings as bold or ALL-CAPS paragraphs, not heading styles: a short one that names a section is one;
- contact details in the page header (pandoc skips headers): read from the header parts and put under the name;
- a layout table (a sidebar, say): its cells are read row by row, each cell top to bottom, and the report says
  the original used a table.
"""

from __future__ import annotations

import io
import json
import re
import subprocess
import tempfile
import xml.etree.ElementTree as ElementTree
import zipfile
from pathlib import Path
from typing import Any

from ..resume import grammar, parse_date_range
from .common import ImportProblem, ImportResult
from .draft import Draft, bullet_text, escape, finish, heading_case, is_heading_text, without_icons

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TAB = re.compile(rb"<w:tab\s*/>")
_BLOCK_START = re.compile(r"^(\s*)([#>+=]|\d+[.)])")


def read_docx(source: Path, data: bytes) -> ImportResult:
    archive = _open(source, data)
    header = _header_lines(archive)
    document = _pandoc_json(source, _with_tabs_as_separators(archive))
    writer = _DraftWriter(header, _section_level(document.get("blocks", [])))
    writer.blocks(document.get("blocks", []))
    return finish(source, "Word", writer.finish(document.get("meta", {})))


def _open(source: Path, data: bytes) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        archive.getinfo("word/document.xml")
        if archive.testzip() is not None:
            raise zipfile.BadZipFile
    except (zipfile.BadZipFile, KeyError):
        raise ImportProblem(f"{source}: a damaged Word file (its parts cannot be read)") from None
    return archive


def _with_tabs_as_separators(archive: zipfile.ZipFile) -> bytes:
    """The .docx again, with every tab in the text a ` | ` separator (the tab stops themselves stay)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for item in archive.infolist():
            content = archive.read(item.filename)
            if item.filename == "word/document.xml":
                content = _TAB.sub(b'<w:t xml:space="preserve"> | </w:t>', content)
            copy.writestr(item, content)
    return out.getvalue()


def _header_lines(archive: zipfile.ZipFile) -> list[str]:
    """The text of the page headers, a line per paragraph (tabs as separators)."""
    lines: list[str] = []
    for name in sorted(n for n in archive.namelist() if re.fullmatch(r"word/header\d*\.xml", n)):
        try:
            root = ElementTree.fromstring(archive.read(name))
        except ElementTree.ParseError:
            continue
        for paragraph in root.iter(f"{_W}p"):
            parts = []
            for node in paragraph.iter():
                if node.tag == f"{_W}t" and node.text:
                    parts.append(node.text)
                elif node.tag == f"{_W}tab":
                    parts.append(" | ")
            text = without_icons("".join(parts)).strip(" |")
            if text and text not in lines:
                lines.append(text)
    return lines


def _pandoc_json(source: Path, docx: bytes) -> dict[str, Any]:
    from ..exports import _pandoc_path

    with tempfile.NamedTemporaryFile(suffix=".docx") as handle:
        handle.write(docx)
        handle.flush()
        done = subprocess.run(
            [_pandoc_path(), "-f", "docx", "-t", "json", handle.name], capture_output=True, timeout=120
        )
    if done.returncode != 0:
        message = " ".join(done.stderr.decode("utf-8", "replace").split())[:160]
        raise ImportProblem(f"{source}: pandoc cannot read this Word file: {message or 'no reason given'}")
    return json.loads(done.stdout)


# --------------------------------------------------------------------------- pandoc's blocks to a draft


def inlines(items: list[dict[str, Any]]) -> str:
    """Pandoc inlines as Markdown: bold, italics and links kept; line breaks as hard breaks."""
    out: list[str] = []
    for item in items:
        kind, content = item.get("t"), item.get("c")
        if kind == "Str":
            out.append(escape(without_icons(content) if _has_icon(content) else content))
        elif kind in ("Space", "SoftBreak"):
            out.append(" ")
        elif kind == "LineBreak":
            out.append("\\\n")
        elif kind == "Strong":
            out.append(_wrap("**", inlines(content)))
        elif kind == "Emph":
            out.append(_wrap("*", inlines(content)))
        elif kind == "Link":
            text, (url, _) = inlines(content[1]), content[2]
            out.append(f"[{text}]({url})" if text.strip() else "")
        elif kind in ("Code", "Math"):
            out.append(escape(content[-1] if isinstance(content, list) else str(content)))
        elif kind == "Quoted":
            out.append(f"“{inlines(content[1])}”")
        elif kind in ("Span", "Underline", "SmallCaps", "Strikeout", "Superscript", "Subscript"):
            out.append(inlines(content[-1] if kind == "Span" else content))
        elif kind == "Cite":
            out.append(inlines(content[1]))
    return "".join(out)


def _has_icon(text: str) -> bool:
    return without_icons(text) != text


def _wrap(mark: str, text: str) -> str:
    """`**text**` with the spaces outside the marks (Markdown does not read `** text**` as bold)."""
    stripped = text.strip()
    if not stripped:
        return text
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
    return f"{lead}{mark}{stripped}{mark}{trail}"


def plain(items: list[dict[str, Any]]) -> str:
    return " ".join(re.sub(r"\\(.)", r"\1", inlines(items)).replace("**", "").replace("*", "").split())


def _all_strong(items: list[dict[str, Any]]) -> bool:
    visible = [item for item in items if item.get("t") not in ("Space", "SoftBreak", "LineBreak")]
    return bool(visible) and all(item.get("t") == "Strong" for item in visible)


def _section_level(blocks: list[dict[str, Any]]) -> int:
    """The heading level the document's section headings use (2 when it uses none)."""
    levels = [
        block["c"][0]
        for block in blocks
        if block.get("t") == "Header" and grammar.section_kind(plain(block["c"][2])) is not grammar.TEXT
    ]
    return max(set(levels), key=levels.count) if levels else 2


class _DraftWriter:
    def __init__(self, header: list[str], section_level: int) -> None:
        self.section_level = section_level
        self.draft = Draft()
        self.header = header
        self.paragraph = 0
        self.name = ""
        self.body: list[tuple[str, str]] = []  # (markdown block, where), before the first section
        self.in_sections = False
        self.table_noted = False

    def where(self) -> str:
        return f"paragraph {self.paragraph}"

    def blocks(self, blocks: list[dict[str, Any]], depth: int = 0) -> None:
        for block in blocks:
            self.block(block, depth)

    def block(self, block: dict[str, Any], depth: int) -> None:
        kind, content = block.get("t"), block.get("c")
        if kind in ("Para", "Plain"):
            self.paragraph += 1
            self.para(content)
        elif kind == "Header":
            self.paragraph += 1
            self.header_block(content[0], content[2])
        elif kind in ("BulletList", "OrderedList"):
            items = content if kind == "BulletList" else content[1]
            for item in items:
                self.list_item(item, depth)
        elif kind == "Table":
            self.table(content)
        elif kind in ("Div", "BlockQuote"):
            self.blocks(content[-1] if kind == "Div" else content, depth)
        elif kind == "LineBlock":
            for line in content:
                self.paragraph += 1
                self.para(line)

    def emit(self, markdown: str) -> None:
        if self.in_sections:
            self.draft.add(markdown, self.where())
        else:
            self.body.append((markdown, self.where()))

    def para(self, items: list[dict[str, Any]]) -> None:
        text = plain(items)
        if not text:
            return
        first, *more = _split_breaks(items)
        if not self.name and not self.in_sections and _looks_like_name(plain(first)):
            self.name = plain(first)  # "**Tomás Herrera**\ iOS Engineer\ Barcelona": the name, then contact
            if more:
                self.para([item for line in more for item in [*line, {"t": "LineBreak"}]][:-1])
            return
        if is_heading_text(text, bold=_all_strong(items)):
            self.section(text)
            return
        mark = bullet_text(text)
        if mark is not None:
            markdown = inlines(items).lstrip()
            self.emit(f"- {markdown[len(markdown) - len(markdown.lstrip(_MARKS_AND_SPACE)) :].lstrip()}")
            return
        self.blank()
        for line in inlines(items).split("\\\n"):
            self.emit(_BLOCK_START.sub(r"\1\\\2", line.strip()) + "\\" if line.strip() else "")
        self.strip_last_break()
        self.blank()

    def header_block(self, level: int, items: list[dict[str, Any]]) -> None:
        """A heading at its own level; the reader reads the levels by where the section headings are."""
        text = plain(items)
        if not text:
            return
        if not self.name and not self.in_sections and _looks_like_name(text):
            self.name = text
            return
        self.in_sections = True
        self.blank()
        self.draft.add(f"{'#' * level} {heading_case(inlines(items).strip())}", self.where())
        self.blank()

    def list_item(self, blocks: list[dict[str, Any]], depth: int) -> None:
        first, *rest = blocks or [{}]
        if first.get("t") in ("Para", "Plain"):
            self.paragraph += 1
            self.emit(f"{'  ' * depth}- {inlines(first['c']).strip()}")
        else:
            rest = blocks
        for block in rest:
            if block.get("t") in ("BulletList", "OrderedList"):
                self.block(block, depth + 1)
            elif block.get("t") in ("Para", "Plain"):
                self.paragraph += 1
                self.emit(f"{'  ' * (depth + 1)}- {inlines(block['c']).strip()}")

    def table(self, content: list[Any]) -> None:
        """A layout table: every cell's blocks in reading order (row by row, left to right)."""
        if not self.table_noted:
            self.draft.notes.append(f"{self.where()}: the original lays text out in a table; its cells were read row by row")
            self.table_noted = True
        head, bodies, foot = content[3], content[4], content[5]
        rows = list(head[1]) + [row for body in bodies for row in body[2] + body[3]] + list(foot[1])
        for row in rows:
            for blocks in _dates_joined([cell[4] for cell in row[1]]):
                self.blocks(blocks)

    def section(self, text: str) -> None:
        """A bold or capital paragraph that names a section, at the level the section headings use."""
        self.in_sections = True
        self.blank()
        self.draft.add(f"{'#' * self.section_level} {heading_case(text)}", self.where())
        self.blank()

    def blank(self) -> None:
        if self.in_sections:
            self.draft.blank()
        elif self.body and self.body[-1][0] != "":
            self.body.append(("", ""))

    def strip_last_break(self) -> None:
        target = self.draft.lines if self.in_sections else self.body
        if target and target[-1][0].endswith("\\"):
            target[-1] = (target[-1][0][:-1], target[-1][1])

    def finish(self, meta: dict[str, Any]) -> Draft:
        """The draft: the name, the contact lines (page header first), then the sections."""
        title = plain(meta.get("title", {}).get("c", [])) if isinstance(meta.get("title"), dict) else ""
        header = list(self.header)
        name = title or self.name
        if not name and header:  # "Jane Doe | jane@example.com | ..." in the page header
            name, _, rest = header.pop(0).partition(" | ")
            header[:0] = [rest] if rest.strip() else []
        if not name:
            raise ImportProblem("the Word file has no name line at the top (a title or a short first line)")
        header = [line for line in header if line != name]
        draft = Draft(notes=self.draft.notes)
        draft.add(f"# {escape(name)}", "the document title" if title else "the first paragraph")
        draft.blank()
        contact = [(escape(line), "the page header") for line in header] + [
            (markdown.rstrip("\\"), where) for markdown, where in self.body if markdown
        ]
        for index, (markdown, where) in enumerate(contact):
            draft.add(markdown + ("\\" if index < len(contact) - 1 else ""), where)
        draft.blank()
        draft.lines += self.draft.lines
        return draft


_MARKS_AND_SPACE = "•·▪◦○●■□➢➤►▶✓✔–—-* \t\u00a0"


def _dates_joined(cells: list[list[dict[str, Any]]]) -> list[list[dict[str, Any]]]:
    """A row whose one cell holds only dates (a left date column): the dates join the first line of the
    next cell, as the right-aligned dates of a one-column layout would."""
    dates = [i for i, blocks in enumerate(cells) if len(blocks) == 1 and blocks[0].get("t") in ("Para", "Plain")
             and parse_date_range(plain(blocks[0]["c"]))]
    others = [i for i in range(len(cells)) if i not in dates and cells[i]]
    if len(dates) != 1 or not others:
        return cells
    target = others[0]
    first = next((b for b in cells[target] if b.get("t") in ("Para", "Plain")), None)
    if first is None:
        return cells
    line, *rest = _split_breaks(first["c"])
    joined = line + [{"t": "Str", "c": " | "}] + cells[dates[0]][0]["c"]
    merged = {"t": first["t"], "c": joined + [item for part in rest for item in [{"t": "LineBreak"}, *part]]}
    blocks = [merged if block is first else block for block in cells[target]]
    return [blocks if i == target else [] if i == dates[0] else cells[i] for i in range(len(cells))]


def _split_breaks(items: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    lines: list[list[dict[str, Any]]] = [[]]
    for item in items:
        if item.get("t") == "LineBreak":
            lines.append([])
        else:
            lines[-1].append(item)
    return [line for line in lines if plain(line)] or [items]


def _looks_like_name(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 5 and not re.search(r"[\d@|:/]", text) and grammar.section_kind(text) is grammar.TEXT
