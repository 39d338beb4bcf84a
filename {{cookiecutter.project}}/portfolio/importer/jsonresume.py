"""JSON Resume to the resume model (printed as resume.md by the grammar's writer).

The file is checked against the pinned JSON Resume 1.3.1 schema first; any problem stops the import
with one line naming the field. Fields with no place in resume.md are listed ("not mapped: field: why").
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .. import jsonresume
from ..resume import (
    MONTH_NAMES,
    PAPERS,
    Bullet,
    ContactItem,
    Entry,
    EntryKind,
    Link,
    Resume,
    Section,
    SkillGroup,
    parse_date_range,
    write_resume,
)
from ..resume import grammar
from ..resume.contact import contact_item, with_phone
from ..resume.inline import Part
from .common import ImportProblem, ImportResult

# Section headings for a file without `meta.portfolio.sections`, in this order.
DEFAULT_SECTIONS = tuple(
    (str(grammar.BY_NAME[name].json_key), grammar.BY_NAME[name].heading) for name in grammar.WRITING_ORDER
)
NOT_MAPPED = {
    "basics.image": "a photo does not belong on an ATS-safe resume",
    "basics.location.address": "a street address is left off a public resume",
    "basics.location.postalCode": "a postal code is left off a public resume",
    "languages": "resume.md has no spoken-languages section; add a skills group if you need it",
    "references": "references are given on request, not on the resume",
}

def read_json_resume(source: Path, text: str | None = None) -> dict[str, Any]:
    if text is None:
        try:
            text = Path(source).read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            raise ImportProblem(f"{source}: not UTF-8 text") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportProblem(
            f"{source}:{error.lineno}:{error.colno}: not valid JSON: {error.msg}"
        ) from None
    if not isinstance(data, dict):
        raise ImportProblem(
            f"{source}: the top level must be a JSON object, not {jsonresume.json_type(data)}"
        )
    try:
        jsonresume.validate(data)
        _check_required(data)
    except (jsonresume.SchemaError, ImportProblem) as error:
        raise ImportProblem(f"{source}: {error}") from None
    return data


def _check_required(data: dict[str, Any]) -> None:
    basics = data.get("basics")
    if not isinstance(basics, dict) or not str(basics.get("name") or "").strip():
        raise ImportProblem("basics.name: missing; a resume needs a name")
    for key in ("work", "volunteer", "projects", "education"):
        for index, item in enumerate(data.get(key) or []):
            _dates_of(item, f"{key}[{index}]")  # raises on an impossible date


# --------------------------------------------------------------------------- JSON -> model


def to_markdown(data: dict[str, Any]) -> ImportResult:
    reader = _JsonReader(data)
    resume = reader.resume()
    return ImportResult(write_resume(resume), reader.not_mapped, reader.notes, kind="JSON Resume", resume=resume)


class _JsonReader:
    """JSON Resume data to the resume model; `write_resume` prints it."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.basics: dict[str, Any] = data.get("basics") or {}
        self.not_mapped: list[str] = []
        self.notes: list[str] = []
        self.line = 0  # entries get increasing "lines" so the writer keeps their order

    def skip(self, name: str, why: str) -> None:
        self.not_mapped.append(f"{name}: {why}")

    def note(self, name: str, what: str) -> None:
        self.notes.append(f"{name}: {what}")

    def next_line(self) -> int:
        self.line += 1
        return self.line

    def resume(self) -> Resume:
        self.report_unmapped()
        phone = text(self.basics.get("phone"))
        if phone:
            self.note("basics.phone", "in the front matter, not published (publish_phone: false)")
        portfolio = (self.data.get("meta") or {}).get("portfolio")
        paper = portfolio.get("paper") if isinstance(portfolio, dict) else None
        contact = self.contact()
        return Resume(
            name=text(self.basics["name"]),
            target_role=text(self.basics.get("label")),
            phone=phone,
            publish_phone=False,
            contact=with_phone(contact, phone) if phone else contact,
            sections=tuple(self.section(key, heading, items) for key, heading, items in self.sections()),
            source=Path("resume.md"),
            paper=paper if paper in PAPERS else PAPERS[0],
        )

    # -- basics

    def contact(self) -> tuple[ContactItem, ...]:
        found: list[str] = []
        location = self.basics.get("location") or {}
        if location:
            found.append(jsonresume.join_location(location))
        found.append(text(self.basics.get("email")))
        # The template's order: location | email | GitHub | website | LinkedIn and other profiles.
        profiles = [
            (text(profile.get("network")).lower() == "github", index, profile)
            for index, profile in enumerate(self.basics.get("profiles") or [])
        ]
        found += [self.profile_text(p, f"basics.profiles[{i}]") for github, i, p in profiles if github]
        if text(self.basics.get("url")):
            found.append(_url_text(text(self.basics["url"])))
        found += [self.profile_text(p, f"basics.profiles[{i}]") for github, i, p in profiles if not github]
        parts = [Part(item.replace("|", "/"), False, False, None) for item in found if item]
        return tuple(contact_item(part, index) for index, part in enumerate(parts))

    def profile_text(self, profile: dict[str, Any], name: str) -> str:
        url = text(profile.get("url"))
        network = text(profile.get("network")).lower()
        username = text(profile.get("username"))
        if not url and username and network in ("github", "linkedin"):
            url = {"github": "https://github.com/", "linkedin": "https://www.linkedin.com/in/"}[
                network
            ] + username
        if not url:
            self.skip(name, "a profile without a url")
            return ""
        return _url_text(url)

    # -- sections

    def sections(self) -> list[tuple[str, str, list[tuple[int, Any]]]]:
        """(key, heading, items) in `meta.portfolio.sections` order, else the default order."""
        pools = {key: list(enumerate(self.data.get(key) or [])) for key, _ in DEFAULT_SECTIONS}
        summary = self.basics.get("summary")
        pools["summary"] = [(0, text_block(summary))] if summary else []
        chosen: list[tuple[str, str, list[tuple[int, Any]]]] = []
        for key, heading, count in self.layout():
            items, pools[key] = pools[key][:count], pools[key][count:]
            chosen.append((key, heading, items))
        for key, heading in DEFAULT_SECTIONS:  # whatever the layout did not place
            if pools[key]:
                same = [index for index, (k, _, _) in enumerate(chosen) if k == key]
                if same:
                    chosen[same[-1]][2].extend(pools[key])
                else:
                    chosen.append((key, heading, pools[key]))
        return [(key, heading, items) for key, heading, items in chosen if items or key != "summary"]

    def layout(self) -> list[tuple[str, str, int]]:
        meta = (self.data.get("meta") or {}).get("portfolio")
        if meta is None:
            return []
        keys = {key for key, _ in DEFAULT_SECTIONS}
        try:
            layout = [(str(s["key"]), str(s["heading"]), int(s["count"])) for s in meta["sections"]]
            if all(key in keys and heading.strip() and count >= 0 for key, heading, count in layout):
                return layout
        except (KeyError, TypeError, ValueError):
            pass
        self.skip("meta.portfolio.sections", "not a list of {heading, key, count}; default headings used")
        return []

    def section(self, key: str, heading: str, items: list[tuple[int, Any]]) -> Section:
        heading = " ".join(heading.split())
        kind = grammar.section_kind(heading).name
        line = self.next_line()
        if key == "summary":
            paragraphs = "\n\n".join(value for _, value in items).split("\n\n")
            return Section(heading, kind, line, tuple(p for p in paragraphs if p.strip()))
        if key == "skills":
            return Section(heading, kind, line, skills=self.skills(items))
        if key in jsonresume.LIST_FIELDS:
            listed = [self.list_item(key, item, f"{key}[{index}]") for index, item in items]
            entries = tuple(item for item in listed if isinstance(item, Entry))
            bullets = tuple(item for item in listed if isinstance(item, Bullet))
            return Section(heading, kind, line, entries=entries, bullets=bullets)
        entries = tuple(self.entry(key, item, f"{key}[{index}]") for index, item in items)
        return Section(heading, kind, line, entries=entries)

    def skills(self, items: list[tuple[int, dict[str, Any]]]) -> tuple[SkillGroup, ...]:
        groups, loose = [], []
        for index, skill in items:
            name = text(skill.get("name"))
            keywords = [text(k) for k in skill.get("keywords") or [] if text(k)]
            if skill.get("level"):
                self.skip(f"skills[{index}].level", "levels are not shown; let the bullets prove them")
            if keywords and name:
                groups.append(SkillGroup(name, tuple(keywords), self.next_line()))
            else:
                loose += [name] if name else keywords
        if loose:
            groups.append(SkillGroup("Other", tuple(loose), self.next_line()))
        return tuple(groups)

    def list_item(self, key: str, item: dict[str, Any], name: str) -> Entry | Bullet:
        """A certificate, award or publication: a one-line entry; a bare name stays a bullet."""
        title = text(item.get(jsonresume.LIST_FIELDS[key]))
        giver = text(item.get(jsonresume.GIVER_FIELDS.get(key, "")))
        date = text(item.get("date") or item.get("releaseDate"))
        dates = _month_year(date) if date else ""
        keywords = [text(word) for word in item.get("keywords") or [] if text(word)]
        details = [text(item.get("summary"))] if text(item.get("summary")) else []
        url = text(item.get("url"))
        line = self.next_line()
        if key == "interests" or not (giver or dates or url or details) or not title:
            words = ", ".join([title, *keywords]) if title else ", ".join(keywords)
            return Bullet(words, line)
        if keywords:
            self.skip(f"{name}.keywords", "a one-line entry has no place for keywords")
        bullets = tuple(Bullet(detail, self.next_line()) for detail in details)
        link = Link(_url_text(url), url) if url else None
        return Entry(
            kind=_ENTRY_KINDS[key], title=title, organisation=giver, location=text(item.get("location")),
            dates=dates, period=parse_date_range(dates) if dates else None, tech=(), link=link,
            bullets=bullets, line=line, one_line=True,
        )

    def entry(self, key: str, item: dict[str, Any], name: str) -> Entry:
        dates = _dates_text(item, name)
        location = text(item.get("location"))
        url = text(item.get("url"))
        line = self.next_line()
        bullets = [text(h) for h in item.get("highlights") or item.get("courses") or []]
        paragraph = "description" if key == "projects" else "summary"
        if text(item.get(paragraph)):
            bullets.insert(0, text(item[paragraph]))
            self.note(f"{name}.{paragraph}", "became the first bullet; give it a measured result")
        if key in ("work", "volunteer") and text(item.get("description")):
            self.skip(f"{name}.description", "describes the organisation; resume.md has no place")
        if key == "education" and item.get("score"):
            bullets.append(f"GPA: {text(item['score'])}")
        if key == "projects":
            title, organisation = text(item.get("name")) or "Untitled project", text(item.get("entity"))
            for extra in ("roles", "type"):
                if item.get(extra):
                    self.skip(f"{name}.{extra}", "no place for it in a project entry")
        else:
            title, organisation = self.title_and_organisation(key, item)
            if not title:
                self.skip(f"{name}.position", "missing; the entry has no title")
                title = organisation or "Untitled"
        tech = tuple(text(word) for word in item.get("keywords") or [] if text(word)) if key == "projects" else ()
        link_text = organisation if organisation and key != "projects" else _url_text(url)
        return Entry(
            kind=_ENTRY_KINDS[key],
            title=title,
            organisation=organisation,
            location=location,
            dates=dates,
            period=parse_date_range(dates) if dates else None,
            tech=tech,
            link=Link(link_text, url) if url else None,
            bullets=tuple(Bullet(bullet, self.next_line()) for bullet in bullets if bullet.strip()),
            line=line,
        )

    def title_and_organisation(self, key: str, item: dict[str, Any]) -> tuple[str, str]:
        if key == "education":
            study, area = text(item.get("studyType")), text(item.get("area"))
            title = f"{study} in {area}" if study and area else study or area
            return title, text(item.get("institution"))
        organisation = item.get("organization") if key == "volunteer" else item.get("name")
        return text(item.get("position")), text(organisation)

    def report_unmapped(self) -> None:
        location = self.basics.get("location") or {}
        present = {
            "basics.image": self.basics.get("image"),
            "basics.location.address": location.get("address"),
            "basics.location.postalCode": location.get("postalCode"),
            **{key: self.data.get(key) for key in ("languages", "references")},
        }
        for name, value in present.items():
            if value:
                self.skip(name, NOT_MAPPED[name])


_ENTRY_KINDS: dict[str, EntryKind] = {
    "work": "job",
    "volunteer": "volunteer",
    "projects": "project",
    "education": "degree",
    "certificates": "credential",
    "awards": "award",
    "publications": "publication",
}


def text(value: Any) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def text_block(value: Any) -> str:
    """Text that may hold paragraphs (blank-line separated); each paragraph on one line."""
    paragraphs = str(value).replace("\r\n", "\n").split("\n\n")
    return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())


def _url_text(url: str) -> str:
    """How a URL is written on the contact line: without https:// and a trailing slash."""
    return url.removeprefix("https://").rstrip("/") or url


def _dates_of(item: dict[str, Any], name: str) -> tuple[str, str]:
    start, end = str(item.get("startDate") or ""), str(item.get("endDate") or "")
    for field_name, value in (("startDate", start), ("endDate", end)):
        if value and len(value) >= 7 and not 1 <= int(value[5:7]) <= 12:
            raise ImportProblem(f"{name}.{field_name}: month {value[5:7]} is not 01-12")
    if start and end and end[:7] < start[:7]:
        raise ImportProblem(f"{name}.endDate: {end} is before startDate {start}")
    return start, end


def _dates_text(item: dict[str, Any], name: str) -> str:
    """ "2021-03" / missing end -> "March 2021 – Present"; a single month is written once."""
    start, end = _dates_of(item, name)
    if not start and not end:
        return ""
    if not start:
        return _month_year(end)
    if not end:
        return f"{_month_year(start)} – Present"
    if start[:7] == end[:7]:
        return _month_year(start)
    return f"{_month_year(start)} – {_month_year(end)}"


def _month_year(iso: str) -> str:
    year, _, rest = iso.partition("-")
    if not rest:
        return year
    return f"{MONTH_NAMES[int(rest[:2]) - 1]} {year}"
