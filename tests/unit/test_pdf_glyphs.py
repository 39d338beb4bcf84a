"""The glyph geometry under the line-by-line reading of a PDF (portfolio.pdf_reading): a glyph drawn twice is read
once, a combining mark joins the letter it sits on, a line's top is its letters' baseline, right-to-left ligatures
are turned around, and each page continues below the one before. Glyphs here are made by hand with the positions
pdfminer gives (x0, x1, the text matrix's baseline, the font size), so each expected value is worked out below."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import typst
from src_support import module

pdf_reading = module("pdf_reading")


@dataclass
class Glyph:
    """What pdf_reading reads of a pdfminer LTChar."""

    text: str
    x0: float
    x1: float
    baseline: float = 700.0
    size: float = 10.0
    fontname: str = "LibertinusSerif-Regular"

    @property
    def matrix(self) -> tuple[float, ...]:
        return (self.size, 0.0, 0.0, self.size, self.x0, self.baseline)

    def get_text(self) -> str:
        return self.text


ALEF, ALEF_TANWEEN = "ا", "اً"  # a letter, and the letter with its mark (one cluster)


def texts(glyphs: list[Glyph]) -> list[tuple[str, float]]:
    return [(glyph.text, glyph.x0) for glyph in glyphs]


# --------------------------------------------------------------------------- a glyph drawn twice


def test_a_glyph_drawn_again_a_hair_away_is_read_once_and_the_rest_of_the_line_still_is() -> None:
    line = [Glyph("a", 10, 15), Glyph("a", 10.99, 16), Glyph("b", 20, 25), Glyph("b", 20, 25, baseline=704.9)]
    assert texts(pdf_reading._drawn_once(line)) == [("a", 10), ("b", 20)]


def test_the_same_text_a_tenth_of_the_size_across_or_half_the_size_up_is_another_glyph() -> None:
    across = [Glyph("a", 10, 15), Glyph("a", 11, 16)]  # 1.0 pt = 0.1 × 10 pt: not "less than"
    up = [Glyph("b", 20, 25), Glyph("b", 20, 25, baseline=705.0)]  # 5.0 pt = 0.5 × 10 pt
    near_but_not_same = [Glyph("c", 30, 35), Glyph("c", 30.5, 35, baseline=702)]  # within both only at 10 pt
    assert texts(pdf_reading._drawn_once(across)) == [("a", 10), ("a", 11)]
    assert texts(pdf_reading._drawn_once(up)) == [("b", 20), ("b", 20)]
    assert texts(pdf_reading._drawn_once(near_but_not_same)) == [("c", 30)]
    assert texts(pdf_reading._drawn_once([Glyph("a", 10, 15), Glyph("b", 10, 15)])) == [("a", 10), ("b", 10)]


# --------------------------------------------------------------------------- how far two glyphs overlap


def test_a_glyph_of_no_width_overlaps_one_it_sits_within_by_one_edges_included() -> None:
    letter = Glyph("e", 10, 16)
    for x in (10, 13, 16):
        assert pdf_reading._overlap(letter, Glyph("\u0301", x, x)) == 1.0
        assert pdf_reading._overlap(Glyph("\u0301", x, x), letter) == 1.0
    assert pdf_reading._overlap(letter, Glyph("\u0301", 17, 17)) == -1.0
    assert pdf_reading._overlap(Glyph("\u0301", 9, 9), letter) == -1.0
    assert pdf_reading._overlap(letter, Glyph("\u0301", 12, 20)) == 4.0  # both with a width: the shared span


# --------------------------------------------------------------------------- a combining mark finds its letter


def test_a_mark_with_no_line_yet_makes_one() -> None:
    lines: list[list[Glyph]] = []
    mark = Glyph("\u0301", 10, 12)
    pdf_reading._attach(mark, lines)
    assert lines == [[mark]]


def test_a_mark_goes_to_the_line_whose_baseline_is_nearest() -> None:
    upper, lower = [Glyph("a", 10, 15, baseline=700)], [Glyph("b", 10, 15, baseline=680)]
    mark = Glyph("\u0301", 11, 13, baseline=697)
    pdf_reading._attach(mark, [upper, lower])
    assert (texts(upper), texts(lower)) == ([("a", 10), ("\u0301", 11)], [("b", 10)])


def test_a_mark_over_no_letter_stands_where_it_is_drawn() -> None:
    line = [Glyph("a", 10, 15), Glyph("b", 20, 25)]
    left, between = Glyph("\u0301", 2, 4), Glyph("\u0301", 16, 18)
    pdf_reading._attach(left, [line])
    pdf_reading._attach(between, [line])
    assert texts(line) == [("\u0301", 2), ("a", 10), ("\u0301", 16), ("b", 20)]


def test_a_cluster_over_most_of_its_letter_replaces_the_letter_it_already_says() -> None:
    line = [Glyph(ALEF, 10, 16)]
    pdf_reading._attach(Glyph(ALEF_TANWEEN, 10, 16), [line])  # overlaps all 6 pt of its 6 pt
    assert texts(line) == [(ALEF_TANWEEN, 10)]


def test_a_cluster_over_half_of_its_letter_or_less_is_read_beside_it() -> None:
    half, less = [Glyph(ALEF, 10, 17)], [Glyph(ALEF, 10, 17)]
    pdf_reading._attach(Glyph(ALEF_TANWEEN, 12, 22), [half])  # 5 pt of its 10 pt: not more than half
    pdf_reading._attach(Glyph(ALEF_TANWEEN, 15, 25), [less])  # 2 pt of 10
    assert texts(half) == [(ALEF, 10), (ALEF_TANWEEN, 12)]
    assert texts(less) == [(ALEF, 10), (ALEF_TANWEEN, 15)]


def test_a_mark_whose_text_the_glyph_under_it_already_holds_is_not_read_twice() -> None:
    line = [Glyph("e\u0301\u0302", 10, 16)]
    pdf_reading._attach(Glyph("e\u0301", 11, 15), [line])
    assert texts(line) == [("e\u0301\u0302", 10)]


# --------------------------------------------------------------------------- widths, items, right to left


def test_the_typical_width_is_the_median_of_the_visible_glyphs() -> None:
    glyphs = [Glyph("a", 0, 4), Glyph("b", 4, 10), Glyph(" ", 10, 30), Glyph("c", 30, 36)]
    assert pdf_reading._typical_char_width(glyphs) == 6.0
    assert pdf_reading._typical_char_width([Glyph(" ", 0, 3)]) == 5.0
    assert pdf_reading._typical_char_width([]) == 5.0


def test_an_item_spans_its_visible_glyphs_and_sits_on_its_letters_baseline() -> None:
    run = [Glyph(" ", 0, 3), Glyph("\u0301", 4, 6, baseline=706), Glyph("e", 4, 9), Glyph("d", 9, 14), Glyph(" ", 14, 17)]
    item = pdf_reading._item(run, 792.0, 2)
    assert (item.text, item.x0, item.x1, item.top, item.page, item.bold) == ("\u0301ed", 4, 14, 92.0, 2, False)


def test_an_item_in_bold_type_is_bold_only_when_every_visible_glyph_is() -> None:
    bold = [Glyph("A", 0, 6, fontname="Serif-Bold"), Glyph(" ", 6, 8), Glyph("B", 8, 14, fontname="Serif-Semibold")]
    mixed = [Glyph("A", 0, 6, fontname="Serif-Bold"), Glyph("B", 6, 12)]
    assert pdf_reading._item(bold, 792.0, 1).bold is True
    assert pdf_reading._item(mixed, 792.0, 1).bold is False


def test_a_right_to_left_ligature_is_turned_around_and_other_text_is_not() -> None:
    assert pdf_reading._visual("ال") == "لا"  # Arabic lam-alef: one glyph, its letters in logical order
    assert pdf_reading._visual("של") == "לש"  # Hebrew letters (bidi class R) likewise
    assert pdf_reading._visual("fi") == "fi"
    assert pdf_reading._visual("ل") == "ل"


def test_each_page_continues_below_the_one_before(tmp_path: Path) -> None:
    source = tmp_path / "pages.typ"
    source.write_text('#set page(width: 200pt, height: 100pt, margin: 20pt)\nOne\n#pagebreak()\nTwo\n'
                      '#pagebreak()\nThree\n', encoding="utf-8")
    pdf = tmp_path / "pages.pdf"
    pdf.write_bytes(typst.compile(str(source)))
    items = pdf_reading.read_items(pdf)
    assert [(item.text, item.page) for item in items] == [("One", 1), ("Two", 2), ("Three", 3)]
    first, second, third = (item.top for item in items)
    assert (round(second - first, 3), round(third - second, 3)) == (100.0, 100.0)
