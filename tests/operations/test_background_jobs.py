"""Long work runs as a background job: one at a time per object, followed on its page, retried after a failure."""
from datetime import timedelta

import pytest
from django.utils import timezone

from operations import jobs
from operations.jobs import job_start, jobs_recover
from operations.models import Job, JobStatus


def _period_pdf_job(period, by):
    return job_start(kind="period_pdf", key=f"period_pdf:{period.pk}", params={"period_id": period.pk},
                     title="PDF kết quả", by=by)


def test_the_office_gets_the_period_pdf_from_its_job_page(client_for, period, secretariat,
                                                         django_capture_on_commit_callbacks):
    office = client_for(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        started = office.post(f"/bao-cao/ky/{period.pk}/ket-qua.pdf")
    job = Job.objects.get()
    assert started["Location"] == f"/cong-viec/{job.pk}/"
    assert (job.status, job.done, job.total, job.attempts) == (JobStatus.SUCCEEDED, 2, 2, 1)
    page = office.get(started["Location"]).content.decode()
    assert "Hoàn thành" in page and "100%" in page
    assert f'href="/cong-viec/{job.pk}/tai-ve/"' in page
    assert "hx-trigger" not in page  # nothing left to follow
    download = office.get(f"/cong-viec/{job.pk}/tai-ve/")
    assert download["Content-Disposition"].startswith("attachment")
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_a_second_request_joins_the_job_under_way(period, secretariat, leadership):
    first = _period_pdf_job(period, secretariat)  # queued: its commit callback never runs in this test
    assert _period_pdf_job(period, leadership) == first
    assert Job.objects.count() == 1


def test_a_job_under_way_is_followed_every_second(client_for, period, secretariat):
    job = _period_pdf_job(period, secretariat)
    fragment = client_for(secretariat).get(f"/cong-viec/{job.pk}/", headers={"HX-Request": "true"}).content.decode()
    assert 'hx-trigger="every 1s"' in fragment and "Đang chờ" in fragment
    assert "<html" not in fragment


def test_a_failed_job_shows_its_error_and_runs_again(client_for, period, secretariat, monkeypatch,
                                                    django_capture_on_commit_callbacks):
    def broken(**kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("reports.jobs.period_results", broken)
    office = client_for(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        office.post(f"/bao-cao/ky/{period.pk}/ket-qua.pdf")
    job = Job.objects.get()
    assert job.status == JobStatus.FAILED
    page = office.get(f"/cong-viec/{job.pk}/").content.decode()
    assert "Lỗi hệ thống khi thực hiện công việc" in page and "disk full" not in page
    assert "Chạy lại" in page

    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True):
        again = office.post(f"/cong-viec/{job.pk}/chay-lai/")
    assert again["Location"] == f"/cong-viec/{job.pk}/"
    job.refresh_from_db()
    assert (job.status, job.error, job.attempts) == (JobStatus.SUCCEEDED, "", 2)


def test_a_job_is_read_only_by_those_who_may_read_its_object(client_for, period, secretariat, ward_staff):
    job = _period_pdf_job(period, secretariat)
    staff = client_for(ward_staff)
    for url in (f"/cong-viec/{job.pk}/", f"/cong-viec/{job.pk}/tai-ve/"):
        assert staff.get(url).status_code == 404
    assert staff.post(f"/cong-viec/{job.pk}/chay-lai/").status_code == 404
    assert client_for(secretariat).get("/cong-viec/999999/").status_code == 404


def test_a_running_job_that_lost_its_worker_is_queued_again(period, secretariat, django_capture_on_commit_callbacks):
    job = _period_pdf_job(period, secretariat)
    Job.objects.filter(pk=job.pk).update(status=JobStatus.RUNNING, attempts=1,
                                         heartbeat_at=timezone.now() - timedelta(minutes=11))
    fresh = _period_pdf_job(period, secretariat)
    assert fresh == job  # still the active one: no second PDF while the first may be running

    with django_capture_on_commit_callbacks(execute=True):
        assert jobs_recover(stale_after=timedelta(minutes=10)) == [job]
    job.refresh_from_db()
    assert (job.status, job.attempts) == (JobStatus.SUCCEEDED, 2)


def test_a_job_with_a_live_heartbeat_is_left_to_its_worker(period, secretariat):
    job = _period_pdf_job(period, secretariat)
    Job.objects.filter(pk=job.pk).update(status=JobStatus.RUNNING, heartbeat_at=timezone.now())
    assert jobs_recover(stale_after=timedelta(minutes=10)) == []
    assert Job.objects.get().status == JobStatus.RUNNING


def test_unknown_kinds_are_refused(secretariat, db):
    with pytest.raises(ValueError):
        job_start(kind="mine_bitcoin", key="x", title="x", params={}, by=secretariat)
    assert set(jobs.KINDS) >= {"period_pdf"}
