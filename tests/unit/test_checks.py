"""Workflow commands and the step summary hold user text as data: escaped, one line, no markup."""

from __future__ import annotations

from src_support import module

checks = module("checks")


def test_a_finding_is_one_workflow_command_whatever_its_text() -> None:
    finding = checks.Finding("my resume, v2.md", 12, 3, "Portfolio.Tables", "error", "100% bad\n::error::x")
    assert checks.workflow_command(finding) == (
        "::error file=my resume%2C v2.md,line=12,col=3,title=Portfolio.Tables::100%25 bad%0A::error::x"
    )


def test_levels_map_to_githubs() -> None:
    levels = [checks.workflow_command(checks.Finding("a.md", 1, 1, "R", level, "m")).split(" ")[0]
              for level in ("error", "warning", "suggestion")]
    assert levels == ["::error", "::warning", "::notice"]


def test_user_text_in_the_summary_cannot_make_markup() -> None:
    hostile = "<img src=x onerror=alert(1)> | **bold** [link](javascript:x) `code` # heading"
    text = checks.md(hostile)
    assert "<" not in text and ">" not in text.replace("&gt;", "")
    assert "\\|" in text and "\\*\\*bold\\*\\*" in text and "\\[link\\]" in text and "\\#" in text
    summary = checks.summary_of_findings([checks.Finding("r.md", 2, 1, "Portfolio.X", "warning", hostile)], [])
    row = [line for line in summary.splitlines() if line.startswith("| 2 |")][0]
    assert row.count(" | ") == 3  # four cells: the text's own bars do not make more
