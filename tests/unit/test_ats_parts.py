"""The ATS check's parts on text items laid out by hand (no PDF): where a field that wraps in its column ends,
the line pitch, the labels of a one-line entry's fields, the order of headings, and the spacing rules at their
limits. Each case is made for one rule and has its near miss beside it."""

from __future__ import annotations

from pathlib import Path

import pytest
from src_support import module

resume = module("resume")
ats = module("ats")
TextItem = module("pdf_reading").TextItem


def item(text: str, x0: float, top: float) -> TextItem:
    return TextItem(text, x0, x0 + 6 * len(text), top, 1)


# --------------------------------------------------------------------------- a field wrapping in its column

START, REST, TAIL = "Northwind Payments and", "Settlement Services of the", "Greater Chicago Area"
WHOLE = f"{START} {REST} {TAIL}"


@pytest.mark.parametrize(
    ("items", "value", "expected"),
    [
        ([item(START, 40, 100), item(REST, 40, 112), item(TAIL, 40, 124)], WHOLE, True),  # three lines
        ([item(START, 40, 100), item(REST, 40, 112)], WHOLE, False),  # the column ends first
        ([item(START, 40, 100), item("Chicago, IL", 400, 100), item(REST, 40, 112)], f"{START} {REST}", True),
        ([item(START, 40, 100), item("2021 – 2024", 400, 112), item(REST, 40, 112)], f"{START} {REST}", True),
        ([item(START, 40, 100), item(REST, 42, 112)], f"{START} {REST}", True),  # 2 pt is still the column
        ([item(START, 40, 100), item(REST, 42.5, 112)], f"{START} {REST}", False),  # past 2 pt: another one
        ([item(START, 40, 100), item(REST, 40, 100)], f"{START} {REST}", False),  # the same line is no wrap
        ([item(START, 40, 100), item("Payments", 40, 112)], f"{START} {REST}", False),  # goes on differently
        ([item("Northwind", 40, 100)], START, False),
    ],
    ids=["three lines", "column ends early", "same line, other column", "next line, other column first",
         "two points in", "two and a half points in", "same line", "different words", "only the start"],
)
def test_a_field_is_read_on_the_next_lines_of_its_column_only(items: list, value: str, expected: bool) -> None:
    assert ats._matches_at(items, 0, value) is expected


def test_a_field_looks_only_below_itself_and_forty_items_on() -> None:
    below_first = [item(REST, 40, 112), item(START, 40, 100)]  # reading order is not always top to bottom
    assert ats._matches_at(below_first, 1, f"{START} {REST}") is False
    far = [item(START, 40, 100), *(item(f"cell {n}", 400, 100) for n in range(39)), item(REST, 40, 112)]
    assert ats._matches_at(far, 0, f"{START} {REST}") is False  # the 40th item on is not looked at
    near = far[:1] + far[2:]
    assert ats._matches_at(near, 0, f"{START} {REST}") is True


# --------------------------------------------------------------------------- line pitch


@pytest.mark.parametrize(
    ("gaps", "pitch"),
    [
        ([12, 12, 20, 20, 20], 12),  # the smallest that recurs, not the commonest
        ([12.2, 11.9, 30], 12),  # to the half point
        ([14, 12, 30], 12),  # none recurs: the smallest
    ],
)
def test_the_line_pitch_is_the_smallest_recurring_gap(gaps: list[float], pitch: float) -> None:
    assert ats._line_pitch(gaps) == pitch


# --------------------------------------------------------------------------- one-line entries' labels


def test_a_one_line_entry_s_fields_are_named_for_what_they_are() -> None:
    md = "# Sam Lee\n\nsam@example.com\n\n## Certifications\n\n- **AWS Developer**, Amazon, Seattle, WA | *2022*\n"
    sam = resume.parse_resume(md, "resume.md")
    entry = sam.sections[0].entries[0]
    assert ats._entry_fields(entry) == [
        ("name", "AWS Developer"), ("organisation", "Amazon"), ("location", "Seattle, WA"), ("dates", "2022"),
    ]


# --------------------------------------------------------------------------- headings in order

TWO_SECTIONS = resume.parse_resume(
    "# Sam Lee\n\nsam@example.com\n\n## Skills\n\nGo, SQL\n\n## Projects\n\nShipped things.\n", "resume.md"
)


@pytest.mark.parametrize(
    ("lines", "problems"),
    [
        (["Sam Lee", "Skills", "Go, SQL", "Projects"], []),
        (["Sam Lee", "Skills", "Projects"], []),  # the next heading on the very next line
        (["Projects", "Skills", "Go, SQL"], ["resume.md:9: layout: heading 'Projects' is out of order in the PDF text"]),
        (["Skills", "Go, SQL", "Projects:"], ["resume.md:9: layout: heading 'Projects' is not alone on its line"]),
    ],
    ids=["in order", "adjacent", "the second first", "not alone"],
)
def test_each_heading_is_looked_for_after_the_one_before(lines: list[str], problems: list[str]) -> None:
    report = ats.AtsReport(Path("resume.pdf"))
    ats._check_headings(report, "layout", lines, TWO_SECTIONS)
    assert report.problems == problems


# --------------------------------------------------------------------------- spacing at its limits

JOBS = resume.parse_resume(
    "# Sam Lee\n\nsam@example.com\n\n## Experience\n\n"
    "### Engineer\n\n**Initech** | *2020 – 2024*\n\n- Cut costs by 30%.\n- Led 4 people.\n\n"
    "### Analyst\n\n**Globex** | *2018 – 2020*\n\n- Wrote 12 reports.\n",
    "resume.md",
)
ENGINEER, ANALYST = JOBS.entries()


def spacing_problems(tops: list[float], starts: list[tuple[object, float]]) -> list[str]:
    """The spacing check over one item per line at `tops` (10 pt pitch between most of them)."""
    report = ats.AtsReport(Path("resume.pdf"))
    ats._check_spacing(report, [item(f"line {n}", 40, top) for n, top in enumerate(tops)], starts, JOBS)
    return report.problems


def test_a_gap_of_exactly_the_limit_inside_an_entry_is_allowed_and_a_wider_one_is_not() -> None:
    # pitch 10 (recurring), limit 14.0: the gap after the entry's first line is at the limit, then over it
    assert spacing_problems([100, 114, 124, 134, 160, 170], [(ENGINEER, 100), (ANALYST, 160)]) == []
    assert spacing_problems([100, 114.5, 124.5, 134.5, 160, 170], [(ENGINEER, 100), (ANALYST, 160)]) == [
        "resume.md:7: a 14.5 pt gap inside entry 'Initech' (limit 14.0 pt) makes parsers split it in two",
    ]


def test_an_entry_must_be_set_apart_by_more_than_the_limit() -> None:
    # no heading among the items: the second entry is the second boundary, and the gap before it is checked
    assert spacing_problems([100, 110, 120, 130, 144, 154, 164], [(ENGINEER, 100), (ANALYST, 144)]) == [
        "resume.md:14: entry 'Globex' follows the previous one with a 14.0 pt gap; over 14.0 pt is needed for"
        " parsers to see a new entry",
    ]
    assert spacing_problems([100, 110, 120, 130, 144.5, 154.5, 164.5], [(ENGINEER, 100), (ANALYST, 144.5)]) == []


# --------------------------------------------------------------------------- where an entry's fields are looked for

MIXED = resume.parse_resume(
    "# Sam Lee\n\nsam@example.com\n\n## Experience\n\n"
    "### Engineer\n\n**Initech** | *2020 – 2024*\n\n- Hired 5 Remote engineers.\n\n"
    "### Contract Developer\n\n**Globex** | Remote | *2018 – 2020*\n\n- Wrote 12 tools in Go, Redis.\n\n"
    "## Projects\n\n### Loom | *Go, Redis* | *2021*\n\n- Served 3 teams.\n",
    "resume.md",
)


def fields_read(items: list[TextItem], source=MIXED) -> list[tuple[str, str, str, str]]:
    report = ats.AtsReport(Path("resume.pdf"))
    ats._check_fields(report, items, source)
    return [(f.where, f.label, f.read_as, f.problem.split(" '")[0]) for f in report.fields]


def test_a_merged_field_is_named_by_the_item_after_its_entry_s_title_not_an_earlier_bullet() -> None:
    items = [
        item("Initech", 40, 100), item("Engineer", 40, 110), item("2020 – 2024", 400, 110),
        item("• Hired 5 Remote engineers.", 40, 120),
        # the organisation is not printed, and the place and dates are one item
        item("Contract Developer", 40, 140), item("Remote | 2018 – 2020", 400, 140),
        item("• Wrote 12 tools in Go, Redis.", 40, 150),
        item("Loom", 40, 170), item("Go, Redis | 2021", 200, 170),  # the project's tech and dates in one
        item("• Served 3 teams.", 40, 180),
    ]
    assert fields_read(items) == [
        ("resume.md:7", "organisation", "Initech", ""),
        ("resume.md:7", "title", "Engineer", ""),
        ("resume.md:7", "dates", "2020 – 2024", ""),
        ("resume.md:13", "organisation", "", "organisation"),
        ("resume.md:13", "location", "Remote | 2018 – 2020", "location"),
        ("resume.md:13", "title", "Contract Developer", ""),
        ("resume.md:13", "dates", "Remote | 2018 – 2020", "dates"),
        ("resume.md:21", "project", "Loom", ""),
        ("resume.md:21", "tech", "Go, Redis | 2021", "tech"),
        ("resume.md:21", "dates", "Go, Redis | 2021", "dates"),
    ]


def test_the_next_entry_is_looked_for_after_the_last_field_of_this_one() -> None:
    same_place = resume.parse_resume(
        "# Sam Lee\n\nsam@example.com\n\n## Experience\n\n"
        "### Engineer\n\n**Initech** | Austin, TX | *2020 – 2024*\n\n- Led 4 people.\n\n"
        "### Intern\n\n**Initech** | Austin, TX | *2019*\n\n- Wrote 12 tools.\n",
        "resume.md",
    )
    items = [
        item("Initech", 40, 100), item("Austin, TX", 400, 100), item("Engineer", 40, 110),
        item("2020 – 2024", 400, 110), item("• Led 4 people.", 40, 120),
        item("Intern", 40, 140), item("2019", 400, 140),  # this entry's organisation and place are not printed
        item("• Wrote 12 tools.", 40, 150),
    ]
    assert fields_read(items, same_place) == [
        ("resume.md:7", "organisation", "Initech", ""),
        ("resume.md:7", "location", "Austin, TX", ""),
        ("resume.md:7", "title", "Engineer", ""),
        ("resume.md:7", "dates", "2020 – 2024", ""),
        ("resume.md:13", "organisation", "Initech", "organisation"),
        ("resume.md:13", "location", "Austin, TX", "location"),
        ("resume.md:13", "title", "Intern", ""),
        ("resume.md:13", "dates", "2019", ""),
    ]


def test_an_entry_with_the_same_title_as_the_one_before_starts_at_its_own_line() -> None:
    two_engineers = resume.parse_resume(
        "# Sam Lee\n\nsam@example.com\n\n## Experience\n\n"
        "### Engineer\n\n**Initech** | *2020 – 2024*\n\n- Led 4 people.\n\n"
        "### Engineer\n\n**Globex** | *2018 – 2020*\n\n- Wrote 12 tools.\n",
        "resume.md",
    )
    items = [
        item("Initech", 40, 100), item("Engineer", 40, 110), item("2020 – 2024", 400, 110),
        item("• Led 4 people.", 40, 120),
        item("Globex", 40, 140), item("Engineer", 40, 150), item("2018 – 2020", 400, 150),
        item("• Wrote 12 tools.", 40, 160),
    ]
    report = ats.AtsReport(Path("resume.pdf"))
    first, second = two_engineers.entries()
    assert ats._check_fields(report, items, two_engineers) == [(first, 100), (second, 140)]
    assert report.problems == []
