"""Acceptance: while the file is editable, a unit officer replaces and deletes evidence in Chromium."""
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from playwright.sync_api import expect

from accounts.models import Role
from assessments.services import evidence_add

pytestmark = pytest.mark.browser

PDF = b"%PDF-1.4\n%%EOF\n"


def test_an_officer_replaces_then_deletes_a_file(page, live_server, login, make_user, ward_assessment, tmp_path):
    officer = make_user("alice", Role.UNIT_STAFF, ward_assessment.unit)
    plan = ward_assessment.period.framework.nodes.get(code="1.1.1")
    evidence = evidence_add(assessment=ward_assessment, by=officer, nodes=[plan],
                            uploaded=SimpleUploadedFile("ke-hoach.pdf", PDF))
    login(page, live_server, "alice")
    page.goto(f"{live_server.url}/danh-gia/{ward_assessment.pk}/")
    item = page.locator(f'[data-testid="evidence-{evidence.pk}"]')
    expect(item).to_contain_text("ke-hoach.pdf")

    signed = tmp_path / "ke-hoach-da-ky.pdf"
    signed.write_bytes(PDF)
    item.locator('input[type="file"]').set_input_files(signed)
    item.get_by_role("button", name="Thay tệp").click()
    expect(page.locator(".messages")).to_contain_text("Đã thay tệp của tài liệu “ke-hoach-da-ky.pdf”.")
    with page.expect_download() as download:
        item.get_by_role("link", name="ke-hoach-da-ky.pdf").click()
    assert download.value.suggested_filename == "ke-hoach-da-ky.pdf"

    item.get_by_role("button", name="Xóa tài liệu ke-hoach-da-ky.pdf").click()
    expect(page.locator(".messages")).to_contain_text("Đã xóa tài liệu “ke-hoach-da-ky.pdf”.")
    expect(item).to_have_count(0)
