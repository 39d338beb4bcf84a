"""Every workflow, in the template and in a baked repo, is linted and hardened."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import TEMPLATE, tool_env

PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+)*$")


def workflow_files(baked_default: Path) -> list[Path]:
    files = sorted((baked_default / ".github/workflows").glob("*.yml"))
    files += sorted((TEMPLATE / ".github/workflows").glob("*.yml"))
    assert files
    return files


def load(path: Path) -> dict:
    # PyYAML reads the bare key `on` as True; GitHub reads it as "on".
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in data:
        data["on"] = data.pop(True)
    return data


def uses_lines(path: Path) -> list[str]:
    return [
        line.split("uses:", 1)[1].strip()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip().startswith(("uses:", "- uses:"))
    ]


def test_actionlint_is_clean(baked_default: Path) -> None:
    files = [str(p) for p in workflow_files(baked_default)]
    result = subprocess.run(["actionlint", *files], capture_output=True, text=True, env=tool_env())
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_is_clean_at_every_severity(baked_default: Path) -> None:
    files = [str(p) for p in workflow_files(baked_default)]
    result = subprocess.run(
        ["zizmor", "--offline", "--persona=auditor", "--no-progress", *files],
        capture_output=True,
        text=True,
        env=tool_env(),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout


def test_every_action_is_pinned_by_commit_sha(baked_default: Path) -> None:
    for path in workflow_files(baked_default):
        uses = uses_lines(path)
        assert uses, path
        for action in uses:
            assert PINNED.match(action), f"{path.name}: {action}"


def test_jobs_have_least_privilege_and_timeouts(baked_default: Path) -> None:
    for path in workflow_files(baked_default):
        workflow = load(path)
        assert workflow.get("permissions") == {}, f"{path.name}: set top-level permissions: {{}}"
        for name, job in workflow["jobs"].items():
            assert "permissions" in job, f"{path.name}:{name} has no permissions"
            assert isinstance(job.get("timeout-minutes"), int), f"{path.name}:{name} has no timeout"
            for step in job.get("steps", []):
                if str(step.get("uses", "")).startswith("actions/checkout@"):
                    assert step["with"]["persist-credentials"] is False


def test_no_expression_inside_run_lines(baked_default: Path) -> None:
    for path in workflow_files(baked_default):
        for job in load(path)["jobs"].values():
            for step in job.get("steps", []):
                assert "${{" not in step.get("run", ""), f"{path.name}: pass values through env:"


def test_site_workflow_checks_builds_then_deploys(baked_default: Path) -> None:
    workflow = load(baked_default / ".github/workflows/site.yml")
    assert set(workflow["on"]) == {"push", "pull_request", "workflow_dispatch"}
    jobs = workflow["jobs"]
    assert set(jobs) == {"check", "build", "deploy"}
    assert jobs["deploy"]["needs"] == ["check", "build"]
    assert jobs["deploy"]["environment"]["name"] == "github-pages"
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert "github.event_name == 'push'" in jobs["deploy"]["if"]
    runs = [step["run"] for job in jobs.values() for step in job.get("steps", []) if "run" in step]
    assert runs and all(run.startswith("./run.sh ") for run in runs)


@pytest.mark.parametrize("job", ["check", "build", "deploy"])
def test_jobs_do_nothing_in_the_template_repository(baked_default: Path, job: str) -> None:
    workflow = load(baked_default / ".github/workflows/site.yml")
    assert "!github.event.repository.is_template" in workflow["jobs"][job]["if"]


def test_template_root_keeps_a_byte_identical_copy_of_the_site_workflow(baked_default: Path) -> None:
    # A repository made with "Use this template" cannot push workflow changes with GITHUB_TOKEN,
    # so the workflow it needs must already be there, unchanged.
    baked = (baked_default / ".github/workflows/site.yml").read_bytes()
    assert (TEMPLATE / ".github/workflows/site.yml").read_bytes() == baked
