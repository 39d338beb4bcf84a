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
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .errors import PortfolioError
from .resume import Bullet, Entry, Resume, Section
from .resume.grammar import BY_NAME

SCHEMA = Path(__file__).parent / "schemas" / "jsonresume-1.3.1.json"
SCHEMA_VERSION = "1.3.1"

# The field that holds an item's name in each list-only array, and the one naming who gave it.
LIST_FIELDS = {"certificates": "name", "awards": "title", "publications": "name", "interests": "name"}
GIVER_FIELDS = {"certificates": "issuer", "awards": "awarder", "publications": "publisher"}


class SchemaError(PortfolioError):
    """Data that is not valid JSON Resume. str() is one line naming the field."""


@dataclass(frozen=True)
class Export:
    data: dict[str, Any]
    notes: tuple[str, ...]  # what the JSON could not hold, one line each


# --------------------------------------------------------------------------- model -> JSON


def to_json_resume(resume: Resume) -> Export:
    """The resume as a JSON Resume document (ordered keys, no empty values) plus notes on losses.

    Each note names the resume.md line of what JSON Resume has no place for.
    """
    notes: list[str] = []
    data: dict[str, Any] = {"basics": _basics(resume, notes)}
    layout: list[dict[str, Any]] = []
    for section in resume.sections:
        where = f"{resume.source}:{section.line}"
        key = section_key(section)
        if key is None:
            notes.append(f"{where}: section '{section.heading}': JSON Resume has no place for free text")
            continue
        items = _section_items(section, key, lambda line, what: notes.append(f"{resume.source}:{line}: {what}"))
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
    """The JSON Resume array a section goes to, from its kind (grammar.SECTIONS), or None."""
    key = BY_NAME[section.kind].json_key
    if key in ("summary", "skills"):
        return key
    if section.entries:
        if key is not None:
            return key
        return "projects" if all(entry.kind == "project" for entry in section.entries) else "work"
    if key in LIST_FIELDS and section.bullets and not section.paragraphs:
        return key
    return None


def _basics(resume: Resume, notes: list[str]) -> dict[str, Any]:
    basics: dict[str, Any] = {"name": resume.name, "label": resume.target_role}
    profiles: list[dict[str, str]] = []
    for item in resume.contact:
        if item.kind == "email" and "email" not in basics:
            address = (item.url or "").removeprefix("mailto:")
            basics["email"] = item.text if "@" in item.text or not address else address
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


def _section_items(section: Section, key: str, note: Any) -> list[Any]:
    if key == "summary":
        return ["\n\n".join(section.paragraphs)]
    if key == "skills":
        if section.paragraphs or section.bullets:
            note(section.line, f"section '{section.heading}': text besides `- **Label:** a, b` groups is left out")
        return [{"name": group.label, "keywords": list(group.items)} for group in section.skills]
    if section.paragraphs:
        note(section.line, f"section '{section.heading}': paragraphs outside entries are left out")
    items: list[Any] = []
    if key in LIST_FIELDS:
        ordered = sorted([*section.bullets, *section.entries], key=lambda item: item.line)
        return [_list_item(key, item, note) for item in ordered]
    for bullet in section.bullets:
        note(bullet.line, f"'{bullet.text[:40]}': a bullet outside any `###` entry is left out")
    for entry in section.entries:
        if key == "education" and entry.paragraphs:
            note(entry.line, f"entry '{entry.title}': education has no place for paragraphs")
        if any("](" in bullet.markdown for bullet in entry.bullets):
            note(entry.line, f"entry '{entry.title}': links inside bullets keep their text only")
        if entry.dates and entry.period is None:
            note(entry.line, f"entry '{entry.title}': dates '{entry.dates}' are not in a form JSON Resume holds")
        items.append(_ENTRY_WRITERS[key](entry))
    return items


def _list_item(key: str, item: Bullet | Entry, note: Any) -> dict[str, Any]:
    """A certificate, award, publication or interest: a one-line entry, or a bullet's text."""
    if isinstance(item, Bullet):
        return {LIST_FIELDS[key]: item.text}
    if item.dates and item.period is None:
        note(item.line, f"'{item.title}': dates '{item.dates}' are not in a form JSON Resume holds")
    found: dict[str, Any] = {LIST_FIELDS[key]: item.title, GIVER_FIELDS.get(key, "entity"): item.organisation}
    if item.location:
        found["location"] = item.location  # not in the schema; it allows extra keys
    if item.period is not None and item.period.start is not None:
        found["releaseDate" if key == "publications" else "date"] = item.period.start.iso()
    if item.link:
        found["url"] = item.link.url
    details = [bullet.text for bullet in item.bullets]
    if details and key == "certificates":
        note(item.line, f"'{item.title}': JSON Resume certificates have no place for the lines under it")
    elif details:
        found["summary"] = " ".join(details)
    return found


def _dates(entry: Entry) -> dict[str, str]:
    period = entry.period
    if period is None or period.start is None:
        return {}
    dates = {"startDate": period.start.iso()}
    if period.end is not None:
        dates["endDate"] = period.end.iso()
    return dates


def _work(entry: Entry) -> dict[str, Any]:
    return {
        "name": entry.organisation,
        "position": entry.title,
        "location": entry.location,
        "url": entry.link.url if entry.link else "",
        **_dates(entry),
        "summary": " ".join(entry.paragraphs),
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
        "description": " ".join(entry.paragraphs),
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


# The types JSON Resume 1.3.1 asks for, as a message says them (a test holds the schema to this list).
TYPE_NAMES = {"string": "text", "array": "a list", "object": "an object"}


def _a_type(expected: str) -> str:
    return TYPE_NAMES[expected]


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
