"""Jinja filters for the template (cookiecutter `_extensions`).

`markdown_text` lets any answer stand in Markdown as literal text: a name such as `*Zed* <b>` or
`C:\\new` must read back exactly as typed, not as emphasis, HTML or an escape sequence.
`yaml_string` writes an answer as a YAML double-quoted scalar that PyYAML and others read back intact.
"""

from __future__ import annotations

import json
import logging
import re
import sys

from cookiecutter.exceptions import FailedHookException
from cookiecutter.utils import simple_filter

# Characters that start inline syntax anywhere in a line (CommonMark + GFM strikethrough).
INLINE_SYNTAX = re.compile(r"([\\`*_\[\]<~])")
# An entity reference such as &amp; or &#35; would be decoded, so its ampersand is escaped.
ENTITY = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
# Text at the start of a line that would open a block: list, heading, quote, setext underline.
BLOCK_START = re.compile(r"^(\s*)([-+=#>])|^(\s*\d{1,9})([.)])")
# Hashes at the end after a space would close an ATX heading and vanish.
CLOSING_HASHES = re.compile(r"(\s)(#+)(\s*)$")


def escape_markdown(value: object) -> str:
    """Escape `value` so that Markdown renders it as the same plain text."""
    text = INLINE_SYNTAX.sub(r"\\\1", str(value))
    text = ENTITY.sub(r"\\&", text)
    text = CLOSING_HASHES.sub(r"\1\\\2\3", text)
    return BLOCK_START.sub(_escape_block_start, text, count=1)


def _escape_block_start(match: re.Match[str]) -> str:
    if match.group(2) is not None:
        return f"{match.group(1)}\\{match.group(2)}"
    return f"{match.group(3)}\\{match.group(4)}"


@simple_filter
def markdown_text(value: object) -> str:
    """The Jinja filter: `{{ cookiecutter.full_name | markdown_text }}`."""
    return escape_markdown(value)


# YAML 1.1 readers treat these as line breaks even inside double quotes; JSON leaves them raw.
YAML_LINE_BREAKS = {"\x85": "\\x85", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def quote_yaml(value: object) -> str:
    """`value` as a double-quoted YAML scalar. Non-ASCII stays as is (no surrogate pairs for emoji)."""
    quoted = json.dumps(str(value), ensure_ascii=False)
    for char, escape in YAML_LINE_BREAKS.items():
        quoted = quoted.replace(char, escape)
    return quoted


@simple_filter
def yaml_string(value: object) -> str:
    """The Jinja filter: `key: {{ cookiecutter.target_role | yaml_string }}`."""
    return quote_yaml(value)


class _HookFailureWithoutTraceback(logging.Filter):
    """A refused answer is a user error, not a crash: the pre-gen hook has already printed the one line
    that names the field, so cookiecutter's log of the failed hook keeps its message but drops the traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and record.exc_info[0] is FailedHookException:
            record.exc_info = None
            record.exc_text = None
        return True


def _quiet_hook_failures() -> None:
    hooks_logger = logging.getLogger("cookiecutter.hooks")
    if not any(isinstance(f, _HookFailureWithoutTraceback) for f in hooks_logger.filters):
        hooks_logger.addFilter(_HookFailureWithoutTraceback())


# What a `key=value` answer on the command line looks like when it holds Jinja syntax.
_JINJA_ANSWER = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)=(.*\{[{%#].*)$", re.S)


def _answer_with_jinja(argv: list[str]) -> str | None:
    """The key of the first `key=value` argument whose value holds Jinja syntax, if any."""
    for argument in argv:
        match = _JINJA_ANSWER.match(argument)
        if match:
            return match.group(1)
    return None


def _jinja_error_as_one_line(previous):  # noqa: ANN001, ANN202 - a sys.excepthook
    """cookiecutter renders each `key=value` answer as a Jinja template before any hook runs, and
    an answer such as `Alex {# Example` is not valid Jinja: say so in one line instead of a traceback."""

    def hook(kind, error, traceback):  # noqa: ANN001, ANN202
        from jinja2 import TemplateSyntaxError

        field = _answer_with_jinja(sys.argv[1:])
        if isinstance(error, TemplateSyntaxError) and field:
            print(
                f"error: {field}: contains Jinja syntax ('{{{{', '{{%' or '{{#') that cookiecutter"
                f" evaluates; remove it ({error.message})",
                file=sys.stderr,
            )
            return
        previous(kind, error, traceback)

    hook.portfolio = True
    return hook


def _quiet_jinja_errors() -> None:
    if not getattr(sys.excepthook, "portfolio", False):
        sys.excepthook = _jinja_error_as_one_line(sys.excepthook)


# cookiecutter imports this module (`_extensions`) before it renders any answer or runs any hook
_quiet_hook_failures()
_quiet_jinja_errors()
