"""The resume grammar through the real command: `python -m portfolio build` in a bake."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest
from portfolio_support import built_repo, run_portfolio  # noqa: F401  (fixture)

sys.path.append(str(Path(__file__).parent / "unit"))
from blind_score import load_key, score, warned_lines  # noqa: E402

BLIND = Path(__file__).parent / "fixtures" / "resumes_md_blind"


def repo_with(built_repo: Path, tmp_path: Path, text: str) -> Path:
    repo = tmp_path / "repo"
    shutil.copytree(built_repo, repo)
    (repo / "resume.md").write_text(text, encoding="utf-8")
    return repo


@pytest.mark.parametrize("name", ["r03.md", "r10.md", "r20.md"])
def test_blind_resumes_reach_resume_json_through_the_build(built_repo: Path, tmp_path: Path, name: str) -> None:
    """The unit lane scores the package's JSON; the build writes the same fields to _site/resume.json."""
    source = BLIND / name
    repo = repo_with(built_repo, tmp_path, source.read_text(encoding="utf-8"))
    result = run_portfolio(repo, "build")
    assert result.returncode == 0, result.stderr
    data = json.loads((repo / "_site" / "resume.json").read_text(encoding="utf-8"))
    messages = [line.replace(str(repo) + "/", "") for line in (result.stderr + result.stdout).splitlines()]
    found = score(source, load_key(source), data, warned_lines(messages))
    assert found.lost_silently == []
    assert found.reached >= 0.95 * len(found.fields)
    assert any("resume.md:" in line and "read by its fields" in line for line in messages)


def test_every_error_in_resume_md_is_one_line_and_nothing_is_built(built_repo: Path, tmp_path: Path) -> None:
    text = (
        "---\npages: 3\npublish_phone: maybe\n---\n# Ada\n\nada@example.com\n\n## Experience\n\n"
        "### Engineer\n\n**Acme** | *2020*\n\n- Did 3 things. <!-- id: BAD -->\n- Did 4 things. <!-- targets: ghost -->\n"
    )
    repo = repo_with(built_repo, tmp_path, text)
    before = {p: p.read_bytes() for p in (repo / "_site").rglob("*") if p.is_file()}
    result = run_portfolio(repo, "build")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "error: resume.md:2: `pages` must be 1 or 2 (2 for 10+ years)",
        "error: resume.md:3: `publish_phone` must be true or false",
        "error: resume.md:15: id 'BAD' must be lower-case letters, digits, '-' or '_'",
        "error: resume.md:16: target 'ghost' is not a declared variant (no variants declared in the front matter)",
    ]
    assert {p: p.read_bytes() for p in (repo / "_site").rglob("*") if p.is_file()} == before
