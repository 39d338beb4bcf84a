"""Small parts of the reader, each with the values worked out by hand: what counts as a place, brackets cut out of
a field, escaping that reads back as the text, a list of skills, the right-to-left languages, and which section
items a variant keeps."""

from __future__ import annotations

import pytest
from src_support import module

resume = module("resume")
fields = module("resume.fields")
escape = module("resume.escape")
inline = module("resume.inline")
locales = module("resume.locales")
model = module("resume.model")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Austin, TX", True),
        ("Berlin", True),
        ("(Remote)", True),  # brackets and spaces around it are not part of it
        ("Remote", True),
        ("Remote-first", True),
        ("Remotely managed team", False),
        ("Hybrid work in Berlin", True),  # a work mode first
        ("Sydney, NSW, Australia", True),
        ("Austin, TX, USA", True),
        ("Austin, TX, USA, Earth", False),  # more than three parts is not a place
        ("Platform, Payments, TX", False),  # three parts: a city, a region, a country
        ("Kraków, Poland", True),
        ("Texas, Austin", False),  # the region comes last
        ("Platform Team", False),
        ("", False),
        ("Mobile", False),  # a city that is more often a word
    ],
)
def test_a_place_is_a_city_a_region_or_a_work_mode(text: str, place: bool) -> None:
    assert fields.is_place(text) is place


@pytest.mark.parametrize(
    ("parts", "cut"),
    [
        (["Mercari (Tokyo)"], ["Mercari", ", ", "Tokyo", ", ", ""]),
        (["Initech (Senior Engineer) Austin"], ["Initech", ", ", "Senior Engineer", ", ", "Austin"]),
        (["Acme (a | b) and (Berlin)"], ["Acme", ", ", "a | b", ", ", "and", ", ", "Berlin", ", ", ""]),
        (["BA (Mod) Economics"], ["BA (Mod) Economics"]),
        (["Globex", " | ", "Lab (Paris)"], ["Globex", " | ", "Lab", ", ", "Paris", ", ", ""]),
    ],
    ids=["place", "title", "two brackets", "kept", "separators stay"],
)
def test_a_bracket_is_cut_out_when_it_holds_a_place_a_title_or_fields(parts: list[str], cut: list[str]) -> None:
    assert fields._paren_split(parts) == cut


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("R&D &amp; more", "R&D \\&amp; more"),
        ("Ranked #1 &#183; twice", "Ranked #1 \\&#183; twice"),
        ("2020. A year", "2020\\. A year"),
        ("3) third", "3\\) third"),
        ("- not a list", "\\- not a list"),
        ("# not a heading", "\\# not a heading"),
        ("*bold* [x] `c` <b>", "\\*bold\\* \\[x\\] \\`c\\` \\<b>"),
        ("snake_case _x_", "snake_case \\_x\\_"),
    ],
)
def test_plain_text_is_escaped_to_read_back_as_itself(text: str, escaped: str) -> None:
    assert escape.md_escape(text) == escaped
    parsed = resume.parse_resume(f"# Sam\n\nsam@example.com\n\n## Summary\n\n{escaped}\n", "resume.md")
    assert parsed.sections[0].paragraphs == (text,)


def test_inside_a_line_a_field_is_escaped_without_block_marks() -> None:
    assert escape.md_escape("2020. A year", line_start=False) == "2020. A year"
    assert escape.field_escape("- A | B · C") == "\\- A \\| B &#183; C"
    assert escape.field_escape("- A", line_start=False) == "- A"
    assert escape.field_escape("2020. Best") == "2020\\. Best"


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("Python, Go, SQL.", ["Python", "Go", "SQL"]),
        ("Docker / Kubernetes | Helm", ["Docker", "Kubernetes", "Helm"]),
        ("React·Vue • Svelte", ["React", "Vue", "Svelte"]),
        ("Node.js, .NET", ["Node.js", ".NET"]),
        ("CI/CD, TCP/IP", ["CI/CD", "TCP/IP"]),
    ],
)
def test_a_skills_list_is_split_at_commas_slashes_bars_and_dots(text: str, items: list[str]) -> None:
    assert inline.split_list(text) == items


@pytest.mark.parametrize(
    ("lang", "rtl"),
    [("ar", True), ("he-IL", True), ("fa", True), ("AR-EG", True), ("en", False), ("", False), ("en-GB", False),
     ("arn", False), ("ur_PK", False)],
)
def test_right_to_left_is_the_language_not_its_region(lang: str, rtl: bool) -> None:
    assert locales.is_right_to_left(lang) is rtl


def test_a_variant_keeps_the_items_it_is_tagged_for_and_drops_a_skills_section_left_empty() -> None:
    Bullet, Section, SkillGroup = model.Bullet, model.Section, model.SkillGroup
    section = Section("Awards", "awards", 5, bullets=(Bullet("Mine", 6, targets=("a",)), Bullet("Yours", 7, targets=("b",)),
                                                      Bullet("Ours", 8)))
    assert [b.text for b in model.section_for(section, "a").bullets] == ["Mine", "Ours"]
    assert [b.text for b in model.section_for(section, "b").bullets] == ["Yours", "Ours"]
    skills = Section("Skills", "skills", 9, skills=(SkillGroup("Go", ("Go",), 10, targets=("b",)),))
    assert model.section_for(skills, "a") is None
    assert model.section_for(Section("Skills", "skills", 9), "a") is None  # a skills section holds items, even none
    assert model.section_for(Section("Notes", "text", 9, paragraphs=("Hi",)), "a") == Section("Notes", "text", 9, paragraphs=("Hi",))
