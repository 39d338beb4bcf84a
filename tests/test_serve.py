"""`./run.sh serve`: the real dev server on a free port, edited as a user edits, read as a browser reads it.

The served pages reload themselves after each rebuild (a script the dev server adds; the files in `_site/`
stay free of JavaScript), and `/_preview/` shows the PDF page, what a parser reads, every Vale finding and
how full the page is; a broken save shows its located error there while the last good build stays served.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from site_support import build_env, default_site

POSTING = Path(__file__).parent / "fixtures" / "postings" / "backend_payments.txt"


@pytest.fixture(scope="module")
def repo(baked_default: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return default_site(baked_default, tmp_path_factory)


class Server:
    def __init__(self, repo: Path, *args: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "portfolio", "serve", "0", *args],
            cwd=repo, env=build_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        self.url = self._wait_for_url()

    def _wait_for_url(self) -> str:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            if match := re.search(r"(http://127\.0\.0\.1:\d+/)", line):
                return match.group(1)
        raise AssertionError(f"serve exited ({self.process.wait()}) without printing its URL")

    def get(self, path: str) -> bytes:
        with urllib.request.urlopen(self.url + path, timeout=10) as response:  # noqa: S310 (local server)
            return response.read()

    def text(self, path: str) -> str:
        return self.get(path).decode("utf-8")

    def until(self, path: str, wanted: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        while wanted not in (page := self.text(path)):
            assert time.monotonic() < deadline, f"{path} never showed {wanted!r}"
            time.sleep(0.1)
        return page

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


@pytest.fixture
def served(repo: Path, tmp_path: Path):
    work = tmp_path / repo.name
    shutil.copytree(repo, work, symlinks=True)
    server = Server(work, "--job", str(POSTING))
    try:
        yield work, server
    finally:
        server.stop()


def first_bullet(resume: Path) -> str:
    return next(line for line in resume.read_text(encoding="utf-8").splitlines() if line.startswith("- ") and "**" not in line)


def test_a_saved_bullet_reaches_the_served_page_and_pdf_and_the_page_reloads(served) -> None:
    work, server = served
    page = server.text("resume.html")
    assert 'new EventSource("/_events")' in page and page.rstrip().endswith("</html>")
    assert "<script" not in (work / "_site" / "resume.html").read_text(encoding="utf-8")
    assert not [p for p in (work / "_site").rglob("*.html") if "<script" in p.read_text(encoding="utf-8")]
    pdf_before = server.get("resume.pdf")
    with urllib.request.urlopen(server.url + "_events", timeout=10) as events:  # noqa: S310
        first = json.loads(events.readline().decode().removeprefix("data: "))
        resume = work / "resume.md"
        bullet = first_bullet(resume)
        resume.write_text(resume.read_text(encoding="utf-8").replace(bullet, "- Cut p99 latency from 900 ms to 120 ms for 4 services."), encoding="utf-8")
        line = events.readline().decode()
        while not line.startswith("data: "):
            line = events.readline().decode()
        second = json.loads(line.removeprefix("data: "))
    assert second["site"] == first["site"] + 1, "one rebuild, announced to the open page"
    assert "Cut p99 latency from 900 ms to 120 ms for 4 services." in server.text("resume.html")
    assert server.get("resume.pdf") != pdf_before


def test_the_preview_shows_the_parser_s_reading_the_findings_the_fit_and_the_posting(served) -> None:
    work, server = served
    png_before = server.get("resume.png")
    resume = work / "resume.md"
    bullet = first_bullet(resume)
    resume.write_text(resume.read_text(encoding="utf-8").replace(bullet, "- Responsible for the billing service."), encoding="utf-8")
    number = next(n for n, line in enumerate(resume.read_text(encoding="utf-8").splitlines(), 1) if "Responsible for the billing" in line)
    page = server.until("_preview/", f"resume.md:{number}")
    # The site is swapped in before its PNG is drawn; by the time the preview page shows, the PNG is the new page.
    png_after = server.get("resume.png")
    assert png_after.startswith(b"\x89PNG") and png_after != png_before
    assert not list((work / "_site").glob(".*.tmp"))
    assert 'new EventSource("/_events")' in page
    assert "Portfolio.WeakOpener" in page
    assert re.search(r"\d+% of the last page used; \d+ lines? (to spare|over)", page)
    assert '<img src="/resume.png' in page
    organisation = re.search(r"^\*\*(.+?)\*\*", resume.read_text(encoding="utf-8"), re.MULTILINE).group(1)
    assert f"<td>organisation</td><td>{organisation}</td><td>{organisation}</td>" in page
    assert "Keywords of" in page and re.search(r"Coverage \d+%", page)


def test_a_broken_save_shows_its_located_error_and_keeps_the_last_good_pdf(served) -> None:
    work, server = served
    good = server.get("resume.pdf")
    resume = work / "resume.md"
    resume.write_text("---\npages: 3\n---\n" + resume.read_text(encoding="utf-8"), encoding="utf-8")
    page = server.until("_preview/", "did not build")
    assert re.search(r"<code>resume\.md:2: [^<]*pages", page), page[:2000]
    assert "<td>organisation</td>" in page and "lines to spare" in page  # the last good build's reading
    assert server.get("resume.pdf") == good
    assert "Alex Example" in server.text("resume.html")


def test_the_preview_escapes_what_the_resume_says(served) -> None:
    work, server = served
    resume = work / "resume.md"
    text = resume.read_text(encoding="utf-8")
    organisation = re.search(r"^\*\*(.+?)\*\*", text, re.MULTILINE).group(1)
    resume.write_text(text.replace(f"**{organisation}**", '**Smith & "Sons"**', 1), encoding="utf-8")
    page = server.until("_preview/", "Smith &amp; &#34;Sons&#34;")
    assert 'Smith & "Sons"' not in page


def test_rapid_saves_coalesce_into_one_rebuild(served) -> None:
    work, server = served
    resume = work / "resume.md"
    text = resume.read_text(encoding="utf-8")
    bullet = first_bullet(resume)
    for index in range(5):  # an editor saving five times in a row
        resume.write_text(text.replace(bullet, f"- Cut p99 latency by {index + 1}0% for 4 services."), encoding="utf-8")
    server.until("resume.html", "Cut p99 latency by 50% for 4 services.")
    time.sleep(1.0)  # room for any further rebuild to show
    server.stop()
    assert server.process.stdout is not None
    rebuilds = server.process.stdout.read().count("Rebuilt in")  # after the URL line: rebuilds for saves only
    assert 1 <= rebuilds <= 2, rebuilds


def test_the_open_page_reloads_itself_in_a_real_browser_after_a_save(served) -> None:
    """Headless Chromium keeps resume.html open; a save changes what it shows without anyone refreshing."""
    from playwright.sync_api import sync_playwright
    from site_support import BROWSER_ARGS, CHROMIUM

    work, server = served
    resume = work / "resume.md"
    bullet = first_bullet(resume)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        try:
            page = browser.new_page()
            page.goto(server.url + "resume.html")
            page.wait_for_function("document.readyState === 'complete'")
            time.sleep(0.5)  # the event stream is open and has said where the build is
            resume.write_text(resume.read_text(encoding="utf-8").replace(bullet, "- Cut p99 latency by 70% for 9 services."), encoding="utf-8")
            page.wait_for_function("document.body.innerText.includes('Cut p99 latency by 70% for 9 services.')", timeout=30_000)
            assert page.evaluate("performance.getEntriesByType('navigation')[0].type") == "reload"
        finally:
            browser.close()
