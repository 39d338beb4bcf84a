"""veraPDF's PDF/UA-1 validation (its library from Maven Central, behind tests/tools/verapdf/Validate.java)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

VERAPDF = Path(__file__).parent / "tools" / "verapdf"


def validate(pdfs: list[Path]) -> dict[Path, list[str]]:
    """{pdf: [its verdict line, then one line per failed rule]} from one veraPDF run."""
    java = shutil.which("java")
    assert java and (VERAPDF / "classes" / "Validate.class").is_file(), "veraPDF is missing: run ./dev.sh setup"
    result = subprocess.run(
        [java, "-cp", f"{VERAPDF / 'lib'}/*:{VERAPDF / 'classes'}", "Validate", *map(str, pdfs)],
        capture_output=True, text=True, timeout=600, check=False,
    )
    assert result.returncode in (0, 1), result.stderr[-2000:]
    found: dict[Path, list[str]] = {}
    current: list[str] = []
    for line in result.stdout.splitlines():
        if line.startswith("  rule "):
            current.append(line.strip())
        else:
            current = [line.split("\t", 1)[1]]
            found[Path(line.split("\t", 1)[0])] = current
    return found
