"""Inline Markdown as styled runs, and lines split into `|`-separated fields."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Iterable

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode

# Field separators on a line: the grammar writes " | "; "·" and "•" are read the same way.
FIELD_SEPARATORS = ("|", "·", "•")
_SEPARATOR_RE = re.compile("|".join(re.escape(sep) for sep in FIELD_SEPARATORS))
# On the contact line a spaced dash separates items too ("Lagos — aisha@example.com — github.com/a").
_CONTACT_SEPARATOR_RE = re.compile("|".join([*(re.escape(sep) for sep in FIELD_SEPARATORS), r"\s[—–]\s"]))


@dataclass(frozen=True)
class Run:
    """A stretch of inline text with the styles around it."""

    text: str
    strong: bool = False
    em: bool = False
    href: str | None = None
    escaped: bool = False  # a backslash-escaped character such as "\|": never a field separator


@dataclass(frozen=True)
class Part:
    """One separated field of a line, and whether all of it is bold, italic or a link."""

    text: str
    strong: bool
    em: bool
    href: str | None


def runs(children: Iterable[Token]) -> list[Run]:
    found: list[Run] = []
    strong = em = 0
    href: str | None = None
    for token in children:
        kind = token.type
        if kind == "strong_open":
            strong += 1
        elif kind == "strong_close":
            strong -= 1
        elif kind == "em_open":
            em += 1
        elif kind == "em_close":
            em -= 1
        elif kind == "link_open":
            href = str(token.attrs.get("href", ""))
        elif kind == "link_close":
            href = None
        elif kind in ("text", "code_inline") and token.content:
            found.append(Run(token.content, strong > 0, em > 0, href))
        elif kind == "text_special":
            found.append(Run(token.content, strong > 0, em > 0, href, escaped=True))
        elif kind in ("softbreak", "hardbreak"):
            found.append(Run("\n", strong > 0, em > 0, href))
        elif kind == "html_inline" and token.content.startswith("<!--"):
            continue  # a hidden note or comment: never printed
        elif kind in ("image", "html_inline"):
            # alt text of an image; inline HTML such as "<Angles>" stays visible as typed
            found.append(Run(token.content, strong > 0, em > 0, href))
    return found


def plain(items: Iterable[Run]) -> str:
    return " ".join("".join(run.text for run in items).split())


def split_fields(items: list[Run], *, contact: bool = False) -> list[Part]:
    """Split inline runs at "|" (or "·", "•") into fields, remembering each one's style."""
    separator = _CONTACT_SEPARATOR_RE if contact else _SEPARATOR_RE
    fields: list[list[Run]] = [[]]
    for run in items:
        before = plain(fields[-1]) if fields[-1] else ""
        if contact and run.href and before and not fields[-1][-1].href and not before.endswith(":"):
            fields.append([])  # "Backend engineer. <me@x.io>": on a contact line a link is an item of its own
        pieces = [run.text] if run.escaped or run.href else separator.split(run.text)
        for index, piece in enumerate(pieces):
            if index:
                fields.append([])
            fields[-1].append(dataclasses.replace(run, text=piece))
    return [_part(field_runs) for field_runs in fields]


def _part(field_runs: list[Run]) -> Part:
    visible = [run for run in field_runs if run.text.strip()]
    return Part(
        text=plain(field_runs),
        strong=bool(visible) and all(run.strong for run in visible),
        em=bool(visible) and all(run.em for run in visible),
        href=next((run.href for run in visible if run.href), None),
    )


def split_lines(items: list[Run]) -> list[list[Run]]:
    lines: list[list[Run]] = [[]]
    for run in items:
        if run.text == "\n":
            lines.append([])
        else:
            lines[-1].append(run)
    return lines


def leading_strong(items: list[Run]) -> tuple[list[Run], list[Run]]:
    """The bold runs a line starts with, and the rest ("**Name**, Issuer" -> Name / , Issuer)."""
    index = 0
    while index < len(items) and items[index].strong:
        index += 1
    return items[:index], items[index:]


def split_list(text: str) -> list[str]:
    """Items of a list written in a line: at commas, or else at " / ", "|", "·" or "•"."""
    items = [item for item in split_items(text) if item]
    if len(items) == 1:
        items = [item.strip().rstrip(".") for item in re.split(r"\s+[/|]\s+|\s*[·•]\s*", text) if item.strip()]
    return items


def split_items(text: str) -> list[str]:
    """Split "a, b (c, d), e" at top-level commas and semicolons (an unclosed bracket groups nothing)."""
    items, depth, current = [], 0, ""
    balanced = _balanced(text)
    for char in text:
        if balanced:
            depth += char in "([{"
            depth -= char in ")]}"
        if char in ",;" and depth == 0:
            items.append(current)
            current = ""
        else:
            current += char
    items.append(current)
    return [item.strip().rstrip(".") for item in items]


def _balanced(text: str) -> bool:
    depth = 0
    for char in text:
        depth += char in "([{"
        depth -= char in ")]}"
        if depth < 0:
            return False
    return depth == 0


def inline_of(block: SyntaxTreeNode | None) -> list[Token]:
    """The flat inline tokens (text, strong_open, ...) of a heading or paragraph node."""
    if block is None or not block.children:
        return []
    return list(block.children[0].token.children or []) if block.children[0].token else []


_INLINE_MD = MarkdownIt("commonmark").disable("text_join")


def inline_tokens(text: str) -> list[Token]:
    tokens = _INLINE_MD.parseInline(text)
    return list(tokens[0].children or []) if tokens else []
