"""Plain text as Markdown that reads back as exactly that text."""

from __future__ import annotations

import re

_MD_SPECIAL = re.compile(r"([\\`*\[\]<]|(?<![^\W_])_|_(?![^\W_]))")
# Separators a field must not contain as such: "\|" is an escape, "·" and "•" become references.
_FIELD_SEPARATORS = (("|", "\\|"), ("·", "&#183;"), ("•", "&#8226;"))


def md_escape(text: str, *, line_start: bool = True) -> str:
    """Plain text as CommonMark that reads back as exactly this text (escaping only markup).

    `line_start=False` for text that follows something on its line: no block can start there.
    """
    text = " ".join(text.split())
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = re.sub(r"&(?=#?\w+;)", r"\\&", text)  # "&amp;" must stay five characters
    if not line_start:
        return text
    text = re.sub(r"^(\d+)([.)])", r"\1\\\2", text)  # "2020. " must not start a numbered list
    return re.sub(r"^([-+=#>:])", r"\\\1", text)  # nor "- ", "# ", "> " or ":::" a block


def field_escape(text: str, *, line_start: bool = True) -> str:
    """A field of a `|`-separated line: escaped, and no separator inside it splits it."""
    text = md_escape(text, line_start=line_start)
    for separator, escaped in _FIELD_SEPARATORS:
        text = text.replace(separator, escaped)
    return text
