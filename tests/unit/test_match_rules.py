"""Each rule of the posting reader on a line made for it, and its near miss: headings and what marks them,
typography the posting may use, single-letter languages, names that contain a language, overlapping terms,
the resume's own skills, and the report's lines and JSON in full. Every expected value is written out here."""

from __future__ import annotations

import json

import pytest
from src_support import FIXTURES, module

resume = module("resume")
match = module("match")

SENIOR = resume.parse_resume((FIXTURES / "resumes" / "senior.md").read_text(encoding="utf-8"), "resume.md").public()


def asked(posting: str, source=SENIOR) -> list[tuple[str, bool]]:
    """(term, preferred) for each term the posting asks, in the report's order."""
    return [(t.term, t.preferred) for t in match.match_text(posting, source).terms]


def names(posting: str) -> list[str]:
    return sorted(t.term for t in match.match_text(posting, SENIOR).terms)


@pytest.mark.parametrize(
    "heading",
    ["## Nice to have", "Bonus:", "PREFERRED", "**Nice to have**", "__Bonus__", "_Nice to have:_",
     "Nice to have for this role:"],
)
def test_a_heading_that_marks_what_follows_as_preferred(heading: str) -> None:
    assert asked(f"Requirements:\n- Kafka\n\n{heading}\n- Rust\n") == [("Kafka", False), ("Rust", True)]


@pytest.mark.parametrize(
    "line",
    [
        "Nice to have for this new role:",  # seven words: a sentence, whatever it ends with
        "PREFERRED.",  # a sentence end
        "BONUS,",
    ],
)
def test_a_line_that_only_looks_like_a_preferred_heading_leaves_the_next_line_required(line: str) -> None:
    assert asked(f"Requirements:\n- Kafka\n\n{line}\n- Rust\n") == [("Kafka", False), ("Rust", False)]


@pytest.mark.parametrize("heading", ["Tooling:", "# Tooling", "TOOLING"])
def test_any_marked_heading_ends_a_preferred_part(heading: str) -> None:
    assert asked(f"Nice to have:\n- Kafka\n\n{heading}\n- Rust\n") == [("Rust", False), ("Kafka", True)]


@pytest.mark.parametrize("item", ["- REQUIREMENTS:", "• REQUIREMENTS:", "* REQUIREMENTS:"])
def test_a_list_item_is_never_a_heading(item: str) -> None:
    assert asked(f"Nice to have:\n- Kafka\n{item}\n- Rust\n") == [("Kafka", True), ("Rust", True)]


def test_a_heading_has_at_most_six_words() -> None:
    # "Tooling we use day to day:" is six words, a heading, so Rust after it is required again
    assert asked("Nice to have:\n- Kafka\nTooling we use day to day:\n- Rust\n") == [("Rust", False), ("Kafka", True)]


def test_curly_apostrophes_and_unbreakable_hyphens_read_as_typed_ones() -> None:
    assert names("Requirements:\n- Kafka\n- You won\u2019t need Rust.\n") == ["Kafka"]
    assert names("Requirements:\n- Join the on\u2011call rota\n") == ["On-call"]
    assert names("Requirements:\n- Join the on\u2010call rota\n") == ["On-call"]


def test_everyday_phrases_holding_a_letter_are_blanked_in_place() -> None:
    assert names("We are a Series C company working with C-level leaders in Go.\n") == ["Go"]
    report = match.match_text("Plan B, Series C and R&D for Go, plus Kafka.\n", SENIOR)
    assert [(t.term, t.spellings) for t in report.terms] == [("Go", ["Go"]), ("Kafka", ["Kafka"])]


@pytest.mark.parametrize(
    "line",
    ["Python, R", "Python,R", "SQL or R", "SQL and R", "R, Python", "R or Python", "models in R.", "models in R",
     "R skills", "R packages"],
)
def test_a_single_letter_language_counts_in_a_list_or_as_a_language(line: str) -> None:
    assert "R" in names(f"Requirements:\n- {line}\n")


@pytest.mark.parametrize("line", ["Which R is this?", "Grade R is fine", "R2-D2 fans welcome", "PYTHON OR R"])
def test_a_single_letter_elsewhere_is_a_letter(line: str) -> None:
    assert "R" not in names(f"Requirements:\n- {line}\n")


def test_a_language_name_inside_a_capitalised_name_is_not_the_language() -> None:
    assert names("We donate to Go Fund Yourself and Rust Belt Logistics.\n") == []
    assert names("Spark & Wick is our client.\n") == []
    assert names("You will write Go Kubernetes operators and Spark & Kafka jobs.\n") == ["Go", "Kafka", "Kubernetes", "Spark"]


def test_the_longest_of_overlapping_mentions_wins() -> None:
    report = match.match_text("Requirements:\n- GitHub Actions and Apache Spark\n", SENIOR)
    assert [(t.term, t.spellings) for t in report.terms] == [
        ("GitHub Actions", ["GitHub Actions"]), ("Spark", ["Apache Spark"]),
    ]


def test_a_longer_mention_wins_over_a_shorter_one_that_starts_before_it() -> None:
    report = match.match_text("Requirements:\n- Core data warehousing and microsoft azure active directory\n", SENIOR)
    assert [(t.term, t.spellings) for t in report.terms] == [
        ("Data warehousing", ["data warehousing"]), ("Microsoft Entra ID", ["azure active directory"]),
    ]  # not "Core Data" (Apple's framework) nor "Azure"


def test_the_resume_s_own_skills_and_tech_are_terms_too() -> None:
    text = (FIXTURES / "resumes" / "senior.md").read_text(encoding="utf-8").replace(
        "- **Languages:** Go, Java, Python, SQL, Bash",
        "- **Languages:** Go, Java, Python, SQL, Bash, Elm, Io, Q, Zig Build System, Zig Build System Tools, ELM,"
        " Golang, EKS",
    ) + "\n## Projects\n\n### Chat Relay | *Gleam, Elm*\n\n- Relays 2,000 messages a second.\n"
    own = resume.parse_resume(text, "resume.md").public()
    posting = "Requirements:\n- elm, io, q, gleam and zig build system tools\n- Golang on EKS\n"
    assert [(t.term, t.category, t.spellings) for t in match.match_text(posting, own).terms] == [
        ("EKS", "cloud", ["EKS"]),  # a vocabulary term listed in the skills: the vocabulary's
        ("Elm", "your skills", ["elm"]),
        ("Gleam", "your skills", ["gleam"]),  # from a project's tech
        ("Go", "language", ["Golang"]),  # a vocabulary spelling in the skills is not a term of its own
        ("Io", "your skills", ["io"]),  # two letters will do, one will not
        ("Zig Build System", "your skills", ["zig build system"]),  # three words will do, four will not
    ]


def test_a_heading_s_own_words_count_in_its_part() -> None:
    assert asked("## Python skills\n- 5 years of backend work\n\n## Bonus: Rust experience\n") == [
        ("Python", False), ("Rust", True),
    ]


def test_an_empty_posting_is_fully_covered() -> None:
    report = match.match_text("", SENIOR)
    assert (report.terms, report.coverage(), report.coverage(preferred=True)) == ([], 100.0, 100.0)


def test_a_label_inside_the_blurb_does_not_count_as_the_blank_line_before_a_title() -> None:
    blurb = "About Contoso\nWe run Salesforce for 300 teams.\n\nPerks: free lunch\nYour First Months\n- Build Go services\n"
    assert names(blurb) == []


def test_each_report_line_names_the_posting_s_spellings_and_three_resume_lines() -> None:
    report = match.match_text("Requirements:\n- Golang, golang and Go\n- k8s or Kubernetes\n", SENIOR)
    lines = report.to_text().splitlines()
    assert lines[4:6] == [
        "  Go                           required  ×3 (posting says 'Golang', 'golang') resume.md:18,36",
        "  Kubernetes                   required  ×2 (posting says 'k8s') resume.md:20,28,79",
    ]
    widely = match.match_text("Requirements:\n- Kubernetes\n", SENIOR)
    assert widely.terms[0].resume_lines == [20, 28, 79]  # the report shows three at most
    four = resume.parse_resume(
        (FIXTURES / "resumes" / "senior.md").read_text(encoding="utf-8").replace("- Mentor", "- Ran Kubernetes.\n- Mentor", 1),
        "resume.md",
    ).public()
    shown = match.match_text("Requirements:\n- Kubernetes\n", four)
    assert shown.terms[0].resume_lines == [20, 28, 38, 80]
    assert shown.to_text().splitlines()[4] == "  Kubernetes                   required  ×1 resume.md:20,28,38"


def test_the_json_report_in_full() -> None:
    report = match.match_text("Requirements:\n- Golang and Kafka\n\nNice to have:\n- Rust\n", SENIOR, "job.txt")
    assert json.loads(report.to_json()) == {
        "posting": "job.txt",
        "resume": "resume.md",
        "coverage": 66.7,
        "required_coverage": 100.0,
        "preferred_coverage": 0.0,
        "have": ["Go", "Kafka"],
        "missing": ["Rust"],
        "terms": [
            {"term": "Go", "category": "language", "mentions": 1, "spellings": ["Golang"], "preferred": False,
             "in_resume": True, "resume_lines": [18, 36]},
            {"term": "Kafka", "category": "data", "mentions": 1, "spellings": ["Kafka"], "preferred": False,
             "in_resume": True, "resume_lines": [19, 29]},
            {"term": "Rust", "category": "language", "mentions": 1, "spellings": ["Rust"], "preferred": True,
             "in_resume": False, "resume_lines": []},
        ],
    }
    assert report.to_json().startswith('{\n  "posting": "job.txt",\n  "resume"')
    assert '"é"' in match.match_text("Requirements:\n- Kafka\n", SENIOR, "é").to_json().replace('"posting": ', "")


def test_a_one_line_blurb_is_the_employer_s_whatever_its_label_is_dressed_in() -> None:
    assert names("**About us**: we run Salesforce internally.\nRequirements:\n- Kafka\n") == ["Kafka"]
    assert names("About us: our stack: Salesforce.\nRequirements:\n- Kafka\n") == ["Kafka"]
    assert names("About the role: Salesforce admin work.\n") == ["Salesforce"]  # about the job, not the employer


def test_a_whole_line_labelled_not_required_asks_nothing_unless_it_is_a_plus() -> None:
    assert names("Requirements:\n- Kafka\nNot required: Rust, Scala\n") == ["Kafka"]
    assert asked("Requirements:\n- Kafka\nNot required, but a plus: Rust\n") == [("Kafka", False), ("Rust", True)]
    assert names("Requirements:\n- Kafka. We never use Rust. Scala is needed.\n") == ["Kafka", "Scala"]
    assert names("Requirements:\n- Kafka; Rust is not something we touch\n") == ["Kafka"]
    assert names("Requirements:\n- Kafka. No free lunch; Rust daily.\n") == ["Kafka", "Rust"]  # a no, but no need


def test_the_report_orders_required_first_then_by_mentions_then_by_name() -> None:
    posting = "Requirements:\n- Rust, Kafka, Kafka, Go\n\nNice to have:\n- Scala, Scala, Elixir\n"
    assert asked(posting) == [("Kafka", False), ("Go", False), ("Rust", False), ("Scala", True), ("Elixir", True)]
    assert match.match_text(posting, SENIOR).posting == "posting"


@pytest.mark.parametrize(
    ("line", "terms"),
    [("- Reports in R Markdown", [("R Markdown", False)]), ("- Dashboards in R Shiny", [("R", False), ("Shiny", False)])],
)
def test_r_before_its_markdown_or_shiny_is_the_language(line: str, terms: list) -> None:
    assert asked(f"Requirements:\n{line}\n") == terms  # R Markdown is a term of its own, the longer mention


def test_an_entry_s_title_organisation_and_tech_are_each_read_for_terms() -> None:
    own = resume.parse_resume(
        "# Sam Lee\n\nsam@example.com\n\n## Experience\n\n### Cloud Engineer\n\n**AWS** | *2020 – 2024*\n\n"
        "- Cut costs by 30%.\n\n## Projects\n\n### Ledger | *Go, Kafka*\n\n- Served 3 teams.\n",
        "resume.md",
    )
    report = match.match_text("Requirements:\n- AWS, Go and Kafka\n", own)
    assert [(t.term, t.resume_lines) for t in report.terms] == [("AWS", [7]), ("Go", [15]), ("Kafka", [15])]
