"""Shared fixtures: real cookiecutter bakes of this template."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cookiecutter.main import cookiecutter

TEMPLATE = Path(__file__).resolve().parents[1]
VENV_BIN = Path(sys.executable).parent
UNIT = Path(__file__).resolve().parent / "unit"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test outside tests/unit/ drives real tools (a bake, Vale, Typst, Chromium): `tools`."""
    for item in items:
        if not Path(str(item.fspath)).resolve().is_relative_to(UNIT):
            item.add_marker(pytest.mark.tools)


def bake(output_dir: Path, **answers: object) -> Path:
    """Bake the template with cookiecutter's API and return the project folder."""
    extra = {key: _as_answer(value) for key, value in answers.items()}
    project = cookiecutter(
        str(TEMPLATE), no_input=True, extra_context=extra, output_dir=str(output_dir)
    )
    return Path(project)


def bake_cli(output_dir: Path, **answers: object) -> subprocess.CompletedProcess[str]:
    """Bake through the real `cookiecutter` command line, as a user would."""
    args = [f"{key}={_as_answer(value)}" for key, value in answers.items()]
    return subprocess.run(
        [str(VENV_BIN / "cookiecutter"), "--no-input", str(TEMPLATE), *args],
        cwd=output_dir,
        capture_output=True,
        text=True,
        env=tool_env(),
    )


def _as_answer(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def tool_env() -> dict[str, str]:
    """The environment for subprocesses: the dev venv and Go tools first on PATH."""
    env = dict(os.environ)
    gobin = Path(os.environ.get("GOBIN") or Path.home() / "go" / "bin")
    env["PATH"] = os.pathsep.join([str(VENV_BIN), str(gobin), env.get("PATH", "")])
    return env


@pytest.fixture(scope="session")
def baked_default(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The template baked with every default answer. Read-only: copy it to change it."""
    return bake(tmp_path_factory.mktemp("default"))


@pytest.fixture(scope="session")
def baked_no_prep(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The template baked without interview_prep/."""
    return bake(tmp_path_factory.mktemp("no_prep"), include_interview_prep=False)


def template_clone(destination: Path) -> Path:
    """A Git repository holding the template's current files (tracked and new, not ignored), one commit."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=TEMPLATE,
        capture_output=True,
        check=True,
    ).stdout.decode().split("\0")
    for relative in filter(None, listed):
        source = TEMPLATE / relative
        if source.is_file():
            target = destination / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    git(destination, "init", "--quiet", "--initial-branch=main")
    git(destination, "add", "-A")
    git(destination, "commit", "--quiet", "-m", "template")
    return destination


def git(repo: Path, *args: str) -> str:
    env = {
        **tool_env(),
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.com",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.com",
    }
    return subprocess.run(
        ["git", *args], cwd=repo, capture_output=True, text=True, check=True, env=env
    ).stdout


def tree(root: Path, skip: tuple[str, ...] = (".git/",)) -> dict[str, bytes]:
    """Every file under root by relative path, for comparing two folders byte for byte."""
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and not path.relative_to(root).as_posix().startswith(skip)
    }


def parse_vale_ini(text: str) -> configparser.ConfigParser:
    """Vale's .vale.ini puts global keys before any section; configparser needs a header for them."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.read_string("[*]\n" + text)
    return parser
