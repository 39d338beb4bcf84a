"""The contact line's items: what each one is (email, phone, profile, website, location)."""

from __future__ import annotations

import dataclasses
import re
from typing import Iterable

from markdown_it.tree import SyntaxTreeNode

from .inline import Part, Run, inline_of, plain, runs, split_fields, split_lines
from .model import ContactItem

EMAIL_RE = re.compile(r"^(?:mailto:)?[^@\s]+@[^@\s]+\.[^@\s]+$", re.IGNORECASE)
_PHONE_RE = re.compile(r"^(?:tel:)?\+?[\d\s().-]{7,}$")
_PLACE_RE = re.compile(r"^[^\d@/:|]+,\s*[^\d@/:|]+$")
DOMAIN_RE = re.compile(
    r"^(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)+(?:[/?#]\S*)?$", re.IGNORECASE
)


# "Email: me@example.com", "GitHub: github.com/me": a label before the item is not part of it.
_LABEL_RE = re.compile(
    r"^(?:e-?mail|mail|phone|tel|mobile|cell|github|gitlab|linkedin|web(?:site)?|site|homepage|"
    r"portfolio|blog|location|address|based in|contact|twitter|x)\s*:\s*",
    re.IGNORECASE,
)


def contact_item(part: Part, index: int) -> ContactItem:
    text, href = _LABEL_RE.sub("", part.text) or part.text, part.href
    probe = href or text
    if EMAIL_RE.match(text) or (href or "").lower().startswith("mailto:"):
        address = text if EMAIL_RE.match(text) else probe.split(":", 1)[1]
        return ContactItem("email", text, href or f"mailto:{address}")
    if _PHONE_RE.match(text) and sum(ch.isdigit() for ch in text) >= 7:
        return ContactItem("phone", text, href or "tel:" + re.sub(r"[^\d+]", "", text))
    lowered = probe.lower()
    for kind, host in (("github", "github.com"), ("linkedin", "linkedin.com")):
        if host in lowered:
            return ContactItem(kind, text, href or as_url(text))
    if href or DOMAIN_RE.match(text):
        return ContactItem("website", text, href or as_url(text))
    if index == 0 or _PLACE_RE.match(text):
        return ContactItem("location", text)
    return ContactItem("other", text)


def as_url(text: str) -> str:
    return text if re.match(r"^https?://", text, re.IGNORECASE) else f"https://{text}"


def with_phone(contact: Iterable[ContactItem], phone: str) -> tuple[ContactItem, ...]:
    """The contact items with the phone number inserted after the email (at the end without one)."""
    items = list(contact)
    position = next((i + 1 for i, c in enumerate(items) if c.kind == "email"), len(items))
    items.insert(position, phone_item(phone, position))
    return tuple(items)


def phone_item(phone: str, index: int) -> ContactItem:
    """The front matter's number as the contact line holds it: a phone, whatever the reader would call it."""
    return dataclasses.replace(contact_item(Part(phone, False, False, None), index), kind="phone")


def contact_parts(line: list[Run]) -> list[Part]:
    """The fields of a line if any of them is contact details (an email, phone, link or place)."""
    parts = [part for part in split_fields(line, contact=True) if part.text]
    if any(contact_item(part, 1).kind != "other" for part in parts):
        return parts
    return []


def contact_lines(node: SyntaxTreeNode) -> list[tuple[list[Run], list[Part]]]:
    """The lines of a paragraph, or the items of a list, that hold contact details."""
    return [(line, parts) for line in lines_of(node) if (parts := contact_parts(line))]


def lines_of(node: SyntaxTreeNode) -> list[list[Run]]:
    if node.type == "paragraph":
        return [line for line in split_lines(runs(inline_of(node))) if plain(line)]
    if node.type == "bullet_list":
        items = [item.children[0] for item in node.children if item.children]
        return [line for item in items if item.type == "paragraph" for line in lines_of(item)]
    return []
