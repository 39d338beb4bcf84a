"""Helpers for the site, diagram and accessibility tests: npm test tools and real builds of bakes.

Built copies are cached in this module, so the test files that share a site build it once per run.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import tool_env

TOOLS = Path(__file__).parent / "tools"
NODE_MODULES = TOOLS / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
MMDC = NODE_MODULES / ".bin" / "mmdc"
LIGHTHOUSE = NODE_MODULES / ".bin" / "lighthouse"
# Debian's Chromium here; CHROME_PATH points elsewhere (GitHub's runners have /usr/bin/google-chrome).
CHROMIUM = os.environ.get("CHROME_PATH") or "/usr/bin/chromium"
BROWSER_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# The README's pictures: tests take them into a temporary folder; `./dev.sh screenshots` points this at
# docs/images/ to refresh them.
SCREENSHOTS = Path(os.environ["PORTFOLIO_SCREENSHOTS"]) if os.environ.get("PORTFOLIO_SCREENSHOTS") else None
ODD_NAME = "Zoë O'Brien-Łukasz <b>&amp; 李</b>"
ODD_ROLE = 'Staff <i>Engineer</i> & "SRE"'

_BUILT: dict[tuple[str, str], Path] = {}


def node_tools() -> Path:
    """tests/tools/node_modules (axe-core, mermaid-cli, lighthouse), installed with `npm ci` when missing."""
    if not (AXE.is_file() and MMDC.exists() and LIGHTHOUSE.exists()):
        npm = shutil.which("npm")
        assert npm, "npm (Node.js 20+) is needed for the browser tests: ./dev.sh setup installs all"
        subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"],
            cwd=TOOLS,
            env=dict(os.environ, PUPPETEER_SKIP_DOWNLOAD="1"),
            check=True,
            timeout=600,
        )
    return NODE_MODULES


def build_env(mmdc: bool = True, require_diagrams: bool = True) -> dict[str, str]:
    """The environment for a build: with the test tools' mmdc on PATH, or with no mmdc at all."""
    env = tool_env()
    env.pop("PORTFOLIO_REQUIRE_DIAGRAMS", None)
    paths = [p for p in env["PATH"].split(os.pathsep) if p and not (Path(p) / "mmdc").exists()]
    if mmdc:
        paths.insert(0, str(node_tools() / ".bin"))
    env["PATH"] = os.pathsep.join(paths)
    if require_diagrams:
        env["PORTFOLIO_REQUIRE_DIAGRAMS"] = "1"
    return env


def run_build(repo: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """The real `python -m portfolio build` in `repo` (what `./run.sh build` runs)."""
    return subprocess.run(
        [sys.executable, "-m", "portfolio", "build"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def built_copy(
    baked: Path,
    factory: pytest.TempPathFactory,
    name: str,
    env: dict[str, str] | None = None,
    seed_cache_from: Path | None = None,
) -> Path:
    """A copy of a bake after a successful real build; built once per test run and name."""
    key = (str(baked), name)
    if key not in _BUILT:
        repo = factory.mktemp(name) / baked.name
        shutil.copytree(baked, repo, symlinks=True)
        if seed_cache_from is not None:
            shutil.copytree(seed_cache_from / ".cache" / "diagrams", repo / ".cache" / "diagrams")
        result = run_build(repo, env or build_env())
        assert result.returncode == 0, f"build failed:\n{result.stdout}\n{result.stderr}"
        _BUILT[key] = repo
    return _BUILT[key]


def default_site(baked_default: Path, factory: pytest.TempPathFactory) -> Path:
    """The default bake, built with diagrams rendered by mermaid-cli."""
    return built_copy(baked_default, factory, "site-default")


def odd_name_site(factory: pytest.TempPathFactory, baked_default: Path) -> Path:
    """A bake whose name and role hold markup, quotes, accents and CJK, built for real."""
    from conftest import bake

    key = ("odd-name-bake", "")
    if key not in _BUILT:
        _BUILT[key] = bake(factory.mktemp("odd-bake"), full_name=ODD_NAME, target_role=ODD_ROLE)
    return built_copy(
        _BUILT[key], factory, "site-odd", seed_cache_from=default_site(baked_default, factory)
    )


def fallback_site(baked_no_prep: Path, factory: pytest.TempPathFactory) -> Path:
    """The no-interview-prep bake built on a machine without mermaid-cli."""
    env = build_env(mmdc=False, require_diagrams=False)
    return built_copy(baked_no_prep, factory, "site-fallback", env=env)


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def mermaid_blocks(markdown: str) -> int:
    return len(re.findall(r"^ *```+ *mermaid\b", markdown, re.MULTILINE))


class Document(HTMLParser):
    """A parsed page: tags in order, attributes, text per element, and any nesting errors."""

    VOID = {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
        "wbr",
    }

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.texts: dict[str, list[str]] = {}
        self.doctype = ""
        self.feed(html)
        self.close()
        if self.stack:
            self.errors.append(f"unclosed: {self.stack}")

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {name: value or "" for name, value in attrs}))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {name: value or "" for name, value in attrs}))

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
            if tag in self.stack:
                del self.stack[len(self.stack) - 1 - self.stack[::-1].index(tag) :]
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        for tag in self.stack:
            self.texts.setdefault(tag, []).append(data)

    def all(self, tag: str) -> list[dict[str, str]]:
        return [attrs for name, attrs in self.tags if name == tag]

    def text(self, tag: str) -> str:
        return " ".join("".join(self.texts.get(tag, [])).split())


def parse(path: Path) -> Document:
    return Document(path.read_text(encoding="utf-8"))
