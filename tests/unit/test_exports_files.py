"""What each export writer leaves on disk, pinned by hand: the public copy by default from every entry point, the
JSON file's exact layout, the DOCX's first heading and default date, the text export of a section without a
heading and of links whose words are their address, pandoc's failure as one line, and the export job's steps."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from src_support import module

resume = module("resume")
exports = module("exports")

PHONE = "+1 512 555 0100"
MD = f"""---
phone: "{PHONE}"
---
# Zoë Lee

Austin, TX | zoe@example.com

## Skills

Frameworks: React, MobX
"""
ZOE = resume.parse_resume(MD, "resume.md")
HEADLESS = """# Sam Lee

sam@example.com

### Mentor

**Code Club** | *2019 – 2021*

- Taught Python.

## Skills

Go, SQL
"""


def _docx_body(path: Path) -> str:
    with zipfile.ZipFile(path) as docx:
        return docx.read("word/document.xml").decode()


def test_every_writer_publishes_the_public_copy_unless_asked(tmp_path: Path) -> None:
    exports.write_text(ZOE, tmp_path / "public.txt")
    exports.write_json_resume(ZOE, tmp_path / "public.json")
    exports.write_docx(ZOE, tmp_path / "public.docx")
    for name in ("public.txt", "public.json"):
        assert PHONE not in (tmp_path / name).read_text(encoding="utf-8")
    assert PHONE not in _docx_body(tmp_path / "public.docx")
    exports.write_text(ZOE, tmp_path / "private.txt", public=False)
    exports.write_docx(ZOE, tmp_path / "private.docx", public=False)
    assert PHONE in (tmp_path / "private.txt").read_text(encoding="utf-8")
    assert PHONE in _docx_body(tmp_path / "private.docx")


@pytest.mark.parametrize("how", ["start_all", "write_all"])
def test_the_job_publishes_by_default_and_keeps_the_phone_when_asked(tmp_path: Path, how: str) -> None:
    public, private = tmp_path / "public", tmp_path / "private"
    public.mkdir(), private.mkdir()
    if how == "start_all":
        exports.start_all(ZOE, public).finish()
    else:
        exports.write_all(ZOE, public)
        exports.write_all(ZOE, private, public=False)
        assert PHONE in (private / "resume.txt").read_text(encoding="utf-8")
        assert PHONE in _docx_body(private / "resume.docx")
    assert PHONE not in (public / "resume.txt").read_text(encoding="utf-8")
    assert PHONE not in _docx_body(public / "resume.docx")


def test_the_json_file_is_utf8_indented_by_two_and_ends_in_one_newline(tmp_path: Path) -> None:
    notes = exports.write_json_resume(ZOE, tmp_path / "resume.json")
    assert notes == ()
    assert (tmp_path / "resume.json").read_bytes() == (  # ë as UTF-8, not \\u00eb; no phone
        "{\n"
        '  "basics": {\n'
        '    "name": "Zoë Lee",\n'
        '    "location": {\n      "city": "Austin",\n      "region": "TX"\n    },\n'
        '    "email": "zoe@example.com"\n'
        "  },\n"
        '  "skills": [\n    {\n      "name": "Frameworks",\n      "keywords": [\n        "React",\n        "MobX"\n'
        "      ]\n    }\n  ],\n"
        '  "meta": {\n    "portfolio": {\n      "sections": [\n        {\n          "heading": "Skills",\n'
        '          "key": "skills",\n          "count": 1\n        }\n      ],\n      "paper": "us-letter"\n'
        "    }\n  }\n}\n"
    ).encode("utf-8")


def test_the_docx_opens_with_the_name_as_its_title_heading(tmp_path: Path) -> None:
    exports.write_docx(ZOE, tmp_path / "resume.docx")
    body = _docx_body(tmp_path / "resume.docx")
    first = body.index("<w:p>")
    assert '<w:pStyle w:val="Heading1" />' in body[first : body.index("</w:p>", first)]
    assert "<w:t xml:space=\"preserve\">Zoë Lee</w:t>" in body or "<w:t>Zoë Lee</w:t>" in body


def test_the_docx_is_dated_by_the_fixed_default_without_source_date_epoch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    exports.write_docx(ZOE, tmp_path / "resume.docx")
    with zipfile.ZipFile(tmp_path / "resume.docx") as docx:
        core = docx.read("docProps/core.xml").decode()
    assert '<dcterms:created xsi:type="dcterms:W3CDTF">2025-01-01T00:00:00Z</dcterms:created>' in core


def test_pandoc_s_failure_is_one_line_without_its_stack(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    missing = tmp_path / "no such folder" / "reference.docx"
    monkeypatch.setattr(exports, "REFERENCE_DOCX", missing)
    with pytest.raises(exports.ExportError) as raised:
        exports.write_docx(ZOE, tmp_path / "resume.docx")
    assert str(raised.value) == (
        f"pandoc could not write the DOCX: pandoc: {missing}: withBinaryFile: does not exist (No such file or directory)"
    )
    assert not (tmp_path / "resume.docx").exists()


def test_a_section_without_a_heading_starts_with_its_first_entry() -> None:
    sam = resume.parse_resume(HEADLESS, "resume.md")
    assert exports.to_text(sam) == (
        "Sam Lee\nsam@example.com\n\n"
        "Mentor\nCode Club | 2019 – 2021\n- Taught Python.\n\n"
        "SKILLS\nGo, SQL\n"
    )
    markdown = exports.to_docx_markdown(sam)
    assert markdown.startswith("# Sam Lee\n\nsam@example.com\n\n### Mentor\n\n**Code Club** | *2019 – 2021*\n\n")
    assert "## \n" not in markdown and markdown.count("## ") == 2  # Skills, and the entry's ###


def test_a_section_ending_in_a_capital_x_keeps_it() -> None:
    assert exports.to_text(ZOE.public()) == "Zoë Lee\nAustin, TX | zoe@example.com\n\nSKILLS\nFrameworks: React, MobX\n"


@pytest.mark.parametrize(
    ("markdown", "text"),
    [
        ("[https://x.dev](https://x.dev) first", "https://x.dev first"),
        ("Mail [me@x.dev](mailto:me@x.dev)", "Mail me@x.dev"),
        ("Mail [**me**@x.dev](mailto:me@x.dev)", "Mail me@x.dev"),
        ("[https://x.dev](https://x.dev)[mirror](https://x.dev)", "https://x.devmirror (https://x.dev)"),
        ("Read [the *x.dev* docs](https://x.dev)", "Read the x.dev docs (https://x.dev)"),
        ("[`x.dev`](x.dev) by name", "x.dev by name"),
        ("An [empty]() link", "An empty link"),
    ],
    ids=["address first", "mailto", "address in two styles", "address, then other words", "emphasis inside", "code", "no address"],
)
def test_a_link_s_address_is_written_once_unless_its_words_are_the_address(markdown: str, text: str) -> None:
    assert exports._bullet_text(resume.Bullet(text="(unused)", line=1, markdown=markdown)) == text


def test_a_bullet_without_markdown_or_links_is_its_text() -> None:
    assert exports._bullet_text(resume.Bullet(text="Shipped *it*", line=1)) == "Shipped *it*"
    assert exports._bullet_text(resume.Bullet(text="Shipped it", line=1, markdown="Shipped **it**")) == "Shipped it"
    # with no link in it, the words are the reader's, not the Markdown read again
    assert exports._bullet_text(resume.Bullet(text="as read", line=1, markdown="Shipped **it**")) == "as read"


def test_the_job_writes_text_and_json_once_and_leaves_a_cached_build_to_finish(tmp_path: Path) -> None:
    cache, first, second = tmp_path / "cache", tmp_path / "first", tmp_path / "second"
    first.mkdir(), second.mkdir()
    job = exports.start_all(ZOE, first, cache=cache)
    job.write_texts()
    assert sorted(path.name for path in first.iterdir()) == ["resume.json", "resume.txt"]
    written = (first / "resume.txt").read_bytes()
    (first / "resume.txt").write_bytes(b"edited")
    job.write_texts()  # already written: not again
    assert (first / "resume.txt").read_bytes() == b"edited"
    (first / "resume.txt").write_bytes(written)
    built = job.finish()
    assert built.reused is False and built.paths == [first / name for name in exports.EXPORTS]
    cached = exports.start_all(ZOE, second, cache=cache)
    cached.write_texts()  # nothing to do: finish() copies the cached files
    assert list(second.iterdir()) == []
    cached.cancel()  # no pandoc to stop
    again = cached.finish()
    assert again.reused is True and again.paths == [second / name for name in exports.EXPORTS]
    assert (second / "resume.txt").read_bytes() == (cache / exports.fingerprint(ZOE.public()) / "resume.txt").read_bytes()


def test_cancel_stops_pandoc_and_writes_nothing(tmp_path: Path) -> None:
    job = exports.start_all(ZOE, tmp_path)
    job.cancel()
    assert job.docx.process.returncode is not None  # stopped and waited for
    assert list(tmp_path.iterdir()) == []
