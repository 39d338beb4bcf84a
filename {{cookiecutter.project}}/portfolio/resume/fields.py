"""Fields of an entry written in a style other than the canonical one, told apart by what they look like.

"**Staff Software Engineer**, Mercari — Tokyo (Apr 2020 – present)", "Atlassian — Sydney, NSW",
"2021 – present · **Platform Engineer**, N26, Berlin": a line is cut into pieces at separators (`|`, `·`,
`•`, spaced dashes, " at ", " @ ", brackets, commas) and at changes of bold, italics or links, with date
ranges kept whole; then the pieces are classified: dates by `dates.parse_date_range`, a job title by its
words, a degree or a school by theirs, a location by its form ("City, ST") or by the place list
(data/places.txt, from GeoNames), and the organisation is what is left.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from .dates import date_spans, parse_date_range
from .grammar import DEGREE_RE, LOCATION_RE, SCHOOL_RE
from .inline import Run
from .model import EntryKind, Link

PLACES = Path(__file__).parent / "data" / "places.txt"
# A web address written out ("github.com/priya-r/rideshare", "https://..."): a project's link. A bare name with
# a dot ("Node.js", "ana.dev") is not one here: in a project's line it is more often part of the tech.
_DOMAIN_RE = re.compile(r"^(?:https?://|www\.)\S+$|^[\w-]+(?:\.[\w-]+)+/\S*$", re.IGNORECASE)
# City names that are more often ordinary words on a resume.
_NOT_PLACES = frozenset({"mobile", "enterprise", "independence", "orange", "surprise", "split", "nice", "sale"})
TITLE_WORDS_RE = re.compile(
    r"\b(?:engineer|engineering|developer|programmer|architect|manager|lead|leader|head|director|vp|"
    r"vice president|president|chief|cto|ceo|cio|coo|founder|co-founder|cofounder|owner|intern|internship|"
    r"trainee|apprentice|graduate|analyst|scientist|researcher|designer|consultant|specialist|"
    r"administrator|admin|sre|devops|technician|tester|qa|officer|associate|assistant|fellow|contractor|"
    r"freelancer|staff|principal|senior|junior|sr|jr|mts|member of technical staff|coordinator|evangelist|"
    r"advocate|instructor|teacher|lecturer|professor|postdoc|student|tutor|teaching|mentor|maintainer|"
    r"contributor|writer|editor|product owner|scrum master|operator|partner|volunteer|organi[sz]er|"
    r"chair|treasurer|captain|ambassador)s?\b",
    re.IGNORECASE,
)
_STRIP = " ,;:–—-|·•()[]"
_WORK_MODES = frozenset({"remote", "hybrid", "on-site", "onsite", "remote-first", "worldwide"})


@dataclass
class Piece:
    text: str
    strong: bool = False
    em: bool = False
    href: str | None = None
    is_dates: bool = False
    line: int = 0  # the source line it was read from (pieces of one line belong together)
    after: str = ""  # the separator before it (",", "—", "|", ...), "" after a change of style


@dataclass
class Fields:
    title: str = ""
    organisation: str = ""
    location: str = ""
    dates: str = ""
    link: Link | None = None
    tech: tuple[str, ...] = ()
    extra: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Places:
    regions: frozenset[str]  # casefolded names, and codes as written ("NSW", "TX")
    cities: frozenset[str]


@functools.lru_cache(maxsize=1)
def _places() -> _Places:
    regions: set[str] = set()
    cities: set[str] = set()
    for line in PLACES.read_text(encoding="utf-8").splitlines():
        kind, _, name = line.partition(" ")
        if kind == "region":
            regions.add(name if len(name) <= 3 and name.isupper() else name.casefold())
        elif kind == "city":
            cities.add(name.casefold())
    return _Places(frozenset(regions), frozenset(cities) - _NOT_PLACES)


def is_region(text: str) -> bool:
    """A country, state or province: "Germany", "Texas", "TX", "NSW" (codes only in capitals)."""
    text = text.strip(_STRIP)
    known = _places().regions
    return text in known if len(text) <= 3 else text.casefold() in known


def is_place(text: str) -> bool:
    """"Berlin", "Sydney, NSW", "Austin, TX, USA", "Remote", "Kraków, Poland"."""
    clean = text.strip(_STRIP)
    if clean.casefold() in _WORK_MODES or clean.casefold().split(" ")[0] in _WORK_MODES:
        return True
    parts = [part.strip() for part in clean.split(",") if part.strip()]
    if not parts or len(parts) > 3:
        return False
    if len(parts) == 1:
        return is_region(parts[0]) or parts[0].casefold() in _places().cities
    # "Austin, TX" and "Sydney, NSW, Australia": a city and a region, maybe then the country
    return is_region(parts[-1]) and bool(LOCATION_RE.match(", ".join(parts[:2]))) and (len(parts) == 2 or is_region(parts[1]))


def _capitalised(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= 3 and all(word[:1].isupper() for word in words)


def title_score(text: str) -> int:
    return len(TITLE_WORDS_RE.findall(text))


_SPLIT_RE = re.compile(r"(\s*(?:\||·|•|\s[—–-]\s|—|\s@\s|[()\[\]]|,\s|;\s)\s*)")
# Inside bold or italics brackets belong to the text ("**Bachelor of Engineering (Software)**").
_STYLED_SPLIT_RE = re.compile(r"(\s*(?:\||·|•|\s[—–-]\s|—|\s@\s|,\s|;\s)\s*)")
# Italics hold a list or a title whole ("*FastAPI, PostgreSQL*", "*Engineer, Payments*"): no comma cut there.
_ITALIC_SPLIT_RE = re.compile(r"(\s*(?:\||·|•)\s*)")
_AT_RE = re.compile(r"\s+at\s+")


def line_pieces(lines: list[tuple[int, list[Run]]]) -> list[Piece]:
    """The pieces of several lines, each knowing its line."""
    return [dataclasses.replace(piece, line=number) for number, line in lines for piece in pieces(line)]


def pieces(line: list[Run]) -> list[Piece]:
    """The line cut at separators and style changes, with each date range a piece of its own.

    A piece that follows its neighbour after a comma and names a region joins it as one place
    ("Sydney" + "NSW"); pieces cut at `|` or a dash stay apart ("Zillow | Seattle").
    """
    found: list[Piece] = []
    for chunk in _chunks(line):
        for text, is_dates in _date_split(chunk.text):
            if is_dates:
                found.append(Piece(text, chunk.strong, chunk.em, chunk.href, True))
                continue
            splitter = _ITALIC_SPLIT_RE if chunk.em and not chunk.strong else _STYLED_SPLIT_RE
            parts = [text] if chunk.href else splitter.split(text)
            if not (chunk.strong or chunk.em or chunk.href):
                parts = _paren_split(parts)
            separator = ""
            for index, part in enumerate(parts):
                if index % 2:  # a separator
                    separator = part.strip()
                    continue
                for text_part in _at_split(part):
                    if not _trim(text_part):
                        continue
                    piece = Piece(_trim(text_part), chunk.strong, chunk.em, chunk.href, after=separator)
                    if separator == "," and found and _joins(found[-1], piece):
                        found[-1] = Piece(f"{found[-1].text}, {piece.text}", piece.strong, piece.em)
                    else:
                        found.append(piece)
                    separator = "at"
    return found


def _paren_split(parts: list[str]) -> list[str]:
    """"Mercari (Tokyo)" is two pieces; "BA (Mod) Economics" stays one: a bracket is cut out only when
    it holds a place, a job title, or separated fields."""
    out: list[str] = []
    for index, part in enumerate(parts):
        if index % 2:
            out.append(part)
            continue
        cursor = 0
        for match in re.finditer(r"\s*\(([^()]+)\)\s*", part):
            inner = match.group(1).strip()
            if is_place(inner) or title_score(inner) or _STYLED_SPLIT_RE.search(inner):
                out += [part[cursor : match.start()], ", ", inner, ", "]
                cursor = match.end()
        out.append(part[cursor:])
    return out


def _at_split(text: str) -> list[str]:
    """"Senior Data Engineer at Grubhub" is a title and a company; "University of Texas at Austin" is one name."""
    parts = _AT_RE.split(text, maxsplit=1)
    if len(parts) == 2 and title_score(parts[0]) > 0 and parts[1].strip():
        return parts
    return [text]


def _trim(text: str) -> str:
    """The text without separators around it; a bracket stays when it closes one inside."""
    text = text.strip(_STRIP.replace("(", "").replace(")", "")).strip()
    text = re.sub(r"^\.\s+", "", text)  # "2020. Best Paper": the full stop after the year (".NET" keeps its dot)
    while text.endswith(")") and text.count("(") < text.count(")"):
        text = text[:-1].rstrip()
    while text.startswith("(") and text.count("(") > text.count(")"):
        text = text[1:].lstrip()
    if text.startswith("(") and text.endswith(")") and text.count("(") == 1:
        text = text[1:-1].strip()
    return text.strip(_STRIP.replace("(", "").replace(")", "")).strip()


def _joins(before: Piece, piece: Piece) -> bool:
    return (
        not before.is_dates
        and (before.strong, before.em) == (piece.strong, piece.em)
        and is_region(piece.text)
        and title_score(before.text) == 0
        and len(before.text.split()) <= 4
        # two regions stay apart ("California, Nevada"), but a city named like its state takes the state's code
        # ("New York, NY", "Washington, DC")
        and not (is_region(before.text) and not _is_code(piece.text))
        and not ("," in before.text and not is_place(before.text))
    )


def _is_code(text: str) -> bool:
    clean = text.strip(_STRIP)
    return len(clean) <= 3 and clean.isupper()


def _chunks(line: list[Run]) -> list[Piece]:
    chunks: list[Piece] = []
    for run in line:
        style = (run.strong, run.em, run.href)
        if chunks and (chunks[-1].strong, chunks[-1].em, chunks[-1].href) == style:
            chunks[-1].text += run.text
        else:
            chunks.append(Piece(run.text, run.strong, run.em, run.href))
    return chunks


def _date_split(text: str) -> list[tuple[str, bool]]:
    out: list[tuple[str, bool]] = []
    cursor = 0
    for start, end in date_spans(text):
        if parse_date_range(text[start:end]) is None:
            continue
        out.append((text[cursor:start], False))
        out.append((text[start:end].strip("() "), True))
        cursor = end
    out.append((text[cursor:], False))
    return [(part, is_dates) for part, is_dates in out if part.strip(_STRIP)]


# Link texts that only point at something ("[verify](…)"): the link alone, not a field of the entry.
_POINTER_WORDS = frozenset(
    "link here demo site website web code source repo repository github gitlab paper pdf slides video "
    "certificate credential verify verification badge url details more profile portfolio live view read see "
    "watch open page case study the my a on".split()
)


def names_something(link_text: str) -> bool:
    """Whether a link's text names something ("Initech", "CKAD") rather than points ("verify", "Live demo",
    "github.com/x")."""
    text = link_text.strip(_STRIP).strip()
    words = text.casefold().split()
    pointing = all(word in _POINTER_WORDS for word in words)
    return bool(text) and not pointing and not _DOMAIN_RE.match(text)


def classify(found: list[Piece], kind: EntryKind, known: Fields | None = None) -> Fields:
    """Title, organisation, location, dates and link from pieces; `known` holds what is already set."""
    result = known or Fields()
    rest: list[Piece] = []
    for piece in found:
        if piece.is_dates and not result.dates:
            result.dates = piece.text
        elif kind == "project" and not piece.href and not result.link and _DOMAIN_RE.match(piece.text):
            result.link = Link(piece.text, piece.text if "://" in piece.text else f"https://{piece.text}")
        elif piece.href and not result.link:
            result.link = Link(piece.text, piece.href)
            if kind == "project" and not result.title and not any(p.strong for p in found):
                result.title = piece.text
            elif kind != "project" and (piece.strong or names_something(piece.text)):
                rest.append(piece)  # "[Cascade Cloud](https://...)": the organisation (or name), linked
        elif piece.text:
            rest.append(piece)
    if kind == "project":
        _project(rest, result)
    elif kind == "degree":
        _degree(rest, result)
    elif kind in ("credential", "publication", "award"):
        _named(rest, result)
    else:
        _job(rest, result)
    return result


# "AWS Certified Solutions Architect – Associate": a level after a dash belongs to the name.
_LEVELS = frozenset(
    "associate professional expert specialty practitioner foundational fundamentals advanced "
    "intermediate beginner basic".split()
)


def _named(rest: list[Piece], result: Fields) -> None:
    """A certification, publication or award: its name (bold if any), then who gave it, then where."""
    for index in range(len(rest) - 1, 0, -1):
        if rest[index].after in ("–", "—", "-") and rest[index].text.casefold() in _LEVELS:
            level = rest.pop(index)
            rest[index - 1] = dataclasses.replace(rest[index - 1], text=f"{rest[index - 1].text} {level.after} {level.text}")
    if not result.title:
        result.title = _take(rest, next((p for p in rest if p.strong), rest[0] if rest else None))
    if not result.organisation:
        result.organisation = _take(rest, next((p for p in rest if not is_place(p.text)), None))
    _location(rest, result)


def _take(rest: list[Piece], piece: Piece | None) -> str:
    if piece is None:
        return ""
    rest.remove(piece)
    return piece.text


def _job(rest: list[Piece], result: Fields) -> None:
    if not result.title:
        scored = [(title_score(p.text) * 2 + p.em, -index, p) for index, p in enumerate(rest)]
        best = max(scored, default=None, key=lambda item: item[:2])
        if best is not None and best[0] >= 2:
            result.title = _take(rest, best[2])
        elif best is not None and best[2].em and not is_place(best[2].text) and len(rest) > 1:
            result.title = _take(rest, best[2])  # "*Développeuse backend*": the italic line names the role
    if not result.title and result.organisation:  # a role under its company ("#### SDE II"): what is not a place
        result.title = _take(rest, next((p for p in rest if not is_place(p.text) and not p.is_dates), None))
    if not result.organisation:
        candidates = [p for p in rest if not is_place(p.text)]
        chosen = next((p for p in candidates if p.strong), candidates[0] if candidates else None)
        result.organisation = _take(rest, chosen)
    elif result.title:  # "Software Engineer, Motion Planning" under a company heading: the team
        team = [p for p in rest if not is_place(p.text) and not p.is_dates]
        if team:
            result.title = ", ".join([result.title, *(_take(rest, p) for p in team)])
    _location(rest, result)


def _degree(rest: list[Piece], result: Fields) -> None:
    if not result.title:
        degree = next((p for p in rest if DEGREE_RE.search(p.text)), None)
        position = rest.index(degree) if degree is not None else len(rest)
        result.title = _take(rest, degree)
        after = rest[position] if position < len(rest) else None
        same_line = after is not None and degree is not None and after.line == degree.line
        styled_apart = after is not None and degree is not None and (after.strong, after.em) != (degree.strong, degree.em)
        if same_line and not (SCHOOL_RE.search(after.text) or is_place(after.text) or after.strong or styled_apart):
            result.title = f"{result.title}, {_take(rest, after)}"  # "B.Tech, Computer Science"
    if not result.organisation:
        school = next((p for p in rest if SCHOOL_RE.search(p.text)), None)
        school = school or next((p for p in rest if not is_place(p.text)), None)
        result.organisation = _take(rest, school)
    if not result.title:
        result.title = _take(rest, next((p for p in rest if not is_place(p.text)), None))
    _location(rest, result)


def _project(rest: list[Piece], result: Fields) -> None:
    if not result.title:
        result.title = _take(rest, next((p for p in rest if p.strong), rest[0] if rest else None))
    tech = next((p for p in rest if p.em), None)
    if tech is not None and not result.tech:
        result.tech = tuple(item.strip() for item in re.split(r",|/", _take(rest, tech)) if item.strip())
    _location(rest, result)


def _location(rest: list[Piece], result: Fields) -> None:
    if not result.location and result.organisation and len(rest) >= 2:
        tail = rest[-1]
        if tail.after == "," and _capitalised(tail.text) and _capitalised(rest[-2].text) and not is_place(tail.text):
            # "Saint-Étienne, Auvergne-Rhône-Alpes" after the organisation: one place, its region unknown
            rest[-2:] = [dataclasses.replace(rest[-2], text=f"{rest[-2].text}, {tail.text}")]
    if not result.location:
        place = next((p for p in rest if is_place(p.text)), None)
        if place is None and len(rest) == 1 and result.organisation and (
            len(rest[0].text.split()) <= 3 or LOCATION_RE.match(rest[0].text)
        ):
            place = rest[0]  # "Title, Company, City", "…, Dún Laoghaire, Co. Dublin": what follows is where
        result.location = _take(rest, place)
    result.extra += [p.text for p in rest]
