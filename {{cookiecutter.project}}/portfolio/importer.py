"""`./run.sh import resume.json`: a JSON Resume file to resume.md in this repo's conventions.

The file is checked against the pinned JSON Resume 1.3.1 schema first; any problem stops the import
with one line naming the field, and resume.md is left as it was. Fields with no place in resume.md
are listed ("not mapped: field: why"). resume.md is replaced only while it still holds the
template's example (see `is_example`) or with `--force`, and always through a temporary file.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import jsonresume
from .exports import md_escape as _md
from .model import MONTH_NAMES, PAPERS, Resume, ResumeError, load_resume, parse_resume

# Section headings for a file without `meta.portfolio.sections`, in this order.
DEFAULT_SECTIONS = (
    ("summary", "Professional Summary"),
    ("skills", "Technical Skills"),
    ("work", "Experience"),
    ("projects", "Projects"),
    ("education", "Education"),
    ("volunteer", "Volunteering"),
    ("certificates", "Certifications"),
    ("awards", "Awards"),
    ("publications", "Publications"),
    ("interests", "Interests"),
)
NOT_MAPPED = {
    "basics.image": "a photo does not belong on an ATS-safe resume",
    "basics.location.address": "a street address is left off a public resume",
    "basics.location.postalCode": "a postal code is left off a public resume",
    "languages": "resume.md has no spoken-languages section; add a skills group if you need it",
    "references": "references are given on request, not on the resume",
}
# Fingerprints (see `example_fingerprint`) of the example resume.md the template has shipped.
# tests/test_import.py checks the current one and prints the new value when the example changes:
# add it here (keep the old ones, so repos baked from an older template are still recognised).
EXAMPLE_FINGERPRINTS = frozenset(
    {
        "4898a183898923ea597208d9f3c93960558abdc446c4c90d70affa65b06e39f0",  # the 2026-11 example
    }
)


class ImportProblem(Exception):
    """The JSON Resume file cannot be imported. str() is one line naming the file and field."""


@dataclass
class ImportResult:
    markdown: str
    not_mapped: list[str] = field(default_factory=list)  # "field: why", one per line
    notes: list[str] = field(default_factory=list)  # fields that were mapped with a change
    written: Path | None = None


# --------------------------------------------------------------------------- the command


def import_file(source: Path, target: Path, *, force: bool = False) -> ImportResult:
    """Convert `source` (JSON Resume) and write it to `target` (resume.md)."""
    data = read_json_resume(source)
    result = to_markdown(data)
    _check_readable(result.markdown, target)
    if target.exists() and not force and not is_example(target):
        raise ImportProblem(
            f"{target}: holds your own resume (not the template's example); "
            "pass --force to replace it"
        )
    result.written = write_atomic(target, result.markdown)
    return result


def read_json_resume(source: Path) -> dict[str, Any]:
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


def _check_readable(markdown: str, target: Path) -> None:
    """The converted text must read back without errors; a failure here is a bug in this module."""
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


# --------------------------------------------------------------------------- the example


def is_example(path: Path) -> bool:
    """True while resume.md still holds the template's example content.

    Compared by the fingerprint of its parsed content, not its bytes: the example's name, contact
    line and target role come from the answers given at bake time, and formatters may rewrap the
    file; neither makes it the user's own resume.
    """
    try:
        resume = load_resume(path)
    except ResumeError:
        return False
    return example_fingerprint(resume) in EXAMPLE_FINGERPRINTS


def example_fingerprint(resume: Resume) -> str:
    """A hash of all of resume.md except the bake-time answers (name, contact, target role)."""
    role = resume.target_role

    def neutral(text: str) -> str:
        return text.replace(role, "{target_role}") if role else text

    content = [
        [
            section.heading,
            section.kind,
            [neutral(paragraph) for paragraph in section.paragraphs],
            [[group.label, list(group.items)] for group in section.skills],
            [bullet.text for bullet in section.bullets],
            [
                [entry.title, entry.organisation, entry.location, entry.dates, list(entry.tech)]
                + [bullet.text for bullet in entry.bullets]
                for entry in section.entries
            ],
        ]
        for section in resume.sections
    ]
    return hashlib.sha256(json.dumps(content, ensure_ascii=False).encode("utf-8")).hexdigest()


# --------------------------------------------------------------------------- JSON -> Markdown


def to_markdown(data: dict[str, Any]) -> ImportResult:
    writer = _Writer(data)
    return ImportResult(writer.markdown(), writer.not_mapped, writer.notes)


class _Writer:
    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.basics: dict[str, Any] = data.get("basics") or {}
        self.not_mapped: list[str] = []
        self.notes: list[str] = []

    def skip(self, name: str, why: str) -> None:
        self.not_mapped.append(f"{name}: {why}")

    def note(self, name: str, what: str) -> None:
        self.notes.append(f"{name}: {what}")

    def markdown(self) -> str:
        self.report_unmapped()
        blocks = [self.front_matter(), f"# {_md(str(self.basics['name']))}", self.contact_line()]
        for key, heading, items in self.sections():
            blocks.append(f"## {_md(heading)}")
            blocks += self.section_blocks(key, items)
        return "\n\n".join(block for block in blocks if block) + "\n"

    # -- basics

    def front_matter(self) -> str:
        role = self.text(self.basics.get("label"))
        phone = self.text(self.basics.get("phone"))
        if phone:
            self.note("basics.phone", "in the front matter, not published (publish_phone: false)")
        lines = [
            "---",
            f"target_role: {json.dumps(role, ensure_ascii=False)}",
            f"phone: {json.dumps(phone, ensure_ascii=False)}",
            "publish_phone: false",
        ]
        portfolio = (self.data.get("meta") or {}).get("portfolio")
        paper = portfolio.get("paper") if isinstance(portfolio, dict) else None
        if paper in PAPERS and paper != PAPERS[0]:
            lines.append(f"paper: {paper}")
        lines.append("---")
        return "\n".join(lines)

    def contact_line(self) -> str:
        items: list[str] = []
        location = self.basics.get("location") or {}
        if location:
            place = jsonresume.join_location(location)
            if place:
                items.append(_field(place))
        if self.text(self.basics.get("email")):
            items.append(_field(self.text(self.basics["email"])))
        # The template's order: location | email | GitHub | website | LinkedIn and other profiles.
        profiles = [
            (self.text(profile.get("network")).lower() == "github", index, profile)
            for index, profile in enumerate(self.basics.get("profiles") or [])
        ]
        for is_github, index, profile in profiles:
            if is_github:
                items.append(self.profile_text(profile, f"basics.profiles[{index}]"))
        if self.text(self.basics.get("url")):
            items.append(_field(_url_text(self.text(self.basics["url"]))))
        for is_github, index, profile in profiles:
            if not is_github:
                items.append(self.profile_text(profile, f"basics.profiles[{index}]"))
        return " | ".join(item for item in items if item)

    def profile_text(self, profile: dict[str, Any], name: str) -> str:
        url = self.text(profile.get("url"))
        network = self.text(profile.get("network")).lower()
        username = self.text(profile.get("username"))
        if not url and username and network in ("github", "linkedin"):
            url = {"github": "https://github.com/", "linkedin": "https://www.linkedin.com/in/"}[
                network
            ] + username
        if not url:
            self.skip(name, "a profile without a url")
            return ""
        return _field(_url_text(url))

    # -- sections

    def sections(self) -> list[tuple[str, str, list[tuple[int, Any]]]]:
        """(key, heading, items) in `meta.portfolio.sections` order, else the default order."""
        pools = {key: list(enumerate(self.data.get(key) or [])) for key, _ in DEFAULT_SECTIONS}
        summary = self.basics.get("summary")
        pools["summary"] = [(0, self.text_block(summary))] if summary else []
        layout = self.layout()
        chosen: list[tuple[str, str, list[tuple[int, Any]]]] = []
        for key, heading, count in layout:
            items, pools[key] = pools[key][:count], pools[key][count:]
            chosen.append((key, heading, items))
        for key, heading in DEFAULT_SECTIONS:  # whatever the layout did not place
            if pools[key]:
                same = [index for index, (k, _, _) in enumerate(chosen) if k == key]
                if same:
                    chosen[same[-1]][2].extend(pools[key])
                else:
                    chosen.append((key, heading, pools[key]))
        return [
            (key, heading, items) for key, heading, items in chosen if items or key != "summary"
        ]

    def layout(self) -> list[tuple[str, str, int]]:
        meta = (self.data.get("meta") or {}).get("portfolio")
        if meta is None:
            return []
        keys = {key for key, _ in DEFAULT_SECTIONS}
        try:
            layout = [(str(s["key"]), str(s["heading"]), int(s["count"])) for s in meta["sections"]]
            if all(
                key in keys and heading.strip() and count >= 0 for key, heading, count in layout
            ):
                return layout
        except (KeyError, TypeError, ValueError):
            pass
        self.skip(
            "meta.portfolio.sections", "not a list of {heading, key, count}; default headings used"
        )
        return []

    def section_blocks(self, key: str, items: list[tuple[int, Any]]) -> list[str]:
        if key == "summary":
            paragraphs = "\n\n".join(text for _, text in items).split("\n\n")
            return [_md(paragraph) for paragraph in paragraphs if paragraph.strip()]
        if key == "skills":
            return [self.skills(items)]
        if key in jsonresume.LIST_FIELDS:
            return [_bullets([self.list_item(key, item) for _, item in items])]
        blocks: list[str] = []
        for index, item in items:
            blocks += self.entry(key, item, f"{key}[{index}]")
        return blocks

    def skills(self, items: list[tuple[int, dict[str, Any]]]) -> str:
        lines, loose = [], []
        for index, skill in items:
            name = self.text(skill.get("name"))
            keywords = [self.text(k) for k in skill.get("keywords") or [] if self.text(k)]
            if skill.get("level"):
                self.skip(
                    f"skills[{index}].level", "levels are not shown; let the bullets prove them"
                )
            if keywords and name:
                lines.append(f"- **{_md(name)}:** {', '.join(_md(word) for word in keywords)}")
            else:
                loose += [name] if name else keywords
        if loose:
            lines.append(f"- **Other:** {', '.join(_md(word) for word in loose)}")
        return "\n".join(lines)

    def list_item(self, key: str, item: dict[str, Any]) -> str:
        text = self.text(item.get(jsonresume.LIST_FIELDS[key]))
        extras = [
            self.text(item.get(name)) for name in ("issuer", "awarder", "publisher") if item.get(name)
        ]
        date = self.text(item.get("date") or item.get("releaseDate"))
        if date:
            extras.append(_month_year(date))
        keywords = [self.text(word) for word in item.get("keywords") or []]
        if keywords:
            extras.append(", ".join(keywords))
        return ", ".join([text, *extras]) if text else ", ".join(extras)

    def entry(self, key: str, item: dict[str, Any], name: str) -> list[str]:
        dates = _dates_text(item, name)
        location = self.text(item.get("location"))
        url = self.text(item.get("url"))
        bullets = [self.text(h) for h in item.get("highlights") or item.get("courses") or []]
        paragraph = "description" if key == "projects" else "summary"
        if self.text(item.get(paragraph)):
            bullets.insert(0, self.text(item[paragraph]))
            self.note(f"{name}.{paragraph}", "became the first bullet; give it a measured result")
        if key in ("work", "volunteer") and self.text(item.get("description")):
            self.skip(f"{name}.description", "describes the organisation; resume.md has no place")
        if key == "education" and item.get("score"):
            bullets.append(f"GPA: {self.text(item['score'])}")
        if key == "projects":
            return self.project(item, name, dates, location, url, bullets)
        title, organisation = self.title_and_organisation(key, item)
        if not title:
            self.skip(f"{name}.position", "missing; the entry has no title")
            title = organisation or "Untitled"
        if not organisation:
            head = " | ".join([_field(title)] + [f"*{_field(dates)}*"] * bool(dates))
            if location:
                self.skip(f"{name}.location", "no organisation to put it after")
            return [f"### {head}", _bullets(bullets)]
        org = f"[{_field(organisation)}]({_url(url)})" if url else _field(organisation)
        details = (
            [f"**{org}**"]
            + [_field(location)] * bool(location)
            + [f"*{_field(dates)}*"] * bool(dates)
        )
        return [f"### {_field(title)}", " | ".join(details), _bullets(bullets)]

    def title_and_organisation(self, key: str, item: dict[str, Any]) -> tuple[str, str]:
        if key == "education":
            study, area = self.text(item.get("studyType")), self.text(item.get("area"))
            title = f"{study} in {area}" if study and area else study or area
            return title, self.text(item.get("institution"))
        organisation = item.get("organization") if key == "volunteer" else item.get("name")
        return self.text(item.get("position")), self.text(organisation)

    def project(
        self,
        item: dict[str, Any],
        name: str,
        dates: str,
        location: str,
        url: str,
        bullets: list[str],
    ) -> list[str]:
        head = [_field(self.text(item.get("name")) or "Untitled project")]
        keywords = [self.text(word) for word in item.get("keywords") or [] if self.text(word)]
        if keywords:
            head.append(f"*{', '.join(_field(word) for word in keywords)}*")
        if url:
            head.append(f"[{_field(_url_text(url))}]({_url(url)})")
        entity = self.text(item.get("entity"))
        for extra in ("roles", "type"):
            if item.get(extra):
                self.skip(f"{name}.{extra}", "no place for it in a project entry")
        if not entity:
            head += [f"*{_field(dates)}*"] * bool(dates)
            if location:
                self.skip(f"{name}.location", "no organisation (entity) to put it after")
            return [f"### {' | '.join(head)}", _bullets(bullets)]
        details = (
            [f"**{_field(entity)}**"]
            + [_field(location)] * bool(location)
            + [f"*{_field(dates)}*"] * bool(dates)
        )
        return [f"### {' | '.join(head)}", " | ".join(details), _bullets(bullets)]

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

    @staticmethod
    def text(value: Any) -> str:
        return " ".join(str(value).split()) if value is not None else ""

    @staticmethod
    def text_block(value: Any) -> str:
        """Text that may hold paragraphs (blank-line separated); each paragraph on one line."""
        paragraphs = str(value).replace("\r\n", "\n").split("\n\n")
        return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())


def _bullets(texts: list[str]) -> str:
    return "\n".join(f"- {_md(text)}" for text in texts if text.strip())


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


def _field(text: str) -> str:
    """A field of a `|`-separated line: a `|` inside it would split it, so it becomes `/`."""
    return _md(text.replace("|", "/"))


def _url(url: str) -> str:
    """A link destination: bare when it can be (as mdformat writes it), else in `<...>`."""
    url = url.replace(" ", "%20").replace("<", "%3C").replace(">", "%3E")
    return f"<{url}>" if re.search(r"[()\\]", url) else url
