"""The resume model as JSON Resume (schema 1.3.1) and the schema check shared by export and import.

Sections map by kind and heading: the summary goes to `basics.summary`, skill groups to `skills`,
`###` entries to `work`, `projects`, `education` or `volunteer`, and list-only sections such as
certifications, awards or publications to their JSON Resume arrays. JSON Resume has no place for section
headings or their order, so `meta.portfolio.sections` records them ({heading, key, count}); the schema allows
extra keys there, and `import` uses them (and `meta.portfolio.paper`) to give back the same
resume.md.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .model import _PROJECTS_RE, Entry, PartialDate, Resume, Section

SCHEMA = Path(__file__).parent / "schemas" / "jsonresume-1.3.1.json"
SCHEMA_VERSION = "1.3.1"

# Section key (a JSON Resume array, or "summary") chosen from a section's heading.
_EDUCATION_RE = re.compile(r"educat|degree|academ|school|universit", re.IGNORECASE)
_VOLUNTEER_RE = re.compile(r"volunt|communit", re.IGNORECASE)
_LIST_KEYS = (
    (re.compile(r"certif|licen[cs]", re.IGNORECASE), "certificates", "name"),
    (re.compile(r"award|honou?r|achievement", re.IGNORECASE), "awards", "title"),
    (re.compile(r"publicat|papers|talks", re.IGNORECASE), "publications", "name"),
    (re.compile(r"interest|hobb", re.IGNORECASE), "interests", "name"),
)
# The field that holds a list item's text in each list-only array.
LIST_FIELDS = {key: field for _, key, field in _LIST_KEYS}


class SchemaError(Exception):
    """Data that is not valid JSON Resume. str() is one line naming the field."""


@dataclass(frozen=True)
class Export:
    data: dict[str, Any]
    notes: tuple[str, ...]  # what the JSON could not hold, one line each


# --------------------------------------------------------------------------- model -> JSON


def to_json_resume(resume: Resume) -> Export:
    """The resume as a JSON Resume document (ordered keys, no empty values) plus notes on losses."""
    notes: list[str] = []
    data: dict[str, Any] = {"basics": _basics(resume, notes)}
    layout: list[dict[str, Any]] = []
    for section in resume.sections:
        key = section_key(section)
        if key is None:
            notes.append(f"section '{section.heading}': JSON Resume has no place for free text")
            continue
        items = _section_items(section, key, notes)
        if key == "summary":
            data["basics"]["summary"] = items[0] if items else ""
            count = 1
        else:
            data.setdefault(key, []).extend(items)
            count = len(items)
        layout.append({"heading": section.heading, "key": key, "count": count})
    data["meta"] = {"portfolio": {"sections": layout, "paper": resume.paper}}
    return Export(_without_empty(data), tuple(notes))


def section_key(section: Section) -> str | None:
    if section.kind == "summary":
        return "summary"
    if section.kind == "skills":
        return "skills"
    if section.entries:
        if _PROJECTS_RE.search(section.heading):
            return "projects"
        if _EDUCATION_RE.search(section.heading):
            return "education"
        if _VOLUNTEER_RE.search(section.heading):
            return "volunteer"
        return "work"
    for pattern, key, _ in _LIST_KEYS:
        if section.bullets and not section.paragraphs and pattern.search(section.heading):
            return key
    return None


def _basics(resume: Resume, notes: list[str]) -> dict[str, Any]:
    basics: dict[str, Any] = {"name": resume.name, "label": resume.target_role}
    profiles: list[dict[str, str]] = []
    for item in resume.contact:
        if item.kind == "email" and "email" not in basics:
            basics["email"] = item.text
        elif item.kind == "phone" and "phone" not in basics:
            basics["phone"] = item.text
        elif item.kind == "location" and "location" not in basics:
            basics["location"] = split_location(item.text)
        elif item.kind == "website" and "url" not in basics:
            basics["url"] = item.url
        elif item.kind in ("github", "linkedin", "website") and item.url:
            profiles.append(_profile(item.kind, item.url))
        else:
            notes.append(f"contact item '{item.text}': no JSON Resume field for it")
    basics["profiles"] = profiles
    return basics


def split_location(text: str) -> dict[str, str]:
    """Split "City, ST" into city and region at the last comma ("Paris, Île-de-France, FR" too)."""
    city, comma, region = text.rpartition(",")
    if not comma or not city.strip():
        return {"city": text.strip()}
    return {"city": city.strip(), "region": region.strip()}


def join_location(location: dict[str, Any]) -> str:
    parts = [location.get("city", ""), location.get("region", "")]
    parts = [str(part).strip() for part in parts if str(part or "").strip()]
    if len(parts) < 2 and str(location.get("countryCode") or "").strip():
        parts.append(str(location["countryCode"]).strip())
    return ", ".join(parts)


def _profile(kind: str, url: str) -> dict[str, str]:
    parts = urlsplit(url)
    path = [piece for piece in parts.path.split("/") if piece]
    network = {"github": "GitHub", "linkedin": "LinkedIn"}.get(kind) or parts.netloc.removeprefix(
        "www."
    )
    profile = {"network": network, "url": url}
    if path and kind in ("github", "linkedin"):
        profile["username"] = path[-1]
    return profile


def _section_items(section: Section, key: str, notes: list[str]) -> list[Any]:
    if key == "summary":
        return ["\n\n".join(section.paragraphs)]
    if key == "skills":
        if section.paragraphs or section.bullets:
            notes.append(
                f"section '{section.heading}': text besides `- **Label:** a, b` groups is left out"
            )
        return [{"name": group.label, "keywords": list(group.items)} for group in section.skills]
    if key in LIST_FIELDS:
        return [{LIST_FIELDS[key]: bullet.text} for bullet in section.bullets]
    if section.paragraphs or section.bullets:
        notes.append(f"section '{section.heading}': text before the first `###` entry is left out")
    items = []
    for entry in section.entries:
        if entry.paragraphs:
            notes.append(f"entry '{entry.title}': paragraphs (not `- ` bullets) are left out")
        if any("](" in bullet.markdown for bullet in entry.bullets):
            notes.append(f"entry '{entry.title}': links inside bullets keep their text only")
        if entry.dates and entry.period is None:
            notes.append(
                f"entry '{entry.title}': dates '{entry.dates}' are not in a form JSON Resume holds"
            )
        items.append(_ENTRY_WRITERS[key](entry))
    return items


def _dates(entry: Entry) -> dict[str, str]:
    period = entry.period
    if period is None or period.start is None:
        return {}
    dates = {"startDate": iso_date(period.start)}
    if period.end is not None:
        dates["endDate"] = iso_date(period.end)
    return dates


def _work(entry: Entry) -> dict[str, Any]:
    return {
        "name": entry.organisation,
        "position": entry.title,
        "location": entry.location,
        "url": entry.link.url if entry.link else "",
        **_dates(entry),
        "highlights": [bullet.text for bullet in entry.bullets],
    }


def _volunteer(entry: Entry) -> dict[str, Any]:
    item = _work(entry)
    return {"organization": item.pop("name"), **item}


def _project(entry: Entry) -> dict[str, Any]:
    return {
        "name": entry.title,
        "entity": entry.organisation,
        "location": entry.location,  # not in the schema; it allows extra keys
        "keywords": list(entry.tech),
        "url": entry.link.url if entry.link else "",
        **_dates(entry),
        "highlights": [bullet.text for bullet in entry.bullets],
    }


def _education(entry: Entry) -> dict[str, Any]:
    study_type, separator, area = entry.title.partition(" in ")
    return {
        "institution": entry.organisation,
        "studyType": study_type,
        "area": area if separator else "",
        "location": entry.location,  # not in the schema; it allows extra keys
        "url": entry.link.url if entry.link else "",
        **_dates(entry),
        "courses": [bullet.text for bullet in entry.bullets],
    }


_ENTRY_WRITERS = {
    "work": _work,
    "volunteer": _volunteer,
    "projects": _project,
    "education": _education,
}


def iso_date(date: PartialDate) -> str:
    return f"{date.year:04d}-{date.month:02d}" if date.month else f"{date.year:04d}"


def _without_empty(value: Any) -> Any:
    """Drop "" and [] and {} so the file holds only what the resume has."""
    if isinstance(value, dict):
        cleaned = {key: _without_empty(item) for key, item in value.items()}
        return {key: item for key, item in cleaned.items() if item not in ("", [], {}, None)}
    if isinstance(value, list):
        return [_without_empty(item) for item in value]
    return value


# --------------------------------------------------------------------------- schema check


@functools.lru_cache(maxsize=1)
def _validator() -> Any:
    from jsonschema import Draft7Validator, FormatChecker

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return Draft7Validator(schema, format_checker=FormatChecker())


def validate(data: Any) -> None:
    """Raise SchemaError naming the first field that breaks JSON Resume 1.3.1."""
    from jsonschema.exceptions import best_match

    error = best_match(_validator().iter_errors(data))
    if error is None:
        return
    field = field_name(error.absolute_path) or "the top level"
    if error.validator == "pattern":  # the schema's only patterns are its dates
        raise SchemaError(
            f"{field}: '{error.instance}' is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)"
        )
    if error.validator == "type":
        raise SchemaError(
            f"{field}: must be {_a_type(error.validator_value)}, not {json_type(error.instance)}"
        )
    raise SchemaError(f"{field}: {' '.join(error.message.split())}")


def field_name(path: Any) -> str:
    """("work", 0, "startDate") -> "work[0].startDate"."""
    name = ""
    for part in path:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name


def _a_type(expected: Any) -> str:
    names = {"string": "text", "array": "a list", "object": "an object", "number": "a number"}
    if isinstance(expected, list):
        return " or ".join(names.get(item, item) for item in expected)
    return names.get(expected, str(expected))


def json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "null"
    return "an object"
