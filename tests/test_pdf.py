"""The resume PDF (Typst through the typst wheel) and the `build` command that writes it."""

from __future__ import annotations

import re
import shutil
import struct
from pathlib import Path

import pytest
from pypdf import PdfReader
from portfolio_support import RESUMES, built_repo, portfolio, run_portfolio  # noqa: F401


@pytest.fixture(scope="module")
def default_pdf(portfolio, baked_default: Path, tmp_path_factory) -> Path:
    resume = portfolio.resume.load_resume(baked_default / "resume.md").public()
    out = tmp_path_factory.mktemp("pdf") / "resume.pdf"
    portfolio.pdf.render_pdf(resume, out)
    return out


def page_text(pdf: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(pdf).pages)


def test_default_resume_is_one_tagged_page(default_pdf: Path) -> None:
    reader = PdfReader(default_pdf)
    assert len(reader.pages) == 1
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"] == True  # noqa: E712 - a pypdf BooleanObject
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == "en"
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert "<pdfuaid:part>1</pdfuaid:part>" in xmp
    assert reader.metadata.title == "Alex Example – Resume"
    assert reader.metadata.author == "Alex Example"


def test_fonts_are_embedded(default_pdf: Path) -> None:
    fonts = PdfReader(default_pdf).pages[0]["/Resources"]["/Font"]
    assert fonts
    for font in fonts.values():
        font = font.get_object()
        descendant = (
            font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
        )
        descriptor = descendant["/FontDescriptor"].get_object()
        assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), font


def test_text_reads_in_order_without_page_numbers(default_pdf: Path, baked_default: Path) -> None:
    lines = [line.strip() for line in page_text(default_pdf).splitlines() if line.strip()]
    assert lines[0] == "Alex Example"
    assert lines[1] == "Springfield, IL | alex@example.com | github.com/alex-example"
    headings = [line for line in lines if line.isupper() and len(line.split()) <= 3]
    source = (baked_default / "resume.md").read_text(encoding="utf-8")
    assert headings == [h.upper() for h in re.findall(r"(?m)^## (.+)$", source)]
    assert not re.fullmatch(r"\d+", lines[-1]), "a page number would be read as content"
    assert lines[-1] == "B.S. in Computer Science September 2016 – May 2020"


def test_same_input_gives_the_same_bytes(portfolio, baked_default: Path) -> None:
    resume = portfolio.resume.load_resume(baked_default / "resume.md").public()
    first = portfolio.pdf.render_pdf(resume)
    second = portfolio.pdf.render_pdf(resume)
    assert first == second


def test_png_preview_of_page_one(portfolio, baked_default: Path, tmp_path: Path) -> None:
    resume = portfolio.resume.load_resume(baked_default / "resume.md").public()
    png = portfolio.pdf.render_png(resume, tmp_path / "resume.png")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert (width, height) == (
        round(8.5 * portfolio.pdf.PREVIEW_PPI),
        11 * portfolio.pdf.PREVIEW_PPI,
    )
    assert (tmp_path / "resume.png").read_bytes() == png


def test_user_text_is_data_not_typst_code(portfolio, tmp_path: Path) -> None:
    resume = portfolio.resume.load_resume(RESUMES / "special_chars.md")
    out = tmp_path / "special.pdf"
    portfolio.pdf.render_pdf(resume, out)
    text = " ".join(page_text(out).split())
    assert "Quinn #set page(fill: red) $x^2$ Not Bold" in text
    assert 'Org #import "x.typ" // not a comment' in text
    assert 'Engineer @ "Quotes" & <Angles> \\ Backslash' in text
    assert "#let x = 1 and ]) [) {{ }} ${HOME} characters intact" in text
    assert PdfReader(out).pages[0].mediabox.width == 612


def test_many_roles_fit_a4_and_keep_a_published_phone(portfolio, tmp_path: Path) -> None:
    resume = portfolio.resume.load_resume(RESUMES / "senior.md").public()
    out = tmp_path / "senior.pdf"
    pdf = portfolio.pdf.render_pdf(resume, out)
    reader = PdfReader(out)
    assert portfolio.pdf.page_count(pdf) == 1
    assert (round(reader.pages[0].mediabox.width), round(reader.pages[0].mediabox.height)) == (
        595,
        842,
    )
    text = page_text(out)
    assert "+1 (312) 555-0142" in text
    assert "María-José Núñez O'Connor" in text


def test_private_phone_is_not_in_the_public_pdf(portfolio, tmp_path: Path) -> None:
    text = '---\nphone: "+1 555 010 9999"\n---\n# Pat Doe\n\nBoston, MA | pat@example.com\n\n## Summary\n\nHi.\n'
    resume = portfolio.resume.parse_resume(text, tmp_path / "resume.md")
    assert "555 010 9999" not in page_text_of(portfolio, resume.public(), tmp_path)
    assert "555 010 9999" in page_text_of(portfolio, resume, tmp_path)


def page_text_of(portfolio, resume, folder: Path) -> str:
    out = folder / "x.pdf"
    portfolio.pdf.render_pdf(resume, out)
    return page_text(out)


def test_a_character_no_font_has_fails_with_file_and_line(portfolio, tmp_path: Path) -> None:
    source = tmp_path / "resume.md"
    source.write_text("# Alex \U00011f04 Example\n\nCairo | a@example.com\n", encoding="utf-8")
    resume = portfolio.resume.load_resume(source)
    with pytest.raises(portfolio.pdf.PdfError) as caught:
        portfolio.pdf.render_pdf(resume)
    assert str(caught.value).startswith(f"{source}:1: no font has a glyph for '\U00011f04'")


# --------------------------------------------------------------------------- build command


def test_build_writes_the_site_pdf_and_preview(built_repo: Path, portfolio) -> None:
    site = built_repo / "_site"
    for name in ("index.html", "resume.html", "resume.pdf", "resume.png"):
        assert (site / name).is_file(), name
    pdf = (site / "resume.pdf").read_bytes()
    assert portfolio.pdf.page_count(pdf) == 1
    assert not list(built_repo.glob("._site*")), "the staging folder was left behind"


def test_build_prints_one_line_per_output_and_a_summary(built_repo: Path, tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(built_repo, repo)
    shutil.rmtree(repo / ".cache" / "pdf")  # render again in a new process, not from the cache
    result = run_portfolio(repo, "build")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert any(
        re.fullmatch(r"\s+pdf\s+_site/resume\.pdf \(1 page.*\d\.\d\d s\)", line) for line in lines
    )
    assert any(re.fullmatch(r"\s+preview\s+_site/resume\.png .*", line) for line in lines)
    assert any(re.fullmatch(r"\s+page\s+_site/index\.html", line) for line in lines)
    assert re.match(r"Built \d+ files in _site/ in \d+\.\d\d s \(pages .* s, pdf .* s", lines[-2])
    # same input, another process: the same PDF bytes as the first build
    assert (repo / "_site" / "resume.pdf").read_bytes() == (
        built_repo / "_site" / "resume.pdf"
    ).read_bytes()


def test_broken_resume_fails_with_one_line_and_keeps_the_old_site(
    built_repo: Path, tmp_path: Path
) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(built_repo, repo)
    before = (repo / "_site" / "resume.pdf").read_bytes()
    resume = repo / "resume.md"
    resume.write_text(
        resume.read_text(encoding="utf-8").replace(
            "publish_phone: false", "publish_phone: sometimes"
        ),
        encoding="utf-8",
    )
    result = run_portfolio(repo, "build")
    assert result.returncode == 1
    assert result.stderr.strip() == "error: resume.md:4: `publish_phone` must be true or false"
    assert "Traceback" not in result.stderr + result.stdout
    assert (repo / "_site" / "resume.pdf").read_bytes() == before
    assert not list(repo.glob("._site*"))


def test_missing_heading_fails_with_file_and_line(built_repo: Path, tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(built_repo, repo)
    resume = repo / "resume.md"
    text = resume.read_text(encoding="utf-8")
    resume.write_text(re.sub(r"(?m)^# ", "", text), encoding="utf-8")
    result = run_portfolio(repo, "build")
    assert result.returncode == 1
    assert re.fullmatch(r"error: resume\.md:\d+: expected the `# Name` heading.*\n", result.stderr)


def test_a_build_that_fails_half_way_leaves_the_old_site(built_repo: Path, tmp_path: Path) -> None:
    """The HTML pages succeed, then the PDF fails: nothing of the new build may show up."""
    repo = tmp_path / "repo"
    shutil.copytree(built_repo, repo)
    before = {
        p.relative_to(repo): p.read_bytes() for p in (repo / "_site").rglob("*") if p.is_file()
    }
    resume = repo / "resume.md"
    text = resume.read_text(encoding="utf-8")
    resume.write_text(text.replace("# Alex Example", "# Alex \U00011f04 Example"), encoding="utf-8")
    result = run_portfolio(repo, "build")
    assert result.returncode == 1
    line = text.splitlines().index("# Alex Example") + 1
    assert result.stderr.splitlines()[-1].startswith(
        f"error: resume.md:{line}: no font has a glyph"
    )
    after = {
        p.relative_to(repo): p.read_bytes() for p in (repo / "_site").rglob("*") if p.is_file()
    }
    assert after == before
    assert not list(repo.glob("._site*"))
