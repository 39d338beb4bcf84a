"""The contact line as the writer prints it: escaped where a field would start Markdown, the front matter's phone
left out where the reader puts it back, and every case read back as the same contact details."""

from __future__ import annotations

import pytest
from src_support import module

resume = module("resume")

CASES = [
    # (front matter, contact line as written by hand, as the writer prints it)
    ('phone: "+1 512 555 0100"\n', "sam@example.com | Austin, TX", "sam@example.com | Austin, TX"),
    ('phone: "+1 512 555 0100"\npublish_phone: true\n', "Austin, TX | github.com/sam",
     "Austin, TX | github.com/sam | +1 512 555 0100"),
    ('phone: "+1 512 555 0100"\npublish_phone: true\n', "+1 512 555 0100 | sam@example.com",
     "\\+1 512 555 0100 | sam@example.com"),
    ("", "1\\. Main Street | sam@example.com", "1\\. Main Street | sam@example.com"),
    ("", "\\- Remote | sam@example.com", "\\- Remote | sam@example.com"),
    ("", "[Write to me](mailto:sam@example.com) | [Portfolio](https://sam.dev)",
     "[Write to me](mailto:sam@example.com) | [Portfolio](https://sam.dev)"),
]


@pytest.mark.parametrize(("front", "line", "written"), CASES, ids=["phone after email", "no email", "phone first",
                                                                     "numbered", "dash", "links"])
def test_the_contact_line_is_printed_so_it_reads_back_the_same(front: str, line: str, written: str) -> None:
    parsed = resume.parse_resume(f"---\n{front}---\n\n# Sam Lee\n\n{line}\n\n## Summary\n\nHi.\n", "resume.md")
    text = resume.write_resume(parsed)
    assert text.split("\n\n")[2] == written
    assert resume.parse_resume(text, "resume.md").contact == parsed.contact
