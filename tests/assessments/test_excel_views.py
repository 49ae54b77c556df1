"""The entry page's Excel round trip: who may download the template, and uploading it filled in."""
from decimal import Decimal
from io import BytesIO

from django.contrib.messages import get_messages
from openpyxl import load_workbook

from config.downloads import XLSX_CONTENT_TYPE
from assessments.models import SelfScore
from config.excel import SHOWN_PROBLEMS


def template_url(assessment):
    return f"/danh-gia/{assessment.pk}/excel/"


def upload_url(assessment):
    return f"/danh-gia/{assessment.pk}/excel/nhap/"


def downloaded(client, assessment, **cells):
    """The template as ``client`` downloads it, with ``cells`` (e.g. ``D7=0.5``) typed in, as an upload."""
    workbook = load_workbook(BytesIO(b"".join(client.get(template_url(assessment)).streaming_content)))
    for address, value in cells.items():
        workbook.active[address] = value
    upload = BytesIO()
    workbook.save(upload)
    upload.seek(0)
    upload.name = "tu-cham.xlsx"
    return upload


def flashed(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_the_unit_downloads_its_template_as_xlsx(client_for, ward_staff, assessment):
    response = client_for(ward_staff).get(template_url(assessment))
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX_CONTENT_TYPE
    assert 'filename="tu-cham-diem-HM-W-HOANGLIET-hoangmai-phuong-2024-2024.xlsx"' in response["Content-Disposition"]
    assert load_workbook(BytesIO(b"".join(response.streaming_content))).active["A1"].value == "Phường Hoàng Liệt"


def test_the_secretariat_may_download_it_and_another_ward_gets_404(client_for, secretariat, other_ward_staff,
                                                                   assessment):
    assert client_for(secretariat).get(template_url(assessment)).status_code == 200
    assert client_for(other_ward_staff).get(template_url(assessment)).status_code == 404


def test_the_entry_page_offers_the_download_always_and_the_upload_to_the_unit_only(
    client_for, ward_staff, secretariat, assessment
):
    unit_page = client_for(ward_staff).get(f"/danh-gia/{assessment.pk}/").content.decode()
    assert template_url(assessment) in unit_page and upload_url(assessment) in unit_page
    office_page = client_for(secretariat).get(f"/danh-gia/{assessment.pk}/").content.decode()
    assert template_url(assessment) in office_page and upload_url(assessment) not in office_page


def test_an_uploaded_template_saves_its_scores_and_says_how_many(client_for, ward_staff, assessment):
    # Given the downloaded template with 1.1.1 (row 7) and 1.1.2 (row 8) typed in
    client = client_for(ward_staff)
    upload = downloaded(client, assessment, D7=0.5, D8="0,25")
    # When it is uploaded
    response = client.post(upload_url(assessment), {"file": upload})
    # Then the unit is back on its page, told that two scores were saved
    assert response.status_code == 302 and response["Location"] == f"/danh-gia/{assessment.pk}/"
    assert flashed(response) == ["Đã nhập 2 điểm tự chấm."]
    assert sorted(SelfScore.objects.values_list("value", flat=True)) == [Decimal("0.25"), Decimal("0.5")]


def test_a_rejected_upload_saves_nothing_and_lists_the_problems_in_one_message(client_for, ward_staff, assessment):
    client = client_for(ward_staff)
    response = client.post(upload_url(assessment), {"file": downloaded(client, assessment, D7="x", D8=9)})
    assert response.status_code == 302
    assert flashed(response) == [
        "Tệp Excel có 2 lỗi, chưa nhập điểm nào: "
        "Dòng 7: “Điểm tự chấm” phải là một số. Dòng 8: “Điểm tự chấm” không được lớn hơn điểm tối đa 0,5."
    ]
    assert not SelfScore.objects.exists()


def test_a_long_list_of_problems_is_cut_after_twenty(client_for, ward_staff, assessment):
    client = client_for(ward_staff)
    typed = {f"D{row}": "x" for row in range(5, 96)}  # every node's row, parents included
    response = client.post(upload_url(assessment), {"file": downloaded(client, assessment, **typed)})
    (message,) = flashed(response)
    assert message.startswith("Tệp Excel có 91 lỗi, chưa nhập điểm nào: Dòng 5: ")
    assert message.count("Dòng ") == SHOWN_PROBLEMS == 20
    assert message.endswith(". và 71 lỗi khác.") and ".;" not in message


def test_an_upload_without_a_file_is_refused(client_for, ward_staff, assessment):
    response = client_for(ward_staff).post(upload_url(assessment))
    assert flashed(response) == ["Chọn tệp Excel (.xlsx) để nhập."]


def test_another_ward_gets_404_for_the_upload(client_for, ward_staff, other_ward_staff, assessment):
    upload = downloaded(client_for(ward_staff), assessment, D7=0.5)
    assert client_for(other_ward_staff).post(upload_url(assessment), {"file": upload}).status_code == 404
    assert not SelfScore.objects.exists()


def test_the_secretariat_may_read_but_not_upload(client_for, secretariat, assessment):
    client = client_for(secretariat)
    response = client.post(upload_url(assessment), {"file": downloaded(client, assessment, D7=0.5)})
    assert flashed(response) == ["Bạn không có quyền sửa điểm tự chấm của đơn vị này."]
    assert not SelfScore.objects.exists()


def test_an_oversized_workbook_is_refused_before_reading(client_for, ward_staff, assessment, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.EXCEL_MAX_BYTES = 1024
    big = SimpleUploadedFile("lon.xlsx", b"PK\x03\x04" + b"0" * 2048)
    response = client_for(ward_staff).post(f"/danh-gia/{assessment.pk}/excel/nhap/", {"file": big}, follow=True)
    assert "Tệp Excel “lon.xlsx” lớn hơn 0 MB." in response.content.decode()
    assert not assessment.self_scores.exists()
