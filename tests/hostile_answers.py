"""Hostile and unusual answers, spread over every prompt, with the outcome each must have.

`None` means the bake must succeed and the value must come out intact; a string is the start of the
one-line error the bake must fail with (the field name comes first).
"""

from __future__ import annotations

# 139 characters: long, but under the 200-character limit.
LONG = "María de los Ángeles Fernández-García y López de Haro " * 2 + "Montenegro-Villalobos Jr."

CASES: list[tuple[str, str, str | None]] = [
    ("full_name", "Zoë O'Brien-Łukasz", None),
    ("full_name", 'Dwayne "The Rock" Johnson', None),
    ("full_name", r"Back\slash \\ C:\new", None),
    ("full_name", "李小龍", None),
    ("full_name", "Ana 🚀 Lima", "full_name: '🚀' is an emoji or icon"),
    ("full_name", "yes", None),
    ("full_name", "null", None),
    ("full_name", "- item", None),
    ("full_name", "key: value # comment", None),
    ("full_name", "*bold* _under_ [link](x) `code`", None),
    ("full_name", "<script>alert(1)</script>", None),
    ("full_name", "${{ github.token }}", "full_name: contains Jinja syntax"),
    ("full_name", "{% raw %}x{% endraw %}", "full_name: contains Jinja syntax"),
    ("full_name", LONG, None),
    ("full_name", "A" * 201, "full_name: is 201 characters long"),
    ("full_name", " Padded ", "full_name: remove the spaces"),
    ("full_name", "Two\nLines", "full_name: must be a single line"),
    ("full_name", "Bell\x07", "full_name: must be a single line"),
    ("full_name", "", "full_name: is required"),
    ("location", "São Paulo, Brazil", None),
    ("location", "1. Main St, #5 > 4 & <b>", None),
    ("location", "Austin | TX", "location: cannot contain '|'"),
    ("email", "o'brien+jobs@example.co.uk", None),
    ("email", "<script>@x.io", "email: '<script>@x.io' does not look like an email"),
    ("email", "no-at-sign", "email: 'no-at-sign' does not look like an email"),
    ("github_username", "a--b", "github_username: 'a--b' is not a valid GitHub username"),
    ("github_username", "-x", "github_username: '-x' is not a valid GitHub username"),
    ("github_username", "x" * 40, "github_username: "),
    ("website", "https://zoë.example.dev/a_b?x=1&y=2", None),
    ("website", "javascript:alert(1)", "website: 'javascript:alert(1)' must be an http or https web address"),
    ("linkedin", "linkedin.com/in/zoë-o-brien", None),
    ("linkedin", 'x.com/"><script>', "linkedin: 'x.com/\"><script>' must be a web address"),
    ("phone", "+1 (555) 010-0199", None),
    ("phone", "555-0100; rm -rf /", "phone: '555-0100; rm -rf /' does not look like a phone number"),
    ("target_role", "Staff Engineer: Platform & <Infra>", None),
    ("target_role", "# 1. *Lead* | `SRE`", None),
    ("target_role", "null", None),
    ("project", "my-portfolio_2026.v2", None),
    ("project", "../escape", "project: '../escape' must be a plain folder name"),
    ("project", "a/b", "project: 'a/b' must be a plain folder name"),
    ("project", "/tmp/absolute", "project: '/tmp/absolute' must be a plain folder name"),
]
