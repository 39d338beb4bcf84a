"""Hidden notes: `<!-- targets: backend, data; id: k8s-migration -->` at the end of a bullet, entry
heading or skills line. GitHub hides them, Vale skips them, and no output prints them."""

from __future__ import annotations

import re
from dataclasses import dataclass

COMMENT_RE = re.compile(r"<!--(.*?)-->", re.S)
NOTE_KEYS = ("targets", "id")
# No "--": inside `<!-- -->` it would end the comment early, and Markdown would show the note as text.
NAME_RE = re.compile(r"^[a-z0-9](?:[a-z0-9_]|-(?!-))*$")


@dataclass(frozen=True)
class Note:
    targets: tuple[str, ...] = ()
    id: str = ""


def parse_note(comment: str) -> dict[str, str] | None:
    """`key: value; key: value` inside an HTML comment, or None for an ordinary comment."""
    match = COMMENT_RE.fullmatch(comment.strip())
    body = match.group(1).strip() if match else ""
    pairs = [part.partition(":") for part in body.split(";") if part.strip()]
    if not pairs or any(not sep for _, sep, _ in pairs):
        return None
    return {key.strip().lower(): value.strip() for key, _, value in pairs}


def without_comments(markdown: str) -> str:
    return " ".join(COMMENT_RE.sub(" ", markdown).split())


def note_text(targets: tuple[str, ...], ident: str) -> str:
    """The comment that gives back `targets` and `id` ("" when there is nothing to say)."""
    pairs = ([f"targets: {', '.join(targets)}"] if targets else []) + (
        [f"id: {ident}"] if ident else []
    )
    return f"<!-- {'; '.join(pairs)} -->" if pairs else ""
