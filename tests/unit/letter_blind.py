"""The blind labelled cover letters (tests/fixtures/letters_blind/, written from the issue alone): each rule's
precision and recall over them. Shared by the fast lane (the checks in Python) and the Vale rules' test."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

BLIND = Path(__file__).resolve().parents[1] / "fixtures" / "letters_blind"
LABELS: dict[str, dict] = json.loads((BLIND / "labels.json").read_text(encoding="utf-8"))
THRESHOLD = 0.95


def scores(rule: str, fired: Callable[[str], bool]) -> tuple[float, float, list[str]]:
    """(precision, recall, the letters it got wrong) of `fired(letter file name)` against the labels."""
    hits = {name for name in LABELS if fired(name)}
    wanted = {name for name, label in LABELS.items() if rule in label["fires"]}
    precision = len(hits & wanted) / len(hits) if hits else 1.0
    recall = len(hits & wanted) / len(wanted) if wanted else 1.0
    return precision, recall, sorted(hits ^ wanted)


def resume_text(label: dict) -> str:
    """A resume whose bullets are the ones the letter may draw its numbers from."""
    bullets = "".join(f"- {bullet}\n" for bullet in label["resume_numbers"])
    return f"# Pat Doe\n\npat@example.com\n\n## Experience\n\n### Engineer\n\n**Acme** | *2020 – Present*\n\n{bullets}"
