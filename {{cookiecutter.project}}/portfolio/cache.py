"""Helpers the build's caches and outputs share: cache keys and writes that never leave half a file."""

from __future__ import annotations

import functools
import os
import re
import shutil
import sys
from pathlib import Path


@functools.lru_cache(maxsize=None)
def package_version(name: str) -> str:
    """The installed version of a package, part of a cache key (a new Typst or pandoc renders anew).

    Read from the name of its `.dist-info` folder where there is one (a wheel's installer names it
    `<name>-<version>.dist-info`): importlib.metadata costs every build a sixth of its start-up."""
    wheel_name = re.sub(r"[-_.]+", "_", name).lower()
    for folder in map(Path, sys.path):
        for info in folder.glob(f"{wheel_name}-*.dist-info") if folder.is_dir() else ():
            return info.name.removesuffix(".dist-info").split("-", 1)[1]
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


def prune(folder: Path, pattern: str, keep: int) -> None:
    """Best-effort: delete all but the `keep` most recently modified entries (files or folders) of `folder`
    that match `pattern`, so a cache holds the current builds and a few recent ones."""
    try:
        entries = sorted(Path(folder).glob(pattern), key=lambda path: path.stat().st_mtime, reverse=True)
        for old in entries[keep:]:
            if old.is_dir():
                shutil.rmtree(old, ignore_errors=True)
            else:
                old.unlink(missing_ok=True)
    except OSError:
        pass
