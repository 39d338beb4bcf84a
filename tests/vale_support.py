"""Helpers for the Vale tests: find the pinned vale binary, write configs, run it with JSON output."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

from conftest import TEMPLATE, tool_env

STYLES = TEMPLATE / "styles"
RULES_DIR = STYLES / "Portfolio"
PROJECT_INI = TEMPLATE / "{{cookiecutter.project}}" / ".vale.ini"
# The one pin: cookiecutter.json renders it into the pre-commit config; dev.sh installs it.
VALE_VERSION = json.loads((STYLES.parent / "cookiecutter.json").read_text(encoding="utf-8"))["_vale_version"]
BLOCKING = {"warning", "error"}


def vale_binary() -> str:
    found = shutil.which("vale", path=tool_env()["PATH"])
    assert found, "vale is not on PATH (expected in ~/go/bin); see _vale_version in cookiecutter.json for the pinned version"
    return found


def rule_names() -> list[str]:
    return sorted(path.stem for path in RULES_DIR.glob("*.yml"))


def project_config(folder: Path) -> Path:
    """The generated repo's .vale.ini, pointed at the template's styles/ folder."""
    text = PROJECT_INI.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^StylesPath = .*$", f"StylesPath = {STYLES}", text)
    config = folder / ".vale.ini"
    config.write_text(text, encoding="utf-8")
    return config


def run_vale(paths: list[Path], config: Path | None = None, cwd: Path | None = None) -> dict[str, list[dict]]:
    """Run vale once over many files; return {path as passed: [alert, ...]}."""
    args = [vale_binary(), "--output=JSON"]
    if config is not None:
        args.append(f"--config={config}")
    result = subprocess.run(
        [*args, *map(str, paths)], capture_output=True, text=True, cwd=cwd, env=tool_env()
    )
    assert result.returncode in (0, 1), f"vale failed ({result.returncode}): {result.stderr}{result.stdout}"
    return json.loads(result.stdout or "{}")


def blocking(alerts: list[dict]) -> list[dict]:
    """Alerts that mean "needs work": warnings and errors."""
    return [alert for alert in alerts if alert["Severity"] in BLOCKING]
