"""The resume grammar: one table of section kinds and one of line forms.

The parser reads resume.md with these tables, the writer prints a model back in their canonical forms,
JSON Resume maps sections by `SectionKind.json_key`, the importer writes through the writer, the generated
README shows `LINE_FORMS`, and the Vale bullet rules use `VALE_SKILLS_LABEL` and `VALE_ACHIEVEMENT_SECTIONS`
(tests/test_grammar.py holds the rules and the README equal to this file).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import get_args

from . import locales
from .model import EntryKind, SectionKindName


@dataclass(frozen=True)
class SectionKind:
    name: SectionKindName
    heading_words: str  # a regular expression searched in the `##` heading, case-insensitive
    json_key: str | None  # the JSON Resume array it maps to ("summary": basics.summary)
    heading: str  # the heading the writer and importer use for it
    entry_kind: EntryKind | None = None  # what its `###` entries and one-line items are
    one_line: bool = False  # its list items are one-line entries (`- **Name**, Issuer | *date*`)

    def matches(self, heading: str) -> bool:
        return bool(_heading_re(self.name, self.heading_words).search(heading))


# Tried in this order: "Project Experience" is projects and "Volunteer Experience" is volunteering
# before anything with "experience" is work; "Education and Certifications" is education.
SECTIONS: tuple[SectionKind, ...] = (
    SectionKind("summary", r"summary|profile|about|objective|overview", "summary", "Professional Summary"),
    SectionKind("skills", r"skill|technolog|tools|stack|competenc|expertise", "skills", "Technical Skills"),
    SectionKind("projects", r"project|portfolio|open[- ]source", "projects", "Projects", "project"),
    SectionKind("education", r"educat|degree|academ|qualification", "education", "Education", "degree", True),
    SectionKind("volunteer", r"volunt|communit", "volunteer", "Volunteering", "volunteer"),
    SectionKind(
        "certificates", r"certif|licen[cs]|credential", "certificates", "Certifications", "credential", True
    ),
    SectionKind("awards", r"award|honou?r|achievement|prize|recognition", "awards", "Awards", "award", True),
    SectionKind(
        "publications", r"publicat|papers|talks|speaking|presentations", "publications", "Publications",
        "publication", True,
    ),
    SectionKind("interests", r"interest|hobb", "interests", "Interests"),
    SectionKind("experience", r"experience|employment|work|career|positions", "work", "Experience", "job"),
)
TEXT = SectionKind("text", r"(?!)", None, "")


@functools.lru_cache(maxsize=None)
def _heading_re(kind: str, english: str) -> re.Pattern[str]:
    """The kind's English heading words and those of the other languages (resume/locales.py)."""
    local = locales.HEADINGS.get(kind)
    return re.compile(f"{english}|{local}" if local else english, re.IGNORECASE)
BY_NAME = {kind.name: kind for kind in (*SECTIONS, TEXT)}
# The order the writer and importer put sections in when nothing else says: the kinds' own order.
WRITING_ORDER: tuple[SectionKindName, ...] = tuple(name for name in get_args(SectionKindName) if name != "text")


# A section that holds the contact details instead of a line under the name (a sidebar's "Contact").
CONTACT_HEADING_RE = re.compile(
    r"^(?:contact(?: me| details| info(?:rmation)?)?|personal (?:details|information|data)|get in touch|reach me)$",
    re.IGNORECASE,
)


def section_kind(heading: str) -> SectionKind:
    return next((kind for kind in SECTIONS if kind.matches(heading)), TEXT)


@dataclass(frozen=True)
class LineForm:
    name: str
    example: str  # how the writer prints it
    what: str  # one line for the README and for warnings


LINE_FORMS: tuple[LineForm, ...] = (
    LineForm("name", "# Your Name", "the first heading: your name"),
    LineForm(
        "contact",
        "City, ST | you@example.com | github.com/you | linkedin.com/in/you",
        "the line under the name; items apart by `|`",
    ),
    LineForm("section", "## Experience", "a section; its heading words decide what it holds"),
    LineForm("skills_line", "- **Languages:** Python, Go, SQL", "a bold label with a colon, then items"),
    LineForm("entry_title", "### Job Title", "a job, degree or volunteer role"),
    LineForm(
        "entry_details",
        "**Organisation** | City, ST | *Month YYYY – Present*",
        "the line under `### Title`: organisation in bold, location, dates in italics",
    ),
    LineForm(
        "project_title",
        "### Project Name | *Tech, Tech* | [example.com](https://example.com)",
        "a project: name, tech in italics, an optional link or dates",
    ),
    LineForm(
        "one_line_entry",
        "- **Name**, Organisation | City, ST | *Month YYYY*",
        "a degree, certification, publication or award on one line",
    ),
    LineForm("bullet", "- Cut deploy time from 25 to 6 minutes by ...", "an achievement under an entry"),
    LineForm("note", "<!-- targets: backend; id: k8s-migration -->", "hidden: variants and a bullet's id"),
)
FORMS = {form.name: form for form in LINE_FORMS}


def expected(form: str) -> str:
    """"write it as `...`" for a warning."""
    return f"write it as `{FORMS[form].example}`"


# A skills line: a bold label that ends with a colon, inside or right after the bold, then items.
# Without the colon a bold-led item is a bullet (`- **Hackathon winner**, HackMIT 2019`).
SKILLS_LINE_RE = re.compile(
    r"^(?P<mark>\*\*|__)(?P<label>(?:\\.|[^*_\\])+?)(?::(?P=mark)|(?P=mark):)\s*(?P<items>\S.*)$", re.S
)
# The same facts as the Vale bullet rules read a raw line (Go regexp syntax, held equal by a test):
# a list item that starts with one of these labels is a skills line, not an achievement bullet.
# The section headings the Vale rule Portfolio.Headings takes as standard (its list, which a test holds equal
# to this); the importer writes any other heading of a known kind as that kind's `heading`.
VALE_STANDARD_HEADINGS = (
    "summary|professional summary|profile|professional profile|career summary|objective|career objective|skills|technical skills|core skills|key skills|experience|work experience|professional experience|relevant experience|employment history|work history|internships|projects|personal projects|selected projects|side projects|open source|open source contributions|education|certifications|certificates|licenses and certifications|publications|awards|honors|honors and awards|achievements|volunteering|volunteer experience|leadership|leadership experience|languages|interests|activities|research|research experience|patents|presentations|talks|courses|coursework|training|references|additional information|skills and tools|technologies|skills and technologies|core competencies|education and certifications|certifications and training|awards and honors|volunteer work|community involvement|professional development"
)
STANDARD_HEADINGS = frozenset(VALE_STANDARD_HEADINGS.split("|"))
VALE_SKILLS_LABEL = r"^(?:\*\*[^*]{1,40}?(?::\*\*|\*\*:)|__[^_]{1,40}?(?::__|__:)|[A-Z][A-Za-z0-9 &/+.()-]{0,30}:)\s"
# Sections whose list items are achievement bullets (action verb, measured result).
VALE_ACHIEVEMENT_SECTIONS = (
    r"(?i)experience|employment|work|project|volunteer|leadership|open.source|internship|research|activit"
)

# Words that tell a degree from a school in a one-line education entry, whatever the order.
DEGREE_RE = re.compile(
    r"\b(?:bachelor|master|doctor|ph\.?\s?d|mba|associate|diploma|certificate|degree|licen[cs]e|"
    r"b\.?\s?(?:s|a|sc|eng|tech|e|comp)\b\.?|m\.?\s?(?:s|a|sc|eng|tech|e|phil)\b\.?|bsc|msc|beng|meng|btech|mtech|"
    r"abitur|baccalaur|laurea|licenciatura|ingénieur|dipl)",
    re.IGNORECASE,
)
SCHOOL_RE = re.compile(
    r"universit|college|institut|school|academy|polytechni|école|ecole|hochschule|universidad|"
    r"università|universidade|\bETH\b|\bEPFL\b|\bMIT\b|\bTU\b|\bUC\b|\bUCLA\b|\bKTH\b|\bIIT\b",
    re.IGNORECASE,
)
# "Austin, TX", "Berlin, Germany", "Remote": a field that is a place, not an organisation.
LOCATION_RE = re.compile(
    r"^[A-ZÀ-Þ][\w.'’-]*(?: [\w.'’-]+){0,3},\s*[A-ZÀ-Þ][\w.'’-]*(?: [\w.'’-]+){0,2}$|^(?i:remote|hybrid)$"
)
