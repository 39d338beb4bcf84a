"""Unit tests of the answer validation the pre-gen hook runs."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hooks"))
import answers as answers_module_  # noqa: E402
from answers import validate  # noqa: E402

DEFAULTS = {
    key: value
    for key, value in json.loads((Path(__file__).resolve().parents[1] / "cookiecutter.json").read_text()).items()
    if not key.startswith("_")
}


def answers(**changes: object) -> dict[str, object]:
    return {**DEFAULTS, **changes}


def test_defaults_are_valid() -> None:
    assert validate(DEFAULTS) is None


@pytest.mark.parametrize(
    "field, value",
    [
        ("full_name", "Zoë O'Brien-Łukasz"),
        ("full_name", 'Dwayne "The Rock" Johnson'),
        ("full_name", "李小龍"),
        ("full_name", "Nguyễn Thị Minh Khai"),
        ("full_name", "Jose\u0301 Nu\u0301n\u0303ez"),  # decomposed accents, one per letter
        ("full_name", "สมชาย ที่ดี"),  # Thai vowel and tone marks stack by design
        ("location", "Tel Aviv, ישראל"),
        ("full_name", r"Back\slash Person"),
        ("location", "São Paulo, Brazil"),
        ("email", "first.last+jobs@mail.example.co.uk"),
        ("github_username", "a"),
        ("github_username", "a-b-c"),
        ("github_username", "x" * 39),
        ("project", "my-portfolio_2026.v2"),
        ("website", "https://example.dev/about"),
        ("linkedin", "linkedin.com/in/zoë-obrien"),
        ("phone", "+1 (555) 010-0199"),
        ("phone", "+44 20 7946 0958 ext. 12"),
        ("target_role", "Staff Engineer, Platform & <Infra>"),
    ],
)
def test_unusual_but_valid_answers_pass(field: str, value: str) -> None:
    assert validate(answers(**{field: value})) is None


@pytest.mark.parametrize(
    "field, value, expected",
    [
        ("full_name", "", "is required"),
        ("full_name", "   ", "is required"),
        ("location", "", "is required"),
        ("target_role", "", "is required"),
        ("full_name", "Ada\nLovelace", "single line"),
        ("full_name", "Ada\tLovelace", "single line"),
        ("full_name", "Ada\u2028Lovelace", "single line"),
        ("full_name", "Ada\x1b[31mLovelace", "single line"),
        ("full_name", " Ada", "spaces at the start or end"),
        ("full_name", "A" * 201, "under 200"),
        ("email", "not-an-email", "email address"),
        ("email", "a@b", "email address"),
        ("email", "a b@example.com", "email address"),
        ("github_username", "-leading", "GitHub username"),
        ("github_username", "trailing-", "GitHub username"),
        ("github_username", "double--hyphen", "GitHub username"),
        ("github_username", "x" * 40, "GitHub username"),
        ("github_username", "under_score", "GitHub username"),
        ("project", "a/b", "plain folder name"),
        ("project", "..", "plain folder name"),
        ("project", "../escape", "plain folder name"),
        ("project", "/tmp/absolute", "plain folder name"),
        ("project", "with space", "letters, digits"),
        ("project", ".hidden", "not starting with"),
        ("project", "-dash", "not starting with"),
        ("website", "not a url", "web address"),
        ("website", 'https://x.dev/"onmouseover', "web address"),
        ("linkedin", "linkedin", "web address"),
        ("website", "javascript:alert(1)", "http or https"),
        ("website", "data:text/html,x.y", "http or https"),
        ("phone", "call me maybe", "phone number"),
        ("location", "Austin | TX", "separates the items"),
        ("website", "a.dev|b.dev", "separates the items"),
        ("full_name", "---", "has no letters"),
        ("location", "2024-01-01", "has no letters"),
        ("full_name", "Ana 🚀 Lima", "emoji or icon"),
        ("target_role", "Engineer ★", "emoji or icon"),
        ("location", "\uf3c5 Austin", "emoji or icon"),  # an icon-font glyph
        ("full_name", "Z\u0351\u0362algo", "stacks accent marks"),
    ],
)
def test_bad_answers_name_the_field(field: str, value: str, expected: str) -> None:
    problem = validate(answers(**{field: value}))
    assert problem is not None
    assert problem.startswith(f"{field}: ")
    assert expected in problem
    assert "\n" not in problem


def test_optional_fields_may_be_empty() -> None:
    assert validate(answers(website="", linkedin="", phone="")) is None


def test_non_text_answer_is_rejected() -> None:
    assert validate(answers(full_name=["a", "list"])) == "full_name: expected text, got list"


@pytest.mark.parametrize("typed", ["{{ cookiecutter.project }}", "{% raw %}x{% endraw %}", "a {# note #}"])
def test_jinja_evaluated_by_cookiecutter_is_refused(typed: str) -> None:
    problem = validate(answers(full_name="rendered"), raw=answers(full_name=typed))
    assert problem is not None and problem.startswith("full_name: contains Jinja syntax")


def test_braces_typed_at_the_prompt_are_plain_data() -> None:
    # Typed answers are not rendered, so the raw value (the default) has no Jinja and the answer stays.
    assert validate(answers(full_name="{{ x }}"), raw=DEFAULTS) is None


def test_icon_ranges_match_the_vale_emoji_rule() -> None:
    """The hook refuses at bake time the same glyphs Portfolio.Emoji reports in resume.md later."""
    import re

    import yaml

    rule = yaml.safe_load((Path(__file__).parents[1] / "styles/Portfolio/Emoji.yml").read_text(encoding="utf-8"))
    vale_ranges = re.findall(r"\\x\{([0-9A-F]+)\}(?:-\\x\{([0-9A-F]+)\})?", rule["tokens"][0])
    hook_ranges = re.findall(r"([\U00010000-\U0010FFFF\u0080-\uFFFF])(?:-([\U00010000-\U0010FFFF\u0080-\uFFFF]))?",
                             answers_module_.ICON.pattern)
    as_numbers = {(int(a, 16), int(b or a, 16)) for a, b in vale_ranges}
    assert as_numbers == {(ord(a), ord(b or a)) for a, b in hook_ranges}
