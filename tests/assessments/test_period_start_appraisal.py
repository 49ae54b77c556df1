"""The office opens the appraisal of every submitted file of a period at once, each as its own workflow step."""
from django.urls import reverse

from assessments.models import StatusChange
from assessments.workflow import Status
from support import submit_completed


def test_every_submitted_file_goes_under_appraisal_with_its_own_event(
        period, assessment, other_assessment, ward_head, secretariat, client_for):
    submit_completed(assessment=assessment, by=ward_head)

    response = client_for(secretariat).post(reverse("periods:start_appraisal", args=[period.pk]), follow=True)

    assert "Đã bắt đầu thẩm định 1 hồ sơ đã nộp." in response.content.decode()
    assessment.refresh_from_db()
    other_assessment.refresh_from_db()
    assert (assessment.status, other_assessment.status) == (Status.UNDER_APPRAISAL, Status.DRAFT)
    event = StatusChange.objects.get(assessment=assessment, action="start_appraisal")
    assert (event.by, event.old_status, event.new_status) == (secretariat, Status.SUBMITTED, Status.UNDER_APPRAISAL)


def test_the_progress_page_offers_it_only_while_files_wait(period, assessment, ward_head, secretariat, client_for):
    client = client_for(secretariat)
    progress = reverse("periods:progress", args=[period.pk])
    assert 'data-action="start_appraisal_all"' not in client.get(progress).content.decode()

    submit_completed(assessment=assessment, by=ward_head)

    assert "Bắt đầu thẩm định 1 hồ sơ đã nộp" in client.get(progress).content.decode()


def test_an_excluded_file_is_left_as_it_is(period, assessment, ward_head, secretariat, client_for):
    submit_completed(assessment=assessment, by=ward_head)
    assessment.excluded = True
    assessment.save(update_fields=["excluded"])

    response = client_for(secretariat).post(reverse("periods:start_appraisal", args=[period.pk]), follow=True)

    assert "Không có hồ sơ nào đã nộp đang chờ bắt đầu thẩm định." in response.content.decode()
    assessment.refresh_from_db()
    assert assessment.status == Status.SUBMITTED


def test_nobody_but_the_periods_office_may(period, assessment, ward_head, council_member, leadership,
                                           operator_elsewhere, client_for):
    submit_completed(assessment=assessment, by=ward_head)
    url = reverse("periods:start_appraisal", args=[period.pk])

    for user in (ward_head, council_member, leadership, operator_elsewhere):
        assert client_for(user).post(url).status_code == 404
    assessment.refresh_from_db()
    assert assessment.status == Status.SUBMITTED and not StatusChange.objects.filter(action="start_appraisal").exists()


def test_all_or_none_when_one_file_cannot_start(period, assessment, other_assessment, ward_head, secretariat,
                                                 client_for, monkeypatch):
    from accounts.models import Role, User
    from assessments import actions, workflow

    submit_completed(assessment=assessment, by=ward_head)
    submit_completed(assessment=other_assessment, by=User.objects.create(username="hung", role=Role.UNIT_HEAD,
                                                                        unit=other_assessment.unit))
    real_step, started = actions.assessment_start_appraisal, []

    def refusing_the_second(*, assessment, by):
        if started:
            raise workflow.TransitionError("Không thể bắt đầu thẩm định hồ sơ này.")
        started.append(assessment.pk)
        return real_step(assessment=assessment, by=by)

    monkeypatch.setattr(actions, "assessment_start_appraisal", refusing_the_second)

    response = client_for(secretariat).post(reverse("periods:start_appraisal", args=[period.pk]), follow=True)

    assert "Không thể bắt đầu thẩm định hồ sơ này." in response.content.decode()
    assert len(started) == 1  # the first file's step was taken, then undone with the refusal of the second
    assert set(period.assessments.values_list("status", flat=True)) == {Status.SUBMITTED}
    assert not StatusChange.objects.filter(action="start_appraisal").exists()
