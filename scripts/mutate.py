"""`./dev.sh mutate`: a mutation score for the reader, the ATS check, the exports, the fit and the match.

mutmut (3.x) changes those modules one small way at a time and runs the fast lane (tests/unit) against each
change; a change no test notices is a *survivor*. The work happens in `.mutmut-work/` (ignored by Git), so the
template is never touched: the package is copied beside the unit tests as `portfolio` (tests/unit/src_support.py
loads it under that name when PORTFOLIO_MUTATING=1, as mutmut names its mutants by module). The folder is kept
between runs: mutmut re-checks only the functions that changed, and this script re-checks every earlier survivor
against today's tests, so a run after a small change takes minutes, not hours (`--fresh` starts again).

Prints one line per module, then as its last line `mutation score: K/M killed (P%)`. M leaves out the survivors
explained as equivalent in benchmarks/mutation-equivalents.toml (hand-written: the change and why no user could
notice it). Every other survivor, with its change, goes to benchmarks/mutation.md, which no test reads; the
figures go to benchmarks/mutation.json for the benchmark report. Not part of `./dev.sh test`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
import tomllib
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "{{cookiecutter.project}}" / "portfolio"
# What the issue names: the resume reader, the ATS check, the exports (TXT/DOCX and JSON Resume), the fit, the match.
TARGETS = ("resume", "ats.py", "pdf_reading.py", "exports.py", "jsonresume.py", "fit.py", "match.py")
WORK = ROOT / ".mutmut-work"
REPORT = ROOT / "benchmarks" / "mutation.md"
FIGURES = ROOT / "benchmarks" / "mutation.json"
EQUIVALENTS = ROOT / "benchmarks" / "mutation-equivalents.toml"
# A mutant that makes the tests hang (a loop that never ends) is caught too, as mutmut's docs count it.
KILLED = {"killed", "caught by type check", "timeout"}
NOT_KILLED = {"survived", "no tests"}
CONFTEST = '''"""Written by scripts/mutate.py for mutation runs: see src_support.forget_cached_results."""

import pytest
from src_support import forget_cached_results


@pytest.fixture(autouse=True)
def _each_test_calls_what_it_uses():
    forget_cached_results()
    yield
'''


@dataclass(frozen=True)
class Survivor:
    status: str
    name: str
    change: tuple[str, ...]  # the diff's removed and added lines

    @property
    def function(self) -> str:
        return self.name.rsplit("__mutmut_", 1)[0]


def workspace(folder: Path) -> None:
    """Bring the package and the unit tests into `folder`, keeping modification times so mutmut reuses what it
    already knows about files that did not change. Every target is always mutated (mutmut keeps a mutated copy
    up to date only while it is a target); which mutants run is chosen by name."""
    folder.mkdir(exist_ok=True)
    sync(PACKAGE, folder / "portfolio")
    for part in ("tests/unit", "tests/fixtures", "styles"):
        sync(ROOT / part, folder / part)
    # Only here, not in the repository: there a tests/unit/conftest.py would shadow the `conftest` that the full
    # run's tests import from tests/.
    (folder / "tests" / "unit" / "conftest.py").write_text(CONFTEST, encoding="utf-8")
    (folder / PACKAGE.parent.name).mkdir(exist_ok=True)
    shutil.copy2(PACKAGE.parent / "README.md", folder / PACKAGE.parent.name / "README.md")
    (folder / "pytest.ini").write_text("[pytest]\ntestpaths = tests/unit\npythonpath = . tests tests/unit\n")
    wanted = {f"portfolio/{target}" for target in TARGETS}
    left_alone = sorted(
        path.relative_to(folder).as_posix() + ("/*" if path.is_dir() else "")
        for path in (folder / "portfolio").iterdir()
        if path.relative_to(folder).as_posix() not in wanted and (path.suffix == ".py" or path.is_dir())
    )
    lines = ["[mutmut]", "source_paths=portfolio", "do_not_mutate=", *(f"    {p}" for p in left_alone)]
    lines += ["also_copy=", "    tests", "    styles", f"    {PACKAGE.parent.name}", "    pytest.ini"]
    # mutmut's own timeout (15 times the tests' time, as CPU seconds) stays: a timeout counts as killed, and
    # a tighter one calls a slow Typst render in a forked child a hang.
    lines += ["pytest_add_cli_args=-p no:cacheprovider -q", "pytest_add_cli_args_test_selection=tests/unit"]
    # Typst's compiler deadlocks in a child forked from a process that has compiled (its thread pool does not
    # survive fork), which mutmut would count as a timeout, so as killed: mutants are forked from a server
    # that has only collected the tests, and each compiles afresh.
    lines += ["process_isolation=forkserver", "forkserver_warmup=collect", ""]
    (folder / "setup.cfg").write_text("\n".join(lines))
    forget_unmutated_copies(folder)
    refresh_plain_copies(folder)
    forget_stale_test_map(folder)


def forget_unmutated_copies(folder: Path) -> None:
    """A target that sits in mutants/ as a plain copy (left alone by an older run, which copies such files over
    their mutated versions) is taken by mutmut as up to date: the copy goes, so mutmut mutates it again (keeping
    the verdicts of functions that did not change, by their hashes), and so does the map of which tests reach
    which function (made without this module's functions)."""
    mutants = folder / "mutants"
    stale = False
    for module in sorted((folder / "portfolio").rglob("*.py")):
        copy = mutants / module.relative_to(folder)
        if is_target(module.relative_to(folder)) and copy.is_file() and not _is_mutated(copy):
            copy.unlink()
            stale = True
    if stale:
        (mutants / "mutmut-stats.json").unlink(missing_ok=True)


def _is_mutated(copy: Path) -> bool:
    meta = copy.with_name(copy.name + ".meta")
    if not meta.is_file():
        return False
    has_mutants = bool(json.loads(meta.read_text(encoding="utf-8")).get("exit_code_by_key"))
    return not has_mutants or "__mutmut_" in copy.read_text(encoding="utf-8")


def refresh_plain_copies(folder: Path) -> None:
    """mutmut copies a file into mutants/ once and afterwards refreshes only the modules it mutates: every other
    file there (the package's other modules, templates, the tests) is brought up to date here, and one no longer
    in the source goes."""
    mutants = folder / "mutants"
    if not mutants.is_dir():
        return
    for part in ("portfolio", "tests", "styles"):
        for path in sorted((folder / part).rglob("*")):
            relative = path.relative_to(folder)
            if not path.is_file() or "__pycache__" in path.parts or is_target(relative):
                continue
            copy = mutants / relative
            if not copy.is_file() or copy.read_bytes() != path.read_bytes():
                copy.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, copy)
        for copy in sorted((mutants / part).rglob("*"), reverse=True):
            gone = not (folder / copy.relative_to(mutants)).exists()
            if copy.is_file() and gone and copy.suffix not in (".meta", ".spans") and "__pycache__" not in copy.parts:
                copy.unlink()


def is_target(relative: Path) -> bool:
    return relative.suffix == ".py" and in_targets(relative.as_posix(), TARGETS)


def forget_stale_test_map(folder: Path) -> None:
    """mutmut maps each function to the tests that call it once, and later only adds new tests: a changed test
    keeps its old map and would never run against the mutants it now reaches. So any change to the tests makes
    mutmut map them all again (a few minutes)."""
    digest = hashlib.sha256()
    for path in sorted((folder / "tests").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    stamp = folder / "tests.sha256"
    if not stamp.is_file() or stamp.read_text() != digest.hexdigest():
        (folder / "mutants" / "mutmut-stats.json").unlink(missing_ok=True)
        stamp.write_text(digest.hexdigest())


def sync(source: Path, target: Path) -> None:
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(source, target, ignore=ignore, dirs_exist_ok=True)
    for path in sorted(target.rglob("*"), reverse=True):
        if "__pycache__" not in path.parts and not (source / path.relative_to(target)).exists():
            shutil.rmtree(path) if path.is_dir() else path.unlink()


def statuses(folder: Path) -> dict[str, dict[str, str]]:
    """Each mutant's status by module, from mutmut's own records (mutants/**/*.meta)."""
    from mutmut.stats import status_by_exit_code

    by_module: dict[str, dict[str, str]] = {}
    for meta in sorted((folder / "mutants" / "portfolio").rglob("*.meta")):
        module = meta.relative_to(folder / "mutants").as_posix().removesuffix(".meta")
        codes = json.loads(meta.read_text(encoding="utf-8")).get("exit_code_by_key", {})
        by_module[module] = {name: status_by_exit_code.get(code, "not checked") if code is not None else "not checked"
                             for name, code in codes.items()}
    return by_module


def change_of(folder: Path, module: str, name: str) -> tuple[str, ...]:
    from mutmut.mutation.diff_apply import get_diff_for_mutant

    here = Path.cwd()
    os.chdir(folder)
    try:
        diff = get_diff_for_mutant(name, path=Path(module))
    except FileNotFoundError:  # the module changed since this mutant was made: the next run makes it again
        return ("(its function is no longer in the module)",)
    finally:
        os.chdir(here)
    return tuple(line[0] + line[1:].strip() for line in diff.splitlines()
                 if line[:1] in "+-" and not line.startswith(("+++", "---")))


def load_equivalents() -> list[dict]:
    return tomllib.loads(EQUIVALENTS.read_text(encoding="utf-8")).get("equivalent", []) if EQUIVALENTS.exists() else []


def explanation(survivor: Survivor, equivalents: list[dict]) -> str | None:
    """The hand-written reason a survivor is equivalent: matched on its function and its exact change, so an
    explanation goes stale (and the survivor counts again) as soon as the code it explains changes."""
    for entry in equivalents:
        if entry["function"] == survivor.function and tuple(entry["change"]) == survivor.change:
            return entry["why"]
    return None


def run_mutmut(folder: Path, jobs: int, names: list[str], *, expect_failure: bool = False) -> None:
    env = dict(os.environ, PORTFOLIO_MUTATING="1")
    mutmut = Path(sys.executable).with_name("mutmut")
    with (folder / "mutmut.log").open("w", encoding="utf-8") as log:
        run = subprocess.run([str(mutmut), "run", "--max-children", str(jobs), *names], cwd=folder, env=env,
                             stdout=log, stderr=subprocess.STDOUT)
    log = (folder / "mutmut.log").read_text(encoding="utf-8", errors="replace")
    if expect_failure and "Filtered for specific mutants, but nothing matches" in log:
        return
    if run.returncode != 0:
        raise SystemExit(f"error: mutmut failed (exit {run.returncode}); its output: {folder / 'mutmut.log'}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("targets", nargs="*", default=list(TARGETS), help=f"modules under portfolio/ (default: {' '.join(TARGETS)})")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--fresh", action="store_true", help="forget earlier runs (delete .mutmut-work/)")
    parser.add_argument("--report", action="store_true", help="only write the report of the runs so far (read-only)")
    parser.add_argument("--recheck", nargs="+", metavar="TEST_FILE",
                        help="run only these unit test files against the mutants of the targets not killed yet (minutes, not hours)")
    args = parser.parse_args(argv)
    if args.fresh:
        shutil.rmtree(WORK, ignore_errors=True)
    targets = tuple(args.targets)
    sys.path.insert(0, str(WORK))
    if args.recheck:
        recheck(WORK, targets, args.recheck, args.jobs)
    elif not args.report:  # --report only reads: it can run while a run is going on
        workspace(WORK)
        # mutants and the map of tests are made first (no mutant has this name, so nothing runs); then the ones
        # of these modules never checked, changed since, or not killed before (the tests may have changed) run
        run_mutmut(WORK, args.jobs, ["portfolio.no_such_mutant"], expect_failure=True)
        pending = [name for module, found in statuses(WORK).items() if in_targets(module, targets)
                   for name, status in found.items() if status in NOT_KILLED | {"not checked"}]
        if pending:
            run_mutmut(WORK, args.jobs, pending)
    by_module = {m: found for m, found in statuses(WORK).items() if in_targets(m, targets)}
    equivalents = load_equivalents()
    survivors = [Survivor(status, name, change_of(WORK, module, name))
                 for module, found in by_module.items() for name, status in sorted(found.items())
                 if status in NOT_KILLED]
    explained = {s.name: why for s in survivors if (why := explanation(s, equivalents))}
    write_report(by_module, survivors, explained)
    for line in summary(by_module, explained):
        print(line)
    return 0


def recheck(folder: Path, targets: tuple[str, ...], tests: list[str], jobs: int) -> None:
    """Run the named test files against each mutant of `targets` not killed yet; one they fail is recorded as killed.

    A full run gives each survivor every unit test that reaches it, so a survivor of the reader costs a minute.
    After writing tests for some survivors this checks just those tests against them, and against the mutants of
    functions changed since the last run (made again first): a failing test is a kill
    whichever tests were chosen; a mutant these tests do not kill keeps its status, for the next full run to
    settle."""
    workspace(folder)
    before = function_hashes(folder)
    run_mutmut(folder, jobs, ["portfolio.no_such_mutant"], expect_failure=True)  # mutants of changed functions
    changed = {name for name, digest in function_hashes(folder).items() if before.get(name) != digest}
    env = dict(os.environ, PORTFOLIO_MUTATING="1")
    command = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", "--noconftest", *tests]

    def fails(mutant: str) -> bool:
        run = subprocess.run(command, cwd=folder / "mutants", env=dict(env, MUTANT_UNDER_TEST=mutant),
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return run.returncode != 0

    if fails(""):
        raise SystemExit(f"error: {' '.join(tests)} fail without any mutant; fix them first")
    for module, found in statuses(folder).items():
        candidates = [name for name, status in found.items() if in_targets(module, targets) and (
            status in NOT_KILLED or status == "not checked" and Survivor(status, name, ()).function in changed)]
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            killed = [name for name, dead in zip(candidates, pool.map(fails, candidates)) if dead]
        if killed:
            meta = folder / "mutants" / f"{module}.meta"
            data = json.loads(meta.read_text(encoding="utf-8"))
            data["exit_code_by_key"].update({name: 1 for name in killed})  # 1: pytest found a failing test
            meta.write_text(json.dumps(data, indent=4), encoding="utf-8")
        if candidates:
            print(f"recheck: {module}: {len(killed)} of {len(candidates)} not killed before killed by {' '.join(tests)}")


def function_hashes(folder: Path) -> dict[str, str]:
    """Each mutated function's hash, as mutmut records it ("portfolio.resume.lines.x__place": digest)."""
    found: dict[str, str] = {}
    for meta in sorted((folder / "mutants" / "portfolio").rglob("*.meta")):
        module = meta.relative_to(folder / "mutants").as_posix().removesuffix(".py.meta").replace("/", ".")
        for name, digest in json.loads(meta.read_text(encoding="utf-8")).get("hash_by_function_name", {}).items():
            found[f"{module}.{name}"] = digest
    return found


def in_targets(module: str, targets: tuple[str, ...]) -> bool:
    relative = module.removeprefix("portfolio/")
    return any(relative == target or relative.startswith(target.rstrip("/") + "/") for target in targets)


def write_report(by_module: dict[str, dict[str, str]], survivors: list[Survivor], explained: dict[str, str]) -> None:
    unchecked = sum(1 for found in by_module.values() for s in found.values() if s == "not checked")
    lines = [
        "# Mutation survivors",
        "",
        "Written by `./dev.sh mutate` (scripts/mutate.py); no test reads this file. Each entry is a mutant the",
        "fast lane did not kill, with its change: `survived` (a test ran and passed) or `no tests` (no unit test",
        "reaches that function). A survivor is either killed by a new test or explained as equivalent (a change",
        "no user could notice) in benchmarks/mutation-equivalents.toml; explained ones are listed last and are",
        "not counted in the score.",
        "",
        f"Run of {time.strftime('%Y-%m-%d')}" + (f"; {unchecked} mutants were not checked." if unchecked else "."),
        "",
        "| module | killed | survived | no tests | explained | not checked | total |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for module, found in by_module.items():
        counts = Counter(found.values())
        equivalent = sum(1 for name in found if name in explained)
        lines.append(
            f"| {module} | {sum(counts[s] for s in KILLED)} | {counts['survived'] - equivalent_of(found, explained, 'survived')}"
            f" | {counts['no tests'] - equivalent_of(found, explained, 'no tests')} | {equivalent}"
            f" | {counts['not checked']} | {len(found)} |"
        )
    lines += ["", "## Not killed", ""]
    for survivor in survivors:
        if survivor.name not in explained:
            lines += [f"- {survivor.status}: `{survivor.name}`", *(f"  `{line}`" for line in survivor.change)]
    lines += ["", "## Explained as equivalent", ""]
    lines += [f"- `{name}`: {why}" for name, why in sorted(explained.items())] or ["None."]
    REPORT.write_text("\n".join(lines) + "\n", encoding="utf-8")


def equivalent_of(found: dict[str, str], explained: dict[str, str], status: str) -> int:
    return sum(1 for name, s in found.items() if s == status and name in explained)


def summary(by_module: dict[str, dict[str, str]], explained: dict[str, str]) -> list[str]:
    """The per-module lines and the score line; writes benchmarks/mutation.json. Mutants not checked and
    survivors explained as equivalent are left out of the total, and the lines say how many."""
    lines, killed, total, unchecked = [], 0, 0, 0
    figures: dict[str, dict[str, int]] = {}
    for module, found in by_module.items():
        counts = Counter(found.values())
        module_killed = sum(counts[s] for s in KILLED)
        module_total = len(found) - counts["not checked"] - sum(1 for name in found if name in explained)
        lines.append(f"  {module:<36} {module_killed:>5}/{module_total:<5} killed")
        killed, total, unchecked = killed + module_killed, total + module_total, unchecked + counts["not checked"]
        figures[module] = dict(counts, explained=sum(1 for name in found if name in explained))
    share = 100.0 * killed / total if total else 0.0
    FIGURES.write_text(json.dumps({"killed": killed, "total": total, "not_checked": unchecked,
                                   "explained_equivalent": len(explained), "score_percent": round(share, 1),
                                   "modules": figures}, indent=2) + "\n")
    lines.append(f"survivors: {REPORT.relative_to(ROOT)}; explained as equivalent (not counted): {len(explained)}")
    if unchecked:
        lines.append(f"note: {unchecked} mutants were not checked")
    lines.append(f"mutation score: {killed}/{total} killed ({share:.0f}%)")
    return lines


if __name__ == "__main__":
    sys.exit(main())
