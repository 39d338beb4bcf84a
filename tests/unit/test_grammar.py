"""The grammar table is the one source: the Vale bullet rules and the generated README agree with it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from src_support import module

ROOT = Path(__file__).resolve().parents[2]
BULLET_RULES = ("ActionVerb", "BulletLength", "MeasuredResult", "WeakOpener")
grammar = module("resume.grammar")


@pytest.mark.parametrize("rule", BULLET_RULES)
def test_vale_bullet_rules_read_skills_lines_and_sections_as_the_grammar_does(rule: str) -> None:
    script = (ROOT / "styles" / "Portfolio" / f"{rule}.yml").read_text(encoding="utf-8")
    assert f"re_label := text.re_compile(`{grammar.VALE_SKILLS_LABEL}`)" in script
    assert f"re_achieve := text.re_compile(`{grammar.VALE_ACHIEVEMENT_SECTIONS}`)" in script


def test_the_vale_headings_rule_takes_the_grammar_s_standard_headings() -> None:
    script = (ROOT / "styles" / "Portfolio" / "Headings.yml").read_text(encoding="utf-8")
    assert f"for h in text.split(`{grammar.VALE_STANDARD_HEADINGS}`" in script
    assert {kind.heading.casefold() for kind in grammar.SECTIONS} <= grammar.STANDARD_HEADINGS


SKILLS_LINES = ["**Languages:** Python, Go", "**Cloud**: AWS, GCP", "__Tools:__ Docker, Git"]
NOT_SKILLS_LINES = [
    "**Hackathon winner**, HackMIT 2019",
    "**Hackathon winner** at HackMIT",
    "**Led** the migration of 14 services",
    "**Reduced** p99 latency: 900 ms to 120 ms",
]


@pytest.mark.parametrize("line", SKILLS_LINES)
def test_a_bold_label_with_a_colon_is_a_skills_line(line: str) -> None:
    assert grammar.SKILLS_LINE_RE.match(line)
    assert re.match(grammar.VALE_SKILLS_LABEL, line)


@pytest.mark.parametrize("line", NOT_SKILLS_LINES)
def test_a_bold_lead_without_a_colon_is_a_bullet(line: str) -> None:
    assert not grammar.SKILLS_LINE_RE.match(line)
    assert not re.match(grammar.VALE_SKILLS_LABEL, line)


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Professional Summary", "summary"),
        ("Technical Skills", "skills"),
        ("Tech Stack", "skills"),
        ("Work Experience", "experience"),
        ("Employment", "experience"),
        ("Project Experience", "projects"),
        ("Open Source", "projects"),
        ("Volunteer Experience", "volunteer"),
        ("Education and Certifications", "education"),
        ("Licenses & Certifications", "certificates"),
        ("Honors and Awards", "awards"),
        ("Achievements", "awards"),
        ("Papers", "publications"),
        ("Invited Talks", "publications"),
        ("Interests", "interests"),
        ("Leadership", "text"),
        ("Languages", "text"),
    ],
)
def test_section_kinds_by_heading(heading: str, kind: str) -> None:
    assert grammar.section_kind(heading).name == kind


def test_the_generated_readme_shows_every_line_form_of_the_grammar() -> None:
    readme = (ROOT / "{{cookiecutter.project}}" / "README.md").read_text(encoding="utf-8")
    missing = [form.name for form in grammar.LINE_FORMS if form.example not in readme]
    assert missing == []
