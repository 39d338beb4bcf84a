"""The match report of a hand-written posting against senior.md, pinned line by line, with the near misses
each rule of the posting reader must not fall for (the employer's blurb, a "not required" clause)."""

from __future__ import annotations

import json

from src_support import FIXTURES, module

resume = module("resume")
match = module("match")

SENIOR = resume.parse_resume((FIXTURES / "resumes" / "senior.md").read_text(encoding="utf-8"), "resume.md").public()
POSTING = """Senior Backend Engineer

About us: we are a fintech that uses Salesforce internally.

Requirements:
- 5+ years with Go or Java, and PostgreSQL
- Kubernetes and Terraform in production
- Experience with Kafka event streaming

Nice to have:
- Rust
- GraphQL APIs

No AWS experience is required.
"""


def test_the_report_in_full() -> None:
    assert match.match_text(POSTING, SENIOR, posting_name="posting.txt").to_text() == "\n".join(
        [
            "Job posting: posting.txt: 9 skills and terms recognised",
            "Coverage: 6/9 (67%) · required 6/6 · preferred 0/3",
            "",
            "In your resume (6):",
            "  Go                           required  ×1 resume.md:18,36",
            "  Java                         required  ×1 resume.md:18,44",
            "  Kafka                        required  ×1 resume.md:19,29",
            "  Kubernetes                   required  ×1 resume.md:20,28,79",
            "  PostgreSQL                   required  ×1 resume.md:19",
            "  Terraform                    required  ×1 resume.md:20",
            "",
            "Missing from your resume (3):",
            "  APIs                         preferred ×1",
            "  GraphQL                      preferred ×1",
            "  Rust                         preferred ×1",
            "",
            "Add a missing term only where it is true: in Technical Skills, or in a bullet that shows where you"
            " used it.",
        ]
    )


def test_the_json_report_has_the_coverage_by_kind() -> None:
    data = json.loads(match.match_text(POSTING, SENIOR, posting_name="posting.txt").to_json())
    assert (data["coverage"], data["required_coverage"], data["preferred_coverage"]) == (66.7, 100.0, 0.0)
    assert data["have"] == ["Go", "Java", "Kafka", "Kubernetes", "PostgreSQL", "Terraform"]
    assert data["missing"] == ["APIs", "GraphQL", "Rust"]


def test_near_misses_the_blurb_and_an_unasked_skill_count_for_nothing() -> None:
    terms = {t.term for t in match.match_text(POSTING, SENIOR).terms}
    assert "Salesforce" not in terms  # "About us: ..." on one line is the employer's blurb
    assert "AWS" not in terms  # "No AWS experience is required."
    asked = match.match_text("Requirements:\n- Salesforce and AWS\n", SENIOR)
    assert [(t.term, t.in_resume) for t in asked.terms] == [("AWS", True), ("Salesforce", False)]


def _asked(posting: str) -> list[str]:
    return [t.term for t in match.match_text(posting, SENIOR).terms]


def test_a_short_title_after_the_blurb_ends_it_and_its_near_misses_do_not() -> None:
    blurb = "About Contoso\nWe run Salesforce and Snowflake for 300 teams.\n\n"
    assert _asked(blurb + "Your First Months\n- Build Go services\n") == ["Go"]
    assert _asked(blurb + "Logistics\n- Build Go services\n") == ["Go"]  # one word will do
    assert _asked(blurb + "Your First Months Here With Us\n- Build Go services\n") == ["Go"]  # six words at most
    near_misses = [
        "Your First Months Here With The Team\n- Build Go services\n",  # seven words: a sentence, not a title
        "your first months\n- Build Go services\n",  # not capitalised
        "We also use Go.\n- Build Go services\n",  # ends a sentence
        "Then Go, too,\n- Build Go services\n",  # ends mid-sentence
        "- Go services\n- Build Go services\n",  # a list item
        "* Go services\n",
        "• Go services\n",
        "Your First Months!\n- Build Go services\n",
        "Your First Months?\n- Build Go services\n",
        "Your First Months;\n- Build Go services\n",
        "\n\n- Go services\n",  # blank lines are not titles
    ]
    for tail in near_misses:
        assert _asked(blurb + tail) == [], tail
    assert _asked(blurb.rstrip("\n") + "\nYour First Months\n- Build Go services\n") == []  # no blank line before


def test_a_posting_file_is_read_as_utf8_and_bad_bytes_do_not_stop_it(tmp_path) -> None:
    posting = tmp_path / "posting.txt"
    posting.write_bytes("Requirements:\n- Go and Kafka \u2014 caf\u00e9 \xff\n".encode("utf-8", "surrogateescape")
                        .replace(b"\xc3\xbf", b"\xff"))
    report = match.match_posting(posting, SENIOR)
    assert [t.term for t in report.terms] == ["Go", "Kafka"]
    assert report.posting == str(posting)
