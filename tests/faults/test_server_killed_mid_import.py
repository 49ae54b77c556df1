"""The web server (gunicorn) killed with SIGKILL in the middle of an Excel import request leaves no score of
that file; the unit sends the file again to a restarted server and every score is saved.

The request is held on the tenth criterion it saves (``processes.py``), nine already written in its transaction.
"""
import threading

import pytest
import requests
from django.conf import settings

from assessments.models import SelfScore

from faults.processes import (
    backend_gone, backend_waiting_for_a_lock, csrf, gunicorn, kill, row_locked, signed_in, wait_until,
    with_server_password,
)
from support import PASSWORD

pytestmark = [
    pytest.mark.faults,
    pytest.mark.skipif("postgresql" not in settings.DATABASES["default"]["ENGINE"], reason="processes share PostgreSQL"),
    pytest.mark.django_db(transaction=True),
]


def _upload(session, base, assessment, content) -> requests.Response:
    return session.post(f"{base}/danh-gia/{assessment.pk}/excel/nhap/", data=csrf(session),
                        files={"file": ("tu-cham.xlsx", content)}, allow_redirects=False, timeout=120)


def test_a_server_killed_mid_import_saves_nothing_and_the_file_imports_after_a_restart(
        assessment, ward_staff, held_import, env, tmp_path):
    url = env["DATABASE_URL"]
    with_server_password(ward_staff, PASSWORD)
    history = SelfScore.history.count()
    answers = []
    with gunicorn(env, tmp_path / "gunicorn.log") as (base, server):
        session = signed_in(base, ward_staff.username, PASSWORD)
        with row_locked(url, "assessments_selfscore", held_import.locked_score_id):
            def send():
                try:
                    answers.append(_upload(session, base, assessment, held_import.content))
                except requests.ConnectionError as error:
                    answers.append(error)
            request = threading.Thread(target=send)
            request.start()
            # When the server is killed while the import waits on the tenth criterion
            backend = wait_until(lambda: backend_waiting_for_a_lock(url), timeout=60, what="the import to wait")
            kill(server)
            request.join(timeout=30)
        wait_until(lambda: backend_gone(url, backend), timeout=30, what="the killed server's connection to end")

    # Then the browser got no answer, and the database is as before the request
    assert len(answers) == 1 and isinstance(answers[0], requests.ConnectionError), answers
    assert list(SelfScore.objects.values_list("node__code", "value")) == held_import.before
    assert SelfScore.history.count() == history

    # And the same file sent again to a new server imports every score
    with gunicorn(env, tmp_path / "gunicorn-again.log") as (base, _server):
        session = signed_in(base, ward_staff.username, PASSWORD)
        answer = _upload(session, base, assessment, held_import.content)
    assert answer.status_code == 302
    assert dict(SelfScore.objects.values_list("node__code", "value")) == held_import.after
