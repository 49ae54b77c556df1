"""Real workers: the database backend of the demo and the Redis backend of a city deployment run the same jobs.

Jobs are queued while no worker runs, then a worker started afterwards does them: queued work survives a
worker that was stopped or restarted.
"""
import os
import subprocess
import sys
from pathlib import Path

import pytest
import redis
from django.conf import settings
from django.test import override_settings

from operations.jobs import job_start
from operations.models import Job, JobStatus

ROOT = Path(__file__).resolve().parents[2]
DATABASE = settings.DATABASES["default"]

pytestmark = [
    pytest.mark.skipif("postgresql" not in DATABASE["ENGINE"], reason="a worker process needs a shared database"),
    pytest.mark.django_db(transaction=True),
]


def _worker(backend: str, media_root, **extra_env) -> subprocess.CompletedProcess:
    """``run_worker --batch`` in its own process, on the test database, until no job is left."""
    url = f"postgres://{DATABASE['USER']}@{DATABASE['HOST']}:{DATABASE['PORT']}/{DATABASE['NAME']}"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.local", "DEBUG": "false", "DATABASE_URL": url,
           "TASKS_BACKEND": backend, "MEDIA_ROOT": str(media_root), "LOG_LEVEL": "WARNING", **extra_env}
    return subprocess.run([sys.executable, "manage.py", "run_worker", "--batch"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=180)


def _queue_period_pdf(period, by) -> Job:
    return job_start(kind="period_pdf", key=f"period_pdf:{period.pk}", params={"period_id": period.pk},
                     title="PDF kết quả", by=by)


def test_the_database_worker_does_a_job_queued_before_it_started(period, secretariat, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        job = _queue_period_pdf(period, secretariat)
    assert Job.objects.get(pk=job.pk).status == JobStatus.QUEUED

    finished = _worker("database", tmp_path)
    assert finished.returncode == 0, finished.stderr
    job.refresh_from_db()
    assert (job.status, job.done, job.total) == (JobStatus.SUCCEEDED, 2, 2), job.error
    assert (tmp_path / job.result.name).read_bytes().startswith(b"%PDF")


def _redis_or_skip(url):
    client = redis.Redis.from_url(url)
    try:
        client.ping()
    except redis.exceptions.ConnectionError:
        if os.environ.get("CI"):
            raise  # CI machines run Redis on 127.0.0.1:6379: its absence is a failure there, not a skip
        pytest.skip("no Redis on 127.0.0.1:6379")
    return client


def test_the_redis_worker_does_the_same_job(period, secretariat, tmp_path, settings):
    url = settings.REDIS_URL.rsplit("/", 1)[0] + "/15"  # this test's own Redis database, emptied around it
    client = _redis_or_skip(url)
    client.flushdb()
    settings.MEDIA_ROOT = tmp_path
    settings.RQ_QUEUES = {"default": {"URL": url}}
    try:
        with override_settings(TASKS={"default": {"BACKEND": "django_tasks_rq.RQBackend"}}):
            job = _queue_period_pdf(period, secretariat)
        assert Job.objects.get(pk=job.pk).status == JobStatus.QUEUED

        finished = _worker("rq", tmp_path, REDIS_URL=url)
        assert finished.returncode == 0, finished.stderr
        job.refresh_from_db()
        assert job.status == JobStatus.SUCCEEDED, job.error
        assert (tmp_path / job.result.name).read_bytes().startswith(b"%PDF")
    finally:
        client.flushdb()
