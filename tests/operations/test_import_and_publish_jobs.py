"""A unit's Excel import and a period's publication also run as background jobs (``--background``), so that a
worker killed in the middle (``tests/faults/``) can be recovered and the job run again."""
import io

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import load_workbook

from assessments.excel import self_score_template_xlsx
from config.excel import workbook_bytes
from operations.models import Job, JobStatus

from support import publish_period


def _scored_template(assessment, **scores) -> bytes:
    workbook = load_workbook(io.BytesIO(self_score_template_xlsx(assessment=assessment)))
    for address, value in scores.items():
        workbook.active[address] = value
    return workbook_bytes(workbook)


@pytest.fixture
def template_file(assessment, tmp_path):
    def write(**scores):
        path = tmp_path / "tu-cham.xlsx"
        path.write_bytes(_scored_template(assessment, **scores))
        return str(path)
    return write


def test_the_import_command_queues_a_job_that_imports_the_file(assessment, ward_staff, template_file, capsys,
                                                               django_capture_on_commit_callbacks):
    # Given the template with 1.1.1 (row 7) scored 0,5
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_self_scores", assessment.period.identifier, assessment.unit.code,
                     template_file(D7=0.5), "--as", ward_staff.username, "--background")
    job = Job.objects.get()
    assert capsys.readouterr().out.strip() == f"Đã giao công việc nền số {job.pk}."
    assert (job.kind, job.status, job.created_by) == ("self_score_import", JobStatus.SUCCEEDED, ward_staff)
    assert [(s.node.code, s.value) for s in assessment.self_scores.all()] == [("1.1.1", 0.5)]
    assert not default_storage.exists(job.params["file"])  # the upload is gone once imported


def test_a_rejected_file_fails_its_job_with_every_problem_and_saves_nothing(assessment, ward_staff, template_file,
                                                                           django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_self_scores", assessment.period.identifier, assessment.unit.code,
                     template_file(D7=9, D8="abc"), "--as", ward_staff.username, "--background")
    job = Job.objects.get()
    assert job.status == JobStatus.FAILED
    assert job.error.splitlines() == ["Tệp Excel có 2 lỗi, chưa nhập điểm nào:",
                                      "Dòng 7: “Điểm tự chấm” không được lớn hơn điểm tối đa 0,5.",
                                      "Dòng 8: “Điểm tự chấm” phải là một số."]
    assert not assessment.self_scores.exists()
    assert default_storage.exists(job.params["file"])  # kept for a retry


def test_who_may_not_edit_the_file_is_refused_before_anything_is_queued(assessment, other_ward_staff,
                                                                        template_file):
    with pytest.raises(CommandError, match="Bạn không có quyền"):
        call_command("import_self_scores", assessment.period.identifier, assessment.unit.code,
                     template_file(D7=0.5), "--as", other_ward_staff.username, "--background")
    assert not Job.objects.exists()


def test_an_import_job_is_read_only_by_those_who_may_read_the_unit(client_for, assessment, ward_staff,
                                                                   other_ward_staff, secretariat, template_file):
    call_command("import_self_scores", assessment.period.identifier, assessment.unit.code,
                 template_file(D7=0.5), "--as", ward_staff.username, "--background")
    job = Job.objects.get()
    assert client_for(ward_staff).get(f"/cong-viec/{job.pk}/").status_code == 200
    assert client_for(secretariat).get(f"/cong-viec/{job.pk}/").status_code == 200
    assert client_for(other_ward_staff).get(f"/cong-viec/{job.pk}/").status_code == 404


def test_the_publish_command_queues_a_job_that_publishes_the_period(period, secretariat, capsys, monkeypatch,
                                                                    django_capture_on_commit_callbacks):
    # Given a period whose every unit is appraised, published by the job rather than at once
    monkeypatch.setattr("appraisal.services.period_publish", lambda **kwargs: None)
    publish_period(period, by=secretariat)
    monkeypatch.undo()
    assert period.published_at is None
    with django_capture_on_commit_callbacks(execute=True):
        call_command("publish_period", period.identifier, "--as", secretariat.username, "--background")
    job = Job.objects.get()
    period.refresh_from_db()
    assert (job.kind, job.status) == ("period_publish", JobStatus.SUCCEEDED)
    assert period.published_at is not None
    assert {a.publications.get().version for a in period.assessments.all()} == {1}


def test_a_publication_job_that_cannot_publish_fails_with_the_reason(period, secretariat,
                                                                     django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("publish_period", period.identifier, "--as", secretariat.username, "--background")
    job = Job.objects.get()
    assert job.status == JobStatus.FAILED and "Phường Hoàng Liệt" in job.error
    period.refresh_from_db()
    assert period.published_at is None
