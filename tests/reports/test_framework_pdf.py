"""The framework appendix as an official PDF: layout text, decimal commas, shipped fonts only."""
import datetime
import io
import re
import unicodedata
from types import SimpleNamespace

import pytest
from django.template.loader import render_to_string
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from frameworks.models import Framework, Node
from frameworks.services import FIXTURE_DIR, framework_load, read_fixture
from reports.documents import framework_pdf, place_of, row_groups
from reports.pdf import FONT_DIR, pdf_response

KEY = "hoangmai-phuong-2024"


@pytest.fixture
def framework(db):
    framework_load(data=read_fixture(FIXTURE_DIR / f"{KEY}.json"))
    return Framework.objects.get(key=KEY)


def page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def flat(text: str) -> str:
    """Table cells wrap wherever the column ends: compare text with every run of whitespace as one space."""
    return " ".join(text.split())


def test_framework_pdf_reads_as_the_official_appendix(framework):
    pages = page_texts(framework_pdf(framework=framework))
    first, text = pages[0], flat(" ".join(pages))

    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in first
    assert "Độc lập - Tự do - Hạnh phúc" in first.splitlines()
    assert "UBND QUẬN HOÀNG MAI" in first
    assert re.search(r"Hoàng Mai, ngày \d\d tháng \d\d? năm \d{4}", first)
    assert "PHỤ LỤC\nKHUNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH" in first
    assert "Khung Chỉ số cải cách hành chính áp dụng đối với UBND các phường thuộc quận Hoàng Mai" in text
    assert "(Ban hành kèm theo Quyết định số 351/QĐ-UBND ngày 10 tháng 7/2024 của UBND quận Hoàng Mai)" in text
    for row in [
        "1 CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH 20",
        "1.5 Thực hiện nhiệm vụ do cấp trên giao 1,5",
        "1.2.1 Số lượng báo cáo định kỳ 0,25",
        "1.7.2 Tổ chức đối thoại với cá nhân, tổ chức 2",
        "3.2.1 Tỷ lệ hồ sơ TTHC được giải quyết đúng và trước hạn tại Bộ phận Một cửa cấp phường 4,5",
        "8 TÁC ĐỘNG ĐẾN SỰ PHÁT TRIỂN KINH TẾ - XÃ HỘI 4",
        "TỔNG ĐIỂM 70",
    ]:
        assert row in text
    # Every title of the 91 nodes, whatever its line breaks (a hyphenated word may wrap after "-").
    squeezed = "".join(text.split())
    for node in read_fixture(FIXTURE_DIR / f"{KEY}.json")["nodes"]:
        assert "".join(node["title"].split()) in squeezed, node["code"]
    assert "Ghi chú đính chính" in text
    assert "Tiêu chí 7.2: Tên tiêu chí 7.2 ghi 'Tỷ lệ hồ sơ con việc của đơn vị" in text
    assert "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH (Ký, ghi rõ họ tên)" in text
    assert "\ufffd" not in text and ".notdef" not in text


def test_every_page_repeats_the_table_header_and_numbers_itself(framework):
    pages = page_texts(framework_pdf(framework=framework))
    assert len(pages) > 1
    for number, page in enumerate(pages, start=1):
        if number < len(pages):  # the last page may hold only the signature
            assert "STT Nội dung/Tiêu chí Điểm tối đa" in page
        assert f"Trang {number}/{len(pages)}" in page


def test_only_the_shipped_fonts_are_embedded_and_no_glyph_is_missing(framework):
    reader = PdfReader(io.BytesIO(framework_pdf(framework=framework)))
    shipped = {
        (font["name"].getDebugName(4), font["name"].getDebugName(5))
        for font in (TTFont(path) for path in FONT_DIR.glob("*.ttf"))
    }
    embedded, encodings = {}, set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            encodings.add(str(font.raw_get("/Encoding")))
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
            program = TTFont(io.BytesIO(descriptor["/FontFile2"].get_data()))
            names = program["name"]
            embedded[str(font["/BaseFont"])] = (names.getDebugName(4), names.getDebugName(5))

    # Named after the @font-face family, so no font was found by a system lookup ...
    assert all(re.fullmatch(r"/[A-Z]{6}\+ParIndex-Serif(-\w+)?", name) for name in embedded), embedded
    # ... and the programs are the shipped Liberation Serif 2.1.5, not the system's 1.07 (no tone marks).
    assert set(embedded.values()) <= shipped
    used = {full_name for full_name, _version in embedded.values()}
    assert {"Liberation Serif", "Liberation Serif Bold", "Liberation Serif Italic"} <= used
    # WeasyPrint gives a font that lacks some characters its own CMap, which draws them as .notdef.
    assert encodings == {"/Identity-H"}


def test_decomposed_text_comes_out_composed(framework):
    title = "Thực hiện nhiệm vụ do cấp trên giao"
    Node.objects.filter(framework=framework, code="1.5").update(title=unicodedata.normalize("NFD", title))
    framework.name = unicodedata.normalize("NFD", framework.name)
    framework.save(update_fields=["name"])

    text = " ".join(page_texts(framework_pdf(framework=framework)))

    assert title in text
    assert "Khung Chỉ số cải cách hành chính áp dụng" in text
    assert not any(unicodedata.combining(char) for char in text)


@pytest.mark.parametrize(("day", "line"), [
    (datetime.date(2026, 2, 5), "ngày 05 tháng 02 năm 2026"),
    (datetime.date(2026, 11, 24), "ngày 24 tháng 11 năm 2026"),
    (datetime.date(2026, 3, 1), "ngày 01 tháng 3 năm 2026"),
])
def test_date_line_pads_days_and_the_first_two_months(day, line):
    html = render_to_string(
        "reports/pdf/base.html", {"issuer": "UBND quận Hoàng Mai", "place": "Hoàng Mai", "date": day}
    )
    assert f"Hoàng Mai, {line}" in html


def test_issuer_office_and_place():
    html = render_to_string("reports/pdf/base.html", {
        "issuer": "UBND quận Hoàng Mai", "office": "Phòng Nội vụ", "date": datetime.date(2026, 1, 1),
    })
    assert "UBND QUẬN HOÀNG MAI" in html and '<div class="strong">PHÒNG NỘI VỤ</div>' in html
    assert place_of("UBND thành phố Hải Phòng") == "Hải Phòng"
    assert place_of("Ủy ban nhân dân quận Hoàng Mai") == "Hoàng Mai"
    assert place_of("Sở Nội vụ") == ""


def test_an_area_shares_its_table_body_with_its_first_criterion():
    codes = ["1", "1.1", "1.1.1", "1.2", "2", "3", "3.1"]
    rows = [SimpleNamespace(code=code, level=code.count(".") + 1) for code in codes]
    assert [[row.code for row in group] for group in row_groups(rows)] == [
        ["1", "1.1"], ["1.1.1", "1.2"], ["2"], ["3", "3.1"],
    ]


def test_pdf_response_names_the_file_for_every_client():
    response = pdf_response(b"%PDF-", "Phụ lục khung chỉ số đợt 1.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="Phu luc khung chi so dot 1.pdf"; '
        "filename*=UTF-8''Ph%E1%BB%A5%20l%E1%BB%A5c%20khung%20ch%E1%BB%89%20s%E1%BB%91%20"
        "%C4%91%E1%BB%A3t%201.pdf"
    )


def test_framework_pdf_view(client, client_for, ward_staff, framework):
    url = f"/bao-cao/bo-chi-so/{KEY}/pdf/"
    assert client.get(url).status_code == 302  # signed out: to the login page

    staff = client_for(ward_staff)
    response = staff.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    assert f'filename="Phu luc khung chi so {KEY}.pdf"' in response["Content-Disposition"]
    assert staff.get("/bao-cao/bo-chi-so/khong-co/pdf/").status_code == 404
