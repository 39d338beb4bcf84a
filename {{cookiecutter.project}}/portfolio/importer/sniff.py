"""What a file is, by its content (the name's extension only breaks a tie): PDF, Word, a LinkedIn
archive, JSON Resume, Markdown or plain text; anything else is refused in one line."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

from .common import MAX_BYTES, ImportProblem

_IMAGES = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"II*\x00": "a TIFF image",
    b"MM\x00*": "a TIFF image",
    b"RIFF": "a RIFF file (WebP image?)",
    b"\xd0\xcf\x11\xe0": "an old binary Word (.doc) or Excel file; save it as .docx",
    b"{\\rtf": "an RTF file; save it as .docx",
}


def read_source(source: Path) -> bytes:
    path = Path(source)
    if path.is_dir():
        raise ImportProblem(f"{path}: is a folder, not a file")
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ImportProblem(f"{path}: file not found") from None
    if size > MAX_BYTES:
        raise ImportProblem(f"{path}: {size // (1024 * 1024)} MB is larger than any resume ({MAX_BYTES // (1024 * 1024)} MB at most)")
    data = path.read_bytes()
    if not data.strip():
        raise ImportProblem(f"{path}: the file is empty")
    return data


def kind_of(source: Path, data: bytes) -> str:
    """"pdf", "docx", "linkedin", "json" or "markdown"."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    for magic, what in _IMAGES.items():
        if data.startswith(magic):
            raise ImportProblem(f"{source}: {what}, not a resume the import can read (PDF, Word, Markdown, JSON Resume, LinkedIn archive)")
    if data.startswith(b"PK"):
        return _zip_kind(source, data)
    text = _text(source, data)
    if Path(source).suffix.lower() == ".json":
        return "json"  # its reader names the line and column of what breaks it
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith("{"):
        try:
            json.loads(stripped)
        except json.JSONDecodeError:
            return "markdown"
        return "json"
    return "markdown"


def _zip_kind(source: Path, data: bytes) -> str:
    try:
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    except zipfile.BadZipFile:
        raise ImportProblem(f"{source}: a damaged or incomplete zip file") from None
    if "word/document.xml" in names:
        return "docx"
    if any(name.endswith(".csv") for name in names):
        return "linkedin"
    if "content.xml" in names:
        raise ImportProblem(f"{source}: an OpenDocument file; save it as .docx or PDF")
    raise ImportProblem(f"{source}: a zip file that is neither a Word document nor a LinkedIn data archive")


def _text(source: Path, data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ImportProblem(f"{source}:{line}: not UTF-8 text (nor a PDF, Word file or zip)") from None


def text_of(source: Path, data: bytes) -> str:
    text = _text(source, data)
    if "\x00" in text:
        raise ImportProblem(f"{source}: binary data, not text")
    return text.lstrip("\ufeff")
