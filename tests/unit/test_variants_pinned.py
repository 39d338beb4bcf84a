"""Variants in the fast lane: what a tailored resume keeps, in which order, under which role, and the one
line a bad `variants:` block gets. Every expected value is written out here."""

from __future__ import annotations

import re

import pytest
from src_support import module

resume = module("resume")

FRONT = """---
target_role: Software Engineer
phone: "+1 555 0100"
variants:
  - name: backend
    role: "Backend Engineer"
  - name: platform
    sections: [Projects, skills]
---
"""

BODY = """# Ada Lovelace

London, UK | ada@example.com | +1 555 0100

## Experience

### Senior Engineer

**Acme** | London, UK | *2020 – 2022*

- Cut build time by 40%.
- Moved 30 services to Kubernetes. <!-- targets: platform -->
- Wrote the billing API used by 2M users. <!-- targets: backend -->

### Intern <!-- targets: backend -->

**Initech** | Paris, France | *2019*

- Shipped 3 features.

## Projects

### Deploy Bot | *Go* <!-- targets: platform -->

- Deploys 50 times a day.

## Skills

- **Languages:** Python, Go
- **Cloud:** AWS, Kubernetes <!-- targets: platform -->
"""
PLAIN = re.sub(r" <!-- targets: \w+ -->", "", BODY)


def load(front: str = FRONT, body: str = BODY):
    return resume.parse_resume(front + body)


def outline(tailored) -> list[tuple[str, list]]:
    """Each section's heading with its entries' titles and bullets, or its skill groups' labels."""
    return [
        (section.heading, [(e.title, [b.text for b in e.bullets]) for e in section.entries] or
         [g.label for g in section.skills])
        for section in tailored.sections
    ]


def test_the_backend_variant_keeps_untagged_and_backend_content_and_takes_its_role() -> None:
    tailored = load().variant("backend")
    assert outline(tailored) == [
        ("Experience", [
            ("Senior Engineer", ["Cut build time by 40%.", "Wrote the billing API used by 2M users."]),
            ("Intern", ["Shipped 3 features."]),
        ]),
        ("Skills", ["Languages"]),
    ]
    assert tailored.target_role == "Backend Engineer"


def test_the_platform_variant_puts_its_sections_first_in_its_order_whatever_their_case() -> None:
    tailored = load().variant("platform")
    assert outline(tailored) == [
        ("Projects", [("Deploy Bot", ["Deploys 50 times a day."])]),
        ("Skills", ["Languages", "Cloud"]),
        ("Experience", [("Senior Engineer", ["Cut build time by 40%.", "Moved 30 services to Kubernetes."])]),
    ]
    assert tailored.target_role == "Software Engineer"  # no role of its own: the resume's stays


def test_the_whole_resume_keeps_everything_in_the_written_order() -> None:
    whole = load()
    assert [s.heading for s in whole.sections] == ["Experience", "Projects", "Skills"]
    assert [len(e.bullets) for e in whole.entries()] == [3, 1, 1]
    assert [(v.name, v.role, v.sections, v.line) for v in whole.variants] == [
        ("backend", "Backend Engineer", (), 5),
        ("platform", "", ("Projects", "skills"), 7),
    ]


def test_a_section_left_empty_by_a_variant_is_dropped_but_a_text_section_stays() -> None:
    body = BODY.replace("## Projects", "## Summary\n\nBuilds backends.\n\n## Projects")
    assert [s.heading for s in load(body=body).variant("backend").sections] == ["Experience", "Summary", "Skills"]


def test_a_variant_may_be_only_its_name() -> None:
    shorthand = resume.parse_resume("---\nvariants:\n  - backend\n  - name: platform\n---\n" + PLAIN)
    assert [(v.name, v.role, v.sections, v.line) for v in shorthand.variants] == [
        ("backend", "", (), 3), ("platform", "", (), 4),
    ]


def test_an_undeclared_variant_is_refused_with_the_declared_ones() -> None:
    with pytest.raises(resume.ResumeError) as raised:
        load().variant("frontend")
    assert str(raised.value) == "resume.md:1: no variant 'frontend' (declared: backend, platform)"
    with pytest.raises(resume.ResumeError) as raised:
        load(front="", body=PLAIN).variant("backend")
    assert str(raised.value) == "resume.md:1: no variant 'backend' (declared: none)"


def test_with_phone_replaces_the_number_after_the_email_and_public_drops_it() -> None:
    whole = load()
    called = whole.with_phone("+44 20 7946 0000")
    assert called.phone == "+44 20 7946 0000"
    assert [(item.kind, item.text) for item in called.contact] == [
        ("location", "London, UK"), ("email", "ada@example.com"), ("phone", "+44 20 7946 0000"),
    ]
    public = whole.public()
    assert public.phone == "" and [item.kind for item in public.contact] == ["location", "email"]
    published = resume.parse_resume(FRONT.replace("variants:", "publish_phone: true\nvariants:") + BODY).public()
    assert published.phone == "+1 555 0100" and [i.kind for i in published.contact] == ["location", "email", "phone"]


@pytest.mark.parametrize(
    ("variants", "message"),
    [
        ("variants: backend", "resume.md:2: `variants` must be a list of `- name: ...` items"),
        ("variants:\n  - [a, b]", "resume.md:3: a variant is `- name: backend` with optional `role:` and `sections:`"),
        ("variants:\n  - name: backend\n    team: x", "resume.md:3: unknown variant key `team` (use name, role, sections)"),
        ("variants:\n  - name: Back End", "resume.md:3: variant name 'Back End' must be lower-case letters, digits,"
         " '-' or '_' and not "),
        ("variants:\n  - name: a\n  - name: a", "resume.md:4: variant 'a' is declared twice"),
        ("variants:\n  - name: a\n    sections: Projects", "resume.md:3: `sections` of variant 'a' must be a list"
         " of headings"),
        ("variants:\n  - name: a\n    role: [x]", "resume.md:3: `role` of variant 'a' must be text"),
    ],
)
def test_a_bad_variants_block_gets_one_line_naming_its_line(variants: str, message: str) -> None:
    with pytest.raises(resume.ResumeError) as raised:
        resume.parse_resume(f"---\n{variants}\n---\n" + PLAIN)
    assert str(raised.value).startswith(message), str(raised.value)
    assert "\n" not in str(raised.value)


def test_a_variant_that_orders_a_missing_section_or_would_be_empty_is_refused_with_its_line() -> None:
    ordering = "---\nvariants:\n  - name: data\n    sections: [Publications, Projects]\n---\n"
    with pytest.raises(resume.ResumeError) as raised:
        resume.parse_resume(ordering + PLAIN)
    assert str(raised.value) == "resume.md:3: variant 'data' orders a section 'Publications' that resume.md does not have"
    emptied = "---\nvariants:\n  - name: data\n  - name: other\n---\n" + "\n".join(
        f"{line} <!-- targets: other -->" if line.startswith("- ") and not line.startswith("- **") else line
        for line in PLAIN.splitlines()
    )
    with pytest.raises(resume.ResumeError) as raised:
        resume.parse_resume(emptied)
    assert str(raised.value) == "resume.md:3: variant 'data' would be empty: each bullet is tagged for another variant"


def test_a_resume_error_holds_every_problem_and_names_the_first() -> None:
    with pytest.raises(resume.ResumeError) as raised:
        resume.parse_resume("---\npages: 3\nvariants: x\n---\n" + PLAIN, "cv/resume.md")
    error = raised.value
    assert (str(error.file), error.line, error.message) == ("cv/resume.md", 2, "`pages` must be 1 or 2 (2 for 10+ years)")
    assert [str(problem) for problem in error.problems] == [
        "cv/resume.md:2: `pages` must be 1 or 2 (2 for 10+ years)",
        "cv/resume.md:3: `variants` must be a list of `- name: ...` items",
    ]
