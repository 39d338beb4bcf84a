"""One page, always known: render the resume PDF, count its pages, and fit it when it overflows.

A resume over its page limit (front matter `pages:`, 1 by default) is rendered again with each
tighter step of `pdf.fit_steps` (its theme's values first, down to 9.5 pt and the documented margins) until it fits. If the
last step still overflows, `PageOverflow` says how many lines too long it is and which section is
longest. The result (PDF, step and page count, or the overflow message) is cached by content, so
a warm build or `ats-check` neither renders nor imports pypdf.
"""

from __future__ import annotations

import json
import math
import time
from dataclasses import dataclass
from pathlib import Path

from . import pdf
from .cache import prune, store
from .resume import Resume

CACHE = Path(".cache") / "pdf"
KEEP = 24  # cached PDFs kept: the main resume, its variants and a few recent edits


class PageOverflow(pdf.PdfError):
    """The resume does not fit its page limit even at the tightest step. str() is one line."""


@dataclass(frozen=True)
class Fitted:
    pdf: bytes
    step: int  # 0 = the theme's own style; n = pdf.fit_steps(resume)[n]
    pages: int
    reused: bool  # from the cache
    seconds: float
    key: str  # pdf.fingerprint of the resume: the PNG preview is cached under it too
    style: pdf.Style

    def describe(self) -> str:
        pages = f"{self.pages} page" + ("" if self.pages == 1 else "s")
        if self.step:
            style = self.style
            pages += f", fitted at {style.size:g} pt"
        return pages + (", unchanged" if self.reused else "")


def fit_pdf(resume: Resume, repo: Path, *, cache: bool = True) -> Fitted:
    """The resume's PDF within its page limit; raises PageOverflow when it cannot fit."""
    started = time.perf_counter()
    folder = repo / CACHE
    key = pdf.fingerprint(resume, repo)
    if cache:
        hit = _from_cache(folder, key)
        if hit is not None:
            steps = pdf.fit_steps(resume)
            return Fitted(hit[0], hit[1], hit[2], True, time.perf_counter() - started, key, steps[hit[1]])
    steps = pdf.fit_steps(resume)
    for step, style in enumerate(steps):
        if step and style == steps[step - 1]:
            continue  # a theme already this tight: the same layout again would not fit either
        data = pdf.render_pdf(resume, repo=repo, style=style)
        pages = pdf.page_count(data)
        if pages <= resume.pages:
            if cache:
                _store(folder, key, data, {"step": step, "pages": pages})
            return Fitted(data, step, pages, False, time.perf_counter() - started, key, style)
    message = overflow_message(resume, repo)
    if cache:
        _store(folder, key, None, {"overflow": message})
    raise PageOverflow(message)


def fullness(resume: Resume, repo: Path, step: int = 0) -> tuple[float, int]:
    """How full the resume's last page is at fit step `step`: (share of the page's text height used, lines
    to spare, negative when over)."""
    style = pdf.fit_steps(resume)[step]
    found = pdf.measure(resume, style, repo)
    pitch, height, top = found["pitch"], found["content_height"], found["top"]
    used = (found["end"]["page"] - 1) * height + found["end"]["y"] - top
    spare = resume.pages * height - used
    share = (used - (found["end"]["page"] - 1) * height) / height
    return share, math.floor(spare / pitch)  # over by 2.5 lines is -3 to spare


def overflow_message(resume: Resume, repo: Path) -> str:
    """`resume.md:line: ...N lines too long...; the longest section is ...` at the tightest step."""
    tightest = pdf.fit_steps(resume)[-1]
    found = pdf.measure(resume, tightest, repo)
    pitch, height, top = found["pitch"], found["content_height"], found["top"]

    def offset(mark: dict) -> float:  # distance from the top of page 1's text area, in pt
        return (mark["page"] - 1) * height + mark["y"] - top

    over = offset(found["end"]) - resume.pages * height
    lines = max(1, math.ceil(over / pitch))
    marks = found["sections"] + [found["end"]]
    sizes = [
        (offset(after) - offset(mark), mark) for mark, after in zip(marks, marks[1:])
    ]
    size, longest = max(sizes, key=lambda item: item[0])
    limit = "one page" if resume.pages == 1 else f"{resume.pages} pages"
    where = longest.get("line") or resume.name_line
    return (
        f"{resume.source}:{where}: the resume is about {lines} line{'s' if lines != 1 else ''} "
        f"too long for {limit}, even at {tightest.size:g} pt with tighter spacing; the longest "
        f"section is '{longest['heading']}' (about {round(size / pitch)} lines): shorten or cut "
        f"bullets there{'' if resume.pages > 1 else ', or set `pages: 2` for 10+ years'}"
    )


def _from_cache(folder: Path, key: str) -> tuple[bytes, int, int] | None:
    meta_path = folder / f"{key}.fit.json"
    try:
        meta = json.loads(meta_path.read_bytes())
    except (OSError, ValueError):
        return None
    if "overflow" in meta:
        raise PageOverflow(meta["overflow"])
    try:
        return (folder / f"{key}.pdf").read_bytes(), int(meta["step"]), int(meta["pages"])
    except (OSError, KeyError, ValueError):
        return None


def _store(folder: Path, key: str, data: bytes | None, meta: dict) -> None:
    """Best-effort, as every cache: a read-only checkout still builds. The PDF goes first, so a result is never
    read without its PDF."""
    for pattern in ("*.fit.json", "*.pdf"):
        prune(folder, pattern, KEEP - 1)
    if data is not None:
        store(folder / f"{key}.pdf", data)
    store(folder / f"{key}.fit.json", json.dumps(meta))
