"""The annual report as a Word document, read back as its users' programs
read it: python-docx (Debian's python3-docx) for the paragraphs, styles,
fonts, sizes, margins, the table, the charts, the footers and the sign-off,
and LibreOffice (where installed) converting it to PDF, whose pages and text
poppler's pdftotext reads.

The sample (examples/yangxin-2022) is imported once into a file database and
two documents are written from it: the default one (signed with the unit's
name, no date) and one with an issuer and a date.
"""

from __future__ import annotations

import json
import os
import pathlib
import shutil
import subprocess
import tempfile
import unittest
from typing import List, Optional, Set

import fazhi
from fztest import SAMPLE

try:
    import docx
    from docx.enum.section import WD_SECTION  # noqa: F401  (python-docx >= 0.8)
    from docx.enum.shape import WD_INLINE_SHAPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.oxml.ns import qn
except ImportError:  # pragma: no cover - CI installs python3-docx
    docx = None

UNIT = "yx-kfq"
TITLE = "阳新经济开发区管委会2022年法治政府建设年度报告"


def personal_names() -> Set[str]:
    """Every personal name the sample's records hold: petitioners, parties
    who are persons, advisers, enforcement officers and 法律明白人."""
    names: Set[str] = set()
    for path in SAMPLE.glob("*.ndjson"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            r = json.loads(line)
            names.update(r.get("petitioners", []))
            names.update(p["name"] for p in r.get("parties", []) if p.get("type") == "person")
            if r.get("record") in ("adviser", "enforcement_officer", "legal_literate") and "name" in r:
                names.add(r["name"])
    return names


def east_asian_font(style) -> Optional[str]:
    """The w:eastAsia font of a style's own run properties (python-docx's
    font.name reads the Latin one)."""
    rpr = style.element.rPr
    if rpr is None or rpr.rFonts is None:
        return None
    return rpr.rFonts.get(qn("w:eastAsia"))


@unittest.skipIf(docx is None, "python-docx is not installed (Debian: python3-docx)")
class DocxReportTest(unittest.TestCase):
    tmp: pathlib.Path
    plain: pathlib.Path
    signed: pathlib.Path
    model: dict

    @classmethod
    def setUpClass(cls) -> None:
        cls.tmp = pathlib.Path(tempfile.mkdtemp(prefix="fazhi-docx-"))
        db = fazhi.open(cls.tmp / "yx.db")
        try:
            order = (SAMPLE / "import_order.txt").read_text(encoding="utf-8").split()
            for name in order:
                summary = db.import_records(SAMPLE / name)
                assert summary["rejected"] == 0, (name, summary)
            cls.plain = cls.tmp / "yx.docx"
            cls.signed = cls.tmp / "yx-signed.docx"
            db.report_file(cls.plain, UNIT, 2022)
            db.report_file(cls.signed, UNIT, 2022, "docx", issuer="阳新经济开发区管理委员会",
                           date="2023-01-15")
            cls.model = json.loads(db.report(UNIT, 2022, "json"))
        finally:
            db.close()

    @classmethod
    def tearDownClass(cls) -> None:
        shutil.rmtree(cls.tmp, True)

    def document(self, path: Optional[pathlib.Path] = None):
        return docx.Document(str(path or self.plain))

    def texts(self, d) -> List[str]:
        return [p.text for p in d.paragraphs]

    def test_the_page_is_a4_with_the_margins_of_gb_t_9704(self) -> None:
        section = self.document().sections[0]
        for got, mm in ((section.page_width, 210), (section.page_height, 297),
                        (section.top_margin, 37), (section.bottom_margin, 35),
                        (section.left_margin, 28), (section.right_margin, 26)):
            assert abs(got.mm - mm) < 0.05, (got.mm, mm)
        # 22 lines of 28.95 pt fill the 225 mm text block, 23 would not.
        normal = self.document().styles["Normal"].paragraph_format
        assert normal.line_spacing_rule == WD_LINE_SPACING.EXACTLY
        assert abs(normal.line_spacing.pt - 28.95) < 0.01
        assert 22 * normal.line_spacing.mm <= 225 < 23 * normal.line_spacing.mm

    def test_fonts_and_sizes_are_those_of_a_gong_wen(self) -> None:
        styles = self.document().styles
        expected = {
            "Normal": ("仿宋_GB2312", 16),      # 3号
            "Title": ("方正小标宋简体", 22),     # 2号
            "Heading 1": ("黑体", 16),
            "Heading 2": ("楷体_GB2312", 16),
            "Footer": ("宋体", 14),            # 4号
        }
        for name, (font, points) in expected.items():
            style = styles[name]
            assert style.font.name == font, (name, style.font.name)
            assert east_asian_font(style) == font, (name, east_asian_font(style))
            assert style.font.size.pt == points, (name, style.font.size.pt)
        assert styles["Title"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
        # Every paragraph of the text two characters in (2 x 16 pt).
        assert styles["Normal"].paragraph_format.first_line_indent.pt == 32

    def test_paragraphs_come_in_the_statutory_order_in_their_styles(self) -> None:
        d = self.document()
        first = d.paragraphs[0]
        assert (first.text, first.style.name) == (TITLE, "Title")
        headings = [p.text for p in d.paragraphs if p.style.name == "Heading 1"]
        assert headings == [s["number"] + "、" + s["heading"] for s in self.model["sections"]]
        assert headings[0] == "一、推进法治政府建设的主要举措和成效"
        seconds = [p.text for p in d.paragraphs if p.style.name == "Heading 2"]
        assert seconds[:2] == ["（一）依法决策", "（二）法律顾问"]
        body = [p for p in d.paragraphs if "调解成功率98.5%" in p.text]
        assert len(body) == 1 and body[0].style.name == "Normal"
        assert body[0].text.startswith("全年受理矛盾纠纷136起，调结134起，其中调解成功132起")

    def test_the_indicator_table_is_a_word_table(self) -> None:
        tables = self.document().tables
        assert len(tables) == 1
        rows = [[c.text for c in r.cells] for r in tables[0].rows]
        assert rows[0] == ["指标", "代码", "分子", "分母", "数值"]
        assert len(rows) == len(self.model["indicators"]) + 1
        assert ["调解成功率", "mediation.success_rate", "132", "134", "98.5%"] in rows
        assert ["法律顾问覆盖率", "adviser.coverage", "13", "13", "100%"] in rows

    def test_the_three_charts_are_native_charts(self) -> None:
        shapes = self.document().inline_shapes
        assert [s.type for s in shapes] == [WD_INLINE_SHAPE.CHART] * 3

    def test_page_numbers_are_dashes_around_the_number_odd_right_even_left(self) -> None:
        d = self.document()
        assert d.settings.odd_and_even_pages_header_footer
        section = d.sections[0]
        odd, even = section.footer.paragraphs[0], section.even_page_footer.paragraphs[0]
        assert odd.text == "— 1 —" and even.text == "— 1 —"
        assert odd.alignment == WD_ALIGN_PARAGRAPH.RIGHT
        assert even.alignment == WD_ALIGN_PARAGRAPH.LEFT
        assert odd.style.name == "Footer"

    def test_the_sign_off_is_the_unit_without_a_date_by_default(self) -> None:
        texts = self.texts(self.document())
        at = texts.index("附件：主要指标")
        assert texts[at + 1:at + 4] == ["", "阳新经济开发区管委会", "附件"]
        signed = [p for p in self.document().paragraphs if p.style.name == "Sign-off"]
        assert [p.text for p in signed] == ["阳新经济开发区管委会"]
        assert signed[0].style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.RIGHT

    def test_the_sign_off_takes_the_issuer_and_the_date(self) -> None:
        signed = [p for p in self.document(self.signed).paragraphs if p.style.name == "Sign-off"]
        assert [p.text for p in signed] == ["阳新经济开发区管理委员会", "2023年1月15日"]
        # The issuer (12 characters) two characters from the right; the date
        # (6.5 characters wide) starting two characters right of the issuer's
        # first: 2 + 12 - 2 - 6.5 = 5.5 characters from the right.
        right = [p.paragraph_format.right_indent.pt for p in signed]
        character = right[0] / 2
        assert abs(right[1] / character - 5.5) < 0.01, right
        core = self.document(self.signed).core_properties
        assert core.created.isoformat() == "2023-01-15T00:00:00"

    def test_no_personal_name_is_in_the_document(self) -> None:
        d = self.document()
        text = "\n".join(self.texts(d))
        text += "\n".join(c.text for t in d.tables for r in t.rows for c in r.cells)
        text += d.core_properties.author + d.core_properties.title
        names = personal_names()
        assert len(names) > 100  # the sample's people, so that the check means something
        leaked = sorted(n for n in names if n in text)
        assert leaked == [], leaked


@unittest.skipIf(shutil.which("soffice") is None,
                 "LibreOffice is not installed (Debian: libreoffice-writer-nogui); "
                 "the DOCX-to-PDF check needs soffice")
@unittest.skipIf(shutil.which("pdftotext") is None, "pdftotext is not installed (Debian: poppler-utils)")
class DocxInLibreOfficeTest(unittest.TestCase):
    """One conversion to PDF: each page numbered "— N —" in order, the
    attachment on a page of its own, the title and the success rate in the
    text."""

    def test_libreoffice_renders_every_page_numbered_with_the_title_and_the_rate(self) -> None:
        tmp = pathlib.Path(tempfile.mkdtemp(prefix="fazhi-soffice-"))
        self.addCleanup(shutil.rmtree, tmp, True)
        db = fazhi.open(":memory:")
        self.addCleanup(db.close)
        for name in (SAMPLE / "import_order.txt").read_text(encoding="utf-8").split():
            db.import_records(SAMPLE / name)
        source = tmp / "yx.docx"
        db.report_file(source, UNIT, 2022)
        # A profile of its own (a first start writes one), and no sanitizer
        # runtime preloaded into LibreOffice by a sanitized test run.
        env = {k: v for k, v in os.environ.items() if k != "LD_PRELOAD"}
        env["HOME"] = str(tmp)
        result = subprocess.run(
            ["soffice", "-env:UserInstallation=" + (tmp / "profile").as_uri(), "--headless",
             "--convert-to", "pdf", "--outdir", str(tmp), str(source)],
            env=env, capture_output=True, text=True, timeout=240)
        pdf = tmp / "yx.pdf"
        assert result.returncode == 0 and pdf.exists(), (result.returncode, result.stdout, result.stderr)
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        pages = int(next(line.split()[1] for line in info.splitlines() if line.startswith("Pages:")))
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                              text=True, check=True).stdout
        page_texts = text.split("\f")[:pages]
        assert len(page_texts) == pages
        # Every page carries its own number, in order (pdftotext may or may
        # not keep the spaces around it).
        for n, page in enumerate(page_texts, start=1):
            assert "—%d—" % n in "".join(page.split()), (n, page[-200:])
        flat = "".join(text.split())
        assert TITLE in "".join(page_texts[0].split())
        assert "调解成功率98.5%" in flat
        # The attachment begins a page: "附件" is that page's first line.
        starts = [n for n, page in enumerate(page_texts) if page.strip().startswith("附件")]
        assert len(starts) == 1 and starts[0] > 0, starts
        # The text and the indicator table (over 100 rows) need more than
        # the attachment's page and the title's.
        assert 4 <= pages <= 20, pages


if __name__ == "__main__":
    unittest.main()
