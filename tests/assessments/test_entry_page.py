"""The self-assessment page: who sees it, what it shows, and saving a criterion through htmx."""
from decimal import Decimal

import pytest

from assessments.forms import parse_version
from assessments.services import self_score_save
from support import score_remaining_leaves


def url(assessment):
    return f"/danh-gia/{assessment.pk}/"


def test_the_unit_sees_its_tree_with_totals_and_a_form_per_leaf(client_for, ward_staff, assessment, leaf, ward_framework):
    self_score_save(assessment=assessment, node=leaf, by=ward_staff, expected_version=None, value="0.5")
    response = client_for(ward_staff).get(url(assessment))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ban hành và triển khai kế hoạch CCHC năm" in html
    assert 'id="sub-1.1" class="subtotal">0,5 / 1,5<' in html
    assert "<strong>0,5</strong> / 70" in html
    assert "<strong>1</strong>/" in html  # one criterion scored
    leaves = ward_framework.nodes.filter(children__isnull=True).count()
    assert leaves == 67  # 91 nodes: 8 areas, 16 criteria with sub-criteria, 67 leaves
    assert html.count('class="score-form"') == leaves


def test_the_secretariat_reads_the_page_without_forms(client_for, secretariat, assessment):
    response = client_for(secretariat).get(url(assessment))
    assert response.status_code == 200
    assert 'class="score-form"' not in response.content.decode()


def test_another_ward_gets_404_for_the_page_and_the_save(client_for, other_ward_staff, assessment, leaf):
    client = client_for(other_ward_staff)
    assert client.get(url(assessment)).status_code == 404
    assert client.post(f"{url(assessment)}tieu-chi/1.1.1/", {"value": "0.5"}).status_code == 404
    assert not assessment.self_scores.exists()


def test_the_entry_page_of_the_91_node_tree_runs_a_fixed_number_of_queries(
    client_for, ward_staff, assessment, ward_framework, django_assert_max_num_queries
):
    client = client_for(ward_staff)
    with django_assert_max_num_queries(14) as empty_page:
        client.get(url(assessment))
    for node in ward_framework.nodes.filter(children__isnull=True)[:20]:
        self_score_save(assessment=assessment, node=node, by=ward_staff, expected_version=None, value="0")
    with django_assert_max_num_queries(len(empty_page.captured_queries)):
        client.get(url(assessment))


def test_an_htmx_save_returns_the_row_and_out_of_band_totals(client_for, ward_staff, assessment):
    response = client_for(ward_staff).post(
        f"{url(assessment)}tieu-chi/1.1.1/", {"value": "0,5", "explanation": "KH 12"}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="node-1.1.1"' in html and "Đã lưu." in html
    assert 'id="sub-1.1" class="subtotal" hx-swap-oob="true">0,5 / 1,5' in html
    assert 'id="totals" class="totals" hx-swap-oob="true"' in html
    assert assessment.self_scores.get().value == Decimal("0.5")


def test_an_htmx_save_with_a_bad_value_shows_the_message_at_the_field(client_for, ward_staff, assessment):
    response = client_for(ward_staff).post(f"{url(assessment)}tieu-chi/1.1.1/", {"value": "2"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 422
    assert "“Điểm” không được lớn hơn điểm tối đa 0,5." in response.content.decode()
    assert not assessment.self_scores.exists()


def test_a_stale_save_through_the_page_shows_the_newer_value(client_for, ward_staff, ward_head, assessment, leaf):
    self_score_save(assessment=assessment, node=leaf, by=ward_head, expected_version=None, value="0.25")
    response = client_for(ward_staff).post(f"{url(assessment)}tieu-chi/1.1.1/", {"value": "0.5", "version": ""},
                                           HTTP_HX_REQUEST="true")
    assert response.status_code == 422
    assert "điểm hiện tại: 0,25" in response.content.decode()


def test_evidence_upload_through_the_page(client_for, ward_staff, assessment, leaf):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client_for(ward_staff).post(f"{url(assessment)}tai-lieu/", {
        "file": SimpleUploadedFile("kh.pdf", b"%PDF-1.4\n%%EOF"), "nodes": [leaf.pk], "title": "Kế hoạch CCHC 2024",
    }, follow=True)
    assert "Đã thêm tài liệu kiểm chứng." in response.content.decode()
    assert assessment.evidence.get().title == "Kế hoạch CCHC 2024"


def test_a_refused_upload_says_why(client_for, ward_staff, assessment, leaf):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client_for(ward_staff).post(f"{url(assessment)}tai-lieu/", {
        "file": SimpleUploadedFile("x.pdf", b"not a pdf"), "nodes": [leaf.pk],
    }, follow=True)
    assert "không phải PDF, DOCX, XLSX, JPG hoặc PNG" in response.content.decode()
    assert not assessment.evidence.exists()


def test_submit_button_lists_criteria_scored_without_evidence(client_for, ward_head, assessment, leaf):
    self_score_save(assessment=assessment, node=leaf, by=ward_head, expected_version=None, value="0.5")
    score_remaining_leaves(assessment, by=ward_head)
    html = client_for(ward_head).get(url(assessment)).content.decode()
    assert "chưa có tài liệu kiểm chứng:</p>" not in html  # sanity: the list has content
    assert "Các tiêu chí có điểm nhưng chưa có tài liệu kiểm chứng: 1.1.1" in html
    response = client_for(ward_head).post(f"{url(assessment)}buoc/submit/", follow=True)
    assert 'data-testid="status">Đã nộp<' in response.content.decode()


@pytest.mark.parametrize(("posted", "version"), [("3", 3), ("", None), (None, None), ("²", None), ("٣", None), ("-1", None)])
def test_only_ascii_digits_are_read_as_a_version(posted, version):
    assert parse_version(posted) == version


def test_a_version_of_unicode_digits_counts_as_no_version(client_for, ward_staff, assessment):
    response = client_for(ward_staff).post(f"{url(assessment)}tieu-chi/1.1.1/", {"value": "0,5", "version": "²"},
                                           HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "Đã lưu." in response.content.decode()
    assert assessment.self_scores.get().value == Decimal("0.5")
