"""Three ways of writing a degree without `###`, each read into the same fields, written out by hand: dates on a
line of their own above the degree (a left date column), school over degree in one paragraph, and one degree per
line."""

from __future__ import annotations

import pytest
from src_support import module

resume = module("resume")

HEAD = "# Sam Lee\n\nsam@example.com\n\n## Education\n\n"


def read(body: str) -> tuple[list[tuple], list[str]]:
    parsed = resume.parse_resume(HEAD + body, "resume.md")
    fields = [(e.kind, e.title, e.organisation, e.location, e.dates, e.line, e.one_line, e.bullets, e.paragraphs)
              for e in parsed.entries()]
    return fields, [f"{w.line}: {w.message}" for w in parsed.warnings]


def test_dates_on_their_own_line_join_the_degree_below() -> None:
    assert read("2014 – 2018\n\n**BSc Computer Science**, University of Texas, Austin, TX\n") == (
        [("degree", "BSc Computer Science", "University of Texas", "Austin, TX", "2014 – 2018", 9, True, (), ())],
        [],
    )


def test_a_school_over_its_degree_is_one_entry_read_by_its_fields() -> None:
    assert read("**University of Texas**, Austin, TX\nBSc Computer Science | 2014 – 2018\n") == (
        [("degree", "BSc Computer Science", "University of Texas", "Austin, TX", "2014 – 2018", 7, False, (), ())],
        ["7: entry 'University of Texas, Austin, TX / BSc Computer Science | 20…' read by its fields; write it as"
         " `### Job Title` then `**Organisation** | City, ST | *Month YYYY – Present*`"],
    )


@pytest.mark.parametrize("gap", ["\n", "\n\n"], ids=["one paragraph", "two paragraphs"])
def test_one_degree_per_line_is_one_entry_each(gap: str) -> None:
    body = f"**BSc Computer Science**, University of Texas | 2018{gap}**MSc Computer Science**, Rice University | 2020\n"
    second = 8 if gap == "\n" else 9
    assert read(body) == (
        [("degree", "BSc Computer Science", "University of Texas", "", "2018", 7, True, (), ()),
         ("degree", "MSc Computer Science", "Rice University", "", "2020", second, True, (), ())],
        [],
    )
