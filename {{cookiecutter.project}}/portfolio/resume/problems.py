"""What the reader reports: warnings (content kept) and errors (collected, then raised together)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import PortfolioError


@dataclass(frozen=True)
class Problem:
    file: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


@dataclass(frozen=True)
class ResumeWarning(Problem):
    """A line that departs from the grammar; its content is still kept in every output.

    `advice` is True when everything on the line was read into its place and the warning only shows the
    canonical form (an import rewrites it in that form); False when some text is kept outside any field.
    """

    advice: bool = False


class ResumeError(PortfolioError):
    """resume.md cannot be read. Holds every problem found, in file order; str() is one line each."""

    def __init__(self, file: Path | str, line: int, message: str, *more: Problem) -> None:
        first = Problem(Path(file), line, message)
        self.problems: tuple[Problem, ...] = (first, *more)
        super().__init__("\n".join(str(problem) for problem in self.problems))
        self.file = first.file
        self.line = line
        self.message = message

    @classmethod
    def of(cls, problems: list[Problem]) -> ResumeError:
        ordered = sorted(problems, key=lambda problem: problem.line)
        first = ordered[0]
        return cls(first.file, first.line, first.message, *ordered[1:])
