"""`python -m portfolio serve [PORT] [--job posting.txt]`: preview the site on 127.0.0.1, rebuild it on every
save, and reload the open pages.

- Live reload, development only: the pages this server sends carry a few lines of script that listen on
  `/_events` (server-sent events) and reload after each rebuild. The files in `_site/` stay free of
  JavaScript; only the copies served here are changed.
- `/_preview/`: the PDF's first page beside what a parser reads, the Vale findings of the file just saved,
  how full the page is, and the keyword coverage of `--job posting.txt` (portfolio.preview). A save that
  breaks the build shows its located errors there while the last good site stays served.
- Rapid saves coalesce into one rebuild. The server listens on the loopback interface only.
"""

from __future__ import annotations

import argparse
import errno
import functools
import json
import re
import sys
import threading
import time
import traceback
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable, Sequence
from urllib.parse import urlsplit

HOST = "127.0.0.1"
DEFAULT_PORT = 8000
PORT_TRIES = 10
SITE_DIR = "_site"
WATCHED_FOLDERS = ("system_designs", "interview_prep", "theme")  # theme/: a theme folder of one's own
WATCHED_FILES = ("resume.md",)
EVENTS = "/_events"
PREVIEW = "/_preview/"
# Added to each HTML page on its way out (never to the file): reload when this page's kind of build moves on.
RELOAD_SCRIPT = (
    '<script>/* portfolio serve: live reload, added by the dev server only */(() => {{ let seen = null;'
    ' new EventSource("{events}").onmessage = (event) => {{ const now = JSON.parse(event.data)["{kind}"];'
    " if (seen !== null && now !== seen) location.reload(); seen = now; }}; }})();</script>"
)
_BODY_END = re.compile(r"</body\s*>", re.IGNORECASE)


class LiveState:
    """The build generations the open pages wait on, and the preview page of the latest one."""

    def __init__(self) -> None:
        self.changed = threading.Condition()
        self.site = 0  # after each good rebuild
        self.preview = 0  # after each new preview (a good rebuild or a broken save)
        self.preview_html = "<!doctype html><title>Preview</title><p>Building…</p>"
        self.last_good: object | None = None  # preview.Preview of the last good build
        self.closed = False

    def generations(self) -> dict[str, int]:
        return {"site": self.site, "preview": self.preview}

    def site_built(self) -> None:
        with self.changed:
            self.site += 1
            self.changed.notify_all()

    def preview_made(self, html: str) -> None:
        with self.changed:
            self.preview += 1
            self.preview_html = html
            self.changed.notify_all()

    def wait(self, seen: dict[str, int], timeout: float) -> dict[str, int]:
        with self.changed:
            self.changed.wait_for(lambda: self.closed or self.generations() != seen, timeout)
            return self.generations()

    def close(self) -> None:
        with self.changed:
            self.closed = True
            self.changed.notify_all()


def main(repo: Path | Sequence[str] | None = None, port: int = DEFAULT_PORT, job: Path | None = None) -> int:
    """Build, serve `_site/` and rebuild on changes until Ctrl+C.

    `repo` is the portfolio folder, or the command-line arguments after `serve`
    (`[PORT] [--port N] [--repo DIR] [--job FILE]`), as `python -m portfolio serve` passes them.
    """
    if repo is None or isinstance(repo, (list, tuple)):
        args = _parse(list(repo or []))
        repo, port, job = args.repo, args.port, args.job
    repo = Path(repo).resolve()
    if job is not None and not Path(job).is_file():
        print(f"error: {job}: no such job posting file", file=sys.stderr)
        return 1
    state = LiveState()
    _rebuild(repo, state, "resume.md", job)
    try:
        server = _start_server(repo / SITE_DIR, port, state)
    except OSError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    url = f"http://{HOST}:{server.server_address[1]}/"

    def ready() -> None:
        print(f"Serving {repo / SITE_DIR} at {url} (checks while you edit: {url}_preview/)", flush=True)
        print("Rebuilding on every save of resume.md (and its translations), system_designs/, interview_prep/ "
              "and theme/; open pages "
              "reload themselves. Ctrl+C stops.", flush=True)

    try:
        _watch(repo, ready, lambda changed: _rebuild(repo, state, changed, job))
    except KeyboardInterrupt:
        print("\nStopped.")
    finally:
        state.close()
        server.shutdown()
        server.server_close()
    return 0


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m portfolio serve", description=__doc__)
    parser.add_argument("port_arg", nargs="?", type=int, metavar="PORT", help="port (default 8000)")
    parser.add_argument("--port", type=int, default=None, help="port; 0 picks a free one")
    parser.add_argument("--repo", type=Path, default=Path("."), help="portfolio folder (default: .)")
    parser.add_argument("--job", type=Path, default=None, help="a job posting (plain text) to match on the preview")
    args = parser.parse_args(argv)
    args.port = next((p for p in (args.port, args.port_arg) if p is not None), DEFAULT_PORT)
    return args


class _Handler(SimpleHTTPRequestHandler):
    """Static files without caching, HTML with the reload script, the preview page and the event stream."""

    def __init__(self, *args: object, state: LiveState, **kwargs: object) -> None:
        self.state = state
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (stdlib name)
        return

    def do_GET(self) -> None:  # noqa: N802 (stdlib name)
        path = urlsplit(self.path).path
        self._site_in_place()
        if path == EVENTS:
            self._events()
        elif path in (PREVIEW, PREVIEW.rstrip("/")):
            self._html(with_reload(self.state.preview_html, "preview"))
        elif (page := self._html_file(path)) is not None:
            self._html(with_reload(page.read_text(encoding="utf-8"), "site"))
        else:
            super().do_GET()

    def _site_in_place(self) -> None:
        """A rebuild swaps `_site/` in with two renames; a request between them waits for the new one."""
        site = Path(self.directory)
        for _ in range(50):
            if site.is_dir():
                return
            time.sleep(0.005)

    def _html_file(self, path: str) -> Path | None:
        local = Path(self.translate_path(path))
        if local.is_dir():
            local = local / "index.html"
        return local if local.suffix == ".html" and local.is_file() else None

    def _html(self, html: str) -> None:
        body = html.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _events(self) -> None:
        """Server-sent events: the build generations now, and again each time one moves on."""
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        seen: dict[str, int] = {}
        try:
            while not self.state.closed:
                now = self.state.wait(seen, timeout=15.0)
                message = f"data: {json.dumps(now)}\n\n" if now != seen else ": still here\n\n"
                self.wfile.write(message.encode("ascii"))
                self.wfile.flush()
                seen = now
        except OSError:  # the page went away
            return


def with_reload(html: str, kind: str) -> str:
    """`html` with the live-reload script before `</body>` (at the end when there is none)."""
    script = RELOAD_SCRIPT.format(events=EVENTS, kind=kind)
    match = None
    for match in _BODY_END.finditer(html):
        pass
    return html[: match.start()] + script + html[match.start() :] if match else html + script


def _start_server(site: Path, port: int, state: LiveState) -> ThreadingHTTPServer:
    """Serve `site` from a background thread; the next free port when `port` is taken."""
    handler = functools.partial(_Handler, directory=str(site), state=state)
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


def _rebuild(repo: Path, state: LiveState, changed: str, job: Path | None) -> bool:
    """One build, then its preview; errors go to the preview page and the last good site stays served."""
    from .build import build  # the same build `./run.sh build` runs
    from .errors import PortfolioError

    started = time.perf_counter()
    errors: list[str] = []
    step = 0
    built = None
    try:
        built = build(repo, log=lambda line: None, preview_later=True)
        step = built.pdf_step
    except PortfolioError as error:
        errors = error.lines()
    except OSError as error:
        errors = [" ".join(str(error).split())]
    except Exception:  # noqa: BLE001 - a preview server must survive a broken save
        traceback.print_exc()
        errors = ["the build failed with an internal error; see the terminal"]
    if errors:
        for line in errors:
            print(f"error: {line}", file=sys.stderr, flush=True)
        print("Build failed; still serving the last good site.", file=sys.stderr, flush=True)
    else:
        state.site_built()  # the pages and the PDF are served; the PNG follows before the preview page
        print(f"Rebuilt in {time.perf_counter() - started:.2f} s.", flush=True)
        try:
            built.finish_preview()
        except Exception:  # noqa: BLE001 - the site stays served with the last PNG
            traceback.print_exc()
    _make_preview(repo, state, changed, job, errors, step)
    return not errors


def _make_preview(repo: Path, state: LiveState, changed: str, job: Path | None, errors: list[str], step: int) -> None:
    from . import preview

    try:
        page = preview.collect(repo, changed, job, errors, step)
        if errors and state.last_good is not None:  # the reading of the last good build, still served
            page = preview.with_reading_of(page, state.last_good)
        elif not errors:
            state.last_good = page
        page.generation = state.site
        state.preview_made(preview.render(page))
    except Exception:  # noqa: BLE001 - the site stays served without its preview
        traceback.print_exc()


def _watch(repo: Path, ready: Callable[[], None], rebuild: Callable[[str], object]) -> None:
    """Rebuild after each batch of changes; `ready` runs once the watches are in place."""
    from watchfiles import DefaultFilter, watch

    # Non-recursive watches on the folders the build reads: they survive editors that save by
    # renaming a new file over the old one, and stay clear of node_modules/ and .venv/.
    folders = [repo, *(repo / name for name in WATCHED_FOLDERS if (repo / name).is_dir())]
    default = DefaultFilter()

    def relevant(change: object, path: str) -> bool:
        return default(change, path) and _relative(repo, path) is not None

    announced = False
    # The first timeout yield comes once the watches exist: only then is the URL printed, so a save
    # right after the URL appears is never missed. Saves that land while a build runs are one batch.
    for changes in watch(
        *folders, watch_filter=relevant, recursive=False, debounce=300, step=10,
        rust_timeout=200, yield_on_timeout=True,
    ):
        if not announced:
            ready()
            announced = True
        if not changes:
            continue
        names = sorted({name for _, path in changes if (name := _relative(repo, path))})
        print(f"Changed: {', '.join(names)}", flush=True)
        rebuild(names[0] if len(names) == 1 else "resume.md")


def _relative(repo: Path, path: str) -> str | None:
    """The watched file's path in the portfolio ("resume.md", "system_designs/x.md"), or None."""
    try:
        relative = Path(path).resolve().relative_to(repo).as_posix()
    except ValueError:
        return None
    from .translations import TRANSLATION_RE

    watched = relative in WATCHED_FILES or TRANSLATION_RE.match(relative) or relative.split("/", 1)[0] in WATCHED_FOLDERS
    return relative if watched else None
