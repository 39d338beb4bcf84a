"""Reading resume.md from disk: each way it cannot be read gets one located line, and what editors add (a byte
order mark, Windows line ends) reads the same as a plain file."""

from __future__ import annotations

from pathlib import Path

import pytest
from src_support import module

resume = module("resume")

TEXT = "# Ada Lovelace\n\nLondon, UK | ada@example.com\n\n## Experience\n\n### Engineer\n\n**Acme** | *2020 – 2022*\n\n- Cut costs by 40%.\n"


def failure(path: Path) -> str:
    with pytest.raises(resume.ResumeError) as raised:
        resume.load_resume(path)
    return str(raised.value)


def test_a_missing_file_a_folder_and_bad_utf8_each_get_one_located_line(tmp_path: Path) -> None:
    assert failure(tmp_path / "resume.md") == f"{tmp_path / 'resume.md'}:1: file not found"
    assert failure(tmp_path) == f"{tmp_path}:1: is a folder, not a file"
    latin1 = tmp_path / "latin1.md"
    latin1.write_bytes(TEXT.replace("London, UK", "Zürich").encode("utf-8").replace("ü".encode(), b"\xfc"))
    assert failure(latin1) == f"{latin1}:3: not valid UTF-8 text"
    first = tmp_path / "first.md"
    first.write_bytes(b"\xff# Ada\n")
    assert failure(first) == f"{first}:1: not valid UTF-8 text"


def test_a_file_that_cannot_be_read_for_another_reason_says_why(tmp_path: Path) -> None:
    (tmp_path / "notes").write_text("a file, not a folder", encoding="utf-8")
    inside_a_file = tmp_path / "notes" / "resume.md"
    assert failure(inside_a_file) == f"{inside_a_file}:1: cannot read: Not a directory"


def test_a_byte_order_mark_and_windows_line_ends_read_as_a_plain_file(tmp_path: Path) -> None:
    plain, windows = tmp_path / "plain.md", tmp_path / "windows.md"
    plain.write_text(TEXT, encoding="utf-8")
    windows.write_bytes(b"\xef\xbb\xbf" + TEXT.replace("\n", "\r\n").encode("utf-8"))
    read_plain, read_windows = resume.load_resume(plain), resume.load_resume(windows)
    assert (read_windows.name, read_windows.email, read_windows.warnings) == ("Ada Lovelace", "ada@example.com", ())
    assert [(e.title, e.organisation, e.dates, [b.text for b in e.bullets], e.line) for e in read_windows.entries()] == [
        ("Engineer", "Acme", "2020 – 2022", ["Cut costs by 40%."], 7)
    ]
    assert read_windows.sections == read_plain.sections and read_windows.source == windows
