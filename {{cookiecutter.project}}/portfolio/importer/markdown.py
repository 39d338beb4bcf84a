"""Markdown in any style: the resume reader reads it (warning where it departs from the grammar) and the
writer prints it canonical. A file whose name is not a `#` heading gets its first line as the name."""

from __future__ import annotations

import re
from pathlib import Path

from ..resume import ResumeError, parse_resume, write_resume
from .common import ImportProblem, ImportResult, tidied, unplaced

_NAME_MISSING = ("missing the `# Name` heading", "expected the `# Name` heading")


def read_markdown(source: Path, text: str) -> ImportResult:
    try:
        resume = parse_resume(text, source)
    except ResumeError as error:
        if not any(marker in error.message for marker in _NAME_MISSING):
            raise ImportProblem(str(error).splitlines()[0]) from None
        resume = parse_resume(_name_as_heading(text), source)
    resume, notes = tidied(resume)
    result = ImportResult(write_resume(resume), kind="Markdown", resume=resume, notes=notes)
    result.unplaced = unplaced(resume, lambda line: f"line {line}")
    result.rewritten = sum(w.advice for w in resume.warnings)
    return result


def _name_as_heading(text: str) -> str:
    """"**Jane Doe**" or "Jane Doe" on the first line: the name, as `# Jane Doe`."""
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if line.strip() and not line.startswith("---"):
            name = re.sub(r"^[*_]{1,2}|[*_]{1,2}$", "", line.strip().lstrip("#").strip())
            lines[index] = f"# {name}"
            return "\n".join(lines)
    return text
