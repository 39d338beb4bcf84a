"""The dev server's preview page (`/_preview/`): the PDF's first page as an image beside what a parser
reads (each field of each entry, marked where it differs from resume.md), every Vale finding of the file
just saved, how full the page is, and a job posting's keyword coverage (`serve --job posting.txt`).

Development only: the page is made by `portfolio serve` on request and never written to `_site/`.
"""

from __future__ import annotations

import dataclasses
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

TEMPLATE = "preview.html"


@dataclass
class Preview:
    """What the preview page shows after one rebuild (or one broken save)."""

    changed: str = "resume.md"
    errors: list[str] = field(default_factory=list)  # located errors of a save that did not build
    fields: list = field(default_factory=list)  # ats.FieldRead, in reading order
    ats_problems: list[str] = field(default_factory=list)
    ats_notes: list[str] = field(default_factory=list)  # what the check could not judge (ats.AtsReport.notes)
    findings: list = field(default_factory=list)  # checks.Finding of the file just saved
    vale_note: str = ""
    fullness: tuple[float, int] | None = None  # (share of the last page used, lines to spare)
    match: object | None = None  # match.MatchReport
    posting: str = ""
    generation: int = 0
    when: str = field(default_factory=lambda: time.strftime("%H:%M:%S"))


def collect(repo: Path, changed: str, posting: Path | None, errors: list[str], step: int = 0) -> Preview:
    """The preview of the site just built; with `errors`, of a save that broke the build (the rest of
    the page then shows the last good build)."""
    from . import ats, fit
    from .resume import ResumeError, load_resume

    preview = Preview(changed=changed, errors=[_in_repo(repo, line) for line in errors])
    try:
        resume = load_resume(repo / "resume.md").public()
    except ResumeError:
        resume = None
    pdf = repo / "_site" / "resume.pdf"
    if resume is not None and pdf.is_file():
        report = ats.check_pdf(pdf, resume)
        field_problems = {f"{read.where}: {read.problem}" for read in report.fields if read.problem}
        preview.fields = [dataclasses.replace(read, where=_in_repo(repo, read.where)) for read in report.fields]
        preview.ats_problems = [_in_repo(repo, line) for line in report.problems if line not in field_problems]
        preview.ats_notes = list(report.notes)
        try:
            preview.fullness = fit.fullness(resume, repo, step)
        except Exception as error:  # noqa: BLE001 - a measure that fails leaves the rest of the page
            preview.ats_problems.append(f"fullness: {error}")
        if posting is not None:
            from . import match

            preview.posting = str(posting)
            preview.match = match.match_posting(posting, resume)
    preview.findings, preview.vale_note = _findings(repo, changed)
    return preview


def with_reading_of(broken: Preview, good: Preview) -> Preview:
    """A broken save's preview (its errors and Vale findings) with what the parser read, the fit and the
    posting's coverage of the last good build, which is the one still served."""
    return dataclasses.replace(
        broken, fields=good.fields, ats_problems=good.ats_problems, ats_notes=good.ats_notes, fullness=good.fullness,
        match=good.match,
        posting=good.posting,
    )


def _in_repo(repo: Path, text: str) -> str:
    """"/home/me/portfolio/resume.md:12: ..." as "resume.md:12: ...", as the terminal would show it."""
    return text.replace(f"{repo}{os.sep}", "")


def _findings(repo: Path, changed: str) -> tuple[list, str]:
    from . import checks

    files = sorted({"resume.md", changed} if changed.endswith(".md") else {"resume.md"})
    if checks.vale_binary() is None:
        return [], "Vale is not installed yet: run ./run.sh check once, and findings show here."
    return checks.vale_findings(repo, files), ""


def render(preview: Preview) -> str:
    from .site import template_env  # the site's environment: the same templates folder and escaping

    return template_env().get_template(TEMPLATE).render(p=preview)
