"""run.sh end to end, as a user runs it: fresh .venv, a folder with spaces, every subcommand twice."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import tool_env
from portfolio_support import FIXTURES
from site_support import SCREENSHOTS

POSTING = """Senior Backend Engineer. We need Python, Go and PostgreSQL experience, Kafka for events,
Kubernetes and Terraform on AWS. Nice to have: Rust, GraphQL, Snowflake."""


def run(repo: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(repo / "run.sh"), *args],
        cwd=cwd or repo,
        capture_output=True,
        text=True,
        env={**tool_env(), "PIP_DISABLE_PIP_VERSION_CHECK": "1"},
        timeout=900,
    )


def digest_tree(root: Path, skip: tuple[str, ...]) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.relative_to(root).as_posix().startswith(skip)
    }


@pytest.fixture(scope="module")
def set_up(baked_default: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """The default bake, copied under a path with spaces, after a plain `./run.sh` (setup + build)."""
    outside = tmp_path_factory.mktemp("run sh") / "my job search"
    repo = outside / "interview portfolio"
    shutil.copytree(baked_default, repo, symlinks=True)
    first = run(repo, cwd=outside)
    return repo, first


def test_plain_run_sets_up_and_builds(set_up) -> None:
    repo, first = set_up
    assert first.returncode == 0, first.stdout + first.stderr
    assert (repo / ".venv/bin/python").is_file()
    for built in ("index.html", "resume.html", "resume.pdf", "system_designs/notification_service.html"):
        assert (repo / "_site" / built).is_file(), built
    assert "Next: ./run.sh serve" in first.stdout
    preview = repo / "_site/resume.png"
    assert preview.read_bytes().startswith(b"\x89PNG")
    if SCREENSHOTS is not None:  # `./dev.sh screenshots`: the picture in the README
        shutil.copyfile(preview, SCREENSHOTS / "resume-pdf.png")


def test_setup_again_is_a_no_op(set_up) -> None:
    repo, _ = set_up
    again = run(repo, "setup")
    assert again.returncode == 0, again.stderr
    assert "Python packages are up to date" in again.stdout


def test_build_is_idempotent_and_reproducible(set_up) -> None:
    repo, _ = set_up
    before = (repo / "_site/resume.pdf").read_bytes()
    assert run(repo, "build").returncode == 0
    assert run(repo, "build").returncode == 0
    assert (repo / "_site/resume.pdf").read_bytes() == before


TABLE = "\n| Skill | Years |\n| --- | --- |\n| Go | 5 |\n"


def broken(repo: Path, text: str):  # noqa: ANN201 - a context manager
    """resume.md with `text` appended, for the length of a `with` block."""
    import contextlib

    @contextlib.contextmanager
    def change():
        path = repo / "resume.md"
        before = path.read_bytes()
        path.write_bytes(before + text.encode("utf-8"))
        try:
            yield path
        finally:
            path.write_bytes(before)

    return change()


def test_check_fails_on_a_broken_resume_before_anything_is_committed(set_up) -> None:
    """Nothing is tracked yet (no `git add`): the hooks still see every file and Vale names the rule."""
    repo, _ = set_up
    assert subprocess.run(["git", "ls-files"], cwd=repo, capture_output=True, text=True).stdout == ""
    with broken(repo, TABLE):
        result = run(repo, "check")
    assert result.returncode != 0
    assert "Portfolio.Tables" in result.stdout and "(no files to check)" not in result.stdout.split("shellcheck")[0]


def test_check_on_github_annotates_the_line_and_writes_the_summary(set_up, tmp_path: Path) -> None:
    repo, _ = set_up
    summary = tmp_path / "summary.md"
    env = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    with broken(repo, TABLE + "\n- Helped <b>team</b> | *ship* [it](x) 50% faster.\n") as path:
        table_line = path.read_text(encoding="utf-8").splitlines().index("| Skill | Years |") + 1
        result = subprocess.run(
            [str(repo / "run.sh"), "check"], cwd=repo, capture_output=True, text=True,
            env={**tool_env(), **env}, timeout=900,
        )
    commands = [line for line in result.stdout.splitlines() if line.startswith("::")]
    tables = [c for c in commands if c.startswith("::error file=resume.md,") and "title=Portfolio.Tables::" in c]
    # Vale puts a table's alert on its header or its delimiter row
    assert [int(re.search(r"line=(\d+)", c)[1]) - table_line for c in tables] in ([0], [1]), commands
    assert all(re.fullmatch(r"::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,title=[^:]+::.+", c) for c in commands)
    report = summary.read_text(encoding="utf-8")
    assert "## Writing checks (Vale)" in report and "| Line | Level | Rule | Finding |" in report
    assert "<b>" not in report and "Portfolio\\.Tables" in report


def test_ats_on_github_writes_the_read_back_to_the_summary(set_up, tmp_path: Path) -> None:
    repo, _ = set_up
    summary = tmp_path / "summary.md"
    env = {**tool_env(), "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    result = subprocess.run([str(repo / "run.sh"), "ats"], cwd=repo, capture_output=True, text=True, env=env, timeout=900)
    assert result.returncode == 0, result.stderr
    report = summary.read_text(encoding="utf-8")
    assert "## ATS read-back (what a resume parser reads from the PDF)" in report
    assert re.search(r"the last page is \d+% full at the default size \\?\(\d+ lines to spare\\?\)", report), report
    assert "**resume-pdf**" in report and "fields read back as their own text items" in report


def test_check_fails_when_a_hook_that_must_run_sees_no_file(set_up) -> None:
    repo, _ = set_up
    ignore = repo / ".gitignore"
    before = ignore.read_bytes()
    ignore.write_bytes(before + b"\nresume.md\n")
    try:
        result = run(repo, "check")
    finally:
        ignore.write_bytes(before)
    assert result.returncode != 0
    assert "error: the vale hook checked no file, but resume.md exists" in result.stderr


def test_check_passes_on_the_fresh_bake(set_up) -> None:
    repo, _ = set_up
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
    result = run(repo, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ATS round trip" in result.stdout


def test_ats_reads_the_built_pdf(set_up) -> None:
    repo, _ = set_up
    result = run(repo, "ats")
    assert result.returncode == 0, result.stdout + result.stderr


def test_match_reports_coverage_of_a_posting(set_up, tmp_path: Path) -> None:
    repo, _ = set_up
    posting = tmp_path / "job posting.txt"
    posting.write_text(POSTING, encoding="utf-8")
    result = run(repo, "match", str(posting), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "%" in result.stdout and "Kubernetes" in result.stdout and "Rust" in result.stdout


def test_match_without_a_file_says_how(set_up) -> None:
    repo, _ = set_up
    result = run(repo, "match", "missing.txt")
    assert result.returncode == 1
    assert result.stderr.strip() == "error: no such file: missing.txt"


def test_nothing_is_written_outside_the_repo(set_up) -> None:
    repo, _ = set_up
    outside = repo.parent
    before = digest_tree(outside, skip=(repo.name + "/",))
    assert run(repo, "build").returncode == 0
    assert digest_tree(outside, skip=(repo.name + "/",)) == before
    assert sorted(p.name for p in outside.iterdir()) == [repo.name]


def test_check_turns_the_english_only_rules_off_for_a_resume_in_another_language(set_up) -> None:
    """A German resume.md and a French translation: no finding for their German and French words, one line
    saying why, and the ATS rules still run on both (a table in each is still an error)."""
    repo, _ = set_up
    german = FIXTURES / "lang_blind" / "de-2.md"
    french = repo / "resume.fr.md"
    before = (repo / "resume.md").read_bytes()
    try:
        (repo / "resume.md").write_text(german.read_text(encoding="utf-8") + TABLE, encoding="utf-8")
        french.write_text((FIXTURES / "lang_blind" / "fr-1.md").read_text(encoding="utf-8") + TABLE, encoding="utf-8")
        result = run(repo, "check")
    finally:
        (repo / "resume.md").write_bytes(before)
        french.unlink(missing_ok=True)
    assert result.returncode != 0
    assert "note: resume.md is in another language (lang: de): Vale's English-only rules are off for it" in result.stdout
    findings = [line for line in result.stdout.splitlines() if "Portfolio." in line]
    rules = {re.search(r"Portfolio\.\w+", line)[0] for line in findings}
    assert rules == {"Portfolio.Tables"}, findings
    assert "✖ 2 errors, 0 warnings and 0 suggestions" in result.stdout, result.stdout  # the table in each file
    assert "\nresume.fr.md\n" in result.stdout and "\n resume.md\n" in result.stdout


@pytest.mark.parametrize(
    ("lang", "advice"),
    [
        ("ar", "sudo apt-get install fonts-noto-core   (Debian, Ubuntu)   or   brew install --cask font-noto-naskh-arabic"),
        ("ja", "sudo apt-get install fonts-noto-cjk   (Debian, Ubuntu)   or   brew install --cask font-noto-sans-cjk"),
        ("de", None),
    ],
)
def test_setup_says_which_font_a_resume_s_script_needs(set_up, tmp_path: Path, lang: str, advice: str | None) -> None:
    """Outside CI, on a machine where fontconfig finds no font for the script, `./run.sh setup` names the package
    to install; a language in Latin letters needs none."""
    repo, _ = set_up
    stubs = tmp_path / "bin"
    stubs.mkdir()
    (stubs / "fc-list").write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")  # finds nothing
    (stubs / "fc-list").chmod(0o755)
    env = {key: value for key, value in tool_env().items() if key != "CI"}
    env["PATH"] = f"{stubs}:{env['PATH']}"
    before = (repo / "resume.md").read_bytes()
    try:
        text = before.decode("utf-8").replace("---\n", f"---\nlang: {lang}\n", 1)
        (repo / "resume.md").write_text(text, encoding="utf-8")
        result = subprocess.run([str(repo / "run.sh"), "setup"], cwd=repo, capture_output=True, text=True, env=env, timeout=900)
    finally:
        (repo / "resume.md").write_bytes(before)
    assert result.returncode == 0, result.stderr
    if advice is None:
        assert "apt-get install" not in result.stdout, result.stdout
    else:
        assert f"==>   {advice}" in result.stdout, result.stdout
