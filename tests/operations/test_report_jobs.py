"""Every unit's self-assessment reports in one ZIP and the office's annual report (DOCX, PDF) are made by
background jobs: followed unit by unit, joined while under way, retried after a failure, read by whoever
reads the period's documents and nobody else."""
import io
import zipfile

from operations.models import Job, JobStatus
from reports.upward import self_assessment_archive

from support import job_failed_then_retried

ZIP_NAMES = sorted(f"bao-cao-tu-danh-gia-{code}-2024.{ext}"
                   for code in ("HM-W-HOANGLIET", "HM-W-YENSO") for ext in ("docx", "pdf"))


def test_the_archive_job_follows_the_units_it_wrote_and_leaves_the_zip(client_for, period, secretariat,
                                                                        django_capture_on_commit_callbacks):
    office = client_for(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        started = office.post(f"/bao-cao/ky/{period.pk}/bao-cao-tu-danh-gia.zip")
    job = Job.objects.get()
    assert started["Location"] == f"/cong-viec/{job.pk}/"
    assert (job.kind, job.status, job.result_name) == ("self_reports_zip", JobStatus.SUCCEEDED,
                                                       "bao-cao-tu-danh-gia-hoangmai-phuong-2024-2024.zip")
    assert (job.done, job.total) == (2, 2)  # units written, of the period's two

    page = office.get(started["Location"]).content.decode()
    assert f'<a href="/bao-cao/ky/{period.pk}/bao-cao-nam/" data-testid="job-back">' in page  # where it was asked

    download = office.get(f"/cong-viec/{job.pk}/tai-ve/")
    assert sorted(zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content))).namelist()) == ZIP_NAMES


def test_the_archive_reports_its_progress_after_every_unit(period):
    steps = []
    self_assessment_archive(period=period, progress=lambda done, total: steps.append((done, total)))
    assert steps == [(1, 2), (2, 2)]


def test_the_annual_report_in_each_format_is_a_job_of_its_own_joined_while_under_way(client_for, period, secretariat,
                                                                                     leadership):
    docx = client_for(secretariat).post(f"/bao-cao/ky/{period.pk}/bao-cao-nam.docx")  # queued, not run
    again = client_for(leadership).post(f"/bao-cao/ky/{period.pk}/bao-cao-nam.docx")
    pdf = client_for(leadership).post(f"/bao-cao/ky/{period.pk}/bao-cao-nam.pdf")
    assert docx["Location"] == again["Location"] != pdf["Location"]
    assert sorted(Job.objects.values_list("key", flat=True)) == [f"annual_report:{period.pk}:docx",
                                                                 f"annual_report:{period.pk}:pdf"]


def test_a_failed_annual_report_shows_its_error_and_runs_again(client_for, period, leadership, monkeypatch,
                                                              django_capture_on_commit_callbacks):
    reader = client_for(leadership)
    failed, job = job_failed_then_retried(reader, f"/bao-cao/ky/{period.pk}/bao-cao-nam.pdf",
                                          broken="reports.jobs.annual_report_document", monkeypatch=monkeypatch,
                                          capture_on_commit=django_capture_on_commit_callbacks)
    assert "Lỗi hệ thống khi thực hiện công việc" in failed and "Chạy lại" in failed
    assert (job.status, job.attempts, job.result_name) == (
        JobStatus.SUCCEEDED, 2, "bao-cao-ket-qua-chi-so-cchc-hoangmai-phuong-2024-2024.pdf")
    assert b"".join(reader.get(f"/cong-viec/{job.pk}/tai-ve/").streaming_content).startswith(b"%PDF")


def test_the_archive_is_the_offices_and_the_annual_report_every_readers_of_the_period(
        client_for, period, secretariat, leadership, ward_staff, operator_elsewhere):
    assert client_for(leadership).post(f"/bao-cao/ky/{period.pk}/bao-cao-tu-danh-gia.zip").status_code == 404
    for stranger in (ward_staff, operator_elsewhere):
        assert client_for(stranger).post(f"/bao-cao/ky/{period.pk}/bao-cao-nam.pdf").status_code == 404
    assert not Job.objects.exists()

    archive = Job.objects.get(pk=_started(client_for(secretariat), f"/bao-cao/ky/{period.pk}/bao-cao-tu-danh-gia.zip"))
    report = Job.objects.get(pk=_started(client_for(secretariat), f"/bao-cao/ky/{period.pk}/bao-cao-nam.pdf"))
    assert client_for(leadership).get(f"/cong-viec/{report.pk}/").status_code == 200
    for job, strangers in ((archive, (leadership, ward_staff, operator_elsewhere)),
                           (report, (ward_staff, operator_elsewhere))):
        for stranger in strangers:
            assert client_for(stranger).get(f"/cong-viec/{job.pk}/").status_code == 404
            assert client_for(stranger).get(f"/cong-viec/{job.pk}/tai-ve/").status_code == 404


def _started(client, url) -> int:
    return int(client.post(url)["Location"].strip("/").rsplit("/", 1)[1])
