"""Make templates/reference.docx, the style sheet pandoc uses for resume.docx.

Run from the repo root after changing a style here (needs python-docx, a development tool, not a
dependency of the build):

    pip install python-docx==1.2.0
    python portfolio/templates/make_reference_docx.py

It starts from pandoc's own reference document (so every style pandoc writes exists) and sets an
ATS-safe, one-column page: US Letter with 0.6 in margins, Arial (Liberation Sans where Arial is
missing), black headings, Word's built-in Heading 1-3 and a List Bullet style with a real bullet
numbering definition. No headers, footers, tables or images are added.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import docx
import pypandoc
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt, RGBColor

OUT = Path(__file__).with_name("reference.docx")
FONT = "Arial"
BLACK = RGBColor(0, 0, 0)
BULLET_NUM_ID = "7"  # pandoc numbers its own lists from 1000, so a low id never clashes

# style name: (size pt, bold, space before pt, space after pt)
PARAGRAPH_STYLES = {
    "Normal": (10, False, 0, 0),
    "Body Text": (10, False, 0, 2),
    "First Paragraph": (10, False, 0, 2),
    "Compact": (10, False, 0, 0),
    "Heading 1": (16, True, 0, 2),
    "Heading 2": (11.5, True, 8, 2),
    "Heading 3": (10.5, True, 5, 0),
}


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        default = Path(folder) / "default.docx"
        default.write_bytes(_pandoc_default())
        document = docx.Document(str(default))
    _page(document)
    for name, spec in PARAGRAPH_STYLES.items():
        _paragraph_style(document.styles[name], *spec)
    _heading_rules(document)
    _list_bullet(document)
    _clear_body(document)
    document.core_properties.title = ""
    document.core_properties.author = ""
    document.save(str(OUT))
    print(f"wrote {OUT}")
    return 0


def _pandoc_default() -> bytes:
    command = [pypandoc.get_pandoc_path(), "--print-default-data-file", "reference.docx"]
    return subprocess.run(command, capture_output=True, check=True).stdout


def _page(document: docx.document.Document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Inches(0.6))
    section.header_distance = section.footer_distance = Inches(0.3)


def _paragraph_style(style, size: float, bold: bool, before: float, after: float) -> None:
    style.font.name = FONT
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = False
    style.font.color.rgb = BLACK
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(theme), None)
    layout = style.paragraph_format
    layout.space_before, layout.space_after = Pt(before), Pt(after)
    layout.line_spacing = 1.0


def _heading_rules(document: docx.document.Document) -> None:
    """Section headings in capitals over a thin rule (a paragraph border, not a shape)."""
    heading = document.styles["Heading 2"]
    heading.font.all_caps = True
    properties = heading.element.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    border.append(bottom)
    properties.append(border)
    for name in ("Heading 1", "Heading 2", "Heading 3"):
        document.styles[name].paragraph_format.keep_with_next = True


def _list_bullet(document: docx.document.Document) -> None:
    """Word's List Bullet style, tied to a bullet numbering so each paragraph shows "•"."""
    numbering = document.part.numbering_part.element
    abstract = _element("w:abstractNum", **{"w:abstractNumId": BULLET_NUM_ID})
    level = _element("w:lvl", **{"w:ilvl": "0"})
    for tag, value in (
        ("w:start", "1"),
        ("w:numFmt", "bullet"),
        ("w:lvlText", "•"),
        ("w:lvlJc", "left"),
    ):
        level.append(_element(tag, **{"w:val": value}))
    indent = _element("w:pPr")
    indent.append(_element("w:ind", **{"w:left": "288", "w:hanging": "216"}))
    level.append(indent)
    abstract.append(level)
    numbering.insert(0, abstract)
    number = _element("w:num", **{"w:numId": BULLET_NUM_ID})
    number.append(_element("w:abstractNumId", **{"w:val": BULLET_NUM_ID}))
    numbering.append(number)

    style = document.styles.add_style("List Bullet", WD_STYLE_TYPE.PARAGRAPH)
    style.element.attrib.pop(
        qn("w:customStyle"), None
    )  # Word's built-in List Bullet, not a custom one
    style.base_style = document.styles["Normal"]
    _paragraph_style(style, 10, False, 0, 1)
    properties = style.element.get_or_add_pPr()
    numbered = _element("w:numPr")
    numbered.append(_element("w:ilvl", **{"w:val": "0"}))
    numbered.append(_element("w:numId", **{"w:val": BULLET_NUM_ID}))
    properties.insert(0, numbered)


def _clear_body(document: docx.document.Document) -> None:
    """pandoc reads only styles and page setup from a reference document; drop its sample text."""
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def _element(tag: str, **attributes: str) -> OxmlElement:
    element = OxmlElement(tag)
    for key, value in attributes.items():
        element.set(qn(key), value)
    return element


if __name__ == "__main__":
    sys.exit(main())
