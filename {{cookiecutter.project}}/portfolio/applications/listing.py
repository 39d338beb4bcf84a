"""`./run.sh applications [--status COMPANY STATUS]`: every application, its status and the days since, as a
table in the terminal and as a private page (`_private/applications.html`; user text escaped)."""

from __future__ import annotations

import datetime
import html
from pathlib import Path

from ..cache import write_atomic
from .record import Application

PAGE = Path("_private") / "applications.html"  # also written by ./run.sh private
COLUMNS = ("date", "company", "role", "variant", "status", "days")


def rows(applications: list[Application], today: datetime.date) -> list[tuple[str, ...]]:
    return [
        ((a.sent or a.created).isoformat(), a.company, a.role, a.variant or "-", a.status, str(a.days_since(today)))
        for a in applications
    ]


def table(applications: list[Application], today: datetime.date) -> str:
    if not applications:
        return "No applications yet: ./run.sh apply COMPANY --job posting.txt starts one."
    found = [COLUMNS, *rows(applications, today)]
    widths = [max(len(row[i]) for row in found) for i in range(len(COLUMNS))]
    return "\n".join("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in found)


def page(applications: list[Application], today: datetime.date, lang: str = "en") -> str:
    head = "".join(f"<th scope=\"col\">{html.escape(name)}</th>" for name in COLUMNS)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>\n" for row in rows(applications, today)
    )
    return (
        f'<!doctype html>\n<html lang="{html.escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="robots" content="noindex">\n<title>Applications</title>\n</head>\n<body>\n<main>\n'
        f"<h1>Applications</h1>\n<p>{len(applications)} applications, as of {today.isoformat()}.</p>\n"
        f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}</tbody>\n</table>\n</main>\n</body>\n</html>\n"
    )


def write_page(repo: Path, applications: list[Application], today: datetime.date, lang: str = "en") -> Path:
    path = repo / PAGE
    path.parent.mkdir(exist_ok=True)
    return write_atomic(path, page(applications, today, lang))
