"""The resume model: the one reader of resume.md.

Every output (PDF, HTML, ATS check, keyword match) works from the `Resume` this module returns,
so the source convention is interpreted in exactly one place.

Source convention (see README.md):

    ---
    target_role: "Backend Software Engineer"
    phone: ""
    publish_phone: false
    pages: 1                   # 2 allows a two-page resume on purpose
    variants:                  # optional
      - {name: backend, role: "Backend Engineer", sections: [Experience, Projects]}
    ---
    # Name
    City, ST | me@example.com | github.com/me
    ## Professional Summary
    ## Technical Skills        - **Label:** a, b, c
    ## Projects                ### Name | *tech, tech*            then "- " bullets
    ## Experience              ### Title
                               **Organisation** | City, ST | *Month YYYY – Present*   then bullets

Hidden notes: a trailing HTML comment on a bullet, a `###` line or a skills line,
`<!-- targets: backend, data; id: k8s-migration -->`, tags it for the variants declared under
`variants:` in the front matter (untagged content belongs to every variant) and gives a bullet an
id that a STAR story can back. The comment never reaches any output; `Resume.variant(name)` is the
resume one variant sees. A tag no variant declares, a duplicate id or an empty variant is an error.

A line that departs from the convention becomes a `ResumeWarning` (file:line: message) and its
content is kept; input that cannot be read at all raises `ResumeError`.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode
from mdit_py_plugins.front_matter import front_matter_plugin

__all__ = [
    "Bullet",
    "ContactItem",
    "DateRange",
    "Entry",
    "Link",
    "PartialDate",
    "Resume",
    "ResumeError",
    "ResumeWarning",
    "Section",
    "SkillGroup",
    "Variant",
    "Warning",
    "load_resume",
    "parse_resume",
    "parse_date_range",
]


class ResumeError(Exception):
    """resume.md cannot be read. str() is one line: `file:line: message`."""

    def __init__(self, file: Path | str, line: int, message: str) -> None:
        super().__init__(f"{file}:{line}: {message}")
        self.file = Path(file)
        self.line = line
        self.message = message


@dataclass(frozen=True)
class ResumeWarning:
    """A line that departs from the source convention; its content is still kept."""

    file: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


# The brief's name for it; ResumeWarning avoids shadowing the builtin inside this module.
Warning = ResumeWarning  # noqa: A001


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
class PartialDate:
    """A resume date: a year, optionally with a month (1-12)."""

    year: int
    month: int | None = None

    def __str__(self) -> str:
        if self.month is None:
            return str(self.year)
        return f"{MONTH_NAMES[self.month - 1]} {self.year}"

    def sort_key(self) -> tuple[int, int]:
        return (self.year, self.month or 0)


@dataclass(frozen=True)
class DateRange:
    """Dates as values. `ongoing` is True for "Present"; a single date has end == start."""

    text: str
    start: PartialDate | None
    end: PartialDate | None
    ongoing: bool = False

    def __str__(self) -> str:
        return self.text


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
    """A job, project, degree or other `###` item.

    Jobs and degrees have an organisation (line 2 of the source entry); projects have tech instead.
    """

    title: str
    organisation: str
    location: str
    dates: str  # as written, "" when absent
    period: DateRange | None
    tech: tuple[str, ...]
    link: Link | None
    bullets: tuple[Bullet, ...]
    line: int
    paragraphs: tuple[str, ...] = ()  # free text under the entry (kept, but off-convention)
    targets: tuple[str, ...] = ()  # from a comment on the `###` line; () = every variant

    @property
    def is_project(self) -> bool:
        return not self.organisation


@dataclass(frozen=True)
class Section:
    """A `##` section. kind: summary|skills|entries|text."""

    heading: str
    kind: str
    line: int
    paragraphs: tuple[str, ...] = ()
    skills: tuple[SkillGroup, ...] = ()
    entries: tuple[Entry, ...] = ()
    bullets: tuple[Bullet, ...] = ()  # list items of a text section (e.g. certifications)


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

    def variant(self, name: str) -> Resume:
        """The resume as `name` sees it: untagged content plus content tagged for `name`."""
        chosen = next((v for v in self.variants if v.name == name), None)
        if chosen is None:
            declared = ", ".join(v.name for v in self.variants) or "none"
            raise ResumeError(self.source, 1, f"no variant '{name}' (declared: {declared})")
        sections = [s for s in (_section_for(s, name) for s in self.sections) if s is not None]
        order = {heading.casefold(): i for i, heading in enumerate(chosen.sections)}
        sections.sort(key=lambda s: order.get(s.heading.casefold(), len(order)))
        return dataclasses.replace(
            self, sections=tuple(sections), target_role=chosen.role or self.target_role
        )

    def with_phone(self, phone: str) -> Resume:
        """This resume with `phone` in the contact line (after the email), replacing any other number."""
        others = [item for item in self.contact if item.kind != "phone"]
        return dataclasses.replace(self, phone=phone, contact=_with_phone(others, phone))

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


def _section_for(section: Section, name: str) -> Section | None:
    """A section with only the content variant `name` keeps; None when nothing is left."""
    entries = tuple(
        dataclasses.replace(e, bullets=tuple(b for b in e.bullets if _wanted(b.targets, name)))
        for e in section.entries
        if _wanted(e.targets, name)
    )
    skills = tuple(group for group in section.skills if _wanted(group.targets, name))
    bullets = tuple(b for b in section.bullets if _wanted(b.targets, name))
    if section.kind in ("entries", "skills") and not (entries or skills or bullets):
        return None
    return dataclasses.replace(section, entries=entries, skills=skills, bullets=bullets)


# --------------------------------------------------------------------------- hidden notes

# `<!-- targets: backend, data; id: k8s-migration -->` at the end of a bullet, `###` line or
# skills line: GitHub hides it, Vale skips it, and every output leaves it out.
_COMMENT_RE = re.compile(r"<!--(.*?)-->", re.S)
NOTE_KEYS = ("targets", "id")
_NAME_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


@dataclass(frozen=True)
class _Note:
    targets: tuple[str, ...] = ()
    id: str = ""


def parse_note(comment: str) -> dict[str, str] | None:
    """`key: value; key: value` inside an HTML comment, or None for an ordinary comment."""
    match = _COMMENT_RE.fullmatch(comment.strip())
    body = match.group(1).strip() if match else ""
    pairs = [part.partition(":") for part in body.split(";") if part.strip()]
    if not pairs or any(not sep for _, sep, _ in pairs):
        return None
    return {key.strip().lower(): value.strip() for key, _, value in pairs}


def without_comments(markdown: str) -> str:
    return " ".join(_COMMENT_RE.sub(" ", markdown).split())


# --------------------------------------------------------------------------- dates

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MONTHS = {name[:3].lower(): number for number, name in enumerate(MONTH_NAMES, start=1)}
_MONTH_RE = r"(?P<{0}>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_ONGOING = r"present|current|now|today|ongoing"


def _point_re(tag: str) -> str:
    month = _MONTH_RE.format(f"{tag}_month")
    return (
        rf"(?P<{tag}_ongoing>{_ONGOING})"
        rf"|(?:{month}\s+|(?P<{tag}_num>\d{{1,2}})\s*/\s*)?(?P<{tag}_year>(?:19|20)\d\d)"
    )


_RANGE_RE = re.compile(
    rf"^(?:expected\s+|since\s+)?(?:{_point_re('a')})"
    rf"(?:\s*(?:–|—|-|to|until)\s*(?:{_point_re('b')}))?$",
    re.IGNORECASE,
)


_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")


def parse_date_range(text: str) -> DateRange | None:
    """Read "March 2021 – Present", "Mar 2021 - Jun 2022", "05/2020", "2019 – 2020", "May 2020".

    Returns None when the text is not a date or range in one of those forms.
    """
    match = _RANGE_RE.match(" ".join(text.split()))
    if not match or match["a_ongoing"]:
        return None
    start = _point(match, "a")
    if start is None:
        return None
    if match["b_ongoing"]:
        return DateRange(text, start, None, ongoing=True)
    end = _point(match, "b") if match["b_year"] else start
    if end is None or end.sort_key() < start.sort_key():
        return None
    return DateRange(text, start, end)


def _point(match: re.Match[str], tag: str) -> PartialDate | None:
    year = match[f"{tag}_year"]
    if not year:
        return None
    month: int | None = None
    if match[f"{tag}_month"]:
        month = _MONTHS[match[f"{tag}_month"][:3].lower()]
    elif match[f"{tag}_num"]:
        month = int(match[f"{tag}_num"])
        if not 1 <= month <= 12:
            return None
    return PartialDate(int(year), month)


# --------------------------------------------------------------------------- inline text


@dataclass(frozen=True)
class _Run:
    """A stretch of inline text with the styles around it."""

    text: str
    strong: bool = False
    em: bool = False
    href: str | None = None
    escaped: bool = False  # a backslash-escaped character such as "\|": never a field separator


def _runs(children: Iterable[Token]) -> list[_Run]:
    runs: list[_Run] = []
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
        elif kind in ("text", "code_inline"):
            runs.append(_Run(token.content, strong > 0, em > 0, href))
        elif kind == "text_special":
            runs.append(_Run(token.content, strong > 0, em > 0, href, escaped=True))
        elif kind in ("softbreak", "hardbreak"):
            runs.append(_Run("\n", strong > 0, em > 0, href))
        elif kind == "html_inline" and token.content.startswith("<!--"):
            continue  # a hidden note or comment: never printed
        elif kind in ("image", "html_inline"):
            # alt text of an image; inline HTML such as "<Angles>" stays visible as typed
            runs.append(_Run(token.content, strong > 0, em > 0, href))
    return runs


def _plain(runs: Iterable[_Run]) -> str:
    return " ".join("".join(run.text for run in runs).split())


@dataclass(frozen=True)
class _Part:
    """One " | "-separated field of a line."""

    text: str
    strong: bool
    em: bool
    href: str | None


def _split_fields(runs: list[_Run]) -> list[_Part]:
    """Split inline runs at "|" into fields, remembering whether each is bold/italic/a link."""
    fields: list[list[_Run]] = [[]]
    for run in runs:
        pieces = [run.text] if run.escaped or run.href else run.text.split("|")
        for index, piece in enumerate(pieces):
            if index:
                fields.append([])
            fields[-1].append(dataclasses.replace(run, text=piece))
    parts = []
    for field_runs in fields:
        text = _plain(field_runs)
        visible = [run for run in field_runs if run.text.strip()]
        parts.append(
            _Part(
                text=text,
                strong=bool(visible) and all(run.strong for run in visible),
                em=bool(visible) and all(run.em for run in visible),
                href=next((run.href for run in visible if run.href), None),
            )
        )
    return parts


def _split_lines(runs: list[_Run]) -> list[list[_Run]]:
    lines: list[list[_Run]] = [[]]
    for run in runs:
        if run.text == "\n":
            lines.append([])
        else:
            lines[-1].append(run)
    return lines


# --------------------------------------------------------------------------- contact line

_EMAIL_RE = re.compile(r"^(?:mailto:)?[^@\s]+@[^@\s]+\.[^@\s]+$", re.IGNORECASE)
_PHONE_RE = re.compile(r"^(?:tel:)?\+?[\d\s().-]{7,}$")
_PLACE_RE = re.compile(r"^[^\d@/:|]+,\s*[^\d@/:|]+$")
_DOMAIN_RE = re.compile(
    r"^(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+(?:[/?#]\S*)?$", re.IGNORECASE
)


def _contact_item(part: _Part, index: int) -> ContactItem:
    text, href = part.text, part.href
    probe = href or text
    if _EMAIL_RE.match(text) or (href or "").lower().startswith("mailto:"):
        address = text if _EMAIL_RE.match(text) else probe.split(":", 1)[1]
        return ContactItem("email", text, href or f"mailto:{address}")
    if _PHONE_RE.match(text) and sum(ch.isdigit() for ch in text) >= 7:
        return ContactItem("phone", text, href or "tel:" + re.sub(r"[^\d+]", "", text))
    lowered = probe.lower()
    for kind, host in (("github", "github.com"), ("linkedin", "linkedin.com")):
        if host in lowered:
            return ContactItem(kind, text, href or _as_url(text))
    if href or _DOMAIN_RE.match(text):
        return ContactItem("website", text, href or _as_url(text))
    if index == 0 or _PLACE_RE.match(text):
        return ContactItem("location", text)
    return ContactItem("other", text)


def _as_url(text: str) -> str:
    return text if re.match(r"^https?://", text, re.IGNORECASE) else f"https://{text}"


# --------------------------------------------------------------------------- section kinds

PAPERS = ("us-letter", "a4")

_SUMMARY_RE = re.compile(r"summary|profile|about|objective|overview", re.IGNORECASE)
_SKILLS_RE = re.compile(r"skill|technolog|tools|stack", re.IGNORECASE)
_PROJECTS_RE = re.compile(r"project|portfolio|open[- ]source", re.IGNORECASE)


# --------------------------------------------------------------------------- the parser


def _with_phone(contact: Iterable[ContactItem], phone: str) -> tuple[ContactItem, ...]:
    """The contact items with the phone number inserted after the email (at the end without one)."""
    items = list(contact)
    position = next((i + 1 for i, c in enumerate(items) if c.kind == "email"), len(items))
    item = _contact_item(_Part(phone, False, False, None), position)
    items.insert(position, dataclasses.replace(item, kind="phone"))
    return tuple(items)


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
    except OSError as error:
        raise ResumeError(path, 1, f"cannot read: {error.strerror}") from None
    return parse_resume(text, path)


def parse_resume(text: str, source: Path | str = Path("resume.md")) -> Resume:
    return _Parser(text, Path(source)).parse()


class _Parser:
    def __init__(self, text: str, source: Path) -> None:
        self.text = text.replace("\r\n", "\n").lstrip("\ufeff")
        self.source = source
        self.warnings: list[ResumeWarning] = []

    # -- helpers

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(ResumeWarning(self.source, line, message))

    def fail(self, line: int, message: str) -> ResumeError:
        return ResumeError(self.source, line, message)

    @staticmethod
    def line_of(node: SyntaxTreeNode) -> int:
        return node.map[0] + 1 if node.map else 1

    # -- document

    def parse(self) -> Resume:
        # text_join off: escaped characters stay separate tokens, so "\|" is not a separator
        md = MarkdownIt("commonmark").use(front_matter_plugin).disable("text_join")
        root = SyntaxTreeNode(md.parse(self.text))
        nodes = list(root.children)
        meta = self.front_matter(nodes)
        if nodes and nodes[0].type == "front_matter":
            nodes = nodes[1:]
        nodes = [node for node in nodes if not self.is_comment(node)]
        name_index = self.find_name(nodes)
        heading = nodes[name_index]
        name = _plain(_runs(_inline(heading))) if heading.children else ""
        if not name:
            raise self.fail(self.line_of(heading), "the `# Name` heading is empty")
        for node in nodes[:name_index]:
            self.warn(self.line_of(node), "text before the `# Name` heading is ignored")
        contact, rest = self.contact(nodes[name_index + 1 :], self.line_of(heading))
        phone = meta["phone"]
        if phone and not any(item.kind == "phone" for item in contact):
            contact = list(_with_phone(contact, phone))
        sections = self.sections(rest)
        if not sections:
            self.warn(self.line_of(heading), "no `## Section` headings found after the name")
        self.check_notes(sections, meta["variants"])
        return Resume(
            name=name,
            target_role=meta["target_role"],
            phone=phone,
            publish_phone=meta["publish_phone"],
            contact=tuple(contact),
            sections=tuple(sections),
            source=self.source,
            warnings=tuple(sorted(self.warnings, key=lambda warning: warning.line)),
            name_line=self.line_of(heading),
            paper=meta["paper"],
            variants=meta["variants"],
            pages=meta["pages"],
        )

    def front_matter(self, nodes: list[SyntaxTreeNode]) -> dict:
        defaults = {
            "target_role": "",
            "phone": "",
            "publish_phone": False,
            "paper": "us-letter",
            "variants": (),
            "pages": 1,
        }
        if not nodes or nodes[0].type != "front_matter":
            if self.text.startswith("---\n") or self.text.strip() == "---":
                raise self.fail(1, "front matter opened with `---` is never closed with `---`")
            return defaults
        node = nodes[0]
        try:
            data = yaml.safe_load(node.content) if node.content.strip() else {}
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            line = mark.line + 2 if mark else 1  # +1 for 1-based, +1 for the opening ---
            problem = getattr(error, "problem", None) or "invalid YAML"
            raise self.fail(line, f"front matter is not valid YAML: {problem}") from None
        if not isinstance(data, dict):
            raise self.fail(2, "front matter must be `key: value` lines")
        checked = self.check_front_matter(data)
        checked["variants"] = self.variants(data.get("variants"), node.content)
        checked["pages"] = self.pages(data.get("pages", 1))
        return {**defaults, **checked}

    def pages(self, value: object) -> int:
        if value is None:
            return 1
        if isinstance(value, bool) or value not in (1, 2):
            raise self.fail(
                self.front_matter_line("pages"), "`pages` must be 1 or 2 (2 for 10+ years)"
            )
        return int(value)  # type: ignore[call-overload]

    def variants(self, value: object, content: str) -> tuple[Variant, ...]:
        """`variants: [{name: backend, role: "Backend Engineer", sections: [...]}, ...]`."""
        if value is None:
            return ()
        where = self.front_matter_line("variants")
        if not isinstance(value, list):
            raise self.fail(where, "`variants` must be a list of `- name: ...` items")
        lines = _item_lines(content, "variants")
        found: list[Variant] = []
        for index, item in enumerate(value):
            line = lines[index] if index < len(lines) else where
            found.append(self.variant(item, line, [v.name for v in found]))
        return tuple(found)

    def variant(self, item: object, line: int, taken: list[str]) -> Variant:
        if isinstance(item, str):
            item = {"name": item}
        if not isinstance(item, dict):
            raise self.fail(
                line, "a variant is `- name: backend` with optional `role:` and `sections:`"
            )
        unknown = sorted(set(map(str, item)) - {"name", "role", "sections"})
        if unknown:
            raise self.fail(line, f"unknown variant key `{unknown[0]}` (use name, role, sections)")
        name = str(item.get("name") or "").strip()
        if not _NAME_RE.match(name) or name in RESERVED_NAMES:
            raise self.fail(
                line,
                f"variant name '{name}' must be lower-case letters, digits, '-' or '_' and not "
                f"one of {', '.join(sorted(RESERVED_NAMES))} (it becomes the folder _site/<name>/)",
            )
        if name in taken:
            raise self.fail(line, f"variant '{name}' is declared twice")
        sections = item.get("sections") or []
        if not isinstance(sections, list) or not all(isinstance(s, str) for s in sections):
            raise self.fail(line, f"`sections` of variant '{name}' must be a list of headings")
        role = item.get("role")
        if isinstance(role, (dict, list)):
            raise self.fail(line, f"`role` of variant '{name}' must be text")
        return Variant(name, str(role or "").strip(), tuple(s.strip() for s in sections), line)

    # -- hidden notes: variants and bullet ids

    def note_of(self, tokens: list[Token], line: int) -> _Note:
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
            for tag in _split_items(note.get("targets", "")):
                if tag and tag.lower() not in targets:
                    targets.append(tag.lower())
            if "id" in note:
                ident = note["id"]
                if not _NAME_RE.match(ident):
                    raise self.fail(
                        line, f"id '{ident}' must be lower-case letters, digits, '-' or '_'"
                    )
        return _Note(tuple(targets), ident)

    def check_notes(self, sections: list[Section], variants: tuple[Variant, ...]) -> None:
        """Every tag names a declared variant, ids are unique, no variant comes out empty."""
        names = [variant.name for variant in variants]
        declared = ", ".join(names) or "no variants declared in the front matter"
        ids: dict[str, int] = {}
        for line, targets, ident in _noted(sections):
            for tag in targets:
                if tag not in names:
                    raise self.fail(line, f"target '{tag}' is not a declared variant ({declared})")
            if ident and ident in ids:
                raise self.fail(line, f"id '{ident}' is also used on line {ids[ident]}")
            if ident:
                ids[ident] = line
        for variant in variants:
            self.check_variant(variant, sections)

    def check_variant(self, variant: Variant, sections: list[Section]) -> None:
        kept = [s for s in (_section_for(s, variant.name) for s in sections) if s is not None]
        if not any(_section_bullets(section) for section in kept):
            raise self.fail(
                variant.line,
                f"variant '{variant.name}' would be empty: each bullet is tagged for another variant",
            )
        headings = {section.heading.casefold() for section in sections}
        for heading in variant.sections:
            if heading.casefold() not in headings:
                raise self.fail(
                    variant.line, f"variant '{variant.name}' orders a section '{heading}' that "
                    "resume.md does not have"
                )

    def check_front_matter(self, data: dict) -> dict:
        checked: dict = {}
        known = {"target_role", "phone", "publish_phone", "paper", "variants", "pages"}
        for key in data:
            if key not in known:
                self.warn(
                    self.front_matter_line(key), f"unknown front matter key `{key}` is ignored"
                )
        for key in ("target_role", "phone"):
            value = data.get(key)
            if value is None:
                continue
            if isinstance(value, (dict, list)):
                raise self.fail(self.front_matter_line(key), f"`{key}` must be text")
            checked[key] = str(value).strip()
        publish = data.get("publish_phone", False)
        if publish is None:
            publish = False
        if not isinstance(publish, bool):
            raise self.fail(
                self.front_matter_line("publish_phone"), "`publish_phone` must be true or false"
            )
        checked["publish_phone"] = publish
        paper = str(data.get("paper") or "us-letter").strip().lower()
        paper = {"letter": "us-letter", "us letter": "us-letter"}.get(paper, paper)
        if paper not in PAPERS:
            self.warn(self.front_matter_line("paper"), f"paper '{paper}' unknown; using us-letter")
            paper = "us-letter"
        checked["paper"] = paper
        return checked

    def front_matter_line(self, key: str) -> int:
        """The line of a top-level front matter key."""
        for number, line in enumerate(self.text.split("\n"), start=1):
            if line.startswith(f"{key}:"):
                return number
        return 1

    @staticmethod
    def is_comment(node: SyntaxTreeNode) -> bool:
        return node.type == "html_block" and node.content.lstrip().startswith("<!--")

    def find_name(self, nodes: list[SyntaxTreeNode]) -> int:
        for index, node in enumerate(nodes):
            if node.type == "heading" and node.tag == "h1":
                return index
            if node.type == "heading":
                raise self.fail(
                    self.line_of(node), "expected the `# Name` heading before any other heading"
                )
        line = self.line_of(nodes[0]) if nodes else 1
        raise self.fail(line, "missing the `# Name` heading (a line starting with `# `)")

    def contact(
        self, nodes: list[SyntaxTreeNode], name_line: int
    ) -> tuple[list[ContactItem], list[SyntaxTreeNode]]:
        if not nodes or nodes[0].type != "paragraph":
            self.warn(
                name_line, "no contact line (`City, ST | email | github.com/you`) under the name"
            )
            return [], nodes
        runs = _runs(_inline(nodes[0]))
        parts = [part for line in _split_lines(runs) for part in _split_fields(line)]
        items = [_contact_item(part, index) for index, part in enumerate(parts) if part.text]
        if not any(item.kind == "email" for item in items):
            self.warn(self.line_of(nodes[0]), "the contact line has no email address")
        return items, nodes[1:]

    # -- sections

    def sections(self, nodes: list[SyntaxTreeNode]) -> list[Section]:
        groups: list[tuple[SyntaxTreeNode | None, list[SyntaxTreeNode]]] = []
        for node in nodes:
            if node.type == "heading" and node.tag == "h2":
                groups.append((node, []))
            elif node.type == "heading" and node.tag == "h1":
                self.warn(
                    self.line_of(node), "a second `#` heading; read as a `##` section heading"
                )
                groups.append((node, []))
            else:
                if not groups:
                    self.warn(self.line_of(node), "content before the first `## Section` heading")
                    groups.append((None, []))
                groups[-1][1].append(node)
        return [self.section(heading, body) for heading, body in groups]

    def section(self, heading: SyntaxTreeNode | None, body: list[SyntaxTreeNode]) -> Section:
        title = _plain(_runs(_inline(heading))) if heading else ""
        line = self.line_of(heading) if heading else self.line_of(body[0])
        if heading is not None and not title:
            self.warn(line, "empty section heading")
        if any(node.type == "heading" and node.tag == "h3" for node in body):
            return self.entries_section(title, line, body)
        paragraphs, bullets, skills = self.text_blocks(body)
        if _SKILLS_RE.search(title) and (skills or not paragraphs):
            skills += tuple(self.unlabelled_skills(bullets))
            return Section(title, "skills", line, paragraphs, skills, (), ())
        if skills:  # labelled groups under another heading stay as bullets
            bullets = tuple(self.skill_as_bullet(group) for group in skills) + bullets
        kind = "summary" if _SUMMARY_RE.search(title) else "text"
        return Section(title, kind, line, paragraphs, (), (), bullets)

    def unlabelled_skills(self, bullets: tuple[Bullet, ...]) -> list[SkillGroup]:
        groups = []
        for bullet in bullets:
            self.warn(
                bullet.line, "skills line without a `**Label:**`; write `- **Label:** a, b, c`"
            )
            items = tuple(item for item in _split_items(bullet.text) if item)
            groups.append(SkillGroup("", items, bullet.line, bullet.targets))
        return groups

    def skill_as_bullet(self, group: SkillGroup) -> Bullet:
        text = f"{group.label}: {', '.join(group.items)}"
        markdown = f"**{group.label}:** {', '.join(group.items)}"
        return Bullet(text, group.line, markdown, group.targets)

    def text_blocks(
        self, body: list[SyntaxTreeNode]
    ) -> tuple[tuple[str, ...], tuple[Bullet, ...], tuple[SkillGroup, ...]]:
        paragraphs: list[str] = []
        bullets: list[Bullet] = []
        skills: list[SkillGroup] = []
        for node in body:
            if node.type == "paragraph":
                paragraphs.append(_plain(_runs(_inline(node))))
            elif node.type in ("bullet_list", "ordered_list"):
                for bullet in self.list_items(node):
                    group = self.skill_group(bullet)
                    if group:
                        skills.append(group)
                    else:
                        bullets.append(bullet)
            else:
                self.unsupported(node)
        return tuple(paragraphs), tuple(bullets), tuple(skills)

    def skill_group(self, bullet: Bullet) -> SkillGroup | None:
        match = re.match(r"^\*\*(?P<label>[^*]+?):?\*\*:?\s*(?P<items>.*)$", bullet.markdown, re.S)
        if not match or not match["items"].strip():
            return None
        label = _plain([_Run(match["label"])]).rstrip(":")
        items_text = _plain(_runs(_inline_tokens(match["items"])))
        items = tuple(item.strip() for item in _split_items(items_text) if item.strip())
        return SkillGroup(label, items, bullet.line, bullet.targets)

    def unsupported(self, node: SyntaxTreeNode) -> None:
        line = self.line_of(node)
        if self.is_comment(node):
            return
        names = {
            "fence": "a code block",
            "code_block": "an indented code block",
            "table": "a table",
            "html_block": "raw HTML",
            "blockquote": "a quote block",
            "hr": "a horizontal rule",
            "heading": "a heading below `###`",
        }
        what = names.get(node.type, f"a {node.type.replace('_', ' ')}")
        self.warn(line, f"{what} is not part of the resume layout and is left out of the PDF")

    def list_items(self, node: SyntaxTreeNode) -> list[Bullet]:
        bullets: list[Bullet] = []
        for item in node.children:
            texts: list[str] = []
            sources: list[str] = []
            tokens: list[Token] = []
            line = self.line_of(item)
            for child in item.children:
                if child.type == "paragraph":
                    texts.append(_plain(_runs(_inline(child))))
                    sources.append(without_comments(child.children[0].content))
                    tokens += _inline(child)
                elif child.type in ("bullet_list", "ordered_list"):
                    self.warn(self.line_of(child), "nested list flattened into separate bullets")
                    bullets_after = self.list_items(child)
                    bullets.append(self.bullet(texts, sources, tokens, line))
                    bullets.extend(bullets_after)
                    texts, sources, tokens = [], [], []
                elif not self.is_comment(child):
                    self.unsupported(child)
            if texts:
                bullets.append(self.bullet(texts, sources, tokens, line))
        return [bullet for bullet in bullets if bullet.text]

    def bullet(
        self, texts: list[str], sources: list[str], tokens: list[Token], line: int
    ) -> Bullet:
        note = self.note_of(tokens, line)
        return Bullet(" ".join(texts), line, " ".join(sources), note.targets, note.id)

    # -- entries

    def entries_section(self, title: str, line: int, body: list[SyntaxTreeNode]) -> Section:
        intro: list[SyntaxTreeNode] = []
        groups: list[tuple[SyntaxTreeNode, list[SyntaxTreeNode]]] = []
        for node in body:
            if node.type == "heading" and node.tag == "h3":
                groups.append((node, []))
            elif groups:
                groups[-1][1].append(node)
            else:
                intro.append(node)
        paragraphs, bullets, _ = self.text_blocks(intro)
        if intro:
            self.warn(self.line_of(intro[0]), f"text before the first `###` entry of '{title}'")
        projects = bool(_PROJECTS_RE.search(title))
        entries = tuple(self.entry(head, nodes, projects) for head, nodes in groups)
        return Section(title, "entries", line, paragraphs, (), entries, bullets)

    def entry(self, head: SyntaxTreeNode, body: list[SyntaxTreeNode], projects: bool) -> Entry:
        line = self.line_of(head)
        note = self.note_of(_inline(head), line)
        if note.id:
            self.warn(line, "an `id` belongs on a bullet, not on an entry heading")
        fields = _split_fields(_runs(_inline(head)))
        title = fields[0].text
        if not title:
            self.warn(line, "entry heading has no title before the first `|`")
        info = _EntryInfo()
        for part in fields[1:]:
            self.heading_field(info, part, line)
        bullets: list[Bullet] = []
        paragraphs: list[str] = []
        for index, node in enumerate(body):
            if node.type == "paragraph" and index == 0 and not info.organisation:
                paragraphs.extend(self.meta_line(info, node))
            elif node.type == "paragraph":
                self.warn(self.line_of(node), "a paragraph inside an entry; use `- ` bullets")
                paragraphs.append(_plain(_runs(_inline(node))))
            elif node.type in ("bullet_list", "ordered_list"):
                bullets.extend(self.list_items(node))
            else:
                self.unsupported(node)
        self.check_entry(info, line, projects)
        return Entry(
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

    def heading_field(self, info: _EntryInfo, part: _Part, line: int) -> None:
        """A field after the title in `### Name | *tech* | [link](url)`."""
        if not part.text:
            return
        if part.href or (not part.em and _DOMAIN_RE.match(part.text)):
            info.link = Link(part.text, part.href or _as_url(part.text))
        elif parse_date_range(part.text):
            info.set_dates(part.text, self, line)
        elif part.em and not info.tech:
            info.tech = tuple(item.strip() for item in _split_items(part.text) if item.strip())
        elif part.strong and not info.organisation:
            info.organisation = part.text
        elif not info.location:
            info.location = part.text
        else:
            self.warn(line, f"extra field '{part.text}' in the entry heading")
            info.location = f"{info.location}, {part.text}"

    def meta_line(self, info: _EntryInfo, node: SyntaxTreeNode) -> list[str]:
        """`**Organisation** | City, ST | *Month YYYY – Month YYYY*`; returns leftover lines."""
        line = self.line_of(node)
        lines = _split_lines(_runs(_inline(node)))
        fields = _split_fields(lines[0])
        if not any(part.strong for part in fields) and len(fields) == 1:
            self.warn(line, "a paragraph inside an entry; use `- ` bullets")
            return [_plain(run_line) for run_line in lines]
        if not any(part.strong for part in fields):
            self.warn(line, "make the organisation bold: `**Organisation** | City, ST | *dates*`")
            fields = [dataclasses.replace(fields[0], strong=True), *fields[1:]]
        for part in fields:
            self.meta_field(info, part, line)
        leftovers = [_plain(run_line) for run_line in lines[1:] if _plain(run_line)]
        if leftovers:
            self.warn(
                line + 1, "text after the `**Organisation** | City | *dates*` line; use bullets"
            )
        return leftovers

    def meta_field(self, info: _EntryInfo, part: _Part, line: int) -> None:
        if not part.text:
            return
        if part.strong and not info.organisation:
            info.organisation = part.text
            if part.href:
                info.link = Link(part.text, part.href)
        elif part.em or parse_date_range(part.text) or _YEAR_RE.search(part.text):
            info.set_dates(part.text, self, line)
        elif part.href:
            info.link = Link(part.text, part.href)
        elif not info.location:
            info.location = part.text
        else:
            self.warn(line, f"extra field '{part.text}'; expected Organisation | City, ST | dates")
            info.location = f"{info.location}, {part.text}"

    def check_entry(self, info: _EntryInfo, line: int, projects: bool) -> None:
        if not projects and not info.organisation and not info.tech:
            self.warn(
                line,
                "no `**Organisation** | City, ST | *Month YYYY – Month YYYY*` line under the title",
            )
        elif info.organisation and not info.dates:
            self.warn(line, "no dates (`*Month YYYY – Month YYYY*`) for this entry")
        if info.dates and not parse_date_range(info.dates):
            self.warn(
                line, f"cannot read the dates '{info.dates}'; use 'Month YYYY – Month YYYY|Present'"
            )


@dataclass
class _EntryInfo:
    organisation: str = ""
    location: str = ""
    dates: str = ""
    tech: tuple[str, ...] = ()
    link: Link | None = None

    def set_dates(self, text: str, parser: _Parser, line: int) -> None:
        if self.dates:
            parser.warn(line, f"second date field '{text}' ignored")
            return
        self.dates = text


RESERVED_NAMES = frozenset({"system_designs", "interview_prep", "static", "assets"})


def _section_bullets(section: Section) -> list[Bullet]:
    return [*section.bullets, *(bullet for entry in section.entries for bullet in entry.bullets)]


def _noted(sections: list[Section]) -> Iterator[tuple[int, tuple[str, ...], str]]:
    """(line, targets, id) of every bullet, entry and skills line."""
    for section in sections:
        for group in section.skills:
            yield group.line, group.targets, ""
        for bullet in section.bullets:
            yield bullet.line, bullet.targets, bullet.id
        for entry in section.entries:
            yield entry.line, entry.targets, ""
            for bullet in entry.bullets:
                yield bullet.line, bullet.targets, bullet.id


def _item_lines(content: str, key: str) -> list[int]:
    """resume.md line numbers of the items of a top-level front matter list."""
    try:
        root = yaml.compose(content)
    except yaml.YAMLError:
        return []
    if not isinstance(root, yaml.MappingNode):
        return []
    for key_node, value_node in root.value:
        if key_node.value == key and isinstance(value_node, yaml.SequenceNode):
            return [item.start_mark.line + 2 for item in value_node.value]  # +1 base, +1 `---`
    return []


def _split_items(text: str) -> list[str]:
    """Split "a, b (c, d), e" at top-level commas and semicolons."""
    items, depth, current = [], 0, ""
    for char in text:
        depth += char in "([{"
        depth -= char in ")]}"
        if char in ",;" and depth == 0:
            items.append(current)
            current = ""
        else:
            current += char
    items.append(current)
    return [item.strip().rstrip(".") for item in items]


def _inline(block: SyntaxTreeNode) -> list[Token]:
    """The flat inline tokens (text, strong_open, ...) of a heading or paragraph node."""
    if not block.children:
        return []
    return list(block.children[0].token.children or []) if block.children[0].token else []


_INLINE_MD = MarkdownIt("commonmark").disable("text_join")


def _inline_tokens(text: str) -> list[Token]:
    tokens = _INLINE_MD.parseInline(text)
    return list(tokens[0].children or []) if tokens else []
