"""Benchmark the baked portfolio: build times, page weights, Vale, and RenderCV 2.3 in the same run.

Run from the template root:  .venv/bin/python benchmarks/bench.py  [--repeat N] [--skip-rendercv]

It bakes the template with the default answers into a temporary folder, then runs each measurement
in SECTIONS in order, prints one table and writes benchmarks/results.json. A measurement that cannot
run (no RenderCV, no Typst package, no .vale.ini, a build that fails) is reported as skipped or failed
with the reason; the others still run.

To add a measurement, write `def measure_something(bench: Bench) -> None` that calls
`bench.add(...)` for each table row and stores its details in `bench.record("something", {...})`,
then append it to SECTIONS. `bench.bake(**answers)` bakes another variant.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable

TEMPLATE = Path(__file__).resolve().parents[1]
BENCH_DIR = TEMPLATE / "benchmarks"
RESULTS = BENCH_DIR / "results.json"
DEV_PYTHON = Path(sys.executable)

RENDERCV_VENV = BENCH_DIR / ".venv-rendercv"
# typer 0.20 still depends on click, which RenderCV 2.3's CLI imports; newer typer dropped it.
RENDERCV_PINS = ["rendercv[full]==2.3", "typer==0.20.0"]
RENDERCV_SAMPLE_NAME = "John Doe"
FONTAWESOME = Path("preview") / "fontawesome" / "0.5.0"
FONTAWESOME_SOURCE = "duskmoon314/typst-fontawesome at tag v0.5.0"

VALE = Path(os.environ.get("VALE", Path.home() / "go" / "bin" / "vale"))
# mermaid-cli for the bench when the baked repo has no node_modules: the template's test tools (same pin).
MERMAID_FALLBACKS = (TEMPLATE / "tests" / "tools" / "node_modules" / ".bin" / "mmdc",)
SKIP_DIRS = {".git", ".cache", "_site", "node_modules", ".venv", "__pycache__"}

GOAL_EDIT_RATIO = 0.25  # build after editing one bullet / RenderCV rendering its sample
GOAL_SAVE_S = 0.15  # serve: save -> served HTML and PDF
GOAL_RESUME_HTML_BYTES = 30 * 1024
# Each timed measurement stops repeating once it has used this much time (it always runs once).
BUDGET_S = {"cold": 45.0, "noop": 40.0, "edit": 25.0, "vale": 10.0}


class BenchError(Exception):
    """A measurement could not run; the message says why in one line."""


class Skipped(Exception):
    """A measurement was skipped on purpose (missing optional tool); the message says why."""


@dataclass
class Row:
    name: str
    value: float | None
    unit: str = "s"  # "s", "bytes" or "count"
    runs: int = 1
    ratio: float | None = None
    note: str = ""
    cpu: float | None = None  # median CPU seconds (user + system) of the processes timed


@dataclass
class Bench:
    workdir: Path
    repeat: int
    skip_rendercv: bool
    repo: Path | None = None
    env: dict[str, str] = field(default_factory=dict)
    rows: list[Row] = field(default_factory=list)
    results: dict[str, object] = field(default_factory=dict)
    rendercv: "RenderCV | None" = None
    rendercv_reason: str = ""
    last_cpu: list[float] = field(default_factory=list)  # CPU times of the last timed_runs call
    rendercv_walls: list[float] = field(default_factory=list)  # every timed RenderCV render of this run

    def rendercv_median(self) -> float | None:
        return median(self.rendercv_walls) if self.rendercv_walls else None

    def add(self, name: str, value: float | None, **extra: object) -> Row:
        row = Row(name, value, **extra)
        self.rows.append(row)
        return row

    def record(self, section: str, data: object) -> None:
        self.results[section] = data

    def bake(self, folder: str, **answers: object) -> Path:
        from cookiecutter.main import cookiecutter

        output = self.workdir / folder
        output.mkdir(parents=True, exist_ok=True)
        extra = {key: _answer(value) for key, value in answers.items()}
        with _quiet_stdout():
            project = cookiecutter(str(TEMPLATE), no_input=True, extra_context=extra, output_dir=str(output))
        return Path(project)

    def timed_runs(
        self, run: Callable[[int], object], budget_key: str, count: int | None = None
    ) -> list[float]:
        """Call run(i) up to `count` times (at least once, stopping when the budget is spent).

        Returns the wall times; the CPU times of the child processes are left in `last_cpu`."""
        count = count or self.repeat
        budget = BUDGET_S.get(budget_key, 30.0)
        times: list[float] = []
        self.last_cpu = []
        spent_from = time.perf_counter()
        for index in range(count):
            with Stopwatch() as watch:
                run(index)
            times.append(watch.wall)
            self.last_cpu.append(watch.cpu)
            if time.perf_counter() - spent_from > budget:
                break
        return times


class Stopwatch:
    """Wall time, and CPU time (user + system) of the child processes that ended meanwhile.

    CPU time hardly depends on what else runs on the machine, so it backs up noisy wall times."""

    def __enter__(self) -> "Stopwatch":
        self.cpu_start = _children_cpu()
        self.started = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall = time.perf_counter() - self.started
        self.cpu = _children_cpu() - self.cpu_start


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


# ---------------------------------------------------------------- helpers


def _answer(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


class _quiet_stdout:
    """Cookiecutter's post-gen hook prints next steps; keep the benchmark output to the table."""

    def __enter__(self) -> None:
        sys.stdout.flush()
        self.saved = os.dup(1)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)

    def __exit__(self, *exc: object) -> None:
        sys.stdout.flush()
        os.dup2(self.saved, 1)
        os.close(self.saved)


def run_process(
    command: list[str], cwd: Path, env: dict[str, str], timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    try:
        result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise BenchError(f"{Path(command[0]).name} did not finish in {timeout:.0f} s") from None
    except OSError as error:
        raise BenchError(f"cannot run {command[0]}: {error.strerror}") from None
    return result


def _tail(text: str, lines: int = 3) -> str:
    kept = [line for line in text.strip().splitlines() if line.strip()][-lines:]
    return " / ".join(kept) or "(no output)"


def median(values: list[float]) -> float:
    return statistics.median(values)


def median_parts(part_runs: list[dict[str, float]]) -> dict[str, float]:
    keys = sorted({key for run in part_runs for key in run})
    return {key: median([run[key] for run in part_runs if key in run]) for key in keys}


SUMMARY = re.compile(r"^Built .* in (?P<total>[\d.]+) s \((?P<parts>[^)]*)\)", re.MULTILINE)
PART = re.compile(r"(?P<name>[\w-]+) (?P<seconds>[\d.]+) s")


def build_parts(stdout: str) -> dict[str, float]:
    """The part timings the build prints in its summary line, if it prints them."""
    match = SUMMARY.search(stdout)
    if not match:
        return {}
    parts = {m["name"]: float(m["seconds"]) for m in PART.finditer(match["parts"])}
    parts["total"] = float(match["total"])
    return parts


def find_mermaid(repo: Path) -> Path | None:
    for candidate in (repo / "node_modules" / ".bin" / "mmdc", *MERMAID_FALLBACKS):
        if candidate.is_file():
            return candidate
    found = shutil.which("mmdc")
    return Path(found) if found else None


def tool_env(mermaid: Path | None) -> dict[str, str]:
    env = dict(os.environ)
    paths = [str(DEV_PYTHON.parent)] + ([str(mermaid.parent)] if mermaid else [])
    env["PATH"] = os.pathsep.join(paths + [env.get("PATH", "")])
    env["COLUMNS"] = "100"
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if mermaid:
        env["PORTFOLIO_REQUIRE_DIAGRAMS"] = "1"  # a diagram that silently falls back would look fast
    return env


def build_once(bench: Bench) -> dict[str, float]:
    """`python -m portfolio build` from the repo root, as ./run.sh build runs it."""
    assert bench.repo is not None
    result = run_process([str(DEV_PYTHON), "-m", "portfolio", "build"], bench.repo, bench.env)
    if result.returncode != 0:
        raise BenchError(f"build failed (exit {result.returncode}): {_tail(result.stderr or result.stdout)}")
    return build_parts(result.stdout)


def clear_caches(repo: Path) -> None:
    for name in ("_site", ".cache"):
        shutil.rmtree(repo / name, ignore_errors=True)
    for pycache in (repo / "portfolio").rglob("__pycache__"):
        shutil.rmtree(pycache, ignore_errors=True)


# ---------------------------------------------------------------- measurements


def measure_bake(bench: Bench) -> None:
    with Stopwatch() as watch:
        bench.repo = bench.bake("default")
    seconds = watch.wall
    mermaid = find_mermaid(bench.repo)
    bench.env = tool_env(mermaid)
    note = f"mermaid-cli: {mermaid}" if mermaid else "no mermaid-cli: diagrams stay as source"
    bench.add("bake, default answers (cookiecutter API)", seconds, note=note)
    bench.record("bake", {"seconds": seconds, "repo": str(bench.repo), "mermaid_cli": str(mermaid or "")})


def measure_cold_build(bench: Bench) -> None:
    """Fresh repo: no _site/, no .cache/ (diagrams, pages, PDF) and no bytecode, every run."""
    assert bench.repo is not None
    parts: list[dict[str, float]] = []

    def one(_: int) -> None:
        clear_caches(bench.repo)
        parts.append(build_once(bench))

    times = bench.timed_runs(one, "cold", count=min(bench.repeat, 3))
    cpu = bench.last_cpu
    _add_build_rows(bench, "cold build (process, empty caches)", times, median_parts(parts), cpu=cpu)
    bench.record(
        "cold_build",
        {"runs_s": times, "cpu_s": cpu, "median_s": median(times), "parts_s": median_parts(parts)},
    )


def prepare_rendercv(bench: Bench) -> None:
    """Install RenderCV 2.3 in its own venv, check the Typst package it needs, create its sample."""
    if bench.skip_rendercv:
        raise Skipped("--skip-rendercv given")
    package = find_typst_package(FONTAWESOME)
    if package is None:
        raise Skipped(
            "Typst package @preview/fontawesome:0.5.0 not found in "
            f"{', '.join(map(str, typst_package_dirs()))}; "
            f"RenderCV's themes import it and fail offline. Extract {FONTAWESOME_SOURCE} "
            f"(git archive) into ~/.cache/typst/packages/{FONTAWESOME.as_posix()}/ to compare"
        )
    rendercv = ensure_rendercv_venv()
    folder = bench.workdir / "rendercv"
    folder.mkdir(exist_ok=True)
    env = dict(os.environ, COLUMNS="100", NO_COLOR="1")
    created = run_process([str(rendercv), "new", RENDERCV_SAMPLE_NAME], folder, env)
    sample = folder / (RENDERCV_SAMPLE_NAME.replace(" ", "_") + "_CV.yaml")
    if created.returncode != 0 or not sample.is_file():
        raise BenchError(f"rendercv new failed: {_tail(created.stdout + created.stderr)}")
    bench.rendercv = RenderCV(rendercv, folder, sample, env)
    bench.rendercv.render()  # untimed first render: its files and imports are in the page cache, as ours are
    bench.rendercv.self_reported_s.clear()
    bench.record("rendercv", {"version": "2.3", "typst_package": str(package), "sample": sample.name})


@dataclass
class RenderCV:
    executable: Path
    folder: Path
    sample: Path
    env: dict[str, str]
    self_reported_s: list[float] = field(default_factory=list)

    def render(self) -> None:
        output = self.folder / "rendercv_output"
        shutil.rmtree(output, ignore_errors=True)
        result = run_process([str(self.executable), "render", self.sample.name], self.folder, self.env)
        if result.returncode != 0 or not list(output.glob("*.pdf")):
            raise BenchError(f"rendercv render failed: {_tail(result.stdout + result.stderr)}")
        reported = re.search(r"^(\d+) ms\b.*Your CV is rendered", result.stdout, re.MULTILINE)
        if reported:
            self.self_reported_s.append(int(reported.group(1)) / 1000)


def typst_package_dirs() -> list[Path]:
    """Where Typst looks for packages: its env overrides, then data dir, then cache dir (Linux)."""
    dirs = [
        Path(os.environ[name])
        for name in ("TYPST_PACKAGE_PATH", "TYPST_PACKAGE_CACHE_PATH")
        if os.environ.get(name)
    ]
    data = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return dirs + [data / "typst" / "packages", cache / "typst" / "packages"]


def find_typst_package(relative: Path) -> Path | None:
    for root in typst_package_dirs():
        if (root / relative / "typst.toml").is_file():
            return root / relative
    return None


def ensure_rendercv_venv() -> Path:
    """benchmarks/.venv-rendercv with RenderCV 2.3; kept apart so its pins never touch the dev venv."""
    executable = RENDERCV_VENV / "bin" / "rendercv"
    python = RENDERCV_VENV / "bin" / "python"
    if executable.is_file() and _rendercv_ready(python):
        return executable
    print(f"installing {' '.join(RENDERCV_PINS)} into {RENDERCV_VENV} (once) ...", flush=True)
    if not python.is_file():
        made = run_process([sys.executable, "-m", "venv", str(RENDERCV_VENV)], BENCH_DIR, dict(os.environ))
        if made.returncode != 0:
            raise BenchError(f"cannot create {RENDERCV_VENV}: {_tail(made.stderr)}")
    pip = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *RENDERCV_PINS]
    installed = run_process(pip, BENCH_DIR, dict(os.environ), timeout=600)
    if installed.returncode != 0 or not _rendercv_ready(python):
        raise Skipped(f"cannot install RenderCV into {RENDERCV_VENV}: {_tail(installed.stderr)}")
    return executable


def _rendercv_ready(python: Path) -> bool:
    probe = run_process([str(python), "-c", "from rendercv.cli import app"], BENCH_DIR, dict(os.environ))
    return probe.returncode == 0 and "partial installation" not in probe.stdout


def ensure_rendercv(bench: Bench) -> None:
    """Prepare RenderCV once per run (or note why it cannot run)."""
    if bench.rendercv is not None or bench.rendercv_reason:
        return
    try:
        prepare_rendercv(bench)
    except (Skipped, BenchError) as error:
        bench.rendercv = None
        bench.rendercv_reason = str(error)


def interleaved(bench: Bench, ours: Callable[[int], object], budget_key: str) -> tuple[list[Stopwatch], list[Stopwatch]]:
    """Our runs, each followed by one RenderCV render, so other load on the machine falls on both alike."""
    ensure_rendercv(bench)
    mine: list[Stopwatch] = []
    theirs: list[Stopwatch] = []

    def one(index: int) -> None:
        with Stopwatch() as watch:
            ours(index)
        mine.append(watch)
        if bench.rendercv:
            with Stopwatch() as watch:
                bench.rendercv.render()
            theirs.append(watch)
            bench.rendercv_walls.append(watch.wall)

    bench.timed_runs(one, budget_key)
    return mine, theirs


def ratio_note(ratio: float | None, goal: float | None) -> str:
    if ratio is None:
        return "no RenderCV: no ratio"
    return f"goal ratio <= {goal} {'met' if ratio <= goal else 'MISSED'}" if goal is not None else ""


class BulletEdit:
    """resume.md with its first bullet given a new ending each time; `restore()` puts the file back."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.original = path.read_text(encoding="utf-8")
        self.lines = self.original.splitlines(keepends=True)
        found = next((i for i, line in enumerate(self.lines) if line.startswith("- ")), None)
        if found is None:
            raise BenchError(f"{path.name} has no '- ' bullet line to edit")
        self.target = found

    def write(self, ending: str) -> None:
        edited = list(self.lines)
        edited[self.target] = self.lines[self.target].rstrip("\n") + f" {ending}\n"
        self.path.write_text("".join(edited), encoding="utf-8")

    def restore(self) -> None:
        self.path.write_text(self.original, encoding="utf-8")


def measure_edit_rebuild(bench: Bench) -> None:
    """The headline: `./run.sh build` after an edit to one bullet of resume.md (a new ending each run), so
    the PDF, its PNG and the exports are made again; interleaved with RenderCV rendering its sample."""
    assert bench.repo is not None
    edit = BulletEdit(bench.repo / "resume.md")
    parts: list[dict[str, float]] = []

    def one(index: int) -> None:
        edit.write(f"(revision {index + 1})")
        parts.append(build_once(bench))

    try:
        build_once(bench)
        ours, theirs = interleaved(bench, one, "edit")
    finally:
        edit.restore()
    walls, cpus = [w.wall for w in ours], [w.cpu for w in ours]
    ratio = median(walls) / median([w.wall for w in theirs]) if theirs else None
    name = "build after editing one bullet (process) [headline]"
    _add_build_rows(bench, name, walls, median_parts(parts), ratio=ratio, note=ratio_note(ratio, GOAL_EDIT_RATIO), cpu=cpus)
    _record_exports(bench, median_parts(parts), "build after an edit (process)", len(ours))
    _add_rendercv_row(bench, theirs, cpus)
    bench.record(
        "edit_rebuild",
        {
            "runs_s": walls, "cpu_s": cpus, "median_s": median(walls), "parts_s": median_parts(parts),
            "edited_line": edit.target + 1, "ratio": ratio, "goal_ratio": GOAL_EDIT_RATIO,
            "rendercv_runs_s": [w.wall for w in theirs],
        },
    )


def measure_noop_build(bench: Bench) -> None:
    """A build with nothing to do: every output comes from .cache/ (secondary row: it hides the work)."""
    build_once(bench)  # make sure the caches are warm, whatever ran before
    parts: list[dict[str, float]] = []
    ours, theirs = interleaved(bench, lambda _: parts.append(build_once(bench)), "noop")
    walls, cpus = [w.wall for w in ours], [w.cpu for w in ours]
    ratio = median(walls) / median([w.wall for w in theirs]) if theirs else None
    name = "no-op build (process, nothing changed: every output from .cache/)"
    _add_build_rows(bench, name, walls, median_parts(parts), ratio=ratio, cpu=cpus)
    bench.record(
        "noop_build",
        {"runs_s": walls, "cpu_s": cpus, "median_s": median(walls), "parts_s": median_parts(parts), "ratio": ratio},
    )


def _add_rendercv_row(bench: Bench, theirs: list[Stopwatch], our_cpus: list[float]) -> None:
    if not theirs:
        bench.add("RenderCV 2.3 comparison", None, runs=0, note=f"skipped: {bench.rendercv_reason}")
        return
    their_walls, their_cpus = [w.wall for w in theirs], [w.cpu for w in theirs]
    cpu_ratio = median(our_cpus) / median(their_cpus) if median(their_cpus) > 0 else None
    bench.add(
        "RenderCV 2.3: render its sample (process, in the same rounds)",
        median(their_walls),
        runs=len(theirs),
        ratio=1.0,
        cpu=median(their_cpus),
        note=f"CPU-time ratio ours/RenderCV {cpu_ratio:.2f}" if cpu_ratio is not None else "",
    )


def _add_build_rows(
    bench: Bench,
    name: str,
    times: list[float],
    parts: dict[str, float],
    ratio: float | None = None,
    note: str = "",
    cpu: list[float] | None = None,
) -> None:
    bench.add(name, median(times), runs=len(times), ratio=ratio, note=note, cpu=median(cpu) if cpu else None)
    for part, seconds in parts.items():
        if part != "total":
            bench.add(f"    {part} (as the build reports it)", seconds, runs=len(times))


def _record_exports(bench: Bench, parts: dict[str, float], build: str, runs: int) -> None:
    """Issue 10: the exports must not double the build. Picked up once the build reports them."""
    exports = sum(seconds for name, seconds in parts.items() if "export" in name)
    if "total" not in parts or not any("export" in name for name in parts):
        return
    rest = parts["total"] - exports
    share = exports / rest if rest > 0 else None
    bench.add(
        f"    exports' extra time, {build}",
        exports,
        runs=runs,
        ratio=share,
        note="ratio = exports / rest of that build; must stay < 1",
    )
    exports_data = bench.results.setdefault("exports", {})
    assert isinstance(exports_data, dict)
    exports_data[build] = {"seconds": exports, "rest_of_build_s": rest, "ratio": share}


INPROCESS = r"""
import json, sys, time
from pathlib import Path
repo, runs = Path(sys.argv[1]), int(sys.argv[2])
sys.path.insert(0, str(repo))
started = time.perf_counter()
from portfolio.build import build
import portfolio.site  # the build imports it lazily; count it as import time
imports = time.perf_counter() - started
resume = repo / "resume.md"
original = resume.read_text(encoding="utf-8")
lines = original.splitlines(keepends=True)
target = next(i for i, line in enumerate(lines) if line.startswith("- "))

def timed():
    started = time.perf_counter()
    result = build(repo, log=lambda line: None)
    timings = {k: float(v) for k, v in result.timings.items()}
    timings["wall"] = time.perf_counter() - started
    return timings

build(repo, log=lambda line: None)
noop, edit = [], []
try:
    for index in range(runs):
        noop.append(timed())
        edited = list(lines)
        edited[target] = lines[target].rstrip("\n") + f" (in-process revision {index + 1})\n"
        resume.write_text("".join(edited), encoding="utf-8")
        edit.append(timed())
finally:
    resume.write_text(original, encoding="utf-8")
print(json.dumps({"imports_s": imports, "noop": noop, "edit": edit}))
"""


def measure_in_process(bench: Bench) -> None:
    """Builds inside one Python process (as `serve` runs them): the build's own cost without start-up and
    imports, after an edit to one bullet and with nothing to do."""
    assert bench.repo is not None
    result = run_process(
        [str(DEV_PYTHON), "-c", INPROCESS, str(bench.repo), str(bench.repeat)], bench.repo, bench.env
    )
    if result.returncode != 0:
        raise BenchError(f"in-process build failed: {_tail(result.stderr)}")
    data = json.loads(result.stdout.strip().splitlines()[-1])
    rendercv = bench.rendercv.self_reported_s if bench.rendercv else []
    bench.add("import portfolio.build + site (once)", data["imports_s"])
    record: dict[str, object] = {"imports_s": data["imports_s"], "rendercv_self_reported_s": rendercv}
    for key, name in (("edit", "build after editing one bullet (in-process)"), ("noop", "no-op build (in-process)")):
        walls = [run["wall"] for run in data[key]]
        parts = median_parts(data[key])
        ratio = median(walls) / median(rendercv) if rendercv else None
        note = "ratio vs RenderCV's own timer (its in-process total)" if ratio is not None else ""
        bench.add(name, median(walls), runs=len(walls), ratio=ratio, note=note)
        for part, seconds in parts.items():
            if part not in ("wall", "total"):
                bench.add(f"    {part} (in-process)", seconds, runs=len(walls))
        _record_exports(bench, parts, name, len(walls))
        record[key] = {"wall_s": walls, "parts_s": parts, "ratio": ratio}
    if rendercv:
        bench.add("RenderCV 2.3 (its own timer, in-process)", median(rendercv), runs=len(rendercv), ratio=1.0)
    bench.record("in_process", record)


def measure_serve_save(bench: Bench) -> None:
    """`./run.sh serve`: from writing resume.md (one bullet edited) until the served resume.html shows the
    new text and the served resume.pdf has changed, over several saves; ratio vs RenderCV's render."""
    import urllib.request

    assert bench.repo is not None
    edit = BulletEdit(bench.repo / "resume.md")
    server = subprocess.Popen(
        [str(DEV_PYTHON), "-m", "portfolio", "serve", "0"], cwd=bench.repo, env=bench.env,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        url = _served_url(server)

        def get(path: str) -> bytes:
            with urllib.request.urlopen(url + path, timeout=10) as response:  # noqa: S310 (local server)
                return response.read()

        with urllib.request.urlopen(url + "_events", timeout=30) as events:  # noqa: S310 (local server)
            generations = first = _next_event(events)
            saves: list[float] = []
            for index in range(max(bench.repeat, 7)):
                before = get("resume.pdf")
                marker = f"(saved {index + 1})"
                edit.write(marker)
                started = time.perf_counter()
                while marker.encode() not in get("resume.html") or get("resume.pdf") == before:
                    time.sleep(0.002)
                saves.append(time.perf_counter() - started)
                while generations["preview"] < first["preview"] + index + 1:  # its preview is made too
                    generations = _next_event(events)
    finally:
        server.terminate()
        server.wait(timeout=10)
        edit.restore()
    value = median(saves)
    rendercv = bench.rendercv_median()
    ratio = value / rendercv if rendercv else None
    verdict = "met" if value <= GOAL_SAVE_S else "MISSED"
    bench.add(
        "serve: save -> served HTML and PDF (median of the saves)", value, runs=len(saves), ratio=ratio,
        note=f"goal <= {GOAL_SAVE_S} s {verdict} on this machine; ratio vs RenderCV's render",
    )
    bench.record("serve_save", {"runs_s": saves, "median_s": value, "ratio": ratio, "goal_s": GOAL_SAVE_S})


def _served_url(server: subprocess.Popen[str]) -> str:
    assert server.stdout is not None
    for line in server.stdout:
        found = re.search(r"(http://127\.0\.0\.1:\d+/)", line)
        if found:
            return found.group(1)
    raise BenchError(f"serve exited ({server.wait()}) without printing its URL")


def _next_event(events) -> dict[str, int]:  # noqa: ANN001 - an HTTP response
    while True:
        line = events.readline().decode()
        if line.startswith("data: "):
            return json.loads(line.removeprefix("data: "))


def measure_page_weights(bench: Bench) -> None:
    assert bench.repo is not None
    build_once(bench)
    site = bench.repo / "_site"
    weights = {
        path.relative_to(site).as_posix(): path.stat().st_size
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }
    for name, size in weights.items():
        note = ""
        if name == "resume.html":
            verdict = "met" if size < GOAL_RESUME_HTML_BYTES else "MISSED"
            note = f"goal < {GOAL_RESUME_HTML_BYTES // 1024} KB {verdict}"
        bench.add(f"_site/{name}", size, unit="bytes", note=note)
    bench.add("_site/ total", sum(weights.values()), unit="bytes", note=f"{len(weights)} files")
    bench.record("page_weights_bytes", weights)


def measure_vale(bench: Bench) -> None:
    """Vale over every Markdown file of the repo (what the pre-commit hook passes), several runs.

    The variants under it (start-up alone, only the spell check, Vale's full dictionary) run in the same
    rounds, one after another, so a busy moment of the machine slows every variant alike."""
    assert bench.repo is not None
    if not VALE.is_file():
        raise Skipped(f"no Vale binary at {VALE} (set VALE=/path/to/vale)")
    config = bench.repo / ".vale.ini"
    label = "Vale over the whole repo (.vale.ini)"
    if not config.is_file():
        config = fallback_vale_config(bench)
        label = "Vale over the whole repo (FALLBACK config: no .vale.ini)"
    files = [str(f.relative_to(bench.repo)) for f in markdown_files(bench.repo)]
    variants = {"repo": (config, files), "startup": (config, [os.devnull])}
    text = config.read_text(encoding="utf-8")
    if "Portfolio.Spelling = YES" in text:
        variants["spelling_only"] = (spelling_only_config(bench, text), files)
        variants["full_dictionary"] = (full_dictionary_config(bench, text), files)
    alerts: dict[str, int] = {}

    def one(name: str) -> None:
        variant_config, paths = variants[name]
        command = [str(VALE), f"--config={variant_config}", "--output=JSON", *paths]
        result = run_process(command, bench.repo, bench.env)
        if result.returncode not in (0, 1):
            raise BenchError(f"vale failed (exit {result.returncode}): {_tail(result.stderr or result.stdout)}")
        alerts[name] = sum(len(found) for found in json.loads(result.stdout or "{}").values())

    for name in variants:
        one(name)  # the first run of each loads the binary and its files from disk
    walls: dict[str, list[float]] = {name: [] for name in variants}
    cpus: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(max(bench.repeat, 9)):
        for name in variants:
            with Stopwatch() as watch:
                one(name)
            walls[name].append(watch.wall)
            cpus[name].append(watch.cpu)

    value = median(walls["repo"])
    rendercv = bench.rendercv_median()
    ratio = value / rendercv if rendercv else None
    note = f"{len(files)} files, {alerts['repo']} alerts; ratio vs RenderCV's render in this run"
    bench.add(label, value, runs=len(walls["repo"]), ratio=ratio, note=note, cpu=median(cpus["repo"]))
    rows = {
        "startup": ("    Vale start-up alone (no files)", "fixed cost: loading the config and styles"),
        "spelling_only": (
            "    the same with only Portfolio.Spelling",
            "Vale and its spell check alone: the floor under the rules",
        ),
        "full_dictionary": (
            "    the same with Vale.Spelling (full en_US dictionary)",
            "what Portfolio.Spelling's smaller dictionary saves",
        ),
    }
    for name, (row, row_note) in rows.items():
        if name in walls:
            bench.add(row, median(walls[name]), runs=len(walls[name]), cpu=median(cpus[name]), note=row_note)
    bench.record(
        "vale",
        {
            "median_s": value,
            "runs_s": walls["repo"],
            "cpu_s": cpus["repo"],
            "startup_median_s": median(walls["startup"]),
            "spelling_only_median_s": median(walls["spelling_only"]) if "spelling_only" in walls else None,
            "full_dictionary_median_s": median(walls["full_dictionary"]) if "full_dictionary" in walls else None,
            "files": len(files),
            "alerts": alerts["repo"],
            "config": str(config),
            "ratio_to_rendercv": ratio,
        },
    )


def spelling_only_config(bench: Bench, text: str) -> Path:
    """The repo's .vale.ini with every rule but Portfolio.Spelling off."""
    only_config = bench.workdir / "spelling-only.vale.ini"
    text = re.sub(r"(?m)^StylesPath = .*$", f"StylesPath = {bench.repo / 'styles'}", text)
    only_config.write_text(re.sub(r"(?m)^Portfolio\.(?!Spelling )\w+ = YES\n", "", text), "utf-8")
    return only_config


def full_dictionary_config(bench: Bench, text: str) -> Path:
    """The repo's .vale.ini with Vale's built-in Vale.Spelling (81,529 entries) instead of Portfolio.Spelling."""
    styles = bench.workdir / "styles-full-dictionary"
    shutil.rmtree(styles, ignore_errors=True)
    # Vale.Spelling also loads every dictionary under config/dictionaries: leave ours out.
    shutil.copytree(bench.repo / "styles", styles, ignore=shutil.ignore_patterns("dictionaries"))
    full_config = bench.workdir / "full-dictionary.vale.ini"
    text = re.sub(r"(?m)^StylesPath = .*$", f"StylesPath = {styles}", text)
    full_config.write_text(text.replace("Portfolio.Spelling = YES", "Vale.Spelling = suggestion"), "utf-8")
    return full_config


def fallback_vale_config(bench: Bench) -> Path:
    config = bench.workdir / "fallback.vale.ini"
    config.write_text(
        f"StylesPath = {bench.repo / 'styles'}\nMinAlertLevel = suggestion\nVocab = Portfolio\n\n"
        "[*.md]\nBasedOnStyles = Portfolio\n",
        encoding="utf-8",
    )
    return config


def markdown_files(repo: Path) -> list[Path]:
    """The Markdown files the repo's Vale pre-commit hook passes (its `exclude:` and the global one apply)."""
    excluded = vale_hook_excludes(repo)
    found = []
    for path in sorted(repo.rglob("*.md")):
        relative = path.relative_to(repo)
        if SKIP_DIRS.intersection(relative.parts):
            continue
        if not any(re.search(pattern, relative.as_posix()) for pattern in excluded):
            found.append(path)
    return found


def vale_hook_excludes(repo: Path) -> list[str]:
    import yaml  # pre-commit's own dependency, in the dev venv

    config_file = repo / ".pre-commit-config.yaml"
    if not config_file.is_file():
        return []
    config = yaml.safe_load(config_file.read_text(encoding="utf-8"))
    patterns = [config.get("exclude", "^$")]
    for repository in config.get("repos", []):
        for hook in repository.get("hooks", []):
            if hook.get("id") == "vale" and hook.get("exclude"):
                patterns.append(hook["exclude"])
    return patterns


def measure_hostile_answers(bench: Bench) -> None:
    """Bake every hostile answer of tests/hostile_answers.py and count the outcomes.

    The expected outcome is either a clean bake or a refusal: non-zero exit, one line on stderr naming
    the field (or cookiecutter's own "Unable to render variable" for Jinja it evaluates), no folder."""
    sys.path.insert(0, str(TEMPLATE / "tests"))
    from hostile_answers import CASES

    cookiecutter_cli = DEV_PYTHON.parent / "cookiecutter"
    counts = {"baked valid": 0, "rejected cleanly": 0, "failures": 0}
    failures: list[str] = []
    for index, (field_name, value, expected_error) in enumerate(CASES):
        out = bench.workdir / "hostile" / str(index)
        out.mkdir(parents=True)
        result = run_process(
            [str(cookiecutter_cli), "--no-input", str(TEMPLATE), f"{field_name}={value}"], out, bench.env
        )
        outcome = _hostile_outcome(result, out, field_name, expected_error)
        counts[outcome] += 1
        if outcome == "failures":
            failures.append(f"{field_name}={value!r}")
    bench.add("hostile answers tried", len(CASES), unit="count")
    for name, count in counts.items():
        bench.add(f"hostile answers {name}", count, unit="count", note="; ".join(failures) if name == "failures" else "")
    bench.record("hostile_answers", {**counts, "tried": len(CASES), "failed_cases": failures})


def _hostile_outcome(
    result: subprocess.CompletedProcess[str], out: Path, field_name: str, expected_error: str | None
) -> str:
    if expected_error is None:
        return "baked valid" if result.returncode == 0 and len(list(out.iterdir())) == 1 else "failures"
    time.sleep(0.2)  # the detached clean-up of a name such as a/b removes its parent folders
    lines = result.stderr.strip().splitlines()
    named = len(lines) == 1 and lines[0].startswith(f"error: {expected_error}")
    evaluated = f"Unable to render variable '{field_name}'" in result.stdout + result.stderr
    clean = result.returncode != 0 and not any(out.iterdir())
    return "rejected cleanly" if clean and (named or evaluated) else "failures"


def measure_mutation_score(bench: Bench) -> None:
    """The last `./dev.sh mutate` (benchmarks/mutation.json), kept beside the timings; not re-run here."""
    figures = BENCH_DIR / "mutation.json"
    if not figures.is_file():
        raise Skipped("no benchmarks/mutation.json: run ./dev.sh mutate")
    data = json.loads(figures.read_text(encoding="utf-8"))
    bench.add(
        "mutation score of the reader and checks (last ./dev.sh mutate)", data["score_percent"], unit="count",
        note=f"{data['killed']}/{data['total']} killed, in %; {data.get('not_checked', 0)} not checked yet,"
        f" {data.get('explained_equivalent', 0)} explained as equivalent; survivors in benchmarks/mutation.md;"
        " goal >= 90",
    )
    bench.record("mutation", data)


SECTIONS: list[Callable[[Bench], None]] = [
    measure_bake,
    measure_edit_rebuild,
    measure_cold_build,
    measure_noop_build,
    measure_in_process,
    measure_serve_save,
    measure_page_weights,
    measure_vale,
    measure_hostile_answers,
    measure_mutation_score,
]


# ---------------------------------------------------------------- output


def format_value(row: Row) -> str:
    if row.value is None:
        return "-"
    if row.unit == "s":
        return f"{row.value:.3f}"
    if row.unit == "bytes":
        return f"{int(row.value):,} B"
    return f"{row.value:g}"


def print_table(rows: list[Row]) -> None:
    width = max(len(row.name) for row in rows)
    print(f"\n{'measurement':<{width}}  {'median':>11}  {'cpu':>7}  {'runs':>4}  {'ratio':>6}  note")
    print("-" * (width + 49))
    for row in rows:
        ratio = f"{row.ratio:.2f}" if row.ratio is not None else ""
        value = format_value(row) + (" s" if row.unit == "s" and row.value is not None else "")
        cpu = f"{row.cpu:.3f}" if row.cpu is not None else ""
        print(f"{row.name:<{width}}  {value:>11}  {cpu:>7}  {row.runs:>4}  {ratio:>6}  {row.note}")


def environment() -> dict[str, object]:
    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "load_average_start": list(os.getloadavg()),
        "vale": str(VALE),
        "rendercv_venv": str(RENDERCV_VENV),
    }


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--repeat", type=int, default=5, help="timed runs per measurement (default 5; cold builds at most 3)"
    )
    parser.add_argument("--skip-rendercv", action="store_true", help="do not install or run RenderCV")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder with the baked repo")
    parser.add_argument(
        "--only",
        nargs="+",
        choices=[section.__name__.removeprefix("measure_") for section in SECTIONS],
        help="run only these measurements (the bake always runs)",
    )
    parser.add_argument(
        "--out", type=Path, default=RESULTS, help=f"results file (default {RESULTS.relative_to(TEMPLATE)})"
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    meta = environment()
    if meta["load_average_start"][0] > (os.cpu_count() or 1):  # type: ignore[index]
        print(
            f"note: load average {meta['load_average_start'][0]:.1f} on {os.cpu_count()} CPUs;"
            " timings will be noisy",
            file=sys.stderr,
        )
    workdir = Path(tempfile.mkdtemp(prefix="portfolio-bench-"))
    bench = Bench(workdir, max(1, args.repeat), args.skip_rendercv)
    failures = 0
    started = time.perf_counter()
    try:
        for section in SECTIONS:
            name = section.__name__.removeprefix("measure_")
            if args.only and name not in args.only and section is not measure_bake:
                continue
            print(f"== {name}", flush=True)
            try:
                section(bench)
            except Skipped as why:
                bench.add(name, None, runs=0, note=f"skipped: {why}")
                bench.results[name] = {"skipped": str(why)}
            except Exception as error:  # noqa: BLE001 - one failed measurement must not hide the others
                failures += 1
                message = str(error) if isinstance(error, BenchError) else f"{type(error).__name__}: {error}"
                bench.add(name, None, runs=0, note=f"FAILED: {message}")
                bench.results[name] = {"failed": message}
                if bench.repo is None:
                    break  # nothing else can run without a baked repo
    finally:
        if args.keep:
            print(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    meta["load_average_end"] = list(os.getloadavg())
    meta["total_s"] = time.perf_counter() - started
    print_table(bench.rows)
    print(f"\ntotal {meta['total_s']:.0f} s; results in {args.out}")
    report = {"meta": meta, "sections": bench.results, "rows": [asdict(row) for row in bench.rows]}
    args.out.write_text(json.dumps(report, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
