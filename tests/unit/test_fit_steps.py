"""The bounded fit, by hand-counted cases: a resume that fits is left alone, one a few lines long steps down
the font size, one far too long fails with a located message, and each result comes back from the cache."""

from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path

import pytest
from src_support import FIXTURES, longer_senior, module

resume = module("resume")
fit = module("fit")

SENIOR = (FIXTURES / "resumes" / "senior.md").read_text(encoding="utf-8")  # 9 lines to spare at the default style


def with_lines(count: int, front: str = ""):
    return resume.parse_resume(longer_senior(count, front), "resume.md").public()


@pytest.mark.parametrize(
    ("lines", "step", "described", "spare"),
    [
        (0, 0, "1 page", 9),
        (9, 0, "1 page", 0),
        (10, 1, "1 page, fitted at 10.25 pt", 2),
        (14, 2, "1 page, fitted at 10 pt", 2),
    ],
)
def test_the_fit_steps_down_only_as_far_as_needed(tmp_path: Path, lines: int, step: int, described: str, spare: int) -> None:
    source = with_lines(lines)
    fitted = fit.fit_pdf(source, tmp_path)
    assert (fitted.step, fitted.pages, fitted.reused, fitted.describe()) == (step, 1, False, described)
    assert fitted.pdf.startswith(b"%PDF-") and fitted.style == fit.pdf.FIT_STEPS[step]
    assert fit.fullness(source, tmp_path, step)[1] == spare
    again = fit.fit_pdf(source, tmp_path)
    assert (again.reused, again.describe(), again.pdf) == (True, described + ", unchanged", fitted.pdf)
    assert len(list((tmp_path / ".cache" / "pdf").glob("*.fit.json"))) == 1


def test_without_the_cache_nothing_is_stored(tmp_path: Path) -> None:
    assert fit.fit_pdf(with_lines(0), tmp_path, cache=False).reused is False
    assert not (tmp_path / ".cache").exists()


def test_far_too_long_fails_with_its_message_and_the_cache_remembers_it(tmp_path: Path) -> None:
    message = (
        "resume.md:22: the resume is about 15 lines too long for one page, even at 9.5 pt with tighter spacing;"
        " the longest section is 'Experience' (about 68 lines): shorten or cut bullets there, or set `pages: 2`"
        " for 10+ years"
    )
    for _ in range(2):  # rendered, then from the cache
        with pytest.raises(fit.PageOverflow) as raised:
            fit.fit_pdf(with_lines(40), tmp_path)
        assert str(raised.value) == message
    stored = [json.loads(p.read_text()) for p in (tmp_path / ".cache" / "pdf").glob("*.fit.json")]
    assert stored == [{"overflow": message}]


def test_two_pages_when_the_front_matter_allows_them(tmp_path: Path) -> None:
    source = with_lines(40, front="pages: 2\n")
    assert fit.fit_pdf(source, tmp_path).describe() == "2 pages, fitted at 10 pt"
    share, spare = fit.fullness(source, tmp_path)
    assert (round(share, 3), spare) == (0.163, -11)


def test_the_cache_keeps_the_newest_entries_only(tmp_path: Path) -> None:
    folder = tmp_path / ".cache" / "pdf"
    folder.mkdir(parents=True)
    for index in range(fit.KEEP + 3):
        for suffix in (".fit.json", ".pdf"):
            (folder / f"k{index:02d}{suffix}").write_text("{}")
            os.utime(folder / f"k{index:02d}{suffix}", (index, index))
    fitted = fit.fit_pdf(with_lines(0), tmp_path)
    kept = [f"k{index:02d}" for index in range(4, fit.KEEP + 3)] + [fitted.key]  # KEEP in all, the new one too
    assert sorted(path.name for path in folder.glob("*.fit.json")) == sorted(f"{k}.fit.json" for k in kept)
    assert sorted(path.name for path in folder.glob("*.pdf")) == sorted(f"{k}.pdf" for k in kept)


def test_a_damaged_cache_entry_is_rendered_again(tmp_path: Path) -> None:
    source = with_lines(0)
    first = fit.fit_pdf(source, tmp_path)
    for meta in (tmp_path / ".cache" / "pdf").glob("*.fit.json"):
        meta.write_text("not json")
    again = fit.fit_pdf(source, tmp_path)
    assert (again.reused, again.pdf) == (False, first.pdf)


def test_the_cache_is_named_by_the_resume_s_fingerprint_and_timed(tmp_path: Path) -> None:
    source = with_lines(0)
    for reused in (False, True):
        started = time.perf_counter()
        fitted = fit.fit_pdf(source, tmp_path)
        took = time.perf_counter() - started
        assert fitted.reused is reused and 0 <= fitted.seconds <= took
        assert re.fullmatch(r"[0-9a-f]{24}", fitted.key), fitted.key
        assert (tmp_path / ".cache" / "pdf" / f"{fitted.key}.pdf").read_bytes() == fitted.pdf


def test_a_cached_overflow_is_raised_from_the_cache_without_rendering(tmp_path: Path) -> None:
    source = with_lines(40)
    with pytest.raises(fit.PageOverflow):
        fit.fit_pdf(source, tmp_path)
    [meta] = (tmp_path / ".cache" / "pdf").glob("*.fit.json")
    meta.write_text(json.dumps({"overflow": "resume.md:1: as remembered"}))
    with pytest.raises(fit.PageOverflow) as raised:
        fit.fit_pdf(source, tmp_path)
    assert str(raised.value) == "resume.md:1: as remembered"


def test_a_theme_already_tight_skips_the_steps_it_starts_at_and_fits_at_the_next(tmp_path: Path) -> None:
    # compact starts at 10 pt, which is the ladder's first two steps too: 20 more lines fit only at 9.75 pt
    fitted = fit.fit_pdf(with_lines(20, front="theme: compact\n"), tmp_path)
    assert (fitted.step, fitted.describe()) == (3, "1 page, fitted at 9.75 pt")


@pytest.mark.parametrize(
    ("lines", "front", "message"),
    [
        # one line over, in the singular
        (26, "theme: compact\n", "resume.md:23: the resume is about 1 line too long for one page, even at 9.5 pt with"
         " tighter spacing; the longest section is 'Experience' (about 55 lines): shorten or cut bullets there, or set"
         " `pages: 2` for 10+ years"),
        # two pages over: no advice to allow two pages
        (140, "pages: 2\n", "resume.md:23: the resume is about 28 lines too long for 2 pages, even at 9.5 pt with"
         " tighter spacing; the longest section is 'Experience' (about 160 lines): shorten or cut bullets there"),
    ],
)
def test_the_overflow_message_says_how_far_over_and_what_to_do(tmp_path: Path, lines: int, front: str, message: str) -> None:
    with pytest.raises(fit.PageOverflow) as raised:
        fit.fit_pdf(with_lines(lines, front=front), tmp_path)
    assert str(raised.value) == message


def test_the_fit_renders_for_its_repo_so_the_repo_remembers_its_hyphenated_words(tmp_path: Path) -> None:
    text = SENIOR.replace("- Mentor", f"- Cut on-call pages by 30% for run {tmp_path.name}.\n- Mentor", 1)
    fit.fit_pdf(resume.parse_resume(text, "resume.md").public(), tmp_path)
    assert (tmp_path / fit.pdf.COMPOUNDS_CACHE).is_file()
