"""Themes and design options: the five built-in themes as data, every front-matter option checked with the line
it is on, the choices written back by the writer, and the fit ladder each theme steps down."""

from __future__ import annotations

import dataclasses

import pytest
from src_support import module

resume = module("resume")
design = module("design")
pdf = module("pdf")

BODY = "# Ada Lovelace\n\nLondon, UK | ada@example.com\n\n## Experience\n\n### Engineer\n\n**Acme** | London, UK | *2020 – 2022*\n\n- Cut build time by 40%.\n"


def read(front: str):
    return resume.parse_resume(f"---\n{front}---\n{BODY}", "resume.md")


def errors_of(front: str) -> list[str]:
    with pytest.raises(resume.ResumeError) as raised:
        read(front)
    return [str(problem) for problem in raised.value.problems]


def test_five_themes_each_with_a_description_and_a_look_of_its_own() -> None:
    themes = design.themes()
    assert list(themes) == ["jake", "classic", "compact", "dense", "modern"]
    assert all(theme.description for theme in themes.values())
    looks = {(t.design.font, t.design.section_titles, t.design.name_align, t.design.dates) for t in themes.values()}
    assert len(looks) == 5


def test_the_default_theme_is_todays_layout_value_for_value() -> None:
    assert design.themes()["jake"].design == design.Design()
    assert design.Design().template_values() == {
        "font": ["New Computer Modern", "Libertinus Serif", "DejaVu Sans Mono"],
        "heading_font": ["New Computer Modern", "Libertinus Serif", "DejaVu Sans Mono"],
        "accent": "#000000",
        "name_size": 20.0,
        "name_align": "center",
        "heading_size": 11.0,
        "section_titles": "rule",
        "dates": "right",
    }
    assert pdf.fit_steps(read("")) == pdf.FIT_STEPS


def test_theme_and_design_are_read_in_the_order_written() -> None:
    parsed = read('theme: modern\ndesign:\n  accent: "1F4E79"\n  size: 10\n  margins: 0.6\n  dates: right\n')
    assert parsed.theme == "modern"
    assert parsed.design == (("accent", "#1f4e79"), ("size", 10.0), ("margins", 0.6), ("dates", "right"))
    look = design.design_of(parsed)
    assert (look.font, look.accent, look.size, look.margin_x, look.margin_y, look.dates, look.section_titles) == (
        "Source Sans Pro", "#1f4e79", 10.0, 0.6, 0.6, "right", "small-caps",
    )


@pytest.mark.parametrize(
    ("front", "message"),
    [
        ("theme: fancy\n", "resume.md:2: theme: unknown theme 'fancy' (choose from jake, classic, compact, dense, modern)"),
        ("theme: [jake]\n", "resume.md:2: theme: unknown theme ['jake'] (choose from jake, classic, compact, dense, modern)"),
        ("design: blue\n", "resume.md:2: `design` must be `key: value` lines, indented under it"),
        ("design:\n  colour: blue\n", "resume.md:3: design: unknown design option `colour` (use accent, font, heading_font, size, margins, section_titles, dates)"),
        ("design:\n  accent: red\n", "resume.md:3: design: `accent`: 'red' is not a colour written as #rrggbb (for example \"#1f4e79\")"),
        ("design:\n  accent: '#12345'\n", "resume.md:3: design: `accent`: '#12345' is not a colour written as #rrggbb (for example \"#1f4e79\")"),
        ("design:\n  font: Comic Sans\n", "resume.md:3: design: `font`: 'Comic Sans' is not a font this project ships: New Computer Modern, Libertinus Serif, Source Sans Pro, Source Serif Pro"),
        ("design:\n  size: 8\n", "resume.md:3: design: `size`: 8 pt is outside 9.5–12"),
        ("design:\n  size: big\n", "resume.md:3: design: `size`: must be a number of pt from 9.5 to 12, not 'big'"),
        ("design:\n  size: true\n", "resume.md:3: design: `size`: must be a number of pt from 9.5 to 12, not True"),
        ("design:\n  margins: 2\n", "resume.md:3: design: `margins`: 2 in is outside 0.4–1"),
        ("design:\n  section_titles: wavy\n", "resume.md:3: design: `section_titles`: 'wavy' is not one of rule, plain, small-caps, accent, centred"),
        ("design:\n  dates: left\n", "resume.md:3: design: `dates`: 'left' is not one of right, below"),
        ("target_role: x\ndesign:\n  size: 10\n  dates: left\n", "resume.md:5: design: `dates`: 'left' is not one of right, below"),
    ],
)
def test_each_bad_value_is_one_located_error(front: str, message: str) -> None:
    assert errors_of(front) == [message]


def test_near_misses_of_the_checks_are_accepted() -> None:
    parsed = read("design:\n  accent: '#ABCDEF'\n  size: 9.5\n  margins: 1\n  font: Libertinus Serif\n  section_titles: plain\n")
    assert parsed.design == (
        ("accent", "#abcdef"), ("size", 9.5), ("margins", 1.0), ("font", "Libertinus Serif"), ("section_titles", "plain"),
    )


def test_the_writer_gives_back_theme_and_design() -> None:
    parsed = read('theme: classic\ndesign:\n  accent: "#8b0000"\n  size: 10.25\n  font: Source Serif Pro\n')
    written = resume.write_resume(parsed)
    assert 'theme: classic\ndesign:\n  accent: "#8b0000"\n  size: 10.25\n  font: "Source Serif Pro"\n' in written
    again = resume.parse_resume(written, "resume.md")
    assert (again.theme, again.design) == (parsed.theme, parsed.design)
    assert "theme:" not in resume.write_resume(read(""))


def test_each_theme_steps_down_from_its_own_values_never_below_the_floor() -> None:
    floor = pdf.FIT_STEPS[-1]
    for name, theme in design.themes().items():
        steps = pdf.fit_steps(dataclasses.replace(read(""), theme=name))
        look = theme.design
        assert steps[0] == pdf.Style(look.size, look.pitch, look.entry_gap, look.margin_x, look.margin_y), name
        assert len(steps) == len(pdf.FIT_STEPS)
        for knob in ("size", "pitch", "entry_gap", "margin_x", "margin_y"):
            values = [getattr(step, knob) for step in steps]
            assert values == sorted(values, reverse=True), (name, knob, values)
            assert values[-1] == min(values[0], max(getattr(floor, knob), values[-1])), (name, knob)
    dense = pdf.fit_steps(dataclasses.replace(read(""), theme="dense"))
    assert dense[-1] == pdf.Style(9.5, 0.37, 0.85, 0.5, 0.35)
    assert dense[1] == pdf.Style(10.0, 0.4, 0.9, 0.5, 0.4)


def test_a_theme_file_with_an_unknown_or_bad_value_is_refused(tmp_path, monkeypatch) -> None:
    (tmp_path / "jake.yml").write_text("description: x\nsize: 10.5\n", encoding="utf-8")
    (tmp_path / "odd.yml").write_text("description: x\nwobble: 3\n", encoding="utf-8")
    monkeypatch.setattr(design, "THEMES_DIR", tmp_path)
    design.theme.cache_clear()
    design.theme_names.cache_clear()
    try:
        with pytest.raises(design.DesignError, match=r"^odd.yml: unknown theme value `wobble` \(use accent, font, heading_font, size, section_titles, dates, pitch, entry_gap, margin_x, margin_y, name_size, name_align, heading_size\)$"):
            design.themes()
        (tmp_path / "odd.yml").write_text("description: x\nname_size: 40\n", encoding="utf-8")
        design.theme.cache_clear()
        with pytest.raises(design.DesignError, match=r"^odd.yml: `name_size`: 40 pt is outside 14–28$"):
            design.themes()
    finally:
        design.theme.cache_clear()
        design.theme_names.cache_clear()
