"""What an import writes more neatly than the source had it (importer.common.tidied)."""

from __future__ import annotations

from src_support import module

resume = module("resume")
common = module("importer.common")
TEXT = (
    "# Ana Silva\n\niOS Engineer\\\nLisbon, Portugal | +351 912 345 678 | ana@example.com\n\n"
    "## Skills\n\n- Swift\n- UIKit\n- **Tools:** Xcode, Fastlane\n- Combine\n"
)


def test_one_skill_a_line_becomes_one_line_and_the_tagline_the_role() -> None:
    tidy, notes = common.tidied(resume.parse_resume(TEXT))
    assert tidy.target_role == "iOS Engineer"
    assert [s.heading for s in tidy.sections] == ["Skills"]
    assert [(g.label, g.items) for g in tidy.sections[0].skills] == [
        ("", ("Swift", "UIKit")),
        ("Tools", ("Xcode", "Fastlane")),
        ("", ("Combine",)),
    ]
    assert tidy.phone == "+351 912 345 678" and "+351" not in resume.write_resume(tidy).split("---")[2]
    assert len(notes) == 2
    assert common.unplaced(tidy, lambda line: f"line {line}") == []


def test_a_role_in_the_front_matter_stays_and_the_line_stays_text() -> None:
    text = '---\ntarget_role: "Mobile Lead"\n---\n' + TEXT
    tidy, _ = common.tidied(resume.parse_resume(text))
    assert tidy.target_role == "Mobile Lead" and tidy.sections[0].paragraphs == ("iOS Engineer",)
