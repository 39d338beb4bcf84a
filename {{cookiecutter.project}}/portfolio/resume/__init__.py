"""The resume reader and writer: typed model, grammar, parser and canonical writer of resume.md.

    types       Resume, Section, Entry (explicit kinds), Bullet, SkillGroup, ...
    grammar     the table of section kinds and line forms everything else uses
    parser      resume.md -> Resume, with located warnings and collected errors
    writer      Resume -> canonical resume.md (parse(write(model)) == model)
"""

from __future__ import annotations

from .dates import MONTH_NAMES, DateRange, PartialDate, parse_date_range
from .frontmatter import PAPERS, RESERVED_NAMES
from .notes import NOTE_KEYS, parse_note, without_comments
from .parser import load_resume, parse_resume
from .problems import Problem, ResumeError, ResumeWarning
from .model import (
    ENTRY_KINDS,
    Bullet,
    ContactItem,
    Entry,
    EntryKind,
    Link,
    Resume,
    Section,
    SkillGroup,
    Variant,
)
from .writer import write_resume

Warning = ResumeWarning  # noqa: A001 - the brief's name for it

__all__ = [
    "ENTRY_KINDS",
    "MONTH_NAMES",
    "NOTE_KEYS",
    "PAPERS",
    "RESERVED_NAMES",
    "Bullet",
    "ContactItem",
    "DateRange",
    "Entry",
    "EntryKind",
    "Link",
    "PartialDate",
    "Problem",
    "Resume",
    "ResumeError",
    "ResumeWarning",
    "Section",
    "SkillGroup",
    "Variant",
    "Warning",
    "load_resume",
    "parse_date_range",
    "parse_note",
    "parse_resume",
    "without_comments",
    "write_resume",
]
