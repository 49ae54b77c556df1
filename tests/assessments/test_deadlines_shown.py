"""Deadlines are shown with the days left on the unit's pages and home, and said when passed."""
import datetime

import pytest
from django.utils import timezone

from assessments.deadlines import Deadline, deadlines
from assessments.services import assessment_reopen
from assessments.workflow import Status

TODAY = datetime.date(2024, 11, 25)
DAY = datetime.timedelta(days=1)


def shown(status, *, own=None, reopened=None, council=None):
    return [(str(d.label), d.day, d.running, d.days_left, d.reopened_from)
            for d in deadlines(status=status, self_deadline=own, reopened_until=reopened,
                               appraisal_deadline=council, today=TODAY)]


@pytest.mark.parametrize(("status", "own", "reopened", "council", "expected"), [
    # a draft runs against its own deadline; the appraisal's is ahead of it
    (Status.DRAFT, TODAY + 5 * DAY, None, TODAY + 20 * DAY, [
        ("Hạn tự đánh giá", TODAY + 5 * DAY, True, 5, None), ("Hạn thẩm định", TODAY + 20 * DAY, False, 20, None)]),
    (Status.DRAFT, TODAY - 2 * DAY, None, None, [("Hạn tự đánh giá", TODAY - 2 * DAY, True, -2, None)]),
    # reopened beyond the deadline: the new last day, and the period's own deadline beside it
    (Status.RETURNED, TODAY - 2 * DAY, TODAY + 3 * DAY, None, [
        ("Hạn tự đánh giá", TODAY + 3 * DAY, True, 3, TODAY - 2 * DAY)]),
    # a reopening that ends before the period's deadline changes nothing
    (Status.DRAFT, TODAY + 9 * DAY, TODAY + 1 * DAY, None, [("Hạn tự đánh giá", TODAY + 9 * DAY, True, 9, None)]),
    # once submitted, the appraisal deadline is the one that runs
    (Status.SUBMITTED, TODAY - 2 * DAY, None, TODAY, [
        ("Hạn tự đánh giá", TODAY - 2 * DAY, False, -2, None), ("Hạn thẩm định", TODAY, True, 0, None)]),
    (Status.APPRAISED, None, None, TODAY, [("Hạn thẩm định", TODAY, False, 0, None)]),
    (Status.DRAFT, None, None, None, []),
])
def test_which_deadlines_run(status, own, reopened, council, expected):
    assert shown(status, own=own, reopened=reopened, council=council) == expected


def test_a_deadline_passes_the_day_after():
    last_day = Deadline("Hạn tự đánh giá", TODAY, running=True, today=TODAY)
    assert (last_day.passed, Deadline("x", TODAY, running=True, today=TODAY + DAY).passed) == (False, True)


def set_deadlines(period, *, own=None, council=None):
    period.self_assessment_deadline, period.appraisal_deadline = own, council
    period.save(update_fields=["self_assessment_deadline", "appraisal_deadline"])


def page(client, assessment, prefix="danh-gia"):
    return client.get(f"/{prefix}/{assessment.pk}/").content.decode()


def test_the_entry_page_counts_the_days_left(client_for, ward_staff, assessment):
    today = timezone.localdate()
    set_deadlines(assessment.period, own=today + 5 * DAY, council=today + 20 * DAY)
    html = page(client_for(ward_staff), assessment)
    assert f"Hạn tự đánh giá: {today + 5 * DAY:%d/%m/%Y} · còn 5 ngày</span>" in html
    assert f"Hạn thẩm định: {today + 20 * DAY:%d/%m/%Y}</span>" in html
    assert 'data-testid="deadline-passed"' not in html


def test_the_last_day_is_said(client_for, ward_staff, assessment):
    set_deadlines(assessment.period, own=timezone.localdate())
    assert "hôm nay là ngày cuối" in page(client_for(ward_staff), assessment)


def test_a_passed_deadline_is_said_on_the_page_not_only_on_a_save(client_for, ward_staff, assessment):
    today = timezone.localdate()
    set_deadlines(assessment.period, own=today - 2 * DAY)
    html = page(client_for(ward_staff), assessment)
    assert '<span class="deadline passed" data-testid="deadline">' in html
    assert "đã quá hạn 2 ngày" in html
    assert (f"Đã hết hạn tự đánh giá ({today - 2 * DAY:%d/%m/%Y}). Liên hệ Phòng Nội vụ để được mở lại.</p>"
            in html)
    assert 'class="score-form"' not in html


def test_a_reopened_file_shows_its_new_deadline(client_for, ward_staff, secretariat, assessment):
    today = timezone.localdate()
    set_deadlines(assessment.period, own=today - 2 * DAY)
    assessment_reopen(assessment=assessment, until=today + 3 * DAY, reason="Bổ sung", by=secretariat)
    html = page(client_for(ward_staff), assessment)
    assert (f"Hạn tự đánh giá: {today + 3 * DAY:%d/%m/%Y} (mở lại; hạn chung {today - 2 * DAY:%d/%m/%Y}) · còn 3 ngày"
            in html)
    assert 'data-testid="deadline-passed"' not in html


def test_the_units_home_shows_the_deadline_of_each_file(client_for, ward_staff, assessment):
    today = timezone.localdate()
    set_deadlines(assessment.period, own=today + 4 * DAY)
    html = client_for(ward_staff).get("/").content.decode()
    assert f"Hạn tự đánh giá: {today + 4 * DAY:%d/%m/%Y} · còn 4 ngày" in html
