"""Applications without a bake (portfolio.applications): folder names from hostile company names, the posting
read or refused, who and what the posting names, the letter started from the resume's best bullets, the record in
notes.md, letter.md read back, and the list of applications. Every expected value is written out by hand."""

from __future__ import annotations

import datetime
import html
from pathlib import Path

import pytest
from src_support import module

resume = module("resume")
record = module("applications.record")
start = module("applications.start")
letter = module("applications.letter")
listing = module("applications.listing")

DAY = datetime.date(2026, 3, 9)
SAM = resume.parse_resume(
    "# Sam Lee\n\nsam@example.com\n\n## Experience\n\n### Backend Engineer\n\n**Acme** | Austin, TX | *2020 – Present*\n\n"
    "- Cut p99 latency of the Go payments API by 40% with Redis caching.\n"
    "- Moved 14 services to Kubernetes, cutting deploys from 25 to 6 minutes.\n"
    "- Wrote the team's on-call runbook, read 200 times a month.\n"
    "\n## Skills\n\n- **Languages:** Go, Python, SQL\n",
    "resume.md",
)
POSTING = (
    "Senior Backend Engineer — Payments\n\nAbout the role\nYou will build Go services on Kubernetes with Redis.\n\n"
    "Questions? Contact: Priya Natarajan (priya@example.com)\n"
)


# --------------------------------------------------------------------------- folder names


@pytest.mark.parametrize(
    ("company", "folder"),
    [
        ("Stripe, Inc.", "stripe-inc"),
        ("Société Générale", "societe-generale"),
        ("AT&T / Mobility", "at-t-mobility"),
        ("../../etc/passwd", "etc-passwd"),
        ("$(rm -rf ~); `reboot`", "rm-rf-reboot"),
        ('<script>alert("x")</script>', "script-alert-x-script"),
        ("[Acme](javascript:alert(1))", "acme-javascript-alert-1"),
        ("株式会社メルカリ", "company-fe3ad9e6"),
        ("A" * 80, "a" * 48),
    ],
    ids=["legal suffix", "accents", "slash and ampersand", "path traversal", "shell", "html", "markdown link", "no latin", "long"],
)
def test_any_company_name_makes_a_safe_folder_name(company: str, folder: str) -> None:
    assert record.slug(company) == folder


def test_an_empty_company_name_is_refused() -> None:
    with pytest.raises(record.ApplicationError, match="^the company name is empty$"):
        record.slug("   ")


# --------------------------------------------------------------------------- the posting


def test_the_posting_is_read_or_refused_in_one_line(tmp_path: Path) -> None:
    cases = {
        "empty.txt": (b"  \n\n", "the posting is empty"),
        "huge.txt": (b"x" * 1_000_000, "1000 kB is not a job posting (at most 200 kB of text)"),
        "binary.txt": (b"\xff\xfe\x00\x01", "not UTF-8 text (save the posting as plain text)"),
        "nul.txt": (b"Engineer\x00\x00", "not plain text (it holds NUL bytes)"),
    }
    for name, (data, message) in cases.items():
        (tmp_path / name).write_bytes(data)
        with pytest.raises(record.ApplicationError) as caught:
            start.read_posting(tmp_path / name)
        assert str(caught.value) == f"{tmp_path / name}: {message}"
    with pytest.raises(record.ApplicationError, match="no such file$"):
        start.read_posting(tmp_path / "missing.txt")
    (tmp_path / "bom.txt").write_bytes("\ufeffStaff Engineer\n".encode())
    assert start.read_posting(tmp_path / "bom.txt") == "Staff Engineer\n"


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Senior Backend Engineer — Payments\n\nAbout us", "Senior Backend Engineer"),
        ("# Job title: Staff Engineer, Payments\n", "Staff Engineer, Payments"),
        ("Acme Corp\nWe are hiring\nSite Reliability Engineer (Remote)\n", "Site Reliability Engineer"),
        ("**Data Engineer | Berlin**\n", "Data Engineer"),
        ("Product Designer, Remote\n", "Product Designer"),
        ("About Acme\n\nWe make widgets for everyone in the whole wide world, and more.\n", ""),
    ],
)
def test_the_role_is_the_first_short_line_that_names_a_job(text: str, role: str) -> None:
    assert start.posting_role(text) == role


@pytest.mark.parametrize(
    ("text", "contact"),
    [
        ("Questions? Contact: Priya Natarajan (priya@example.com)", "Priya Natarajan"),
        ("Hiring manager - Dr. Ana María Ruiz", "Dr. Ana María Ruiz"),
        ("Please reach out to Zoë Müller with any questions.", "Zoë Müller"),
        ("email Jane Doe at jane@example.com", "Jane Doe"),
        ("Contact us at jobs@example.com", ""),
        ("Recruiter: Sam", ""),
        ("We Build Things At Scale", ""),
    ],
)
def test_the_contact_is_a_person_the_posting_says_to_write_to(text: str, contact: str) -> None:
    assert start.posting_contact(text) == contact


# --------------------------------------------------------------------------- starting an application


def test_an_application_starts_with_the_posting_a_letter_and_its_record(tmp_path: Path) -> None:
    posting = tmp_path / "posting.txt"
    posting.write_text(POSTING, encoding="utf-8")
    started = start.start_application(tmp_path, "Stripe, Inc.", posting, SAM, today=DAY)
    folder = tmp_path / "applications" / "2026-03-09-stripe-inc"
    assert started.application.folder == folder
    assert sorted(p.name for p in folder.iterdir()) == ["letter.md", "notes.md", "posting.txt"]
    assert (folder / "posting.txt").read_bytes() == posting.read_bytes()
    assert [b.line for b in started.strongest] == [11, 12]  # Go, Redis, latency; Kubernetes
    assert (folder / "letter.md").read_text(encoding="utf-8") == (
        "Dear Priya Natarajan,\n\n"
        "[Why the Senior Backend Engineer role at Stripe, Inc.: one specific thing from the posting, in your own words]\n\n"
        "[Tell the story behind this bullet and what it changed: “Cut p99 latency of the Go payments API by 40% with"
        " Redis caching.” (resume.md:11)]\n\n"
        "[Tell the story behind this bullet and what it changed: “Moved 14 services to Kubernetes, cutting deploys from"
        " 25 to 6 minutes.” (resume.md:12)]\n\n"
        "[What you would bring to Stripe, Inc. in your first months, and that you would like to talk]\n\n"
        "Sincerely,\n\nSam Lee\n"
    )
    assert (folder / "notes.md").read_text(encoding="utf-8").startswith(
        '---\ncompany: "Stripe, Inc."\nrole: "Senior Backend Engineer"\nvariant: ""\ncontact: "Priya Natarajan"\n'
        "created: 2026-03-09\nstatus: draft\n---\n\n# Notes\n"
    )
    assert record.read(folder) == started.application


def test_an_existing_application_is_never_replaced_and_nothing_is_left_behind(tmp_path: Path) -> None:
    posting = tmp_path / "posting.txt"
    posting.write_text(POSTING, encoding="utf-8")
    start.start_application(tmp_path, "Globex", posting, SAM, today=DAY)
    letter_file = tmp_path / "applications" / "2026-03-09-globex" / "letter.md"
    letter_file.write_text("my own words\n", encoding="utf-8")
    with pytest.raises(record.ApplicationError, match=r"^applications/2026-03-09-globex already exists; it is never replaced"):
        start.start_application(tmp_path, "GLOBEX", posting, SAM, today=DAY)
    assert letter_file.read_text(encoding="utf-8") == "my own words\n"
    assert sorted(p.name for p in (tmp_path / "applications").iterdir()) == ["2026-03-09-globex"]


def test_a_posting_without_a_title_needs_the_role_and_writes_nothing(tmp_path: Path) -> None:
    posting = tmp_path / "posting.txt"
    posting.write_text("We make widgets for everyone in the whole wide world, and more.\n", encoding="utf-8")
    with pytest.raises(record.ApplicationError, match="no job title in its first lines; name the role with --role TITLE$"):
        start.start_application(tmp_path, "Initech", posting, SAM, today=DAY)
    assert not (tmp_path / "applications").exists() or not any((tmp_path / "applications").iterdir())
    started = start.start_application(tmp_path, "Initech", posting, SAM, role="  Staff   Engineer ", today=DAY)
    assert (started.application.role, started.strongest) == ("Staff Engineer", ())
    assert "[Tell the story behind your strongest bullet for this role, and what it changed]" in (
        started.application.folder / "letter.md"
    ).read_text(encoding="utf-8")


def test_a_hostile_company_name_is_data_in_every_file(tmp_path: Path) -> None:
    posting = tmp_path / "posting.txt"
    posting.write_text(POSTING, encoding="utf-8")
    hostile = '"; rm -rf / #\n---\nstatus: offer'
    started = start.start_application(tmp_path, hostile, posting, SAM, today=DAY)
    assert started.application.folder.parent == tmp_path / "applications"
    again = record.read(started.application.folder)
    assert (again.company, again.status) == ('"; rm -rf / # --- status: offer', "draft")


# --------------------------------------------------------------------------- the record


def test_a_status_change_keeps_the_notes_and_a_bad_status_is_refused(tmp_path: Path) -> None:
    posting = tmp_path / "posting.txt"
    posting.write_text(POSTING, encoding="utf-8")
    application = start.start_application(tmp_path, "Globex", posting, SAM, today=DAY).application
    notes = application.folder / "notes.md"
    notes.write_text(notes.read_text(encoding="utf-8") + "\nThey asked about Kafka.\n", encoding="utf-8")
    changed = record.write_status(application, "interview")
    assert (changed.status, record.read(application.folder).status) == ("interview", "interview")
    assert notes.read_text(encoding="utf-8").endswith("\nThey asked about Kafka.\n")
    with pytest.raises(record.ApplicationError, match="^status 'hired' is not one of draft, applied, interview, offer, rejected, withdrawn$"):
        record.write_status(application, "hired")


def test_a_record_with_bad_front_matter_is_named_with_its_line(tmp_path: Path) -> None:
    folder = tmp_path / "applications" / "2026-03-09-x"
    folder.mkdir(parents=True)
    (folder / "notes.md").write_text("---\ncompany: [unclosed\n---\n", encoding="utf-8")
    with pytest.raises(record.ApplicationError, match=r"notes.md:2: the front matter is not valid YAML$"):
        record.read(folder)
    (folder / "notes.md").write_text("---\ncompany: X\nstatus: maybe\n---\n", encoding="utf-8")
    with pytest.raises(record.ApplicationError, match=r"notes.md: status 'maybe' is not one of draft, "):
        record.read(folder)
    (folder / "notes.md").write_text("# just notes\n", encoding="utf-8")
    with pytest.raises(record.ApplicationError, match=r"notes.md:1: no front matter"):
        record.read(folder)


def test_an_application_is_found_by_its_name_or_its_first_words(tmp_path: Path) -> None:
    posting = tmp_path / "posting.txt"
    posting.write_text(POSTING, encoding="utf-8")
    stripe = start.start_application(tmp_path, "Stripe, Inc.", posting, SAM, today=DAY).application
    start.start_application(tmp_path, "Acme Labs", posting, SAM, today=DAY)
    start.start_application(tmp_path, "Acme Robotics", posting, SAM, today=DAY)
    assert record.find(tmp_path, "stripe") == stripe
    assert record.find(tmp_path, "Stripe, Inc.") == stripe
    assert record.find(tmp_path, "2026-03-09-stripe-inc") == stripe
    with pytest.raises(record.ApplicationError, match="^'Acme' could be Acme Labs or Acme Robotics: name the company"):
        record.find(tmp_path, "Acme")
    with pytest.raises(record.ApplicationError, match="^no application to 'Initech' in applications/"):
        record.find(tmp_path, "Initech")


# --------------------------------------------------------------------------- letter.md read back


def test_a_letter_is_its_greeting_body_closing_and_name(tmp_path: Path) -> None:
    path = tmp_path / "letter.md"
    path.write_text(
        "Dear Ms. Natarajan,\n\nI cut *p99 latency* by 40% at [Acme](https://acme.example).\n\n"
        "- Moved 14 services.\n- Wrote the runbook.\n\nBest regards,\nSam Lee\n",
        encoding="utf-8",
    )
    read = letter.read_letter(path)
    assert read.greeting == letter.Paragraph(1, "Dear Ms. Natarajan,")
    assert read.body == (
        letter.Paragraph(3, "I cut p99 latency by 40% at Acme."),
        letter.Paragraph(5, "– Moved 14 services."),
        letter.Paragraph(6, "– Wrote the runbook."),
    )
    assert (read.closing, read.signature, read.words) == (letter.Paragraph(8, "Best regards,"), "Sam Lee", 14)


def test_a_letter_without_greeting_or_closing_is_all_body(tmp_path: Path) -> None:
    path = tmp_path / "letter.md"
    path.write_text("I build payment systems.\n\nThat is all.\n", encoding="utf-8")
    read = letter.read_letter(path)
    assert (read.greeting, read.closing, read.signature) == (None, None, "")
    assert [p.text for p in read.body] == ["I build payment systems.", "That is all."]
    path.write_text("\n\n", encoding="utf-8")
    with pytest.raises(record.ApplicationError, match="letter.md: the letter is empty$"):
        letter.read_letter(path)


@pytest.mark.parametrize(("lang", "text"), [("en", "March 9, 2026"), ("de", "9 März 2026"), ("fr-CA", "9 Mars 2026")])
def test_the_letter_is_dated_in_the_resume_s_language(lang: str, text: str) -> None:
    assert letter.dated(DAY, lang) == text


# --------------------------------------------------------------------------- the list


def test_the_list_shows_each_application_and_escapes_it_on_the_page() -> None:
    applications = [
        record.Application(Path("applications/2026-03-01-globex"), "Globex", "Data Engineer", datetime.date(2026, 3, 1)),
        record.Application(Path("applications/2026-03-02-x"), "<b>Evil & Co</b>", "SRE", datetime.date(2026, 3, 2),
                           status="applied", variant="sre", sent=datetime.date(2026, 3, 4)),
    ]
    assert listing.table(applications, DAY) == (
        "date        company           role           variant  status   days\n"
        "2026-03-01  Globex            Data Engineer  -        draft    8\n"
        "2026-03-04  <b>Evil & Co</b>  SRE            sre      applied  5"
    )
    page = listing.page(applications, DAY)
    assert "<td>&lt;b&gt;Evil &amp; Co&lt;/b&gt;</td>" in page and "<b>Evil" not in page
    assert '<meta name="robots" content="noindex">' in page
    assert listing.table([], DAY) == "No applications yet: ./run.sh apply COMPANY --job posting.txt starts one."
    assert html.unescape(page).count("Globex") == 1


def test_a_company_name_in_markdown_goes_into_the_letter_as_text(tmp_path: Path) -> None:
    posting = tmp_path / "posting.txt"
    posting.write_text(POSTING, encoding="utf-8")
    hostile = "[Acme](javascript:alert(1)) **Corp** <b>_x_</b>"
    started = start.start_application(tmp_path, hostile, posting, SAM, today=DAY)
    read = letter.read_letter(started.application.folder / "letter.md")
    assert read.greeting.text == "Dear Priya Natarajan,"
    assert read.body[0].text == f"[Why the Senior Backend Engineer role at {hostile}: one specific thing from the posting, in your own words]"
