"""`./run.sh themes`: every built-in theme with its one-line description, and a PNG of page 1 of resume.md in
each, written to `_themes/<name>.png` (git-ignored), so a look can be chosen by seeing it. Each theme is
fitted and round-tripped like a build: a theme that cannot fit the resume or does not read back says so."""

from __future__ import annotations

import dataclasses
import shutil
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


THEME_NOTE = """# Your theme: the build uses this folder instead of the built-in themes (`theme:` in resume.md is then
# ignored; `design:` there still overrides these values). Every value here is checked as the built-in
# themes' are; resume.typ beside it is the layout, yours to change. `./run.sh check` still holds the PDF to the
# ATS round trip and the page limit, whatever you change. Copied from the built-in theme `{name}`.
"""


def copy_theme(repo: Path, name: str, log: Callable[[str], None] = print) -> Path:
    """`theme copy NAME`: the built-in theme's values and the layout into `theme/`, never over an existing one."""
    if name not in design.theme_names():
        raise design.OwnThemeError(f"unknown theme '{name}' (choose from {', '.join(design.theme_names())})")
    folder = repo / design.OWN_THEME
    if folder.exists():
        raise design.OwnThemeError(f"{design.OWN_THEME}/ already exists: it is yours to edit (remove it to copy another theme)")
    staging = repo / f".{design.OWN_THEME}.copying"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir()
    values = (design.THEMES_DIR / f"{name}.yml").read_text(encoding="utf-8")
    values = "\n".join(line for line in values.splitlines() if not line.startswith("#"))
    (staging / "theme.yml").write_text(THEME_NOTE.format(name=name) + values.strip() + "\n", encoding="utf-8")
    shutil.copyfile(pdf.TEMPLATE, staging / "resume.typ")
    staging.rename(folder)
    log(f"Copied theme '{name}' to {design.OWN_THEME}/: theme.yml (its values) and resume.typ (the layout).")
    log("Edit them, then ./run.sh build and ./run.sh check (the ATS round trip and page limit still apply).")
    return folder
