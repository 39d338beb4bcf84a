"""Field-level recovery of a labelled resume: which answer-key fields reach resume.json, and which are
lost with no warning that names their line.

A key (tests/fixtures/resumes_md_blind/rNN.json, written blind) lists every job, school, degree, date,
bullet, project, certificate, publication, award and skill. A field *reaches* JSON Resume when its text
(or its ISO date) is in the array it belongs to, in the item of its entry. A field that does not reach it
is *lost silently* unless a reader warning or an export note names a line of resume.md holding it.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

SECTION_OF = {
    "jobs": "work",
    "education": "education",
    "projects": "projects",
    "certificates": "certificates",
    "publications": "publications",
    "awards": "awards",
}
# The fields that pick out an entry's item in the JSON array (the first one present is used).
ANCHORS = {
    "jobs": ("company", "title"),
    "education": ("school", "degree"),
    "projects": ("name",),
    "certificates": ("name",),
    "publications": ("name",),
    "awards": ("title",),
}
DATE_FIELDS = ("start", "end", "date")


def norm(text: Any) -> str:
    text = unicodedata.normalize("NFKC", str(text)).casefold()
    text = re.sub(r"[\"'“”‘’`*_]", "", text)
    return " ".join(text.replace("–", "-").replace("—", "-").split()).strip(" .,;:")


def values(item: Any) -> Iterator[str]:
    if isinstance(item, dict):
        for value in item.values():
            yield from values(value)
    elif isinstance(item, list):
        for value in item:
            yield from values(value)
    elif item is not None:
        yield str(item)


@dataclass
class Field:
    where: str  # "jobs[0].company"
    value: str
    reached: bool = False


@dataclass
class Score:
    path: Path
    fields: list[Field] = field(default_factory=list)
    lost_silently: list[str] = field(default_factory=list)

    @property
    def reached(self) -> int:
        return sum(f.reached for f in self.fields)


def key_fields(key: dict[str, Any]) -> Iterator[tuple[str, str, int, str, str]]:
    """(group, field name, index, where, value) for every non-null field of the key."""
    for name in ("name", "email"):
        if key.get(name):
            yield "basics", name, 0, name, str(key[name])
    for group in SECTION_OF:
        for index, item in enumerate(key.get(group) or []):
            for name, value in item.items():
                where = f"{group}[{index}].{name}"
                if name == "bullets":
                    for number, bullet in enumerate(value or []):
                        yield group, "bullet", index, f"{where}[{number}]", bullet
                elif value is not None:
                    yield group, name, index, where, str(value)
    for index, skill in enumerate(key.get("skills") or []):
        yield "skills", "skill", index, f"skills[{index}]", skill


def _item_for(data: dict[str, Any], group: str, index: int, item: dict[str, Any]) -> dict[str, Any] | None:
    """The JSON item holding most of the entry's naming fields (on a tie, the one in the same place)."""
    items = data.get(SECTION_OF[group]) or []
    wanted = [norm(item[anchor]) for anchor in ANCHORS[group] if item.get(anchor)]
    wanted += [norm(item["title"]) for _ in [0] if group == "jobs" and item.get("title")]
    best, best_score = None, 0
    for position, candidate in enumerate(items):
        held = norm(" ".join(values(candidate)))
        score = sum(2 for text in wanted if text in held) + (position == index)
        if score > best_score and score >= 2:
            best, best_score = candidate, score
    return best


def _date_reached(candidate: dict[str, Any] | None, name: str, value: str) -> bool:
    if candidate is None:
        return False
    dates = [str(candidate.get(k, "")) for k in ("startDate", "endDate", "date", "releaseDate")]
    if value == "present":
        return bool(candidate.get("startDate")) and not candidate.get("endDate")
    if name == "end" and not candidate.get("endDate") and candidate.get("startDate", "").startswith(value):
        return True  # a single date: JSON Resume holds it as the start
    return any(date.startswith(value) for date in dates if date)


def reached(data: dict[str, Any], key: dict[str, Any], group: str, name: str, index: int, value: str) -> bool:
    if group == "basics":
        return norm(value) == norm((data.get("basics") or {}).get(name, ""))
    if group == "skills":
        return norm(value) in {norm(v) for v in values(data.get("skills") or [])}
    item = key[group][index]
    candidate = _item_for(data, group, index, item)
    if name in DATE_FIELDS:
        return _date_reached(candidate, name, value)
    if candidate is None:
        return False
    held = norm(" ".join(values(candidate)))
    if name == "degree":  # JSON Resume splits "B.S. in Physics" into studyType "B.S." and area "Physics"
        return all(word in held.split() for word in norm(value).split() if word != "in")
    return norm(value) in held


def lines_holding(source: list[str], name: str, value: str) -> set[int]:
    """resume.md lines where a field is written (a date by its year; a long text by its start)."""
    if name in DATE_FIELDS:
        needle = value[:4] if value != "present" else ""
        if not needle:
            return {n for n, line in enumerate(source, 1) if re.search(r"(?i)present|current|now", line)}
    else:
        needle = norm(value)[:40]
    return {n for n, line in enumerate(source, 1) if needle and needle in norm(line)}


def score(path: Path, key: dict[str, Any], data: dict[str, Any], warned: set[int] | None = None) -> Score:
    """The key's fields against JSON Resume `data`; with `warned` (lines of a Markdown source named by a
    warning), also the fields lost with no warning."""
    source = path.read_text(encoding="utf-8").splitlines() if warned is not None else []
    result = Score(path)
    for group, name, index, where, value in key_fields(key):
        found = Field(where, value, reached(data, key, group, name, index, value))
        result.fields.append(found)
        if warned is not None and not found.reached and not lines_holding(source, name, value) & warned:
            result.lost_silently.append(f"{path.name}: {where} '{value}'")
    return result


def warned_lines(messages: list[str]) -> set[int]:
    """Line numbers named by `file:LINE: ...` messages."""
    return {int(m.group(1)) for message in messages if (m := re.search(r"\.md:(\d+):", message))}


def load_key(path: Path) -> dict[str, Any]:
    return json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
