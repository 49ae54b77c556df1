"""The office's file of earlier years' results is imported by a background job: every refused row listed on
its page, retried, joined while under way, and followed only by the office that sent it."""
from operations.models import Job, JobStatus
from reports.history import HEADER, history_import, history_rows_from_xlsx
from reports.models import ImportedResult

from support import job_failed_then_retried, xlsx_upload

URL = "/ket-qua/cac-nam-truoc/nhap/"
HOANG_LIET_2023 = ("hoangmai-phuong/2023", "HM-W-HOANGLIET", None, None, 80, 5, 14)


def xlsx(*rows):
    return xlsx_upload(HEADER, rows, name="ket-qua-cac-nam.xlsx")


def test_the_office_uploads_earlier_years_and_follows_the_import_to_the_list(
        ward, secretariat, client_for, django_capture_on_commit_callbacks):
    office = client_for(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        started = office.post(URL, {"file": xlsx(HOANG_LIET_2023)})
    job = Job.objects.get()
    assert started["Location"] == f"/cong-viec/{job.pk}/"
    assert (job.kind, job.status, job.summary) == ("history_import", JobStatus.SUCCEEDED,
                                                   "Đã nhập 1 kết quả năm trước.")
    page = office.get(started["Location"]).content.decode()
    assert "Đã nhập 1 kết quả năm trước." in page and 'href="/ket-qua/cac-nam-truoc/"' in page
    assert ImportedResult.objects.get().source == "ket-qua-cac-nam.xlsx"


def test_the_import_reports_its_progress_every_hundred_rows(ward, secretariat, monkeypatch):
    monkeypatch.setattr("reports.history.PROGRESS_EVERY", 1)
    steps = []
    rows = [("hoangmai-phuong/2022", "HM-W-HOANGLIET", None, None, 80, 5, 14), HOANG_LIET_2023]
    history_import(rows=history_rows_from_xlsx(xlsx(*rows)), source="x.xlsx", by=secretariat,
                   progress=lambda done, total: steps.append((done, total)))
    assert steps == [(0, 2), (1, 2)]


def test_a_refused_file_fails_its_job_with_every_row_and_saves_nothing(
        ward, secretariat, client_for, django_capture_on_commit_callbacks):
    office = client_for(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        office.post(URL, {"file": xlsx(HOANG_LIET_2023, ("hoangmai-phuong/2023", "HM-W-KHONGCO", None, None, 80, 5, 14),
                                       ("2023", "HM-W-HOANGLIET", None, None, 80, 5, 14))})
    job = Job.objects.get()
    assert job.status == JobStatus.FAILED
    assert job.error.splitlines() == [
        "Tệp có 2 lỗi, chưa nhập kết quả nào:", "Dòng 3: không có đơn vị “HM-W-KHONGCO”.",
        "Dòng 4: “Kỳ” phải có dạng MÃ/NĂM (mã bộ chỉ số hoặc họ bộ chỉ số và năm, ví dụ hanoi-province-2020/2019), "
        "không phải “2023”."]
    assert "Dòng 3: không có đơn vị “HM-W-KHONGCO”." in office.get(f"/cong-viec/{job.pk}/").content.decode()
    assert not ImportedResult.objects.exists()


def test_a_failed_import_runs_again_from_the_kept_upload(ward, secretariat, client_for, monkeypatch,
                                                         django_capture_on_commit_callbacks):
    failed, job = job_failed_then_retried(client_for(secretariat), URL, {"file": xlsx(HOANG_LIET_2023)},
                                          broken="reports.jobs.history_import", monkeypatch=monkeypatch,
                                          capture_on_commit=django_capture_on_commit_callbacks)
    assert "Lỗi hệ thống khi thực hiện công việc" in failed
    assert (job.status, job.attempts) == (JobStatus.SUCCEEDED, 2)
    assert ImportedResult.objects.count() == 1


def test_a_second_upload_joins_the_offices_import_under_way(ward, secretariat, client_for):
    office = client_for(secretariat)
    first = office.post(URL, {"file": xlsx(HOANG_LIET_2023)})  # queued: its commit callback never runs
    second = office.post(URL, {"file": xlsx(HOANG_LIET_2023)})
    assert first["Location"] == second["Location"] == f"/cong-viec/{Job.objects.get().pk}/"


def test_only_offices_upload_and_only_the_sender_follows_its_import(ward, secretariat, ward_staff, leadership,
                                                                   operator_elsewhere, client_for):
    for outsider in (ward_staff, leadership):
        assert client_for(outsider).post(URL, {"file": xlsx(HOANG_LIET_2023)}).status_code == 404
    assert not Job.objects.exists()
    assert "Chọn tệp Excel (.xlsx) để nhập." in client_for(secretariat).post(URL, follow=True).content.decode()
    assert not Job.objects.exists()

    client_for(secretariat).post(URL, {"file": xlsx(HOANG_LIET_2023)})
    job = Job.objects.get()
    for stranger in (ward_staff, leadership, operator_elsewhere):
        assert client_for(stranger).get(f"/cong-viec/{job.pk}/").status_code == 404
