"""Repeated wrong passwords lock the account for a while (django-axes)."""
from django.conf import settings

from support import PASSWORD


def _login(client, password):
    return client.post("/dang-nhap/", {"username": "alice", "password": password}, REMOTE_ADDR="10.0.0.9")


def test_correct_password_logs_in(client, ward_staff):
    response = _login(client, PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/"


def test_wrong_password_shows_a_vietnamese_error(client, ward_staff):
    response = _login(client, "sai")
    assert response.status_code == 200
    assert "Tên đăng nhập hoặc mật khẩu không đúng." in response.content.decode()


def test_account_is_locked_after_the_failure_limit_even_with_the_right_password(client, ward_staff):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "sai")
    response = _login(client, PASSWORD)
    assert response.status_code == 429
    assert "Tài khoản đã bị tạm khóa" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_session_and_csrf_cookies_are_hardened():
    assert settings.SESSION_COOKIE_HTTPONLY is True
    assert settings.SESSION_COOKIE_SAMESITE == "Lax"
    assert settings.CSRF_COOKIE_SAMESITE == "Lax"
    assert settings.X_FRAME_OPTIONS == "DENY"
