"""The one family of user errors: problems in the user's files, answers or machine, not bugs.

The CLI prints any `PortfolioError` as one line per problem (`error: file:line: message`) and exits 1,
with no traceback; anything else is a bug and keeps its traceback.
"""

from __future__ import annotations


class PortfolioError(Exception):
    """A problem the user can fix. str() is one line per problem."""

    def lines(self) -> list[str]:
        return [" ".join(line.split()) for line in str(self).splitlines() if line.strip()] or [
            type(self).__name__
        ]
