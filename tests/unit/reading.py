"""The whole of what the reader made of a resume, as plain text a reviewer can check line by line: every field
of every entry, bullet and skills line with its line number, each warning with its line and whether it is only
advice. The reader-case fixtures (tests/fixtures/reader_cases/*.read) are this text, checked by hand."""

from __future__ import annotations

from typing import Any


def described(resume: Any) -> str:
    lines = [f"name: {resume.name} (line {resume.name_line})"]
    lines += [f"contact: {item.kind} {item.text!r}" + (f" -> {item.url}" if item.url else "") for item in resume.contact]
    for section in resume.sections:
        lines += _section(section)
    for warning in resume.warnings:
        lines.append(f"warning {warning.line}{' (advice)' if warning.advice else ''}: {warning.message}")
    return "\n".join(lines) + "\n"


def _section(section: Any) -> list[str]:
    lines = [f"section {section.heading!r} ({section.kind}) line {section.line}"]
    lines += [f"  paragraph: {text!r}" for text in section.paragraphs]
    for group in section.skills:
        lines.append(f"  skills {group.line}: {group.label!r} {list(group.items)!r}{_targets(group.targets)}")
    lines += [f"  {_bullet(bullet)}" for bullet in section.bullets]
    for entry in section.entries:
        lines += _entry(entry)
    return lines


def _entry(entry: Any) -> list[str]:
    lines = [f"  {entry.kind} {entry.line}{' one-line' if entry.one_line else ''}{_targets(entry.targets)}"]
    for name in ("title", "organisation", "location"):
        if getattr(entry, name):
            lines.append(f"    {name}: {getattr(entry, name)!r}")
    if entry.dates or entry.period:
        lines.append(f"    dates: {entry.dates!r} = {_period(entry.period)}")
    if entry.tech:
        lines.append(f"    tech: {list(entry.tech)!r}")
    if entry.link:
        lines.append(f"    link: {entry.link.text!r} -> {entry.link.url}")
    if entry.one_line and entry.markdown:
        lines.append(f"    markdown: {entry.markdown!r}")
    lines += [f"    paragraph: {text!r}" for text in entry.paragraphs]
    lines += [f"    {_bullet(bullet)}" for bullet in entry.bullets]
    return lines


def _bullet(bullet: Any) -> str:
    text = f"bullet {bullet.line}: {bullet.text!r}"
    if bullet.markdown and bullet.markdown != bullet.text:
        text += f" as {bullet.markdown!r}"
    if bullet.id:
        text += f" id {bullet.id}"
    return text + _targets(bullet.targets)


def _targets(targets: tuple[str, ...]) -> str:
    return f" for {', '.join(targets)}" if targets else ""


def _period(period: Any) -> str:
    if period is None:
        return "unread"
    end = "present" if period.ongoing else _date(period.end)
    return f"{_date(period.start)} to {end}"


def _date(date: Any) -> str:
    if date is None:
        return "?"
    return f"{date.year}-{date.month:02d}" if date.month else str(date.year)
