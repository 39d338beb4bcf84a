"""Right-to-left resumes read back in logical order (the blind Hebrew and Arabic ones, tests/fixtures/lang_blind),
in the fast lane: rendered through the fit, read the way the ATS round trip reads a right-to-left PDF (line by line,
each line's items right to left, each item in the order of the Unicode Bidirectional Algorithm), with what it
still reports pinned."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from src_support import FIXTURES, mapping_tests, module

resume = module("resume")
fit = module("fit")
ats = module("ats")
pdf_reading = module("pdf_reading")

LANG_BLIND = FIXTURES / "lang_blind"
NAMES = ["ar-1", "ar-2", "he-1", "he-2"]

# Right to left, what the round trip (read in the order of the Unicode Bidirectional Algorithm) still reports,
# pinned. Two causes, neither ours to fix in the reading:
# - Typst writes one ToUnicode text per glyph (typst/typst#4225, #8767): an Arabic mark glyph (tanween, shadda)
#   reads everywhere as the letter and mark it was first drawn with, so "فريقًا" extracts with a stray "قً";
# - a visual line does not always say its logical order: "85%" after Arabic words is drawn "%85" (the number is
#   Arabic-context), and "10 Gbps" between Hebrew words as "Gbps 10"; read back, both keep the visual order.
KNOWN_RIGHT_TO_LEFT = {
    "he-2": ["bullet 'מפתח ב-C++ שירותים לזיהוי איומים ברשת שמנתחים 10 …' is not whole in the PDF text (it breaks"
             " after '• מפתח ב-C++ שירותים לזיהוי איומים ברשת שמנתחים')"],
    "ar-1": [
        "bullet 'أقود فريقًا من 5 مهندسين لتطوير منصة دفع …' is not whole in the PDF text (it breaks after"
        " '• أقود فريقًا من 5 مهندسين لتطوير منصة دفع تعالج 200 ألف …')",
        "bullet 'طورت نظامًا لإدارة المخزون باستخدام Python وDjango يخدم …' is not whole in the PDF text (it breaks"
        " after '• طورت')",
        "bullet 'كتبت 600 اختبار آلي ورفعت نسبة تغطية الكود …' is not whole in the PDF text (it breaks after"
        " '• كتبت 600 اختبار آلي ورفعت نسبة تغطية الكود من 40% إلى')",
    ],
    "ar-2": [
        "bullet 'أطور خدمات الصيرفة المفتوحة بلغة Java وإطار Spring …' is not whole in the PDF text (it breaks"
        " after '• أطور خدمات الصيرفة')",
        "bullet 'بنيت تطبيقًا لتتبع الشحنات باستخدام Node.js خفّض الاتصالات …' is not whole in the PDF text (it"
        " breaks after '• بنيت تطبيقًا')",
        "bullet 'أتمتت الفوترة الشهرية لـ 12 ألف عميل، ما …' is not whole in the PDF text (lost)",
    ],
}

_BUILT: dict[tuple[str, str], tuple[object, Path]] = {}


def built(name: str, folder: Path) -> tuple[object, Path]:
    """The blind resume `name` and its PDF, rendered once per session (once per test while mutmut maps the
    tests, where each test must render what it checks: see src_support.SHARED)."""
    key = (name, str(folder) if mapping_tests() else "")
    if key not in _BUILT:
        source = resume.load_resume(LANG_BLIND / f"{name}.md").public()
        path = folder / f"{name}.pdf"
        path.write_bytes(fit.fit_pdf(source, folder, cache=False).pdf)
        _BUILT[key] = (source, path)
    return _BUILT[key]


@pytest.mark.parametrize("name", NAMES)
def test_right_to_left_languages_read_back_whole_in_logical_order(tmp_path: Path, name: str) -> None:
    """The whole round trip, on the one reading that orders a right-to-left line logically: every heading, field
    and bullet is found as written (names, dates with their numbers, Latin words among Hebrew or Arabic ones)."""
    source, path = built(name, tmp_path)
    report = ats.check_pdf(path, source)
    assert report.readers == ["layout"]
    assert report.notes == [ats.RIGHT_TO_LEFT_NOTE]
    problems = [re.sub(r"^(\S+\.md:\d+: )?(layout: )?", "", problem) for problem in report.problems]
    assert problems == KNOWN_RIGHT_TO_LEFT.get(name, []), report.problems
    fields = [(read.label, read.value) for read in report.fields]
    assert len(fields) >= 8 and all(read.ok for read in report.fields), fields


def test_a_right_to_left_line_reads_rightmost_item_first_in_logical_order(tmp_path: Path) -> None:
    """he-1, read by hand: the title (right) before its dates (left), and the date range as written."""
    lines = pdf_reading.items_as_text(pdf_reading.read_items(built("he-1", tmp_path)[1], right_to_left=True)).splitlines()
    assert lines[0] == "נועה כהן"
    assert "מפתחת Full Stack בכירה  מרץ 2021 – היום" in lines
    assert "• כתבתי 500 בדיקות אוטומטיות ב-Jest והעליתי את כיסוי הקוד מ-45% ל-88%." in lines
    assert "B.Sc. במדעי המחשב  2014 – 2017" in lines


def test_the_same_pdf_read_left_to_right_keeps_the_visual_order(tmp_path: Path) -> None:
    """The near miss: without right_to_left the items of a line come left to right, dates first."""
    lines = pdf_reading.items_as_text(pdf_reading.read_items(built("he-1", tmp_path)[1])).splitlines()
    assert "מפתחת Full Stack בכירה  מרץ 2021 – היום" not in lines
    assert lines[0] != "נועה כהן"
