"""One page, always known: page counts, the bounded fit, and the overflow message."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from portfolio_support import built_repo, portfolio, run_portfolio  # noqa: F401  (fixtures)
from variant_support import copy_repo, pdf_pages

ANCHOR = "- Mentor 3 junior engineers"
# One printed line at every fit step: a short bullet in the convention's form.
EXTRA = "- Cut report build time by {n}0% for 12 analysts by caching 40 daily queries.\n"


def with_extra_bullets(source: str, count: int, front: str = "") -> str:
    assert source.count(ANCHOR) == 1
    extra = "".join(EXTRA.format(n=index % 9 + 1) for index in range(count))
    text = source.replace(ANCHOR, extra + ANCHOR)
    return text.replace("publish_phone: false\n", f"publish_phone: false\n{front}", 1)


@pytest.fixture(scope="module")
def just_fits(portfolio, baked_default: Path) -> int:
    """The most one-line bullets the default resume takes at the default style, on one page."""
    source = (baked_default / "resume.md").read_text(encoding="utf-8")
    for count in range(0, 80):
        resume = portfolio.resume.parse_resume(with_extra_bullets(source, count + 1), "resume.md")
        pdf = portfolio.pdf.render_pdf(resume, repo=baked_default)
        if portfolio.pdf.page_count(pdf) > 1:
            return count
    raise AssertionError("80 extra bullets still fit one page")


def repo_with(baked_default: Path, tmp_path: Path, count: int, front: str = "") -> Path:
    repo = copy_repo(baked_default, tmp_path / "repo")
    resume = repo / "resume.md"
    resume.write_text(with_extra_bullets(resume.read_text("utf-8"), count, front), "utf-8")
    return repo


def test_page_count_without_pypdf_agrees_with_pypdf(portfolio, baked_default: Path) -> None:
    source = (baked_default / "resume.md").read_text(encoding="utf-8")
    for count in (0, 60):
        resume = portfolio.resume.parse_resume(with_extra_bullets(source, count), "resume.md")
        pdf = portfolio.pdf.render_pdf(resume, repo=baked_default)
        assert portfolio.pdf.page_count(pdf) == len(PdfReader(io.BytesIO(pdf)).pages)


def test_one_line_too_long_is_fitted_onto_one_page_and_passes_ats(
    baked_default: Path, tmp_path: Path, just_fits: int
) -> None:
    repo = repo_with(baked_default, tmp_path, just_fits + 1)
    result = run_portfolio(repo, "build")
    assert result.returncode == 0, result.stderr
    fitted = re.search(r"_site/resume\.pdf \(1 page, fitted at ([\d.]+) pt", result.stdout)
    assert fitted, result.stdout
    assert 9.5 <= float(fitted.group(1)) < 10.5
    assert pdf_pages(repo / "_site" / "resume.pdf") == 1
    ats = run_portfolio(repo, "ats-check")
    assert ats.returncode == 0, ats.stdout + ats.stderr
    assert ats.stdout.strip().startswith("ATS check passed:")


def test_a_resume_that_fits_is_not_touched(baked_default: Path, tmp_path: Path, just_fits: int):
    repo = repo_with(baked_default, tmp_path, just_fits)
    result = run_portfolio(repo, "build")
    assert result.returncode == 0, result.stderr
    assert "_site/resume.pdf (1 page, " in result.stdout and "fitted" not in result.stdout


def test_far_too_long_fails_with_lines_over_and_the_longest_section(
    baked_default: Path, tmp_path: Path, just_fits: int
) -> None:
    repo = repo_with(baked_default, tmp_path, just_fits + 30)
    result = run_portfolio(repo, "build")
    assert result.returncode == 1
    heading = _line_of(repo / "resume.md", "## Experience")
    message = re.search(
        rf"^error: resume\.md:{heading}: the resume is about (\d+) lines too long for one page, "
        r"even at 9\.5 pt with tighter spacing; the longest section is 'Experience' "
        r"\(about (\d+) lines\)",
        result.stderr,
        re.MULTILINE,
    )
    assert message, result.stderr
    # 30 one-line bullets over, less what the fit won back (at most ~12 lines on a page)
    assert 10 <= int(message.group(1)) <= 30
    assert "Traceback" not in result.stderr and not (repo / "_site").exists()


def test_check_fails_for_an_overflowing_resume_even_with_an_old_site(
    built_repo: Path, tmp_path: Path, just_fits: int
) -> None:
    repo = copy_repo(built_repo, tmp_path / "repo")
    (repo / "_site").mkdir()
    (repo / "_site" / "resume.pdf").write_bytes((built_repo / "_site" / "resume.pdf").read_bytes())
    resume = repo / "resume.md"
    resume.write_text(with_extra_bullets(resume.read_text("utf-8"), just_fits + 30), "utf-8")
    result = run_portfolio(repo, "ats-check")
    assert result.returncode == 1
    assert "lines too long for one page" in result.stderr


def test_pages_two_allows_two_pages_and_the_same_rule_applies_at_two(
    baked_default: Path, tmp_path: Path, just_fits: int
) -> None:
    repo = repo_with(baked_default, tmp_path, just_fits + 30, front="pages: 2\n")
    result = run_portfolio(repo, "build")
    assert result.returncode == 0, result.stderr
    assert pdf_pages(repo / "_site" / "resume.pdf") == 2
    assert "_site/resume.pdf (2 pages" in result.stdout
    longer = repo_with(baked_default, tmp_path / "longer", 3 * just_fits + 120, "pages: 2\n")
    failed = run_portfolio(longer, "build")
    assert failed.returncode == 1
    assert "lines too long for 2 pages, even at 9.5 pt" in failed.stderr


def test_pages_must_be_one_or_two(baked_default: Path, tmp_path: Path) -> None:
    repo = repo_with(baked_default, tmp_path, 0, front="pages: 3\n")
    result = run_portfolio(repo, "build")
    assert result.returncode == 1
    line = _line_of(repo / "resume.md", "pages: 3")
    assert f"error: resume.md:{line}: `pages` must be 1 or 2" in result.stderr


def test_a_warm_build_counts_pages_without_importing_pypdf(built_repo: Path, tmp_path: Path):
    repo = copy_repo(built_repo, tmp_path / "repo")
    for _ in range(2):  # the first build fills this copy's caches
        result = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "portfolio", "build"],
            cwd=repo, capture_output=True, text=True, timeout=300,
            env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        )
        assert result.returncode == 0, result.stderr
    assert "(1 page, unchanged" in result.stdout
    imported = [line for line in result.stderr.splitlines() if "import time:" in line]
    assert imported and not [line for line in imported if "pypdf" in line]
    assert list((repo / ".cache" / "pdf").glob("*.fit.json"))


def _line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if line.startswith(needle))
