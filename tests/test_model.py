"""The resume model: resume.md read once into frozen dataclasses, with warnings and errors."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from portfolio_support import RESUMES, portfolio  # noqa: F401  (fixture)


def load(portfolio, name: str):
    return portfolio.resume.load_resume(RESUMES / name)


def source_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def test_default_resume_reads_into_the_model(portfolio, baked_default: Path) -> None:
    resume = portfolio.resume.load_resume(baked_default / "resume.md")
    assert resume.name == "Alex Example"
    assert resume.target_role == "Backend Software Engineer"
    assert resume.warnings == ()
    assert [(c.kind, c.text) for c in resume.contact] == [
        ("location", "Springfield, IL"),
        ("email", "alex@example.com"),
        ("github", "github.com/alex-example"),
    ]
    assert resume.contact[2].url == "https://github.com/alex-example"
    headings = re.findall(
        r"(?m)^## (.+)$", (baked_default / "resume.md").read_text(encoding="utf-8")
    )
    assert [s.heading for s in resume.sections] == headings
    kinds = {s.heading: s.kind for s in resume.sections}
    assert kinds["Professional Summary"] == "summary"
    assert kinds["Technical Skills"] == "skills"
    assert (kinds["Experience"], kinds["Projects"], kinds["Education"]) == ("experience", "projects", "education")
    assert [e.kind for e in resume.entries()] == ["job", "job", "project", "project", "degree"]
    assert resume.summary.startswith("Backend Software Engineer with ")
    skills = resume.section_of_kind("skills").skills
    assert skills[0].label == "Languages"
    assert skills[0].items == ("Python", "Go", "SQL", "TypeScript")


def test_default_entries_have_every_field(portfolio, baked_default: Path) -> None:
    resume = portfolio.resume.load_resume(baked_default / "resume.md")
    entries = {entry.title: entry for entry in resume.entries()}
    job = entries["Software Engineer"]
    assert (job.organisation, job.location, job.dates) == (
        "Example Corp",
        "Springfield, IL",
        "March 2022 – Present",
    )
    assert job.period.start == portfolio.resume.PartialDate(2022, 3)
    assert job.period.ongoing and job.period.end is None
    assert len(job.bullets) == 3
    project = entries["Semantic Search Service"]
    assert project.is_project and project.organisation == ""
    assert project.tech == ("FastAPI", "PostgreSQL", "pgvector", "Docker")
    degree = entries["B.S. in Computer Science"]
    assert degree.organisation == "State University"
    assert degree.period.end == portfolio.resume.PartialDate(2020, 5)


@pytest.mark.parametrize("name", ["new_grad.md", "senior.md", "names.md", "deviations.md"])
def test_every_bullet_points_at_its_source_line(portfolio, name: str) -> None:
    resume = load(portfolio, name)
    lines = source_lines(RESUMES / name)
    bullets = list(resume.all_bullets())
    assert bullets
    for bullet in bullets:
        line = lines[bullet.line - 1].strip()
        assert line.startswith("- "), (bullet, line)
        assert bullet.markdown.split("\n")[0] in line


@pytest.mark.parametrize("name", ["new_grad.md", "senior.md", "names.md", "deviations.md"])
def test_every_entry_points_at_its_heading(portfolio, name: str) -> None:
    resume = load(portfolio, name)
    lines = source_lines(RESUMES / name)
    for entry in resume.entries():
        start = f"- {entry.title}" if entry.one_line else f"### {entry.title}"
        assert lines[entry.line - 1].startswith(start)


def test_new_grad_project_with_link_and_education_first(portfolio) -> None:
    resume = load(portfolio, "new_grad.md")
    assert resume.warnings == ()
    assert [s.heading for s in resume.sections][:2] == ["Summary", "Education"]
    assert resume.sections[0].kind == "summary"
    ride = next(e for e in resume.entries() if e.title == "Campus Ride Share")
    assert ride.tech == ("React", "Node.js", "PostgreSQL")
    assert ride.link == portfolio.resume.Link(
        "github.com/priya-r/rideshare", "https://github.com/priya-r/rideshare"
    )
    email = next(c for c in resume.contact if c.kind == "email")
    assert (email.text, email.url) == ("priya.raman@example.edu", "mailto:priya.raman@example.edu")
    assert [c.kind for c in resume.contact] == ["location", "email", "github", "linkedin"]
    intern = next(e for e in resume.entries() if e.organisation == "Acme Robotics")
    assert intern.period.start.sort_key() == (2024, 5)
    assert intern.period.end.sort_key() == (2024, 8)


def test_senior_resume_with_many_roles_and_a_published_phone(portfolio) -> None:
    resume = load(portfolio, "senior.md")
    assert resume.warnings == ()
    jobs = resume.sections[2].entries
    assert len(jobs) == 6
    assert [job.period.start.year for job in jobs] == [2021, 2018, 2015, 2013, 2012, 2011]
    assert resume.paper == "a4"
    assert resume.publish_phone is True
    assert resume.public() is resume
    assert any(c.kind == "phone" for c in resume.public().contact)
    certifications = resume.sections[-1]
    assert certifications.kind == "certificates" and certifications.bullets == ()
    assert [(e.kind, e.title, e.dates, e.one_line) for e in certifications.entries] == [
        ("credential", "AWS Certified Solutions Architect – Professional", "2022", True),
        ("credential", "Certified Kubernetes Administrator", "2021", True),
    ]
    education = resume.sections[3].entries
    assert [e.organisation for e in education] == [
        "University of Colorado Boulder",
        "Colorado State University",
    ]
    assert all(e.bullets == () for e in education)


def test_phone_stays_private_unless_published(portfolio) -> None:
    text = '---\nphone: "+1 555 010 9999"\npublish_phone: false\n---\n# Pat Doe\n\nBoston, MA | pat@example.com\n'
    resume = portfolio.resume.parse_resume(text, "resume.md")
    assert resume.phone == "+1 555 010 9999"
    assert [c.kind for c in resume.contact] == ["location", "email", "phone"]
    public = resume.public()
    assert public.phone == ""
    assert [c.kind for c in public.contact] == ["location", "email"]
    assert "555" not in repr(public)


def test_accents_apostrophes_and_cjk_survive(portfolio) -> None:
    resume = load(portfolio, "names.md")
    assert resume.name == "Zoë D'Arcy-Łukasiewicz 李小龍"
    assert resume.target_role == "Développeuse backend"
    entry = next(resume.entries())
    assert entry.organisation == "Société Générale d'Exemple"
    assert entry.period.start == portfolio.resume.PartialDate(2020, 9)
    assert "日本語" in entry.bullets[1].text
    assert resume.contact[0] == portfolio.resume.ContactItem("location", "Kraków, Poland")


def test_departures_from_the_convention_warn_with_file_and_line(portfolio) -> None:
    resume = load(portfolio, "deviations.md")
    got = [(w.line, w.message.split(";")[0].split(" `")[0]) for w in resume.warnings]
    assert got == [
        (3, "unknown front matter key"),
        (6, "text before the"),
        (14, "entry 'Data Engineer / Globex | Chicago, IL | Jan 2020 – Present' read by its fields"),
        (20, "entry 'Analyst' has no organisation line under it"),
        (28, "a paragraph inside an entry"),
        (31, "nested list flattened into separate bullets"),
        (33, "a code block is not part of the resume layout and is left out of the PDF"),
        (39, "skills line without a label"),
    ]
    assert all(
        str(w).startswith(f"{RESUMES / 'deviations.md'}:{w.line}: ") for w in resume.warnings
    )


def test_departures_keep_every_entry_and_bullet(portfolio) -> None:
    resume = load(portfolio, "deviations.md")
    entries = list(resume.entries())
    assert [e.title for e in entries] == ["Data Engineer", "Analyst", "Intern"]
    assert entries[0].organisation == "Globex"
    assert entries[0].dates == "Jan 2020 – Present" and entries[0].period.ongoing
    assert entries[2].dates == "Summer 2018"  # a season: its year
    year = portfolio.resume.PartialDate(2018)
    assert (entries[2].period.start, entries[2].period.end) == (year, year)
    assert entries[2].paragraphs == ("Worked on the data warehouse.",)
    assert [b.text for b in entries[2].bullets] == [
        "Wrote 30 dbt models for the finance team, cutting month-end close by 2 days.",
        "Documented every model in the team wiki.",
    ]
    assert [c.kind for c in resume.contact] == ["email", "location"]
    skills = resume.section_of_kind("skills").skills
    assert skills == (portfolio.resume.SkillGroup("", ("Python", "SQL", "Airflow"), 39),)


def test_inline_markdown_is_stripped_but_kept(portfolio) -> None:
    text = (
        "# Kim\n\nkim@example.com\n\n## Experience\n\n### Engineer\n\n**Acme** | NYC | *2020 – 2021*\n\n"
        "- Cut **p99** latency in `api` by 40% ([write-up](https://example.com/post)).\n"
    )
    bullet = next(portfolio.resume.parse_resume(text).all_bullets())
    assert bullet.text == "Cut p99 latency in api by 40% (write-up)."
    assert bullet.markdown.startswith("Cut **p99** latency in `api`")
    assert bullet.line == 11


def test_special_characters_are_plain_text(portfolio) -> None:
    resume = load(portfolio, "special_chars.md")
    assert resume.name == "Quinn #set page(fill: red) $x^2$ Not Bold"
    entry = next(resume.entries())
    assert entry.title == 'Engineer @ "Quotes" & <Angles> \\ Backslash'
    assert entry.organisation == 'Org #import "x.typ" // not a comment'
    assert "`" not in entry.bullets[0].text and "#let x = 1" in entry.bullets[0].text


@pytest.mark.parametrize(
    ("text", "start", "end", "ongoing"),
    [
        ("March 2021 – Present", (2021, 3), None, True),
        ("Mar 2021 - Jun 2022", (2021, 3), (2022, 6), False),
        ("Sept. 2019 to Dec 2020", (2019, 9), (2020, 12), False),
        ("05/2020 – 06/2021", (2020, 5), (2021, 6), False),
        ("2016 — 2020", (2016, 0), (2020, 0), False),
        ("May 2020", (2020, 5), (2020, 5), False),
        ("Expected May 2026", (2026, 5), (2026, 5), False),
        ("June 2020 – current", (2020, 6), None, True),
    ],
)
def test_date_ranges_become_values(portfolio, text, start, end, ongoing) -> None:
    period = portfolio.resume.parse_date_range(text)
    assert period.start.sort_key() == start
    assert (period.end.sort_key() if period.end else None) == end
    assert period.ongoing is ongoing
    assert str(period) == text


@pytest.mark.parametrize("text", ["Summer", "Q3 2020", "Present", "2022 – 2019", "13/2020", "soon"])
def test_unreadable_dates_are_none(portfolio, text: str) -> None:
    assert portfolio.resume.parse_date_range(text) is None


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("Just text, no heading.\n", 1, "missing the `# Name` heading"),
        ("## Experience\n\n# Late Name\n", 1, "expected the `# Name` heading before"),
        ("---\ntarget_role: [unclosed\n---\n# Name\n", 2, "front matter is not valid YAML"),
        ("---\ntarget_role: x\n# Name\n", 1, "never closed"),
        ("---\npublish_phone: maybe\n---\n# Name\n", 2, "`publish_phone` must be true or false"),
        ("---\n- a\n- b\n---\n# Name\n", 2, "front matter must be `key: value` lines"),
        ("---\nphone: {a: 1}\n---\n# Name\n", 2, "`phone` must be text"),
    ],
)
def test_unreadable_resumes_raise_with_file_and_line(portfolio, text, line, message) -> None:
    with pytest.raises(portfolio.resume.ResumeError) as caught:
        portfolio.resume.parse_resume(text, "resume.md")
    assert str(caught.value).startswith(f"resume.md:{line}: ")
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_missing_and_binary_files_raise_resume_errors(portfolio, tmp_path: Path) -> None:
    with pytest.raises(portfolio.resume.ResumeError, match=r"resume\.md:1: file not found"):
        portfolio.resume.load_resume(tmp_path / "resume.md")
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"# Name\n\nline two \xff\xfe\n")
    with pytest.raises(portfolio.resume.ResumeError, match=r"bad\.md:3: not valid UTF-8"):
        portfolio.resume.load_resume(bad)


def test_model_is_frozen(portfolio) -> None:
    resume = load(portfolio, "new_grad.md")
    with pytest.raises(dataclasses.FrozenInstanceError):
        resume.name = "Someone Else"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        next(resume.entries()).title = "x"  # type: ignore[misc]
