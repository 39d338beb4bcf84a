"""What every importer shares: the error and result types and the atomic write of resume.md."""

from __future__ import annotations

import dataclasses
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import PortfolioError
from ..resume import Resume, ResumeError, Section, SkillGroup, grammar, locales, parse_resume
from ..resume.contact import with_phone
from ..resume.dates import DateRange, PartialDate

# Larger than any resume; a bigger file is refused before it is read.
MAX_BYTES = 20 * 1024 * 1024


class ImportProblem(PortfolioError):
    """The file cannot be imported. str() is one line naming the file and what is wrong."""


@dataclass
class ImportResult:
    markdown: str
    not_mapped: list[str] = field(default_factory=list)  # "field: why", one per line
    notes: list[str] = field(default_factory=list)  # fields that were mapped with a change
    written: Path | None = None
    kind: str = ""  # what the source was read as: "JSON Resume", "Markdown", "Word", "PDF", "LinkedIn"
    unplaced: list[str] = field(default_factory=list)  # "where: what — why", text not placed in an entry
    resume: Resume | None = None
    rewritten: int = 0  # lines read in full but written in the canonical form

    def placed(self) -> str:
        """"4 entries, 17 bullets and 3 skill groups placed"."""
        if self.resume is None:
            return ""
        entries = len(list(self.resume.entries()))
        bullets = len(list(self.resume.all_bullets()))
        groups = sum(len(section.skills) for section in self.resume.sections)
        return f"{entries} entries, {bullets} bullets and {groups} skill groups placed"


def tidied(resume: Resume) -> tuple[Resume, list[str]]:
    """What an import writes more neatly than it read: a skills list of one item a line ("- Swift",
    "- UIKit") becomes one line of items, a short line of text under the name with no role in the front
    matter ("iOS Engineer") becomes the target role, dates written more than one way are written out the one
    way ("03/2021 – now" as "March 2021 – Present"), and a heading the checks would not take as standard ("Work", "Selected
    Experience") becomes its kind's ("Experience"). What is left for `./run.sh check` is content."""
    sections = [_skills_joined(section) if section.kind == "skills" else section for section in resume.sections]
    dated = [entry for section in sections for entry in section.entries if entry.period is not None]
    lang = resume.lang if resume.lang != "en" else (_language_of(sections) or "en")
    one_way = any(all(entry.dates == written_out(entry.period, short, lang) for entry in dated) for short in (False, True))
    sections = [section if one_way else _dates_written_out(section, lang) for section in sections]
    if lang == "en":  # the standard headings are English ones; another language keeps its own
        sections = [_standard_heading(section) for section in sections]
    role = resume.target_role
    first = sections[0] if sections else None
    if not role and first is not None and not first.heading and first.kind == "text" and len(first.paragraphs) == 1:
        line = first.paragraphs[0]
        if len(line.split()) <= 6 and not line.endswith(".") and not (first.bullets or first.entries):
            role, sections = line, sections[1:]
    notes = [f"'{role}' under the name: written as the target role (front matter)"] if role != resume.target_role else []
    contact, phone = resume.contact, resume.phone
    numbers = [item for item in contact if item.kind == "phone"]
    if numbers and not phone:  # kept out of the public contact line, as the template does
        phone = numbers[0].text
        contact = with_phone([item for item in contact if item is not numbers[0]], phone)
        notes.append(f"phone {phone}: in the front matter, not published (publish_phone: false)")
    if lang != resume.lang:
        notes.append(f"written in {lang}: `lang: {lang}` in the front matter")
    tidy = dataclasses.replace(resume, target_role=role, sections=tuple(sections), contact=contact, phone=phone, lang=lang)
    return tidy, notes


def _language_of(sections: list[Section]) -> str | None:
    texts = [entry.dates for section in sections for entry in section.entries if entry.dates]
    return locales.detect(texts + [section.heading for section in sections if section.heading])


def unplaced(resume: Resume, where) -> list[str]:  # noqa: ANN001 - line -> "where it came from"
    """The reader's warnings about text it could not place (not the ones that only show a form), minus
    those `tidied` placed after all."""
    role = resume.target_role
    return [
        f"{where(warning.line)}: {warning.message}"
        for warning in resume.warnings
        if not warning.advice and not (role and warning.message.startswith(f"'{role}' under the name"))
    ]


def _dates_written_out(section: Section, lang: str = "en") -> Section:
    entries = tuple(
        dataclasses.replace(entry, dates=written_out(entry.period, lang=lang)) if entry.period is not None else entry
        for entry in section.entries
    )
    return dataclasses.replace(section, entries=entries)


def written_out(period: DateRange, short: bool = False, lang: str = "en") -> str:
    """"March 2021 – Present" ("Mar 2021 – Present" when `short`), "2019 – 2021", "May 2020": the one form
    the DateStyle rule asks for. A resume whose dates all have one of the two forms keeps them as they are.
    In another language, its month names and word for "present" ("März 2021 – heute", "2021年3月 – 現在")."""
    base = lang.split("-")[0].lower()
    if base in locales.MONTHS or base in ("ja", "zh", "ko"):
        return _written_in(period, base)

    def text(date: PartialDate) -> str:
        return str(date)[:3] + str(date)[str(date).index(" "):] if short and date.month else str(date)

    start = text(period.start)
    if period.ongoing:
        return f"{start} – Present"
    return start if period.end is None or period.end == period.start else f"{start} – {text(period.end)}"


def _written_in(period: DateRange, lang: str) -> str:
    def text(date: PartialDate) -> str:
        if date.month is None:
            return str(date.year)
        if lang in ("ja", "zh"):
            return f"{date.year}年{date.month}月"
        if lang == "ko":
            return f"{date.year}년 {date.month}월"
        return f"{locales.month_name(lang, date.month)} {date.year}"

    start = text(period.start)
    if period.ongoing:
        return f"{start} – {locales.WRITTEN_PRESENT[lang]}"
    return start if period.end is None or period.end == period.start else f"{start} – {text(period.end)}"


def _standard_heading(section: Section) -> Section:
    kind = grammar.BY_NAME.get(section.kind)
    if not section.heading or kind is None or kind is grammar.TEXT:
        return section
    if not re.search(kind.heading_words, section.heading, re.IGNORECASE):
        return section  # read by another language's heading words ("Experiencia laboral"): kept as written
    if " ".join(section.heading.casefold().replace("&", "and").split()) in grammar.STANDARD_HEADINGS:
        return section
    return dataclasses.replace(section, heading=kind.heading)


def _skills_joined(section: Section) -> Section:
    groups: list[SkillGroup] = []
    for group in section.skills:
        last = groups[-1] if groups else None
        if last is not None and not last.label and not group.label and len(group.items) == 1:
            groups[-1] = dataclasses.replace(last, items=last.items + group.items)
        else:
            groups.append(group)
    return dataclasses.replace(section, skills=tuple(groups))


def check_readable(markdown: str, target: Path) -> None:
    """The converted text must read back without errors; a failure here is a bug in the importer."""
    try:
        parse_resume(markdown, target)
    except ResumeError as error:
        raise RuntimeError(f"import produced a resume.md that does not parse: {error}") from error


def write_atomic(target: Path, text: str) -> Path:
    target = Path(target)
    handle, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
    )
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        if target.exists():
            os.chmod(temporary, target.stat().st_mode & 0o777)
        else:
            os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target
