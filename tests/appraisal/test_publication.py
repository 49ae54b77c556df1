"""Publishing freezes the period; a correction is a new, audited re-appraisal version."""
from decimal import Decimal

import pytest

from appraisal.errors import AppraisalError
from appraisal.services import appraisal_finish, appraisal_save, period_publish, reappraisal_publish
from assessments import actions
from assessments.workflow import Status, TransitionError
from support import submit_completed


@pytest.fixture
def appraised_period(period, under_appraisal, other_ward, secretariat, django_user_model):
    appraisal_finish(assessment=under_appraisal, by=secretariat)
    other = period.assessments.get(unit=other_ward)
    head = django_user_model.objects.create(username="yen", role="unit_head", unit=other_ward)
    submit_completed(assessment=other, by=head)
    actions.assessment_start_appraisal(assessment=other, by=secretariat)
    appraisal_finish(assessment=other, by=secretariat)
    return period


def test_publishing_needs_every_unit_appraised(period, under_appraisal, secretariat):
    with pytest.raises(AppraisalError, match="chưa thẩm định xong: Phường Hoàng Liệt, Phường Yên Sở"):
        period_publish(period=period, by=secretariat)
    assert not period.assessments.filter(status=Status.PUBLISHED).exists()


def test_publishing_freezes_a_snapshot_of_every_unit(appraised_period, under_appraisal, secretariat):
    published = period_publish(period=appraised_period, by=secretariat)
    assert len(published) == 2
    snapshot = under_appraisal.publications.get()
    assert (snapshot.version, snapshot.appraised_total, snapshot.max_total) == (1, Decimal("0.75"), Decimal("70"))
    assert snapshot.scores["1.1.1"] == {"self": "0.5", "self_not_assessed": False, "appraised": "0.5", "not_assessed": False}
    appraised_period.refresh_from_db()
    assert appraised_period.published_at is not None


def test_published_numbers_cannot_be_changed(appraised_period, under_appraisal, secretariat, node):
    period_publish(period=appraised_period, by=secretariat)
    under_appraisal.refresh_from_db()
    with pytest.raises(AppraisalError, match="Đã công bố"):
        appraisal_save(assessment=under_appraisal, node=node("1.1.1"), by=secretariat, value="0", reason="x",
                       expected_version=1)


def test_a_reappraisal_publishes_a_new_version_and_keeps_the_old_one(appraised_period, under_appraisal, secretariat, node):
    period_publish(period=appraised_period, by=secretariat)
    under_appraisal.refresh_from_db()
    with pytest.raises(TransitionError, match="Cần nêu lý do"):
        actions.assessment_reappraise(assessment=under_appraisal, by=secretariat, reason=" ")
    actions.assessment_reappraise(assessment=under_appraisal, by=secretariat, reason="Phúc tra theo đơn của phường")
    score = under_appraisal.appraised_scores.get(node=node("1.1.1"))
    appraisal_save(assessment=under_appraisal, node=node("1.1.1"), by=secretariat, value="0,25",
                   reason="Phúc tra: kế hoạch ban hành chậm", expected_version=score.version)
    appraisal_finish(assessment=under_appraisal, by=secretariat)
    republished = reappraisal_publish(assessment=under_appraisal, by=secretariat, reason="Kết quả phúc tra")
    versions = list(under_appraisal.publications.order_by("version").values_list("version", "appraised_total"))
    assert versions == [(1, Decimal("0.75")), (2, Decimal("0.5"))]
    assert republished.reason == "Kết quả phúc tra"


def test_leadership_cannot_publish(appraised_period, leadership):
    with pytest.raises(TransitionError, match="không có quyền"):
        period_publish(period=appraised_period, by=leadership)


def test_a_period_cannot_be_published_twice(appraised_period, secretariat):
    period_publish(period=appraised_period, by=secretariat)
    with pytest.raises(AppraisalError, match="đã công bố; sửa kết quả một đơn vị bằng phúc tra"):
        period_publish(period=appraised_period, by=secretariat)


def test_a_single_unit_is_republished_only_after_a_publication_and_with_a_reason(appraised_period, under_appraisal, secretariat, node):
    with pytest.raises(AppraisalError, match="chưa công bố lần nào"):
        reappraisal_publish(assessment=under_appraisal, by=secretariat, reason="x")
    assert under_appraisal.status == Status.APPRAISED
    period_publish(period=appraised_period, by=secretariat)
    under_appraisal.refresh_from_db()
    actions.assessment_reappraise(assessment=under_appraisal, by=secretariat, reason="Phúc tra")
    appraisal_finish(assessment=under_appraisal, by=secretariat)
    with pytest.raises(AppraisalError, match="Cần nêu lý do phúc tra"):
        reappraisal_publish(assessment=under_appraisal, by=secretariat, reason=" ")


def test_the_publications_confirmation_already_says_which_units_keep_the_period_from_it(
        client_for, secretariat, period, under_appraisal):
    # As the submission's does: confirming anyway is refused with the same words (test_publishing_needs_every_unit…)
    html = client_for(secretariat).get(f"/tham-dinh/ky/{period.pk}/").content.decode()
    assert ('data-testid="publication-refusal">Chưa thể công bố: các đơn vị sau chưa thẩm định xong: '
            'Phường Hoàng Liệt, Phường Yên Sở.<') in html


def test_once_every_unit_is_appraised_the_page_publishes_and_names_the_period_as_people_do(
        client_for, secretariat, appraised_period):
    client = client_for(secretariat)
    html = client.get(f"/tham-dinh/ky/{appraised_period.pk}/").content.decode()
    assert "publication-refusal" not in html

    response = client.post(f"/tham-dinh/ky/{appraised_period.pk}/cong-bo/", follow=True)

    assert "Đã công bố kết quả Chỉ số CCHC năm 2024 — UBND các phường." in response.content.decode()


def test_a_part_without_points_is_provisional_until_publication_then_counts_0_without_the_badge(
        client_for, secretariat, appraised_period, under_appraisal):
    from surveys.services import survey_part_set

    survey_part_set(period=appraised_period, method="sipas", max_points="10", by=secretariat)
    page = f"/bao-cao/ho-so/{under_appraisal.pk}/"
    assert "chưa có</span> / 10 <span class=\"badge\">Tạm tính</span>" in client_for(secretariat).get(page).content.decode()

    period_publish(period=appraised_period, by=secretariat)

    html = client_for(secretariat).get(page).content.decode()
    assert "chưa có</span> / 10</dd>" in html and "Tạm tính" not in html
