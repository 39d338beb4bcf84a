"""Shared by test_exports.py and test_import.py: the baked export modules and their resumes."""

from __future__ import annotations

import importlib
from pathlib import Path
from types import SimpleNamespace

import pytest
from portfolio_support import RESUMES, portfolio  # noqa: F401  (fixture)

# Resumes that follow the source convention (deviations.md does not; special_chars.md has `#`
# in its text).
CLEAN = [
    "export_new_grad.md",
    "export_senior_many_roles.md",
    "export_accents.md",
    "new_grad.md",
    "senior.md",
    "names.md",
]


@pytest.fixture(scope="session")
def mods(portfolio, baked_default: Path) -> SimpleNamespace:  # noqa: F811
    """The baked repo's exports, jsonresume, importer, model and cli modules."""
    names = ("exports", "jsonresume", "importer", "resume", "cli")
    return SimpleNamespace(**{name: importlib.import_module(f"portfolio.{name}") for name in names})


def resume_path(name: str, baked_default: Path) -> Path:
    return baked_default / "resume.md" if name == "default" else RESUMES / name


def load(mods: SimpleNamespace, name: str, baked_default: Path):
    return mods.resume.load_resume(resume_path(name, baked_default))
