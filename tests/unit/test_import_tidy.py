"""What an import writes more neatly than the source had it (importer.common.tidied)."""

from __future__ import annotations

from src_support import module

resume = module("resume")
common = module("importer.common")
TEXT = (
    "# Ana Silva\n\niOS Engineer\\\nLisbon, Portugal | +351 912 345 678 | ana@example.com\n\n"
    "## Skills\n\n- Swift\n- UIKit\n- **Tools:** Xcode, Fastlane\n- Combine\n"
)


def test_one_skill_a_line_becomes_one_line_and_the_tagline_the_role() -> None:
    tidy, notes = common.tidied(resume.parse_resume(TEXT))
    assert tidy.target_role == "iOS Engineer"
    assert [s.heading for s in tidy.sections] == ["Skills"]
    assert [(g.label, g.items) for g in tidy.sections[0].skills] == [
        ("", ("Swift", "UIKit")),
        ("Tools", ("Xcode", "Fastlane")),
        ("", ("Combine",)),
    ]
    assert tidy.phone == "+351 912 345 678" and "+351" not in resume.write_resume(tidy).split("---")[2]
    assert len(notes) == 2
    assert common.unplaced(tidy, lambda line: f"line {line}") == []


def test_a_role_in_the_front_matter_stays_and_the_line_stays_text() -> None:
    text = '---\ntarget_role: "Mobile Lead"\n---\n' + TEXT
    tidy, _ = common.tidied(resume.parse_resume(text))
    assert tidy.target_role == "Mobile Lead" and tidy.sections[0].paragraphs == ("iOS Engineer",)


JOBS = (
    "# Ana Silva\n\nana@example.com\n\n## {heading}\n\n### Engineer\n\n**Acme** | Lisbon | *{first}*\n\n- Did 3 things.\n\n"
    "### Intern\n\n**Globex** | Porto | *{second}*\n\n- Did 2 things.\n"
)


def tidy_dates(first: str, second: str) -> list[str]:
    text = JOBS.format(heading="Experience", first=first, second=second)
    return [entry.dates for entry in common.tidied(resume.parse_resume(text))[0].entries()]


def test_dates_written_more_than_one_way_are_written_out_one_way() -> None:
    assert tidy_dates("03/2021 – now", "Jun. 2019 - Feb 2021") == ["March 2021 – Present", "June 2019 – February 2021"]
    assert tidy_dates("2019–2021", "Summer 2018") == ["2019 – 2021", "2018"]


def test_near_miss_dates_already_written_one_way_stay_as_they_are() -> None:
    assert tidy_dates("Mar 2021 – Present", "Jun 2019 – Feb 2021") == ["Mar 2021 – Present", "Jun 2019 – Feb 2021"]
    assert tidy_dates("March 2021 – Present", "June 2019 – February 2021") == [
        "March 2021 – Present", "June 2019 – February 2021",
    ]


def test_a_heading_the_checks_would_not_take_becomes_its_kind_s() -> None:
    for heading, written in [("Work", "Experience"), ("Selected Experience", "Experience"), ("Work History", "Work History"),
                             ("Recognition", "Awards"), ("Honors & Awards", "Honors & Awards")]:
        text = JOBS.format(heading=heading, first="2021 – 2022", second="2019 – 2021")
        assert common.tidied(resume.parse_resume(text))[0].sections[0].heading == written, heading


# --------------------------------------------------------------------------- another language

from src_support import FIXTURES as _FIXTURES  # noqa: E402

_locales = module("resume.locales")
_reader = module("resume")
_LANG_BLIND = sorted((_FIXTURES / "lang_blind").glob("*-*.md"))
_ENGLISH = sorted(
    path for folder in ("resumes", "resumes_blind", "resumes_blind2", "resumes_md_blind") for path in (_FIXTURES / folder).glob("*.md")
)


def _detected(path):
    model = _reader.load_resume(path)
    return _locales.detect([e.dates for e in model.entries() if e.dates] + [s.heading for s in model.sections if s.heading])


def test_the_language_of_an_import_is_told_by_its_dates_headings_and_script() -> None:
    """All 28 blind resumes (es-2 writes only numeric dates and "presente", which three languages use: its
    headings tell), and none of the English resumes."""
    found = {path.name: _detected(path) for path in _LANG_BLIND}
    wrong = {name: lang for name, lang in found.items() if lang != name.split("-")[0]}
    assert wrong == {}
    assert [path.name for path in _ENGLISH if _detected(path) is not None] == []
    assert len(_ENGLISH) >= 50


def test_a_german_import_keeps_its_headings_and_writes_its_dates_in_german() -> None:
    text = (_FIXTURES / "lang_blind" / "de-2.md").read_text(encoding="utf-8").replace("lang: de\n", "")
    tidy, notes = common.tidied(_reader.parse_resume(text, "resume.md"))
    assert tidy.lang == "de" and "written in de: `lang: de` in the front matter" in notes
    assert [entry.dates for entry in tidy.entries()][:3] == ["April 2021 – heute", "Januar 2018 – März 2021", "Oktober 2013 – Dezember 2017"]
    assert [section.heading for section in tidy.sections] == ["Kurzprofil", "Beruflicher Werdegang", "Fachkenntnisse", "Bildungsweg", "Sprachen"]
    assert "lang: de\n" in _reader.write_resume(tidy)


def test_dates_written_out_in_each_script() -> None:
    period = _reader.parse_date_range("2021年4月 – 2023年3月")
    assert common.written_out(period, lang="ja") == "2021年4月 – 2023年3月"
    assert common.written_out(period, lang="ko") == "2021년 4월 – 2023년 3월"
    assert common.written_out(period, lang="fr") == "avril 2021 – mars 2023"
    assert common.written_out(period, lang="tr") == "Nisan 2021 – Mart 2023"
    ongoing = _reader.parse_date_range("2021.04 ~ 현재")
    assert common.written_out(ongoing, lang="he") == "אפריל 2021 – היום"
    assert common.written_out(ongoing) == "April 2021 – Present"
