"""The resume as plain text, Word (DOCX) and JSON Resume, all rendered from the resume model.

Each writer takes the parsed `Resume` and by default publishes its public copy (`Resume.public()`:
no phone number unless `publish_phone: true`); pass `public=False` for a private build.

- TXT: for pasting into application forms. UTF-8, no Markdown, headings in capitals, one bullet
  per line starting with "- ", links written out as URLs.
- DOCX: pandoc (the pypandoc-binary wheel) turns a Markdown document generated here into Word,
  styled by `templates/reference.docx` (made by `templates/make_reference_docx.py`): one column,
  Word's Heading 1-3 and List Bullet styles, no tables, text boxes, headers, footers or images.
- JSON: JSON Resume 1.3.1 (see portfolio.jsonresume). What the converter writes is valid by construction
  (the tests check it against the pinned schema for every fixture and for generated resumes), so the
  build does not load a schema validator; `import` checks the JSON Resume files it reads.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import importlib.util
import io
import json
import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from html import escape

from markdown_it import MarkdownIt

from . import jsonresume
from .cache import package_version, prune, write_atomic
from .errors import PortfolioError
from .resume import Bullet, ContactItem, Entry, Resume, Section, SkillGroup
from .resume.escape import md_escape

REFERENCE_DOCX = Path(__file__).parent / "templates" / "reference.docx"
# A fixed time keeps the DOCX bytes identical for the same input; SOURCE_DATE_EPOCH overrides.
DEFAULT_EPOCH = 1_735_689_600  # 2025-01-01T00:00:00Z
A4_PAGE = '<w:pgSz w:w="11906" w:h="16838" />'


EXPORTS = ("resume.txt", "resume.docx", "resume.json")
NOTES = "notes.txt"


@dataclass
class Exported:
    paths: list[Path]
    notes: tuple[str, ...]  # what JSON Resume could not hold
    reused: bool  # copied from the cache: the resume and this code are unchanged


def write_all(
    resume: Resume, folder: Path, *, cache: Path | None = None, public: bool = True
) -> Exported:
    """Write resume.txt, .docx and .json into `folder`, reusing `cache` when nothing changed."""
    return start_all(resume, folder, cache=cache, public=public).finish()


class ExportJob:
    """The exports under way: pandoc writes the DOCX in its own process while the caller does other work
    (the build renders the PDF meanwhile); `finish()` writes the text and JSON and waits for the DOCX."""

    def __init__(self, resume: Resume, folder: Path, cache: Path | None) -> None:
        self.resume = resume
        self.paths = [Path(folder) / name for name in EXPORTS]
        self.slot = cache / fingerprint(resume) if cache else None
        cached = self.slot is not None and all((self.slot / name).is_file() for name in (*EXPORTS, NOTES))
        self.docx = None if cached else _DocxJob(resume)
        self.notes: tuple[str, ...] | None = None  # written by write_texts()

    def write_texts(self) -> None:
        """The TXT and JSON (quick, in this process), so that `finish()` has only pandoc's DOCX left to wait for."""
        if self.docx is None or self.notes is not None:
            return
        try:
            _write_text(self.resume, self.paths[0])  # self.resume is already the copy to publish
            self.notes = _write_json_resume(self.resume, self.paths[2])
        except BaseException:
            self.cancel()
            raise

    def finish(self) -> Exported:
        paths, slot = self.paths, self.slot
        if self.docx is None:
            assert slot is not None
            for path in paths:
                shutil.copyfile(slot / path.name, path)
            notes = (slot / NOTES).read_bytes().decode().splitlines()
            return Exported(paths, tuple(notes), reused=True)
        self.write_texts()
        notes = self.notes or ()
        write_atomic(paths[1], self.docx.result())
        if slot is not None:
            _store(slot, paths, notes)
        return Exported(paths, notes, reused=False)

    def cancel(self) -> None:
        if self.docx is not None:
            self.docx.process.kill()
            self.docx.process.wait()


def start_all(resume: Resume, folder: Path, *, cache: Path | None = None, public: bool = True) -> ExportJob:
    """Start the exports of `resume` into `folder`; `.finish()` them (or `.cancel()`)."""
    return ExportJob(_published(resume, public), folder, cache)


def _store(slot: Path, paths: list[Path], notes: tuple[str, ...]) -> None:
    try:
        prune(slot.parent, "*", 12)
        slot.mkdir(parents=True, exist_ok=True)
        for path in paths:
            shutil.copyfile(path, slot / path.name)
        (slot / NOTES).write_bytes("".join(f"{note}\n" for note in notes).encode())
    except OSError:
        pass  # a read-only checkout still builds, just without the cache


def fingerprint(resume: Resume) -> str:
    """Changes when the resume's content, these writers (and the grammar they map by), the reference DOCX or
    pandoc change."""
    data = dataclasses.asdict(resume)
    del data["source"], data["warnings"]  # where the file is and what it warns of change no export
    digest = hashlib.sha256(json.dumps(data, default=str).encode())  # a design value YAML gave as a date
    here = Path(__file__).parent
    # the grammar decides JSON Resume's sections, and escape.py the DOCX's Markdown
    writers = (here / "jsonresume.py", here / "resume" / "grammar.py", here / "resume" / "escape.py")
    for path in (Path(__file__), *writers, REFERENCE_DOCX, jsonresume.SCHEMA):
        digest.update(path.read_bytes())
    digest.update(f"{package_version('pypandoc-binary')} {_epoch()}".encode())
    return digest.hexdigest()


class ExportError(PortfolioError):
    """An export could not be written. str() is one line."""


def _published(resume: Resume, public: bool) -> Resume:
    return resume.public() if public else resume


# --------------------------------------------------------------------------- plain text


def write_text(resume: Resume, path: Path, *, public: bool = True) -> Path:
    return _write_text(_published(resume, public), path)


def _write_text(resume: Resume, path: Path) -> Path:
    return write_atomic(path, to_text(resume).encode())


def to_text(resume: Resume) -> str:
    blocks = [resume.name + "\n" + " | ".join(_contact_text(item) for item in resume.contact)]
    for section in resume.sections:
        blocks.append(_section_text(section))
    return "\n\n".join(block for block in blocks if block) + "\n"


def _contact_text(item: ContactItem) -> str:
    if item.kind in ("email", "phone") or not item.url:  # a mailto: or tel: address is in its text
        return item.text
    return item.url


def _section_text(section: Section) -> str:
    lines = [section.heading.upper()] if section.heading else []
    lines += list(section.paragraphs)
    lines += [_skill_text(group) for group in section.skills]
    lines += [f"- {_bullet_text(bullet)}" for bullet in section.bullets]
    blocks = ["\n".join(lines)] if lines else []
    return "\n\n".join([*blocks, *(_entry_text(entry) for entry in section.entries)])


def _skill_text(group: SkillGroup) -> str:
    items = ", ".join(group.items)
    return f"{group.label}: {items}" if group.label else items


def _entry_text(entry: Entry) -> str:
    details = [entry.organisation, entry.location, ", ".join(entry.tech), entry.dates]
    if entry.link:
        details.append(entry.link.url)
    if entry.layout == "line":
        lines = [" | ".join(part for part in [entry.title, *details] if part)]
    else:
        lines = [entry.title, " | ".join(part for part in details if part)]
    lines += list(entry.paragraphs)
    lines += [f"- {_bullet_text(bullet)}" for bullet in entry.bullets]
    return "\n".join(line for line in lines if line)


_INLINE = MarkdownIt("commonmark")


def _bullet_text(bullet: Bullet) -> str:
    """The bullet's words with each link's URL written after its text."""
    if not bullet.markdown or "](" not in bullet.markdown:
        return bullet.text
    tokens = _INLINE.parseInline(bullet.markdown)[0].children or []
    pieces: list[str] = []
    links: list[tuple[str, int]] = []  # each open link's address and where its words start in `pieces`
    for token in tokens:
        if token.type == "link_open":
            links.append((str(token.attrs["href"]).removeprefix("mailto:"), len(pieces)))
        elif token.type == "link_close":
            address, start = links.pop()
            if address and address != "".join(pieces[start:]):  # not when the words are the address
                pieces.append(f" ({address})")
        elif token.type in ("text", "code_inline", "image"):  # a bullet's Markdown is one line: no breaks
            pieces.append(token.content)
    return " ".join("".join(pieces).split())


# --------------------------------------------------------------------------- JSON Resume


def write_json_resume(resume: Resume, path: Path, *, public: bool = True) -> tuple[str, ...]:
    """Write resume.json; returns notes on what JSON Resume cannot hold (one line each)."""
    return _write_json_resume(_published(resume, public), path)


def _write_json_resume(resume: Resume, path: Path) -> tuple[str, ...]:
    export = jsonresume.to_json_resume(resume)
    text = json.dumps(export.data, indent=2, ensure_ascii=False) + "\n"
    write_atomic(path, text.encode())
    return export.notes


# --------------------------------------------------------------------------- DOCX


def write_docx(resume: Resume, path: Path, *, public: bool = True, title: str = "") -> Path:
    """The DOCX; `title` is its document title (default "Name – Resume")."""
    return write_atomic(path, _DocxJob(_published(resume, public), title).result())


class _DocxJob:
    """pandoc, started in the background on the resume's Markdown; `result()` gives the DOCX."""

    def __init__(self, resume: Resume, title: str = "") -> None:
        self.resume = resume
        self.title = title or f"{resume.name} – Resume"
        command = [
            _pandoc_path(),
            "--from=commonmark+fenced_divs",
            "--to=docx",
            f"--reference-doc={REFERENCE_DOCX}",
            "--output=-",
        ]
        env = {**os.environ, "SOURCE_DATE_EPOCH": str(_epoch())}
        with tempfile.TemporaryFile() as markdown:  # a file, not a pipe: pandoc starts at once
            markdown.write(to_docx_markdown(resume).encode())
            markdown.seek(0)
            pipes = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE}
            self.process = subprocess.Popen(command, env=env, stdin=markdown, **pipes)

    def result(self) -> bytes:
        docx, errors = self.process.communicate(timeout=120)
        if self.process.returncode != 0:
            said = errors.decode("utf-8", "replace").split("HasCallStack backtrace:")[0]  # not Haskell's stack
            message = " ".join(said.split())
            raise ExportError(f"pandoc could not write the DOCX: {message}")
        return _finish_docx(docx, title=self.title, author=self.resume.name, paper=self.resume.paper)


def to_docx_markdown(resume: Resume) -> str:
    """The Markdown pandoc turns into the DOCX: user text escaped, bullets in List Bullet style."""
    blocks = [
        f"# {md_escape(resume.name)}",
        " | ".join(_contact_md(item) for item in resume.contact),
    ]
    for section in resume.sections:
        blocks += _section_md(section)
    return "\n\n".join(block for block in blocks if block) + "\n"


def _contact_md(item: ContactItem) -> str:
    if item.url and item.kind in ("github", "linkedin", "website"):
        return f"[{md_escape(item.text)}]({_target(item.url)})"
    return md_escape(item.text)


def _section_md(section: Section) -> list[str]:
    blocks = [f"## {md_escape(section.heading)}"] if section.heading else []
    blocks += [md_escape(paragraph) for paragraph in section.paragraphs]
    blocks += [_skill_md(group) for group in section.skills]
    blocks.append(_bullets_md(section.bullets))
    for entry in section.entries:
        blocks += _entry_md(entry)
    return blocks


def _skill_md(group: SkillGroup) -> str:
    items = md_escape(", ".join(group.items))
    return f"**{md_escape(group.label)}:** {items}" if group.label else items


def _entry_md(entry: Entry) -> list[str]:
    details = []
    linked_name = entry.link is not None and entry.link.text == entry.organisation  # "**[Initech](url)**"
    if entry.organisation and linked_name:
        details.append(f"**[{md_escape(entry.organisation)}]({_target(entry.link.url)})**")
    elif entry.organisation:
        details.append(f"**{md_escape(entry.organisation)}**")
    if entry.location:
        details.append(md_escape(entry.location))
    if entry.tech:
        details.append(f"*{md_escape(', '.join(entry.tech))}*")
    if entry.dates:
        details.append(f"*{md_escape(entry.dates)}*")
    if entry.link and not linked_name:
        details.append(f"[{md_escape(entry.link.text)}]({_target(entry.link.url)})")
    if entry.layout == "line":
        blocks = [" | ".join([f"**{md_escape(entry.title)}**", *details])]
    else:
        blocks = [f"### {md_escape(entry.title)}", " | ".join(details)]
    blocks += [md_escape(paragraph) for paragraph in entry.paragraphs]
    blocks.append(_bullets_md(entry.bullets))
    return blocks


def _target(url: str) -> str:
    """A link destination in `<...>`, which allows any character but `<`, `>` and a newline."""
    return "<" + url.replace("<", "%3C").replace(">", "%3E").replace("\n", "") + ">"


def _bullets_md(bullets: tuple[Bullet, ...]) -> str:
    """Bullets as paragraphs of the List Bullet style, whose numbering draws the bullet.

    pandoc gives list items its own "Compact" style; a custom-style div keeps Word's List Bullet.
    """
    if not bullets:
        return ""
    items = "\n\n".join(_bullet_md(bullet) for bullet in bullets)
    return f'::: {{custom-style="List Bullet"}}\n{items}\n:::'


def _bullet_md(bullet: Bullet) -> str:
    """The bullet's inline Markdown as written (one line, whose block markers the reader keeps escaped), else
    its text escaped: one paragraph either way."""
    return bullet.markdown or md_escape(bullet.text)


@functools.lru_cache(maxsize=1)
def _pandoc_path() -> str:
    """The pypandoc-binary wheel's pandoc, found without importing pypandoc (0.1-0.2 s)."""
    spec = importlib.util.find_spec("pypandoc")
    folders = (spec.submodule_search_locations or []) if spec else []
    for folder in folders:
        for name in ("pandoc", "pandoc.exe"):
            if (Path(folder) / "files" / name).is_file():
                return str(Path(folder) / "files" / name)
    import pypandoc

    return pypandoc.get_pandoc_path()


def _finish_docx(docx: bytes, *, title: str, author: str, paper: str) -> bytes:
    """Set the core properties (title, author) and the paper size in pandoc's DOCX."""
    source = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:  # each part keeps pandoc's compression (writestr of its info)
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "docProps/core.xml":
                data = _core_properties(data.decode(), title, author).encode()
            elif info.filename == "word/document.xml" and paper == "a4":
                data = re.sub(rb"<w:pgSz [^>]*/>", A4_PAGE.encode(), data)
            target.writestr(info, data)
    return out.getvalue()


def _core_properties(xml: str, title: str, author: str) -> str:
    for tag, value in (("dc:title", title), ("dc:creator", author)):
        element = f"<{tag}>{escape(value, quote=False)}</{tag}>"  # &, < and >, as XML text needs
        pattern = rf"<{tag}\s*/>|<{tag}>.*?</{tag}>"
        found = re.search(pattern, xml, flags=re.S)
        if found:
            xml = xml[: found.start()] + element + xml[found.end() :]
        else:
            xml = xml.replace("</cp:coreProperties>", element + "</cp:coreProperties>")
    return xml


def _epoch() -> int:
    value = os.environ.get("SOURCE_DATE_EPOCH", "")
    return int(value) if value.isdigit() else DEFAULT_EPOCH
