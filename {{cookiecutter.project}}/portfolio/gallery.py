"""`./run.sh themes`: every built-in theme with its one-line description, and a PNG of page 1 of resume.md in
each, written to `_themes/<name>.png` (git-ignored), so a look can be chosen by seeing it. Each theme is
fitted and round-tripped like a build: a theme that cannot fit the resume or does not read back says so."""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path
from typing import Callable

from . import ats, design, fit, pdf
from .cache import write_atomic
from .resume import load_resume

GALLERY_DIR = "_themes"


def write_gallery(repo: Path, log: Callable[[str], None] = print) -> list[Path]:
    """Describe each theme and write its PNG; returns the files written."""
    resume = load_resume(repo / "resume.md").public()
    folder = repo / GALLERY_DIR
    folder.mkdir(exist_ok=True)
    written = []
    current = resume.theme
    for name, theme in design.themes().items():
        themed = dataclasses.replace(resume, theme=name)
        marker = " (yours)" if name == current else ""
        try:
            fitted = fit.fit_pdf(themed, repo)
        except fit.PageOverflow as error:
            log(f"  {name:<8} {theme.description}{marker}\n           does not fit: {error}")
            continue
        verdict = _round_trip(themed, fitted.pdf)
        path = write_atomic(folder / f"{name}.png", pdf.render_png(themed, repo=repo, style=fitted.style))
        written.append(path)
        log(f"  {name:<8} {theme.description}{marker}\n           {path.relative_to(repo)} ({fitted.describe()}; {verdict})")
    log("Choose one with `theme: NAME` in resume.md's front matter; override its values under `design:`.")
    return written


def _round_trip(resume, data: bytes) -> str:  # noqa: ANN001 - a Resume
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "resume.pdf"
        path.write_bytes(data)
        report = ats.check_pdf(path, resume)
    return "reads back like resume.md" if report.ok else f"ATS check: {report.problems[0]}"
