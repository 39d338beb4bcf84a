"""The bounded fit, by hand-counted cases: a resume that fits is left alone, one a few lines long steps down
the font size, one far too long fails with a located message, and each result comes back from the cache."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from src_support import FIXTURES, module

resume = module("resume")
fit = module("fit")

SENIOR = (FIXTURES / "resumes" / "senior.md").read_text(encoding="utf-8")  # 9 lines to spare at the default style
LINE = "- Cut report build time by {n}0% for 12 analysts by caching 40 daily queries.\n"


def with_lines(count: int, front: str = ""):
    extra = "".join(LINE.format(n=index % 9 + 1) for index in range(count))
    text = SENIOR.replace("- Mentor", extra + "- Mentor", 1).replace("---\n", f"---\n{front}", 1)
    return resume.parse_resume(text, "resume.md").public()


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
    folder = tmp_path / "cache"
    folder.mkdir()
    for index in range(fit.KEEP + 3):
        (folder / f"k{index:02d}.fit.json").write_text("{}")
        (folder / f"k{index:02d}.pdf").write_bytes(b"%PDF-")
        os.utime(folder / f"k{index:02d}.fit.json", (index, index))
    fit._prune(folder)
    kept = sorted(path.name for path in folder.glob("*.fit.json"))
    assert kept == [f"k{index:02d}.fit.json" for index in range(3, fit.KEEP + 3)]
    assert sorted(path.name for path in folder.glob("*.pdf")) == [f"k{index:02d}.pdf" for index in range(3, fit.KEEP + 3)]


def test_a_damaged_cache_entry_is_rendered_again(tmp_path: Path) -> None:
    source = with_lines(0)
    first = fit.fit_pdf(source, tmp_path)
    for meta in (tmp_path / ".cache" / "pdf").glob("*.fit.json"):
        meta.write_text("not json")
    again = fit.fit_pdf(source, tmp_path)
    assert (again.reused, again.pdf) == (False, first.pdf)
