"""Finishing an appraisal while a council member still decides a criterion, in two real transactions.

Expected: the two happen one after the other. Either the decision comes first and the finish keeps
it, or the finish comes first and the decision is refused because the file is appraised.
"""
from decimal import Decimal

import pytest
from django.db import DatabaseError

from accounts.models import Role, User
from appraisal.errors import AppraisalError
from appraisal.models import AppraisedScore
from appraisal.services import appraisal_finish, appraisal_save
from assessments import actions, workflow
from assessments.services import self_score_save
from assessments.workflow import Status
from concurrency.racing import CONCURRENCY_TEST, ROUND_LEAVES, fresh, lingering_before_save, race
from support import submit_completed

pytestmark = CONCURRENCY_TEST


def test_finishing_while_a_criterion_is_decided_happens_one_after_the_other(drafts, secretariat, admin, node):
    for assessment, head in drafts:
        # Given a file self-scored on five criteria (the rest 0), submitted, under appraisal, nothing decided yet
        staff = User.objects.create(username=f"staff-{assessment.pk}", role=Role.UNIT_STAFF, unit=assessment.unit)
        for code in ROUND_LEAVES:
            self_score_save(assessment=assessment, node=node(code), by=staff, expected_version=None, value="0,5")
        submit_completed(assessment=assessment, by=head)
        actions.assessment_start_appraisal(assessment=assessment, by=secretariat)
        # When Bob finishes the appraisal while Ada adjusts criterion 1.1.1
        with lingering_before_save(AppraisedScore, seconds=0.1):
            finishing, deciding = race(
                lambda a=assessment: appraisal_finish(assessment=fresh(a), by=fresh(secretariat)),
                lambda a=assessment: appraisal_save(assessment=fresh(a), node=node("1.1.1"), by=fresh(admin),
                                                    value="0,25", reason="Thiếu văn bản", expected_version=None),
            )
        for outcome in (finishing, deciding):
            if isinstance(outcome.error, DatabaseError):
                raise outcome.error
        # Then the file is appraised, and the adjustment is kept, or refused because the file is appraised
        assert finishing.won, repr(finishing.error)
        assessment.refresh_from_db()
        assert assessment.status == Status.APPRAISED
        decided = assessment.appraised_scores.get(node__code="1.1.1")
        if deciding.won:
            assert (decided.value, decided.reason, decided.decided_by) == (Decimal("0.25"), "Thiếu văn bản", admin)
        else:
            assert isinstance(deciding.error, AppraisalError), repr(deciding.error)
            assert "“Đã thẩm định”" in str(deciding.error)
            assert (decided.value, decided.reason) == (Decimal("0.5"), "")
        assert assessment.appraised_scores.count() == assessment.self_scores.count()  # every criterion once
