"""The office's Excel list of accounts is created by a background job (each password hash takes about half
a second): the job page shows the progress and every refused row, the job can be retried, one list of an
office runs at a time, and the file of one-time passwords goes to the list's sender alone, once: it leaves
the storage at that download, and the passwords are written nowhere else."""
import io
from datetime import timedelta

import pytest
from django.core.files.storage import default_storage
from django.test import Client
from django.utils import timezone
from openpyxl import load_workbook

from accounts.excel import HEADER, users_import_xlsx
from accounts.jobs import SENDER_GONE, accounts_import_start
from accounts.models import Role, User
from operations.models import Job, JobStatus

from support import PASSWORD, job_failed_then_retried, xlsx_upload

GOOD = [
    ("Đỗ Văn Nam", "truong.yenso", "nam@example.gov.vn", "HM-W-YENSO", "Thủ trưởng đơn vị"),
    ("Hoàng Văn Tú", "canbo.yenso", "", "HM-W-YENSO", "unit_staff"),
    ("Trần Văn Minh", "hoidong2", None, "HM", "THÀNH VIÊN HỘI ĐỒNG THẨM ĐỊNH"),
]
IMPORT = "/tai-khoan/nhap-excel/"


def client_of(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def send(client, rows, capture):
    with capture(execute=True):
        started = client.post(IMPORT, {"file": xlsx_upload(HEADER, rows, name="ds.xlsx")})
    assert started.status_code == 302, started.content.decode()
    return Job.objects.get(pk=int(started["Location"].strip("/").rsplit("/", 1)[1])), started["Location"]


@pytest.fixture
def colleague(district):
    """A second officer of the same office."""
    user = User(username="binh", role=Role.SECRETARIAT, unit=district)
    user.set_password(PASSWORD)
    user.save()
    return user


def test_the_sender_downloads_the_passwords_once_and_the_file_then_leaves_the_storage(
        secretariat, other_ward, django_capture_on_commit_callbacks):
    office = client_of(secretariat)
    job, page_url = send(office, GOOD, django_capture_on_commit_callbacks)
    assert (job.kind, job.status, job.created_by, job.done, job.total) == (
        "accounts_import", JobStatus.SUCCEEDED, secretariat, 3, 3)
    page = office.get(page_url).content.decode()
    assert "Đã tạo 3 tài khoản." in page and "100%" in page
    assert "Tải về mat-khau-dung-mot-lan.xlsx" in page and "chỉ tải về được một lần" in page
    assert not default_storage.exists(job.params["file"])  # the upload is gone once imported
    stored = job.result.name

    download = office.get(page_url + "tai-ve/")
    assert download.status_code == 200 and "no-cache" in download["Cache-Control"]
    sheet = load_workbook(io.BytesIO(b"".join(download.streaming_content))).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == ["Tên đăng nhập", "Họ và tên", "Đơn vị", "Mật khẩu dùng một lần"]
    assert [row[:3] for row in rows[1:]] == [["truong.yenso", "Đỗ Văn Nam", "Phường Yên Sở"],
                                            ["canbo.yenso", "Hoàng Văn Tú", "Phường Yên Sở"],
                                            ["hoidong2", "Trần Văn Minh", "Quận Hoàng Mai"]]
    passwords = {username: password for username, *_rest, password in rows[1:]}
    for username, password in passwords.items():
        account = User.objects.get(username=username)
        assert account.check_password(password) and account.must_change_password

    job.refresh_from_db()
    assert not default_storage.exists(stored) and not job.result and job.downloaded_at is not None
    when = timezone.localtime(job.downloaded_at).strftime("%d/%m/%Y %H:%M")
    page = office.get(page_url).content.decode()
    assert f"Tệp đã được tải về lúc {when}" in page and "không còn được lưu" in page and "tai-ve" not in page

    again = office.get(page_url + "tai-ve/")
    assert again.status_code == 410
    assert f"Tệp đã được tải về lúc {when}" in again.content.decode()
    assert "cấp lại mật khẩu từ trang tài khoản" in again.content.decode()

    # Written nowhere else: not in the job's row, nor in the accounts' history.
    job_row = str(Job.objects.filter(pk=job.pk).values().get())
    history = str(list(User.history.values()))
    assert not [password for password in passwords.values() if password in job_row or password in history]


def test_a_list_with_errors_fails_its_job_naming_every_row_and_creates_nobody(
        secretariat, other_ward, django_capture_on_commit_callbacks):
    office = client_of(secretariat)
    rows = [GOOD[0], ("", "x", "", "HM-W-YENSO", "unit_staff"), ("Vũ Thị Mai", "mai", "", "HM-W-KHONGCO", "Giám đốc")]
    job, page_url = send(office, rows, django_capture_on_commit_callbacks)

    assert job.status == JobStatus.FAILED and not job.result
    page = office.get(page_url).content.decode()
    assert "Danh sách có 3 lỗi, chưa tạo tài khoản nào:<br>Dòng 3: Cần nhập họ và tên.<br>" in page
    assert "Dòng 4: Mã đơn vị “HM-W-KHONGCO” không có." in page and "Chạy lại" in page
    assert f'href="{IMPORT}"' in page  # back to the page that takes the file
    # A retry would read the same file again: the page says so, since the list must be corrected and sent anew
    assert "Chạy lại dùng đúng tệp đã gửi; nếu đã sửa tệp, hãy gửi lại tệp từ trang gửi tệp." in page
    assert not User.objects.filter(username__in=["truong.yenso", "x", "mai"]).exists()


def test_a_failed_import_is_retried_from_its_page(
        secretariat, other_ward, client_for, monkeypatch, django_capture_on_commit_callbacks):
    failed, job = job_failed_then_retried(
        client_for(secretariat), IMPORT, {"file": xlsx_upload(HEADER, GOOD, name="ds.xlsx")},
        broken="accounts.jobs.issued_xlsx", monkeypatch=monkeypatch,
        capture_on_commit=django_capture_on_commit_callbacks)

    assert "Lỗi hệ thống" in failed
    assert (job.status, job.attempts, job.result_name) == (JobStatus.SUCCEEDED, 2, "mat-khau-dung-mot-lan.xlsx")
    assert User.objects.filter(username__in=["truong.yenso", "canbo.yenso", "hoidong2"]).count() == 3


def test_one_list_of_an_office_runs_at_a_time(secretariat, colleague, operator_elsewhere, other_ward):
    first = accounts_import_start(upload=xlsx_upload(HEADER, GOOD), name="a.xlsx", by=secretariat)
    again = accounts_import_start(upload=xlsx_upload(HEADER, GOOD), name="b.xlsx", by=colleague)
    elsewhere = accounts_import_start(upload=xlsx_upload(HEADER, GOOD), name="c.xlsx", by=operator_elsewhere)

    assert again == first and elsewhere != first
    assert first.key == f"accounts_import:{secretariat.unit_id}"
    assert first.params == {"organiser_id": secretariat.unit_id, "name": "a.xlsx", "next": IMPORT,
                            "file": first.params["file"]}


def test_only_the_sender_downloads_and_no_one_outside_the_office_sees_the_job(
        secretariat, colleague, operator_elsewhere, ward_staff, other_ward, django_capture_on_commit_callbacks):
    job, page_url = send(client_of(secretariat), GOOD, django_capture_on_commit_callbacks)

    fellow = client_of(colleague)
    page = fellow.get(page_url).content.decode()
    assert "Chỉ người yêu cầu công việc này tải được tệp kết quả." in page and "tai-ve" not in page
    assert fellow.get(page_url + "tai-ve/").status_code == 404
    for stranger in (operator_elsewhere, ward_staff):
        assert client_of(stranger).get(page_url).status_code == 404
        assert client_of(stranger).get(page_url + "tai-ve/").status_code == 404
    job.refresh_from_db()
    assert default_storage.exists(job.result.name) and job.downloaded_at is None  # still the sender's to take


def test_a_sender_who_may_no_longer_manage_accounts_creates_nobody(
        secretariat, other_ward, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as queued:
        job = accounts_import_start(upload=xlsx_upload(HEADER, GOOD), name="ds.xlsx", by=secretariat)
    User.objects.filter(pk=secretariat.pk).update(role=Role.UNIT_STAFF)
    for run in queued:  # the worker runs it after the sender's role changed
        run()
    job.refresh_from_db()
    assert (job.status, job.error) == (JobStatus.FAILED, SENDER_GONE)
    assert not User.objects.filter(username="truong.yenso").exists()


def test_the_import_tells_its_progress_after_each_account(secretariat, other_ward):
    steps = []
    users_import_xlsx(file=xlsx_upload(HEADER, GOOD), by=secretariat, progress=lambda *step: steps.append(step))
    assert steps == [(1, 3), (2, 3), (3, 3)]
