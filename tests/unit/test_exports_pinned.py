"""The DOCX export's Markdown (what pandoc turns into Word) and JSON Resume for every kind of section, written
out by hand; the schema check's messages for the three ways a field goes wrong."""

from __future__ import annotations

import pytest
from src_support import module

resume = module("resume")
exports = module("exports")
jsonresume = module("jsonresume")

MD = """# Sam Lee

Austin, TX | sam@example.com | linkedin.com/in/samlee | samlee.dev

## Experience

### Backend Engineer

**[Initech](https://initech.example)** | Austin, TX | *Jan 2020 – Present*

- Cut p95 latency from 800 ms to 120 ms for the orders API.

## Volunteering

### Mentor

**Code Club** | Austin, TX | *2019 – 2021*

- Taught Python to 40 students.

## Certifications

- **AWS Certified Developer – Associate**, Amazon Web Services | *2022*

## Awards

- **Hackathon winner**, HackMIT | *2019*

## Publications

- **Streaming Joins at Scale**, VLDB | *2021*

## Interests

Climbing, chess
"""
SAM = resume.parse_resume(MD, "resume.md")
BULLET = '::: {custom-style="List Bullet"}\n'


def test_the_docx_markdown_in_full() -> None:
    assert exports.to_docx_markdown(SAM) == (
        "# Sam Lee\n\n"
        "Austin, TX | sam@example.com | [linkedin.com/in/samlee](<https://linkedin.com/in/samlee>) |"
        " [samlee.dev](<https://samlee.dev>)\n\n"
        "## Experience\n\n### Backend Engineer\n\n"
        "**[Initech](<https://initech.example>)** | Austin, TX | *Jan 2020 – Present*\n\n"  # the name is the link
        f"{BULLET}Cut p95 latency from 800 ms to 120 ms for the orders API.\n:::\n\n"
        "## Volunteering\n\n### Mentor\n\n**Code Club** | Austin, TX | *2019 – 2021*\n\n"
        f"{BULLET}Taught Python to 40 students.\n:::\n\n"
        "## Certifications\n\n**AWS Certified Developer – Associate** | **Amazon Web Services** | *2022*\n\n"
        "## Awards\n\n**Hackathon winner** | **HackMIT** | *2019*\n\n"
        "## Publications\n\n**Streaming Joins at Scale** | **VLDB** | *2021*\n\n"
        "## Interests\n\nClimbing, chess\n"
    )


def test_json_resume_for_every_kind_of_section() -> None:
    export = jsonresume.to_json_resume(SAM)
    data = export.data
    assert data["basics"] == {
        "name": "Sam Lee",
        "location": {"city": "Austin", "region": "TX"},
        "email": "sam@example.com",
        "url": "https://samlee.dev",
        "profiles": [{"network": "LinkedIn", "url": "https://linkedin.com/in/samlee", "username": "samlee"}],
    }
    assert data["work"] == [{
        "name": "Initech", "position": "Backend Engineer", "location": "Austin, TX", "url": "https://initech.example",
        "startDate": "2020-01", "highlights": ["Cut p95 latency from 800 ms to 120 ms for the orders API."],
    }]
    assert data["volunteer"] == [{
        "organization": "Code Club", "position": "Mentor", "location": "Austin, TX", "startDate": "2019",
        "endDate": "2021", "highlights": ["Taught Python to 40 students."],
    }]
    assert data["certificates"] == [{"name": "AWS Certified Developer – Associate", "issuer": "Amazon Web Services", "date": "2022"}]
    assert data["awards"] == [{"title": "Hackathon winner", "awarder": "HackMIT", "date": "2019"}]
    assert data["publications"] == [{"name": "Streaming Joins at Scale", "publisher": "VLDB", "releaseDate": "2021"}]
    assert "interests" not in data
    assert export.notes == ("resume.md:33: section 'Interests': JSON Resume has no place for free text",)
    jsonresume.validate(data)  # and it is valid JSON Resume


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"basics": {"name": 3}}, "basics.name: must be text, not a number"),
        ({"work": [{"startDate": "March 2020"}]}, "work[0].startDate: 'March 2020' is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)"),
        ({"basics": {"email": "x"}}, "basics.email: 'x' is not a 'email'"),
    ],
)
def test_the_schema_check_names_the_field(data: dict, message: str) -> None:
    with pytest.raises(jsonresume.SchemaError) as raised:
        jsonresume.validate(data)
    assert str(raised.value) == message
