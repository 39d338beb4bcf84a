"""The fast lane (tests/unit): unit tests that import the template's `portfolio` package straight from its folder.

No bake and no tool runs here, so `./dev.sh test -m "not tools"` checks a change to the reader in
seconds. The package is copied into a bake without rendering, so these are the files a user gets; it is
loaded under another name (`portfolio_src`) so it never shadows the baked copy other tests import.
"""

from __future__ import annotations

import importlib
import os
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

_ROOT = Path(__file__).resolve().parents[2]
# Under `./dev.sh mutate` the package is copied beside the tests as `portfolio` (mutmut mutates it there
# and names its mutants by that module name); otherwise it is the template's, loaded as `portfolio_src`.
_MUTATING = os.environ.get("PORTFOLIO_MUTATING") == "1"
PACKAGE = _ROOT / "portfolio" if _MUTATING else _ROOT / "{{cookiecutter.project}}" / "portfolio"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
if _MUTATING:  # thousands of runs: the same few examples each time, so a mutant's verdict does not depend on luck
    from hypothesis import settings

    settings.register_profile("mutating", max_examples=20, deadline=None, derandomize=True, database=None)
    settings.load_profile("mutating")
NAME = "portfolio" if _MUTATING else "portfolio_src"


def mapping_tests() -> bool:
    """True while mutmut maps each function to the tests that call it (it runs the lane once with this value);
    then each test must do its own work. While it runs a mutant, module fixtures and caches may be shared again."""
    return _MUTATING and os.environ.get("MUTANT_UNDER_TEST") == "stats"


def SHARED(fixture_name: str, config: object) -> str:
    """The scope of a fixture that does the work several tests check (a pytest dynamic scope, decided at each
    collection). mutmut maps a function to the tests that called it, and a module fixture's work counts for the
    first test only: while it maps, every test does the work again, so each runs against the mutants it reaches."""
    return "function" if mapping_tests() else "module"


_forgotten_in: int | None = None


def forget_cached_results() -> None:
    """Under `./dev.sh mutate`, empty the package's functools caches (an autouse fixture in the conftest.py that
    scripts/mutate.py writes into its work folder): before each test while mutmut maps the tests, as it maps a
    cached function (the posting vocabulary, a heading pattern) to the first test that called it only; once in
    each process that runs a mutant, as the process it is forked from may have filled them without the mutant."""
    global _forgotten_in
    if not _MUTATING or (not mapping_tests() and _forgotten_in == os.getpid()):
        return
    _forgotten_in = os.getpid()
    for name, loaded in list(sys.modules.items()):
        if name == NAME or name.startswith(f"{NAME}."):
            for value in list(vars(loaded).values()):
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


def longer_senior(bullets: int, front: str = "") -> str:
    """senior.md (9 lines to spare on one page at the default style) with `bullets` more one-line bullets in its
    first job and `front` added to its front matter: a resume as long as a test needs."""
    extra = "".join(
        f"- Cut report build time by {index % 9 + 1}0% for 12 analysts by caching 40 daily queries.\n"
        for index in range(bullets)
    )
    text = (FIXTURES / "resumes" / "senior.md").read_text(encoding="utf-8")
    return text.replace("- Mentor", extra + "- Mentor", 1).replace("---\n", f"---\n{front}", 1)


def examples(count: int) -> int:
    """How many examples a property test tries: `count`, or the mutation profile's few under `./dev.sh mutate`
    (a test's own `max_examples` would otherwise override the profile)."""
    return min(count, 20) if _MUTATING else count


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
