"""Every detector of the ATS round-trip check fires on a PDF made to break its rule, and stays quiet on our
own layout (the near miss). Each broken PDF is our own template with one thing changed: the style (entry
spacing) or one line of resume.typ (bold headings, capitals, page numbers, the list marker, fields in one run).

The expected problem lines are written out by hand: a change to what the check reports fails here.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from src_support import FIXTURES, longer_senior, module

ats = module("ats")
pdf = module("pdf")
resume = module("resume")

SENIOR = resume.parse_resume((FIXTURES / "resumes" / "senior.md").read_text(encoding="utf-8"), "resume.md").public()
HEADING = 'let letters = upper(it.body)'
BOLD = 'weight: "bold", font: design.heading_font'
PAGE = "  numbering: none,\n  header: none,\n  footer: none,"


_RENDERED: dict[tuple, Path] = {}  # each broken PDF once per session (the check is what is under test)


def report(tmp_path: Path, edit: tuple[str, str] | None = None, style=pdf.DEFAULT_STYLE, source=SENIOR):
    """The check of `source` rendered with our template, `edit` (old, new) made to it first."""
    key = (edit, style)
    if key not in _RENDERED or not _RENDERED[key].is_file():
        template = tmp_path / "resume.typ"
        text = pdf.TEMPLATE.read_text(encoding="utf-8")
        if edit is not None:
            assert edit[0] in text, f"resume.typ no longer has {edit[0]!r}: update this test's edit"
            text = text.replace(*edit)
        template.write_text(text, encoding="utf-8")
        out = tmp_path / "resume.pdf"  # pytest keeps it for the session
        pdf.render_pdf(source, out, template=template, style=style)
        _RENDERED[key] = out
    return ats.check_pdf(_RENDERED[key], source)


def test_our_own_layout_passes_every_detector(tmp_path: Path) -> None:
    checked = report(tmp_path)
    assert checked.problems == []
    for passed in (
        "layout: no page numbers",
        "layout: heading 'Experience' is bold capitals",
        "spacing: entry 'Contoso Logistics' set apart",
        "spacing: entry 'Northwind Payments' evenly spaced",
        "pypdf: every bullet marker is next to its text",
        "fields: organisation 'Northwind Payments' is its own text item",
        "fields: dates 'March 2021 – Present' is its own text item",
    ):
        assert passed in checked.passed, passed


def _gap_lines(template: str, rows: list[tuple[int, str, str]]) -> list[str]:
    return [template.format(line=line, name=name, gap=gap) for line, name, gap in rows]


JOBS = [(24, "Northwind Payments"), (32, "Contoso Logistics"), (40, "Fabrikam Health"), (47, "Tailspin Toys"),
        (54, "Wide World Importers"), (60, "Adventure Works")]


def test_entries_that_run_together_are_reported(tmp_path: Path) -> None:
    tight = dataclasses.replace(pdf.DEFAULT_STYLE, entry_gap=pdf.DEFAULT_STYLE.pitch)
    rows = [(32, "Contoso Logistics", "12.0"), (40, "Fabrikam Health", "11.9"), (47, "Tailspin Toys", "11.9"),
            (54, "Wide World Importers", "11.9"), (60, "Adventure Works", "11.9"),
            (72, "Colorado State University", "11.9")]
    assert report(tmp_path, style=tight).problems == _gap_lines(
        "resume.md:{line}: entry '{name}' follows the previous one with a {gap} pt gap; over 16.8 pt is needed"
        " for parsers to see a new entry", rows
    )


def test_a_wide_gap_inside_an_entry_is_reported(tmp_path: Path) -> None:
    edit = ("    paragraphs(e.paragraphs)\n", "    paragraphs(e.paragraphs)\n    v(1.5em)\n")
    gaps = ["27.6", "27.7", "27.6", "27.6", "27.7", "27.6"]
    assert report(tmp_path, edit).problems == _gap_lines(
        "resume.md:{line}: a {gap} pt gap inside entry '{name}' (limit 16.8 pt) makes parsers split it in two",
        [(line, name, gap) for (line, name), gap in zip(JOBS, gaps)],
    )


HEADINGS = [(12, "Professional Summary"), (16, "Technical Skills"), (22, "Experience"), (66, "Education"),
            (76, "Certifications")]


@pytest.mark.parametrize(
    ("edit", "case"),
    [
        ((BOLD, 'weight: "regular", font: design.heading_font'), str.upper),  # capitals, not bold
        ((HEADING, "let letters = it.body"), str),  # bold, not capitals
    ],
)
def test_a_heading_that_is_not_bold_capitals_is_reported(tmp_path: Path, edit: tuple[str, str], case) -> None:
    assert report(tmp_path, edit).problems == [
        f"resume.md:{line}: layout: heading '{case(name)}' is not bold capitals; parsers may not see a section start"
        for line, name in HEADINGS
    ]


def test_a_page_number_is_reported(tmp_path: Path) -> None:
    problems = report(tmp_path, (PAGE, '  numbering: "1",\n  header: none,')).problems
    assert problems[0] == "layout: page number line(s) '1'; parsers read them as resume content"


def test_a_marker_set_apart_from_its_bullet_is_reported(tmp_path: Path) -> None:
    edit = ("#set list(indent: 0.35em, body-indent: 0.45em", "#set list(indent: 0.35em, body-indent: 4em")
    assert report(tmp_path, edit).problems == ["pdftotext: 12 bullet marker(s) '•' separated from their text"]


def test_fields_set_in_one_run_are_reported_as_merged(tmp_path: Path) -> None:
    edit = (
        "grid(columns: (1fr, auto), column-gutter: gutter, align: (start + bottom, end + bottom), first, second)",
        "[#first | #second]",
    )
    problems = report(tmp_path, edit).problems
    assert problems[:2] == [
        "resume.md:24: organisation 'Northwind Payments' is merged with its neighbours into one text item"
        " 'Northwind Payments | Chicago, IL'; a parser cannot read it as a separate field",
        "resume.md:24: location 'Chicago, IL' is merged with its neighbours into one text item"
        " 'Northwind Payments | Chicago, IL'; a parser cannot read it as a separate field",
    ]


def test_a_one_line_entry_s_linked_name_or_organisation_is_printed_once_and_reads_back(tmp_path: Path) -> None:
    from pypdf import PdfReader

    md = (
        "# Sam Lee\n\nsam@example.com\n\n## Certifications\n\n"
        "- **CKAD**, [CNCF](https://cncf.example) | *2023*\n"
        "- **[Terraform Associate](https://hashicorp.example/tf)**, HashiCorp | *2022*\n"
        "- **AWS SA**, Amazon | *2021* | [verify](https://aws.example/v)\n"
    )
    source = resume.parse_resume(md, "resume.md")
    out = tmp_path / "linked.pdf"
    pdf.render_pdf(source, out)
    reader = PdfReader(out)
    text = reader.pages[0].extract_text()
    assert text.count("CNCF") == 1 and text.count("Terraform Associate") == 1 and text.count("verify") == 1
    links = sorted(annot.get_object()["/A"]["/URI"] for annot in reader.pages[0]["/Annots"])
    assert links == ["https://aws.example/v", "https://cncf.example", "https://hashicorp.example/tf", "mailto:sam@example.com"]
    assert ats.check_pdf(out, source).problems == []


def _with_bullets(change) -> object:
    """SENIOR with each entry's bullets passed through `change(entry_bullets) -> new bullets`."""
    sections = tuple(
        dataclasses.replace(section, entries=tuple(
            dataclasses.replace(entry, bullets=tuple(change(entry.bullets))) for entry in section.entries))
        for section in SENIOR.sections
    )
    return dataclasses.replace(SENIOR, sections=sections)


def _retext(texts: dict[int, str]):
    return lambda bullets: [dataclasses.replace(b, text=texts.get(b.line, b.text)) for b in bullets]


def test_a_bullet_the_pdf_lacks_is_reported_with_where_it_breaks_or_as_lost(tmp_path: Path) -> None:
    """The PDF is SENIOR's; the model it is checked against says something else, as when text is lost."""
    report(tmp_path)
    texts = {
        37: "Reduced failed deliveries by 17% by adding weather data too.",
        38: "Mentored nobody.",
        44: "Ran the on-call rota for two whole years.",  # eight words: shown whole
        45: "Wrote a HIPAA audit-log pipeline that processed 30 million events a day with zero data loss in 18 years.",
    }
    checked = ats.check_pdf(_RENDERED[(None, pdf.DEFAULT_STYLE)], _with_bullets(_retext(texts)))
    assert [p for p in checked.problems if ": pypdf: " in p] == [
        "resume.md:37: pypdf: bullet 'Reduced failed deliveries by 17% by adding weather …' is not whole in the"
        " PDF text (it breaks after '• Reduced failed deliveries by 17% by adding')",
        "resume.md:38: pypdf: bullet 'Mentored nobody.' is not whole in the PDF text (it breaks after '• Mentored')",
        "resume.md:44: pypdf: bullet 'Ran the on-call rota for two whole years.' is not whole in the PDF text (lost)",
        "resume.md:45: pypdf: bullet 'Wrote a HIPAA audit-log pipeline that processed 30 …' is not whole in the PDF"
        " text (it breaks after '• Wrote a HIPAA audit-log pipeline that processed 30 million events a …')",
    ]
    assert len(checked.problems) == 12 and {p.split(": ")[1] for p in checked.problems} == {
        "pypdf", "layout", "pdftotext"}
    assert checked.summary() == (
        f"ATS check failed: 12 problem(s) in {_RENDERED[(None, pdf.DEFAULT_STYLE)]} (pypdf, layout, pdftotext)"
    )


def test_a_bullet_out_of_order_or_without_its_marker_is_reported(tmp_path: Path) -> None:
    report(tmp_path)
    swapped = _with_bullets(lambda bullets: (
        [dataclasses.replace(bullets[1], line=36), dataclasses.replace(bullets[0], line=37), *bullets[2:]]
        if bullets and bullets[0].line == 36 else bullets))
    checked = ats.check_pdf(_RENDERED[(None, pdf.DEFAULT_STYLE)], swapped)
    assert [p for p in checked.problems if ": pypdf: " in p] == [
        "resume.md:37: pypdf: bullet 'Designed a route-planning service in Go that handled …' is out of order",
    ]
    tail = _with_bullets(_retext({37: "by adding real-time traffic data to the dispatch model."}))
    checked = ats.check_pdf(_RENDERED[(None, pdf.DEFAULT_STYLE)], tail)
    assert [p for p in checked.problems if ": pypdf: " in p] == [
        "resume.md:37: pypdf: bullet marker separated from 'by adding real-time traffic data to the dispatch …'",
    ]


def test_the_summary_of_a_passing_check_counts_its_checks(tmp_path: Path) -> None:
    checked = report(tmp_path)
    assert checked.summary() == (
        f"ATS check passed: 142 checks on {_RENDERED[(None, pdf.DEFAULT_STYLE)]} (pypdf, layout, pdftotext)"
    )


def _with_entry(line: int, **fields):
    """SENIOR with the entry at `line` given these fields."""
    sections = tuple(
        dataclasses.replace(section, entries=tuple(
            dataclasses.replace(entry, **fields) if entry.line == line else entry for entry in section.entries))
        for section in SENIOR.sections
    )
    return dataclasses.replace(SENIOR, sections=sections)


@pytest.mark.parametrize(
    ("organisation", "problem", "read_as"),
    [
        ("Contoso Freight", "organisation 'Contoso Freight' was lost from the PDF", ""),
        ("Denver", "organisation 'Denver' is merged with its neighbours into one text item 'Denver, CO'; a parser"
         " cannot read it as a separate field", "Denver, CO"),
        ("route-planning service", "organisation 'route-planning service' is merged with its neighbours into one"
         " text item '• Designed a route-planning service in Go that handled 8,000 requests per second with …';"
         " a parser cannot read it as a separate field",
         "• Designed a route-planning service in Go that handled 8,000 requests per second with 99.95% availability"),
        # only in an earlier entry's bullet: that is the item named
        ("fraud-scoring path", "organisation 'fraud-scoring path' is merged with its neighbours into one text item"
         " '• Cut p99 checkout latency from 900 ms to 240 ms by redesigning the …'; a parser cannot read it as a"
         " separate field",
         "• Cut p99 checkout latency from 900 ms to 240 ms by redesigning the fraud-scoring path around an async"),
        # the very first item of the page (the name) comes before this entry
        ("María-José Núñez O'Connor", "organisation 'María-José Núñez O'Connor' is out of order: it comes before"
         " the previous entry's fields", "María-José Núñez O'Connor"),
    ],
)
def test_a_field_not_found_in_place_is_told_lost_merged_or_out_of_order(
    tmp_path: Path, organisation: str, problem: str, read_as: str
) -> None:
    report(tmp_path)
    checked = ats.check_pdf(_RENDERED[(None, pdf.DEFAULT_STYLE)], _with_entry(32, organisation=organisation))
    assert [p for p in checked.problems if p.startswith("resume.md:32: organisation")] == [f"resume.md:32: {problem}"]
    assert [(f.value, f.read_as, f.problem) for f in checked.fields
            if f.where == "resume.md:32" and f.label == "organisation"] == [(organisation, read_as, problem)]


def test_each_reader_finds_the_name_email_contact_headings_and_summary(tmp_path: Path) -> None:
    checked = report(tmp_path)
    for reader in ("pypdf", "layout", "pdftotext"):
        assert [p for p in checked.passed if p.startswith(f"{reader}: ") and " bullet " not in p][:15] == [
            f"{reader}: name found",
            f"{reader}: email found",
            f"{reader}: contact 'Chicago, IL'",
            f"{reader}: contact '+1 (312) 555-0142'",
            f"{reader}: contact 'github.com/mjnunez'",
            f"{reader}: contact 'mjnunez.dev'",
            f"{reader}: heading 'Professional Summary' in order",
            f"{reader}: heading 'Technical Skills' in order",
            f"{reader}: heading 'Experience' in order",
            f"{reader}: heading 'Education' in order",
            f"{reader}: heading 'Certifications' in order",
            f"{reader}: paragraph of 'Professional Summary'",
            f"{reader}: skills 'Languages'",
            f"{reader}: skills 'Data'",
            f"{reader}: skills 'Infrastructure'",
        ]


def test_a_name_email_or_contact_the_pdf_lacks_is_reported(tmp_path: Path) -> None:
    report(tmp_path)
    contact = tuple(
        dataclasses.replace(item, text={"email": "maria@example.org", "website": "nunezm.dev"}.get(item.kind, item.text))
        for item in SENIOR.contact
    )
    checked = ats.check_pdf(_RENDERED[(None, pdf.DEFAULT_STYLE)], dataclasses.replace(SENIOR, name="Ana Ruiz", contact=contact))
    assert [p for p in checked.problems if p.startswith("pypdf: ")] == [
        "pypdf: the name 'Ana Ruiz' is not in the PDF text",
        "pypdf: the email 'maria@example.org' is not in the PDF text",
        "pypdf: contact item 'nunezm.dev' is missing",
    ]
    nameless = ats.check_pdf(_RENDERED[(None, pdf.DEFAULT_STYLE)], dataclasses.replace(SENIOR, name=""))
    assert "pypdf: the name '' is not in the PDF text" in nameless.problems


def test_lines_join_with_a_space_except_between_two_cjk_characters() -> None:
    assert ats.joined_lines([]) == ""
    assert ats.joined_lines(["Senior", "Engineer"]) == "Senior Engineer"
    assert ats.joined_lines(["東京で", "働く"]) == "東京で働く"
    assert ats.joined_lines(["東京", "Tokyo", "東京"]) == "東京 Tokyo 東京"
    assert ats.joined_lines(["東A東", "京"]) == "東A東京"  # the last character decides, not the ones before


def _with_sections(change):
    return dataclasses.replace(SENIOR, sections=tuple(change(list(SENIOR.sections))))


def _retitled(headings: dict[str, str]):
    return lambda sections: [dataclasses.replace(s, heading=headings.get(s.heading, s.heading)) for s in sections]


def test_a_heading_out_of_order_not_alone_or_lost_is_reported(tmp_path: Path) -> None:
    report(tmp_path)
    pdf_file = _RENDERED[(None, pdf.DEFAULT_STYLE)]
    lines = {s.heading: s.line for s in SENIOR.sections}
    swapped = _with_sections(lambda sections: [sections[0], sections[1], sections[3], sections[2], *sections[4:]])
    assert [p for p in ats.check_pdf(pdf_file, swapped).problems if ": pypdf: heading" in p] == [
        f"resume.md:{lines['Experience']}: pypdf: heading 'Experience' is out of order in the PDF text",
    ]
    renamed = _with_sections(_retitled({"Professional Summary": "Professional", "Education": "Hobbies"}))
    assert [p for p in ats.check_pdf(pdf_file, renamed).problems if ": pypdf: heading" in p] == [
        f"resume.md:{lines['Professional Summary']}: pypdf: heading 'Professional' is not alone on its line",
        f"resume.md:{lines['Education']}: pypdf: heading 'Hobbies' was lost",
    ]
    assert "layout: heading 'Certifications' is bold capitals" in ats.check_pdf(pdf_file, renamed).passed


def test_a_section_without_a_heading_is_skipped_and_the_rest_still_checked(tmp_path: Path) -> None:
    report(tmp_path)
    headless = _with_sections(_retitled({"Professional Summary": ""}))
    checked = ats.check_pdf(_RENDERED[(None, pdf.DEFAULT_STYLE)], headless)
    assert [p for p in checked.passed if p.startswith("pypdf: heading")] == [
        "pypdf: heading 'Technical Skills' in order",
        "pypdf: heading 'Experience' in order",
        "pypdf: heading 'Education' in order",
        "pypdf: heading 'Certifications' in order",
    ]
    assert [p for p in checked.passed if p.endswith("is bold capitals")] == [
        f"layout: heading '{h}' is bold capitals" for h in ("Technical Skills", "Experience", "Education", "Certifications")
    ]


def test_a_paragraph_or_skills_line_not_whole_is_reported(tmp_path: Path) -> None:
    report(tmp_path)

    def edit(sections):
        summary, skills, *rest = sections
        groups = [dataclasses.replace(skills.skills[0], items=("Go", "Java", "Haskell")), skills.skills[1],
                  dataclasses.replace(skills.skills[2], label="")]
        return [dataclasses.replace(summary, paragraphs=("Backend engineer who ships payments at scale.",)),
                dataclasses.replace(skills, skills=tuple(groups)), *rest]

    checked = ats.check_pdf(_RENDERED[(None, pdf.DEFAULT_STYLE)], _with_sections(edit))
    summary, skills = SENIOR.sections[0], SENIOR.sections[1]
    assert [p for p in checked.problems if ": pypdf: " in p] == [
        f"resume.md:{summary.line}: pypdf: paragraph 'Backend engineer who ships payments at scale.' is not whole",
        f"resume.md:{skills.skills[0].line}: pypdf: skills line 'Languages: Go, Java, Haskell' is not whole",
    ]
    # a group without its label reads as its items alone, which the PDF has
    assert "pypdf: skills ''" in checked.passed


def test_every_field_of_every_entry_is_read_back_as_written(tmp_path: Path) -> None:
    job = lambda line, organisation, location, title, dates: [  # noqa: E731
        (f"resume.md:{line}", "organisation", organisation), (f"resume.md:{line}", "location", location),
        (f"resume.md:{line}", "title", title), (f"resume.md:{line}", "dates", dates),
    ]
    expected = [
        *job(24, "Northwind Payments", "Chicago, IL", "Staff Software Engineer", "March 2021 – Present"),
        *job(32, "Contoso Logistics", "Denver, CO", "Senior Software Engineer", "Jan 2018 – Feb 2021"),
        *job(40, "Fabrikam Health", "Denver, CO", "Software Engineer II", "Jun 2015 – Dec 2017"),
        *job(47, "Tailspin Toys", "Boulder, CO", "Software Engineer", "Aug 2013 – May 2015"),
        *job(54, "Wide World Importers", "Boulder, CO", "Junior Developer", "Jul 2012 – Jul 2013"),
        *job(60, "Adventure Works", "Fort Collins, CO", "Software Engineering Intern", "May 2011 – Aug 2011"),
        *job(68, "University of Colorado Boulder", "Boulder, CO", "M.S. in Computer Science", "Aug 2011 – May 2013"),
        *job(72, "Colorado State University", "Fort Collins, CO", "B.S. in Computer Engineering", "Aug 2007 – May 2011"),
        ("resume.md:78", "name", "AWS Certified Solutions Architect – Professional"), ("resume.md:78", "dates", "2022"),
        ("resume.md:79", "name", "Certified Kubernetes Administrator"), ("resume.md:79", "dates", "2021"),
    ]
    checked = report(tmp_path)
    assert [(f.where, f.label, f.value, f.read_as, f.problem) for f in checked.fields] == [
        (*field, field[2], "") for field in expected
    ]


def _rendered(tmp_path: Path, source, edit: tuple[str, str] | None = None) -> Path:
    """`source` rendered with our template (`edit` made to it first), outside report()'s cache."""
    template = tmp_path / "own.typ"
    text = pdf.TEMPLATE.read_text(encoding="utf-8")
    template.write_text(text.replace(*edit) if edit else text, encoding="utf-8")
    out = tmp_path / "own.pdf"
    pdf.render_pdf(source, out, template=template)
    return out


def test_a_wide_gap_inside_the_last_entry_of_the_page_is_reported_too(tmp_path: Path) -> None:
    jobs_only = dataclasses.replace(SENIOR, sections=tuple(s for s in SENIOR.sections if s.heading not in (
        "Education", "Certifications")))
    edit = ("    paragraphs(e.paragraphs)\n", "    paragraphs(e.paragraphs)\n    v(1.5em)\n")
    problems = ats.check_pdf(_rendered(tmp_path, jobs_only, edit), jobs_only).problems
    assert problems[-1] == (
        "resume.md:60: a 27.6 pt gap inside entry 'Adventure Works' (limit 16.8 pt) makes parsers split it in two"
    )


def test_the_same_bullet_twice_is_read_twice_in_order(tmp_path: Path) -> None:
    text = (FIXTURES / "resumes" / "senior.md").read_text(encoding="utf-8")
    twice = "- Rewrote 40 slow SQL reports, bringing the median report time from 45 s to 3 s."
    text = text.replace("- Wrote a Python tool that cut manual QA data entry by 10 hours a week for a 6-person team.", twice)
    source = resume.parse_resume(text, "resume.md").public()
    checked = ats.check_pdf(_rendered(tmp_path, source), source)
    assert checked.problems == []
    lines = [b.line for b in source.all_bullets()]
    assert [p for p in checked.passed if p.startswith("pypdf: bullet line")] == [
        f"pypdf: bullet line {line} whole and in order" for line in lines
    ]
    assert lines == [28, 29, 30, 36, 37, 38, 44, 45, 51, 52, 58, 64]


def test_an_entry_whose_name_and_title_are_both_lost_is_reported_and_the_next_one_still_read(tmp_path: Path) -> None:
    report(tmp_path)
    lost = _with_entry(32, organisation="Contoso Freight", title="Principal Engineer")
    checked = ats.check_pdf(_RENDERED[(None, pdf.DEFAULT_STYLE)], lost)
    assert [p for p in checked.problems if p.startswith("resume.md:32: ") and "was lost" in p] == [
        "resume.md:32: organisation 'Contoso Freight' was lost from the PDF",
        "resume.md:32: title 'Principal Engineer' was lost from the PDF",
    ]
    assert [f.ok for f in checked.fields if f.where == "resume.md:47"] == [True, True, True, True]


LONG_NAME = "Northwind Payments and Settlement Services International Holdings Corporation of the Greater Chicago Area"


def test_an_organisation_that_wraps_onto_a_second_line_still_reads_as_one_field(tmp_path: Path) -> None:
    text = (FIXTURES / "resumes" / "senior.md").read_text(encoding="utf-8")
    source = resume.parse_resume(text.replace("**Northwind Payments**", f"**{LONG_NAME}**"), "resume.md").public()
    checked = ats.check_pdf(_rendered(tmp_path, source), source)
    assert checked.problems == []
    assert [(f.label, f.read_as) for f in checked.fields if f.where == "resume.md:24"] == [
        ("organisation", LONG_NAME), ("location", "Chicago, IL"), ("title", "Staff Software Engineer"),
        ("dates", "March 2021 – Present"),
    ]


def test_a_field_that_only_begins_like_an_item_is_not_that_item(tmp_path: Path) -> None:
    report(tmp_path)
    checked = ats.check_pdf(_RENDERED[(None, pdf.DEFAULT_STYLE)], _with_entry(32, organisation="Contoso Logistics Group"))
    assert [p for p in checked.problems if p.startswith("resume.md:32: organisation")] == [
        "resume.md:32: organisation 'Contoso Logistics Group' was lost from the PDF",
    ]


def test_a_project_s_name_tech_and_dates_are_each_read_back(tmp_path: Path) -> None:
    text = (FIXTURES / "resumes" / "new_grad.md").read_text(encoding="utf-8").replace(
        "### Campus Ride Share | *React, Node.js, PostgreSQL*",
        "### Campus Ride Share | *React, Node.js, PostgreSQL* | Jan 2024 – Mar 2024",
    )
    source = resume.parse_resume(text, "resume.md").public()
    checked = ats.check_pdf(_rendered(tmp_path, source), source)
    assert checked.problems == []
    assert [(f.where, f.label, f.read_as) for f in checked.fields if f.where in ("resume.md:30", "resume.md:35")] == [
        ("resume.md:30", "project", "Campus Ride Share"), ("resume.md:30", "tech", "React, Node.js, PostgreSQL"),
        ("resume.md:30", "dates", "Jan 2024 – Mar 2024"),
        ("resume.md:35", "project", "Compiler for a Toy Language"), ("resume.md:35", "tech", "C++, LLVM"),
    ]


def test_a_bullet_whose_start_is_only_before_its_place_is_lost_not_broken(tmp_path: Path) -> None:
    """Bullet 38 now begins like bullet 36 above it: the prefix is looked for after the bullets already read."""
    report(tmp_path)
    texts = {38: "Designed a route-planning service in Go that handled 8,000 requests per day."}
    checked = ats.check_pdf(_RENDERED[(None, pdf.DEFAULT_STYLE)], _with_bullets(_retext(texts)))
    assert [p for p in checked.problems if ": pypdf: " in p] == [
        "resume.md:38: pypdf: bullet 'Designed a route-planning service in Go that handled …' is not whole in the PDF"
        " text (lost)",
    ]


def test_a_short_bullet_read_after_the_long_one_it_precedes_is_out_of_order(tmp_path: Path) -> None:
    report(tmp_path)
    short, long = (b for b in next(e for e in SENIOR.entries() if e.line == 40).bullets)
    assert len(short.text) < len(long.text)  # the PDF has the shorter one first
    swapped = _with_bullets(lambda bullets: (
        [dataclasses.replace(long, line=44), dataclasses.replace(short, line=45)]
        if bullets and bullets[0].line == 44 else bullets))
    checked = ats.check_pdf(_RENDERED[(None, pdf.DEFAULT_STYLE)], swapped)
    assert [p for p in checked.problems if ": pypdf: " in p] == [
        "resume.md:45: pypdf: bullet 'Migrated a monolithic billing system to 12 Java …' is out of order",
    ]


def test_an_unlabelled_skills_line_in_the_pdf_reads_back_as_its_items(tmp_path: Path) -> None:
    def unlabel(sections):
        summary, skills, *rest = sections
        groups = (*skills.skills[:2], dataclasses.replace(skills.skills[2], label=""))
        return [summary, dataclasses.replace(skills, skills=groups), *rest]

    source = _with_sections(unlabel)
    checked = ats.check_pdf(_rendered(tmp_path, source), source)
    assert checked.problems == [] and "pypdf: skills ''" in checked.passed


def test_every_page_number_is_named(tmp_path: Path) -> None:  # rendered without the fit: three pages
    source = resume.parse_resume(longer_senior(40, front="pages: 2\n"), "resume.md").public()
    pdf_file = _rendered(tmp_path, source, (PAGE, '  numbering: "1",\n  header: none,'))
    assert ats.check_pdf(pdf_file, source).problems[0] == (
        "layout: page number line(s) '1', '2', '3'; parsers read them as resume content"
    )
