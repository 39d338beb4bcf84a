"""Lighthouse (pinned 12.x in tests/tools, run on Debian's /usr/bin/chromium) scores the built site 100.

The issue's target: 100 in performance, accessibility, best practices and SEO. Lighthouse runs with its
default mobile settings (a mid-range phone on a throttled network), the stricter of its two presets: the
desktop preset scores these pages 100 whenever mobile does. The default bake's `_site/` is served on
127.0.0.1, gzip-compressed as GitHub Pages serves it, and Chromium can resolve no other host, so the runs
stay on this machine.
"""

from __future__ import annotations

import functools
import gzip
import json
import subprocess
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import urlsplit

import pytest

from conftest import tool_env
from site_support import BROWSER_ARGS, CHROMIUM, LIGHTHOUSE, default_site, node_tools

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PERFORMANCE_RERUNS = 2
CHROME_FLAGS = [
    "--headless=new",
    *(arg for arg in BROWSER_ARGS if arg != "--headless"),
    # Every host but 127.0.0.1 fails to resolve, so nothing remote can be fetched.
    '--host-resolver-rules="MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"',
]
RUN_SECONDS = 120


class PagesHandler(SimpleHTTPRequestHandler):
    """Serves files as GitHub Pages does: text gzip-compressed when the browser accepts it."""

    COMPRESSED = {".html", ".css", ".svg", ".txt", ".json"}

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts_gzip and path.suffix in self.COMPRESSED and path.is_file()):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def site(baked_default: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return default_site(baked_default, tmp_path_factory) / "_site"


@pytest.fixture(scope="module")
def base_url(site: Path) -> Iterator[str]:
    """`_site/` over HTTP on 127.0.0.1 (Lighthouse needs http: for its SEO and best-practice audits)."""
    handler = functools.partial(PagesHandler, directory=str(site))
    with ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        yield f"http://127.0.0.1:{server.server_address[1]}/"
        server.shutdown()
        thread.join()


def lighthouse(url: str, output: Path) -> dict[str, Any]:
    """One real Lighthouse CLI run (fresh Chromium profile) and its JSON report."""
    node_tools()
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={output}",
        "--quiet",
        f"--chrome-flags={' '.join(CHROME_FLAGS)}",
        "--no-enable-error-reporting",
        "--disable-full-page-screenshot",
    ]
    env = dict(tool_env(), CHROME_PATH=CHROMIUM)
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=RUN_SECONDS)
    assert result.returncode == 0, f"lighthouse failed on {url}:\n{result.stdout}\n{result.stderr}"
    report = json.loads(output.read_text(encoding="utf-8"))
    assert not report.get("runtimeError"), report["runtimeError"]
    return report


def scores(report: dict[str, Any]) -> dict[str, float | None]:
    return {name: report["categories"][name]["score"] for name in CATEGORIES}


def failing_audits(report: dict[str, Any]) -> list[str]:
    """Each scored audit below 1, as `category: id (score) value: title`."""
    found = []
    for name in CATEGORIES:
        for ref in report["categories"][name]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
                value = audit.get("displayValue") or ""
                found.append(f"{name}: {ref['id']} ({audit['score']}) {value}: {audit['title']}")
    return found


def requested_hosts(report: dict[str, Any]) -> set[str]:
    items = report["audits"]["network-requests"]["details"]["items"]
    return {urlsplit(item["url"]).hostname or "" for item in items if item["url"].startswith("http")}


def page_path(site: Path, page: str) -> str:
    """The page's path in the site; "design doc" is the first system design."""
    if page != "design doc":
        return page
    designs = sorted((site / "system_designs").glob("*.html"))
    assert designs, "the default bake has design docs"
    return designs[0].relative_to(site).as_posix()


@pytest.mark.parametrize("page", ["index.html", "resume.html", "design doc"])
def test_page_scores_100_in_every_category(
    site: Path, base_url: str, tmp_path: Path, page: str
) -> None:
    path = page_path(site, page)
    report = lighthouse(base_url + path, tmp_path / "report.json")
    for _ in range(PERFORMANCE_RERUNS):
        if report["categories"]["performance"]["score"] == 1:
            break
        # Performance is timed on the host's CPU (2 shared cores here): a re-run absorbs a busy moment.
        # Only performance gets re-runs; the final report must still score 100 in every category.
        report = lighthouse(base_url + path, tmp_path / "report.json")
    assert requested_hosts(report) == {"127.0.0.1"}, f"{path} fetched {requested_hosts(report)}"
    found = scores(report)
    assert all(score == 1 for score in found.values()), (
        f"{path}: {found}\n  " + "\n  ".join(failing_audits(report))
    )
