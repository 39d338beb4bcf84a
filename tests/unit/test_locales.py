"""Resumes in other languages: dates and section headings as natives write them (resume/locales.py), `lang:` in
the front matter, and the blind set written from the issue alone (tests/fixtures/lang_blind) read field by field."""

from __future__ import annotations

import pytest
from lang_score import score_all
from src_support import module

resume = module("resume")
grammar = module("resume.grammar")
pdf = module("pdf")

HEAD = "# Ada Lovelace\n\nLondon, UK | ada@example.com\n\n"


def dates(text: str):
    found = resume.parse_date_range(text)
    if found is None:
        return None
    return found.start.iso(), "present" if found.ongoing else found.end.iso()


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("März 2022 – heute", ("2022-03", "present")),
        ("Okt. 2019 – Feb. 2022", ("2019-10", "2022-02")),
        ("01/2018 bis 03/2021", ("2018-01", "2021-03")),
        ("seit 2019", ("2019", "present")),
        ("septembre 2021 – aujourd’hui", ("2021-09", "present")),
        ("sept. 2018 à févr. 2022", ("2018-09", "2022-02")),
        ("Depuis mars 2022", ("2022-03", "present")),
        ("marzo de 2021 – actualidad", ("2021-03", "present")),
        ("mar/2021 – atual", ("2021-03", "present")),
        ("gen 2018 – feb 2021", ("2018-01", "2021-02")),
        ("mrt 2017 - sep 2020", ("2017-03", "2020-09")),
        ("października 2013 – lutego 2017", ("2013-10", "2017-02")),
        ("03.2021 – obecnie", ("2021-03", "present")),
        ("augusti 2018 – februari 2021", ("2018-08", "2021-02")),
        ("Eyl 2020 - Halen", ("2020-09", "present")),
        ("2021年4月 – 現在", ("2021-04", "present")),
        ("2019年3月至2021年5月", ("2019-03", "2021-05")),
        ("2020年 – 至今", ("2020", "present")),
        ("2020년 9월 – 재직 중", ("2020-09", "present")),
        ("2021.03 ~ 현재", ("2021-03", "present")),
        ("تشرين الأول 2016 – شباط 2020", ("2016-10", "2020-02")),
        ("مارس 2021 – حتى الآن", ("2021-03", "present")),
        ("מרץ 2021 – היום", ("2021-03", "present")),
        ("Since 2020", ("2020", "present")),
        ("March 2022 – Present", ("2022-03", "present")),
    ],
)
def test_dates_as_each_language_writes_them(text: str, read: tuple) -> None:
    assert dates(text) == read


@pytest.mark.parametrize(
    "text",
    ["März", "heute", "bis 2021", "2021年13月", "Mai Tai 2021 Bar", "至今", "2022 – 2019"],
)
def test_near_misses_are_not_dates(text: str) -> None:
    assert dates(text) is None


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Berufserfahrung", "experience"), ("Projekterfahrung", "projects"), ("Weiterbildung", "education"),
        ("Expérience professionnelle", "experience"), ("Compétences", "skills"), ("Formation", "education"),
        ("Experiencia laboral", "experience"), ("Formación académica", "education"), ("Idiomas", "text"),
        ("Esperienze lavorative", "experience"), ("Vaardigheden", "skills"), ("Doświadczenie zawodowe", "experience"),
        ("Arbetslivserfarenhet", "experience"), ("İş Deneyimi", "experience"), ("Eğitim Bilgileri", "education"),
        ("職務経歴", "experience"), ("学歴", "education"), ("项目经历", "projects"), ("教育经历", "education"),
        ("工作经历", "experience"), ("경력 사항", "experience"), ("학력", "education"), ("보유 기술", "skills"),
        ("الخبرات العملية", "experience"), ("المؤهلات العلمية", "education"), ("ניסיון תעסוקתי", "experience"),
        ("Additional Information", "text"),  # "formation" only as a word of its own
    ],
)
def test_section_headings_in_other_languages(heading: str, kind: str) -> None:
    assert grammar.section_kind(heading).name == kind


def test_lang_is_read_kept_as_written_and_written_back() -> None:
    parsed = resume.parse_resume("---\nlang: pt-BR\n---\n" + HEAD, "resume.md")
    assert parsed.lang == "pt-BR"
    assert "lang: pt-BR\n" in resume.write_resume(parsed)
    assert resume.parse_resume(HEAD, "resume.md").lang == "en"
    assert "lang:" not in resume.write_resume(resume.parse_resume(HEAD, "resume.md"))
    assert pdf._language("pt-BR") == {"lang": "pt", "region": "BR"}
    assert pdf._language("zh-Hant-TW") == {"lang": "zh", "region": "TW"}
    assert pdf._language("en") == {"lang": "en"}


@pytest.mark.parametrize("tag", ["deutsch", "de_DE", "12", "[de]"])
def test_a_bad_language_tag_is_a_located_error(tag: str) -> None:
    with pytest.raises(resume.ResumeError) as raised:
        resume.parse_resume(f"---\ntarget_role: x\nlang: {tag}\n---\n" + HEAD, "resume.md")
    assert str(raised.value).startswith("resume.md:3: `lang` must be a language tag such as de, pt-BR or zh-Hant, not ")


def test_the_blind_set_in_fourteen_languages_reads_field_by_field() -> None:
    """Blind, before the locale tables: 312/735 fields (0.42). Bar: 0.98."""
    score = score_all(resume)
    assert score.total == 735
    assert score.share >= 0.98, score.misses


locales = module("resume.locales")


@pytest.mark.parametrize(
    ("texts", "lang"),
    [
        (["경력", "2021년 4월 – 현재"], "ko"),
        (["スキル", "2021年4月 – 現在"], "ja"),  # kana beside the kanji: Japanese, not Chinese
        (["職歴", "2021年4月 – 現在"], "zh"),  # kanji alone say no more than Chinese
        (["工作经历", "2021年4月 – 至今"], "zh"),
        (["الخبرة"], "ar"),
        (["ניסיון"], "he"),
        (["August 2021 – Present", "Experience"], None),  # English (August is German too): no vote
        (["Ausbildung", "Berufserfahrung", "tills vidare"], "de"),  # two German words outvote one Swedish phrase
        (["Ausbildung", "tills vidare"], "sv"),  # one each: the tie goes the same way every time
    ],
)
def test_the_language_of_a_resume_is_told_by_its_script_or_its_words(texts: list[str], lang: str | None) -> None:
    assert locales.detect(texts) == lang
