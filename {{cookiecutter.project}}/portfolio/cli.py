"""Command line: `python -m portfolio build|ats-check|match|import|serve` (run.sh calls these).

Errors in the user's sources print one line, `error: file:line: message`, and exit 1; no traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .model import load_resume

RESUME = "resume.md"


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    # `serve` hands its options (such as --port) to the preview server, which parses them itself.
    args, extra = parser.parse_known_args(argv)
    if extra and args.command != "serve":
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    args.rest = extra
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # noqa: BLE001 - one line for our own errors, traceback for bugs
        if _is_user_error(error):
            print(f"error: {_one_line(error)}", file=sys.stderr)
            return 1
        raise


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m portfolio", description=__doc__)
    parser.add_argument(
        "--repo", type=Path, default=Path("."), help="portfolio folder (default: .)"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = commands.add_parser("build", help="build _site/ (HTML pages, resume.pdf, preview)")
    build.add_argument("--out", default="_site", help="output folder name (default: _site)")
    build.set_defaults(run=_build)

    ats = commands.add_parser("ats-check", help="check that the PDF reads back like resume.md")
    ats.add_argument("--pdf", type=Path, help="PDF to check (default: _site/resume.pdf)")
    ats.add_argument("-v", "--verbose", action="store_true", help="list every passed check")
    ats.set_defaults(run=_ats_check)

    match = commands.add_parser("match", help="compare a job posting with the resume")
    match.add_argument("posting", type=Path, help="job posting as a plain-text file")
    match.add_argument("--json", action="store_true", help="print the report as JSON")
    match.set_defaults(run=_match)

    importer = commands.add_parser("import", help="write resume.md from a JSON Resume file")
    importer.add_argument("source", type=Path, help="a JSON Resume file, for example resume.json")
    importer.add_argument(
        "--force", action="store_true", help="replace a resume.md you have edited"
    )
    importer.set_defaults(run=_import)

    serve = commands.add_parser("serve", help="preview _site/ locally and rebuild on save")
    serve.set_defaults(run=_serve)
    return parser


def _build(args: argparse.Namespace) -> int:
    from .build import build

    build(args.repo, out_name=args.out)
    return 0


def _ats_check(args: argparse.Namespace) -> int:
    from .ats import check_pdf

    pdf = args.pdf or args.repo / "_site" / "resume.pdf"
    if not pdf.is_file():
        raise FileNotFoundError(f"{pdf}: no PDF yet; run ./run.sh build first")
    source = args.repo / RESUME
    if source.is_file() and source.stat().st_mtime > pdf.stat().st_mtime:
        print(f"note: {RESUME} changed after {pdf} was built; run ./run.sh build", file=sys.stderr)
    report = check_pdf(pdf, load_resume(source).public())
    if args.verbose:
        for line in report.passed:
            print(f"  ok  {line}")
    for problem in report.problems:
        print(f"  LOST  {problem}")
    print(report.summary())
    return 0 if report.ok else 1


def _match(args: argparse.Namespace) -> int:
    from .match import match_posting

    if not args.posting.is_file():
        raise FileNotFoundError(f"{args.posting}: no such file")
    report = match_posting(args.posting, load_resume(args.repo / RESUME))
    print(report.to_json() if args.json else report.to_text())
    return 0


def _import(args: argparse.Namespace) -> int:
    from .importer import import_file

    result = import_file(args.source, args.repo / RESUME, force=args.force)
    for line in result.not_mapped:
        print(f"  not mapped  {line}")
    for line in result.notes:
        print(f"  note        {line}")
    print(f"Wrote {RESUME} from {args.source}; check it with ./run.sh check")
    return 0


def _serve(args: argparse.Namespace) -> int:
    from . import serve

    rest = [arg for arg in args.rest if arg != "--"]
    return serve.main(rest) or 0


def _is_user_error(error: BaseException) -> bool:
    """Errors about the user's files or machine, as opposed to bugs in this package."""
    if isinstance(error, (OSError, UnicodeDecodeError)):
        return True
    return type(error).__module__.startswith(("portfolio.", __package__ or "portfolio"))


def _one_line(error: BaseException) -> str:
    if isinstance(error, FileNotFoundError) and error.filename:
        return f"{error.filename}: file not found"
    if isinstance(error, OSError) and error.filename:
        return f"{error.filename}: {error.strerror}"
    return " ".join(str(error).split()) or type(error).__name__
