"""Helpers the build's caches and outputs share: cache keys and writes that never leave half a file."""

from __future__ import annotations

import os
from pathlib import Path


def package_version(name: str) -> str:
    """The installed version of a package, part of a cache key (a new Typst or pandoc renders anew)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return "unknown"


def write_atomic(path: Path, data: bytes | str) -> Path:
    """Write through a temporary file in the same folder, so readers see the old file or the new one."""
    path = Path(path)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    if isinstance(data, str):
        temporary.write_text(data, encoding="utf-8")
    else:
        temporary.write_bytes(data)
    os.replace(temporary, path)
    return path


def store(path: Path, data: bytes | str) -> None:
    """Best-effort cache write: a read-only checkout still builds, it just renders again next time."""
    try:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, data)
    except OSError:
        pass
