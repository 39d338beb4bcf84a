"""What "the same resume" means for round trips: every field a reader of the model sees, without line
numbers, warnings or the Markdown each item was written in."""

from __future__ import annotations

from typing import Any


def content(resume: Any) -> dict[str, Any]:
    return {
        "name": resume.name,
        "front": (resume.target_role, resume.phone, resume.publish_phone, resume.paper, resume.pages),
        "variants": [(v.name, v.role, v.sections) for v in resume.variants],
        "contact": [(c.kind, c.text, c.url) for c in resume.contact],
        "sections": [_section(section) for section in resume.sections],
    }


def _section(section: Any) -> tuple:
    return (
        section.heading,
        section.kind,
        section.paragraphs,
        [(g.label, g.items, g.targets) for g in section.skills],
        [_bullet(b) for b in section.bullets],
        [_entry(e) for e in section.entries],
    )


def _bullet(bullet: Any) -> tuple:
    return (bullet.text, bullet.targets, bullet.id)


def _entry(entry: Any) -> tuple:
    return (
        entry.kind,
        entry.title,
        entry.organisation,
        entry.location,
        entry.dates,
        entry.period,
        entry.tech,
        entry.link,
        [_bullet(b) for b in entry.bullets],
        entry.paragraphs,
        entry.targets,
        entry.one_line,
    )


def visible_content(resume: Any, *, dates_as_values: bool = False) -> dict[str, Any]:
    """What a PDF of the resume shows: no front matter, variants, hidden ids or tags, nor the form an entry
    was written in; headings in any case (the PDF prints them in capitals). With `dates_as_values`, a date
    is its value ("Jan 2021" and "January 2021" are the same), as an import writes dates out one way."""

    def dates(entry: Any) -> Any:
        period = entry.period
        if not dates_as_values or period is None:
            return entry.dates
        return (period.start, period.end, period.ongoing)

    return {
        "name": resume.name,
        "contact": [(c.kind, c.text) for c in resume.contact],
        "sections": [
            (
                s.heading.casefold(),
                s.kind,
                s.paragraphs,
                [(g.label, g.items) for g in s.skills],
                [b.text for b in s.bullets],
                [
                    (e.kind, e.title, e.organisation, e.location, dates(e), e.tech, e.link.url if e.link else None,
                     [b.text for b in e.bullets], e.paragraphs)
                    for e in s.entries
                ],
            )
            for s in resume.sections
        ],
    }
