"""Translations: `resume.de.md` beside `resume.md` builds `resume.de.pdf` and `resume.de.html`, the pages link each
other with hreflang, and `translations` (run by `./run.sh check`) names what one language has and another lacks."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from portfolio_support import run_portfolio

GERMAN = {
    "## Professional Summary": "## Profil",
    "## Experience": "## Berufserfahrung",
    "## Education": "## Ausbildung",
    "March 2022 – Present": "März 2022 – heute",
    "June 2020 – February 2022": "Juni 2020 – Feb. 2022",
}
DROPPED = "- Mentor 3 junior engineers; all 3 shipped their first production feature within 6 weeks.\n"


@pytest.fixture()
def repo(baked_default: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "repo"
    shutil.copytree(baked_default, copy)
    text = (copy / "resume.md").read_text(encoding="utf-8")
    for english, german in GERMAN.items():
        assert english in text, english
        text = text.replace(english, german)
    assert DROPPED in text
    (copy / "resume.de.md").write_text(text.replace(DROPPED, ""), encoding="utf-8")
    return copy


def test_a_translation_builds_its_pdf_and_page_linked_both_ways(repo: Path) -> None:
    from pypdf import PdfReader

    built = run_portfolio(repo, "build")
    assert built.returncode == 0, built.stderr
    site = repo / "_site"
    assert PdfReader(site / "resume.de.pdf").trailer["/Root"]["/Lang"] == "de"
    links = ['<link rel="alternate" hreflang="en" href="resume.html">', '<link rel="alternate" hreflang="de" href="resume.de.html">']
    for page in ("resume.html", "resume.de.html"):
        html = (site / page).read_text(encoding="utf-8")
        assert all(link in html for link in links), page
    german = (site / "resume.de.html").read_text(encoding="utf-8")
    assert '<html lang="de">' in german and "März 2022 – heute" in german and 'href="resume.de.pdf"' in german
    assert "hreflang" not in (site / "index.html").read_text(encoding="utf-8")


def test_check_names_the_bullet_one_language_lacks(repo: Path) -> None:
    listed = run_portfolio(repo, "translations")
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.splitlines() == [
        "warning: resume.md:32: bullet 'Mentor 3 junior engineers; all 3 …' (experience, entry 1, bullet 3)"
        " has no counterpart in resume.de.md",
        "Translations (resume.de.md): 1 difference(s) listed above",
    ]


def test_bullets_with_ids_match_wherever_they_stand(repo: Path) -> None:
    for name in ("resume.md", "resume.de.md"):
        path = repo / name
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("from usage data.", "from usage data. <!-- id: cloud-bill -->"), encoding="utf-8")
    german = repo / "resume.de.md"
    text = german.read_text(encoding="utf-8")
    first = next(line for line in text.splitlines() if line.startswith("- Led the migration"))
    german.write_text(text.replace(first + "\n", ""), encoding="utf-8")
    listed = run_portfolio(repo, "translations").stdout
    assert "cloud-bill" not in listed  # matched by its id though it moved up a place
    assert "bullet 'Led the migration of 14 services" in listed


def test_a_broken_translation_stops_the_build_with_its_line(repo: Path) -> None:
    german = repo / "resume.de.md"
    german.write_text(german.read_text(encoding="utf-8").replace("---\n", "---\ndesign:\n  size: 30\n", 1), encoding="utf-8")
    broken = run_portfolio(repo, "build")
    assert broken.returncode == 1
    assert broken.stderr.strip().splitlines()[-1] == "error: resume.de.md:3: design: `size`: 30 pt is outside 9.5–12"
    assert not (repo / "_site").exists()
