"""Turn a repository made with "Use this template" into the owner's portfolio, once.

The bootstrap workflow runs this on the first push. It bakes the template with answers taken from the
repository (name, owner) and the owner's public GitHub profile, replaces the template files with the
baked ones and leaves `.github/workflows/` untouched: the workflow token cannot change workflow files,
so the template keeps byte-identical copies of the workflows a baked repository has.

Usage: python .github/bootstrap.py [--profile profile.json]   (environment: GITHUB_REPOSITORY)
Exit status 0 also when there is nothing to do (already bootstrapped).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLACEHOLDER_LOCATION = "City, ST"
URL_LIKE = re.compile(r"^\S+\.\S+$")


def answers_from(repository: str, profile: dict[str, object]) -> dict[str, str]:
    """Cookiecutter answers for `owner/name`, filled from the owner's public profile where it has them."""
    owner, name = repository.split("/", 1)
    full_name = _text(profile.get("name")) or owner
    email = _text(profile.get("email")) or f"{owner}@users.noreply.github.com"
    answers = {
        "project": name,
        "github_username": owner,
        "full_name": full_name,
        "email": email,
        "location": _text(profile.get("location")) or PLACEHOLDER_LOCATION,
    }
    blog = _text(profile.get("blog"))
    if blog and URL_LIKE.match(blog):
        answers["website"] = blog
    return answers


def _text(value: object) -> str:
    """A profile field as one clean line, or '' when absent."""
    if not isinstance(value, str):
        return ""
    return " ".join(value.split())


def is_template_checkout(root: Path) -> bool:
    return (root / "cookiecutter.json").is_file() and (root / "{{cookiecutter.project}}").is_dir()


def bake(root: Path, answers: dict[str, str], output: Path) -> Path:
    from cookiecutter.main import cookiecutter

    return Path(cookiecutter(str(root), no_input=True, extra_context=answers, output_dir=str(output)))


def replace_template_with(baked: Path, root: Path) -> None:
    for entry in list(root.iterdir()):
        if entry.name == ".git":
            continue
        if entry.name == ".github":
            _clear_except_workflows(entry)
            continue
        _remove(entry)
    for entry in baked.iterdir():
        if entry.name == ".git":
            continue
        _merge(entry, root / entry.name)


def _clear_except_workflows(github: Path) -> None:
    # The bootstrap workflow stays (the token cannot delete it), so this script stays beside it:
    # a later run of either finds the portfolio in place and does nothing.
    for entry in list(github.iterdir()):
        if entry.name not in ("workflows", Path(__file__).name):
            _remove(entry)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink()


def _merge(source: Path, target: Path) -> None:
    if source.is_dir():
        target.mkdir(exist_ok=True)
        for child in source.iterdir():
            _merge(child, target / child.name)
    elif target.exists() and target.read_bytes() == source.read_bytes():
        return  # a workflow file the template already holds, byte for byte
    else:
        shutil.copy2(source, target)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", type=Path, help="JSON of the owner's public GitHub profile")
    args = parser.parse_args(argv)
    if not is_template_checkout(ROOT):
        print("bootstrap: nothing to do, this repository is already a portfolio")
        return 0
    repository = os.environ.get("GITHUB_REPOSITORY", "")
    if "/" not in repository:
        print("bootstrap: error: GITHUB_REPOSITORY must be set to owner/name", file=sys.stderr)
        return 1
    profile = json.loads(args.profile.read_text(encoding="utf-8")) if args.profile else {}
    answers = answers_from(repository, profile if isinstance(profile, dict) else {})
    with tempfile.TemporaryDirectory() as work:
        baked = bake(ROOT, answers, Path(work))
        replace_template_with(baked, ROOT)
    print(f"bootstrap: baked {answers['project']} for {answers['github_username']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
