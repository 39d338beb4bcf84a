"""The writer: a resume model printed back as canonical resume.md, in the forms of `grammar.LINE_FORMS`.

`parse_resume(write_resume(model))` gives the model back (line numbers aside), and canonical text comes
back unchanged: `write_resume(parse_resume(text)) == text`. The importer writes every resume through here.
"""

from __future__ import annotations

import json
from typing import Iterable

from .contact import contact_item, phone_item
from .escape import field_escape, md_escape
from .inline import Part
from .notes import note_text
from .model import Bullet, ContactItem, Entry, Resume, Section, SkillGroup, Variant

_YAML_LINE_BREAKS = {"\x85": "\\x85", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def write_resume(resume: Resume) -> str:
    blocks = [front_matter(resume), f"# {md_escape(resume.name)}", contact_line(resume)]
    for section in resume.sections:
        blocks += section_blocks(section)
    return "\n\n".join(block for block in blocks if block) + "\n"


# --------------------------------------------------------------------------- front matter and contact


def yaml_string(value: str) -> str:
    quoted = json.dumps(value, ensure_ascii=False)
    for char, escape in _YAML_LINE_BREAKS.items():
        quoted = quoted.replace(char, escape)
    return quoted


def front_matter(resume: Resume) -> str:
    lines = [
        "---",
        f"target_role: {yaml_string(resume.target_role)}",
        f"phone: {yaml_string(resume.phone)}",
        f"publish_phone: {'true' if resume.publish_phone else 'false'}",
    ]
    if resume.paper != "us-letter":
        lines.append(f"paper: {resume.paper}")
    if resume.pages != 1:
        lines.append(f"pages: {resume.pages}")
    if resume.lang != "en":
        lines.append(f"lang: {resume.lang}")
    if resume.theme != "jake":
        lines.append(f"theme: {resume.theme}")
    if resume.design:
        lines.append("design:")
        lines += [f"  {key}: {_design_value(value)}" for key, value in resume.design]
    if resume.variants:
        lines.append("variants:")
        lines += [f"  - {_variant(variant)}" for variant in resume.variants]
    return "\n".join([*lines, "---"])


def _design_value(value: object) -> str:
    """A checked design value: text (a colour, a font, a choice) or a number (portfolio.design's checks)."""
    return yaml_string(value) if isinstance(value, str) else f"{value:g}"


def _variant(variant: Variant) -> str:
    fields = [f"name: {variant.name}"]
    if variant.role:
        fields.append(f"role: {yaml_string(variant.role)}")
    if variant.sections:
        fields.append(f"sections: [{', '.join(yaml_string(s) for s in variant.sections)}]")
    return "{" + ", ".join(fields) + "}"


def contact_line(resume: Resume) -> str:
    items = list(resume.contact)
    email_at = next((i for i, item in enumerate(items) if item.kind == "email"), len(items) - 1)
    after = email_at + 1
    if resume.phone and after < len(items) and items[after] == phone_item(resume.phone, after):
        del items[after]  # the reader puts the front matter's number back in this place
    return " | ".join(_contact(item, index) for index, item in enumerate(items))


def _contact(item: ContactItem, index: int) -> str:
    text = field_escape(item.text, line_start=index == 0)
    if contact_item(Part(item.text, False, False, None), index) == item:
        return text
    return f"[{text}]({_url(item.url or '')})"


def _url(url: str) -> str:
    """A link destination: bare when it can be, else in `<...>`."""
    url = url.replace(" ", "%20").replace("<", "%3C").replace(">", "%3E")
    return f"<{url}>" if any(char in url for char in "()\\") else url


# --------------------------------------------------------------------------- sections


def section_blocks(section: Section) -> list[str]:
    blocks = [f"## {md_escape(section.heading)}"] if section.heading else []
    blocks += [field_escape(paragraph) for paragraph in section.paragraphs]
    if section.skills:
        blocks.append("\n".join(_skills_line(group) for group in section.skills))
    one_line = [entry for entry in section.entries if entry.one_line]
    if one_line or (section.bullets and not section.entries):
        items = sorted([*section.bullets, *one_line], key=lambda item: item.line)
        blocks.append("\n".join(_list_item(item) for item in items))
    elif section.bullets:
        blocks.append(_bullets(section.bullets))
    for entry in section.entries:
        if not entry.one_line:
            blocks += entry_blocks(entry)
    return blocks


def _skills_line(group: SkillGroup) -> str:
    items = ", ".join(md_escape(item) for item in group.items)
    label = f"**{md_escape(group.label)}:** " if group.label else ""
    return _with_note(f"- {label}{items}", group.targets, "")


def _with_note(line: str, targets: tuple[str, ...], ident: str) -> str:
    note = note_text(targets, ident)
    return f"{line} {note}" if note else line


def _bullet(bullet: Bullet, indent: str = "") -> str:
    body = bullet.markdown or md_escape(bullet.text)
    return _with_note(f"{indent}- {body}", bullet.targets, bullet.id)


def _bullets(bullets: Iterable[Bullet]) -> str:
    return "\n".join(_bullet(bullet) for bullet in bullets)


def _list_item(item: Bullet | Entry) -> str:
    if isinstance(item, Bullet):
        return _bullet(item)
    return "\n".join([_with_note(f"- {one_line(item)}", item.targets, "")] + [
        _bullet(bullet, "  ") for bullet in item.bullets
    ])


def one_line(entry: Entry) -> str:
    """`**Name**, Organisation | City, ST | *dates*` (with a link at the end when it has one)."""
    title_link = bool(entry.link and entry.link.text == entry.title)
    organisation_link = entry.links_organisation
    title = f"[{field_escape(entry.title)}]({_url(entry.link.url)})" if title_link and entry.link else field_escape(entry.title)
    head = f"**{title}**"
    if organisation_link and entry.link and not title_link:
        head += f", [{field_escape(entry.organisation)}]({_url(entry.link.url)})"
    elif entry.organisation:
        head += f", {field_escape(entry.organisation)}"
    fields = [head]
    if entry.location:
        fields.append(field_escape(entry.location))
    if entry.dates:
        fields.append(f"*{field_escape(entry.dates)}*")
    if entry.link and not (title_link or organisation_link):
        fields.append(f"[{field_escape(entry.link.text)}]({_url(entry.link.url)})")
    return " | ".join(fields)


def entry_blocks(entry: Entry) -> list[str]:
    """`### Title` over `**Organisation** | City, ST | *dates*`, or `### Name | *tech* | link | *dates*`."""
    head = [field_escape(entry.title)]
    if entry.tech:
        head.append(f"*{', '.join(field_escape(item) for item in entry.tech)}*")
    organisation_link = entry.links_organisation
    if entry.link and not organisation_link:
        head.append(f"[{field_escape(entry.link.text)}]({_url(entry.link.url)})")
    blocks = []
    if entry.organisation:
        organisation = field_escape(entry.organisation)
        if organisation_link and entry.link:
            organisation = f"[{organisation}]({_url(entry.link.url)})"
        details = [f"**{organisation}**"]
        details += [field_escape(entry.location)] * bool(entry.location)
        details += [f"*{field_escape(entry.dates)}*"] * bool(entry.dates)
        blocks.append(" | ".join(details))
    else:
        head += [field_escape(entry.location)] * bool(entry.location)
        head += [f"*{field_escape(entry.dates)}*"] * bool(entry.dates)
    blocks = [_with_note(f"### {' | '.join(head)}", entry.targets, ""), *blocks]
    blocks += [field_escape(paragraph) for paragraph in entry.paragraphs]
    if entry.bullets:
        blocks.append(_bullets(entry.bullets))
    return blocks
