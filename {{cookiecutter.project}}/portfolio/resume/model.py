"""The resume as typed values. Every output works from these; the parser makes them, the writer prints them.

Kinds are explicit: a `Section` has the kind its heading names in the grammar (`grammar.SECTIONS`), and an
`Entry` has the kind the parser gave it (a job, degree, project, credential, ...), so no output infers
what an entry is from which of its fields are empty.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Literal

from .dates import DateRange
from .problems import ResumeError, ResumeWarning

EntryKind = Literal["job", "degree", "project", "volunteer", "credential", "publication", "award"]
ENTRY_KINDS: tuple[EntryKind, ...] = (
    "job",
    "degree",
    "project",
    "volunteer",
    "credential",
    "publication",
    "award",
)
SectionKindName = Literal[
    "summary",
    "skills",
    "experience",
    "projects",
    "education",
    "volunteer",
    "certificates",
    "awards",
    "publications",
    "interests",
    "text",
]


@dataclass(frozen=True)
class Link:
    text: str
    url: str


@dataclass(frozen=True)
class ContactItem:
    """One item of the contact line. kind: location|email|phone|github|linkedin|website|other."""

    kind: str
    text: str
    url: str | None = None


@dataclass(frozen=True)
class Bullet:
    text: str  # plain text, inline Markdown and HTML comments removed
    line: int
    markdown: str = ""  # the item's inline Markdown as written, without HTML comments
    targets: tuple[str, ...] = ()  # variants from `<!-- targets: a, b -->`; () = every variant
    id: str = ""  # from `<!-- id: name -->`: what a STAR story's `<!-- backs: name -->` links to


@dataclass(frozen=True)
class SkillGroup:
    label: str
    items: tuple[str, ...]
    line: int
    targets: tuple[str, ...] = ()


@dataclass(frozen=True)
class Entry:
    """A job, degree, project, credential, publication or award.

    `one_line` is True for an entry written on one line (`- **Name**, Issuer | *date*`) rather than
    as a `###` heading with its details under it; the PDF lays such an entry out on one row.
    """

    kind: EntryKind
    title: str
    organisation: str
    location: str
    dates: str  # as written, "" when absent
    period: DateRange | None
    tech: tuple[str, ...]
    link: Link | None
    bullets: tuple[Bullet, ...]
    line: int
    paragraphs: tuple[str, ...] = ()  # free text under the entry (kept, but off the grammar)
    targets: tuple[str, ...] = ()  # from a comment on the `###` line; () = every variant
    one_line: bool = False
    markdown: str = ""  # a one-line entry's inline Markdown as written

    @property
    def layout(self) -> Literal["job", "project", "line"]:
        """How outputs lay it out: organisation over title ("job"), name with tech and link ("project"),
        or name, organisation and date on one row ("line": a one-line credential, publication, award)."""
        if self.one_line and self.kind != "degree":
            return "line"
        return "job" if self.organisation else "project"

    @property
    def links_organisation(self) -> bool:
        """Its link is its organisation's name ("**[Initech](…)**"): written as that name, linked, not again."""
        return bool(self.link and self.organisation and self.link.text == self.organisation)

    @property
    def is_project(self) -> bool:
        return self.layout == "project"


@dataclass(frozen=True)
class Section:
    """A `##` section; `kind` is what its heading names (see grammar.SECTIONS), "text" when nothing."""

    heading: str
    kind: SectionKindName
    line: int
    paragraphs: tuple[str, ...] = ()
    skills: tuple[SkillGroup, ...] = ()
    entries: tuple[Entry, ...] = ()
    bullets: tuple[Bullet, ...] = ()  # list items that are not entries or skills lines


@dataclass(frozen=True)
class Variant:
    """A tailored copy of the resume, declared under `variants:` in the front matter."""

    name: str
    role: str  # replaces target_role for this variant ("" keeps it)
    sections: tuple[str, ...]  # section headings to put first, in this order
    line: int


@dataclass(frozen=True)
class Resume:
    name: str
    target_role: str
    phone: str
    publish_phone: bool
    contact: tuple[ContactItem, ...]
    sections: tuple[Section, ...]
    source: Path
    warnings: tuple[ResumeWarning, ...] = ()
    name_line: int = 1
    paper: str = "us-letter"  # front matter `paper:` us-letter or a4
    variants: tuple[Variant, ...] = ()
    pages: int = 1  # front matter `pages:` 1, or 2 for a long career on purpose
    theme: str = "jake"  # front matter `theme:` (portfolio/themes/)
    design: tuple[tuple[str, object], ...] = ()  # front matter `design:` overrides, checked, as written
    lang: str = "en"  # front matter `lang:`, a BCP 47 tag: the PDF's and the page's language

    def variant(self, name: str) -> Resume:
        """The resume as `name` sees it: untagged content plus content tagged for `name`."""
        chosen = next((v for v in self.variants if v.name == name), None)
        if chosen is None:
            declared = ", ".join(v.name for v in self.variants) or "none"
            raise ResumeError(self.source, 1, f"no variant '{name}' (declared: {declared})")
        sections = [s for s in (section_for(s, name) for s in self.sections) if s is not None]
        order = {heading.casefold(): i for i, heading in enumerate(chosen.sections)}
        sections.sort(key=lambda s: order.get(s.heading.casefold(), len(order)))
        return dataclasses.replace(
            self, sections=tuple(sections), target_role=chosen.role or self.target_role
        )

    def with_phone(self, phone: str) -> Resume:
        """This resume with `phone` in the contact line (after the email), replacing any other number."""
        from .contact import with_phone

        others = [item for item in self.contact if item.kind != "phone"]
        return dataclasses.replace(self, phone=phone, contact=with_phone(others, phone))

    def public(self) -> Resume:
        """This resume as published: without the phone number unless publish_phone is true."""
        if self.publish_phone:
            return self
        contact = tuple(item for item in self.contact if item.kind != "phone")
        return dataclasses.replace(self, phone="", contact=contact)

    @property
    def email(self) -> str:
        return next((item.text for item in self.contact if item.kind == "email"), "")

    @property
    def summary(self) -> str:
        section = self.section_of_kind("summary")
        return " ".join(section.paragraphs) if section else ""

    def section_of_kind(self, kind: str) -> Section | None:
        return next((section for section in self.sections if section.kind == kind), None)

    def entries(self) -> Iterator[Entry]:
        for section in self.sections:
            yield from section.entries

    def all_bullets(self) -> Iterator[Bullet]:
        for section in self.sections:
            yield from section.bullets
            for entry in section.entries:
                yield from entry.bullets


def _wanted(targets: tuple[str, ...], name: str) -> bool:
    return not targets or name in targets


def section_for(section: Section, name: str) -> Section | None:
    """A section with only the content variant `name` keeps; None when nothing is left."""
    entries = tuple(
        dataclasses.replace(e, bullets=tuple(b for b in e.bullets if _wanted(b.targets, name)))
        for e in section.entries
        if _wanted(e.targets, name)
    )
    skills = tuple(group for group in section.skills if _wanted(group.targets, name))
    bullets = tuple(b for b in section.bullets if _wanted(b.targets, name))
    holds_items = bool(section.entries or section.skills) or section.kind == "skills"
    if holds_items and not (entries or skills or bullets):
        return None
    return dataclasses.replace(section, entries=entries, skills=skills, bullets=bullets)


def section_bullets(section: Section) -> list[Bullet]:
    return [*section.bullets, *(bullet for entry in section.entries for bullet in entry.bullets)]
