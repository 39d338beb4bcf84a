"""Ways people write entries, each read in full: every field of every entry and bullet, with its line, and every
warning; then written out in the canonical form and read back the same.

For each `tests/fixtures/reader_cases/NAME.md`, `NAME.read` is its reading (see reading.py for the form),
`NAME.canonical.md` what the writer makes of it and `NAME.json` its JSON Resume export with the notes about what
that format cannot hold, each written out and checked by hand; a change to the reader, the writer or the export
that alters any field fails here with the diff."""

from __future__ import annotations

import json

import pytest
from reading import described
from resume_content import content
from src_support import FIXTURES, module

resume = module("resume")
jsonresume = module("jsonresume")

CASES = FIXTURES / "reader_cases"
NAMES = sorted(path.name.removesuffix(".md") for path in CASES.glob("*.md") if not path.name.endswith(".canonical.md"))


def _read(name: str) -> str:
    return (CASES / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("case", NAMES)
def test_each_case_reads_as_written_down(case: str) -> None:
    assert described(resume.parse_resume(_read(f"{case}.md"), "resume.md")) == _read(f"{case}.read")


@pytest.mark.parametrize("case", NAMES)
def test_each_case_is_written_in_the_canonical_form_and_reads_back_the_same(case: str) -> None:
    parsed = resume.parse_resume(_read(f"{case}.md"), "resume.md")
    written = resume.write_resume(parsed)
    assert written == _read(f"{case}.canonical.md")
    assert content(resume.parse_resume(written, "resume.md")) == content(parsed)


@pytest.mark.parametrize("case", NAMES)
def test_each_case_exports_to_json_resume_field_by_field(case: str) -> None:
    export = jsonresume.to_json_resume(resume.parse_resume(_read(f"{case}.md"), "resume.md"))
    assert {"json_resume": export.data, "notes": list(export.notes)} == json.loads(_read(f"{case}.json"))


def test_every_case_has_its_reading_its_canonical_form_and_its_export() -> None:
    assert NAMES == sorted(p.stem for p in CASES.glob("*.read"))
    assert NAMES == sorted(p.stem for p in CASES.glob("*.json"))
    assert NAMES == sorted(p.name.removesuffix(".canonical.md") for p in CASES.glob("*.canonical.md"))
