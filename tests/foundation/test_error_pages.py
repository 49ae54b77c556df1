"""Error pages in Vietnamese: 404, 403, 500 and a refused form (CSRF); the demo (DEBUG) shows the project's 404."""
import importlib

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client, RequestFactory, override_settings
from django.utils import translation
from django.views.defaults import permission_denied, server_error

DEBUG_PAGE_MARKS = ("URLconf", "DEBUG = True", "Page not found", "Using the URLconf")


def assert_project_page(response, status, heading):
    page = response.content.decode()
    assert response.status_code == status
    assert f"<h1>{heading}</h1>" in page
    assert '<html lang="vi">' in page and "ParIndex" in page
    assert not any(mark in page for mark in DEBUG_PAGE_MARKS)
    return page


def test_an_unknown_address_answers_the_vietnamese_404(client, ward_staff, client_for):
    assert_project_page(client.get("/khong-co-trang-nay/"), 404, "Không tìm thấy trang")
    # Signed in, inside the site's layout with its navigation
    page = assert_project_page(client_for(ward_staff).get("/khong-co-trang-nay/"), 404, "Không tìm thấy trang")
    assert "Đăng xuất" in page


def test_a_refused_action_answers_the_vietnamese_403(db):
    request = RequestFactory().get("/")
    request.user = None
    with translation.override("vi"):
        response = permission_denied(request, PermissionDenied())
    assert_project_page(response, 403, "Không có quyền truy cập")


def test_a_server_error_answers_the_vietnamese_500_without_the_request_context():
    with translation.override("vi"):  # as the language middleware left it before the error
        response = server_error(RequestFactory().get("/"))
    assert_project_page(response, 500, "Hệ thống gặp lỗi")
    assert "chưa được lưu" in response.content.decode()


def test_a_form_posted_without_its_token_answers_the_vietnamese_csrf_page(db):
    response = Client(enforce_csrf_checks=True).post("/dang-nhap/", {"username": "a", "password": "b"})
    page = assert_project_page(response, 403, "Phiên làm việc đã hết hạn")
    assert "tải lại trang" in page and "CSRF verification failed" not in page


@pytest.fixture
def demo_settings():
    """The demo's settings (``make run``): DEBUG on, with the middleware they add for it."""
    local = importlib.import_module("config.settings.local")
    assert local.DEBUG is True
    with override_settings(DEBUG=True, MIDDLEWARE=local.MIDDLEWARE):
        yield


def test_the_demo_shows_the_project_404_not_the_debug_page(demo_settings, client, ward_staff, client_for):
    assert_project_page(client.get("/khong-co-trang-nay/"), 404, "Không tìm thấy trang")
    # An object the user may not see (the view raises Http404) gets the same page
    assert_project_page(client_for(ward_staff).get("/danh-gia/999999/"), 404, "Không tìm thấy trang")


def test_the_demo_still_adds_a_missing_slash(demo_settings, client):
    response = client.get("/dang-nhap")
    assert (response.status_code, response["Location"]) == (301, "/dang-nhap/")
