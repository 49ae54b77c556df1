"""Every answer carries a request id, and every log line written while serving it names that id."""
import json
import logging
import subprocess
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]


class _Lines(logging.Handler):
    def __init__(self, formatter):
        super().__init__()
        self.lines = []
        self.setFormatter(formatter)

    def emit(self, record):
        self.lines.append(self.format(record))


def _formatter(name):
    from logging.config import DictConfigurator
    return DictConfigurator(settings.LOGGING).configure_formatter(settings.LOGGING["formatters"][name])


def test_an_answer_sends_back_the_proxy_request_id_or_a_new_one(client, db):
    assert client.get("/healthz", headers={"X-Request-ID": "abc-123"})["X-Request-ID"] == "abc-123"
    made_up = client.get("/healthz")["X-Request-ID"]
    assert len(made_up) == 32 and made_up != client.get("/healthz")["X-Request-ID"]


def test_a_json_log_line_of_a_request_names_its_request_id(client, db):
    from django_guid.log_filters import CorrelationId

    handler = _Lines(_formatter("json"))
    handler.addFilter(CorrelationId(correlation_id_field="request_id"))
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    try:
        client.get("/khong-co-trang-nay/", headers={"X-Request-ID": "req-42"})
    finally:
        logger.removeHandler(handler)
    line = json.loads(handler.lines[-1])
    assert line["request_id"] == "req-42"
    assert line["level"] == "WARNING" and line["logger"] == "django.request"
    assert "khong-co-trang-nay" in line["message"]


def test_production_serves_its_static_files_itself(tmp_path):
    # whitenoise with fingerprinted names: collectstatic, then the app answers /static/... with no web server
    script = ("from django.test import Client; from django.templatetags.static import static;"
              "url = static('css/app.css'); r = Client().get(url, headers={'host': 'cchc.example.gov.vn'},"
              " secure=True); print(url, r.status_code)")
    env = {"DJANGO_SETTINGS_MODULE": "config.settings.production", "ALLOWED_HOSTS": "cchc.example.gov.vn",
           "SECRET_KEY": "s" * 60, "STATIC_ROOT": str(tmp_path), "PATH": "/usr/bin:/bin", "LOG_LEVEL": "ERROR"}
    for command in (["collectstatic", "--noinput"], ["shell", "-c", script]):
        finished = subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env,
                                  capture_output=True, text=True)
        assert finished.returncode == 0, finished.stderr
    url, status = finished.stdout.splitlines()[-1].split()
    assert url.startswith("/static/css/app.") and url != "/static/css/app.css"  # fingerprinted
    assert status == "200"
