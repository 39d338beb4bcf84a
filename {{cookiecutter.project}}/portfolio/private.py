"""`python -m portfolio private`: the copies you send, never published, in `_private/`.

- `resume.pdf` and `resume.txt/.docx/.json` with full contact details (the phone number too);
- `<variant>/resume.pdf` for each declared variant, also with full contact details;
- `interview_copy.pdf`: the resume with each linked STAR story under the bullet it backs, in small
  type, then the stories no bullet links to (see portfolio.stories).

`_private/` is in .gitignore and outside `_site/`; like the site, it is written to a temporary
folder and swapped in only when every file was written.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Callable

from . import exports, pdf, stories
from .build import EXPORTS_CACHE, staged, write_pdf
from .resume import load_resume

PRIVATE_DIR = "_private"
PHONE_VARIABLE = "PORTFOLIO_PHONE"


def build_private(repo: Path, *, log: Callable[[str], None] = print) -> list[Path]:
    started = time.perf_counter()
    resume = load_resume(repo / "resume.md")  # full contact details: never .public() here
    phone = os.environ.get(PHONE_VARIABLE, "").strip()
    if phone:  # a number kept out of the repository (the front matter of a public repo is public)
        resume = resume.with_phone(phone)
    story_file, found = stories.load_stories(repo)
    shown = story_file.relative_to(repo) if story_file.is_relative_to(repo) else story_file
    for warning in stories.link_warnings(resume, shown, found):
        print(f"warning: {warning}", file=sys.stderr)
    repo = repo.resolve()
    written: list[Path] = []
    with staged(repo, repo / PRIVATE_DIR) as out:
        fitted = write_pdf(repo, resume, out / "resume.pdf")
        log(f"  pdf        {PRIVATE_DIR}/resume.pdf ({fitted.describe()})")
        exported = exports.write_all(resume, out, cache=repo / EXPORTS_CACHE, public=False)
        log(f"  exports    {', '.join(f'{PRIVATE_DIR}/{p.name}' for p in exported.paths)}")
        for variant in resume.variants:
            (out / variant.name).mkdir()
            path = out / variant.name / "resume.pdf"
            tailored = write_pdf(repo, resume.variant(variant.name), path)
            log(f"  variant    {PRIVATE_DIR}/{variant.name}/resume.pdf ({tailored.describe()})")
        data = stories.interview_data(resume, found, pdf.resume_data(resume))
        pdf.render_pdf(resume, out / "interview_copy.pdf", repo=repo, data=data)
        linked = len(found) - len(data["unlinked"])
        log(f"  interview  {PRIVATE_DIR}/interview_copy.pdf ({linked}/{len(found)} stories linked)")
        _applications(repo, resume, out, log)
        written = [path for path in out.rglob("*") if path.is_file()]
        names = [path.relative_to(out) for path in written]
    seconds = time.perf_counter() - started
    log(f"Wrote {len(names)} files to {PRIVATE_DIR}/ in {seconds:.2f} s: send them, never publish")
    return [repo / PRIVATE_DIR / name for name in names]


def _applications(repo: Path, resume, out: Path, log: Callable[[str], None]) -> None:  # noqa: ANN001 - a Resume
    """Each application not sent yet: its letter (PDF, TXT, DOCX) and its resume in applications/<folder>/, and
    the list of every application as a page."""
    import datetime

    from .applications import letter, listing, record

    found = record.all_applications(repo)
    if not found:
        return
    for application in found:
        if application.status == "draft":
            built = letter.build_letter(repo, application, resume, out / "applications" / application.name)
            log(f"  letter     {PRIVATE_DIR}/applications/{application.name}/letter.pdf ({built.words} words)")
    (out / "applications.html").write_text(listing.page(found, datetime.date.today(), resume.lang), encoding="utf-8")
    log(f"  list       {PRIVATE_DIR}/applications.html ({len(found)} applications)")
