"""resume.md is replaced only while it still holds the template's example, or with --force."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ..resume import Resume, ResumeError, Section, load_resume

# Fingerprints (see `example_fingerprint`) of the example resume.md the template has shipped.
# tests/test_import.py checks the current one and prints the new value when the example changes:
# add it here (keep the old ones, so repos baked from an older template are still recognised).
EXAMPLE_FINGERPRINTS = frozenset(
    {
        "4898a183898923ea597208d9f3c93960558abdc446c4c90d70affa65b06e39f0",  # the 2026-11 example
    }
)



def is_example(path: Path) -> bool:
    """True while resume.md still holds the template's example content.

    Compared by the fingerprint of its parsed content, not its bytes: the example's name, contact
    line and target role come from the answers given at bake time, and formatters may rewrap the
    file; neither makes it the user's own resume.
    """
    try:
        resume = load_resume(path)
    except ResumeError:
        return False
    return example_fingerprint(resume) in EXAMPLE_FINGERPRINTS


def _fingerprint_kind(section: Section) -> str:
    """The section kinds the fingerprints were taken with (before kinds named what a section holds)."""
    if section.kind in ("summary", "skills"):
        return section.kind
    return "entries" if any(not entry.one_line for entry in section.entries) else "text"


def example_fingerprint(resume: Resume) -> str:
    """A hash of all of resume.md except the bake-time answers (name, contact, target role)."""
    role = resume.target_role

    def neutral(text: str) -> str:
        return text.replace(role, "{target_role}") if role else text

    content = [
        [
            section.heading,
            _fingerprint_kind(section),
            [neutral(paragraph) for paragraph in section.paragraphs],
            [[group.label, list(group.items)] for group in section.skills],
            [bullet.text for bullet in section.bullets],
            [
                [entry.title, entry.organisation, entry.location, entry.dates, list(entry.tech)]
                + [bullet.text for bullet in entry.bullets]
                for entry in section.entries
            ],
        ]
        for section in resume.sections
    ]
    return hashlib.sha256(json.dumps(content, ensure_ascii=False).encode("utf-8")).hexdigest()
