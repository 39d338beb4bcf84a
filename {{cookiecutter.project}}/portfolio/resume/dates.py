"""Resume dates as values: "March 2021 – Present", "Mar. 2018 - Aug. 2019", "2019–2021", "05/2020", "2020/07"."""

from __future__ import annotations

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
_ONGOING = "|".join([*ONGOING_WORDS, *map(re.escape, locales.words_of(locales.PRESENT))])
# Month names in the other languages (resume/locales.py), matched whole, with or without a dot.
_LOCAL_MONTHS = locales.month_words()
_LOCAL_MONTH_RE = r"(?P<{0}>" + "|".join(map(re.escape, sorted(_LOCAL_MONTHS, key=lambda w: (-len(w), w)))) + r")\.?"
_SINCE = "|".join(["since", *map(re.escape, locales.words_of(locales.SINCE_WORDS))])
_CJK_MONTH = (
    rf"\s*[{locales.YEAR_MARKS}](?:\s*(?P<{{0}}_cjk>0?[1-9]|1[0-2])\s*[{locales.MONTH_MARKS}]"
    rf"(?:\s*\d{{{{1,2}}}}\s*[{locales.DAY_MARKS}])?)?"
)
_SEASON = r"(?:spring|summer|fall|autumn|winter)"  # "Summer 2018": the year, as the text says no month
RANGE_DASHES = ("–", "—", "-", "to", "until", *locales.words_of(locales.RANGE_WORDS))


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
    local = _LOCAL_MONTH_RE.format(f"{tag}_local")
    return (
        rf"(?P<{tag}_ongoing>{_ONGOING})"
        rf"|(?:{month}\s*,?\s+|{local}\s*(?:de\s+|/|,)?\s*|(?P<{tag}_num>\d{{1,2}})\s*[/.]\s*|{_SEASON}\s+)?"
        rf"(?P<{tag}_year>(?:19|20)\d\d)"
        rf"(?:[-/.](?P<{tag}_iso>0[1-9]|1[0-2])(?!\d)|{_CJK_MONTH.format(tag)})?"
        rf"|{_MONTH_RE.format(f'{tag}_month2')}\s*['’](?P<{tag}_yy>\d\d)(?!\d)"  # "Aug '19"
    )


_DASH = "|".join(re.escape(dash) for dash in RANGE_DASHES)
_RANGE_BODY = (
    rf"(?:expected\s+|(?P<since>{_SINCE})\s+|graduated\s+)?(?:{_point_re('a')})"
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
    match = _RANGE_RE.match(" ".join(text.split()))
    return _range(text, match) if match else None


def split_trailing_dates(text: str) -> tuple[str, DateRange | None]:
    """("HackMIT", range 2019) from "HackMIT 2019"; (text, None) when it does not end in a date."""
    clean = " ".join(text.split())
    match = _TRAILING_RE.search(clean)
    if not match:
        return text, None
    dates = _range(match["dates"], _RANGE_RE.match(match["dates"]))
    if dates is None:
        return text, None
    rest = clean[: match.start("dates")].rstrip(" ,(|·•—–-")
    return rest, dates


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
    elif match[f"{tag}_cjk"]:  # "2021年4月", "2021년 4월"
        month = int(match[f"{tag}_cjk"])
    elif match[f"{tag}_local"]:  # "März", "sept.", "تشرين الأول"
        month = _LOCAL_MONTHS[match[f"{tag}_local"].lower().rstrip(".")]
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
