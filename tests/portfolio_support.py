"""Helpers for the tests of the generated repo's `portfolio` package (model, PDF, ATS, match).

The package is imported from a real bake (`baked_default`), not from the template folder, so the
tests exercise exactly the files a user gets.
"""

from __future__ import annotations

import importlib
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
RESUMES = FIXTURES / "resumes"
POSTINGS = FIXTURES / "postings"
LAYOUTS = FIXTURES / "typst"


@pytest.fixture(scope="session")
def portfolio(baked_default: Path) -> SimpleNamespace:
    """The baked repo's portfolio modules: .resume, .pdf, .ats, .match."""
    if str(baked_default) not in sys.path:
        sys.path.insert(0, str(baked_default))
    names = ("resume", "pdf", "ats", "match")
    writes_bytecode = sys.dont_write_bytecode
    sys.dont_write_bytecode = True  # the bake is shared and read-only: no __pycache__ in it
    try:
        modules = {name: importlib.import_module(f"portfolio.{name}") for name in names}
    finally:
        sys.dont_write_bytecode = writes_bytecode
    origin = Path(modules["resume"].__file__).resolve()
    assert origin.is_relative_to(baked_default.resolve()), f"imported {origin}, not the bake"
    return SimpleNamespace(**modules)


@pytest.fixture(scope="session")
def built_repo(baked_default: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the default bake after `python -m portfolio build` (built once per session)."""
    if baked_default not in _BUILT:
        repo = tmp_path_factory.mktemp("built") / "repo"
        shutil.copytree(baked_default, repo)
        result = run_portfolio(repo, "build")
        assert result.returncode == 0, result.stderr
        _BUILT[baked_default] = repo
    return _BUILT[baked_default]


# Each test module that imports the fixture registers its own copy; this keeps one build.
_BUILT: dict[Path, Path] = {}


def run_portfolio(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`python -m portfolio ARGS` in `repo`, with the dev venv's Python (it has the runtime pins)."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(
        [sys.executable, "-m", "portfolio", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
