"""Two council members at once: different criteria both stick; the same criterion refuses the later save."""
from decimal import Decimal

import pytest

from appraisal.errors import AppraisalError
from appraisal.services import appraisal_save


def test_two_members_on_different_criteria_both_keep_their_work(under_appraisal, member, secretariat, node):
    appraisal_save(assessment=under_appraisal, node=node("1.1.1"), by=member, value="0,25", reason="a",
                   expected_version=None)
    appraisal_save(assessment=under_appraisal, node=node("1.1.2"), by=secretariat, value="0", reason="b",
                   expected_version=None)
    assert dict(under_appraisal.appraised_scores.values_list("node__code", "value")) == {
        "1.1.1": Decimal("0.25"), "1.1.2": Decimal("0")}


def test_the_later_save_on_the_same_criterion_is_refused_with_the_newer_value(under_appraisal, member, secretariat, node):
    appraisal_save(assessment=under_appraisal, node=node("1.1.1"), by=member, value="0,25", reason="a",
                   expected_version=None)
    with pytest.raises(AppraisalError, match=r"vừa được Carol cập nhật \(hiện là 0,25\)"):
        appraisal_save(assessment=under_appraisal, node=node("1.1.1"), by=secretariat, value="0", reason="b",
                       expected_version=None)
    assert under_appraisal.appraised_scores.get().value == Decimal("0.25")
