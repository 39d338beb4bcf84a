"""Field-level recovery of the blind resumes in other languages (tests/fixtures/lang_blind, labels.json written
blind): name, email, each heading's section kind, each job's company, title and dates, each school's name,
degree and dates, and every bullet. A field counts when the model read from resume.md holds it."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

LANG_BLIND = Path(__file__).resolve().parents[1] / "fixtures" / "lang_blind"
KINDS = {"experience": "experience", "education": "education", "skills": "skills", "projects": "projects", "summary": "summary"}


@dataclass
class Score:
    got: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    def check(self, where: str, want: Any, have: Any) -> None:
        self.total += 1
        if want == have:
            self.got += 1
        else:
            self.misses.append(f"{where}: want {want!r}, read {have!r}")

    @property
    def share(self) -> float:
        return self.got / self.total if self.total else 0.0


def labels() -> dict[str, dict]:
    return json.loads((LANG_BLIND / "labels.json").read_text(encoding="utf-8"))


def _date(point: Any) -> str | None:
    return point.iso() if point is not None else None


def _dates(entry: Any) -> tuple[str | None, str | None]:
    period = entry.period
    if period is None:
        return None, None
    return _date(period.start), "present" if period.ongoing else _date(period.end)


def score(resume_module: Any, name: str, label: dict, total: Score) -> None:
    try:
        model = resume_module.load_resume(LANG_BLIND / name)
    except Exception as error:  # noqa: BLE001 - a resume that does not read scores nothing
        for key in ("name", "email", "sections", "jobs", "schools", "bullets"):
            count = 1 if key in ("name", "email") else len(label[key]) * (4 if key in ("jobs", "schools") else 1)
            total.total += count
        total.misses.append(f"{name}: not read: {error}")
        return
    total.check(f"{name}: lang", label["lang"], getattr(model, "lang", "en"))
    total.check(f"{name}: name", label["name"], model.name)
    total.check(f"{name}: email", label["email"], model.email)
    headings = {section.heading: section.kind for section in model.sections}
    for section in label["sections"]:
        total.check(f"{name}: heading {section['heading']}", section["kind"], KINDS.get(headings.get(section["heading"], ""), "other"))
    jobs = [entry for entry in model.entries() if entry.kind == "job"]
    schools = [entry for entry in model.entries() if entry.kind == "degree"]
    for kind, wanted, found, org, title in (("job", label["jobs"], jobs, "company", "title"), ("school", label["schools"], schools, "school", "degree")):
        for index, want in enumerate(wanted):
            have = found[index] if index < len(found) else None
            where = f"{name}: {kind} {index + 1}"
            total.check(f"{where} {org}", want[org], have.organisation if have else None)
            total.check(f"{where} {title}", want[title], have.title if have else None)
            start, end = _dates(have) if have else (None, None)
            total.check(f"{where} start", want["start"], start)
            total.check(f"{where} end", want["end"], end)
    bullets = {bullet.text for bullet in model.all_bullets()}
    for bullet in label["bullets"]:
        total.check(f"{name}: bullet", bullet, bullet if bullet in bullets else None)


def score_all(resume_module: Any) -> Score:
    total = Score()
    for name, label in sorted(labels().items()):
        score(resume_module, name, label, total)
    return total
