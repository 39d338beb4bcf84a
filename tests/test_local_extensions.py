"""The Markdown escaping filter: any answer reads back from Markdown exactly as typed."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

import yaml

from local_extensions import escape_markdown as markdown_text, quote_yaml

VALUES = [
    "Alex Example",
    "Zoë O'Brien-Łukasz",
    'Dwayne "The Rock" Johnson',
    r"C:\new\table \\ double",
    "O\\'Brien",
    "*bold* _under_ **strong** ~~gone~~",
    "[link](https://example.com) ![img](x.png)",
    "<script>alert(1)</script>",
    "<b>bold</b> & <i>",
    "R&D &amp; &#35; &copy;",
    "`code` and ``more``",
    "- item",
    "+ item",
    "1. first",
    "2) second",
    "# hash",
    "> quote",
    "=== setext",
    "Team #",
    "C# and F#",
    "key: value",
    "李小龍 🚀",
    "https://example.com/a_b_c",
    "a_b@example.com",
    "${{ github.token }}",
    "{{ not jinja }} {% raw %}",
]


def plain_text(markdown: str, preset: str) -> str:
    parser = MarkdownIt(preset) if preset == "commonmark" else MarkdownIt("commonmark").enable(["table", "strikethrough"])
    inline = next(token for token in parser.parse(markdown) if token.type == "inline")
    return "".join(child.content for child in inline.children if child.type in ("text", "code_inline"))


@pytest.mark.parametrize("preset", ["commonmark", "gfm"])
@pytest.mark.parametrize("value", VALUES)
def test_value_reads_back_as_typed(value: str, preset: str) -> None:
    escaped = markdown_text(value)
    assert plain_text(escaped, preset) == value, escaped
    assert plain_text(f"# {escaped}", preset) == value
    assert plain_text(f"{escaped} | other item", preset) == f"{value} | other item"


def test_plain_names_stay_readable() -> None:
    for value in ("Alex Example", "Zoë O'Brien-Łukasz", "Springfield, IL", "R&D lead"):
        assert markdown_text(value) == value


@pytest.mark.parametrize("value", VALUES + ["yes", "null", "~", "- item", "'single'", "tab\tand\x85nel\u2028ls", ""])
def test_yaml_string_reads_back_as_typed(value: str) -> None:
    assert yaml.safe_load(f"key: {quote_yaml(value)}\n") == {"key": value}
