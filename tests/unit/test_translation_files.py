"""Which files are translations, what the dev server rebuilds on, and the differences listed between languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from src_support import module

translations = module("translations")
serve = module("serve")
resume = module("resume")


@pytest.mark.parametrize(
    ("name", "lang"),
    [("resume.de.md", "de"), ("resume.pt-BR.md", "pt-BR"), ("resume.zh-Hant.md", "zh-Hant"), ("resume.es-419.md", "es-419"),
     ("resume.old.md", None), ("resume.md", None), ("resume.de.txt", None), ("my-resume.de.md", None), ("resume.de-.md", None)],
)
def test_a_translation_is_named_by_a_language_tag(name: str, lang: str | None) -> None:
    found = translations.TRANSLATION_RE.match(name)
    assert (found["lang"] if found else None) == lang


def test_the_dev_server_rebuilds_on_translations_and_the_theme_folder(tmp_path: Path) -> None:
    repo = tmp_path.resolve()
    watched = {name: serve._relative(repo, str(repo / name)) for name in (
        "resume.md", "resume.de.md", "theme/theme.yml", "theme/resume.typ", "system_designs/x.md", "resume.old.md", "notes.md",
    )}
    assert watched == {
        "resume.md": "resume.md", "resume.de.md": "resume.de.md", "theme/theme.yml": "theme/theme.yml",
        "theme/resume.typ": "theme/resume.typ", "system_designs/x.md": "system_designs/x.md",
        "resume.old.md": None, "notes.md": None,
    }


ENGLISH = """# Ada Lovelace

London | ada@example.com

## Experience

### Engineer

**Acme** | London | *2020 – 2022*

- Cut build time by 40%. <!-- id: builds -->
- Led 3 launches.

### Intern

**Initech** | London | *2019*

- Wrote 200 tests.
"""


def test_differences_name_the_entry_or_bullet_and_its_line() -> None:
    main = resume.parse_resume(ENGLISH, "resume.md")
    german_text = (
        ENGLISH.replace("## Experience", "## Berufserfahrung").replace("- Led 3 launches.\n", "")
        .replace("- Cut build time by 40%. <!-- id: builds -->\n", "- Leitete 3 Starts.\n- Senkte die Bauzeit um 40 %. <!-- id: builds -->\n")
    )
    german = translations.Translation("de", resume.parse_resume(german_text, "resume.de.md"))
    assert translations.differences(main, [german]) == []  # the id matches the moved bullet; places match the rest
    shorter = translations.Translation("de", resume.parse_resume(german_text.split("### Intern")[0], "resume.de.md"))
    assert translations.differences(main, [shorter]) == [
        "resume.md:14: entry 'Initech' (experience, entry 2) has no counterpart in resume.de.md",
        "resume.md:18: bullet 'Wrote 200 tests.' (experience, entry 2, bullet 1) has no counterpart in resume.de.md",
    ]
