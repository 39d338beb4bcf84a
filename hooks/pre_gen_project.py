"""Refuse bad answers before any file is written: one line naming the field, exit 1."""

import json
import os
import sys
from pathlib import Path

# tojson escapes quotes, so any answer arrives here as data, never as Python source.
CONTEXT = json.loads(r'''{{ cookiecutter | tojson }}''')
# The answers as given, before cookiecutter rendered them as Jinja templates (--no-input does).
RAW = json.loads(r'''{{ _cookiecutter | default({}) | tojson }}''')  # cruft does not pass it


def template_dir() -> Path:
    """The template folder: cookiecutter names it; cruft names only its URL, but runs us from inside it."""
    candidates = [CONTEXT.get("_repo_dir"), CONTEXT.get("_template"), Path(f"/proc/{os.getppid()}/cwd")]
    for candidate in filter(None, candidates):
        folder = Path(str(candidate)).resolve()
        if (folder / "hooks" / "answers.py").is_file():
            return folder
    raise SystemExit("error: cannot find the template folder (hooks/answers.py)")


def main() -> int:
    sys.path.insert(0, str(template_dir() / "hooks"))
    from answers import validate  # noqa: E402  (found through the template path)

    problem = validate(CONTEXT, raw=RAW)
    if problem is None:
        return 0
    print(f"error: {problem}", file=sys.stderr)
    if "/" in str(CONTEXT.get("project", "")):
        from cleanup import remove_empty_parents_after_exit

        remove_empty_parents_after_exit(Path.cwd(), Path(CONTEXT["_output_dir"]))
    return 1


if __name__ == "__main__":
    os.environ.setdefault("PYTHONDONTWRITEBYTECODE", "1")
    sys.dont_write_bytecode = True
    sys.exit(main())
