"""LinkedIn's "Get a copy of your data" archive (.zip): the profile, positions, education, skills,
certifications, projects, publications, honors and email CSV files, as a resume model.

Files are found by name anywhere in the archive; any of them may be missing, but an archive with none of
them is refused. Columns are found by their header names (LinkedIn has renamed a few over the years), and
a preamble before the header row ("Notes: ...") is skipped. A position's description becomes its bullets:
a line each, without bullet marks; a paragraph with no line marks is one bullet.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..resume import Bullet, ContactItem, Entry, EntryKind, Link, Resume, Section, SkillGroup, grammar
from ..resume import parse_date_range, write_resume
from ..resume.contact import contact_item
from ..resume.inline import Part
from .common import ImportProblem, ImportResult
from .draft import bullet_text

# A column each file's header row has: the header is the first line holding it (some exports put a
# "Notes:" preamble before it).
KEY_COLUMNS = {
    "profile": "first name",
    "positions": "title",
    "education": "school name",
    "skills": "name",
    "certifications": "name",
    "projects": "title",
    "emails": "email address",
    "publications": "name",
    "honors": "title",
}
FILES = {
    "profile": "Profile.csv",
    "positions": "Positions.csv",
    "education": "Education.csv",
    "skills": "Skills.csv",
    "certifications": "Certifications.csv",
    "projects": "Projects.csv",
    "emails": "Email Addresses.csv",
    "publications": "Publications.csv",
    "honors": "Honors.csv",
}


@dataclass
class _Row:
    values: dict[str, str]
    where: str  # "Positions.csv row 4"

    def get(self, *names: str) -> str:
        for name in names:
            value = self.values.get(name.casefold())
            if value:
                return " ".join(value.split()) if name.casefold() != "description" else value.strip()
        return ""


def read_linkedin(source: Path, data: bytes) -> ImportResult:
    tables = _tables(source, data)
    reader = _Reader(tables)
    resume = reader.resume()
    result = ImportResult(write_resume(resume), kind="a LinkedIn archive", resume=resume)
    result.unplaced = reader.unplaced
    result.not_mapped = reader.not_mapped
    return result


def _tables(source: Path, data: bytes) -> dict[str, list[_Row]]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except zipfile.BadZipFile:
        raise ImportProblem(f"{source}: a damaged or incomplete zip file") from None
    for member in members:
        path = PurePosixPath(member.filename.replace("\\", "/"))
        if path.is_absolute() or ".." in path.parts:
            raise ImportProblem(f"{source}: holds a path that leaves the archive ({member.filename}); not read")
    by_name = {PurePosixPath(m.filename).name.casefold(): m for m in members if not m.is_dir()}
    tables: dict[str, list[_Row]] = {}
    for key, name in FILES.items():
        member = by_name.get(name.casefold())
        if member is not None:
            tables[key] = _rows(source, name, archive, member, KEY_COLUMNS[key])
    if not tables:
        raise ImportProblem(
            f"{source}: no LinkedIn data files in this zip (looked for {', '.join(FILES.values())})"
        )
    return tables


def _rows(source: Path, name: str, archive: zipfile.ZipFile, member: zipfile.ZipInfo, key: str) -> list[_Row]:
    try:
        raw = archive.read(member)
    except (zipfile.BadZipFile, OSError, EOFError):
        raise ImportProblem(f"{source}: {name} is damaged in the archive") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportProblem(f"{source}: {name} is not UTF-8 text (LinkedIn writes UTF-8)") from None
    if "\x00" in text:
        raise ImportProblem(f"{source}: {name} is not UTF-8 text (UTF-16 without a byte order mark?)")
    lines = text.splitlines(keepends=True)
    start = _header_row(lines, key)
    reader = csv.reader(io.StringIO("".join(lines[start:])))
    try:
        header = [cell.strip().casefold() for cell in next(reader, [])]
        rows = []
        for number, cells in enumerate(reader, start=1):
            if any(cell.strip() for cell in cells):
                rows.append(_Row(dict(zip(header, cells)), f"{name} row {number}"))
    except csv.Error as error:
        raise ImportProblem(f"{source}: {name} is not a readable CSV file: {error}") from None
    return rows


def _header_row(lines: list[str], key: str) -> int:
    """The first of the first lines whose cells include the file's key column (0 when none does)."""
    for index, line in enumerate(lines[:15]):
        cells = next(csv.reader([line]), [])
        if key in (cell.strip().casefold() for cell in cells):
            return index
    return 0


def linkedin_date(text: str) -> str:
    """"Jan 2020" -> "January 2020", "2019" -> "2019", "3/2018" -> "March 2018"; "" stays ""."""
    text = " ".join(text.split())
    if not text:
        return ""
    parsed = parse_date_range(text)
    if parsed is not None and parsed.start is not None:
        return str(parsed.start)
    day = re.match(r"^([A-Za-z]{3,9})\.?\s+\d{1,2},?\s+(\d{4})$", text)  # "Apr 3, 2023"
    if day:
        return linkedin_date(f"{day[1]} {day[2]}")
    return text


def _range(start: str, end: str) -> str:
    start, end = linkedin_date(start), linkedin_date(end)
    if start and not end:
        return f"{start} – Present"
    if start and end and start != end:
        return f"{start} – {end}"
    return start or end


def description_bullets(text: str, where: str) -> tuple[Bullet, ...]:
    """A description as bullets: each marked line one bullet; unmarked lines join the paragraph they are in."""
    bullets: list[str] = []
    # LinkedIn drops line breaks: "• Built A.  • Cut B." arrives on one line
    text = re.sub(r"\s+([•▪●◦])\s+", r"\n\1 ", text)
    marked = any(bullet_text(line) is not None for line in text.splitlines())
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        mark = bullet_text(stripped)
        if mark is not None:
            bullets.append(mark)
        elif marked and bullets and not stripped[:1].isupper():
            bullets[-1] += f" {stripped}"  # a marked bullet wrapped onto the next line
        elif marked or not bullets:
            bullets.append(stripped)
        else:
            bullets[-1] += f" {stripped}"
    return tuple(Bullet(" ".join(b.split()), 0) for b in bullets if b.strip())


class _Reader:
    def __init__(self, tables: dict[str, list[_Row]]) -> None:
        self.tables = tables
        self.unplaced: list[str] = []
        self.not_mapped: list[str] = []
        self.line = 0

    def next_line(self) -> int:
        self.line += 1
        return self.line

    def resume(self) -> Resume:
        profile = (self.tables.get("profile") or [_Row({}, "Profile.csv")])[0]
        name = " ".join(part for part in (profile.get("first name"), profile.get("last name")) if part)
        if not name:
            raise ImportProblem("the LinkedIn archive has no name (Profile.csv: First Name, Last Name)")
        sections = [section for section in self.sections(profile) if section is not None]
        return Resume(
            name=name,
            target_role=profile.get("headline"),
            phone="",
            publish_phone=False,
            contact=self.contact(profile),
            sections=tuple(sections),
            source=Path("resume.md"),
        )

    def contact(self, profile: _Row) -> tuple[ContactItem, ...]:
        texts = [profile.get("geo location", "location")]
        emails = self.tables.get("emails") or []
        primary = next((row for row in emails if row.get("primary").lower() == "yes"), emails[0] if emails else None)
        texts.append(primary.get("email address", "email") if primary else "")
        for site in re.findall(r"https?://[^\s,\]]+|www\.[^\s,\]]+", profile.get("websites")):
            texts.append(site.removeprefix("https://").removeprefix("http://").rstrip("/"))
        parts = [Part(text.replace("|", "/"), False, False, None) for text in texts if text]
        return tuple(contact_item(part, index) for index, part in enumerate(parts))

    def sections(self, profile: _Row) -> list[Section | None]:
        summary = profile.get("summary")
        return [
            Section("Professional Summary", "summary", self.next_line(), (summary,)) if summary else None,
            self.skills(),
            self.entries("experience", "positions", self.position),
            self.entries("projects", "projects", self.project),
            self.entries("education", "education", self.school),
            self.entries("certificates", "certifications", self.listed("credential", "name", "authority")),
            self.entries("awards", "honors", self.listed("award", "title", "issuer")),
            self.entries("publications", "publications", self.listed("publication", "name", "publisher")),
        ]

    def skills(self) -> Section | None:
        names = [row.get("name", "skill") for row in self.tables.get("skills") or []]
        names = [name for name in names if name]
        if not names:
            return None
        line = self.next_line()
        return Section("Technical Skills", "skills", line, skills=(SkillGroup("Skills", tuple(names), line),))

    def entries(self, kind: str, table: str, build) -> Section | None:  # noqa: ANN001
        rows = self.tables.get(table) or []
        entries = [entry for entry in (build(row) for row in rows) if entry is not None]
        if not entries:
            return None
        section = grammar.BY_NAME[kind]
        return Section(section.heading, kind, self.next_line(), entries=tuple(entries))

    def entry(self, kind: EntryKind, row: _Row, **fields) -> Entry:  # noqa: ANN003
        dates = fields.pop("dates", "")
        line = self.next_line()
        bullets = tuple(Bullet(b.text, self.next_line()) for b in fields.pop("bullets", ()))
        return Entry(
            kind=kind,
            title=fields.pop("title", ""),
            organisation=fields.pop("organisation", ""),
            location=fields.pop("location", ""),
            dates=dates,
            period=parse_date_range(dates) if dates else None,
            tech=(),
            link=fields.pop("link", None),
            bullets=bullets,
            line=line,
            one_line=fields.pop("one_line", False),
        )

    def position(self, row: _Row) -> Entry | None:
        title, company = row.get("title"), row.get("company name", "company")
        if not (title or company):
            self.unplaced.append(f"{row.where}: a position with no title or company; left out")
            return None
        return self.entry(
            "job",
            row,
            title=title or company,
            organisation=company,
            location=row.get("location"),
            dates=_range(row.get("started on", "start date"), row.get("finished on", "end date")),
            bullets=description_bullets(row.get("description"), row.where),
        )

    def project(self, row: _Row) -> Entry | None:
        title = row.get("title", "name")
        if not title:
            return None
        url = row.get("url")
        return self.entry(
            "project",
            row,
            title=title,
            dates=_range(row.get("started on", "start date"), row.get("finished on", "end date")),
            link=Link(url.removeprefix("https://").rstrip("/"), url) if url.startswith("http") else None,
            bullets=description_bullets(row.get("description"), row.where),
        )

    def school(self, row: _Row) -> Entry | None:
        school = row.get("school name", "school")
        degree = row.get("degree name", "degree")
        if not (school or degree):
            return None
        notes = row.get("notes")
        details = description_bullets(notes, row.where) + description_bullets(row.get("activities"), row.where)
        return self.entry(
            "degree",
            row,
            title=degree or school,
            organisation=school if degree else "",
            dates=_range(row.get("start date", "started on"), row.get("end date", "finished on")),
            bullets=details,
        )

    def listed(self, kind: EntryKind, name_column: str, giver_column: str):  # noqa: ANN202
        def build(row: _Row) -> Entry | None:
            name = row.get(name_column, "title", "name")
            if not name:
                return None
            date = linkedin_date(row.get("started on", "issued on", "issue date", "published on", "date"))
            url = row.get("url")
            details = description_bullets(row.get("description"), row.where)
            return self.entry(
                kind,
                row,
                title=name,
                organisation=row.get(giver_column, "authority", "issuer", "publisher"),
                dates=date,
                link=Link(url.removeprefix("https://").rstrip("/"), url) if url.startswith("http") else None,
                bullets=details,
                one_line=True,
            )

        return build
