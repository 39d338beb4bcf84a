"""`./dev.sh mutate`: a mutation score for the reader, the ATS check, the exports, the fit and the match.

mutmut (3.x) changes those modules one small way at a time and runs the fast lane (tests/unit) against each
change; a change no test notices is a *survivor*. The work happens in a temporary copy, so the template is
never touched: the package is copied beside the unit tests as `portfolio` (tests/unit/src_support.py loads
it under that name when PORTFOLIO_MUTATING=1, as mutmut names its mutants by module).

Prints one line per module, then as its last line `mutation score: K/M killed (P%)`; writes every survivor
(and every mutant no unit test reaches) to benchmarks/mutation.md, which no test reads, and the figures to
benchmarks/mutation.json for the benchmark report. Not part of `./dev.sh test`: it takes minutes.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "{{cookiecutter.project}}" / "portfolio"
# What the issue names: the resume reader, the ATS check, the exports (TXT/DOCX and JSON Resume), the fit, the match.
TARGETS = ("resume", "ats.py", "pdf_reading.py", "exports.py", "jsonresume.py", "fit.py", "match.py")
REPORT = ROOT / "benchmarks" / "mutation.md"
FIGURES = ROOT / "benchmarks" / "mutation.json"
# A mutant that makes the tests hang (a loop that never ends) is caught too, as mutmut's docs count it.
KILLED = {"killed", "caught by type check", "timeout"}


def workspace(folder: Path, targets: tuple[str, ...]) -> None:
    shutil.copytree(PACKAGE, folder / "portfolio", ignore=shutil.ignore_patterns("__pycache__"))
    for part in ("tests/unit", "tests/fixtures"):
        shutil.copytree(ROOT / part, folder / part, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "styles", folder / "styles")
    (folder / PACKAGE.parent.name).mkdir()
    shutil.copyfile(PACKAGE.parent / "README.md", folder / PACKAGE.parent.name / "README.md")
    (folder / "pytest.ini").write_text("[pytest]\ntestpaths = tests/unit\npythonpath = . tests tests/unit\n")
    wanted = {f"portfolio/{target}" for target in targets}
    left_alone = sorted(
        path.relative_to(folder).as_posix() + ("/*" if path.is_dir() else "")
        for path in (folder / "portfolio").iterdir()
        if path.relative_to(folder).as_posix() not in wanted and (path.suffix == ".py" or path.is_dir())
    )
    lines = ["[mutmut]", "source_paths=portfolio", "do_not_mutate=", *(f"    {p}" for p in left_alone)]
    lines += ["also_copy=", "    tests", "    styles", f"    {PACKAGE.parent.name}", "    pytest.ini"]
    lines += ["pytest_add_cli_args=-p no:cacheprovider -q", "pytest_add_cli_args_test_selection=tests/unit", ""]
    (folder / "setup.cfg").write_text("\n".join(lines))


def results(folder: Path) -> dict[str, Counter]:
    """Status counts per module, from mutmut's own records (mutants/**/*.meta)."""
    sys.path.insert(0, str(folder))
    from mutmut.stats import status_by_exit_code

    by_module: dict[str, Counter] = {}
    survivors: list[tuple[str, str]] = []
    for meta in sorted((folder / "mutants" / "portfolio").rglob("*.meta")):
        module = meta.relative_to(folder / "mutants").as_posix().removesuffix(".meta")
        codes = json.loads(meta.read_text(encoding="utf-8")).get("exit_code_by_key", {})
        counts = by_module.setdefault(module, Counter())
        for name, code in codes.items():
            status = status_by_exit_code.get(code, "not checked") if code is not None else "not checked"
            counts[status] += 1
            if status not in KILLED and status != "not checked":
                survivors.append((status, name))
    write_report(by_module, survivors)
    return by_module


def write_report(by_module: dict[str, Counter], survivors: list[tuple[str, str]]) -> None:
    lines = [
        "# Mutation survivors",
        "",
        "Written by `./dev.sh mutate` (scripts/mutate.py); no test reads this file. Each line is a mutant the",
        "fast lane did not kill: `survived` (a test ran and passed) or `no tests` (no unit test reaches that",
        "function). `mutmut show NAME` in the run's folder prints the change. A survivor is either killed by a",
        "new test or explained below as equivalent (a change no user could notice).",
        "",
        f"Run of {time.strftime('%Y-%m-%d')}"
        + (f"; it was stopped before {unchecked} mutants were checked." if (unchecked := sum(c['not checked'] for c in by_module.values())) else "."),
        "",
        "| module | killed | survived | no tests | not checked (run stopped) | other | total |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for module, counts in by_module.items():
        killed = sum(counts[s] for s in KILLED)
        other = sum(counts.values()) - killed - counts["survived"] - counts["no tests"] - counts["not checked"]
        lines.append(
            f"| {module} | {killed} | {counts['survived']} | {counts['no tests']} | {counts['not checked']} | {other}"
            f" | {sum(counts.values())} |"
        )
    lines += ["", "## Not killed", ""]
    lines += [f"- {status}: `{name}`" for status, name in sorted(survivors)]
    lines += ["", "## Explained as equivalent", "", "None yet: every survivor above still wants a test.", ""]
    REPORT.write_text("\n".join(lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("targets", nargs="*", default=list(TARGETS), help=f"modules under portfolio/ (default: {' '.join(TARGETS)})")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--keep", action="store_true", help="keep the work folder (to `mutmut show` a mutant)")
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="portfolio-mutate-"))
    try:
        workspace(folder, tuple(args.targets))
        env = dict(os.environ, PORTFOLIO_MUTATING="1")
        mutmut = Path(sys.executable).with_name("mutmut")
        run = subprocess.run([str(mutmut), "run", "--max-children", str(args.jobs)], cwd=folder, env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if run.returncode != 0:
            print(f"error: mutmut failed: {run.stderr.strip().splitlines()[-1:]}", file=sys.stderr)
            return 1
        by_module = results(folder)
    finally:
        if args.keep:
            print(f"work folder kept: {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    for line in summary(by_module):
        print(line)
    return 0


def summary(by_module: dict[str, Counter]) -> list[str]:
    """The per-module lines and the score line; writes benchmarks/mutation.json. A run stopped early (mutants
    "not checked") scores the mutants it checked and says so."""
    lines = []
    for module, counts in by_module.items():
        module_killed = sum(counts[s] for s in KILLED)
        lines.append(f"  {module:<36} {module_killed:>5}/{sum(counts.values()) - counts['not checked']:<5} killed")
    unchecked = sum(c["not checked"] for c in by_module.values())
    total = sum(sum(c.values()) for c in by_module.values()) - unchecked
    killed = sum(sum(c[s] for s in KILLED) for c in by_module.values())
    share = 100.0 * killed / total if total else 0.0
    FIGURES.write_text(json.dumps({"killed": killed, "total": total, "not_checked": unchecked,
                                   "score_percent": round(share, 1),
                                   "modules": {m: dict(c) for m, c in by_module.items()}}, indent=2) + "\n")
    lines.append(f"survivors: {REPORT.relative_to(ROOT)}")
    if unchecked:
        lines.append(f"note: the run stopped before {unchecked} mutants were checked")
    lines.append(f"mutation score: {killed}/{total} killed ({share:.0f}%)")
    return lines


if __name__ == "__main__":
    sys.exit(main())
