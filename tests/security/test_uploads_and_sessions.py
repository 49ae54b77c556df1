"""The rest of the crawler's suite: uploads are judged by their content and size, sessions do not last."""
import datetime

from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from support import PASSWORD

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
WINDOWS_PROGRAM = b"MZ\x90\x00" + b"\x00" * 60


def _upload(client, assessment, leaf, name, content):
    return client.post(reverse("assessments:evidence_upload", args=[assessment.pk]),
                       {"nodes": [leaf.pk], "title": "Kế hoạch", "file": SimpleUploadedFile(name, content)},
                       follow=True)


def test_an_evidence_upload_is_judged_by_its_content_not_its_name(client_for, assessment, leaf, ward_staff):
    response = _upload(client_for(ward_staff), assessment, leaf, "ke-hoach.pdf", WINDOWS_PROGRAM)
    assert "Tệp “ke-hoach.pdf” không phải PDF, DOCX, XLSX, JPG hoặc PNG" in response.content.decode()
    assert not assessment.evidence.exists()


def test_an_evidence_upload_over_the_limit_is_refused(client_for, assessment, leaf, ward_staff, settings):
    settings.EVIDENCE_MAX_BYTES = 1024 * 1024
    response = _upload(client_for(ward_staff), assessment, leaf, "lon.pdf", PDF + b"0" * (1024 * 1024))
    assert "Tệp “lon.pdf” lớn hơn 1 MB." in response.content.decode()
    assert not assessment.evidence.exists()


def test_an_excel_upload_over_the_limit_is_refused_before_it_is_opened(client_for, assessment, ward_staff, settings):
    settings.EXCEL_MAX_BYTES = 1024
    response = client_for(ward_staff).post(
        reverse("assessments:excel_import", args=[assessment.pk]),
        {"file": SimpleUploadedFile("tu-cham.xlsx", b"PK\x03\x04" + b"0" * 2048)}, follow=True)
    assert "Tệp Excel “tu-cham.xlsx” lớn hơn" in response.content.decode()
    assert not assessment.self_scores.exists()


def test_a_session_lasts_a_working_day_at_most():
    assert 0 < settings.SESSION_COOKIE_AGE <= 8 * 60 * 60
    assert settings.SESSION_COOKIE_HTTPONLY is True


def test_the_session_cookie_is_given_the_bounded_lifetime_at_login(client, ward_staff):
    response = client.post(reverse("login"), {"username": ward_staff.username, "password": PASSWORD})
    assert response.status_code == 302
    assert response.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == settings.SESSION_COOKIE_AGE


def test_an_expired_session_leads_back_to_the_login_page(client, ward_staff):
    client.post(reverse("login"), {"username": ward_staff.username, "password": PASSWORD})
    assert client.get(reverse("home")).status_code == 200
    Session.objects.update(expire_date=timezone.now() - datetime.timedelta(seconds=1))
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
