"""Our PDFs read by a real resume parser: OpenResume's own (the open-resume npm package), run in Node.

`portfolio/ats.py` checks the PDF with text extractors and its own model of how parsers group text;
this runs the parser itself (tests/tools/openresume/parse.mjs, set up by ./dev.sh) and compares what
it reads with the resume model the PDF was rendered from.

Two levels:
- the default resume: every field OpenResume extracts must be exactly ours;
- every other resume (fixtures, and the ten written blind): the fields our layout decides must be
  exact: how many entries each section has, each job's company, dates and bullets, each degree's
  dates, each project's name and bullets, the email. The fields OpenResume finds by vocabulary are
  reported, not asserted: it knows a school by words like "University" (not "Universidad"), a
  degree by "B.S."-like capitals, a job title by words like "Engineer" (not "Manager," with its
  comma), a name only in ASCII letters and a location only as "City, ST".
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from portfolio_support import RESUMES, portfolio  # noqa: F401  (fixture)

HARNESS = Path(__file__).parent / "tools" / "openresume"
PARSER = HARNESS / "node_modules" / "open-resume"
BLIND = RESUMES.parent / "resumes_blind"
BLIND2 = RESUMES.parent / "resumes_blind2"
# Section keywords, as OpenResume looks for them (it reads the first section whose heading has one).
SECTION_KEYWORDS = {
    "workExperiences": ("work", "experience", "employment", "history", "job"),
    "educations": ("education",),
    "projects": ("project",),
}
# Off-convention on purpose (entries without an organisation line, characters that test escaping).
NOT_CONVENTIONAL = {"deviations", "special_chars"}


def openresume_parse(pdfs: list[Path]) -> dict[Path, dict]:
    node = shutil.which("node")
    assert node and (PARSER / "src").is_dir(), "OpenResume's parser is missing: run ./dev.sh setup"
    result = subprocess.run(
        [node, str(HARNESS / "parse.mjs"), str(PARSER), *map(str, pdfs)],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return {Path(path): resume for path, resume in json.loads(result.stdout).items()}


def norm(text: str) -> str:
    """As a reader compares text: NFKC (µ and μ, ligatures), one space."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text or "")).strip()


def sources() -> dict[str, Path]:
    paths = sorted(RESUMES.glob("*.md")) + sorted(BLIND.glob("*.md")) + sorted(BLIND2.glob("*.md"))
    return {path.stem: path for path in paths}


@pytest.fixture(scope="module")
def parsed(portfolio, baked_default: Path, tmp_path_factory: pytest.TempPathFactory):
    """{name: (resume model, what OpenResume read from its PDF)}, one parser run for all."""
    folder = tmp_path_factory.mktemp("openresume")
    resumes = {"default": portfolio.resume.load_resume(baked_default / "resume.md").public()}
    resumes |= {name: portfolio.resume.load_resume(path).public() for name, path in sources().items()}
    resumes["addresses"] = portfolio.resume.load_resume(with_addresses(baked_default / "resume.md", folder)).public()
    pdfs = {}
    for name, resume in resumes.items():
        pdfs[name] = folder / f"{name}.pdf"
        portfolio.pdf.render_pdf(resume, pdfs[name])
    read = openresume_parse(list(pdfs.values()))
    return {name: (resumes[name], read[pdfs[name]]) for name in resumes}


ADDRESS_BULLET = ("Published the runbook at https://example.com/runbooks/deploys today (mirror: https://example.org/r),"
                  " cutting deploy time from 25 minutes to 6 for www.example.net users.")


def with_addresses(resume_md: Path, folder: Path) -> Path:
    """The default resume with web addresses inside a bullet: after a word, before one, in brackets."""
    text = resume_md.read_text(encoding="utf-8")
    first_bullet = next(line for line in text.splitlines() if line.startswith("- ") and "**" not in line)
    out = folder / "addresses.md"
    out.write_text(text.replace(first_bullet, f"- {ADDRESS_BULLET}", 1), encoding="utf-8")
    return out


def test_web_addresses_in_a_bullet_keep_their_spaces(parsed) -> None:
    """The box that keeps an address on one line must not glue it to its neighbours ("athttps://...")."""
    _, read = parsed["addresses"]
    bullets = [norm(d) for entry in read["workExperiences"] for d in entry["descriptions"]]
    assert norm(ADDRESS_BULLET) in bullets


def section_entries(resume, key: str) -> list:
    """Our entries of the first section OpenResume files under `key`."""
    for section in resume.sections:
        if any(word in section.heading.lower() for word in SECTION_KEYWORDS[key]):
            return list(section.entries)
    return []


def expected(resume) -> dict:
    """The resume in OpenResume's shape, for the fields both have."""
    bullets = lambda entry: [norm(bullet.text) for bullet in entry.bullets]  # noqa: E731
    return {
        "workExperiences": [
            {"company": e.organisation, "jobTitle": e.title, "date": e.dates, "descriptions": bullets(e)}
            for e in section_entries(resume, "workExperiences")
        ],
        "educations": [
            {"school": e.organisation, "degree": e.title, "date": e.dates, "descriptions": bullets(e)}
            for e in section_entries(resume, "educations")
        ],
        "projects": [
            {"project": e.title, "descriptions": bullets(e)} for e in section_entries(resume, "projects")
        ],
    }


def read_back(openresume: dict) -> dict:
    """What OpenResume read, in the same shape and normalised."""
    def entries(key: str, fields: tuple[str, ...]) -> list[dict]:
        return [
            {field: [norm(d) for d in item[field]] if field == "descriptions" else norm(item[field])
             for field in fields}
            for item in openresume[key]
        ]

    return {
        "workExperiences": entries("workExperiences", ("company", "jobTitle", "date", "descriptions")),
        "educations": entries("educations", ("school", "degree", "date", "descriptions")),
        "projects": entries("projects", ("project", "descriptions")),
    }


def normalised(shape: dict) -> dict:
    return {
        key: [{field: value if isinstance(value, list) else norm(value) for field, value in item.items()}
              for item in items]
        for key, items in shape.items()
    }


def test_openresume_reads_every_field_of_the_default_resume(parsed) -> None:
    resume, read = parsed["default"]
    location = next(item.text for item in resume.contact if item.kind == "location")
    github = next(item.text for item in resume.contact if item.kind == "github")
    assert read["profile"] | {"phone": ""} == {
        "name": resume.name, "email": resume.email, "phone": "", "location": location,
        "url": github, "summary": norm(resume.summary),
    }
    assert read_back(read) == normalised(expected(resume))
    assert len(read["workExperiences"]) >= 2 and len(read["projects"]) >= 2


def layout_fields(shape: dict) -> dict:
    """The fields our layout decides: entry counts, companies, dates, bullets, project names."""
    def keep(key: str, fields: tuple[str, ...]) -> list[dict]:
        return [{field: entry[field] for field in fields} for entry in shape[key]]

    return {
        "workExperiences": keep("workExperiences", ("company", "date", "descriptions")),
        "educations": keep("educations", ("date", "descriptions")),
        "projects": shape["projects"],
    }


CONVENTIONAL = sorted(set(sources()) - NOT_CONVENTIONAL)


@pytest.mark.parametrize("name", CONVENTIONAL)
def test_openresume_reads_what_our_layout_decides(parsed, name: str) -> None:
    resume, read = parsed[name]
    assert norm(read["profile"]["email"]) == resume.email
    assert layout_fields(read_back(read)) == layout_fields(normalised(expected(resume)))


def test_openresume_vocabulary_fields_are_reported(parsed) -> None:
    """Names, titles, schools, degrees, locations: counted over every resume, for the record."""
    hits = total = 0
    misses = []
    for name in CONVENTIONAL:
        resume, read = parsed[name]
        ours, theirs = normalised(expected(resume)), read_back(read)
        location = next((item.text for item in resume.contact if item.kind == "location"), "")
        profile = read["profile"]
        pairs = [("name", resume.name, profile["name"]), ("location", location, profile["location"])]
        for key, fields in (("workExperiences", ("jobTitle",)), ("educations", ("school", "degree"))):
            for mine, got in zip(ours[key], theirs[key]):
                pairs += [(field, mine[field], got[field]) for field in fields]
        for field, mine, got in pairs:
            if not mine:
                continue
            total += 1
            if norm(mine) == norm(got):
                hits += 1
            else:
                misses.append(f"{name}: {field} {mine!r} read as {got!r}")
    print(f"\nOpenResume read {hits} of {total} vocabulary fields; misses:\n  " + "\n  ".join(misses))
    assert total > 80
    assert hits / total > 0.7, "the layout, not the vocabulary, is losing fields"


# --------------------------------------------------------------------------- every theme

THEMES = ("classic", "compact", "dense", "modern")  # "jake" is the default above
THEMED_SOURCES = ("default", *sorted(path.stem for path in RESUMES.glob("*.md") if path.stem not in NOT_CONVENTIONAL))


@pytest.fixture(scope="module")
def themed(portfolio, baked_default: Path, tmp_path_factory: pytest.TempPathFactory):
    """{(theme, name): (resume, what OpenResume read)}: the default resume and the fixtures in every other theme."""
    import dataclasses

    import portfolio.fit as fit

    folder = tmp_path_factory.mktemp("openresume-themes")
    paths = {"default": baked_default / "resume.md"} | {path.stem: path for path in RESUMES.glob("*.md")}
    resumes, pdfs = {}, {}
    from test_themes import own_theme_folder

    own = own_theme_folder(baked_default, folder / "own")
    for theme in (*THEMES, "own"):
        for name in THEMED_SOURCES:
            if theme == "own":  # beside the copied-and-edited theme folder
                resume = portfolio.resume.load_resume(own / ("sample.md" if name == "default" else f"{name}.md")).public()
            else:
                resume = dataclasses.replace(portfolio.resume.load_resume(paths[name]).public(), theme=theme)
            resumes[theme, name] = resume
            pdfs[theme, name] = folder / f"{theme}-{name}.pdf"
            pdfs[theme, name].write_bytes(fit.fit_pdf(resume, folder, cache=False).pdf)
    read = openresume_parse(list(pdfs.values()))
    return {key: (resumes[key], read[pdfs[key]]) for key in resumes}


@pytest.mark.parametrize("theme", (*THEMES, "own"))
def test_openresume_reads_every_field_of_the_default_resume_in_every_theme(themed, theme: str) -> None:
    resume, read = themed[theme, "default"]
    assert (read["profile"]["name"], read["profile"]["email"]) == (resume.name, resume.email)
    assert read_back(read) == normalised(expected(resume))


@pytest.mark.parametrize("theme", (*THEMES, "own"))
@pytest.mark.parametrize("name", THEMED_SOURCES[1:])
def test_openresume_reads_what_our_layout_decides_in_every_theme(themed, theme: str, name: str) -> None:
    resume, read = themed[theme, name]
    assert norm(read["profile"]["email"]) == resume.email
    assert layout_fields(read_back(read)) == layout_fields(normalised(expected(resume)))
