"""Translations of the resume: `resume.<lang>.md` beside `resume.md` (for example `resume.de.md`).

Each one is read like resume.md and builds `resume.<lang>.pdf` and `resume.<lang>.html`; every resume page links
the others with `hreflang`. `./run.sh check` lists what one translation holds and another lacks: entries by
their section and place, bullets by their hidden id (`<!-- id: ... -->`) or else their place, so a bullet added
to one language and forgotten in another is named with its line.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from pathlib import Path

from .resume import Resume, load_resume

# A two-letter language, then optional script and region ("de", "pt-BR", "zh-Hant"): `resume.old.md` is no
# translation.
TRANSLATION_RE = re.compile(r"^resume\.(?P<lang>[A-Za-z]{2}(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|\d{3}))?)\.md$")


@dataclass(frozen=True)
class Translation:
    lang: str  # from the file name
    resume: Resume

    @property
    def stem(self) -> str:
        return f"resume.{self.lang}"


def find(repo: Path) -> list[Path]:
    return sorted(path for path in Path(repo).glob("resume.*.md") if TRANSLATION_RE.match(path.name))


def load_all(repo: Path) -> list[Translation]:
    """Every translation, read; its `lang:` is the file name's when the front matter does not say."""
    found = []
    for path in find(repo):
        lang = TRANSLATION_RE.match(path.name)["lang"]
        resume = load_resume(path)
        if resume.lang == "en" and lang.split("-")[0].lower() != "en":
            resume = dataclasses.replace(resume, lang=lang)
        found.append(Translation(lang, resume))
    return found


def alternates(main: Resume, translations: list[Translation], root: str = "") -> list[dict[str, str]]:
    """The `hreflang` links every resume page carries: the main resume and each translation."""
    if not translations:
        return []
    links = [{"lang": main.lang, "href": f"{root}resume.html"}]
    links += [{"lang": t.resume.lang, "href": f"{root}{t.stem}.html"} for t in translations]
    return links


# --------------------------------------------------------------------------- what one has and another lacks


@dataclass(frozen=True)
class Item:
    key: str  # what matches it across languages: section kind and place, or a bullet's id
    line: int
    what: str


def items(resume: Resume) -> dict[str, Item]:
    """The resume's entries and bullets, each keyed the same way in every language."""
    found: dict[str, Item] = {}
    counts: dict[str, int] = {}
    for section in resume.sections:
        if section.kind == "text" or not (section.entries or section.bullets):
            continue
        place = counts[section.kind] = counts.get(section.kind, 0) + 1
        base = f"{section.kind} {place}" if place > 1 else section.kind
        for number, entry in enumerate(section.entries, start=1):
            key = f"{base}, entry {number}"
            found[key] = Item(key, entry.line, f"entry '{entry.organisation or entry.title}'")
            found.update(_bullets(entry.bullets, f"{key}, bullet", "bullet"))
        found.update(_bullets(section.bullets, f"{base}, item", "item"))
    return found


def _bullets(bullets, place: str, what: str) -> dict[str, Item]:  # noqa: ANN001 - a tuple of Bullets
    """A bullet with an id is keyed by it; the others by their place among the bullets without one."""
    found = {}
    unnamed = 0
    for bullet in bullets:
        if bullet.id:
            key = f"bullet id '{bullet.id}'"
        else:
            unnamed += 1
            key = f"{place} {unnamed}"
        found[key] = Item(key, bullet.line, f"{what} '{_short(bullet.text)}'")
    return found


def _short(text: str, words: int = 6) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def differences(main: Resume, translations: list[Translation]) -> list[str]:
    """One line per entry or bullet that one language has and another lacks, with the file and line."""
    everyone = [(main.source, items(main))] + [(t.resume.source, items(t.resume)) for t in translations]
    lines = []
    for source, held in everyone:
        for other_source, other in everyone:
            if other_source == source:
                continue
            for key, item in held.items():
                if key not in other:
                    lines.append(f"{source}:{item.line}: {item.what} ({key}) has no counterpart in {other_source}")
    return lines
