"""The Vale rules for cover letters (Portfolio.LetterOpener, Portfolio.LetterWe, and Portfolio.Buzzwords as the
letters' section of the generated .vale.ini turns them on), through the real vale binary on the blind labelled
letters placed where a user's letters are (applications/<folder>/letter.md): precision and recall of each at or
above 0.95. The rules that are wrong for a letter (action verbs, measured results, pronouns) stay off there."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from unit.letter_blind import BLIND, LABELS, THRESHOLD, scores
from vale_support import project_config, run_vale

RULES = {"weak_opener": "Portfolio.LetterOpener", "we_for_i": "Portfolio.LetterWe", "buzzword": "Portfolio.Buzzwords"}


@pytest.fixture(scope="module")
def alerts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[str]]:
    """The rules each letter sets off, by letter file name."""
    repo = tmp_path_factory.mktemp("letters")
    paths = []
    for name in LABELS:
        folder = repo / "applications" / f"2026-01-05-{Path(name).stem}"
        folder.mkdir(parents=True)
        shutil.copyfile(BLIND / name, folder / "letter.md")
        paths.append(folder / "letter.md")
    found = run_vale([p.relative_to(repo) for p in paths], project_config(repo), cwd=repo)
    return {f"{Path(path).parent.name.split('-')[-1]}.md": {alert["Check"] for alert in items} for path, items in found.items()}


@pytest.mark.parametrize("rule", sorted(RULES))
def test_each_letter_rule_is_precise_and_complete_on_the_blind_letters(alerts: dict[str, set[str]], rule: str) -> None:
    precision, recall, wrong = scores(rule, lambda name: RULES[rule] in alerts.get(name, set()))
    assert precision >= THRESHOLD and recall >= THRESHOLD, (precision, recall, wrong)


def test_no_rule_meant_for_bullets_runs_on_a_letter(alerts: dict[str, set[str]]) -> None:
    seen = set().union(*alerts.values())
    assert seen <= {*RULES.values(), "Portfolio.Filler", "Portfolio.Spelling"}, seen
    assert not seen & {"Portfolio.ActionVerb", "Portfolio.MeasuredResult", "Portfolio.Pronouns", "Portfolio.BulletLength"}
