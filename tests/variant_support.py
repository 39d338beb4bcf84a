"""Shared by test_variants.py, test_fit.py and test_private.py: a baked repo tagged for two variants,
STAR stories linked to its bullets, and readers for what the build writes."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from portfolio_support import run_portfolio

VARIANTS = """variants:
  - name: backend
    role: "Backend Engineer"
  - name: platform
    role: "Platform Engineer"
    sections: [Projects, Experience]
"""

# (text the bullet or line ends with, hidden comment to append)
TAGS = [
    ("cutting deploy time from 25 minutes to 6.", "<!-- targets: platform; id: k8s-migration -->"),
    ("by right-sizing 120 instances from usage data.", "<!-- targets: platform -->"),
    ("raising line coverage from 52% to 91%.", "<!-- targets: backend; id: billing-tests -->"),
    ("### Notification Pipeline | *Python, Kafka, Redis*", "<!-- targets: backend -->"),
    ("- **Testing:** pytest, Playwright, load testing with k6", "<!-- targets: backend -->"),
    ("answers in 40 ms at p95.", "<!-- targets: backend, platform; id: search-api -->"),
]

# (story heading, hidden comment to put under it)
LINKS = [
    ("## Leading a Migration Nobody Owned", "<!-- backs: k8s-migration -->"),
    ("## Resolving a Disagreement Over the Message Queue", "<!-- backs: search-api, billing-tests -->"),
    ("## Learning From an Outage I Caused", "<!-- backs: no-such-bullet -->"),
]

COMMENT = re.compile(r"\s*<!--(.*?)-->")


def tag_repo(repo: Path) -> Path:
    """Declare two variants in resume.md, tag its lines and link three STAR stories."""
    resume = repo / "resume.md"
    text = resume.read_text(encoding="utf-8")
    text = text.replace("publish_phone: false\n", "publish_phone: false\n" + VARIANTS, 1)
    for ending, comment in TAGS:
        assert text.count(ending) == 1, ending
        text = text.replace(ending, f"{ending} {comment}")
    resume.write_text(text, encoding="utf-8")
    stories = repo / "interview_prep" / "star_stories.md"
    text = stories.read_text(encoding="utf-8")
    for heading, comment in LINKS:
        assert text.count(heading + "\n") == 1, heading
        text = text.replace(heading + "\n", f"{heading}\n\n{comment}\n")
    stories.write_text(text, encoding="utf-8")
    return repo


def copy_repo(source: Path, target: Path) -> Path:
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("_site", "_private", ".cache"))
    return target


def built(repo: Path, *commands: str) -> Path:
    for command in commands:
        result = run_portfolio(repo, command)
        assert result.returncode == 0, result.stdout + result.stderr
    return repo


# --------------------------------------------------------------------------- the source, read plainly


def source_bullets(resume_md: str, variant: str | None) -> list[tuple[str, str]]:
    """(section heading, bullet text) in source order for `variant` (None: every bullet), read
    straight from the Markdown: `- ` items outside Technical Skills, minus `**bold**`/`*em*` marks.
    An entry tagged on its `###` line drops its bullets from other variants."""
    found: list[tuple[str, str]] = []
    section, entry_ok = "", True
    for line in resume_md.split("\n---\n", 1)[-1].splitlines():
        tags = _targets(line)
        if line.startswith("## "):
            section, entry_ok = line[3:].strip(), True
        elif line.startswith("### "):
            entry_ok = variant is None or not tags or variant in tags
        elif line.startswith("- ") and "Skills" not in section:
            if entry_ok and (variant is None or not tags or variant in tags):
                found.append((section, re.sub(r"[*_`]", "", COMMENT.sub("", line[2:])).strip()))
    return found


def _targets(line: str) -> list[str]:
    match = COMMENT.search(line)
    if not match or "targets:" not in match.group(1):
        return []
    body = match.group(1).split("targets:", 1)[1].split(";", 1)[0]
    return [tag.strip() for tag in body.split(",") if tag.strip()]


def in_section_order(bullets: list[tuple[str, str]], first: list[str]) -> list[str]:
    """Bullets grouped by section, the sections in `first` leading (a stable sort)."""
    rank = {heading: index for index, heading in enumerate(first)}
    ordered = sorted(enumerate(bullets), key=lambda item: (rank.get(item[1][0], len(rank)), item[0]))
    return [text for _, (_, text) in ordered]


def story_paragraphs(path: Path) -> dict[str, list[tuple[str, str]]]:
    """{story title: [(part label, text with lines joined)]} read plainly from star_stories.md."""
    stories: dict[str, list[tuple[str, str]]] = {}
    title, lines = "", []
    for line in path.read_text(encoding="utf-8").splitlines() + ["## end"]:
        if line.startswith(("## ", "### ")) and title and lines and stories.get(title) is not None:
            stories[title][-1] = (stories[title][-1][0], " ".join(lines).replace("`", ""))
        if line.startswith("## "):
            title, lines = line[3:].strip(), []
        elif line.startswith("### ") and title:
            stories.setdefault(title, []).append((line[4:].strip(), ""))
            lines = []
        elif line.strip() and not line.startswith("<!--") and title in stories:
            lines.append(line.strip())
    return stories


# --------------------------------------------------------------------------- reading outputs


def pdf_text(pdf: Path) -> str:
    """pdftotext in reading order, whitespace folded so wrapped bullets read whole."""
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(out.split())


def pdf_pages(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)


def bullets_in_pdf(pdf: Path) -> list[str]:
    """Each `•` item of the PDF's text (up to the next bullet; the last one may run on)."""
    text = pdf_text(pdf)
    return [part.strip() for part in text.split("•")[1:]]


def visible_text(path: Path) -> str:
    """The text a reader of this file would see: PDF text, DOCX text, HTML without tags."""
    if path.suffix == ".pdf":
        return pdf_text(path)
    if path.suffix == ".docx":
        with zipfile.ZipFile(path) as archive:
            xml = " ".join(
                archive.read(name).decode("utf-8")
                for name in archive.namelist()
                if name.endswith(".xml")
            )
        return " ".join(re.sub(r"<[^>]+>", "", xml.replace("</w:p>", " ")).split())
    if path.suffix == ".json":
        return json.dumps(json.loads(path.read_text(encoding="utf-8")), ensure_ascii=False)
    if path.suffix in (".html", ".txt", ".css", ".svg", ".md"):
        import html

        raw = path.read_text(encoding="utf-8")
        return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", raw)).split())
    return ""


def site_files(site: Path) -> list[Path]:
    return sorted(path for path in site.rglob("*") if path.is_file())


@pytest.fixture(scope="session")
def tagged_repo(baked_default: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The default bake with two variants and linked stories, after `build` (once per session)."""
    repo = copy_repo(baked_default, tmp_path_factory.mktemp("tagged") / "repo")
    return built(tag_repo(repo), "build")
