"""A draft of resume.md built line by line from a document (Word paragraphs, PDF lines), each line
remembering where it came from, then read by the resume reader like any Markdown.

Readers of documents find the structure Markdown would show with marks (the name, section headings,
bullets, bold and italics) and write it as those marks; the lenient reader does the rest. Each warning
the reader gives is reported at its place in the original ("paragraph 12", "page 1, line 14").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..resume import ResumeError, grammar, parse_resume, write_resume
from .common import ImportProblem, ImportResult, tidied, unplaced

# Characters a document uses as bullet markers, icon glyphs before contact items, and Private Use Area
# icons (Font Awesome and the like).
BULLET_MARKS = "•·▪◦○●■□➢➤►▶▸▹✓✔✦◆◇❖–—-*"
_MARKS_ALONE = "".join(mark for mark in BULLET_MARKS if mark not in "□–—-*")  # a mark even with no space after it
_ICONS_RE = re.compile("[\ue000-\uf8ff\U000f0000-\U000ffffd\u2192]")  # pictographs ("So") go by category
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>])")


def escape(text: str) -> str:
    """Document text as Markdown text: marks it holds stay characters."""
    return _INLINE_SPECIAL.sub(r"\\\1", text)


def without_icons(text: str) -> str:
    """The text without icon glyphs: the Private Use Area, and pictographs ("⚑", "⚙", "☎") set before a
    contact item or a heading."""
    text = _ICONS_RE.sub(" ", text)
    return " ".join("".join(" " if unicodedata.category(char) == "So" else char for char in text).split())


def bullet_text(text: str) -> str | None:
    """The text after a bullet mark at the start of a line ("• Led 3 launches" -> "Led 3 launches")."""
    stripped = text.lstrip()
    if len(stripped) > 1 and stripped[0] in BULLET_MARKS and stripped[1] in " \t\u00a0":
        return stripped[1:].strip()
    if stripped[:1] in _MARKS_ALONE and len(stripped) > 1:
        return stripped[1:].strip()
    return None


def in_capitals(text: str) -> bool:
    return text.upper() == text and any(char.isalpha() for char in text)


def is_heading_text(text: str, *, bold: bool = False) -> bool:
    """A line that is a section heading: a heading word the grammar knows, or short capitals."""
    words = text.split()
    if not words or len(words) > 5 or re.search(r"\d|@|https?:", text) or text.endswith((".", ",")):
        return False
    caps = in_capitals(text)
    known = grammar.section_kind(text) is not grammar.TEXT and len(words) <= 4
    # one word in capitals that names no section is more often a skill ("CSS", "AWS") than a heading
    return known and (bold or caps or len(words) <= 3) or caps and 2 <= len(words) <= 4


def heading_case(text: str) -> str:
    """"PROFESSIONAL EXPERIENCE" -> "Professional Experience"; mixed case stays as written."""
    if text.upper() != text:
        return text
    small = {"and", "of", "the", "in", "for", "to", "&"}
    words = [
        word.lower() if word.lower() in small and index else word.capitalize()
        for index, word in enumerate(text.split())
    ]
    return " ".join(words)


@dataclass
class Draft:
    lines: list[tuple[str, str]] = field(default_factory=list)  # (markdown, where it came from)
    notes: list[str] = field(default_factory=list)

    def add(self, markdown: str, where: str) -> None:
        self.lines.append((markdown, where))

    def blank(self) -> None:
        if self.lines and self.lines[-1][0] != "":
            self.lines.append(("", ""))

    def text(self) -> str:
        return "\n".join(markdown for markdown, _ in self.lines) + "\n"

    def where(self, line: int) -> str:
        """Where draft line `line` (1-based) came from; the nearest line before it that knows."""
        for index in range(min(line, len(self.lines)) - 1, -1, -1):
            if self.lines[index][1]:
                return self.lines[index][1]
        return "the start"


def finish(source: Path, kind: str, draft: Draft) -> ImportResult:
    """Read the draft, print it canonical, and report each warning at its place in the source."""
    text = draft.text()
    try:
        resume = parse_resume(text, Path("resume.md"))
    except ResumeError as error:
        problem = error.problems[0]
        raise ImportProblem(f"{source}: {draft.where(problem.line)}: {problem.message}") from None
    resume, tidy_notes = tidied(resume)
    result = ImportResult(write_resume(resume), kind=kind, resume=resume, notes=list(draft.notes) + tidy_notes)
    result.unplaced = unplaced(resume, draft.where)
    result.rewritten = sum(w.advice for w in resume.warnings)
    return result
