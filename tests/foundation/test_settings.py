import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from config.settings.env import env_bool, env_int, env_list

ROOT = Path(__file__).resolve().parents[2]


def test_vietnamese_is_the_default_language_with_english_available():
    assert settings.LANGUAGE_CODE == "vi"
    assert [code for code, _name in settings.LANGUAGES] == ["vi", "en"]


def test_time_zone_is_hanoi():
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"
    assert settings.USE_TZ is True


def test_dates_are_shown_day_first_and_decimals_with_a_comma():
    from django.utils import formats, translation
    import datetime
    from decimal import Decimal

    with translation.override("vi"):
        assert formats.date_format(datetime.date(2024, 3, 7), "SHORT_DATE_FORMAT") == "07/03/2024"
        assert formats.number_format(Decimal("1.5"), decimal_pos=1) == "1,5"


def test_env_bool_refuses_nonsense(monkeypatch):
    monkeypatch.setenv("SOME_FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="SOME_FLAG"):
        env_bool("SOME_FLAG", False)
    monkeypatch.setenv("SOME_FLAG", "true")
    assert env_bool("SOME_FLAG", False) is True


def test_env_int_and_list(monkeypatch):
    monkeypatch.setenv("SOME_INT", "12x")
    with pytest.raises(ImproperlyConfigured):
        env_int("SOME_INT", 1)
    monkeypatch.setenv("SOME_LIST", "a.example, b.example ,")
    assert env_list("SOME_LIST", []) == ["a.example", "b.example"]


def test_evidence_size_limit_defaults_to_ten_megabytes():
    assert settings.EVIDENCE_MAX_BYTES == 10 * 1024 * 1024


def _manage(*args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def _production_env(**overrides):
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS"}}
    env.update({
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "p" * 20 + "roduction-secret-key-with-enough-entropy-1234567890",
        "ALLOWED_HOSTS": "cchc.example.gov.vn",
    })
    env.update(overrides)
    return env


def test_check_deploy_passes_with_production_environment():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=_production_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = _manage("check", env=_production_env(SECRET_KEY=""))
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


_EMAIL_SETTINGS = ("EMAIL_BACKEND", "EMAIL_HOST", "EMAIL_PORT", "EMAIL_HOST_USER", "EMAIL_HOST_PASSWORD",
                   "EMAIL_USE_TLS", "DEFAULT_FROM_EMAIL")
_PRINT_EMAIL = "from django.conf import settings; print(*[repr(getattr(settings, n)) for n in %r], sep='|')" % (
    _EMAIL_SETTINGS,)


def test_production_sends_email_by_smtp_configured_by_the_environment():
    result = _manage("shell", "-c", _PRINT_EMAIL, env=_production_env(
        EMAIL_HOST="smtp.hanoi.gov.vn", EMAIL_PORT="465", EMAIL_HOST_USER="cchc", EMAIL_HOST_PASSWORD="bi-mat",
        EMAIL_USE_TLS="false", DEFAULT_FROM_EMAIL="CCHC Hoàng Mai <cchc@hoangmai.gov.vn>"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1].split("|") == [
        "'django.core.mail.backends.smtp.EmailBackend'", "'smtp.hanoi.gov.vn'", "465", "'cchc'", "'bi-mat'",
        "False", "'CCHC Hoàng Mai <cchc@hoangmai.gov.vn>'"]


def test_the_demo_prints_emails_to_the_console():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("EMAIL_", "DEFAULT_FROM"))}
    result = _manage("shell", "-c", _PRINT_EMAIL, env={**env, "DJANGO_SETTINGS_MODULE": "config.settings.local"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1].split("|")[0] == "'django.core.mail.backends.console.EmailBackend'"


def test_management_commands_do_not_open_with_the_axes_banner():
    # The demo's settings, as `make run` uses them
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.local"}
    env.pop("DATABASE_URL", None)
    result = _manage("check", env=env)
    assert result.returncode == 0, result.stderr
    assert "AXES: BEGIN" not in result.stdout + result.stderr


def test_the_wsgi_module_imports_every_view_before_the_first_request():
    """A gunicorn worker boots with its views imported, so the first user it answers does not wait for them."""
    probe = "import sys, config.wsgi; print('assessments.views' in sys.modules, 'reports.views_dashboard' in sys.modules)"
    answer = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=_production_env(), capture_output=True,
                            text=True, timeout=120)

    assert answer.stdout.split() == ["True", "True"], answer.stderr[-2000:]
