"""`import`: JSON Resume to resume.md. Round trips, the overwrite guard, errors, unmapped fields."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from export_support import CLEAN, load, mods  # noqa: F401  (fixture)
from portfolio_support import RESUMES, portfolio, run_portfolio  # noqa: F401  (fixture)
from vale_support import run_vale


def signature(resume) -> dict:
    """What "the same model" means: every field, dates as values (their wording may change)."""

    def entry(item) -> tuple:
        period = item.period
        dates = (period.start, period.end, period.ongoing) if period else item.dates
        link = item.link.url if item.link else None
        bullets = [bullet.text for bullet in item.bullets]
        return (
            item.title,
            item.organisation,
            item.location,
            dates,
            item.tech,
            link,
            bullets,
            item.paragraphs,
        )

    return {
        "name": resume.name,
        "target_role": resume.target_role,
        "phone": resume.phone,
        "paper": resume.paper,
        "contact": [(item.kind, item.url or item.text) for item in resume.contact],
        "sections": [
            (
                section.heading,
                section.kind,
                section.paragraphs,
                [(group.label, group.items) for group in section.skills],
                [bullet.text for bullet in section.bullets],
                [entry(item) for item in section.entries],
            )
            for section in resume.sections
        ],
    }


@pytest.mark.parametrize("name", ["default", *CLEAN, "special_chars.md"])
def test_round_trip_gives_the_same_model(mods, baked_default, tmp_path, name) -> None:
    resume = load(mods, name, baked_default)
    mods.exports.write_json_resume(resume, tmp_path / "resume.json")
    result = mods.importer.import_file(tmp_path / "resume.json", tmp_path / "resume.md")
    back = mods.resume.load_resume(tmp_path / "resume.md")
    assert back.warnings == ()
    assert signature(back) == signature(resume.public())
    phone_note = [line for line in result.notes if line.startswith("basics.phone")]
    assert bool(phone_note) == bool(resume.public().phone)


def test_imported_resume_md_is_already_mdformat_clean(mods, baked_default, tmp_path) -> None:
    """pre-commit runs mdformat on resume.md; an import must not leave it anything to change."""
    names = ["export_new_grad.md", "export_senior_many_roles.md", "special_chars.md", "senior.md"]
    targets = []
    for name in names:
        source = export_json(mods, name, tmp_path)
        target = tmp_path / f"{Path(name).stem}_resume.md"
        mods.importer.import_file(source, target)
        targets.append(str(target))
    mdformat = Path(sys.executable).with_name("mdformat")
    result = subprocess.run([str(mdformat), "--check", *targets], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_round_trip_writes_the_dates_the_style_expects(mods, tmp_path) -> None:
    resume = mods.resume.load_resume(RESUMES / "export_senior_many_roles.md")
    mods.exports.write_json_resume(resume, tmp_path / "resume.json")
    mods.importer.import_file(tmp_path / "resume.json", tmp_path / "resume.md")
    text = (tmp_path / "resume.md").read_text(encoding="utf-8")
    assert (
        "**[Cascade Cloud](https://cascade.example.com)** | Seattle, WA"
        " | *February 2022 – Present*" in text
    )
    assert "**Seattle SRE Meetup** | Seattle, WA | *2015 – 2020*" in text
    assert "## Leadership" in text and text.index("## Experience") < text.index("## Projects")


def example_copy(baked_default: Path, tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    shutil.copytree(baked_default, repo, ignore=shutil.ignore_patterns(".git", "_site", ".cache"))
    return repo


def export_json(mods, name: str, folder: Path) -> Path:
    resume = mods.resume.load_resume(RESUMES / name)
    path = folder / f"{Path(name).stem}.json"
    mods.exports.write_json_resume(resume, path)
    return path


def test_import_command_replaces_the_example_and_then_guards_the_users_resume(
    mods, baked_default, tmp_path
) -> None:
    repo = example_copy(baked_default, tmp_path)
    senior = export_json(mods, "export_senior_many_roles.md", tmp_path)
    graduate = export_json(mods, "export_new_grad.md", tmp_path)

    first = run_portfolio(repo, "import", str(senior))
    assert first.returncode == 0, first.stderr
    assert "# Helen Marsh" in (repo / "resume.md").read_text(encoding="utf-8")

    before = (repo / "resume.md").read_bytes()
    refused = run_portfolio(repo, "import", str(graduate))
    assert refused.returncode != 0
    assert refused.stderr.count("\n") == 1 and "--force" in refused.stderr, refused.stderr
    assert (repo / "resume.md").read_bytes() == before

    forced = run_portfolio(repo, "import", "--force", str(graduate))
    assert forced.returncode == 0, forced.stderr
    imported = (repo / "resume.md").read_text(encoding="utf-8")
    assert "# Tomás Okafor" in imported
    assert (
        'phone: ""' in imported and "555-0100" not in imported
    )  # never published, so never exported
    assert sorted(p.name for p in repo.iterdir() if p.name.startswith(".resume.md")) == []


def test_the_example_is_recognised_whatever_the_answers(mods, baked_default, tmp_path) -> None:
    text = (baked_default / "resume.md").read_text(encoding="utf-8")
    other = (
        text.replace("Alex Example", "Renée D'Souza")
        .replace("alex@example.com", "renee@example.org")
        .replace(
            "Springfield, IL", "Montréal, QC", 1
        )  # the contact line; entries keep their cities
        .replace("Backend Software Engineer", "Site Reliability Engineer")
    )
    path = tmp_path / "resume.md"
    path.write_text(other, encoding="utf-8")
    current = mods.importer.example_fingerprint(mods.resume.load_resume(baked_default / "resume.md"))
    assert mods.importer.is_example(baked_default / "resume.md"), (
        f"the example resume changed: add {current!r} to EXAMPLE_FINGERPRINTS"
        " in portfolio/importer.py"
    )
    assert mods.importer.is_example(path)
    path.write_text(
        other.replace("cutting deploy time from 25", "cutting deploy time from 26"),
        encoding="utf-8",
    )
    assert not mods.importer.is_example(path)


INVALID = [
    ("not json", '{"basics": {"name": "A"},}', "not valid JSON"),
    ("array", "[1, 2]", "top level"),
    ("name type", '{"basics": {"name": 5}}', "basics.name"),
    ("no name", '{"basics": {"label": "Engineer"}}', "basics.name"),
    ("no basics", '{"work": []}', "basics.name"),
    ("work type", '{"basics": {"name": "A"}, "work": {"name": "X"}}', "work"),
    (
        "highlights type",
        '{"basics": {"name": "A"}, "work": [{"highlights": "x"}]}',
        "work[0].highlights",
    ),
    (
        "date form",
        '{"basics": {"name": "A"}, "work": [{"startDate": "March 2020"}]}',
        "work[0].startDate",
    ),
    (
        "month 13",
        '{"basics": {"name": "A"}, "education": [{"endDate": "2020-13"}]}',
        "education[0].endDate",
    ),
    (
        "end first",
        '{"basics": {"name": "A"}, "work": [{"startDate": "2021-05", "endDate": "2020-01"}]}',
        "work[0].endDate",
    ),
    ("email", '{"basics": {"name": "A", "email": "not-an-email"}}', "basics.email"),
]


@pytest.mark.parametrize("label,content,field", INVALID, ids=[case[0] for case in INVALID])
def test_invalid_input_fails_in_one_line_and_leaves_resume_md(
    mods, baked_default, tmp_path, capsys, label, content, field
) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    shutil.copyfile(baked_default / "resume.md", repo / "resume.md")
    before = (repo / "resume.md").read_bytes()
    source = tmp_path / "bad.json"
    source.write_text(content, encoding="utf-8")
    code = mods.cli.main(["--repo", str(repo), "import", str(source), "--force"])

    err = capsys.readouterr().err
    assert code != 0
    assert err.count("\n") == 1 and err.startswith("error: ") and field in err, err
    assert (repo / "resume.md").read_bytes() == before
    assert sorted(p.name for p in repo.iterdir()) == ["resume.md"]


def test_invalid_input_exit_code_from_the_real_command(baked_default, tmp_path) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(baked_default, repo, ignore=shutil.ignore_patterns(".git", "_site", ".cache"))
    (tmp_path / "bad.json").write_text('{"basics": {"name": ["A"]}}', encoding="utf-8")
    result = run_portfolio(repo, "import", str(tmp_path / "bad.json"))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"error: {tmp_path / 'bad.json'}: basics.name: must be text, not a list"
    ]


# A resume as another JSON Resume tool writes it: paragraphs, levels, an address, no
# `meta.portfolio`.
OUTSIDE_TOOL = {
    "basics": {
        "name": "Kai Moreno",
        "label": "Mobile Engineer",
        "image": "https://example.com/me.jpg",
        "email": "kai@example.com",
        "location": {
            "address": "1 Main St",
            "postalCode": "97201",
            "city": "Portland",
            "region": "OR",
        },
        "profiles": [{"network": "GitHub", "username": "kaim"}],
    },
    "work": [
        {
            "name": "Lumen Apps",
            "position": "iOS Engineer",
            "startDate": "2020-04-01",
            "summary": "Built the offline mode of a reading app",
            "highlights": ["Cut cold start from 2.4 s to 0.8 s for 300,000 daily users."],
        }
    ],
    "skills": [{"name": "Swift", "level": "Expert"}],
    "languages": [{"language": "Spanish", "fluency": "Native"}],
}


def test_unmapped_fields_are_reported_with_a_reason(mods, tmp_path) -> None:
    source = tmp_path / "kai.json"
    source.write_text(json.dumps(OUTSIDE_TOOL), encoding="utf-8")
    result = mods.importer.import_file(source, tmp_path / "resume.md")
    fields = [line.split(":")[0] for line in result.not_mapped]
    assert fields == [
        "basics.image",
        "basics.location.address",
        "basics.location.postalCode",
        "languages",
        "skills[0].level",
    ]
    assert result.notes == ["work[0].summary: became the first bullet; give it a measured result"]
    assert all(len(line.split(": ", 1)[1]) > 10 for line in result.not_mapped)
    resume = mods.resume.load_resume(tmp_path / "resume.md")
    assert resume.warnings == ()
    assert [(c.kind, c.url) for c in resume.contact][-1] == ("github", "https://github.com/kaim")
    job = next(resume.entries())
    assert job.dates == "April 2020 – Present" and job.period.ongoing
    assert [b.text for b in job.bullets][0] == "Built the offline mode of a reading app"


FORMATTING_RULES = {
    "Portfolio.ContactEmail",
    "Portfolio.Headings",
    "Portfolio.NumericDates",
    "Portfolio.Tables",
    "Portfolio.Images",
    "Portfolio.LayoutHTML",
    "Portfolio.Emoji",
    "Portfolio.DecorativeBullets",
}


def test_imported_resumes_pass_the_vale_formatting_rules(mods, baked_default, tmp_path) -> None:
    repo = example_copy(baked_default, tmp_path)
    outside = tmp_path / "outside.json"
    outside.write_text(json.dumps(OUTSIDE_TOOL), encoding="utf-8")
    sources = [outside] + [
        export_json(mods, name, tmp_path) for name in ("export_senior_many_roles.md", "senior.md")
    ]
    for index, source in enumerate(sources):
        mods.importer.import_file(source, repo / f"{index}_resume.md")
    alerts = run_vale(sorted(repo.glob("*_resume.md")), cwd=repo)
    found = [
        (Path(path).name, a["Check"], a["Severity"])
        for path, items in alerts.items()
        for a in items
    ]
    assert [alert for alert in found if alert[1] in FORMATTING_RULES or alert[2] == "error"] == []
    # The outside tool's bullets have no measured results: the style flags them, which is the point.
    assert ("0_resume.md", "Portfolio.MeasuredResult", "warning") in found


BLIND = sorted((RESUMES.parent / "resumes_blind").glob("*.md"))


@pytest.mark.parametrize("path", BLIND, ids=[p.stem for p in BLIND])
def test_resumes_written_blind_round_trip_through_json_resume(mods, tmp_path, path: Path) -> None:
    """Every field comes back; only the contact line's order may change (JSON Resume fixes it)."""
    resume = mods.resume.load_resume(path)
    assert resume.warnings == ()
    notes = mods.exports.write_json_resume(resume, tmp_path / "resume.json")
    assert notes == ()  # nothing left behind: publications, awards and certifications all have a place
    mods.importer.import_file(tmp_path / "resume.json", tmp_path / "resume.md")
    back, original = (signature(r) for r in (mods.resume.load_resume(tmp_path / "resume.md"), resume.public()))
    assert sorted(back.pop("contact")) == sorted(original.pop("contact"))
    assert back == original
