"""`python -m portfolio serve [PORT]`: preview the site on 127.0.0.1 and rebuild it on every save.

The server only listens on the loopback interface. Pages carry no JavaScript, so there is no live
reload: save a source file, wait for the "rebuilt" line, then refresh the browser.
"""

from __future__ import annotations

import argparse
import errno
import functools
import sys
import threading
import time
import traceback
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable, Sequence

HOST = "127.0.0.1"
DEFAULT_PORT = 8000
PORT_TRIES = 10
SITE_DIR = "_site"
WATCHED_FOLDERS = ("system_designs", "interview_prep")
WATCHED_FILES = ("resume.md",)


def main(repo: Path | Sequence[str] | None = None, port: int = DEFAULT_PORT) -> int:
    """Build, serve `_site/` and rebuild on changes until Ctrl+C.

    `repo` is the portfolio folder, or the command-line arguments after `serve`
    (`[PORT] [--port N] [--repo DIR]`), as `python -m portfolio serve` passes them.
    """
    if repo is None or isinstance(repo, (list, tuple)):
        args = _parse(list(repo or []))
        repo, port = args.repo, args.port
    repo = Path(repo).resolve()
    _rebuild(repo)
    try:
        server = _start_server(repo / SITE_DIR, port)
    except OSError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    url = f"http://{HOST}:{server.server_address[1]}/"

    def ready() -> None:
        print(f"Serving {repo / SITE_DIR} at {url}", flush=True)
        print("Rebuilding on every save of resume.md, system_designs/ and interview_prep/. "
              "Ctrl+C stops.", flush=True)

    try:
        _watch(repo, ready)
    except KeyboardInterrupt:
        print("\nStopped.")
    finally:
        server.shutdown()
        server.server_close()
    return 0


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m portfolio serve", description=__doc__)
    parser.add_argument("port_arg", nargs="?", type=int, metavar="PORT", help="port (default 8000)")
    parser.add_argument("--port", type=int, default=None, help="port; 0 picks a free one")
    parser.add_argument("--repo", type=Path, default=Path("."), help="portfolio folder (default: .)")
    args = parser.parse_args(argv)
    args.port = next((p for p in (args.port, args.port_arg) if p is not None), DEFAULT_PORT)
    return args


class _Handler(SimpleHTTPRequestHandler):
    """Static files without caching (a rebuilt page shows on refresh) and without request logs."""

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (stdlib name)
        return


def _start_server(site: Path, port: int) -> ThreadingHTTPServer:
    """Serve `site` from a background thread; the next free port when `port` is taken."""
    handler = functools.partial(_Handler, directory=str(site))
    last_error: OSError | None = None
    for candidate in range(port, port + PORT_TRIES) if port else [0]:
        try:
            server = ThreadingHTTPServer((HOST, candidate), handler)
        except OSError as error:
            if error.errno != errno.EADDRINUSE:
                raise
            last_error = error
            continue
        threading.Thread(target=server.serve_forever, daemon=True).start()
        return server
    raise OSError(f"ports {port}-{port + PORT_TRIES - 1} are all in use ({last_error})")


def _rebuild(repo: Path) -> bool:
    """One build; errors are printed and the last good site keeps being served."""
    from .build import build  # the same build `./run.sh build` runs

    started = time.perf_counter()
    try:
        build(repo)
    except Exception as error:  # noqa: BLE001 - a preview server must survive a broken save
        if type(error).__module__.startswith("portfolio") or isinstance(error, OSError):
            print(f"error: {' '.join(str(error).split())}", file=sys.stderr, flush=True)
        else:
            traceback.print_exc()
        print("Build failed; still serving the last good site.", file=sys.stderr, flush=True)
        return False
    print(f"Rebuilt in {time.perf_counter() - started:.2f} s; refresh the browser.", flush=True)
    return True


def _watch(repo: Path, ready: Callable[[], None]) -> None:
    """Rebuild after each batch of changes; `ready` runs once the watches are in place."""
    from watchfiles import DefaultFilter, watch

    # Non-recursive watches on the folders the build reads: they survive editors that save by
    # renaming a new file over the old one, and stay clear of node_modules/ and .venv/.
    folders = [repo, *(repo / name for name in WATCHED_FOLDERS if (repo / name).is_dir())]
    default = DefaultFilter()

    def relevant(change: object, path: str) -> bool:
        if not default(change, path):  # editor swap and backup files
            return False
        try:
            relative = Path(path).resolve().relative_to(repo).as_posix()
        except ValueError:
            return False
        return relative in WATCHED_FILES or relative.split("/", 1)[0] in WATCHED_FOLDERS

    announced = False
    # The first timeout yield comes once the watches exist: only then is the URL printed,
    # so a save right after the URL appears is never missed.
    for changes in watch(
        *folders, watch_filter=relevant, recursive=False, debounce=300,
        rust_timeout=200, yield_on_timeout=True,
    ):
        if not announced:
            ready()
            announced = True
        if not changes:
            continue
        names = sorted({Path(path).name for _, path in changes})
        print(f"Changed: {', '.join(names)}", flush=True)
        _rebuild(repo)
