"""Template updates reach a generated repository through cruft, and the owner's edits survive."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from conftest import git, template_clone, tool_env

NEW_TEMPLATE_LINE = "A line the template added after the project was baked."


def cruft(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["cruft", *args], cwd=cwd, capture_output=True, text=True, env=tool_env())


def test_cruft_update_brings_template_changes_and_keeps_edits(tmp_path: Path) -> None:
    template = template_clone(tmp_path / "template")
    work = tmp_path / "work"
    work.mkdir()
    created = cruft("create", "--no-input", f"file://{template}", cwd=work)
    assert created.returncode == 0, created.stdout + created.stderr
    project = work / "interview_portfolio"
    record = json.loads((project / ".cruft.json").read_text(encoding="utf-8"))
    assert record["commit"] == git(template, "rev-parse", "HEAD").strip()
    assert (project / "styles/Portfolio").is_dir()

    resume = project / "resume.md"
    resume.write_text(resume.read_text(encoding="utf-8").replace("Example Corp", "Initech"), encoding="utf-8")
    git(project, "add", "-A")
    git(project, "commit", "--quiet", "-m", "my resume")

    design = template / "{{cookiecutter.project}}/system_designs/rate_limiter.md"
    design.write_text(design.read_text(encoding="utf-8") + f"\n{NEW_TEMPLATE_LINE}\n", encoding="utf-8")
    git(template, "commit", "--quiet", "-am", "template improvement")

    assert cruft("check", cwd=project).returncode != 0
    updated = cruft("update", "--skip-apply-ask", "--allow-untracked-files", cwd=project)
    assert updated.returncode == 0, updated.stdout + updated.stderr
    assert NEW_TEMPLATE_LINE in (project / "system_designs/rate_limiter.md").read_text(encoding="utf-8")
    assert "Initech" in resume.read_text(encoding="utf-8")
    assert cruft("check", cwd=project).returncode == 0
