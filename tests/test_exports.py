"""Exports of the resume model: plain text, DOCX (read back with python-docx and LibreOffice),
JSON Resume."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from export_support import CLEAN, load, mods  # noqa: F401  (fixture)
from jsonschema import Draft7Validator, FormatChecker
from portfolio_support import RESUMES, built_repo, portfolio, run_portfolio  # noqa: F401  (fixtures)
from pypdf import PdfReader

SCHEMA_SHA256 = (
    "a07eedd3d86ac5bb61d72e136d788269e35baf42c35391e15d0be39b3dc5a4bd"  # npm 1.3.1 schema.json
)


def expected_bullet(bullet) -> str:
    """A bullet as plain text with each link's URL after its words (how TXT writes it)."""
    text = re.sub(r"\[([^\]]*)\]\(([^)\s]+)\)", r"\1 (\2)", bullet.markdown or bullet.text)
    return re.sub(r"\*\*|\*|`", "", text)


# --------------------------------------------------------------------------- TXT


@pytest.mark.parametrize("name", ["default", *CLEAN])
def test_text_has_every_bullet_whole_in_order_and_no_markup(
    mods, baked_default, tmp_path, name
) -> None:
    resume = load(mods, name, baked_default)
    path = mods.exports.write_text(resume, tmp_path / "resume.txt")
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    public = resume.public()

    assert [line[2:] for line in lines if line.startswith("- ")] == [
        expected_bullet(bullet) for bullet in public.all_bullets()
    ]
    for token in ("**", "#", "[", "](", "`"):
        assert token not in text, f"{token!r} left in the text export"
    assert not re.search(r"</?[a-zA-Z!][^>]*>", text), "HTML in the text export"
    headings = [section.heading.upper() for section in public.sections]
    assert [line for line in lines if line in headings] == headings  # capitals, source order
    assert lines[0] == public.name
    assert public.email in lines[1] and " | " in lines[1]
    for item in public.contact:
        if item.kind in ("github", "linkedin", "website"):
            assert item.url in lines[1], f"URL {item.url} not written out"
    for entry in public.entries():
        # an entry written on one line ("- **Name**, Issuer | *2022*") stays one line: "Name | Issuer | 2022"
        assert entry.title in lines or entry.one_line and any(line.startswith(f"{entry.title} | ") for line in lines)
        if entry.dates:
            assert any(entry.dates in line for line in lines)


def test_text_keeps_unusual_characters_as_plain_text(mods, tmp_path) -> None:
    resume = mods.resume.load_resume(RESUMES / "special_chars.md")
    text = mods.exports.write_text(resume, tmp_path / "r.txt").read_text(encoding="utf-8")
    assert 'Engineer @ "Quotes" & <Angles> \\ Backslash' in text
    assert "- Shipped #let x = 1 and ]) [) {{ }} ${HOME} characters intact, 100% of them." in text


def test_phone_only_when_published_in_every_export(mods, tmp_path) -> None:
    hidden = mods.resume.load_resume(RESUMES / "export_new_grad.md")  # phone 555-0100, not published
    shown = mods.resume.load_resume(RESUMES / "senior.md")  # publish_phone: true
    for resume, expect in ((hidden, False), (shown, True)):
        folder = tmp_path / resume.name.split()[0]
        folder.mkdir()
        exported = mods.exports.write_all(resume, folder)
        docx_text = "\n".join(p.text for p in docx.Document(str(folder / "resume.docx")).paragraphs)
        data = json.loads((folder / "resume.json").read_text(encoding="utf-8"))
        texts = [(folder / "resume.txt").read_text(encoding="utf-8"), docx_text, json.dumps(data)]
        assert all((resume.phone in text) is expect for text in texts), resume.phone
        assert len(exported.paths) == 3
    private = tmp_path / "private"
    private.mkdir()
    mods.exports.write_text(hidden, private / "resume.txt", public=False)
    assert "555-0100" in (private / "resume.txt").read_text(encoding="utf-8")


# --------------------------------------------------------------------------- JSON Resume


def schema_validator(baked_default: Path) -> Draft7Validator:
    schema_path = baked_default / "portfolio" / "schemas" / "jsonresume-1.3.1.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    return Draft7Validator(schema, format_checker=FormatChecker())


def test_pinned_schema_is_the_npm_release(baked_default) -> None:
    schema = baked_default / "portfolio" / "schemas" / "jsonresume-1.3.1.json"
    assert hashlib.sha256(schema.read_bytes()).hexdigest() == SCHEMA_SHA256


@pytest.mark.parametrize("name", ["default", *CLEAN, "special_chars.md"])
def test_json_is_schema_valid_and_matches_the_model(mods, baked_default, tmp_path, name) -> None:
    resume = load(mods, name, baked_default)
    mods.exports.write_json_resume(resume, tmp_path / "resume.json")
    data = json.loads((tmp_path / "resume.json").read_text(encoding="utf-8"))
    errors = [
        f"{list(e.absolute_path)}: {e.message}"
        for e in schema_validator(baked_default).iter_errors(data)
    ]
    assert errors == []

    public = resume.public()
    basics = data["basics"]
    assert basics["name"] == public.name
    assert basics.get("label", "") == public.target_role
    assert basics.get("email", "") == public.email
    networks = {p["network"]: p["url"] for p in basics.get("profiles", [])}
    for item in public.contact:
        if item.kind == "github":
            assert networks["GitHub"] == item.url
        if item.kind == "linkedin":
            assert networks["LinkedIn"] == item.url
        if item.kind == "location":
            assert mods.jsonresume.join_location(basics["location"]) == item.text

    layout = data["meta"]["portfolio"]["sections"]
    assert [(s["heading"]) for s in layout] == [s.heading for s in public.sections]
    cursor: dict[str, int] = {}
    for section, placed in zip(public.sections, layout):
        if not section.entries:
            continue
        start = cursor.get(placed["key"], 0)
        items = data[placed["key"]][start : start + placed["count"]]
        cursor[placed["key"]] = start + placed["count"]
        field = mods.jsonresume.LIST_FIELDS.get(placed["key"])
        if field:  # certificates, awards, publications: one-line entries and plain items, in order
            ordered = sorted([*section.bullets, *section.entries], key=lambda thing: thing.line)
            assert [item[field] for item in items] == [getattr(t, "title", None) or t.text for t in ordered]
            continue
        assert len(items) == len(section.entries)
        for entry, item in zip(section.entries, items):
            assert_dates(entry, item)
            bullets = item.get("highlights", item.get("courses", []))
            assert bullets == [bullet.text for bullet in entry.bullets]
    skills = public.section_of_kind("skills")
    if skills:
        assert [(s["name"], s["keywords"]) for s in data["skills"]] == [
            (g.label, list(g.items)) for g in skills.skills
        ]


def assert_dates(entry, item: dict) -> None:
    period = entry.period
    if period is None:
        assert "startDate" not in item and "endDate" not in item
        return

    def iso(date) -> str:
        return f"{date.year}-{date.month:02d}" if date.month else str(date.year)

    assert item["startDate"] == iso(period.start)
    assert re.fullmatch(r"\d{4}(-\d{2})?", item["startDate"])
    if period.ongoing:
        assert "endDate" not in item
    else:
        assert item["endDate"] == iso(period.end)


def test_json_counts_for_the_senior_with_many_roles(mods, tmp_path) -> None:
    resume = mods.resume.load_resume(RESUMES / "export_senior_many_roles.md")
    mods.exports.write_json_resume(resume, tmp_path / "resume.json")
    data = json.loads((tmp_path / "resume.json").read_text(encoding="utf-8"))
    assert len(data["work"]) == 9  # 8 jobs and the Leadership entry, told apart by meta
    assert [s["key"] for s in data["meta"]["portfolio"]["sections"]] == [
        "summary",
        "work",
        "work",
        "projects",
        "education",
        "certificates",
    ]
    assert data["work"][0]["startDate"] == "2022-02" and "endDate" not in data["work"][0]
    assert data["work"][0]["url"] == "https://cascade.example.com"
    assert data["work"][8]["startDate"] == "2015" and data["work"][8]["endDate"] == "2020"
    assert data["basics"]["url"] == "https://hmarsh.dev"
    assert data["education"][0] == {
        "institution": "University of Washington",
        "studyType": "B.S.",
        "area": "Computer Engineering",
        "location": "Seattle, WA",
        "startDate": "2003-09",
        "endDate": "2007-06",
    }
    assert data["certificates"] == [
        {"name": "Certified Kubernetes Administrator", "date": "2020"},
        {"name": "AWS Certified Solutions Architect – Professional", "date": "2018"},
    ]


def test_json_export_reports_what_it_cannot_hold(mods, tmp_path) -> None:
    resume = mods.resume.load_resume(RESUMES / "deviations.md")
    notes = mods.exports.write_json_resume(resume, tmp_path / "resume.json")
    data = json.loads((tmp_path / "resume.json").read_text(encoding="utf-8"))
    intern = next(job for job in data["work"] if job["position"] == "Intern")
    assert intern["summary"] == "Worked on the data warehouse."  # a paragraph in an entry is its summary
    assert (intern["startDate"], intern.get("endDate")) == ("2018", "2018")  # "Summer 2018": its year
    assert not [note for note in notes if "Summer 2018" in note]


def test_json_export_notes_dates_it_cannot_hold(mods, tmp_path) -> None:
    source = tmp_path / "resume.md"
    source.write_text(
        "# Sam Lee\n\nsam@example.com\n\n## Experience\n\n### Intern\n\n**Initech** | Austin, TX | *Q3 of 2018*\n\n"
        "- Wrote 30 dbt models.\n",
        encoding="utf-8",
    )
    notes = mods.exports.write_json_resume(mods.resume.load_resume(source), tmp_path / "resume.json")
    assert list(notes) == [f"{source}:7: entry 'Intern': dates 'Q3 of 2018' are not in a form JSON Resume holds"]


# --------------------------------------------------------------------------- DOCX


def docx_of(mods, name: str, baked_default: Path, folder: Path):
    resume = load(mods, name, baked_default)
    path = mods.exports.write_docx(resume, folder / "resume.docx")
    return resume.public(), path, docx.Document(str(path))


def expected_paragraphs(resume) -> list[tuple[str, str]]:
    """(style, text) of every paragraph the DOCX should have, in source order."""
    expected = [("Heading 1", resume.name), ("", " | ".join(item.text for item in resume.contact))]
    for section in resume.sections:
        expected.append(("Heading 2", section.heading))
        expected += [("", paragraph) for paragraph in section.paragraphs]
        expected += [("", f"{group.label}: {', '.join(group.items)}") for group in section.skills]
        expected += [("List Bullet", bullet.text) for bullet in section.bullets]
        for entry in section.entries:
            details = [entry.organisation, entry.location, ", ".join(entry.tech), entry.dates]
            details += [entry.link.text] if entry.link and entry.link.text != entry.organisation else []
            if entry.layout == "line":  # a one-line entry stays one paragraph
                expected.append(("", " | ".join(part for part in [entry.title, *details] if part)))
            else:
                expected.append(("Heading 3", entry.title))
                expected.append(("", " | ".join(part for part in details if part)))
            expected += [("List Bullet", bullet.text) for bullet in entry.bullets]
    return expected


@pytest.mark.parametrize("name", ["default", *CLEAN, "special_chars.md"])
def test_docx_paragraphs_in_order_with_heading_and_list_styles(
    mods, baked_default, tmp_path, name
) -> None:
    resume, _, document = docx_of(mods, name, baked_default, tmp_path)
    actual = [(p.style.name, p.text) for p in document.paragraphs]
    expected = expected_paragraphs(resume)
    assert [text for _, text in actual] == [text for _, text in expected]
    for (style, text), (want, _) in zip(actual, expected):
        if want:
            assert style == want, f"{text!r} has style {style!r}, not {want!r}"
        else:
            assert not style.startswith(("Heading", "List")), f"{text!r} has style {style!r}"
    assert document.core_properties.title == f"{resume.name} – Resume"
    assert document.core_properties.author == resume.name


def test_docx_has_no_tables_images_text_boxes_headers_or_footers(
    mods, baked_default, tmp_path
) -> None:
    _, path, document = docx_of(mods, "export_new_grad.md", baked_default, tmp_path)
    assert document.tables == [] and list(document.inline_shapes) == []
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        body = archive.read("word/document.xml").decode("utf-8")
    assert not [
        n for n in names if n.startswith("word/media/") or re.match(r"word/(header|footer)", n)
    ]
    for tag in (
        "<w:tbl",
        "<w:drawing",
        "<w:pict",
        "txbxContent",
        "headerReference",
        "footerReference",
        "w:cols w:num",
    ):
        assert tag not in body, tag
    section = document.sections[0]
    assert section.page_width.inches == pytest.approx(
        8.5
    ) and section.page_height.inches == pytest.approx(11)


def test_docx_uses_a4_when_the_resume_asks(mods, baked_default, tmp_path) -> None:
    _, _, document = docx_of(mods, "senior.md", baked_default, tmp_path)
    section = document.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297


def test_docx_bytes_are_reproducible(mods, baked_default, tmp_path) -> None:
    resume = load(mods, "default", baked_default)
    first = mods.exports.write_docx(resume, tmp_path / "a.docx").read_bytes()
    second = mods.exports.write_docx(resume, tmp_path / "b.docx").read_bytes()
    assert first == second


def test_reference_docx_is_made_by_its_script(baked_default, tmp_path) -> None:
    """The kept reference.docx has the styles its script sets (so the script is the source)."""
    reference = docx.Document(str(baked_default / "portfolio" / "templates" / "reference.docx"))
    names = {style.name for style in reference.styles}
    assert {
        "Heading 1",
        "Heading 2",
        "Heading 3",
        "List Bullet",
        "Body Text",
        "First Paragraph",
    } <= names
    assert reference.styles["Normal"].font.name == "Arial"
    assert reference.paragraphs == [] and reference.tables == []
    assert (baked_default / "portfolio" / "templates" / "make_reference_docx.py").is_file()


def soffice_pdf(docx_path: Path, folder: Path) -> Path:
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice is needed: apt-get install libreoffice-writer-nogui"
    profile = (folder / "lo-profile").as_uri()
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            str(docx_path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return folder / (docx_path.stem + ".pdf")


def test_default_docx_is_one_page_in_libreoffice(mods, baked_default, tmp_path) -> None:
    resume, path, _ = docx_of(mods, "default", baked_default, tmp_path)
    pdf = PdfReader(soffice_pdf(path, tmp_path))
    assert len(pdf.pages) == 1
    text = " ".join(pdf.pages[0].extract_text().split())
    positions = [text.find(bullet.text) for bullet in resume.all_bullets()]
    assert -1 not in positions and positions == sorted(positions), "bullets missing or out of order"


# --------------------------------------------------------------------------- the build


def test_build_writes_the_exports_and_the_landing_page_links_them(built_repo: Path) -> None:  # noqa: F811
    site = built_repo / "_site"
    for name in ("resume.txt", "resume.docx", "resume.json"):
        assert (site / name).stat().st_size > 0, name
        assert f'href="{name}"' in (site / "index.html").read_text(encoding="utf-8")
    assert (site / "resume.txt").read_text(encoding="utf-8").startswith("Alex Example\n")


def test_warm_build_reuses_the_exports(built_repo: Path, tmp_path: Path) -> None:  # noqa: F811
    repo = tmp_path / "repo"
    shutil.copytree(built_repo, repo)
    before = (repo / "_site" / "resume.docx").read_bytes()
    result = run_portfolio(repo, "build")
    assert result.returncode == 0, result.stderr
    assert re.search(r"exports .*unchanged, reused", result.stdout), result.stdout
    assert (repo / "_site" / "resume.docx").read_bytes() == before
