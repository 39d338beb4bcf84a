"""What every importer shares: the error and result types and the atomic write of resume.md."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import PortfolioError
from ..resume import Resume, ResumeError, parse_resume

# Larger than any resume; a bigger file is refused before it is read.
MAX_BYTES = 20 * 1024 * 1024


class ImportProblem(PortfolioError):
    """The file cannot be imported. str() is one line naming the file and what is wrong."""


@dataclass
class ImportResult:
    markdown: str
    not_mapped: list[str] = field(default_factory=list)  # "field: why", one per line
    notes: list[str] = field(default_factory=list)  # fields that were mapped with a change
    written: Path | None = None
    kind: str = ""  # what the source was read as: "JSON Resume", "Markdown", "Word", "PDF", "LinkedIn"
    unplaced: list[str] = field(default_factory=list)  # "where: what — why", text not placed in an entry
    resume: Resume | None = None
    rewritten: int = 0  # lines read in full but written in the canonical form

    def placed(self) -> str:
        """"4 entries, 17 bullets and 3 skill groups placed"."""
        if self.resume is None:
            return ""
        entries = len(list(self.resume.entries()))
        bullets = len(list(self.resume.all_bullets()))
        groups = sum(len(section.skills) for section in self.resume.sections)
        return f"{entries} entries, {bullets} bullets and {groups} skill groups placed"


def check_readable(markdown: str, target: Path) -> None:
    """The converted text must read back without errors; a failure here is a bug in the importer."""
    try:
        parse_resume(markdown, target)
    except ResumeError as error:
        raise RuntimeError(f"import produced a resume.md that does not parse: {error}") from error


def write_atomic(target: Path, text: str) -> Path:
    target = Path(target)
    handle, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
    )
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        if target.exists():
            os.chmod(temporary, target.stat().st_mode & 0o777)
        else:
            os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target
