"""Mermaid diagrams to inline SVG at build time, with mermaid-cli (`mmdc`) on a system Chromium.

Every rendered SVG is cached under `.cache/diagrams/` by a hash of its source, the mermaid config and
the mermaid-cli pin, so an unchanged diagram costs nothing. Diagrams that miss the cache are rendered
together in one `mmdc` call (one browser start, about 3 s, instead of one per diagram).

Where mermaid-cli or a browser is missing, `render` returns None for the diagrams it could not render,
says so once on stderr, and the page shows the diagram source instead. Set PORTFOLIO_REQUIRE_DIAGRAMS=1
(CI does) to make that an error. An invalid diagram raises DiagramError naming `file:line`.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .errors import PortfolioError
from .cache import prune, store

CACHE_DIR = Path(".cache") / "diagrams"
REQUIRE_ENV = "PORTFOLIO_REQUIRE_DIAGRAMS"
MMDC_TIMEOUT_S = 180
CACHE_KEEP = 256  # SVGs kept in the cache, most recently used first
MIN_SCALE = 0.62  # mermaid draws 16 px labels; never shrink them below about 10 px
# Labels as SVG <text>, not HTML in <foreignObject>: they survive any page CSS and print cleanly.
MERMAID_CONFIG = {
    "theme": "neutral",
    "securityLevel": "strict",
    "htmlLabels": False,
    "flowchart": {"htmlLabels": False},
}
BROWSER_ARGS = [
    "--no-sandbox",  # root in containers and CI runners cannot use Chromium's sandbox
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
BROWSER_PATHS = (
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    r"C:\Program Files\Google\Chrome\Application\chrome.exe",
    r"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe",
)
# Puppeteer's messages when it cannot start a browser, as opposed to a diagram error.
BROWSER_FAILURES = (
    "Failed to launch the browser process",
    "Could not find Chrome",
    "Could not find Chromium",
    "Browser was not found",
    "Could not find expected browser",
    "ENOENT",
)
SETUP_HINT = "run ./run.sh setup with Node.js 20+ and Chromium or Chrome installed"


class DiagramError(PortfolioError):
    """An invalid diagram or a failed render. The first line of str() is `file:line: message`."""


class DiagramsUnavailable(Exception):
    """mermaid-cli or its browser is missing on this machine."""


@dataclass(frozen=True)
class Diagram:
    """One ```mermaid block: its source and the line of its opening fence."""

    source: str
    file: Path
    line: int


class Renderer:
    """Renders diagrams for one repository, through its cache folder."""

    def __init__(self, repo: Path, require: bool | None = None) -> None:
        self.repo = Path(repo)
        self.cache = self.repo / CACHE_DIR
        self.require = _env_flag(REQUIRE_ENV) if require is None else require
        self.salt = _cache_salt(self.repo)
        self.rendered = 0  # diagrams rendered by mmdc (cache misses) in this renderer's life

    def key(self, diagram: Diagram) -> str:
        return hashlib.sha256(f"{self.salt}\0{diagram.source.strip()}".encode()).hexdigest()

    def cached(self, diagram: Diagram) -> str | None:
        path = self.cache / f"{self.key(diagram)}.svg"
        try:
            svg = path.read_text(encoding="utf-8")
        except OSError:
            return None
        _touch(path)  # recently used files survive pruning
        return svg

    def render(self, diagrams: list[Diagram]) -> dict[str, str | None]:
        """SVG text per diagram key; None where mermaid-cli is unavailable (said once on stderr)."""
        svgs: dict[str, str | None] = {self.key(d): self.cached(d) for d in diagrams}
        missing = _unique([d for d in diagrams if svgs[self.key(d)] is None], self.key)
        if not missing:
            return svgs
        prune(self.cache, "*.svg", CACHE_KEEP)
        try:
            for diagram, svg in zip(missing, self._render_uncached(missing), strict=True):
                svgs[self.key(diagram)] = svg
        except DiagramsUnavailable as reason:
            if self.require:
                raise DiagramError(f"{missing[0].file}:{missing[0].line}: {reason}") from None
            count = len(missing)
            print(
                f"diagrams: {reason}; showing {count} diagram{'s' * (count != 1)} as Mermaid source "
                f"({SETUP_HINT})",
                file=sys.stderr,
            )
        return svgs

    def _render_uncached(self, diagrams: list[Diagram]) -> list[str]:
        mmdc = find_mmdc(self.repo)
        if mmdc is None:
            raise DiagramsUnavailable("mermaid-cli (mmdc) not found in node_modules/.bin or on PATH")
        rendered: list[str] = []
        with tempfile.TemporaryDirectory(prefix="diagrams-") as tmp:
            job = _Job(Path(tmp), mmdc)
            for diagram, svg in zip(diagrams, job.batch(diagrams), strict=True):
                if svg is None:  # not in the batch's output: render alone to name the culprit
                    svg = job.single(diagram)
                self._store(diagram, svg)
                rendered.append(svg)
        self.rendered += len(rendered)
        return rendered

    def _store(self, diagram: Diagram, svg: str) -> None:
        store(self.cache / f"{self.key(diagram)}.svg", svg)


class _Job:
    """One temporary folder of mmdc inputs and outputs."""

    def __init__(self, folder: Path, mmdc: Path) -> None:
        self.folder = folder
        self.mmdc = mmdc
        self.config = folder / "mermaid.json"
        self.config.write_text(json.dumps(MERMAID_CONFIG), encoding="utf-8")
        self.puppeteer = folder / "puppeteer.json"
        self.puppeteer.write_text(json.dumps(puppeteer_config()), encoding="utf-8")

    def batch(self, diagrams: list[Diagram]) -> list[str | None]:
        """All diagrams through one mmdc call (Markdown input); None for each one not written."""
        if len(diagrams) == 1 or any(_breaks_markdown_batch(d.source) for d in diagrams):
            return [None] * len(diagrams)
        source = self.folder / "batch.md"
        blocks = [f"```mermaid\n{d.source.strip()}\n```\n" for d in diagrams]
        source.write_text("\n".join(blocks), encoding="utf-8")
        result = self.run(source, self.folder / "batch-out.md")
        if result.returncode != 0:
            self.raise_if_unavailable(result)
        outputs = [self.folder / f"batch-out-{index}.svg" for index in range(1, len(diagrams) + 1)]
        return [_read_svg(path) if path.is_file() else None for path in outputs]

    def single(self, diagram: Diagram) -> str:
        source = self.folder / "single.mmd"
        target = self.folder / "single.svg"
        source.write_text(diagram.source.strip() + "\n", encoding="utf-8")
        target.unlink(missing_ok=True)
        result = self.run(source, target)
        if result.returncode != 0 or not target.is_file():
            self.raise_if_unavailable(result)
            raise DiagramError(_diagram_message(diagram, result.stderr or result.stdout))
        return _read_svg(target)

    def run(self, source: Path, target: Path) -> subprocess.CompletedProcess[str]:
        command = [str(self.mmdc), "--quiet", "--puppeteerConfigFile", str(self.puppeteer)]
        command += ["--configFile", str(self.config), "--input", str(source), "--output", str(target)]
        command += ["--outputFormat", "svg", "--backgroundColor", "white"]
        env = dict(os.environ, PUPPETEER_SKIP_DOWNLOAD="1")
        try:
            return subprocess.run(
                command,
                cwd=self.folder,
                env=env,
                capture_output=True,
                text=True,
                encoding="utf-8",
                errors="replace",
                timeout=MMDC_TIMEOUT_S,
                check=False,
            )
        except FileNotFoundError:
            raise DiagramsUnavailable(f"cannot run {self.mmdc} (is Node.js installed?)") from None
        except subprocess.TimeoutExpired:
            raise DiagramError(f"{source}:1: mmdc did not finish in {MMDC_TIMEOUT_S} s") from None

    @staticmethod
    def raise_if_unavailable(result: subprocess.CompletedProcess[str]) -> None:
        output = f"{result.stderr}\n{result.stdout}"
        if result.returncode in (126, 127) or any(text in output for text in BROWSER_FAILURES):
            first = next((line for line in output.splitlines() if line.strip()), "no output")
            raise DiagramsUnavailable(f"mermaid-cli could not start a browser ({first.strip()[:160]})")


def find_mmdc(repo: Path) -> Path | None:
    """mmdc from the repo's node_modules (what ./run.sh setup installs), else from PATH."""
    names = ("mmdc.cmd", "mmdc") if os.name == "nt" else ("mmdc",)
    for name in names:
        local = Path(repo) / "node_modules" / ".bin" / name
        if local.is_file():
            return local
    found = shutil.which("mmdc")
    return Path(found) if found else None


def find_browser() -> str | None:
    """A Chromium or Chrome for Puppeteer; None lets Puppeteer look in its own cache."""
    for variable in ("PUPPETEER_EXECUTABLE_PATH", "CHROME_PATH"):
        if os.environ.get(variable):
            return os.environ[variable]
    for name in BROWSER_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return next((path for path in BROWSER_PATHS if Path(path).is_file()), None)


def puppeteer_config() -> dict[str, object]:
    config: dict[str, object] = {"args": BROWSER_ARGS}
    browser = find_browser()
    if browser:
        config["executablePath"] = browser
    return config


def figure_html(diagram: Diagram, svg: str | None, number: int, label: str) -> str:
    """The <figure> for one diagram: inline SVG, or its source when it could not be rendered."""
    source = html.escape(diagram.source.strip(), quote=False)
    if svg is None:
        return (
            '<figure class="diagram diagram-source">'
            f'<pre><code class="language-mermaid">{source}</code></pre>'
            "<figcaption>Diagram source (Mermaid). It was not rendered because mermaid-cli "
            "was not available when this page was built.</figcaption></figure>"
        )
    svg_id = f"diagram-{number}"
    # A wide diagram scrolls sideways instead of shrinking its labels below about 10 px.
    # The scroll box takes focus so keyboard users can scroll it too.
    return (
        f'<figure class="diagram"><div class="diagram-scroll" tabindex="0" role="region" '
        f'aria-label="{html.escape(label)} (scrolls sideways)">{inline_svg(svg, svg_id, label)}</div>'
        f"<details><summary>Diagram source</summary>"
        f'<pre><code class="language-mermaid">{source}</code></pre></details></figure>'
    )


def inline_svg(svg: str, svg_id: str, label: str) -> str:
    """mmdc's SVG made safe to inline: unique ids, an accessible name, no scripts or handlers."""
    svg = re.sub(r"<\?xml[^>]*\?>|<!DOCTYPE[^>]*>", "", svg).strip()
    svg = re.sub(r"(?is)<script\b.*?</script\s*>", "", svg)
    svg = re.sub(r"(?i)\son[a-z]+\s*=\s*(\"[^\"]*\"|'[^']*')", "", svg)
    svg = _prefix_ids(svg, svg_id)
    natural = re.search(r'<svg[^>]*style="[^"]*max-width:\s*([\d.]+)px', svg)
    if natural:
        min_width = round(float(natural.group(1)) * MIN_SCALE)
        svg = re.sub(r'(<svg[^>]*style=")', rf"\1min-width: {min_width}px; ", svg, count=1)
    if "aria-labelledby=" not in svg[: svg.find(">")]:
        svg = svg.replace("<svg ", f'<svg aria-label="{html.escape(label)}" ', 1)
    return svg


def _prefix_ids(svg: str, svg_id: str) -> str:
    """mmdc names every SVG `my-svg` and reuses edge ids: make each id unique on the page."""
    svg = re.sub(r"(?<![\w-])my-svg(?![A-Za-z0-9])", svg_id, svg)
    ids = set(re.findall(r'(?<![\w:-])id="([^"]+)"', svg))
    for old in sorted(ids, key=len, reverse=True):
        if old == svg_id or old.startswith((svg_id + "-", svg_id + "_")):
            continue
        new = f"{svg_id}-{old}"
        escaped = re.escape(old)
        svg = re.sub(rf'(?<![\w:-])id="{escaped}"', f'id="{new}"', svg)
        svg = re.sub(rf'#{escaped}(?=[)"\s])', f"#{new}", svg)
    return svg


def _diagram_message(diagram: Diagram, output: str) -> str:
    """`file:line: invalid Mermaid diagram: ...` from mmdc's error output."""
    lines = [line.rstrip() for line in output.splitlines()]
    lines = [line for line in lines if line.strip() and not line.lstrip().startswith("at ")]
    lines = [line for line in lines if not re.match(r"^\S+\s*\(.*:\d+:\d+\)$", line.strip())]
    detail = [re.sub(r"^(Error|UnknownDiagramError):\s*", "", line) for line in lines[:4]]
    match = re.search(r"(?:Parse|Lexical) error on line (\d+)", output)
    line = diagram.line + int(match.group(1)) if match else diagram.line
    head = f"{diagram.file}:{line}: invalid Mermaid diagram"
    return "\n    ".join([f"{head}: {detail[0]}" if detail else head, *detail[1:]])


def _breaks_markdown_batch(source: str) -> bool:
    # mmdc's Markdown scanner ends a block at any line ending in ``` or ::: .
    return any(line.rstrip().endswith(("```", ":::")) for line in source.splitlines())


def _read_svg(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _cache_salt(repo: Path) -> str:
    """What besides the source changes the SVG: our config and the pinned mermaid-cli version."""
    pin = ""
    package = repo / "package.json"
    if package.is_file():
        try:
            deps = json.loads(package.read_text(encoding="utf-8")).get("devDependencies", {})
            pin = str(deps.get("@mermaid-js/mermaid-cli", ""))
        except (ValueError, AttributeError):
            pin = ""
    return json.dumps([MERMAID_CONFIG, pin, 1], sort_keys=True)


def _env_flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in ("1", "true", "yes", "on")


def _unique(diagrams: list[Diagram], key) -> list[Diagram]:
    seen: dict[str, Diagram] = {}
    for diagram in diagrams:
        seen.setdefault(key(diagram), diagram)
    return list(seen.values())


def _touch(path: Path) -> None:
    try:
        os.utime(path)
    except OSError:
        pass  # a read-only cache still serves hits
