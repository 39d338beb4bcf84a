"""Resume dates as values: "March 2021 – Present", "Mar. 2018 - Aug. 2019", "2019–2021", "05/2020", "2020/07".

Dates in other languages ("März 2022 – heute", "2021年4月 – 現在", "sept. 2018 à févr. 2022") are read by first
writing their words the English way (resume/locales.py's tables: a month name as the English one, "heute" as
"Present", "bis" as a dash, "2021年4月" as "2021/04"), so one grammar reads every language; the date keeps the
text as written.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from . import locales

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MONTHS = {name[:3].lower(): number for number, name in enumerate(MONTH_NAMES, start=1)}
_MONTH_RE = r"(?P<{0}>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
ONGOING_WORDS = ("present", "current", "now", "today", "ongoing")
_ONGOING = "|".join(ONGOING_WORDS)
_SEASON = r"(?:spring|summer|fall|autumn|winter)"  # "Summer 2018": the year, as the text says no month
RANGE_DASHES = ("–", "—", "-", "to", "until")


@dataclass(frozen=True)
class PartialDate:
    """A resume date: a year, optionally with a month (1-12)."""

    year: int
    month: int | None = None

    def __str__(self) -> str:
        if self.month is None:
            return str(self.year)
        return f"{MONTH_NAMES[self.month - 1]} {self.year}"

    def sort_key(self) -> tuple[int, int]:
        return (self.year, self.month or 0)

    def iso(self) -> str:
        return f"{self.year:04d}-{self.month:02d}" if self.month else f"{self.year:04d}"


@dataclass(frozen=True)
class DateRange:
    """Dates as values. `ongoing` is True for "Present"; a single date has end == start."""

    text: str
    start: PartialDate | None
    end: PartialDate | None
    ongoing: bool = False

    def __str__(self) -> str:
        return self.text


def _point_re(tag: str) -> str:
    month = _MONTH_RE.format(f"{tag}_month")
    return (
        rf"(?P<{tag}_ongoing>{_ONGOING})"
        rf"|(?:{month}(?:\s*,?\s+|\s*/\s*|\s+de\s+)|(?P<{tag}_num>\d{{1,2}})\s*[/.]\s*|{_SEASON}\s+)?(?P<{tag}_year>(?:19|20)\d\d)"
        rf"(?:[-/.](?P<{tag}_iso>0[1-9]|1[0-2])(?!\d))?"
        rf"|{_MONTH_RE.format(f'{tag}_month2')}\s*['’](?P<{tag}_yy>\d\d)(?!\d)"  # "Aug '19"
    )


_DASH = "|".join(re.escape(dash) for dash in RANGE_DASHES)
_RANGE_BODY = (
    rf"(?:expected\s+|(?P<since>since)\s+|graduated\s+)?(?:{_point_re('a')})"
    rf"(?:\s*(?:{_DASH})\s*(?:{_point_re('b')}))?"
)
_RANGE_RE = re.compile(rf"^\(?{_RANGE_BODY}\)?$", re.IGNORECASE)
# A date or range at the end of a longer text: "HackMIT 2019", "Amazon Web Services, Mar 2022".
_TRAILING_RE = re.compile(rf"(?:^|[\s,(|·•—–-])\(?(?P<dates>{_RANGE_BODY})\)?\s*$", re.IGNORECASE)
# A date or range anywhere in a longer text (`fields.pieces` cuts lines at it).
DATE_SPAN_RE = re.compile(rf"(?<![\w/])\(?{_RANGE_BODY}\)?(?![\w/])", re.IGNORECASE)
YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")


def parse_date_range(text: str) -> DateRange | None:
    """Read a date or range in the common spellings; None when the text is not one.

    Months full or short, with or without a dot ("Sept.", "Mar"), numeric ("05/2020", "2020/07"), or a
    season ("Summer 2018", read as its year); ranges
    with "–", "—", "-", "to" or "until"; the end may be Present, present, current, now.
    """
    clean = " ".join(text.split())
    match = _RANGE_RE.match(clean)
    if match is None and (english := _in_english(clean).text) != clean:
        match = _RANGE_RE.match(english)
    return _range(text, match) if match else None


def split_trailing_dates(text: str) -> tuple[str, DateRange | None]:
    """("HackMIT", range 2019) from "HackMIT 2019"; (text, None) when it does not end in a date."""
    clean = " ".join(text.split())
    english = _in_english(clean)
    match = _TRAILING_RE.search(english.text)
    if not match:
        return text, None
    written = clean[english.source_index(match.start("dates")) : english.source_index(match.end("dates"))]
    dates = _range(written, _RANGE_RE.match(match["dates"]))
    if dates is None:
        return text, None
    rest = clean[: english.source_index(match.start("dates"))].rstrip(" ,(|·•—–-")
    return rest, dates


def date_spans(text: str) -> list[tuple[int, int]]:
    """Where dates and ranges stand in a longer text, as (start, end) offsets into `text`."""
    english = _in_english(text)
    return [(english.source_index(m.start()), english.source_index(m.end())) for m in DATE_SPAN_RE.finditer(english.text)]


def has_dates(text: str) -> bool:
    return bool(DATE_SPAN_RE.search(_in_english(text).text))


@dataclass(frozen=True)
class _English:
    """A text with its date words written the English way, and where each of its characters came from."""

    text: str
    origins: tuple[int, ...]  # origins[i]: the index in the source of text[i]; one more for the end

    def source_index(self, index: int) -> int:
        return self.origins[index]


_CJK_DATE = re.compile(
    rf"((?:19|20)\d\d)\s*[{locales.YEAR_MARKS}](?:\s*(0?[1-9]|1[0-2])\s*[{locales.MONTH_MARKS}]"
    rf"(?:\s*\d{{1,2}}\s*[{locales.DAY_MARKS}])?)?"
)


@functools.lru_cache(maxsize=1)
def _vocabulary() -> dict[str, str]:
    """Every date word of the other languages, case-folded, and how English writes it."""
    english: dict[str, str] = {}
    for word, month in locales.month_words().items():
        english[word] = MONTH_NAMES[month - 1]
    for table, meaning in ((locales.RANGE_WORDS, " – "), (locales.SINCE_WORDS, "since "), (locales.PRESENT, "Present")):
        for word in locales.words_of(table):
            english.setdefault(word.casefold(), meaning)
    return english


@functools.lru_cache(maxsize=1)
def _local_words() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for every date word of the other languages (compiled on first use), and its English."""
    english = _vocabulary()
    words = sorted(english, key=lambda word: (-len(word), word))
    # Chinese, Japanese and Korean words stand between other letters ("3月至2021"): no word boundaries there.
    cjk = re.compile(f"[{locales.CJK_CHARACTERS}]")  # here, not at import: 5 ms to compile
    spaced = [word for word in words if not cjk.search(word)]
    unspaced = [word for word in words if cjk.search(word)]
    pattern = re.compile(
        r"(?<![^\W\d_])(?:" + "|".join(map(re.escape, spaced)) + r")(?![^\W\d_])\.?|" + "|".join(map(re.escape, unspaced)),
        re.IGNORECASE,
    )
    return pattern, english



@functools.lru_cache(maxsize=512)
def _in_english(text: str) -> _English:
    if text.isascii() and not _maybe_local(text):
        return _English(text, tuple(range(len(text) + 1)))
    pieces: list[tuple[str, int, int]] = []  # (new text, source start, source end)

    def cjk(match: re.Match[str]) -> str:
        return f"{match[1]}/{int(match[2]):02d}" if match[2] else match[1]

    pattern, english = _local_words()
    cursor = 0
    marks = sorted(
        [(m.start(), m.end(), cjk(m)) for m in _CJK_DATE.finditer(text)]
        + [(m.start(), m.end(), english[m[0].rstrip(".").casefold()]) for m in pattern.finditer(text)]
    )
    for start, end, replacement in marks:
        if start < cursor:
            continue  # inside a CJK date already written out
        pieces.append((text[cursor:start], cursor, start))
        pieces.append((replacement, start, end))
        cursor = end
    pieces.append((text[cursor:], cursor, len(text)))
    out, origins = [], []
    for piece, start, end in pieces:
        out.append(piece)
        if piece == text[start:end]:
            origins.extend(range(start, end))
        else:
            origins.extend([start] * len(piece))
    origins.append(len(text))
    return _English("".join(out), tuple(origins))


_ASCII_LOCAL = re.compile(r"[a-z]+", re.IGNORECASE)


def _maybe_local(text: str) -> bool:
    """Whether an ASCII text holds a word of the other languages' date tables ("Okt", "bis", "heden")."""
    if not YEAR_RE.search(text):
        return False
    english = _vocabulary()
    if any(symbol in text for symbol in english if not symbol.isalpha() and symbol.isascii()):  # "~"
        return True
    return any(word.casefold() in english and word.casefold() not in _ENGLISH_WORDS for word in _ASCII_LOCAL.findall(text))


# Words the English grammar reads itself: no need to write them out again.
_ENGLISH_WORDS = frozenset(
    [*(name[:3].lower() for name in MONTH_NAMES), "sept", *(name.lower() for name in MONTH_NAMES), *ONGOING_WORDS, "to", "until", "since"]
)


def _range(text: str, match: re.Match[str] | None) -> DateRange | None:
    if not match or match["a_ongoing"]:
        return None
    start = _point(match, "a")
    if start is None:
        return None
    if match["b_ongoing"] or (match["since"] and not (match["b_year"] or match["b_yy"])):
        return DateRange(text, start, None, ongoing=True)
    end = _point(match, "b") if match["b_year"] or match["b_yy"] else start
    if end is None or end.sort_key() < start.sort_key():
        return None
    return DateRange(text, start, end)


def _point(match: re.Match[str], tag: str) -> PartialDate | None:
    if match[f"{tag}_yy"]:  # a two-digit year: '50 to '99 are the 1900s
        short = int(match[f"{tag}_yy"])
        return PartialDate(short + (1900 if short >= 50 else 2000), _MONTHS[match[f"{tag}_month2"][:3].lower()])
    year = match[f"{tag}_year"]
    if not year:
        return None
    month: int | None = None
    if match[f"{tag}_iso"]:  # "2021-02", "2021/02", "2021.02"
        month = int(match[f"{tag}_iso"])
    elif match[f"{tag}_month"]:
        month = _MONTHS[match[f"{tag}_month"][:3].lower()]
    elif match[f"{tag}_num"]:
        month = int(match[f"{tag}_num"])
        if not 1 <= month <= 12:
            return None
    return PartialDate(int(year), month)


_DATE_WORDS_RE = re.compile(
    rf"\b(?:(?:19|20)\d\d|{_MONTH_RE.format('m')}|{_ONGOING}|expected|since|to|until|spring|summer|fall|"
    r"autumn|winter|q[1-4]|h[12]|\d{1,2})\b|[–—/.,()'-]",
    re.IGNORECASE,
)


def looks_like_dates(text: str) -> bool:
    """A date, a range, or dates meant as one ("Q3 2018"): a year and at most one other word."""
    if parse_date_range(text) is not None:
        return True
    if not YEAR_RE.search(text):
        return False
    return len(_DATE_WORDS_RE.sub(" ", text).split()) <= 1
