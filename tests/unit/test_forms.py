"""Each line form of the grammar: a case it reads, and the near miss it must not be mistaken for."""

from __future__ import annotations

import pytest
from src_support import module

resume = module("resume")
HEAD = "# Ada Lovelace\n\nLondon, UK | ada@example.com\n\n"


def read(body: str):
    return resume.parse_resume(HEAD + body)


def only_entry(body: str):
    entries = list(read(body).entries())
    assert len(entries) == 1, entries
    return entries[0]


def test_skills_line_is_a_labelled_group() -> None:
    section = read("## Skills\n\n- **Languages:** Python, Go (1.22), SQL\n").sections[0]
    assert [(g.label, g.items) for g in section.skills] == [("Languages", ("Python", "Go (1.22)", "SQL"))]


def test_a_bold_lead_without_a_colon_stays_a_bullet_in_place_with_its_id() -> None:
    body = (
        "## Experience\n\n### Engineer\n\n**Acme** | London, UK | *2020 – 2022*\n\n"
        "- Cut build time by 40%.\n- **Hackathon winner**, HackMIT 2019 <!-- id: hackmit -->\n- Led 3 launches.\n"
    )
    parsed = read(body)
    bullets = next(parsed.entries()).bullets
    assert [(b.text, b.id) for b in bullets] == [
        ("Cut build time by 40%.", ""),
        ("Hackathon winner, HackMIT 2019", "hackmit"),
        ("Led 3 launches.", ""),
    ]
    assert parsed.warnings == ()


def test_a_bold_label_with_a_colon_outside_skills_stays_a_bullet_with_its_id() -> None:
    body = "## Experience\n\n### Engineer\n\n**Acme** | *2020*\n\n- **Impact:** cut p99 by 40%. <!-- id: p99 -->\n"
    bullet = next(read(body).entries()).bullets[0]
    assert (bullet.text, bullet.id) == ("Impact: cut p99 by 40%.", "p99")


def test_entry_title_and_details_line() -> None:
    entry = only_entry("## Experience\n\n### Staff Engineer\n\n**Acme** | Austin, TX | *Mar. 2018 – Aug. 2019*\n")
    assert (entry.kind, entry.title, entry.organisation, entry.location, entry.dates) == (
        "job", "Staff Engineer", "Acme", "Austin, TX", "Mar. 2018 – Aug. 2019"
    )
    assert (entry.period.start, entry.period.end) == (resume.PartialDate(2018, 3), resume.PartialDate(2019, 8))


def test_a_details_line_without_bold_is_read_by_its_fields_with_a_warning() -> None:
    parsed = read("## Experience\n\n### Staff Engineer\n\nAcme | Austin, TX | 2018 – 2019\n")
    entry = next(parsed.entries())
    assert (entry.organisation, entry.location, entry.dates) == ("Acme", "Austin, TX", "2018 – 2019")
    assert [w.line for w in parsed.warnings] == [7]


def test_project_title_with_tech_and_link() -> None:
    entry = only_entry("## Projects\n\n### Ledger | *Go, PostgreSQL* | [github.com/a/l](https://github.com/a/l)\n")
    assert (entry.kind, entry.title, entry.tech, entry.link.url) == (
        "project", "Ledger", ("Go", "PostgreSQL"), "https://github.com/a/l"
    )


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        (
            "**B.S. in Computer Science**, University of Texas at Austin | *2016 – 2020*",
            ("B.S. in Computer Science", "University of Texas at Austin", "", "2016 – 2020"),
        ),
        (
            "- **B.S. in Computer Science**, University of Texas | Austin, TX | *2016 – 2020*",
            ("B.S. in Computer Science", "University of Texas", "Austin, TX", "2016 – 2020"),
        ),
        ("- M.Sc. Informatics, TU Munich, 2019", ("M.Sc. Informatics", "TU Munich", "", "2019")),
        (
            "- **University of Waterloo** — BASc Computer Engineering, 2014 – 2018",
            ("BASc Computer Engineering", "University of Waterloo", "", "2014 – 2018"),
        ),
        (  # a school set in another style than the degree is not more of the degree's name
            "- 2020/01 – 2020/12 | **PG Diploma in Machine Learning and AI**, *IIIT Bangalore*, Bengaluru, India",
            ("PG Diploma in Machine Learning and AI", "IIIT Bangalore", "Bengaluru, India", "2020/01 – 2020/12"),
        ),
        (  # near miss: the same style, so the major after the degree's comma stays with it
            "- B.Tech, Computer Science, Indian Institute of Technology Delhi, 2019",
            ("B.Tech, Computer Science", "Indian Institute of Technology Delhi", "", "2019"),
        ),
    ],
)
def test_one_line_degree(line: str, fields: tuple) -> None:
    entry = only_entry(f"## Education\n\n{line}\n")
    assert entry.kind == "degree" and entry.one_line
    assert (entry.title, entry.organisation, entry.location, entry.dates) == fields


@pytest.mark.parametrize(
    ("heading", "line", "kind", "fields"),
    [
        (
            "Certifications",
            "- **AWS Certified Solutions Architect – Associate**, Amazon Web Services | *May 2023*",
            "credential",
            ("AWS Certified Solutions Architect – Associate", "Amazon Web Services", "May 2023"),
        ),
        ("Certifications", "- Certified Kubernetes Administrator (2021)", "credential", ("Certified Kubernetes Administrator", "", "2021")),
        ("Awards", "- **Hackathon winner**, HackMIT 2019", "award", ("Hackathon winner", "HackMIT", "2019")),
        ("Publications", "- **Streaming Joins**, VLDB | *2019*", "publication", ("Streaming Joins", "VLDB", "2019")),
        (
            "Publications",
            "- J. Doe, A. Roe. “Fast Stencils on GPUs.” Journal of Parallel Computing, 2019.",
            "publication",
            ("Fast Stencils on GPUs", "Journal of Parallel Computing", "2019"),
        ),
        (
            "Publications",
            "- 2023 | “An MLIR Dialect for Sparse Stencils”. É. Marchand-Laurent, T. Nakamura. *Code Generation and Optimization (CGO)*.",
            "publication",
            ("An MLIR Dialect for Sparse Stencils", "Code Generation and Optimization (CGO)", "2023"),
        ),
        (
            "Publications",
            "- W. Zhang, C. Finn. *Offline RL from Demonstrations*. NeurIPS 2022.",
            "publication",
            ("Offline RL from Demonstrations", "NeurIPS", "2022"),
        ),
    ],
)
def test_one_line_credential_award_publication(heading: str, line: str, kind: str, fields: tuple) -> None:
    entry = only_entry(f"## {heading}\n\n{line}\n")
    assert entry.kind == kind and entry.one_line
    assert (entry.title, entry.organisation, entry.dates) == fields


@pytest.mark.parametrize(
    "line",
    ["- Dean's List", "- GPA 3.8/4.0", "- James B. Angell Scholar, 2021 and 2022", "- **Relevant coursework:** OS, Networks"],
)
def test_near_misses_of_one_line_entries_stay_bullets(line: str) -> None:
    heading = "Education" if "coursework" in line or "GPA" in line else "Awards"
    section = read(f"## {heading}\n\n{line}\n").sections[0]
    assert section.entries == () and len(section.bullets) == 1


@pytest.mark.parametrize(
    ("text", "start", "end", "ongoing"),
    [
        ("March 2022 – Present", (2022, 3), None, True),
        ("Mar. 2018 - Aug. 2019", (2018, 3), (2019, 8), False),
        ("Sept 2017 – current", (2017, 9), None, True),
        ("2019–2021", (2019, None), (2021, None), False),
        ("2021 to Present", (2021, None), None, True),
        ("06/2019 – 12/2021", (2019, 6), (2021, 12), False),
        ("(2016 – 2020)", (2016, None), (2020, None), False),
        ("2020/07 – present", (2020, 7), None, True),
        ("2015.08 – 2017.08", (2015, 8), (2017, 8), False),
        ("Summer 2018", (2018, None), (2018, None), False),
        ("Aug '19 – Oct '22", (2019, 8), (2022, 10), False),
        ("Jan ’98 – Present", (1998, 1), None, True),
        ("Fall 2019 – Spring 2021", (2019, None), (2021, None), False),
    ],
)
def test_dates_in_their_common_spellings(text: str, start: tuple, end: tuple | None, ongoing: bool) -> None:
    period = resume.parse_date_range(text)
    assert (period.start.year, period.start.month) == start
    assert ((period.end.year, period.end.month) if period.end else None) == end
    assert period.ongoing is ongoing


def test_a_date_prints_in_english_and_as_iso_with_or_without_its_month() -> None:
    period = resume.parse_date_range("Sept 2017 – 2019")
    assert (str(period.start), period.start.iso(), str(period.end), period.end.iso()) == (
        "September 2017", "2017-09", "2019", "2019",
    )
    assert (str(resume.PartialDate(2001, 1)), resume.PartialDate(987, 12).iso()) == ("January 2001", "0987-12")


@pytest.mark.parametrize("text", ["Summer", "2021 – 2019", "13/2020", "2020/13", "v2.0", "Present", "'19", "Aug '190"])
def test_near_miss_dates_are_not_read_as_dates(text: str) -> None:
    assert resume.parse_date_range(text) is None


def test_errors_are_collected_in_file_order() -> None:
    text = (
        "---\npages: 3\npublish_phone: maybe\n---\n# Ada\n\nada@example.com\n\n## Experience\n\n"
        "### Engineer\n\n**Acme** | *2020*\n\n- Did 3 things. <!-- id: BAD -->\n- Did 4 things. <!-- targets: ghost -->\n"
    )
    with pytest.raises(resume.ResumeError) as caught:
        resume.parse_resume(text)
    lines = str(caught.value).splitlines()
    assert [line.split(":")[1] for line in lines] == ["2", "3", "15", "16"]
    assert all(line.startswith("resume.md:") for line in lines)


def test_a_name_one_level_down_is_read_with_a_warning() -> None:
    parsed = resume.parse_resume("## Ada Lovelace\n\nada@example.com\n\n### Experience\n\n#### Engineer\n\n**Acme** | *2020*\n")
    assert parsed.name == "Ada Lovelace" and next(parsed.entries()).organisation == "Acme"
    assert parsed.warnings[0].line == 1
    with pytest.raises(resume.ResumeError):
        resume.parse_resume("## Experience\n\n### Engineer\n")  # a section first: the name is missing


def fields_of(entry) -> tuple:
    return (entry.kind, entry.title, entry.organisation, entry.location, entry.dates, [b.text for b in entry.bullets])


def test_a_company_line_with_its_first_role_then_a_later_role_is_two_jobs() -> None:
    body = (
        "## Experience\n\n**Ribeira Pay** | Lisbon, Portugal\\\n*Principal Engineer* | *March 2022 – Present*\n\n"
        "- Set the direction for 18 engineers.\n\n*Senior Engineer* | *July 2019 – February 2022*\n\n"
        "- Migrated 90 services.\n"
    )
    assert [fields_of(entry) for entry in read(body).entries()] == [
        ("job", "Principal Engineer", "Ribeira Pay", "Lisbon, Portugal", "March 2022 – Present",
         ["Set the direction for 18 engineers."]),
        ("job", "Senior Engineer", "Ribeira Pay", "Lisbon, Portugal", "July 2019 – February 2022",
         ["Migrated 90 services."]),
    ]


def test_near_miss_two_companies_each_with_its_role_stay_two_companies() -> None:
    body = (
        "## Experience\n\n**Ribeira Pay** | Lisbon, Portugal\\\n*Principal Engineer* | *2022 – Present*\n\n"
        "- Set the direction.\n\n**Mercado Verde** | São Paulo, Brazil\\\n*DevOps Engineer* | *2016 – 2019*\n\n"
        "- Ran clusters.\n"
    )
    assert [(e.title, e.organisation) for e in read(body).entries()] == [
        ("Principal Engineer", "Ribeira Pay"), ("DevOps Engineer", "Mercado Verde"),
    ]


def test_a_bold_title_alone_after_a_company_s_bullets_is_an_entry_of_its_own() -> None:
    body = (
        "## Experience\n\n**Globex** | Chicago, IL\\\n*Data Engineer* | *Jan 2020 – Present*\n\n- Built a pipeline.\n\n"
        "**Analyst**\n\n- Automated 12 reports.\n"
    )
    assert [fields_of(entry) for entry in read(body).entries()] == [
        ("job", "Data Engineer", "Globex", "Chicago, IL", "Jan 2020 – Present", ["Built a pipeline."]),
        ("job", "Analyst", "", "", "", ["Automated 12 reports."]),
    ]


def test_near_miss_a_role_with_dates_after_a_company_s_bullets_is_its_next_role() -> None:
    body = (
        "## Experience\n\n**Stripe**\n\n**Senior Engineer** · 2021 – Present\n\n- Led payments.\n\n"
        "**Engineer** · 2019 – 2021\n\n- Built billing.\n"
    )
    assert [(e.title, e.organisation, e.dates) for e in read(body).entries()] == [
        ("Senior Engineer", "Stripe", "2021 – Present"), ("Engineer", "Stripe", "2019 – 2021"),
    ]


def test_a_place_the_list_lacks_is_read_by_its_form_after_the_organisation() -> None:
    entry = only_entry("## Experience\n\n**O'Brien & Søn Travel** | Dún Laoghaire, Co. Dublin\\\n*Engineer* | *2018 – 2021*\n\n- Cut refunds.\n")
    assert (entry.organisation, entry.location) == ("O'Brien & Søn Travel", "Dún Laoghaire, Co. Dublin")


LINKED_NAMES = """# Ana Ruiz

ana@example.com

## Experience

[Acme Corp](https://acme.example) — Senior Engineer — 2020 – 2022

- Built the billing service used by 2 million customers.

## Certifications

- **[CKA](https://cncf.example/cka)**, CNCF | Remote | *2022*
- **CKAD**, [CNCF](https://cncf.example) | *2023*
- [CKS](https://cncf.example/cks), CNCF, 2024
- **AWS SA**, Amazon | *2021* | [verify](https://aws.example/v)
"""


def test_a_linked_name_or_organisation_is_read_as_that_field_and_written_back_linked() -> None:
    from src_support import module as load

    reader = load("resume")
    read = reader.parse_resume(LINKED_NAMES, "resume.md")
    fields = [(e.title, e.organisation, e.location, e.dates, e.link) for e in read.entries()]
    link = reader.Link
    assert fields == [
        ("Senior Engineer", "Acme Corp", "", "2020 – 2022", link("Acme Corp", "https://acme.example")),
        ("CKA", "CNCF", "Remote", "2022", link("CKA", "https://cncf.example/cka")),
        ("CKAD", "CNCF", "", "2023", link("CNCF", "https://cncf.example")),
        ("CKS", "CNCF", "", "2024", link("CKS", "https://cncf.example/cks")),
        ("AWS SA", "Amazon", "", "2021", link("verify", "https://aws.example/v")),  # a link that only points
    ]
    written = reader.write_resume(read)
    assert "- **[CKA](https://cncf.example/cka)**, CNCF | Remote | *2022*\n" in written
    assert "- **CKAD**, [CNCF](https://cncf.example) | *2023*\n" in written
    assert "- **AWS SA**, Amazon | *2021* | [verify](https://aws.example/v)\n" in written
    again = reader.parse_resume(written, "resume.md")
    assert [(e.title, e.organisation, e.location, e.dates, e.link) for e in again.entries()] == fields


@pytest.mark.parametrize(
    ("text", "names"),
    [("Initech", True), ("Amazon Web Services", True), ("Open Source Initiative", True), ("CKAD", True),
     ("verify", False), ("Live demo", False), ("Read the case study", False), ("github.com/ana", False), ("", False)],
)
def test_a_link_text_names_something_unless_every_word_only_points(text: str, names: bool) -> None:
    assert module("resume.fields").names_something(text) is names


@pytest.mark.parametrize(
    ("heading", "form"),
    [
        ("Experience", "`### Job Title`"),
        ("Volunteering", "`### Job Title`"),
        ("Projects", "`### Project Name | *Tech, Tech* | [example.com](https://example.com)`"),
    ],
)
def test_an_entry_section_without_entries_says_which_entry_line_to_write(heading: str, form: str) -> None:
    parsed = read(f"## {heading}\n\n- Enjoyed the work a lot.\n")
    assert [str(w) for w in parsed.warnings] == [
        f"resume.md:5: section '{heading}' has no `###` entries; write it as {form}"
    ]
    assert [b.text for b in parsed.sections[0].bullets] == ["Enjoyed the work a lot."]


def test_a_text_section_or_a_one_line_kind_without_entries_is_not_warned() -> None:
    for heading in ("Leadership", "Certifications", "Awards"):
        parsed = read(f"## {heading}\n\nMany, over the years.\n")
        assert parsed.warnings == () and parsed.sections[0].paragraphs == ("Many, over the years.",), heading


def _fields(parsed) -> list[tuple]:
    return [(e.kind, e.title, e.organisation, e.location, e.dates, e.line, e.one_line) for e in parsed.entries()]


@pytest.mark.parametrize(
    ("body", "entries"),
    [
        ("## Certifications\n\n**CKA**, CNCF | *2023*\n**AWS Solutions Architect**, Amazon | *2022*\n",
         [("credential", "CKA", "CNCF", "", "2023", 7, True),
          ("credential", "AWS Solutions Architect", "Amazon", "", "2022", 8, True)]),
        ("## Education\n\n**B.S. in Computer Science**, MIT | *2014 – 2018*\n"
         "**M.S. in Computer Science**, Stanford | *2018 – 2020*\n",
         [("degree", "B.S. in Computer Science", "MIT", "", "2014 – 2018", 7, True),
          ("degree", "M.S. in Computer Science", "Stanford", "", "2018 – 2020", 8, True)]),
        # "School, City" over "Degree | years": one entry over two lines, not two entries
        ("## Education\n\n**MIT**, Cambridge, MA\nB.S. in Computer Science | 2014 – 2018\n",
         [("degree", "B.S. in Computer Science", "MIT", "Cambridge, MA", "2014 – 2018", 7, True)]),
        ("## Publications\n\n**Fast Queues**, SIGMOD | *2021*\n",
         [("publication", "Fast Queues", "SIGMOD", "", "2021", 7, True)]),
    ],
)
def test_lines_of_a_paragraph_that_each_start_in_bold_are_one_line_entries(body: str, entries: list) -> None:
    parsed = read(body)
    assert _fields(parsed) == entries and parsed.warnings == ()


def test_a_paragraph_line_that_is_not_an_entry_makes_the_paragraph_one_entry_read_by_its_fields() -> None:
    parsed = read("## Awards\n\n**Hackathon winner**, HackMIT | *2019*\nSome plain sentence here.\n")
    assert _fields(parsed) == [("award", "Hackathon winner", "HackMIT", "", "2019", 7, False)]
    assert [str(w) for w in parsed.warnings] == [
        "resume.md:7: 'Some plain sentence here.' is not a title, organisation, place or date; kept as a paragraph",
        "resume.md:7: entry 'Hackathon winner, HackMIT | 2019 / Some plain sentence here.' read by its fields;"
        " write it as `### Job Title` then `**Organisation** | City, ST | *Month YYYY – Present*`",
    ]


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        ("**W. Zhang**, C. Finn. *Offline RL from Demonstrations*. NeurIPS 2022.",
         ("Offline RL from Demonstrations", "NeurIPS", "", "2022", ["W. Zhang, C. Finn"])),
        ("A. Author. *Fast Queues for Everyone*. SIGMOD, Seattle, WA, 2023.",
         ("Fast Queues for Everyone", "SIGMOD", "Seattle, WA", "2023", ["A. Author"])),
        ("A. Author, B. Author. “Scaling Event Stores.” *VLDB*, 2021.",
         ("Scaling Event Stores", "VLDB", "", "2021", ["A. Author, B. Author"])),
        ("2023 | “Title of the Talk Here”. J. Doe. PyCon US.",
         ("Title of the Talk Here", "PyCon US", "", "2023", ["J. Doe"])),
        ("J. Doe. *A Study of Log Compaction*. Tech report.",
         ("A Study of Log Compaction", "Tech report", "", "", ["J. Doe"])),
    ],
)
def test_a_citation_gives_its_title_venue_place_year_and_authors(line: str, fields: tuple) -> None:
    parsed = read(f"## Publications\n\n- {line}\n")
    assert [(e.title, e.organisation, e.location, e.dates, [b.text for b in e.bullets]) for e in parsed.entries()] == [
        fields
    ]
    assert parsed.warnings == ()


@pytest.mark.parametrize(
    ("place", "location"),
    [
        ("Saint-Étienne, Auvergne-Rhône-Alpes", "Saint-Étienne, Auvergne-Rhône-Alpes"),  # a region no table knows
        ("Ville Sur Mer, Haute Provence Côte", "Ville Sur Mer, Haute Provence Côte"),  # three words each at most
        ("Saint-Étienne, quelque part", "Saint-Étienne"),  # not capitalised: not a region
        ("Lyon, Rhône Alpes Auvergne Nord", "Lyon"),  # four words: not a region
    ],
)
def test_two_capitalised_names_after_the_organisation_are_one_place(place: str, location: str) -> None:
    entry = only_entry(f"## Experience\n\n### Engineer, Acme, {place} | 2020 – 2022\n\n- Cut costs by 40%.\n")
    assert (entry.title, entry.organisation, entry.location, entry.dates) == ("Engineer", "Acme", location, "2020 – 2022")
