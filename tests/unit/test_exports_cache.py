"""What the exports keep between builds and what they set in pandoc's Word file, pinned by hand: the cache key,
the cache folder's pruning, SOURCE_DATE_EPOCH, the DOCX's title, author and paper, and what is published."""

from __future__ import annotations

import dataclasses
import io
import os
import zipfile
from pathlib import Path

import pytest
from src_support import module

resume = module("resume")
exports = module("exports")

MD = """---
phone: "+1 512 555 0100"
---
# Sam Lee & Co "Dev"

Austin, TX | sam@example.com

## Experience

### Backend Engineer

**Initech** | Austin, TX | *Jan 2020 – Present*

- Cut p95 latency from 800 ms to 120 ms.
"""
SAM = resume.parse_resume(MD, "resume.md")
LETTER_PAGE = '<w:pgSz w:h="15840" w:w="12240" />'  # what pandoc's reference document sets


def _edited(text: str) -> object:
    return resume.parse_resume(MD.replace("120 ms", text), "resume.md")


def test_the_cache_key_follows_the_content_not_where_the_file_is_or_its_warnings() -> None:
    key = exports.fingerprint(SAM)
    assert len(key) == 64 and int(key, 16) >= 0  # a sha256 in hex
    moved = dataclasses.replace(SAM, source=Path("elsewhere/resume.md"), warnings=())
    assert exports.fingerprint(moved) == key
    assert exports.fingerprint(_edited("110 ms")) != key
    import datetime

    dated = dataclasses.replace(SAM, design=(("accent", datetime.date(2024, 1, 1)),))  # a value JSON cannot hold
    assert exports.fingerprint(dated) not in (key, "")


def test_the_cache_key_follows_pandoc_s_version_and_the_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    key = exports.fingerprint(SAM)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert exports._epoch() == 1_700_000_000
    assert exports.fingerprint(SAM) != key
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "soon")  # not a number: the fixed default
    assert exports._epoch() == exports.DEFAULT_EPOCH == 1_735_689_600
    assert exports.fingerprint(SAM) == key
    versions = {"pypandoc-binary": "1.0"}
    monkeypatch.setattr(exports, "package_version", lambda name: versions.get(name, ""))
    old_pandoc = exports.fingerprint(SAM)
    versions["pypandoc-binary"] = "2.0"
    assert exports.fingerprint(SAM) != old_pandoc


def test_the_docx_is_dated_by_source_date_epoch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(1_700_000_000))  # 2023-11-14T22:13:20Z
    exports.write_docx(SAM, tmp_path / "resume.docx")
    with zipfile.ZipFile(tmp_path / "resume.docx") as docx:
        core = docx.read("docProps/core.xml").decode()
        written = {docx.getinfo(name).date_time for name in ("word/document.xml", "docProps/core.xml")}
        compression = {info.compress_type for info in docx.infolist()}
    assert "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2023-11-14T22:13:20Z</dcterms:created>" in core
    # the parts pandoc writes (those it copies from the reference document keep that file's dates)
    assert written == {(2023, 11, 14, 22, 13, 20)} and compression == {zipfile.ZIP_DEFLATED}


def test_the_docx_names_its_title_and_author_once_and_keeps_us_letter(tmp_path: Path) -> None:
    exports.write_docx(SAM, tmp_path / "resume.docx")
    with zipfile.ZipFile(tmp_path / "resume.docx") as docx:
        core = docx.read("docProps/core.xml").decode()
        body = docx.read("word/document.xml").decode()
    assert core.count("<dc:title>") == 1 and core.count("<dc:creator>") == 1
    assert '<dc:title>Sam Lee &amp; Co "Dev" – Resume</dc:title>' in core  # XML text: & escaped, quotes as they are
    assert '<dc:creator>Sam Lee &amp; Co "Dev"</dc:creator>' in core
    assert LETTER_PAGE in body and exports.A4_PAGE not in body


@pytest.mark.parametrize(
    ("core", "expected"),
    [
        (
            "<cp:coreProperties><dc:title/></cp:coreProperties>",
            "<cp:coreProperties><dc:title>T &lt;1&gt;</dc:title><dc:creator>A</dc:creator></cp:coreProperties>",
        ),
        (
            "<cp:coreProperties><dc:creator>old\nname</dc:creator><dc:title>x</dc:title></cp:coreProperties>",
            "<cp:coreProperties><dc:creator>A</dc:creator><dc:title>T &lt;1&gt;</dc:title></cp:coreProperties>",
        ),
    ],
    ids=["empty title, no creator", "both there, one over two lines"],
)
def test_core_properties_are_replaced_or_added(core: str, expected: str) -> None:
    assert exports._core_properties(core, "T <1>", "A") == expected


def test_only_the_public_copy_is_exported_unless_asked(tmp_path: Path) -> None:
    public, private = tmp_path / "public", tmp_path / "private"
    public.mkdir(), private.mkdir()
    exports.write_all(SAM, public)
    exports.start_all(SAM, private, public=False).finish()
    for name in ("resume.txt", "resume.json"):
        assert "+1 512 555 0100" not in (public / name).read_text(encoding="utf-8")
        assert "+1 512 555 0100" in (private / name).read_text(encoding="utf-8")
    assert exports.to_text(SAM).splitlines()[1] == "Austin, TX | sam@example.com | +1 512 555 0100"


def test_the_cache_keeps_the_twelve_newest_builds_and_fills_a_slot_left_half_written(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    for age in range(14):  # names in the opposite order to their age: pruning goes by time, not name
        old = cache / f"slot-{13 - age:02d}"
        old.mkdir(parents=True)
        os.utime(old, (1_600_000_000 + age, 1_600_000_000 + age))
    half = cache / exports.fingerprint(SAM.public())  # the key of what is published
    half.mkdir()
    (half / "resume.txt").write_text("stale", encoding="utf-8")  # the other files never written
    os.utime(half, (1_700_000_000, 1_700_000_000))
    out = tmp_path / "out"
    out.mkdir()
    first = exports.write_all(SAM, out, cache=cache)
    assert not first.reused
    assert sorted(path.name for path in cache.iterdir()) == sorted(
        [half.name, *(f"slot-{13 - age:02d}" for age in range(3, 14))]
    )
    assert sorted(path.name for path in half.iterdir()) == ["notes.txt", "resume.docx", "resume.json", "resume.txt"]
    assert (half / "resume.txt").read_text(encoding="utf-8") == (out / "resume.txt").read_text(encoding="utf-8")
    again = exports.write_all(SAM, out, cache=cache)
    assert again.reused and again.notes == first.notes


def test_notes_outside_ascii_come_back_from_the_cache(tmp_path: Path) -> None:
    md = MD + "\n## Intérêts\n\nEscalade, échecs\n"
    cafe = resume.parse_resume(md, "resume.md")
    first = exports.write_all(cafe, tmp_path, cache=tmp_path / "cache")
    again = exports.write_all(cafe, tmp_path, cache=tmp_path / "cache")
    assert again.reused and again.notes == first.notes == (
        "resume.md:16: section 'Intérêts': JSON Resume has no place for free text",
    )


def test_finishing_a_docx_only_touches_core_properties_and_an_a4_page() -> None:
    source = io.BytesIO()
    with zipfile.ZipFile(source, "w", zipfile.ZIP_DEFLATED) as docx:
        docx.writestr("docProps/core.xml", "<cp:coreProperties></cp:coreProperties>")
        docx.writestr("word/document.xml", LETTER_PAGE)
        docx.writestr("word/styles.xml", LETTER_PAGE)  # not the document: left alone
    for paper, page in (("a4", exports.A4_PAGE), ("us-letter", LETTER_PAGE)):
        finished = zipfile.ZipFile(io.BytesIO(exports._finish_docx(source.getvalue(), title="T", author="A", paper=paper)))
        assert finished.read("word/document.xml").decode() == page
        assert finished.read("word/styles.xml").decode() == LETTER_PAGE
        assert finished.read("docProps/core.xml").decode() == (
            "<cp:coreProperties><dc:title>T</dc:title><dc:creator>A</dc:creator></cp:coreProperties>"
        )
