"""A theme folder of your own: `theme copy NAME` puts a theme's values and the layout in theme/, the build uses
them, the ATS round trip and the page limit gate them as they gate the built-in themes (a layout in two columns
or one that drops a field fails with the field named), and `cruft update` leaves the folder alone."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import git, template_clone
from portfolio_support import run_portfolio
from test_cruft import cruft


@pytest.fixture()
def repo(baked_default: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "repo"
    shutil.copytree(baked_default, copy)
    copied = run_portfolio(copy, "theme", "copy", "compact")
    assert copied.returncode == 0, copied.stderr
    assert "Copied theme 'compact' to theme/" in copied.stdout
    return copy


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{path.name} no longer has {old!r}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_the_copy_holds_the_values_and_the_layout(repo: Path) -> None:
    assert sorted(path.name for path in (repo / "theme").iterdir()) == ["resume.typ", "theme.yml"]
    values = (repo / "theme" / "theme.yml").read_text(encoding="utf-8")
    assert "font: Source Sans Pro\n" in values and 'accent: "#1f4e79"\n' in values
    assert (repo / "theme" / "resume.typ").read_bytes() == (repo / "portfolio" / "templates" / "resume.typ").read_bytes()


def test_the_build_uses_the_folder_and_the_checks_pass(repo: Path) -> None:
    edit(repo / "theme" / "theme.yml", 'accent: "#1f4e79"', 'accent: "#7a1f1f"')
    built = run_portfolio(repo, "build")
    assert built.returncode == 0, built.stderr
    fonts = subprocess.run(["pdffonts", str(repo / "_site" / "resume.pdf")], capture_output=True, text=True, check=True).stdout
    assert "SourceSansPro" in fonts and "NewCM10" not in fonts
    checked = run_portfolio(repo, "ats-check")
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_copying_again_or_an_unknown_theme_is_refused_and_nothing_changes(repo: Path) -> None:
    before = (repo / "theme" / "theme.yml").read_bytes()
    again = run_portfolio(repo, "theme", "copy", "modern")
    assert again.returncode == 1
    assert again.stderr.strip().splitlines() == ["error: theme/ already exists: it is yours to edit (remove it to copy another theme)"]
    assert (repo / "theme" / "theme.yml").read_bytes() == before
    shutil.rmtree(repo / "theme")
    unknown = run_portfolio(repo, "theme", "copy", "fancy")
    assert unknown.returncode == 1
    assert unknown.stderr.strip().splitlines() == [
        "error: unknown theme 'fancy' (choose from jake, classic, compact, dense, modern)"
    ]
    assert not (repo / "theme").exists()


def test_a_bad_value_in_the_folder_stops_the_build_with_its_file_named(repo: Path) -> None:
    edit(repo / "theme" / "theme.yml", "size: 10\n", "size: 30\n")
    broken = run_portfolio(repo, "build")
    assert broken.returncode == 1
    assert broken.stderr.strip().splitlines() == ["error: theme/theme.yml: `size`: 30 pt is outside 9.5–12"]
    assert not (repo / "_site").exists()  # nothing half-written


def failed_check(repo: Path) -> str:
    built = run_portfolio(repo, "build")
    assert built.returncode == 0, built.stderr
    checked = run_portfolio(repo, "ats-check")
    assert checked.returncode == 1, checked.stdout
    return checked.stdout + checked.stderr


def test_a_layout_in_two_columns_fails_the_check_with_the_fields_named(repo: Path) -> None:
    edit(
        repo / "theme" / "resume.typ",
        "#for s in data.sections { section(s) }",
        "#grid(columns: (1fr, 1fr), column-gutter: 1em, ..data.sections.map(s => block(section(s))))",
    )
    report = failed_check(repo)
    assert "resume.md:48: project 'Notification Pipeline' is out of order" in report
    assert "gap inside entry 'Example Corp'" in report


def test_a_layout_that_drops_a_field_fails_the_check_with_the_field_named(repo: Path) -> None:
    edit(repo / "theme" / "resume.typ", "row(entry-title(organisation), e.location)", "row(entry-title(organisation), [])")
    report = failed_check(repo)
    assert "resume.md:26: location 'Springfield, IL'" in report
    assert "resume.md:55: location 'Springfield, IL'" in report


def test_a_theme_named_in_front_matter_beside_the_folder_is_reported(repo: Path) -> None:
    edit(repo / "resume.md", "---\n", "---\ntheme: modern\n")
    built = run_portfolio(repo, "build")
    assert built.returncode == 0, built.stderr
    assert "warning: resume.md: `theme: modern` is not used: the theme folder theme/ is" in built.stderr


def test_cruft_update_leaves_the_folder_alone(tmp_path: Path) -> None:
    template = template_clone(tmp_path / "template")
    work = tmp_path / "work"
    work.mkdir()
    assert cruft("create", "--no-input", f"file://{template}", cwd=work).returncode == 0
    project = work / "interview_portfolio"
    assert run_portfolio(project, "theme", "copy", "classic").returncode == 0
    edit(project / "theme" / "theme.yml", "size: 11\n", "size: 10.5\n")
    ours = {path.name: path.read_bytes() for path in (project / "theme").iterdir()}
    git(project, "add", "-A")
    git(project, "commit", "--quiet", "-m", "my theme")

    layout = template / "{{cookiecutter.project}}/portfolio/templates/resume.typ"
    layout.write_text(layout.read_text(encoding="utf-8") + "// a template improvement\n", encoding="utf-8")
    git(template, "commit", "--quiet", "-am", "template improvement")
    updated = cruft("update", "--skip-apply-ask", "--allow-untracked-files", cwd=project)
    assert updated.returncode == 0, updated.stdout + updated.stderr
    assert "// a template improvement" in (project / "portfolio/templates/resume.typ").read_text(encoding="utf-8")
    assert {path.name: path.read_bytes() for path in (project / "theme").iterdir()} == ours
