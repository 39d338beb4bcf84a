"""The fast lane (tests/unit): unit tests that import the template's `portfolio` package straight from its folder.

No bake and no tool runs here, so `./dev.sh test -m "not tools"` checks a change to the reader in
seconds. The package is copied into a bake without rendering, so these are the files a user gets; it is
loaded under another name (`portfolio_src`) so it never shadows the baked copy other tests import.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "{{cookiecutter.project}}" / "portfolio"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
NAME = "portfolio_src"


def load_package() -> ModuleType:
    if NAME not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            NAME, PACKAGE / "__init__.py", submodule_search_locations=[str(PACKAGE)]
        )
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[NAME] = module
        spec.loader.exec_module(module)
    return sys.modules[NAME]


def module(name: str) -> ModuleType:
    load_package()
    return importlib.import_module(f"{NAME}.{name}")


@pytest.fixture(scope="session")
def src() -> ModuleType:
    """`portfolio_src`: the template's package; `src.resume`, `src.jsonresume`, ... as submodules."""
    package = load_package()
    for name in ("resume", "resume.grammar", "resume.writer", "jsonresume", "importer", "exports"):
        importlib.import_module(f"{NAME}.{name}")
    return package
