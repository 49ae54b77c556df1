"""A part's survey responses upload runs as a background job: the office follows it on the job page, sees
every refused row there, retries it, and only the office of the period's organiser reaches it.

The rows and their points are those of ``tests/surveys/test_import_survey.py`` (issue 13's design)."""
import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, connections, transaction

from operations.jobs import _Progress
from operations.models import Job, JobStatus
from surveys.imports import survey_responses_import
from surveys.models import SurveyResponse, SurveyResult
from surveys.services import survey_design_set

from support import SURVEY_DESIGN, SURVEY_ROWS, csv_file, job_failed_then_retried


@pytest.fixture
def designed(period, secretariat):
    survey_design_set(period=period, data=SURVEY_DESIGN, by=secretariat)
    return period


def upload(client, period, path, **extra):
    return client.post(f"/dieu-tra/ky/{period.pk}/phieu/", {
        "method": "dtxhh", "responses": SimpleUploadedFile(path.name, path.read_bytes()), **extra})


def survey_points(period) -> dict:
    return dict(SurveyResult.objects.filter(part__period=period).values_list("assessment__unit__code", "points"))


def test_the_office_uploads_responses_and_follows_the_import_to_its_result(
        designed, tmp_path, secretariat, client_for, django_capture_on_commit_callbacks):
    office = client_for(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        started = upload(office, designed, csv_file(tmp_path, SURVEY_ROWS))
    job = Job.objects.get()
    assert started["Location"] == f"/cong-viec/{job.pk}/"
    assert (job.kind, job.status, job.created_by) == ("survey_import", JobStatus.SUCCEEDED, secretariat)
    assert {code: str(points) for code, points in survey_points(designed).items()} == {
        "HM-W-HOANGLIET": "18.333", "HM-W-YENSO": "10.000"}

    page = office.get(started["Location"]).content.decode()
    assert "Đã nhập 4 dòng của 2 đơn vị." in page and "100%" in page
    assert f'href="/tham-dinh/ky/{designed.pk}/#survey"' in page
    assert "tai-ve" not in page  # an import leaves no file
    assert not default_storage.exists(job.params["file"])  # the upload is gone once imported


def test_the_import_reports_its_progress_every_batch_of_rows(designed, tmp_path, secretariat, monkeypatch):
    monkeypatch.setattr("surveys.imports.BATCH", 2)
    steps = []
    with csv_file(tmp_path, SURVEY_ROWS).open("rb") as file:
        survey_responses_import(period=designed, file=file, name="phieu.csv", by=secretariat,
                                progress=lambda done, total: steps.append((done, total)))
    assert steps == [(2, 5), (4, 5)]  # rows read of the file's 5 lines (header and 4 responses)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite has one writer: progress shows after the commit")
@pytest.mark.django_db(transaction=True)
def test_progress_inside_the_import_transaction_is_seen_by_the_job_page_at_once(designed, secretariat):
    job = Job.objects.create(kind="survey_import", key="k", title="t", created_by=secretariat)
    progress = _Progress(job)
    elsewhere = connections.create_connection("default")  # the job page's request
    try:
        with transaction.atomic():
            progress(5000, 50000)
            with elsewhere.cursor() as cursor:
                cursor.execute("SELECT done, total FROM operations_job WHERE id = %s", [job.pk])
                assert cursor.fetchone() == (5000, 50000)
    finally:
        progress.close()
        elsewhere.close()


def test_a_refused_file_fails_its_job_with_every_row_and_saves_nothing(
        designed, tmp_path, secretariat, client_for, django_capture_on_commit_callbacks):
    office = client_for(secretariat)
    bad = [SURVEY_ROWS[0], ["HM-W-YENSO", "CD", "9", ""], ["HM-W-NOWHERE", "CD", "1", ""]]
    with django_capture_on_commit_callbacks(execute=True):
        upload(office, designed, csv_file(tmp_path, bad))
    job = Job.objects.get()
    assert job.status == JobStatus.FAILED
    assert job.error.splitlines() == ["Không nhập dòng nào:", "Dòng 2, câu Q1: 9 nằm ngoài thang 1–5.",
                                      "Dòng 3: đơn vị “HM-W-NOWHERE” không có trong kỳ."]
    page = office.get(f"/cong-viec/{job.pk}/").content.decode()
    assert "Không nhập dòng nào:<br>Dòng 2, câu Q1: 9 nằm ngoài thang 1–5.<br>" in page and "Chạy lại" in page
    assert not SurveyResponse.objects.exists()
    assert default_storage.exists(job.params["file"])  # kept for a retry


def test_a_failed_import_runs_again_from_the_kept_upload(designed, tmp_path, secretariat, client_for, monkeypatch,
                                                         django_capture_on_commit_callbacks):
    path = csv_file(tmp_path, SURVEY_ROWS)
    failed, job = job_failed_then_retried(
        client_for(secretariat), f"/dieu-tra/ky/{designed.pk}/phieu/",
        {"method": "dtxhh", "responses": SimpleUploadedFile(path.name, path.read_bytes())},
        broken="surveys.jobs.survey_responses_import", monkeypatch=monkeypatch,
        capture_on_commit=django_capture_on_commit_callbacks)
    assert "Lỗi hệ thống khi thực hiện công việc" in failed
    assert (job.status, job.attempts, job.summary) == (JobStatus.SUCCEEDED, 2, "Đã nhập 4 dòng của 2 đơn vị.")
    assert SurveyResponse.objects.count() == 4


def test_a_second_upload_joins_the_parts_import_under_way(designed, tmp_path, secretariat, client_for, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    office = client_for(secretariat)
    first = upload(office, designed, csv_file(tmp_path, SURVEY_ROWS))  # queued: its commit callback never runs
    second = upload(office, designed, csv_file(tmp_path, SURVEY_ROWS[:2]))
    job = Job.objects.get()
    assert first["Location"] == second["Location"] == f"/cong-viec/{job.pk}/"
    assert default_storage.listdir("jobs/uploads")[1] == [job.params["file"].rsplit("/", 1)[1]]  # the second's dropped


def test_an_upload_without_a_file_queues_nothing(designed, secretariat, client_for):
    response = client_for(secretariat).post(f"/dieu-tra/ky/{designed.pk}/phieu/", {"method": "dtxhh"}, follow=True)
    assert "Chọn tệp phiếu điều tra (.csv hoặc .xlsx)." in response.content.decode()
    assert not Job.objects.exists()


def test_only_the_office_of_the_periods_organiser_reaches_the_import(designed, tmp_path, secretariat, leadership,
                                                                    operator_elsewhere, client_for):
    assert upload(client_for(leadership), designed, csv_file(tmp_path, SURVEY_ROWS)).status_code == 404
    assert upload(client_for(operator_elsewhere), designed, csv_file(tmp_path, SURVEY_ROWS)).status_code == 404
    assert not Job.objects.exists()

    upload(client_for(secretariat), designed, csv_file(tmp_path, SURVEY_ROWS))
    job = Job.objects.get()
    for stranger in (leadership, operator_elsewhere):
        assert client_for(stranger).get(f"/cong-viec/{job.pk}/").status_code == 404
        assert client_for(stranger).post(f"/cong-viec/{job.pk}/chay-lai/").status_code == 404
