"""The HTML side of the build: landing page, resume page, design docs and interview prep.

Markdown pages go through pandoc (the pypandoc-binary wheel) as an AST: raw HTML in the sources is shown
as text and HTML comments are dropped, so nothing a source contains reaches the page as markup. The
resume page is rendered from the resume model through a Jinja2 template with autoescaping on. All links
are relative, so the site works at any path (for example https://user.github.io/project/).

Design-doc bodies are cached under `.cache/pages/` by a hash of their source, so a rebuild after
editing one page runs pandoc for that page only.
"""

from __future__ import annotations

import functools

import hashlib
import json
import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .errors import PortfolioError
from .cache import package_version, store
from .diagrams import Diagram, Renderer, figure_html
from .resume.locales import is_right_to_left

PACKAGE = Path(__file__).resolve().parent
TEMPLATES = PACKAGE / "templates"
JINJA_CACHE = Path(".cache") / "jinja"
STYLESHEET = PACKAGE / "static" / "style.css"
PAGE_CACHE = Path(".cache") / "pages"
DOC_FOLDERS = (
    ("system_designs", "System designs"),
    ("interview_prep", "Interview preparation"),
)
# STAR stories name employers, colleagues and incidents: they go into the private interview copy
# (`python -m portfolio private`), never onto the public site.
PRIVATE_SOURCES = ("interview_prep/star_stories.md",)
SAFE_SCHEMES = ("http", "https", "mailto", "tel")
# Ids the page templates use; a Markdown heading with the same id gets a suffix.
RESERVED_IDS = {"main", "site-nav"}
DESCRIPTION_CHARS = 155


class PageError(PortfolioError):
    """A source page that cannot be built. str() is `file:line: message`."""

    def __init__(self, file: Path, line: int, message: str) -> None:
        super().__init__(f"{shown(file)}:{line}: {message}")
        self.file = file
        self.line = line


@dataclass
class Page:
    """One Markdown source and what pandoc made of it."""

    source: Path
    href: str  # path of the HTML page inside the site, with "/" separators
    section: str
    text: str = ""
    diagrams: list[Diagram] = field(default_factory=list)
    title: str = ""
    description: str = ""
    body: str = ""
    assets: list[str] = field(default_factory=list)  # repo-relative files the page links to

    @property
    def root(self) -> str:
        """The relative path from this page back to the site root."""
        return "../" * self.href.count("/")


def build_pages(repo: Path, out: Path, resume: Any, translations: list | None = None) -> list[Path]:
    """Write the site's HTML pages and stylesheet into `out`; return the files written. `translations`: the
    resume's `resume.<lang>.md` as portfolio.translations reads them (read from `repo` when not given)."""
    repo, out = Path(repo), Path(out)
    pages = find_pages(repo)
    convert_pages(repo, pages)
    return write_site(repo, out, resume.public(), pages, translations)


def write_variant_page(folder: Path, resume: Any) -> Path:
    """`<variant>/resume.html`: the web resume of one variant, one folder below the site root."""
    page = _resume_page(template_env(), resume.public(), root="../")
    return _write(Path(folder) / "resume.html", page)


def _resume_page(env: Environment, resume: Any, root: str, *, pdf: str = "", alternates: list | None = None) -> str:
    return env.get_template("resume.html").render(
        **_common(resume), root=root, current="resume", alternates=alternates or [],
        variant_pdf=pdf or ("resume.pdf" if root else ""),
        sections=[_section_view(section) for section in resume.sections],
        title=f"{resume.name} — Resume" + (f" ({resume.target_role})" if root else ""),
        description=resume_description(resume),
    )


def _common(resume: Any) -> dict[str, Any]:
    return {
        "name": resume.name,
        "lang": getattr(resume, "lang", "") or "en",
        "rtl": is_right_to_left(getattr(resume, "lang", "")),
        "resume": resume,
        "contact": [_contact_view(item) for item in resume.contact],
    }


def _variant_links(resume: Any) -> list[dict[str, str]]:
    return [
        {"name": variant.name, "label": variant.role or variant.name}
        for variant in getattr(resume, "variants", ())
    ]


def convert_pages(repo: Path, pages: list[Page]) -> None:
    """Fill in each page's title, description and HTML body (diagrams rendered in one batch)."""
    for page in pages:
        page.text = read_markdown(page.source)
        page.diagrams = [
            Diagram(fence.content, shown(page.source), fence.line)
            for fence in scan_fences(page.text, page.source)
            if fence.language == "mermaid"
        ]
    diagrams = Renderer(repo)
    svgs = diagrams.render([d for page in pages for d in page.diagrams])
    converter = _PageConverter(repo, pages, svgs, diagrams.key)
    for page in pages:
        converter.render(page)
    converter.prune()


def write_site(repo: Path, out: Path, resume: Any, pages: list[Page], translations: list | None = None) -> list[Path]:
    """Render the page templates; `resume` is the public copy."""
    env = template_env(repo)
    common = _common(resume)
    index = env.get_template("index.html").render(
        **common, root="", current="index", groups=_groups(pages),
        variants=_variant_links(resume),
        title=index_title(resume), description=index_description(resume, pages),
    )
    from . import translations as translated

    others = translated.load_all(repo) if translations is None else translations
    links = translated.alternates(resume, others)
    resume_page = _resume_page(env, resume, root="", alternates=links)
    written = [_write(out / "index.html", index), _write(out / "resume.html", resume_page)]
    for other in others:  # resume.<lang>.html, each linking the others
        page = _resume_page(env, other.resume.public(), root="", pdf=f"{other.stem}.pdf", alternates=links)
        written.append(_write(out / f"{other.stem}.html", page))
    for page in pages:
        html = env.get_template("page.html").render(
            **common, root=page.root, current=page.href, page=page,
            title=f"{page.title} — {resume.name}", description=page.description,
        )
        written.append(_write(out / page.href, html))
    assets = dict.fromkeys(asset for page in pages for asset in page.assets)
    written += _copy_assets(repo, out, list(assets))
    shutil.copyfile(STYLESHEET, out / "style.css")
    written.append(out / "style.css")
    return written


# --------------------------------------------------------------------------- sources


def find_pages(repo: Path) -> list[Page]:
    """Every Markdown page in the doc folders, in a stable order."""
    pages = []
    for folder, section in DOC_FOLDERS:
        for source in sorted((repo / folder).glob("*.md")):
            if source.name.startswith((".", "_")) or f"{folder}/{source.name}" in PRIVATE_SOURCES:
                continue
            pages.append(Page(source, f"{folder}/{source.stem}.html", section))
    return pages


def shown(path: Path) -> Path:
    """A path as messages show it: relative to the working folder when it is inside it."""
    try:
        return Path(path).resolve().relative_to(Path.cwd().resolve())
    except (ValueError, OSError):
        return Path(path)


def read_markdown(path: Path) -> str:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise PageError(path, line, "not valid UTF-8 text") from None
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


@dataclass(frozen=True)
class Fence:
    language: str
    line: int  # line of the opening fence
    content: str


_FENCE_OPEN = re.compile(r"^(?P<indent> *)(?P<marks>`{3,}|~{3,})(?P<info>.*)$")


def scan_fences(text: str, source: Path) -> list[Fence]:
    """The fenced code blocks of a Markdown text; an unclosed fence is an error at its line."""
    fences: list[Fence] = []
    opened: tuple[re.Match[str], int, list[str]] | None = None
    for number, line in enumerate(text.split("\n"), start=1):
        if opened is None:
            match = _FENCE_OPEN.match(line)
            if match and not (match["marks"][0] == "`" and "`" in match["info"]):
                opened = (match, number, [])
            continue
        match, start, body = opened
        marks = line.strip()
        if marks and set(marks) == {match["marks"][0]} and len(marks) >= len(match["marks"]):
            info = match["info"].strip().split()
            language = info[0].strip("{}.").lower() if info else ""
            fences.append(Fence(language, start, _dedent(body, len(match["indent"]))))
            opened = None
        else:
            body.append(line)
    if opened is not None:
        raise PageError(source, opened[1], f"code fence {opened[0]['marks']} is never closed")
    return fences


def _dedent(lines: list[str], indent: int) -> str:
    return "\n".join(line[min(indent, len(line) - len(line.lstrip(" "))) :] for line in lines)


def blank_front_matter(text: str) -> str:
    """Front matter is not page content; blank it (keeping line numbers for pandoc's messages)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return text
    for end in range(1, len(lines)):
        if lines[end].strip() in ("---", "..."):
            return "\n".join([""] * (end + 1) + lines[end + 1 :])
    return text


def _first_heading(text: str) -> str:
    match = re.search(r"^# +(.+?)#*\s*$", text, re.MULTILINE)
    return " ".join(match.group(1).replace("*", "").replace("`", "").split()) if match else ""


# --------------------------------------------------------------------------- pandoc


class _PageConverter:
    """Turns each page's Markdown into an HTML body, through the page cache."""

    def __init__(
        self,
        repo: Path,
        pages: list[Page],
        svgs: dict[str, str | None],
        key: Callable[[Diagram], str],
    ) -> None:
        self.repo = repo
        self.pages = {page.source.resolve(): page for page in pages}
        self.svgs = svgs
        self.key = key
        self.used: set[str] = set()
        self.salt = _code_salt() + "\0" + "\0".join(sorted(p.href for p in pages))

    def prune(self) -> None:
        """Forget cached bodies this build did not use (old versions of edited pages)."""
        for path in (self.repo / PAGE_CACHE).glob("*.json"):
            if path.name not in self.used:
                path.unlink(missing_ok=True)

    def render(self, page: Page) -> None:
        # The figures follow from the page's text and each diagram's SVG (named by its key), so the key needs
        # only those; the figures themselves (SVG inlined, ids prefixed) are made on a miss.
        shown = [f"{self.key(d)}:{self.svgs.get(self.key(d)) is not None}" for d in page.diagrams]
        key = hashlib.sha256("\0".join([self.salt, page.href, page.text, *shown]).encode())
        cached = self.repo / PAGE_CACHE / f"{key.hexdigest()}.json"
        self.used.add(cached.name)
        if cached.is_file():
            data = json.loads(cached.read_text(encoding="utf-8"))
        else:
            data = self.convert(page, [self.figure(page, index) for index in range(len(page.diagrams))])
            store(cached, json.dumps(data))
        page.title = data["title"] or _title_from_name(page.source.stem)
        page.description = data["description"] or page.title
        page.body, page.assets = data["body"], data["assets"]

    def figure(self, page: Page, index: int) -> str:
        diagram = page.diagrams[index]
        svg = self.svgs.get(self.key(diagram))
        title = _first_heading(page.text) or _title_from_name(page.source.stem)
        label = f"Diagram {index + 1}: {title}"
        return figure_html(diagram, svg, index + 1, label)

    def convert(self, page: Page, figures: list[str]) -> dict[str, Any]:
        import pypandoc  # imported here: a fully cached build never needs it

        text = blank_front_matter(page.text)
        try:
            ast = json.loads(pypandoc.convert_text(text, "json", format="gfm"))
        except RuntimeError as error:
            raise PageError(page.source, 1, f"pandoc could not read this file: {error}") from None
        walker = _AstWalker(page, self.pages, self.repo, figures)
        ast["blocks"] = walker.document(ast["blocks"])
        body = pypandoc.convert_text(
            json.dumps(ast), "html5", format="json",
            extra_args=["--syntax-highlighting=none", "--wrap=none"],
        )
        return {
            "title": walker.title,
            "description": _clip(walker.description),
            "body": body,
            "assets": walker.assets,
        }


class _AstWalker:
    """Rewrites a pandoc AST: no raw HTML, safe links, diagrams as figures, a clean heading order."""

    def __init__(self, page: Page, pages: dict[Path, Page], repo: Path, figures: list[str]) -> None:
        self.page = page
        self.pages = pages
        self.repo = repo.resolve()
        # Matched by source text, not position: a fence the line scanner cannot see (inside a
        # quote block, say) then stays a code block instead of taking another diagram's figure.
        self.figures: dict[str, list[str]] = {}
        for diagram, figure in zip(page.diagrams, figures, strict=True):
            self.figures.setdefault(diagram.source.strip(), []).append(figure)
        self.title = ""
        self.description = ""
        self.assets: list[str] = []
        self.previous_level = 1

    def document(self, blocks: list[dict]) -> list[dict]:
        first = next((b for b in blocks if b["t"] not in ("RawBlock",)), None)
        if first and first["t"] == "Header" and first["c"][0] == 1:
            self.title = stringify(first["c"][2])
            blocks = [b for b in blocks if b is not first]
        blocks = self.nodes(blocks)
        para = next((b for b in blocks if b["t"] == "Para"), None)
        self.description = stringify(para["c"]) if para else ""
        return blocks

    def nodes(self, items: list[Any]) -> list[Any]:
        result: list[Any] = []
        for item in items:
            if isinstance(item, dict) and "t" in item:
                result.extend(self.node(item))
            elif isinstance(item, list):
                result.append(self.nodes(item))
            else:
                result.append(item)
        return result

    def node(self, node: dict) -> list[dict]:
        handler: Callable[[dict], list[dict]] | None = getattr(self, f"on_{node['t']}", None)
        if handler:
            return handler(node)
        if isinstance(node.get("c"), list):
            node["c"] = self.nodes(node["c"])
        return [node]

    def on_RawBlock(self, node: dict) -> list[dict]:  # noqa: N802 (pandoc's element names)
        text = node["c"][1]
        return [] if _is_comment(text) else [{"t": "Para", "c": [{"t": "Str", "c": text.strip()}]}]

    def on_RawInline(self, node: dict) -> list[dict]:  # noqa: N802
        text = node["c"][1]
        return [] if _is_comment(text) else [{"t": "Str", "c": text}]

    def on_CodeBlock(self, node: dict) -> list[dict]:  # noqa: N802
        classes, text = node["c"][0][1], node["c"][1]
        waiting = self.figures.get(text.strip()) if "mermaid" in classes else None
        if waiting:
            return [{"t": "RawBlock", "c": ["html", waiting.pop(0)]}]
        return [node]

    def on_Header(self, node: dict) -> list[dict]:  # noqa: N802
        level, attr, inlines = node["c"]
        # One h1 per page (the template's); no skipped levels, as screen-reader users expect.
        level = min(max(level, 2), self.previous_level + 1)
        self.previous_level = level
        if attr[0] in RESERVED_IDS:
            attr[0] = f"{attr[0]}-section"
        return [{"t": "Header", "c": [level, attr, self.nodes(inlines)]}]

    def on_Link(self, node: dict) -> list[dict]:  # noqa: N802
        attr, inlines, (url, title) = node["c"]
        inlines = self.nodes(inlines)
        safe = self.safe_url(url)
        if safe is None:
            return inlines
        return [{"t": "Link", "c": [attr, inlines, [safe, title]]}]

    def on_Image(self, node: dict) -> list[dict]:  # noqa: N802
        attr, inlines, (url, title) = node["c"]
        safe = self.safe_url(url, image=True)
        if safe is None:
            return [{"t": "Str", "c": stringify(inlines)}] if inlines else []
        return [{"t": "Image", "c": [attr, inlines, [safe, title]]}]

    def safe_url(self, url: str, image: bool = False) -> str | None:
        """The URL to publish, or None to drop it (javascript:, file:, paths outside the repo)."""
        scheme = re.match(r"^([a-zA-Z][a-zA-Z0-9+.-]*):", url)
        if scheme:
            allowed = scheme.group(1).lower() in SAFE_SCHEMES
            return url if allowed and not (image and scheme.group(1).lower() in ("mailto", "tel")) else None
        if url.startswith(("#", "//")) or not url:
            return url if not url.startswith("//") else f"https:{url}"
        path, _, fragment = url.partition("#")
        path = path.split("?", 1)[0]
        target = (self.page.source.parent / path).resolve()
        if not _inside(target, self.repo):
            return None
        if target in self.pages:
            href = os.path.relpath(self.pages[target].href, Path(self.page.href).parent.as_posix())
            return href.replace(os.sep, "/") + (f"#{fragment}" if fragment else "")
        if not target.exists():
            line = _line_containing(self.page.source, url)
            raise PageError(self.page.source, line, f"link to a missing file: {path}")
        if target.is_file() and not target.name.endswith(".md"):
            self.assets.append(target.relative_to(self.repo).as_posix())
        return url


def _line_containing(source: Path, text: str) -> int:
    """The first line of `source` that holds `text` (pandoc's tree has no line numbers), else 1."""
    for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
        if text in line:
            return number
    return 1


def stringify(inlines: Any) -> str:
    """The plain text of pandoc inlines."""
    parts: list[str] = []

    def visit(item: Any) -> None:
        if isinstance(item, list):
            for child in item:
                visit(child)
        elif isinstance(item, dict):
            kind = item.get("t")
            if kind == "Str":
                parts.append(item["c"])
            elif kind in ("Space", "SoftBreak", "LineBreak"):
                parts.append(" ")
            elif kind in ("Code", "Math"):
                parts.append(item["c"][1])
            elif kind in ("Link", "Image", "Span"):
                visit(item["c"][1])
            elif kind == "Quoted":
                parts.append('"')
                visit(item["c"][1])
                parts.append('"')
            elif kind == "RawInline":  # shown as text on the page, so in titles too
                if not _is_comment(item["c"][1]):
                    parts.append(item["c"][1])
            elif kind == "Note":
                return
            else:
                visit(item.get("c"))

    visit(inlines)
    return " ".join("".join(parts).split())


def _is_comment(text: str) -> bool:
    return bool(re.fullmatch(r"\s*(<!--.*?-->\s*)+", text, re.DOTALL))


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
    except ValueError:
        return False
    return True


def _title_from_name(stem: str) -> str:
    words = re.sub(r"[_-]+", " ", stem).strip()
    return words[:1].upper() + words[1:] if words else stem


def _clip(text: str, limit: int = DESCRIPTION_CHARS) -> str:
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:.") + "…"


def _code_salt() -> str:
    """Cached pages are valid for this code, templates and pandoc version only."""
    digest = hashlib.sha256()
    for path in sorted([*PACKAGE.glob("*.py"), *TEMPLATES.glob("*.html")]):
        digest.update(path.read_bytes())
    digest.update(package_version("pypandoc-binary").encode())
    return digest.hexdigest()




def _copy_assets(repo: Path, out: Path, assets: list[str]) -> list[Path]:
    copied = []
    for relative in assets:
        target = out / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(repo / relative, target)
        copied.append(target)
    return copied


# --------------------------------------------------------------------------- resume and index


def template_env(repo: Path | None = None) -> Environment:
    """One environment per process: its templates are compiled once (a dev server rebuilds with them). Given
    the repo, what they compile to is kept in its .cache/jinja/ for the next process too (Jinja checks each
    against its template's source before using it)."""
    env = _environment()
    if repo is not None and env.bytecode_cache is None:
        from jinja2 import FileSystemBytecodeCache

        folder = Path(repo) / JINJA_CACHE
        try:
            folder.mkdir(parents=True, exist_ok=True)
            env.bytecode_cache = FileSystemBytecodeCache(str(folder))
        except OSError:
            pass  # a read-only checkout compiles the templates in each process
    return env


@functools.lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def index_title(resume: Any) -> str:
    return f"{resume.name} — {resume.target_role}" if resume.target_role else resume.name


def index_description(resume: Any, pages: list[Page]) -> str:
    parts = [f"{resume.name}, {resume.target_role}" if resume.target_role else resume.name]
    parts.append("resume (web and PDF)")
    for _, section in DOC_FOLDERS:
        if any(page.section == section for page in pages):
            parts.append(section.lower())
    return _clip(": ".join(parts[:1]) + ": " + ", ".join(parts[1:]) + ".")


def resume_description(resume: Any) -> str:
    head = f"Resume of {resume.name}"
    if resume.target_role:
        head += f", {resume.target_role}"
    summary = getattr(resume, "summary", "")
    return _clip(f"{head}. {summary}" if summary else f"{head}.")


def _groups(pages: list[Page]) -> list[tuple[str, list[Page]]]:
    return [
        (section, [page for page in pages if page.section == section])
        for _, section in DOC_FOLDERS
        if any(page.section == section for page in pages)
    ]


def _safe_link(url: str | None) -> str | None:
    if not url:
        return None
    scheme = re.match(r"^([a-zA-Z][a-zA-Z0-9+.-]*):", url)
    return url if scheme and scheme.group(1).lower() in SAFE_SCHEMES else None


def _contact_view(item: Any) -> dict[str, Any]:
    return {"kind": item.kind, "text": item.text, "url": _safe_link(item.url)}


def _section_view(section: Any) -> dict[str, Any]:
    """A section with only what the template shows, links already checked."""
    return {
        "heading": section.heading,
        "kind": section.kind,
        "paragraphs": list(section.paragraphs),
        "skills": list(section.skills),
        "bullets": [bullet.text for bullet in getattr(section, "bullets", ())],
        "entries": [_entry_view(entry) for entry in section.entries],
    }


def _entry_view(entry: Any) -> dict[str, Any]:
    link = getattr(entry, "link", None)
    # "**[Initech](…)**": the organisation is its link, shown once, not again as a link of its own
    links_organisation = getattr(entry, "links_organisation", False)
    organisation_url = _safe_link(link.url) if links_organisation else None
    return {
        "title": entry.title,
        "organisation": entry.organisation,
        "organisation_url": organisation_url,
        "location": entry.location,
        "dates": entry.dates,
        "tech": ", ".join(entry.tech),
        "link": {"text": link.text, "url": _safe_link(link.url)} if link and not links_organisation else None,
        "paragraphs": list(getattr(entry, "paragraphs", ())),
        "bullets": [bullet.text for bullet in entry.bullets],
    }


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
