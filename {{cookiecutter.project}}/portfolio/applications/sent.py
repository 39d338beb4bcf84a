"""`./run.sh apply --sent COMPANY`: freeze an application as it was sent.

Builds the letter and the resume from the committed sources, copies the two PDFs into the application's folder
(`sent/`), records their SHA-256, the commit they were built from and the date in `sent/record.json`, sets the
status to `applied`, commits the folder and tags that commit `applied/<folder>` (an annotated tag). Three weeks
later, before the interview, `git show applied/<folder>:applications/<folder>/sent/resume.pdf` is what they read.
Git runs with argument lists only: company names and letters never reach a shell.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..resume import Resume
from .checks import check_application
from .letter import LETTER, build_letter
from .record import NOTES, Application, ApplicationError, write_status

SENT = "sent"
RECORD = "record.json"
FROZEN = ("resume.pdf", "letter.pdf")


@dataclass(frozen=True)
class Sent:
    application: Application
    tag: str
    commit: str  # the commit the PDFs were built from
    hashes: dict[str, str]


def send(repo: Path, application: Application, resume: Resume, *, today: datetime.date | None = None) -> Sent:
    if application.status != "draft":
        raise ApplicationError(f"{application.folder.name} was sent on {application.sent} (status {application.status}); it stays as sent")
    tag = f"applied/{application.name}"
    source = _committed_sources(repo, application)
    errors = [finding for finding in check_application(application, resume) if finding.level == "error"]
    if errors:
        raise ApplicationError(f"{errors[0]} (fix it before sending)")
    if _git(repo, "tag", "--list", tag).strip():
        raise ApplicationError(f"the tag {tag} exists already")
    frozen = application.folder / SENT
    notes = (application.folder / NOTES).read_bytes()
    day = today or datetime.date.today()
    try:
        hashes = _freeze(repo, application, resume, frozen, source, day)
        applied = write_status(application, "applied", sent=day)
        folder = application.folder.relative_to(repo).as_posix()
        _git(repo, "add", "--", folder)
        _git(repo, "commit", "--quiet", "-m", f"Applied: {application.company} – {application.role}", "--", folder)
    except BaseException:  # nothing half-written: the folder as it was, nothing staged
        shutil.rmtree(frozen, ignore_errors=True)
        (application.folder / NOTES).write_bytes(notes)
        _git(repo, "reset", "--quiet", "--", application.folder.relative_to(repo).as_posix(), check=False)
        raise
    _git(repo, "tag", "-a", tag, "-m", f"Sent to {application.company} for {application.role} on {day.isoformat()}")
    return Sent(applied, tag, source, hashes)


def _freeze(repo: Path, application: Application, resume: Resume, frozen: Path, source: str,
            day: datetime.date) -> dict[str, str]:
    """The PDFs built now, copied into `frozen` with record.json; their SHA-256 by name."""
    with tempfile.TemporaryDirectory() as scratch:  # the letter dated the day it is sent
        built = build_letter(repo, dataclasses.replace(application, sent=day), resume, Path(scratch))
        frozen.mkdir(exist_ok=True)
        for name in FROZEN:
            shutil.copyfile(built.folder / name, frozen / name)
    hashes = {name: hashlib.sha256((frozen / name).read_bytes()).hexdigest() for name in FROZEN}
    record = {"company": application.company, "role": application.role, "variant": application.variant,
              "sent": day.isoformat(), "built_from_commit": source, "sha256": hashes}
    (frozen / RECORD).write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return hashes


def _committed_sources(repo: Path, application: Application) -> str:
    """HEAD, when what the PDFs are built from (resume.md, theme/, the letter and the record) is committed."""
    if _git(repo, "rev-parse", "--is-inside-work-tree", check=False).strip() != "true":
        raise ApplicationError(f"{repo} is not a Git repository: the record of what was sent lives in Git (git init)")
    folder = application.folder.relative_to(repo).as_posix()
    paths = ["resume.md", "theme", f"{folder}/{LETTER}", f"{folder}/{NOTES}"]
    changed = _git(repo, "status", "--porcelain", "--untracked-files=all", "--", *paths).splitlines()
    if changed:
        first = changed[0][3:]
        raise ApplicationError(f"{first} has changes not committed; commit them first, so the record names what was built")
    return _git(repo, "rev-parse", "HEAD").strip()


def _git(repo: Path, *args: str, check: bool = True) -> str:
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0"}
    done = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, env=env)
    if check and done.returncode != 0:
        said = " ".join((done.stderr or done.stdout).split())
        raise ApplicationError(f"git {args[0]} failed: {said}")
    return done.stdout
