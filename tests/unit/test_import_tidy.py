"""What an import writes more neatly than the source had it (importer.common.tidied)."""

from __future__ import annotations

from src_support import module

resume = module("resume")
common = module("importer.common")
TEXT = (
    "# Ana Silva\n\niOS Engineer\\\nLisbon, Portugal | +351 912 345 678 | ana@example.com\n\n"
    "## Skills\n\n- Swift\n- UIKit\n- **Tools:** Xcode, Fastlane\n- Combine\n"
)


def test_one_skill_a_line_becomes_one_line_and_the_tagline_the_role() -> None:
    tidy, notes = common.tidied(resume.parse_resume(TEXT))
    assert tidy.target_role == "iOS Engineer"
    assert [s.heading for s in tidy.sections] == ["Skills"]
    assert [(g.label, g.items) for g in tidy.sections[0].skills] == [
        ("", ("Swift", "UIKit")),
        ("Tools", ("Xcode", "Fastlane")),
        ("", ("Combine",)),
    ]
    assert tidy.phone == "+351 912 345 678" and "+351" not in resume.write_resume(tidy).split("---")[2]
    assert len(notes) == 2
    assert common.unplaced(tidy, lambda line: f"line {line}") == []


def test_a_role_in_the_front_matter_stays_and_the_line_stays_text() -> None:
    text = '---\ntarget_role: "Mobile Lead"\n---\n' + TEXT
    tidy, _ = common.tidied(resume.parse_resume(text))
    assert tidy.target_role == "Mobile Lead" and tidy.sections[0].paragraphs == ("iOS Engineer",)


JOBS = (
    "# Ana Silva\n\nana@example.com\n\n## {heading}\n\n### Engineer\n\n**Acme** | Lisbon | *{first}*\n\n- Did 3 things.\n\n"
    "### Intern\n\n**Globex** | Porto | *{second}*\n\n- Did 2 things.\n"
)


def tidy_dates(first: str, second: str) -> list[str]:
    text = JOBS.format(heading="Experience", first=first, second=second)
    return [entry.dates for entry in common.tidied(resume.parse_resume(text))[0].entries()]


def test_dates_written_more_than_one_way_are_written_out_one_way() -> None:
    assert tidy_dates("03/2021 – now", "Jun. 2019 - Feb 2021") == ["March 2021 – Present", "June 2019 – February 2021"]
    assert tidy_dates("2019–2021", "Summer 2018") == ["2019 – 2021", "2018"]


def test_near_miss_dates_already_written_one_way_stay_as_they_are() -> None:
    assert tidy_dates("Mar 2021 – Present", "Jun 2019 – Feb 2021") == ["Mar 2021 – Present", "Jun 2019 – Feb 2021"]
    assert tidy_dates("March 2021 – Present", "June 2019 – February 2021") == [
        "March 2021 – Present", "June 2019 – February 2021",
    ]


def test_a_heading_the_checks_would_not_take_becomes_its_kind_s() -> None:
    for heading, written in [("Work", "Experience"), ("Selected Experience", "Experience"), ("Work History", "Work History"),
                             ("Recognition", "Awards"), ("Honors & Awards", "Honors & Awards")]:
        text = JOBS.format(heading=heading, first="2021 – 2022", second="2019 – 2021")
        assert common.tidied(resume.parse_resume(text))[0].sections[0].heading == written, heading
