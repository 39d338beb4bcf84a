"""Build Portfolio.zip, the Vale package of this style.

Layout (what `vale sync` expects of a complete package):
    Portfolio/.vale.ini                                   the per-file rule wiring, merged into the user's config
    Portfolio/styles/Portfolio/*.yml, README.md           the rules and their documentation
    Portfolio/styles/config/vocabularies/Portfolio/...    the technology vocabulary

Use it from any repository with `Packages = <path or URL of Portfolio.zip>` and `vale sync`.
Usage: python styles/build_package.py [OUTPUT_DIR]   (default: the current directory)
"""

from __future__ import annotations

import re
import sys
import zipfile
from pathlib import Path

NAME = "Portfolio"
STYLES = Path(__file__).resolve().parent
PROJECT_INI = STYLES.parent / "{{cookiecutter.project}}" / ".vale.ini"
FIXED_TIME = (2024, 1, 1, 0, 0, 0)  # a reproducible zip: same input, same bytes


def package_ini() -> str:
    """The generated repo's .vale.ini without StylesPath: the user's own config decides where styles live."""
    text = PROJECT_INI.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^StylesPath = .*\n", "", text)
    header = f"# Wiring of the {NAME} Vale package; see styles/{NAME}/README.md.\n"
    return header + text


def package_files() -> dict[str, bytes]:
    files = {f"{NAME}/.vale.ini": package_ini().encode("utf-8")}
    for folder in (STYLES / NAME, STYLES / "config"):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                files[f"{NAME}/styles/{path.relative_to(STYLES).as_posix()}"] = path.read_bytes()
    return files


def build(output_dir: Path) -> Path:
    output_dir.mkdir(parents=True, exist_ok=True)
    target = output_dir / f"{NAME}.zip"
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in sorted(package_files().items()):
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return target


def main(argv: list[str]) -> int:
    target = build(Path(argv[0]) if argv else Path.cwd())
    print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
