"""``manage.py jobs_cleanup --older-than-days N`` deletes the uploads and result files of the jobs that
finished or failed more than N days ago (a failed upload never retried would stay forever); each job's row
stays, and its page says its files were cleaned away."""
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.utils import timezone

from operations.models import Job, JobStatus


@pytest.fixture
def jobs(secretariat, period):
    """A failed upload of 40 days ago, a period PDF of 31 days ago, the same of 29 days, one running."""
    def job(name, status, days, *, upload=False, result=False):
        params = {"period_id": period.pk}
        if upload:
            params["file"] = default_storage.save("jobs/uploads/old.csv", ContentFile(b"unit,group"))
        made = Job.objects.create(kind="survey_import" if upload else "period_pdf", key=name, title=name,
                                  status=status, params=params, created_by=secretariat,
                                  finished_at=None if status == JobStatus.RUNNING else timezone.now() - timedelta(days))
        if result:
            made.result.save("ket-qua.pdf", ContentFile(b"%PDF-1.4"), save=False)
            made.result_name = "ket-qua.pdf"
            made.save()
        return made
    return {"failed": job("failed", JobStatus.FAILED, 40, upload=True),
            "old_pdf": job("old_pdf", JobStatus.SUCCEEDED, 31, result=True),
            "recent_pdf": job("recent_pdf", JobStatus.SUCCEEDED, 29, result=True),
            "running": job("running", JobStatus.RUNNING, 0, upload=True)}


def test_the_files_of_jobs_older_than_n_days_are_deleted_and_their_rows_stay(jobs, capsys):
    files = {name: job.params.get("file") or job.result.name for name, job in jobs.items()}

    call_command("jobs_cleanup", "--older-than-days", "30")

    assert "Đã dọn tệp của 2 công việc." in capsys.readouterr().out
    assert {name: default_storage.exists(file) for name, file in files.items()} == {
        "failed": False, "old_pdf": False, "recent_pdf": True, "running": True}
    cleaned = {job.key: (job.cleaned_at is not None, bool(job.result)) for job in Job.objects.all()}
    assert cleaned == {"failed": (True, False), "old_pdf": (True, False), "recent_pdf": (False, True),
                       "running": (False, False)}

    call_command("jobs_cleanup", "--older-than-days", "30")
    assert "Đã dọn tệp của 0 công việc." in capsys.readouterr().out


def test_a_cleaned_job_says_so_and_can_no_longer_be_retried_or_downloaded(jobs, secretariat, client_for):
    call_command("jobs_cleanup", "--older-than-days", "30")
    office = client_for(secretariat)
    failed, old_pdf = f"/cong-viec/{jobs['failed'].pk}/", f"/cong-viec/{jobs['old_pdf'].pk}/"

    page = office.get(failed).content.decode()
    assert "đã được xoá lúc" in page and "hãy gửi lại tệp" in page and "Chạy lại" not in page
    office.post(failed + "chay-lai/")
    assert Job.objects.get(pk=jobs["failed"].pk).status == JobStatus.FAILED  # its upload is gone

    gone = office.get(old_pdf + "tai-ve/")
    assert gone.status_code == 410 and "đã được xoá lúc" in gone.content.decode()
    assert "tai-ve" not in office.get(old_pdf).content.decode()
