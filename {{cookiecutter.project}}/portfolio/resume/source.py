"""Where the reader reports to: warnings kept for the build, errors collected and raised together."""

from __future__ import annotations

from pathlib import Path

from markdown_it.tree import SyntaxTreeNode

from .problems import Problem, ResumeError, ResumeWarning


class Reporter:
    """Collects what a read of one file found; `raise_errors` ends the read when any error was found."""

    def __init__(self, source: Path) -> None:
        self.source = source
        self.warnings: list[ResumeWarning] = []
        self.errors: list[Problem] = []

    def warn(self, line: int, message: str, *, advice: bool = False) -> None:
        self.warnings.append(ResumeWarning(self.source, line, message, advice))

    def error(self, line: int, message: str) -> None:
        """A problem that stops the build; reading goes on, to find the others."""
        self.errors.append(Problem(self.source, line, message))

    def fail(self, line: int, message: str) -> ResumeError:
        """A problem that stops reading now; it is raised with every error found before it."""
        return ResumeError.of([*self.errors, Problem(self.source, line, message)])

    def keep(self, other: Reporter) -> None:
        """Take what a reading set aside (see `_Parser.aside`) found, as if found here."""
        self.warnings += other.warnings
        self.errors += other.errors

    def raise_errors(self) -> None:
        if self.errors:
            raise ResumeError.of(self.errors)

    @staticmethod
    def line_of(node: SyntaxTreeNode) -> int:
        return node.map[0] + 1 if node.map else 1
