"""letter.md, read and built in the resume's look.

A letter is paragraphs: a greeting ("Dear Jane Doe,"), the body, a closing ("Sincerely,") and the name under it.
It is built with the resume's own layout (its theme, or the theme folder of the user's own) as a resume whose one
section has no heading and holds the letter's paragraphs, so it has the same header (name and contact line), the
same fonts and the same PDF/UA tagging, and the ATS round trip reads it back as it reads the resume. Output goes
to `_private/applications/<folder>/` beside that application's resume (its variant, with the phone number):
letters name companies and people, and are never published.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from dataclasses import dataclass
from pathlib import Path

from markdown_it import MarkdownIt

from .. import ats, exports, pdf
from ..pdf_reading import normalised, read_pypdf
from ..build import write_pdf
from ..resume import Resume, Section
from ..resume.dates import MONTH_NAMES
from ..resume.inline import plain, runs, split_lines
from ..resume.locales import MONTHS
from .record import Application, ApplicationError

LETTER = "letter.md"
_GREETING = re.compile(r"^(?:dear|hello|hi|greetings|to whom)\b", re.IGNORECASE)
_CLOSING = re.compile(
    r"^(?:(?:yours )?sincerely|(?:with )?(?:best|kind|warm|warmest)(?: regards| wishes)?|regards|respectfully|"
    r"yours (?:truly|faithfully)|thank you|thanks|many thanks|cheers|all the best)\s*[,.!]?$",
    re.IGNORECASE,
)
_MARKDOWN = MarkdownIt("commonmark")
LIST_MARK = "– "  # a list item of the letter, printed as a paragraph


@dataclass(frozen=True)
class Paragraph:
    line: int
    text: str


@dataclass(frozen=True)
class Letter:
    source: Path
    greeting: Paragraph | None
    body: tuple[Paragraph, ...]
    closing: Paragraph | None
    signature: str

    @property
    def words(self) -> int:
        """The body's words, as a word counter counts them (a list item's dash is not one)."""
        return sum(len(paragraph.text.removeprefix(LIST_MARK).split()) for paragraph in self.body)

    def paragraphs(self) -> list[str]:
        """Every paragraph as it is printed, greeting to name."""
        parts = [self.greeting, *self.body, self.closing]
        return [part.text for part in parts if part is not None] + ([self.signature] if self.signature else [])


def read_letter(path: Path) -> Letter:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ApplicationError(f"{path}: no letter here (./run.sh apply COMPANY --job FILE starts one)") from None
    except UnicodeDecodeError:
        raise ApplicationError(f"{path}: not UTF-8 text") from None
    return _letter_of(text, path)


def _letter_of(text: str, path: Path) -> Letter:
    paragraphs = _paragraphs(text)
    if not paragraphs:
        raise ApplicationError(f"{path}: the letter is empty")
    greeting = paragraphs.pop(0) if _GREETING.match(paragraphs[0].text) else None
    closing, signature = None, ""
    at = next((i for i, p in enumerate(paragraphs) if _CLOSING.match(p.text.split("\n")[0].strip())), None)
    if at is not None:
        head, _, rest = paragraphs[at].text.partition("\n")
        closing = Paragraph(paragraphs[at].line, head.strip())
        signature = " ".join([rest, *(p.text for p in paragraphs[at + 1 :])]).strip()
        paragraphs = paragraphs[:at]
    body = tuple(Paragraph(p.line, " ".join(p.text.split())) for p in paragraphs)
    return Letter(path, greeting, body, closing, " ".join(signature.split()))


def _paragraphs(text: str) -> list[Paragraph]:
    """Each paragraph, list item or heading of the Markdown as plain text, its line breaks kept as "\n"."""
    found: list[Paragraph] = []
    tokens = _MARKDOWN.parse(text)
    for index, token in enumerate(tokens):
        if token.type != "inline" or not token.map:
            continue
        words = "\n".join(plain(line) for line in split_lines(runs(token.children or []))).strip()
        if index >= 2 and tokens[index - 2].type == "list_item_open":
            words = f"{LIST_MARK}{words}"
        if words:
            found.append(Paragraph(token.map[0] + 1, words))
    return found


def dated(day: datetime.date, lang: str) -> str:
    """"December 7, 2026" in English; "7 Dezember 2026" in a language with a month table."""
    table = MONTHS.get(lang.split("-")[0].lower())
    if table is None:
        return f"{MONTH_NAMES[day.month - 1]} {day.day}, {day.year}"
    return f"{day.day} {table[day.month - 1][0].capitalize()} {day.year}"


def letter_resume(resume: Resume, letter: Letter, day: datetime.date) -> Resume:
    """The resume's header over the letter's paragraphs: what the layout prints for the letter."""
    paragraphs = (dated(day, resume.lang), *letter.paragraphs())
    return dataclasses.replace(resume, sections=(Section("", "text", 1, paragraphs),), variants=())


@dataclass(frozen=True)
class BuiltLetter:
    folder: Path
    paths: tuple[Path, ...]
    words: int


def build_letter(repo: Path, application: Application, resume: Resume, out: Path) -> BuiltLetter:
    """letter.pdf, letter.txt, letter.docx and resume.pdf (the application's variant) in `out`."""
    letter = read_letter(application.folder / LETTER)
    tailored = resume.variant(application.variant) if application.variant else resume
    printed = letter_resume(tailored, letter, application.sent or application.created)
    out.mkdir(parents=True, exist_ok=True)
    letter_pdf = out / "letter.pdf"
    data = pdf.resume_data(printed)
    data["title"] = f"{resume.name} – Cover letter"
    data["letter"] = True
    data["keywords"] = [application.role, application.company]
    pages = pdf.page_count(pdf.render_pdf(printed, letter_pdf, repo=repo, data=data))
    if pages > 1:
        raise ApplicationError(f"{letter.source}: the letter runs to {pages} pages ({letter.words} words); cut it to one")
    _check_reads_back(letter_pdf, printed, application)
    paths = [letter_pdf, exports.write_text(printed, out / "letter.txt", public=False)]
    paths.append(exports.write_docx(printed, out / "letter.docx", public=False, title=data["title"]))
    write_pdf(repo, tailored, out / "resume.pdf")
    return BuiltLetter(out, (*paths, out / "resume.pdf"), letter.words)


def _check_reads_back(path: Path, printed: Resume, application: Application) -> None:
    """The round trip the resume passes, and the name, and the company and role where the letter names them, in
    what a parser reads (whether the letter names them is a letter check's business)."""
    report = ats.check_pdf(path, printed)
    problems = list(report.problems)
    text = normalised(read_pypdf(path)).casefold()
    written = normalised(" ".join(printed.sections[0].paragraphs)).casefold()
    for label, value in (("name", printed.name), ("company", application.company), ("role", application.role)):
        wanted = normalised(value).casefold()
        if (label == "name" or wanted in written) and wanted not in text:
            problems.append(f"the {label} '{value}' is not in the text a parser reads from the letter")
    if problems:
        raise ApplicationError(f"{path}: {problems[0]}")
