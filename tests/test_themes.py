"""Every built-in theme, on the baked sample and every resume fixture: it fits its page limit, reads back through
the ATS round trip, extracts without ligatures or private-use characters, embeds every font, and the default
theme's PDF is byte for byte the one before themes existed. `./run.sh themes` writes a PNG of each."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from portfolio_support import FIXTURES, RESUMES, portfolio, run_portfolio  # noqa: F401  (fixture)

THEMES = ["jake", "classic", "compact", "dense", "modern"]
SOURCES = ["sample", *sorted(path.stem for path in RESUMES.glob("*.md"))]
# For each resume, sha256 of the default theme's PDF and of what `pdftotext -bbox` reads from it (every word and
# where it stands). The positions were recorded from the build before themes existed (typst 0.15.2); the PDF's
# bytes since entry titles became headings in the tag tree, which moved no word.
DEFAULT_PDF_SHA256 = json.loads((FIXTURES / "default_theme_pdf_sha256.json").read_text(encoding="utf-8"))
LIGATURES = {chr(code) for code in range(0xFB00, 0xFB07)}


def source_path(baked: Path, name: str) -> Path:
    return baked / "resume.md" if name == "sample" else RESUMES / f"{name}.md"


@pytest.fixture(scope="module")
def themed(portfolio, baked_default: Path, tmp_path_factory: pytest.TempPathFactory) -> dict:  # noqa: F811
    """{(theme, source): (resume, fitted, pdf path, ATS report)}, each rendered once."""
    import portfolio.fit as fit

    folder = tmp_path_factory.mktemp("themes")
    own = own_theme_folder(baked_default, folder / "own")
    done = {}
    for theme in [*THEMES, "own"]:
        for name in SOURCES:
            if theme == "own":  # read from beside theme/, so the folder's values and layout are used
                resume = portfolio.resume.load_resume(own / source_path(baked_default, name).name.replace("resume.md", "sample.md"))
                resume = resume.public()
            else:
                resume = dataclasses.replace(portfolio.resume.load_resume(source_path(baked_default, name)).public(), theme=theme)
            fitted = fit.fit_pdf(resume, folder, cache=False)
            path = folder / f"{theme}-{name}.pdf"
            path.write_bytes(fitted.pdf)
            done[theme, name] = (resume, fitted, path, portfolio.ats.check_pdf(path, resume))
    return done


def own_theme_folder(baked: Path, folder: Path) -> Path:
    """A copied-and-edited theme folder (`theme copy modern`, another accent, plain titles, a shorter rule) beside
    copies of the sample and every fixture."""
    shutil.copytree(baked, folder)
    assert run_portfolio(folder, "theme", "copy", "modern").returncode == 0
    values = folder / "theme" / "theme.yml"
    edited = values.read_text(encoding="utf-8").replace('accent: "#0f5c6e"', 'accent: "#6a1b9a"').replace("dates: below", "dates: right")
    values.write_text(edited, encoding="utf-8")
    layout = folder / "theme" / "resume.typ"
    layout.write_text(layout.read_text(encoding="utf-8").replace("line(length: 100%", "line(length: 70%"), encoding="utf-8")
    shutil.copyfile(baked / "resume.md", folder / "sample.md")
    for path in RESUMES.glob("*.md"):
        shutil.copyfile(path, folder / path.name)
    return folder


def test_the_default_pins_cover_every_source() -> None:
    assert sorted(DEFAULT_PDF_SHA256) == sorted(SOURCES)


@pytest.mark.parametrize("theme", [*THEMES, "own"])
@pytest.mark.parametrize("name", SOURCES)
def test_every_theme_fits_and_reads_back(themed, theme: str, name: str) -> None:
    resume, fitted, path, report = themed[theme, name]
    assert fitted.pages <= resume.pages
    assert report.ok, report.problems


@pytest.mark.parametrize("theme", [*THEMES, "own"])
def test_no_ligatures_or_private_use_characters_and_every_font_embedded(themed, theme: str) -> None:
    for name in SOURCES:
        path = themed[theme, name][2]
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True).stdout
        odd = {char for char in text if char in LIGATURES or unicodedata.category(char) == "Co"}
        assert not odd, (name, odd)
        fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
        assert fonts and all(line.split()[-5] == "yes" for line in fonts), (name, fonts)


def test_the_themes_embed_the_fonts_they_name(themed) -> None:
    wanted = {
        "jake": {"NewCM10"}, "classic": {"LibertinusSerif"}, "compact": {"SourceSansPro"},
        "dense": {"NewCM10"}, "modern": {"SourceSansPro", "SourceSerifPro"},
        "own": {"SourceSansPro", "SourceSerifPro"},  # copied from modern: the folder's values are used
    }
    for theme, families in wanted.items():
        listed = subprocess.run(["pdffonts", str(themed[theme, "sample"][2])], capture_output=True, text=True, check=True).stdout
        embedded = {line.split()[0].split("+", 1)[-1].split("-")[0] for line in listed.splitlines()[2:]}
        assert families <= embedded, (theme, embedded)


def test_small_capital_titles_read_back_as_the_heading_letters(themed) -> None:
    resume, _, path, _ = themed["modern", "sample"]
    lines = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True).stdout.splitlines()
    for section in resume.sections:
        assert section.heading.upper() in lines


@pytest.mark.parametrize("name", SOURCES)
def test_the_default_theme_pdf_is_unchanged_byte_for_byte(themed, name: str) -> None:
    fitted, path = themed["jake", name][1:3]
    positions = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, check=True).stdout
    assert hashlib.sha256(positions).hexdigest() == DEFAULT_PDF_SHA256[name]["text_positions"], "a word moved"
    assert hashlib.sha256(fitted.pdf).hexdigest() == DEFAULT_PDF_SHA256[name]["pdf"], (
        "the default theme's PDF changed; if on purpose, record the new sha256 in tests/fixtures/default_theme_pdf_sha256.json"
    )


def test_themes_command_writes_a_png_of_each_and_says_how_to_choose(baked_default: Path, tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(baked_default, repo)
    result = run_portfolio(repo, "themes")
    assert result.returncode == 0, result.stderr
    assert sorted(path.name for path in (repo / "_themes").iterdir()) == sorted(f"{theme}.png" for theme in THEMES)
    for theme in THEMES:
        assert (repo / "_themes" / f"{theme}.png").read_bytes().startswith(b"\x89PNG")
        assert f"_themes/{theme}.png (1 page; reads back like resume.md)" in result.stdout
    assert result.stdout.count("(yours)") == 1 and "jake" in next(line for line in result.stdout.splitlines() if "(yours)" in line)
    assert "_themes/" in (repo / ".gitignore").read_text(encoding="utf-8")


def test_a_theme_chosen_in_front_matter_builds_and_a_bad_one_stops_the_build(baked_default: Path, tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(baked_default, repo)
    source = repo / "resume.md"
    original = source.read_text(encoding="utf-8")
    source.write_text(original.replace("---\n", '---\ntheme: compact\ndesign:\n  accent: "#8b0000"\n', 1), encoding="utf-8")
    built = run_portfolio(repo, "build")
    assert built.returncode == 0, built.stderr
    checked = run_portfolio(repo, "ats-check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    fonts = subprocess.run(["pdffonts", str(repo / "_site" / "resume.pdf")], capture_output=True, text=True, check=True).stdout
    assert "SourceSansPro" in fonts
    before = (repo / "_site" / "resume.pdf").read_bytes()
    source.write_text(original.replace("---\n", "---\ntheme: compact\ndesign:\n  dates: left\n", 1), encoding="utf-8")
    broken = run_portfolio(repo, "build")
    assert broken.returncode == 1
    assert broken.stderr.strip().splitlines() == ["error: resume.md:4: design: `dates`: 'left' is not one of right, below"]
    assert (repo / "_site" / "resume.pdf").read_bytes() == before  # nothing half-written
