"""The "Use this template" bootstrap, run on a local clone with the environment GitHub gives."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import TEMPLATE, bake, git, template_clone, tool_env, tree

sys.path.insert(0, str(TEMPLATE / ".github"))
from bootstrap import answers_from  # noqa: E402

PROFILE = {"login": "octo-cat", "name": "Mona  O'Cat", "email": None, "location": "Lisbon, Portugal", "blog": "mona.dev"}
TEMPLATE_LEFTOVERS = {".github/workflows/bootstrap.yml", ".github/workflows/template-ci.yml", ".github/bootstrap.py"}


def run_bootstrap(repo: Path, profile: Path) -> subprocess.CompletedProcess[str]:
    env = {**tool_env(), "GITHUB_REPOSITORY": "octo-cat/my-portfolio", "GITHUB_EVENT_NAME": "push"}
    return subprocess.run(
        [sys.executable, ".github/bootstrap.py", "--profile", str(profile)],
        cwd=repo,
        capture_output=True,
        text=True,
        env=env,
    )


def test_answers_come_from_the_repository_and_the_public_profile() -> None:
    assert answers_from("octo-cat/my-portfolio", PROFILE) == {
        "project": "my-portfolio",
        "github_username": "octo-cat",
        "full_name": "Mona O'Cat",
        "email": "octo-cat@users.noreply.github.com",
        "location": "Lisbon, Portugal",
        "website": "mona.dev",
    }


def test_missing_profile_fields_get_placeholders() -> None:
    answers = answers_from("someone/portfolio", {"name": None, "blog": "not a url", "location": "\n"})
    assert answers["full_name"] == "someone"
    assert answers["location"] == "City, ST"
    assert "website" not in answers


@pytest.fixture(scope="module")
def bootstrapped(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    repo = template_clone(tmp_path_factory.mktemp("from-template") / "my-portfolio")
    profile = tmp_path_factory.mktemp("profile") / "profile.json"
    profile.write_text(json.dumps(PROFILE), encoding="utf-8")
    return repo, run_bootstrap(repo, profile)


def test_bootstrap_equals_a_normal_bake(bootstrapped, tmp_path: Path) -> None:
    repo, result = bootstrapped
    assert result.returncode == 0, result.stderr
    expected = tree(bake(tmp_path, **answers_from("octo-cat/my-portfolio", PROFILE)))
    actual = tree(repo)
    assert set(actual) - set(expected) == TEMPLATE_LEFTOVERS
    assert {path: actual[path] for path in expected} == expected


def test_bootstrap_never_touches_workflow_files(bootstrapped) -> None:
    repo, _ = bootstrapped
    changed = git(repo, "status", "--porcelain", "--untracked-files=all").splitlines()
    assert changed
    # GitHub guards the workflow folder at the repository root; the template's own copy under
    # {{cookiecutter.project}}/ is an ordinary file and goes with the rest of the template.
    assert [line for line in changed if line[3:].startswith(".github/workflows/")] == []


def test_running_bootstrap_again_changes_nothing(bootstrapped, tmp_path: Path) -> None:
    repo, _ = bootstrapped
    before = tree(repo)
    profile = tmp_path / "profile.json"
    profile.write_text("{}", encoding="utf-8")
    again = run_bootstrap(repo, profile)
    assert again.returncode == 0
    assert "nothing to do" in again.stdout
    assert tree(repo) == before
