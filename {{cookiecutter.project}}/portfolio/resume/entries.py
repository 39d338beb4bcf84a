"""Entries: jobs, degrees, projects under a section, in the canonical form or as other people write them.

Canonical: `### Title` then `**Organisation** | City, ST | *dates*`, or `### Name | *tech* | [link](url)`.
Anything else that is plainly an entry is read by what its fields look like (`fields.classify`): a heading
"Title, Company" or "Company — Title", a bold or dated line with no heading, a company heading with two
roles under it, an item of a list with the bullets nested under it. Each such entry gets one warning at
its line that shows the canonical form; nothing in it is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from markdown_it.tree import SyntaxTreeNode

from . import grammar
from .grammar import DEGREE_RE
from .contact import DOMAIN_RE, as_url
from .dates import has_dates, looks_like_dates, parse_date_range
from .fields import Fields, classify, is_place, line_pieces, pieces, title_score
from .inline import Part, Run, inline_of, plain, runs, split_fields, split_items, split_lines
from .lines import degree_halves_joined
from .model import Bullet, Entry, EntryKind, Link, Section

if TYPE_CHECKING:
    from .parser import _Parser

_HEAD_SEPARATORS = ("|", "·", "•", " — ", " – ", " @ ")
_MAX_HEAD_WORDS = 18


def entries_section(
    p: _Parser, title: str, kind: grammar.SectionKind, line: int, body: list[SyntaxTreeNode]
) -> Section:
    """A section with `###` entries, or one whose entries are written some other way."""
    if any(_is_heading(node, 3) for node in body):
        intro, groups = _split_at(body, lambda node: _is_heading(node, 3))
        paragraphs, items = p.text_blocks(intro, kind if kind.one_line else grammar.TEXT)
        if kind.entry_kind == "degree":  # a line of dates alone joins the degree beside it, else stays text
            items = degree_halves_joined(items)
        if paragraphs or any(not isinstance(item, Entry) for item in items):
            p.warn(p.line_of(intro[0]), f"text before the first `###` entry of '{title}'")
        entries = [item for item in items if isinstance(item, Entry)]
        entries += [entry for head, nodes in groups for entry in heading_entry(p, head, nodes, kind)]
        bullets = tuple(p.as_bullet(item) for item in items if not isinstance(item, Entry))
        return Section(title, kind.name, line, paragraphs, entries=tuple(entries), bullets=bullets)
    reader = _Loose(p, kind)
    entries, paragraphs, bullets = reader.read(body)
    return Section(title, kind.name, line, tuple(paragraphs), entries=tuple(entries), bullets=tuple(bullets))


def has_loose_entries(
    p: _Parser, kind: grammar.SectionKind, body: list[SyntaxTreeNode], *, one_line: bool = False
) -> bool:
    """Whether a section without `###` headings still holds entries (a bold or dated line, a `####`).

    Sections of one-line entries ask only when their lines were not one-line entries (`one_line`).
    """
    if kind is grammar.TEXT:  # a heading the grammar does not know: entries only where a head has dates
        return any(_starts_entry(p, node, kind) and _has_dates(node) for node in body)
    if kind.entry_kind is None or kind.one_line and not one_line:
        return False
    return any(
        _is_heading(node)
        or _starts_entry(p, node, kind)
        or bool(_item_heads(node))
        or (kind.entry_kind == "project" and _Loose(p, kind).described_items(node) != [])
        for node in body
    )


# --------------------------------------------------------------------------- `###` headings


def heading_entry(p: _Parser, head: SyntaxTreeNode, body: list[SyntaxTreeNode], kind: grammar.SectionKind) -> list[Entry]:
    """The entry under a `###` heading: canonical when it is, else read by its fields (maybe several roles)."""
    with p.aside() as canonical:
        entry = _canonical(p, head, body, kind)
    if entry.organisation or entry.kind == "project" or kind.entry_kind is None:
        p.report.keep(canonical)
        return [entry]
    head_lines = [(p.line_of(head), runs(inline_of(head)))]
    with p.aside() as by_fields:
        note = p.note_of(inline_of(head), p.line_of(head))
        loose = _Loose(p, kind).group(head_lines, body, note.targets)
    if all(not (e.organisation or e.dates or e.location) for e in loose):
        # nothing but a title either way ("### Analyst" and its bullets): the canonical reading says what is missing
        p.report.keep(canonical)
        return [entry]
    p.report.keep(by_fields)
    return loose


def _canonical(p: _Parser, head: SyntaxTreeNode, body: list[SyntaxTreeNode], kind: grammar.SectionKind) -> Entry:
    line = p.line_of(head)
    note = p.note_of(inline_of(head), line)
    if note.id:
        p.warn(line, "an `id` belongs on a bullet, not on an entry heading")
    fields = split_fields(runs(inline_of(head)))
    title = fields[0].text
    if not title:
        p.warn(line, "entry heading has no title before the first `|`")
    info = _EntryInfo()
    for part in fields[1:]:
        _heading_field(p, info, part, line)
    bullets: list[Bullet] = []
    paragraphs: list[str] = []
    for index, node in enumerate(body):
        if node.type == "paragraph" and index == 0 and not info.organisation:
            paragraphs.extend(_details_line(p, info, node))
        elif node.type == "paragraph":
            p.warn(p.line_of(node), "a paragraph inside an entry; use `- ` bullets")
            paragraphs.append(plain(runs(inline_of(node))))
        elif node.type in ("bullet_list", "ordered_list"):
            bullets.extend(bullet for bullet, _ in p.list_items(node))
        else:
            p.unsupported(node)
    entry_kind = _entry_kind(kind, info)
    _check_entry(p, info, title, line, entry_kind)
    return Entry(
        kind=entry_kind,
        title=title,
        organisation=info.organisation,
        location=info.location,
        dates=info.dates,
        period=parse_date_range(info.dates) if info.dates else None,
        tech=info.tech,
        link=info.link,
        bullets=tuple(bullets),
        line=line,
        paragraphs=tuple(paragraphs),
        targets=note.targets,
    )


def _heading_field(p: _Parser, info: _EntryInfo, part: Part, line: int) -> None:
    """A field after the title in `### Name | *tech* | [link](url)`."""
    if not part.text:
        return
    if part.href or (not part.em and DOMAIN_RE.match(part.text)):
        info.link = Link(part.text, part.href or as_url(part.text))
    elif parse_date_range(part.text):
        info.set_dates(part.text, p, line)
    elif part.em and not info.tech:
        info.tech = tuple(item.strip() for item in split_items(part.text) if item.strip())
    elif part.strong and not info.organisation:
        info.organisation = part.text
    elif not info.location:
        info.location = part.text
    else:
        p.warn(line, f"extra field '{part.text}' in the entry heading")
        info.location = f"{info.location}, {part.text}"


def _details_line(p: _Parser, info: _EntryInfo, node: SyntaxTreeNode) -> list[str]:
    """`**Organisation** | City, ST | *Month YYYY – Month YYYY*`; returns leftover lines."""
    line = p.line_of(node)
    lines = split_lines(runs(inline_of(node)))
    fields = split_fields(lines[0])
    if len(fields) == 1 and not fields[0].strong and parse_date_range(fields[0].text):
        p.warn(line, f"dates on a line of their own; {grammar.expected('entry_details')}", advice=True)
        info.set_dates(fields[0].text, p, line)
        return [plain(run_line) for run_line in lines[1:] if plain(run_line)]
    if not any(part.strong for part in fields):  # not the canonical line: `_Loose` reads it
        p.warn(line, "a paragraph inside an entry; use `- ` bullets")
        return [plain(run_line) for run_line in lines]
    for part in fields:
        _details_field(p, info, part, line)
    leftovers = [plain(run_line) for run_line in lines[1:] if plain(run_line)]
    if leftovers:
        p.warn(line + 1, "text after the `**Organisation** | City | *dates*` line; use bullets")
    return leftovers


def _details_field(p: _Parser, info: _EntryInfo, part: Part, line: int) -> None:
    if not part.text:
        return
    if part.strong and not info.organisation and not parse_date_range(part.text):
        info.organisation = part.text
        if part.href:
            info.link = Link(part.text, part.href)
    elif part.em or part.strong or looks_like_dates(part.text):
        info.set_dates(part.text, p, line)
    elif part.href:
        info.link = Link(part.text, part.href)
    elif not info.location:
        info.location = part.text
    else:
        p.warn(line, f"extra field '{part.text}'; expected Organisation | City, ST | dates")
        info.location = f"{info.location}, {part.text}"


def _check_entry(p: _Parser, info: _EntryInfo, title: str, line: int, kind: EntryKind) -> None:
    if kind != "project" and not info.organisation and not info.tech:
        p.warn(line, f"entry '{title}' has no organisation line under it; {grammar.expected('entry_details')}")
    elif info.organisation and not info.dates:
        p.warn(line, "no dates (`*Month YYYY – Month YYYY*`) for this entry")
    if info.dates and not parse_date_range(info.dates):
        p.warn(line, f"cannot read the dates '{info.dates}'; use 'Month YYYY – Month YYYY|Present'")


def _entry_kind(kind: grammar.SectionKind, info: _EntryInfo) -> EntryKind:
    """The section says what its entries are; under a heading the grammar does not know, the form does."""
    if kind.entry_kind is not None:
        return kind.entry_kind
    return "job" if info.organisation else "project"


@dataclass
class _EntryInfo:
    organisation: str = ""
    location: str = ""
    dates: str = ""
    tech: tuple[str, ...] = ()
    link: Link | None = None

    def set_dates(self, text: str, p: _Parser, line: int) -> None:
        if self.dates:
            p.warn(line, f"second date field '{text}' ignored")
            return
        self.dates = text


# --------------------------------------------------------------------------- entries in other styles


HeadLine = tuple[int, list[Run]]


@dataclass
class _Group:
    head: list[HeadLine]
    body: list[SyntaxTreeNode] = field(default_factory=list)
    targets: tuple[str, ...] = ()
    bullets: list[Bullet] = field(default_factory=list)  # read from the head line itself


class _Loose:
    """Entries read by what their lines look like, not by where they stand."""

    def __init__(self, p: _Parser, kind: grammar.SectionKind) -> None:
        self.p = p
        self.kind = kind
        self.entry_kind: EntryKind = kind.entry_kind or "job"

    def read(self, body: list[SyntaxTreeNode]) -> tuple[list[Entry], list[str], list[Bullet]]:
        """The entries of a section without `###` headings, and what stands before the first one."""
        groups: list[_Group] = []
        before: list[SyntaxTreeNode] = []
        for node in body:
            if _is_heading(node) and not (groups and self.holds_roles(groups[-1], node)):
                groups.append(_Group([(self.p.line_of(node), runs(inline_of(node)))]))
            elif _is_heading(node):
                groups[-1].body.append(node)
            elif listed := self.item_entries(node) or (self.entry_kind == "project" and self.described_items(node)):
                groups += listed
            elif _starts_entry(self.p, node, self.kind) and not (groups and self.continues(groups[-1], node)):
                groups.append(_Group(_head_lines(self.p, node)))
            elif groups:
                groups[-1].body.append(node)
            else:
                before.append(node)
        paragraphs, items = self.p.text_blocks(before, grammar.TEXT)
        entries = [entry for group in groups for entry in self.group(group.head, group.body, group.targets, group.bullets)]
        return entries, list(paragraphs), [self.p.as_bullet(item) for item in items]

    def continues(self, group: _Group, node: SyntaxTreeNode) -> bool:
        """A head-like line that belongs to the group before it: no bullets came yet, or it names a role
        of the company that group's first line names ("**Stripe**", then "*Engineer* · 2019 – 2021")."""
        new = classify(line_pieces(_head_lines(self.p, node)), self.entry_kind)
        if not any(child.type in ("bullet_list", "ordered_list") for child in group.body):
            lines = group.head + [line for child in group.body for line in _head_lines(self.p, child)]
            return not (_complete(classify(line_pieces(lines), self.entry_kind)) and _complete(new))
        company = classify(pieces(group.head[0][1]), self.entry_kind)
        # "**Analyst**" alone after "**Globex**"'s bullets is an entry of its own, set as the company is
        sibling = _starts_strong(group.head[0][1]) and _starts_strong(_head_lines(self.p, node)[0][1]) and not new.dates
        return bool(company.organisation and not company.title and new.title and not new.organisation and not sibling)

    def holds_roles(self, group: _Group, heading: SyntaxTreeNode) -> bool:
        """A `####` role under a company written as a line of its own ("**Stripe** | Remote", then "#### Staff
        Engineer, Payments | 2021 – Present", and more roles): the company line names no title, each heading
        one ("#### Globex | 2017 – 2019" names none: an entry of its own)."""
        if len(group.head) > 1 or group.body and not _is_heading(group.body[0]):
            return False
        return _company_only(classify(pieces(group.head[0][1]), self.entry_kind)) and bool(
            classify(pieces(runs(inline_of(heading))), self.entry_kind).title
        )

    def described_items(self, node: SyntaxTreeNode) -> list[_Group]:
        """`- [name](url) — what it is` or `- **Name**: what it is`: a project and its one bullet."""
        if node.type not in ("bullet_list", "ordered_list"):
            return []
        groups = []
        for item in node.children:
            first = item.children[0] if item.children else None
            if first is None or first.type != "paragraph":
                return []
            line = runs(inline_of(first))
            lead = [run for run in line if run.text.strip()][:1]
            if not lead or not (lead[0].href or lead[0].strong):
                return []
            head_end = next(i for i, run in enumerate(line) if run is lead[0]) + 1
            rest = plain(line[head_end:])
            description = rest.lstrip(" —–-:").strip()
            if not description or rest[:3].strip()[:1] not in ("—", "–", "-", ":"):
                return []
            item_line = self.p.line_of(item)
            bullet = Bullet(description, item_line)
            groups.append(_Group([(item_line, line[:head_end])], list(item.children[1:]), (), [bullet]))
        return groups

    def item_entries(self, node: SyntaxTreeNode) -> list[_Group]:
        """`- **Title**, Company — City (dates)` items with their bullets nested under them."""
        return [_Group(_head_lines(self.p, head), body) for head, body in _item_heads(node)]

    def group(
        self,
        head: list[HeadLine],
        body: list[SyntaxTreeNode],
        targets: tuple[str, ...] = (),
        bullets: list[Bullet] | None = None,
    ) -> list[Entry]:
        """One entry, or one per role when a company heading holds several ("**Title** · dates")."""
        heads = [i for i, node in enumerate(body) if _is_role_head(node)]
        # "**Company** | City" and "*First Title* | *dates*" on one paragraph, a later role below it
        joined = bool(heads) and len(head) > 1 and self.names_role(head[-1][1]) and not self.names_role(head[0][1])
        # a `####` role under a company line, read with what the company line says ("Engineer, Payments": a team)
        one_role = heads[:1] == [0] and _is_heading(body[0]) and _company_only(classify(line_pieces(head), self.entry_kind))
        if len(heads) + joined < 2 and not one_role:
            lead, rest = self.lead(body)
            head = head + lead
            found = classify(line_pieces(head), self.entry_kind)
            return [self.entry(head, found, rest, targets, bullets=bullets)]
        if joined:
            company, roles = head[:-1], [([head[-1]], body[: heads[0]])]
        else:
            company, roles = head + [line for node in body[: heads[0]] for line in _head_lines(self.p, node)], []
        roles += [self.lead(body[start:end]) for start, end in zip(heads, [*heads[1:], len(body)])]
        known = classify(line_pieces(company), self.entry_kind)
        entries = []
        for lead, rest in roles:
            role = Fields(organisation=known.organisation, location=known.location)
            found = classify(line_pieces(lead), self.entry_kind, role)
            entries.append(self.entry(lead, found, rest, targets, company=company))
        return entries

    def names_role(self, line: list[Run]) -> bool:
        """A head line with a job title and dates and no organisation: one role of a company."""
        found = classify(pieces(line), self.entry_kind)
        return bool(title_score(plain(line)) and found.dates and not found.organisation)

    def lead(self, body: list[SyntaxTreeNode]) -> tuple[list[HeadLine], list[SyntaxTreeNode]]:
        """The head-like lines (`####` headings, short dated or styled lines) before the first list."""
        index = 0
        while index < len(body) and (
            _is_heading(body[index]) or body[index].type == "paragraph" and _looks_like_head(body[index])
        ):
            index += 1
        return [line for node in body[:index] for line in _head_lines(self.p, node)], body[index:]

    def entry(
        self,
        head: list[HeadLine],
        found: Fields,
        body: list[SyntaxTreeNode],
        targets: tuple[str, ...],
        company: list[HeadLine] | None = None,
        bullets: list[Bullet] | None = None,
    ) -> Entry:
        line = head[0][0] if head else (company[0][0] if company else 1)
        bullets = list(bullets or [])
        paragraphs: list[str] = []
        for node in body:
            if node.type in ("bullet_list", "ordered_list"):
                bullets.extend(bullet for bullet, _ in self.p.list_items(node))
            elif node.type == "paragraph":
                self.p.warn(self.p.line_of(node), "a paragraph inside an entry; use `- ` bullets")
                paragraphs.append(plain(runs(inline_of(node))))
            elif not _is_heading(node):
                self.p.unsupported(node)
        if found.extra:
            extra = ", ".join(found.extra)
            self.p.warn(line, f"'{extra}' is not a title, organisation, place or date; kept as a paragraph")
            paragraphs.insert(0, extra)
        shape = " / ".join(plain(runs_line) for _, runs_line in (company or []) + head)
        self.p.warn(
            line, f"entry '{_short(shape)}' read by its fields; {_canonical_form(self.entry_kind)}", advice=True
        )
        if found.dates and not parse_date_range(found.dates):
            self.p.warn(line, f"cannot read the dates '{found.dates}'")
        title = found.title or (found.organisation if self.entry_kind == "project" else "")
        return Entry(
            kind=self.entry_kind,
            title=title,
            organisation="" if self.entry_kind == "project" and title == found.organisation else found.organisation,
            location=found.location,
            dates=found.dates,
            period=parse_date_range(found.dates) if found.dates else None,
            tech=found.tech,
            link=found.link,
            bullets=tuple(bullets),
            line=line,
            paragraphs=tuple(paragraphs),
            targets=targets,
        )


def _company_only(found: Fields) -> bool:
    return bool(found.organisation and not found.title)


def _complete(found: Fields) -> bool:
    """Fields that make an entry on their own: who, and what or when."""
    return bool(found.organisation and (found.title or found.dates))


def _canonical_form(kind: EntryKind) -> str:
    if kind == "project":
        return grammar.expected("project_title")
    return f"write it as `{grammar.FORMS['entry_title'].example}` then `{grammar.FORMS['entry_details'].example}`"


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _is_heading(node: SyntaxTreeNode, level: int | None = None) -> bool:
    if node.type != "heading":
        return False
    return int(node.tag[1]) == level if level else int(node.tag[1]) >= 3


def _split_at(body: list[SyntaxTreeNode], starts) -> tuple[list[SyntaxTreeNode], list[tuple[SyntaxTreeNode, list[SyntaxTreeNode]]]]:  # noqa: ANN001
    intro: list[SyntaxTreeNode] = []
    groups: list[tuple[SyntaxTreeNode, list[SyntaxTreeNode]]] = []
    for node in body:
        if starts(node):
            groups.append((node, []))
        elif groups:
            groups[-1][1].append(node)
        else:
            intro.append(node)
    return intro, groups


def _head_lines(p: _Parser, node: SyntaxTreeNode) -> list[HeadLine]:
    start = p.line_of(node)
    lines = split_lines(runs(inline_of(node)))
    return [(start + offset, line) for offset, line in enumerate(lines) if plain(line)]


def _looks_like_head(node: SyntaxTreeNode) -> bool:
    """A short line that starts in bold, italics or a link, or holds dates or field separators."""
    lines = [line for line in split_lines(runs(inline_of(node))) if plain(line)]
    if not lines or len(lines) > 5:
        return False
    short = all(len(plain(line).split()) <= _MAX_HEAD_WORDS for line in lines)
    return short and (_head_line(lines[0]) or is_place(plain(lines[0])))


def _head_line(line: list[Run]) -> bool:
    text = plain(line)
    first = next((run for run in line if run.text.strip()), None)
    styled = first is not None and (first.strong or first.em or bool(first.href))
    # "**SwiftCSV-Lite** — open-source CSV parser, 600 stars." : a styled name may end in a sentence
    if not text or len(text.split()) > _MAX_HEAD_WORDS or text.endswith(".") and not styled:
        return False
    named = len(text.split()) <= 10 and bool(title_score(text) or DEGREE_RE.search(text))
    return styled or named or has_dates(text) or any(sep in text for sep in _HEAD_SEPARATORS)


def _item_heads(node: SyntaxTreeNode) -> list[tuple[SyntaxTreeNode, list[SyntaxTreeNode]]]:
    """`- **Title**, Company — City (dates)` items, each with the bullets nested under it."""
    if node.type not in ("bullet_list", "ordered_list"):
        return []
    found = []
    for item in node.children:
        first = item.children[0] if item.children else None
        nested = [child for child in item.children[1:] if child.type in ("bullet_list", "ordered_list")]
        if first is None or first.type != "paragraph" or not nested or not _looks_like_head(first):
            return []
        found.append((first, list(item.children[1:])))
    return found


def _has_dates(node: SyntaxTreeNode) -> bool:
    return has_dates(plain(runs(inline_of(node))))


def _is_role_head(node: SyntaxTreeNode) -> bool:
    """A `####` heading, or a short line naming a job title, that starts one role under a company."""
    if _is_heading(node):
        return True
    if node.type != "paragraph" or not _looks_like_head(node):
        return False
    first = next((line for line in split_lines(runs(inline_of(node))) if plain(line)), [])
    return title_score(plain(first)) > 0


def _starts_strong(line: list[Run]) -> bool:
    first = next((run for run in line if run.text.strip()), None)
    return first is not None and first.strong


def _starts_entry(p: _Parser, node: SyntaxTreeNode, kind: grammar.SectionKind) -> bool:
    return node.type == "paragraph" and _looks_like_head(node)
