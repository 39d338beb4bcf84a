"""The resume rules measured as a classifier of "needs work" (any warning or error) on a labelled set.

tests/labelled/bullets.tsv, holdout_bullets.tsv and holdout2_bullets.tsv (both written blind) hold single bullets, each placed in an
otherwise clean resume in the section its context names; tests/labelled/resumes/ holds whole resumes, `clean_*`
ones that must pass and the others that break ATS parsing or are weak. All files go through one vale run with the generated repo's .vale.ini.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import pytest

from vale_support import blocking, project_config, run_vale

LABELLED = Path(__file__).parent / "labelled"
THRESHOLD = 0.95

HEADER = """# Sam Rivera

Austin, TX | sam@example.com | github.com/samrivera

## Professional Summary

Backend engineer with 5 years of experience building Python services that handle 2,000 requests per second.

## Technical Skills

- **Languages:** Python, Go, SQL
{skills}
## Projects

### Search Service | *Python, PostgreSQL*

- Indexed 1.2 million documents, answering in 40 ms at p95.
{project}
## Experience

### Software Engineer

**Example Corp** | Austin, TX | *March 2022 – Present*

- Cut cloud spend by 30% by right-sizing 120 instances.
{current}
### Junior Software Engineer

**Sample Systems** | Austin, TX | *June 2019 – February 2022*

- Wrote 350 tests, raising coverage from 52% to 91%.
{past}
## Education

### B.S. in Computer Science

**State University** | Austin, TX | *September 2015 – May 2019*
{education}"""
CONTEXTS = ("skills", "project", "current", "past", "education")


@dataclass(frozen=True)
class Example:
    name: str
    needs_work: bool
    reason: str
    text: str


def load_bullets(file: str = "bullets.tsv", prefix: str = "b") -> list[Example]:
    rows = (line for line in (LABELLED / file).read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#"))
    examples = []
    for number, row in enumerate(csv.DictReader(rows, delimiter="\t", quoting=csv.QUOTE_NONE)):
        assert row["label"] in {"good", "bad"} and row["context"] in CONTEXTS, row
        examples.append(Example(f"{prefix}{number:03d}_{row['context']}_resume.md", row["label"] == "bad",
                                row["reason"], row["text"]))
    return examples


def load_holdout() -> list[Example]:
    """Written blind, from the issue's definitions only, by someone who had not read the rules."""
    return load_bullets("holdout_bullets.tsv", "h")


def load_holdout2() -> list[Example]:
    """A second blind set, written later the same way, after the first had been used to fix the rules."""
    return load_bullets("holdout2_bullets.tsv", "k")


def resume_with(example: Example) -> str:
    context = example.name.split("_")[1]
    slots = {name: "" for name in CONTEXTS}
    slots[context] = f"- {example.text}\n"
    return HEADER.format(**slots)


def load_resumes() -> list[Example]:
    return [Example(path.name, not path.name.startswith("clean_"), path.stem.split("_")[0], str(path))
            for path in sorted((LABELLED / "resumes").glob("*_resume.md"))]


def precision_recall(predicted: dict[str, bool], examples: list[Example]) -> tuple[float, float]:
    true_pos = sum(predicted[e.name] and e.needs_work for e in examples)
    flagged = sum(predicted[e.name] for e in examples)
    actual = sum(e.needs_work for e in examples)
    return true_pos / max(flagged, 1), true_pos / max(actual, 1)


@pytest.fixture(scope="module")
def predictions(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict]]:
    folder = tmp_path_factory.mktemp("labelled")
    config = project_config(folder)
    control = folder / "control_resume.md"
    control.write_text(HEADER.format(**{name: "" for name in CONTEXTS}), encoding="utf-8")
    paths = [control]
    for example in load_bullets() + load_holdout() + load_holdout2():
        path = folder / example.name
        path.write_text(resume_with(example), encoding="utf-8")
        paths.append(path)
    paths += [Path(e.text) for e in load_resumes()]
    results = run_vale(paths, config, cwd=folder)
    return {Path(path).name: blocking(alerts) for path, alerts in results.items()}


def report(title: str, examples: list[Example], alerts: dict[str, list[dict]]) -> tuple[float, float]:
    predicted = {e.name: bool(alerts.get(e.name)) for e in examples}
    precision, recall = precision_recall(predicted, examples)
    print(f"\n{title}: {len(examples)} examples, precision {precision:.3f}, recall {recall:.3f} (needs work)")
    for e in examples:
        if predicted[e.name] != e.needs_work:
            checks = sorted({a["Check"] for a in alerts.get(e.name, [])})
            print(f"  MISS {e.name} labelled {'bad' if e.needs_work else 'good'} ({e.reason}): {checks}")
    return precision, recall


def test_the_bullet_template_itself_is_clean(predictions: dict) -> None:
    assert predictions.get("control_resume.md", []) == []


def test_labelled_set_is_big_and_varied() -> None:
    bullets, resumes = load_bullets(), load_resumes()
    assert len(bullets) >= 120 and len(resumes) >= 10
    reasons = {e.reason for e in bullets}
    hard_cases = {"version-not-result", "version-and-result", "number-words", "skills-list", "current-present",
                  "apostrophe-name", "education-item", "past-role-present-tense"}
    assert hard_cases <= reasons, hard_cases - reasons
    assert {e.needs_work for e in resumes} == {True, False}


def test_bullet_precision_and_recall(predictions: dict) -> None:
    precision, recall = report("bullets", load_bullets(), predictions)
    assert precision >= THRESHOLD and recall >= THRESHOLD


def test_blind_holdout_precision_and_recall(predictions: dict) -> None:
    holdout = load_holdout()
    assert len(holdout) >= 150
    precision, recall = report("blind held-out bullets", holdout, predictions)
    assert precision >= THRESHOLD and recall >= THRESHOLD


def test_second_blind_holdout_precision_and_recall(predictions: dict) -> None:
    holdout = load_holdout2()
    assert len(holdout) >= 150
    precision, recall = report("second blind held-out bullets", holdout, predictions)
    assert precision >= THRESHOLD and recall >= THRESHOLD


def test_whole_resume_precision_and_recall(predictions: dict) -> None:
    precision, recall = report("resumes", load_resumes(), predictions)
    assert precision >= THRESHOLD and recall >= THRESHOLD


def test_ats_breaking_resumes_fail_with_errors(predictions: dict) -> None:
    for example in load_resumes():
        if example.reason == "ats":
            assert any(a["Severity"] == "error" for a in predictions[example.name]), example.name


# --------------------------------------------------------------------------- measured results, written blind

# tests/labelled/results_blind.tsv: 166 bullets from a helper who saw only the checks issue: money in many
# currencies and scales (₹ crore, R$ mi, 300 000 kr, 2.4M SEK), multiplier words, counts in words, and traps
# (versions, product names with digits, 24/7, P1, dates, phone numbers). label result = states a measured
# result; none = does not. Measured blind: precision 0.930, recall 0.941 of "needs a result"; after: 1.00/0.99.
RESULTS_BLIND = LABELLED / "results_blind.tsv"
RESULTS_THRESHOLD = 0.97


def test_measured_result_rule_on_bullets_written_blind(tmp_path: Path) -> None:
    rows = list(csv.DictReader(RESULTS_BLIND.open(encoding="utf-8"), delimiter="\t"))
    rows = [row for row in rows if not row["bullet"].startswith("**Skills:**")]  # a skills line, not a bullet
    assert len(rows) >= 120 and {row["label"] for row in rows} == {"result", "none"}
    paths = []
    for index, row in enumerate(rows):
        path = tmp_path / f"r{index:03d}_resume.md"  # .vale.ini wires the resume rules to *resume.md
        path.write_text(
            HEADER.format(skills="", project="", current="", past=f"- {row['bullet']}\n", education=""),
            encoding="utf-8",
        )
        paths.append(path)
    alerts = run_vale(paths, project_config(tmp_path), cwd=tmp_path)
    flagged = [
        any(alert["Check"] == "Portfolio.MeasuredResult" for alert in alerts.get(str(path), []))
        for path in paths
    ]
    needs = [row["label"] == "none" for row in rows]
    true_positive = sum(f and n for f, n in zip(flagged, needs))
    precision = true_positive / max(1, sum(flagged))
    recall = true_positive / max(1, sum(needs))
    print(f"MeasuredResult on the blind results set: precision {precision:.3f}, recall {recall:.3f}")
    assert precision >= RESULTS_THRESHOLD and recall >= RESULTS_THRESHOLD
