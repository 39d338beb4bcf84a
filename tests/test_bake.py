"""Real cookiecutter bakes: the files, their rendering, and the hooks' behaviour."""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import subprocess
import time
from pathlib import Path

import pytest
import yaml

from conftest import bake, bake_cli, parse_vale_ini, tool_env
from local_extensions import escape_markdown as markdown_text

EXPECTED_FILES = [
    "README.md",
    "resume.md",
    "system_designs/notification_service.md",
    "system_designs/rate_limiter.md",
    "requirements.txt",
    "run.sh",
    ".pre-commit-config.yaml",
    ".vale.ini",
    ".gitignore",
    ".editorconfig",
    ".github/workflows/site.yml",
    "styles/config/vocabularies/Portfolio/accept.txt",
    "styles/config/ignore/portfolio.txt",
    "portfolio/__init__.py",
    "portfolio/__main__.py",
]
PREP_FILES = ["interview_prep/star_stories.md", "interview_prep/self_assessment.md"]
# Files copied without rendering: Jinja page templates and GitHub expressions legitimately hold braces.
VERBATIM = re.compile(r"^(portfolio/|\.github/workflows/)")
UNUSUAL_NAME = "Zoë \"Zee\" O'Brien-Łukasz \\ 李小龍 *Jr* &amp;"


def text_files(project: Path):
    for path in sorted(project.rglob("*")):
        relative = path.relative_to(project).as_posix()
        if path.is_file() and not relative.startswith(".git/"):
            try:
                yield relative, path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                continue


def front_matter(markdown: str) -> dict:
    match = re.match(r"---\n(.*?)\n---\n", markdown, re.S)
    assert match, "resume.md has no front matter"
    return yaml.safe_load(match.group(1))


@pytest.mark.parametrize("path", EXPECTED_FILES + PREP_FILES)
def test_default_bake_has_every_file(baked_default: Path, path: str) -> None:
    assert (baked_default / path).is_file(), path


def test_interview_prep_is_optional(baked_no_prep: Path) -> None:
    assert not (baked_no_prep / "interview_prep").exists()
    for path in EXPECTED_FILES:
        assert (baked_no_prep / path).is_file(), path
    assert "interview_prep" not in (baked_no_prep / "README.md").read_text()


@pytest.mark.parametrize("fixture", ["baked_default", "baked_no_prep"])
def test_nothing_is_left_unrendered(fixture: str, request: pytest.FixtureRequest) -> None:
    project: Path = request.getfixturevalue(fixture)
    leftovers = [
        relative
        for relative, text in text_files(project)
        if not VERBATIM.match(relative) and re.search(r"\{\{|\{%|cookiecutter\.", text)
    ]
    assert leftovers == []


def test_every_yaml_file_parses(baked_default: Path) -> None:
    yaml_files = [p for p in baked_default.rglob("*.y*ml") if ".git" not in p.parts]
    assert len(yaml_files) >= 3
    for path in yaml_files:
        assert yaml.safe_load(path.read_text(encoding="utf-8")) is not None, path


def test_vale_ini_parses(baked_default: Path) -> None:
    parser = parse_vale_ini((baked_default / ".vale.ini").read_text(encoding="utf-8"))
    assert parser["*"]["stylespath"] == "styles"


def test_resume_carries_the_answers(baked_default: Path) -> None:
    resume = (baked_default / "resume.md").read_text(encoding="utf-8")
    assert "# Alex Example\n" in resume
    assert "Springfield, IL | alex@example.com | github.com/alex-example" in resume
    for heading in ("Professional Summary", "Technical Skills", "Projects", "Experience", "Education"):
        assert f"\n## {heading}\n" in resume
    assert front_matter(resume) == {
        "target_role": "Backend Software Engineer",
        "phone": "",
        "publish_phone": False,
    }


def test_unusual_answers_survive_intact(tmp_path: Path) -> None:
    project = bake(
        tmp_path,
        full_name=UNUSUAL_NAME,
        location="São Paulo, Brazil",
        target_role='Staff "Platform" Engineer: yes',
        phone="+55 11 91234-5678",
        website="zoë.example.dev",
    )
    resume = (project / "resume.md").read_text(encoding="utf-8")
    assert f"# {markdown_text(UNUSUAL_NAME)}\n" in resume
    assert "São Paulo, Brazil | alex@example.com | github.com/alex-example | zoë.example.dev" in resume
    assert front_matter(resume) == {
        "target_role": 'Staff "Platform" Engineer: yes',
        "phone": "+55 11 91234-5678",
        "publish_phone": False,
    }
    assert markdown_text(UNUSUAL_NAME) in (project / "README.md").read_text(encoding="utf-8")
    for path in [p for p in project.rglob("*.y*ml") if ".git" not in p.parts]:
        yaml.safe_load(path.read_text(encoding="utf-8"))
    assert UNUSUAL_NAME not in (project / ".github/workflows/site.yml").read_text(encoding="utf-8")


def test_run_sh_is_executable_and_shellcheck_clean(baked_default: Path) -> None:
    run_sh = baked_default / "run.sh"
    assert run_sh.stat().st_mode & stat.S_IXUSR
    result = subprocess.run(["shellcheck", str(run_sh)], capture_output=True, text=True, env=tool_env())
    assert result.returncode == 0, result.stdout


def test_run_sh_help_works_from_another_folder(baked_default: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [str(baked_default / "run.sh"), "help"], cwd=tmp_path, capture_output=True, text=True
    )
    assert result.returncode == 0
    for command in ("setup", "check", "build", "serve", "match", "ats", "apply", "applications"):
        assert f"\n  {command}" in result.stdout


def test_run_sh_rejects_unknown_command(baked_default: Path) -> None:
    result = subprocess.run([str(baked_default / "run.sh"), "deploy"], capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1] == "error: unknown command: deploy"


def test_git_repository_starts_on_main(baked_default: Path) -> None:
    branch = subprocess.run(
        ["git", "symbolic-ref", "--short", "HEAD"], cwd=baked_default, capture_output=True, text=True
    )
    assert branch.stdout.strip() == "main"


def test_vale_style_is_installed_from_the_one_copy(baked_default: Path) -> None:
    template_styles = Path(__file__).resolve().parents[1] / "styles"
    for rule in (template_styles / "Portfolio").glob("*.yml"):
        assert (baked_default / "styles/Portfolio" / rule.name).read_bytes() == rule.read_bytes()


def test_mdformat_leaves_generated_markdown_unchanged(baked_default: Path) -> None:
    result = subprocess.run(
        ["mdformat", "--check", "."], cwd=baked_default, capture_output=True, text=True, env=tool_env()
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    "answer, field, message",
    [
        ("full_name=", "full_name", "is required"),
        ("email=nobody", "email", "email address"),
        ("github_username=-bad-", "github_username", "GitHub username"),
        ("github_username=" + "x" * 40, "github_username", "GitHub username"),
        ("full_name=Ada\nLovelace", "full_name", "single line"),
        ("project=with/slash", "project", "plain folder name"),
        ("project=../escape", "project", "plain folder name"),
        ("phone=call me", "phone", "phone number"),
    ],
)
def test_bad_answer_fails_with_one_line_and_leaves_nothing(
    tmp_path: Path, answer: str, field: str, message: str
) -> None:
    work = tmp_path / "out"
    work.mkdir()
    key, value = answer.split("=", 1)
    result = bake_cli(work, **{key: value})
    assert result.returncode != 0
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1, result.stderr
    assert errors[0].startswith(f"error: {field}: ") and message in errors[0]
    assert "Traceback" not in result.stdout + result.stderr
    _wait_until_empty(work)
    assert list(work.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def _wait_until_empty(folder: Path, seconds: float = 5.0) -> None:
    """Parents of a 'with/slash' name are removed by a detached helper just after cookiecutter exits."""
    deadline = time.monotonic() + seconds
    while any(folder.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.05)


def test_pre_commit_passes_on_a_fresh_bake(baked_default: Path, tmp_path: Path) -> None:
    project = tmp_path / "repo"
    shutil.copytree(baked_default, project, symlinks=True)
    env = tool_env()
    subprocess.run(["git", "add", "-A"], cwd=project, check=True, env=env)
    result = subprocess.run(
        ["pre-commit", "run", "--all-files", "--show-diff-on-failure", "--color=never"],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for hook in ("mdformat", "vale", "shellcheck", "actionlint", "check yaml"):
        assert re.search(rf"^{re.escape(hook)}.*Passed$", result.stdout, re.M), result.stdout
    # Everything is staged and nothing committed yet; any change a hook made shows as unstaged.
    changed = subprocess.run(["git", "diff", "--name-only"], cwd=project, capture_output=True, text=True)
    assert changed.stdout == ""


def test_template_settings_are_valid_json() -> None:
    settings = json.loads((Path(__file__).resolve().parents[1] / "cookiecutter.json").read_text())
    prompts = settings["__prompts__"]
    for key in settings:
        if not key.startswith("_"):
            assert key in prompts, f"{key} has no prompt text"
    assert os.path.basename(settings["project"]) == settings["project"]


def test_baking_over_an_existing_project_refuses_and_keeps_edits(tmp_path: Path) -> None:
    project = bake(tmp_path)
    resume = project / "resume.md"
    resume.write_text(resume.read_text(encoding="utf-8") + "\n<!-- my own edit -->\n", encoding="utf-8")
    before = {p: p.read_bytes() for p in project.rglob("*") if p.is_file()}
    result = bake_cli(tmp_path)
    assert result.returncode != 0
    assert "already exists" in result.stdout + result.stderr
    after = {p: p.read_bytes() for p in project.rglob("*") if p.is_file()}
    assert after == before
