"""The Vale configuration for a resume.md in another language: the English-only rules off for it, the rest of the
repo's configuration as it is, and one line that says so; an English resume keeps the repo's own."""

from __future__ import annotations

from pathlib import Path

from src_support import FIXTURES, module

vale_config = module("vale_config")

VALE_INI = "StylesPath = styles\nMinAlertLevel = suggestion\n\n[*resume.md]\nPortfolio.Tables = YES\n"


def repo_with(tmp_path: Path, resume: str) -> Path:
    (tmp_path / ".vale.ini").write_text(VALE_INI, encoding="utf-8")
    (tmp_path / "resume.md").write_text(resume, encoding="utf-8")
    return tmp_path


def test_an_english_resume_keeps_the_repo_configuration(tmp_path: Path) -> None:
    repo = repo_with(tmp_path, "# Ada Lovelace\n\nLondon | ada@example.com\n")
    assert vale_config.config_for(repo) == (None, "")
    assert vale_config.config_for(repo_with(tmp_path, "---\nlang: en-GB\n---\n# Ada\n")) == (None, "")


def test_a_german_resume_gets_the_english_only_rules_off(tmp_path: Path) -> None:
    repo = repo_with(tmp_path, (FIXTURES / "lang_blind" / "de-1.md").read_text(encoding="utf-8"))
    path, note = vale_config.config_for(repo)
    assert path == repo / ".cache" / "vale" / "vale.ini"
    text = path.read_text(encoding="utf-8")
    assert text.startswith(f"StylesPath = {(repo / 'styles').resolve()}\nMinAlertLevel = suggestion\n\n[*resume.md]\nPortfolio.Tables = YES\n")
    assert text.endswith(
        "[resume.md]\nPortfolio.ActionVerb = NO\nPortfolio.WeakOpener = NO\nPortfolio.Pronouns = NO\nPortfolio.Buzzwords = NO\n"
        "Portfolio.Filler = NO\nPortfolio.Spelling = NO\nPortfolio.Headings = NO\nPortfolio.DateStyle = NO\nPortfolio.NumericDates = NO\n"
    )
    assert note == (
        "note: resume.md is in another language (lang: de): Vale's English-only rules are off for it (ActionVerb, "
        "WeakOpener, Pronouns, Buzzwords, Filler, Spelling, Headings, DateStyle, NumericDates); the ATS and "
        "measured-result rules still run"
    )


def test_an_unreadable_resume_keeps_the_repo_configuration(tmp_path: Path) -> None:
    assert vale_config.config_for(repo_with(tmp_path, "---\nlang: [de\n---\n")) == (None, "")
