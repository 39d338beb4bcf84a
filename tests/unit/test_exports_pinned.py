"""The DOCX export's Markdown (what pandoc turns into Word) and JSON Resume for every kind of section, written
out by hand; the schema check's messages for the three ways a field goes wrong."""

from __future__ import annotations

from pathlib import Path

import pytest
from src_support import examples, module

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
        ({"work": {}}, "work: must be a list, not an object"),
        ({"basics": []}, "basics: must be an object, not a list"),
        ({"work": [{"highlights": [True]}]}, "work[0].highlights[0]: must be text, not true/false"),
        ({"work": [{"startDate": "March 2020"}]}, "work[0].startDate: 'March 2020' is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)"),
        ({"basics": {"email": "x"}}, "basics.email: 'x' is not a 'email'"),
    ],
)
def test_the_schema_check_names_the_field(data: dict, message: str) -> None:
    with pytest.raises(jsonresume.SchemaError) as raised:
        jsonresume.validate(data)
    assert str(raised.value) == message


EVERY_FIELD = """---
target_role: Platform Engineer
---
# Ana Ruiz

Madrid, Spain | [Write to me](mailto:ana@example.com) | +34 600 000 000 | +34 611 111 111 | www.anaruiz.dev | www.blog.anaruiz.dev/posts

## Experience

Open to remote work.

- A bullet that sits outside every entry and runs past forty characters.

### Site Reliability Engineer

**Globex** | Madrid, Spain | *Spring 2021 – Summer 2023*

- Ran the on-call rotation for [the payments team](https://globex.example/pay).

## Projects

### Rate Limiter | *Go, Redis*

**[Open source](https://github.com/ana/limiter)** | Remote | *Mar 2022 – Jan 2023*

A token-bucket limiter for HTTP services.

Second paragraph of the description.

- Served 40k requests per second on one core.

## Education

### B.S. in Computer Science

**[Universidad Politécnica](https://upm.example)** | Madrid, Spain | *2014 – 2018*

Graduated with honours.

- Distributed Systems
- Compilers

### High School Diploma

**IES Madrid** | Madrid, Spain | *2014*

## Skills

Languages I use every day:

- **Languages:** Go, Python

## Certifications

- **[CKA](https://cncf.example/cka)**, CNCF | Remote | *2022*
  - Scored 94 out of 100.

## Awards

- **Engineer of the Year**, Globex | *2022*
  - Chosen from 300 engineers.
  - For the payments migration.

## Publications

- **Rate Limits in Practice**, SREcon | *Q3 2022*

## Interests

- **Climbing**, Madrid Boulder Club
- Chess
"""


def test_json_resume_of_every_entry_field_and_every_note_with_its_line() -> None:
    export = jsonresume.to_json_resume(resume.parse_resume(EVERY_FIELD, "resume.md"))
    data = export.data
    assert data["basics"] == {
        "name": "Ana Ruiz",
        "label": "Platform Engineer",
        "location": {"city": "Madrid", "region": "Spain"},
        "email": "ana@example.com",  # from the link: the text says no address
        "phone": "+34 600 000 000",  # the first number; the second has no field
        "url": "https://www.anaruiz.dev",
        "profiles": [{"network": "blog.anaruiz.dev", "url": "https://www.blog.anaruiz.dev/posts"}],  # no username: not a network
    }
    assert data["work"] == [{
        "name": "Globex", "position": "Site Reliability Engineer", "location": "Madrid, Spain",
        "startDate": "2021", "endDate": "2023", "highlights": ["Ran the on-call rotation for the payments team."],
    }]
    assert data["projects"] == [{
        "name": "Rate Limiter", "entity": "Open source", "location": "Remote", "keywords": ["Go", "Redis"],
        "url": "https://github.com/ana/limiter", "startDate": "2022-03", "endDate": "2023-01",
        "description": "A token-bucket limiter for HTTP services. Second paragraph of the description.",
        "highlights": ["Served 40k requests per second on one core."],
    }]
    assert data["education"] == [
        {
            "institution": "Universidad Politécnica", "studyType": "B.S.", "area": "Computer Science",
            "location": "Madrid, Spain", "url": "https://upm.example", "startDate": "2014", "endDate": "2018",
            "courses": ["Distributed Systems", "Compilers"],
        },
        {"institution": "IES Madrid", "studyType": "High School Diploma", "location": "Madrid, Spain", "startDate": "2014", "endDate": "2014"},
    ]
    assert data["skills"] == [{"name": "Languages", "keywords": ["Go", "Python"]}]
    assert data["certificates"] == [
        {"name": "CKA", "issuer": "CNCF", "location": "Remote", "date": "2022", "url": "https://cncf.example/cka"},
    ]
    assert data["awards"] == [
        {"title": "Engineer of the Year", "awarder": "Globex", "date": "2022", "summary": "Chosen from 300 engineers. For the payments migration."},
    ]
    assert data["publications"] == [{"name": "Rate Limits in Practice", "publisher": "SREcon"}]
    assert data["interests"] == [{"name": "Climbing, Madrid Boulder Club"}, {"name": "Chess"}]
    assert [section["key"] for section in data["meta"]["portfolio"]["sections"]] == [
        "work", "projects", "education", "skills", "certificates", "awards", "publications", "interests",
    ]
    assert export.notes == (
        "contact item '+34 611 111 111': no JSON Resume field for it",
        "resume.md:8: section 'Experience': paragraphs outside entries are left out",
        "resume.md:12: 'A bullet that sits outside every entry a': a bullet outside any `###` entry is left out",
        "resume.md:14: entry 'Site Reliability Engineer': links inside bullets keep their text only",
        "resume.md:34: entry 'B.S. in Computer Science': education has no place for paragraphs",
        "resume.md:47: section 'Skills': text besides `- **Label:** a, b` groups is left out",
        "resume.md:55: 'CKA': JSON Resume certificates have no place for the lines under it",
        "resume.md:66: 'Rate Limits in Practice': dates 'Q3 2022' are not in a form JSON Resume holds",
    )
    jsonresume.validate(data)


def test_entries_under_interests_keep_who_they_are_with() -> None:
    md = "# Ana Ruiz\n\nana@example.com\n\n## Interests\n\n### Climbing\n\n**Madrid Boulder Club** | *2019*\n"
    assert jsonresume.to_json_resume(resume.parse_resume(md, "resume.md")).data["interests"] == [
        {"name": "Climbing", "entity": "Madrid Boulder Club", "date": "2019"},
    ]


def test_every_type_the_schema_asks_for_has_a_name_in_messages() -> None:
    import json

    def types(node: object) -> set[str]:
        if isinstance(node, dict):
            own = {node["type"]} if isinstance(node.get("type"), str) else set()
            return own.union(*(types(value) for value in node.values()))
        return set().union(*(types(value) for value in node)) if isinstance(node, list) else set()

    assert types(json.loads(jsonresume.SCHEMA.read_text(encoding="utf-8"))) == set(jsonresume.TYPE_NAMES)


@pytest.mark.parametrize(
    ("value", "name"),
    [(True, "true/false"), (3, "a number"), (2.5, "a number"), ("x", "text"), ([], "a list"), (None, "null"), ({}, "an object")],
)
def test_a_wrong_value_is_named_by_its_json_type(value: object, name: str) -> None:
    assert jsonresume.json_type(value) == name


LINKS_AND_CODE = """# Ana Ruiz

Madrid | ana@example.com | github.com/ana | Open to relocation

## Projects

### Rate Limiter | *Go, Redis* | [code](https://github.com/ana/limiter)

A token-bucket limiter.

- Wrote `limiter.Allow()` in Go ![chart](chart.png) for
  40k requests per second.\
  Mailed [ana@example.com](mailto:ana@example.com) and [the list](mailto:list@example.com).
- Linked [the docs](https://example.com/a<b>).

## Skills

- Go, Python
- **Tools:** Docker

## Achievements

- Won the 2022 hackathon.
"""


def test_text_and_docx_markdown_of_code_images_links_and_a_project_in_full() -> None:
    ana = resume.parse_resume(LINKS_AND_CODE, "resume.md")
    assert exports.to_text(ana) == (
        "Ana Ruiz\nMadrid | ana@example.com | https://github.com/ana | Open to relocation\n\n"
        "PROJECTS\n\nRate Limiter\nGo, Redis | https://github.com/ana/limiter\nA token-bucket limiter.\n"
        "- Wrote limiter.Allow() in Go chart for 40k requests per second. Mailed ana@example.com and the list"
        " (list@example.com).\n"  # an address written as the link's text is not repeated
        "- Linked the docs (https://example.com/a%3Cb%3E).\n\n"
        "SKILLS\nGo, Python\nTools: Docker\n\n"
        "ACHIEVEMENTS\n- Won the 2022 hackathon.\n"  # a year inside a sentence: a bullet, not an award entry
    )
    assert exports.to_docx_markdown(ana) == (
        "# Ana Ruiz\n\nMadrid | ana@example.com | [github.com/ana](<https://github.com/ana>) | Open to relocation\n\n"
        "## Projects\n\n### Rate Limiter\n\n*Go, Redis* | [code](<https://github.com/ana/limiter>)\n\n"
        "A token-bucket limiter.\n\n"
        f"{BULLET}Wrote `limiter.Allow()` in Go ![chart](chart.png) for 40k requests per second. Mailed"
        " [ana@example.com](mailto:ana@example.com) and [the list](mailto:list@example.com).\n\n"
        "Linked [the docs](https://example.com/a<b>).\n:::\n\n"
        "## Skills\n\nGo, Python\n\n**Tools:** Docker\n\n"
        f"## Achievements\n\n{BULLET}Won the 2022 hackathon.\n:::\n"
    )


@pytest.mark.parametrize(
    ("url", "target"),
    [("https://example.com/a<b>", "<https://example.com/a%3Cb%3E>"), ("https://example.com/x\ny", "<https://example.com/xy>")],
)
def test_a_link_target_in_the_docx_markdown_cannot_end_early(url: str, target: str) -> None:
    assert exports._target(url) == target


def test_a_bullet_without_markdown_is_escaped_for_the_docx() -> None:
    bullet = resume.Bullet("+ 20% growth, *not* emphasis", 3)
    assert exports._bullet_md(bullet) == "\\+ 20% growth, \\*not\\* emphasis"
    assert exports._bullet_text(bullet) == "+ 20% growth, *not* emphasis"


CONTACTS = """---
phone: "+1 512 555 0100"
publish_phone: true
paper: a4
---
# Sam Lee

Austin, TX | sam@example.com | other@example.com | github.com/samlee | samlee.dev | blog.samlee.dev | Open to relocation

## About

Backend engineer.

Second paragraph.

## Technical Skills

- **Languages:** Go, Python
- Docker, Kubernetes

## Experience

### Backend Engineer

**Initech** | Austin, TX | *Jan 2020 – Present*

- Cut latency by 40% with a [cache](https://example.com/cache) and wrote [docs](mailto:docs@example.com).

## Awards

- Dean's list, 2019

## Notes

Free text here.
"""


def test_json_resume_of_every_kind_of_contact_item_and_what_it_cannot_hold() -> None:
    export = jsonresume.to_json_resume(resume.parse_resume(CONTACTS, "resume.md"))
    assert export.data["basics"] == {
        "name": "Sam Lee",
        "location": {"city": "Austin", "region": "TX"},
        "email": "sam@example.com",  # the first address; the second has no field
        "phone": "+1 512 555 0100",
        "url": "https://samlee.dev",  # the first website; the next one is a profile
        "profiles": [
            {"network": "GitHub", "url": "https://github.com/samlee", "username": "samlee"},
            {"network": "blog.samlee.dev", "url": "https://blog.samlee.dev"},
        ],
        "summary": "Backend engineer.\n\nSecond paragraph.",
    }
    assert export.data["skills"] == [{"name": "Languages", "keywords": ["Go", "Python"]}, {"keywords": ["Docker", "Kubernetes"]}]
    assert export.data["work"][0]["highlights"] == ["Cut latency by 40% with a cache and wrote docs."]
    assert export.data["awards"] == [{"title": "Dean's list", "date": "2019"}]
    assert export.data["meta"]["portfolio"] == {
        "sections": [
            {"heading": "About", "key": "summary", "count": 1},
            {"heading": "Technical Skills", "key": "skills", "count": 2},
            {"heading": "Experience", "key": "work", "count": 1},
            {"heading": "Awards", "key": "awards", "count": 1},
        ],
        "paper": "a4",
    }
    assert export.notes == (
        "contact item 'other@example.com': no JSON Resume field for it",
        "contact item 'Open to relocation': no JSON Resume field for it",
        "resume.md:23: entry 'Backend Engineer': links inside bullets keep their text only",
        "resume.md:33: section 'Notes': JSON Resume has no place for free text",
    )


def test_the_text_export_writes_each_link_s_address_after_its_words() -> None:
    text = exports.to_text(resume.parse_resume(CONTACTS, "resume.md"))
    assert text.splitlines()[1] == (
        "Austin, TX | sam@example.com | +1 512 555 0100 | other@example.com | https://github.com/samlee |"
        " https://samlee.dev | https://blog.samlee.dev | Open to relocation"
    )
    assert "- Cut latency by 40% with a cache (https://example.com/cache) and wrote docs (docs@example.com).\n" in text
    assert "\nAWARDS\n\nDean's list | 2019\n\nNOTES\nFree text here.\n" in text


def test_all_three_exports_are_written_then_reused_from_the_cache(tmp_path: Path) -> None:
    import zipfile

    sam = resume.parse_resume(CONTACTS, "resume.md")
    first = exports.write_all(sam, tmp_path, cache=tmp_path / "cache")
    assert [path.name for path in first.paths] == ["resume.txt", "resume.docx", "resume.json"] and not first.reused
    with zipfile.ZipFile(tmp_path / "resume.docx") as docx:
        body = docx.read("word/document.xml").decode("utf-8")
        core = docx.read("docProps/core.xml").decode("utf-8")
    assert "Cut latency by 40% with a" in body and '<w:pgSz w:w="11906" w:h="16838" />' in body  # A4, as the front matter says
    assert "<dc:title>Sam Lee – Resume</dc:title>" in core and "<dc:creator>Sam Lee</dc:creator>" in core
    (tmp_path / "again").mkdir()
    again = exports.write_all(sam, tmp_path / "again", cache=tmp_path / "cache")
    assert again.reused and again.notes == first.notes
    assert (tmp_path / "again" / "resume.docx").read_bytes() == (tmp_path / "resume.docx").read_bytes()
    assert "+1 512 555 0100" in (tmp_path / "resume.txt").read_text(encoding="utf-8")  # published: publish_phone: true


# --------------------------------------------------------------------------- valid by construction

from hypothesis import HealthCheck, given, settings  # noqa: E402
from src_support import FIXTURES  # noqa: E402
from test_writer import _resume  # noqa: E402  (the generated resumes of the writer's round trip)

resume_reader = module("resume")
EVERY_RESUME = sorted(
    path
    for folder in ("resumes", "resumes_blind", "resumes_blind2", "resumes_md_blind", "import_blind/markdown")
    for path in (FIXTURES / folder).glob("*.md")
)


def test_the_fixture_sets_are_all_there() -> None:
    assert len(EVERY_RESUME) >= 60


@pytest.mark.parametrize("path", EVERY_RESUME, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_every_fixture_exports_valid_json_resume(path: Path) -> None:
    """The build writes resume.json without a schema check (it would cost a tenth of a second a build),
    because what the converter writes is valid: this holds it to that for every resume we have."""
    jsonresume.validate(jsonresume.to_json_resume(resume_reader.load_resume(path).public()).data)


@settings(max_examples=examples(100), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_resume())
def test_generated_resumes_export_valid_json_resume(generated) -> None:
    written = resume_reader.write_resume(generated)
    jsonresume.validate(jsonresume.to_json_resume(resume_reader.parse_resume(written)).data)


@pytest.mark.parametrize(
    ("location", "text"),
    [
        ({"city": "Paris", "region": "Île-de-France", "countryCode": "FR"}, "Paris, Île-de-France"),
        ({"city": " Austin ", "countryCode": "US"}, "Austin, US"),  # a country only when a part is missing
        ({"region": "TX"}, "TX"),
        ({"countryCode": " DE "}, "DE"),
        ({"city": "", "region": None, "countryCode": ""}, ""),
        ({}, ""),
    ],
)
def test_an_imported_location_is_written_as_one_line(location: dict, text: str) -> None:
    assert jsonresume.join_location(location) == text
    assert jsonresume.split_location("Paris, Île-de-France, FR") == {"city": "Paris, Île-de-France", "region": "FR"}
    assert jsonresume.split_location(" Berlin ") == {"city": "Berlin"} and jsonresume.split_location(", DE") == {"city": ", DE"}
