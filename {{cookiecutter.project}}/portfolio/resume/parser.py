"""The reader of resume.md: Markdown blocks to the typed resume, by the forms in `grammar`.

What the grammar cannot place becomes a located warning (`resume.md:LINE: what it looks like — write it as
...`) and its text is kept; input that cannot be read at all raises one `ResumeError` listing every error.
"""

from __future__ import annotations

import contextlib
from typing import Iterator

import dataclasses

from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode
from mdit_py_plugins.front_matter import front_matter_plugin

from . import grammar
from .contact import contact_item, contact_lines, contact_parts, lines_of, with_phone
from .dates import parse_date_range
from .frontmatter import FrontMatter
from .inline import (
    Run,
    inline_of,
    inline_tokens,
    plain,
    runs,
    split_items,
    split_lines,
    split_list,
)
from .entries import entries_section, has_loose_entries
from .grammar import DEGREE_RE
from .lines import OneLine, degree_halves_joined, read_one_line
from .notes import NAME_RE, NOTE_KEYS, Note, parse_note, without_comments
from .problems import ResumeError
from .source import Reporter
from .model import (
    Bullet,
    ContactItem,
    Entry,
    EntryKind,
    Resume,
    Section,
    SkillGroup,
    Variant,
    section_bullets,
    section_for,
)

# text_join off: escaped characters stay separate tokens, so "\|" is not a separator
_MARKDOWN = MarkdownIt("commonmark").use(front_matter_plugin).disable("text_join")
_UNSUPPORTED = {
    "fence": "a code block",
    "code_block": "an indented code block",
    "table": "a table",
    "html_block": "raw HTML",
    "blockquote": "a quote block",
    "hr": "a horizontal rule",
    "heading": "a heading below `###`",
}


def load_resume(path: Path | str) -> Resume:
    """Read and parse resume.md. Raises ResumeError (file:line: message) when it cannot be read."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ResumeError(path, 1, "file not found") from None
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        raise ResumeError(path, line, "not valid UTF-8 text") from None
    except IsADirectoryError:
        raise ResumeError(path, 1, "is a folder, not a file") from None
    except OSError as error:
        raise ResumeError(path, 1, f"cannot read: {error.strerror}") from None
    return parse_resume(text, path)


def parse_resume(text: str, source: Path | str = Path("resume.md")) -> Resume:
    return _Parser(text, Path(source)).parse()


class _Parser:
    def __init__(self, text: str, source: Path) -> None:
        self.text = text.replace("\r\n", "\n").lstrip("\ufeff")
        self.source = source
        self.report = Reporter(source)
        self.line_of = self.report.line_of
        self.taglines: list[str] = []  # lines under the name that are not contact details

    def warn(self, line: int, message: str, *, advice: bool = False) -> None:
        self.report.warn(line, message, advice=advice)

    @contextlib.contextmanager
    def aside(self) -> Iterator[Reporter]:
        """Read a part with its warnings set aside: one of two readings of it is kept (`Reporter.keep`)."""
        real, self.report = self.report, Reporter(self.report.source)
        try:
            yield self.report
        finally:
            self.report = real

    # -- document

    def parse(self) -> Resume:
        tokens = _MARKDOWN.parse(self.text)
        self.lift_headings(tokens)
        nodes = list(SyntaxTreeNode(tokens).children)
        has_front = bool(nodes) and nodes[0].type == "front_matter"
        meta = FrontMatter(self.text, nodes[0].content if has_front else None, self.report).read()
        nodes = [node for node in nodes[has_front:] if not _is_comment(node)]
        name_index = self.find_name(nodes)
        heading = nodes[name_index]
        name = plain(runs(inline_of(heading)))
        if not name:
            raise self.report.fail(self.line_of(heading), "the `# Name` heading is empty")
        name, tagline = _name_and_tagline(name)
        if tagline:
            self.warn(
                self.line_of(heading),
                f"the name heading also holds '{tagline}'; read as the target role — "
                "put it in the front matter as `target_role:`",
                advice=True,
            )
            if not meta["target_role"]:
                meta["target_role"] = tagline
        for node in nodes[:name_index]:
            self.warn(self.line_of(node), "text before the `# Name` heading is ignored")
        after_name = nodes[name_index + 1 :]
        contact, rest = self.contact_section(after_name) or self.contact(after_name, self.line_of(heading))
        phone = meta["phone"]
        if phone and not any(item.kind == "phone" for item in contact):
            contact = list(with_phone(contact, phone))
        sections = [s for s in self.sections(rest) if s.heading or _holds_anything(s)]
        if self.taglines:
            if sections and not sections[0].heading:
                sections[0] = dataclasses.replace(sections[0], paragraphs=(*self.taglines, *sections[0].paragraphs))
            else:
                sections.insert(0, Section("", "text", self.line_of(heading) + 1, tuple(self.taglines)))
        if not sections:
            self.warn(self.line_of(heading), "no `## Section` headings found after the name")
        self.check_notes(sections, meta["variants"])
        self.report.raise_errors()
        return Resume(
            name=name,
            target_role=meta["target_role"],
            phone=phone,
            publish_phone=meta["publish_phone"],
            contact=tuple(contact),
            sections=tuple(sections),
            source=self.source,
            warnings=tuple(sorted(self.report.warnings, key=lambda warning: warning.line)),
            name_line=self.line_of(heading),
            paper=meta["paper"],
            variants=meta["variants"],
            pages=meta["pages"],
            theme=meta["theme"],
            design=meta["design"],
            lang=meta["lang"],
        )

    def lift_headings(self, tokens: list[Token]) -> None:
        """Headings at other levels read as the grammar's: the first heading is the name (`#`), the level
        most section headings use is `##` and the levels below it follow; a heading between the name and
        the sections ("## Data Engineer" under "# Name") is read as a line of text."""
        opening = [(index, token) for index, token in enumerate(tokens) if token.type == "heading_open"]
        if not opening:
            return
        texts = [tokens[index + 1].content for index, _ in opening]
        levels = [int(token.tag[1]) for _, token in opening]
        if grammar.section_kind(texts[0]) is not grammar.TEXT:
            return  # "## Experience" first: the name is missing, not at another level
        known = [level for level, text in zip(levels[1:], texts[1:]) if grammar.section_kind(text) is not grammar.TEXT]
        name_level = levels[0]
        section_level = max(set(known), key=known.count) if known else name_level + 1
        if name_level == 1 and section_level == 2:
            return
        line = opening[0][1].map[0] + 1 if opening[0][1].map else 1
        self.warn(
            line,
            f"the name is a `{'#' * name_level}` heading and sections are `{'#' * section_level}`; read as "
            "`# Name` and `## Section` — write them so",
            advice=True,
        )
        for position, (index, token) in enumerate(opening):
            level = int(token.tag[1])
            close = next(i for i in range(index + 1, len(tokens)) if tokens[i].type == "heading_close")
            if position == 0:
                new = 1
            elif level >= section_level:
                new = level - section_level + 2
            elif level > name_level:  # between the name and the sections: a line of text
                for item in (tokens[index], tokens[close]):
                    item.type = item.type.replace("heading", "paragraph")
                    item.tag, item.markup = "p", ""
                continue
            else:
                new = 2  # above the sections' level: a section all the same
            tokens[index].tag = tokens[close].tag = f"h{new}"

    def find_name(self, nodes: list[SyntaxTreeNode]) -> int:
        for index, node in enumerate(nodes):
            if node.type == "heading" and node.tag == "h1":
                return index
            if node.type == "heading":
                raise self.report.fail(
                    self.line_of(node), "expected the `# Name` heading before any other heading"
                )
        line = self.line_of(nodes[0]) if nodes else 1
        raise self.report.fail(line, "missing the `# Name` heading (a line starting with `# `)")

    def contact(
        self, nodes: list[SyntaxTreeNode], name_line: int
    ) -> tuple[list[ContactItem], list[SyntaxTreeNode]]:
        """The contact details: the first paragraph under the name with an email, phone, link or place.

        A line of it without any (a tagline) and blocks before it stay in the resume as text before
        the first section, with a warning.
        """
        before_sections = [n for n in nodes[: next((i for i, n in enumerate(nodes) if n.type == "heading"), len(nodes))]]
        index = next((i for i, node in enumerate(before_sections) if contact_lines(node)), None)
        if index is None:
            self.warn(name_line, f"no contact line under the name; {grammar.expected('contact')}")
            return [], nodes
        node = nodes[index]
        items: list[ContactItem] = []
        for line, parts in contact_lines(node):
            items += [contact_item(part, len(items)) for part in parts]
        if not any(item.kind == "email" for item in items):
            self.warn(self.line_of(node), "the contact line has no email address")
        kept = [plain(line) for line in lines_of(node) if not contact_parts(line)]
        rest = nodes[:index] + nodes[index + 1 :]
        for text in kept:
            self.warn(self.line_of(node), f"'{text[:50]}' under the name is not contact details; kept as text")
            self.taglines.append(text)
        return items, rest

    def contact_section(
        self, nodes: list[SyntaxTreeNode]
    ) -> tuple[list[ContactItem], list[SyntaxTreeNode]] | None:
        """A "## Contact" section (a sidebar's, say) when nothing under the name is contact details."""
        first_heading = next((i for i, n in enumerate(nodes) if n.type == "heading"), len(nodes))
        if any(contact_lines(node) for node in nodes[:first_heading]):
            return None
        for index, node in enumerate(nodes):
            if node.type == "heading" and node.tag == "h2" and grammar.CONTACT_HEADING_RE.match(
                plain(runs(inline_of(node)))
            ):
                end = next((i for i in range(index + 1, len(nodes)) if nodes[i].type == "heading"), len(nodes))
                body = nodes[index + 1 : end]
                items: list[ContactItem] = []
                for child in body:
                    for _, parts in contact_lines(child):
                        items += [contact_item(part, len(items)) for part in parts]
                kept = [plain(line) for child in body for line in lines_of(child) if not contact_parts(line)]
                self.taglines += kept
                return items, nodes[:index] + nodes[end:]
        return None

    # -- hidden notes: variants and bullet ids

    def note_of(self, tokens: list[Token], line: int) -> Note:
        targets: list[str] = []
        ident = ""
        for token in tokens:
            if token.type != "html_inline" or not token.content.startswith("<!--"):
                continue
            note = parse_note(token.content)
            if note is None:
                continue
            for key in sorted(set(note) - set(NOTE_KEYS)):
                self.warn(line, f"unknown key `{key}` in a hidden note (use targets, id)")
            for tag in split_items(note.get("targets", "")):
                if tag and tag.lower() not in targets:
                    targets.append(tag.lower())
            if "id" in note:
                if NAME_RE.match(note["id"]):
                    ident = note["id"]
                else:
                    self.report.error(
                        line, f"id '{note['id']}' must be lower-case letters, digits, '-' or '_'"
                    )
        return Note(tuple(targets), ident)

    def check_notes(self, sections: list[Section], variants: tuple[Variant, ...]) -> None:
        """Every tag names a declared variant, ids are unique, no variant comes out empty."""
        names = [variant.name for variant in variants]
        declared = ", ".join(names) or "no variants declared in the front matter"
        ids: dict[str, int] = {}
        for line, targets, ident in _noted(sections):
            for tag in targets:
                if tag not in names:
                    self.report.error(line, f"target '{tag}' is not a declared variant ({declared})")
            if ident and ident in ids:
                self.report.error(line, f"id '{ident}' is also used on line {ids[ident]}")
            elif ident:
                ids[ident] = line
        for variant in variants:
            self.check_variant(variant, sections)

    def check_variant(self, variant: Variant, sections: list[Section]) -> None:
        kept = [s for s in (section_for(s, variant.name) for s in sections) if s is not None]
        if not any(section_bullets(section) for section in kept):
            self.report.error(
                variant.line,
                f"variant '{variant.name}' would be empty: each bullet is tagged for another variant",
            )
        headings = {section.heading.casefold() for section in sections}
        for heading in variant.sections:
            if heading.casefold() not in headings:
                self.report.error(
                    variant.line,
                    f"variant '{variant.name}' orders a section '{heading}' that resume.md does not have",
                )

    # -- sections

    def sections(self, nodes: list[SyntaxTreeNode]) -> list[Section]:
        groups: list[tuple[SyntaxTreeNode | None, list[SyntaxTreeNode]]] = []
        for node in nodes:
            if node.type == "heading" and node.tag == "h2":
                groups.append((node, []))
            elif node.type == "heading" and node.tag == "h1":
                self.warn(self.line_of(node), "a second `#` heading; read as a `##` section heading")
                groups.append((node, []))
            else:
                if not groups:
                    self.warn(self.line_of(node), "content before the first `## Section` heading")
                    groups.append((None, []))
                groups[-1][1].append(node)
        return [self.section(heading, body) for heading, body in groups]

    def section(self, heading: SyntaxTreeNode | None, body: list[SyntaxTreeNode]) -> Section:
        title = plain(runs(inline_of(heading))) if heading else ""
        line = self.line_of(heading) if heading else self.line_of(body[0])
        if heading is not None and not title:
            self.warn(line, "empty section heading")
        kind = grammar.section_kind(title)
        if any(node.type == "heading" and node.tag == "h3" for node in body) or has_loose_entries(
            self, kind, body
        ):
            return self.entries_section(title, kind, line, body)
        with self.aside() as first_reading:
            paragraphs, items = self.text_blocks(body, kind)
        if kind.one_line and paragraphs and not any(isinstance(i, Entry) for i in items) and has_loose_entries(
            self, kind, body, one_line=True
        ):
            return self.entries_section(title, kind, line, body)  # "School" / "Degree" / "dates" lines
        self.report.keep(first_reading)
        if kind.name == "skills":
            return self.skills_section(title, line, items, body)
        if kind.entry_kind == "degree":
            items = degree_halves_joined(items)
        if kind.one_line:
            entries = tuple(item for item in items if isinstance(item, Entry))
            bullets = tuple(self.as_bullet(item) for item in items if not isinstance(item, Entry))
            return Section(title, kind.name, line, paragraphs, entries=entries, bullets=bullets)
        if kind.entry_kind and (items or paragraphs):
            self.warn(line, f"section '{title}' has no `###` entries; {grammar.expected(_entry_form(kind))}")
        bullets = tuple(self.as_bullet(item) for item in items)
        return Section(title, kind.name, line, paragraphs, bullets=bullets)

    def skills_section(
        self,
        title: str,
        line: int,
        items: list[SkillGroup | Bullet | Entry],
        body: list[SyntaxTreeNode],
    ) -> Section:
        """Skills lines, as list items or as the lines of a paragraph ("Python, Go" or "Tools: Docker"), in the order
        written. Beside list items, a paragraph line that lists nothing ("Languages I use every day:") stays text."""
        groups = [self.as_skill_group(item) for item in items]
        paragraphs: list[str] = []
        for node in (node for node in body if node.type == "paragraph"):
            start = self.line_of(node)
            lines = [(start + offset, plain(run_line)) for offset, run_line in enumerate(split_lines(runs(inline_of(node))))]
            if items and not all(_lists_skills(text) for _, text in lines if text):
                paragraphs.append(plain(runs(inline_of(node))))
                continue
            groups += [self.as_skill_group(Bullet(text, at)) for at, text in lines if text]
        groups.sort(key=lambda group: group.line)
        return Section(title, "skills", line, tuple(paragraphs), skills=tuple(groups))

    def as_skill_group(self, item: SkillGroup | Bullet | Entry) -> SkillGroup:
        if isinstance(item, SkillGroup):
            return item
        bullet = self.as_bullet(item)
        label, colon, rest = bullet.text.partition(":")
        if colon and rest.strip() and 0 < len(label) <= 40 and "," not in label:
            return SkillGroup(label.strip(), tuple(split_list(rest)), bullet.line, bullet.targets)
        self.warn(bullet.line, f"skills line without a label; {grammar.expected('skills_line')}", advice=True)
        items = tuple(split_list(bullet.text))
        return SkillGroup("", items, bullet.line, bullet.targets)

    def as_bullet(self, item: SkillGroup | Bullet | Entry) -> Bullet:
        if isinstance(item, Bullet):
            return item
        if isinstance(item, SkillGroup):  # `**Label:** a, b` outside a skills section: a bullet, in place
            text = f"{item.label}: {', '.join(item.items)}"
            return Bullet(text, item.line, f"**{item.label}:** {', '.join(item.items)}", item.targets)
        return Bullet(item.markdown and plain(runs(inline_tokens(item.markdown))), item.line, item.markdown)

    def text_blocks(
        self, body: list[SyntaxTreeNode], kind: grammar.SectionKind
    ) -> tuple[tuple[str, ...], list[SkillGroup | Bullet | Entry]]:
        """Paragraphs, and the list items in order: skills lines, one-line entries or bullets."""
        paragraphs: list[str] = []
        items: list[SkillGroup | Bullet | Entry] = []
        for node in body:
            if node.type == "paragraph" and kind.one_line and self.one_line_paragraph(node, kind, items):
                continue
            if node.type == "paragraph":
                paragraphs.append(plain(runs(inline_of(node))))
            elif node.type in ("bullet_list", "ordered_list") and kind.one_line:
                items += self.one_line_items(node, kind)
            elif node.type in ("bullet_list", "ordered_list"):
                for bullet, tokens in self.list_items(node):
                    items.append(self.list_item(bullet, tokens, kind))
            else:
                self.unsupported(node)
        return tuple(paragraphs), items

    def one_line_items(self, node: SyntaxTreeNode, kind: grammar.SectionKind) -> list[Bullet | Entry]:
        """Items of a one-line section: an entry takes the items nested under it as its details."""
        found: list[Bullet | Entry] = []
        for item in node.children:
            head = [child for child in item.children if child.type == "paragraph"][:1]
            nested = [child for child in item.children if child.type in ("bullet_list", "ordered_list")]
            if not head:
                found += [bullet for child in nested for bullet, _ in self.list_items(child)]
                continue
            tokens = inline_of(head[0])
            bullet = self.bullet([plain(runs(tokens))], [without_comments(head[0].children[0].content)], tokens, self.line_of(item))
            entry = self.list_item(bullet, tokens, kind)
            details = [detail for child in nested for detail, _ in self.list_items(child)]
            if isinstance(entry, Entry):
                found.append(dataclasses.replace(entry, bullets=entry.bullets + tuple(details)))
            else:
                if details:
                    self.warn(self.line_of(nested[0]), "nested list flattened into separate bullets", advice=True)
                found += [entry, *details] if isinstance(entry, Bullet) else details
        return found

    def list_item(self, bullet: Bullet, tokens: list[Token], kind: grammar.SectionKind) -> SkillGroup | Bullet | Entry:
        group = skill_group(bullet)
        if group is not None:  # a `**Label:** a, b` item is a skills line only under a skills heading
            return group if kind.name == "skills" else bullet
        if kind.one_line and kind.entry_kind:
            entry = self.one_line_entry(runs(tokens), bullet, kind.entry_kind)
            if entry is not None:
                return entry
        return bullet

    def one_line_paragraph(
        self, node: SyntaxTreeNode, kind: grammar.SectionKind, items: list[SkillGroup | Bullet | Entry]
    ) -> bool:
        """Lines of a paragraph that each start in bold are one-line entries (no `- ` needed)."""
        lines = [line for line in split_lines(runs(inline_of(node))) if plain(line)]
        if not lines or kind.entry_kind is None:
            return False
        if kind.entry_kind == "degree" and len(lines) > 1 and not all(DEGREE_RE.search(plain(line)) for line in lines):
            return False  # "School, City" over "Degree | years": one entry on several lines
        start = self.line_of(node)
        if kind.entry_kind == "degree" and len(lines) == 1 and parse_date_range(plain(lines[0])):
            # dates on a line of their own beside a degree (a left date column): joined to it below
            dates = plain(lines[0])
            items.append(Entry("degree", "", "", "", dates, parse_date_range(dates), (), None, (), start, one_line=True))
            return True
        bullets = [Bullet(plain(line), start + offset) for offset, line in enumerate(lines)]
        entries = [self.one_line_entry(line, bullet, kind.entry_kind) for line, bullet in zip(lines, bullets)]
        if not all(entries):
            return False
        items.extend(entry for entry in entries if entry is not None)
        return True

    def one_line_entry(self, line_runs: list[Run], bullet: Bullet, kind: EntryKind) -> Entry | None:
        found: OneLine | None = read_one_line(line_runs, kind)
        if found is None:
            return None
        for problem in found.problems:
            self.warn(bullet.line, f"{problem}; {grammar.expected('one_line_entry')}")
        return Entry(
            kind=kind,
            title=found.title,
            organisation=found.organisation,
            location=found.location,
            dates=found.dates,
            period=parse_date_range(found.dates) if found.dates else None,
            tech=(),
            link=found.link,
            bullets=(Bullet(found.authors, bullet.line),) if found.authors else (),
            line=bullet.line,
            targets=bullet.targets,
            one_line=True,
            markdown=bullet.markdown,
        )

    def unsupported(self, node: SyntaxTreeNode) -> None:
        if _is_comment(node):
            return
        what = _UNSUPPORTED.get(node.type, f"a {node.type.replace('_', ' ')}")
        self.warn(self.line_of(node), f"{what} is not part of the resume layout and is left out of the PDF")

    def list_items(self, node: SyntaxTreeNode) -> list[tuple[Bullet, list[Token]]]:
        found: list[tuple[Bullet, list[Token]]] = []
        for item in node.children:
            texts: list[str] = []
            sources: list[str] = []
            tokens: list[Token] = []
            line = self.line_of(item)
            for child in item.children:
                if child.type == "paragraph":
                    texts.append(plain(runs(inline_of(child))))
                    sources.append(without_comments(child.children[0].content))
                    tokens += inline_of(child)
                elif child.type in ("bullet_list", "ordered_list"):
                    self.warn(self.line_of(child), "nested list flattened into separate bullets", advice=True)
                    after = self.list_items(child)
                    if texts:
                        found.append((self.bullet(texts, sources, tokens, line), tokens))
                    found.extend(after)
                    texts, sources, tokens = [], [], []
                elif not _is_comment(child):
                    self.unsupported(child)
            if texts:
                found.append((self.bullet(texts, sources, tokens, line), tokens))
        return [(bullet, tokens) for bullet, tokens in found if bullet.text]

    def bullet(self, texts: list[str], sources: list[str], tokens: list[Token], line: int) -> Bullet:
        note = self.note_of(tokens, line)
        if "<!--" in " ".join(texts):
            self.warn(line, "`<!--` shows as text here: a hidden note cannot hold `--` (use one `-`)")
        return Bullet(" ".join(texts), line, " ".join(sources), note.targets, note.id)

    # -- entries

    def entries_section(
        self, title: str, kind: grammar.SectionKind, line: int, body: list[SyntaxTreeNode]
    ) -> Section:
        return entries_section(self, title, kind, line, body)


def _entry_form(kind: grammar.SectionKind) -> str:
    """The entry line to suggest: only projects, jobs and volunteering get here (the one-line kinds do not)."""
    return "project_title" if kind.entry_kind == "project" else "entry_title"


def skill_group(bullet: Bullet) -> SkillGroup | None:
    """`- **Label:** a, b, c` (the colon inside or right after the bold); None for any other item."""
    match = grammar.SKILLS_LINE_RE.match(bullet.markdown)
    if not match:
        return None
    label = plain(runs(inline_tokens(match["label"]))).rstrip(":")
    items_text = plain(runs(inline_tokens(match["items"])))
    items = tuple(item.strip() for item in split_items(items_text) if item.strip())
    return SkillGroup(label, items, bullet.line, bullet.targets)


def _lists_skills(text: str) -> bool:
    """"Cloud: AWS, GCP" or "Terraform, Helm": a line that lists something."""
    label, colon, rest = text.partition(":")
    return bool(colon and rest.strip() or "," in label)


def _holds_anything(section: Section) -> bool:
    return bool(section.paragraphs or section.bullets or section.entries or section.skills)


def _name_and_tagline(heading: str) -> tuple[str, str]:
    """"Hiroshi Tanaka — Backend / Distributed Systems" -> the name and the tagline after it."""
    for separator in (" — ", " – ", " | ", " · ", " - "):
        name, found, tagline = heading.partition(separator)
        if found and name.strip() and tagline.strip() and len(name.split()) <= 5:
            return name.strip(), tagline.strip()
    return heading, ""


def _is_comment(node: SyntaxTreeNode) -> bool:
    return node.type == "html_block" and node.content.lstrip().startswith("<!--")


def _noted(sections: list[Section]):  # noqa: ANN202 - yields (line, targets, id)
    """(line, targets, id) of every bullet, entry and skills line, in file order."""
    found = []
    for section in sections:
        found += [(group.line, group.targets, "") for group in section.skills]
        found += [(bullet.line, bullet.targets, bullet.id) for bullet in section.bullets]
        for entry in section.entries:
            found.append((entry.line, entry.targets, ""))
            found += [(bullet.line, bullet.targets, bullet.id) for bullet in entry.bullets]
    return sorted(found, key=lambda item: item[0])
