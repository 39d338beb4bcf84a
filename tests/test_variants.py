"""Resume variants: hidden target tags, one tailored resume per declared variant, match per variant."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from conftest import tool_env
from portfolio_support import built_repo, portfolio, run_portfolio  # noqa: F401  (fixtures)
from variant_support import (
    bullets_in_pdf,
    copy_repo,
    in_section_order,
    pdf_pages,
    source_bullets,
    tag_repo,
    tagged_repo,  # noqa: F401  (fixture)
    visible_text,
)

VALE = Path.home() / "go" / "bin" / "vale"
EXPECTED_ORDER = {"backend": [], "platform": ["Projects", "Experience"]}


def test_tags_are_recorded_and_the_text_stays_clean(portfolio, tagged_repo: Path) -> None:
    resume = portfolio.resume.load_resume(tagged_repo / "resume.md")
    bullets = {bullet.id: bullet for bullet in resume.all_bullets() if bullet.id}
    assert set(bullets) == {"k8s-migration", "billing-tests", "search-api"}
    assert bullets["k8s-migration"].targets == ("platform",)
    assert bullets["search-api"].targets == ("backend", "platform")
    assert bullets["k8s-migration"].text.endswith("cutting deploy time from 25 minutes to 6.")
    for bullet in resume.all_bullets():
        assert "<!--" not in bullet.text + bullet.markdown and "targets" not in bullet.text
    skills = resume.section_of_kind("skills").skills
    assert [g.targets for g in skills if g.label == "Testing"] == [("backend",)]
    assert [g.items[-1] for g in skills if g.label == "Testing"] == ["load testing with k6"]
    project = next(e for e in resume.entries() if e.title == "Notification Pipeline")
    assert project.targets == ("backend",) and project.tech == ("Python", "Kafka", "Redis")
    assert [v.name for v in resume.variants] == ["backend", "platform"]
    assert not resume.warnings


@pytest.mark.parametrize("variant", ["backend", "platform"])
def test_each_variant_pdf_holds_exactly_its_bullets_in_order_on_one_page(
    tagged_repo: Path, variant: str
) -> None:
    source = (tagged_repo / "resume.md").read_text(encoding="utf-8")
    expected = in_section_order(source_bullets(source, variant), EXPECTED_ORDER[variant])
    everything = [text for _, text in source_bullets(source, None)]
    assert 0 < len(expected) < len(everything)
    pdf = tagged_repo / "_site" / variant / "resume.pdf"
    found = bullets_in_pdf(pdf)
    assert len(found) == len(expected), found
    for printed, wanted in zip(found, expected):
        assert printed.startswith(wanted), (printed, wanted)
    assert pdf_pages(pdf) == 1


def test_the_main_resume_keeps_every_bullet(tagged_repo: Path) -> None:
    source = (tagged_repo / "resume.md").read_text(encoding="utf-8")
    expected = [text for _, text in source_bullets(source, None)]
    found = bullets_in_pdf(tagged_repo / "_site" / "resume.pdf")
    assert len(found) == len(expected)
    assert all(printed.startswith(wanted) for printed, wanted in zip(found, expected))


@pytest.mark.parametrize("variant", ["backend", "platform"])
def test_variant_html_and_exports_hold_the_same_bullets(tagged_repo: Path, variant: str) -> None:
    source = (tagged_repo / "resume.md").read_text(encoding="utf-8")
    wanted = {text for _, text in source_bullets(source, variant)}
    others = {text for _, text in source_bullets(source, None)} - wanted
    folder = tagged_repo / "_site" / variant
    names = ("resume.html", "resume.txt", "resume.docx", "resume.json", "resume.pdf")
    for name in names:
        text = visible_text(folder / name)
        assert "<!--" not in text and "targets:" not in text, name
        missing = [bullet for bullet in wanted if bullet[:60] not in text]
        leaked = [bullet for bullet in others if bullet[:60] in text]
        assert not missing and not leaked, (name, missing, leaked)
    role = "Backend Engineer" if variant == "backend" else "Platform Engineer"
    assert role in visible_text(folder / "resume.html")
    assert json.loads((folder / "resume.json").read_text())["basics"]["label"] == role


def test_landing_page_lists_the_variants(tagged_repo: Path) -> None:
    index = (tagged_repo / "_site" / "index.html").read_text(encoding="utf-8")
    for name, role in (("backend", "Backend Engineer"), ("platform", "Platform Engineer")):
        assert f'href="{name}/resume.html"' in index and f'href="{name}/resume.pdf"' in index
        assert f"{role} resume" in index
    page = (tagged_repo / "_site" / "backend" / "resume.html").read_text(encoding="utf-8")
    assert 'href="../style.css"' in page and 'href="resume.pdf"' in page
    main = (tagged_repo / "_site" / "resume.html").read_text(encoding="utf-8")
    assert "This version as a PDF" not in main


def test_default_site_has_no_variants(built_repo: Path) -> None:
    site = built_repo / "_site"
    assert "Tailored versions" not in (site / "index.html").read_text(encoding="utf-8")
    assert sorted(p.name for p in site.iterdir() if p.is_dir()) == [
        "interview_prep",
        "system_designs",
    ]


def test_match_names_the_best_variant_and_reports_one(tagged_repo: Path, tmp_path: Path) -> None:
    posting = tmp_path / "job.txt"
    posting.write_text(
        "Backend Engineer\nRequirements:\n- Python, Kafka, Redis and pytest\n- Playwright\n",
        encoding="utf-8",
    )
    best = run_portfolio(tagged_repo, "match", str(posting))
    assert best.returncode == 0, best.stderr
    assert best.stdout.startswith("Best variant: backend (coverage backend 100%, platform ")
    one = run_portfolio(tagged_repo, "match", str(posting), "--variant", "platform", "--json")
    data = json.loads(one.stdout)
    assert data["variant"] == "platform" and data["coverage"] < 100
    assert "Playwright" in data["missing"]  # the Testing skills line is tagged backend
    wrong = run_portfolio(tagged_repo, "match", str(posting), "--variant", "frontend")
    assert wrong.returncode == 1 and "no variant 'frontend'" in wrong.stderr


def _line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if needle in line)


def test_an_undeclared_tag_fails_with_file_and_line(baked_default: Path, tmp_path: Path) -> None:
    repo = tag_repo(copy_repo(baked_default, tmp_path / "repo"))
    resume = repo / "resume.md"
    resume.write_text(
        resume.read_text().replace("targets: platform -->", "targets: plaftorm -->"), "utf-8"
    )
    result = run_portfolio(repo, "build")
    line = _line_of(resume, "plaftorm")
    assert result.returncode == 1
    assert f"error: resume.md:{line}: target 'plaftorm' is not a declared variant" in result.stderr
    assert "Traceback" not in result.stderr and not (repo / "_site").exists()


def test_an_empty_variant_fails_with_file_and_line(baked_default: Path, tmp_path: Path) -> None:
    repo = copy_repo(baked_default, tmp_path / "repo")
    resume = repo / "resume.md"
    text = resume.read_text(encoding="utf-8")
    text = text.replace("publish_phone: false\n", "publish_phone: false\nvariants:\n  - name: a\n"
                        "  - name: b\n")
    text = "\n".join(
        f"{line} <!-- targets: a -->" if line.startswith("- ") and "**" not in line else line
        for line in text.split("\n")
    )
    resume.write_text(text, encoding="utf-8")
    result = run_portfolio(repo, "build")
    assert result.returncode == 1
    line = _line_of(resume, "- name: b")
    assert f"error: resume.md:{line}: variant 'b' would be empty" in result.stderr


def test_vale_ignores_the_hidden_comment_and_still_flags_layout_html(
    baked_default: Path, tmp_path: Path
) -> None:
    repo = tag_repo(copy_repo(baked_default, tmp_path / "repo"))
    clean = _vale(repo, "resume.md")
    assert clean == [], clean
    resume = repo / "resume.md"
    resume.write_text(
        resume.read_text().replace("<!-- targets: platform -->", '<span class="x">x</span>'),
        encoding="utf-8",
    )
    flagged = _vale(repo, "resume.md")
    assert {alert["Check"] for alert in flagged} == {"Portfolio.LayoutHTML"}


def _vale(repo: Path, name: str) -> list[dict]:
    result = subprocess.run(
        [str(VALE), "--output=JSON", name], cwd=repo, capture_output=True, text=True,
        env=tool_env(), timeout=120,
    )
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stdout or "{}").get(name, [])
