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

TRANSLATION_RE = re.compile(r"^resume\.(?P<lang>[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\.md$")


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
            for index, bullet in enumerate(entry.bullets, start=1):
                bullet_key = f"bullet id '{bullet.id}'" if bullet.id else f"{key}, bullet {index}"
                found[bullet_key] = Item(bullet_key, bullet.line, f"bullet '{_short(bullet.text)}'")
        for index, bullet in enumerate(section.bullets, start=1):
            bullet_key = f"bullet id '{bullet.id}'" if bullet.id else f"{base}, item {index}"
            found[bullet_key] = Item(bullet_key, bullet.line, f"item '{_short(bullet.text)}'")
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
