"""Vale for a resume in another language: the rules that read English words are off for it.

`.vale.ini` turns them off for translations (`resume.<lang>.md`) by their file name. A resume.md whose `lang:`
is not English is known only by its front matter, so `./run.sh check` writes `.cache/vale/vale.ini`: the
repo's own configuration with a section that turns them off for resume.md, and points Vale at it
(VALE_CONFIG_PATH, which the pre-commit hook passes on). It says so in one line.
"""

from __future__ import annotations

import re
from pathlib import Path

# The rules that read English words; the ATS and measured-result rules read layout and numbers, and stay on.
ENGLISH_ONLY = (
    "Portfolio.ActionVerb", "Portfolio.WeakOpener", "Portfolio.Pronouns", "Portfolio.Buzzwords",
    "Portfolio.Filler", "Portfolio.Spelling", "Portfolio.Headings", "Portfolio.DateStyle", "Portfolio.NumericDates",
)
GENERATED = Path(".cache") / "vale" / "vale.ini"
_STYLES_PATH = re.compile(r"^StylesPath\s*=.*$", re.MULTILINE)


def resume_language(repo: Path) -> str:
    """resume.md's `lang:` ("en" when it has none or cannot be read: the build reports that)."""
    from .resume import ResumeError, load_resume

    try:
        return load_resume(Path(repo) / "resume.md").lang
    except (ResumeError, OSError):
        return "en"


def english(lang: str) -> bool:
    return lang.split("-")[0].lower() == "en"


def config_for(repo: Path) -> tuple[Path | None, str]:
    """The Vale configuration to use, and the line that says why (None, "" for the repo's own)."""
    repo = Path(repo)
    lang = resume_language(repo)
    if english(lang) or not (repo / ".vale.ini").is_file():
        return None, ""
    text = (repo / ".vale.ini").read_text(encoding="utf-8")
    text = _STYLES_PATH.sub(f"StylesPath = {(repo / 'styles').resolve()}", text, count=1)
    text += "\n# Written by ./run.sh check: resume.md is not in English.\n[resume.md]\n"
    text += "".join(f"{rule} = NO\n" for rule in ENGLISH_ONLY)
    path = repo / GENERATED
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    names = ", ".join(rule.removeprefix("Portfolio.") for rule in ENGLISH_ONLY)
    return path, (
        f"note: resume.md is in another language (lang: {lang}): Vale's English-only rules are off for it"
        f" ({names}); the ATS and measured-result rules still run"
    )
