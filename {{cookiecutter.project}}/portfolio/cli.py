"""Command line: `python -m portfolio build|ats-check|match|private|import|serve|apply|applications` (run.sh calls
these).

Errors in the user's sources print one line, `error: file:line: message`, and exit 1; no traceback.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from .errors import PortfolioError
from .resume import load_resume

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
            for line in _lines(error):
                print(f"error: {line}", file=sys.stderr)
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

    ats = commands.add_parser(
        "ats-check", help="check the page limit, and that the PDF reads back like resume.md"
    )
    ats.add_argument("--pdf", type=Path, help="PDF to check (default: _site/resume.pdf)")
    ats.add_argument("-v", "--verbose", action="store_true", help="list every passed check")
    ats.set_defaults(run=_ats_check)

    match = commands.add_parser("match", help="compare a job posting with the resume")
    match.add_argument("posting", type=Path, help="job posting as a plain-text file")
    match.add_argument("--json", action="store_true", help="print the report as JSON")
    match.add_argument("--variant", help="match this variant (default: the one that covers most)")
    match.set_defaults(run=_match)

    private = commands.add_parser(
        "private", help="write _private/: PDFs with your phone number and the interview copy"
    )
    private.set_defaults(run=_private)

    importer = commands.add_parser(
        "import", help="write resume.md from the resume you have: PDF, Word, Markdown, JSON Resume, LinkedIn .zip"
    )
    importer.add_argument("source", type=Path, help="the file: resume.pdf, resume.docx, resume.json, Basic_LinkedInDataExport.zip, ...")
    importer.add_argument(
        "--force", action="store_true", help="replace a resume.md you have edited"
    )
    importer.set_defaults(run=_import)

    hooks = commands.add_parser(
        "hooks", help="run every pre-commit hook on every file Git does not ignore, tracked or not"
    )
    hooks.set_defaults(run=_hooks)

    themes = commands.add_parser(
        "themes", help="list the themes and write a PNG of resume.md in each to _themes/"
    )
    themes.set_defaults(run=_themes)

    translated = commands.add_parser(
        "translations", help="list the entries and bullets one resume.<lang>.md has and another lacks"
    )
    translated.set_defaults(run=_translations)

    own = commands.add_parser("theme", help="`theme copy NAME`: copy a theme into theme/ to make it your own")
    own.add_argument("action", choices=["copy"])
    own.add_argument("name", help="the theme to start from (see `themes`)")
    own.set_defaults(run=_theme)

    serve = commands.add_parser("serve", help="preview _site/ locally and rebuild on save")
    serve.set_defaults(run=_serve)

    apply = commands.add_parser(
        "apply", help="start an application (COMPANY --job FILE), or freeze one as sent (--sent COMPANY)"
    )
    apply.add_argument("company", help="the company, as you would write it in the letter")
    apply.add_argument("--job", type=Path, help="the job posting, as a plain-text file")
    apply.add_argument("--variant", default="", help="the resume variant to send (default: the resume itself)")
    apply.add_argument("--role", default="", help="the job title (default: the one the posting opens with)")
    apply.add_argument("--sent", action="store_true", help="freeze the application: PDFs, SHA-256, commit and tag")
    apply.add_argument("--date", type=_day, help="the day it was started or sent, YYYY-MM-DD (default: today)")
    apply.set_defaults(run=_apply)

    applications = commands.add_parser("applications", help="list every application with its status")
    applications.add_argument(
        "--status", nargs=2, metavar=("COMPANY", "STATUS"), help="set an application's status (applied, interview, ...)"
    )
    applications.set_defaults(run=_applications)
    return parser


def _build(args: argparse.Namespace) -> int:
    from .build import build

    build(args.repo, out_name=args.out)
    return 0


def _themes(args: argparse.Namespace) -> int:
    from .gallery import write_gallery

    write_gallery(args.repo)
    return 0


def _translations(args: argparse.Namespace) -> int:
    from . import translations

    others = translations.load_all(args.repo)
    if not others:
        return 0
    main = load_resume(args.repo / RESUME)
    lines = translations.differences(main, others)
    for line in lines:
        print(f"warning: {line}")
    names = ", ".join(f"{t.stem}.md" for t in others)
    print(f"Translations ({names}): " + (f"{len(lines)} difference(s) listed above" if lines else "each holds the same entries and bullets as resume.md"))
    return 0


def _theme(args: argparse.Namespace) -> int:
    from .gallery import copy_theme

    copy_theme(args.repo, args.name)
    return 0


def _ats_check(args: argparse.Namespace) -> int:
    from .ats import check_pdf

    pdf = args.pdf or args.repo / "_site" / "resume.pdf"
    if not pdf.is_file():
        raise FileNotFoundError(f"{pdf}: no PDF yet; run ./run.sh build first")
    source = args.repo / RESUME
    if source.is_file() and source.stat().st_mtime > pdf.stat().st_mtime:
        print(f"note: {RESUME} changed after {pdf} was built; run ./run.sh build", file=sys.stderr)
    resume = load_resume(source)
    _story_warnings(args.repo, resume)
    pages, overflows = _check_pages(args.repo, resume)
    report = check_pdf(pdf, resume.public())
    if args.verbose:
        for line in pages + report.passed:
            print(f"  ok  {line}")
    for problem in report.problems:
        print(f"  LOST  {problem}")
    for note in report.notes:
        print(f"  note  {note}")
    print(report.summary())
    for overflow in overflows:
        print(f"error: {overflow}", file=sys.stderr)
    _report_on_github(report, pages, overflows, args.repo, resume)
    return 0 if report.ok and not overflows else 1


def _report_on_github(report, pages: list[str], overflows: list[str], repo: Path, resume) -> None:  # noqa: ANN001
    """On GitHub Actions: each lost field on its resume.md line, and the read-back in the step summary."""
    from .checks import Finding, append_summary, md, on_github, workflow_command
    from .fit import fullness

    if not on_github():
        return
    share, spare = fullness(resume.public(), repo.resolve())
    room = f"{spare} lines to spare" if spare >= 0 else f"{-spare} lines over"
    pages = [*pages, f"the last page is {share:.0%} full at the default size ({room})"]
    for problem in report.problems + overflows:
        where = re.match(r"^(?:.*/)?(?P<file>[^/:]+\.md):(?P<line>\d+): (?P<message>.*)$", problem)
        if where:
            print(workflow_command(Finding(where["file"], int(where["line"]), 1, "ATS", "error", where["message"])))
    fields = [line for line in report.passed if line.startswith("fields:")]
    lines = ["## ATS read-back (what a resume parser reads from the PDF)", "", md(report.summary()), ""]
    lines += [f"- {md(line)}" for line in pages]
    lines += [f"- lost: {md(problem)}" for problem in report.problems + overflows]
    lines += [f"- {len(fields)} fields read back as their own text items"]
    lines += ["", "The PDF is in the workflow run's artifact **resume-pdf** (`_site/resume.pdf`)."]
    append_summary("\n".join(lines))


def _check_pages(repo: Path, resume) -> tuple[list[str], list[str]]:  # noqa: ANN001 - a Resume
    """Every resume the build writes fits its page limit (fitted if needed; cached by the build)."""
    from .fit import PageOverflow, fit_pdf

    copies = [("resume.pdf", resume.public())]
    copies += [(f"{v.name}/resume.pdf", resume.variant(v.name).public()) for v in resume.variants]
    fits, overflows = [], []
    for name, copy in copies:
        try:
            fitted = fit_pdf(copy, repo.resolve())
            fits.append(f"{name} fits its page limit of {copy.pages} ({fitted.describe()})")
        except PageOverflow as error:
            overflows.append(f"{error} ({name})")
    return fits, overflows


def _story_warnings(repo: Path, resume) -> None:  # noqa: ANN001 - a model.Resume
    from .stories import link_warnings, load_stories

    path, found = load_stories(repo)
    for warning in link_warnings(resume, path.relative_to(repo), found):
        print(f"warning: {warning}", file=sys.stderr)


def _private(args: argparse.Namespace) -> int:
    from .private import build_private

    build_private(args.repo)
    return 0


def _apply(args: argparse.Namespace) -> int:
    from .applications import record

    resume = load_resume(args.repo / RESUME)
    if args.sent:
        if args.job or args.role or args.variant:
            raise record.ApplicationError("--sent freezes an application as it stands: no --job, --role or --variant")
        from .applications.sent import send

        done = send(args.repo.resolve(), record.find(args.repo.resolve(), args.company), resume, today=args.date)
        where = done.application.folder.relative_to(args.repo.resolve()).as_posix()
        print(f"Sent: {where}/sent/ holds resume.pdf and letter.pdf (SHA-256 in record.json); tagged {done.tag}")
        print(f"Next: ./run.sh applications --status {_quoted(done.application.company)} interview, when they call")
        return 0
    if args.job is None:
        raise record.ApplicationError("name the posting: ./run.sh apply COMPANY --job posting.txt")
    from .applications.start import start_application

    started = start_application(
        args.repo.resolve(), args.company, args.job, resume, role=args.role, variant=args.variant, today=args.date
    )
    folder = started.application.folder.relative_to(args.repo.resolve()).as_posix()
    print(f"Started {folder}/ for {started.application.role} at {started.application.company}:")
    print(f"  {folder}/posting.txt   the posting as given")
    print(f"  {folder}/letter.md     your letter: replace each [bracketed] line with your own words")
    print(f"  {folder}/notes.md      the record (status: draft) and your interview notes")
    if started.application.contact:
        print(f"The posting names {started.application.contact}: the letter greets them.")
    print("Next: edit letter.md, then ./run.sh private (builds the letter PDF into _private/applications/),")
    print(f"./run.sh check, and ./run.sh apply --sent {_quoted(started.application.company)} when you send it.")
    print("applications/ is committed with the rest: in a public repository, your letters are public too.")
    return 0


def _applications(args: argparse.Namespace) -> int:
    import datetime

    from .applications import listing, record

    repo = args.repo.resolve()
    if args.status:
        company, status = args.status
        changed = record.write_status(record.find(repo, company), status)
        print(f"{changed.name}: status {changed.status}")
    found = record.all_applications(repo)
    today = datetime.date.today()
    print(listing.table(found, today))
    lang = load_resume(repo / RESUME).lang if (repo / RESUME).is_file() else "en"
    print(f"Also written to {listing.write_page(repo, found, today, lang).relative_to(repo)} (private, not published)")
    return 0


def _day(text: str):  # noqa: ANN202 - a datetime.date, for argparse
    import datetime

    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date (YYYY-MM-DD)") from None


def _quoted(text: str) -> str:
    """A value as the user would type it back into the shell (shown, never run)."""
    import shlex

    return shlex.quote(text)


def _match(args: argparse.Namespace) -> int:
    from .match import match_posting

    if not args.posting.is_file():
        raise FileNotFoundError(f"{args.posting}: no such file")
    resume = load_resume(args.repo / RESUME)
    if args.variant:
        report = match_posting(args.posting, resume.variant(args.variant))
        text = f"Variant: {args.variant}\n{report.to_text()}"
        print(_with_variant(report, args.variant) if args.json else text)
        return 0
    if not resume.variants:
        report = match_posting(args.posting, resume)
        print(report.to_json() if args.json else report.to_text())
        return 0
    reports = {v.name: match_posting(args.posting, resume.variant(v.name)) for v in resume.variants}
    best = max(reports, key=lambda name: reports[name].coverage())  # ties: the first declared
    if args.json:
        coverage = {name: report.coverage() for name, report in reports.items()}
        print(_with_variant(reports[best], best, coverage))
        return 0
    scores = ", ".join(f"{name} {report.coverage():.0f}%" for name, report in reports.items())
    print(f"Best variant: {best} (coverage {scores})")
    print(f"Match it with: ./run.sh match {args.posting.name} --variant {best}\n")
    print(f"Variant: {best}\n{reports[best].to_text()}")
    return 0


def _with_variant(report, name: str, coverage: dict | None = None) -> str:  # noqa: ANN001
    import json

    data = {"variant": name, **json.loads(report.to_json())}
    if coverage is not None:
        data["variant_coverage"] = coverage
    return json.dumps(data, indent=2, ensure_ascii=False)


def _import(args: argparse.Namespace) -> int:
    from .importer import import_file

    result = import_file(args.source, args.repo / RESUME, force=args.force)
    print(f"Read {args.source} as {result.kind}: {result.placed()}.")
    if result.rewritten:
        print(f"  {result.rewritten} lines written in other forms were rewritten in resume.md's own (see its README)")
    for line in result.unplaced:
        print(f"  check       {line}")
    for line in result.not_mapped:
        print(f"  not mapped  {line}")
    for line in result.notes:
        print(f"  note        {line}")
    print(f"Wrote {RESUME}; build it with ./run.sh, then check it with ./run.sh check")
    return 0


def _hooks(args: argparse.Namespace) -> int:
    from .checks import main

    return main(args.repo.resolve())


def _serve(args: argparse.Namespace) -> int:
    from . import serve

    rest = [arg for arg in args.rest if arg != "--"]
    return serve.main(rest) or 0


def _is_user_error(error: BaseException) -> bool:
    """Errors about the user's files or machine, as opposed to bugs in this package."""
    return isinstance(error, (PortfolioError, OSError, UnicodeDecodeError))


def _lines(error: BaseException) -> list[str]:
    """One line per problem: a resume with three errors prints three `error:` lines."""
    if isinstance(error, PortfolioError):
        return error.lines()
    return [_one_line(error)]


def _one_line(error: BaseException) -> str:
    if isinstance(error, FileNotFoundError) and error.filename:
        return f"{error.filename}: file not found"
    if isinstance(error, OSError) and error.filename:
        return f"{error.filename}: {error.strerror}"
    return " ".join(str(error).split()) or type(error).__name__
