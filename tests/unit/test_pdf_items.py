"""The line-by-line reading of a PDF (portfolio.pdf_reading.read_items) on our own layout: where items sit, which
page they are on, and how a two-page resume's second page continues below the first."""

from __future__ import annotations

import pytest
from src_support import SHARED, longer_senior, module

resume = module("resume")
fit = module("fit")
pdf_reading = module("pdf_reading")

LETTER_WIDTH = 612.0  # points
LETTER_HEIGHT = 792.0


@pytest.fixture(scope=SHARED)
def two_pages(tmp_path_factory: pytest.TempPathFactory) -> list:
    text = longer_senior(40, front="pages: 2\n")
    folder = tmp_path_factory.mktemp("two-pages")
    path = folder / "resume.pdf"
    path.write_bytes(fit.fit_pdf(resume.parse_resume(text, "resume.md").public(), folder, cache=False).pdf)
    return pdf_reading.read_items(path)


def test_the_name_is_the_first_item_set_in_the_middle_of_the_page(two_pages: list) -> None:
    name = two_pages[0]
    assert (name.text, name.page, name.bold) == ("María-José Núñez O'Connor", 1, True)
    assert 100 < name.x0 < LETTER_WIDTH / 2 < name.x1 < LETTER_WIDTH - 100  # centred, not at either margin


def test_items_run_down_the_first_page_then_the_second(two_pages: list) -> None:
    pages = [item.page for item in two_pages]
    assert pages == sorted(pages) and set(pages) == {1, 2}
    first, second = [i for i in two_pages if i.page == 1], [i for i in two_pages if i.page == 2]
    assert max(i.top for i in first) < LETTER_HEIGHT < min(i.top for i in second) < 2 * LETTER_HEIGHT
    tops = [item.top for item in two_pages]
    assert tops == sorted(tops)  # top to bottom


def test_items_of_one_line_run_left_to_right_without_overlapping(two_pages: list) -> None:
    by_line: dict[tuple[int, float], list] = {}
    for item in two_pages:
        by_line.setdefault((item.page, round(item.top)), []).append(item)
    rows = [row for row in by_line.values() if len(row) > 1]
    assert rows, "the layout puts dates on the same line as titles"
    for row in rows:
        assert all(a.x1 <= b.x0 for a, b in zip(row, row[1:])), [(i.text, i.x0, i.x1) for i in row]


def test_text_is_compared_without_soft_hyphens_ligatures_or_extra_spaces() -> None:
    assert pdf_reading.normalised("co\u00adoperate  with \ufb01nance") == "cooperate with finance"


def test_a_page_without_text_reads_as_nothing_and_a_file_pdftotext_cannot_read_as_none(tmp_path) -> None:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    writer.add_blank_page(width=612, height=792)
    with (tmp_path / "blank.pdf").open("wb") as out:
        writer.write(out)
    assert pdf_reading.read_pypdf(tmp_path / "blank.pdf") == "\n"  # two pages, no text on either
    (tmp_path / "broken.pdf").write_bytes(b"not a PDF at all")
    assert pdf_reading.read_pdftotext(tmp_path / "broken.pdf") is None


def test_items_within_the_baseline_tolerance_share_a_line_of_the_layout_text() -> None:
    item = pdf_reading.TextItem
    items = [item("Initech", 40, 80, 100, 1), item("Austin, TX", 400, 460, 101.5, 1), item("Engineer", 40, 90, 103.1, 1)]
    assert pdf_reading.items_as_text(items) == "Initech  Austin, TX\nEngineer"
