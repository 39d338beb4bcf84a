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
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from . import exports, fit, pdf
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
    warnings: list[str] = field(default_factory=list)
    variant_pages: dict[str, int] = field(default_factory=dict)


def build(repo: Path, *, out_name: str = SITE_DIR, log: Callable[[str], None] = print) -> BuildResult:
    started = time.perf_counter()
    resume = load_resume(repo / "resume.md")  # before resolving: messages keep the short path
    repo = repo.resolve()
    site = repo / out_name
    result = BuildResult(site)
    for warning in resume.warnings:
        result.warnings.append(str(warning))
        print(f"warning: {warning}", file=sys.stderr)
    public = resume.public()
    with staged(repo, site) as staging:
        _build_into(repo, staging, public, result, log)
        _build_variants(repo, staging, resume, result, log)
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
    from . import site

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


def write_pdf(repo: Path, resume: Resume, path: Path) -> fit.Fitted:
    """The resume's PDF, fitted to its page limit (PageOverflow when it cannot be)."""
    fitted = fit.fit_pdf(resume, repo)
    path.write_bytes(fitted.pdf)
    return fitted


def _build_into(
    repo: Path, out: Path, resume: Resume, result: BuildResult, log: Callable[[str], None]
) -> None:
    show = lambda path: f"{SITE_DIR}/{path.relative_to(out).as_posix()}"  # noqa: E731

    exporting = exports.start_all(resume, out, cache=repo / EXPORTS_CACHE)  # pandoc runs meanwhile
    try:
        _pages_and_pdf(repo, out, resume, result, log, show)
    except BaseException:
        exporting.cancel()
        raise
    started = time.perf_counter()
    exported = exporting.finish()
    result.timings["exports"] = time.perf_counter() - started
    names = ", ".join(show(path) for path in exported.paths)
    note = "unchanged, reused" if exported.reused else "written"
    log(f"  exports  {names} ({note}, {result.timings['exports']:.2f} s)")
    result.outputs.extend(exported.paths)
    for line in exported.notes:
        print(f"note: resume.json: {line}", file=sys.stderr)

    if result.pdf_pages > 1:
        print(
            f"note: resume.pdf has {result.pdf_pages} pages (`pages: {resume.pages}` in the front"
            " matter); one page is the norm under 10 years of experience",
            file=sys.stderr,
        )


def _pages_and_pdf(
    repo: Path, out: Path, resume: Resume, result: BuildResult, log: Callable[[str], None],
    show: Callable[[Path], str],
) -> None:
    from . import site  # the HTML pages; imported here so `ats-check` and `match` need less

    started = time.perf_counter()
    pages = site.build_pages(repo, out, resume)
    result.timings["pages"] = time.perf_counter() - started
    for page in pages:
        log(f"  page     {show(page)}")
    result.outputs.extend(pages)

    started = time.perf_counter()
    pdf_path = out / "resume.pdf"
    fitted = write_pdf(repo, resume, pdf_path)
    result.pdf_pages = fitted.pages
    result.pdf_step = fitted.step
    result.timings["pdf"] = time.perf_counter() - started
    log(f"  pdf      {show(pdf_path)} ({fitted.describe()}, {result.timings['pdf']:.2f} s)")
    result.outputs.append(pdf_path)

    started = time.perf_counter()
    png_path = out / "resume.png"
    style = fitted.style
    _cached(repo, resume, "png", png_path, lambda: pdf.render_png(resume, repo=repo, style=style))
    result.timings["preview"] = time.perf_counter() - started
    log(f"  preview  {show(png_path)} ({result.timings['preview']:.2f} s)")
    result.outputs.append(png_path)


def _cached(repo: Path, resume: Resume, kind: str, path: Path, render: Callable[[], bytes]) -> bool:
    """Copy a cached rendering when the resume data and the template are unchanged."""
    cache = repo / PDF_CACHE / f"{_fingerprint(repo, resume)}.{kind}"
    if cache.is_file():
        shutil.copyfile(cache, path)
        return True
    data = render()
    path.write_bytes(data)
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        _prune(cache.parent, kind)
        cache.write_bytes(data)
    except OSError:
        pass  # a read-only checkout still builds, just without the cache
    return False


def _fingerprint(repo: Path, resume: Resume) -> str:
    return pdf.fingerprint(resume, repo)


def _prune(folder: Path, kind: str, keep: int = 8) -> None:
    files = sorted(folder.glob(f"*.{kind}"), key=lambda path: path.stat().st_mtime)
    for old in files[:-keep]:
        old.unlink(missing_ok=True)


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
