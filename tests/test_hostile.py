"""Hostile and unusual answers: each bakes intact (Markdown, HTML, PDF) or fails with one line."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from conftest import TEMPLATE, bake_cli, parse_vale_ini
from hostile_answers import CASES
from hostile_answers_blind import INPUTS as BLIND_INPUTS



class _TextOf(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_text(path: Path) -> str:
    parser = _TextOf()
    parser.feed(path.read_text(encoding="utf-8"))
    return squash("".join(parser.parts))


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def pdf_text(path: Path) -> str:
    """The PDF's text as pdftotext reads it, then in content order (-raw: right-to-left runs stay in
    logical order there); a value must appear in one of them."""
    texts = []
    for options in ([], ["-raw"]):
        result = subprocess.run(["pdftotext", *options, "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        texts.append(squash(BIDI_MARKS.sub("", result.stdout)))
    return "\n".join(texts)


# pdftotext wraps right-to-left runs in embedding marks; they are not part of the text.
BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def case_id(case: tuple[str, str, str | None]) -> str:
    field, value, _ = case
    return f"{field}={value[:24]!r}"


def parse_every_config(project: Path) -> None:
    for path in project.rglob("*"):
        if ".git" in path.parts or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="strict") if path.suffix in {".yml", ".yaml", ".json", ".ini", ".toml"} else None
        if text is None:
            continue
        if path.suffix in {".yml", ".yaml"}:
            yaml.safe_load(text)
        elif path.suffix == ".json":
            json.loads(text)
        elif path.suffix == ".ini":
            parse_vale_ini(text)
        else:
            import tomllib

            tomllib.loads(text)


def read_model(project: Path) -> dict:
    script = (
        "import json, sys; from portfolio.resume import load_resume; r = load_resume('resume.md');"
        "print(json.dumps({'name': r.name, 'role': r.target_role, 'phone': r.phone,"
        " 'contact': [c.text for c in r.contact], 'summary': r.summary}))"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=project, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_hostile_answer(case: tuple[str, str, str | None], tmp_path: Path) -> None:
    field, value, expected_error = case
    out = tmp_path / "out"
    out.mkdir()
    result = bake_cli(out, **{field: value})
    if expected_error is None:
        assert result.returncode == 0, result.stdout + result.stderr
        check_baked_intact(out, field, value)
    else:
        check_rejected(result, out, field, expected_error)


def check_rejected(result: subprocess.CompletedProcess[str], out: Path, field: str, expected: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    evaluated_by_cookiecutter = f"Unable to render variable '{field}'" in result.stdout + result.stderr
    if not (evaluated_by_cookiecutter and "Jinja" in expected):
        assert len(lines) == 1 and lines[0].startswith(f"error: {expected}"), result.stderr
    _wait_for_cleanup(out)
    assert list(out.iterdir()) == []
    assert not (out.parent / "escape").exists() and not Path("/tmp/absolute").exists()


def _wait_for_cleanup(folder: Path) -> None:
    import time

    deadline = time.monotonic() + 5
    while any(folder.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.05)


def check_baked_intact(out: Path, field: str, value: str) -> None:
    (project,) = list(out.iterdir())
    if field == "project":
        assert project.name == value
    parse_every_config(project)
    # Workflows are copied without rendering: no answer can reach a `run:` line or an expression.
    template_workflows = TEMPLATE / "{{cookiecutter.project}}" / ".github" / "workflows"
    for workflow in (project / ".github/workflows").glob("*.yml"):
        assert workflow.read_bytes() == (template_workflows / workflow.name).read_bytes()
    model = read_model(project)
    expected_in_model = {
        "full_name": model["name"],
        "target_role": model["role"],
        "phone": model["phone"],
    }
    if field in expected_in_model:
        assert expected_in_model[field] == value
    elif field in ("location", "email", "website", "linkedin"):
        assert value in model["contact"]
    build = subprocess.run([sys.executable, "-m", "portfolio", "build"], cwd=project, capture_output=True, text=True)
    assert build.returncode == 0, build.stdout + build.stderr
    site = project / "_site"
    page = (site / "resume.html").read_text(encoding="utf-8")
    assert "<script" not in page.lower()
    shown = html_text(site / "resume.html")
    printed = pdf_text(site / "resume.pdf")
    if field == "phone":
        assert value not in shown and value not in printed  # private unless publish_phone: true
    elif field != "project":
        assert squash(value) in shown
        assert squash(value) in printed


def blind_id(case: tuple[str, str]) -> str:
    field, value = case
    return f"{field}={value[:24]!r}"


@pytest.mark.parametrize("case", BLIND_INPUTS, ids=blind_id)
def test_hostile_answer_written_blind(case: tuple[str, str], tmp_path: Path) -> None:
    """Answers written by someone who had not read the validation: each bakes intact or is refused in one line."""
    field, value = case
    out = tmp_path / "out"
    out.mkdir()
    result = bake_cli(out, **{field: value})
    if result.returncode == 0:
        check_baked_intact(out, field, value)
    else:
        jinja = "{{" in value or "{%" in value or "{#" in value
        check_rejected(result, out, field, f"{field}: contains Jinja syntax" if jinja else f"{field}:")
