"""Render the resume model to a tagged PDF (PDF/UA-1) and a PNG preview with the typst wheel.

The resume is passed to Typst as JSON data (sys.inputs), never pasted into Typst source, so any
character a user types is safe. Fonts come with the typst wheel (New Computer Modern); a repo-local
`fonts/` folder and system fonts are searched too, for scripts those fonts lack (CJK, for one).
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import typst

from . import design, fonts
from .errors import PortfolioError
from .resume import Entry, Resume, Section
from .cache import package_version, store

TEMPLATE = Path(__file__).parent / "templates" / "resume.typ"
PREVIEW_PPI = 110
# A fixed creation time keeps the bytes identical for the same input; SOURCE_DATE_EPOCH overrides.
DEFAULT_EPOCH = 1_735_689_600  # 2025-01-01T00:00:00Z


class PdfError(PortfolioError):
    """The PDF could not be rendered. str() is one line, `file:line: message` where known."""


@dataclass(frozen=True)
class Style:
    """The knobs the bounded fit may turn: font size (pt), spacing (em), margins (in)."""

    size: float
    pitch: float  # paragraph leading and spacing inside an entry
    entry_gap: float  # before each entry; stays over 1.4× the line pitch for resume parsers
    margin_x: float
    margin_y: float


# The default theme's style, then each tighter step the fit tries in turn. The last step is the floor:
# 9.5 pt text, 0.5 in side and 0.35 in top/bottom margins; smaller stops being comfortable to read.
# Another theme starts from its own values and steps down the same ladder (`fit_steps`).
FIT_STEPS = (
    Style(10.5, 0.45, 1.05, 0.55, 0.45),
    Style(10.25, 0.43, 1.0, 0.55, 0.42),
    Style(10.0, 0.41, 0.95, 0.5, 0.4),
    Style(9.75, 0.39, 0.9, 0.5, 0.38),
    Style(9.5, 0.37, 0.85, 0.5, 0.35),
)
DEFAULT_STYLE = FIT_STEPS[0]
PAGE_HEIGHT_PT = {"us-letter": 792.0, "a4": 841.89}


def template_of(resume: Resume) -> Path:
    """The layout: theme/resume.typ beside resume.md when the repo has its own, else the package's."""
    own = design.own_theme(resume.source.parent)
    return own / "resume.typ" if own is not None and (own / "resume.typ").is_file() else TEMPLATE


def fit_steps(resume: Resume) -> tuple[Style, ...]:
    """The styles the fit tries for this resume's design: its theme's (and front matter's) values first, then
    each knob no looser than the default ladder's step, and never tighter than the floor unless the theme
    itself starts there."""
    look = design.design_of(resume)
    base = Style(look.size, look.pitch, look.entry_gap, look.margin_x, look.margin_y)
    if base == DEFAULT_STYLE:
        return FIT_STEPS
    floor = FIT_STEPS[-1]
    knobs = [f.name for f in dataclasses.fields(Style)]

    def stepped(step: Style) -> Style:
        values = {}
        for knob in knobs:
            own, ladder = getattr(base, knob), getattr(step, knob)
            values[knob] = own if own <= getattr(floor, knob) else max(min(own, ladder), getattr(floor, knob))
        return Style(**values)

    return (base, *(stepped(step) for step in FIT_STEPS[1:]))


def resume_data(resume: Resume, style: Style | None = None) -> dict:
    """The JSON the Typst template reads: plain strings and lists only."""
    values = design.design_of(resume).template_values(resume.lang)
    style = style or fit_steps(resume)[0]
    return {
        "style": dataclasses.asdict(style),
        "design": values,
        "fonts": values["font"],  # what layouts written before themes read
        "name": resume.name,
        "title": f"{resume.name} – Resume",
        "author": resume.name,
        "keywords": [resume.target_role] if resume.target_role else [],
        **_language(resume.lang),
        "paper": resume.paper,
        "contact": [{"text": item.text, "url": item.url} for item in resume.contact],
        "sections": [_section_data(section) for section in resume.sections],
    }


def _language(tag: str) -> dict:
    """Typst's `lang` (ISO 639) and `region` (ISO 3166) from a BCP 47 tag; a script subtag is left to the text."""
    parts = tag.split("-")
    region = next((part.upper() for part in parts[1:] if len(part) == 2), None)
    return {"lang": parts[0].lower(), **({"region": region} if region else {})}


def _section_data(section: Section) -> dict:
    return {
        "heading": section.heading,
        "kind": section.kind,
        "paragraphs": list(section.paragraphs),
        "skills": [{"label": g.label, "items": list(g.items)} for g in section.skills],
        "entries": [_entry_data(entry) for entry in section.entries],
        "bullets": [bullet.text for bullet in section.bullets],
        "entries_first": _entries_first(section),
    }


def _entries_first(section: Section) -> bool:
    """One-line entries and plain items share a list: keep the order they were written in."""
    if not (section.entries and section.bullets):
        return False
    return section.entries[0].line < section.bullets[0].line


def _entry_data(entry: Entry) -> dict:
    link = {"text": entry.link.text, "url": entry.link.url} if entry.link else None
    return {
        "layout": entry.layout,
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
    resume: Resume,
    out: Path | None = None,
    *,
    template: Path | None = None,
    repo: Path | None = None,
    style: Style | None = None,
    data: dict | None = None,
) -> bytes:
    """Compile the resume (or prepared template `data`) to PDF/UA-1 bytes; write them to `out`."""
    template = template or template_of(resume)
    data = data if data is not None else resume_data(resume, style)
    pdf, _ = _compile_keeping_compounds_whole(resume, template, repo, data)
    if out is not None:
        out.write_bytes(pdf)
    return pdf


# A word with a hyphen inside ("e-commerce") may break after the hyphen at the end of a line, and text
# readers then disagree: pdftotext joins it into "ecommerce", others read "e- commerce". Where that
# happens, the word is compiled again kept whole, like a web address (`keep_whole` in resume.typ).
_LINE_END_COMPOUND = re.compile(r"([\w.'’]*\w-)\n(\w[\w'’-]*)")
_COMPOUND = re.compile(r"\w-\w")
_ONE_PARAGRAPH = frozenset({"items", "tech"})  # template data lists the template joins into one paragraph
KEEP_WHOLE_PASSES = 3
# The words a layout had to keep whole, by `_compounds_key`, kept in memory and in .cache/pdf/ so that the
# next build (and the PNG after the PDF) need not read the PDF back to find them: reading it takes pypdf.
COMPOUNDS_CACHE = Path(".cache") / "pdf" / "compounds.json"
_KEPT_WHOLE: dict[str, list[str]] = {}


def _compile_keeping_compounds_whole(
    resume: Resume, template: Path, repo: Path | None, data: dict
) -> tuple[bytes, dict]:
    """The PDF, and the template data that made it, with no hyphenated word broken across lines."""
    key = _compounds_key(template, data)
    known = _kept_whole(repo).get(key)
    if known is not None:
        data = _keeping_whole(data, set(known))
        return _compile(resume, template, repo, data, format="pdf", pdf_standards="ua-1"), data
    pdf = _compile(resume, template, repo, data, format="pdf", pdf_standards="ua-1")
    for _ in range(KEEP_WHOLE_PASSES):
        broken = _broken_compounds(pdf, data)
        if not broken:
            break
        data = _keeping_whole(data, set(data.get("keep_whole", [])) | broken)
        pdf = _compile(resume, template, repo, data, format="pdf", pdf_standards="ua-1")
    _remember_kept_whole(repo, key, data.get("keep_whole", []))
    return pdf, data


def _compounds_key(template: Path, data: dict) -> str:
    """What decides where hyphenated words fall at line ends: the template, the style and every text
    block (paragraph, bullet) that holds one. A block without a hyphenated word cannot split one, and
    Typst breaks each block's lines on its own, so an edit to such a block leaves the answer as it was."""

    def blocks_with_compounds(value: object, joined: bool = False) -> object:
        if isinstance(value, dict):
            return {key: blocks_with_compounds(item, key in _ONE_PARAGRAPH) for key, item in value.items()}
        if isinstance(value, list) and joined:
            # a skills line's items or a project's tech share one paragraph: a neighbour's edit can move where
            # a hyphenated word falls, so the list counts whole when any item holds one
            return value if any(isinstance(item, str) and _COMPOUND.search(item) for item in value) else []
        if isinstance(value, list):  # bullets and paragraphs: each one is a paragraph of its own
            kept = [blocks_with_compounds(item) for item in value]
            return [item for item in kept if not (isinstance(item, str) and not _COMPOUND.search(item))]
        return value

    shown = {key: value for key, value in data.items() if not key.startswith("keep_whole")}
    digest = hashlib.sha256(template.read_bytes() + package_version("typst").encode())
    digest.update(json.dumps(blocks_with_compounds(shown), sort_keys=True, ensure_ascii=False).encode())
    return digest.hexdigest()[:24]


def _kept_whole(repo: Path | None) -> dict[str, list[str]]:
    if repo is not None and not _KEPT_WHOLE:
        try:
            stored = json.loads((repo / COMPOUNDS_CACHE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            stored = {}
        if isinstance(stored, dict):
            _KEPT_WHOLE.update({k: v for k, v in stored.items() if isinstance(v, list)})
    return _KEPT_WHOLE


def _remember_kept_whole(repo: Path | None, key: str, words: list[str]) -> None:
    _KEPT_WHOLE.pop(key, None)
    _KEPT_WHOLE[key] = words
    while len(_KEPT_WHOLE) > 64:  # oldest first: dicts keep insertion order
        del _KEPT_WHOLE[next(iter(_KEPT_WHOLE))]
    if repo is not None:
        store(repo / COMPOUNDS_CACHE, json.dumps(_KEPT_WHOLE, ensure_ascii=False))


def _keeping_whole(data: dict, words: set[str]) -> dict:
    """The template data with these hyphenated words kept whole (`keep_whole_pattern` in resume.typ)."""
    if not words:
        return data
    kept = sorted(words)
    return {**data, "keep_whole": kept, "keep_whole_pattern": "|".join(map(re.escape, kept))}


def _broken_compounds(pdf: bytes, data: dict) -> set[str]:
    """Hyphenated words of the resume that the PDF splits after the hyphen at a line end."""
    from pypdf import PdfReader

    text = "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)
    text = "\n".join(line.strip() for line in text.splitlines())
    source = json.dumps(data, ensure_ascii=False)
    return {
        f"{left}{right}"
        for left, right in _LINE_END_COMPOUND.findall(text)
        if f"{left}{right}" in source
    }


def render_png(
    resume: Resume,
    out: Path | None = None,
    *,
    template: Path | None = None,
    repo: Path | None = None,
    ppi: float = PREVIEW_PPI,
    style: Style | None = None,
) -> bytes:
    """A PNG of page 1, for the README and the site (laid out like the PDF)."""
    template = template or template_of(resume)
    data = resume_data(resume, style)
    kept = _kept_whole(repo).get(_compounds_key(template, data))
    if kept is None:
        _, data = _compile_keeping_compounds_whole(resume, template, repo, data)
    else:
        data = _keeping_whole(data, set(kept))
    pages = _compile(resume, template, repo, data, format="png", ppi=ppi)
    png = pages[0] if isinstance(pages, list) else pages
    if out is not None:
        out.write_bytes(png)
    return png


_PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![A-Za-z])")


def page_count(pdf: bytes) -> int:
    """Pages of a PDF. Typst writes no object streams, so counting page objects is exact and
    avoids importing pypdf (about 80 ms) on every build; other PDFs fall back to pypdf."""
    found = len(_PAGE_OBJECT.findall(pdf))
    if found and b"/ObjStm" not in pdf:
        return found
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def measure(resume: Resume, style: Style, repo: Path | None = None) -> dict[str, Any]:
    """Where each section starts and where the resume ends (page, y in pt), and the line pitch."""
    data = {**resume_data(resume, style), "measure": True}
    for section, view in zip(resume.sections, data["sections"]):
        view["line"] = section.line
    try:
        system = fonts.needs_system(fonts.characters(data)) is not False
        compiler = _compiler(resume, template_of(resume), repo, data, system_fonts=system)
        found = {
            name: json.loads(compiler.query(f"<{name}>", field="value"))
            for name in ("section-mark", "resume-end", "line-pitch")
        }
    except typst.TypstError as error:
        raise PdfError(_explain(error, resume)) from None
    return {
        "sections": found["section-mark"],
        "end": found["resume-end"][0],
        "pitch": found["line-pitch"][0],
        "content_height": PAGE_HEIGHT_PT.get(resume.paper, 792.0) - 2 * 72 * style.margin_y,
        "top": 72 * style.margin_y,
    }


def fingerprint(resume: Resume, repo: Path) -> str:
    """Changes when what the PDF shows, the template, the Typst version or the fonts change."""
    digest = hashlib.sha256()
    digest.update(json.dumps(resume_data(resume), sort_keys=True).encode())
    digest.update(str(resume.pages).encode())
    template = template_of(resume)
    digest.update(template.read_bytes())
    if template != TEMPLATE:  # a theme folder of one's own may import files of its own
        for path in sorted(p for p in template.parent.rglob("*") if p.is_file() and p != template):
            digest.update(path.name.encode() + path.read_bytes())
    digest.update(str(PREVIEW_PPI).encode() + str(_epoch()).encode())
    digest.update(package_version("typst").encode())
    fonts = repo / "fonts"
    if fonts.is_dir():
        for font in sorted(fonts.rglob("*")):
            digest.update(font.name.encode() + str(font.stat().st_size).encode())
    return digest.hexdigest()[:24]


def _compiler(resume: Resume, template: Path, repo: Path | None, data: dict, *, system_fonts: bool) -> typst.Compiler:
    """A compiler for the template with this data. Fonts are found once per process (portfolio.fonts) and
    Typst memoizes layout across compilers, so the PNG after the PDF, the page measure and a dev server's
    next rebuild redo only what changed."""
    return typst.Compiler(
        str(template),
        root=str(template.parent),
        font_paths=fonts.fonts_for(
            repo or resume.source.parent, system=system_fonts, packages=design.design_of(resume).font_packages()
        ),
        sys_inputs={"data": json.dumps(data, ensure_ascii=False)},
    )


def _compile(resume: Resume, template: Path, repo: Path | None, data: dict, **options: object):
    chars = fonts.characters(data)
    known = fonts.needs_system(chars)
    # only a PDF/UA compile fails on a glyph no font has; any other compile takes the system fonts until told
    system = known if known is not None else "pdf_standards" not in options
    system = system or bool(design.script_fonts(resume.lang))  # the script's font is a system font
    try:
        result = _compiler(resume, template, repo, data, system_fonts=system).compile(timestamp=_epoch(), **options)
    except typst.TypstError as error:
        if system or not fonts.is_missing_glyph(error):
            raise PdfError(_explain(error, resume)) from None
        fonts.remember(chars, True)
        return _compile(resume, template, repo, data, **options)
    if not system:
        fonts.remember(chars, False)
    return result


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
