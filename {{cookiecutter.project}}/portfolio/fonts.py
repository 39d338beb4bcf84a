"""The fonts a Typst compile gets, found once per process.

The template's fonts ship inside the typst wheel. A resume whose every character those fonts (and the
repo's `fonts/` folder) can show is compiled without scanning the system's fonts, which takes a tenth of a
second and more with CJK fonts installed; the PDF is byte-identical, since Typst turns to other fonts only
for glyphs its own lack. A resume with a character they lack ("李") makes PDF/UA compilation fail; it is
compiled again with the system fonts, and that is remembered for its characters.
"""

from __future__ import annotations

import json
from pathlib import Path

import typst

from .errors import PortfolioError

_SETS: dict[tuple[object, ...], typst.Fonts] = {}
_NEEDS_SYSTEM: dict[str, bool] = {}  # by the non-ASCII characters a layout shows


def characters(data: dict) -> str:
    """The characters beyond ASCII in the template data (ASCII the template's fonts always show)."""
    text = json.dumps({k: v for k, v in data.items() if not k.startswith("keep_whole")}, ensure_ascii=False)
    return "".join(sorted({char for char in text if ord(char) > 127}))


def needs_system(chars: str) -> bool | None:
    """Whether these characters need the system's fonts; None when no compile has told yet."""
    return True if _NEEDS_SYSTEM.get(chars) else (False if chars in _NEEDS_SYSTEM else None)


def remember(chars: str, needed: bool) -> None:
    if len(_NEEDS_SYSTEM) > 64:
        _NEEDS_SYSTEM.clear()
    _NEEDS_SYSTEM[chars] = needed


def is_missing_glyph(error: typst.TypstError) -> bool:
    return "could not be displayed" in str(getattr(error, "message", "") or error)


def fonts_for(repo: Path, *, system: bool, packages: tuple[str, ...] = ()) -> typst.Fonts:
    """The wheel's fonts, the fonts of these font packages (portfolio.design.FONTS) and the repo's `fonts/`,
    with the system's when `system` (each set found once, and again when `fonts/` changes)."""
    folder = repo / "fonts"
    files = sorted(folder.rglob("*")) if folder.is_dir() else []
    key = (system, str(folder), packages, *(f"{path}:{path.stat().st_size}:{path.stat().st_mtime_ns}" for path in files))
    if key not in _SETS:
        for old in [k for k in _SETS if k[0] == system and k[2] == packages]:
            del _SETS[old]
        paths = [*map(str, package_folders(packages)), *([str(folder)] if folder.is_dir() else [])]
        _SETS[key] = typst.Fonts(include_system_fonts=system, font_paths=paths)
    return _SETS[key]


def package_folders(packages: tuple[str, ...]) -> list[Path]:
    """Where the font wheels keep their files, found without importing them."""
    from importlib.util import find_spec

    found = []
    for name in packages:
        spec = find_spec(name)
        if spec is None or not spec.submodule_search_locations:
            raise FontPackageMissing(f"the font package `{name.replace('_', '-')}` is not installed; run ./run.sh setup")
        found.append(Path(list(spec.submodule_search_locations)[0]) / "files")
    return found


class FontPackageMissing(PortfolioError):
    """A theme's font comes from a package that is not installed."""
