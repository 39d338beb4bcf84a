"""The front matter of resume.md: target role, phone, paper, page limit, variants, theme and design options."""

from __future__ import annotations

import re
from typing import Any

import yaml

from .. import design as looks
from .notes import NAME_RE
from .source import Reporter
from .model import Variant

PAPERS = ("us-letter", "a4")
KEYS = ("target_role", "phone", "publish_phone", "paper", "variants", "pages", "theme", "design", "lang")
# A BCP 47 language tag as resumes need it: a language, then optional script and region ("zh-Hant-TW").
LANG_RE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|\d{3}))?$")
RESERVED_NAMES = frozenset({"system_designs", "interview_prep", "static", "assets"})
DEFAULTS: dict[str, Any] = {
    "target_role": "",
    "phone": "",
    "publish_phone": False,
    "paper": "us-letter",
    "variants": (),
    "pages": 1,
    "theme": looks.DEFAULT_THEME,
    "design": (),
    "lang": "en",
}


class FrontMatter:
    def __init__(self, text: str, content: str | None, report: Reporter) -> None:
        self.text = text  # the whole file, for line numbers
        self.content = content  # between the `---` lines; None when there is no front matter
        self.report = report

    def read(self) -> dict[str, Any]:
        if self.content is None:
            if self.text.startswith("---\n") or self.text.strip() == "---":
                raise self.report.fail(1, "front matter opened with `---` is never closed with `---`")
            return dict(DEFAULTS)
        try:
            data = yaml.safe_load(self.content) if self.content.strip() else {}
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            line = mark.line + 2 if mark else 1  # +1 for 1-based, +1 for the opening ---
            problem = getattr(error, "problem", None) or "invalid YAML"
            raise self.report.fail(line, f"front matter is not valid YAML: {problem}") from None
        if data is None:
            data = {}
        if not isinstance(data, dict):
            raise self.report.fail(2, "front matter must be `key: value` lines")
        checked = self.checked(data)
        checked["variants"] = self.variants(data.get("variants"))
        checked["pages"] = self.pages(data.get("pages", 1))
        checked["theme"] = self.theme(data.get("theme"))
        checked["design"] = self.design(data.get("design"))
        checked["lang"] = self.lang(data.get("lang"))
        return {**DEFAULTS, **checked}

    def theme(self, value: object) -> str:
        if value is None:
            return looks.DEFAULT_THEME
        try:
            return looks.check_theme_name(value)
        except looks.DesignError as error:
            self.report.error(self.line("theme"), f"theme: {error}")
            return looks.DEFAULT_THEME

    def lang(self, value: object) -> str:
        """`lang:` a BCP 47 tag ("de", "pt-BR", "zh-Hant"), kept as written."""
        if value is None:
            return "en"
        tag = str(value).strip() if isinstance(value, str) else ""
        if not LANG_RE.match(tag):
            self.report.error(self.line("lang"), f"`lang` must be a language tag such as de, pt-BR or zh-Hant, not {value!r}")
            return "en"
        return tag

    def design(self, value: object) -> tuple[tuple[str, object], ...]:
        """`design:` overrides of the theme's values, in the order written; each bad one a located error."""
        if value is None:
            return ()
        if not isinstance(value, dict):
            self.report.error(self.line("design"), "`design` must be `key: value` lines, indented under it")
            return ()
        lines = _key_lines(self.content or "", "design")
        checked = []
        for key, item in value.items():
            try:
                checked.append((str(key), looks.check_option(str(key), item)))
            except looks.DesignError as error:
                self.report.error(lines.get(str(key), self.line("design")), f"design: {error}")
        return tuple(checked)

    def line(self, key: str) -> int:
        """The line of a top-level front matter key."""
        for number, line in enumerate(self.text.split("\n"), start=1):
            if line.startswith(f"{key}:"):
                return number
        return 1

    def checked(self, data: dict) -> dict:
        checked: dict = {}
        for key in data:
            if key not in KEYS:
                self.report.warn(self.line(key), f"unknown front matter key `{key}` is ignored")
        for key in ("target_role", "phone"):
            value = data.get(key)
            if value is None:
                continue
            if isinstance(value, (dict, list)):
                self.report.error(self.line(key), f"`{key}` must be text")
                continue
            checked[key] = str(value).strip()
        publish = data.get("publish_phone", False)
        if publish is None:
            publish = False
        if not isinstance(publish, bool):
            self.report.error(self.line("publish_phone"), "`publish_phone` must be true or false")
            publish = False
        checked["publish_phone"] = publish
        paper = str(data.get("paper") or "us-letter").strip().lower()
        paper = {"letter": "us-letter", "us letter": "us-letter"}.get(paper, paper)
        if paper not in PAPERS:
            self.report.warn(self.line("paper"), f"paper '{paper}' unknown; using us-letter")
            paper = "us-letter"
        checked["paper"] = paper
        return checked

    def pages(self, value: object) -> int:
        if value is None:
            return 1
        if isinstance(value, bool) or value not in (1, 2):
            self.report.error(self.line("pages"), "`pages` must be 1 or 2 (2 for 10+ years)")
            return 1
        return int(value)  # type: ignore[call-overload]

    def variants(self, value: object) -> tuple[Variant, ...]:
        """`variants: [{name: backend, role: "Backend Engineer", sections: [...]}, ...]`."""
        if value is None:
            return ()
        where = self.line("variants")
        if not isinstance(value, list):
            self.report.error(where, "`variants` must be a list of `- name: ...` items")
            return ()
        lines = _item_lines(self.content or "", "variants")
        found: list[Variant] = []
        for index, item in enumerate(value):
            line = lines[index] if index < len(lines) else where
            variant = self.variant(item, line, [v.name for v in found])
            if variant is not None:
                found.append(variant)
        return tuple(found)

    def variant(self, item: object, line: int, taken: list[str]) -> Variant | None:
        if isinstance(item, str):
            item = {"name": item}
        if not isinstance(item, dict):
            self.report.error(line, "a variant is `- name: backend` with optional `role:` and `sections:`")
            return None
        unknown = sorted(set(map(str, item)) - {"name", "role", "sections"})
        if unknown:
            self.report.error(line, f"unknown variant key `{unknown[0]}` (use name, role, sections)")
            return None
        name = str(item.get("name") or "").strip()
        if not NAME_RE.match(name) or name in RESERVED_NAMES:
            self.report.error(
                line,
                f"variant name '{name}' must be lower-case letters, digits, '-' or '_' and not "
                f"one of {', '.join(sorted(RESERVED_NAMES))} (it becomes the folder _site/<name>/)",
            )
            return None
        if name in taken:
            self.report.error(line, f"variant '{name}' is declared twice")
            return None
        sections = item.get("sections") or []
        if not isinstance(sections, list) or not all(isinstance(s, str) for s in sections):
            self.report.error(line, f"`sections` of variant '{name}' must be a list of headings")
            return None
        role = item.get("role")
        if isinstance(role, (dict, list)):
            self.report.error(line, f"`role` of variant '{name}' must be text")
            return None
        return Variant(name, str(role or "").strip(), tuple(s.strip() for s in sections), line)


def _key_lines(content: str, key: str) -> dict[str, int]:
    """resume.md line numbers of the keys of a top-level front matter mapping."""
    value = _top_level_node(content, key)
    if not isinstance(value, yaml.MappingNode):
        return {}
    return {str(k.value): k.start_mark.line + 2 for k, _ in value.value}  # +1 base, +1 `---`


def _top_level_node(content: str, key: str) -> yaml.Node | None:
    try:
        root = yaml.compose(content)
    except yaml.YAMLError:
        return None
    if not isinstance(root, yaml.MappingNode):
        return None
    return next((v for k, v in root.value if k.value == key), None)


def _item_lines(content: str, key: str) -> list[int]:
    """resume.md line numbers of the items of a top-level front matter list."""
    try:
        root = yaml.compose(content)
    except yaml.YAMLError:
        return []
    if not isinstance(root, yaml.MappingNode):
        return []
    for key_node, value_node in root.value:
        if key_node.value == key and isinstance(value_node, yaml.SequenceNode):
            return [item.start_mark.line + 2 for item in value_node.value]  # +1 base, +1 `---`
    return []
