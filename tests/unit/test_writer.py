"""The writer prints a model as canonical resume.md: parse(write(model)) == model, write(parse(text)) == text."""

from __future__ import annotations

from pathlib import Path

import pytest
from src_support import FIXTURES, examples, module
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from resume_content import content

resume = module("resume")
grammar = module("resume.grammar")
model = module("resume.model")

SOURCES = sorted(
    path
    for folder in ("resumes", "resumes_blind", "resumes_blind2", "resumes_md_blind")
    for path in (FIXTURES / folder).glob("*.md")
    if path.name != "README.md"
) + sorted((FIXTURES.parent / "labelled" / "resumes").glob("*.md"))
CANONICAL = """---
target_role: "Data Engineer"
phone: ""
publish_phone: false
paper: a4
variants:
  - {name: data, role: "Data Engineer", sections: ["Experience"]}
---

# Zoë D'Arcy

Kraków, Poland | zoe@example.com | github.com/zoe | [Portfolio](https://zoe.example.com/work)

## Summary

Data engineer who moved 40 pipelines to Airflow and cut late loads from 12 a month to 1.

## Skills

- **Languages:** Python, SQL, Scala
- **Data:** Airflow, dbt, Spark <!-- targets: data -->

## Experience

### Senior Data Engineer

**[Globex](https://globex.example.com)** | Berlin, Germany | *March 2021 – Present*

- Built a Spark pipeline that loads 2 TB a day with **99.9%** on-time delivery. <!-- id: spark-pipeline -->
- Cut warehouse cost by 35% ($40,000 a year) by moving cold tables to S3. <!-- targets: data -->

### Data Engineer

**Initech** | Remote | *June 2018 – February 2021*

- Wrote 120 dbt models for finance, closing the books 2 days sooner.

## Projects

### Lakehouse Demo | *Delta Lake, Spark* | [github.com/zoe/lake](https://github.com/zoe/lake)

- Loaded 1 billion rows into a local lakehouse in 9 minutes on one laptop.

## Education

- **M.Sc. in Computer Science**, AGH University | Kraków, Poland | *2016 – 2018*
  - Thesis on streaming joins, graded 5.0 of 5.

## Certifications

- **AWS Certified Data Engineer – Associate**, Amazon Web Services | *May 2023*
- Google Cloud Professional Data Engineer

## Publications

- **Streaming Joins Without Tears**, VLDB Workshops | *2019* | [doi.org/10.1/x](https://doi.org/10.1/x)
"""


def test_canonical_text_is_written_back_unchanged() -> None:
    parsed = resume.parse_resume(CANONICAL)
    assert parsed.warnings == ()
    assert resume.write_resume(parsed) == CANONICAL


def test_the_canonical_example_holds_every_kind_of_entry() -> None:
    kinds = [entry.kind for entry in resume.parse_resume(CANONICAL).entries()]
    assert kinds == ["job", "job", "project", "degree", "credential", "publication"]


@pytest.mark.parametrize("path", SOURCES, ids=[f"{p.parent.name}/{p.stem}" for p in SOURCES])
def test_every_fixture_reads_back_the_same_after_writing(path: Path) -> None:
    first = resume.load_resume(path)
    written = resume.write_resume(first)
    again = resume.parse_resume(written, path)
    assert content(again) == content(first)
    assert resume.write_resume(again) == written  # what the writer prints is canonical
    assert [w for w in again.warnings if "read by its fields" in w.message] == []


# --------------------------------------------------------------------------- generated resumes

_LETTERS = st.characters(categories=["L"], max_codepoint=0x24F)
_SPECIAL = st.sampled_from(list("*_`[]<>&#\\!~|·•"))
_WORD = st.text(_LETTERS, min_size=1, max_size=8)


def _text(max_words: int = 5, special: bool = True) -> st.SearchStrategy[str]:
    piece = st.one_of(_WORD, st.builds(lambda a, b: a + b, _WORD, _SPECIAL)) if special else _WORD
    return st.lists(piece, min_size=1, max_size=max_words).map(" ".join)


def _name() -> st.SearchStrategy[str]:
    """A field that no reader rule takes for something else: not a date, a place, a link or a title."""
    return _text(4).filter(
        lambda t: not resume.parse_date_range(t) and "," not in t and ":" not in t and "." not in t
    )


def _item() -> st.SearchStrategy[str]:
    """A skill or tech item: brackets group items ("Python (pandas, NumPy)"), so none inside one."""
    return _name().filter(lambda t: not any(char in t for char in "()[]{}"))


_MONTHS = st.sampled_from(resume.MONTH_NAMES)
_YEARS = st.integers(1990, 2030)
_DATES = st.one_of(
    st.just(""),
    st.builds(lambda m, y: f"{m} {y}", _MONTHS, _YEARS),
    st.builds(lambda m, y: f"{m} {y} – Present", _MONTHS, _YEARS),
    st.builds(lambda a, b: f"{min(a, b)} – {max(a, b)}", _YEARS, _YEARS),
)
_IDS = st.from_regex(r"[a-z][a-z0-9]{0,4}(?:[-_][a-z0-9]{1,4})?", fullmatch=True)


@st.composite
def _bullets(draw, counter) -> tuple:
    """Bullets, some with an id (unique in the resume: the line number they get is part of it)."""
    texts = draw(st.lists(_text(8), min_size=0, max_size=3))
    bullets = []
    for text in texts:
        line = next(counter)
        ident = f"{draw(_IDS)}-{line}" if draw(st.booleans()) else ""
        bullets.append(model.Bullet(text, line, targets=(), id=ident))
    return tuple(bullets)


@st.composite
def _entry(draw, kind: str, counter) -> object:
    line = next(counter)
    one_line = kind in ("credential", "publication", "award") or (kind == "degree" and draw(st.booleans()))
    dates = draw(_DATES)
    organisation = draw(_name()) if kind != "project" or draw(st.booleans()) else ""
    return model.Entry(
        kind=kind,
        title=draw(_name()),
        organisation=organisation,
        location=draw(st.sampled_from(["", "Austin, TX", "Berlin, Germany", "Remote"])) if organisation else "",
        dates=dates,
        period=resume.parse_date_range(dates) if dates else None,
        tech=tuple(draw(st.lists(_item(), max_size=3))) if kind == "project" and not one_line else (),
        link=None,
        bullets=draw(_bullets(counter)),
        line=line,
        one_line=one_line,
    )


_SECTION_KINDS = ["experience", "projects", "education", "certificates", "awards", "publications"]


@st.composite
def _resume(draw) -> object:
    import itertools

    counter = itertools.count(10)
    sections = [
        model.Section(
            "Summary", "summary", next(counter), paragraphs=(draw(_text(12)),)
        ),
        model.Section(
            "Skills",
            "skills",
            next(counter),
            skills=tuple(
                model.SkillGroup(draw(_name()), tuple(draw(st.lists(_item(), min_size=1, max_size=4))), next(counter))
                for _ in range(draw(st.integers(1, 3)))
            ),
        ),
    ]
    for name in draw(st.lists(st.sampled_from(_SECTION_KINDS), min_size=1, max_size=4, unique=True)):
        kind = grammar.BY_NAME[name]
        entries = [draw(_entry(kind.entry_kind, counter)) for _ in range(draw(st.integers(1, 3)))]
        # one-line entries come first: a list after a `###` entry is that entry's bullets
        entries = tuple(sorted(entries, key=lambda entry: not entry.one_line))
        sections.append(model.Section(kind.heading, name, next(counter), entries=entries))
    return model.Resume(
        name=draw(_name()),
        target_role=draw(st.one_of(st.just(""), _text(3))),
        phone="",
        publish_phone=False,
        contact=(model.ContactItem("location", "Austin, TX"), model.ContactItem("email", "me@example.com", "mailto:me@example.com")),
        sections=tuple(sections),
        source=Path("resume.md"),
    )


@settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_resume())
def test_generated_resumes_read_back_as_written(generated) -> None:
    written = resume.write_resume(generated)
    back, expected = content(resume.parse_resume(written)), content(generated)
    assert back == expected, f"{written}\n{_first_difference(back, expected)}"


def _first_difference(got: object, want: object, where: str = "") -> str:
    if isinstance(got, (list, tuple)) and isinstance(want, (list, tuple)) and len(got) == len(want):
        for index, (a, b) in enumerate(zip(got, want)):
            if a != b:
                return _first_difference(a, b, f"{where}[{index}]")
    if isinstance(got, dict) and isinstance(want, dict):
        for key in want:
            if got.get(key) != want[key]:
                return _first_difference(got.get(key), want[key], f"{where}.{key}")
    return f"at {where}: read back {got!r}, written from {want!r}"


def test_design_options_are_written_back_as_checked() -> None:
    text = (
        '---\ndesign:\n  accent: "#1F4E79"\n  size: 10.5\n  margins: 1\n  section_titles: rule\n---\n'
        "# Ada Lovelace\n\nada@example.com\n"
    )
    written = resume.write_resume(resume.parse_resume(text))
    assert written.split("---\n")[1] == (
        'target_role: ""\nphone: ""\npublish_phone: false\n'
        'design:\n  accent: "#1f4e79"\n  size: 10.5\n  margins: 1\n  section_titles: "rule"\n'
    )


def test_a_link_address_is_written_so_that_it_reads_back_whole() -> None:
    import dataclasses

    base = resume.parse_resume("# Ada Lovelace\n\nada@example.com\n\n## Projects\n\n### Engine | *Go*\n\n- Runs 3 jobs.\n")
    for url, written in [
        ("https://example.com/my work/a<b>", "[demo](https://example.com/my%20work/a%3Cb%3E)"),
        ("https://example.com/engine_(v2)", "[demo](<https://example.com/engine_(v2)>)"),
        ("https://example.com/a\\b", "[demo](<https://example.com/a\\b>)"),
    ]:
        entry = dataclasses.replace(next(base.entries()), link=resume.Link("demo", url))
        model = dataclasses.replace(base, sections=(dataclasses.replace(base.sections[0], entries=(entry,)),))
        text = resume.write_resume(model)
        assert f"### Engine | *Go* | {written}\n" in text, text
        assert next(resume.parse_resume(text).entries()).link.text == "demo"
