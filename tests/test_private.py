"""The private build: full contact details and the interview copy in `_private/`, never in `_site/`."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import bake
from portfolio_support import run_portfolio
from variant_support import (
    LINKS,
    bullets_in_pdf,
    built,
    pdf_text,
    site_files,
    story_paragraphs,
    tag_repo,
    visible_text,
)

PHONE = "+1 (555) 010-4477"
PHONE_DIGITS = "15550104477"


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real bake with a phone number, tagged for two variants, after `build` and `private`."""
    project = bake(tmp_path_factory.mktemp("phone"), phone=PHONE)
    return built(tag_repo(project), "build", "private")


def digits(text: str) -> str:
    return re.sub(r"[\s().+\-\u2010-\u2015]", "", text)


def test_private_folder_holds_the_resume_with_the_phone(repo: Path) -> None:
    private = repo / "_private"
    names = sorted(p.relative_to(private).as_posix() for p in private.rglob("*") if p.is_file())
    assert names == [
        "backend/resume.pdf",
        "interview_copy.pdf",
        "platform/resume.pdf",
        "resume.docx",
        "resume.json",
        "resume.pdf",
        "resume.txt",
    ]
    for name in ("resume.pdf", "resume.txt", "resume.docx", "resume.json", "backend/resume.pdf"):
        assert PHONE_DIGITS in digits(visible_text(private / name)), name
    assert "_private/" in (repo / ".gitignore").read_text().splitlines()


def test_public_site_has_no_phone_number_anywhere(repo: Path) -> None:
    files = site_files(repo / "_site")
    kinds = {path.suffix for path in files}
    assert {".html", ".pdf", ".txt", ".json", ".docx"} <= kinds
    assert (repo / "_site" / "backend" / "resume.pdf") in files
    for path in files:
        if path.suffix in (".png", ".css"):
            continue
        assert PHONE_DIGITS not in digits(visible_text(path)), path.relative_to(repo)
        assert b"5550104477" not in digits(path.read_bytes().decode("latin-1")).encode("latin-1")


def test_interview_copy_puts_each_linked_story_under_its_bullet(repo: Path) -> None:
    copy = repo / "_private" / "interview_copy.pdf"
    stories = story_paragraphs(repo / "interview_prep" / "star_stories.md")
    items = bullets_in_pdf(copy)
    migration = _item(items, "Led the migration of 14 services")
    assert "STAR: Leading a Migration Nobody Owned" in migration
    for label, text in stories["Leading a Migration Nobody Owned"]:
        assert f"{label}: {text}" in migration, label
    search = _item(items, "Built an async ingestion and search API")
    tests = _item(items, "Wrote 350 pytest cases")
    for item in (search, tests):  # one story backs two bullets
        assert "STAR: Resolving a Disagreement Over the Message Queue" in item
        assert stories["Resolving a Disagreement Over the Message Queue"][-1][1] in item
    unlinked_bullet = _item(items, "Reduced the monthly cloud bill")
    assert "STAR:" not in unlinked_bullet


def test_interview_copy_lists_the_stories_no_bullet_links_to(repo: Path) -> None:
    text = pdf_text(repo / "_private" / "interview_copy.pdf")
    tail = text.split("STORIES NO BULLET LINKS TO", 1)[1]
    titles = re.findall(r"STAR: (.+?) Situation:", tail)
    assert titles == ["Fixing Connection Exhaustion Under Peak Load", "Learning From an Outage I Caused"]


def test_a_story_naming_a_missing_bullet_id_is_a_warning_with_file_and_line(repo: Path) -> None:
    stories = repo / "interview_prep" / "star_stories.md"
    line = stories.read_text("utf-8").splitlines().index(LINKS[2][1]) + 1
    expected = (
        f"warning: interview_prep/star_stories.md:{line}: story 'Learning From an Outage I Caused' "
        "backs 'no-such-bullet', but no bullet in resume.md has `<!-- id: no-such-bullet -->`"
    )
    check = run_portfolio(repo, "ats-check")
    assert check.returncode == 0, check.stdout + check.stderr
    assert expected in check.stderr.splitlines()
    private = run_portfolio(repo, "private")
    assert private.returncode == 0 and expected in private.stderr.splitlines()


def test_nothing_published_carries_story_text_that_is_not_on_the_resume(repo: Path) -> None:
    """The interview notes stay private: no page, PDF or export of the site carries them."""
    resume_text = visible_text(repo / "_site" / "resume.pdf")
    sentences = [
        sentence
        for parts in story_paragraphs(repo / "interview_prep" / "star_stories.md").values()
        for _, text in parts
        for sentence in re.split(r"(?<=[.!?])\s+", text)
        if len(sentence.split()) >= 6 and sentence not in resume_text
    ]
    assert len(sentences) > 20
    assert not (repo / "_site" / "interview_prep" / "star_stories.html").exists()
    for path in site_files(repo / "_site"):
        if path.suffix in (".png", ".css"):
            continue
        text = visible_text(path)
        leaked = [sentence for sentence in sentences if sentence in text]
        assert not leaked, (path.relative_to(repo), leaked[:2])


def test_a_failed_private_build_keeps_the_previous_private_folder(repo: Path, tmp_path: Path):
    copy = tmp_path / "repo"
    shutil.copytree(repo, copy)
    before = (copy / "_private" / "resume.pdf").read_bytes()
    resume = copy / "resume.md"
    resume.write_text(resume.read_text("utf-8").replace("targets: backend -->", "targets: x -->"))
    result = run_portfolio(copy, "private")
    assert result.returncode == 1 and "target 'x' is not a declared variant" in result.stderr
    assert (copy / "_private" / "resume.pdf").read_bytes() == before


def _item(items: list[str], start: str) -> str:
    return next(item for item in items if item.startswith(start))


def test_a_phone_kept_out_of_the_repository_reaches_only_the_private_copy(
    baked_default: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a public repository the front matter is public too, so the number can come from the environment."""
    repo = tmp_path / "repo"
    shutil.copytree(baked_default, repo)
    assert "phone: \"\"" in (repo / "resume.md").read_text(encoding="utf-8")
    monkeypatch.setenv("PORTFOLIO_PHONE", PHONE)
    for command in ("build", "private"):
        result = run_portfolio(repo, command)
        assert result.returncode == 0, result.stderr
    assert PHONE_DIGITS in digits(visible_text(repo / "_private" / "resume.pdf"))
    assert PHONE_DIGITS in digits(visible_text(repo / "_private" / "resume.txt"))
    for path in site_files(repo / "_site"):
        if path.suffix not in (".png", ".css"):
            assert PHONE_DIGITS not in digits(visible_text(path)), path.relative_to(repo)
