"""The ATS round-trip check passes our layout and catches layouts that parsers misread."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
from portfolio_support import LAYOUTS, RESUMES, built_repo, portfolio, run_portfolio  # noqa: F401


@pytest.fixture(scope="module")
def default_resume(portfolio, baked_default: Path):
    return portfolio.resume.load_resume(baked_default / "resume.md").public()


def render(portfolio, resume, folder: Path, layout: str | None = None) -> Path:
    out = folder / f"{layout or 'resume'}.pdf"
    options = {"template": LAYOUTS / f"{layout}.typ"} if layout else {}
    portfolio.pdf.render_pdf(resume, out, **options)
    return out


def check(portfolio, resume, folder: Path, layout: str | None = None):
    return portfolio.ats.check_pdf(render(portfolio, resume, folder, layout), resume)


def problems_with(report, text: str) -> list[str]:
    return [problem for problem in report.problems if text in problem]


def test_our_layout_passes_every_check(portfolio, default_resume, tmp_path: Path) -> None:
    report = check(portfolio, default_resume, tmp_path)
    assert report.ok, report.problems
    assert report.readers == ["pypdf", "layout", "pdftotext"]
    bullets = len(list(default_resume.all_bullets()))
    for reader in report.readers:
        assert len([p for p in report.passed if p.startswith(f"{reader}: bullet")]) == bullets
    fields = [p for p in report.passed if p.startswith("fields:")]
    expected = sum(
        len([v for v in (e.title, ", ".join(e.tech), e.dates) if v])
        if e.is_project
        else len([v for v in (e.organisation, e.location, e.title, e.dates) if v])
        for e in default_resume.entries()
    )
    assert len(fields) == expected >= 10
    assert report.summary().startswith("ATS check passed:")


@pytest.mark.parametrize(
    "name", ["new_grad.md", "senior.md", "deviations.md", "promotion.md", "names.md"]
)
def test_other_resumes_pass_in_our_layout(portfolio, name: str, tmp_path: Path) -> None:
    resume = portfolio.resume.load_resume(RESUMES / name).public()
    report = check(portfolio, resume, tmp_path)
    assert report.ok, report.problems
    assert any("spacing: entry" in p for p in report.passed) or name == "deviations.md"


BLIND = sorted((RESUMES.parent / "resumes_blind").glob("*.md"))
BLIND2 = sorted((RESUMES.parent / "resumes_blind2").glob("*.md"))


@pytest.mark.parametrize("path", BLIND + BLIND2, ids=[f"{p.parent.name}/{p.stem}" for p in BLIND + BLIND2])
def test_resumes_written_blind_pass_on_one_page(portfolio, path: Path, tmp_path: Path) -> None:
    """Resumes written from the documented layout only: long contact lines, URLs in bullets, accents,
    long titles, organisations and tech lists, hyphenated words (each folder's NOTES.txt)."""
    resume = portfolio.resume.load_resume(path).public()
    out = render(portfolio, resume, tmp_path)
    report = portfolio.ats.check_pdf(out, resume)
    assert report.ok, report.problems
    assert portfolio.pdf.page_count(out.read_bytes()) == 1


def test_the_blind_sets_are_there() -> None:
    assert len(BLIND) == 10 and len(BLIND2) == 12


def test_a_hyphenated_word_is_never_split_at_a_line_end(portfolio, tmp_path: Path, monkeypatch) -> None:
    """"e-" at a line end and "commerce" on the next reads as "ecommerce" in pdftotext; the PDF keeps it whole."""
    resume = portfolio.resume.load_resume(BLIND2[1]).public()  # its summary puts "e-commerce" at a line end
    kept = tmp_path / "kept.pdf"
    portfolio.pdf.render_pdf(resume, kept)
    assert "e-commerce" in portfolio.ats.read_pdftotext(kept)
    monkeypatch.setattr(portfolio.pdf, "KEEP_WHOLE_PASSES", 0)
    monkeypatch.setattr(portfolio.pdf, "_KEPT_WHOLE", {})  # forget the words the first render kept whole
    split = tmp_path / "split.pdf"
    portfolio.pdf.render_pdf(resume, split)
    assert "ecommerce" in portfolio.ats.read_pdftotext(split), "the fixture no longer puts the word at a line end"


def test_entry_fields_are_separate_text_items(portfolio, default_resume, tmp_path: Path) -> None:
    items = portfolio.ats.read_items(render(portfolio, default_resume, tmp_path))
    texts = [item.text for item in items]
    for field in ("Example Corp", "Springfield, IL", "Software Engineer", "March 2022 – Present"):
        assert field in texts
    corp = items[texts.index("Example Corp")]
    city = next(i for i in items[texts.index("Example Corp") :] if i.text == "Springfield, IL")
    assert abs(corp.top - city.top) < 1 and city.x0 - corp.x1 > 100


def test_fields_on_one_line_joined_by_bars_are_caught(portfolio, default_resume, tmp_path) -> None:
    report = check(portfolio, default_resume, tmp_path, "one_line_fields")
    assert not report.ok
    merged = problems_with(report, "is merged with its neighbours")
    assert any("organisation 'Example Corp' is merged" in p for p in merged)
    assert any("dates 'March 2022 – Present' is merged" in p for p in merged)
    assert any("title 'B.S. in Computer Science' is merged" in p for p in merged)
    assert any("project 'Notification Pipeline' is merged" in p for p in merged)
    # every entry of the resume is named, with the line of its source heading
    lines = {p.split(": ", 1)[0].rsplit(":", 1)[1] for p in merged}
    assert lines == {str(entry.line) for entry in default_resume.entries()}
    assert "ATS check failed" in report.summary()


def test_two_columns_that_interleave_are_caught(portfolio, default_resume, tmp_path) -> None:
    report = check(portfolio, default_resume, tmp_path, "two_columns")
    assert not report.ok
    broken = problems_with(report, "layout: bullet")
    assert broken and all("is not whole in the PDF text (it breaks after" in p for p in broken)
    assert problems_with(report, "heading 'Education' is out of order")
    assert problems_with(
        report, "layout: skills line 'Languages: Python, Go, SQL, TypeScript' is not whole"
    )


def test_bullet_markers_apart_from_their_text_are_caught(
    portfolio, default_resume, tmp_path
) -> None:
    report = check(portfolio, default_resume, tmp_path, "loose_markers")
    bullets = len(list(default_resume.all_bullets()))
    for reader in ("pypdf", "layout", "pdftotext"):
        assert (
            f"{reader}: {bullets} bullet marker(s) '•' separated from their text" in report.problems
        )


def test_a_page_number_is_caught(portfolio, default_resume, tmp_path: Path) -> None:
    ours = Path(portfolio.pdf.TEMPLATE).read_text(encoding="utf-8")
    numbered = tmp_path / "numbered.typ"
    with_number = ours.replace("numbering: none", 'numbering: "1"').replace("footer: none,", "")
    numbered.write_text(with_number, encoding="utf-8")
    assert numbered.read_text(encoding="utf-8") != ours
    pdf = tmp_path / "numbered.pdf"
    portfolio.pdf.render_pdf(default_resume, pdf, template=numbered)
    report = portfolio.ats.check_pdf(pdf, default_resume)
    assert "layout: page number line(s) '1'; parsers read them as resume content" in report.problems
    # the number also hangs below the last entry, far from its text
    assert any("gap inside entry" in problem for problem in report.problems)


def test_plain_mixed_case_headings_are_caught(portfolio, default_resume, tmp_path: Path) -> None:
    ours = Path(portfolio.pdf.TEMPLATE).read_text(encoding="utf-8")
    plain = tmp_path / "plain_headings.typ"
    quiet = ours.replace('weight: "bold", font: design.heading_font', "font: design.heading_font").replace(
        "let letters = upper(it.body)", "let letters = it.body"
    )
    assert quiet != ours
    plain.write_text(quiet, encoding="utf-8")
    pdf = tmp_path / "plain.pdf"
    portfolio.pdf.render_pdf(default_resume, pdf, template=plain)
    report = portfolio.ats.check_pdf(pdf, default_resume)
    styled = [p for p in report.problems if "is not bold capitals" in p]
    assert len(styled) == len([s for s in default_resume.sections if s.heading])
    first = default_resume.sections[0]
    assert styled[0] == (
        f"{default_resume.source}:{first.line}: layout: heading '{first.heading}' is not bold"
        " capitals; parsers may not see a section start"
    )


def test_a_lost_bullet_is_named_with_its_line(portfolio, default_resume, tmp_path) -> None:
    section = next(s for s in default_resume.sections if any(len(e.bullets) > 1 for e in s.entries))
    job = next(e for e in section.entries if len(e.bullets) > 1)
    shorter = dataclasses.replace(job, bullets=job.bullets[:1] + job.bullets[2:])
    rendered = dataclasses.replace(
        default_resume,
        sections=tuple(
            dataclasses.replace(s, entries=tuple(shorter if e is job else e for e in s.entries))
            if s is section
            else s
            for s in default_resume.sections
        ),
    )
    pdf = render(portfolio, rendered, tmp_path)
    report = portfolio.ats.check_pdf(pdf, default_resume)
    lost = job.bullets[1]
    first_words = " ".join(lost.text.split()[:8])
    expected = f"{default_resume.source}:{lost.line}: pypdf: bullet '{first_words}"
    assert any(p.startswith(expected) for p in report.problems), report.problems
    assert len(report.problems) == len(report.readers)


def test_a_lost_heading_and_name_are_reported(portfolio, default_resume, tmp_path) -> None:
    renamed = dataclasses.replace(
        default_resume,
        name="Someone Else",
        sections=(
            dataclasses.replace(default_resume.sections[0], heading="About"),
            *default_resume.sections[1:],
        ),
    )
    report = portfolio.ats.check_pdf(render(portfolio, renamed, tmp_path), default_resume)
    assert "pypdf: the name 'Alex Example' is not in the PDF text" in report.problems
    assert any(
        p.endswith("pypdf: heading 'Professional Summary' was lost") for p in report.problems
    )


def test_ats_check_command_passes_the_built_pdf(built_repo: Path) -> None:
    result = run_portfolio(built_repo, "ats-check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().startswith("ATS check passed:")
    assert "(pypdf, layout, pdftotext)" in result.stdout


def test_ats_check_command_fails_a_bad_layout(portfolio, built_repo: Path, tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(built_repo, repo)
    resume = portfolio.resume.load_resume(repo / "resume.md").public()
    bad = render(portfolio, resume, tmp_path, "one_line_fields")
    result = run_portfolio(repo, "ats-check", "--pdf", str(bad))
    assert result.returncode == 1
    first_job = next(e for e in resume.entries() if not e.is_project)
    expected = (
        f"LOST  resume.md:{first_job.line}: organisation '{first_job.organisation}' is merged"
    )
    assert expected in result.stdout
    assert result.stdout.strip().splitlines()[-1].startswith("ATS check failed:")


def test_ats_check_without_a_pdf_says_what_to_do(baked_default: Path, tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(baked_default, repo)
    result = run_portfolio(repo, "ats-check")
    assert result.returncode == 1
    assert result.stderr == "error: _site/resume.pdf: no PDF yet; run ./run.sh build first\n"


def test_one_line_entries_come_back_field_by_field(portfolio, tmp_path: Path) -> None:
    """`- **Name**, Organisation | City | *date*` entries: each field its own text item in the PDF."""
    resume = portfolio.resume.load_resume(RESUMES / "one_line_entries.md").public()
    assert resume.warnings == ()
    report = check(portfolio, resume, tmp_path)
    assert report.ok, report.problems
    for value in (
        "M.S. in Information Management", "University of Illinois", "Urbana, IL", "2014 – 2016",
        "Databricks Certified Data Engineer Professional", "Databricks", "Mar 2021",
        "Hackathon winner", "HackMIT", "Streaming Joins Without Tears", "VLDB Workshops",
    ):
        assert any(p.startswith("fields:") and f"'{value}' is its own text item" in p for p in report.passed), value


MD_BLIND = sorted((RESUMES.parent / "resumes_md_blind").glob("r*.md"))


@pytest.mark.parametrize("path", MD_BLIND, ids=[p.stem for p in MD_BLIND])
def test_resumes_in_other_markdown_styles_pass_the_ats_check(portfolio, path: Path, tmp_path: Path) -> None:
    """Read by their fields (resumes_md_blind), they lay out and read back like the canonical form."""
    resume = portfolio.resume.load_resume(path).public()
    report = check(portfolio, resume, tmp_path)
    assert report.ok, report.problems
