"""What users see, written out by hand: the web resume's entries, the TXT and JSON Resume exports, the fit's
overflow message and how full the page is. No expected value here comes from the code under test."""

from __future__ import annotations

import re
from pathlib import Path

from src_support import FIXTURES, longer_senior, module

resume = module("resume")
site = module("site")
exports = module("exports")
jsonresume = module("jsonresume")
fit = module("fit")

SENIOR = (FIXTURES / "resumes" / "senior.md").read_text(encoding="utf-8")
SMALL = """# Zoë Müller

Paris, Île-de-France, FR | zoe@example.com | github.com/zoem

## Professional Summary

Backend engineer who ships payment systems.

## Technical Skills

- **Languages:** Go, Python, SQL

## Experience

### Senior Engineer

**Acme Pay** | Paris, Île-de-France, FR | *March 2021 – Present*

- Cut settlement time from 3 days to 4 hours for 2 million merchants.
- Led 4 engineers through the move to Kafka.

## Projects

### ledgerlite | *Go, PostgreSQL*

- Double-entry ledger library with 1.2k GitHub stars.

## Education

- **B.S. in Computer Science**, Université Paris Cité | *2014 – 2018*
"""


def parsed(text: str):
    return resume.parse_resume(text, "resume.md").public()


def test_the_web_resume_shows_every_field_of_every_entry_in_place() -> None:
    html = site._resume_page(site.template_env(), parsed(SENIOR), root="")
    entries = re.findall(r'<div class="entry">\n<h3>(.*?)</h3>\n(?:<p class="meta">\n(.*?)\n?</p>)?', html, re.S)
    meta = lambda *fields: "".join(fields)  # noqa: E731
    org = lambda name: f'<span class="org">{name}</span>'  # noqa: E731
    span = lambda text: f"<span>{text}</span>"  # noqa: E731
    assert entries == [
        ("Staff Software Engineer", meta(org("Northwind Payments"), span("Chicago, IL"), span("March 2021 – Present"))),
        ("Senior Software Engineer", meta(org("Contoso Logistics"), span("Denver, CO"), span("Jan 2018 – Feb 2021"))),
        ("Software Engineer II", meta(org("Fabrikam Health"), span("Denver, CO"), span("Jun 2015 – Dec 2017"))),
        ("Software Engineer", meta(org("Tailspin Toys"), span("Boulder, CO"), span("Aug 2013 – May 2015"))),
        ("Junior Developer", meta(org("Wide World Importers"), span("Boulder, CO"), span("Jul 2012 – Jul 2013"))),
        ("Software Engineering Intern", meta(org("Adventure Works"), span("Fort Collins, CO"), span("May 2011 – Aug 2011"))),
        ("M.S. in Computer Science", meta(org("University of Colorado Boulder"), span("Boulder, CO"), span("Aug 2011 – May 2013"))),
        ("B.S. in Computer Engineering", meta(org("Colorado State University"), span("Fort Collins, CO"), span("Aug 2007 – May 2011"))),
        ("AWS Certified Solutions Architect – Professional", span("2022")),
        ("Certified Kubernetes Administrator", span("2021")),
    ]


def test_a_linked_organisation_is_one_link_on_the_web_resume_and_an_unsafe_one_plain_text() -> None:
    body = (
        "# Ada Lovelace\n\nada@example.com\n\n## Experience\n\n### Senior Engineer\n\n"
        "**[Initech](https://initech.example)** | Austin, TX | *2020 – 2022*\n\n- Cut costs by 40%.\n\n"
        "### Engineer\n\n**[Globex](ftp://globex.example)** | *2018 – 2020*\n\n- Shipped 3 apps.\n"
    )
    html = site._resume_page(site.template_env(), parsed(body), root="")
    metas = re.findall(r'<p class="meta">\n(.*?)\n?</p>', html, re.S)
    assert [m.replace("\n", "") for m in metas] == [
        '<span class="org"><a href="https://initech.example">Initech</a></span><span>Austin, TX</span>'
        "<span>2020 – 2022</span>",
        '<span class="org">Globex</span><span>2018 – 2020</span>',
    ]


def test_the_text_export_in_full(tmp_path: Path) -> None:
    exports.write_text(resume.parse_resume(SMALL, "resume.md"), tmp_path / "resume.txt")
    assert (tmp_path / "resume.txt").read_text(encoding="utf-8") == (
        "Zoë Müller\n"
        "Paris, Île-de-France, FR | zoe@example.com | https://github.com/zoem\n"
        "\nPROFESSIONAL SUMMARY\nBackend engineer who ships payment systems.\n"
        "\nTECHNICAL SKILLS\nLanguages: Go, Python, SQL\n"
        "\nEXPERIENCE\n\nSenior Engineer\nAcme Pay | Paris, Île-de-France, FR | March 2021 – Present\n"
        "- Cut settlement time from 3 days to 4 hours for 2 million merchants.\n"
        "- Led 4 engineers through the move to Kafka.\n"
        "\nPROJECTS\n\nledgerlite\nGo, PostgreSQL\n- Double-entry ledger library with 1.2k GitHub stars.\n"
        "\nEDUCATION\n\nB.S. in Computer Science\nUniversité Paris Cité | 2014 – 2018\n"
    )


def test_json_resume_in_full() -> None:
    data = jsonresume.to_json_resume(resume.parse_resume(SMALL, "resume.md")).data
    assert data["basics"] == {
        "name": "Zoë Müller",
        "location": {"city": "Paris, Île-de-France", "region": "FR"},  # split at the last comma
        "email": "zoe@example.com",
        "profiles": [{"network": "GitHub", "url": "https://github.com/zoem", "username": "zoem"}],
        "summary": "Backend engineer who ships payment systems.",
    }
    assert data["skills"] == [{"name": "Languages", "keywords": ["Go", "Python", "SQL"]}]
    assert data["work"] == [
        {
            "name": "Acme Pay",
            "position": "Senior Engineer",
            "location": "Paris, Île-de-France, FR",
            "startDate": "2021-03",
            "highlights": [
                "Cut settlement time from 3 days to 4 hours for 2 million merchants.",
                "Led 4 engineers through the move to Kafka.",
            ],
        }
    ]
    assert data["projects"] == [
        {"name": "ledgerlite", "keywords": ["Go", "PostgreSQL"], "highlights": ["Double-entry ledger library with 1.2k GitHub stars."]}
    ]
    assert data["education"] == [
        {"institution": "Université Paris Cité", "studyType": "B.S.", "area": "Computer Science", "startDate": "2014", "endDate": "2018"}
    ]
    assert [(s["heading"], s["key"], s["count"]) for s in data["meta"]["portfolio"]["sections"]] == [
        ("Professional Summary", "summary", 1), ("Technical Skills", "skills", 1), ("Experience", "work", 1),
        ("Projects", "projects", 1), ("Education", "education", 1),
    ]


def test_the_overflow_message_counts_lines_over_and_names_the_longest_section(tmp_path: Path) -> None:
    long = parsed(longer_senior(40))
    assert fit.overflow_message(long, tmp_path) == (
        "resume.md:22: the resume is about 15 lines too long for one page, even at 9.5 pt with tighter spacing;"
        " the longest section is 'Experience' (about 68 lines): shorten or cut bullets there, or set `pages: 2`"
        " for 10+ years"
    )


def test_how_full_the_page_is(tmp_path: Path) -> None:
    share, spare = fit.fullness(parsed(SENIOR), tmp_path)
    assert (round(share, 2), spare) == (0.86, 9)
