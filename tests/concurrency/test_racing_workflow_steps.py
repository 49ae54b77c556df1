"""Two workflow steps from the same state at the same moment, in two real transactions.

``actions``' steps re-reads the assessment under a row lock before checking the step: the
second of two steps sees the state the first one left, so a file never takes two steps from one state.
"""
from accounts.models import Notification
from assessments import actions, workflow
from assessments.models import Assessment, StatusChange
from assessments.actions import assessment_return, assessment_submit
from assessments.workflow import Status, TransitionError
from concurrency.racing import CONCURRENCY_TEST, fresh, lingering_before_save, race, winner_and_loser
from support import SOON, score_remaining_leaves

pytestmark = CONCURRENCY_TEST


def assert_steps_chain(assessment) -> list[str]:
    """Each recorded step starts from the state the one before it left, up to the file's status now; the actions."""
    changes = list(StatusChange.objects.filter(assessment=assessment).order_by("pk"))
    assessment.refresh_from_db()
    assert [c.old_status for c in changes] == [Status.DRAFT] + [c.new_status for c in changes[:-1]]
    assert changes[-1].new_status == assessment.status
    return [c.action for c in changes]


def test_two_submissions_of_one_file_at_once_take_one_step(drafts, secretariat):
    for assessment, head in drafts:
        # Given a complete draft, and its head pressing "Nộp" in two tabs
        score_remaining_leaves(assessment, by=head)
        # When both requests arrive at the same moment
        with lingering_before_save(Assessment):
            outcomes = race(lambda a=assessment, h=head: assessment_submit(assessment=fresh(a), by=fresh(h)),
                            lambda a=assessment, h=head: assessment_submit(assessment=fresh(a), by=fresh(h)))
        # Then the file is submitted once: one step recorded, one message to the secretariat
        winner, loser = winner_and_loser(outcomes)
        assert assert_steps_chain(assessment) == ["submit"]
        assert winner.result.new_status == Status.SUBMITTED
        assert Notification.objects.filter(recipient=secretariat, message__contains=assessment.unit.name).count() == 1
        # and the other request is told the file is already submitted
        assert isinstance(loser.error, TransitionError), repr(loser.error)
        assert str(loser.error) == "Không thể “Nộp kết quả tự đánh giá” khi hồ sơ đang ở trạng thái “Đã nộp”."
    # Without the row lock both would read "draft" during the pause and both record draft → submitted:
    # two winners and two StatusChange rows.


def test_two_office_users_starting_one_appraisal_at_once_take_one_step(submitted, secretariat, admin):
    for assessment in submitted:
        # When Bob and Ada both start the appraisal of the same submitted file at the same moment
        with lingering_before_save(Assessment):
            outcomes = race(
                lambda a=assessment: actions.assessment_start_appraisal(assessment=fresh(a), by=fresh(secretariat)),
                lambda a=assessment: actions.assessment_start_appraisal(assessment=fresh(a), by=fresh(admin)),
            )
        # Then the appraisal starts once, by whoever was first; the other is told it already has
        winner, loser = winner_and_loser(outcomes)
        assert assert_steps_chain(assessment) == ["submit", "start_appraisal"]
        assert StatusChange.objects.get(assessment=assessment, action="start_appraisal").by == winner.result.by
        assert isinstance(loser.error, TransitionError), repr(loser.error)
        assert str(loser.error) == "Không thể “Bắt đầu thẩm định” khi hồ sơ đang ở trạng thái “Đang thẩm định”."


def test_a_return_and_a_start_of_the_appraisal_at_once_happen_one_after_the_other(submitted, secretariat, admin):
    for assessment in submitted:
        # When Bob returns a submitted file while Ada starts its appraisal
        with lingering_before_save(Assessment):
            returning, starting = race(
                lambda a=assessment: assessment_return(assessment=fresh(a), by=fresh(secretariat),
                                                       reason="Thiếu tài liệu", until=SOON),
                lambda a=assessment: actions.assessment_start_appraisal(assessment=fresh(a), by=fresh(admin)),
            )
        # Then the outcome is one of the two orders: a file may be returned during its appraisal, so
        # either the start came first and both steps are recorded in turn, or the return came first
        # and the start is refused
        assert returning.won, repr(returning.error)
        steps = assert_steps_chain(assessment)
        assert assessment.status == Status.RETURNED
        if starting.won:
            assert steps == ["submit", "start_appraisal", "return"]
        else:
            assert steps == ["submit", "return"]
            assert str(starting.error) == ("Không thể “Bắt đầu thẩm định” khi hồ sơ đang ở trạng thái "
                                           "“Trả lại để hoàn thiện”.")
    # Without the row lock both would read "submitted": two steps recorded from "submitted", which the
    # chain of old → new states refuses (and the file could even end "under appraisal").
