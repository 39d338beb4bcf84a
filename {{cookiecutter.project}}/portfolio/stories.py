"""STAR stories (interview_prep/star_stories.md) and the resume bullets they back.

A story is a `## Title` with `### Situation`, `### Task`, `### Action`, `### Result`. It names the
bullet it backs with a hidden comment anywhere in the story, usually right under its heading:

    ## Leading a Migration Nobody Owned
    <!-- backs: k8s-migration -->

and the bullet carries the same id: `- Led the migration ... <!-- id: k8s-migration -->`.
Only the private interview copy shows stories under bullets; nothing here is published.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode
from mdit_py_plugins.front_matter import front_matter_plugin

from .resume import Resume, parse_note, without_comments

STORIES = Path("interview_prep") / "star_stories.md"
PARTS = ("Situation", "Task", "Action", "Result")


@dataclass(frozen=True)
class BackedBullet:
    """A story's `<!-- backs: id -->`: the bullet id it backs and the line that names it."""

    bullet_id: str
    line: int


@dataclass(frozen=True)
class Story:
    title: str
    line: int
    parts: tuple[tuple[str, str], ...]  # (label, plain text) in source order
    backs: tuple[BackedBullet, ...]

    def view(self) -> dict:
        """The story as the Typst template's interview notes read it."""
        return {"title": self.title, "parts": [{"label": k, "text": v} for k, v in self.parts]}


def load_stories(repo: Path) -> tuple[Path, list[Story]]:
    path = repo / STORIES
    if not path.is_file():
        return path, []
    return path, parse_stories(path.read_text(encoding="utf-8"))


def parse_stories(text: str) -> list[Story]:
    md = MarkdownIt("commonmark").use(front_matter_plugin)
    root = SyntaxTreeNode(md.parse(text.replace("\r\n", "\n")))
    stories: list[dict] = []
    part = ""
    for node in root.children:
        line = node.map[0] + 1 if node.map else 1
        if node.type == "heading" and node.tag == "h2":
            stories.append({"title": _text(node), "line": line, "parts": {}, "backs": []})
            part = ""
        elif not stories:
            continue
        elif node.type == "heading" and node.tag == "h3":
            part = _text(node).strip(" :")
            stories[-1]["parts"].setdefault(part, [])
        else:
            stories[-1]["backs"] += _links(node, line)
            text = _text(node)
            if part and text:
                stories[-1]["parts"][part].append(text)
    return [
        Story(
            story["title"],
            story["line"],
            tuple((label, " ".join(texts)) for label, texts in story["parts"].items() if texts),
            tuple(story["backs"]),
        )
        for story in stories
    ]


def _links(node: SyntaxTreeNode, line: int) -> list[BackedBullet]:
    """`<!-- backs: a, b -->` as its own block or at the end of a paragraph."""
    found: list[BackedBullet] = []
    for token_line, comment in _comments(node, line):
        note = parse_note(comment) or {}
        for bullet_id in note.get("backs", "").split(","):
            if bullet_id.strip():
                found.append(BackedBullet(bullet_id.strip(), token_line))
    return found


def _comments(node: SyntaxTreeNode, line: int) -> list[tuple[int, str]]:
    if node.type == "html_block":
        return [(line, node.content.strip())]
    comments = []
    for child in node.walk():
        if child.type == "html_inline" and child.content.startswith("<!--"):
            comments.append((line, child.content))
    return comments


def _text(node: SyntaxTreeNode) -> str:
    if node.type == "html_block":
        return ""
    pieces = []
    for child in node.walk():
        if child.type in ("text", "code_inline"):
            pieces.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            pieces.append(" ")
    return without_comments("".join(pieces))


def link_warnings(resume: Resume, source: Path, stories: list[Story]) -> list[str]:
    """`file:line: ...` for every story that backs a bullet id resume.md does not have."""
    ids = {bullet.id for bullet in resume.all_bullets() if bullet.id}
    return [
        f"{source}:{link.line}: story '{story.title}' backs '{link.bullet_id}', but no bullet in "
        f"{resume.source} has `<!-- id: {link.bullet_id} -->`"
        for story in stories
        for link in story.backs
        if link.bullet_id not in ids
    ]


def interview_data(resume: Resume, stories: list[Story], data: dict) -> dict:
    """Template data for the interview copy: each linked story under its bullet, the rest last."""
    by_id: dict[str, list[dict]] = {}
    for story in stories:
        for link in story.backs:
            by_id.setdefault(link.bullet_id, []).append(story.view())
    for section, view in zip(resume.sections, data["sections"]):
        view["bullet_notes"] = [by_id.get(b.id, []) if b.id else [] for b in section.bullets]
        for entry, entry_view in zip(section.entries, view["entries"]):
            entry_view["notes"] = [by_id.get(b.id, []) if b.id else [] for b in entry.bullets]
    ids = {bullet.id for bullet in resume.all_bullets() if bullet.id}
    unlinked = [s.view() for s in stories if not any(link.bullet_id in ids for link in s.backs)]
    return {
        **data,
        "title": f"{resume.name} – Interview copy",
        "unlinked": unlinked,
        "unlinked_heading": "Stories no bullet links to",
    }
