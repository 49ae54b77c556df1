"""A worker (``run_worker``) killed with SIGKILL in the middle of a unit's Excel import, a survey import or a
period's publication leaves the database as it was before the job, and the job is resumable: ``run_worker``
(which runs ``jobs_recover`` first) queues it again and finishes it.

How the kill lands mid-work: see ``processes.py``. The import is held on the tenth criterion it saves, nine
already written in its transaction; the survey import on the part's previous points, every response of the
new file already written; the publication on the period's row, every unit already published in its
transaction.
"""
import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.test import override_settings

from appraisal.jobs import period_publish_start
from appraisal.models import PublishedResult
from assessments.jobs import self_scores_import_start
from assessments.models import SelfScore, StatusChange
from assessments.workflow import Status
from operations.models import Job, JobStatus
from surveys.imports import survey_responses_import
from surveys.jobs import survey_import_start
from surveys.models import SurveyPart, SurveyResponse, SurveyResult
from surveys.services import survey_design_set

from faults.processes import backend_gone, backend_waiting_for_a_lock, kill, row_locked, wait_until, worker
from support import SURVEY_DESIGN, SURVEY_ROWS, csv_file, publish_period

pytestmark = [
    pytest.mark.faults,
    pytest.mark.skipif("postgresql" not in settings.DATABASES["default"]["ENGINE"], reason="processes share PostgreSQL"),
    pytest.mark.django_db(transaction=True),
]

DATABASE_BACKEND = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _killed_while_holding(env, tmp_path, table: str, pk: int) -> Job:
    """Start a worker, let it reach the lock on ``table`` row ``pk``, SIGKILL it; the job it left behind."""
    url = env["DATABASE_URL"]
    with row_locked(url, table, pk):
        process = worker(env, tmp_path / "worker.log")
        backend = wait_until(lambda: backend_waiting_for_a_lock(url), timeout=120,
                             what=f"the worker to wait for the lock ({tmp_path / 'worker.log'})")
        job = Job.objects.get()
        assert job.status == JobStatus.RUNNING
        kill(process)
    # Its connection is gone once PostgreSQL, lock released, tries to answer it: the transaction rolls back.
    wait_until(lambda: backend_gone(url, backend), timeout=30, what="the killed worker's connection to end")
    return job


def _recovered(env, tmp_path, job: Job) -> Job:
    process = worker(env, tmp_path / "worker-again.log")
    assert process.wait(timeout=300) == 0, (tmp_path / "worker-again.log").read_text()
    job.refresh_from_db()
    return job


def test_a_worker_killed_mid_import_leaves_no_score_and_the_job_runs_again(assessment, ward_staff, held_import, env,
                                                                          tmp_path):
    with override_settings(TASKS=DATABASE_BACKEND):
        job = self_scores_import_start(assessment=assessment, content=held_import.content, by=ward_staff)
    history = SelfScore.history.count()

    # When its worker is killed with nine scores written and the tenth waiting
    job = _killed_while_holding(env, tmp_path, "assessments_selfscore", held_import.locked_score_id)

    # Then the database is as before the import: the one old score, no history row more
    assert list(SelfScore.objects.values_list("node__code", "value")) == held_import.before
    assert SelfScore.history.count() == history
    assert job.status == JobStatus.RUNNING  # its worker died: nobody finished it

    # And a new worker queues it again and imports the whole file
    job = _recovered(env, tmp_path, job)
    assert (job.status, job.attempts) == (JobStatus.SUCCEEDED, 2), job.error
    assert dict(SelfScore.objects.values_list("node__code", "value")) == held_import.after


def _survey(period) -> tuple:
    return (sorted(SurveyResponse.objects.values_list("assessment__unit__code", "group", "row")),
            dict(SurveyResult.objects.values_list("assessment__unit__code", "points")),
            SurveyPart.objects.get(period=period).responses_file)


def test_a_worker_killed_mid_survey_import_leaves_the_previous_responses_and_the_job_runs_again(
        period, secretariat, env, tmp_path):
    # Given a survey whose first file (Yên Sở's response only) is imported
    survey_design_set(period=period, data=SURVEY_DESIGN, by=secretariat)
    first = csv_file(tmp_path, [SURVEY_ROWS[0], SURVEY_ROWS[4]], name="dot-1.csv")
    with first.open("rb") as file:
        survey_responses_import(period=period, file=file, name="dot-1.csv", by=secretariat)
    before = _survey(period)
    assert before[1] == {"HM-W-YENSO": 10}
    # And the whole file sent as a job
    with override_settings(TASKS=DATABASE_BACKEND):
        survey_import_start(period=period, upload=ContentFile(csv_file(tmp_path, SURVEY_ROWS).read_bytes()),
                            name="dot-2.csv",
                            method="dtxhh", aggregated=False, by=secretariat)
    history = SurveyPart.history.count()

    # When its worker is killed with the new responses written and the old points waiting to be replaced
    job = _killed_while_holding(env, tmp_path, "surveys_surveyresult",
                                SurveyResult.objects.get(assessment__unit__code="HM-W-YENSO").pk)

    # Then the survey is the first file's: its response, its points, its name, no history row more
    assert _survey(period) == before
    assert SurveyPart.history.count() == history
    assert job.status == JobStatus.RUNNING

    # And a new worker queues it again and imports the whole file
    job = _recovered(env, tmp_path, job)
    assert (job.status, job.attempts, job.summary) == (JobStatus.SUCCEEDED, 2, "Đã nhập 4 dòng của 2 đơn vị."), job.error
    responses, points, name = _survey(period)
    assert (len(responses), name) == (4, "dot-2.csv")
    assert {code: str(value) for code, value in points.items()} == {"HM-W-HOANGLIET": "18.333", "HM-W-YENSO": "10.000"}


def test_a_worker_killed_mid_publication_publishes_nothing_and_the_job_runs_again(period, secretariat, env,
                                                                                 tmp_path, monkeypatch):
    # Given a period whose every unit is appraised, to be published by a job
    monkeypatch.setattr("appraisal.services.period_publish", lambda **kwargs: None)
    publish_period(period, by=secretariat)
    monkeypatch.undo()
    with override_settings(TASKS=DATABASE_BACKEND):
        period_publish_start(period=period, by=secretariat)
    steps = StatusChange.objects.count()

    # When its worker is killed with every unit published and the period's own row waiting
    job = _killed_while_holding(env, tmp_path, "assessments_period", period.pk)

    # Then nothing is published: no frozen result, every unit still appraised, no status step
    period.refresh_from_db()
    assert period.published_at is None
    assert not PublishedResult.objects.exists()
    assert set(period.assessments.values_list("status", flat=True)) == {Status.APPRAISED}
    assert StatusChange.objects.count() == steps

    # And a new worker queues it again and publishes the period
    job = _recovered(env, tmp_path, job)
    assert job.status == JobStatus.SUCCEEDED, job.error
    period.refresh_from_db()
    assert period.published_at is not None
    assert PublishedResult.objects.filter(assessment__period=period).count() == period.assessments.count()
    assert set(period.assessments.values_list("status", flat=True)) == {Status.PUBLISHED}
