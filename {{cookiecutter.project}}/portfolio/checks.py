"""`./run.sh check`: every hook on every file of the repository that Git does not ignore, tracked or not.

pre-commit on its own sees only the files Git tracks, so on a fresh repository, before the first commit,
every hook would say "(no files to check)" and pass. Here pre-commit gets the file list itself
(`git ls-files --cached --others --exclude-standard`), and a hook that must see a file (Vale and mdformat,
when there is a resume.md) but saw none fails the check with one line saying so.

On GitHub Actions (`GITHUB_ACTIONS=true`) each Vale finding is also printed as a workflow command on its
file and line (`::error`, `::warning`, `::notice`), which GitHub shows on the pull request, and a Markdown
report goes to `$GITHUB_STEP_SUMMARY`. Text from the files is escaped in both; nothing is downloaded.
"""

from __future__ import annotations

import glob
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

# Hooks that must run when the repository has the file: a check that saw nothing must not pass.
EXPECTED_HOOKS = {"vale": "resume.md", "mdformat": "resume.md"}
_SKIPPED_RE = re.compile(r"^(?P<name>.+?)\.{3,}\(no files to check\)Skipped$", re.MULTILINE)
_LEVELS = {"error": "error", "warning": "warning", "suggestion": "notice"}
SKIP_DIRS = {".git", ".venv", "node_modules", "_site", ".cache", "_private"}


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    column: int
    rule: str
    level: str  # error | warning | suggestion
    message: str


def repo_files(repo: Path) -> list[str]:
    """Every file Git does not ignore, committed or not (every file, outside a Git repository)."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=repo,
        capture_output=True,
        text=True,
    )
    if listed.returncode == 0:
        return sorted({name for name in listed.stdout.split("\0") if name and (repo / name).is_file()})
    found = []
    for folder, dirs, names in os.walk(repo):
        dirs[:] = [d for d in dirs if d not in SKIP_DIRS]
        found += [str((Path(folder) / name).relative_to(repo)) for name in names]
    return sorted(found)


def hook_names(repo: Path) -> dict[str, str]:
    """id -> the name pre-commit prints for it, from .pre-commit-config.yaml."""
    import yaml

    config = yaml.safe_load((repo / ".pre-commit-config.yaml").read_text(encoding="utf-8")) or {}
    return {
        str(hook["id"]): str(hook.get("name", hook["id"]))
        for entry in config.get("repos", [])
        for hook in entry.get("hooks", [])
    }


def silent_hooks(output: str, repo: Path, files: list[str]) -> list[str]:
    """One line for each expected hook that saw no file."""
    skipped = {match["name"].strip() for match in _SKIPPED_RE.finditer(output)}
    names = hook_names(repo)
    problems = []
    for hook, needed in EXPECTED_HOOKS.items():
        if (repo / needed).exists() and (names.get(hook, hook) in skipped or needed not in files):
            problems.append(
                f"the {hook} hook checked no file, but {needed} exists: is it ignored by Git "
                "(.gitignore) or excluded in .pre-commit-config.yaml?"
            )
    return problems


def run_hooks(repo: Path, files: list[str], env: dict[str, str] | None = None) -> tuple[int, str]:
    pre_commit = shutil.which("pre-commit", path=str(Path(sys.executable).parent)) or "pre-commit"
    done = subprocess.run(
        [pre_commit, "run", "--show-diff-on-failure", "--color=never", "--files", *files],
        cwd=repo,
        capture_output=True,
        text=True,
        env=env,
    )
    return done.returncode, done.stdout + done.stderr


# --------------------------------------------------------------------------- findings for GitHub


def vale_binary() -> str | None:
    """Vale as pre-commit installed it (or on PATH)."""
    home = os.environ.get("PRE_COMMIT_HOME") or str(Path.home() / ".cache" / "pre-commit")
    built = sorted(glob.glob(os.path.join(home, "*", "golangenv-*", "bin", "vale")))
    return built[-1] if built else shutil.which("vale")


def vale_findings(repo: Path, files: list[str], env: dict[str, str] | None = None) -> list[Finding]:
    """Every Vale finding on the Markdown files pre-commit's vale hook checks."""
    vale = vale_binary()
    markdown = [name for name in files if name.endswith(".md") and not name.startswith("styles/")]
    if vale is None or not markdown:
        return []
    done = subprocess.run([vale, "--output=JSON", *markdown], cwd=repo, capture_output=True, text=True, env=env)
    try:
        data = json.loads(done.stdout or "{}")
    except json.JSONDecodeError:
        return []
    return [
        Finding(
            path,
            int(alert.get("Line", 1)),
            int((alert.get("Span") or [1])[0]),
            str(alert.get("Check", "")),
            str(alert.get("Severity", "warning")),
            str(alert.get("Message", "")),
        )
        for path, alerts in sorted(data.items())
        for alert in alerts
    ]


def _data(text: str) -> str:
    """A workflow command's message: %, CR and LF escaped so it stays one command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def workflow_command(finding: Finding) -> str:
    level = _LEVELS.get(finding.level, "warning")
    return (
        f"::{level} file={_property(finding.path)},line={finding.line},col={finding.column},"
        f"title={_property(finding.rule)}::{_data(finding.message)}"
    )


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|>~])")


def md(text: str) -> str:
    """User text in a Markdown report: HTML escaped and Markdown marks made plain characters."""
    text = " ".join(str(text).split()).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def summary_of_findings(findings: list[Finding], silent: list[str]) -> str:
    lines = ["## Writing checks (Vale)", ""]
    if not findings:
        lines.append("No findings.")
    by_file: dict[str, list[Finding]] = {}
    for finding in findings:
        by_file.setdefault(finding.path, []).append(finding)
    for path, items in by_file.items():
        lines += ["", f"### {md(path)}", "", "| Line | Level | Rule | Finding |", "| --- | --- | --- | --- |"]
        lines += [f"| {f.line} | {md(f.level)} | {md(f.rule)} | {md(f.message)} |" for f in items]
    lines += [f"- **{md(problem)}**" for problem in silent]
    return "\n".join(lines) + "\n"


def append_summary(text: str) -> None:
    path = os.environ.get("GITHUB_STEP_SUMMARY")
    if path:
        with open(path, "a", encoding="utf-8") as stream:
            stream.write(text + "\n")


def on_github() -> bool:
    return os.environ.get("GITHUB_ACTIONS") == "true"


def main(repo: Path) -> int:
    from .vale_config import config_for

    files = repo_files(repo)
    config, note = config_for(repo)
    env = {**os.environ, "VALE_CONFIG_PATH": str(config)} if config else None
    if note:
        print(note)
    print(f"==> pre-commit on the {len(files)} files Git does not ignore (tracked or not)")
    code, output = run_hooks(repo, files, env)
    print(output, end="")
    silent = silent_hooks(output, repo, files)
    for problem in silent:
        print(f"error: {problem}", file=sys.stderr)
    letters = letter_findings(repo)
    for f in letters:
        print(f"{f.path}:{f.line}: {f.level}: {f.rule}: {f.message}", file=sys.stderr if f.level == "error" else sys.stdout)
    failed = any(finding.level == "error" for finding in letters)
    if on_github():
        findings = vale_findings(repo, files, env) + letters
        for finding in findings:
            print(workflow_command(finding))
        append_summary(summary_of_findings(findings, silent))
    return 1 if code or silent or failed else 0


def letter_findings(repo: Path) -> list[Finding]:
    """The letter checks of every application not sent yet (portfolio.applications.checks)."""
    from .applications import checks, record
    from .resume import load_resume

    drafts = [a for a in record.all_applications(repo) if a.status == "draft"]
    if not drafts or not (repo / "resume.md").is_file():
        return []
    resume = load_resume(repo / "resume.md")
    found = [finding for application in drafts for finding in checks.check_application(application, resume)]
    return [Finding(f.path.relative_to(repo).as_posix(), f.line, 1, f"Letter.{f.rule}", f.level, f.message) for f in found]
