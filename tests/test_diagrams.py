"""Mermaid diagrams: real mermaid-cli renders on Chromium, the cache, the fallback and the errors."""

from __future__ import annotations

import re
import shutil
import stat
from pathlib import Path

import pytest

from site_support import MMDC, build_env, mermaid_blocks, node_tools, parse, run_build


def fresh_copy(baked: Path, tmp_path: Path) -> Path:
    repo = tmp_path / baked.name
    shutil.copytree(baked, repo, symlinks=True)
    return repo


def counting_mmdc(tmp_path: Path) -> tuple[dict[str, str], Path]:
    """An environment whose `mmdc` logs each call, then runs the real mermaid-cli."""
    node_tools()
    shim_dir = tmp_path / "shim"
    shim_dir.mkdir()
    log = tmp_path / "mmdc-calls.log"
    shim = shim_dir / "mmdc"
    shim.write_text(f'#!/bin/sh\necho call >> "{log}"\nexec "{MMDC.resolve()}" "$@"\n')
    shim.chmod(shim.stat().st_mode | stat.S_IXUSR)
    env = build_env(mmdc=False)
    env["PATH"] = f"{shim_dir}:{env['PATH']}"
    return env, log


def calls(log: Path) -> int:
    return len(log.read_text().splitlines()) if log.exists() else 0


def design_pages(repo: Path) -> list[tuple[Path, Path]]:
    """(source, built page) for each design doc that has a Mermaid block."""
    pairs = []
    for source in sorted(repo.glob("system_designs/*.md")):
        if mermaid_blocks(source.read_text(encoding="utf-8")):
            pairs.append((source, repo / "_site" / "system_designs" / f"{source.stem}.html"))
    return pairs


def diagram_svgs(page: Path) -> list[dict[str, str]]:
    return [a for a in parse(page).all("svg") if a.get("id", "").startswith("diagram-")]


def first_fence_line(source: Path) -> int:
    lines = source.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if re.match(r"^ *```+ *mermaid", line))


def diagram_messages(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("diagrams:")]


def test_one_batch_renders_all_then_the_cache_costs_nothing(baked_default: Path, tmp_path: Path) -> None:
    repo = fresh_copy(baked_default, tmp_path)
    env, log = counting_mmdc(tmp_path)
    pairs = design_pages(repo)
    total = sum(mermaid_blocks(source.read_text(encoding="utf-8")) for source, _ in pairs)
    assert total >= 2, "the default design docs should hold at least two diagrams"

    result = run_build(repo, env)
    assert result.returncode == 0, result.stderr
    assert calls(log) == 1, "all uncached diagrams go through one mmdc call"
    assert len(list((repo / ".cache" / "diagrams").glob("*.svg"))) == total
    for source, page in pairs:
        assert len(diagram_svgs(page)) == mermaid_blocks(source.read_text(encoding="utf-8"))

    # Warm: no mermaid-cli on PATH at all, and a missing diagram would be an error.
    warm_result = run_build(repo, build_env(mmdc=False, require_diagrams=True))
    assert warm_result.returncode == 0, warm_result.stderr
    assert not diagram_messages(warm_result.stderr)
    assert all(diagram_svgs(page) for _, page in pairs), "cached SVGs are inlined"

    # Edit one label: only that diagram renders again.
    source, page = pairs[0]
    text = source.read_text(encoding="utf-8")
    match = re.search(r'\["([^"\]]+)"\]|\[([^\]"]+)\]', text[text.index("```mermaid") :])
    old = match.group(1) or match.group(2)
    source.write_text(text.replace(old, "Edge proxy tier", 1), encoding="utf-8")
    result = run_build(repo, env)
    assert result.returncode == 0, result.stderr
    assert calls(log) == 2
    assert len(list((repo / ".cache" / "diagrams").glob("*.svg"))) == total + 1
    assert "Edge proxy tier" in re.sub(r"<[^>]+>", "", page.read_text(encoding="utf-8"))


def test_missing_mermaid_cli_shows_the_source_and_says_so_once(
    baked_default: Path, tmp_path: Path
) -> None:
    repo = fresh_copy(baked_default, tmp_path)
    result = run_build(repo, build_env(mmdc=False, require_diagrams=False))
    assert result.returncode == 0, result.stderr
    messages = diagram_messages(result.stderr)
    assert len(messages) == 1 and "mermaid-cli" in messages[0], result.stderr
    for source, page in design_pages(repo):
        html = page.read_text(encoding="utf-8")
        assert not diagram_svgs(page)
        code = [a for a in parse(page).all("code") if a.get("class") == "language-mermaid"]
        assert len(code) == mermaid_blocks(source.read_text(encoding="utf-8"))
        assert "flowchart" in html and "not rendered" in html


def test_missing_browser_shows_the_source_and_says_so_once(
    baked_default: Path, tmp_path: Path
) -> None:
    repo = fresh_copy(baked_default, tmp_path)
    env = build_env(mmdc=True, require_diagrams=False)
    env["PUPPETEER_EXECUTABLE_PATH"] = str(tmp_path / "no-such-browser")
    result = run_build(repo, env)
    assert result.returncode == 0, result.stderr
    messages = diagram_messages(result.stderr)
    assert len(messages) == 1 and "browser" in messages[0], result.stderr
    assert all(not diagram_svgs(page) for _, page in design_pages(repo))


def test_required_diagrams_fail_without_mermaid_cli(baked_default: Path, tmp_path: Path) -> None:
    repo = fresh_copy(baked_default, tmp_path)
    result = run_build(repo, build_env(mmdc=False, require_diagrams=True))
    assert result.returncode == 1
    source, _ = design_pages(repo)[0]
    where = f"{source.relative_to(repo).as_posix()}:{first_fence_line(source)}:"
    assert where in result.stderr and "mmdc" in result.stderr, result.stderr


@pytest.fixture(scope="module")
def warm_repo(baked_default: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from site_support import default_site

    return default_site(baked_default, tmp_path_factory)


def test_invalid_diagram_fails_with_file_and_line(warm_repo: Path, tmp_path: Path) -> None:
    repo = fresh_copy(warm_repo, tmp_path)
    doc = repo / "system_designs" / "rate_limiter.md"
    lines = doc.read_text(encoding="utf-8").splitlines()
    bad = ["", "## Broken", "", "```mermaid", "flowchart LR", "  A -->> [[[ B", "```", ""]
    doc.write_text("\n".join(lines + bad), encoding="utf-8")
    result = run_build(repo, build_env())
    assert result.returncode == 1
    bad_line = len(lines) + 6
    assert f"system_designs/rate_limiter.md:{bad_line}: invalid Mermaid diagram" in result.stderr, (
        result.stderr
    )
    assert "Parse error" in result.stderr and "Traceback" not in result.stderr
