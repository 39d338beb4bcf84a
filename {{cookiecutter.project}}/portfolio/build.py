"""`python -m portfolio build`: resume.md and the docs to `_site/`.

The resume is read once; the HTML pages (portfolio.site), the PDF and its PNG preview all come from
that one model. Everything is written to a temporary folder next to `_site/` and swapped in only
when every output succeeded, so a failed build never leaves a half-written site.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from . import design, fit, pdf
from .cache import prune
from .resume import Resume, load_resume

SITE_DIR = "_site"
PDF_CACHE = Path(".cache") / "pdf"
EXPORTS_CACHE = Path(".cache") / "exports"


@dataclass
class BuildResult:
    site: Path
    outputs: list[Path] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    pdf_pages: int = 0
    pdf_step: int = 0  # the fit step the PDF was laid out at (0: the default style)
    pdf_fitted: fit.Fitted | None = None
    warnings: list[str] = field(default_factory=list)
    variant_pages: dict[str, int] = field(default_factory=dict)
    preview_pending: Callable[[Path], None] | None = None  # a `preview_later` build's PNG, written by finish_preview

    def finish_preview(self) -> None:
        """Write the PNG a `preview_later` build left for after the swap: into the live site, by a rename."""
        if self.preview_pending is None:
            return
        started = time.perf_counter()
        target = self.site / "resume.png"
        temporary = target.with_name(f".{target.name}.tmp")
        self.preview_pending(temporary)
        os.replace(temporary, target)
        self.preview_pending = None
        self.timings["preview"] = time.perf_counter() - started


def build(
    repo: Path, *, out_name: str = SITE_DIR, log: Callable[[str], None] = print, preview_later: bool = False
) -> BuildResult:
    """Build the site. With `preview_later` (the dev server), the pages and the PDF are swapped in without waiting
    for the PNG preview: the site keeps the last PNG until `result.finish_preview()` writes the new one."""
    started = time.perf_counter()
    resume = load_resume(repo / "resume.md")  # before resolving: messages keep the short path
    design.design_of(resume)  # a bad theme/theme.yml stops the build before anything is written
    others = _read_translations(repo)  # and so does a bad resume.<lang>.md, named as the user knows it
    repo = repo.resolve()
    site = repo / out_name
    result = BuildResult(site)
    for warning in resume.warnings:
        result.warnings.append(str(warning))
        print(f"warning: {warning}", file=sys.stderr)
    if resume.theme != design.DEFAULT_THEME and design.own_theme(repo) is not None:
        note = f"{resume.source}: `theme: {resume.theme}` is not used: the theme folder {design.OWN_THEME}/ is"
        result.warnings.append(note)
        print(f"warning: {note}", file=sys.stderr)
    public = resume.public()
    with staged(repo, site) as staging:
        _build_into(repo, staging, public, result, log, others, preview_later)
        _build_variants(repo, staging, resume, result, log)
        _build_translations(repo, staging, result, log, others)
    result.outputs = [site / path.relative_to(staging) for path in result.outputs]
    result.timings["total"] = time.perf_counter() - started
    log(_summary(result, repo))
    return result


@contextlib.contextmanager
def staged(repo: Path, target: Path) -> Iterator[Path]:
    """A temporary folder beside `target` that replaces it only when the block succeeds."""
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=repo))
    staging.chmod(0o777 & ~_umask())  # mkdtemp makes it private; a site folder is not
    try:
        yield staging
        _swap_in(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _build_variants(
    repo: Path, out: Path, resume: Resume, result: BuildResult, log: Callable[[str], None]
) -> None:
    """`<variant>/resume.pdf`, `resume.html` and the exports for each declared variant."""
    from . import exports, site

    for variant in resume.variants:
        started = time.perf_counter()
        tailored = resume.variant(variant.name).public()
        folder = out / variant.name
        folder.mkdir()
        fitted = write_pdf(repo, tailored, folder / "resume.pdf")
        result.variant_pages[variant.name] = fitted.pages
        page = site.write_variant_page(folder, tailored)
        exported = exports.write_all(tailored, folder, cache=repo / EXPORTS_CACHE)
        result.outputs += [folder / "resume.pdf", page, *exported.paths]
        seconds = time.perf_counter() - started
        log(f"  variant  {SITE_DIR}/{variant.name}/ ({fitted.describe()}, {seconds:.2f} s)")


def _read_translations(repo: Path) -> list:
    """Every `resume.<lang>.md`, read once for the whole build, with its design checked."""
    from . import translations

    others = translations.load_all(repo)
    for other in others:
        design.design_of(other.resume)
    return others


def _build_translations(repo: Path, out: Path, result: BuildResult, log: Callable[[str], None], others: list) -> None:
    """`resume.<lang>.pdf` for each `resume.<lang>.md` (its page is written with the others)."""
    for other in others:
        started = time.perf_counter()
        path = out / f"{other.stem}.pdf"
        fitted = write_pdf(repo, other.resume.public(), path)
        result.outputs += [path, out / f"{other.stem}.html"]
        log(f"  translation  {SITE_DIR}/{other.stem}.pdf, .html ({fitted.describe()}, {time.perf_counter() - started:.2f} s)")


def write_pdf(repo: Path, resume: Resume, path: Path) -> fit.Fitted:
    """The resume's PDF, fitted to its page limit (PageOverflow when it cannot be)."""
    fitted = fit.fit_pdf(resume, repo)
    path.write_bytes(fitted.pdf)
    return fitted


def _build_into(
    repo: Path,
    out: Path,
    resume: Resume,
    result: BuildResult,
    log: Callable[[str], None],
    others: list,
    preview_later: bool = False,
) -> None:
    show = lambda path: f"{SITE_DIR}/{path.relative_to(out).as_posix()}"  # noqa: E731

    # Three things at once: pandoc writes the DOCX in its own process, Typst lays out the PDF and its PNG in
    # a thread (the typst wheel lets go of Python's lock while it compiles), and this thread writes the pages.
    rendering = Background(lambda: _pdf_and_preview(repo, out, resume, result, preview_later))  # it takes longest
    try:
        from . import exports  # imported meanwhile

        exporting = exports.start_all(resume, out, cache=repo / EXPORTS_CACHE)
    except BaseException:
        rendering.wait()
        raise
    try:
        pages = _pages(repo, out, resume, result, others)
        exporting.write_texts()
        rendering.result()
        started = time.perf_counter()  # what the exports add: pandoc's DOCX, once the PDF is done
        exported = exporting.finish()
        result.timings["exports"] = time.perf_counter() - started
    except BaseException:
        exporting.cancel()
        rendering.wait()  # nothing may write into the staging folder once it is being removed
        raise
    for page in pages:
        log(f"  page     {show(page)}")
    log(f"  pdf      {show(out / 'resume.pdf')} ({result.pdf_fitted.describe()}, {result.timings['pdf']:.2f} s)")
    if "preview" in result.timings:
        log(f"  preview  {show(out / 'resume.png')} ({result.timings['preview']:.2f} s)")
    names = ", ".join(show(path) for path in exported.paths)
    note = "unchanged, reused" if exported.reused else "written"
    log(f"  exports  {names} ({note}, {result.timings['exports']:.2f} s)")
    result.outputs.extend([*pages, out / "resume.pdf", out / "resume.png", *exported.paths])
    for line in exported.notes:
        print(f"note: resume.json: {line}", file=sys.stderr)

    if result.pdf_pages > 1:
        print(
            f"note: resume.pdf has {result.pdf_pages} pages (`pages: {resume.pages}` in the front"
            " matter); one page is the norm under 10 years of experience",
            file=sys.stderr,
        )


class Background:
    """A function run in a thread; `result()` waits for it and returns its value or raises its error."""

    def __init__(self, work: Callable[[], object]) -> None:
        self._outcome: list[tuple[bool, object]] = []
        self._thread = threading.Thread(target=self._run, args=(work,), daemon=True)
        self._thread.start()

    def _run(self, work: Callable[[], object]) -> None:
        try:
            self._outcome.append((True, work()))
        except BaseException as error:  # noqa: BLE001 - handed to the caller of result()
            self._outcome.append((False, error))

    def wait(self) -> None:
        self._thread.join()

    def result(self) -> object:
        self.wait()
        done, value = self._outcome[0]
        if not done:
            raise value  # type: ignore[misc]
        return value


def _pages(repo: Path, out: Path, resume: Resume, result: BuildResult, others: list) -> list[Path]:
    from . import site  # the HTML pages; imported here so `ats-check` and `match` need less

    started = time.perf_counter()
    pages = site.build_pages(repo, out, resume, others)
    result.timings["pages"] = time.perf_counter() - started
    return pages


def _pdf_and_preview(repo: Path, out: Path, resume: Resume, result: BuildResult, later: bool = False) -> None:
    started = time.perf_counter()
    fitted = write_pdf(repo, resume, out / "resume.pdf")
    result.pdf_fitted, result.pdf_pages, result.pdf_step = fitted, fitted.pages, fitted.step
    result.timings["pdf"] = time.perf_counter() - started

    started = time.perf_counter()
    style = fitted.style
    render = lambda: pdf.render_png(resume, repo=repo, style=style)  # noqa: E731
    cache = repo / PDF_CACHE / f"{fitted.key}.png"
    shown = result.site / "resume.png"
    if later and not cache.is_file() and shown.is_file():
        shutil.copyfile(shown, out / "resume.png")  # the last PNG, until finish_preview() writes this one
        result.preview_pending = lambda path: _cached(cache, path, render)
        return
    _cached(cache, out / "resume.png", render)
    result.timings["preview"] = time.perf_counter() - started


def _cached(cache: Path, path: Path, render: Callable[[], bytes]) -> bool:
    """Copy a cached rendering when the resume data and the template are unchanged (`cache` is named by
    pdf.fingerprint)."""
    kind = cache.suffix.lstrip(".")
    if cache.is_file():
        shutil.copyfile(cache, path)
        return True
    data = render()
    path.write_bytes(data)
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        prune(cache.parent, f"*.{kind}", 8)
        cache.write_bytes(data)
    except OSError:
        pass  # a read-only checkout still builds, just without the cache
    return False


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _swap_in(staging: Path, site: Path) -> None:
    """Replace `site` by `staging` with two renames; the old site is removed afterwards."""
    old = None
    if site.exists():
        old = site.with_name(f".{site.name}.old-{staging.name}")
        site.rename(old)
    try:
        staging.rename(site)
    except OSError:
        if old is not None:
            old.rename(site)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _summary(result: BuildResult, repo: Path) -> str:
    timings = result.timings
    rel = result.site.relative_to(repo) if result.site.is_relative_to(repo) else result.site
    names = ("pages", "pdf", "preview", "exports")
    parts = ", ".join(f"{name} {timings[name]:.2f} s" for name in names if name in timings)
    return (
        f"Built {len(result.outputs)} files in {rel}/ in {timings['total']:.2f} s ({parts})\n"
        f"  open {rel / 'index.html'} · PDF {rel / 'resume.pdf'} ({result.pdf_pages} page"
        f"{'' if result.pdf_pages == 1 else 's'})"
    )
