"""PDF/UA-1 in veraPDF (its validation library from Maven Central, behind tests/tools/verapdf/Validate.java): every
built-in theme's PDF, a copied-and-edited theme folder's, and resumes in other languages and scripts pass with
0 failed rules."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
from portfolio_support import FIXTURES, RESUMES, portfolio, run_portfolio  # noqa: F401  (fixture)
from verapdf_support import validate

PDFS: dict[str, Path] = {}  # the module's PDFs by name, filled by the `verdicts` fixture
THEMES = ["jake", "classic", "compact", "dense", "modern"]
LANGUAGES = ["de-1", "fr-2", "pl-2", "tr-1", "ja-1", "zh-2", "ko-2", "ar-2", "he-1"]


@pytest.fixture(scope="module")
def verdicts(portfolio, baked_default: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:  # noqa: F811
    import portfolio.fit as fit

    folder = tmp_path_factory.mktemp("pdfua")
    pdfs: dict[str, Path] = {}
    sample = portfolio.resume.load_resume(baked_default / "resume.md").public()
    senior = portfolio.resume.load_resume(RESUMES / "senior.md").public()
    for theme in THEMES:
        for name, resume in (("sample", sample), ("senior", senior)):
            pdfs[f"{theme}-{name}"] = folder / f"{theme}-{name}.pdf"
            pdfs[f"{theme}-{name}"].write_bytes(fit.fit_pdf(dataclasses.replace(resume, theme=theme), folder, cache=False).pdf)
    for name in LANGUAGES:
        resume = portfolio.resume.load_resume(FIXTURES / "lang_blind" / f"{name}.md").public()
        pdfs[name] = folder / f"{name}.pdf"
        pdfs[name].write_bytes(fit.fit_pdf(resume, folder, cache=False).pdf)
    own = folder / "own"
    shutil.copytree(baked_default, own)
    assert run_portfolio(own, "theme", "copy", "modern").returncode == 0
    values = own / "theme" / "theme.yml"
    values.write_text(values.read_text(encoding="utf-8").replace('accent: "#0f5c6e"', 'accent: "#6a1b9a"'), encoding="utf-8")
    layout = own / "theme" / "resume.typ"
    layout.write_text(layout.read_text(encoding="utf-8").replace("line(length: 100%, stroke:", "line(length: 60%, stroke:"), encoding="utf-8")
    built = run_portfolio(own, "build")
    assert built.returncode == 0, built.stderr
    pdfs["own-theme"] = own / "_site" / "resume.pdf"
    PDFS.update(pdfs)
    found = validate(list(pdfs.values()))
    return {name: found[path] for name, path in pdfs.items()}


@pytest.mark.parametrize("name", [f"{theme}-{source}" for theme in THEMES for source in ("sample", "senior")] + ["own-theme"])
def test_every_theme_passes_pdf_ua_1_with_no_failed_rule(verdicts, name: str) -> None:
    assert verdicts[name] == ["passed\t0 failed rules"]


@pytest.mark.parametrize("name", LANGUAGES)
def test_resumes_in_other_scripts_pass_pdf_ua_1_with_no_failed_rule(verdicts, name: str) -> None:
    assert verdicts[name] == ["passed\t0 failed rules"]


def test_the_validator_fails_a_pdf_that_is_not_pdf_ua(tmp_path: Path) -> None:
    """The near miss: the same resume compiled without PDF/UA (no tag tree, no /Lang) fails, with rules named."""
    import typst

    source = tmp_path / "plain.typ"
    source.write_text("= Ada Lovelace\n\nLondon, ada at example dot com\n", encoding="utf-8")
    plain = tmp_path / "plain.pdf"
    plain.write_bytes(typst.compile(str(source), format="pdf"))
    verdict = validate([plain])[plain]
    assert verdict[0].startswith("failed\t") and len(verdict) > 1


def tags(pdf: Path) -> list[str]:
    """The structure tree's tags, depth first."""
    from pypdf import PdfReader

    found: list[str] = []

    def walk(node) -> None:  # noqa: ANN001 - a pypdf dictionary
        node = node.get_object()
        if "/S" in node:
            found.append(str(node["/S"]))
        kids = node.get("/K", [])
        for kid in kids if isinstance(kids, list) else [kids]:
            kid = kid.get_object() if hasattr(kid, "get_object") else kid
            if isinstance(kid, dict):
                walk(kid)

    walk(PdfReader(pdf).trailer["/Root"]["/StructTreeRoot"])
    return found


@pytest.mark.parametrize("theme", THEMES)
def test_each_entry_title_is_a_heading_under_its_section(verdicts, portfolio, baked_default: Path, theme: str) -> None:  # noqa: F811
    """Jobs, schools, projects and one-line entries are H3, one per entry, beside one H1 and an H2 per section,
    so a screen reader can jump from entry to entry (they were Div > Strong)."""
    for source in ("sample", "senior"):
        resume = portfolio.resume.load_resume(baked_default / "resume.md" if source == "sample" else RESUMES / "senior.md")
        found = tags(PDFS[f"{theme}-{source}"])
        assert found.count("/H1") == 1
        assert found.count("/H2") == len([s for s in resume.sections if s.heading])
        assert found.count("/H3") == len(list(resume.entries())), (source, found.count("/H3"))
