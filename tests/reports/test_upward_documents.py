"""The documents that go up, as DOCX to edit and PDF to sign: the unit's self-assessment report and the
office's annual report. Their text is read back from both files (python-docx, pypdf)."""
import io
import zipfile
from datetime import date

import docx
import pytest
from django.urls import reverse
from pypdf import PdfReader

from assessments.errors import AssessmentError
from assessments.models import Evidence
from assessments.services import assessment_difficulties_save, period_findings_save
from reports.paper import document_docx, document_pdf
from reports.upward import annual_report_document, self_assessment_document

from support import job_file

HOANG_LIET = "HM-W-HOANGLIET"


def docx_text(content: bytes) -> str:
    document = docx.Document(io.BytesIO(content))
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def both_texts(document) -> tuple[str, str]:
    return docx_text(document_docx(document)), pdf_text(document_pdf(document))


@pytest.fixture
def hoang_liet(ranked_wards, ward, ward_staff, ward_head, node):
    """Hoàng Liệt's file with one document proving 1.1.2 and the difficulties it wrote."""
    assessment = ranked_wards.assessments.select_related("unit", "period__framework").get(unit=ward)
    evidence = Evidence.objects.create(assessment=assessment, title="Kế hoạch CCHC năm 2024",
                                       document_number="15/KH-UBND", document_date=date(2024, 1, 12),
                                       document_issuer="UBND phường Hoàng Liệt", uploaded_by=ward_staff)
    evidence.nodes.add(node("1.1.2"))
    assessment_difficulties_save(assessment=assessment, by=ward_staff,
                                 text="Thiếu biên chế công chức.\n\nĐề nghị quận tập huấn phần mềm một cửa.")
    return assessment


def test_the_self_assessment_report_holds_the_scores_explanations_evidence_and_difficulties(hoang_liet):
    for text in both_texts(self_assessment_document(assessment=hoang_liet)):
        assert "UBND PHƯỜNG HOÀNG LIỆT" in text
        assert "BÁO CÁO" in text and "Chỉ số cải cách hành chính năm 2024" in text
        assert "Tổng điểm tự chấm: 66,75/70 điểm; đã chấm 67/67 tiêu chí." in text
        assert "TỔNG ĐIỂM TỰ CHẤM" in text
        assert "15/KH-UBND" in text and "12/01/2024" in text
        assert "Thiếu biên chế công chức." in text and "Đề nghị quận tập huấn phần mềm một cửa." in text
        assert "TM. ỦY BAN NHÂN DÂN" in text and "Hana" in text  # the head signs


def test_criteria_below_maximum_or_without_evidence_are_explained(hoang_liet):
    document = self_assessment_document(assessment=hoang_liet)
    explained = next(block for block in document.blocks if getattr(block, "headers", None) == [
        "Mã", "Tiêu chí", "Tự chấm/Tối đa", "Giải trình"])
    rows = {row[0]: row for row in explained.rows}
    # Below the maximum: the four criteria Hoàng Liệt lost points on; 1.1.2 has its evidence, others do not.
    assert rows["1.5"][2] == "0/1,5"
    assert rows["1.7.1"][2:] == ["1/2", "(chưa giải trình) — chưa có tài liệu kiểm chứng"]
    assert "1.1.2" not in rows
    assert len(rows) == 66  # every scored leaf but 1.1.2 lacks evidence; the four losing ones lose points


def test_the_unit_downloads_its_report_and_outsiders_get_404(client_for, hoang_liet, ward_staff, other_ward_staff,
                                                             secretariat):
    docx_url = reverse("reports:self_report_docx", args=[hoang_liet.pk])
    pdf_url = reverse("reports:self_report_pdf", args=[hoang_liet.pk])
    response = client_for(ward_staff).get(docx_url)
    assert response.status_code == 200
    assert "Phường Hoàng Liệt" in docx_text(response.content)
    assert response["Content-Disposition"] == 'attachment; filename="bao-cao-tu-danh-gia-HM-W-HOANGLIET-2024.docx"'
    assert "66,75/70" in pdf_text(client_for(secretariat).get(pdf_url).content)
    assert client_for(other_ward_staff).get(docx_url).status_code == 404


def test_the_office_gets_every_units_report_in_one_archive(client_for, hoang_liet, secretariat, ward_staff,
                                                           django_capture_on_commit_callbacks):
    url = reverse("reports:self_reports_zip", args=[hoang_liet.period_id])
    archive = zipfile.ZipFile(io.BytesIO(job_file(client_for(secretariat), url, django_capture_on_commit_callbacks)))
    assert sorted(archive.namelist()) == sorted(f"bao-cao-tu-danh-gia-{code}-2024.{ext}"
                                                for code in ("HM-W-DINHCONG", HOANG_LIET, "HM-W-YENSO")
                                                for ext in ("docx", "pdf"))
    assert "Phường Yên Sở" in docx_text(archive.read("bao-cao-tu-danh-gia-HM-W-YENSO-2024.docx"))
    assert "68/70" in pdf_text(archive.read("bao-cao-tu-danh-gia-HM-W-YENSO-2024.pdf"))
    assert client_for(ward_staff).post(url).status_code == 404


def test_the_unit_writes_its_difficulties_until_it_submits(hoang_liet, ward_staff, other_ward_staff):
    assessment_difficulties_save(assessment=hoang_liet, text="  Cần thêm kinh phí.  ", by=ward_staff)
    hoang_liet.refresh_from_db()
    assert hoang_liet.difficulties == "Cần thêm kinh phí."
    assert hoang_liet.history.first().history_user == ward_staff
    with pytest.raises(AssessmentError):
        assessment_difficulties_save(assessment=hoang_liet, text="x", by=other_ward_staff)
    with pytest.raises(AssessmentError, match="Khó khăn, vướng mắc và đề xuất, kiến nghị"):
        assessment_difficulties_save(assessment=hoang_liet, text="x" * 20001, by=ward_staff)


def test_the_entry_page_saves_the_difficulties(client_for, hoang_liet, ward_staff):
    client = client_for(ward_staff)
    response = client.post(reverse("assessments:difficulties", args=[hoang_liet.pk]), {"difficulties": "Mạng chậm."})
    assert response.status_code == 302
    hoang_liet.refresh_from_db()
    assert hoang_liet.difficulties == "Mạng chậm."
    page = client.get(reverse("assessments:entry", args=[hoang_liet.pk])).content.decode()
    assert "Mạng chậm." in page and reverse("reports:self_report_docx", args=[hoang_liet.pk]) in page


# -- the annual report --------------------------------------------------------------------------


def test_the_annual_report_ranks_every_unit_and_drafts_its_findings(ranked_wards):
    for text in both_texts(annual_report_document(period=ranked_wards)):
        assert "PHÒNG NỘI VỤ" in text
        assert "Kết quả xác định Chỉ số cải cách hành chính năm 2024 của UBND các phường" in text
        for name, index in (("Phường Định Công", "98,57"), ("Phường Yên Sở", "97,14"),
                            ("Phường Hoàng Liệt", "95,36")):
            assert name in text and index in text
        assert "Chỉ số trung bình: 97,02%" in text
        assert "Phường Định Công dẫn đầu với 98,57%" in text
        assert "Chưa có kết quả đã công bố của năm trước để so sánh." in text


def test_the_annual_report_lists_per_area_the_criteria_units_lost_points_on(ranked_wards):
    document = annual_report_document(period=ranked_wards)
    lost = [block for block in document.blocks if getattr(block, "headers", None) == [
        "Mã", "Tiêu chí", "Số đơn vị bị mất điểm", "Tổng điểm bị mất"]]
    first_area = lost[0].rows  # area 1: every loss of the three wards is in area 1
    # One ward each: by the points lost (2, 1,5, 1), then in document order (1.3.2 before 1.7.1).
    assert [row[0] for row in first_area] == ["1.7.2", "1.5", "1.3.2"]
    assert first_area[0][2:] == ["1/3", "2"]
    assert len(lost) == 1  # the other areas say that no unit lost points there


def test_the_office_rewrites_the_findings_and_the_report_uses_them(client_for, ranked_wards, secretariat, leadership,
                                                                  django_capture_on_commit_callbacks):
    url = reverse("reports:annual_report", args=[ranked_wards.pk])
    assert 'data-testid="drafted"' in client_for(leadership).get(url).content.decode()
    client_for(secretariat).post(url, {"findings": "Năm nay các phường tiến bộ rõ."})
    text = docx_text(job_file(client_for(secretariat), reverse("reports:annual_report_docx", args=[ranked_wards.pk]),
                              django_capture_on_commit_callbacks))
    assert "Năm nay các phường tiến bộ rõ." in text and "dẫn đầu với" not in text
    assert client_for(leadership).post(url, {"findings": "x"}).status_code == 404
    with pytest.raises(AssessmentError, match="Chỉ Phòng Nội vụ"):
        period_findings_save(period=ranked_wards, text="x", by=leadership)


def test_units_see_no_annual_report(client_for, ranked_wards, ward_staff):
    assert client_for(ward_staff).post(reverse("reports:annual_report_pdf", args=[ranked_wards.pk])).status_code == 404


def test_the_annual_report_compares_with_last_years_published_ranking(ranked_wards, ward_framework, secretariat,
                                                                       ward_staff):
    # 2023: Hoàng Liệt 70 (1st), Yên Sở 69 (2nd), Định Công 68 (3rd), published. 2024: the other way round.
    from assessments.services import period_open
    from support import publish_period, score_at_max_except

    before = period_open(framework=ward_framework, year=2023, by=secretariat)
    for code, scores in ((HOANG_LIET, {}), ("HM-W-YENSO", {"1.3.2": "0"}), ("HM-W-DINHCONG", {"1.7.1": "0"})):
        score_at_max_except(before.assessments.get(unit__code=code), by=ward_staff, scores=scores)
    publish_period(before, by=secretariat)

    document = annual_report_document(period=ranked_wards)
    for text in both_texts(document):
        assert "Chỉ số trung bình: 97,02% (năm 2023: 98,57%, giảm 1,55 điểm phần trăm); 1 đơn vị tăng hạng, " \
               "1 đơn vị giảm hạng." in " ".join(text.split())
    moves = next(block for block in document.blocks if getattr(block, "headers", [""])[0] == "Đơn vị")
    assert moves.rows == [["Phường Định Công", "3", "1", "tăng 2 bậc", "97,14", "98,57"],
                          ["Phường Hoàng Liệt", "1", "3", "giảm 2 bậc", "100,00", "95,36"]]


def test_the_dashboard_links_to_the_annual_report(client_for, ranked_wards, leadership):
    page = client_for(leadership).get(reverse("dashboard:period", args=[ranked_wards.pk])).content.decode()
    assert f'href="{reverse("reports:annual_report", args=[ranked_wards.pk])}"' in page
