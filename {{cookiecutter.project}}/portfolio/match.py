"""`python -m portfolio match JOB.txt`: which terms a job posting names and whether the resume has them.

Deterministic: terms come from a curated vocabulary (portfolio.vocabulary) plus the skills and
project tech listed in resume.md; spellings are normalised ("Postgres" → PostgreSQL, "k8s" →
Kubernetes). Terms under a "Nice to have"/"Preferred" heading, or on a line that calls them
"a plus", count as preferred; the rest as required. The employer's blurb, and clauses that say a
skill is not needed or is another team's, do not count.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

from .resume import Resume
from .vocabulary import TERMS

_PREFERRED_HEAD = re.compile(
    r"nice[- ]to[- ]have|preferred|bonus|pluses|good to have|would be great|extra credit|"
    r"(?:also|additionally) have|thrilled|delighted|desirable|advantageous",
    re.IGNORECASE,
)
_REQUIRED_HEAD = re.compile(
    r"requirements|required|qualifications|must[- ]have|what you('ll)? (need|bring)|"
    r"you (?:probably |should |will |must )?have|looking for|"
    r"about you|responsibilities|what you(?:'ll| will)? (?:be )?do(?:ing)?|the role|skills",
    re.IGNORECASE,
)
# Parts about the employer, not the job: a technology named there ("customers running Kubernetes")
# is not asked of you. "About the role/job/team/you" are about the job.
_IGNORED_HEAD = re.compile(
    r"about(?!\s+(?:the\s+)?(?:role|job|team|position|you|this\s+role)\b)\b.*|who we are|"
    r"our (?:story|mission|company|values|culture)|(?:compensation and )?benefits|perks|"
    r"what we offer|compensation|salary|how to apply|equal (?:employment )?opportunit.*|eeo|"
    r"why (?:join|work).*|life at .*",
    re.IGNORECASE,
)
_PREFERRED_INLINE = re.compile(
    r"\b(an? (?:\w+ )?plus|nice to have|preferred|bonus points?)\b", re.IGNORECASE
)


@dataclass(frozen=True)
class Term:
    """A compiled vocabulary term."""

    name: str
    category: str
    patterns: tuple[re.Pattern[str], ...]

    def find(self, text: str) -> list[str]:
        """Each mention once, even where two spellings overlap ("Apache Spark" and "Spark")."""
        return [text[start:end] for start, end in _claim({self.name: self}, text)[self.name]]


@dataclass
class TermMatch:
    term: str
    category: str
    mentions: int
    spellings: list[str]
    preferred: bool
    in_resume: bool
    resume_lines: list[int] = field(default_factory=list)


@dataclass
class MatchReport:
    posting: str
    resume: str
    terms: list[TermMatch]

    @property
    def have(self) -> list[TermMatch]:
        return [term for term in self.terms if term.in_resume]

    @property
    def missing(self) -> list[TermMatch]:
        return [term for term in self.terms if not term.in_resume]

    def coverage(self, preferred: bool | None = None) -> float:
        """Percentage of the posting's terms the resume has (of one kind, or all when None)."""
        pool = [t for t in self.terms if preferred is None or t.preferred == preferred]
        if not pool:
            return 100.0
        return round(100.0 * sum(t.in_resume for t in pool) / len(pool), 1)

    def to_json(self) -> str:
        data = {
            "posting": self.posting,
            "resume": self.resume,
            "coverage": self.coverage(),
            "required_coverage": self.coverage(preferred=False),
            "preferred_coverage": self.coverage(preferred=True),
            "have": [t.term for t in self.have],
            "missing": [t.term for t in self.missing],
            "terms": [asdict(t) for t in self.terms],
        }
        return json.dumps(data, indent=2, ensure_ascii=False)

    def to_text(self) -> str:
        required = [t for t in self.terms if not t.preferred]
        preferred = [t for t in self.terms if t.preferred]
        lines = [
            f"Job posting: {self.posting}: {len(self.terms)} skills and terms recognised",
            f"Coverage: {len(self.have)}/{len(self.terms)} ({self.coverage():.0f}%)"
            f" · required {sum(t.in_resume for t in required)}/{len(required)}"
            f" · preferred {sum(t.in_resume for t in preferred)}/{len(preferred)}",
            "",
            f"In your resume ({len(self.have)}):",
            *(_line(t) for t in self.have),
            "",
            f"Missing from your resume ({len(self.missing)}):",
            *(_line(t) for t in self.missing),
        ]
        if self.missing:
            lines += [
                "",
                "Add a missing term only where it is true: in Technical Skills, or in a bullet"
                " that shows where you used it.",
            ]
        return "\n".join(lines)


def _line(term: TermMatch) -> str:
    seen = sorted({s for s in term.spellings if s.casefold() != term.term.casefold()})
    alias = f" (posting says {', '.join(repr(s) for s in seen)})" if seen else ""
    kind = "preferred" if term.preferred else "required"
    where = f" resume.md:{','.join(map(str, term.resume_lines[:3]))}" if term.resume_lines else ""
    return f"  {term.term:<28} {kind:<9} ×{term.mentions}{alias}{where}"


def match_posting(posting: Path, resume: Resume) -> MatchReport:
    text = posting.read_text(encoding="utf-8", errors="replace")
    return match_text(text, resume, posting_name=str(posting))


def match_text(text: str, resume: Resume, posting_name: str = "posting") -> MatchReport:
    terms = _terms_for(resume)
    required_text, preferred_text = _split_posting(_normalise(text))
    resume_texts = _resume_texts(resume)
    found: list[TermMatch] = []
    by_name = {term.name: term for term in terms}
    required = _claim(by_name, required_text)
    preferred = _claim(by_name, preferred_text)
    for term in terms:
        required_hits = [required_text[s:e] for s, e in required[term.name]]
        hits = required_hits + [preferred_text[s:e] for s, e in preferred[term.name]]
        if not hits:
            continue
        lines = [line for line, chunk in resume_texts if term.find(chunk)]
        found.append(
            TermMatch(
                term=term.name,
                category=term.category,
                mentions=len(hits),
                spellings=sorted(set(hits)),
                preferred=not required_hits,
                in_resume=bool(lines),
                resume_lines=sorted(set(lines)),
            )
        )
    found.sort(key=lambda t: (t.preferred, -t.mentions, t.term.casefold()))
    return MatchReport(posting_name, str(resume.source), found)


def _claim(terms: dict[str, Term], text: str) -> dict[str, list[tuple[int, int]]]:
    """Each term's mentions in text; where mentions overlap, the longest wins, so "GitHub Actions"
    is not also "GitHub" and "SQL Server" is not also "SQL"."""
    candidates = sorted(
        ((m.start(), m.end(), name) for name, term in terms.items() for p in term.patterns
         for m in p.finditer(text)),
        key=lambda c: (c[0] - c[1], c[0]),
    )
    claimed: dict[str, list[tuple[int, int]]] = {name: [] for name in terms}
    taken: list[tuple[int, int]] = []
    for start, end, name in candidates:
        if all(end <= s or start >= e for s, e in taken):
            taken.append((start, end))
            claimed[name].append((start, end))
    for spans in claimed.values():
        spans.sort()
    return claimed


# Everyday phrases that contain a term's spelling ("Series C", "C-level") are blanked first.
_FALSE_FRIENDS = re.compile(
    r"\bseries\s+[a-f]\b|\b[a-c]-(?:level|suite)\b|\bplan\s+[a-c]\b|\br&d\b", re.IGNORECASE
)


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("\u2019", "'").replace("\u2010", "-")  # NFKC has made U+2011 this U+2010
    return _FALSE_FRIENDS.sub(lambda m: " " * len(m.group(0)), text)


def _split_posting(text: str) -> tuple[str, str]:
    """Split a posting into required and preferred text by its headings and inline cues."""
    required: list[str] = []
    preferred: list[str] = []
    in_preferred = in_ignored = False
    previous = ""
    for line in text.splitlines():
        label, colon, rest = line.strip().partition(":")
        if colon and rest.strip() and _IGNORED_HEAD.fullmatch(label.strip("#*_- ").strip()):
            previous = line
            continue  # "About us: we use Salesforce internally." is the employer's blurb, on one line
        heading = _heading_text(line)
        if heading is None and in_ignored and not previous.strip() and _title_like(line):
            heading = line.strip()  # "What you'll be doing" after an "About us" part ends it
        previous = line
        if heading is not None:
            in_ignored = bool(_IGNORED_HEAD.fullmatch(heading))
            if _PREFERRED_HEAD.search(heading):
                in_preferred = True
            elif heading:  # "Requirements", or any other part ("Tooling:"), ends a preferred one
                in_preferred = False
        # a heading's own words count in its part: "## Python skills" asks for Python
        if in_ignored:
            continue
        line = _without_unasked(line)
        if in_preferred or _PREFERRED_INLINE.search(line):
            preferred.append(line)
        else:
            required.append(line)
    return "\n".join(required), "\n".join(preferred)


# A clause that says a technology is not needed ("no AWS experience is required", "you won't need React",
# "there's no Ruby anywhere in our stack") or is someone else's work ("built in Swift by a sister squad")
# asks nothing of the candidate. A clause that calls it a plus is kept: "not required, but a bonus".
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+")
_CLAUSE_END = re.compile(
    r"(?<=:)\s+|\s+[-\u2013\u2014]\s+|,?\s+\b(?:but|however|although|though|while)\b\s+"
    r"|,\s+and\s+(?=(?:you|we|they|our|your|the)\b)"  # ", and you will ..." starts a new clause
)
_NEGATION = re.compile(r"\b(?:no|not|never|without|nor)\b|n't\b", re.IGNORECASE)
_NEED = re.compile(
    r"\b(?:needs?|needed|require[sd]?|requirement|necessary|expected|mandatory|anywhere|touch|use[sd]?)\b",
    re.IGNORECASE,
)
_OTHERS_WORK = re.compile(
    r"\bby (?:a|an|the|our|another|a separate|a sister|an external)\b[^.;]{0,40}?"
    r"\b(?:team|squad|agency|contractor|vendor|partner|department)s?\b",
    re.IGNORECASE,
)
_A_PLUS = re.compile(r"\b(?:plus|bonus|nice|preferred|advantage|helpful|welcome|desirable)\b", re.IGNORECASE)
_NOT_NEEDED_LABEL = re.compile(r"^\W*(?:not|no)\s+(?:required|needed|necessary|expected)\b", re.IGNORECASE)


def _without_unasked(line: str) -> str:
    """The line with its clauses that ask nothing of the candidate blanked out."""
    if _NOT_NEEDED_LABEL.match(line) and not _A_PLUS.search(line):
        return " " * len(line)  # "Not required: ..." labels the whole line
    sentences = []
    for sentence in _SENTENCE_END.split(line):
        if not _A_PLUS.search(sentence):  # "not required, but a plus" is a preferred skill
            clauses = _CLAUSE_END.split(sentence)
            sentence = " ".join(" " * len(c) if _unasked(c) else c for c in clauses)
        sentences.append(sentence)
    return " ".join(sentences)


def _unasked(clause: str) -> bool:
    return bool((_NEGATION.search(clause) and _NEED.search(clause)) or _OTHERS_WORK.search(clause))


def _heading_text(line: str) -> str | None:
    """The text of a short heading-like line ("## Nice to have", "Requirements:"), else None."""
    stripped = line.strip()
    if not stripped or stripped.startswith(("-", "•", "* ")) or stripped.endswith((".", ",")):
        return None
    bare = stripped.strip("#*_:- ").strip()
    if len(bare.split()) > 6:
        return None
    is_marked = stripped.startswith("#") or stripped.endswith(":") or stripped.isupper()
    names_a_part = any(
        head.fullmatch(bare) for head in (_PREFERRED_HEAD, _REQUIRED_HEAD, _IGNORED_HEAD)
    )
    return bare if is_marked or names_a_part else None


def _title_like(line: str) -> bool:
    """A short standalone line that reads as a title: capitalised (so not a list item), few words, no
    sentence end."""
    stripped = line.strip()
    return (
        0 < len(stripped.split()) <= 6
        and stripped[0].isupper()
        and not stripped.endswith((".", ",", ";", "!", "?"))
    )


def _resume_texts(resume: Resume) -> list[tuple[int, str]]:
    """Every piece of printed resume text with its resume.md line number."""
    texts: list[tuple[int, str]] = []
    for section in resume.sections:
        texts += [(section.line, paragraph) for paragraph in section.paragraphs]
        texts += [(group.line, ", ".join(group.items)) for group in section.skills]
        texts += [(bullet.line, bullet.text) for bullet in section.bullets]
        for entry in section.entries:
            head = " | ".join([entry.title, entry.organisation, ", ".join(entry.tech)])
            texts.append((entry.line, head))
            texts += [(entry.line, paragraph) for paragraph in entry.paragraphs]
            texts += [(bullet.line, bullet.text) for bullet in entry.bullets]
    return texts  # target_role is not printed on the resume, so an ATS never sees it


def _terms_for(resume: Resume) -> list[Term]:
    """The vocabulary, plus the resume's own skills and tech as literal terms."""
    terms = list(_vocabulary())
    known = {spelling.casefold() for term in terms for spelling in _spellings(term.name)}
    extra: dict[str, str] = {}
    for section in resume.sections:
        for group in section.skills:
            for item in group.items:
                extra.setdefault(item.casefold(), item)
        for entry in section.entries:
            for item in entry.tech:
                extra.setdefault(item.casefold(), item)
    for key, item in sorted(extra.items()):
        if key not in known and len(key) >= 2 and len(item.split()) <= 3:
            terms.append(Term(item, "your skills", (_pattern(item, case_sensitive=False),)))
    return terms


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[Term, ...]:
    terms = []
    for name, (category, spellings) in TERMS.items():
        patterns = tuple(
            _pattern(s[1:], case_sensitive=True) if s.startswith("=") else _pattern(s, False)
            for s in spellings
        )
        terms.append(Term(name, category, patterns))
    return tuple(terms)


def _spellings(name: str) -> list[str]:
    """A vocabulary term's name and spellings as written ("=Go", case-exact, is "Go")."""
    return [name, *(s.lstrip("=") for s in TERMS[name][1])]


def _pattern(spelling: str, case_sensitive: bool) -> re.Pattern[str]:
    """A spelling as a whole word: not inside a longer word, path, or version like C++ vs C.

    A case-exact word ("Go", "Rust", "R") is also an everyday word or part of a name, so it counts
    only outside a capitalised name ("Go Fund Yourself", "Rust Belt Logistics"); a single letter
    counts only in a list of technologies ("Python, R or SQL", "C/C++"), not in "which R is this?".
    """
    body = r"\s+".join(re.escape(part) for part in spelling.split())
    word = rf"(?<![\w+#./-]){body}(?![\w+#]|[./-]\w)"
    if not case_sensitive:
        return re.compile(word, re.IGNORECASE)
    # not inside a name: "Rust Belt Logistics", "Spark & Wick"
    name_goes_on = rf"(?!(?i:{_known_words()})\b)[A-Z]"
    pattern = rf"{word}(?!\s+{name_goes_on}[a-z]|\s*&\s*{name_goes_on})"
    if len(spelling) == 1:
        listed_before = r"(?:(?<=[,/(] )|(?<=[,/(])|(?<=\bor )|(?<=\band ))"
        listed_after = r"(?=\s?[,/)]|\s(?:or|and)\s)"
        # "models in R.", "strong C skills", "R Markdown": a language, not a letter
        used_in = (r"(?<=\bin )", r"(?=\s*(?:[.;:),]|$))")
        as_language = r"(?=\s+(?:skills|programming|experience|code|scripts?|packages?|Markdown|Shiny)\b)"
        pattern = (
            rf"(?:{listed_before}{pattern}|{pattern}{listed_after}"
            rf"|{used_in[0]}{pattern}{used_in[1]}|{pattern}{as_language})"
        )
    return re.compile(pattern)


@lru_cache(maxsize=1)
def _known_words() -> str:
    """The first word of every vocabulary spelling, as a regex alternation ("spring", "kafka", ...)."""
    words = {name.split()[0].casefold() for name in TERMS}
    words |= {s.lstrip("=").split()[0].casefold() for _, spellings in TERMS.values() for s in spellings}
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
