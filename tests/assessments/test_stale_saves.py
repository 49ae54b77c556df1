"""A save from a page that is out of date: refused by the file's current state, never a crash."""
import pytest

from assessments.errors import AssessmentError
from assessments.models import Assessment
from assessments.services import self_score_save
from support import submit_completed


@pytest.fixture
def unscored(ward_framework):
    """1.2.1, a leaf of the ward tree nobody has scored."""
    return ward_framework.nodes.get(code="1.2.1")


def test_a_save_from_a_page_loaded_before_the_submission_is_refused(period, ward, ward_staff, ward_head, unscored):
    stale = period.assessments.get(unit=ward)  # the page was loaded while the file was a draft
    submit_completed(assessment=Assessment.objects.get(pk=stale.pk), by=ward_head)  # 1.2.1 completed at 0
    with pytest.raises(AssessmentError, match="trạng thái “Đã nộp”"):
        self_score_save(assessment=stale, node=unscored, by=ward_staff, expected_version=None, value="0,25")
    assert stale.self_scores.get(node=unscored).value == 0


def test_a_version_for_a_criterion_never_scored_is_a_stale_save_not_a_crash(period, ward, ward_staff, unscored):
    with pytest.raises(AssessmentError, match="vừa được — cập nhật"):
        self_score_save(assessment=period.assessments.get(unit=ward), node=unscored, by=ward_staff,
                        expected_version=3, value="0")
