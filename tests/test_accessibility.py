"""axe-core in headless Chromium (Playwright, Debian's /usr/bin/chromium) on every built page.

Also takes the README screenshots of resume.html and index.html (into docs/images/ only under
`./dev.sh screenshots`).
"""

from __future__ import annotations

import struct
from pathlib import Path
from typing import Iterator

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from site_support import (
    AXE,
    BROWSER_ARGS,
    CHROMIUM,
    SCREENSHOTS,
    default_site,
    fallback_site,
    node_tools,
    odd_name_site,
    pages,
)

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}
SCREENSHOT_WIDTH = 1000


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    node_tools()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def axe_source() -> str:
    node_tools()
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def site(baked_default: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return default_site(baked_default, tmp_path_factory) / "_site"


def violations(page: Page, path: Path, axe_source: str) -> list[str]:
    """axe-core's violations for one page (all WCAG A/AA and best-practice rules), as text."""
    page.goto(path.as_uri())
    page.add_script_tag(content=axe_source)
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{rule['id']} ({rule['impact']}): {rule['help']} at {[n['target'] for n in rule['nodes'][:3]]}"
        for rule in result["violations"]
    ]


def check_pages(browser: Browser, files: list[Path], axe_source: str, **context: object) -> None:
    page = browser.new_page(**context)
    try:
        problems = {str(path): violations(page, path, axe_source) for path in files}
    finally:
        page.close()
    problems = {path: found for path, found in problems.items() if found}
    assert not problems, "\n".join(f"{path}:\n  " + "\n  ".join(v) for path, v in problems.items())


def test_every_page_passes_axe_on_desktop(browser: Browser, site: Path, axe_source: str) -> None:
    files = pages(site)
    assert len(files) >= 4
    check_pages(browser, files, axe_source, viewport=DESKTOP, color_scheme="light")


def test_every_page_passes_axe_on_a_phone_in_dark_mode(
    browser: Browser, site: Path, axe_source: str
) -> None:
    check_pages(browser, pages(site), axe_source, viewport=PHONE, color_scheme="dark")


def test_no_page_scrolls_sideways_on_a_phone(browser: Browser, site: Path) -> None:
    page = browser.new_page(viewport=PHONE)
    try:
        for path in pages(site):
            page.goto(path.as_uri())
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= PHONE["width"], f"{path.name} is {width}px wide on a 375px screen"
    finally:
        page.close()


def test_pages_without_rendered_diagrams_pass_axe(
    browser: Browser, baked_no_prep: Path, tmp_path_factory: pytest.TempPathFactory, axe_source: str
) -> None:
    site = fallback_site(baked_no_prep, tmp_path_factory) / "_site"
    assert not (site / "interview_prep").exists()
    check_pages(browser, pages(site), axe_source, viewport=DESKTOP, color_scheme="light")


def test_unusual_name_pages_pass_axe(
    browser: Browser,
    baked_default: Path,
    tmp_path_factory: pytest.TempPathFactory,
    axe_source: str,
) -> None:
    site = odd_name_site(tmp_path_factory, baked_default) / "_site"
    files = [site / "index.html", site / "resume.html"]
    check_pages(browser, files, axe_source, viewport=DESKTOP, color_scheme="light")


def test_screenshots_for_the_readme(browser: Browser, site: Path, tmp_path: Path) -> None:
    folder = SCREENSHOTS or tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": SCREENSHOT_WIDTH, "height": 800}, color_scheme="light")
    try:
        for name in ("resume", "index"):
            target = folder / f"site-{name}.png"
            page.goto((site / f"{name}.html").as_uri())
            page.screenshot(path=str(target), full_page=True)
            width, height = png_size(target)
            assert width == SCREENSHOT_WIDTH and height >= 600, (target, width, height)
    finally:
        page.close()


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


def test_the_axe_check_catches_a_broken_page(
    browser: Browser, site: Path, axe_source: str, tmp_path: Path
) -> None:
    """Guard against a vacuous pass: the same check flags a page with known faults."""
    broken = tmp_path / "broken.html"
    html = (site / "resume.html").read_text(encoding="utf-8")
    html = html.replace('<html lang="en">', "<html>").replace(
        "</main>", '<img src="x.png"><p style="color:#bbb">faint</p></main>'
    )
    broken.write_text(html, encoding="utf-8")
    page = browser.new_page(viewport=DESKTOP)
    try:
        found = " ".join(violations(page, broken, axe_source))
    finally:
        page.close()
    for rule in ("html-has-lang", "image-alt", "color-contrast"):
        assert rule in found, f"axe did not report {rule}: {found}"


def test_printing_the_resume_page_gives_one_clean_page(
    browser: Browser, site: Path, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    page = browser.new_page()
    try:
        page.emulate_media(media="print")
        page.goto((site / "resume.html").as_uri())
        hidden = page.evaluate(
            "['.site-header', '.site-footer']"
            ".map(s => getComputedStyle(document.querySelector(s)).display)"
        )
        assert hidden == ["none", "none"], "site navigation should not print"
        target = tmp_path / "printed.pdf"
        page.pdf(path=str(target), format="Letter")
    finally:
        page.close()
    reader = PdfReader(target)
    assert len(reader.pages) == 1, f"the printed resume has {len(reader.pages)} pages"
    assert "Professional Summary" in reader.pages[0].extract_text()
