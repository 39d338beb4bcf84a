"""Validation of the answers given to cookiecutter, kept apart from the hook so it can be unit-tested.

Every answer is data. Nothing here evaluates or formats it as code.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

REQUIRED = ("project", "full_name", "email", "location", "github_username", "target_role")
OPTIONAL = ("website", "linkedin", "phone")
MAX_LENGTH = 200
CONTACT_ITEMS = ("location", "email", "website", "linkedin", "phone")

_EMAIL_PART = r"[^@\s<>()\[\]\\,;:\"|]+"
EMAIL = re.compile(rf"{_EMAIL_PART}@{_EMAIL_PART}\.[^@\s<>()\[\]\\,;:\"|.]{{2,}}")
GITHUB_USERNAME = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}")
PROJECT = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._-]{0,99}")
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:(?!\d)")
JINJA = re.compile(r"\{[{%#]")
PHONE = re.compile(r"\+?[0-9 ().\-/]{6,30}(?:\s*(?:x|ext\.?)\s*[0-9]{1,6})?")
# Emoji and icon glyphs: the ranges the Vale rule Portfolio.Emoji reports in a resume (icon fonts
# live in the private use area). ATS parsers drop them or turn them into stray characters.
ICON = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uE000-\uF8FF\uFE0F\u2300-\u23FF]")
PRINTED = ("full_name", "location", "target_role")  # answers printed as text on the resume
# The generic combining marks any letter can take. Two in a row after NFC composition is "Zalgo"
# text (no orthography needs it); scripts with their own marks (Thai, Devanagari) are not affected.
GENERIC_MARK = re.compile("[\u0300-\u036F\u0483-\u0489\u1AB0-\u1AFF\u1DC0-\u1DFF\u20D0-\u20FF\uFE20-\uFE2F]")


def validate(answers: Mapping[str, object], raw: Mapping[str, object] | None = None) -> str | None:
    """Return one line naming the first bad answer and what is wrong, or None when all are valid.

    `raw` holds the answers before cookiecutter rendered them: with --no-input it evaluates each
    `key=value` as a Jinja template, so a value with Jinja syntax no longer says what was typed.
    """
    for field in (*REQUIRED, *OPTIONAL):
        typed = (raw or {}).get(field)
        if isinstance(typed, str) and JINJA.search(typed):
            return f"{field}: contains Jinja syntax ('{{{{', '{{%' or '{{#') that cookiecutter evaluates; remove it"
    for field in (*REQUIRED, *OPTIONAL):
        problem = _text_problem(field, answers.get(field, ""), required=field in REQUIRED)
        if problem:
            return problem
    for field in PRINTED:
        problem = _printed_text_problem(str(answers.get(field, "")))
        if problem:
            return f"{field}: {problem}"
    for field in CONTACT_ITEMS:
        if "|" in str(answers.get(field, "")):
            return f"{field}: cannot contain '|', which separates the items of the contact line"
    for field, check in CHECKS.items():
        value = str(answers.get(field, ""))
        if value:
            problem = check(value)
            if problem:
                return f"{field}: {problem}"
    return None


def _text_problem(field: str, value: object, *, required: bool) -> str | None:
    if not isinstance(value, str):
        return f"{field}: expected text, got {type(value).__name__}"
    if required and not value.strip():
        return f"{field}: is required and cannot be blank"
    if value != value.strip():
        return f"{field}: remove the spaces at the start or end"
    if any(unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") for char in value):
        return f"{field}: must be a single line without control characters"
    if len(value) > MAX_LENGTH:
        return f"{field}: is {len(value)} characters long; keep it under {MAX_LENGTH}"
    return None


def _printed_text_problem(value: str) -> str | None:
    """Text on the resume must survive a PDF reader: letters, no icons, no stacks of accent marks."""
    if value and not any(unicodedata.category(char).startswith("L") for char in value):
        return f"'{value}' has no letters"
    icon = ICON.search(value)
    if icon:
        return f"'{icon.group(0)}' is an emoji or icon, which ATS parsers drop or garble; write it as text"
    marks = 0
    for char in unicodedata.normalize("NFC", value):
        marks = marks + 1 if GENERIC_MARK.match(char) else 0
        if marks > 1 or (marks and unicodedata.category(char) == "Me"):
            return f"'{value}' stacks accent marks that PDF readers garble; write the letters plainly"
    return None


def _check_project(value: str) -> str | None:
    if "/" in value or "\\" in value or value in (".", ".."):
        return f"'{value}' must be a plain folder name, not a path"
    if not PROJECT.fullmatch(value):
        return "use letters, digits, '.', '_' or '-', not starting with '.' or '-'"
    return None


def _check_email(value: str) -> str | None:
    if not EMAIL.fullmatch(value):
        return f"'{value}' does not look like an email address (name@example.com)"
    return None


def _check_github_username(value: str) -> str | None:
    if not GITHUB_USERNAME.fullmatch(value):
        return (
            f"'{value}' is not a valid GitHub username: 1-39 letters, digits or single"
            " hyphens, not starting or ending with a hyphen"
        )
    return None


def _check_url_like(value: str) -> str | None:
    if SCHEME.match(value) and not value.lower().startswith(("http://", "https://")):
        return f"'{value}' must be an http or https web address"
    if any(char.isspace() for char in value) or "<" in value or ">" in value or '"' in value:
        return f"'{value}' must be a web address without spaces, quotes or angle brackets"
    if "." not in value:
        return f"'{value}' does not look like a web address (example.com)"
    return None


def _check_phone(value: str) -> str | None:
    if not PHONE.fullmatch(value):
        return f"'{value}' does not look like a phone number (+1 555 010 0199)"
    return None


CHECKS = {
    "project": _check_project,
    "email": _check_email,
    "github_username": _check_github_username,
    "website": _check_url_like,
    "linkedin": _check_url_like,
    "phone": _check_phone,
}
