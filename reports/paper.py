"""One official document, two files: DOCX for the office to edit and PDF to sign, from the same blocks.

A document is plain data (letterhead, title, headings, paragraphs, tables, signature) with every number
already written the Vietnamese way (decimal comma). ``document_pdf`` renders it through
``reports/pdf/document.html`` (the letterhead of ``reports/pdf/base.html``, Liberation Serif);
``document_docx`` writes the same blocks with python-docx in Times New Roman, the font official documents
are typed in (Liberation Serif has its metrics). Every text is NFC in both.
"""
import io
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import ClassVar

from django.http import HttpResponse

from .pdf import pdf_response, render_pdf

NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
SIGN_HERE = "(Ký, ghi rõ họ tên)"
DOCX_FONT = "Times New Roman"
LINE_CM = 16.5  # A4 less the margins of Nghị định 30 (3 cm left, 1,5 cm right)
DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True)
class Heading:
    text: str
    kind: ClassVar[str] = "heading"  # what the PDF template tells the blocks apart by


@dataclass(frozen=True)
class Paragraph:
    text: str
    italic: bool = False
    kind: ClassVar[str] = "paragraph"


@dataclass(frozen=True)
class Table:
    headers: list
    rows: list  # lists of texts, one per column
    widths: list  # share of the line per column, in %
    numeric: frozenset = frozenset()  # columns aligned right
    bold_rows: frozenset = frozenset()  # area and total rows
    kind: ClassVar[str] = "table"


@dataclass(frozen=True)
class Document:
    issuer: str  # the body under which the document is issued (letterhead, left)
    place: str
    date: date
    title: str
    subtitle: str
    blocks: list
    signer: list  # lines of the signing position, e.g. ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
    office: str = ""  # the unit under the issuer that writes it (a department, the Nội vụ office)
    number: str = ""  # "Số:      /BC-UBND", left for the office's clerk to complete
    recipient: str = ""  # Kính gửi
    signer_name: str = ""
    copies_to: list = field(default_factory=list)  # Nơi nhận


def nfc(text) -> str:
    return unicodedata.normalize("NFC", str(text))


def date_line(document: Document) -> str:
    """``Hoàng Mai, ngày 05 tháng 03 năm 2025`` (Nghị định 30: days below 10, months 1 and 2 with a zero)."""
    day, month = f"{document.date.day:02d}", (f"{document.date.month:02d}" if document.date.month < 3
                                              else str(document.date.month))
    place = f"{document.place}, " if document.place else ""
    return f"{place}ngày {day} tháng {month} năm {document.date.year}"


def document_pdf(document: Document) -> bytes:
    return render_pdf(template_name="reports/pdf/document.html", context={
        "doc": document, "issuer": document.issuer, "office": document.office, "place": document.place,
        "date": document.date, "signer": document.signer, "number": document.number,
    })


def document_docx(document: Document) -> bytes:
    # Imported here, as WeasyPrint is: only document downloads need it.
    import docx
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    out = docx.Document()
    section = out.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin, section.left_margin, section.right_margin = Cm(2), Cm(2), Cm(3), Cm(1.5)
    normal = out.styles["Normal"]
    normal.font.name, normal.font.size = DOCX_FONT, Pt(13)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), DOCX_FONT)
    normal.paragraph_format.space_after = Pt(3)
    # Table text a size smaller, set once on the style rather than on each of thousands of cells.
    out.styles["Table Grid"].font.size = Pt(11.5)

    def write(paragraph, text, *, bold=False, italic=False, size=None, align=None):
        run = paragraph.add_run(nfc(text))
        # Only what differs from the paragraph's style: each property set is an XML element (600 units' rows).
        if bold:
            run.bold = True
        if italic:
            run.italic = True
        if size:
            run.font.size = Pt(size)
        if align is not None:
            paragraph.alignment = align
        return paragraph

    def cell_lines(cell, lines):
        """``lines``: (text, bold, italic) each a centred paragraph of the cell."""
        first = True
        for text, bold, italic in lines:
            paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
            write(paragraph, text, bold=bold, italic=italic, size=12.5, align=WD_ALIGN_PARAGRAPH.CENTER)
            first = False

    def two_columns(rows: int, left_share: int):
        """A borderless table of two columns: the letterhead (issuer | nation) and the signature."""
        table = out.add_table(rows=rows, cols=2)
        for row in table.rows:
            row.cells[0].width = Cm(LINE_CM * left_share / 100)
            row.cells[1].width = Cm(LINE_CM * (100 - left_share) / 100)
        return table

    letterhead = two_columns(2, 45)
    left = [(document.issuer.upper(), not document.office, False)]
    if document.office:
        left.append((document.office.upper(), True, False))
    if document.number:
        left.append((document.number, False, False))
    cell_lines(letterhead.cell(0, 0), left)
    cell_lines(letterhead.cell(0, 1), [(NATION, True, False), (MOTTO, True, False)])
    cell_lines(letterhead.cell(1, 1), [(date_line(document), False, True)])

    write(out.add_paragraph(), document.title, bold=True, size=14, align=WD_ALIGN_PARAGRAPH.CENTER)
    write(out.add_paragraph(), document.subtitle, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    if document.recipient:
        write(out.add_paragraph(), f"Kính gửi: {document.recipient}", align=WD_ALIGN_PARAGRAPH.CENTER)

    for block in document.blocks:
        if isinstance(block, Heading):
            write(out.add_paragraph(), block.text, bold=True)
        elif isinstance(block, Paragraph):
            write(out.add_paragraph(), block.text, italic=block.italic, align=WD_ALIGN_PARAGRAPH.JUSTIFY)
        else:
            table = out.add_table(rows=1 + len(block.rows), cols=len(block.headers))
            table.style, table.alignment = "Table Grid", WD_TABLE_ALIGNMENT.CENTER
            # Row by row: ``table.cell(r, c)`` walks the whole table each time, minutes for 600 units.
            for number, (row, cells) in enumerate(zip([block.headers, *block.rows], (r.cells for r in table.rows))):
                for column, (text, cell) in enumerate(zip(row, cells)):
                    cell.width = Cm(LINE_CM * block.widths[column] / 100)
                    align = (WD_ALIGN_PARAGRAPH.CENTER if number == 0
                             else WD_ALIGN_PARAGRAPH.RIGHT if column in block.numeric else None)
                    write(cell.paragraphs[0], text, align=align,
                          bold=number == 0 or (number - 1) in block.bold_rows)

    signature = two_columns(1, 50)
    copies = signature.cell(0, 0).paragraphs[0]
    if document.copies_to:
        write(copies, "Nơi nhận:", bold=True, italic=True, size=12)
        for line in document.copies_to:
            write(signature.cell(0, 0).add_paragraph(), f"- {line}", size=11)
    cell_lines(signature.cell(0, 1), [*((line.upper(), True, False) for line in document.signer),
                                      (SIGN_HERE, False, True), ("", False, False), ("", False, False),
                                      ("", False, False), (document.signer_name, True, False)])
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()


def document_response(document: Document, filename: str) -> HttpResponse:
    """The document as the file ``filename`` asks for: ``….docx`` or ``….pdf``."""
    if filename.endswith(".pdf"):
        return pdf_response(document_pdf(document), filename)
    response = HttpResponse(document_docx(document), content_type=DOCX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
