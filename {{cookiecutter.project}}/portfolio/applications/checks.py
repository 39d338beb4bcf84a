"""The letter checks that need the application: who it is to, which company and role, and the resume's numbers.

Vale's rules read one file at a time (weak openers, "we" for what the writer did, buzzwords: styles/Portfolio);
these read letter.md with the application's record (notes.md) and the resume:

- generic_greeting: "To whom it may concern" or "Dear Sir or Madam" when the posting names a person;
- placeholder: a template's "[...]", "{{ }}", "<name>", TODO, TBD, XXX or "___" left in the letter;
- company_missing, role_missing: the letter never names the company, or the role;
- length: the body outside the usual 250-400 words (with the count);
- unbacked_number: a number the letter claims ("40%", "$2M", "3x", "12 engineers") that no resume bullet holds.

`./run.sh check` runs them on every application not sent yet; `./run.sh apply --sent` refuses a letter with an
error among them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..resume import Resume
from .letter import LETTER, Letter, Paragraph, read_letter
from .record import Application

MIN_WORDS, MAX_WORDS = 250, 400
_GENERIC = re.compile(r"\b(?:to whom it may concern|dear (?:sir|madam)(?:\s*(?:or|/)\s*(?:sir|madam))?)\b", re.IGNORECASE)
_PLACEHOLDER = re.compile(
    r"\[[^\]\n]{1,400}\](?!\()|\{\{[^}\n]*\}\}|<[A-Za-z][A-Za-z _-]{0,30}>|\b(?:TODO|TBD|XXX+|FIXME)\b|_{3,}"
)
# A claimed number: a percentage, an amount, a multiple, or a count of something ("12 engineers"); not a year,
# nor a number that is part of a name ("GPT-4", "Model-3").
_NUMBER = re.compile(
    r"(?<![\w.-])(?:[$€£¥]\s?\d[\d,.]*\s?(?:[kKmMbB]|million|billion|thousand)?\b"
    r"|\d[\d,.]*\s?(?:%|percent\b|[xX×]\b|(?:[kKmMbB]|million|billion|thousand)\b)"
    r"|\d[\d,.]*(?=\s+[a-z]))"
)
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_LEGAL_SUFFIX = re.compile(
    r"[,\s]+(?:inc|ltd|llc|gmbh|ag|plc|co|corp|corporation|limited|oy|ab|pty|sas|sarl|se|"
    r"s\.?a|n\.?v|b\.?v|s\.?r\.?l|s\.?p\.?a|k\.?k)\.?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class LetterFinding:
    path: Path
    line: int
    rule: str
    level: str  # error | warning
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.level}: {self.rule}: {self.message}"


def check_letter(letter: Letter, application: Application, resume: Resume) -> list[LetterFinding]:
    found: list[LetterFinding] = []

    def add(paragraph: Paragraph | None, rule: str, level: str, message: str) -> None:
        found.append(LetterFinding(letter.source, paragraph.line if paragraph else 1, rule, level, message))

    everything = [p for p in (letter.greeting, *letter.body, letter.closing) if p is not None]
    greeting = letter.greeting or (letter.body[0] if letter.body else None)
    if application.contact and greeting is not None and _GENERIC.search(greeting.text):
        add(greeting, "generic_greeting", "warning", f"the posting names {application.contact}: greet them by name")
    for paragraph in everything:
        for placeholder in _PLACEHOLDER.findall(paragraph.text):
            add(paragraph, "placeholder", "error", f"placeholder '{placeholder[:60]}' left in the letter")
    text = " ".join(p.text for p in everything)
    if application.company and not _names(text, application.company):
        add(None, "company_missing", "error", f"the letter never names {application.company}")
    if application.role and not _names(text, application.role):
        add(None, "role_missing", "warning", f"the letter never names the role ({application.role})")
    if not MIN_WORDS <= letter.words <= MAX_WORDS:
        add(letter.body[0] if letter.body else None, "length", "warning",
            f"{letter.words} words; a cover letter reads best at {MIN_WORDS}-{MAX_WORDS}")
    backed = _resume_numbers(resume)
    for paragraph in letter.body:
        for number in claimed_numbers(paragraph.text):
            if _value(number) not in backed:
                add(paragraph, "unbacked_number", "warning", f"'{number}' is in no resume bullet: back it there, or cut it")
    return found


def claimed_numbers(text: str) -> list[str]:
    found = [m.group(0).strip().rstrip(",.") for m in _NUMBER.finditer(text)]
    return [number for number in found if number and not _YEAR.match(number)]


def check_application(application: Application, resume: Resume) -> list[LetterFinding]:
    path = application.folder / LETTER
    return check_letter(read_letter(path), application, resume) if path.is_file() else []


def _names(text: str, name: str) -> bool:
    """Whether `text` names `name`, in any case and without a legal suffix ("Stripe" for "Stripe, Inc.")."""
    wanted = _fold(_LEGAL_SUFFIX.sub("", name.strip()))
    return bool(wanted) and re.search(rf"(?<!\w){re.escape(wanted)}(?!\w)", _fold(text)) is not None


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().replace("’", "'").split())


def _resume_numbers(resume: Resume) -> set[str]:
    texts = [bullet.text for bullet in resume.all_bullets()]
    texts += [p for section in resume.sections for p in section.paragraphs]
    return {_value(number) for text in texts for number in claimed_numbers(text)}


def _value(number: str) -> str:
    """A number as a value: "$2M" and "$2 M", "40%" and "40 percent", "3x" and "3×" are the same claim."""
    return number.casefold().replace(" ", "").replace("percent", "%").replace("×", "x").replace(",", "")
