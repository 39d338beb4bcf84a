"""An application's record: the front matter of its `notes.md`, one source of truth for what it is and where it
stands, and the folder name made from the company ("applications/2026-12-07-acme-corp")."""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..errors import PortfolioError
from ..resume.writer import yaml_string

APPLICATIONS = "applications"
NOTES = "notes.md"
STATUSES = ("draft", "applied", "interview", "offer", "rejected", "withdrawn")
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
_SLUG_LENGTH = 48


class ApplicationError(PortfolioError):
    """A problem with an application the user can fix (one line)."""


@dataclass(frozen=True)
class Application:
    folder: Path
    company: str
    role: str
    created: datetime.date
    status: str = "draft"
    variant: str = ""
    contact: str = ""
    sent: datetime.date | None = None

    @property
    def name(self) -> str:
        return self.folder.name

    def days_since(self, today: datetime.date) -> int:
        return (today - (self.sent or self.created)).days


def slug(company: str) -> str:
    """A folder name from a company name: letters and digits in ASCII, joined by hyphens ("Société Générale" ->
    "societe-generale"); a name with none of those ("株式会社メルカリ") gets a short digest of itself."""
    words = re.findall(r"[a-z0-9]+", unicodedata.normalize("NFKD", company).encode("ascii", "ignore").decode().lower())
    made = "-".join(words)[:_SLUG_LENGTH].strip("-")
    if made:
        return made
    if not company.strip():
        raise ApplicationError("the company name is empty")
    return "company-" + hashlib.sha256(company.strip().encode()).hexdigest()[:8]


def read(folder: Path) -> Application:
    path = folder / NOTES
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ApplicationError(f"{path}: no {NOTES} in this application folder") from None
    match = _FRONT_MATTER.match(text)
    data = _yaml(match.group(1), path) if match else None
    if not isinstance(data, dict):
        raise ApplicationError(f"{path}:1: no front matter (`---` lines with company, role and status)")
    status = str(data.get("status") or "draft")
    if status not in STATUSES:
        raise ApplicationError(f"{path}: status '{status}' is not one of {', '.join(STATUSES)}")
    return Application(
        folder=folder,
        company=str(data.get("company") or ""),
        role=str(data.get("role") or ""),
        created=_date(data.get("created"), path, "created") or _date_of(folder),
        status=status,
        variant=str(data.get("variant") or ""),
        contact=str(data.get("contact") or ""),
        sent=_date(data.get("sent"), path, "sent"),
    )


def front_matter(application: Application) -> str:
    lines = ["---"]
    for key in ("company", "role", "variant", "contact"):
        lines.append(f"{key}: {yaml_string(getattr(application, key))}")
    lines.append(f"created: {application.created.isoformat()}")
    lines.append(f"status: {application.status}")
    if application.sent:
        lines.append(f"sent: {application.sent.isoformat()}")
    return "\n".join(lines) + "\n---\n"


def write_status(application: Application, status: str, *, sent: datetime.date | None = None) -> Application:
    """Rewrite the front matter of notes.md with a new status, leaving the notes under it as they are."""
    if status not in STATUSES:
        raise ApplicationError(f"status '{status}' is not one of {', '.join(STATUSES)}")
    changed = dataclasses.replace(application, status=status, sent=sent or application.sent)
    path = application.folder / NOTES
    text = path.read_text(encoding="utf-8")
    path.write_text(_FRONT_MATTER.sub(lambda _: front_matter(changed), text, count=1), encoding="utf-8")
    return changed


def all_applications(repo: Path) -> list[Application]:
    folder = repo / APPLICATIONS
    if not folder.is_dir():
        return []
    return sorted((read(path) for path in folder.iterdir() if (path / NOTES).is_file()), key=lambda a: a.name)


def find(repo: Path, company: str) -> Application:
    """The latest application to `company`: by its folder's name, its company's name, or the first words of that
    ("Stripe" for "Stripe, Inc."), when they name one company only."""
    wanted = slug(company)
    found = all_applications(repo)
    exact = [a for a in found if a.name == company or slug(a.company) == wanted]
    if exact:
        return exact[-1]
    starting = [a for a in found if slug(a.company).startswith(f"{wanted}-")]
    companies = sorted({a.company for a in starting})
    if len(companies) > 1:
        raise ApplicationError(f"'{company}' could be {' or '.join(companies)}: name the company as you did in ./run.sh apply")
    if not starting:
        raise ApplicationError(f"no application to '{company}' in {APPLICATIONS}/ (start one: ./run.sh apply COMPANY --job FILE)")
    return starting[-1]


def _yaml(text: str, path: Path) -> object:
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        raise ApplicationError(f"{path}:{line}: the front matter is not valid YAML") from None


def _date(value: object, path: Path, key: str) -> datetime.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        raise ApplicationError(f"{path}: {key} '{value}' is not a date (YYYY-MM-DD)") from None


def _date_of(folder: Path) -> datetime.date:
    try:
        return datetime.date.fromisoformat(folder.name[:10])
    except ValueError:
        return datetime.date.today()
