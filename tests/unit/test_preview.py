"""The dev server's preview page, rendered from hand-made values: what it shows, and that it escapes them."""

from __future__ import annotations

from src_support import module

preview = module("preview")
ats = module("ats")
checks = module("checks")


def page(**values) -> str:
    return preview.render(preview.Preview(**values))


def test_a_broken_save_lists_its_located_errors_above_everything() -> None:
    html = page(errors=["resume.md:2: pages: must be 1 or 2, not 3"])
    assert "The last save did not build; the last good build is still served" in html
    assert "<li><code>resume.md:2: pages: must be 1 or 2, not 3</code></li>" in html
    assert html.index("did not build") < html.index("The PDF's first page")


def test_fields_read_apart_and_fields_that_differ() -> None:
    rows = [
        ats.FieldRead("resume.md:26", "organisation", "Example Corp", "Example Corp"),
        ats.FieldRead("resume.md:26", "dates", "2022 – Present", "Springfield | 2022 – Present", "dates '2022 – Present' is merged"),
    ]
    html = page(fields=rows)
    assert "<tr><td>resume.md:26</td><td>organisation</td><td>Example Corp</td><td>Example Corp</td></tr>" in html
    assert ('<tr class="differs"><td>resume.md:26</td><td>dates</td><td>2022 – Present</td>'
            "<td><strong>differs:</strong> dates &#39;2022 – Present&#39; is merged</td></tr>") in html


def test_fullness_in_lines_to_spare_or_over() -> None:
    assert "64% of the last page used; 21 lines to spare." in page(fullness=(0.64, 21))
    assert "100% of the last page used; 1 line over." in page(fullness=(1.0, -1))
    assert "Not measured (no good build yet)." in page()


def test_vale_findings_with_file_line_and_rule() -> None:
    finding = checks.Finding("resume.md", 30, 3, "Portfolio.WeakOpener", "warning", "Drop 'Responsible for'.")
    html = page(findings=[finding])
    assert "<h2 id=\"findings\">Vale findings (1)</h2>" in html
    assert "<tr><td><code>resume.md:30</code></td><td>Portfolio.WeakOpener</td><td>Drop &#39;Responsible for&#39;.</td></tr>" in html
    assert "None." in page() and "Vale is not installed" in page(vale_note="Vale is not installed yet")


def test_what_the_resume_and_the_errors_say_is_escaped() -> None:
    hostile = '<script>alert(1)</script><img src=x onerror="alert(2)">'
    html = page(
        errors=[hostile], changed=hostile, fields=[ats.FieldRead(hostile, hostile, hostile, hostile, hostile)],
        findings=[checks.Finding(hostile, 1, 1, hostile, "error", hostile)], ats_problems=[hostile],
    )
    assert "<script>alert" not in html and "<img src=x" not in html
    assert html.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 8


def test_a_broken_save_keeps_the_reading_of_the_last_good_build() -> None:
    good = preview.Preview(fields=[ats.FieldRead("resume.md:26", "title", "Engineer", "Engineer")], fullness=(0.5, 20))
    broken = preview.Preview(errors=["resume.md:2: pages: must be 1 or 2"], vale_note="note")
    shown = preview.with_reading_of(broken, good)
    assert (shown.errors, shown.vale_note, shown.fields, shown.fullness) == (
        ["resume.md:2: pages: must be 1 or 2"], "note", good.fields, (0.5, 20),
    )


def test_what_the_check_could_not_judge_is_said_above_the_reading() -> None:
    html = page(ats_notes=["right-to-left text: read <line by line>"])
    assert '<p class="note">Note: right-to-left text: read &lt;line by line&gt;</p>' in html
    assert html.index("What a parser reads") < html.index("right-to-left text")
    assert "Note:" not in page()
