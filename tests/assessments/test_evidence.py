"""Evidence files are checked by content and size; references to official documents need no file."""
import datetime
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from assessments.errors import AssessmentError
from assessments.models import Assessment
from assessments.services import evidence_add, evidence_delete
from assessments.workflow import Status

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def office_file(part):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(part, "<x/>")
    return buffer.getvalue()


@pytest.mark.parametrize("name, content, content_type", [
    ("ke-hoach.pdf", PDF, "application/pdf"),
    ("anh.png", PNG, "image/png"),
    ("anh.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 16, "image/jpeg"),
    ("bao-cao.docx", office_file("word/document.xml"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("bang.xlsx", office_file("xl/workbook.xml"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
])
def test_accepted_types_are_recognised_by_content(assessment, leaf, ward_staff, name, content, content_type):
    evidence = evidence_add(assessment=assessment, by=ward_staff, nodes=[leaf],
                            uploaded=SimpleUploadedFile(name, content))
    assert evidence.content_type == content_type
    assert evidence.size == len(content)
    assert len(evidence.sha256) == 64
    assert list(evidence.nodes.all()) == [leaf]


@pytest.mark.parametrize("name, content", [
    ("virus.pdf", b"MZ\x90\x00 this is an exe"),
    ("ghi-chu.docx", b"plain text pretending"),
    ("archive.docx", office_file("other/thing.xml")),
])
def test_a_file_whose_content_is_not_an_accepted_type_is_refused_whatever_its_name(assessment, leaf, ward_staff, name, content):
    with pytest.raises(AssessmentError, match=f"Tệp “{name}” không phải PDF, DOCX, XLSX, JPG hoặc PNG"):
        evidence_add(assessment=assessment, by=ward_staff, nodes=[leaf], uploaded=SimpleUploadedFile(name, content))
    assert not assessment.evidence.exists()


def test_a_file_over_the_limit_is_refused(assessment, leaf, ward_staff, settings):
    settings.EVIDENCE_MAX_BYTES = 1024 * 1024
    big = SimpleUploadedFile("lon.pdf", PDF + b"0" * (1024 * 1024))
    with pytest.raises(AssessmentError, match="Tệp “lon.pdf” lớn hơn 1 MB."):
        evidence_add(assessment=assessment, by=ward_staff, nodes=[leaf], uploaded=big)
    assert not assessment.evidence.exists()


def test_one_official_document_may_prove_several_criteria_without_a_file(assessment, ward_framework, ward_staff):
    nodes = list(ward_framework.nodes.filter(code__in=["1.1.1", "1.1.2"]))
    evidence = evidence_add(assessment=assessment, by=ward_staff, nodes=nodes, document_number="125/KH-UBND",
                            document_date=datetime.date(2024, 1, 15), document_issuer="UBND phường Hoàng Liệt")
    assert evidence.title == "125/KH-UBND"
    assert sorted(n.code for n in evidence.nodes.all()) == ["1.1.1", "1.1.2"]


def test_evidence_needs_a_file_or_a_document_number_and_a_criterion(assessment, leaf, ward_staff):
    with pytest.raises(AssessmentError, match="Cần tải lên một tệp"):
        evidence_add(assessment=assessment, by=ward_staff, nodes=[leaf])
    with pytest.raises(AssessmentError, match="Chọn ít nhất một tiêu chí"):
        evidence_add(assessment=assessment, by=ward_staff, nodes=[], document_number="1/QĐ")


def test_another_ward_cannot_attach_evidence(assessment, leaf, other_ward_staff):
    with pytest.raises(AssessmentError, match="không có quyền"):
        evidence_add(assessment=assessment, by=other_ward_staff, nodes=[leaf], document_number="1/QĐ")


def test_evidence_files_are_downloaded_through_the_access_rule(client_for, assessment, leaf, ward_staff, other_ward_staff, secretariat):
    evidence = evidence_add(assessment=assessment, by=ward_staff, nodes=[leaf],
                            uploaded=SimpleUploadedFile("ke-hoach.pdf", PDF))
    url = f"/danh-gia/{assessment.pk}/tai-lieu/{evidence.pk}/"
    response = client_for(ward_staff).get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert 'filename="ke-hoach.pdf"' in response["Content-Disposition"]
    assert client_for(secretariat).get(url).status_code == 200
    assert client_for(other_ward_staff).get(url).status_code == 404


def test_uploaded_files_are_not_public_media(client_for, assessment, leaf, ward_staff):
    evidence = evidence_add(assessment=assessment, by=ward_staff, nodes=[leaf],
                            uploaded=SimpleUploadedFile("ke-hoach.pdf", PDF))
    assert client_for(ward_staff).get(f"/media/{evidence.file.name}").status_code == 404


def test_an_evidence_id_from_another_assessment_is_404(client_for, assessment, other_assessment, leaf, ward_staff, other_ward_staff):
    theirs = evidence_add(assessment=other_assessment, by=other_ward_staff, nodes=[leaf],
                          uploaded=SimpleUploadedFile("x.pdf", PDF))
    assert client_for(ward_staff).get(f"/danh-gia/{assessment.pk}/tai-lieu/{theirs.pk}/").status_code == 404


def test_a_second_upload_of_the_same_name_downloads_under_the_name_it_was_uploaded_with(
        client_for, assessment, leaf, ward_staff):
    for _ in range(2):
        evidence = evidence_add(assessment=assessment, by=ward_staff, nodes=[leaf],
                                uploaded=SimpleUploadedFile("ke-hoach.pdf", PDF))
    assert evidence.original_name == "ke-hoach.pdf"
    response = client_for(ward_staff).get(f"/danh-gia/{assessment.pk}/tai-lieu/{evidence.pk}/")
    assert 'filename="ke-hoach.pdf"' in response["Content-Disposition"]


def test_the_unit_replaces_a_file_while_the_file_is_editable(client_for, assessment, leaf, ward_staff):
    # Given a plan attached to 1.1.1
    evidence = evidence_add(assessment=assessment, by=ward_staff, nodes=[leaf],
                            uploaded=SimpleUploadedFile("ke-hoach.pdf", PDF))
    # When the unit puts the signed scan in its place
    response = client_for(ward_staff).post(f"/danh-gia/{assessment.pk}/tai-lieu/{evidence.pk}/thay/",
                                           {"file": SimpleUploadedFile("ke-hoach-da-ky.png", PNG)}, follow=True)
    # Then the same evidence proves the same criterion with the new file, under its new name
    assert "Đã thay tệp của tài liệu “ke-hoach-da-ky.png”." in response.content.decode()
    evidence.refresh_from_db()
    assert (evidence.title, evidence.original_name, evidence.content_type) == (
        "ke-hoach-da-ky.png", "ke-hoach-da-ky.png", "image/png")
    assert list(evidence.nodes.all()) == [leaf]
    download = client_for(ward_staff).get(f"/danh-gia/{assessment.pk}/tai-lieu/{evidence.pk}/")
    assert b"".join(download.streaming_content) == PNG


def test_a_replacement_is_checked_like_an_upload_and_needs_a_file(client_for, assessment, leaf, ward_staff):
    evidence = evidence_add(assessment=assessment, by=ward_staff, nodes=[leaf], title="Kế hoạch",
                            uploaded=SimpleUploadedFile("ke-hoach.pdf", PDF))
    url = f"/danh-gia/{assessment.pk}/tai-lieu/{evidence.pk}/thay/"
    client = client_for(ward_staff)
    refused = client.post(url, {"file": SimpleUploadedFile("virus.pdf", b"MZ")}, follow=True).content.decode()
    assert "Tệp “virus.pdf” không phải PDF" in refused
    assert "Chọn tệp mới để thay cho tài liệu “Kế hoạch”." in client.post(url, follow=True).content.decode()
    evidence.refresh_from_db()
    assert (evidence.original_name, evidence.content_type) == ("ke-hoach.pdf", "application/pdf")


def test_the_unit_deletes_evidence_while_the_file_is_editable_and_the_history_keeps_it(
        client_for, assessment, leaf, ward_staff):
    evidence = evidence_add(assessment=assessment, by=ward_staff, nodes=[leaf],
                            uploaded=SimpleUploadedFile("nham.pdf", PDF))
    response = client_for(ward_staff).post(f"/danh-gia/{assessment.pk}/tai-lieu/{evidence.pk}/xoa/", follow=True)
    assert "Đã xóa tài liệu “nham.pdf”." in response.content.decode()
    assert not assessment.evidence.exists()
    deleted = evidence.history.first()
    assert (deleted.history_type, deleted.history_user) == ("-", ward_staff)


def test_evidence_cannot_be_deleted_or_replaced_once_submitted(client_for, assessment, leaf, ward_staff, ward_head):
    evidence = evidence_add(assessment=assessment, by=ward_staff, nodes=[leaf],
                            uploaded=SimpleUploadedFile("ke-hoach.pdf", PDF))
    Assessment.objects.filter(pk=assessment.pk).update(status=Status.SUBMITTED)
    client = client_for(ward_staff)
    page = client.get(f"/danh-gia/{assessment.pk}/").content.decode()
    assert "ke-hoach.pdf" in page and "/xoa/" not in page and "/thay/" not in page
    deleted = client.post(f"/danh-gia/{assessment.pk}/tai-lieu/{evidence.pk}/xoa/", follow=True).content.decode()
    replaced = client.post(f"/danh-gia/{assessment.pk}/tai-lieu/{evidence.pk}/thay/",
                           {"file": SimpleUploadedFile("moi.pdf", PDF)}, follow=True).content.decode()
    assert "không thể sửa điểm tự chấm" in deleted and "không thể sửa điểm tự chấm" in replaced
    evidence.refresh_from_db()
    assert evidence.original_name == "ke-hoach.pdf"


def test_another_ward_cannot_reach_the_evidence_to_delete_it(client_for, assessment, leaf, ward_staff, other_ward_staff):
    evidence = evidence_add(assessment=assessment, by=ward_staff, nodes=[leaf], document_number="1/QĐ")
    client = client_for(other_ward_staff)
    assert client.post(f"/danh-gia/{assessment.pk}/tai-lieu/{evidence.pk}/xoa/").status_code == 404
    with pytest.raises(AssessmentError, match="không có quyền"):
        evidence_delete(evidence=evidence, by=other_ward_staff)
    assert assessment.evidence.exists()


def test_the_evidence_form_says_how_to_pick_several_criteria_in_its_list(client_for, assessment, ward_staff):
    html = client_for(ward_staff).get(f"/danh-gia/{assessment.pk}/").content.decode()
    assert '<select name="nodes" aria-describedby="id_nodes_helptext" id="id_nodes" size="8" multiple' in html
    assert '<div class="helptext" id="id_nodes_helptext">Giữ phím Ctrl (Cmd trên máy Mac) và bấm để chọn nhiều tiêu chí.' in html
