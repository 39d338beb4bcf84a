"""The HTML site of a baked repo, built for real: pages, escaping, links, diagrams, weight, preview."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from site_support import (
    ODD_NAME,
    ODD_ROLE,
    TOOLS,
    build_env,
    default_site,
    mermaid_blocks,
    odd_name_site,
    pages,
    parse,
    run_build,
)

RESUME_LIMIT = 30 * 1024
LANDMARKS = ("header", "nav", "main", "footer")


@pytest.fixture(scope="module")
def repo(baked_default: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return default_site(baked_default, tmp_path_factory)


@pytest.fixture(scope="module")
def odd_repo(baked_default: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return odd_name_site(tmp_path_factory, baked_default)


def sources(repo: Path) -> list[Path]:
    published = [*repo.glob("system_designs/*.md"), *repo.glob("interview_prep/*.md")]
    return sorted(path for path in published if path.name != "star_stories.md")


def page_of(repo: Path, source: Path) -> Path:
    return repo / "_site" / source.relative_to(repo).with_suffix(".html")


def copy_of(repo: Path, tmp_path: Path) -> Path:
    target = tmp_path / repo.name
    shutil.copytree(repo, target, symlinks=True)
    return target


def test_every_page_exists(repo: Path) -> None:
    site = repo / "_site"
    expected = [site / name for name in ("index.html", "resume.html", "resume.pdf", "style.css")]
    expected += [page_of(repo, source) for source in sources(repo)]
    assert len(sources(repo)) >= 2, "the default bake should have design docs to build"
    missing = [str(path.relative_to(site)) for path in expected if not path.is_file()]
    assert not missing, f"not built: {missing}"


def test_pages_parse_and_are_semantic(repo: Path) -> None:
    for path in pages(repo / "_site"):
        doc = parse(path)
        where = path.relative_to(repo)
        assert not doc.errors, f"{where}: {doc.errors[:3]}"
        assert doc.doctype.lower() == "doctype html", where
        assert doc.all("html")[0].get("lang"), f"{where}: no lang"
        assert doc.text("title"), f"{where}: empty <title>"
        metas = {attrs.get("name"): attrs.get("content", "") for attrs in doc.all("meta")}
        assert metas.get("description"), f"{where}: no meta description"
        assert "width=device-width" in metas.get("viewport", ""), f"{where}: no viewport"
        for landmark in LANDMARKS:
            assert doc.all(landmark), f"{where}: no <{landmark}>"
        assert len(doc.all("main")) == 1 and len(doc.all("h1")) == 1, where
        levels = [int(tag[1]) for tag, _ in doc.tags if re.fullmatch(r"h[1-6]", tag)]
        assert levels[0] == 1, where
        skips = [(a, b) for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]
        assert not skips, f"{where}: heading levels skip {skips}"


def test_no_javascript_anywhere(repo: Path) -> None:
    for path in pages(repo / "_site"):
        doc = parse(path)
        assert not doc.all("script"), path
        handlers = [name for _, attrs in doc.tags for name in attrs if name.startswith("on")]
        assert not handlers, f"{path}: event handlers {handlers}"
        urls = [attrs.get(name, "") for _, attrs in doc.tags for name in ("href", "src")]
        assert not [url for url in urls if url.strip().lower().startswith("javascript:")], path


def test_relative_links_resolve(repo: Path) -> None:
    """Every link is relative and lands on a built file (and anchor), so the site works under /<project>/."""
    site = repo / "_site"
    for path in pages(site):
        doc = parse(path)
        for _, attrs in doc.tags:
            for name in ("href", "src"):
                url = attrs.get(name)
                # "data:," is the pages' empty favicon, so browsers do not request /favicon.ico.
                if url is None or url == "data:," or re.match(r"^(https?|mailto|tel):", url):
                    continue
                parts = urlsplit(url)
                assert not url.startswith("/"), f"{path.name}: absolute link {url}"
                target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
                assert target.is_file(), f"{path.relative_to(site)}: {url} does not resolve"
                assert target.is_relative_to(site.resolve()), f"{url} leaves the site"
                if parts.fragment and target.suffix == ".html":
                    ids = {a.get("id") for _, a in parse(target).tags}
                    assert parts.fragment in ids, f"{path.name}: no #{parts.fragment} in {target.name}"


def test_index_links_every_page(repo: Path) -> None:
    index = parse(repo / "_site" / "index.html")
    links = {attrs.get("href") for attrs in index.all("a")}
    expected = {"resume.html", "resume.pdf"}
    expected |= {source.relative_to(repo).with_suffix(".html").as_posix() for source in sources(repo)}
    assert expected <= links, f"index.html misses {sorted(expected - links)}"


def test_diagrams_are_inline_svg(repo: Path) -> None:
    docs = [source for source in sources(repo) if mermaid_blocks(source.read_text(encoding="utf-8"))]
    assert docs, "the default design docs should contain a Mermaid diagram"
    for source in docs:
        html = page_of(repo, source).read_text(encoding="utf-8")
        doc = parse(page_of(repo, source))
        svgs = [attrs for attrs in doc.all("svg") if attrs.get("id", "").startswith("diagram-")]
        assert len(svgs) == mermaid_blocks(source.read_text(encoding="utf-8")), source.name
        assert all(attrs.get("aria-label") for attrs in svgs), "each diagram needs a name"
        assert "<foreignobject" not in html.lower(), "labels should be SVG text (htmlLabels: false)"
        assert doc.all("text"), f"{source.name}: no SVG <text> labels"
        assert not doc.all("img"), "diagrams are inline, not images"
        ids = [attrs["id"] for _, attrs in doc.tags if attrs.get("id")]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        assert not duplicates, f"{source.name}: duplicate ids {duplicates[:5]}"


def test_resume_page_is_small_and_matches_the_model(repo: Path) -> None:
    page = repo / "_site" / "resume.html"
    size = page.stat().st_size
    assert size < RESUME_LIMIT, f"resume.html is {size} bytes"
    doc = parse(page)
    source = (repo / "resume.md").read_text(encoding="utf-8")
    name = re.search(r"^# (.+)$", source, re.MULTILINE).group(1).strip()
    assert doc.text("h1") == name
    assert doc.text("title") == f"{name} — Resume"
    headings = re.findall(r"^## (.+)$", source, re.MULTILINE)
    shown = [text.strip() for text in re.findall(r"<h2[^>]*>([^<]+)</h2>", page.read_text())]
    assert shown == headings
    bullets = re.findall(r"^- (?!\*\*)(.+)$", source, re.MULTILINE)
    body = doc.text("main")
    assert bullets and all(bullet in body for bullet in bullets)


def test_unusual_name_is_escaped_everywhere(odd_repo: Path) -> None:
    site = odd_repo / "_site"
    for path in pages(site):
        html = path.read_text(encoding="utf-8")
        doc = parse(path)
        assert not doc.errors, f"{path.name}: {doc.errors[:3]}"
        assert not doc.all("b") and not doc.all("i"), f"{path.name}: the name's markup became HTML"
        assert "&lt;b&gt;" in html, f"{path.name}: the name is not shown escaped"
        assert "李" in html and "Zoë O" in html and "Łukasz" in html
    resume = parse(site / "resume.html")
    title = resume.text("title")
    assert title.startswith("Zoë O'Brien-Łukasz <b>") and title.endswith("— Resume")
    assert "<i>Engineer</i>" in parse(site / "index.html").text("title")
    assert ODD_NAME.split("<")[0].strip() in resume.text("h1")
    assert ODD_ROLE.split("<")[0].strip() in resume.text("main")


HOSTILE_DOC = """---
title: ignored front matter
---

# Hostile <em>page</em>

<!-- private note: do-not-publish-7731 -->

<script>alert("raw script")</script>

<img src="x" onerror="alert(1)">

A [bad link](javascript:alert(1)), a [good link](https://example.com/ok) and a
[link to a sibling](notification_service.md#3-high-level-architecture).

Inline <span onclick="alert(2)">span</span> and <!-- inline secret: do-not-publish-9911 --> text.

![Architecture sketch](images/sketch.png) and a [file outside the repo](../../outside.txt).

### Skipped a level
"""


def test_raw_html_and_bad_links_do_not_pass_through(repo: Path, tmp_path: Path) -> None:
    work = copy_of(repo, tmp_path)
    (work / "system_designs" / "hostile.md").write_text(HOSTILE_DOC, encoding="utf-8")
    (work / "system_designs" / "images").mkdir()
    (work / "system_designs" / "images" / "sketch.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (work.parent / "outside.txt").write_text("not part of the site")
    result = run_build(work, build_env())
    assert result.returncode == 0, result.stderr
    page = work / "_site" / "system_designs" / "hostile.html"
    html = page.read_text(encoding="utf-8")
    doc = parse(page)
    assert not doc.all("script") and not doc.all("span") and not doc.all("em")
    assert not [attrs for _, attrs in doc.tags if "onerror" in attrs or "onclick" in attrs]
    assert "do-not-publish" not in html, "HTML comments must not reach the page"
    assert "ignored front matter" not in html
    assert "&lt;script&gt;" in html, "raw HTML is shown as text"
    hrefs = [attrs.get("href", "") for attrs in doc.all("a")]
    assert "https://example.com/ok" in hrefs
    assert "notification_service.html#3-high-level-architecture" in hrefs, hrefs
    assert not [href for href in hrefs if "javascript" in href or "outside" in href]
    assert [a.get("src") for a in doc.all("img")] == ["images/sketch.png"]
    assert (work / "_site" / "system_designs" / "images" / "sketch.png").is_file(), "image copied"
    assert doc.text("h1") == "Hostile <em>page</em>"
    assert [tag for tag, _ in doc.tags if tag in ("h2", "h3")] == ["h2"], "h3 after h1 becomes h2"


def test_phone_is_published_only_when_asked(repo: Path, tmp_path: Path) -> None:
    work = copy_of(repo, tmp_path)
    resume = work / "resume.md"
    text = resume.read_text(encoding="utf-8").replace('phone: ""', 'phone: "+1 555 0100 2233"')
    resume.write_text(text, encoding="utf-8")
    assert run_build(work, build_env()).returncode == 0
    for path in pages(work / "_site"):
        assert "0100" not in path.read_text(encoding="utf-8"), f"phone leaked into {path.name}"
    resume.write_text(text.replace("publish_phone: false", "publish_phone: true"), encoding="utf-8")
    assert run_build(work, build_env()).returncode == 0
    assert "555 0100 2233" in (work / "_site" / "resume.html").read_text(encoding="utf-8")


def test_unclosed_fence_fails_with_file_and_line(repo: Path, tmp_path: Path) -> None:
    work = copy_of(repo, tmp_path)
    doc = work / "system_designs" / "notification_service.md"
    lines = doc.read_text(encoding="utf-8").splitlines()
    doc.write_text("\n".join([*lines, "", "```python", "print('never closed')", ""]), encoding="utf-8")
    result = run_build(work, build_env())
    assert result.returncode == 1
    assert f"system_designs/notification_service.md:{len(lines) + 2}:" in result.stderr
    assert "never closed" in result.stderr and "Traceback" not in result.stderr
    assert (work / "_site" / "index.html").is_file(), "a failed build keeps the last good site"


def test_link_to_a_missing_file_fails_with_file_and_line(repo: Path, tmp_path: Path) -> None:
    work = copy_of(repo, tmp_path)
    doc = work / "system_designs" / "rate_limiter.md"
    lines = doc.read_text(encoding="utf-8").splitlines()
    doc.write_text("\n".join([*lines, "", "See [the load test](load_test.md) for numbers.", ""]), encoding="utf-8")
    result = run_build(work, build_env())
    assert result.returncode == 1
    assert f"system_designs/rate_limiter.md:{len(lines) + 2}: link to a missing file: load_test.md" in result.stderr
    assert "Traceback" not in result.stderr


def test_unchanged_pages_come_from_the_cache(repo: Path, tmp_path: Path) -> None:
    work = copy_of(repo, tmp_path)
    cache = work / ".cache" / "pages"
    before = {path.name for path in cache.glob("*.json")}
    assert len(before) == len(sources(work))
    doc = work / "system_designs" / "rate_limiter.md"
    doc.write_text(doc.read_text(encoding="utf-8") + "\nOne more closing line.\n", encoding="utf-8")
    assert run_build(work, build_env()).returncode == 0
    after = {path.name for path in cache.glob("*.json")}
    assert len(after - before) == 1 and len(before - after) == 1, "only the edited page re-rendered"
    assert "One more closing line." in (work / "_site/system_designs/rate_limiter.html").read_text()


def test_mermaid_cli_is_pinned_for_the_generated_repo(repo: Path) -> None:
    package = json.loads((repo / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((repo / "package-lock.json").read_text(encoding="utf-8"))
    tools = json.loads((TOOLS / "package.json").read_text(encoding="utf-8"))
    pin = package["devDependencies"]["@mermaid-js/mermaid-cli"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", pin), "pin an exact version"
    assert package["private"] is True and "scripts" not in package
    assert lock["packages"][""]["devDependencies"] == package["devDependencies"]
    assert lock["packages"]["node_modules/@mermaid-js/mermaid-cli"]["version"] == pin
    assert tools["devDependencies"]["@mermaid-js/mermaid-cli"] == pin, "tests use the same version"
