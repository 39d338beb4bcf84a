"""Finish the baked repo: install the Vale style, drop unwanted parts, start a Git repository."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

CONTEXT = json.loads(r'''{{ cookiecutter | tojson }}''')
PROJECT = Path.cwd()


def template_dir() -> Path:
    """The template folder: cookiecutter names it; cruft names only its URL, but runs us from inside it."""
    candidates = [CONTEXT.get("_repo_dir"), CONTEXT.get("_template"), Path(f"/proc/{os.getppid()}/cwd")]
    for candidate in filter(None, candidates):
        folder = Path(str(candidate)).resolve()
        if (folder / "hooks" / "answers.py").is_file():
            return folder
    raise SystemExit("error: cannot find the template folder (hooks/answers.py)")


def install_vale_style() -> None:
    source = template_dir() / "styles"
    for part in ("Portfolio", "config"):
        shutil.copytree(
            source / part,
            PROJECT / "styles" / part,
            dirs_exist_ok=True,
            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
        )


def drop_build_leftovers() -> None:
    """A template checkout that ran its own package may hold bytecode; a fresh repo should not."""
    for cache in PROJECT.rglob("__pycache__"):
        shutil.rmtree(cache)


def drop_interview_prep() -> None:
    if not CONTEXT["include_interview_prep"]:
        shutil.rmtree(PROJECT / "interview_prep")


def start_git_repository() -> bool:
    if shutil.which("git") is None:
        return False
    if (PROJECT / ".git").exists():
        return True
    result = subprocess.run(
        ["git", "init", "--quiet", "--initial-branch=main"], cwd=PROJECT, capture_output=True
    )
    return result.returncode == 0


def print_next_steps(has_git: bool) -> None:
    steps = [
        f"Created {PROJECT}",
        "Next steps:",
        f"  cd {PROJECT.name}",
        "  ./run.sh            # set up .venv, build _site/ (resume.html, resume.pdf, design docs)",
        "  ./run.sh check      # Vale prose rules, mdformat, shellcheck, ATS check of the PDF",
    ]
    if has_git:
        steps.append('  git add -A && git commit -m "Start my interview portfolio"')
    else:
        steps.append("  git init -b main   # git was not found, so no repository was started")
    steps.append(f"  Publish: push to GitHub, then Settings > Pages > Source: GitHub Actions ({CONTEXT['__site_url']})")
    print("\n".join(steps))


def main() -> int:
    install_vale_style()
    drop_build_leftovers()
    drop_interview_prep()
    print_next_steps(start_git_repository())
    return 0


if __name__ == "__main__":
    sys.dont_write_bytecode = True
    sys.exit(main())
