"""`./run.sh apply COMPANY --job posting.txt [--variant NAME] [--role TITLE]`: start an application.

Writes `applications/<date>-<slug>/` with the posting as given, `letter.md` started from a template (a greeting
to the person the posting names, the role, paragraphs whose placeholders point at the resume bullets that match
the posting best, a closing) and `notes.md` (the record, then room for interview notes). The folder is written
beside its final place and renamed into it, so nothing is half-written; an existing folder is never replaced.
"""

from __future__ import annotations

import datetime
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .. import match
from ..resume import Bullet, Resume
from ..resume.escape import md_escape
from ..resume.fields import title_score
from .record import APPLICATIONS, NOTES, Application, ApplicationError, front_matter, slug

POSTING = "posting.txt"
LETTER = "letter.md"
MAX_POSTING_BYTES = 200_000  # a posting is a page or two; a file this long is something else
STRONGEST = 3
# A person's name: two or three capitalised words, maybe after a title ("Dr. Priya Natarajan", "Zoë Müller").
_UPPER, _LOWER = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿ'’-"
_NAME = rf"(?:(?:Mr|Mrs|Ms|Mx|Dr)\.?\s+)?[{_UPPER}][{_LOWER}]+(?:\s+[{_UPPER}][{_LOWER}]+){{1,2}}"
# "Contact: Jane Doe", "Hiring manager - Jane Doe", "reach out to Jane Doe", "email Jane Doe at ..."
_CONTACT_RES = (
    re.compile(rf"(?i:contact|hiring manager|recruiter|talent partner|attn|attention)\s*[:\-–—]\s*({_NAME})"),
    re.compile(rf"(?i:reach out to|write to|e-?mail|contact|address (?:it|your letter) to)\s+({_NAME})\b"),
)


# What follows a title on its line: its team, place or kind ("Senior Engineer — Payments", "SRE (Remote)").
_ROLE_END = re.compile(
    r"\s+[-–—|·]\s+|\s*[()]|,\s*(?:remote|hybrid|on-?site|full-time|part-time|contract)\b[^,]*", re.IGNORECASE
)


@dataclass(frozen=True)
class Started:
    application: Application
    strongest: tuple[Bullet, ...]


def start_application(
    repo: Path,
    company: str,
    posting: Path,
    resume: Resume,
    *,
    role: str = "",
    variant: str = "",
    today: datetime.date | None = None,
) -> Started:
    company = " ".join(company.split())
    folder_name = f"{(today or datetime.date.today()).isoformat()}-{slug(company)}"
    target = repo / APPLICATIONS / folder_name
    if target.exists():
        raise ApplicationError(f"{APPLICATIONS}/{folder_name} already exists; it is never replaced (edit it, or name the company differently)")
    text = read_posting(posting)
    tailored = resume.variant(variant) if variant else resume
    role = " ".join(role.split()) or posting_role(text)
    if not role:
        raise ApplicationError(f"{posting}: no job title in its first lines; name the role with --role TITLE")
    application = Application(target, company, role, today or datetime.date.today(), variant=variant, contact=posting_contact(text))
    strongest = strongest_bullets(text, tailored)
    _write_folder(target, {
        POSTING: posting.read_bytes(),
        LETTER: letter_template(application, strongest, resume.name).encode(),
        NOTES: notes_template(application).encode(),
    })
    return Started(application, strongest)


def read_posting(posting: Path) -> str:
    try:
        data = posting.read_bytes()
    except FileNotFoundError:
        raise ApplicationError(f"{posting}: no such file") from None
    except IsADirectoryError:
        raise ApplicationError(f"{posting}: a folder, not a posting (save the posting as a text file)") from None
    if len(data) > MAX_POSTING_BYTES:
        raise ApplicationError(f"{posting}: {len(data) // 1000} kB is not a job posting (at most {MAX_POSTING_BYTES // 1000} kB of text)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ApplicationError(f"{posting}: not UTF-8 text (save the posting as plain text)") from None
    if "\0" in text:
        raise ApplicationError(f"{posting}: not plain text (it holds NUL bytes)")
    if not text.strip():
        raise ApplicationError(f"{posting}: the posting is empty")
    return text


def posting_role(text: str) -> str:
    """The job title a posting opens with: the first short piece of its first lines that names one ("Kitebox —
    Founding Full-Stack Engineer" -> "Founding Full-Stack Engineer"); a title in capitals is written in words."""
    for line in text.splitlines()[:12]:
        line = re.sub(r"^[#*\s]+|[*\s]+$", "", line)
        line = re.sub(r"^(?:job title|role|position)\s*:\s*", "", line, flags=re.IGNORECASE)
        for piece in _ROLE_END.split(line):
            piece = piece.strip(" :,;")
            if 0 < len(piece.split()) <= 8 and title_score(piece):
                return _uncapitalised(piece) if piece.isupper() else piece
    return ""


def _uncapitalised(title: str) -> str:
    """"DATA ENGINEER" -> "Data Engineer"; short words stay as they are ("SRE II")."""
    return " ".join(word.capitalize() if len(word) > 3 else word for word in title.split())


def posting_contact(text: str) -> str:
    """The person a posting says to write to, or ""."""
    for pattern in _CONTACT_RES:
        found = pattern.search(text)
        if found:
            return " ".join(found.group(1).split())
    return ""


def strongest_bullets(posting: str, resume: Resume) -> tuple[Bullet, ...]:
    """The resume's bullets that hold most of what the posting asks for (required terms count double)."""
    report = match.match_text(posting, resume)
    score: dict[int, int] = {}
    for term in report.have:
        for line in term.resume_lines:
            score[line] = score.get(line, 0) + (1 if term.preferred else 2)
    bullets = [bullet for bullet in resume.all_bullets() if score.get(bullet.line)]
    bullets.sort(key=lambda bullet: (-score[bullet.line], bullet.line))
    return tuple(bullets[:STRONGEST])


def letter_template(application: Application, strongest: tuple[Bullet, ...], name: str) -> str:
    """letter.md to start from; the company, role, person and bullets go in as text (Markdown-escaped)."""
    company, role = md_escape(application.company, line_start=False), md_escape(application.role, line_start=False)
    contact = md_escape(application.contact, line_start=False)
    greeting = f"Dear {contact}," if application.contact else f"Dear {company} hiring team,"
    evidence = [
        "[Tell the story behind this bullet and what it changed: "
        f"“{md_escape(bullet.text, line_start=False)}” (resume.md:{bullet.line})]"
        for bullet in strongest[:2]
    ] or ["[Tell the story behind your strongest bullet for this role, and what it changed]"]
    paragraphs = [
        greeting,
        f"[Why the {role} role at {company}: one specific thing from the posting, in your own words]",
        *evidence,
        f"[What you would bring to {company} in your first months, and that you would like to talk]",
        "Sincerely,",
        md_escape(name),
    ]
    return "\n\n".join(paragraphs) + "\n"


def notes_template(application: Application) -> str:
    return front_matter(application) + (
        "\n# Notes\n\n"
        "Statuses: draft, applied, interview, offer, rejected, withdrawn (`./run.sh applications --status`).\n\n"
        "## Interviews\n\n"
        "- Date, who, what they asked, what to follow up on.\n"
    )


def _write_folder(target: Path, files: dict[str, bytes]) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        for name, data in files.items():
            (staging / name).write_bytes(data)
        os.rename(staging, target)  # fails, and writes nothing, if the folder appeared meanwhile
    except OSError as error:
        raise ApplicationError(f"{target}: could not write the application ({error.strerror})") from None
    finally:
        if staging.exists():
            shutil.rmtree(staging)
