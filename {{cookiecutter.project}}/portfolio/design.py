"""The resume's look: themes (design values in portfolio/themes/*.yml) and the options resume.md may override.

A theme is data only: fonts, sizes, spacing, accent colour, how section titles and dates are set. Every theme
is laid out by the one Typst template (templates/resume.typ) and its shared entry layouts, so each one keeps
the parser-facing rules that template keeps, and the ATS round trip checks every build whatever its theme.

Front matter chooses a theme and overrides some of its values:

    theme: modern
    design:
      accent: "#0f5c6e"
      font: Source Serif Pro
      size: 10.5
      margins: 0.6
      section_titles: rule
      dates: below

Each value is checked here; a bad one is one located error (`resume.md:LINE: design: ...`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Callable

from .errors import PortfolioError

THEMES_DIR = Path(__file__).parent / "themes"
DEFAULT_THEME = "jake"

# Fonts a theme or resume may name, and where each comes from: the typst wheel embeds the first two; the
# others are PyPI wheels in requirements.txt (SIL OFL 1.1), so every machine and CI build with the same files.
FONTS: dict[str, str | None] = {
    "New Computer Modern": None,
    "Libertinus Serif": None,
    "Source Sans Pro": "font_source_sans_pro",
    "Source Serif Pro": "font_source_serif_pro",
}
# What Typst falls back to, in order, for a glyph the chosen font lacks (then the system's fonts).
FALLBACK_FONTS = ("New Computer Modern", "Libertinus Serif", "DejaVu Sans Mono")
# A font for a script the fonts above show only in DejaVu Sans Mono (a monospaced Arabic), tried before it for a
# resume in a language written in that script. It is a system font (Debian's fonts-noto-core, which
# `./run.sh setup` installs in CI); without it Typst keeps DejaVu Sans Mono.
SCRIPT_FONTS = {"ar": ("Noto Naskh Arabic",), "fa": ("Noto Naskh Arabic",), "ur": ("Noto Naskh Arabic",)}
SECTION_TITLES = {
    "rule": "bold capitals over a thin rule",
    "plain": "bold capitals, no rule",
    "small-caps": "bold small capitals in the accent colour over a rule",
    "accent": "bold capitals in the accent colour over a heavier accent rule",
    "centred": "bold capitals centred over a thin rule",
}
DATES = {"right": "at the right of the title line", "below": "on a line of their own under the title"}
ALIGNS = ("center", "left")
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


class DesignError(ValueError):
    """A design value that cannot be used; str() says which and why (the caller adds the line)."""


@dataclass(frozen=True)
class Design:
    """Every value the template reads, once a theme and the front matter's overrides are combined."""

    font: str = "New Computer Modern"
    heading_font: str = "New Computer Modern"
    accent: str = "#000000"
    size: float = 10.5  # body text, pt; the fit may go down to 9.5
    pitch: float = 0.45  # leading and spacing inside an entry, em
    entry_gap: float = 1.05  # before each entry, em; kept over 1.4x the pitch for parsers
    margin_x: float = 0.55  # in
    margin_y: float = 0.45  # in
    name_size: float = 20.0  # pt
    name_align: str = "center"
    heading_size: float = 11.0  # section titles, pt
    section_titles: str = "rule"
    dates: str = "right"

    def template_values(self, lang: str = "en") -> dict[str, Any]:
        """What resume.typ reads as `data.design` (the fit's knobs travel in `data.style`)."""
        script = script_fonts(lang)
        return {
            "font": _with_fallbacks(self.font, script),
            "heading_font": _with_fallbacks(self.heading_font, script),
            **({"script_fonts": True} if script else {}),
            "accent": self.accent.lower(),
            "name_size": self.name_size,
            "name_align": self.name_align,
            "heading_size": self.heading_size,
            "section_titles": self.section_titles,
            "dates": self.dates,
        }

    def font_packages(self) -> tuple[str, ...]:
        """The font wheels this design's fonts come from."""
        return tuple(sorted({p for f in (self.font, self.heading_font) if (p := FONTS.get(f))}))


@dataclass(frozen=True)
class Theme:
    name: str
    description: str
    design: Design


def script_fonts(lang: str) -> tuple[str, ...]:
    return SCRIPT_FONTS.get((lang or "en").split("-")[0].lower(), ())


def _with_fallbacks(font: str, script: tuple[str, ...] = ()) -> list[str]:
    fallbacks = [name for name in FALLBACK_FONTS if name != font]
    last = fallbacks.index("DejaVu Sans Mono") if "DejaVu Sans Mono" in fallbacks else len(fallbacks)
    return [font, *fallbacks[:last], *script, *fallbacks[last:]]


# --------------------------------------------------------------------------- checking values


def _number(low: float, high: float, unit: str) -> Callable[[object], float]:
    def check(value: object) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise DesignError(f"must be a number of {unit} from {low:g} to {high:g}, not {value!r}")
        if not low <= float(value) <= high:
            raise DesignError(f"{value:g} {unit} is outside {low:g}–{high:g}")
        return float(value)

    return check


def _choice(allowed: dict[str, str] | tuple[str, ...]) -> Callable[[object], str]:
    def check(value: object) -> str:
        if not isinstance(value, str) or value.strip() not in allowed:
            raise DesignError(f"{value!r} is not one of {', '.join(allowed)}")
        return value.strip()

    return check


def _colour(value: object) -> str:
    text = str(value).strip() if isinstance(value, (str, int)) else ""
    text = text if text.startswith("#") else f"#{text}"
    if not _COLOUR.match(text):
        raise DesignError(f"{value!r} is not a colour written as #rrggbb (for example \"#1f4e79\")")
    return text.lower()


def _font(value: object) -> str:
    if not isinstance(value, str) or value.strip() not in FONTS:
        raise DesignError(f"{value!r} is not a font this project ships: {', '.join(FONTS)}")
    return value.strip()


# The values a resume may set under `design:`, each with its check; `margins` sets both margins.
OPTIONS: dict[str, Callable[[object], Any]] = {
    "accent": _colour,
    "font": _font,
    "heading_font": _font,
    "size": _number(9.5, 12, "pt"),
    "margins": _number(0.4, 1.0, "in"),
    "section_titles": _choice(SECTION_TITLES),
    "dates": _choice(DATES),
}
# A theme file may set every Design field.
_THEME_CHECKS: dict[str, Callable[[object], Any]] = {
    **{k: v for k, v in OPTIONS.items() if k != "margins"},
    "pitch": _number(0.3, 0.8, "em"),
    "entry_gap": _number(0.6, 1.6, "em"),
    "margin_x": _number(0.4, 1.0, "in"),
    "margin_y": _number(0.3, 1.0, "in"),
    "name_size": _number(14, 28, "pt"),
    "name_align": _choice(ALIGNS),
    "heading_size": _number(9.5, 14, "pt"),
}


def check_option(key: str, value: object) -> Any:
    """One `design:` value, checked; raises DesignError naming the key."""
    if key not in OPTIONS:
        raise DesignError(f"unknown design option `{key}` (use {', '.join(OPTIONS)})")
    try:
        return OPTIONS[key](value)
    except DesignError as error:
        raise DesignError(f"`{key}`: {error}") from None


def check_theme_name(value: object) -> str:
    name = str(value).strip() if isinstance(value, str) else ""
    if name not in theme_names():
        raise DesignError(f"unknown theme {value!r} (choose from {', '.join(theme_names())})")
    return name


# --------------------------------------------------------------------------- themes


@functools.lru_cache(maxsize=1)
def theme_names() -> tuple[str, ...]:
    """The built-in themes' names, the default first."""
    return tuple(sorted((path.stem for path in THEMES_DIR.glob("*.yml")), key=lambda name: (name != DEFAULT_THEME, name)))


def themes() -> dict[str, Theme]:
    """The built-in themes, by name, the default first."""
    return {name: theme(name) for name in theme_names()}


@functools.lru_cache(maxsize=None)
def theme(name: str) -> Theme:
    """One built-in theme, read from its file (only the one a build uses is read)."""
    return _theme_file(THEMES_DIR / f"{name}.yml", name)


def _theme_file(path: Path, name: str) -> Theme:
    import yaml

    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise DesignError(f"{path.name}:{mark.line + 1 if mark else 1}: not valid YAML") from None
    if not isinstance(data, dict):
        raise DesignError(f"{path.name}: must be `key: value` lines")
    description = str(data.pop("description", "")).strip()
    values = {}
    for key, value in data.items():
        if key not in _THEME_CHECKS:
            raise DesignError(f"{path.name}: unknown theme value `{key}` (use {', '.join(_THEME_CHECKS)})")
        try:
            values[key] = _THEME_CHECKS[key](value)
        except DesignError as error:
            raise DesignError(f"{path.name}: `{key}`: {error}") from None
    return Theme(name, description, Design(**values))


# --------------------------------------------------------------------------- a theme folder of your own

OWN_THEME = "theme"  # beside resume.md: theme.yml (design values) and resume.typ (the layout), both optional


def own_theme(repo: Path) -> Path | None:
    """The repo's own theme folder, when there is one."""
    folder = Path(repo) / OWN_THEME
    return folder if folder.is_dir() else None


@functools.lru_cache(maxsize=8)
def _own_design(path: str, changed: int) -> Theme:  # noqa: ARG001 - `changed` (mtime) keys the cache
    return _theme_file(Path(path), OWN_THEME)


def own_values(repo: Path) -> Theme | None:
    """theme/theme.yml as a theme; errors name the file as `theme/theme.yml`."""
    folder = own_theme(repo)
    values = folder / "theme.yml" if folder else None
    if values is None or not values.is_file():
        return None
    try:
        return _own_design(str(values), values.stat().st_mtime_ns)
    except DesignError as error:
        raise OwnThemeError(f"{OWN_THEME}/{error}") from None


class OwnThemeError(DesignError, PortfolioError):
    """theme/theme.yml cannot be used; str() is one line naming the file."""


def resolve(theme_name: str = DEFAULT_THEME, overrides: tuple[tuple[str, Any], ...] = ()) -> Design:
    """The theme's design with the front matter's (already checked) overrides applied."""
    return _overridden(theme(theme_name).design, overrides)


def _overridden(design: Design, overrides: tuple[tuple[str, Any], ...]) -> Design:
    changes: dict[str, Any] = {}
    for key, value in overrides:
        if key == "margins":
            changes["margin_x"] = changes["margin_y"] = value
        else:
            changes[key] = value
    return replace(design, **changes) if changes else design


def design_of(resume: Any) -> Design:
    """The resume's design: its theme folder's values (theme/theme.yml) or its built-in theme, then the front
    matter's `design:` overrides."""
    own = own_values(Path(resume.source).parent)
    if own is not None:
        return _overridden(own.design, getattr(resume, "design", ()))
    return resolve(getattr(resume, "theme", DEFAULT_THEME), getattr(resume, "design", ()))
