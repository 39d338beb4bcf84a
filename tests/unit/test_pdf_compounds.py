"""A hyphenated word is never split at a line end, and the words kept whole are remembered: an edit to a bullet
without a hyphenated word builds without reading the PDF back (no pypdf), one that adds such a word reads it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from src_support import FIXTURES, module

resume = module("resume")
pdf = module("pdf")
ats = module("ats")

# The blind resume whose summary puts "e-commerce" at a line end at the default style.
SPLITS = sorted((FIXTURES / "resumes_blind2").glob("*.md"))[1]


@pytest.fixture()
def fresh_memory(monkeypatch) -> dict:
    memory: dict = {}
    monkeypatch.setattr(pdf, "_KEPT_WHOLE", memory)
    return memory


def reads_back(monkeypatch) -> list[int]:
    """Counts the times a render reads its PDF back to look for split words."""
    calls: list[int] = []
    real = pdf._broken_compounds
    monkeypatch.setattr(pdf, "_broken_compounds", lambda data, layout: calls.append(1) or real(data, layout))
    return calls


def test_the_split_word_is_kept_whole_and_remembered_on_disk(tmp_path: Path, fresh_memory: dict, monkeypatch) -> None:
    source = resume.load_resume(SPLITS).public()
    out = tmp_path / "resume.pdf"
    pdf.render_pdf(source, out, repo=tmp_path)
    assert "e-commerce" in ats.read_pdftotext(out) and "ecommerce" not in ats.read_pdftotext(out)
    stored = json.loads((tmp_path / pdf.COMPOUNDS_CACHE).read_text(encoding="utf-8"))
    assert list(stored.values()) == [["e-commerce"]]

    fresh_memory.clear()  # a new process: the answer comes from .cache/pdf/compounds.json
    calls = reads_back(monkeypatch)
    again = tmp_path / "again.pdf"
    pdf.render_pdf(source, again, repo=tmp_path)
    assert calls == [] and again.read_bytes() == out.read_bytes()


def edited(text: str, old: str, new: str):
    assert old in text
    return resume.parse_resume(text.replace(old, new, 1), "resume.md").public()


def test_only_an_edit_that_touches_a_hyphenated_word_reads_the_pdf_again(tmp_path: Path, fresh_memory: dict, monkeypatch) -> None:
    text = SPLITS.read_text(encoding="utf-8")
    bullet = next(line for line in text.splitlines() if line.startswith("- ") and "-" not in line[2:])
    pdf.render_pdf(resume.parse_resume(text, "resume.md").public(), repo=tmp_path)
    calls = reads_back(monkeypatch)

    pdf.render_pdf(edited(text, bullet, bullet.rstrip(".") + " in 2024."), repo=tmp_path)
    assert calls == []  # the edited bullet holds no hyphenated word: the answer stands
    pdf.render_pdf(edited(text, bullet, bullet.rstrip(".") + " for follow-up teams."), repo=tmp_path)
    assert calls  # it does now: the PDF is read back (again after each word it had to keep whole)
    read = len(calls)
    pdf.render_pdf(resume.parse_resume(text, "resume.md").public(), repo=tmp_path, style=pdf.FIT_STEPS[2])
    assert len(calls) > read  # another style breaks lines elsewhere


def test_a_render_without_a_repo_remembers_in_memory_only(tmp_path: Path, fresh_memory: dict) -> None:
    source = resume.load_resume(SPLITS).public()
    pdf.render_pdf(source)
    assert list(fresh_memory.values()) == [["e-commerce"]]
    assert not any(tmp_path.iterdir())


def test_an_edit_beside_a_hyphenated_word_in_one_paragraph_reads_the_pdf_again(tmp_path: Path, fresh_memory: dict, monkeypatch) -> None:
    """A skills line's items share one paragraph: changing one moves where its hyphenated neighbour falls."""
    text = "# Ada Lovelace\n\nLondon | ada@example.com\n\n## Skills\n\n- **Tools:** Git, Docker, real-time tracing\n"
    pdf.render_pdf(resume.parse_resume(text, "resume.md"), repo=tmp_path)
    calls = reads_back(monkeypatch)
    pdf.render_pdf(edited(text, "Docker", "Docker Compose"), repo=tmp_path)
    assert calls  # not the answer for the old line


def test_an_edit_to_the_next_bullet_of_the_same_entry_reads_nothing_back(tmp_path: Path, fresh_memory: dict, monkeypatch) -> None:
    """Each bullet is a paragraph of its own: its neighbour's hyphenated word stays where it was."""
    text = (
        "# Ada Lovelace\n\nLondon | ada@example.com\n\n## Experience\n\n### Engineer\n\n**Acme** | London | *2020 – 2022*\n\n"
        "- Built a real-time feed for 3 teams.\n- Cut costs by 10%.\n"
    )
    pdf.render_pdf(resume.parse_resume(text, "resume.md"), repo=tmp_path)
    calls = reads_back(monkeypatch)
    pdf.render_pdf(edited(text, "Cut costs by 10%.", "Cut costs by 12%."), repo=tmp_path)
    assert calls == []
