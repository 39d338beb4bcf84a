"""Render the resume model to a tagged PDF (PDF/UA-1) and a PNG preview with the typst wheel.

The resume is passed to Typst as JSON data (sys.inputs), never pasted into Typst source, so any
character a user types is safe. Fonts come with the typst wheel (New Computer Modern); a repo-local
`fonts/` folder and system fonts are searched too, for scripts those fonts lack (CJK, for one).
"""

from __future__ import annotations

import io
import json
import os
import re
from pathlib import Path

import typst
from pypdf import PdfReader

from .model import Entry, Resume, Section

TEMPLATE = Path(__file__).parent / "templates" / "resume.typ"
# All three ship inside the typst wheel; Typst falls back to other installed fonts per glyph.
FONT_FAMILIES = ["New Computer Modern", "Libertinus Serif", "DejaVu Sans Mono"]
PREVIEW_PPI = 110
# A fixed creation time keeps the bytes identical for the same input; SOURCE_DATE_EPOCH overrides.
DEFAULT_EPOCH = 1_735_689_600  # 2025-01-01T00:00:00Z


class PdfError(Exception):
    """The PDF could not be rendered. str() is one line, `file:line: message` where known."""


def resume_data(resume: Resume) -> dict:
    """The JSON the Typst template reads: plain strings and lists only."""
    return {
        "name": resume.name,
        "title": f"{resume.name} – Resume",
        "author": resume.name,
        "keywords": [resume.target_role] if resume.target_role else [],
        "lang": "en",
        "paper": resume.paper,
        "fonts": FONT_FAMILIES,
        "contact": [{"text": item.text, "url": item.url} for item in resume.contact],
        "sections": [_section_data(section) for section in resume.sections],
    }


def _section_data(section: Section) -> dict:
    return {
        "heading": section.heading,
        "kind": section.kind,
        "paragraphs": list(section.paragraphs),
        "skills": [{"label": g.label, "items": list(g.items)} for g in section.skills],
        "entries": [_entry_data(entry) for entry in section.entries],
        "bullets": [bullet.text for bullet in section.bullets],
    }


def _entry_data(entry: Entry) -> dict:
    link = {"text": entry.link.text, "url": entry.link.url} if entry.link else None
    return {
        "title": entry.title,
        "organisation": entry.organisation,
        "location": entry.location,
        "dates": entry.dates,
        "tech": list(entry.tech),
        "link": link,
        "paragraphs": list(entry.paragraphs),
        "bullets": [bullet.text for bullet in entry.bullets],
    }


def render_pdf(
    resume: Resume, out: Path | None = None, *, template: Path = TEMPLATE, repo: Path | None = None
) -> bytes:
    """Compile the resume to PDF/UA-1 bytes; write them to `out` when given."""
    pdf = _compile(resume, template, repo, format="pdf", pdf_standards="ua-1")
    if out is not None:
        out.write_bytes(pdf)
    return pdf


def render_png(
    resume: Resume,
    out: Path | None = None,
    *,
    template: Path = TEMPLATE,
    repo: Path | None = None,
    ppi: float = PREVIEW_PPI,
) -> bytes:
    """A PNG of page 1, for the README and the site."""
    pages = _compile(resume, template, repo, format="png", ppi=ppi)
    png = pages[0] if isinstance(pages, list) else pages
    if out is not None:
        out.write_bytes(png)
    return png


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def _compile(resume: Resume, template: Path, repo: Path | None, **options: object):
    fonts = [str(path) for path in _font_dirs(repo or resume.source.parent)]
    data = json.dumps(resume_data(resume), ensure_ascii=False)
    try:
        return typst.compile(
            str(template),
            root=str(template.parent),
            font_paths=fonts,
            sys_inputs={"data": data},
            timestamp=_epoch(),
            **options,
        )
    except typst.TypstError as error:
        raise PdfError(_explain(error, resume)) from None


def _font_dirs(repo: Path) -> list[Path]:
    folder = repo / "fonts"
    return [folder] if folder.is_dir() else []


def _epoch() -> int:
    value = os.environ.get("SOURCE_DATE_EPOCH", "")
    return int(value) if value.isdigit() else DEFAULT_EPOCH


def _explain(error: typst.TypstError, resume: Resume) -> str:
    """Turn a Typst error into one line that points at resume.md where possible."""
    message = " ".join(str(getattr(error, "message", "") or error).split())
    missing = re.search(r"the text `\"?(.+?)\"?` could not be displayed", message)
    if missing:
        text = missing.group(1)
        line = _line_of(resume.source, text)
        return (
            f"{resume.source}:{line}: no font has a glyph for '{text}'; put a font that covers it "
            f"(for example Noto Sans CJK) in fonts/ or install it on this machine"
        )
    return f"{resume.source}:{resume.name_line}: PDF rendering failed: {message}"


def _line_of(source: Path, text: str) -> int:
    try:
        lines = source.read_text(encoding="utf-8").splitlines()
    except OSError:
        return 1
    return next((number for number, line in enumerate(lines, 1) if text[:1] in line), 1)
