"""`./run.sh import FILE`: the resume you already have, as canonical resume.md.

The reader is chosen by the file's content (`sniff`): JSON Resume, Markdown in any style, Word (.docx),
PDF, or LinkedIn's data archive (.zip). Each builds a resume model, and the grammar's writer prints it,
so the result reads back, builds and round-trips. Bad input stops with one line naming the file and what
is wrong, and nothing is written. resume.md is replaced only while it still holds the template's example
(`guard.is_example`) or with `--force`, and always through a temporary file.
"""

from __future__ import annotations

from pathlib import Path

from ..resume import parse_resume
from .common import ImportProblem, ImportResult, check_readable, write_atomic
from .guard import EXAMPLE_FINGERPRINTS, example_fingerprint, is_example
from .jsonresume import DEFAULT_SECTIONS, NOT_MAPPED, read_json_resume, to_markdown
from .sniff import kind_of, read_source, text_of

__all__ = [
    "DEFAULT_SECTIONS",
    "EXAMPLE_FINGERPRINTS",
    "NOT_MAPPED",
    "ImportProblem",
    "ImportResult",
    "example_fingerprint",
    "import_file",
    "is_example",
    "read_json_resume",
    "read_resume",
    "to_markdown",
    "write_atomic",
]


def read_resume(source: Path) -> ImportResult:
    """The source read into a model and printed as canonical resume.md (nothing written yet), in the form
    the repository's mdformat hook keeps, so `./run.sh check` finds nothing of ours to change."""
    result = _read(Path(source))
    formatted = as_mdformat_keeps_it(result.markdown)
    if formatted != result.markdown:
        result.markdown = formatted
        result.resume = parse_resume(formatted, "resume.md")
    return result


def as_mdformat_keeps_it(markdown: str) -> str:
    import mdformat  # with the plugins the pre-commit hook uses (requirements.txt pins the same)

    return mdformat.text(markdown, extensions={"frontmatter", "gfm", "tables"})


def _read(source: Path) -> ImportResult:
    data = read_source(source)
    kind = kind_of(source, data)
    if kind == "json":
        return to_markdown(read_json_resume(source, text_of(source, data)))
    if kind == "markdown":
        from .markdown import read_markdown

        return read_markdown(source, text_of(source, data))
    if kind == "docx":
        from .docx import read_docx

        return read_docx(source, data)
    if kind == "linkedin":
        from .linkedin import read_linkedin

        return read_linkedin(source, data)
    from .pdf import read_pdf

    return read_pdf(source, data)


def import_file(source: Path, target: Path, *, force: bool = False) -> ImportResult:
    """Read `source` and write it to `target` (resume.md) as canonical Markdown."""
    result = read_resume(source)
    check_readable(result.markdown, target)
    if target.exists() and not force and not is_example(target):
        raise ImportProblem(
            f"{target}: holds your own resume (not the template's example); pass --force to replace it"
        )
    result.written = write_atomic(target, result.markdown)
    return result
